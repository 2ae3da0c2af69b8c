//! Who counts for the entitlement and what each package allows, with how it was reached.

use homeward_plan::budget::{
    CountedPerson, EntitlementLine, LineKind, PackageGuidance, PersonCategory,
};
use homeward_plan::money::Money;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::ui::anchors::PACKAGES_ID;
use crate::ui::budget_panel::{Amount, Remaining};
use crate::ui::widgets::Text;

/// The text of one entitlement line, e.g. "Adults: 2 × 2,000.00 EUR = 4,000.00 EUR".
fn line_text(lang: Lang, line: &EntitlementLine) -> String {
    let each = line
        .each
        .as_ref()
        .map_or_else(|| i18n::t(lang, "budget.not_known"), |m| format::money(lang, m));
    let args = |extra: Vec<(&'static str, String)>| {
        let mut args = vec![("count", line.count.to_string()), ("each", each.clone())];
        args.extend(extra);
        args
    };
    let text = match line.kind {
        LineKind::Adult => i18n::tf(lang, "budget.line.adult", &args(vec![])),
        LineKind::Minor => i18n::tf(lang, "budget.line.minor", &args(vec![])),
        LineKind::ChildUnder { age } => {
            i18n::tf(lang, "budget.line.child_under", &args(vec![("age", age.to_string())]))
        }
        LineKind::UnaccompaniedChild => i18n::tf(lang, "budget.line.unaccompanied", &args(vec![])),
        LineKind::FamilySupplement => {
            i18n::tf(lang, "budget.line.family_supplement", &args(vec![]))
        }
        LineKind::TopUp { vulnerability } => i18n::tf(
            lang,
            "budget.line.top_up",
            &args(vec![("vulnerability", format::label(lang, "vulnerability", &vulnerability))]),
        ),
    };
    match &line.each {
        Some(each) => {
            let subtotal = Money::new(
                each.amount_minor.saturating_mul(i64::from(line.count)),
                each.currency.clone(),
            );
            format!("{text} = {}", format::money(lang, &subtotal))
        }
        None => text,
    }
}

/// Who a counted person is, how they count and their age.
fn person_text(lang: Lang, person: &CountedPerson) -> String {
    let who = match person.member_index {
        None => i18n::t(lang, "budget.person.returnee"),
        Some(i) => i18n::tf(lang, "budget.person.member", &[("number", (i + 1).to_string())]),
    };
    let category = match person.category {
        PersonCategory::Adult => i18n::t(lang, "budget.category.adult"),
        PersonCategory::Minor => i18n::t(lang, "budget.category.minor"),
        PersonCategory::UnaccompaniedChild => i18n::t(lang, "budget.category.unaccompanied"),
    };
    let age = match person.age {
        Some(age) => i18n::tf(lang, "budget.age", &[("age", age.to_string())]),
        None => i18n::t(lang, "budget.age_unknown"),
    };
    i18n::tf(lang, "budget.person", &[("who", who), ("category", category), ("age", age)])
}

/// Who counts for the entitlement, on which day ages are taken.
#[component]
pub(super) fn Household() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let data = Memo::new(move |_| {
        draft.guidance.with(|g| (g.household.clone(), g.reference_date, g.return_date_set))
    });
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-counted-heading">
            <h2 id="hw-counted-heading"><Text key="budget.household_heading" /></h2>
            <p>
                {move || {
                    let lang = lang.get();
                    let (_, day, set) = data.get();
                    let key = if set { "budget.ages_on_return" } else { "budget.ages_on_today" };
                    i18n::tf(lang, key, &[("date", format::date(lang, day))])
                }}
            </p>
            <ul class="hw-counted">
                {move || {
                    let lang = lang.get();
                    data.get().0.iter().map(|p| view! { <li>{person_text(lang, p)}</li> }).collect_view()
                }}
            </ul>
            <p class="hw-hint"><Text key="budget.household_hint" /></p>
        </section>
    }
}

/// One card per package: the entitlement and how it was reached, allocated, remaining, the
/// last day to use it and the cash limit.
#[component]
pub(super) fn Packages() -> impl IntoView {
    let draft = use_draft();
    let packages = Memo::new(move |_| draft.guidance.with(|g| g.packages.clone()));
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-packages-heading">
            <h2 id="hw-packages-heading"><Text key="budget.packages_heading" /></h2>
            <ul class="hw-packages" id=PACKAGES_ID tabindex="-1">
                {move || packages.get().into_iter().map(|p| view! { <PackageCard package=p /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One package's figures; a package the programme does not offer says so instead.
#[component]
fn PackageCard(package: PackageGuidance) -> impl IntoView {
    let lang = use_app().lang;
    let kind = package.package;
    let name = move || format::label(lang.get(), "package", &kind);
    if !package.offered {
        return view! {
            <li class="hw-package hw-not-offered">
                <h3>{name}</h3>
                <p><Text key="budget.not_offered" /></p>
            </li>
        }
        .into_any();
    }
    let lines = package.entitlement.lines.clone();
    let capped = package.entitlement.capped_at.clone();
    let available = package.available.clone();
    let allocated = package.allocated.clone();
    let remaining = package.remaining.clone();
    let cash_limit = package.cash_limit.clone();
    let use_by = package.use_by;
    let cash = move || {
        let lang = lang.get();
        match &cash_limit {
            None => i18n::t(lang, "budget.cash_unlimited"),
            Some(m) if m.amount_minor == 0 => i18n::t(lang, "budget.cash_none"),
            Some(m) => format::money(lang, m),
        }
    };
    view! {
        <li class="hw-package">
            <h3>{name}</h3>
            <dl class="hw-figures">
                <div>
                    <dt><Text key="budget.available" /></dt>
                    <dd>
                        <Amount amount=Signal::derive(move || available.clone()) />
                        <ul class="hw-lines">
                            {move || {
                                let lang = lang.get();
                                lines.iter().map(|l| view! { <li>{line_text(lang, l)}</li> }).collect_view()
                            }}
                            {capped.clone().map(|cap| view! {
                                <li>{move || i18n::tf(lang.get(), "budget.capped", &[("cap", format::money(lang.get(), &cap))])}</li>
                            })}
                        </ul>
                    </dd>
                </div>
                <div>
                    <dt><Text key="budget.allocated" /></dt>
                    <dd><Amount amount=Signal::derive(move || Some(allocated.clone())) /></dd>
                </div>
                <div class="hw-remaining-row">
                    <dt><Text key="budget.left" /></dt>
                    <dd><Remaining bare=true remaining=Signal::derive(move || remaining.clone()) /></dd>
                </div>
                <div>
                    <dt><Text key="budget.use_by" /></dt>
                    <dd>
                        {move || match use_by {
                            Some(d) => format::date(lang.get(), d),
                            None => i18n::t(lang.get(), "budget.no_period"),
                        }}
                    </dd>
                </div>
                <div>
                    <dt><Text key="budget.cash_limit" /></dt>
                    <dd>{cash}</dd>
                </div>
            </dl>
        </li>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entitlement_lines_show_count_amount_and_subtotal() {
        let line = EntitlementLine {
            kind: LineKind::Adult,
            count: 2,
            each: Some(Money::new(200_000, homeward_plan::money::CurrencyCode::eur())),
        };
        let text = line_text(Lang::En, &line);
        assert!(text.contains("2,000.00"), "{text}");
        assert!(text.contains("= 4,000.00"), "{text}");
        let unknown = EntitlementLine { kind: LineKind::Minor, count: 1, each: None };
        assert!(!line_text(Lang::En, &unknown).contains('='));
    }
}
