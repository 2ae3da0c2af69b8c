//! Review and export: what is still missing, every finding with a way to its field, a readable
//! summary of the whole plan (also what is printed), and the plan as a file: export, partner
//! export, import by picking or dropping a file.

use homeward_plan::finding::Finding;
use homeward_plan::interchange::{
    ImportError, export_file_name, export_json, import_json, partner_export_json,
    partner_file_name, partner_recipients,
};
use homeward_plan::model::{Dimension, Plan, SignatureMethod};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::use_app;
use crate::browser::files;
use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::ui::dialog::{Confirm, use_dialogs};
use crate::ui::step::{Step, step_for_path};
use crate::ui::widgets::{Text, severity_look};

/// What the last file action came to, shown under the file buttons.
#[derive(Debug, Clone, PartialEq)]
enum FileMessage {
    Exported(String),
    Rejected {
        file: String,
        code: &'static str,
        line: Option<usize>,
        column: Option<usize>,
        path: String,
    },
    Imported(String),
    Failed,
    /// No partner file may be made: `partner_error.<code>` says why and where to give consent.
    PartnerRefused(&'static str),
}

#[component]
pub fn ReviewSection() -> impl IntoView {
    view! {
        <Completeness />
        <AllFindings />
        <PlanFiles />
        <Summary />
    }
}

/// How complete the plan is, and what is still missing.
#[component]
fn Completeness() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-missing-heading">
            <h2 id="hw-missing-heading"><Text key="review.missing_heading" /></h2>
            <p>
                {move || {
                    i18n::tf(
                        lang.get(),
                        "review.complete_percent",
                        &[("percent", draft.completeness.get().to_string())],
                    )
                }}
            </p>
            <progress max="100" value=move || draft.completeness.get().to_string()
                aria-labelledby="hw-missing-heading"></progress>
            <FindingList findings=Signal::derive(move || draft.missing.get()) empty="review.nothing_missing" />
        </section>
    }
}

/// Every error and warning of the plan, each with a way to the step where it is fixed.
#[component]
fn AllFindings() -> impl IntoView {
    let draft = use_draft();
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-findings-heading">
            <h2 id="hw-findings-heading"><Text key="review.findings_heading" /></h2>
            <FindingList findings=Signal::derive(move || draft.findings.get()) empty="review.no_findings" />
        </section>
    }
}

