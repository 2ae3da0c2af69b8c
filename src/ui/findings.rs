//! Findings as people see them outside a field: one list for the Review step and the Budget
//! step, each finding in plain words with a button that takes the person to the place to fix
//! it (the step, and there the card or row concerned).

use homeward_plan::finding::Finding;
use homeward_plan::model::Plan;
use homeward_plan::path::{Item, Part};
use homeward_plan::subject::subject;
use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::step::{Step, step_for_path};
use crate::ui::anchors::{PACKAGES_ID, goal_element_id, measure_element_id, tranche_element_id};
use crate::ui::widgets::{Text, severity_look};

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

/// The findings, most severe first, each with a way to its place; `empty` (a translation key)
/// says so when there are none. `go_to` is the button's text key (with `{step}`).
#[component]
pub fn FindingList(
    #[prop(into)] findings: Signal<Vec<Finding>>,
    empty: &'static str,
    go_to: &'static str,
    /// The list's classes.
    #[prop(default = "hw-finding-list")]
    class: &'static str,
    /// The button's classes.
    #[prop(default = "hw-link-button")]
    button_class: &'static str,
) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let go = move |path: &str| {
        let (step, element) = draft.plan.with_untracked(|p| finding_target(p, path));
        // Setting the same step would rebuild the section under the person's finger.
        if app.step.get_untracked() != step {
            app.step.set(step);
        }
        dom::reveal_field_later(path.to_owned(), element);
    };
    view! {
        {move || findings.with(Vec::is_empty).then(|| view! {
            <p class="hw-all-good"><span aria-hidden="true">"✓ "</span><Text key=empty /></p>
        })}
        <ul class=class aria-live="polite">
            {move || {
                let lang = lang.get();
                findings
                    .get()
                    .into_iter()
                    .map(|f| {
                        let (look, symbol, word) = severity_look(f.severity);
                        let (step, about) = draft.plan.with(|p| {
                            (step_for_path(p, &f.path), subject(p, &f.path))
                        });
                        let about = about.map(|about| {
                            view! {
                                <span class="hw-finding-subject">{format::subject(lang, &about)}</span>
                                " — "
                            }
                        });
                        let label =
                            i18n::tf(lang, go_to, &[("step", i18n::t(lang, step.label_key()))]);
                        let path = f.path.clone();
                        view! {
                            <li class=look data-code=f.code>
                                <p>
                                    <span aria-hidden="true">{symbol}</span>
                                    " "
                                    <strong>{i18n::t(lang, word)}</strong>
                                    " "
                                    {about}
                                    {format::finding(lang, &f)}
                                </p>
                                " "
                                <button type="button" class=button_class on:click=move |_| go(&path)>
                                    {label}
                                    <span class="hw-arrow" aria-hidden="true">" ›"</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use homeward_plan::model::{Dimension, Package, Tranche};
    use homeward_plan::money::Money;
    use uuid::Uuid;

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.add_goal(Uuid::from_u128(1), Dimension::Economic);
        plan.add_goal(Uuid::from_u128(2), Dimension::Social);
        plan.add_measure(Uuid::from_u128(2), Uuid::from_u128(20));
        plan.budget.tranches.push(Tranche::new(
            Uuid::from_u128(30),
            Package::LongerTerm,
            NaiveDate::default(),
            Money::zero(plan.budget.currency.clone()),
        ));
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
}
