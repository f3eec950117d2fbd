//! What the benchmarks share: a generated journal read whole, and a key
//! pressed as the terminal loop would.
#![allow(dead_code)]

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{App, Event, JournalIndex};
use tandem::content::Library;
use tandem::journal::Store;
use tandem::runtime::{carry_out, read_pending};

pub fn now() -> Timestamp {
    Timestamp::from_second(1_764_547_200).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A journal of `pages` pages on disk, and the app with every page read.
pub fn journal(dir: &Path, pages: usize) -> (App, Store) {
    let library = Library::load(None);
    tandem::demo::generate(&library, pages, tandem::demo::DEMO_SEED)
        .write(dir)
        .expect("write the journal");
    journal_read(dir)
}

/// The app on the journal in `dir`, with every page read.
pub fn journal_read(dir: &Path) -> (App, Store) {
    let library = Library::load(None);
    let store = Store::open(dir).expect("open");
    let couple = store.load_couple().expect("couple");
    let ids = store.page_ids().expect("ids");
    let mut app = App::new(couple, library, JournalIndex::new(ids), now, TimeZone::UTC);
    while read_pending(&mut app, &store, 1_000) > 0 {}
    (app, store)
}

pub fn press(app: &mut App, store: &Store, code: KeyCode) {
    let effects = app.update(Event::key(code));
    carry_out(app, store, effects);
}
