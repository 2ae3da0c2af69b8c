//! The Budget section: the programme and its rules, what the household is entitled to, what is
//! allocated per package, area and modality and what is left, the budget findings with a way to
//! the field concerned, a chart, and the payment and purchase schedule. Everything is read from
//! the draft's live guidance, so it follows every edit and every change of programme.

use chrono::NaiveDate;
use homeward_plan::budget::{
    self, CountedPerson, EntitlementLine, LineKind, PACKAGES, PackageGuidance, PersonCategory,
};
use homeward_plan::catalogue::BudgetArea;
use homeward_plan::model::{Package, Plan, Tranche};
use homeward_plan::money::Money;
use homeward_plan::path::{Item, Part};
use homeward_plan::privacy::tranche_privacy;
use homeward_plan::programme::{self, ProgrammeConfig, localized};
use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::dom;
use crate::draft::{new_id, use_draft};
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::step::{Step, step_for_path};
use crate::ui::budget_panel::{Amount, Remaining, local_text, rounding_note};
use crate::ui::chart::AllocationChart;
use crate::ui::dialog::{Confirm, use_dialogs};
use crate::ui::measure::measure_element_id;
use crate::ui::private::PrivateToggle;
use crate::ui::sections::dimension::goal_element_id;
use crate::ui::widgets::{
    CheckField, DateField, MoneyField, Text, TextField, severity_look, unique_id,
};

/// Element id of a tranche's heading in the schedule.
pub fn tranche_element_id(id: Uuid) -> String {
    format!("hw-tranche-{id}")
}

/// Element id of the packages' overview.
const PACKAGES_ID: &str = "hw-budget-packages";

/// The step that shows the field at `path` (a JSON Pointer into the plan) and, when known, the
/// element to bring into view there: the measure's or goal's card, or the tranche.
pub fn finding_target(plan: &Plan, path: &str) -> (Step, Option<String>) {
    let step = step_for_path(plan, path);
    let element = match Item::containing(path) {
        Item::Measure { goal, measure } => plan.goals.get(goal).and_then(|g| {
            g.measures
                .get(measure)
                .map(|m| measure_element_id(m.id))
                .or(Some(goal_element_id(g.id)))
        }),
        Item::Goal(goal) => plan.goals.get(goal).map(|g| goal_element_id(g.id)),
        Item::Tranche(i) => plan.budget.tranches.get(i).map(|t| tranche_element_id(t.id)),
        Item::Part(Part::Budget) => Some(PACKAGES_ID.to_owned()),
        _ => None,
    };
    (step, element)
}

/// The language `localized` picks from a configuration's text for `lang`, so a note shown in
/// its English fallback is marked as English for screen readers and text direction.
fn text_language(text: &programme::LocalizedText, lang: &str) -> String {
    if text.contains_key(lang) {
        lang.to_owned()
    } else if text.contains_key(programme::FALLBACK_LANGUAGE) {
        programme::FALLBACK_LANGUAGE.to_owned()
    } else {
        text.keys().next().cloned().unwrap_or_else(|| lang.to_owned())
    }
}

/// The text of one entitlement line, e.g. "Adults: 2 × 2,000.00 EUR = 4,000.00 EUR".
fn line_text(lang: Lang, line: &EntitlementLine) -> String {
    let each = line
        .each
        .as_ref()
        .map_or_else(|| i18n::t(lang, "budget.not_known"), |m| format::money(lang, m));
    let args = |extra: Vec<(&'static str, String)>| {
        let mut args = vec![("count", line.count.to_string()), ("each", each.clone())];
        args.extend(extra);
        args
    };
    let text = match line.kind {
        LineKind::Adult => i18n::tf(lang, "budget.line.adult", &args(vec![])),
        LineKind::Minor => i18n::tf(lang, "budget.line.minor", &args(vec![])),
        LineKind::ChildUnder { age } => {
            i18n::tf(lang, "budget.line.child_under", &args(vec![("age", age.to_string())]))
        }
        LineKind::UnaccompaniedChild => i18n::tf(lang, "budget.line.unaccompanied", &args(vec![])),
        LineKind::FamilySupplement => {
            i18n::tf(lang, "budget.line.family_supplement", &args(vec![]))
        }
        LineKind::TopUp { vulnerability } => i18n::tf(
            lang,
            "budget.line.top_up",
            &args(vec![("vulnerability", format::label(lang, "vulnerability", &vulnerability))]),
        ),
    };
    match &line.each {
        Some(each) => {
            let subtotal = Money::new(
                each.amount_minor.saturating_mul(i64::from(line.count)),
                each.currency.clone(),
            );
            format!("{text} = {}", format::money(lang, &subtotal))
        }
        None => text,
    }
}

