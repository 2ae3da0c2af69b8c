//! The monitoring contacts after the return: scheduled from the programme's configuration and
//! the return date, or added by hand, each a card with its due day, kind and outcome.

use homeward_plan::budget::schedule_follow_ups;
use homeward_plan::model::{ContactKind, FollowUp};
use homeward_plan::path::Item;
use homeward_plan::privacy::follow_up_privacy;
use leptos::prelude::*;

use crate::draft::{new_id, use_draft};
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::step::Step;
use crate::ui::private::PrivateToggle;
use crate::ui::progress::ScoreFields;
use crate::ui::row::{ListTexts, PlanList, RemoveRow, Row, RowList, removed};
use crate::ui::widgets::{ChoiceField, DateField, FIRST_FIELD, Text, TextField, both_languages};

static CONTACTS: PlanList<FollowUp> =
    PlanList { items: |p| &p.follow_ups, items_mut: |p| &mut p.follow_ups, item: Item::FollowUp };

const TEXTS: ListTexts = ListTexts {
    hint: "follow_up.contacts.intro",
    empty: "follow_up.contacts.empty",
    add: "follow_up.contacts.add",
    add_id: "hw-contact-add",
};

/// A list of numbers as the language writes it.
fn list(lang: Lang, numbers: &[u32]) -> String {
    let separator = if lang == Lang::Ar { "، " } else { ", " };
    numbers.iter().map(u32::to_string).collect::<Vec<_>>().join(separator)
}

/// "1 month after the return" / "3 months after the return".
fn months_text(lang: Lang, months: u32) -> String {
    let key = if months == 1 { "follow_up.month_after_one" } else { "follow_up.months_after" };
    i18n::tf(lang, key, &[("months", months.to_string())])
}

/// A contact in words: kind, due day, months after return, and whether it took place.
fn contact_summary(lang: Lang, contact: &FollowUp) -> String {
    let mut parts = vec![format::label(lang, "contact_kind", &contact.kind)];
    parts.push(match contact.due_date {
        Some(day) => i18n::tf(lang, "follow_up.due_on", &[("date", format::date(lang, day))]),
        None => i18n::t(lang, "follow_up.no_due_date"),
    });
    if let Some(months) = contact.months_after_return {
        parts.push(months_text(lang, months));
    }
    if let Some(day) = contact.done_on {
        parts.push(i18n::tf(lang, "follow_up.done_on_words", &[("date", format::date(lang, day))]));
    }
    parts.join(" · ")
}

/// The monitoring contacts, the button that schedules them from the programme, and a button to
/// add one by hand.
#[component]
pub fn Contacts() -> impl IntoView {
    // How many contacts the last scheduling added; a contact added by hand makes it stale.
    let added: RwSignal<Option<usize>> = RwSignal::new(None);
    view! {
        <h2 id="hw-contacts-heading"><Text key="follow_up.contacts.heading" /></h2>
        <RowList list=&CONTACTS texts=TEXTS class="hw-cards" labelled_by="hw-contacts-heading"
            add_row=|p, id| p.follow_ups.push(FollowUp { id, ..Default::default() })
            focus=|id| (format!("hw-contact-{id}"), Some(FIRST_FIELD))
            row=|row| view! { <ContactRow row=row /> }.into_any()
            on_added=Callback::new(move |()| added.set(None))>
            <Schedule added=added />
        </RowList>
    }
}

/// The programme's schedule of contacts, and the button that adds it to the plan.
#[component]
fn Schedule(added: RwSignal<Option<usize>>) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let return_date = move || draft.plan.with(|p| p.case.return_date);
    let months = move || {
        draft
            .programme
            .with(|c| c.follow_up.iter().map(|f| f.months_after_return).collect::<Vec<_>>())
    };
    // Why scheduling is not possible now, if it is not.
    let blocked = move || {
        if months().is_empty() {
            Some("follow_up.schedule.no_schedule")
        } else if return_date().is_none() {
            Some("follow_up.schedule.no_return_date")
        } else {
            None
        }
    };
    let schedule = move |_| {
        let Some(day) = return_date() else { return };
        let config = draft.programme.get_untracked();
        let mut count = 0;
        draft.edit(|p| count = schedule_follow_ups(p, day, &config, &mut new_id));
        added.set(Some(count));
    };
    let go_to_case = move |_| app.step.set(Step::Case);
    let schedule_text =
        move |l: Lang| i18n::tf(l, "follow_up.schedule.months", &[("months", list(l, &months()))]);
    let added_text = move |l: Lang| {
        added.get().map(|n| match n {
            0 => i18n::t(l, "follow_up.schedule.nothing_added"),
            1 => i18n::t(l, "follow_up.schedule.added_one"),
            n => i18n::tf(l, "follow_up.schedule.added_many", &[("count", n.to_string())]),
        })
    };
    view! {
        <div class="hw-schedule">
            <Show when=move || !months().is_empty()>
                <p>{both_languages(schedule_text)}</p>
            </Show>
            <button type="button" class="hw-button hw-primary" id="hw-schedule-button"
                on:click=schedule disabled=move || blocked().is_some()
                aria-describedby="hw-schedule-why hw-schedule-result">
                <Text key="follow_up.schedule.button" />
            </button>
            <p id="hw-schedule-why" class="hw-hint">
                {move || blocked().map(|key| view! {
                    <span aria-hidden="true">"ℹ "</span>
                    <Text key=key />
                })}
            </p>
            <Show when=move || !months().is_empty() && return_date().is_none()>
                <button type="button" class="hw-button" on:click=go_to_case>
                    <Text key="follow_up.schedule.go_to_case" />
                </button>
            </Show>
            <p id="hw-schedule-result" class="hw-status" role="status">
                {move || added_text(lang.get())}
            </p>
        </div>
    }
}

