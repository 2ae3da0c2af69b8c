//! The printed plan's lines in words: one function per kind of row (a household member, a line
//! item, what became of a measure, a payment, a referral, a follow-up contact), each from the
//! plan's own fields, so the page and its tests read the same text.

use homeward_plan::model::{
    Case, Dimension, DimensionScores, FollowUp, HouseholdMember, LineItem, Measure, MeasureStatus,
    Referral, ReturnContact, Tranche,
};

use crate::i18n::{Lang, format, t, tf};

/// The parts that are there, joined as one line.
fn line(parts: impl IntoIterator<Item = Option<String>>) -> String {
    parts.into_iter().flatten().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}

/// How to reach the returnee after the return: phone, address, the preferred way, a note.
pub fn contact(lang: Lang, reach: &ReturnContact) -> String {
    line([
        Some(reach.phone.trim().to_owned()),
        Some(reach.address.trim().to_owned()),
        reach.preferred.map(|way| {
            tf(lang, "review.preferred", &[("way", format::label(lang, "contact_way", &way))])
        }),
        Some(reach.note.trim().to_owned()),
    ])
}

/// The returnee: name, age or day of birth, gender, and the languages spoken (already named in
/// the interface language by the caller).
pub fn returnee(lang: Lang, case: &Case, languages: String) -> String {
    line([
        Some(case.full_name.trim().to_owned()),
        age(lang, case.age, case.date_of_birth),
        case.gender.map(|g| format::label(lang, "gender", &g)),
        Some(languages),
    ])
}

/// What the returnee brings to work: education, skills, work experience.
pub fn profile(case: &Case) -> String {
    line([&case.education, &case.skills, &case.work_experience].map(|s| Some(s.trim().to_owned())))
}

/// "born on 3 May 1990", else "36 years old" as stated.
fn age(lang: Lang, years: Option<u32>, born: Option<chrono::NaiveDate>) -> Option<String> {
    match (years, born) {
        (_, Some(day)) => Some(tf(lang, "review.born", &[("date", format::date(lang, day))])),
        (Some(age), None) => Some(tf(lang, "review.age", &[("age", age.to_string())])),
        (None, None) => None,
    }
}

/// A household member: relationship, age, gender, schooling, vulnerabilities, and whether they
/// return too.
pub fn member(lang: Lang, member: &HouseholdMember) -> String {
    let vulnerabilities = member
        .vulnerabilities
        .iter()
        .map(|v| format::label(lang, "vulnerability", v))
        .collect::<Vec<_>>()
        .join(", ");
    let returns = if member.returns_with_returnee { "review.returns_too" } else { "review.stays" };
    line([
        Some(format::label(lang, "relationship", &member.relationship)),
        age(lang, member.age, member.date_of_birth),
        member.gender.map(|g| format::label(lang, "gender", &g)),
        member.schooling.map(|s| format::label(lang, "schooling", &s)),
        Some(vulnerabilities),
        Some(t(lang, returns)),
    ])
}

/// A line item: "2 × Sewing machine · 300.00 EUR each · Supplier".
pub fn item(lang: Lang, item: &LineItem) -> String {
    let what = item.description.trim();
    let what = if what.is_empty() { "—" } else { what };
    line([
        // "2 × Sewing machine": the same in every language.
        Some([item.quantity.to_string().as_str(), "×", what].join(" ")),
        item.unit_cost
            .as_ref()
            .map(|c| tf(lang, "review.each", &[("amount", format::money(lang, c))])),
        Some(item.supplier.trim().to_owned()),
    ])
}

/// What became of a measure: its status, and once delivered the day and the actual cost.
pub fn measure_outcome(lang: Lang, measure: &Measure) -> String {
    let delivered = measure.status == MeasureStatus::Done;
    line([
        Some(format::label(lang, "measure_status", &measure.status)),
        measure
            .delivered_on
            .filter(|_| delivered)
            .map(|d| tf(lang, "review.delivered", &[("date", format::date(lang, d))])),
        measure
            .actual_cost
            .as_ref()
            .filter(|_| delivered)
            .map(|c| tf(lang, "review.actual_cost", &[("amount", format::money(lang, c))])),
    ])
}

/// A payment's day (and "at departure"), and whether, when and how much was paid.
pub fn payment(lang: Lang, tranche: &Tranche) -> (String, String) {
    let when = line([
        Some(format::date(lang, tranche.date)),
        tranche.at_departure.then(|| t(lang, "review.at_departure")),
    ]);
    let state = if tranche.paid {
        line([
            Some(match tranche.paid_on {
                Some(day) => tf(lang, "review.paid_on", &[("date", format::date(lang, day))]),
                None => t(lang, "review.paid"),
            }),
            tranche
                .paid_amount
                .as_ref()
                .map(|a| tf(lang, "review.paid_amount", &[("amount", format::money(lang, a))])),
        ])
    } else {
        t(lang, "review.to_come")
    };
    (when, state)
}

