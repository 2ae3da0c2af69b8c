//! The partner's file as the preview shows it: the domain decides whether a file may be made,
//! for whom, and what is withheld; here that becomes translated text, side by side.

use chrono::NaiveDate;
use homeward_plan::interchange::{
    PartnerExportError, partner_document, partner_export_json, partner_file_name,
    partner_recipients,
};
use homeward_plan::model::{Plan, PrivacyCategory};
use homeward_plan::privacy::{PrivateItemKind, private_items};
use homeward_plan::programme::ProgrammeConfig;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};

/// The translation key that says why no partner file can be made.
pub fn refusal_key(error: &PartnerExportError) -> String {
    format!("partner_error.{}", error.code())
}

/// The id of the consent field that fixes it.
pub fn refusal_field(error: &PartnerExportError) -> &'static str {
    match error {
        PartnerExportError::NoConsentToShare => "hw-consent-share",
        PartnerExportError::NoPartnerNamed | PartnerExportError::RecipientNotNamed { .. } => {
            "hw-partner-add"
        }
    }
}

/// Why the plan cannot go to any partner, if it cannot.
pub fn refusal(plan: &Plan) -> Option<PartnerExportError> {
    partner_recipients(plan).err()
}

/// The organisations named in the consent: the choices of recipient.
pub fn named_organisations(plan: &Plan) -> Vec<String> {
    partner_recipients(plan)
        .map(|named| named.into_iter().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// One withheld item: what it is, its category, and its own text (shown here only, to the
/// people at the table).
#[derive(Debug, Clone, PartialEq)]
pub struct Withheld {
    pub kind: PrivateItemKind,
    pub category: PrivacyCategory,
    pub own_text: String,
}

/// A partner file ready to save, and what it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerDoc {
    pub file_name: String,
    pub json: String,
    /// The plan as the partner reads it.
    pub plan: Plan,
    pub withheld: Vec<Withheld>,
}

/// The partner's file for `recipient`, made on `today`.
pub fn partner_doc(
    plan: &Plan,
    programme: &ProgrammeConfig,
    recipient: &str,
    today: NaiveDate,
) -> Result<PartnerDoc, PartnerExportError> {
    let doc = partner_document(plan, recipient, today)?;
    let json = partner_export_json(plan, programme, recipient, today)?;
    let listed = doc.partner_file.as_ref().map(|f| f.withheld.as_slice()).unwrap_or_default();
    let withheld = private_items(plan)
        .into_iter()
        .filter(|item| listed.iter().any(|w| w.path == item.path))
        .map(|item| Withheld {
            kind: item.kind,
            category: item.category,
            own_text: own_text(plan, item.kind),
        })
        .collect();
    Ok(PartnerDoc { file_name: partner_file_name(plan), json, plan: doc, withheld })
}

/// The text of a private item as it stands in the plan.
fn own_text(plan: &Plan, kind: PrivateItemKind) -> String {
    use PrivateItemKind as K;
    let case = &plan.case;
    match kind {
        K::Debt(i) => case.debts.get(i).map(|d| d.creditor.clone()),
        K::VulnerabilityNote => Some(case.vulnerability_note.clone()),
        K::HealthNote => Some(case.health_note.clone()),
        K::Priority(i) => plan.needs.priorities.get(i).map(|p| p.text.clone()),
        K::PsychosocialSummary => Some(plan.needs.summary.psychosocial.clone()),
        K::Goal(g) => plan.goals.get(g).map(|g| g.title.clone()),
        K::Measure { goal, measure } => plan
            .goals
            .get(goal)
            .and_then(|g| g.measures.get(measure))
            .map(|m| m.description.clone()),
        K::Tranche(i) => plan.budget.tranches.get(i).map(|t| t.purpose.clone()),
        K::Referral(i) => {
            plan.referrals.get(i).map(|r| format!("{} · {}", r.organisation, r.purpose))
        }
        K::FollowUp(i) => plan.follow_ups.get(i).map(|f| f.outcome.clone()),
        K::ProtectionAnswer(q) => Some(plan.protection.answer(q).note.clone()),
        K::ProtectionReferral(i) => {
            plan.protection.referrals.get(i).map(|r| format!("{} · {}", r.organisation, r.note))
        }
        K::Vulnerabilities
        | K::MemberVulnerabilities(_)
        | K::AssessmentAnswers
        | K::PsychosocialScore
        | K::CompositeScore
        | K::PsychosocialTarget
        | K::FollowUpPsychosocialScore(_) => None,
    }
    .unwrap_or_default()
}

/// The neutral label of a category, in the interface language.
pub fn neutral_label(lang: Lang, category: PrivacyCategory) -> String {
    i18n::t(lang, &format!("partner.withheld_label.{}", category.code()))
}

/// What the item is, with its number for people (`Measure 6 of goal 2`).
fn item_name(lang: Lang, kind: PrivateItemKind) -> String {
    use PrivateItemKind as K;
    let item = i18n::t(lang, &format!("code.private_item.{}", kind.code()));
    let numbered = |i: usize| {
        i18n::tf(
            lang,
            "partner.item_numbered",
            &[("item", item.clone()), ("number", (i + 1).to_string())],
        )
    };
    match kind {
        K::Debt(i)
        | K::Priority(i)
        | K::Goal(i)
        | K::Tranche(i)
        | K::Referral(i)
        | K::FollowUp(i)
        | K::MemberVulnerabilities(i)
        | K::FollowUpPsychosocialScore(i) => numbered(i),
        K::Measure { goal, measure } => i18n::tf(
            lang,
            "partner.item_measure",
            &[
                ("item", item.clone()),
                ("number", (measure + 1).to_string()),
                ("goal", (goal + 1).to_string()),
            ],
        ),
        _ => item,
    }
}

/// What the partner will read, in the interface language: the summary, then the priorities,
/// referrals and debts, each withheld text as its neutral label.
pub fn reading_view(lang: Lang, doc: &PartnerDoc) -> AnyView {
    let guidance = use_draft().guidance.get_untracked();
    let plan = &doc.plan;
    let text = |withheld: Option<PrivacyCategory>, own: String| match withheld {
        Some(category) => neutral_label(lang, category),
        None if own.trim().is_empty() => "—".to_owned(),
        None => own,
    };
    let list = |heading: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| {
            view! {
                <h4>{i18n::t(lang, heading)}</h4>
                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            }
        })
    };
    let priorities =
        plan.needs.priorities.iter().map(|p| text(p.withheld, p.text.clone())).collect();
    let referrals = plan
        .referrals
        .iter()
        .map(|r| text(r.withheld, format!("{} · {}", r.organisation, r.purpose)))
        .collect();
    let debts = plan
        .case
        .debts
        .iter()
        .map(|d| {
            format!("{} · {}", text(d.withheld, d.creditor.clone()), format::money(lang, &d.amount))
        })
        .collect();
    view! {
        {super::summary::summary(lang, None, plan, guidance, None)}
        {list("partner.priorities_heading", priorities)}
        {list("follow_up.referrals.heading", referrals)}
        {list("case.group.debts", debts)}
    }
    .into_any()
}

/// What is withheld: each item, its own text, and the neutral label the partner reads instead.
pub fn withheld_view(lang: Lang, doc: &PartnerDoc) -> AnyView {
    if doc.withheld.is_empty() {
        return view! { <p>{i18n::t(lang, "partner.nothing_withheld")}</p> }.into_any();
    }
    view! {
        <ul class="hw-withheld-list">
            {doc.withheld.iter().map(|w| {
                let reads = i18n::tf(lang, "partner.withheld_reads",
                    &[("label", neutral_label(lang, w.category))]);
                let own = (!w.own_text.trim().is_empty()).then(|| view! {
                    ": " <q>{w.own_text.clone()}</q>
                });
                view! {
                    <li>
                        <span aria-hidden="true">"🔒 "</span>
                        <strong>{item_name(lang, w.kind)}</strong>
                        {own}
                        <br />
                        <span class="hw-hint">{reads}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
