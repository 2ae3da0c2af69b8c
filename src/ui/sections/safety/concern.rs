//! What a concern leads to: referrals to protection actors, each with the returnee's agreement,
//! and the counsellor's review (who, when, decision). Referrals are addressed by id; their
//! findings by their position in `/protection/referrals`.

use homeward_plan::edit;
use homeward_plan::path::Item;
use homeward_plan::protection::{
    ConcernReview, ProtectionActor, ProtectionReferral, Question, ReviewOutcome,
};
use leptos::prelude::*;
use uuid::Uuid;

use super::super::case::fields::TextWith;
use crate::browser::dom;
use crate::draft::{Draft, new_id, use_draft};
use crate::i18n;
use crate::state::use_app;
use crate::ui::row::RemoveRow;
use crate::ui::widgets::{CheckField, ChoiceField, DateField, Text, TextField};
use crate::undo::use_undo;

/// Reads something of the referral `id`; `None` once it is gone.
fn read<T>(draft: Draft, id: Uuid, f: impl FnOnce(&ProtectionReferral) -> T) -> Option<T> {
    draft.plan.with(|p| p.protection.referrals.iter().find(|r| r.id == id).map(f))
}

/// Changes the referral `id`, if it is still there.
fn change(draft: Draft, id: Uuid, f: impl FnOnce(&mut ProtectionReferral)) {
    draft.edit(|p| {
        if let Some(r) = p.protection.referrals.iter_mut().find(|r| r.id == id) {
            f(r);
        }
    });
}

/// The referrals and the review of one concern.
#[component]
pub fn ConcernFollowUp(question: Question) -> impl IntoView {
    let draft = use_draft();
    let q = question;
    let add_id = format!("hw-referral-add-{}", q.code());
    let ids = move || {
        draft.plan.with(|p| p.protection.referrals_for(q).map(|r| r.id).collect::<Vec<_>>())
    };
    let add = move |_| {
        let id = new_id();
        let today = draft.today;
        draft.edit(|p| {
            p.protection.referrals.push(ProtectionReferral {
                referred_on: Some(today),
                ..ProtectionReferral::new(id, q)
            })
        });
        dom::focus_new_later(format!("hw-referral-{id}"), Some("select"));
    };
    view! {
        <div class="hw-concern-follow-up">
            <h3><Text key="safety.referrals.heading" /></h3>
            <Show when=move || ids().is_empty()>
                <p class="hw-empty"><Text key="safety.referrals.empty" /></p>
            </Show>
            <ol class="hw-rows">
                <ForEnumerate each=ids key=|id| *id
                    children={
                        let add_id = add_id.clone();
                        move |index, id| view! {
                            <ReferralRow id=id number=index add_id=add_id.clone() />
                        }
                    } />
            </ol>
            <button type="button" class="hw-button hw-add" id=add_id.clone() on:click=add>
                <span aria-hidden="true">"+"</span>
                <Text key="safety.referral.add" />
            </button>
            <Review question=q />
        </div>
    }
}

