//! The household: the people who live with the returnee, each addressed by id so a row keeps its
//! fields (and its focus) when rows are moved or removed. Each row is a numbered fieldset with
//! move up, move down and remove buttons that say which member they act on.

use homeward_plan::model::{Gender, HouseholdMember, Relationship, Schooling};
use homeward_plan::path::Item;
use leptos::prelude::*;
use uuid::Uuid;

use super::fields::{AgeFromBirth, TextWith};
use super::{VulnerabilityChecks, group_heading};
use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n;
use crate::state::use_app;
use crate::ui::row::{ListTexts, PlanList, Row, RowList, removed};
use crate::ui::widgets::{CheckField, ChoiceField, DateField, Text, WholeNumberField};

static HOUSEHOLD: PlanList<HouseholdMember> = PlanList {
    items: |p| &p.household,
    items_mut: |p| &mut p.household,
    item: Item::HouseholdMember,
};

const TEXTS: ListTexts = ListTexts {
    hint: "case.household.hint",
    empty: "case.household.empty",
    add: "case.household.add",
    add_id: "hw-household-add",
};

#[component]
pub fn HouseholdGroup() -> impl IntoView {
    view! {
        <fieldset class="hw-group hw-household">
            {group_heading("case.group.household")}
            <RowList list=&HOUSEHOLD texts=TEXTS
                add_row=|p, id| p.add_household_member(id)
                focus=|id| (row_id(id), Some("select"))
                row=|row| view! { <MemberRow row=row /> }.into_any() />
        </fieldset>
    }
}

fn row_id(id: Uuid) -> String {
    format!("hw-member-{id}")
}

/// One household member: relationship, date of birth or age, dependant, returns with them.
#[component]
fn MemberRow(row: Row<HouseholdMember>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let (id, index) = (row.id, row.index);
    let count = move || draft.plan.with(|p| p.household.len());
    let args = Signal::derive(move || vec![("number", row.number())]);
    let path = move |field: &'static str| row.path(field);
    let label = move |key: &'static str| i18n::tf(lang.get(), key, &[("number", row.number())]);
    let up_id = format!("{}-up", row_id(id));
    let down_id = format!("{}-down", row_id(id));

    let relationship = row.value(|m| Some(m.relationship));
    let dob = row.value(|m| m.date_of_birth);
    let age = row.value(|m| m.age);
    let dependant = row.value(|m| m.dependant);
    let returns = row.value(|m| m.returns_with_returnee);
    let gender = row.value(|m| m.gender);
    let schooling = row.value(|m| m.schooling);
    let vulnerabilities = row.value(|m| m.vulnerabilities.clone());

    let shift = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |up: bool| {
            row.shift(up);
            let order = if up { [&up_id, &down_id] } else { [&down_id, &up_id] };
            dom::focus_first_enabled(order.into_iter().cloned().collect());
        }
    };
    let shift_down = shift.clone();
    let remove = move |_| removed(row, TEXTS);

    view! {
        <li class="hw-row" id=row_id(id)>
            <fieldset>
                <legend class="hw-row-legend"><TextWith key="case.member.legend" args=args /></legend>
                <div class="hw-row-fields">
                    <ChoiceField label="case.member.relationship" kind="relationship"
                        options=Relationship::ALL.to_vec() value=relationship
                        on_change=row.on(|m, r: Option<Relationship>| {
                            if let Some(r) = r {
                                m.relationship = r;
                            }
                        })
                        path=path("relationship") />
                    <div class="hw-pair">
                        <DateField label="case.member.date_of_birth" value=dob
                            on_change=row.on(|m, d| m.date_of_birth = d)
                            path=path("date_of_birth") />
                        <WholeNumberField label="case.member.age" hint="case.age.hint" value=age
                            on_change=row.on(|m, n| m.age = n)
                            path=path("age") />
                    </div>
                    <AgeFromBirth birth=dob />
                    <div class="hw-pair">
                        <ChoiceField label="case.member.gender" kind="gender" optional=true
                            options=Gender::ALL.to_vec() value=gender
                            on_change=row.on(|m, g| m.gender = g)
                            path=path("gender") />
                        <ChoiceField label="case.member.schooling" kind="schooling" optional=true
                            options=Schooling::ALL.to_vec() value=schooling
                            on_change=row.on(|m, s| m.schooling = s)
                            path=path("schooling") />
                    </div>
                    <CheckField label="case.member.dependant" checked=dependant
                        on_change=row.on(|m, b| m.dependant = b)
                        path=path("dependant") />
                    <CheckField label="case.member.returns_with_returnee" checked=returns
                        on_change=row.on(|m, b| m.returns_with_returnee = b)
                        path=path("returns_with_returnee") />
                    <div class="hw-sensitive">
                        <VulnerabilityChecks legend="case.member.vulnerabilities"
                            value=vulnerabilities
                            on_change=row.on(|m, list| m.vulnerabilities = list)
                            path=path("vulnerabilities") />
                    </div>
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
