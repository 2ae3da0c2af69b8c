//! The whole plan in reading order, as the Review step shows it and paper prints it: every
//! part of the IOM plan template (Annex 3), from the case and household through goals,
//! measures and their items, budget and payments, referrals and follow-up, to the signatures.
//! Also the body of the partner's preview. Each row's words come from [`lines`].

mod lines;

use homeward_plan::model::{Dimension, Plan, SignatureMethod};
use homeward_plan::progress::score_trail;
use leptos::prelude::*;

use super::preview;
use crate::browser::names::NameKind;
use crate::i18n::{self, Lang, format};
use crate::step::Step;
use crate::ui::picker::display_name;
use crate::ui::progress::trail_text;
use crate::ui::widgets::text_in;

/// The summary in `lang`; its labels also in `second` when two-language mode is on. The plan's
/// own texts are shown as they were typed, never translated. Under its own `heading` (a
/// translation key) as a section of the page, or bare inside another (the partner's preview).
pub(super) fn summary(
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
    let contact = lines::contact(lang, &case.contact_after_return);
    let nationality = display_name(lang, NameKind::Country, &case.nationality);
    let languages = case
        .languages
        .iter()
        .map(|code| display_name(lang, NameKind::Language, code))
        .collect::<Vec<_>>()
        .join(", ");
    let members = plan
        .household
        .iter()
        .map(|m| view! { <li>{lines::member(lang, m)}</li> })
        .collect::<Vec<_>>();
    let counsellor = [plan.counsellor.name.trim(), plan.counsellor.organisation.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let (contact, counsellor) = (or_dash(&contact), or_dash(&counsellor));
    let state = format::plan_state(lang, plan);
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
                <p class="hw-summary-needs"><strong>{t("review.needs")}</strong>" "{or_dash(plan.needs.summary.get(dimension))}</p>
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
                                            let items = m.items.iter().map(|i| view! { <li>{lines::item(lang, i)}</li> }).collect::<Vec<_>>();
                                            view! {
                                                <li>
                                                    <strong>{kind}</strong>": "{withheld_or(m.withheld, &m.description)}
                                                    " · "{cost}" · "
                                                    <span aria-hidden="true">{agreed.0}</span>{agreed.1}
                                                    " · "{lines::measure_outcome(lang, m)}
                                                    {(!items.is_empty()).then(|| view! { <ul class="hw-summary-items">{items}</ul> })}
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
        .map(|f| view! { <li>{lines::follow_up(lang, f)}</li> })
        .collect_view();
    let payments = plan
        .budget
        .tranches
        .iter()
        .map(|tranche| {
            let (when, state) = lines::payment(lang, tranche);
            view! {
                <tr>
                    <td>{when}</td>
                    <th scope="row">{format::label(lang, "package", &tranche.package)}</th>
                    <td>{format::money(lang, &tranche.amount)}</td>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let referrals = plan
        .referrals
        .iter()
        .map(|r| {
            let parts = lines::referral(lang, r);
            view! { <li><strong>{withheld_or(r.withheld, &r.organisation)}</strong>": "{parts}</li> }
        })
        .collect::<Vec<_>>();
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
                <dt>{t("review.returnee")}</dt><dd>{or_dash(&lines::returnee(lang, case, languages))}</dd>
                <dt>{t("review.profile")}</dt><dd>{or_dash(&lines::profile(case))}</dd>
                <dt>{t("review.nationality")}</dt><dd>{or_dash(&nationality)}</dd>
                <dt>{t("review.household")}</dt><dd>{(plan.household.len() + 1).to_string()}
                    {(!members.is_empty()).then(|| view! { <ul class="hw-summary-members">{members}</ul> })}
                </dd>
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
            {crate::ui::sections::safety::copy::returnee_copy(lang, second, plan)}
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
            <h3>{t("review.payments")}</h3>
            {if payments.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! {
                <table class="hw-table">
                    <thead>
                        <tr>
                            <th scope="col">{t("review.payment_when")}</th>
                            <th scope="col">{t("review.package")}</th>
                            <th scope="col">{t("review.payment_amount")}</th>
                            <th scope="col">{t("review.payment_state")}</th>
                        </tr>
                    </thead>
                    <tbody>{payments}</tbody>
                </table>
            }.into_any() }}
            <h3>{t("follow_up.referrals.heading")}</h3>
            {if referrals.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! { <ul>{referrals}</ul> }.into_any() }}
            <h3>{t("follow_up.contacts.heading")}</h3>
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
