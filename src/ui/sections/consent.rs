//! Consent and signatures (item 7 of the brief): the four conditions of a voluntary, informed
//! decision, what may be shared with which partner organisations, the switch that marks the
//! plan for a partner export (with the rule it must meet), and the two signatures.

use homeward_plan::model::{Consent, Plan, Signature};
use homeward_plan::path::{Item, Part};
use homeward_plan::protection;
use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n;
use crate::state::use_app;
use crate::step::Step;
use crate::ui::agreed::{AgreedNotice, use_change_agreed};
use crate::ui::sections::safety::concern_names;
use crate::ui::signature::{SIGNING_REFUSED_ID, SignatureField, Signer};
use crate::ui::widgets::{DateField, FieldFindings, Text, both_languages, unique_id};

/// The four conditions of informed consent, in the order they are discussed: field name in the
/// plan (for the finding path), how to read it, how to change it, and its two texts.
type Condition = (&'static str, fn(&Consent) -> bool, fn(&mut Consent, bool), &'static str);

const CONDITIONS: [Condition; 4] = [
    ("no_pressure", |c| c.no_pressure, |c, v| c.no_pressure = v, "consent.no_pressure"),
    (
        "information_received",
        |c| c.information_received,
        |c, v| c.information_received = v,
        "consent.information_received",
    ),
    (
        "time_to_consider",
        |c| c.time_to_consider,
        |c, v| c.time_to_consider = v,
        "consent.time_to_consider",
    ),
    (
        "right_to_withdraw_explained",
        |c| c.right_to_withdraw_explained,
        |c, v| c.right_to_withdraw_explained = v,
        "consent.right_to_withdraw",
    ),
];

/// How many of the four conditions are confirmed.
pub fn confirmed_count(consent: &Consent) -> usize {
    CONDITIONS.iter().filter(|(_, read, _, _)| read(consent)).count()
}

