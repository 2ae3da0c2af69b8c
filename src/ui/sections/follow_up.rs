//! Follow-up: the organisations the returnee is referred to (items 5 of the brief), and the
//! monitoring contacts after the return (item 6), which can be scheduled from the programme's
//! configuration and the return date. Rows are addressed by id, so an edit never lands on the
//! wrong row after another is removed.

use chrono::NaiveDate;
use homeward_plan::budget::generate_follow_ups;
use homeward_plan::edit;
use homeward_plan::model::{ContactKind, FollowUp, Measure, Plan, Referral, ReferralStatus};
use homeward_plan::path::Item;
use homeward_plan::privacy::{follow_up_privacy, referral_privacy};
use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::dom;
use crate::draft::{Draft, new_id, use_draft};
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::step::Step;
use crate::ui::private::PrivateToggle;
use crate::ui::widgets::both_languages;
use crate::ui::widgets::{
    ChoiceField, DateField, FIRST_FIELD, FieldFindings, Text, TextField, unique_id,
};

/// The contacts of a generated schedule that the plan does not hold yet: a contact counts as
/// already there when one has the same number of months after the return or the same due day,
/// so pressing "schedule" twice, or after adding a contact by hand, adds no duplicate.
pub fn schedule_additions(existing: &[FollowUp], generated: Vec<FollowUp>) -> Vec<FollowUp> {
    generated
        .into_iter()
        .filter(|new| {
            !existing.iter().any(|old| {
                (old.months_after_return.is_some()
                    && old.months_after_return == new.months_after_return)
                    || (old.due_date.is_some() && old.due_date == new.due_date)
            })
        })
        .collect()
}

/// Contacts in the order they are due; those without a day keep their order at the end.
pub fn sort_by_due_date(contacts: &mut [FollowUp]) {
    contacts.sort_by_key(|c| (c.due_date.is_none(), c.due_date));
}

/// Adds the programme's schedule to the plan's contacts; returns how many were added.
pub fn schedule_from_programme(
    plan: &mut Plan,
    return_date: NaiveDate,
    config: &homeward_plan::programme::ProgrammeConfig,
    new_id: &mut dyn FnMut() -> Uuid,
) -> usize {
    let added =
        schedule_additions(&plan.follow_ups, generate_follow_ups(return_date, config, new_id));
    let count = added.len();
    if count > 0 {
        plan.follow_ups.extend(added);
        sort_by_due_date(&mut plan.follow_ups);
    }
    count
}

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
pub fn contact_summary(lang: Lang, contact: &FollowUp) -> String {
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

/// How a measure is named in the referral's list: its description, with its type when known.
fn measure_option(lang: Lang, number: usize, measure: &Measure) -> String {
    let description = measure.description.trim();
    let kind = measure.measure_type.map(|t| format::label(lang, "measure_type", &t));
    match (description.is_empty(), kind) {
        (false, Some(kind)) => format!("{description} ({kind})"),
        (false, None) => description.to_owned(),
        (true, Some(kind)) => kind,
        (true, None) => {
            i18n::tf(lang, "follow_up.referral.measure_untitled", &[("n", number.to_string())])
        }
    }
}

#[component]
pub fn FollowUpSection() -> impl IntoView {
    view! {
        <div class="hw-follow-up">
            <Referrals />
            <Contacts />
        </div>
    }
}

/// The referrals, each a card, and a button to add one.
#[component]
fn Referrals() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let ids = move || draft.plan.with(|p| p.referrals.iter().map(|r| r.id).collect::<Vec<_>>());
    let empty = move || draft.plan.with(|p| p.referrals.is_empty());
    let add = move |_| {
        let id = new_id();
        draft.edit(|p| p.referrals.push(Referral { id, ..Default::default() }));
        dom::focus_later(format!("hw-referral-{id}"), Some(FIRST_FIELD));
    };
    view! {
        <h2 id="hw-referrals-heading"><Text key="follow_up.referrals.heading" /></h2>
        <p class="hw-hint"><Text key="follow_up.referrals.intro" /></p>
        <Show when=empty>
            <p class="hw-empty"><Text key="follow_up.referrals.empty" /></p>
        </Show>
        <ol class="hw-cards" aria-labelledby="hw-referrals-heading">
            <For each=ids key=|id| *id let:id>
                <ReferralRow id=id />
            </For>
        </ol>
        <button type="button" class="hw-button hw-add" id="hw-referral-add" on:click=add>
            <span aria-hidden="true">"+"</span>
            {move || i18n::t(lang.get(), "follow_up.referrals.add")}
        </button>
    }
}

/// Changes the referral `id`, if it is still there.
fn edit_referral(draft: Draft, id: Uuid, change: impl FnOnce(&mut Referral)) {
    draft.edit(|p| {
        if let Some(r) = edit::find_mut(&mut p.referrals, id) {
            change(r);
        }
    });
}

