//! Small shared form widgets. Each one has a visible label tied to its control, shows the
//! findings about its part of the plan right under it, and reports changes through a callback:
//! the section decides what the change means for the plan.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use homeward_plan::code::Code;
use homeward_plan::finding::Severity;
use homeward_plan::money::{CurrencyCode, Money, parse_amount};
use leptos::prelude::*;

use crate::draft::{has_error, use_draft};
use crate::i18n::{self, Lang, format};
use crate::state::use_app;

/// The first field a person fills in a row: the private switch comes first in a row, but it is
/// not what people fill.
pub const FIRST_FIELD: &str = "input:not([role=switch]), select, textarea";

/// A unique element id for a label's `for` and `aria-describedby`.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("hw-{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A translated text, plus the second language when two-language mode is on.
#[component]
pub fn Text(key: &'static str) -> impl IntoView {
    both_languages(move |lang| i18n::t(lang, key))
}

/// The text of `key` in `lang`, followed by `second` when given: for views drawn once for a
/// chosen language (the printed plan and copy), where `Text` would follow the interface instead.
pub fn text_in(lang: Lang, second: Option<Lang>, key: &str) -> AnyView {
    let other = second.map(|l| {
        view! { <span class="hw-second" lang=l.code() dir=l.dir()>{i18n::t(l, key)}</span> }
    });
    view! { {i18n::t(lang, key)}{other} }.into_any()
}

/// A text written for the interface language, followed by the second language when two-language
/// mode is on: the same as the `Text` widget, for texts with parameters.
pub fn both_languages(
    text: impl Fn(Lang) -> String + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let second = app.second;
    let first = text.clone();
    view! {
        <span>{move || first(lang.get())}</span>
        {move || {
            let text = text.clone();
            second.get().filter(|l| *l != lang.get()).map(move |l| {
                view! { <span class="hw-second" lang=l.code() dir=l.dir()>{text(l)}</span> }
            })
        }}
    }
}

