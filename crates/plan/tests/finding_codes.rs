//! The lists of codes the domain publishes are exactly the codes its rules produce, so an
//! interface can check its translations against the lists alone:
//!
//! - every finding code of `finding::codes()` comes out of the rules run on the samples, and
//!   nothing else does;
//! - each module's list holds exactly the code literals of that module's source (read here,
//!   inside the domain, so that a code added to a rule but not to its list fails this test even
//!   when no sample reaches it);
//! - `ConfigError::CODES` holds every code a programme configuration can be refused with.

use std::collections::BTreeSet;

use homeward_plan::programme::{ConfigError, parse_config};
use homeward_plan::{assessment, budget, finding, protection, samples, validate};

const VALIDATE_RS: &str = include_str!("../src/validate/mod.rs");
const FOLLOW_THROUGH_RS: &str = include_str!("../src/validate/follow_through.rs");
const BUDGET_FINDINGS_RS: &str = include_str!("../src/budget/findings.rs");
const ASSESSMENT_RS: &str = include_str!("../src/assessment.rs");
const PROTECTION_FINDINGS_RS: &str = include_str!("../src/protection/findings.rs");
const CONFIG_CHECK_RS: &str = include_str!("../src/programme/check.rs");

fn set(codes: impl IntoIterator<Item = impl AsRef<str>>) -> BTreeSet<String> {
    codes.into_iter().map(|c| c.as_ref().to_owned()).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading code literals from the source.

/// The source before its test module, so test-only literals never count as codes.
fn without_tests(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or(source)
}

/// The function `pub fn <name>(` written at `indent`: from its signature to its closing brace.
fn function<'a>(source: &'a str, indent: &str, name: &str) -> &'a str {
    let start = format!("\n{indent}pub fn {name}(");
    let body = source.split(start.as_str()).nth(1).unwrap_or_default();
    body.split(&format!("\n{indent}}}\n")).next().unwrap_or_default()
}

