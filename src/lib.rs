//! tandem: a terminal workbook for couples.

pub mod content;
pub mod journal;
pub mod model;
pub mod problem;
