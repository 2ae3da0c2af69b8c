pub mod device;
pub mod dialog;
pub mod header;
pub mod nav;
pub mod sections;
pub mod signature;
pub mod step;
pub mod widgets;