/// Who a counted person is, how they count and their age.
fn person_text(lang: Lang, person: &CountedPerson) -> String {
    let who = match person.member_index {
        None => i18n::t(lang, "budget.person.returnee"),
        Some(i) => i18n::tf(lang, "budget.person.member", &[("number", (i + 1).to_string())]),
    };
    let category = match person.category {
        PersonCategory::Adult => i18n::t(lang, "budget.category.adult"),
        PersonCategory::Minor => i18n::t(lang, "budget.category.minor"),
        PersonCategory::UnaccompaniedChild => i18n::t(lang, "budget.category.unaccompanied"),
    };
    let age = match person.age {
        Some(age) => i18n::tf(lang, "budget.age", &[("age", age.to_string())]),
        None => i18n::t(lang, "budget.age_unknown"),
    };
    i18n::tf(lang, "budget.person", &[("who", who), ("category", category), ("age", age)])
}

/// The Budget step, in the order a counsellor explains it: the rules, who counts, what each
/// package allows, where the money goes, what to fix, and when it is paid.
#[component]
pub fn BudgetSection() -> impl IntoView {
    view! {
        <div class="hw-budget">
            <ProgrammePicker />
            <Household />
            <Packages />
            <section class="hw-budget-part" aria-labelledby="hw-budget-chart-heading">
                <h2 id="hw-budget-chart-heading"><Text key="chart.heading" /></h2>
                <AllocationChart />
            </section>
            <Breakdown />
            <OtherFunding />
            <BudgetFindings />
            <Schedule />
            <RoundingNote />
        </div>
    }
}

