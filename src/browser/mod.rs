//! The only place that touches browser APIs beyond rendering: storage, files, embedding, the
//! service worker, the other tabs, and sealing files with WebCrypto.

pub mod crypto;
pub mod dom;
pub mod embed;
pub mod fetch;
pub mod files;
pub mod languages;
pub mod names;
pub mod offline;
pub mod sealing;
pub mod storage;
pub mod tabs;
