//! The returnee's copy: their plan on paper in their language (and the second language when
//! two-language mode is on), in plain words: their goals and measures, the dates ahead, what
//! they will receive and who to contact. What it holds is the domain's
//! (`homeward_plan::returnee_copy`): never the counsellor's notes or the assessment.

use chrono::NaiveDate;
use homeward_plan::model::{Measure, Plan};
use homeward_plan::returnee_copy::{ReturneeCopy, Upcoming, returnee_copy};
use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::session::use_session;
use crate::state::{use_app, when_ready};
use crate::step::Step;
use crate::ui::sections::safety::copy::returnee_copy as safety_copy;
use crate::ui::widgets::{Text, text_in};

/// The language the returnee's copy is being printed in, while it is.
pub type CopyPrinting = RwSignal<Option<Lang>>;

/// The interface language the returnee reads best: the first of their languages that Homeward
/// speaks, else the interface language.
fn returnee_language(plan: &Plan, interface: Lang) -> Lang {
    plan.case
        .languages
        .iter()
        .find_map(|tag| Lang::from_code(tag.split('-').next().unwrap_or(tag)))
        .unwrap_or(interface)
}

/// Choosing the copy's language and printing it. Printing shows only the copy on paper; once
/// the browser has printed, the page is as it was.
#[component]
pub fn CopyControls(printing: CopyPrinting) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let chosen: RwSignal<Option<Lang>> = RwSignal::new(None);
    let language = move || {
        chosen.get().unwrap_or_else(|| draft.plan.with(|p| returnee_language(p, app.lang.get())))
    };
    let handle = window_event_listener_untyped("afterprint", move |_| printing.set(None));
    on_cleanup(move || handle.remove());
    let session = use_session();
    let print = move |_| {
        let lang = language();
        // The copy's language need not be the interface's: its texts may have to be fetched.
        when_ready(lang, session, move |ready| {
            if ready {
                printing.set(Some(lang));
                // Once the copy is drawn.
                set_timeout(dom::print_page, std::time::Duration::ZERO);
            }
        });
    };
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-copy-heading">
            <h2 id="hw-copy-heading"><Text key="copy.heading" /></h2>
            <p class="hw-hint"><Text key="copy.explain" /></p>
            <div class="hw-field">
                <label for="hw-copy-lang"><Text key="copy.language" /></label>
                <select id="hw-copy-lang" prop:value=move || language().code()
                    on:change=move |ev| chosen.set(Lang::from_code(&event_target_value(&ev)))>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() lang=l.code() selected=move || language() == l>
                            {l.native_name()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="button" class="hw-button" on:click=print>
                <span aria-hidden="true">"🖶 "</span>
                <Text key="copy.print" />
            </button>
        </section>
    }
}

/// The copy itself, drawn only while it is printed.
#[component]
pub fn CopyPaper(printing: CopyPrinting) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    move || {
        let lang = printing.get()?;
        let second = app.second.get().filter(|l| *l != lang);
        Some(draft.plan.with(|plan| {
            let copy = returnee_copy(plan, draft.today);
            view! {
                <article class="hw-print-only hw-returnee-copy" lang=lang.code() dir=lang.dir()>
                    {paper(lang, second, plan, &copy, draft.today)}
                </article>
            }
        }))
    }
}

/// A measure as the returnee knows it: what kind of help, and what it is.
fn measure_name(lang: Lang, measure: &Measure) -> String {
    let kind = measure.measure_type.map(|t| format::label(lang, "measure_type", &t));
    match (kind, measure.description.trim()) {
        (Some(kind), "") => kind,
        (Some(kind), what) => format!("{kind}: {what}"),
        (None, "") => "—".to_owned(),
        (None, what) => what.to_owned(),
    }
}