/// The programme whose rules apply, where its figures come from and what is uncertain.
/// Switching keeps the whole plan; only the rules applied to it change.
#[component]
fn ProgrammePicker() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let select_id = unique_id("programme");
    let presets = programme::presets();
    let current = move || draft.programme.with(|c| c.id.clone());
    let options = presets
        .iter()
        .map(|config| {
            let id = config.id.clone();
            let config = config.clone();
            let selected = {
                let id = id.clone();
                move || current() == id
            };
            view! {
                <option value=id selected=selected>
                    {move || config.display_name(lang.get().code()).to_owned()}
                </option>
            }
        })
        .collect_view();
    // A host's own configuration (not a built-in preset) stays on the list once seen, so
    // trying a preset does not lose it.
    let own: RwSignal<Option<ProgrammeConfig>> = RwSignal::new(None);
    Effect::new(move |_| {
        let config = draft.programme.get();
        if !programme::preset_ids().any(|id| id == config.id) {
            own.set(Some(config));
        }
    });
    let own_option = move || {
        own.get().map(|config| {
            let id = config.id.clone();
            let selected = {
                let id = id.clone();
                move || current() == id
            };
            view! {
                <option value=id selected=selected>
                    {move || config.display_name(lang.get().code()).to_owned()}
                </option>
            }
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let chosen = own.get_untracked().filter(|c| c.id == id).or_else(|| programme::preset(&id));
        if let Some(config) = chosen {
            draft.switch_programme(config);
        }
    };
    let info = move || {
        let lang = lang.get();
        draft.programme.with(|c| {
            let code = lang.code();
            let sources = c
                .sources
                .iter()
                .map(|s| {
                    let url = s.url.clone().map(|u| view! { " " <span class="hw-url">{u}</span> });
                    view! { <li dir="auto">{s.title.clone()}{url}</li> }
                })
                .collect_view();
            let notes = localized(&c.notes, code).map(|n| {
                let text_lang = text_language(&c.notes, code);
                view! { <p lang=text_lang dir="auto">{n.to_owned()}</p> }
            });
            let uncertain = c
                .uncertain
                .iter()
                .filter_map(|u| {
                    localized(&u.note, code).map(|n| (n.to_owned(), text_language(&u.note, code)))
                })
                .map(|(note, text_lang)| {
                    view! {
                        <li lang=text_lang dir="auto"><span aria-hidden="true">"⚠ "</span>{note}</li>
                    }
                })
                .collect_view();
            let has_uncertain = !c.uncertain.is_empty();
            view! {
                <p class="hw-as-of">
                    {i18n::tf(lang, "budget.as_of", &[("date", format::date(lang, c.as_of))])}
                </p>
                {notes}
                <details class="hw-sources">
                    <summary>{i18n::t(lang, "budget.sources")}</summary>
                    <ul>{sources}</ul>
                </details>
                {has_uncertain.then(|| view! {
                    <h3>{i18n::t(lang, "budget.uncertain")}</h3>
                    <ul class="hw-uncertain">{uncertain}</ul>
                })}
            }
        })
    };
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-programme-heading">
            <h2 id="hw-programme-heading"><Text key="budget.programme_heading" /></h2>
            <div class="hw-field">
                <label for=select_id.clone()><Text key="budget.programme" /></label>
                <select id=select_id prop:value=current on:change=on_change>
                    {own_option}
                    {options}
                </select>
            </div>
            <p class="hw-hint"><Text key="budget.programme_hint" /></p>
            <div class="hw-programme-info">{info}</div>
        </section>
    }
}

/// Who counts for the entitlement, on which day ages are taken.
#[component]
fn Household() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let data = Memo::new(move |_| {
        draft.guidance.with(|g| (g.household.clone(), g.reference_date, g.return_date_set))
    });
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-counted-heading">
            <h2 id="hw-counted-heading"><Text key="budget.household_heading" /></h2>
            <p>
                {move || {
                    let lang = lang.get();
                    let (_, day, set) = data.get();
                    let key = if set { "budget.ages_on_return" } else { "budget.ages_on_today" };
                    i18n::tf(lang, key, &[("date", format::date(lang, day))])
                }}
            </p>
            <ul class="hw-counted">
                {move || {
                    let lang = lang.get();
                    data.get().0.iter().map(|p| view! { <li>{person_text(lang, p)}</li> }).collect_view()
                }}
            </ul>
            <p class="hw-hint"><Text key="budget.household_hint" /></p>
        </section>
    }
}

