//! Opening a file of the plan that is open: before anything changes, a modal dialog shows what
//! the file would change, section by section. A change is ticked to be taken (untick to keep
//! the plan's value); where the plan and the file both changed the same thing since it was
//! sent, the person picks one of the two values, and the changes cannot be taken until every
//! such choice is made. Cancel (or Escape) changes nothing. The words and the rules are in
//! `rows` and `words`; this file only shows them.

mod rows;
mod words;

use homeward_plan::changes::{Choice, Merge, resolve};
use homeward_plan::model::Plan;
use leptos::html;
use leptos::prelude::*;

use super::files::FileMessage;
use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n::{self, Lang};
use crate::state::use_app;

pub use rows::nothing_new;
use rows::{Chosen, Readiness, Row};

/// A file of the open plan, waiting for the person to say what to take from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// The file's name.
    pub file: String,
    /// The plan on screen when the file was opened.
    pub ours: Plan,
    /// The plan the file holds.
    pub theirs: Plan,
    /// What it brings (theirs into ours).
    pub merge: Merge,
    /// Whether the copy that was sent was known: only then can conflicts be told.
    pub knew_sent: bool,
}

/// The review of what a file would change, as a modal dialog open while `pending` holds one.
#[component]
pub fn IncomingReview(
    pending: RwSignal<Option<Pending>>,
    message: RwSignal<Option<FileMessage>>,
) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let node: NodeRef<html::Dialog> = NodeRef::new();
    let chosen: RwSignal<Chosen> = RwSignal::new(Chosen::new());
    let problem: RwSignal<Option<&'static str>> = RwSignal::new(None);

    Effect::new(move |_| {
        let open = pending.with(Option::is_some);
        if open {
            chosen.set(
                pending
                    .with_untracked(|p| p.as_ref().map(|p| rows::initial(&p.merge)))
                    .unwrap_or_default(),
            );
            problem.set(None);
        }
        if let Some(dialog) = node.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let readiness = Memo::new(move |_| {
        pending.with(|p| p.as_ref().map(|p| chosen.with(|c| rows::readiness(&p.merge, c))))
    });
    let groups = Memo::new(move |_| {
        let lang = lang.get();
        pending.with(|p| {
            p.as_ref().map(|p| rows::groups(lang, &p.merge, &p.ours, &p.theirs)).unwrap_or_default()
        })
    });

    let close = move || pending.set(None);
    let apply = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let chosen = chosen.get_untracked();
        match rows::readiness(&p.merge, &chosen) {
            Readiness::Choose { .. } => {
                // The button waits; the first choice left gets the focus.
                if let Some(index) = rows::first_unchosen(&p.merge, &chosen) {
                    dom::focus_later(format!("hw-incoming-ours-{index}"), None);
                }
            }
            Readiness::Ready { taken: 0 } => {
                close();
                message.set(Some(FileMessage::NothingTaken(p.file)));
            }
            Readiness::Ready { taken } => {
                let choices = rows::choices(&p.merge, &chosen);
                // Applied to the plan as it is now, by address: what changed meanwhile stays.
                match draft.plan.with_untracked(|plan| resolve(plan, &p.merge, &choices)) {
                    Ok(plan) => {
                        draft.replace(plan);
                        close();
                        message.set(Some(FileMessage::Taken { file: p.file, count: taken }));
                    }
                    Err(error) => problem.set(Some(merge_problem(error.code()))),
                }
            }
        }
    };

    let title = move || {
        let file = pending.with(|p| p.as_ref().map(|p| p.file.clone()).unwrap_or_default());
        i18n::tf(lang.get(), "incoming.title", &[("file", file)])
    };
    let no_sent_copy = move || pending.with(|p| p.as_ref().is_some_and(|p| !p.knew_sent));
    let status = move || {
        let lang = lang.get();
        match readiness.get() {
            Some(Readiness::Choose { left }) => {
                counted(lang, ("incoming.left_one", "incoming.left_many"), left)
            }
            Some(Readiness::Ready { taken: 0 }) => i18n::t(lang, "incoming.ready_none"),
            Some(Readiness::Ready { taken }) => {
                counted(lang, ("incoming.ready_one", "incoming.ready_many"), taken)
            }
            None => String::new(),
        }
    };
    let waiting = move || matches!(readiness.get(), Some(Readiness::Choose { .. }));
    let t = move |key: &'static str| move || i18n::t(lang.get(), key);

    view! {
        <dialog
            node_ref=node
            class="hw-dialog hw-incoming hw-no-print"
            aria-labelledby="hw-incoming-title"
            aria-describedby="hw-incoming-intro"
            on:close=move |_| close()
        >
            <h2 id="hw-incoming-title" tabindex="-1" autofocus>{title}</h2>
            <p id="hw-incoming-intro">{t("incoming.intro")}</p>
            <p class="hw-hint" hidden=move || !no_sent_copy()>{t("incoming.no_sent_copy")}</p>
            {move || groups.get().into_iter().map(|group| {
                let heading = format!("hw-incoming-step-{}", group.step.slug());
                let labelled_by = heading.clone();
                view! {
                    <section class="hw-incoming-group" aria-labelledby=labelled_by>
                        <h3 id=heading>{i18n::t(lang.get_untracked(), group.step.label_key())}</h3>
                        <ul class="hw-incoming-list">
                            {group.rows.into_iter().map(|row| change_view(lang.get_untracked(), row, chosen)).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
            <p id="hw-incoming-status" class="hw-incoming-status" aria-live="polite"
                class:hw-incoming-waiting=waiting>
                {status}
            </p>
            <p class="hw-finding hw-error" role="alert" hidden=move || problem.with(Option::is_none)>
                <span aria-hidden="true">"✖ "</span>
                {move || problem.get().map(|key| i18n::t(lang.get(), key))}
            </p>
            <div class="hw-dialog-actions">
                <button type="button" class="hw-button" on:click=move |_| close()>
                    {t("dialog.cancel")}
                </button>
                <button type="button" class="hw-button hw-primary" on:click=apply
                    aria-disabled=move || waiting().then_some("true")
                    aria-describedby="hw-incoming-status">
                    {t("incoming.apply")}
                </button>
            </div>
        </dialog>
    }
}

/// One change: what it is, its two values, and the person's choice for it.
fn change_view(lang: Lang, row: Row, chosen: RwSignal<Chosen>) -> impl IntoView {
    let index = row.index;
    let what = row.what();
    let what_id = format!("hw-incoming-what-{index}");
    let kind = i18n::t(lang, &format!("incoming.kind.{}", row.kind.code()));
    let is = move |choice: Choice| chosen.with(|c| c.get(&index) == Some(&choice));
    let choose = move |choice: Choice| {
        chosen.update(|c| {
            c.insert(index, choice);
        })
    };
    let decision = if row.conflict {
        let name = format!("hw-incoming-choice-{index}");
        let keep = i18n::tf(lang, "incoming.keep_yours", &[("value", row.before.clone())]);
        let take = i18n::tf(lang, "incoming.take_theirs", &[("value", row.after.clone())]);
        view! {
            <fieldset class="hw-incoming-choices" aria-describedby=what_id.clone()>
                <legend>{i18n::t(lang, "incoming.conflict")}</legend>
                <label class="hw-incoming-choice">
                    <input type="radio" name=name.clone() id=format!("hw-incoming-ours-{index}")
                        prop:checked=move || is(Choice::Ours)
                        on:change=move |_| choose(Choice::Ours) />
                    <span>{keep}</span>
                </label>
                <label class="hw-incoming-choice">
                    <input type="radio" name=name id=format!("hw-incoming-theirs-{index}")
                        prop:checked=move || is(Choice::Theirs)
                        on:change=move |_| choose(Choice::Theirs) />
                    <span>{take}</span>
                </label>
            </fieldset>
        }
        .into_any()
    } else {
        let id = format!("hw-incoming-take-{index}");
        view! {
            <dl class="hw-incoming-values">
                <div><dt>{i18n::t(lang, "incoming.on_screen")}</dt><dd>{row.before.clone()}</dd></div>
                <div><dt>{i18n::t(lang, "incoming.in_file")}</dt><dd>{row.after.clone()}</dd></div>
            </dl>
            <div class="hw-incoming-take">
                <input type="checkbox" id=id.clone()
                    prop:checked=move || is(Choice::Theirs)
                    on:change=move |ev| choose(if event_target_checked(&ev) { Choice::Theirs } else { Choice::Ours }) />
                <label for=id>
                    {i18n::t(lang, "incoming.take")}
                    <span class="hw-visually-hidden">{format!(": {what}")}</span>
                </label>
            </div>
        }
        .into_any()
    };
    view! {
        <li class="hw-incoming-change" class:hw-incoming-conflict=row.conflict>
            <p class="hw-incoming-what" id=what_id>
                <span class="hw-incoming-kind">{kind}</span>
                " "
                <strong>{row.what()}</strong>
            </p>
            {decision}
        </li>
    }
}

/// The text for one thing or for many, with `{count}`.
fn counted(lang: Lang, (one, many): (&str, &str), count: usize) -> String {
    i18n::tf(lang, if count == 1 { one } else { many }, &[("count", count.to_string())])
}

/// The translation key of why the chosen changes could not be applied.
fn merge_problem(code: &str) -> &'static str {
    match code {
        "unresolved" => "merge_error.unresolved",
        "no_such_change" => "merge_error.no_such_change",
        _ => "merge_error.not_applicable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_plan::changes::{ChangeKind, ResolveError};

    #[test]
    fn every_text_of_the_review_is_translated() {
        for code in ResolveError::CODES {
            assert!(i18n::has_key(merge_problem(code)), "{code}");
            assert_eq!(merge_problem(code), format!("merge_error.{code}"));
        }
        for kind in ChangeKind::ALL {
            assert!(i18n::has_key(&format!("incoming.kind.{}", kind.code())), "{kind:?}");
        }
        for keys in [
            ("incoming.left_one", "incoming.left_many"),
            ("incoming.ready_one", "incoming.ready_many"),
        ] {
            for count in [1, 3] {
                let text = counted(Lang::Ar, keys, count);
                assert!(text.contains(&count.to_string()) && !text.contains('{'), "{text}");
            }
        }
    }
}
