//! The baseline assessment: the programme's questions (data, never code), each answered on the
//! programme's scale with large radio buttons, and the scores per dimension and composite shown
//! as they change. Answers and baseline are stored together in `plan.needs.assessment`, scored
//! by the domain, so the file carries the same numbers the screen shows.

use homeward_plan::assessment::{AssessmentConfig, Question, scores};
use homeward_plan::model::Dimension;
use homeward_plan::programme::localized;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::ui::widgets::{Text, unique_id};

#[component]
pub fn AssessmentGroup() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let config = Memo::new(move |_| draft.programme.with(|c| c.assessment.clone()));
    let name = move || {
        config
            .with(|c| localized(&c.name, lang.get().code()).map(str::to_owned).unwrap_or_default())
    };
    let indicative = move || config.with(|c| c.indicative);
    // A record made with other questions (the programme changed since): say so, keep it until
    // the first new answer replaces it.
    let other_config = move || {
        let id = config.with(|c| c.id.clone());
        draft.plan.with(|p| {
            p.needs.assessment.as_ref().filter(|a| a.config_id != id).map(|a| a.config_id.clone())
        })
    };
    let questions = move || config.with(|c| c.questions.clone());
    view! {
        <fieldset class="hw-group hw-assessment">
            <legend><h2><Text key="needs.group.assessment" /></h2></legend>
            <p class="hw-assessment-name">{name}</p>
            <Show when=indicative>
                <p class="hw-notice" role="note">
                    <span aria-hidden="true">"ℹ "</span>
                    <Text key="needs.assessment.indicative" />
                </p>
            </Show>
            {move || other_config().map(|id| view! {
                <p class="hw-notice" role="note">
                    <span aria-hidden="true">"⚠ "</span>
                    {i18n::tf(lang.get(), "needs.assessment.other_config", &[("id", id)])}
                </p>
            })}
            <p class="hw-hint"><Text key="needs.assessment.hint" /></p>
            <ol class="hw-questions">
                <For each=questions key=|q| q.id.clone()
                    children=move |q| view! { <QuestionField question=q config=config /> } />
            </ol>
            <ScoresView config=config />
        </fieldset>
    }
}

/// One question as a group of radio buttons, one per point of the scale.
#[component]
fn QuestionField(question: Question, config: Memo<AssessmentConfig>) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let second = app.second;
    let name = unique_id("question");
    let qid = question.id.clone();
    let text = {
        let texts = question.text.clone();
        move |l: Lang| localized(&texts, l.code()).unwrap_or_default().to_owned()
    };
    let text_second = text.clone();
    let current = {
        let qid = qid.clone();
        move || {
            let id = config.with(|c| c.id.clone());
            draft.plan.with(|p| {
                p.needs
                    .assessment
                    .as_ref()
                    .filter(|a| a.config_id == id)
                    .and_then(|a| a.answers.get(&qid).copied())
            })
        }
    };
    let (min, max) = config.with_untracked(|c| (c.scale.min, c.scale.max));
    let options = (min..=max)
        .map(|value| {
            let qid = qid.clone();
            let current = current.clone();
            let label = move || config.with(|c| c.scale_label(value, lang.get().code()));
            let choose = move |_| {
                let qid = qid.clone();
                config.with_untracked(|c| {
                    draft.edit(|p| {
                        let record =
                            c.answered(p.needs.assessment.as_ref(), &qid, value, draft.today);
                        p.needs.assessment = Some(record);
                    })
                });
            };
            view! {
                <label class="hw-scale-option">
                    <input type="radio" name=name.clone() value=value.to_string()
                        prop:checked=move || current() == Some(value) on:change=choose />
                    <span class="hw-scale-number" aria-hidden="true">{value.to_string()}</span>
                    <span class="hw-scale-label">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <li>
            <fieldset class="hw-question">
                <legend>
                    <span>{move || text(lang.get())}</span>
                    {move || second.get().filter(|l| *l != lang.get()).map(|l| view! {
                        <span class="hw-second" lang=l.code() dir=l.dir()>{text_second(l)}</span>
                    })}
                </legend>
                <div class="hw-scale">{options}</div>
            </fieldset>
        </li>
    }
}

/// The scores per dimension and the composite, from the answers given so far.
#[component]
fn ScoresView(config: Memo<AssessmentConfig>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let current = Memo::new(move |_| {
        config.with(|c| {
            draft.plan.with(|p| {
                let answers = p
                    .needs
                    .assessment
                    .as_ref()
                    .filter(|a| a.config_id == c.id)
                    .map(|a| a.answers.clone())
                    .unwrap_or_default();
                scores(c, &answers)
            })
        })
    });
    let row = move |label: Signal<String>, score: Signal<Option<u8>>, composite: bool| {
        view! {
            <div class="hw-score" class:hw-composite=composite>
                <dt>{label}</dt>
                <dd>
                    {move || match score.get() {
                        Some(s) => view! {
                            <span class="hw-score-value">
                                {i18n::tf(lang.get(), "needs.score.value", &[("score", s.to_string())])}
                            </span>
                            <span class="hw-score-bar" aria-hidden="true">
                                <span class="hw-score-fill" style:inline-size=format!("{s}%")></span>
                            </span>
                        }
                        .into_any(),
                        None => view! {
                            <span class="hw-score-none">{i18n::t(lang.get(), "needs.score.none")}</span>
                        }
                        .into_any(),
                    }}
                </dd>
            </div>
        }
    };
    let dimensions = Dimension::ALL
        .into_iter()
        .map(|d| {
            let label = Signal::derive(move || format::label(lang.get(), "dimension", &d));
            row(label, Signal::derive(move || current.with(|s| s.get(d))), false)
        })
        .collect_view();
    let composite = row(
        Signal::derive(move || i18n::t(lang.get(), "needs.score.composite")),
        Signal::derive(move || current.with(|s| s.composite)),
        true,
    );
    view! {
        <section class="hw-scores" aria-labelledby="hw-scores-heading">
            <h3 id="hw-scores-heading"><Text key="needs.scores" /></h3>
            <p class="hw-hint"><Text key="needs.scores.hint" /></p>
            <dl>{dimensions}{composite}</dl>
        </section>
    }
}
