//! Review and export: what is still missing, every finding with a way to its field, a readable
//! summary of the whole plan (also what is printed), and the plan as a file (`files`: save,
//! seal, open; `partner`: the partner's file and its preview).

mod copy;
mod files;
mod incoming;
mod partner;
mod preview;

use homeward_plan::model::{Dimension, Plan, SignatureMethod};
use homeward_plan::progress::{plan_state, score_trail};
use leptos::prelude::*;

use crate::browser::names::NameKind;
use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::step::Step;
use crate::ui::findings::FindingList;
use crate::ui::picker::display_name;
use crate::ui::progress::trail_text;
use crate::ui::widgets::{Text, text_in};

#[component]
pub fn ReviewSection() -> impl IntoView {
    // While the returnee's copy is printed, paper holds it instead of the plan.
    let printing: copy::CopyPrinting = RwSignal::new(None);
    view! {
        <Completeness />
        <AllFindings />
        <partner::Files />
        <copy::CopyControls printing=printing />
        <div class="hw-review-plan" class:hw-copy-printing=move || printing.get().is_some()>
            <Summary />
        </div>
        <copy::CopyPaper printing=printing />
    }
}

/// How complete the plan is, and what is still missing.
#[component]
fn Completeness() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-missing-heading">
            <h2 id="hw-missing-heading"><Text key="review.missing_heading" /></h2>
            <p>
                {move || {
                    i18n::tf(
                        lang.get(),
                        "review.complete_percent",
                        &[("percent", draft.completeness.get().to_string())],
                    )
                }}
            </p>
            <progress max="100" value=move || draft.completeness.get().to_string()
                aria-labelledby="hw-missing-heading"></progress>
            <FindingList findings=Signal::derive(move || draft.missing.get()) empty="review.nothing_missing"
                go_to="review.go_to" />
        </section>
    }
}

/// Every error and warning of the plan, each with a way to the step where it is fixed.
#[component]
fn AllFindings() -> impl IntoView {
    let draft = use_draft();
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-findings-heading">
            <h2 id="hw-findings-heading"><Text key="review.findings_heading" /></h2>
            <FindingList findings=Signal::derive(move || draft.findings.get()) empty="review.no_findings"
                go_to="review.go_to" />
        </section>
    }
}

/// The whole plan in reading order, for the people at the table and on paper.
#[component]
fn Summary() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let second = use_app().second;
    view! {
        <PrintTitle />
        {move || {
            let lang = lang.get();
            let second = second.get().filter(|l| *l != lang);
            draft.plan.with(|plan| {
                summary(lang, second, plan, draft.guidance.get(), Some("review.summary_heading"))
            })
        }}
    }
}

/// The printed plan's title, only on paper: whose plan, its case reference and the day it was
/// printed.
#[component]
fn PrintTitle() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let who = draft
        .part(|p| (p.case.full_name.trim().to_owned(), p.case.case_reference.trim().to_owned()));
    move || {
        let lang = lang.get();
        let (name, reference) = who.get();
        let reference = (!reference.is_empty())
            .then(|| i18n::tf(lang, "review.print_case", &[("reference", reference)]));
        let day = i18n::tf(lang, "review.print_date", &[("date", format::date(lang, draft.today))]);
        let line = [Some(name).filter(|n| !n.is_empty()), reference, Some(day)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <header class="hw-print-only hw-print-title">
                <p class="hw-print-heading">{i18n::t(lang, "review.print_title")}</p>
                <p>{line}</p>
            </header>
        }
    }
}