fn paper(
    lang: Lang,
    second: Option<Lang>,
    plan: &Plan,
    copy: &ReturneeCopy<'_>,
    today: NaiveDate,
) -> AnyView {
    let t = move |key: &str| text_in(lang, second, key);
    let day = |d: NaiveDate| format::date(lang, d);
    let name = plan.case.full_name.trim();
    let byline = [name.to_owned(), i18n::tf(lang, "review.print_date", &[("date", day(today))])]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let goals = copy
        .goals
        .iter()
        .filter(|(_, goals)| !goals.is_empty())
        .map(|(dimension, goals)| {
            let goals = goals
                .iter()
                .map(|g| {
                    let measures = g
                        .measures
                        .iter()
                        .map(|m| {
                            let agreed = if m.returnee_agreed {
                                t("copy.agreed")
                            } else {
                                t("copy.not_agreed")
                            };
                            view! { <li>{measure_name(lang, m)}" · "{agreed}</li> }
                        })
                        .collect_view();
                    let title = if g.goal.title.trim().is_empty() {
                        "—".to_owned()
                    } else {
                        g.goal.title.clone()
                    };
                    view! { <li><p class="hw-summary-goal">{title}</p><ul>{measures}</ul></li> }
                })
                .collect_view();
            view! {
                <h4>{t(Step::for_dimension(*dimension).label_key())}</h4>
                <ol>{goals}</ol>
            }
        })
        .collect_view();
    let upcoming = copy
        .upcoming
        .iter()
        .map(|(when, what)| {
            let what = match what {
                Upcoming::Return => i18n::t(lang, "copy.upcoming.return"),
                Upcoming::Contact(kind) => i18n::t(lang, &format!("copy.upcoming.{}", kind.code())),
                Upcoming::MeasureStarts(m) => {
                    i18n::tf(lang, "copy.upcoming.starts", &[("what", measure_name(lang, m))])
                }
                Upcoming::MeasureDue(m) => {
                    i18n::tf(lang, "copy.upcoming.due", &[("what", measure_name(lang, m))])
                }
                Upcoming::Payment(p) => i18n::tf(
                    lang,
                    "copy.upcoming.payment",
                    &[("amount", format::money(lang, &p.amount))],
                ),
            };
            view! { <li><strong>{day(*when)}</strong>" · "{what}</li> }
        })
        .collect_view();
    let payments = copy
        .payments
        .iter()
        .map(|p| {
            let state = if p.paid { t("copy.paid") } else { t("copy.to_come") };
            view! {
                <tr>
                    <td>{day(p.date)}</td>
                    <td>{format::money(lang, &p.amount)}</td>
                    <td>{p.purpose.clone()}</td>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect_view();
    let contacts = copy
        .contacts
        .iter()
        .map(|c| {
            let purpose = (!c.purpose.trim().is_empty()).then(|| format!(" · {}", c.purpose));
            view! { <li><strong>{c.organisation.to_owned()}</strong>{purpose}</li> }
        })
        .collect_view();
    let none = |key: &'static str| view! { <p>{t(key)}</p> }.into_any();
    view! {
        <header class="hw-print-title">
            <p class="hw-print-heading">{t("copy.title")}</p>
            <p>{byline}</p>
        </header>
        <p>{t("copy.intro")}</p>
        {(!plan.needs.aspirations.trim().is_empty()).then(|| view! {
            <h3>{t("copy.own_words")}</h3>
            <p class="hw-own-words">{plan.needs.aspirations.clone()}</p>
        })}
        <h3>{t("copy.goals")}</h3>
        {goals}
        <h3>{t("copy.dates")}</h3>
        {if copy.upcoming.is_empty() { none("copy.no_dates") } else { view! { <ul>{upcoming}</ul> }.into_any() }}
        <h3>{t("copy.payments")}</h3>
        {if copy.payments.is_empty() {
            none("copy.no_payments")
        } else {
            view! {
                <table class="hw-table">
                    <thead><tr>
                        <th scope="col">{t("copy.when")}</th>
                        <th scope="col">{t("copy.amount")}</th>
                        <th scope="col">{t("copy.what_for")}</th>
                        <th scope="col">{t("copy.state")}</th>
                    </tr></thead>
                    <tbody>{payments}</tbody>
                </table>
            }.into_any()
        }}
        <h3>{t("copy.contacts")}</h3>
        {if copy.contacts.is_empty() { none("copy.no_contacts") } else { view! { <ul>{contacts}</ul> }.into_any() }}
        {safety_copy(lang, second, plan)}
    }
    .into_any()
}
