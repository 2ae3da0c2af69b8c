//! Names of countries and languages in a language, from the browser's `Intl.DisplayNames`:
//! nothing is shipped, and every engine Homeward supports has it. Each (language, kind) is
//! built once. Where the browser has no name (or no `Intl.DisplayNames`), there is none.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Intl, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// What a code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// An ISO 3166-1 country code (`SN`).
    Country,
    /// An ISO 639 language code (`wo`).
    Language,
}

thread_local! {
    static NAMERS: RefCell<HashMap<(String, NameKind), Option<Intl::DisplayNames>>> =
        RefCell::new(HashMap::new());
}

fn namer(locale: &str, kind: NameKind) -> Option<Intl::DisplayNames> {
    let global = js_sys::global();
    let intl = Reflect::get(&global, &JsValue::from_str("Intl")).ok()?;
    if !Reflect::has(&intl, &JsValue::from_str("DisplayNames")).unwrap_or(false) {
        return None;
    }
    let options = Object::new();
    let kind = match kind {
        NameKind::Country => "region",
        NameKind::Language => "language",
    };
    Reflect::set(&options, &"type".into(), &kind.into()).ok()?;
    // No name rather than the code repeated: the picker then shows the code itself.
    Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
    let locales = Array::of1(&JsString::from(locale));
    Some(Intl::DisplayNames::new(&locales, &options))
}

/// The name of `code` in the language `locale` (`fr`), if the browser knows one.
pub fn name_of(locale: &str, kind: NameKind, code: &str) -> Option<String> {
    NAMERS.with(|namers| {
        let mut namers = namers.borrow_mut();
        let namer = namers.entry((locale.to_owned(), kind)).or_insert_with(|| namer(locale, kind));
        let namer = namer.as_ref()?;
        // Called through `Function::call1`, which catches: `of` throws on a malformed code,
        // and a code can come from any file.
        let of: js_sys::Function = Reflect::get(namer, &"of".into()).ok()?.dyn_into().ok()?;
        let name = of.call1(namer, &JsValue::from_str(code)).ok()?.as_string()?;
        (!name.is_empty() && name != code).then_some(name)
    })
}
