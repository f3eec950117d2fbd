//! tandem: a terminal workbook for couples.
//!
//! `model` holds plain data, `content` the exercise library, `journal` the
//! files on disk, `app` the state and its update function, `ui` the drawing,
//! `runtime` carries out what the app asks for, and `terminal` runs the loop.

pub mod app;
pub mod cli;
pub mod compare;
pub mod content;
pub mod demo;
pub mod export;
pub mod files;
pub mod index;
pub mod interned;
pub mod journal;
pub mod keymap;
pub mod model;
pub mod problem;
pub mod recovery;
pub mod remind;
pub mod reveal;
pub mod ron_text;
pub mod runtime;
pub mod seal;
pub mod shell;
pub mod suggest;
pub mod summaries;
pub mod terminal;
pub mod ui;
pub mod whole_lines;
pub mod zone;
