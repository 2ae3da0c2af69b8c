//! The "Case and returnee" section (item 1 of the brief): who the plan is for, where they return
//! to, their household, vulnerabilities, education and work, identity documents and debts.
//! The long form is cut into fieldsets with a heading each, so it can be walked by heading on a
//! screen reader and scanned on a tablet. Every field edits the plan through `draft.edit`.

mod documents;
pub(super) mod fields;
mod household;

use homeward_plan::model::{Case, ContactWay, Gender, ReturnKind, Vulnerability};
use leptos::prelude::*;

use crate::browser::names::NameKind;
use crate::draft::use_draft;
use crate::ui::picker::{CodeListPicker, CodePicker};
use crate::ui::widgets::{
    CheckField, ChoiceField, DateField, FieldFindings, Text, TextField, WholeNumberField, unique_id,
};

use fields::AgeFromBirth;

#[component]
pub fn CaseSection() -> impl IntoView {
    view! {
        <div class="hw-case">
            <PersonGroup />
            <ReturnGroup />
            <ContactGroup />
            <household::HouseholdGroup />
            <VulnerabilityGroup />
            <WorkGroup />
            <documents::DocumentsGroup />
            <documents::DebtsGroup />
            <CounsellorGroup />
        </div>
    }
}

/// A text field bound to one text of the case.
fn case_text(
    label: &'static str,
    path: &'static str,
    get: fn(&Case) -> &String,
    set: fn(&mut Case) -> &mut String,
    multiline: bool,
) -> impl IntoView {
    case_text_field(label, None, path, get, set, "text", multiline)
}

/// A text field bound to one text of the case, with a help text.
fn case_text_hint(
    label: &'static str,
    hint: &'static str,
    path: &'static str,
    get: fn(&Case) -> &String,
    set: fn(&mut Case) -> &mut String,
    multiline: bool,
) -> impl IntoView {
    case_text_field(label, Some(hint), path, get, set, "text", multiline)
}

fn case_text_field(
    label: &'static str,
    hint: Option<&'static str>,
    path: &'static str,
    get: fn(&Case) -> &String,
    set: fn(&mut Case) -> &mut String,
    input_type: &'static str,
    multiline: bool,
) -> impl IntoView {
    let draft = use_draft();
    let value = Signal::derive(move || draft.plan.with(|p| get(&p.case).clone()));
    let on_input = Callback::new(move |v: String| draft.edit(|p| *set(&mut p.case) = v));
    view! {
        <TextField label=label hint=hint value=value on_input=on_input path=path.to_owned()
            input_type=input_type multiline=multiline />
    }
}

/// A group of fields under a heading.
fn group_heading(key: &'static str) -> impl IntoView {
    view! { <legend><h2><Text key=key /></h2></legend> }
}

/// Reference, name, age, gender, languages.
#[component]
fn PersonGroup() -> impl IntoView {
    let draft = use_draft();
    let dob = Signal::derive(move || draft.plan.with(|p| p.case.date_of_birth));
    let age = Signal::derive(move || draft.plan.with(|p| p.case.age));
    let gender = Signal::derive(move || draft.plan.with(|p| p.case.gender));
    let languages = Signal::derive(move || draft.plan.with(|p| p.case.languages.clone()));
    let nationality = Signal::derive(move || draft.plan.with(|p| p.case.nationality.clone()));
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.person")}
            {case_text_hint("case.reference", "case.reference.hint", "/case/case_reference",
                |c| &c.case_reference, |c| &mut c.case_reference, false)}
            {case_text_hint("case.full_name", "case.full_name.hint", "/case/full_name",
                |c| &c.full_name, |c| &mut c.full_name, false)}
            <div class="hw-pair">
                <DateField label="case.date_of_birth" value=dob
                    on_change=Callback::new(move |d| draft.edit(|p| p.case.date_of_birth = d))
                    path="/case/date_of_birth".to_owned() />
                <WholeNumberField label="case.age" hint="case.age.hint" value=age
                    on_change=Callback::new(move |n| draft.edit(|p| p.case.age = n))
                    path="/case/age".to_owned() />
            </div>
            <AgeFromBirth birth=dob />
            <ChoiceField label="case.gender" kind="gender" optional=true
                options=Gender::ALL.to_vec()
                value=gender
                on_change=Callback::new(move |g| draft.edit(|p| p.case.gender = g))
                path="/case/gender".to_owned() />
            <CodeListPicker label="case.languages" hint=Some("case.languages.hint")
                kind=NameKind::Language values=languages
                on_change=Callback::new(move |l| draft.edit(|p| p.case.languages = l))
                path="/case/languages" />
            <CodePicker label="case.nationality" hint=None
                kind=NameKind::Country value=nationality
                on_change=Callback::new(move |code| draft.edit(|p| p.case.nationality = code))
                path="/case/nationality" />
        </fieldset>
    }
}

