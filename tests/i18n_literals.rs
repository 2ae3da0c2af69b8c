//! No user-facing text bypasses the translations: the interface code under `src/ui/` and
//! `src/app.rs` may hold string literals only for translation keys, CSS classes and ids,
//! technical attribute values, JSON Pointers and symbols. A sentence typed straight into a view
//! would show in English to every returnee, whatever their language, so this test fails on it.
//!
//! The scanner reads the source text: it blanks comments, skips `#[cfg(test)]` items, and judges
//! each string literal by where it stands (a text node of a view, an attribute value, anything
//! else) and what it holds.

use std::fs;
use std::path::{Path, PathBuf};

/// Literals that pass although they look like text, each with why. Keep it short.
const ALLOWED: &[&str] = &[
    // `chrono` format of the date input's value (ISO 8601), never shown as text.
    "%Y-%m-%d",
    // Media type of the exported file.
    "application/json",
];

/// Attributes whose values are technical: never read as text by a person or screen reader.
#[rustfmt::skip]
const TECHNICAL_ATTRIBUTES: &[&str] = &[
    "class", "id", "type", "role", "for", "name", "value", "inputmode", "autocomplete", "dir",
    "lang", "href", "rel", "src", "target", "method", "action", "accept", "tabindex", "rows",
    "cols", "min", "max", "step", "pattern", "maxlength", "minlength", "size", "width", "height",
    "viewBox", "xmlns", "d", "points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx",
    "ry", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
    "stroke-dasharray", "transform", "preserveAspectRatio", "focusable", "text-anchor",
    "dominant-baseline", "font-size", "opacity", "style", "spellcheck", "autocapitalize",
    "enterkeyhint", "draggable", "hidden", "download", "form", "media", "charset",
];

/// Technical attribute families, by prefix.
const TECHNICAL_PREFIXES: &[&str] = &["on:", "class:", "style:", "prop:", "use:", "bind:", "data-"];

/// ARIA attributes that a screen reader speaks: their values must come from the translations.
const SPOKEN_ARIA: &[&str] = &[
    "aria-label",
    "aria-valuetext",
    "aria-roledescription",
    "aria-description",
    "aria-placeholder",
];

/// HTML attributes shown or spoken to a person.
const SPOKEN_ATTRIBUTES: &[&str] = &["title", "alt", "placeholder", "label", "summary"];

/// A literal that bypasses the translations.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Violation {
    line: usize,
    literal: String,
    why: &'static str,
}

/// A string literal of the source: byte offset of its opening quote and its text.
struct Literal {
    start: usize,
    text: String,
}