/// The summary in `lang`; its labels also in `second` when two-language mode is on. The plan's
/// own texts are shown as they were typed, never translated. Under its own `heading` (a
/// translation key) as a section of the page, or bare inside another (the partner's preview).
fn summary(
    lang: Lang,
    second: Option<Lang>,
    plan: &Plan,
    guidance: homeward_plan::budget::Guidance,
    heading: Option<&'static str>,
) -> AnyView {
    let t = move |key: &str| text_in(lang, second, key);
    let or_dash =
        |text: &str| if text.trim().is_empty() { "—".to_owned() } else { text.to_owned() };
    // In a partner's file a withheld text shows as its neutral label, in the interface language.
    let withheld_or = |withheld: Option<homeward_plan::model::PrivacyCategory>, text: &str| {
        withheld.map_or_else(|| or_dash(text), |c| preview::neutral_label(lang, c))
    };
    let case = &plan.case;
    let country = display_name(lang, NameKind::Country, &case.country_of_return);
    let return_date = case.return_date.map(|d| format::date(lang, d)).unwrap_or_else(|| "—".into());
    let date_or_dash = |day: Option<chrono::NaiveDate>| {
        day.map_or_else(|| "—".to_owned(), |d| format::date(lang, d))
    };
    let host = display_name(lang, NameKind::Country, &case.host_country);
    let departure = format!("{} · {}", date_or_dash(case.departure_date), or_dash(&host));
    let reach = &case.contact_after_return;
    let contact = [reach.phone.trim(), reach.address.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let counsellor = [plan.counsellor.name.trim(), plan.counsellor.organisation.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let (contact, counsellor) = (or_dash(&contact), or_dash(&counsellor));
    let state = i18n::tf(
        lang,
        "review.state_value",
        &[
            ("state", i18n::t(lang, &format!("code.plan_state.{}", plan_state(plan).code()))),
            ("revision", plan.revision.to_string()),
        ],
    );
    let trails = Dimension::ALL
        .into_iter()
        .map(|d| (d, score_trail(plan, d)))
        .filter(|(_, trail)| !trail.is_empty())
        .map(|(d, trail)| {
            view! {
                <li><strong>{format::label(lang, "dimension", &d)}</strong>": "{trail_text(lang, &trail)}</li>
            }
        })
        .collect::<Vec<_>>();
    let dimensions = Dimension::ALL.into_iter().map(|dimension| {
        let goals: Vec<_> = plan.goals.iter().filter(|g| g.dimension == dimension).collect();
        let step = Step::for_dimension(dimension);
        view! {
            <section class="hw-summary-dimension">
                <h3>{t(step.label_key())}</h3>
                {if goals.is_empty() {
                    view! { <p>{t("review.no_goals")}</p> }.into_any()
                } else {
                    view! {
                        <ol>
                            {goals.into_iter().map(|goal| view! {
                                <li>
                                    <p class="hw-summary-goal">{withheld_or(goal.withheld, &goal.title)}</p>
                                    <ul>
                                        {goal.measures.iter().map(|m| {
                                            let kind = m.measure_type.map(|mt| format::label(lang, "measure_type", &mt)).unwrap_or_else(|| "—".into());
                                            let cost = m.cost().map(|c| format::money(lang, &c)).unwrap_or_else(|| "—".into());
                                            let agreed = if m.returnee_agreed { ("✓ ", t("review.agreed")) } else { ("○ ", t("review.not_agreed")) };
                                            view! {
                                                <li>
                                                    <strong>{kind}</strong>": "{withheld_or(m.withheld, &m.description)}
                                                    " · "{cost}" · "
                                                    <span aria-hidden="true">{agreed.0}</span>{agreed.1}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        }
    }).collect_view();
    let packages = guidance
        .packages
        .iter()
        .filter(|p| p.offered)
        .map(|p| {
            let available =
                p.available.as_ref().map(|m| format::money(lang, m)).unwrap_or_else(|| "—".into());
            let remaining =
                p.remaining.as_ref().map(|m| format::money(lang, m)).unwrap_or_else(|| "—".into());
            view! {
                <tr>
                    <th scope="row">{format::label(lang, "package", &p.package)}</th>
                    <td>{available}</td>
                    <td>{format::money(lang, &p.allocated)}</td>
                    <td>{remaining}</td>
                </tr>
            }
        })
        .collect_view();
    let follow_ups = plan
        .follow_ups
        .iter()
        .map(|f| {
            let due = f.due_date.map(|d| format::date(lang, d)).unwrap_or_else(|| "—".into());
            view! { <li>{due}" · "{format::label(lang, "contact_kind", &f.kind)}</li> }
        })
        .collect_view();
    let signature = |signed: Option<&homeward_plan::model::Signature>| -> AnyView {
        match signed {
            Some(s) => {
                let how = match &s.method {
                    SignatureMethod::Drawn { .. } => i18n::t(lang, "review.signed_drawn"),
                    SignatureMethod::Typed { name } => {
                        i18n::tf(lang, "review.signed_typed", &[("name", name.clone())])
                    }
                };
                view! { {format!("✓ {how} · {}", format::date(lang, s.signed_on))} }.into_any()
            }
            None => t("review.not_signed"),
        }
    };
    let content = view! {
            <div class="hw-aspirations">
                <h3>{t("review.aspirations")}</h3>
                <p class="hw-own-words">{or_dash(&plan.needs.aspirations)}</p>
            </div>
            <dl class="hw-summary-case">
                <dt>{t("review.case_reference")}</dt><dd>{or_dash(&case.case_reference)}</dd>
                <dt>{t("review.return")}</dt>
                <dd>{return_date}" · "{or_dash(&case.town)}", "{or_dash(&country)}</dd>
                <dt>{t("review.household")}</dt><dd>{(plan.household.len() + 1).to_string()}</dd>
                <dt>{t("review.departure")}</dt><dd>{departure}</dd>
                <dt>{t("review.contact_after_return")}</dt><dd>{contact}</dd>
                <dt>{t("review.counsellor")}</dt><dd>{counsellor}</dd>
                <dt>{t("review.state")}</dt><dd>{state}</dd>
            </dl>
            {dimensions}
            {(!trails.is_empty()).then(|| view! {
                <h3>{t("progress.heading")}</h3>
                <ul>{trails}</ul>
            })}
            {super::safety::copy::returnee_copy(lang, second, plan)}
            <h3>{t("step.budget")}</h3>
            <table class="hw-table">
                <thead>
                    <tr>
                        <th scope="col">{t("review.package")}</th>
                        <th scope="col">{t("review.available")}</th>
                        <th scope="col">{t("review.allocated")}</th>
                        <th scope="col">{t("review.remaining")}</th>
                    </tr>
                </thead>
                <tbody>{packages}</tbody>
            </table>
            <h3>{t("step.follow_up")}</h3>
            {if plan.follow_ups.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! { <ul>{follow_ups}</ul> }.into_any() }}
            <h3>{t("step.consent")}</h3>
            <p>{if plan.consent.informed() { t("review.consent_given") } else { t("review.consent_missing") }}</p>
            <dl>
                <dt>{t("review.returnee_signature")}</dt><dd>{signature(plan.signatures.returnee.as_ref())}</dd>
                <dt>{t("review.counsellor_signature")}</dt><dd>{signature(plan.signatures.counsellor.as_ref())}</dd>
            </dl>
    };
    match heading {
        Some(heading) => view! {
            <section class="hw-review-block hw-summary" aria-labelledby="hw-summary-heading">
                <h2 id="hw-summary-heading">{t(heading)}</h2>
                {content}
            </section>
        }
        .into_any(),
        None => view! { <div class="hw-summary">{content}</div> }.into_any(),
    }
}
