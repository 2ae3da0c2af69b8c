//! Countries and languages picked by name, in the interface language: a combobox (ARIA 1.2
//! pattern: the text field keeps the focus, the list follows the arrow keys, Enter picks,
//! Escape closes; a tap picks) over the names the browser gives. The plan keeps the codes.

use homeward_plan::names::{self, COUNTRIES, LANGUAGES, Named};
use leptos::prelude::*;

use crate::browser::dom::{self, ListKey};
use crate::browser::names::{NameKind, name_of};
use crate::i18n::{self, Lang};
use crate::state::use_app;
use crate::ui::widgets::Text;
use crate::ui::widgets::{Control, Field};

/// How many names the list shows at once: enough to choose from on a tablet.
const SHOWN: usize = 8;

/// Every code of a kind with its name in `lang` (and the English one, so a name typed in
/// English is found too), sorted by name.
fn all_names(lang: Lang, kind: NameKind) -> Vec<Named> {
    let codes = match kind {
        NameKind::Country => COUNTRIES,
        NameKind::Language => LANGUAGES,
    };
    let mut out: Vec<Named> = codes
        .iter()
        .map(|code| {
            let name = name_of(lang.code(), kind, code);
            let english = (lang != Lang::En).then(|| name_of("en", kind, code)).flatten();
            Named {
                code: (*code).to_owned(),
                other: english.filter(|e| Some(e) != name.as_ref()),
                name: name.unwrap_or_else(|| (*code).to_owned()),
            }
        })
        .collect();
    names::sort_by_name(&mut out);
    out
}

/// The name of a code in `lang`, or the code itself where the browser has none.
pub fn display_name(lang: Lang, kind: NameKind, code: &str) -> String {
    if code.is_empty() {
        return String::new();
    }
    name_of(lang.code(), kind, code).unwrap_or_else(|| code.to_owned())
}

/// The code whose name (or code) is exactly `text`, whatever its accents and case.
fn exact(lang: Lang, kind: NameKind, text: &str) -> Option<String> {
    let folded = names::fold(text.trim());
    all_names(lang, kind)
        .into_iter()
        .find(|n| {
            names::fold(&n.name) == folded
                || n.other.as_deref().is_some_and(|o| names::fold(o) == folded)
                || n.code.eq_ignore_ascii_case(text.trim())
        })
        .map(|n| n.code)
}

