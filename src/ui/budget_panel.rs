//! The budget as people see it while they plan: amounts with their local-currency equivalent,
//! and the compact budget bar that stays at the top of each dimension section so the remaining
//! budget is in sight while costs are typed.

use homeward_plan::budget::{self, PackageGuidance};
use homeward_plan::finding::Severity;
use homeward_plan::money::Money;
use homeward_plan::programme::ProgrammeConfig;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::step::Step;
use crate::ui::widgets::{Text, unique_id};

/// The amount in the programme's local currency, e.g. "≈ 1,311,914 XOF"; `None` when the
/// programme has no local currency (or the amount is in another currency).
pub fn local_text(lang: Lang, amount: &Money, config: &ProgrammeConfig) -> Option<String> {
    budget::to_local(amount, config).map(|local| {
        i18n::tf(lang, "budget.local_equivalent", &[("amount", format::money(lang, &local))])
    })
}

/// The sentence that states the programme's rate and how local amounts are rounded; `None`
/// when the programme has no local currency.
pub fn rounding_note(lang: Lang, config: &ProgrammeConfig) -> Option<String> {
    let local = config.local_currency.as_ref()?;
    let mut note = i18n::tf(
        lang,
        "budget.rate_note",
        &[
            ("currency", config.currency.to_string()),
            ("rate", local.rate.to_string()),
            ("local", local.currency.to_string()),
        ],
    );
    if !local.source.trim().is_empty() || local.as_of.is_some() {
        let as_of = local.as_of.map(|d| format::date(lang, d)).unwrap_or_default();
        note.push(' ');
        note.push_str(&i18n::tf(
            lang,
            "budget.rate_source",
            &[("source", local.source.trim().to_owned()), ("date", as_of)],
        ));
    }
    Some(note)
}

/// Whether a finding of the budget rules is a problem to fix (not just information).
pub fn is_problem(severity: Severity) -> bool {
    matches!(severity, Severity::Error | Severity::Warning)
}

/// An amount in the programme's currency with its local equivalent underneath when the
/// programme has a local currency.
#[component]
pub fn Amount(#[prop(into)] amount: Signal<Option<Money>>) -> impl IntoView {
    let lang = use_app().lang;
    let draft = use_draft();
    view! {
        <span class="hw-amount">
            <span class="hw-amount-main">
                {move || match amount.get() {
                    Some(m) => format::money(lang.get(), &m),
                    None => i18n::t(lang.get(), "budget.not_known"),
                }}
            </span>
            {move || {
                amount
                    .get()
                    .and_then(|m| draft.programme.with(|c| local_text(lang.get(), &m, c)))
                    .map(|text| view! { <span class="hw-amount-local">{text}</span> })
            }}
        </span>
    }
}

/// One figure of a package: a label and an amount.
#[component]
fn Figure(
    label: &'static str,
    #[prop(into)] amount: Signal<Option<Money>>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <span class=format!("hw-figure {class}")>
            <span class="hw-figure-label"><Text key=label /></span>
            " "
            <Amount amount=amount />
        </span>
    }
}

/// What is left of a package, saying "over by" (with a symbol) when it is below zero, so an
/// overspend does not depend on colour or a minus sign.
#[component]
pub fn Remaining(
    #[prop(into)] remaining: Signal<Option<Money>>,
    /// Leave out the word "Remaining" (when a heading or term already says it).
    #[prop(optional)]
    bare: bool,
) -> impl IntoView {
    let over = move || remaining.get().is_some_and(|m| m.amount_minor < 0);
    let shown = Signal::derive(move || {
        remaining.get().map(|m| Money::new(m.amount_minor.saturating_abs(), m.currency))
    });
    view! {
        <span class="hw-figure hw-remaining" class:hw-over=over>
            {move || if over() {
                view! {
                    <span class="hw-figure-label">
                        <span aria-hidden="true">"✖ "</span>
                        <Text key="budget.over_by" />
                    </span>
                }
                .into_any()
            } else if bare {
                ().into_any()
            } else {
                view! { <span class="hw-figure-label"><Text key="budget.remaining" /></span> }
                    .into_any()
            }}
            " "
            <Amount amount=shown />
        </span>
    }
}