/// The findings about `path` (and inside it), in plain words, with a symbol and a word for
/// the severity so nothing depends on colour.
#[component]
pub fn FieldFindings(#[prop(into)] path: Signal<String>, id: String) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    view! {
        <ul class="hw-findings" id=id aria-live="polite">
            {move || {
                draft
                    .findings_at(&path.get())
                    .into_iter()
                    .map(|f| {
                        let (class, symbol, word) = severity_look(f.severity);
                        view! {
                            <li class=class>
                                <span aria-hidden="true">{symbol}</span>
                                " "
                                <strong>{i18n::t(lang.get(), word)}</strong>
                                " "
                                {format::finding(lang.get(), &f)}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// Class, symbol and translation key of a severity.
pub fn severity_look(severity: Severity) -> (&'static str, &'static str, &'static str) {
    match severity {
        Severity::Error => ("hw-finding hw-error", "✖", "severity.error"),
        Severity::Warning => ("hw-finding hw-warning", "⚠", "severity.warning"),
        Severity::Info => ("hw-finding hw-info", "ℹ", "severity.info"),
    }
}

/// The attributes a field's control takes from its [`Field`].
#[derive(Clone)]
pub struct Control {
    pub id: String,
    /// `aria-describedby`: the hint, the problem with what was typed, the findings.
    pub described: String,
    /// `aria-invalid`: an error in the plan at the field, or what was typed cannot be read.
    pub invalid: Signal<Option<&'static str>>,
}

/// The frame every field shares: the label tied to its control, a hint, the problem with what
/// was typed (a translation key), and the findings about its part of the plan, all named by
/// the control's description. `control` draws the control with the attributes it is given, as
/// an `AnyView`: a field's view type stays out of the frame's, which keeps the code small.
#[component]
pub fn Field<C>(
    /// Translation key of the label.
    label: &'static str,
    control: C,
    /// JSON Pointer of the field in the plan, for its findings.
    #[prop(default = None)]
    path: Option<Signal<String>>,
    /// Translation key of a help text under the label.
    #[prop(default = None)]
    hint: Option<&'static str>,
    /// Translation key of what is wrong with the typed text, while it cannot be read.
    #[prop(default = None)]
    problem: Option<Signal<Option<String>>>,
    /// Extra classes on the field, e.g. for its size.
    #[prop(optional)]
    class: &'static str,
    /// The label after the control, as beside a checkbox.
    #[prop(optional)]
    label_after: bool,
) -> impl IntoView
where
    C: FnOnce(Control) -> AnyView,
{
    let draft = use_draft();
    let lang = use_app().lang;
    let id = unique_id("field");
    let path = path.unwrap_or_else(|| Signal::derive(String::new));
    let (hint_id, problem_id, findings_id) =
        (format!("{id}-hint"), format!("{id}-problem"), format!("{id}-findings"));
    let described = [
        hint.map(|_| hint_id.clone()),
        problem.map(|_| problem_id.clone()),
        Some(findings_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let invalid = Signal::derive(move || {
        let typed_wrong = problem.is_some_and(|p| p.with(Option::is_some));
        (typed_wrong || has_error(&draft.findings_at(&path.get()))).then_some("true")
    });
    let label_view = view! { <label for=id.clone()><Text key=label /></label> };
    let (before, after) =
        if label_after { (None, Some(label_view)) } else { (Some(label_view), None) };
    let class = if class.is_empty() { "hw-field".to_owned() } else { format!("hw-field {class}") };
    view! {
        // Marked with its place in the plan: a finding's "go to" finds and focuses it.
        <div class=class data-path=move || path.with(|p| (!p.is_empty()).then(|| p.clone()))>
            {before}
            {hint.map(|h| view! { <p class="hw-hint" id=hint_id><Text key=h /></p> })}
            {control(Control { id, described, invalid })}
            {after}
            {problem.map(|problem| view! {
                <p class="hw-input-problem" id=problem_id aria-live="polite">
                    {move || problem.get().map(|key| view! {
                        <span aria-hidden="true">"✖ "</span>
                        {i18n::t(lang.get(), &key)}
                    })}
                </p>
            })}
            <FieldFindings path=path id=findings_id />
        </div>
    }
}

/// A one-line or multi-line text field.
#[component]
pub fn TextField(
    /// Translation key of the label.
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    /// JSON Pointer of the field in the plan, for its findings.
    #[prop(optional, into)]
    path: Option<Signal<String>>,
    #[prop(optional)] multiline: bool,
    /// Translation key of a help text under the label.
    #[prop(optional_no_strip, into)]
    hint: Option<&'static str>,
    /// `type` of the input (`text` unless given), e.g. `tel` or `email`.
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView {
    let handler = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let control = move |c: Control| {
        if multiline {
            view! {
                <textarea id=c.id rows="3" prop:value=value on:input=handler
                    aria-describedby=c.described aria-invalid=c.invalid></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=c.id type=input_type.unwrap_or("text") prop:value=value
                    on:input=handler aria-describedby=c.described aria-invalid=c.invalid />
            }
            .into_any()
        }
    };
    view! { <Field label=label path=path hint=hint control=control /> }
}

/// A whole number typed as text (numeric keyboard on a tablet). A text that is not a whole number
/// stays on screen with a message, and the plan keeps its last good value.
#[component]
pub fn WholeNumberField(
    /// Translation key of the label.
    label: &'static str,
    #[prop(into)] value: Signal<Option<u32>>,
    #[prop(into)] on_change: Callback<Option<u32>>,
    #[prop(into)] path: Signal<String>,
    /// Translation key of a help text under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let shown = move || value.get().map(|n| n.to_string()).unwrap_or_default();
    let typed = RwSignal::new(untrack(shown));
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    // When the plan changes from elsewhere (import, undo), show its value again unless what is
    // typed already means it.
    Effect::new(move |_| {
        let current = value.get();
        if problem.with_untracked(Option::is_none)
            && crate::input::parse_optional_count(&typed.get_untracked()) != Some(current)
        {
            typed.set(shown());
        }
    });
    let handler = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        typed.set(raw.clone());
        match crate::input::parse_optional_count(&raw) {
            Some(n) => {
                problem.set(None);
                on_change.run(n);
            }
            None => problem.set(Some("case.whole_number_problem".to_owned())),
        }
    };
    let control = move |c: Control| {
        view! {
            <input id=c.id type="text" inputmode="numeric" autocomplete="off"
                prop:value=move || typed.get() on:input=handler
                aria-describedby=c.described aria-invalid=c.invalid />
        }
        .into_any()
    };
    view! {
        <Field label=label path=Some(path) hint=hint class="hw-number"
            problem=Some(problem.into()) control=control />
    }
}

/// A day, with the browser's date picker. An empty field is "not given".
#[component]
pub fn DateField(
    label: &'static str,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] on_change: Callback<Option<NaiveDate>>,
    #[prop(optional, into)] path: Option<Signal<String>>,
) -> impl IntoView {
    let text = move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let handler = move |ev: leptos::ev::Event| {
        // The date input gives either a full ISO day or nothing (while incomplete).
        on_change.run(crate::input::parse_day(&event_target_value(&ev)));
    };
    let control = move |c: Control| {
        view! {
            <input id=c.id type="date" prop:value=text on:change=handler
                aria-describedby=c.described aria-invalid=c.invalid />
        }
        .into_any()
    };
    view! { <Field label=label path=path control=control /> }
}

/// An amount in the plan's currency, typed as a person writes it in their language. What is
/// typed stays on screen until it can be read; the plan changes only with a valid amount, and a
/// message says what is wrong with the rest.
#[component]
pub fn MoneyField(
    label: &'static str,
    #[prop(into)] value: Signal<Option<Money>>,
    #[prop(into)] currency: Signal<CurrencyCode>,
    #[prop(into)] on_change: Callback<Option<Money>>,
    #[prop(optional, into)] path: Option<Signal<String>>,
) -> impl IntoView {
    let lang = use_app().lang;
    let shown =
        move || value.get().map(|m| format::amount_only(lang.get(), &m)).unwrap_or_default();
    let typed = RwSignal::new(untrack(shown));
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    // When the plan changes from elsewhere (import, language switch), show its amount again,
    // unless what is typed already means that amount.
    Effect::new(move |_| {
        let current = value.get();
        let style = format::number_style(lang.get());
        let typed_now = typed.get_untracked();
        let same = parse_amount(&typed_now, &currency.get_untracked(), style).ok().flatten()
            == current.as_ref().map(|m| m.amount_minor);
        if !same && problem.with_untracked(Option::is_none) {
            typed.set(shown());
        }
    });
    let handler = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        typed.set(raw.clone());
        let code = currency.get_untracked();
        match parse_amount(&raw, &code, format::number_style(lang.get_untracked())) {
            Ok(amount) => {
                problem.set(None);
                on_change.run(amount.map(|minor| Money::new(minor, code)));
            }
            Err(e) => problem.set(Some(format!("amount_error.{}", e.code()))),
        }
    };
    let control = move |c: Control| {
        view! {
            <div class="hw-money-input">
                <input id=c.id type="text" inputmode="decimal" autocomplete="off"
                    prop:value=move || typed.get() on:input=handler
                    aria-describedby=c.described aria-invalid=c.invalid />
                <span class="hw-currency">{move || currency.get().to_string()}</span>
            </div>
        }
        .into_any()
    };
    view! {
        <Field label=label path=path class="hw-money" problem=Some(problem.into()) control=control />
    }
}

/// A choice from a code list (an enumeration of the plan), shown by its translated labels.
/// `kind` names the list: labels are `code.<kind>.<code>`. With `optional`, an empty first
/// choice means "not chosen".
#[component]
pub fn ChoiceField<T>(
    label: &'static str,
    kind: &'static str,
    options: Vec<T>,
    #[prop(into)] value: Signal<Option<T>>,
    #[prop(into)] on_change: Callback<Option<T>>,
    #[prop(optional)] optional: bool,
    #[prop(optional, into)] path: Option<Signal<String>>,
) -> impl IntoView
where
    T: Code + Send + Sync,
{
    let lang = use_app().lang;
    let current = move || value.get().map(|v| format::code_of(&v)).unwrap_or_default();
    let handler = move |ev: leptos::ev::Event| {
        on_change.run(format::from_code::<T>(&event_target_value(&ev)));
    };
    let options = options
        .into_iter()
        .map(|option| {
            let code = format::code_of(&option);
            let selected = move || current() == code;
            view! {
                <option value=code selected=selected>
                    {move || format::label(lang.get(), kind, &option)}
                </option>
            }
        })
        .collect_view();
    let control = move |c: Control| {
        view! {
            <select id=c.id prop:value=current on:change=handler
                aria-describedby=c.described aria-invalid=c.invalid>
                {optional.then(|| view! {
                    <option value="" selected=move || current().is_empty()>
                        {move || i18n::t(lang.get(), "choice.none")}
                    </option>
                })}
                {options}
            </select>
        }
        .into_any()
    };
    view! { <Field label=label path=path control=control /> }
}

/// A yes/no choice as a large checkbox with its label.
#[component]
pub fn CheckField(
    label: &'static str,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(optional, into)] path: Option<Signal<String>>,
) -> impl IntoView {
    let handler = move |ev: leptos::ev::Event| on_change.run(event_target_checked(&ev));
    let control = move |c: Control| {
        view! {
            <input id=c.id type="checkbox" prop:checked=checked on:change=handler
                aria-describedby=c.described aria-invalid=c.invalid />
        }
        .into_any()
    };
    view! { <Field label=label path=path class="hw-check" label_after=true control=control /> }
}

/// A field that picks one of the plan's items by its id, or none (`none` names that choice).
/// An id that names no item any more (left by an import) stays chosen, shown as `unknown`.
#[component]
pub fn ItemChoice(
    /// Translation key of the label.
    label: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    path: Signal<String>,
    /// Translation key of the empty choice.
    none: &'static str,
    #[prop(default = None)] unknown: Option<&'static str>,
    chosen: Signal<Option<uuid::Uuid>>,
    /// The items to choose from, each its id and its text in this language.
    items: Callback<Lang, Vec<(uuid::Uuid, String)>>,
    on_change: Callback<Option<uuid::Uuid>>,
) -> impl IntoView {
    let lang = use_app().lang;
    let current = move || chosen.get().map(|id| id.to_string()).unwrap_or_default();
    let options = move || {
        let lang = lang.get();
        let chosen = chosen.get();
        let mut out = items.run(lang);
        if let (Some(id), Some(unknown)) = (chosen, unknown)
            && !out.iter().any(|(item, _)| *item == id)
        {
            out.push((id, i18n::t(lang, unknown)));
        }
        out.into_iter()
            .map(|(id, text)| {
                let selected = Some(id) == chosen;
                view! { <option value=id.to_string() selected=selected>{text}</option> }
            })
            .collect_view()
    };
    let handler = move |ev: leptos::ev::Event| {
        on_change.run(uuid::Uuid::parse_str(&event_target_value(&ev)).ok());
    };
    let control = move |c: Control| {
        view! {
            <select id=c.id prop:value=current on:change=handler
                aria-describedby=c.described aria-invalid=c.invalid>
                <option value="" selected=move || chosen.get().is_none()>
                    {move || i18n::t(lang.get(), none)}
                </option>
                {options}
            </select>
        }
        .into_any()
    };
    view! { <Field label=label hint=hint path=Some(path) control=control /> }
}
