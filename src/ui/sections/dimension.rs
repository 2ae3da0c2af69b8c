//! One dimension of the plan (economic, social or psychosocial): the counsellor's needs summary
//! for context, the goals of that dimension with their measures, and the budget bar kept in
//! sight at the top so the remaining budget shows while costs are typed.

use homeward_plan::edit;
use homeward_plan::model::Dimension;
use homeward_plan::path::Item;
use homeward_plan::privacy::goal_privacy;
use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::{new_id, use_draft};
use crate::i18n;
use crate::ui::agreed::AgreedNotice;
use crate::ui::anchors::{add_measure_element_id, goal_element_id, measure_element_id};
use crate::ui::budget_panel::BudgetBar;
use crate::ui::drawing::Allowance;
use crate::ui::measure::MeasureCard;
use crate::ui::private::PrivateToggle;
use crate::ui::row::{GoalRow, ItemActions, MeasureRow};
use crate::ui::widgets::{Text, TextField, both_languages};
use crate::undo::use_undo;

/// The add-goal button, where focus goes after a goal is removed.
const GOAL_ADD_ID: &str = "hw-goal-add";

/// Translation key of the needs summary's heading for a dimension.
fn summary_key(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Economic => "goals.summary.economic",
        Dimension::Social => "goals.summary.social",
        Dimension::Psychosocial => "goals.summary.psychosocial",
    }
}

/// The goals and measures of one dimension, with the budget bar on top and the needs summary
/// the counsellor wrote for that dimension as context.
#[component]
pub fn DimensionSection(dimension: Dimension) -> impl IntoView {
    let draft = use_draft();
    let summary = draft.part(move |p| p.needs.summary.get(dimension).trim().to_owned());
    let goal_ids = draft.part(move |p| {
        p.goals.iter().filter(|g| g.dimension == dimension).map(|g| g.id).collect::<Vec<_>>()
    });
    let count = Signal::derive(move || goal_ids.with(Vec::len));
    // Each goal's place in the section's run of measures: the measures of the goals before it.
    let measures_before = draft.part(move |p| {
        let goals = p.goals.iter().filter(|g| g.dimension == dimension);
        goals
            .scan(0, |before, g| {
                let at = *before;
                *before += g.measures.len();
                Some((g.id, at))
            })
            .collect::<Vec<_>>()
    });
    let total = draft.plan.with_untracked(|p| {
        p.goals.iter().filter(|g| g.dimension == dimension).map(|g| g.measures.len()).sum()
    });
    let allowance = Allowance::start(total);
    // An agreed plan's goals and measures change only after the person chose to change the
    // agreed plan (see `AgreedNotice`); one memo for the whole section.
    let locked = draft.part(|p| p.is_agreed());
    let add_goal = move |_| {
        let id = new_id();
        draft.edit(|p| p.add_goal(id, dimension));
        dom::reveal_later(goal_element_id(id));
    };
    view! {
        <div class="hw-dimension">
            <BudgetBar />
            <section class="hw-needs-summary" aria-labelledby="hw-needs-summary-heading">
                <h2 id="hw-needs-summary-heading"><Text key=summary_key(dimension) /></h2>
                {move || {
                    let text = summary.get();
                    if text.is_empty() {
                        view! { <p class="hw-empty"><Text key="goals.summary_empty" /></p> }.into_any()
                    } else {
                        view! { <p class="hw-summary-text">{text}</p> }.into_any()
                    }
                }}
            </section>
            <section class="hw-goals-section" aria-labelledby="hw-goals-heading">
                <h2 id="hw-goals-heading"><Text key="goals.heading" /></h2>
                {move || goal_ids.with(Vec::is_empty).then(|| view! {
                    <p class="hw-empty"><Text key="goals.none" /></p>
                })}
                <AgreedNotice agreed=locked />
                <ol class="hw-goals">
                    <ForEnumerate each=move || goal_ids.get() key=|id| *id
                        children=move |number, id| {
                            let before = Signal::derive(move || measures_before.with(|all| {
                                all.iter().find(|(goal, _)| *goal == id).map_or(0, |(_, at)| *at)
                            }));
                            let shown = Signal::derive(move || allowance.for_part(before.get()));
                            view! {
                                <GoalCard row=GoalRow::new(id) dimension=dimension
                                    number=number.into() count=count locked=locked shown=shown />
                            }
                        } />
                </ol>
                <button type="button" class="hw-button hw-primary hw-add" id=GOAL_ADD_ID
                    disabled=move || locked.get() on:click=add_goal>
                    <span aria-hidden="true">"+"</span>
                    <Text key="goals.add" />
                </button>
            </section>
        </div>
    }
}