/// The label and explanation keys of a condition (`<key>` and `<key>.explain`).
fn explain_key(key: &'static str) -> &'static str {
    match key {
        "consent.no_pressure" => "consent.no_pressure.explain",
        "consent.information_received" => "consent.information_received.explain",
        "consent.time_to_consider" => "consent.time_to_consider.explain",
        _ => "consent.right_to_withdraw.explain",
    }
}

#[component]
pub fn ConsentSection() -> impl IntoView {
    view! {
        <div class="hw-consent">
            <Conditions />
            <Sharing />
            <PartnerExport />
            <Signatures />
        </div>
    }
}

/// A large checkbox with a short label and a plain explanation under it.
#[component]
fn ExplainedCheck(
    label: &'static str,
    explain: &'static str,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    /// Findings shown under it; none when not given.
    #[prop(optional, into)]
    path: Option<Signal<String>>,
    /// `switch` for an on/off setting rather than a statement to confirm.
    #[prop(optional)]
    role: Option<&'static str>,
    /// A fixed id for the checkbox, for the places that lead here.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let id = id.map(str::to_owned).unwrap_or_else(|| unique_id("consent"));
    let explain_id = format!("{id}-explain");
    let findings_id = format!("{id}-findings");
    let described_by = match path {
        Some(_) => format!("{explain_id} {findings_id}"),
        None => explain_id.clone(),
    };
    let handler = move |ev: leptos::ev::Event| on_change.run(event_target_checked(&ev));
    view! {
        <div class="hw-big-check" class:hw-checked=move || checked.get()>
            <input type="checkbox" id=id.clone() role=role prop:checked=checked on:change=handler
                aria-describedby=described_by />
            <div class="hw-big-check-text">
                <label for=id><Text key=label /></label>
                <p class="hw-hint" id=explain_id><Text key=explain /></p>
                {path.map(|path| view! { <FieldFindings path=path id=findings_id.clone() /> })}
            </div>
        </div>
    }
}

/// The four conditions of a voluntary, informed decision.
#[component]
fn Conditions() -> impl IntoView {
    let draft = use_draft();
    let count = move || draft.plan.with(|p| confirmed_count(&p.consent));
    let checks = CONDITIONS
        .into_iter()
        .map(|(field, read, write, key)| {
            view! {
                <li>
                    <ExplainedCheck label=key explain=explain_key(key)
                        checked=Signal::derive(move || draft.plan.with(|p| read(&p.consent)))
                        on_change=Callback::new(move |v| draft.edit(|p| {
                            write(&mut p.consent, v);
                            // Consent is given when the last condition is confirmed: that day
                            // is proposed, and can be changed below.
                            if p.consent.informed() && p.consent.given_on.is_none() {
                                p.consent.given_on = Some(draft.today);
                            }
                        }))
                        path=Signal::derive(move || Item::Part(Part::Consent).field(field)) />
                </li>
            }
        })
        .collect_view();
    view! {
        <h2><Text key="consent.informed.heading" /></h2>
        <p class="hw-hint"><Text key="consent.informed.intro" /></p>
        <fieldset class="hw-conditions">
            <legend><Text key="consent.informed.legend" /></legend>
            <ul class="hw-plain-list">{checks}</ul>
        </fieldset>
        <p class="hw-status" role="status">
            {move || if count() == CONDITIONS.len() {
                view! {
                    <span aria-hidden="true">"✔ "</span>
                    <Text key="consent.informed.all" />
                }.into_any()
            } else {
                view! {
                    <span aria-hidden="true">"○ "</span>
                    {both_languages(move |l| i18n::tf(l, "consent.informed.some", &[
                        ("count", count().to_string()),
                        ("total", CONDITIONS.len().to_string()),
                    ]))}
                }.into_any()
            }}
        </p>
    }
}

/// Consent to share: with whom, and whether health and psychosocial details go too.
#[component]
fn Sharing() -> impl IntoView {
    let draft = use_draft();
    let count = move || draft.plan.with(|p| p.consent.partner_organisations.len());
    let add = move |_| {
        let index = count();
        draft.edit(|p| p.consent.partner_organisations.push(String::new()));
        dom::focus_new_later(format!("hw-partner-{index}"), None);
    };
    view! {
        <h2><Text key="consent.sharing.heading" /></h2>
        <ExplainedCheck label="consent.share_with_partners" explain="consent.share_with_partners.explain"
            id="hw-consent-share"
            checked=Signal::derive(move || draft.plan.with(|p| p.consent.share_with_partners))
            on_change=Callback::new(move |v| draft.edit(|p| p.consent.share_with_partners = v)) />
        <fieldset class="hw-partners">
            <legend><Text key="consent.partners.legend" /></legend>
            <Show when=move || count() == 0>
                <p class="hw-empty"><Text key="consent.partners.empty" /></p>
            </Show>
            <ol class="hw-plain-list">
                // Partner names have no ids in the plan, so rows are keyed by position.
                <For each=move || 0..count() key=|i| *i let:index>
                    <PartnerRow index=index />
                </For>
            </ol>
            <button type="button" class="hw-button hw-add" id="hw-partner-add" on:click=add>
                <span aria-hidden="true">"+"</span>
                <Text key="consent.partners.add" />
            </button>
        </fieldset>
        <ExplainedCheck label="consent.share_special_category"
            explain="consent.share_special_category.explain"
            checked=Signal::derive(move || draft.plan.with(|p| p.consent.share_special_category))
            on_change=Callback::new(move |v| draft.edit(|p| p.consent.share_special_category = v)) />
        <DateField label="consent.given_on" path=Signal::derive(|| "/consent/given_on".to_owned())
            value=Signal::derive(move || draft.plan.with(|p| p.consent.given_on))
            on_change=Callback::new(move |d| draft.edit(|p| p.consent.given_on = d)) />
    }
}

/// One partner organisation's name, with its remove button.
#[component]
fn PartnerRow(index: usize) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let id = format!("hw-partner-{index}");
    let value = move || {
        draft.plan.with(|p| p.consent.partner_organisations.get(index).cloned().unwrap_or_default())
    };
    let on_input = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        draft.edit(|p| {
            if let Some(slot) = p.consent.partner_organisations.get_mut(index) {
                *slot = name;
            }
        });
    };
    let remove = move |_| {
        draft.edit(|p| {
            if index < p.consent.partner_organisations.len() {
                p.consent.partner_organisations.remove(index);
            }
        });
        dom::focus_later("hw-partner-add".into(), None);
    };
    let n = (index + 1).to_string();
    let n2 = n.clone();
    view! {
        <li class="hw-partner-row">
            <div class="hw-field">
                <label for=id.clone()>
                    {both_languages(move |l| i18n::tf(l, "consent.partners.name", &[("n", n.clone())]))}
                </label>
                <input id=id type="text" autocomplete="organization" prop:value=value
                    on:input=on_input />
            </div>
            <button type="button" class="hw-button hw-remove" on:click=remove
                aria-label=move || i18n::tf(lang.get(), "consent.partners.remove", &[("n", n2.clone())])>
                <span aria-hidden="true">"✖"</span>
                <Text key="consent.remove" />
            </button>
        </li>
    }
}

