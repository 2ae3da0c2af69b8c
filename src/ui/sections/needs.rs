//! The "Needs and aspirations" section (item 2 of the brief). The returnee's own words come
//! first and largest: what they want to achieve and what matters most to them. Then the
//! counsellor's summary of needs per dimension, then the baseline assessment.

mod assessment;

use homeward_plan::model::Dimension;
use homeward_plan::path::Item;
use homeward_plan::privacy::priority_privacy;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::ui::private::PrivateToggle;
use crate::ui::progress::ScoreFields;
use crate::ui::sections::case::fields::ListField;
use crate::ui::widgets::{Text, TextField};

#[component]
pub fn NeedsSection() -> impl IntoView {
    view! {
        <div class="hw-needs">
            <VoiceGroup />
            <SummaryGroup />
            <assessment::AssessmentGroup />
            <TargetGroup />
        </div>
    }
}

/// The improvement expected against the baseline: a target score per dimension.
#[component]
fn TargetGroup() -> impl IntoView {
    let draft = use_draft();
    view! {
        <fieldset class="hw-group">
            <legend><h2><Text key="needs.group.targets" /></h2></legend>
            <ScoreFields legend="needs.targets" hint="needs.targets.hint"
                value=Signal::derive(move || draft.plan.with(|p| p.needs.targets))
                on_change=Callback::new(move |v| draft.edit(|p| p.needs.targets = v))
                path="/needs/targets".to_owned() />
        </fieldset>
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
            <PrivatePriorities />
        </fieldset>
    }
}

/// One switch per priority: which of them are private (withheld from a partner's file unless
/// the returnee agrees to share health and psychosocial details).
#[component]
fn PrivatePriorities() -> impl IntoView {
    let draft = use_draft();
    let count = Memo::new(move |_| draft.plan.with(|p| p.needs.priorities.len()));
    let text = move |index: usize| {
        draft
            .plan
            .with(|p| p.needs.priorities.get(index).map(|x| x.text.clone()).unwrap_or_default())
    };
    view! {
        <Show when=move || count.get() != 0>
            <fieldset class="hw-private-priorities">
                <legend><Text key="private.priorities_legend" /></legend>
                <p class="hw-hint"><Text key="private.priorities_hint" /></p>
                <ul class="hw-plain-list">
                    <For each=move || 0..count.get() key=|i| *i let:index>
                        <li>
                            <p class="hw-own-words">{move || text(index)}</p>
                            <PrivateToggle label="private.priority"
                                number=Signal::derive(move || (index + 1).to_string())
                                privacy=Signal::derive(move || draft.plan.with(|p| {
                                    p.needs.priorities.get(index).and_then(priority_privacy)
                                }))
                                on_change=Callback::new(move |v| draft.edit(|p| {
                                    if let Some(x) = p.needs.priorities.get_mut(index) {
                                        x.private = v;
                                    }
                                })) />
                        </li>
                    </For>
                </ul>
            </fieldset>
        </Show>
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
                    path=Item::Summary(d).path() />
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