/// A referral after its organisation: what for, whom to contact, whether the returnee agreed,
/// where it stands, and its outcome with its day.
pub fn referral(lang: Lang, referral: &Referral) -> String {
    let agreed = referral.returnee_agreed.map(|yes| format::label(lang, "agreed", &yes));
    line([
        Some(referral.purpose.trim().to_owned()),
        Some(referral.contact.trim().to_owned()),
        agreed,
        Some(format::label(lang, "referral_status", &referral.status)),
        referral.outcome_on.map(|d| format::date(lang, d)),
        Some(referral.outcome.trim().to_owned()),
    ])
}

/// Scores per dimension in words: "Economic 30, Social 45"; empty when none is scored.
pub fn scores(lang: Lang, scores: &DimensionScores) -> String {
    Dimension::ALL
        .into_iter()
        .filter_map(|d| {
            scores.get(d).map(|s| [format::label(lang, "dimension", &d), s.to_string()].join(" "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A follow-up contact: due day, call or visit, whether it took place, its scores and outcome.
pub fn follow_up(lang: Lang, contact: &FollowUp) -> String {
    let scored = scores(lang, &contact.scores);
    line([
        Some(contact.due_date.map_or_else(|| "—".to_owned(), |d| format::date(lang, d))),
        Some(format::label(lang, "contact_kind", &contact.kind)),
        contact
            .done_on
            .map(|d| tf(lang, "follow_up.done_on_words", &[("date", format::date(lang, d))])),
        (!scored.is_empty()).then(|| tf(lang, "review.scores", &[("scores", scored)])),
        Some(contact.outcome.trim().to_owned()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use homeward_plan::model::{Gender, Package, Relationship, Schooling, Vulnerability};
    use homeward_plan::money::{CurrencyCode, Money};
    use uuid::Uuid;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn a_member_reads_with_every_detail_given() {
        let child = HouseholdMember {
            relationship: Relationship::Child,
            age: Some(9),
            gender: Some(Gender::Female),
            schooling: Some(Schooling::InSchool),
            vulnerabilities: vec![Vulnerability::Disability],
            returns_with_returnee: true,
            ..HouseholdMember::default()
        };
        let text = member(Lang::En, &child);
        for part in ["Child", "9", "Disability", "returns too"] {
            assert!(text.contains(part), "{part} in {text}");
        }
        assert_eq!(text.matches(" · ").count(), 5, "{text}");
    }

    #[test]
    fn a_payment_says_when_it_was_paid_and_how_much() {
        let mut t = Tranche::new(
            Uuid::nil(),
            Package::ShortTerm,
            day(10, 1),
            Money::major(390, CurrencyCode::eur()),
        );
        t.at_departure = true;
        let (when, state) = payment(Lang::En, &t);
        assert!(when.contains("1 October 2026") && when.contains("at departure"), "{when}");
        assert_eq!(state, t_en("review.to_come"));
        t.paid = true;
        t.paid_on = Some(day(10, 2));
        t.paid_amount = Some(Money::major(380, CurrencyCode::eur()));
        let (_, state) = payment(Lang::En, &t);
        assert!(state.contains("2 October 2026") && state.contains("380"), "{state}");
    }

    #[test]
    fn a_measure_shows_its_delivery_only_once_delivered() {
        let mut m = Measure::new(Uuid::nil());
        m.delivered_on = Some(day(11, 3));
        m.actual_cost = Some(Money::major(280, CurrencyCode::eur()));
        assert!(!measure_outcome(Lang::En, &m).contains("280"));
        m.status = MeasureStatus::Done;
        let text = measure_outcome(Lang::En, &m);
        assert!(
            text.contains("Delivered") && text.contains("3 November 2026") && text.contains("280"),
            "{text}"
        );
    }

    #[test]
    fn scores_name_their_dimension_and_skip_the_missing() {
        let s = DimensionScores { economic: Some(30), social: None, psychosocial: Some(40) };
        assert_eq!(scores(Lang::En, &s), "Economic 30, Psychosocial 40");
    }

    #[test]
    fn the_returnee_reads_name_age_gender_languages() {
        let case = Case {
            full_name: " Awa Ndiaye ".into(),
            age: Some(34),
            gender: Some(Gender::Female),
            education: "Primary school".into(),
            skills: "Tailoring".into(),
            ..Case::default()
        };
        assert_eq!(
            returnee(Lang::En, &case, "Wolof, French".into()),
            ["Awa Ndiaye", "34 years old", "Female", "Wolof, French"].join(" · ")
        );
        assert_eq!(profile(&case), "Primary school · Tailoring");
    }

    fn t_en(key: &str) -> String {
        t(Lang::En, key)
    }
}