/// One referral.
#[component]
fn ReferralRow(id: Uuid) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let index = Memo::new(move |_| {
        draft.plan.with(|p| p.referrals.iter().position(|r| r.id == id).unwrap_or_default())
    });
    let get = move |read: fn(&Referral) -> String| {
        Signal::derive(move || {
            draft
                .plan
                .with(|p| p.referrals.iter().find(|r| r.id == id).map(read))
                .unwrap_or_default()
        })
    };
    let path =
        move |field: &'static str| Signal::derive(move || Item::Referral(index.get()).field(field));
    let number = move || index.get() + 1;
    let remove = move |_| {
        draft.edit(|p| {
            edit::remove(&mut p.referrals, id);
        });
        dom::focus_later("hw-referral-add".into(), None);
    };

    let referred_on = Signal::derive(move || {
        draft.plan.with(|p| p.referrals.iter().find(|r| r.id == id).and_then(|r| r.referred_on))
    });
    let status = Signal::derive(move || {
        draft.plan.with(|p| p.referrals.iter().find(|r| r.id == id).map(|r| r.status))
    });

    view! {
        <li>
            <fieldset class="hw-card" id=format!("hw-referral-{id}")>
                <legend>{both_languages(move |l| {
                    i18n::tf(l, "follow_up.referral.legend", &[("n", number().to_string())])
                })}</legend>
                <PrivateToggle label="private.referral"
                    number=Signal::derive(move || number().to_string())
                    privacy=Signal::derive(move || draft.plan.with(|p| {
                        p.referrals.iter().find(|r| r.id == id).and_then(|r| referral_privacy(p, r))
                    }))
                    on_change=Callback::new(move |v| edit_referral(draft, id, |r| r.private = v)) />
                <TextField label="follow_up.referral.organisation"
                    value=get(|r| r.organisation.clone()) path=path("organisation")
                    on_input=Callback::new(move |v: String| {
                        edit_referral(draft, id, |r| r.organisation = v)
                    }) />
                <TextField label="follow_up.referral.purpose" multiline=true
                    value=get(|r| r.purpose.clone()) path=path("purpose")
                    on_input=Callback::new(move |v: String| edit_referral(draft, id, |r| r.purpose = v)) />
                <MeasureChoice id=id path=path("measure_id") />
                <DateField label="follow_up.referral.referred_on" value=referred_on
                    path=path("referred_on")
                    on_change=Callback::new(move |d| edit_referral(draft, id, |r| r.referred_on = d)) />
                <ChoiceField label="follow_up.referral.status" kind="referral_status"
                    options=vec![
                        ReferralStatus::Planned,
                        ReferralStatus::Made,
                        ReferralStatus::Accepted,
                        ReferralStatus::Declined,
                        ReferralStatus::Completed,
                    ]
                    value=status path=path("status")
                    on_change=Callback::new(move |s: Option<ReferralStatus>| {
                        if let Some(s) = s {
                            edit_referral(draft, id, |r| r.status = s);
                        }
                    }) />
                <div class="hw-row-actions">
                    <button type="button" class="hw-button hw-remove" on:click=remove
                        aria-label=move || {
                            i18n::tf(lang.get(), "follow_up.referral.remove", &[("n", number().to_string())])
                        }>
                        <span aria-hidden="true">"✖"</span>
                        {move || i18n::t(lang.get(), "follow_up.remove")}
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// The measure a referral serves, chosen from the plan's measures by their description.
#[component]
fn MeasureChoice(id: Uuid, path: Signal<String>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let select_id = unique_id("measure");
    let findings_id = format!("{select_id}-findings");
    let current = move || {
        draft.plan.with(|p| {
            p.referrals
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| r.measure_id)
                .map(|m| m.to_string())
                .unwrap_or_default()
        })
    };
    let options = move || {
        let lang = lang.get();
        let chosen = current();
        draft.plan.with(|p| {
            let mut out: Vec<(String, String)> = p
                .measures()
                .enumerate()
                .map(|(i, m)| (m.measure.id.to_string(), measure_option(lang, i + 1, m.measure)))
                .collect();
            if !chosen.is_empty() && !out.iter().any(|(value, _)| *value == chosen) {
                out.push((chosen.clone(), i18n::t(lang, "follow_up.referral.measure_unknown")));
            }
            out.into_iter()
                .map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                })
                .collect_view()
        })
    };
    let handler = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let measure = Uuid::parse_str(&raw).ok();
        edit_referral(draft, id, |r| r.measure_id = measure);
    };
    let invalid = move || draft.has_error_at(&path.get()).then_some("true");
    view! {
        <div class="hw-field">
            <label for=select_id.clone()><Text key="follow_up.referral.measure" /></label>
            <select id=select_id prop:value=current on:change=handler
                aria-describedby=findings_id.clone() aria-invalid=invalid>
                <option value="" selected=move || current().is_empty()>
                    {move || i18n::t(lang.get(), "follow_up.referral.measure_none")}
                </option>
                {options}
            </select>
            <FieldFindings path=path id=findings_id />
        </div>
    }
}

