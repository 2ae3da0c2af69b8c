//! The referrals to other organisations, each a card: organisation, purpose, the measure it
//! serves, when it was made and where it stands.

use homeward_plan::model::{Referral, ReferralStatus};
use homeward_plan::path::Item;
use homeward_plan::privacy::referral_privacy;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::ui::private::PrivateToggle;
use crate::ui::row::{ListTexts, PlanList, RemoveRow, Row, RowList, removed};
use crate::ui::widgets::{
    ChoiceField, DateField, FIRST_FIELD, ItemChoice, Text, TextField, both_languages,
};

static REFERRALS: PlanList<Referral> =
    PlanList { items: |p| &p.referrals, items_mut: |p| &mut p.referrals, item: Item::Referral };

const TEXTS: ListTexts = ListTexts {
    hint: "follow_up.referrals.intro",
    empty: "follow_up.referrals.empty",
    add: "follow_up.referrals.add",
    add_id: "hw-referral-add",
};

/// The referrals, each a card, and a button to add one.
#[component]
pub fn Referrals() -> impl IntoView {
    view! {
        <h2 id="hw-referrals-heading"><Text key="follow_up.referrals.heading" /></h2>
        <RowList list=&REFERRALS texts=TEXTS class="hw-cards" labelled_by="hw-referrals-heading"
            add_row=|p, id| p.referrals.push(Referral { id, ..Default::default() })
            focus=|id| (format!("hw-referral-{id}"), Some(FIRST_FIELD))
            row=|row| view! { <ReferralRow row=row /> }.into_any() />
    }
}

/// One referral.
#[component]
fn ReferralRow(row: Row<Referral>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let id = row.id;
    let number = move || row.number();
    view! {
        <li>
            <fieldset class="hw-card" id=format!("hw-referral-{id}")>
                <legend>{both_languages(move |l| {
                    i18n::tf(l, "follow_up.referral.legend", &[("n", number())])
                })}</legend>
                <PrivateToggle label="private.referral" number=Signal::derive(number)
                    privacy=Signal::derive(move || draft.plan.with(|p| {
                        p.referrals.get(row.index.get()).and_then(|r| referral_privacy(p, r))
                    }))
                    on_change=row.on(|r, v| r.private = v) />
                <TextField label="follow_up.referral.organisation"
                    value=row.value(|r| r.organisation.clone()) path=row.path("organisation")
                    on_input=row.on(|r, v| r.organisation = v) />
                <TextField label="follow_up.referral.contact"
                    value=row.value(|r| r.contact.clone()) path=row.path("contact")
                    on_input=row.on(|r, v| r.contact = v) />
                <TextField label="follow_up.referral.purpose" multiline=true
                    value=row.value(|r| r.purpose.clone()) path=row.path("purpose")
                    on_input=row.on(|r, v| r.purpose = v) />
                <MeasureChoice row=row />
                <ChoiceField label="follow_up.referral.agreed" kind="agreed" optional=true
                    options=vec![true, false]
                    value=row.value(|r| r.returnee_agreed) path=row.path("returnee_agreed")
                    on_change=row.on(|r, v| r.returnee_agreed = v) />
                <DateField label="follow_up.referral.referred_on" value=row.value(|r| r.referred_on)
                    path=row.path("referred_on") on_change=row.on(|r, d| r.referred_on = d) />
                <ChoiceField label="follow_up.referral.status" kind="referral_status"
                    options=ReferralStatus::ALL.to_vec()
                    value=row.value(|r| Some(r.status)) path=row.path("status")
                    on_change=row.on(|r, s: Option<ReferralStatus>| {
                        if let Some(s) = s {
                            r.status = s;
                        }
                    }) />
                <TextField label="follow_up.referral.outcome" multiline=true
                    value=row.value(|r| r.outcome.clone()) path=row.path("outcome")
                    on_input=row.on(|r, v| r.outcome = v) />
                <DateField label="follow_up.referral.outcome_on" value=row.value(|r| r.outcome_on)
                    path=row.path("outcome_on") on_change=row.on(|r, d| r.outcome_on = d) />
                <RemoveRow text="follow_up.remove" on_remove=Callback::new(move |()| removed(row, TEXTS))
                    label=Signal::derive(move || {
                        i18n::tf(lang.get(), "follow_up.referral.remove", &[("n", number())])
                    }) />
            </fieldset>
        </li>
    }
}

/// The measure a referral serves, chosen from the plan's measures by their description.
#[component]
fn MeasureChoice(row: Row<Referral>) -> impl IntoView {
    let draft = use_draft();
    let items = Callback::new(move |lang: Lang| {
        draft.plan.with(|p| {
            p.measures()
                .enumerate()
                .map(|(i, m)| (m.measure.id, format::measure_name(lang, i + 1, m.measure)))
                .collect()
        })
    });
    view! {
        <ItemChoice label="follow_up.referral.measure" path=row.path("measure_id")
            none="follow_up.referral.measure_none" unknown=Some("follow_up.referral.measure_unknown")
            chosen=Signal::derive(move || row.read(|r| r.measure_id).flatten())
            items=items
            on_change=Callback::new(move |measure| row.edit(|r| r.measure_id = measure)) />
    }
}