/// One card per package: the entitlement and how it was reached, allocated, remaining, the
/// last day to use it and the cash limit.
#[component]
fn Packages() -> impl IntoView {
    let draft = use_draft();
    let packages = Memo::new(move |_| draft.guidance.with(|g| g.packages.clone()));
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-packages-heading">
            <h2 id="hw-packages-heading"><Text key="budget.packages_heading" /></h2>
            <ul class="hw-packages" id=PACKAGES_ID tabindex="-1">
                {move || packages.get().into_iter().map(|p| view! { <PackageCard package=p /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One package's figures; a package the programme does not offer says so instead.
#[component]
fn PackageCard(package: PackageGuidance) -> impl IntoView {
    let lang = use_app().lang;
    let kind = package.package;
    let name = move || format::label(lang.get(), "package", &kind);
    if !package.offered {
        return view! {
            <li class="hw-package hw-not-offered">
                <h3>{name}</h3>
                <p><Text key="budget.not_offered" /></p>
            </li>
        }
        .into_any();
    }
    let lines = package.entitlement.lines.clone();
    let capped = package.entitlement.capped_at.clone();
    let available = package.available.clone();
    let allocated = package.allocated.clone();
    let remaining = package.remaining.clone();
    let cash_limit = package.cash_limit.clone();
    let use_by = package.use_by;
    let cash = move || {
        let lang = lang.get();
        match &cash_limit {
            None => i18n::t(lang, "budget.cash_unlimited"),
            Some(m) if m.amount_minor == 0 => i18n::t(lang, "budget.cash_none"),
            Some(m) => format::money(lang, m),
        }
    };
    view! {
        <li class="hw-package">
            <h3>{name}</h3>
            <dl class="hw-figures">
                <div>
                    <dt><Text key="budget.available" /></dt>
                    <dd>
                        <Amount amount=Signal::derive(move || available.clone()) />
                        <ul class="hw-lines">
                            {move || {
                                let lang = lang.get();
                                lines.iter().map(|l| view! { <li>{line_text(lang, l)}</li> }).collect_view()
                            }}
                            {capped.clone().map(|cap| view! {
                                <li>{move || i18n::tf(lang.get(), "budget.capped", &[("cap", format::money(lang.get(), &cap))])}</li>
                            })}
                        </ul>
                    </dd>
                </div>
                <div>
                    <dt><Text key="budget.allocated" /></dt>
                    <dd><Amount amount=Signal::derive(move || Some(allocated.clone())) /></dd>
                </div>
                <div class="hw-remaining-row">
                    <dt><Text key="budget.left" /></dt>
                    <dd><Remaining bare=true remaining=Signal::derive(move || remaining.clone()) /></dd>
                </div>
                <div>
                    <dt><Text key="budget.use_by" /></dt>
                    <dd>
                        {move || match use_by {
                            Some(d) => format::date(lang.get(), d),
                            None => i18n::t(lang.get(), "budget.no_period"),
                        }}
                    </dd>
                </div>
                <div>
                    <dt><Text key="budget.cash_limit" /></dt>
                    <dd>{cash}</dd>
                </div>
            </dl>
        </li>
    }
    .into_any()
}

/// One breakdown table: a caption, the kind of row, a column per package, and a total.
fn breakdown_table(
    caption: &'static str,
    first: &'static str,
    header: impl IntoView,
    rows: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="hw-table-scroll">
            <table class="hw-table">
                <caption><Text key=caption /></caption>
                <thead>
                    <tr>
                        <th scope="col"><Text key=first /></th>
                        {header}
                        <th scope="col"><Text key="budget.total" /></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A table of allocation per area or per modality, one column per package.
#[component]
fn Breakdown() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let packages = Memo::new(move |_| draft.guidance.with(|g| g.packages.clone()));
    let header = move || {
        let lang = lang.get();
        PACKAGES
            .iter()
            .map(|p| view! { <th scope="col">{format::label(lang, "package", p)}</th> })
            .collect_view()
    };
    let row = move |label: String, amounts: Vec<Money>| {
        let lang = lang.get();
        let total: i64 = amounts.iter().map(|m| m.amount_minor).sum();
        let currency = draft.programme.with(|c| c.currency.clone());
        let cells =
            amounts.iter().map(|m| view! { <td>{format::money(lang, m)}</td> }).collect_view();
        view! {
            <tr>
                <th scope="row">{label}</th>
                {cells}
                <td>{format::money(lang, &Money::new(total, currency))}</td>
            </tr>
        }
    };
    let area_rows = move || {
        let ps = packages.get();
        BudgetArea::ALL
            .into_iter()
            .map(|area| {
                let amounts = ps
                    .iter()
                    .map(|p| Money::new(p.area(area), p.allocated.currency.clone()))
                    .collect();
                row(format::label(lang.get(), "area", &area), amounts)
            })
            .collect_view()
    };
    let modality_rows = move || {
        let ps = packages.get();
        budget::MODALITIES
            .into_iter()
            .map(|modality| {
                let amounts = ps
                    .iter()
                    .map(|p| Money::new(p.modality(modality), p.allocated.currency.clone()))
                    .collect();
                row(format::label(lang.get(), "modality", &modality), amounts)
            })
            .collect_view()
    };
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-breakdown-heading">
            <h2 id="hw-breakdown-heading"><Text key="budget.breakdown_heading" /></h2>
            {breakdown_table("budget.by_area", "budget.area", header, area_rows)}
            {breakdown_table("budget.by_modality", "budget.modality", header, modality_rows)}
        </section>
    }
}

/// The returnee's own contribution and other funding, kept apart from the programme grant.
#[component]
fn OtherFunding() -> impl IntoView {
    let draft = use_draft();
    let own = Signal::derive(move || draft.guidance.with(|g| Some(g.own_contribution.clone())));
    let other = Signal::derive(move || draft.guidance.with(|g| Some(g.other_funding.clone())));
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-other-funding-heading">
            <h2 id="hw-other-funding-heading"><Text key="budget.other_funding_heading" /></h2>
            <p class="hw-hint"><Text key="budget.other_funding_hint" /></p>
            <dl class="hw-figures">
                <div>
                    <dt><Text key="budget.own_contribution" /></dt>
                    <dd><Amount amount=own /></dd>
                </div>
                <div>
                    <dt><Text key="budget.other_funding" /></dt>
                    <dd><Amount amount=other /></dd>
                </div>
            </dl>
        </section>
    }
}

/// The budget rules' findings in plain words, each with a button to the place to fix it.
#[component]
fn BudgetFindings() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let findings = Memo::new(move |_| draft.guidance.with(|g| g.findings.clone()));
    let go = move |path: String| {
        let (step, element) = draft.plan.with_untracked(|p| finding_target(p, &path));
        // Setting the same step would rebuild the section under the person's finger.
        if app.step.get_untracked() != step {
            app.step.set(step);
        }
        if let Some(element) = element {
            dom::reveal_later(element);
        }
    };
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-budget-findings-heading">
            <h2 id="hw-budget-findings-heading"><Text key="budget.findings_heading" /></h2>
            {move || findings.with(Vec::is_empty).then(|| view! {
                <p><span aria-hidden="true">"✔ "</span><Text key="budget.no_findings" /></p>
            })}
            <ul class="hw-findings hw-budget-findings" aria-live="polite">
                {move || {
                    let lang = lang.get();
                    let plan_targets = findings.get();
                    plan_targets
                        .into_iter()
                        .map(|f| {
                            let (class, symbol, word) = severity_look(f.severity);
                            let path = f.path.clone();
                            let (step, _) = draft.plan.with(|p| finding_target(p, &path));
                            let button = {
                                let label = i18n::tf(
                                    lang,
                                    "budget.go_to",
                                    &[("step", i18n::t(lang, step.label_key()))],
                                );
                                view! {
                                    <button type="button" class="hw-button hw-go"
                                        on:click=move |_| go(path.clone())>
                                        {label}
                                        <span class="hw-arrow" aria-hidden="true">" ›"</span>
                                    </button>
                                }
                            };
                            view! {
                                <li class=class data-code=f.code>
                                    <p>
                                        <span aria-hidden="true">{symbol}</span>
                                        " "
                                        <strong>{i18n::t(lang, word)}</strong>
                                        " "
                                        {format::finding(lang, &f)}
                                    </p>
                                    {button}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// The payment and purchase schedule: generated from the programme's rule, then editable
/// (dates, amounts that keep each package's total, paid), with totals against the allocation.
#[component]
fn Schedule() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let tranche_ids = Memo::new(move |_| {
        draft.plan.with(|p| p.budget.tranches.iter().map(|t| t.id).collect::<Vec<_>>())
    });
    let make = move || {
        let config = draft.programme.get_untracked();
        let today = draft.today;
        draft.edit(|p| {
            p.budget.tranches = budget::generate_tranches(p, &config, today, &mut new_id);
        });
    };
    // Making the schedule again replaces the edited one, so ask first.
    let generate = move |_| {
        if tranche_ids.with_untracked(Vec::is_empty) {
            make();
        } else {
            use_dialogs().ask(Confirm {
                title: "schedule.replace_title",
                body: "schedule.replace_body",
                args: Vec::new(),
                confirm: "schedule.replace_confirm",
                action: Callback::new(move |()| make()),
            });
        }
    };
    let sync = move |_| {
        let config = draft.programme.get_untracked();
        let today = draft.today;
        draft.edit(|p| {
            p.budget.tranches = budget::sync_tranches(p, &config, today, &mut new_id);
        });
    };
    let totals = Memo::new(move |_| draft.guidance.with(|g| g.packages.clone()));
    let total_rows = move || {
        let lang = lang.get();
        totals
            .get()
            .into_iter()
            .filter(|p| p.offered)
            .map(|p| {
                let matches = p.tranches_total == p.allocated;
                let scheduled = p.tranches_total.clone();
                let allocated = p.allocated.clone();
                view! {
                    <tr>
                        <th scope="row">{format::label(lang, "package", &p.package)}</th>
                        <td><Amount amount=Signal::derive(move || Some(scheduled.clone())) /></td>
                        <td><Amount amount=Signal::derive(move || Some(allocated.clone())) /></td>
                        <td>
                            {if matches {
                                view! { <span aria-hidden="true">"✔ "</span>{i18n::t(lang, "schedule.matches")} }.into_any()
                            } else {
                                view! { <span aria-hidden="true">"⚠ "</span>{i18n::t(lang, "schedule.differs")} }.into_any()
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="hw-budget-part hw-schedule" aria-labelledby="hw-schedule-heading">
            <h2 id="hw-schedule-heading"><Text key="schedule.heading" /></h2>
            <p class="hw-hint"><Text key="schedule.hint" /></p>
            <div class="hw-actions">
                <button type="button" class="hw-button hw-primary" on:click=generate>
                    <Text key="schedule.generate" />
                </button>
                {move || (!tranche_ids.with(Vec::is_empty)).then(|| view! {
                    <button type="button" class="hw-button" on:click=sync>
                        <Text key="schedule.sync" />
                    </button>
                })}
            </div>
            {move || tranche_ids.with(Vec::is_empty).then(|| view! {
                <p class="hw-empty"><Text key="schedule.empty" /></p>
            })}
            <ol class="hw-tranches">
                <For each=move || tranche_ids.get() key=|id| *id let:id>
                    <TrancheRow id=id />
                </For>
            </ol>
            <div class="hw-table-scroll">
                <table class="hw-table hw-schedule-totals">
                    <caption><Text key="schedule.totals" /></caption>
                    <thead>
                        <tr>
                            <th scope="col"><Text key="schedule.package" /></th>
                            <th scope="col"><Text key="schedule.in_schedule" /></th>
                            <th scope="col"><Text key="budget.allocated" /></th>
                            <th scope="col"><Text key="schedule.check" /></th>
                        </tr>
                    </thead>
                    <tbody>{total_rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// An edit of the schedule at a tranche's position, through the domain's functions that keep
/// each package's total.
type ScheduleEdit =
    Box<dyn FnOnce(&mut Vec<Tranche>, usize) -> Result<(), budget::TrancheEditError>>;

/// One tranche of the schedule.
#[component]
fn TrancheRow(id: Uuid) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let tranche = Memo::new(move |_| {
        draft.plan.with(|p| p.budget.tranches.iter().find(|t| t.id == id).cloned())
    });
    let index =
        Memo::new(move |_| draft.plan.with(|p| p.budget.tranches.iter().position(|t| t.id == id)));
    let problem: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let path = move |field: &'static str| {
        Signal::derive(move || {
            index.get().map(|i| Item::Tranche(i).field(field)).unwrap_or_default()
        })
    };
    let number = move || index.get().map_or(0, |i| i + 1);
    let package =
        move || tranche.with(|t| t.as_ref().map(|t| t.package)).unwrap_or(Package::ShortTerm);
    // Schedule edits that must keep the package total go through the domain's functions on a
    // copy, so a refused edit leaves the plan untouched and says why.
    let change = move |edit: ScheduleEdit| {
        let Some(i) = index.get_untracked() else { return };
        let mut tranches = draft.plan.with_untracked(|p| p.budget.tranches.clone());
        match edit(&mut tranches, i) {
            Ok(()) => {
                problem.set(None);
                draft.edit(|p| p.budget.tranches = tranches);
            }
            Err(e) => problem.set(Some(e.code())),
        }
    };
    let set_field = move |edit: Box<dyn FnOnce(&mut Tranche)>| {
        draft.edit(|p| {
            if let Some(t) = p.budget.tranches.iter_mut().find(|t| t.id == id) {
                edit(t);
            }
        });
    };
    let amount = Signal::derive(move || tranche.with(|t| t.as_ref().map(|t| t.amount.clone())));
    let currency = Signal::derive(move || {
        tranche
            .with(|t| t.as_ref().map(|t| t.amount.currency.clone()))
            .unwrap_or_else(homeward_plan::money::CurrencyCode::eur)
    });
    let local =
        move || amount.get().and_then(|m| draft.programme.with(|c| local_text(lang.get(), &m, c)));
    let label_of = move |key: &'static str| {
        move || i18n::tf(lang.get(), key, &[("number", number().to_string())])
    };
    view! {
        <li class="hw-tranche">
            <h3 id=tranche_element_id(id) tabindex="-1">
                {move || i18n::tf(
                    lang.get(),
                    "schedule.tranche_heading",
                    &[("number", number().to_string()), ("package", format::label(lang.get(), "package", &package()))],
                )}
            </h3>
            <div class="hw-measure-grid">
                <DateField label="schedule.date" path=path("date")
                    value=Signal::derive(move || tranche.with(|t| t.as_ref().map(|t| t.date)))
                    on_change=Callback::new(move |d: Option<NaiveDate>| {
                        if let Some(d) = d {
                            set_field(Box::new(move |t| t.date = d));
                        }
                    }) />
                <div class="hw-cost">
                    <MoneyField label="schedule.amount" value=amount currency=currency path=path("amount")
                        on_change=Callback::new(move |m: Option<Money>| {
                            if let Some(m) = m {
                                change(Box::new(move |ts, i| budget::set_tranche_amount(ts, i, m.amount_minor)));
                            }
                        }) />
                    {move || local().map(|text| view! { <p class="hw-local">{text}</p> })}
                </div>
                <div class="hw-wide">
                    <PrivateToggle label="private.tranche"
                        number=Signal::derive(move || number().to_string())
                        privacy=Signal::derive(move || tranche.with(|t| t.as_ref().and_then(tranche_privacy)))
                        on_change=Callback::new(move |v| set_field(Box::new(move |t| t.private = v))) />
                    <TextField label="schedule.purpose" path=path("purpose")
                        value=Signal::derive(move || tranche.with(|t| t.as_ref().map(|t| t.purpose.clone()).unwrap_or_default()))
                        on_input=Callback::new(move |v: String| set_field(Box::new(move |t| t.purpose = v))) />
                </div>
                <CheckField label="schedule.paid" path=path("paid")
                    checked=Signal::derive(move || tranche.with(|t| t.as_ref().is_some_and(|t| t.paid)))
                    on_change=Callback::new(move |v: bool| set_field(Box::new(move |t| t.paid = v))) />
            </div>
            <p class="hw-input-problem" aria-live="polite">
                {move || problem.get().map(|code| view! {
                    <span aria-hidden="true">"✖ "</span>
                    {i18n::t(lang.get(), &format!("tranche_edit.{code}"))}
                })}
            </p>
            <div class="hw-item-actions">
                <button type="button" class="hw-button" aria-label=label_of("schedule.split")
                    on:click=move |_| {
                        let date = tranche.with_untracked(|t| t.as_ref().map(|t| t.date));
                        if let Some(date) = date {
                            let new = new_id();
                            change(Box::new(move |ts, i| budget::split_tranche(ts, i, date, new)));
                        }
                    }>
                    <Text key="schedule.split_short" />
                </button>
                <button type="button" class="hw-button hw-remove" aria-label=label_of("schedule.remove")
                    on:click=move |_| change(Box::new(budget::remove_tranche))>
                    <span aria-hidden="true">"✖ "</span>
                    <Text key="schedule.remove_short" />
                </button>
            </div>
        </li>
    }
}

/// How local-currency amounts are worked out, when the programme has a local currency.
#[component]
fn RoundingNote() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    move || {
        draft.programme.with(|c| rounding_note(lang.get(), c)).map(|note| {
            view! {
                <p class="hw-note hw-rounding">
                    <span aria-hidden="true">"ℹ "</span>
                    {note}
                </p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_plan::model::Dimension;

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.add_goal(Uuid::from_u128(1), Dimension::Economic);
        plan.add_goal(Uuid::from_u128(2), Dimension::Social);
        plan.add_measure(Uuid::from_u128(2), Uuid::from_u128(20));
        plan.budget.tranches.push(Tranche {
            id: Uuid::from_u128(30),
            package: Package::LongerTerm,
            date: NaiveDate::default(),
            amount: Money::zero(plan.budget.currency.clone()),
            purpose: String::new(),
            paid: false,
            private: false,
            withheld: None,
        });
        plan
    }

    #[test]
    fn findings_lead_to_the_step_and_item_concerned() {
        let plan = plan();
        assert_eq!(
            finding_target(&plan, "/goals/1/measures/0/modality"),
            (Step::Social, Some(measure_element_id(Uuid::from_u128(20))))
        );
        assert_eq!(
            finding_target(&plan, "/goals/0/title"),
            (Step::Economic, Some(goal_element_id(Uuid::from_u128(1))))
        );
        assert_eq!(
            finding_target(&plan, "/goals/1/measures/7/modality"),
            (Step::Social, Some(goal_element_id(Uuid::from_u128(2))))
        );
        assert_eq!(finding_target(&plan, "/case/date_of_birth"), (Step::Case, None));
        assert_eq!(finding_target(&plan, "/household/2/date_of_birth"), (Step::Case, None));
        assert_eq!(
            finding_target(&plan, "/budget/tranches/0/date"),
            (Step::Budget, Some(tranche_element_id(Uuid::from_u128(30))))
        );
        assert_eq!(finding_target(&plan, "/budget"), (Step::Budget, Some(PACKAGES_ID.into())));
    }

    #[test]
    fn configuration_texts_are_marked_with_the_language_shown() {
        let mut text = programme::LocalizedText::new();
        text.insert("en".into(), "Hello".into());
        assert_eq!(text_language(&text, "ar"), "en");
        text.insert("ar".into(), "مرحبا".into());
        assert_eq!(text_language(&text, "ar"), "ar");
        let only_french: programme::LocalizedText =
            [("fr".to_owned(), "Bonjour".to_owned())].into();
        assert_eq!(text_language(&only_french, "es"), "fr");
    }

    #[test]
    fn entitlement_lines_show_count_amount_and_subtotal() {
        let line = EntitlementLine {
            kind: LineKind::Adult,
            count: 2,
            each: Some(Money::new(200_000, homeward_plan::money::CurrencyCode::eur())),
        };
        let text = line_text(Lang::En, &line);
        assert!(text.contains("2,000.00"), "{text}");
        assert!(text.contains("= 4,000.00"), "{text}");
        let unknown = EntitlementLine { kind: LineKind::Minor, count: 1, each: None };
        assert!(!line_text(Lang::En, &unknown).contains('='));
    }
}