/// The switch that marks the plan to be sent to a partner, with the rule it must meet.
#[component]
fn PartnerExport() -> impl IntoView {
    let draft = use_draft();
    view! {
        <h2><Text key="consent.export.heading" /></h2>
        <div id="hw-partner-export">
            <ExplainedCheck label="consent.export.switch" explain="consent.export.explain"
                role="switch"
                checked=Signal::derive(move || draft.plan.with(|p| p.marked_for_partner_export))
                on_change=Callback::new(move |v| draft.edit(|p| p.marked_for_partner_export = v))
                // The rule's finding points at whichever consent field is missing; it is
                // shown here, next to the switch that raised it.
                path=Signal::derive(|| "/consent".to_owned()) />
        </div>
    }
}

/// The returnee's and the counsellor's signatures. While a safety concern has no referral or
/// no review ([`protection::may_sign`]), signing is refused and the reason is shown.
#[component]
fn Signatures() -> impl IntoView {
    let draft = use_draft();
    let returnee = Memo::new(move |_| draft.plan.with(|p| p.signatures.returnee.clone()));
    let counsellor = Memo::new(move |_| draft.plan.with(|p| p.signatures.counsellor.clone()));
    let locked = Memo::new(move |_| !draft.plan.with(protection::may_sign));
    let agreed = Memo::new(move |_| draft.plan.with(Plan::is_agreed));
    // Taking a signature back from an agreed plan changes the agreed plan: asked first.
    let change_agreed = use_change_agreed();
    let set = move |s: Option<Signature>, write: fn(&mut Plan, Option<Signature>)| {
        if s.is_none() && agreed.get_untracked() {
            change_agreed();
        } else {
            draft.edit(|p| write(p, s));
        }
    };
    view! {
        <h2><Text key="consent.signatures.heading" /></h2>
        <p class="hw-hint"><Text key="consent.signatures.intro" /></p>
        <AgreedNotice agreed=agreed />
        <Show when=move || locked.get()>
            <SigningRefused />
        </Show>
        <SignatureField signer=Signer::Returnee value=returnee locked=locked
            on_change=Callback::new(move |s| set(s, |p, s| p.signatures.returnee = s)) />
        <SignatureField signer=Signer::Counsellor value=counsellor locked=locked
            on_change=Callback::new(move |s| set(s, |p, s| p.signatures.counsellor = s)) />
    }
}

/// Why signing is refused: the open safety concerns, and the way to them.
#[component]
fn SigningRefused() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let open = move || draft.plan.with(protection::open_concerns);
    view! {
        <div class="hw-finding hw-error hw-signing-refused" id=SIGNING_REFUSED_ID>
            <p>
                <span aria-hidden="true">"✖ "</span>
                <strong><Text key="safety.signing.blocked" /></strong>
            </p>
            <ul>{move || concern_names(open())}</ul>
            <button type="button" class="hw-link-button" on:click=move |_| app.step.set(Step::Safety)>
                {move || i18n::tf(lang.get(), "review.go_to",
                    &[("step", i18n::t(lang.get(), Step::Safety.label_key()))])}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_condition_reads_and_writes_its_own_field() {
        let mut consent = Consent::default();
        assert_eq!(confirmed_count(&consent), 0);
        for (i, (field, read, write, _)) in CONDITIONS.iter().enumerate() {
            write(&mut consent, true);
            assert!(read(&consent), "{field}");
            assert_eq!(confirmed_count(&consent), i + 1, "{field}");
        }
        assert!(consent.informed());
        (CONDITIONS[2].2)(&mut consent, false);
        assert!(!consent.time_to_consider);
        assert_eq!(confirmed_count(&consent), 3);
    }

    #[test]
    fn every_condition_has_its_texts() {
        for (_, _, _, key) in CONDITIONS {
            assert!(i18n::has_key(key), "{key}");
            assert!(i18n::has_key(explain_key(key)), "{key}");
            assert_ne!(explain_key(key), key);
        }
    }
}
