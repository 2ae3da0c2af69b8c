//! The "Needs and aspirations" section (item 2 of the brief). The returnee's own words come
//! first and largest: what they want to achieve and what matters most to them. Then the
//! counsellor's summary of needs per dimension, then the baseline assessment.

mod assessment;

use homeward_plan::model::Dimension;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::ui::sections::case::fields::ListField;
use crate::ui::widgets::{Text, TextField};

#[component]
pub fn NeedsSection() -> impl IntoView {
    view! {
        <div class="hw-needs">
            <VoiceGroup />
            <SummaryGroup />
            <assessment::AssessmentGroup />
        </div>
    }
}

/// The returnee's aspirations and priorities, in their own words.
#[component]
fn VoiceGroup() -> impl IntoView {
    let draft = use_draft();
    let aspirations = Signal::derive(move || draft.plan.with(|p| p.needs.aspirations.clone()));
    let priorities = Signal::derive(move || draft.plan.with(|p| p.needs.priority_texts()));
    view! {
        <fieldset class="hw-group hw-voice">
            <legend><h2><Text key="needs.group.voice" /></h2></legend>
            <div class="hw-aspirations">
                <TextField label="needs.aspirations" hint="needs.aspirations.hint" multiline=true
                    value=aspirations
                    on_input=Callback::new(move |v: String| draft.edit(|p| p.needs.aspirations = v))
                    path="/needs/aspirations".to_owned() />
            </div>
            <ListField label="needs.priorities" hint="needs.priorities.hint" lines=true
                class="hw-priorities" value=priorities
                on_change=Callback::new(move |v| draft.edit(|p| p.needs.set_priority_texts(v)))
                path="/needs/priorities".to_owned() />
        </fieldset>
    }
}

/// Label and hint keys of the summary field of each dimension.
fn summary_keys(d: Dimension) -> (&'static str, &'static str) {
    match d {
        Dimension::Economic => ("needs.summary.economic", "needs.summary.economic.hint"),
        Dimension::Social => ("needs.summary.social", "needs.summary.social.hint"),
        Dimension::Psychosocial => {
            ("needs.summary.psychosocial", "needs.summary.psychosocial.hint")
        }
    }
}

/// The counsellor's summary of needs, one text per dimension; psychosocial is sensitive.
#[component]
fn SummaryGroup() -> impl IntoView {
    let draft = use_draft();
    let fields = Dimension::ALL
        .into_iter()
        .map(|d| {
            let (label, hint) = summary_keys(d);
            let value =
                Signal::derive(move || draft.plan.with(|p| p.needs.summary.get(d).to_owned()));
            let on_input =
                Callback::new(move |v: String| draft.edit(|p| *p.needs.summary.get_mut(d) = v));
            let field = view! {
                <TextField label=label hint=hint multiline=true value=value on_input=on_input
                    path=format!("/needs/summary/{}", d.code()) />
            };
            if d == Dimension::Psychosocial {
                view! {
                    <div class="hw-sensitive">
                        <p class="hw-sensitive-badge"><Text key="case.sensitive" /></p>
                        {field}
                    </div>
                }
                .into_any()
            } else {
                field.into_any()
            }
        })
        .collect_view();
    view! {
        <fieldset class="hw-group">
            <legend><h2><Text key="needs.group.summary" /></h2></legend>
            <p class="hw-hint"><Text key="needs.summary.hint" /></p>
            {fields}
        </fieldset>
    }
}
