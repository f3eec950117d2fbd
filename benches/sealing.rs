//! The time a partner waits on a passphrase: from Enter on it to their
//! turn on screen (the key opened, checked against `couple.ron` and their
//! draft opened), and the pass that seals a partner's earlier words on
//! every page when they choose a passphrase, at 1,000 pages.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{journal, journal_read, press};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::crossterm::event::KeyCode;
use tandem::app::{App, Effect, Overlay, Screen};
use tandem::content::Library;
use tandem::journal::Store;
use tandem::model::{EntryStatus, Partner};
use tandem::seal::OpenKey;

const PASSPHRASE: &str = "a kettle on the hill";

/// The first partner chooses a passphrase from home.
fn choose_passphrase(app: &mut App, store: &Store) {
    press(app, store, KeyCode::Char('P'));
    press(app, store, KeyCode::Enter);
    for _ in 0..2 {
        for c in PASSPHRASE.chars() {
            press(app, store, KeyCode::Char(c));
        }
        press(app, store, KeyCode::Enter);
    }
    press(app, store, KeyCode::Esc);
    app.overlay = None;
}

fn passphrase_to_turn(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut app, store) = journal(dir.path(), 100);
    choose_passphrase(&mut app, &store);
    c.bench_function("Enter on a passphrase to the turn", |b| {
        b.iter_custom(|iters| {
            let mut waited = Duration::ZERO;
            for _ in 0..iters {
                // A new page of the first exercise, at the hand-off, the
                // passphrase typed and waiting for Enter.
                app.screen = Screen::Home(Default::default());
                app.overlay = None;
                press(&mut app, &store, KeyCode::Char('n'));
                press(&mut app, &store, KeyCode::Enter);
                if matches!(app.overlay, Some(Overlay::Confirm { .. })) {
                    press(&mut app, &store, KeyCode::Char('y'));
                }
                press(&mut app, &store, KeyCode::Enter);
                for c in PASSPHRASE.chars() {
                    press(&mut app, &store, KeyCode::Char(c));
                }
                let pressed = Instant::now();
                press(&mut app, &store, KeyCode::Enter);
                waited += pressed.elapsed();
                assert!(matches!(app.screen, Screen::Turn(_)), "the turn is on");
            }
            waited
        });
    });
}

/// Copies the journal's pages into `to`, fresh for one pass.
fn copy_pages(from: &Path, to: &Path) {
    let journal = to.join("journal");
    std::fs::create_dir_all(&journal).expect("journal folder");
    for entry in std::fs::read_dir(from.join("journal"))
        .expect("pages")
        .flatten()
    {
        std::fs::copy(entry.path(), journal.join(entry.file_name())).expect("copy");
    }
    std::fs::copy(from.join("couple.ron"), to.join("couple.ron")).expect("couple");
}

fn sealing_earlier_words(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::load(None);
    tandem::demo::generate(&library, 1_000, tandem::demo::DEMO_SEED)
        .write(dir.path())
        .expect("write the journal");
    // A tenth of the pages left unrevealed with the first partner's words
    // in plain text, as a journal kept without a passphrase may be.
    let store = Store::open_read_only(dir.path());
    let ids = store.page_ids().expect("ids");
    for id in ids.iter().step_by(10) {
        let mut page = store.load_page(id, &library).expect("page").page;
        page.entries[1].status = EntryStatus::Draft;
        page.entries[0].sealed = None;
        std::fs::write(
            dir.path().join("journal").join(format!("{id}.ron")),
            tandem::ron_text::to_ron(&page).expect("ron"),
        )
        .expect("write");
    }
    let (mut app, _) = journal_read(dir.path());
    let expected = ids
        .iter()
        .filter(|id| {
            let page = store.load_page(id, &app.library).expect("page").page;
            let revealed = page.entries.iter().all(|e| e.status == EntryStatus::Done);
            !revealed && page.entries[0].has_words()
        })
        .count();
    app.key_made(Partner::First, Ok(OpenKey::generate()));
    let skipped: Vec<Effect> = app.take_effects();
    drop(skipped);
    let mut group = c.benchmark_group("choosing a passphrase");
    group.sample_size(10);
    group.bench_function("seal earlier words, 1,000 pages (a tenth to seal)", |b| {
        b.iter_batched(
            || {
                let pass = tempfile::tempdir().expect("temp dir");
                copy_pages(dir.path(), pass.path());
                let store = Store::open(pass.path()).expect("open");
                (pass, store)
            },
            |(pass, store)| {
                let done = tandem::runtime::seal_earlier(&app, &store, Partner::First, None);
                assert_eq!(done.sealed, expected, "{:?}", done.left);
                black_box(done);
                drop(store);
                pass
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group! {
    name = sealing;
    config = Criterion::default().sample_size(10);
    targets = passphrase_to_turn, sealing_earlier_words
}
criterion_main!(sealing);
