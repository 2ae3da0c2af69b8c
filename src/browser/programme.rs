//! The programme a host names: a built-in preset by id, or a configuration file on the host's
//! site, fetched once. A refused configuration is reported with the field at fault, and the
//! app goes on with the programme it has.

use homeward_plan::programme::{self, parse_config};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser::embed::is_config_url;
use crate::draft::Draft;
use crate::session::{Notice, Session};

/// Applies the host's programme setting to the open draft.
pub fn apply(setting: &str, draft: Draft, session: Session) {
    if !is_config_url(setting) {
        match programme::preset(setting) {
            Some(config) => adopt(config, draft),
            None => session.notice.set(Some(Notice {
                key: "config.unknown_preset",
                args: vec![("id", setting.to_owned())],
                detail: None,
            })),
        }
        return;
    }
    let url = setting.to_owned();
    leptos::task::spawn_local(async move {
        let notice = match fetch_text(&url).await {
            Err(()) => Some(Notice {
                key: "config.unreachable",
                args: vec![("url", url.clone())],
                detail: None,
            }),
            Ok(text) => match parse_config(&text) {
                Ok(config) => {
                    adopt(config, draft);
                    None
                }
                Err(error) => Some(Notice {
                    key: "config.refused",
                    args: vec![("url", url.clone()), ("path", error.path().to_owned())],
                    detail: Some(format!("config_error.{}", error.code())),
                }),
            },
        };
        if notice.is_some() {
            session.notice.set(notice);
        }
    });
}

/// A plan already drafted under another programme keeps it; a blank or same-programme plan
/// takes the host's.
fn adopt(config: programme::ProgrammeConfig, draft: Draft) {
    let keep = draft.plan.with_untracked(|p| {
        !p.is_blank() && p.programme_id != config.id && programme::preset(&p.programme_id).is_some()
    });
    if keep {
        return;
    }
    if draft.plan.with_untracked(|p| p.is_blank()) {
        draft.programme.set(config.clone());
        draft.plan.update(|p| {
            p.programme_id = config.id.clone();
            p.budget.currency = config.currency.clone();
        });
    } else {
        draft.programme.set(config);
    }
}

async fn fetch_text(url: &str) -> Result<String, ()> {
    let window = web_sys::window().ok_or(())?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| ())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    let text = JsFuture::from(response.text().map_err(|_| ())?).await.map_err(|_| ())?;
    text.as_string().ok_or(())
}
