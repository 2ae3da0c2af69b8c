//! "Safety on return": the protection screening asked with the returnee, in plain words and in
//! both languages when two-language mode is on. Each question is answered yes, no or not asked
//! yet, with a note; a yes opens the concern's referrals and the counsellor's review
//! (`concern`). What the returnee was told before departure is a checklist (`information`);
//! their printed copy lists the referrals and the checklist (`copy`).

mod concern;
pub(super) mod copy;
mod information;

use homeward_plan::protection::{self, Answer, Question};
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::ui::widgets::{FieldFindings, ItemChoice, Text, TextField, both_languages, unique_id};

/// The questions in the order they are asked, with the key of their text.
const QUESTIONS: [(Question, &str); 6] = [
    (Question::ThreatOnReturn, "safety.question.threat_on_return"),
    (Question::FearOfPersecution, "safety.question.fear_of_persecution"),
    (Question::CreditorThreats, "safety.question.creditor_threats"),
    (Question::RiskOfExploitation, "safety.question.risk_of_exploitation"),
    (Question::HealthCareUnavailable, "safety.question.health_care_unavailable"),
    (Question::ChildWithoutCare, "safety.question.child_without_care"),
];

/// The answers as they are offered, with their label keys.
const ANSWERS: [(Answer, &str); 3] = [
    (Answer::Yes, "code.answer.yes"),
    (Answer::No, "code.answer.no"),
    (Answer::NotAsked, "code.answer.not_asked"),
];

#[component]
pub fn SafetySection() -> impl IntoView {
    let questions = QUESTIONS
        .into_iter()
        .map(|(q, key)| view! { <li><QuestionBlock question=q text=key /></li> })
        .collect_view();
    view! {
        <div class="hw-case hw-safety">
            <OpenConcerns />
            <h2><Text key="safety.screening.heading" /></h2>
            <p class="hw-hint"><Text key="safety.screening.intro" /></p>
            <p class="hw-sensitive-badge"><Text key="safety.private" /></p>
            <ol class="hw-plain-list hw-questions">{questions}</ol>
            <information::InformationChecklist />
        </div>
    }
}

/// What still keeps the plan from being signed, in words: the concerns without a referral or
/// a review.
#[component]
fn OpenConcerns() -> impl IntoView {
    let draft = use_draft();
    let open = Memo::new(move |_| draft.plan.with(protection::open_concerns));
    view! {
        <div class="hw-status hw-safety-status" role="status">
            {move || {
                let open = open.get();
                if open.is_empty() {
                    view! {
                        <p><span aria-hidden="true">"✔ "</span><Text key="safety.status.clear" /></p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p><span aria-hidden="true">"✖ "</span><Text key="safety.status.open" /></p>
                        <ul>{concern_names(open)}</ul>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// The short names of concerns, each as a list item, in both languages.
pub fn concern_names(concerns: Vec<Question>) -> impl IntoView {
    concerns
        .into_iter()
        .map(|q| view! { <li>{both_languages(move |l| format::label(l, "concern", &q))}</li> })
        .collect_view()
}

/// One question: the answer as three large radio buttons, the note, and for a yes the
/// concern's referrals and review.
#[component]
fn QuestionBlock(question: Question, text: &'static str) -> impl IntoView {
    let draft = use_draft();
    let q = question;
    let id = unique_id("question");
    let findings_id = format!("{id}-findings");
    let answer = move || draft.plan.with(|p| p.protection.answer(q).answer);
    let radios = ANSWERS
        .into_iter()
        .map(|(a, key)| {
            let radio_id = format!("{id}-{}", format::code_of(&a));
            let label_for = radio_id.clone();
            view! {
                <label class="hw-answer" for=label_for class:hw-chosen=move || answer() == a>
                    <input type="radio" id=radio_id name=id.clone()
                        prop:checked=move || answer() == a
                        aria-describedby=findings_id.clone()
                        on:change=move |_| draft.edit(|p| p.protection.answer_mut(q).answer = a) />
                    <Text key=key />
                </label>
            }
        })
        .collect_view();
    let note = Signal::derive(move || draft.plan.with(|p| p.protection.answer(q).note.clone()));
    let on_note =
        Callback::new(move |v: String| draft.edit(|p| p.protection.answer_mut(q).note = v));
    let is_yes = move || answer() == Answer::Yes;
    view! {
        <fieldset class="hw-question" id=format!("hw-question-{}", q.code())
            class:hw-concern=is_yes>
            <legend><Text key=text /></legend>
            <div class="hw-answers">{radios}</div>
            <FieldFindings path=q.path() id=findings_id.clone() />
            <TextField label="safety.note" value=note on_input=on_note multiline=true
                path=format!("{}/note", q.path()) />
            {(q == Question::CreditorThreats).then(|| view! {
                <Show when=is_yes><ThreateningDebt /></Show>
            })}
            <Show when=is_yes>
                <concern::ConcernFollowUp question=q />
            </Show>
        </fieldset>
    }
}

/// Which debt the creditor's threats are about.
#[component]
fn ThreateningDebt() -> impl IntoView {
    let draft = use_draft();
    let items = Callback::new(move |lang: Lang| {
        draft.plan.with(|p| {
            p.case
                .debts
                .iter()
                .enumerate()
                .map(|(i, debt)| {
                    let args =
                        [("number", (i + 1).to_string()), ("creditor", debt.creditor.clone())];
                    (debt.id, i18n::tf(lang, "safety.debt.option", &args))
                })
                .collect()
        })
    });
    view! {
        <ItemChoice label="safety.debt" hint=Some("safety.debt.hint")
            path=Signal::derive(|| "/protection/threatening_debt_id".to_owned())
            none="safety.debt.none"
            chosen=Signal::derive(move || draft.plan.with(|p| p.protection.threatening_debt_id))
            items=items
            on_change=Callback::new(move |debt| draft.edit(|p| p.protection.threatening_debt_id = debt)) />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_and_answer_has_its_texts() {
        let asked: Vec<_> = QUESTIONS.iter().map(|(q, _)| *q).collect();
        assert_eq!(asked, Question::ALL);
        for (q, key) in QUESTIONS {
            assert_eq!(key, format!("safety.question.{}", q.code()));
            assert!(i18n::has_key(key), "{key}");
        }
        for (a, key) in ANSWERS {
            assert_eq!(key, format!("code.answer.{}", format::code_of(&a)));
        }
    }
}