/// One monitoring contact.
#[component]
fn ContactRow(row: Row<FollowUp>) -> impl IntoView {
    let lang = use_app().lang;
    let id = row.id;
    let number = move || row.number();
    let contact = Memo::new(move |_| row.read(FollowUp::clone).unwrap_or_default());
    let months = Signal::derive(move || {
        contact.with(|c| c.months_after_return.map(|m| m.to_string()).unwrap_or_default())
    });
    let on_months = Callback::new(move |raw: String| {
        // Something that is not a whole number yet leaves the plan as it was.
        if let Some(value) = crate::input::parse_optional_count(&raw) {
            row.edit(|c| c.months_after_return = value);
        }
    });

    view! {
        <li>
            <fieldset class="hw-card" id=format!("hw-contact-{id}")>
                <legend>{both_languages(move |l| {
                    i18n::tf(l, "follow_up.contact.legend", &[("n", number())])
                })}</legend>
                <p class="hw-when">
                    {both_languages(move |l| contact.with(|c| contact_summary(l, c)))}
                </p>
                <PrivateToggle label="private.follow_up" number=Signal::derive(number)
                    privacy=Signal::derive(move || contact.with(follow_up_privacy))
                    on_change=row.on(|c, v| c.private = v) />
                <DateField label="follow_up.contact.due_date" path=row.path("due_date")
                    value=Signal::derive(move || contact.with(|c| c.due_date))
                    on_change=row.on(|c, d| c.due_date = d) />
                <TextField label="follow_up.contact.months" input_type="number" value=months
                    path=row.path("months_after_return") on_input=on_months />
                <ChoiceField label="follow_up.contact.kind" kind="contact_kind"
                    options=ContactKind::ALL.to_vec()
                    value=Signal::derive(move || Some(contact.with(|c| c.kind)))
                    path=row.path("kind")
                    on_change=row.on(|c, k: Option<ContactKind>| {
                        if let Some(k) = k {
                            c.kind = k;
                        }
                    }) />
                <DateField label="follow_up.contact.done_on" path=row.path("done_on")
                    value=Signal::derive(move || contact.with(|c| c.done_on))
                    on_change=row.on(|c, d| c.done_on = d) />
                <TextField label="follow_up.contact.outcome" multiline=true path=row.path("outcome")
                    value=Signal::derive(move || contact.with(|c| c.outcome.clone()))
                    on_input=row.on(|c, v| c.outcome = v) />
                <ScoreFields legend="follow_up.contact.scores" hint="follow_up.contact.scores.hint"
                    value=Signal::derive(move || contact.with(|c| c.scores))
                    on_change=row.on(|c, v| c.scores = v) path=row.path("scores") />
                <RemoveRow text="follow_up.remove" on_remove=Callback::new(move |()| removed(row, TEXTS))
                    label=Signal::derive(move || {
                        i18n::tf(lang.get(), "follow_up.contact.remove", &[("n", number())])
                    }) />
            </fieldset>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_contact_reads_in_words() {
        let contact = FollowUp {
            id: Uuid::nil(),
            due_date: Some(day(2026, 12, 23)),
            months_after_return: Some(1),
            kind: ContactKind::Visit,
            done_on: None,
            outcome: String::new(),
            scores: Default::default(),
            private: false,
            withheld: None,
        };
        let text = contact_summary(Lang::En, &contact);
        assert!(text.contains("Due on 23 December 2026"), "{text}");
        assert!(text.contains("1 month after the return"), "{text}");
        let later =
            FollowUp { months_after_return: Some(6), done_on: Some(day(2027, 1, 2)), ..contact };
        let text = contact_summary(Lang::En, &later);
        assert!(text.contains("6 months after the return"), "{text}");
        assert!(text.contains("Took place on 2 January 2027"), "{text}");
        assert_eq!(list(Lang::En, &[1, 3, 6]), "1, 3, 6");
        assert_eq!(list(Lang::Ar, &[1, 3]), "1، 3");
    }
}