/// The source with comments, string contents and char literals blanked to spaces (so braces
/// and quotes inside them do not count), and the string literals found.
fn lex(source: &str) -> (Vec<u8>, Vec<Literal>) {
    let bytes = source.as_bytes();
    let mut blank = bytes.to_vec();
    let mut literals = Vec::new();
    let mut i = 0;
    let clear = |blank: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut blank[from..to.min(bytes.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            let end = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
            clear(&mut blank, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (1, i + 2);
            while j < bytes.len() && depth > 0 {
                if bytes[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if bytes[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            clear(&mut blank, i, j);
            i = j;
        } else if let Some((open, hashes)) = raw_string_start(bytes, i) {
            let closing = format!("\"{}", "#".repeat(hashes));
            let body = open + 1;
            let end = source[body..].find(&closing).map_or(bytes.len(), |n| body + n);
            literals.push(Literal { start: open, text: source[body..end].to_owned() });
            clear(&mut blank, body, end);
            i = end + closing.len();
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(bytes.len());
            literals.push(Literal { start: i, text: unescape(&source[i + 1..end]) });
            clear(&mut blank, i + 1, end);
            i = end + 1;
        } else if bytes[i] == b'\'' {
            // A char literal ('x', '\n', '\u{7b}') or a lifetime ('a, 'static).
            let end = if rest.get(1) == Some(&b'\\') {
                source.get(i + 3..).and_then(|r| r.find('\'')).map(|n| i + 3 + n)
            } else {
                let c = source[i + 1..].chars().next().map_or(1, char::len_utf8);
                (bytes.get(i + 1 + c) == Some(&b'\'')).then_some(i + 1 + c)
            };
            match end {
                Some(end) => {
                    clear(&mut blank, i + 1, end);
                    i = end + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    (blank, literals)
}

/// `r"`, `r#"`, `br"`... starting at `i`, not inside an identifier: the opening quote's offset
/// and the number of `#`.
fn raw_string_start(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let prefix_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
    }
    if !prefix_ok || bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|b| **b == b'#').count();
    (bytes.get(j + hashes) == Some(&b'"')).then_some((j + hashes, hashes))
}

/// Enough unescaping to judge the text: common escapes become their character.
fn unescape(raw: &str) -> String {
    raw.replace("\\n", "\n").replace("\\t", " ").replace("\\\"", "\"").replace("\\\\", "\\")
}

/// Byte ranges of `#[cfg(test)]` items (a module or function with its body, or `mod x;`).
fn test_ranges(blank: &[u8]) -> Vec<(usize, usize)> {
    let text = String::from_utf8_lossy(blank);
    let mut ranges = Vec::new();
    for (start, marker) in text.match_indices("#[cfg(test)]") {
        let after = start + marker.len();
        let Some(open) = blank[after..].iter().position(|b| *b == b'{' || *b == b';') else {
            continue;
        };
        let open = after + open;
        if blank[open] == b';' {
            ranges.push((start, open));
            continue;
        }
        let mut depth = 0usize;
        let mut end = blank.len();
        for (k, b) in blank.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        ranges.push((start, end));
    }
    ranges
}

/// The last non-blank byte before `pos`, and its offset.
fn previous(blank: &[u8], pos: usize) -> Option<(usize, u8)> {
    blank[..pos]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, b)| !b.is_ascii_whitespace())
        .map(|(i, b)| (i, *b))
}

/// The first non-blank byte from `pos`.
fn next(blank: &[u8], pos: usize) -> Option<u8> {
    blank[pos..].iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// Where a literal stands.
#[derive(Debug, PartialEq, Eq)]
enum Position {
    /// A text node of a view: `<p>"..."</p>`, `<p>{"..."}</p>`.
    Text,
    /// The value of an attribute or property: `name="..."`, `name={"..."}`.
    Attribute(String),
    /// Anywhere else: a function argument, a returned value, a constant.
    Code,
}

fn position(blank: &[u8], literal: &Literal, end: usize) -> Position {
    let mut before = previous(blank, literal.start);
    if let Some((i, b'{')) = before {
        before = previous(blank, i);
    }
    match before {
        Some((i, b'=')) => {
            let name_end = i;
            let name_start = blank[..name_end]
                .iter()
                .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':')))
                .map_or(0, |p| p + 1);
            let name = String::from_utf8_lossy(&blank[name_start..name_end]).into_owned();
            if name.is_empty() { Position::Code } else { Position::Attribute(name) }
        }
        Some((i, b'>')) if i == 0 || !matches!(blank[i - 1], b'=' | b'-') => Position::Text,
        _ => {
            let after = blank.get(end + 1..).and_then(|rest| next(rest, 0));
            if after == Some(b'<') { Position::Text } else { Position::Code }
        }
    }
}

/// Two letters in a row make a word; a lone letter-like symbol such as `ℹ` or `✓` does not.
fn has_letter(text: &str) -> bool {
    let mut previous = false;
    for c in text.chars() {
        let letter = c.is_alphabetic();
        if letter && previous {
            return true;
        }
        previous = letter;
    }
    false
}

/// `hw-button`, `text`, `step`, `hw-finding hw-error`: a class list, id, code or event name.
fn is_token_list(text: &str) -> bool {
    let parts: Vec<&str> = text.split(' ').filter(|p| !p.is_empty()).collect();
    let token = |p: &str| {
        p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    };
    match parts.as_slice() {
        [] => true,
        [one] => token(one),
        many => many.iter().all(|p| token(p)) && many.iter().any(|p| p.contains(['-', '_'])),
    }
}

/// `/household/2/age`: a JSON Pointer into the plan.
fn is_pointer(text: &str) -> bool {
    text.starts_with('/')
        && text.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'/' | b'_' | b'-' | b'~')
        })
}

