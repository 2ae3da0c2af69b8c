//! The only place that touches browser APIs beyond rendering: storage, files, embedding, the
//! service worker and the other tabs.

pub mod dom;
pub mod embed;
pub mod files;
pub mod offline;
pub mod programme;
pub mod storage;
pub mod tabs;