/// One referral: who can help, the organisation, the day, the returnee's agreement, what for.
#[component]
fn ReferralRow(id: Uuid, number: ReadSignal<usize>, add_id: String) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let n = move || (number.get() + 1).to_string();
    let args = Signal::derive(move || vec![("number", n())]);
    // Findings name the referral by its place among all referrals of the plan.
    let path = move |field: &'static str| {
        Signal::derive(move || {
            let index = draft
                .plan
                .with(|p| p.protection.referrals.iter().position(|r| r.id == id))
                .unwrap_or_default();
            Item::ProtectionReferral(index).field(field)
        })
    };
    let actor = Signal::derive(move || read(draft, id, |r| r.actor));
    let organisation =
        Signal::derive(move || read(draft, id, |r| r.organisation.clone()).unwrap_or_default());
    let referred_on = Signal::derive(move || read(draft, id, |r| r.referred_on).flatten());
    let agreed = Signal::derive(move || read(draft, id, |r| r.returnee_agreed).unwrap_or(false));
    let note = Signal::derive(move || read(draft, id, |r| r.note.clone()).unwrap_or_default());
    let undo = use_undo();
    let remove = move |()| {
        let mut taken = None;
        draft.edit(|p| taken = edit::take(&mut p.protection.referrals, id));
        if let Some((at, referral)) = taken {
            undo.offer(
                move |p| edit::put_back(&mut p.protection.referrals, at, referral.clone()),
                (format!("hw-referral-{id}"), Some("select")),
            );
        }
        dom::focus_later(add_id.clone(), None);
    };
    view! {
        <li class="hw-row" id=format!("hw-referral-{id}")>
            <fieldset>
                <legend class="hw-row-legend"><TextWith key="safety.referral.legend" args=args /></legend>
                <div class="hw-row-fields">
                    <ChoiceField label="safety.referral.actor" kind="protection_actor"
                        options=ProtectionActor::ALL.to_vec() value=actor
                        on_change=Callback::new(move |a: Option<ProtectionActor>| {
                            if let Some(a) = a {
                                change(draft, id, |r| r.actor = a);
                            }
                        })
                        path=path("actor") />
                    <TextField label="safety.referral.organisation" value=organisation
                        on_input=Callback::new(move |v: String| change(draft, id, |r| r.organisation = v))
                        path=path("organisation") />
                    <DateField label="safety.referral.referred_on" value=referred_on
                        on_change=Callback::new(move |d| change(draft, id, |r| r.referred_on = d))
                        path=path("referred_on") />
                    <CheckField label="safety.referral.agreed" checked=agreed
                        on_change=Callback::new(move |b| change(draft, id, |r| r.returnee_agreed = b))
                        path=path("returnee_agreed") />
                    <TextField label="safety.referral.note" value=note multiline=true
                        on_input=Callback::new(move |v: String| change(draft, id, |r| r.note = v))
                        path=path("note") />
                </div>
                <RemoveRow text="safety.remove" on_remove=Callback::new(remove)
                    label=Signal::derive(move || {
                        i18n::tf(lang.get(), "safety.referral.remove", &[("number", n())])
                    }) />
            </fieldset>
        </li>
    }
}

/// The counsellor's review of a concern.
#[component]
fn Review(question: Question) -> impl IntoView {
    let draft = use_draft();
    let q = question;
    let read = move |f: fn(&ConcernReview) -> String| {
        Signal::derive(move || draft.plan.with(|p| f(&p.protection.answer(q).review)))
    };
    let edit = move |f: Box<dyn FnOnce(&mut ConcernReview)>| {
        draft.edit(|p| f(&mut p.protection.answer_mut(q).review));
    };
    let by = read(|r| r.reviewed_by.clone());
    let why = read(|r| r.note.clone());
    let on = Signal::derive(move || draft.plan.with(|p| p.protection.answer(q).review.reviewed_on));
    let outcome =
        Signal::derive(move || draft.plan.with(|p| p.protection.answer(q).review.outcome));
    let base = format!("{}/review", q.path());
    view! {
        <h3><Text key="safety.review.heading" /></h3>
        <div class="hw-pair">
            <TextField label="safety.review.by" value=by
                on_input=Callback::new(move |v: String| edit(Box::new(|r| r.reviewed_by = v)))
                path=format!("{base}/reviewed_by") />
            <DateField label="safety.review.on" value=on
                on_change=Callback::new(move |d| edit(Box::new(move |r| r.reviewed_on = d)))
                path=format!("{base}/reviewed_on") />
        </div>
        // The outcome's own finding shows with the question's, above.
        <ChoiceField label="safety.review.outcome" kind="review_outcome" optional=true
            options=ReviewOutcome::ALL.to_vec() value=outcome
            on_change=Callback::new(move |o| edit(Box::new(move |r| r.outcome = o))) />
        <TextField label="safety.review.note" value=why multiline=true
            on_input=Callback::new(move |v: String| edit(Box::new(|r| r.note = v)))
            path=format!("{base}/note") />
    }
}
