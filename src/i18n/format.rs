//! Numbers, money, dates, codes and findings written for a language. Pure functions over the
//! domain's neutral values, tested natively.

use chrono::NaiveDate;
use homeward_plan::code::Code;
use homeward_plan::finding::{Finding, Param};
use homeward_plan::money::{Money, NumberStyle, format_amount};
use homeward_plan::subject::Subject;

use super::{Lang, has_key, t, tf};

/// How the language writes numbers.
pub fn number_style(lang: Lang) -> NumberStyle {
    match lang {
        Lang::En | Lang::Ar => NumberStyle::POINT,
        Lang::Fr => NumberStyle::COMMA_SPACE,
        Lang::Es => NumberStyle::COMMA_POINT,
    }
}

/// An amount with its currency code, e.g. `1,234.50 EUR` or `1 234,50 EUR`. The code rather
/// than a symbol: it reads the same in every language and cannot be mistaken between currencies.
pub fn money(lang: Lang, amount: &Money) -> String {
    format!("{}\u{a0}{}", amount_only(lang, amount), amount.currency)
}

/// The amount without the currency, as a money input shows it.
pub fn amount_only(lang: Lang, amount: &Money) -> String {
    format_amount(amount.amount_minor, &amount.currency, number_style(lang))
}

/// A day as people write it in the language: day, month, year.
pub fn date(lang: Lang, day: NaiveDate) -> String {
    use chrono::Datelike;
    let month = t(lang, &format!("month.{}", day.month()));
    format!("{} {} {}", day.day(), month, day.year())
}

/// The stable code of an enumeration value, as in the exported file (`in_kind`). Taken from the
/// domain's [`Code`] (written once per enumeration by its `codes!`), not from serde: a serde
/// round trip through `serde_json::Value` would add a copy of (de)serialising code per type.
pub fn code_of<T: Code>(value: &T) -> &'static str {
    value.code()
}

/// The enumeration value of a code; `None` for an unknown code.
pub fn from_code<T: Code>(code: &str) -> Option<T> {
    T::from_code(code)
}

/// The label of an enumeration value: key `code.<kind>.<code>`.
pub fn label<T: Code>(lang: Lang, kind: &str, value: &T) -> String {
    t(lang, &format!("code.{kind}.{}", value.code()))
}

/// The plan's stage and revision in words: "In follow-up, revision 2".
pub fn plan_state(lang: Lang, plan: &homeward_plan::model::Plan) -> String {
    let state = homeward_plan::progress::plan_state(plan);
    tf(
        lang,
        "review.state_value",
        &[
            ("state", t(lang, &format!("code.plan_state.{}", state.code()))),
            ("revision", plan.revision.to_string()),
        ],
    )
}

/// How a measure is named in a list of measures (a referral's, a payment's): its description,
/// with its type when known, else its number.
pub fn measure_name(lang: Lang, number: usize, measure: &homeward_plan::model::Measure) -> String {
    let description = measure.description.trim();
    let kind = measure.measure_type.map(|t| label(lang, "measure_type", &t));
    match (description.is_empty(), kind) {
        (false, Some(kind)) => format!("{description} ({kind})"),
        (false, None) => description.to_owned(),
        (true, Some(kind)) => kind,
        (true, None) => {
            tf(lang, "follow_up.referral.measure_untitled", &[("n", number.to_string())])
        }
    }
}

/// What a finding is about, as the screen names it: `Measure 2 of goal 1: Vocational training`
/// (its description when it has one, else its type), `Payment 3`.
pub fn subject(lang: Lang, subject: &Subject) -> String {
    let what = |text: &str| shorten(text, 60);
    match subject {
        Subject::Goal { number, title, .. } if title.is_empty() => {
            tf(lang, "subject.goal", &[("goal", number.to_string())])
        }
        Subject::Goal { number, title, .. } => {
            tf(lang, "subject.goal_titled", &[("goal", number.to_string()), ("what", what(title))])
        }
        Subject::Measure { goal, number, kind, description, .. } => {
            let numbers = [("number", number.to_string()), ("goal", goal.to_string())];
            let named = if description.is_empty() {
                kind.map(|kind| label(lang, "measure_type", &kind))
            } else {
                Some(what(description))
            };
            match named {
                Some(named) => tf(
                    lang,
                    "subject.measure_what",
                    &[numbers[0].clone(), numbers[1].clone(), ("what", named)],
                ),
                None => tf(lang, "subject.measure", &numbers),
            }
        }
        Subject::Numbered { list, number } => {
            tf(lang, &format!("subject.{}", list.code()), &[("number", number.to_string())])
        }
    }
}

