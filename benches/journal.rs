//! The speed targets: opening the journal screen, searching per keystroke,
//! drawing the side-by-side view and saving a page, on generated journals
//! of 100, 1,000 and 10,000 pages. Start-up and memory are measured on the
//! real binary by `benches/measure.sh`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{App, Event, JournalIndex, Screen};
use tandem::content::Library;
use tandem::journal::Store;
use tandem::runtime::{carry_out, read_pending};
use tandem::ui::{self, Theme};

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn now() -> Timestamp {
    Timestamp::from_second(1_764_547_200).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A journal of `pages` pages on disk, and the app with every page read.
fn journal(dir: &Path, pages: usize) -> (App, Store) {
    let library = Library::load(None);
    tandem::demo::generate(&library, pages, tandem::demo::DEMO_SEED)
        .write(dir)
        .expect("write the journal");
    let store = Store::open(dir).expect("open");
    let couple = store.load_couple().expect("couple");
    let ids = store.page_ids().expect("ids");
    let mut app = App::new(couple, library, JournalIndex::new(ids), now, TimeZone::UTC);
    while read_pending(&mut app, &store, 1_000) > 0 {}
    (app, store)
}

fn press(app: &mut App, store: &Store, code: KeyCode) {
    let effects = app.update(Event::key(code));
    carry_out(app, store, effects);
}

fn benches(c: &mut Criterion) {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut app, store) = journal(dir.path(), size);

        c.bench_function(&format!("open the journal screen, {size} pages"), |b| {
            b.iter(|| {
                press(&mut app, &store, KeyCode::Char('b'));
                black_box(app.journal_view.matches.len());
                press(&mut app, &store, KeyCode::Esc);
            });
        });

        press(&mut app, &store, KeyCode::Char('b'));
        press(&mut app, &store, KeyCode::Char('/'));
        for c in "wal".chars() {
            press(&mut app, &store, KeyCode::Char(c));
        }
        // One keystroke each time: a letter, then taking it back.
        let mut typed = false;
        c.bench_function(&format!("search, one keystroke, {size} pages"), |b| {
            b.iter(|| {
                let key = if typed {
                    KeyCode::Backspace
                } else {
                    KeyCode::Char('k')
                };
                typed = !typed;
                press(&mut app, &store, key);
                black_box(app.journal_view.matches.len());
            });
        });
        press(&mut app, &store, KeyCode::Enter);
        press(&mut app, &store, KeyCode::Esc);
        press(&mut app, &store, KeyCode::Esc);
    }

    // The side-by-side view of the largest page there is, a needs inventory.
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut app, store) = journal(dir.path(), 100);
    press(&mut app, &store, KeyCode::Char('b'));
    while app.journal_view.filter.exercise.as_deref() != Some("needs-inventory") {
        press(&mut app, &store, KeyCode::Char('e'));
    }
    press(&mut app, &store, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::SideBySide(_)));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    c.bench_function("draw the side-by-side view, 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| ui::render(&app, Theme::COLOR, frame))
                .expect("draw");
        });
    });

    let page = app.open.as_ref().expect("open page").page.clone();
    c.bench_function("save a page (atomic, fsynced)", |b| {
        b.iter_batched(
            || page.clone(),
            |page| store.save_page(&page).expect("save"),
            BatchSize::SmallInput,
        );
    });
}

criterion_group! {
    name = speed;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(speed);