/// Where and when the returnee returns, and how.
#[component]
fn ReturnGroup() -> impl IntoView {
    let draft = use_draft();
    let country = Signal::derive(move || draft.plan.with(|p| p.case.country_of_return.clone()));
    let date = Signal::derive(move || draft.plan.with(|p| p.case.return_date));
    let planned = Signal::derive(move || draft.plan.with(|p| p.case.return_date_is_planned));
    let kind = Signal::derive(move || draft.plan.with(|p| Some(p.case.return_kind)));
    let host = Signal::derive(move || draft.plan.with(|p| p.case.host_country.clone()));
    let departure = Signal::derive(move || draft.plan.with(|p| p.case.departure_date));
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.return")}
            <CodePicker label="case.country" hint=Some("case.country.hint")
                kind=NameKind::Country value=country
                on_change=Callback::new(move |code| draft.edit(|p| p.case.country_of_return = code))
                path="/case/country_of_return" />
            <div class="hw-pair">
                {case_text("case.region", "/case/region", |c| &c.region, |c| &mut c.region, false)}
                {case_text("case.town", "/case/town", |c| &c.town, |c| &mut c.town, false)}
            </div>
            <CodePicker label="case.host_country" hint=Some("case.host_country.hint")
                kind=NameKind::Country value=host
                on_change=Callback::new(move |code| draft.edit(|p| p.case.host_country = code))
                path="/case/host_country" />
            <DateField label="case.departure_date" value=departure
                on_change=Callback::new(move |d| draft.edit(|p| p.case.departure_date = d))
                path="/case/departure_date".to_owned() />
            <DateField label="case.return_date" value=date
                on_change=Callback::new(move |d| draft.edit(|p| p.case.return_date = d))
                path="/case/return_date".to_owned() />
            <CheckField label="case.return_date_is_planned" checked=planned
                on_change=Callback::new(move |b| draft.edit(|p| p.case.return_date_is_planned = b))
                path="/case/return_date_is_planned".to_owned() />
            <ChoiceField label="case.return_kind" kind="return_kind"
                options=ReturnKind::ALL.to_vec()
                value=kind
                on_change=Callback::new(move |k: Option<ReturnKind>| {
                    if let Some(k) = k {
                        draft.edit(|p| p.case.return_kind = k);
                    }
                })
                path="/case/return_kind".to_owned() />
        </fieldset>
    }
}

/// How the partner can reach the returnee after the return.
#[component]
fn ContactGroup() -> impl IntoView {
    let draft = use_draft();
    let preferred =
        Signal::derive(move || draft.plan.with(|p| p.case.contact_after_return.preferred));
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.contact")}
            <p class="hw-hint"><Text key="case.group.contact.hint" /></p>
            {case_text_field("case.contact.phone", None, "/case/contact_after_return/phone",
                |c| &c.contact_after_return.phone, |c| &mut c.contact_after_return.phone,
                "tel", false)}
            {case_text_field("case.contact.address", None, "/case/contact_after_return/address",
                |c| &c.contact_after_return.address, |c| &mut c.contact_after_return.address,
                "text", true)}
            <ChoiceField label="case.contact.preferred" kind="contact_way" optional=true
                options=ContactWay::ALL.to_vec()
                value=preferred
                on_change=Callback::new(move |w| {
                    draft.edit(|p| p.case.contact_after_return.preferred = w)
                })
                path="/case/contact_after_return/preferred".to_owned() />
            {case_text_field("case.contact.note", None, "/case/contact_after_return/note",
                |c| &c.contact_after_return.note, |c| &mut c.contact_after_return.note,
                "text", true)}
        </fieldset>
    }
}

/// The counsellor who drafts the plan, as the template's header names them.
#[component]
fn CounsellorGroup() -> impl IntoView {
    let draft = use_draft();
    let name = Signal::derive(move || draft.plan.with(|p| p.counsellor.name.clone()));
    let organisation =
        Signal::derive(move || draft.plan.with(|p| p.counsellor.organisation.clone()));
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.counsellor")}
            <div class="hw-pair">
                <TextField label="case.counsellor.name" value=name
                    on_input=Callback::new(move |v| draft.edit(|p| p.counsellor.name = v))
                    path="/counsellor/name".to_owned() />
                <TextField label="case.counsellor.organisation" value=organisation
                    on_input=Callback::new(move |v| draft.edit(|p| p.counsellor.organisation = v))
                    path="/counsellor/organisation".to_owned() />
            </div>
        </fieldset>
    }
}

