//! Odd input: a megabyte pasted at once, text in every script, and windows
//! from tiny to huge. Nothing panics, nothing is lost, and what the app
//! draws lands where a terminal would put it.

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use common::*;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use tandem::app::Screen;
use tandem::model::{Answer, Partner};
use tandem::ui::{self, Theme};
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 8] = [
    (20, 5),
    (30, 8),
    (40, 12),
    (57, 18),
    (80, 24),
    (100, 30),
    (133, 41),
    (400, 120),
];

fn draw_everywhere(h: &Harness) {
    for (width, height) in SIZES {
        h.screen(width, height);
    }
}

/// Text from many scripts and the characters that trip up terminals.
const SCRIPTS: &[&str] = &[
    "Zoë Ångström",
    "Łucja Żółć",
    "Ἀφροδίτη",
    "Дарья",
    "יעל",
    "مريم",
    "देवी",
    "ทองดี",
    "美咲",
    "지우",
    "ｶﾀｶﾅ ＦＵＬＬ",
    "e\u{301}e\u{301} (combining)",
    "😀 🏳️‍🌈 👍🏽 🇳🇿",
    "zero\u{200b}width",
    "\u{202e}reversed\u{202c}",
    "tab\there",
    "bell\u{7}escape\u{1b}[31m",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
];

/// What the app writes to its terminal, kept to be replayed.
#[derive(Clone, Default)]
struct Bytes(Rc<RefCell<Vec<u8>>>);

impl Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Draws the app into a byte stream as the real terminal would receive it,
/// replays that through a terminal emulator, and checks every cell is where
/// the app meant it to be.
fn assert_lands_where_drawn(h: &Harness, width: u16, height: u16) {
    let expected = h.render(width, height).backend().buffer().clone();
    let area = Rect::new(0, 0, width, height);
    let bytes = Bytes::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(bytes.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .expect("terminal");
    terminal
        .draw(|frame| {
            ui::render(&h.app, &mut Default::default(), Theme::COLOR, frame);
        })
        .expect("draw");
    let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("a real size");
    let mut emulator = vt100::Parser::new(nonzero(height), nonzero(width), 0);
    emulator.process(&bytes.0.borrow());
    let screen = emulator.screen();
    let width_of_row = width;
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let symbol = expected[(x, y)].symbol();
            let width = symbol.width().max(1) as u16;
            // A terminal may split a cluster the app draws as one (a
            // consonant and its vowel sign), or draw an emoji sequence wider
            // than the app thinks, in which case the app moves the cursor
            // past it and the tail is drawn over. Either way the cluster
            // must start where the app put it, or everything after shifts.
            let shown: String = (x..(x + width).min(width_of_row))
                .filter_map(|column| screen.cell(y, column))
                .map(|c| c.contents().to_string())
                .collect();
            let blank = |s: &str| s.chars().all(char::is_whitespace);
            assert!(
                (!shown.is_empty() && symbol.starts_with(&shown))
                    || (blank(&shown) && blank(symbol)),
                "row {y}, column {x}: drawn {symbol:?}, the terminal shows {shown:?}\n{}",
                screen.contents()
            );
            x += width;
        }
    }
}

#[test]
fn a_megabyte_paste_is_kept_whole_and_draws() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    let line = "Some of this is the same sentence again and again, with ünïcödé 美咲 too. ";
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(line);
        if big.len().is_multiple_of(7) {
            big.push('\n');
        }
    }
    h.paste(&big);
    draw_everywhere(&h);
    h.type_text(" The end.");
    h.autosave();
    let expected = format!("{big} The end.");
    assert_eq!(
        newest_page(&h).entry(Partner::First).answers.get("area"),
        Some(&Answer::Text(expected.clone()))
    );
    assert!(h.screen(80, 24).contains("The end."));

    // One line a megabyte long, with no breaks at all.
    h.press(KeyCode::Tab);
    h.paste(&"x".repeat(1 << 20));
    draw_everywhere(&h);
    h.autosave();
    let page = newest_page(&h);
    assert_eq!(
        page.entry(Partner::First).answers.get("feeling"),
        Some(&Answer::Text("x".repeat(1 << 20)))
    );
}