/// The monitoring contacts, the button that schedules them from the programme, and a button to
/// add one by hand.
#[component]
fn Contacts() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let ids = move || draft.plan.with(|p| p.follow_ups.iter().map(|c| c.id).collect::<Vec<_>>());
    let empty = move || draft.plan.with(|p| p.follow_ups.is_empty());
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
    let added: RwSignal<Option<usize>> = RwSignal::new(None);
    let schedule = move |_| {
        let Some(day) = return_date() else { return };
        let config = draft.programme.get_untracked();
        let mut count = 0;
        draft.edit(|p| count = schedule_from_programme(p, day, &config, &mut new_id));
        added.set(Some(count));
    };
    let add = move |_| {
        let id = new_id();
        draft.edit(|p| p.follow_ups.push(FollowUp { id, ..Default::default() }));
        added.set(None);
        dom::focus_later(format!("hw-contact-{id}"), Some(FIRST_FIELD));
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
        <h2 id="hw-contacts-heading"><Text key="follow_up.contacts.heading" /></h2>
        <p class="hw-hint"><Text key="follow_up.contacts.intro" /></p>
        <div class="hw-schedule">
            <Show when=move || !months().is_empty()>
                <p>{both_languages(schedule_text)}</p>
            </Show>
            <button type="button" class="hw-button hw-primary" id="hw-schedule-button"
                on:click=schedule disabled=move || blocked().is_some()
                aria-describedby="hw-schedule-why hw-schedule-result">
                {move || i18n::t(lang.get(), "follow_up.schedule.button")}
            </button>
            <p id="hw-schedule-why" class="hw-hint">
                {move || blocked().map(|key| view! {
                    <span aria-hidden="true">"ℹ "</span>
                    <Text key=key />
                })}
            </p>
            <Show when=move || !months().is_empty() && return_date().is_none()>
                <button type="button" class="hw-button" on:click=go_to_case>
                    {move || i18n::t(lang.get(), "follow_up.schedule.go_to_case")}
                </button>
            </Show>
            <p id="hw-schedule-result" class="hw-status" role="status">
                {move || added_text(lang.get())}
            </p>
        </div>
        <Show when=empty>
            <p class="hw-empty"><Text key="follow_up.contacts.empty" /></p>
        </Show>
        <ol class="hw-cards" aria-labelledby="hw-contacts-heading">
            <For each=ids key=|id| *id let:id>
                <ContactRow id=id />
            </For>
        </ol>
        <button type="button" class="hw-button hw-add" id="hw-contact-add" on:click=add>
            <span aria-hidden="true">"+"</span>
            {move || i18n::t(lang.get(), "follow_up.contacts.add")}
        </button>
    }
}

/// Changes the contact `id`, if it is still there.
fn edit_contact(draft: Draft, id: Uuid, change: impl FnOnce(&mut FollowUp)) {
    draft.edit(|p| {
        if let Some(c) = edit::find_mut(&mut p.follow_ups, id) {
            change(c);
        }
    });
}

