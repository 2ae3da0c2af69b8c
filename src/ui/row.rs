//! The rows of the plan's lists (household members, debts, referrals, contacts, …): one way for
//! every row component to read, change, move, remove and name its row, and one frame for every
//! list (hint, empty text, the rows, the add button). A row is addressed by its id, so an edit
//! never lands on another row after a move or a removal; its position (and so its path, which
//! findings carry) follows the list.

use homeward_plan::edit::{self, Identified};
use homeward_plan::model::{Goal, Measure, Plan};
use homeward_plan::path::Item;
use homeward_plan::privacy::{Privacy, measure_privacy};
use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::dom;
use crate::draft::{Draft, follow, new_id, use_draft};
use crate::ui::widgets::Text;
use crate::undo::{Undo, use_undo};

/// One list of the plan: how to reach it and how its items are located.
pub struct PlanList<T: 'static> {
    pub items: fn(&Plan) -> &Vec<T>,
    pub items_mut: fn(&mut Plan) -> &mut Vec<T>,
    /// The location of the item at a position.
    pub item: fn(usize) -> Item,
}

/// A row of a list, for its component: its id, its live position, and the draft.
pub struct Row<T: 'static> {
    pub id: Uuid,
    /// Position in the list, from 0; follows moves and removals.
    pub index: Signal<usize>,
    list: &'static PlanList<T>,
    /// Where focus goes in a row: an element id and, optionally, a selector inside it.
    focus: fn(Uuid) -> (String, Option<&'static str>),
    draft: Draft,
    undo: Undo,
}

impl<T> Clone for Row<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Row<T> {}

impl<T: Identified + Send + Sync + 'static> Row<T> {
    pub fn new(
        list: &'static PlanList<T>,
        id: Uuid,
        index: Signal<usize>,
        focus: fn(Uuid) -> (String, Option<&'static str>),
    ) -> Self {
        Self { id, index, list, focus, draft: use_draft(), undo: use_undo() }
    }

    fn find(self, plan: &Plan) -> Option<&T> {
        let items = (self.list.items)(plan);
        // The row is almost always where the list last put it: no search through the list.
        edit::position_near(items, self.id, self.index.get_untracked()).map(|at| &items[at])
    }

    /// Something of the row, following changes; `None` once the row is gone.
    pub fn read<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.draft.plan.with(|p| self.find(p).map(f))
    }

    /// A field of the row as a signal (the default once the row is gone).
    pub fn value<R>(self, f: fn(&T) -> R) -> Signal<R>
    where
        R: Default + Clone + Send + Sync + 'static,
    {
        Signal::derive(move || self.read(f).unwrap_or_default())
    }

    /// Changes the row, if it is still there.
    pub fn edit(self, change: impl FnOnce(&mut T)) {
        self.draft.edit(|p| {
            if let Some(item) = edit::find_mut((self.list.items_mut)(p), self.id) {
                change(item);
            }
        });
    }

    /// A handler that changes the row with what a field sends.
    pub fn on<V: 'static>(self, change: fn(&mut T, V)) -> Callback<V> {
        Callback::new(move |v: V| self.edit(|item| change(item, v)))
    }

    /// Removes the row, and offers to put it back.
    pub fn remove(self)
    where
        T: Clone,
    {
        let list = self.list;
        let mut taken = None;
        self.draft.edit(|p| taken = edit::take((list.items_mut)(p), self.id));
        if let Some((at, item)) = taken {
            self.undo.offer(
                move |p| edit::put_back((list.items_mut)(p), at, item.clone()),
                (self.focus)(self.id),
            );
        }
    }

    /// Moves the row one place up or down.
    pub fn shift(self, up: bool) {
        self.draft.edit(|p| {
            edit::shift((self.list.items_mut)(p), self.id, up);
        });
    }

    /// The row's number as people count, from 1.
    pub fn number(self) -> String {
        (self.index.get() + 1).to_string()
    }

    /// The location of one of the row's fields, as findings carry it.
    pub fn path(self, field: &'static str) -> Signal<String> {
        let (index, item) = (self.index, self.list.item);
        Signal::derive(move || item(index.get()).field(field))
    }
}

