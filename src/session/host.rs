//! The programme a host names: a built-in preset by id, or a configuration file on the host's
//! site, fetched once. A refused configuration is reported with the field at fault, and the
//! app goes on with the programme it has.

use homeward_plan::programme::{self, check_as_of, parse_config};
use leptos::prelude::*;

use crate::browser::embed::is_config_url;
use crate::browser::fetch;
use crate::draft::Draft;
use crate::session::{Notice, Session};

/// Applies the host's programme setting to the open draft.
pub fn host_programme(setting: &str, draft: Draft, session: Session) {
    if !is_config_url(setting) {
        match programme::preset(setting) {
            Some(config) => draft.take_host_programme(config),
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
        let notice = match fetch::text(&url).await {
            Err(()) => Some(Notice {
                key: "config.unreachable",
                args: vec![("url", url.clone())],
                detail: None,
            }),
            Ok(text) => match parse_config(&text)
                .and_then(|config| check_as_of(&config, draft.today).map(|()| config))
            {
                Ok(config) => {
                    draft.take_host_programme(config);
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