/// `#1b1f24`: a colour for a canvas or an inline style.
fn is_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| {
        matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// `#field input, .hw-list > li`: a CSS selector for `query_selector`, with at least one id or
/// class in it.
fn is_selector(text: &str) -> bool {
    // Attribute selectors and `:not(...)` are selector syntax too: `input:not([role=switch])`.
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace(":not", "");
    if plain != text {
        // With selector syntax stripped, a list of element names is a selector too:
        // `input:not([role=switch]), select, textarea`.
        let element_names = text.contains(":not(")
            && plain
                .split([' ', ','])
                .filter(|p| !p.is_empty())
                .all(|p| p.bytes().all(|b| b.is_ascii_lowercase()));
        return element_names || is_token_list(&plain) || is_selector(&plain);
    }
    let parts: Vec<&str> =
        text.split([' ', ',', '>', '+', '~']).filter(|p| !p.is_empty()).collect();
    parts.iter().any(|p| p.starts_with(['#', '.']))
        && parts.iter().all(|p| is_token_list(p.trim_start_matches(['#', '.'])))
}

/// `--hw-accent: {c}; width: 40%`: CSS declarations for an inline style.
fn is_css(text: &str) -> bool {
    let lowercase = |part: &str| {
        part.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.%#(),/".contains(&b))
    };
    let mut declarations = text.split(';').map(str::trim).filter(|d| !d.is_empty()).peekable();
    declarations.peek().is_some()
        && declarations.all(|d| {
            d.split_once(':').is_some_and(|(property, value)| {
                let property = property.trim();
                !property.is_empty()
                    && is_token_list(property)
                    && value.split_whitespace().all(lowercase)
            })
        })
}

/// `.json`, `-partner.json`: a file name or the end of one.
fn is_file_name(text: &str) -> bool {
    const EXTENSIONS: &[&str] = &["json", "csv", "txt", "svg", "png", "pdf", "css", "html"];
    text.rsplit_once('.').is_some_and(|(stem, extension)| {
        EXTENSIONS.contains(&extension) && (stem.is_empty() || is_token_list(stem))
    })
}

/// The text with its `format!` placeholders (`{}`, `{name}`, `{:?}`) removed.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Judges one literal. `is_key` says whether a text is a translation key; `is_key_prefix`
/// whether some key starts with it (for `format!("finding.{}", code)`).
fn judge(
    text: &str,
    at: &Position,
    is_key: &dyn Fn(&str) -> bool,
    is_key_prefix: &dyn Fn(&str) -> bool,
) -> Option<&'static str> {
    if !has_letter(text) || ALLOWED.contains(&text) {
        return None;
    }
    if *at == Position::Text {
        return Some("text in a view: use a translation");
    }
    if let Position::Attribute(name) = at {
        let name = name.as_str();
        if SPOKEN_ARIA.contains(&name) || (SPOKEN_ATTRIBUTES.contains(&name) && !is_key(text)) {
            return Some("spoken attribute: use a translation");
        }
        let technical = TECHNICAL_ATTRIBUTES.contains(&name)
            || TECHNICAL_PREFIXES.iter().any(|p| name.starts_with(p))
            || (name.starts_with("aria-") && !SPOKEN_ARIA.contains(&name));
        if technical {
            return None;
        }
    }
    if text.contains('.') && is_key(text) {
        return None;
    }
    if let Some((prefix, _)) = text.split_once('{')
        && prefix.contains('.')
        && prefix.ends_with('.')
        && is_key_prefix(prefix)
    {
        return None;
    }
    let bare = without_placeholders(text);
    let technical = [is_token_list, is_pointer, is_colour, is_selector, is_file_name, is_css];
    if !has_letter(&bare) || technical.iter().any(|shape| shape(&bare)) {
        return None;
    }
    if text.contains('.') && is_token_list(&text.replace('.', "-")) {
        return Some("looks like a translation key, but no text file has it");
    }
    Some("text outside the translations")
}

/// Every literal of `source` that bypasses the translations.
fn scan(
    source: &str,
    is_key: &dyn Fn(&str) -> bool,
    is_key_prefix: &dyn Fn(&str) -> bool,
) -> Vec<Violation> {
    let (blank, literals) = lex(source);
    let skipped = test_ranges(&blank);
    literals
        .into_iter()
        .filter(|l| !skipped.iter().any(|(from, to)| (*from..=*to).contains(&l.start)))
        .filter_map(|l| {
            let at = position(&blank, &l, close_of(&blank, l.start));
            judge(&l.text, &at, is_key, is_key_prefix).map(|why| Violation {
                line: source[..l.start].matches('\n').count() + 1,
                literal: l.text.clone(),
                why,
            })
        })
        .collect()
}

/// Offset of the closing quote of the literal opening at `start`: in the blanked source, the
/// first quote after it (its contents are blank).
fn close_of(blank: &[u8], start: usize) -> usize {
    blank[start + 1..].iter().position(|b| *b == b'"').map_or(start, |p| start + 1 + p)
}