/// The text field and its list of names. `text` is what the field shows; `on_pick` receives a
/// picked code; `on_leave` is told when the field is left (with what it holds).
fn combobox(
    c: Control,
    kind: NameKind,
    text: RwSignal<String>,
    on_pick: Callback<String>,
    on_leave: Callback<()>,
) -> AnyView {
    let lang = use_app().lang;
    let open = RwSignal::new(false);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    // Names are asked of the browser only while the list is open.
    let all = Memo::new(move |_| if open.get() { all_names(lang.get(), kind) } else { Vec::new() });
    let matches = Memo::new(move |_| {
        all.with(|all| {
            names::search(&text.get(), all, SHOWN).into_iter().cloned().collect::<Vec<_>>()
        })
    });
    let list_id = format!("{}-list", c.id);
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    let pick = move |code: String| {
        open.set(false);
        active.set(None);
        on_pick.run(code);
    };
    let step = move |by: isize| {
        open.set(true);
        let count = matches.with(Vec::len);
        if count == 0 {
            return;
        }
        let next = match active.get_untracked() {
            None if by > 0 => 0,
            None => count - 1,
            Some(at) => (at as isize + by).rem_euclid(count as isize) as usize,
        };
        active.set(Some(next));
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| match dom::list_key(&ev) {
        ListKey::Down => {
            ev.prevent_default();
            step(1);
        }
        ListKey::Up => {
            ev.prevent_default();
            step(-1);
        }
        ListKey::Enter if open.get_untracked() => {
            let chosen = active
                .get_untracked()
                .and_then(|at| matches.with_untracked(|m| m.get(at).map(|n| n.code.clone())));
            if let Some(code) = chosen {
                ev.prevent_default();
                pick(code);
            }
        }
        ListKey::Escape if open.get_untracked() => {
            ev.prevent_default();
            open.set(false);
            active.set(None);
        }
        _ => {}
    };
    let descendant = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| open.get()).map(&option_id)
    };
    let options = move || {
        matches
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, named)| {
                let code = named.code.clone();
                view! {
                    <li role="option" id=option_id(i) class="hw-picker-option"
                        aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                        // Keeps the focus in the text field while the finger or mouse is down.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| pick(code.clone())>
                        {named.name}
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || {
        (open.get() && matches.with(Vec::is_empty)).then(|| {
            view! { <p class="hw-picker-empty"><Text key="picker.nothing" /></p> }
        })
    };
    view! {
        <div class="hw-picker">
            <input id=c.id type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=descendant
                aria-describedby=c.described aria-invalid=c.invalid
                prop:value=move || text.get()
                on:focus=move |_| open.set(true)
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=keydown
                on:blur=move |_| {
                    open.set(false);
                    active.set(None);
                    on_leave.run(());
                } />
            <ul role="listbox" id=list_id class="hw-picker-list"
                hidden=move || !open.get() || matches.with(Vec::is_empty)>
                {options}
            </ul>
            {empty}
        </div>
    }
    .into_any()
}

/// One country or language, picked by name; the plan keeps its code. What was typed and
/// matches nothing stays in the field with a message, and the plan keeps its value.
#[component]
pub fn CodePicker(
    label: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    kind: NameKind,
    path: &'static str,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_app().lang;
    let shown = Signal::derive(move || display_name(lang.get(), kind, &value.get()));
    let text = RwSignal::new(shown.get_untracked());
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    // A value that changes from elsewhere (an import, the language) shows, unless what is
    // typed is waiting for a fix.
    Effect::new(move |_| {
        let shown = shown.get();
        if problem.get_untracked().is_none() {
            text.set(shown);
        }
    });
    let on_pick = Callback::new(move |code: String| {
        problem.set(None);
        text.set(display_name(lang.get_untracked(), kind, &code));
        on_change.run(code);
    });
    let on_leave = Callback::new(move |()| {
        let typed = text.get_untracked();
        if typed.trim().is_empty() {
            problem.set(None);
            on_change.run(String::new());
        } else if typed == shown.get_untracked() {
            problem.set(None);
        } else if let Some(code) = exact(lang.get_untracked(), kind, &typed) {
            on_pick.run(code);
        } else {
            problem.set(Some("picker.not_found".to_owned()));
        }
    });
    let control = move |c: Control| combobox(c, kind, text, on_pick, on_leave);
    view! {
        <Field label=label hint=hint problem=Some(problem.into())
            path=Some(Signal::derive(move || path.to_owned())) control=control />
    }
}

/// Several languages (or countries), picked one by one by name, in the order picked (the
/// preferred first); each can be removed.
#[component]
pub fn CodeListPicker(
    label: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    kind: NameKind,
    path: &'static str,
    values: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let lang = use_app().lang;
    let text = RwSignal::new(String::new());
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move |code: String| {
        problem.set(None);
        text.set(String::new());
        let mut list = values.get_untracked();
        if !list.contains(&code) {
            list.push(code);
            on_change.run(list);
        }
    };
    let on_pick = Callback::new(add);
    let on_leave = Callback::new(move |()| {
        let typed = text.get_untracked();
        if typed.trim().is_empty() {
            problem.set(None);
        } else if let Some(code) = exact(lang.get_untracked(), kind, &typed) {
            add(code);
        } else {
            problem.set(Some("picker.not_found".to_owned()));
        }
    });
    let remove = move |code: String| {
        on_change.run(values.get_untracked().into_iter().filter(|c| *c != code).collect());
    };
    let picked = move || {
        let lang = lang.get();
        values
            .get()
            .into_iter()
            .map(|code| {
                let name = display_name(lang, kind, &code);
                let label = i18n::tf(lang, "picker.remove", &[("name", name.clone())]);
                view! {
                    <li class="hw-chip">
                        <span>{name}</span>
                        <button type="button" class="hw-chip-remove" aria-label=label
                            on:click=move |_| remove(code.clone())>
                            <span aria-hidden="true">"✖"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let control = move |c: Control| {
        view! {
            <ul class="hw-chips">{picked}</ul>
            {combobox(c, kind, text, on_pick, on_leave)}
        }
        .into_any()
    };
    view! {
        <Field label=label hint=hint problem=Some(problem.into())
            path=Some(Signal::derive(move || path.to_owned())) control=control />
    }
}
