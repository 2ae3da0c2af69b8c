//! The only place that touches browser APIs beyond rendering: storage, files, embedding.

pub mod dom;
pub mod embed;
pub mod files;
pub mod programme;
pub mod storage;
