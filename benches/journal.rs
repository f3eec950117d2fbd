//! The speed targets: opening the journal screen, searching per keystroke,
//! drawing the side-by-side view and saving a page, on generated journals
//! of 100, 1,000 and 10,000 pages. Start-up and memory are measured on the
//! real binary by `benches/measure.sh`.

mod common;

use std::hint::black_box;

use common::{journal, press};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{App, Event, Screen};
use tandem::journal::Store;
use tandem::runtime::carry_out;
use tandem::seal::{OpenKey, Passphrase};
use tandem::ui::{self, Theme};

const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// Draws the app as the terminal loop does after every key.
fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    draw_in(terminal, app, Theme::COLOR);
}

thread_local! {
    /// Kept from frame to frame, as the terminal loop keeps it.
    static DRAWN: std::cell::RefCell<ui::RenderCache> = std::cell::RefCell::default();
}

fn draw_in(terminal: &mut Terminal<TestBackend>, app: &App, theme: Theme) {
    DRAWN.with_borrow_mut(|drawn| {
        terminal
            .draw(|frame| {
                ui::render(app, drawn, theme, frame);
            })
            .expect("draw");
    });
}

/// One keystroke that leaves things as they were every second time: a
/// letter, then taking it back.
fn letter_or_back(typed: &mut bool) -> KeyCode {
    *typed = !*typed;
    if *typed {
        KeyCode::Char('k')
    } else {
        KeyCode::Backspace
    }
}

/// A long answer: about five megabytes of words.
fn long_words() -> String {
    "I say yes before I have thought about it. ".repeat(120_000)
}

/// Starts "Saying no without guilt" and brings the partner whose turn it
/// is to its first step written in words.
fn to_first_text_step(app: &mut App, store: &Store) {
    press(app, store, KeyCode::Char('n'));
    while app
        .library
        .entries()
        .get(match &app.screen {
            Screen::Library(view) => view.selected,
            _ => 0,
        })
        .is_some_and(|e| e.exercise.id != "saying-no")
    {
        press(app, store, KeyCode::Down);
    }
    press(app, store, KeyCode::Enter);
    next_turn_to_text(app, store);
}

/// From the screen before a turn to its first step written in words.
fn next_turn_to_text(app: &mut App, store: &Store) {
    press(app, store, KeyCode::Enter);
    // The private question before a sensitive exercise: yes.
    if matches!(app.overlay, Some(tandem::app::Overlay::SafeToAnswer { .. })) {
        press(app, store, KeyCode::Char('y'));
    }
    while matches!(&app.screen, Screen::Turn(turn)
        if !matches!(turn.editor, Some(tandem::app::FieldEditor::Text(_))))
    {
        press(app, store, KeyCode::Tab);
    }
}

fn paste(app: &mut App, store: &Store, words: String) {
    let effects = app.update(Event::Paste(words));
    carry_out(app, store, effects);
}

/// Both partners finish "Saying no without guilt", the first pasting five
/// megabytes of text into the first step; the side-by-side view is open.
fn with_a_long_answer(app: &mut App, store: &Store) {
    to_first_text_step(app, store);
    for partner in 0..2 {
        if partner == 1 {
            next_turn_to_text(app, store);
        }
        paste(
            app,
            store,
            if partner == 0 {
                long_words()
            } else {
                "Short.".into()
            },
        );
        for _ in 0..12 {
            press(app, store, KeyCode::Tab);
        }
        press(app, store, KeyCode::Enter);
    }
    assert!(matches!(app.screen, Screen::SideBySide(_)));
    let held = app
        .open_page()
        .map_or(0, |o| format!("{:?}", o.page().entries[0].answers).len());
    assert!(
        held > 5_000_000,
        "the long answer is on the page ({held} bytes)"
    );
}