/// The string literal right after `callee(` (whitespace allowed), at every call of `callee`.
fn first_literal_args(source: &str, callee: &str) -> Vec<String> {
    let pattern = format!("{callee}(");
    let mut found = Vec::new();
    for (start, _) in source.match_indices(&pattern) {
        let boundary = source[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        if !boundary {
            continue;
        }
        let rest = source[start + pattern.len()..].trim_start();
        if let Some(literal) = rest.strip_prefix('"')
            && let Some((code, _)) = literal.split_once('"')
        {
            found.push(code.to_owned());
        }
    }
    found
}

/// Functions of the file that take a finding code as their first parameter, like
/// `fn cost_guidance(code: &'static str, ...)`: their callers pass codes too.
fn code_taking_helpers(source: &str) -> Vec<String> {
    source
        .match_indices("fn ")
        .filter_map(|(start, _)| {
            let rest = &source[start + 3..];
            let (name, params) = rest.split_once('(')?;
            let name = name.trim();
            let is_ident =
                !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            (is_ident && params.trim_start().starts_with("code: &'static str"))
                .then(|| name.to_owned())
        })
        .collect()
}

/// The finding codes a source text creates: literals passed to `Finding::error`, `warning`,
/// `info`, or to a helper of the file that takes a code.
fn finding_codes_in(source: &str) -> BTreeSet<String> {
    let source = without_tests(source);
    let mut callees: Vec<String> =
        ["Finding::error", "Finding::warning", "Finding::info"].map(str::to_owned).to_vec();
    callees.extend(code_taking_helpers(source));
    callees.iter().flat_map(|callee| first_literal_args(source, callee)).collect()
}

/// A line that is only a code literal, or a `match` arm giving one (`... => "invalid_json",`).
fn code_expression(line: &str) -> Option<&str> {
    let value = line.rsplit("=> ").next().unwrap_or(line).trim().trim_end_matches(',');
    let code = value.strip_prefix('"')?.strip_suffix('"')?;
    let plain = !code.is_empty()
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    plain.then_some(code)
}

// ---------------------------------------------------------------------------------------------
// The finding codes.

#[test]
fn the_scanner_reads_calls_helpers_and_arms() {
    let source = r#"
        fn helper(code: &'static str, x: u32) -> Finding { Finding::warning(code, "") }
        fn rule() { out.push(Finding::error("first", "/a")); out.push(Finding::info(
            "second", "/b")); helper("third", 1); not_a_Finding::error("no"); }
        #[cfg(test)]
        mod tests { fn t() { Finding::error("test_only", ""); } }
    "#;
    assert_eq!(finding_codes_in(source), set(["first", "second", "third"]));
    assert_eq!(code_expression(r#"    Category::Io => "invalid_json","#), Some("invalid_json"));
    assert_eq!(code_expression(r#"            "missing_field""#), Some("missing_field"));
    assert_eq!(code_expression(r#"    let detail = "not code""#), None);
}

#[test]
fn each_list_holds_exactly_the_codes_of_its_module() {
    let validation = set(validate::VALIDATION_CODES.iter().chain(validate::COMPLETENESS_CODES));
    let mut found = finding_codes_in(VALIDATE_RS);
    found.extend(finding_codes_in(FOLLOW_THROUGH_RS));
    assert_eq!(found, validation);
    assert_eq!(finding_codes_in(BUDGET_FINDINGS_RS), set(budget::FINDING_CODES));
    assert_eq!(finding_codes_in(PROTECTION_FINDINGS_RS), set(protection::FINDING_CODES));
    let assessment = without_tests(ASSESSMENT_RS);
    assert_eq!(
        finding_codes_in(function(assessment, "", "check_answers")),
        set(assessment::ANSWER_CODES)
    );
    assert_eq!(
        finding_codes_in(function(assessment, "    ", "check")),
        set(assessment::CONFIG_CODES)
    );
    assert_eq!(
        finding_codes_in(assessment),
        set(assessment::ANSWER_CODES.iter().chain(assessment::CONFIG_CODES))
    );
}

#[test]
fn finding_codes_are_distinct_across_the_modules() {
    let all: Vec<_> = finding::codes().collect();
    assert_eq!(set(&all).len(), all.len(), "a code in two lists: {all:?}");
}

#[test]
fn the_samples_produce_every_listed_code_and_nothing_else() {
    let produced = set(samples::findings_of_every_code().iter().map(|f| f.code));
    let listed = set(finding::codes());
    let unproduced: Vec<_> = listed.difference(&produced).collect();
    assert!(unproduced.is_empty(), "no sample produces {unproduced:?}");
    let unlisted: Vec<_> = produced.difference(&listed).collect();
    assert!(unlisted.is_empty(), "produced but not listed: {unlisted:?}");
}

// ---------------------------------------------------------------------------------------------
// The configuration's error codes.

#[test]
fn config_error_codes_are_the_codes_of_the_reader_and_the_checks() {
    let source = without_tests(CONFIG_CHECK_RS);
    let mut in_source = set(first_literal_args(source, "ConfigError::new"));
    let reader = source.split("fn read_error(").nth(1).unwrap_or_default();
    let reader = reader.split("\nfn ").next().unwrap_or_default();
    in_source.extend(reader.lines().filter_map(code_expression).map(str::to_owned));
    assert!(in_source.contains("missing_field") && in_source.contains("invalid_rate"));
    in_source.extend(set(assessment::CONFIG_CODES));
    assert_eq!(set(ConfigError::CODES), in_source);
    assert_eq!(set(ConfigError::CODES).len(), ConfigError::CODES.len(), "a code listed twice");
}

#[test]
fn refused_configurations_give_listed_codes() {
    for broken in ["{", "{}", r#"{"id": "x", "nonsense": 1}"#, "[]", "{} {}"] {
        let code = parse_config(broken).map(|_| "accepted").unwrap_or_else(|e| e.code());
        assert!(ConfigError::CODES.contains(&code), "{broken}: {code}");
    }
}