/// Vulnerabilities in the order of the brief, with their label keys (written in codes.json).
const VULNERABILITIES: [(Vulnerability, &str); 7] = [
    (Vulnerability::SeriousHealthCondition, "code.vulnerability.serious_health_condition"),
    (Vulnerability::Disability, "code.vulnerability.disability"),
    (
        Vulnerability::SurvivorOfTraffickingOrViolence,
        "code.vulnerability.survivor_of_trafficking_or_violence",
    ),
    (
        Vulnerability::UnaccompaniedOrSeparatedChild,
        "code.vulnerability.unaccompanied_or_separated_child",
    ),
    (Vulnerability::OlderPerson, "code.vulnerability.older_person"),
    (Vulnerability::SingleParent, "code.vulnerability.single_parent"),
    (Vulnerability::Other, "code.vulnerability.other"),
];

/// Ticks or unticks a vulnerability, keeping the list sorted and without repeats so the file
/// does not change with the order of the ticks.
pub fn set_vulnerability(list: &mut Vec<Vulnerability>, v: Vulnerability, on: bool) {
    list.retain(|x| *x != v);
    if on {
        list.push(v);
        list.sort();
    }
}

/// One person's vulnerabilities as checkboxes under a legend; the list shows its findings once,
/// under the whole list.
#[component]
pub(super) fn VulnerabilityChecks(
    /// Translation key of the legend.
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] value: Signal<Vec<Vulnerability>>,
    #[prop(into)] on_change: Callback<Vec<Vulnerability>>,
    #[prop(into)] path: Signal<String>,
) -> impl IntoView {
    let checks = VULNERABILITIES
        .into_iter()
        .map(|(v, key)| {
            let id = unique_id("vulnerability");
            let checked = move || value.with(|list| list.contains(&v));
            let toggle = move |ev: leptos::ev::Event| {
                let mut list = value.get_untracked();
                set_vulnerability(&mut list, v, event_target_checked(&ev));
                on_change.run(list);
            };
            view! {
                <li class="hw-field hw-check">
                    <input id=id.clone() type="checkbox" prop:checked=checked on:change=toggle />
                    <label for=id><Text key=key /></label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="hw-checks">
            <legend><Text key=legend /></legend>
            {hint.map(|key| view! { <p class="hw-hint"><Text key=key /></p> })}
            <ul class="hw-check-list">{checks}</ul>
            <FieldFindings path=path id=unique_id("findings") />
        </fieldset>
    }
}

/// Vulnerabilities as checkboxes, their note, and the health note (sensitive).
#[component]
fn VulnerabilityGroup() -> impl IntoView {
    let draft = use_draft();
    let value = Signal::derive(move || draft.plan.with(|p| p.case.vulnerabilities.clone()));
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.vulnerabilities")}
            <VulnerabilityChecks legend="case.vulnerabilities" hint="case.vulnerabilities.hint"
                value=value
                on_change=Callback::new(move |list| draft.edit(|p| p.case.vulnerabilities = list))
                path="/case/vulnerabilities".to_owned() />
            {case_text_hint("case.vulnerability_note", "case.vulnerability_note.hint",
                "/case/vulnerability_note", |c| &c.vulnerability_note,
                |c| &mut c.vulnerability_note, true)}
            <div class="hw-sensitive">
                <p class="hw-sensitive-badge"><Text key="case.sensitive" /></p>
                {case_text_hint("case.health_note", "case.health_note.hint", "/case/health_note",
                    |c| &c.health_note, |c| &mut c.health_note, true)}
            </div>
        </fieldset>
    }
}

/// Education, skills and work experience, in the returnee's words.
#[component]
fn WorkGroup() -> impl IntoView {
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.work")}
            {case_text("case.education", "/case/education", |c| &c.education,
                |c| &mut c.education, true)}
            {case_text("case.skills", "/case/skills", |c| &c.skills, |c| &mut c.skills, true)}
            {case_text("case.work_experience", "/case/work_experience", |c| &c.work_experience,
                |c| &mut c.work_experience, true)}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::format::code_of;

    #[test]
    fn vulnerability_keys_follow_their_codes_and_cover_all() {
        for (v, key) in VULNERABILITIES {
            assert_eq!(key, format!("code.vulnerability.{}", code_of(&v)));
        }
        let mut all: Vec<_> = VULNERABILITIES.iter().map(|(v, _)| *v).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 7);
    }

    #[test]
    fn ticking_keeps_the_list_sorted_and_without_repeats() {
        let mut list = Vec::new();
        set_vulnerability(&mut list, Vulnerability::SingleParent, true);
        set_vulnerability(&mut list, Vulnerability::Disability, true);
        set_vulnerability(&mut list, Vulnerability::Disability, true);
        assert_eq!(list, [Vulnerability::Disability, Vulnerability::SingleParent]);
        set_vulnerability(&mut list, Vulnerability::Disability, false);
        assert_eq!(list, [Vulnerability::SingleParent]);
    }
}
