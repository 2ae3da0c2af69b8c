//! The interface: one module per plan section (in `sections`) and the shared pieces around them.

pub mod agreed;
pub mod anchors;
pub mod budget_panel;
pub mod chart;
pub mod device;
pub mod dialog;
pub mod drawing;
pub mod findings;
pub mod header;
pub mod item_checks;
pub mod measure;
pub mod measure_items;
pub mod nav;
pub mod passphrase;
pub mod picker;
pub mod private;
pub mod progress;
pub mod row;
pub mod sections;
pub mod signature;
pub mod undo;
pub mod widgets;
