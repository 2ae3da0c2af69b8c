//! Scores per dimension where the plan records them (targets, follow-up contacts), and each
//! dimension's way from the baseline through the contacts towards its target, drawn small with
//! its words beside it for screen readers and for print.

use homeward_plan::model::{Dimension, DimensionScores};
use homeward_plan::progress::{ScoreTrail, score_trail};
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::ui::widgets::{Text, WholeNumberField};

/// Label of a dimension's score field.
fn score_label(d: Dimension) -> &'static str {
    match d {
        Dimension::Economic => "scores.economic",
        Dimension::Social => "scores.social",
        Dimension::Psychosocial => "scores.psychosocial",
    }
}

/// A score from 0 to 100 for each dimension, under a legend; the psychosocial one is marked
/// sensitive. Findings (a score above 100) show under each field.
#[component]
pub fn ScoreFields(
    /// Translation key of the legend.
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Signal<DimensionScores>,
    #[prop(into)] on_change: Callback<DimensionScores>,
    /// JSON Pointer of the scores object.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    let fields = Dimension::ALL
        .into_iter()
        .map(|d| {
            let score = Signal::derive(move || value.with(|v| v.get(d)).map(u32::from));
            let set = Callback::new(move |n: Option<u32>| {
                let mut scores = value.get_untracked();
                // Above 255 is kept as 255: still out of range, so the finding says so.
                *scores.get_mut(d) = n.map(|n| u8::try_from(n).unwrap_or(u8::MAX));
                on_change.run(scores);
            });
            view! {
                <WholeNumberField label=score_label(d) value=score on_change=set
                    path=Signal::derive(move || format!("{}/{}", path.get(), d.code())) />
            }
        })
        .collect_view();
    view! {
        <fieldset class="hw-checks hw-scores-fields">
            <legend><Text key=legend /></legend>
            {hint.map(|key| view! { <p class="hw-hint"><Text key=key /></p> })}
            <div class="hw-score-fields">{fields}</div>
        </fieldset>
    }
}

/// The trail in words: "Baseline 30 (1 January 2027) → 40 (10 January 2027); target 70".
pub fn trail_text(lang: Lang, trail: &ScoreTrail) -> String {
    let point = |day: Option<chrono::NaiveDate>, score: u8| match day {
        Some(day) => i18n::tf(
            lang,
            "progress.point_on",
            &[("score", score.to_string()), ("date", format::date(lang, day))],
        ),
        None => score.to_string(),
    };
    let mut steps = Vec::new();
    if let Some((day, score)) = trail.baseline {
        steps.push(i18n::tf(lang, "progress.baseline", &[("point", point(day, score))]));
    }
    steps.extend(trail.contacts.iter().map(|(day, score)| point(*day, *score)));
    let mut text = steps.join(" → ");
    if let Some(target) = trail.target {
        let score = [("score", target.to_string())];
        text = if text.is_empty() {
            i18n::tf(lang, "progress.target_only", &score)
        } else {
            format!("{text}; {}", i18n::tf(lang, "progress.target", &score))
        };
    }
    text
}

/// The points of a trail on a 100 × 40 drawing: x evenly spaced, y from the score.
fn points(trail: &ScoreTrail) -> (String, Option<f32>) {
    let scores: Vec<u8> = trail
        .baseline
        .map(|(_, s)| s)
        .into_iter()
        .chain(trail.contacts.iter().map(|c| c.1))
        .collect();
    let y = |s: u8| 40.0 - f32::from(s.min(100)) * 0.4;
    let step = if scores.len() > 1 { 100.0 / (scores.len() - 1) as f32 } else { 0.0 };
    let line = scores
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{:.1},{:.1}", i as f32 * step, y(*s)))
        .collect::<Vec<_>>()
        .join(" ");
    (line, trail.target.map(y))
}

/// Each dimension's scores from the baseline towards its target, where the plan has any.
#[component]
pub fn ScoreTrails() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let trails = Memo::new(move |_| {
        draft.plan.with(|p| {
            Dimension::ALL
                .into_iter()
                .map(|d| (d, score_trail(p, d)))
                .filter(|(_, t)| !t.is_empty())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="hw-progress" aria-labelledby="hw-progress-heading">
            <h2 id="hw-progress-heading"><Text key="progress.heading" /></h2>
            {move || {
                let trails = trails.get();
                if trails.is_empty() {
                    return view! { <p class="hw-hint"><Text key="progress.empty" /></p> }.into_any();
                }
                trails
                    .into_iter()
                    .map(|(d, trail)| {
                        let (line, target) = points(&trail);
                        let lang = lang.get();
                        view! {
                            <figure class="hw-trail">
                                <svg viewBox="-2 -2 104 44" aria-hidden="true" class="hw-trail-chart">
                                    {target.map(|y| view! {
                                        <line x1="0" x2="100" y1=y y2=y class="hw-trail-target" />
                                    })}
                                    <polyline points=line class="hw-trail-line" />
                                </svg>
                                <figcaption>
                                    <strong>{format::label(lang, "dimension", &d)}</strong>
                                    ": "
                                    {trail_text(lang, &trail)}
                                </figcaption>
                            </figure>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_trail_reads_from_the_baseline_to_the_target() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 10);
        let trail =
            ScoreTrail { baseline: Some((None, 30)), contacts: vec![(day, 40)], target: Some(70) };
        assert_eq!(trail_text(Lang::En, &trail), "Baseline 30 → 40 on 10 January 2027; target 70");
        let (line, target) = points(&trail);
        assert_eq!(line, "0.0,28.0 100.0,24.0");
        assert_eq!(target, Some(12.0));
        let only_target = ScoreTrail { target: Some(50), ..ScoreTrail::default() };
        assert_eq!(trail_text(Lang::En, &only_target), "Target 50");
    }
}