/// A goal of the dimension: the returnee's words, the expected outcome, and its measures. It
/// reads and changes its goal only through its [`GoalRow`]; `number` is its place among the
/// dimension's goals (from 0) and `count` how many there are. While `locked` (an agreed plan)
/// only its privacy and its measures' follow-through can change. `shown` is how many of its
/// measures are drawn yet (see [`Allowance`]).
#[component]
fn GoalCard(
    row: GoalRow,
    dimension: Dimension,
    number: Signal<usize>,
    count: Signal<usize>,
    locked: Signal<bool>,
    shown: Signal<usize>,
) -> impl IntoView {
    let draft = use_draft();
    let id = row.id;
    // Memos: a card re-renders only when its own goal changes, not on every edit; none of them
    // copies the goal's measures.
    let index = Memo::new(move |_| row.read(|at, _| at));
    let title = Memo::new(move |_| row.read(|_, g| g.title.clone()).unwrap_or_default());
    let outcome =
        Memo::new(move |_| row.read(|_, g| g.expected_outcome.clone()).unwrap_or_default());
    let privacy = Memo::new(move |_| row.read(|_, g| goal_privacy(g)).flatten());
    let measure_ids = Memo::new(move |_| {
        row.read(|_, g| g.measures.iter().map(|m| m.id).collect::<Vec<_>>()).unwrap_or_default()
    });
    let number = move || number.get() + 1;
    let path = move |field: &'static str| {
        Signal::derive(move || index.get().map(|g| Item::Goal(g).field(field)).unwrap_or_default())
    };
    // Removed at once, measures and all: the undo offer puts it back.
    let undo = use_undo();
    let remove_goal = move || {
        let mut taken = None;
        draft.edit(|p| taken = edit::take(&mut p.goals, id));
        if let Some((at, goal)) = taken {
            undo.offer(
                move |p| edit::put_back(&mut p.goals, at, goal.clone()),
                (goal_element_id(id), None),
            );
        }
        dom::focus_later(GOAL_ADD_ID.to_owned(), None);
    };
    let add_measure = move |_| {
        let measure = new_id();
        draft.edit(|p| {
            p.add_measure(id, measure);
        });
        dom::reveal_later(measure_element_id(measure));
    };
    view! {
        <li class="hw-goal">
            <h3 id=goal_element_id(id) tabindex="-1">
                {both_languages(move |l| i18n::tf(l, "goals.goal_heading", &[("number", number().to_string())]))}
            </h3>
            <PrivateToggle label="private.goal"
                number=Signal::derive(move || number().to_string())
                privacy=privacy
                on_change=Callback::new(move |v| row.edit(|g| g.private = v)) />
            <fieldset class="hw-lock" disabled=move || locked.get()>
            <TextField label="goals.title" hint="goals.title_hint" path=path("title")
                value=title
                on_input=Callback::new(move |v: String| row.edit(|g| g.title = v)) />
            <TextField label="goals.expected_outcome" multiline=true path=path("expected_outcome")
                value=outcome
                on_input=Callback::new(move |v: String| row.edit(|g| g.expected_outcome = v)) />
            <ItemActions labels=["goals.move_up", "goals.move_down", "goals.remove"]
                remove_text="goals.remove_short" number=Signal::derive(number)
                first=Signal::derive(move || number() == 1)
                last=Signal::derive(move || number() >= count.get())
                on_move=Callback::new(move |up| {
                    draft.edit(|p| {
                        p.shift_goal(id, up);
                    });
                    dom::reveal_later(goal_element_id(id));
                })
                on_remove=Callback::new(move |()| remove_goal()) />
            </fieldset>
            <h4 class="hw-measures-heading">
                {both_languages(move |l| i18n::tf(l, "goals.measures_heading", &[("number", number().to_string())]))}
            </h4>
            {move || measure_ids.with(Vec::is_empty).then(|| view! {
                <p class="hw-empty"><Text key="goals.no_measures" /></p>
            })}
            <ol class="hw-measures">
                <For each=move || measure_ids.with(|ids| ids.iter().take(shown.get()).copied().collect::<Vec<_>>())
                    key=|id| *id let:measure>
                    <MeasureCard row=MeasureRow::new(row, measure) dimension=dimension locked=locked />
                </For>
            </ol>
            <button type="button" class="hw-button hw-add" id=add_measure_element_id(id)
                disabled=move || locked.get() on:click=add_measure>
                <span aria-hidden="true">"+"</span>
                {both_languages(move |l| i18n::tf(l, "goals.add_measure", &[("number", number().to_string())]))}
            </button>
        </li>
    }
}