fn benches(c: &mut Criterion) {
    let mut open = c.benchmark_group("open the journal screen");
    let mut journals: Vec<_> = SIZES
        .iter()
        .map(|&size| {
            let dir = tempfile::tempdir().expect("temp dir");
            let (app, store) = journal(dir.path(), size);
            (size, dir, app, store)
        })
        .collect();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    for (size, _, app, store) in &mut journals {
        open.bench_function(BenchmarkId::from_parameter(*size), |b| {
            b.iter(|| {
                press(app, store, KeyCode::Char('b'));
                draw(&mut terminal, app);
                press(app, store, KeyCode::Esc);
            });
        });
    }
    open.finish();

    // Home works out its suggestions each time it is drawn.
    let mut home = c.benchmark_group("draw home with its suggestions, 120x40");
    for (size, _, app, _) in &mut journals {
        home.bench_function(BenchmarkId::from_parameter(*size), |b| {
            b.iter(|| draw(&mut terminal, app));
        });
    }
    home.finish();

    let mut search = c.benchmark_group("search, one keystroke");
    for (size, _, app, store) in &mut journals {
        press(app, store, KeyCode::Char('b'));
        press(app, store, KeyCode::Char('/'));
        for c in "wal".chars() {
            press(app, store, KeyCode::Char(c));
        }
        // One keystroke each time: a letter, then taking it back; the list
        // is drawn after each, as on screen.
        let mut typed = false;
        search.bench_function(BenchmarkId::from_parameter(*size), |b| {
            b.iter(|| {
                press(app, store, letter_or_back(&mut typed));
                draw(&mut terminal, app);
                black_box(app.journal_view.matches.len());
            });
        });
        press(app, store, KeyCode::Enter);
        press(app, store, KeyCode::Esc);
        press(app, store, KeyCode::Esc);
    }
    search.finish();

    // The side-by-side view of the largest page there is, a needs inventory.
    let mut side = c.benchmark_group("draw the side-by-side view, 200x60");
    let mut wide = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    for (size, _, app, store) in &mut journals {
        press(app, store, KeyCode::Char('b'));
        // The exercise filter, chosen by typing part of its name.
        press(app, store, KeyCode::Char('e'));
        for c in "Needs inventory".chars() {
            press(app, store, KeyCode::Char(c));
        }
        press(app, store, KeyCode::Enter);
        assert_eq!(
            app.journal_view.filter.exercise.as_deref(),
            Some("needs-inventory")
        );
        press(app, store, KeyCode::Enter);
        assert!(matches!(app.screen, Screen::SideBySide(_)));
        side.bench_function(BenchmarkId::from_parameter(*size), |b| {
            b.iter(|| draw(&mut wide, app));
        });
        // Plain mode reads every cell once more, for the focus and the
        // cursor, and takes the styles off.
        side.bench_function(BenchmarkId::new("plain", *size), |b| {
            b.iter(|| draw_in(&mut wide, app, Theme::PLAIN));
        });
    }
    side.finish();

    // One key and one frame on a page holding a five-megabyte answer: the
    // page is wrapped once when it opens, not again for every line
    // scrolled.
    let mut long = c.benchmark_group("scroll the side-by-side view with a 5 MB answer, 200x60");
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut app, store) = journal(dir.path(), 0);
    with_a_long_answer(&mut app, &store);
    draw(&mut wide, &app);
    long.bench_function("one line down, then up", |b| {
        b.iter(|| {
            for code in [KeyCode::Down, KeyCode::Up] {
                press(&mut app, &store, code);
                draw(&mut wide, &app);
            }
        });
    });
    draw_in(&mut wide, &app, Theme::PLAIN);
    long.bench_function("one line down, then up, plain", |b| {
        b.iter(|| {
            for code in [KeyCode::Down, KeyCode::Up] {
                press(&mut app, &store, code);
                draw_in(&mut wide, &app, Theme::PLAIN);
            }
        });
    });
    long.finish();

    // One letter typed, and the frame after it, into a text field already
    // holding a long letter, and five megabytes.
    for (name, words) in [
        (
            "type into a 10 KB answer, 120x40",
            long_words()[..10_000].to_string(),
        ),
        ("type into a 5 MB answer, 120x40", long_words()),
    ] {
        let mut typing = c.benchmark_group(name);
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut app, store) = journal(dir.path(), 0);
        to_first_text_step(&mut app, &store);
        paste(&mut app, &store, words);
        draw(&mut terminal, &app);
        let mut typed = false;
        typing.bench_function("one letter, then taking it back", |b| {
            b.iter(|| {
                press(&mut app, &store, letter_or_back(&mut typed));
                draw(&mut terminal, &app);
            });
        });
        typing.finish();
    }

    let mut save = c.benchmark_group("save a page");
    for (size, _, app, store) in &journals {
        let page = app.open_page().expect("open page").page().clone();
        save.bench_function(BenchmarkId::from_parameter(*size), |b| {
            b.iter_batched(
                || page.clone(),
                |page| store.save_page(&page).expect("save"),
                BatchSize::SmallInput,
            );
        });
    }
    save.finish();

    // Sealing what is not revealed yet: the largest page there is (a needs
    // inventory), both entries drafts, both partners with a key.
    let (_, _, app, store) = &journals[0];
    let mut page = app.open_page().expect("open page").page().clone();
    for entry in &mut page.entries {
        entry.status = tandem::model::EntryStatus::Draft;
    }
    let mut couple = app.couple.clone().expect("couple");
    couple.keys = [0, 1].map(|_| Some(OpenKey::generate().public().to_string()));
    let mut checked = tandem::seal::Checked::default();
    for partner in tandem::model::Partner::BOTH {
        checked.set(partner, couple.key(partner).expect("key"));
    }
    let mut sealing = c.benchmark_group("seal an unrevealed page");
    sealing.bench_function("seal both entries", |b| {
        b.iter(|| {
            black_box(tandem::seal::for_disk(&page, Some(&couple), &checked).expect("sealed"))
        });
    });
    sealing.bench_function("seal and save", |b| {
        b.iter(|| {
            store
                .save_page_sealed(&page, Some(&couple), &checked)
                .expect("saved")
        });
    });
    sealing.finish();
}

/// Opening a key is one passphrase derivation, meant to take about a
/// second: measured, not tuned down.
fn unlocking(c: &mut Criterion) {
    let key = OpenKey::generate();
    let passphrase = Passphrase::new("a kettle on the hill");
    let locked = key.lock(&passphrase).expect("locked");
    c.bench_function("open a key with its passphrase", |b| {
        b.iter(|| black_box(OpenKey::unlock(&locked, &passphrase).expect("opens")));
    });
}

criterion_group! {
    name = speed;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_group! {
    name = derivation;
    config = Criterion::default().sample_size(10);
    targets = unlocking
}
criterion_main!(speed, derivation);