/// A goal of the plan, for its card: found by id, looked for first where it was last seen, so
/// a card finds its goal without a search through the plan. The card reads its goal through a
/// part of the plan of its own ([`Draft::part`]), and its measures read theirs through the goal:
/// an edit reaches the goal that changed and, in it, the measure that changed.
#[derive(Clone, Copy)]
pub struct GoalRow {
    pub id: Uuid,
    /// Where the goal was last seen in the plan's goals.
    seen_at: StoredValue<usize>,
    /// The goal and its position in the plan, while it is there.
    goal: Signal<Option<(usize, Goal)>>,
    draft: Draft,
}

impl GoalRow {
    pub fn new(id: Uuid) -> Self {
        let draft = use_draft();
        let seen_at = StoredValue::new(0);
        let goal = draft.part(move |p| {
            let at = edit::position_near(&p.goals, id, seen_at.get_value())?;
            seen_at.set_value(at);
            Some((at, p.goals[at].clone()))
        });
        Self { id, seen_at, goal, draft }
    }

    /// Something of the goal and its position in the plan, following changes to the goal only;
    /// `None` once it is gone.
    pub fn read<R>(self, f: impl FnOnce(usize, &Goal) -> R) -> Option<R> {
        self.goal.with(|g| g.as_ref().map(|(at, goal)| f(*at, goal)))
    }

    /// Changes the goal, if it is still there.
    pub fn edit(self, change: impl FnOnce(&mut Goal)) {
        self.draft.edit(|p| {
            if let Some(at) = edit::position_near(&p.goals, self.id, self.seen_at.get_value()) {
                change(&mut p.goals[at]);
            }
        });
    }
}

/// A measure as its card shows it: where it is, what it holds, and whether it is private (which
/// its goal decides too).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureView {
    pub place: MeasurePlace,
    pub measure: Measure,
    pub privacy: Option<Privacy>,
}

/// A measure of a goal, for its card: found through its goal, looked for first where it was
/// last seen, and followed as a part of its own.
#[derive(Clone, Copy)]
pub struct MeasureRow {
    pub goal: GoalRow,
    pub id: Uuid,
    seen_at: StoredValue<usize>,
    view: Signal<Option<MeasureView>>,
}

/// Where a measure is: its goal's position in the plan, its own in the goal, and how many
/// measures the goal has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasurePlace {
    pub goal: usize,
    pub measure: usize,
    pub count: usize,
}

impl MeasureRow {
    pub fn new(goal: GoalRow, id: Uuid) -> Self {
        let seen_at = StoredValue::new(0);
        let view = follow(move || {
            goal.read(|g, goal| {
                let m = edit::position_near(&goal.measures, id, seen_at.get_value())?;
                seen_at.set_value(m);
                let measure = &goal.measures[m];
                Some(MeasureView {
                    place: MeasurePlace { goal: g, measure: m, count: goal.measures.len() },
                    measure: measure.clone(),
                    privacy: measure_privacy(goal, measure),
                })
            })
            .flatten()
        });
        Self { goal, id, seen_at, view }
    }

    /// Something of the measure, following changes to it only; `None` once it is gone.
    pub fn read<R>(self, f: impl FnOnce(&MeasureView) -> R) -> Option<R> {
        self.view.with(|v| v.as_ref().map(f))
    }

    /// Changes the measure, if it is still there.
    pub fn edit(self, change: impl FnOnce(&mut Measure)) {
        self.goal.edit(|goal| {
            if let Some(at) = edit::position_near(&goal.measures, self.id, self.seen_at.get_value())
            {
                change(&mut goal.measures[at]);
            }
        });
    }

    /// A handler that changes the measure with what a field sends.
    pub fn on<V: 'static>(self, change: fn(&mut Measure, V)) -> Callback<V> {
        Callback::new(move |v: V| self.edit(|m| change(m, v)))
    }
}

/// What a list shows around its rows: translation keys and the add button's element id.
#[derive(Clone, Copy)]
pub struct ListTexts {
    /// Shown under the heading (the caller's), before the rows.
    pub hint: &'static str,
    /// Shown while the list is empty.
    pub empty: &'static str,
    /// The add button's label.
    pub add: &'static str,
    /// The add button's element id, where focus goes after a removal.
    pub add_id: &'static str,
}

