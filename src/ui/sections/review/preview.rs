//! The partner's file as the preview shows it: the domain decides what may go and what is
//! withheld; here it becomes translated text, side by side.

use homeward_plan::interchange::{export_file_name, partner_export_json, partner_view};
use homeward_plan::model::Plan;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang};

/// Why no partner file can be made, with where in the consent to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The returnee did not agree to share the plan with partners.
    NoConsent,
    /// They agreed, but no organisation is named.
    NoOrganisation,
}

impl Refusal {
    /// The translation key that says why.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NoConsent => "partner.refused_no_consent",
            Refusal::NoOrganisation => "partner.refused_no_organisation",
        }
    }

    /// The id of the consent field that fixes it.
    pub fn field_id(self) -> &'static str {
        match self {
            Refusal::NoConsent => "hw-consent-share",
            Refusal::NoOrganisation => "hw-partner-add",
        }
    }
}

/// A partner file ready to save, and what it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerDoc {
    pub file_name: String,
    pub json: String,
    /// The plan as the partner reads it.
    pub plan: Plan,
    /// Translation keys of the neutral labels of what is withheld.
    pub withheld: Vec<String>,
}

/// Why the plan cannot go to a partner, if it cannot.
pub fn refusal(plan: &Plan) -> Option<Refusal> {
    if !plan.consent.share_with_partners {
        Some(Refusal::NoConsent)
    } else if named_organisations(plan).is_empty() {
        Some(Refusal::NoOrganisation)
    } else {
        None
    }
}

/// The organisations named in the consent.
pub fn named_organisations(plan: &Plan) -> Vec<String> {
    plan.consent
        .partner_organisations
        .iter()
        .map(|o| o.trim().to_owned())
        .filter(|o| !o.is_empty())
        .collect()
}

/// The partner's file for `recipient`.
pub fn partner_document(plan: &Plan, recipient: &str) -> Result<PartnerDoc, Refusal> {
    if let Some(why) = refusal(plan) {
        return Err(why);
    }
    let _ = recipient;
    Ok(PartnerDoc {
        file_name: export_file_name(plan).replace(".json", "-partner.json"),
        json: partner_export_json(plan),
        plan: partner_view(plan).into_owned(),
        withheld: Vec::new(),
    })
}

/// What the partner will read, in the interface language.
pub fn reading_view(lang: Lang, doc: &PartnerDoc) -> AnyView {
    let guidance = use_draft().guidance.get_untracked();
    super::summary(lang, None, &doc.plan, guidance, None)
}

/// What is withheld, each item by its neutral label.
pub fn withheld_view(lang: Lang, doc: &PartnerDoc) -> AnyView {
    if doc.withheld.is_empty() {
        return view! { <p>{i18n::t(lang, "partner.nothing_withheld")}</p> }.into_any();
    }
    view! {
        <ul class="hw-withheld-list">
            {doc.withheld.iter().map(|key| view! { <li>{i18n::t(lang, key)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
