//! The library behind the `homeward` command line (and its benchmark): reading, checking,
//! sealing and tabulating plan files with the domain crate's rules. Nothing here holds a rule of
//! its own; it reads files, runs them through `homeward-plan` on every core, and writes results.

pub mod check;
pub mod context;
pub mod input;
pub mod partner;
pub mod run;
pub mod sealing;
pub mod table;