/// The compact budget bar: per package available, allocated and remaining, and how many
/// budget problems there are, with a way to the Budget section. Sticky at the top of the
/// dimension sections and updated on every keystroke.
#[component]
pub fn BudgetBar() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let title_id = unique_id("budget-bar");
    let labelled_by = title_id.clone();
    let packages = Memo::new(move |_| {
        draft.guidance.with(|g| {
            g.packages.iter().filter(|p| p.offered).cloned().collect::<Vec<PackageGuidance>>()
        })
    });
    let problems = Memo::new(move |_| {
        draft.guidance.with(|g| g.findings.iter().filter(|f| is_problem(f.severity)).count())
    });
    view! {
        <aside class="hw-budget-bar" aria-labelledby=labelled_by>
            <h2 class="hw-budget-bar-title" id=title_id><Text key="budget_bar.title" /></h2>
            <ul class="hw-budget-bar-packages">
                {move || {
                    packages
                        .get()
                        .into_iter()
                        .map(|p| {
                            let package = p.package;
                            let available = p.available.clone();
                            let allocated = p.allocated.clone();
                            let remaining = p.remaining.clone();
                            view! {
                                <li class="hw-budget-bar-package">
                                    <strong class="hw-budget-bar-name">
                                        {move || format::label(lang.get(), "package", &package)}
                                    </strong>
                                    <Figure label="budget.available"
                                        amount=Signal::derive(move || available.clone()) />
                                    <Figure label="budget.allocated"
                                        amount=Signal::derive(move || Some(allocated.clone())) />
                                    <Remaining remaining=Signal::derive(move || remaining.clone()) />
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="hw-budget-bar-footer">
                <p class="hw-budget-bar-problems" aria-live="polite">
                    {move || {
                        let count = problems.get();
                        if count == 0 {
                            view! {
                                <span aria-hidden="true">"✔ "</span>
                                {i18n::t(lang.get(), "budget_bar.no_problems")}
                            }
                            .into_any()
                        } else {
                            view! {
                                <span aria-hidden="true">"⚠ "</span>
                                {i18n::tf(
                                    lang.get(),
                                    "budget_bar.problems",
                                    &[("count", count.to_string())],
                                )}
                            }
                            .into_any()
                        }
                    }}
                </p>
                <button type="button" class="hw-button hw-budget-bar-open"
                    on:click=move |_| app.step.set(Step::Budget)>
                    <Text key="budget_bar.open" />
                </button>
            </div>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_amounts_follow_the_programme_rate() {
        let mut config = homeward_plan::programme::default_preset();
        let amount = config.money(200_000);
        assert_eq!(local_text(Lang::En, &amount, &config), None);
        assert_eq!(rounding_note(Lang::En, &config), None);
        let rate = homeward_plan::programme::DecimalRate::parse("655.957").ok();
        let xof = homeward_plan::money::CurrencyCode::new("XOF").ok();
        if let (Some(rate), Some(xof)) = (rate, xof) {
            config.local_currency = Some(homeward_plan::programme::LocalCurrency {
                currency: xof,
                rate,
                source: "BCEAO".into(),
                as_of: None,
            });
        }
        let text = local_text(Lang::En, &amount, &config).unwrap_or_default();
        assert!(text.contains("1,311,914"), "{text}");
        assert!(text.contains("XOF"), "{text}");
        let note = rounding_note(Lang::En, &config).unwrap_or_default();
        assert!(note.contains("655.957"), "{note}");
        assert!(note.contains("BCEAO"), "{note}");
    }

    #[test]
    fn only_errors_and_warnings_count_as_problems() {
        assert!(is_problem(Severity::Error));
        assert!(is_problem(Severity::Warning));
        assert!(!is_problem(Severity::Info));
    }
}