#[component]
fn FindingList(findings: Signal<Vec<Finding>>, empty: &'static str) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    move || {
        let list = findings.get();
        if list.is_empty() {
            return view! { <p class="hw-all-good"><span aria-hidden="true">"✓ "</span><Text key=empty /></p> }
                .into_any();
        }
        view! {
            <ul class="hw-finding-list">
                {list
                    .into_iter()
                    .map(|f| {
                        let step = draft.plan.with_untracked(|p| step_for_path(p, &f.path));
                        let (class, symbol, word) = severity_look(f.severity);
                        view! {
                            <li class=class>
                                <span aria-hidden="true">{symbol}" "</span>
                                <strong>{i18n::t(lang.get(), word)}</strong>
                                " "
                                {format::finding(lang.get(), &f)}
                                " "
                                <button type="button" class="hw-link-button" on:click=move |_| app.step.set(step)>
                                    {i18n::tf(lang.get(), "review.go_to", &[("step", i18n::t(lang.get(), step.label_key()))])}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    }
}

/// Export, partner export, import and print.
#[component]
fn PlanFiles() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let dialogs = use_dialogs();
    let message: RwSignal<Option<FileMessage>> = RwSignal::new(None);
    let dragging = RwSignal::new(false);

    let export = move |partner: bool| {
        // Until the partner dialog lets the counsellor choose, the file is for the first
        // organisation named in the consent.
        let file = draft.programme.with_untracked(|config| {
            draft.plan.with_untracked(|p| {
                if partner {
                    let recipient = partner_recipients(p)?.first().map(|r| (*r).to_owned());
                    let json = partner_export_json(
                        p,
                        config,
                        recipient.as_deref().unwrap_or(""),
                        draft.today,
                    )?;
                    Ok((partner_file_name(p), json))
                } else {
                    Ok((export_file_name(p), export_json(p, config)))
                }
            })
        });
        let (name, json) = match file {
            Ok(file) => file,
            Err(error) => {
                let error: homeward_plan::interchange::PartnerExportError = error;
                message.set(Some(FileMessage::PartnerRefused(error.code())));
                return;
            }
        };
        match files::download(&name, "application/json", &json) {
            Ok(()) => {
                crate::browser::embed::plan_exported(&json, partner);
                message.set(Some(FileMessage::Exported(name)));
            }
            Err(_) => message.set(Some(FileMessage::Failed)),
        }
    };

    // Reads a chosen or dropped file; a valid plan replaces the open one only after the person
    // confirms, anything else leaves the open plan as it is and says why.
    let open_file = move |file: web_sys::File| {
        let name = file.name();
        leptos::task::spawn_local(async move {
            let Ok(text) = files::read_text(&file).await else {
                message.set(Some(FileMessage::Failed));
                return;
            };
            let imported =
                draft.programme.with_untracked(|c| import_json(&text, draft.today, Some(c)));
            match imported {
                Err(error) => message.set(Some(rejected(name, &error))),
                Ok(imported) => {
                    let case = if imported.plan.case.case_reference.trim().is_empty() {
                        "—".to_owned()
                    } else {
                        imported.plan.case.case_reference.clone()
                    };
                    let plan = imported.plan;
                    let file = name.clone();
                    dialogs.ask(Confirm {
                        title: "import.replace_title",
                        body: "import.replace_body",
                        args: vec![("file", name), ("case", case)],
                        confirm: "import.replace_confirm",
                        action: Callback::new(move |()| {
                            draft.replace(plan.clone());
                            message.set(Some(FileMessage::Imported(file.clone())));
                        }),
                    });
                }
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|list| list.get(0)) {
                open_file(file);
            }
            // Picking the same file again must work too.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            open_file(file);
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-files-heading">
            <h2 id="hw-files-heading"><Text key="review.files_heading" /></h2>
            <div class="hw-file-actions">
                <button type="button" class="hw-button hw-primary" on:click=move |_| export(false)>
                    <span aria-hidden="true">"⬇ "</span>
                    <Text key="review.export" />
                </button>
                <button type="button" class="hw-button" on:click=move |_| export(true)>
                    <span aria-hidden="true">"⬇ "</span>
                    <Text key="review.export_partner" />
                </button>
                <button type="button" class="hw-button" on:click=print>
                    <span aria-hidden="true">"🖶 "</span>
                    <Text key="review.print" />
                </button>
            </div>
            <p class="hw-hint"><Text key="review.partner_hint" /></p>
            <div
                class="hw-drop"
                class:hw-dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="hw-button" for="hw-import-file">
                    <span aria-hidden="true">"⬆ "</span>
                    <Text key="review.import" />
                </label>
                <input
                    id="hw-import-file"
                    class="hw-visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    on:change=on_pick
                />
                <p><Text key="review.drop_hint" /></p>
            </div>
            <div role="status" aria-live="polite" class="hw-file-message">
                {move || message.get().map(|m| file_message(lang.get(), m))}
            </div>
        </section>
    }
}

fn rejected(file: String, error: &ImportError) -> FileMessage {
    FileMessage::Rejected {
        file,
        code: error.code(),
        line: error.line(),
        column: error.column(),
        path: error.path().to_owned(),
    }
}

fn file_message(lang: Lang, message: FileMessage) -> AnyView {
    match message {
        FileMessage::Exported(name) => view! {
            <p class="hw-finding hw-info">
                <span aria-hidden="true">"✓ "</span>
                {i18n::tf(lang, "review.exported", &[("file", name)])}
            </p>
        }
        .into_any(),
        FileMessage::Imported(name) => view! {
            <p class="hw-finding hw-info">
                <span aria-hidden="true">"✓ "</span>
                {i18n::tf(lang, "review.imported", &[("file", name)])}
            </p>
        }
        .into_any(),
        FileMessage::PartnerRefused(code) => view! {
            <p class="hw-finding hw-error" role="alert">
                <span aria-hidden="true">"✖ "</span>
                {i18n::t(lang, &format!("partner_error.{code}"))}
            </p>
        }
        .into_any(),
        FileMessage::Failed => view! {
            <p class="hw-finding hw-error" role="alert">
                <span aria-hidden="true">"✖ "</span>
                {i18n::t(lang, "review.file_failed")}
            </p>
        }
        .into_any(),
        FileMessage::Rejected { file, code, line, column, path } => {
            // The error's text says where the fault is and that the open plan is unchanged.
            let args = [
                ("line", line.map(|l| l.to_string()).unwrap_or_default()),
                ("column", column.map(|c| c.to_string()).unwrap_or_default()),
                ("path", path),
            ];
            view! {
                <div class="hw-finding hw-error" role="alert">
                    <p>
                        <span aria-hidden="true">"✖ "</span>
                        <strong>{i18n::tf(lang, "import.rejected", &[("file", file)])}</strong>
                    </p>
                    <p>{i18n::tf(lang, &format!("import_error.{code}"), &args)}</p>
                </div>
            }
            .into_any()
        }
    }
}

/// The whole plan in reading order, for the people at the table and on paper.
#[component]
fn Summary() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let second = use_app().second;
    move || {
        let lang = lang.get();
        let second = second.get().filter(|l| *l != lang);
        draft.plan.with(|plan| summary(lang, second, plan, draft.guidance.get()))
    }
}

/// The summary in `lang`; its labels also in `second` when two-language mode is on. The plan's
/// own texts are shown as they were typed, never translated.
fn summary(
    lang: Lang,
    second: Option<Lang>,
    plan: &Plan,
    guidance: homeward_plan::budget::Guidance,
) -> AnyView {
    let t = |key: &str| -> AnyView {
        let first = i18n::t(lang, key);
        let other = second.map(|l| {
            view! { <span class="hw-second" lang=l.code() dir=l.dir()>{i18n::t(l, key)}</span> }
        });
        view! { {first}{other} }.into_any()
    };
    let or_dash =
        |text: &str| if text.trim().is_empty() { "—".to_owned() } else { text.to_owned() };
    let case = &plan.case;
    let return_date = case.return_date.map(|d| format::date(lang, d)).unwrap_or_else(|| "—".into());
    let dimensions = Dimension::ALL.into_iter().map(|dimension| {
        let goals: Vec<_> = plan.goals.iter().filter(|g| g.dimension == dimension).collect();
        let step = Step::for_dimension(dimension);
        view! {
            <section class="hw-summary-dimension">
                <h3>{t(step.label_key())}</h3>
                {if goals.is_empty() {
                    view! { <p>{t("review.no_goals")}</p> }.into_any()
                } else {
                    view! {
                        <ol>
                            {goals.into_iter().map(|goal| view! {
                                <li>
                                    <p class="hw-summary-goal">{or_dash(&goal.title)}</p>
                                    <ul>
                                        {goal.measures.iter().map(|m| {
                                            let kind = m.measure_type.map(|mt| format::label(lang, "measure_type", &mt)).unwrap_or_else(|| "—".into());
                                            let cost = m.estimated_cost.as_ref().map(|c| format::money(lang, c)).unwrap_or_else(|| "—".into());
                                            let agreed = if m.returnee_agreed { ("✓ ", t("review.agreed")) } else { ("○ ", t("review.not_agreed")) };
                                            view! {
                                                <li>
                                                    <strong>{kind}</strong>": "{or_dash(&m.description)}
                                                    " · "{cost}" · "
                                                    <span aria-hidden="true">{agreed.0}</span>{agreed.1}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        }
    }).collect_view();
    let packages = guidance
        .packages
        .iter()
        .filter(|p| p.offered)
        .map(|p| {
            let available =
                p.available.as_ref().map(|m| format::money(lang, m)).unwrap_or_else(|| "—".into());
            let remaining =
                p.remaining.as_ref().map(|m| format::money(lang, m)).unwrap_or_else(|| "—".into());
            view! {
                <tr>
                    <th scope="row">{format::label(lang, "package", &p.package)}</th>
                    <td>{available}</td>
                    <td>{format::money(lang, &p.allocated)}</td>
                    <td>{remaining}</td>
                </tr>
            }
        })
        .collect_view();
    let follow_ups = plan
        .follow_ups
        .iter()
        .map(|f| {
            let due = f.due_date.map(|d| format::date(lang, d)).unwrap_or_else(|| "—".into());
            view! { <li>{due}" · "{format::label(lang, "contact_kind", &f.kind)}</li> }
        })
        .collect_view();
    let signature = |signed: Option<&homeward_plan::model::Signature>| -> AnyView {
        match signed {
            Some(s) => {
                let how = match &s.method {
                    SignatureMethod::Drawn { .. } => i18n::t(lang, "review.signed_drawn"),
                    SignatureMethod::Typed { name } => {
                        i18n::tf(lang, "review.signed_typed", &[("name", name.clone())])
                    }
                };
                view! { {format!("✓ {how} · {}", format::date(lang, s.signed_on))} }.into_any()
            }
            None => t("review.not_signed"),
        }
    };
    view! {
        <section class="hw-review-block hw-summary" aria-labelledby="hw-summary-heading">
            <h2 id="hw-summary-heading">{t("review.summary_heading")}</h2>
            <div class="hw-aspirations">
                <h3>{t("review.aspirations")}</h3>
                <p class="hw-own-words">{or_dash(&plan.needs.aspirations)}</p>
            </div>
            <dl class="hw-summary-case">
                <dt>{t("review.case_reference")}</dt><dd>{or_dash(&case.case_reference)}</dd>
                <dt>{t("review.return")}</dt>
                <dd>{return_date}" · "{or_dash(&case.town)}" "{or_dash(&case.country_of_return)}</dd>
                <dt>{t("review.household")}</dt><dd>{(plan.household.len() + 1).to_string()}</dd>
            </dl>
            {dimensions}
            {super::safety::copy::returnee_copy(lang, second, plan)}
            <h3>{t("step.budget")}</h3>
            <table class="hw-table">
                <thead>
                    <tr>
                        <th scope="col">{t("review.package")}</th>
                        <th scope="col">{t("review.available")}</th>
                        <th scope="col">{t("review.allocated")}</th>
                        <th scope="col">{t("review.remaining")}</th>
                    </tr>
                </thead>
                <tbody>{packages}</tbody>
            </table>
            <h3>{t("step.follow_up")}</h3>
            {if plan.follow_ups.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! { <ul>{follow_ups}</ul> }.into_any() }}
            <h3>{t("step.consent")}</h3>
            <p>{if plan.consent.informed() { t("review.consent_given") } else { t("review.consent_missing") }}</p>
            <dl>
                <dt>{t("review.returnee_signature")}</dt><dd>{signature(plan.signatures.returnee.as_ref())}</dd>
                <dt>{t("review.counsellor_signature")}</dt><dd>{signature(plan.signatures.counsellor.as_ref())}</dd>
            </dl>
        </section>
    }
    .into_any()
}