#[test]
fn every_screen_of_an_exercise_draws_at_any_size() {
    let mut h = Harness::new();
    draw_everywhere(&h);
    name_couple(&mut h);
    draw_everywhere(&h);
    h.press(KeyCode::Char('?'));
    draw_everywhere(&h);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('n'));
    draw_everywhere(&h);
    h.press(KeyCode::Enter);
    draw_everywhere(&h);
    h.press(KeyCode::Enter);
    for partner in 0..2 {
        let Screen::Turn(_) = &h.app.screen else {
            panic!("not in a turn");
        };
        for step in 0..10 {
            draw_everywhere(&h);
            let Screen::Turn(turn) = &h.app.screen else {
                break;
            };
            if turn.editor.is_none() {
                break;
            }
            h.type_text(&format!("{} {step} ", SCRIPTS[step % SCRIPTS.len()]));
            h.press(KeyCode::Char('2'));
            h.press(KeyCode::Right);
            h.press(KeyCode::Tab);
        }
        draw_everywhere(&h);
        h.press(KeyCode::Enter);
        draw_everywhere(&h);
        if partner == 0 {
            h.press(KeyCode::Enter);
        }
    }
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    for _ in 0..12 {
        draw_everywhere(&h);
        h.press(KeyCode::PageDown);
    }
}

#[test]
fn names_and_answers_in_every_script_land_where_they_are_drawn() {
    // Names with control characters are refused (see the onboarding
    // tests); answers keep everything else of them.
    let name = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    for (i, text) in SCRIPTS.iter().enumerate() {
        let mut h = Harness::new();
        h.paste(&name(text));
        h.press(KeyCode::Tab);
        h.paste(&name(SCRIPTS[(i + 5) % SCRIPTS.len()]));
        h.press(KeyCode::Enter);
        assert!(
            matches!(h.app.screen, Screen::Home(_)),
            "{text:?} is a usable name"
        );
        assert_lands_where_drawn(&h, 80, 24);
        start_boundary_map(&mut h);
        h.press(KeyCode::Enter);
        h.press(KeyCode::Tab);
        for _ in 0..3 {
            h.paste(text);
            h.press(KeyCode::Enter);
        }
        for (width, height) in [(80, 24), (33, 12)] {
            assert_lands_where_drawn(&h, width, height);
        }
    }
}

#[test]
fn a_storm_of_resizes_while_typing_ends_on_a_whole_screen_and_loses_nothing() {
    use common::pty::*;
    let root = tempfile::tempdir().expect("temp dir");
    let (data, config) = (root.path().join("data"), root.path().join("config"));
    let mut tui = Tui::spawn(&data, &config, 100, 30);
    onboard(&mut tui);
    start_writing(&mut tui);

    // A fixed sequence of sizes, from a sliver to a wall of a window.
    let mut state: u32 = 12_345;
    let mut next = |most: u32| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 16) % most
    };
    let mut typed = String::new();
    for i in 0..300 {
        let width = 1 + next(400) as u16;
        let height = 1 + next(120) as u16;
        tui.resize(width, height);
        if i % 10 == 0 {
            // Keys typed while the window is too small are ignored, so the
            // words go in at a usable size, once it is drawn, and are taken
            // in before the storm goes on.
            tui.resize(40 + next(360) as u16, 12 + next(108) as u16);
            tui.wait_for("step 2 of 6");
            let word = ["storm ", "calm ", "wind ", "rain "][i / 10 % 4];
            tui.type_text(word);
            typed.push_str(word);
            std::thread::sleep(std::time::Duration::from_millis(150));
        }
    }
    tui.resize(80, 24);
    // The app may still be working through the storm: wait for the frame
    // drawn for the last size.
    let whole = |screen: &str| {
        let top = screen.lines().next().unwrap_or_default().trim_end();
        top.starts_with(" tandem · Boundary map")
            && top.ends_with("Alex & Sam")
            && screen.contains(&format!(" └{}┘", "─".repeat(76)))
            && screen.contains("Alex's turn · step 2 of 6")
            && screen.contains("storm calm wind rain storm")
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut screen = tui.screen();
    while !whole(&screen) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        screen = tui.screen();
    }
    assert!(whole(&screen), "{screen}");
    tui.send(CTRL_C);
    tui.wait_exit();

    let store = tandem::journal::Store::open_read_only(&data);
    let id = store.page_ids().expect("list").remove(0);
    let page = store
        .load_page(&id, &tandem::content::Library::load(None))
        .expect("page")
        .page;
    assert_eq!(
        page.entry(Partner::First).answers.get("area"),
        Some(&Answer::Text(typed))
    );
}

