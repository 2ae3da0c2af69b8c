//! The interface: one module per plan section (in `sections`) and the shared pieces around them.

pub mod header;
pub mod nav;
pub mod sections;
pub mod step;
pub mod widgets;
