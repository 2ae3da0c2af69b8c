//! One measure as an editable card under its goal. The card reads and changes its measure only
//! through its [`MeasureRow`], which keeps its identity when measures are moved and finds it
//! without a search through the plan; the positions used for finding paths
//! (`/goals/{g}/measures/{m}/...`) follow the plan.

use homeward_plan::catalogue::MeasureType;
use homeward_plan::edit;
use homeward_plan::model::{
    Dimension, FundingSource, Measure, MeasureStatus, Modality, Responsible, Term,
};
use homeward_plan::path::Item;
use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::ui::anchors::{add_measure_element_id, measure_element_id};
use crate::ui::budget_panel::local_text;
use crate::ui::measure_items::MeasureItems;
use crate::ui::private::PrivateToggle;
use crate::ui::row::{ItemActions, MeasureRow};
use crate::ui::widgets::{CheckField, ChoiceField, DateField, MoneyField, Text, TextField};
use crate::ui::widgets::{Control, Field};
use crate::undo::use_undo;

/// Code of the referral choice (`Option<bool>` in the plan) in the select.
fn referral_code(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

/// The referral choice for a code of the select.
fn referral_from_code(code: &str) -> Option<bool> {
    match code {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// "Is a referral needed?": yes, no or not decided yet (which the plan stores as absent).
#[component]
fn ReferralField(
    #[prop(into)] value: Signal<Option<bool>>,
    #[prop(into)] on_change: Callback<Option<bool>>,
    #[prop(into)] path: Signal<String>,
) -> impl IntoView {
    let lang = use_app().lang;
    let current = move || referral_code(value.get());
    let handler = move |ev: leptos::ev::Event| {
        on_change.run(referral_from_code(&event_target_value(&ev)));
    };
    let option = move |code: &'static str, key: &'static str| {
        view! {
            <option value=code selected=move || current() == code>
                {move || i18n::t(lang.get(), key)}
            </option>
        }
    };
    let control = move |c: Control| {
        view! {
            <select id=c.id prop:value=current on:change=handler
                aria-describedby=c.described aria-invalid=c.invalid>
                {option("", "measure.referral.undecided")}
                {option("yes", "measure.referral.yes")}
                {option("no", "measure.referral.no")}
            </select>
        }
        .into_any()
    };
    view! { <Field label="measure.referral_needed" path=Some(path) control=control /> }
}

/// An editable measure: every field of the brief, the returnee's agreement shown large, and
/// buttons to move or remove it. While `locked` (an agreed plan) only its privacy, status,
/// actual cost and delivery day change.
#[component]
pub fn MeasureCard(row: MeasureRow, dimension: Dimension, locked: Signal<bool>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let id = row.id;
    // Memos: a card re-renders only when its own measure or place changes, not on every edit.
    let measure = Memo::new(move |_| row.read(|v| v.measure.clone()));
    let place = Memo::new(move |_| row.read(|v| v.place));
    let privacy = Memo::new(move |_| row.read(|v| v.privacy).flatten());
    let number = move || place.get().map_or(0, |p| p.measure + 1);
    let path = move |field: &'static str| {
        Signal::derive(move || {
            place
                .get()
                .map(|p| Item::Measure { goal: p.goal, measure: p.measure }.field(field))
                .unwrap_or_default()
        })
    };
    let get = move |read: fn(&Measure) -> String| {
        Signal::derive(move || measure.with(|m| m.as_ref().map(read).unwrap_or_default()))
    };
    let agreed =
        Signal::derive(move || measure.with(|m| m.as_ref().is_some_and(|m| m.returnee_agreed)));
    let currency = draft.currency;
    let cost =
        Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.estimated_cost.clone())));
    let local_cost = move || {
        cost.get().and_then(|c| draft.programme.with(|config| local_text(lang.get(), &c, config)))
    };
    let title = move || {
        let lang = lang.get();
        let kind = measure.with(|m| m.as_ref().and_then(|m| m.measure_type));
        let what = kind.map(|k| format::label(lang, "measure_type", &k));
        match what {
            Some(what) => i18n::tf(
                lang,
                "measure.heading_typed",
                &[("number", number().to_string()), ("type", what)],
            ),
            None => i18n::tf(lang, "measure.heading", &[("number", number().to_string())]),
        }
    };
    let first = move || place.get().is_none_or(|p| p.measure == 0);
    let last = move || place.get().is_none_or(|p| p.measure + 1 >= p.count);
    let types: Vec<MeasureType> = MeasureType::for_dimension(dimension).collect();
    // Removed at once: the undo offer puts it back in its goal, at its place.
    let undo = use_undo();
    let remove = move || {
        let mut taken = None;
        draft.edit(|p| taken = p.take_measure(id));
        if let Some((goal, at, measure)) = taken {
            undo.offer(
                move |p| p.put_back_measure(goal, at, measure.clone()),
                (measure_element_id(id), None),
            );
            dom::focus_later(add_measure_element_id(goal), None);
        }
    };

    view! {
        <li class="hw-measure" class:hw-agreed=move || agreed.get()>
            <div class="hw-measure-head">
                <h5 id=measure_element_id(id) tabindex="-1">{title}</h5>
                <p class="hw-agreement">
                    {move || {
                        let (class, icon, key) = if agreed.get() {
                            ("hw-agreement-yes", "✔", "measure.agreed_yes")
                        } else {
                            ("hw-agreement-no", "○", "measure.agreed_no")
                        };
                        view! {
                            <span class=class>
                                <span aria-hidden="true" class="hw-agreement-icon">{icon}</span>
                                " "
                                <Text key=key />
                            </span>
                        }
                    }}
                </p>
            </div>
            <PrivateToggle label="private.measure"
                number=Signal::derive(move || number().to_string())
                privacy=privacy
                on_change=row.on(|m, v| m.private = v) />
            <div class="hw-measure-grid">
                <fieldset class="hw-lock hw-lock-contents" disabled=move || locked.get()>
                <ChoiceField<MeasureType> label="measure.type" kind="measure_type" options=types
                    optional=true path=path("measure_type")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.measure_type)))
                    on_change=row.on(|m, v| m.measure_type = v) />
                <ChoiceField<Term> label="measure.term" kind="term"
                    options=Term::ALL.to_vec() path=path("term")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().map(|m| m.term)))
                    on_change=row.on(|m, v: Option<Term>| if let Some(v) = v { m.term = v }) />
                <div class="hw-wide">
                    <TextField label="measure.description" multiline=true path=path("description")
                        value=get(|m| m.description.clone())
                        on_input=row.on(|m, v| m.description = v) />
                </div>
                <DateField label="measure.start_date" path=path("start_date")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.start_date)))
                    on_change=row.on(|m, v| m.start_date = v) />
                <DateField label="measure.due_date" path=path("due_date")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.due_date)))
                    on_change=row.on(|m, v| m.due_date = v) />
                <ChoiceField<Responsible> label="measure.responsible" kind="responsible"
                    options=Responsible::ALL.to_vec()
                    path=path("responsible")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().map(|m| m.responsible)))
                    on_change=row.on(|m, v: Option<Responsible>| if let Some(v) = v { m.responsible = v }) />
                <TextField label="measure.provider" path=path("provider")
                    value=get(|m| m.provider.clone())
                    on_input=row.on(|m, v| m.provider = v) />
                <ReferralField path=path("referral_needed")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.referral_needed)))
                    on_change=row.on(|m, v| m.referral_needed = v) />
                <div class="hw-cost">
                    <MoneyField label="measure.estimated_cost" currency=currency value=cost
                        path=path("estimated_cost")
                        on_change=row.on(|m, v| m.estimated_cost = v) />
                    {move || local_cost().map(|text| view! { <p class="hw-local">{text}</p> })}
                </div>
                <ChoiceField<Modality> label="measure.modality" kind="modality"
                    options=Modality::ALL.to_vec()
                    path=path("modality")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().map(|m| m.modality)))
                    on_change=row.on(|m, v: Option<Modality>| if let Some(v) = v { m.modality = v }) />
                <ChoiceField<FundingSource> label="measure.funding" kind="funding_source"
                    options=FundingSource::ALL.to_vec()
                    path=path("funding")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().map(|m| m.funding)))
                    on_change=row.on(|m, v: Option<FundingSource>| if let Some(v) = v { m.funding = v }) />
                </fieldset>
                <ChoiceField<MeasureStatus> label="measure.status" kind="measure_status"
                    options=MeasureStatus::ALL.to_vec()
                    path=path("status")
                    value=Signal::derive(move || measure.with(|m| m.as_ref().map(|m| m.status)))
                    on_change=row.on(|m, v: Option<MeasureStatus>| if let Some(v) = v { m.status = v }) />
            </div>
            <MeasureItems row=row measure=measure number=Signal::derive(number) locked=locked
                path=Callback::new(move |field: String| {
                    place
                        .get()
                        .map(|p| Item::Measure { goal: p.goal, measure: p.measure }.field(&field))
                        .unwrap_or_default()
                }) />
            <fieldset class="hw-lock" disabled=move || locked.get()>
            <div class="hw-agree-field">
                <CheckField label="measure.agreed" checked=agreed path=path("returnee_agreed")
                    on_change=row.on(|m, v| m.returnee_agreed = v) />
            </div>
            <ItemActions labels=["measure.move_up", "measure.move_down", "measure.remove"]
                remove_text="measure.remove_short" number=Signal::derive(number)
                first=Signal::derive(first) last=Signal::derive(last)
                on_move=Callback::new(move |up| {
                    row.goal.edit(|g| {
                        edit::shift(&mut g.measures, id, up);
                    });
                    dom::reveal_later(measure_element_id(id));
                })
                on_remove=Callback::new(move |()| remove()) />
            </fieldset>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referral_choice_round_trips_through_its_code() {
        for value in [Some(true), Some(false), None] {
            assert_eq!(referral_from_code(referral_code(value)), value);
        }
    }
}