#[test]
fn answers_in_every_script_line_up_side_by_side() {
    for (i, text) in SCRIPTS.iter().enumerate() {
        let mut h = Harness::with_couple();
        start_exercise(&mut h, "needs-inventory");
        h.press(KeyCode::Enter);
        answer_turn_pasting(&mut h, text);
        h.press(KeyCode::Enter);
        h.press(KeyCode::Enter);
        answer_turn_pasting(&mut h, SCRIPTS[(i + 7) % SCRIPTS.len()]);
        h.press(KeyCode::Enter);
        assert!(matches!(h.app.screen, Screen::SideBySide(_)), "{text:?}");
        for (width, height) in [(120, 40), (80, 24), (57, 30), (40, 12)] {
            assert_lands_where_drawn(&h, width, height);
        }
        h.press(KeyCode::Char('b'));
        assert_lands_where_drawn(&h, 100, 30);
    }
}

/// Answers every step of the turn on screen, pasting `text` into the
/// written ones.
fn answer_turn_pasting(h: &mut Harness, text: &str) {
    use tandem::app::FieldEditor;
    for _ in 0..100 {
        let Screen::Turn(turn) = &h.app.screen else {
            panic!("not in a turn");
        };
        match &turn.editor {
            None => return,
            Some(FieldEditor::Text(_) | FieldEditor::List(_)) => h.paste(&format!("{text} {text}")),
            Some(_) => {
                h.press(KeyCode::Char('2'));
                h.press(KeyCode::Char('1'));
                h.press(KeyCode::Right);
            }
        }
        h.press(KeyCode::Tab);
    }
    panic!("the turn never ended");
}

/// The column of the first cell on row `y` whose symbol is `symbol`.
fn column_of(buffer: &ratatui::buffer::Buffer, y: u16, symbol: &str) -> Option<u16> {
    (0..buffer.area.width).find(|x| buffer[(*x, y)].symbol() == symbol)
}

#[test]
fn names_in_any_script_head_the_columns_of_their_values() {
    for names in [["Alex", "Sam"], ["علاء", "Zoé 🇫🇷"], ["美咲", "👩‍❤️‍👨 Kim"]]
    {
        let mut h = Harness::new();
        h.paste(names[0]);
        h.press(KeyCode::Tab);
        h.paste(names[1]);
        h.press(KeyCode::Enter);
        h.press(KeyCode::Esc);
        both_partners_answer(&mut h, "reflection");
        assert!(matches!(h.app.screen, Screen::SideBySide(_)));
        for (width, height) in [(80, 24), (100, 30), (57, 18)] {
            let terminal = h.render(width, height);
            let buffer = terminal.backend().buffer();
            let screen = h.screen(width, height);
            // The grid's header row is the one below its question.
            let header = (0..height)
                .find(|y| {
                    let line = screen.lines().nth(usize::from(*y)).unwrap_or("");
                    line.contains("How often is each of these true")
                })
                .map(|y| y + 1)
                .unwrap_or_else(|| panic!("{names:?}: no grid header\n{screen}"));
            let first_letter =
                |name: &str| name.chars().next().map(String::from).unwrap_or_default();
            let left = column_of(buffer, header, &first_letter(names[0]));
            let right = (0..width)
                .rev()
                .find(|x| buffer[(*x, header)].symbol() == first_letter(names[1]));
            let digits: Vec<u16> = (0..width)
                .filter(|x| {
                    buffer[(*x, header + 1)]
                        .symbol()
                        .chars()
                        .all(|c| c.is_ascii_digit())
                })
                .filter(|x| !buffer[(*x, header + 1)].symbol().is_empty())
                .collect();
            assert_eq!(
                (left, right),
                (digits.first().copied(), digits.last().copied()),
                "{names:?} at {width}×{height}: names over their values\n{screen}"
            );
            // The rows below line up too: every value in the same columns.
            let values_of = |y: u16| -> Vec<u16> {
                (0..width)
                    .filter(|x| buffer[(*x, y)].symbol().chars().all(|c| c.is_ascii_digit()))
                    .filter(|x| !buffer[(*x, y)].symbol().is_empty())
                    .collect()
            };
            assert_eq!(values_of(header + 1), values_of(header + 2), "{screen}");
            // Nothing terminals draw at different widths reaches the screen.
            assert!(
                !screen.contains('\u{200d}') && !screen.contains('\u{fe0f}'),
                "{screen}"
            );
        }
        assert_lands_where_drawn(&h, 80, 24);
    }
}