/// One monitoring contact.
#[component]
fn ContactRow(id: Uuid) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let index = Memo::new(move |_| {
        draft.plan.with(|p| p.follow_ups.iter().position(|c| c.id == id).unwrap_or_default())
    });
    let contact = Memo::new(move |_| {
        draft.plan.with(|p| p.follow_ups.iter().find(|c| c.id == id).cloned().unwrap_or_default())
    });
    let path =
        move |field: &'static str| Signal::derive(move || Item::FollowUp(index.get()).field(field));
    let number = move || index.get() + 1;
    let remove = move |_| {
        draft.edit(|p| {
            edit::remove(&mut p.follow_ups, id);
        });
        dom::focus_later("hw-contact-add".into(), None);
    };
    let months = Signal::derive(move || {
        contact.with(|c| c.months_after_return.map(|m| m.to_string()).unwrap_or_default())
    });
    let on_months = Callback::new(move |raw: String| {
        let value = crate::input::parse_optional_count(&raw);
        // Something that is not a whole number yet leaves the plan as it was.
        if let Some(value) = value {
            edit_contact(draft, id, |c| c.months_after_return = value);
        }
    });

    view! {
        <li>
            <fieldset class="hw-card" id=format!("hw-contact-{id}")>
                <legend>{both_languages(move |l| {
                    i18n::tf(l, "follow_up.contact.legend", &[("n", number().to_string())])
                })}</legend>
                <p class="hw-when">
                    {both_languages(move |l| contact.with(|c| contact_summary(l, c)))}
                </p>
                <PrivateToggle label="private.follow_up"
                    number=Signal::derive(move || number().to_string())
                    privacy=Signal::derive(move || contact.with(follow_up_privacy))
                    on_change=Callback::new(move |v| edit_contact(draft, id, |c| c.private = v)) />
                <DateField label="follow_up.contact.due_date" path=path("due_date")
                    value=Signal::derive(move || contact.with(|c| c.due_date))
                    on_change=Callback::new(move |d| edit_contact(draft, id, |c| c.due_date = d)) />
                <TextField label="follow_up.contact.months" input_type="number" value=months
                    path=path("months_after_return") on_input=on_months />
                <ChoiceField label="follow_up.contact.kind" kind="contact_kind"
                    options=vec![ContactKind::Call, ContactKind::Visit]
                    value=Signal::derive(move || Some(contact.with(|c| c.kind)))
                    path=path("kind")
                    on_change=Callback::new(move |k: Option<ContactKind>| {
                        if let Some(k) = k {
                            edit_contact(draft, id, |c| c.kind = k);
                        }
                    }) />
                <DateField label="follow_up.contact.done_on" path=path("done_on")
                    value=Signal::derive(move || contact.with(|c| c.done_on))
                    on_change=Callback::new(move |d| edit_contact(draft, id, |c| c.done_on = d)) />
                <TextField label="follow_up.contact.outcome" multiline=true path=path("outcome")
                    value=Signal::derive(move || contact.with(|c| c.outcome.clone()))
                    on_input=Callback::new(move |v: String| edit_contact(draft, id, |c| c.outcome = v)) />
                <div class="hw-row-actions">
                    <button type="button" class="hw-button hw-remove" on:click=remove
                        aria-label=move || {
                            i18n::tf(lang.get(), "follow_up.contact.remove", &[("n", number().to_string())])
                        }>
                        <span aria-hidden="true">"✖"</span>
                        {move || i18n::t(lang.get(), "follow_up.remove")}
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_plan::programme;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn counter() -> impl FnMut() -> Uuid {
        let mut n = 0_u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn scheduling_twice_adds_nothing_the_second_time() {
        let config = programme::default_preset();
        let expected = config.follow_up.len();
        assert!(expected > 0, "the default programme has a follow-up schedule");
        let mut plan = Plan::default();
        let mut ids = counter();
        assert_eq!(
            schedule_from_programme(&mut plan, day(2026, 1, 31), &config, &mut ids),
            expected
        );
        assert_eq!(plan.follow_ups.len(), expected);
        assert_eq!(schedule_from_programme(&mut plan, day(2026, 1, 31), &config, &mut ids), 0);
        assert_eq!(plan.follow_ups.len(), expected);
        let dates: Vec<_> = plan.follow_ups.iter().map(|c| c.due_date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
    }

    #[test]
    fn a_contact_already_planned_for_the_same_month_or_day_is_not_repeated() {
        let config = programme::default_preset();
        let first = config.follow_up.first().map(|p| p.months_after_return).unwrap_or_default();
        let mut plan = Plan::default();
        // One by hand for the same month, one by hand on the day of another point, one unrelated
        // without a date that sorts last.
        let generated = generate_follow_ups(day(2026, 3, 10), &config, &mut counter());
        let second_day = generated.get(1).and_then(|c| c.due_date);
        plan.follow_ups = vec![
            FollowUp { id: Uuid::from_u128(100), ..Default::default() },
            FollowUp {
                id: Uuid::from_u128(101),
                months_after_return: Some(first),
                ..Default::default()
            },
            FollowUp { id: Uuid::from_u128(102), due_date: second_day, ..Default::default() },
        ];
        let mut ids = counter();
        let added = schedule_from_programme(&mut plan, day(2026, 3, 10), &config, &mut ids);
        assert_eq!(added, config.follow_up.len() - 2);
        assert_eq!(plan.follow_ups.len(), config.follow_up.len() + 1);
        // Contacts without a due day stay at the end, in their order.
        let tail: Vec<_> = plan.follow_ups.iter().rev().take(2).map(|c| c.id).collect();
        assert_eq!(tail, [Uuid::from_u128(101), Uuid::from_u128(100)]);
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

    #[test]
    fn a_measure_is_named_by_its_description_then_its_type() {
        let mut m = Measure::new(Uuid::nil());
        assert_eq!(measure_option(Lang::En, 2, &m), "Measure 2, no description yet");
        m.description = " Sewing machine ".into();
        assert_eq!(measure_option(Lang::En, 2, &m), "Sewing machine");
    }
}