/// The frame of a list: hint, empty text, the rows in order, and the add button. The button
/// adds a row with `add_row` (the plan and the new row's id), then `focus` names the element to
/// focus in it (an element id and, optionally, a selector inside it).
#[component]
pub fn RowList<T>(
    list: &'static PlanList<T>,
    texts: ListTexts,
    add_row: fn(&mut Plan, Uuid),
    focus: fn(Uuid) -> (String, Option<&'static str>),
    row: fn(Row<T>) -> AnyView,
    /// The list's class: `hw-rows` (compact rows) or `hw-cards`.
    #[prop(default = "hw-rows")]
    class: &'static str,
    /// The heading that names the list, for screen readers.
    #[prop(optional)]
    labelled_by: Option<&'static str>,
    /// Told after a row was added by the add button.
    #[prop(optional)]
    on_added: Option<Callback<()>>,
    /// Shown between the hint and the rows (e.g. a way to add several rows at once).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    T: Identified + Send + Sync + 'static,
{
    let draft = use_draft();
    let ids = move || draft.plan.with(|p| (list.items)(p).iter().map(T::id).collect::<Vec<_>>());
    let empty = move || draft.plan.with(|p| (list.items)(p).is_empty());
    let add = move |_| {
        let id = new_id();
        draft.edit(|p| add_row(p, id));
        if let Some(on_added) = on_added {
            on_added.run(());
        }
        let (element, inside) = focus(id);
        dom::focus_new_later(element, inside);
    };
    view! {
        <p class="hw-hint"><Text key=texts.hint /></p>
        {children.map(|c| c())}
        <Show when=empty>
            <p class="hw-empty"><Text key=texts.empty /></p>
        </Show>
        <ol class=class aria-labelledby=labelled_by>
            <ForEnumerate each=ids key=|id| *id
                children=move |index, id| row(Row::new(list, id, index.into(), focus)) />
        </ol>
        <button type="button" class="hw-button hw-add" id=texts.add_id on:click=add>
            <span aria-hidden="true">"+"</span>
            <Text key=texts.add />
        </button>
    }
}

/// Removes the row (it can be undone); focus goes to the list's add button.
pub fn removed<T: Identified + Clone + Send + Sync + 'static>(row: Row<T>, texts: ListTexts) {
    row.remove();
    dom::focus_later(texts.add_id.to_owned(), None);
}

/// The move up, move down and remove buttons of a card (a goal, a measure). `labels` are the
/// translation keys of the three accessible names, each with `{number}`; `remove_text` is the
/// remove button's visible text.
#[component]
pub fn ItemActions(
    labels: [&'static str; 3],
    remove_text: &'static str,
    #[prop(into)] number: Signal<usize>,
    #[prop(into)] first: Signal<bool>,
    #[prop(into)] last: Signal<bool>,
    /// Called with `true` to move up, `false` to move down.
    on_move: Callback<bool>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let lang = crate::state::use_app().lang;
    let label = move |key: &'static str| {
        move || crate::i18n::tf(lang.get(), key, &[("number", number.get().to_string())])
    };
    let [up, down, remove] = labels;
    view! {
        <div class="hw-item-actions">
            <button type="button" class="hw-button" disabled=first aria-label=label(up)
                on:click=move |_| on_move.run(true)>
                <span aria-hidden="true">"↑"</span>
            </button>
            <button type="button" class="hw-button" disabled=last aria-label=label(down)
                on:click=move |_| on_move.run(false)>
                <span aria-hidden="true">"↓"</span>
            </button>
            <button type="button" class="hw-button hw-remove" aria-label=label(remove)
                on:click=move |_| on_remove.run(())>
                <span aria-hidden="true">"✖ "</span>
                <Text key=remove_text />
            </button>
        </div>
    }
}

/// A row's remove button, named for the row ("Remove referral 2"); `text` is its visible text.
#[component]
pub fn RemoveRow(
    #[prop(into)] label: Signal<String>,
    text: &'static str,
    on_remove: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="hw-row-actions">
            <button type="button" class="hw-button hw-remove" aria-label=label
                on:click=move |_| on_remove.run(())>
                <span aria-hidden="true">"✖"</span>
                <Text key=text />
            </button>
        </div>
    }
}
