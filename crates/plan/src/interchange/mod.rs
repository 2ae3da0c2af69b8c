//! The exported file: one JSON document per plan, self-describing, with a published schema.
//!
//! The document is the plan's own fields at the top level, preceded by two envelope fields:
//! `"format": "homeward.plan"` and `"version": 3`. JSON Pointers in findings and import errors
//! therefore point into the document directly (e.g. `/goals/0/measures/1/due_date`).
//!
//! - [`export`]: deterministic pretty JSON, the file name;
//! - [`partner`]: the file for a partner organisation, following the returnee's consent;
//! - [`import`]: parse, check format and version, migrate, read, validate;
//! - [`migrate`]: the steps that bring older versions up to the current one;
//! - [`sealed`]: the passphrase-protected envelope around either file (`schema/sealed.v1.schema.json`);
//! - `schema` (feature `schema`): the JSON Schema (draft 2020-12) generated from the types,
//!   checked in at `schema/plan.v3.schema.json` (`schema/plan.v1.schema.json` and
//!   `schema/plan.v2.schema.json` stay published for the older versions).

pub mod export;
pub mod import;
pub mod migrate;
pub mod partner;
#[cfg(feature = "schema")]
pub mod schema;
pub mod sealed;
pub mod strict;

pub use export::{export_file_name, export_json};
pub use import::{ImportError, Imported, MAX_IMPORT_BYTES, MAX_SCORE, RECORD_FIELD, import_json};
pub use partner::{
    PartnerExportError, check_recipient, partner_document, partner_export_json, partner_file_name,
    partner_recipients, withheld_items,
};
#[cfg(feature = "schema")]
pub use schema::{plan_schema, plan_schema_json};

/// The value of the document's `format` field.
pub const FORMAT: &str = "homeward.plan";
/// The document version this build writes. Readers migrate older versions and refuse newer.
pub const VERSION: u32 = 3;
