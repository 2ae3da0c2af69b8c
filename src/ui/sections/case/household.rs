//! The household: the people who live with the returnee, each addressed by id so a row keeps its
//! fields (and its focus) when rows are moved or removed. Each row is a numbered fieldset with
//! move up, move down and remove buttons that say which member they act on.

use homeward_plan::edit;
use homeward_plan::model::{HouseholdMember, Relationship};
use homeward_plan::path::Item;
use leptos::prelude::*;
use uuid::Uuid;

use super::fields::{TextWith, WholeNumberField};
use super::group_heading;
use crate::browser::dom;
use crate::draft::{Draft, new_id, use_draft};
use crate::i18n;
use crate::state::use_app;
use crate::ui::widgets::{CheckField, ChoiceField, DateField, Text};

const RELATIONSHIPS: [Relationship; 8] = [
    Relationship::SpouseOrPartner,
    Relationship::Child,
    Relationship::Parent,
    Relationship::Sibling,
    Relationship::Grandparent,
    Relationship::Grandchild,
    Relationship::OtherRelative,
    Relationship::NotRelated,
];

/// Element id of the "add a household member" button, where focus goes after a removal.
const ADD_ID: &str = "hw-household-add";

/// Reads something of the member `id`; `None` once it is gone.
fn read<T>(draft: Draft, id: Uuid, f: impl FnOnce(&HouseholdMember) -> T) -> Option<T> {
    draft.plan.with(|p| p.household.iter().find(|m| m.id == id).map(f))
}

/// Changes the member `id`, if it is still there.
fn change(draft: Draft, id: Uuid, f: impl FnOnce(&mut HouseholdMember)) {
    draft.edit(|p| {
        if let Some(m) = edit::find_mut(&mut p.household, id) {
            f(m);
        }
    });
}

#[component]
pub fn HouseholdGroup() -> impl IntoView {
    let draft = use_draft();
    let ids = move || draft.plan.with(|p| p.household.iter().map(|m| m.id).collect::<Vec<_>>());
    let empty = move || draft.plan.with(|p| p.household.is_empty());
    let add = move |_| {
        let id = new_id();
        draft.edit(|p| p.add_household_member(id));
        dom::focus_later(row_id(id), Some("select"));
    };
    view! {
        <fieldset class="hw-group hw-household">
            {group_heading("case.group.household")}
            <p class="hw-hint"><Text key="case.household.hint" /></p>
            <Show when=empty>
                <p class="hw-empty"><Text key="case.household.empty" /></p>
            </Show>
            <ol class="hw-rows">
                <ForEnumerate each=ids key=|id| *id
                    children=move |index, id| view! { <MemberRow id=id index=index /> } />
            </ol>
            <button type="button" class="hw-button hw-add" id=ADD_ID on:click=add>
                <span aria-hidden="true">"+"</span>
                <Text key="case.household.add" />
            </button>
        </fieldset>
    }
}

fn row_id(id: Uuid) -> String {
    format!("hw-member-{id}")
}

/// One household member: relationship, date of birth or age, dependant, returns with them.
#[component]
fn MemberRow(id: Uuid, index: ReadSignal<usize>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let count = move || draft.plan.with(|p| p.household.len());
    let number = move || (index.get() + 1).to_string();
    let args = Signal::derive(move || vec![("number", number())]);
    let path = move |field: &'static str| {
        Signal::derive(move || Item::HouseholdMember(index.get()).field(field))
    };
    let label = move |key: &'static str| i18n::tf(lang.get(), key, &[("number", number())]);
    let up_id = format!("{}-up", row_id(id));
    let down_id = format!("{}-down", row_id(id));

    let relationship = Signal::derive(move || read(draft, id, |m| m.relationship));
    let dob = Signal::derive(move || read(draft, id, |m| m.date_of_birth).flatten());
    let age = Signal::derive(move || read(draft, id, |m| m.age).flatten());
    let dependant = Signal::derive(move || read(draft, id, |m| m.dependant).unwrap_or(false));
    let returns =
        Signal::derive(move || read(draft, id, |m| m.returns_with_returnee).unwrap_or(false));

    let shift = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |up: bool| {
            draft.edit(|p| {
                edit::shift(&mut p.household, id, up);
            });
            let order = if up { [&up_id, &down_id] } else { [&down_id, &up_id] };
            dom::focus_first_enabled(order.into_iter().cloned().collect());
        }
    };
    let shift_down = shift.clone();
    let remove = move |_| {
        draft.edit(|p| {
            edit::remove(&mut p.household, id);
        });
        dom::focus_later(ADD_ID.to_owned(), None);
    };

    view! {
        <li class="hw-row" id=row_id(id)>
            <fieldset>
                <legend class="hw-row-legend"><TextWith key="case.member.legend" args=args /></legend>
                <div class="hw-row-fields">
                    <ChoiceField label="case.member.relationship" kind="relationship"
                        options=RELATIONSHIPS.to_vec() value=relationship
                        on_change=Callback::new(move |r: Option<Relationship>| {
                            if let Some(r) = r {
                                change(draft, id, |m| m.relationship = r);
                            }
                        })
                        path=path("relationship") />
                    <div class="hw-pair">
                        <DateField label="case.member.date_of_birth" value=dob
                            on_change=Callback::new(move |d| change(draft, id, |m| m.date_of_birth = d))
                            path=path("date_of_birth") />
                        <WholeNumberField label="case.member.age" hint="case.age.hint" value=age
                            on_change=Callback::new(move |n| change(draft, id, |m| m.age = n))
                            path=path("age") />
                    </div>
                    <CheckField label="case.member.dependant" checked=dependant
                        on_change=Callback::new(move |b| change(draft, id, |m| m.dependant = b))
                        path=path("dependant") />
                    <CheckField label="case.member.returns_with_returnee" checked=returns
                        on_change=Callback::new(move |b| {
                            change(draft, id, |m| m.returns_with_returnee = b)
                        })
                        path=path("returns_with_returnee") />
                </div>
                <div class="hw-row-actions">
                    <button type="button" class="hw-button" id=up_id
                        disabled=move || index.get() == 0
                        aria-label=move || label("case.member.move_up")
                        on:click=move |_| shift(true)>
                        <span aria-hidden="true">"▲"</span>
                        <Text key="case.row.up" />
                    </button>
                    <button type="button" class="hw-button" id=down_id
                        disabled={move || index.get() + 1 >= count()}
                        aria-label=move || label("case.member.move_down")
                        on:click=move |_| shift_down(false)>
                        <span aria-hidden="true">"▼"</span>
                        <Text key="case.row.down" />
                    </button>
                    <button type="button" class="hw-button hw-remove"
                        aria-label=move || label("case.member.remove")
                        on:click=remove>
                        <span aria-hidden="true">"✖"</span>
                        <Text key="case.row.remove" />
                    </button>
                </div>
            </fieldset>
        </li>
    }
}