/// The `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn interface_code_has_no_text_outside_the_translations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/app.rs")];
    rust_files(&root.join("src/ui"), &mut files);
    files.sort();
    assert!(files.len() > 3, "found only {files:?}");
    let keys: Vec<&str> = homeward::i18n::keys().collect();
    let is_key = |text: &str| homeward::i18n::has_key(text);
    let is_key_prefix = |prefix: &str| keys.iter().any(|k| k.starts_with(prefix));
    let mut report = Vec::new();
    for file in &files {
        let Ok(source) = fs::read_to_string(file) else {
            report.push(format!("{}: cannot be read", file.display()));
            continue;
        };
        let name = file.strip_prefix(root).unwrap_or(file).display().to_string();
        for v in scan(&source, &is_key, &is_key_prefix) {
            report.push(format!("{name}:{}: {:?}: {}", v.line, v.literal, v.why));
        }
    }
    assert!(
        report.is_empty(),
        "{} literal(s) bypass the translations:\n{}",
        report.len(),
        report.join("\n")
    );
}

// The scanner itself, on snippets, with a fixed set of keys.

fn scan_snippet(source: &str) -> Vec<Violation> {
    let keys = ["step.case", "case.town", "finding.due_before_start"];
    let is_key = |text: &str| keys.contains(&text);
    let is_key_prefix = |prefix: &str| keys.iter().any(|k| k.starts_with(prefix));
    scan(source, &is_key, &is_key_prefix)
}

fn literals_of(violations: &[Violation]) -> Vec<&str> {
    violations.iter().map(|v| v.literal.as_str()).collect()
}

#[test]
fn scanner_flags_text_typed_into_a_view() {
    let found = scan_snippet(r#"fn f() -> impl IntoView { view! { <p>"Hello there"</p> } }"#);
    assert_eq!(literals_of(&found), ["Hello there"]);
    assert_eq!(found[0].line, 1);

    let snippet = r#"
        view! {
            <p class="hw-intro">{"Welcome back"}</p>
            <button aria-label="Remove household member" on:click=remove>"✖"</button>
            <img src="logo.svg" alt="Homeward logo" />
            <p>"hello"</p>
            <p>"step.case"</p>
            <TextField label="Town or village" value=town on_input=set />
        }
        let title = format!("Goal {}", n);
        let key = "case.missing_key";
        let style = format!("content: Hello there; {x}");
    "#;
    assert_eq!(
        literals_of(&scan_snippet(snippet)),
        [
            "Welcome back",
            "Remove household member",
            "Homeward logo",
            "hello",
            "step.case",
            "Town or village",
            "Goal {}",
            "case.missing_key",
            "content: Hello there; {x}"
        ]
    );
}

#[test]
fn scanner_passes_keys_classes_attributes_pointers_and_tests() {
    let snippet = r##"
        //! A doc comment with "quoted words" is not code.
        use leptos::prelude::*;
        /* a block comment "Hello" */
        fn view_it(lang: Signal<Lang>, i: usize) -> impl IntoView {
            let c = '"';
            let id = format!("hw-field-{}", i);
            let path = format!("/household/{i}/age");
            let (class, symbol, word) = ("hw-finding hw-error", "✖", "step.case");
            let label = t(lang.get(), &format!("finding.{}", code));
            let selector = format!("#{id} input, #{id} select");
            let colour = "#1b1f24";
            let style = format!("--hw-accent: {c}; inline-size: 40%");
            let file = name.replace(".json", "-partner.json");
            view! {
                <div class="hw-field" id=id aria-hidden="true" role="group" dir="ltr">
                    <input type="text" inputmode="decimal" autocomplete="off" on:input=h />
                    <span aria-hidden="true">"✖ "</span>
                    <span aria-hidden="true">"ℹ "</span>
                    <TextField label="case.town" value=town on_input=set path=path />
                    <ChoiceField label="case.town" kind="relationship" options=all />
                    {move || i18n::t(lang.get(), "step.case")}
                    <svg viewBox="0 0 10 10"><path d="M0 0 L10 10" /></svg>
                    <p class:hw-warning=warn data-step="case">" · "</p>
                </div>
            }
        }
        #[cfg(test)]
        mod tests {
            #[test]
            fn t() { assert_eq!(text(), "Hello there"); }
        }
    "##;
    assert_eq!(scan_snippet(snippet), []);
}

#[test]
fn scanner_reads_raw_strings_escapes_and_lifetimes() {
    let snippet = r###"
        fn f<'a>(x: &'a str) -> &'static str { x }
        const A: &str = r#"Raw "text" here"#;
        const B: &str = "with \"quotes\" inside";
        const C: char = '\'';
        const D: &str = "hw-ok";
    "###;
    assert_eq!(
        literals_of(&scan_snippet(snippet)),
        [r#"Raw "text" here"#, r#"with "quotes" inside"#]
    );
}
