//! The part of the returnee's copy (the Review summary, also printed) about their safety:
//! nothing is hidden from them, so it lists every referral made for them, whether they agreed,
//! and what they were told before departure and when.

use homeward_plan::model::Plan;
use leptos::prelude::*;

use super::information::ITEMS;
use crate::i18n::{self, Lang, format};
use crate::ui::widgets::text_in;

/// The safety part of the summary in `lang`, its labels also in `second`.
pub fn returnee_copy(lang: Lang, second: Option<Lang>, plan: &Plan) -> AnyView {
    let t = move |key: &str| text_in(lang, second, key);
    let protection = &plan.protection;
    let referrals = if protection.referrals.is_empty() {
        view! { <p>{t("safety.copy.no_referrals")}</p> }.into_any()
    } else {
        let rows = protection
            .referrals
            .iter()
            .map(|r| {
                let organisation = if r.organisation.trim().is_empty() {
                    "—".to_owned()
                } else {
                    r.organisation.clone()
                };
                let day = r.referred_on.map(|d| format!(" · {}", format::date(lang, d)));
                let agreed = if r.returnee_agreed {
                    ("✓ ", t("safety.copy.agreed"))
                } else {
                    ("○ ", t("safety.copy.not_agreed"))
                };
                view! {
                    <li>
                        <strong>{format::label(lang, "protection_actor", &r.actor)}</strong>
                        ": "{organisation}{day}" · "
                        <span aria-hidden="true">{agreed.0}</span>{agreed.1}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="hw-copy-referrals">{rows}</ul> }.into_any()
    };
    let information = ITEMS
        .into_iter()
        .map(|(item, key)| {
            let told = match protection.information.told_on(item) {
                Some(day) => {
                    i18n::tf(lang, "safety.copy.told_on", &[("date", format::date(lang, day))])
                }
                None => i18n::t(lang, "safety.copy.not_told"),
            };
            view! { <dt>{t(key)}</dt><dd>{told}</dd> }
        })
        .collect_view();
    view! {
        <section class="hw-summary-safety">
            <h3>{t("safety.copy.heading")}</h3>
            <h4>{t("safety.copy.referrals")}</h4>
            {referrals}
            <h4>{t("safety.copy.information")}</h4>
            <dl class="hw-copy-information">{information}</dl>
        </section>
    }
    .into_any()
}