/// `text` cut after `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_owned(),
    }
}

/// A finding in plain words: `finding.<code>` with its parameters written for the language.
/// A text parameter that is a code (`package`, `dimension`, ...) is shown by its label.
pub fn finding(lang: Lang, finding: &Finding) -> String {
    let args: Vec<(&str, String)> =
        finding.params.iter().map(|(name, value)| (*name, param(lang, name, value))).collect();
    tf(lang, &format!("finding.{}", finding.code), &args)
}

fn param(lang: Lang, name: &str, value: &Param) -> String {
    match value {
        Param::Text(text) => {
            let key = format!("code.{name}.{text}");
            if has_key(&key) { t(lang, &key) } else { text.clone() }
        }
        Param::Number(n) => n.to_string(),
        Param::Money(m) => money(lang, m),
        Param::Date(d) => date(lang, *d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_is_named_by_its_description_then_its_type() {
        let mut m = homeward_plan::model::Measure::new(uuid::Uuid::nil());
        assert_eq!(measure_name(Lang::En, 2, &m), "Measure 2, no description yet");
        m.description = " Sewing machine ".into();
        assert_eq!(measure_name(Lang::En, 2, &m), "Sewing machine");
    }
    use homeward_plan::model::{Modality, Package};
    use homeward_plan::money::CurrencyCode;

    #[test]
    fn money_in_each_language() {
        let m = Money::new(700_000, CurrencyCode::eur());
        assert_eq!(money(Lang::En, &m), "7,000.00\u{a0}EUR");
        assert_eq!(money(Lang::Fr, &m), "7\u{202f}000,00\u{a0}EUR");
        assert_eq!(money(Lang::Es, &m), "7.000,00\u{a0}EUR");
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(code_of(&Modality::InKind), "in_kind");
        assert_eq!(from_code::<Modality>("in_kind"), Some(Modality::InKind));
        assert_eq!(from_code::<Modality>("nonsense"), None);
        assert_eq!(code_of(&Package::LongerTerm), "longer_term");
        // A yes/no choice: each answer has its own code and its own words.
        for yes in [true, false] {
            assert_eq!(from_code::<bool>(code_of(&yes)), Some(yes));
        }
        assert_eq!(label(Lang::En, "agreed", &true), "Yes, agreed");
        assert_eq!(label(Lang::En, "agreed", &false), "No, declined");
    }

    #[test]
    fn a_subject_is_named_by_its_description_else_its_type_else_its_numbers() {
        use homeward_plan::catalogue::MeasureType;
        use homeward_plan::model::Dimension;
        let measure = |kind, description: &str| Subject::Measure {
            dimension: Dimension::Economic,
            goal: 1,
            number: 2,
            kind,
            description: description.to_owned(),
        };
        let training = Some(MeasureType::VocationalTraining);
        assert_eq!(
            subject(Lang::En, &measure(training, "")),
            "Measure 2 of goal 1: Vocational training"
        );
        assert_eq!(
            subject(Lang::En, &measure(training, "Bakery course")),
            "Measure 2 of goal 1: Bakery course"
        );
        assert_eq!(subject(Lang::Fr, &measure(None, "")), "Mesure 2 de l’objectif 1");
        let long = "x".repeat(100);
        assert_eq!(
            subject(Lang::En, &measure(None, &long)),
            format!("Measure 2 of goal 1: {}…", "x".repeat(60))
        );
    }

    #[test]
    fn every_list_names_its_items_in_every_language() {
        use homeward_plan::subject::List;
        for lang in Lang::ALL {
            for list in List::ALL {
                let named = subject(lang, &Subject::Numbered { list, number: 3 });
                assert!(named.contains('3') && !named.starts_with("subject."), "{lang:?} {named}");
            }
        }
    }

    #[test]
    fn dates_name_the_month_in_the_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(date(Lang::En, day), "23 November 2026");
        assert_eq!(date(Lang::Fr, day), "23 novembre 2026");
    }
}
