//! Fields whose text is parsed into something else (a list) for the Case and
//! Needs sections, and the age a date of birth gives. What the person types stays on screen exactly as typed: the plan changes only
//! with what the text means, so a half-typed list or number never jumps under their fingers.

use chrono::NaiveDate;
use homeward_plan::model::years_between;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, format};
use crate::ui::widgets::{Control, Field, both_languages};

/// Language tags typed as a comma-separated list (`fr, wo-SN`): trimmed, empty parts dropped.
/// Commas of other scripts (Arabic `،`) and semicolons separate too.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '،', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The list as the field shows it.
pub fn join_list(items: &[String]) -> String {
    items.join(", ")
}

/// One item per line, e.g. priorities: trimmed, empty lines dropped.
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// The lines as the field shows them.
pub fn join_lines(items: &[String]) -> String {
    items.join("\n")
}

/// Reads a list from its text.
type Split = fn(&str) -> Vec<String>;
/// Writes a list as text.
type Join = fn(&[String]) -> String;

/// A list typed as text (comma-separated or one per line). The typed text is kept while it
/// still means the plan's list, so commas, spaces and new lines can be typed freely.
#[component]
pub fn ListField(
    /// Translation key of the label.
    label: &'static str,
    #[prop(into)] value: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
    #[prop(into)] path: Signal<String>,
    /// Translation key of a help text under the label.
    hint: &'static str,
    /// One item per line in a text area, instead of a comma-separated line.
    #[prop(optional)]
    lines: bool,
    /// Extra class on the field, for its size.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let (split, join): (Split, Join) =
        if lines { (split_lines, join_lines) } else { (split_list, join_list) };
    let typed = RwSignal::new(value.with_untracked(|v| join(v)));
    Effect::new(move |_| {
        let same = value.with(|v| split(&typed.get_untracked()) == *v);
        if !same {
            typed.set(value.with_untracked(|v| join(v)));
        }
    });
    let handler = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let items = split(&raw);
        typed.set(raw);
        on_change.run(items);
    };
    let control = move |c: Control| {
        if lines {
            view! {
                <textarea id=c.id rows="4" prop:value=move || typed.get() on:input=handler
                    aria-describedby=c.described aria-invalid=c.invalid></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=c.id type="text" autocomplete="off" prop:value=move || typed.get()
                    on:input=handler aria-describedby=c.described aria-invalid=c.invalid />
            }
            .into_any()
        }
    };
    view! {
        <Field label=label path=Some(path) hint=Some(hint) class=class control=control />
    }
}

/// A translated text with parameters, plus the second language when two-language mode is on.
#[component]
pub fn TextWith(
    key: &'static str,
    #[prop(into)] args: Signal<Vec<(&'static str, String)>>,
) -> impl IntoView {
    both_languages(move |lang| i18n::tf(lang, key, &args.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_and_keep_what_was_meant() {
        assert_eq!(split_list("fr, wo-SN,,  ar"), ["fr", "wo-SN", "ar"]);
        assert_eq!(split_list("fr، ar; en"), ["fr", "ar", "en"]);
        assert!(split_list(" , ").is_empty());
        // A trailing comma while typing means the same list, so the field keeps it.
        assert_eq!(split_list("fr, "), split_list(&join_list(&split_list("fr, "))));
        assert_eq!(join_list(&["fr".into(), "ar".into()]), "fr, ar");
    }

    #[test]
    fn lines_split_on_new_lines() {
        assert_eq!(split_lines("A job\n\n  A home \n"), ["A job", "A home"]);
        assert_eq!(join_lines(&["A job".into(), "A home".into()]), "A job\nA home");
        assert!(split_lines("\n \n").is_empty());
    }
}

/// The age a date of birth gives on the day ages are counted (the return date, else today),
/// shown next to the date of birth, as the budget counts it.
#[component]
pub fn AgeFromBirth(birth: Signal<Option<NaiveDate>>) -> impl IntoView {
    let draft = use_draft();
    let reference = draft.part(move |p| p.case.age_reference(draft.today));
    move || {
        let birth = birth.get()?;
        let (day, on_return) = reference.get();
        let age = years_between(birth, day)?;
        let key = if on_return { "case.age_on_return" } else { "case.age_today" };
        let text = move |lang| {
            i18n::tf(lang, key, &[("age", age.to_string()), ("date", format::date(lang, day))])
        };
        Some(
            view! { <p class="hw-hint hw-derived-age" aria-live="polite">{both_languages(text)}</p> },
        )
    }
}
