//! Homeward's domain: the reintegration plan and every rule about it, as plain data and pure
//! functions. Nothing here knows about Leptos or the browser, so it is tested natively and a
//! partner can reuse it to read and check a received plan.

pub mod assessment;
pub mod budget;
pub mod catalogue;
pub mod changes;
pub mod code;
pub mod edit;
pub mod finding;
pub mod interchange;
pub mod model;
pub mod money;
pub mod names;
pub mod path;
pub mod privacy;
pub mod programme;
pub mod progress;
pub mod protection;
mod reading;
pub mod returnee_copy;
#[cfg(feature = "samples")]
pub mod samples;
pub mod subject;
pub mod validate;
