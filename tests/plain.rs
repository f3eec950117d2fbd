//! Plain mode, for screen readers: every screen kind drawn with
//! `Theme::PLAIN` has no box drawing, no pictures made of characters, no
//! colour or other styling, reads in one column, and says on its second
//! line what is selected, being written in, or just happened, with the
//! terminal's cursor on that focus. One exercise is worked end to end in
//! it, and every screen kind is snapshotted as it reads.

mod common;

use std::collections::BTreeSet;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tandem::app::{FieldEditor, Screen};
use tandem::ui::{self, Theme};

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;

/// The screen as a screen reader gets it, with where the cursor stands.
struct Read {
    lines: Vec<String>,
    cursor: (u16, u16),
}

impl Read {
    fn text(&self) -> String {
        let mut out = self.lines.join("\n");
        out.push_str(&format!(
            "\n[cursor at column {}, line {}]",
            self.cursor.0, self.cursor.1
        ));
        out
    }

    fn announcement(&self) -> &str {
        &self.lines[1]
    }

    /// Both lines under the title, as one.
    fn announced(&self) -> String {
        self.lines[1..3]
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn read(h: &Harness) -> Read {
    read_at(h, WIDTH, HEIGHT)
}

/// As [`read`], in a terminal `width` × `height`.
fn read_at(h: &Harness, width: u16, height: u16) -> Read {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            ui::render(&h.app, &mut Default::default(), Theme::PLAIN, frame);
        })
        .expect("draw");
    let Ok(at) = terminal.get_cursor_position();
    let cursor = (at.x, at.y);
    let buffer = terminal.backend().buffer();
    let mut reversed = 0;
    let mut lines = Vec::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            for c in symbol.chars() {
                let code = u32::from(c);
                assert!(
                    !(0x2500..=0x25FF).contains(&code) && !(0x2800..=0x28FF).contains(&code),
                    "{c:?} (a drawing character) at column {x}, line {y}:\n{}",
                    h.screen(width, height)
                );
            }
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "colour at column {x}, line {y}"
            );
            if cell.modifier.contains(Modifier::REVERSED) {
                reversed += 1;
            } else {
                assert!(
                    cell.modifier.is_empty(),
                    "{:?} at column {x}, line {y}",
                    cell.modifier
                );
            }
            line.push_str(symbol);
        }
        lines.push(line.trim_end().to_string());
    }
    // The one styled cell a plain screen may have is a text field's cursor.
    assert!(reversed <= 1, "{reversed} reversed cells");
    let read = Read { lines, cursor };
    let said = read.announcement();
    assert!(
        [" Selected: ", " On: ", " Writing in: ", " Note: "]
            .iter()
            .any(|start| said.starts_with(start)),
        "the second line says what has focus: {said:?}"
    );
    read
}

/// Snapshots the screen as it reads, after checking it.
fn snap(name: &str, h: &Harness) -> Read {
    let read = read(h);
    insta::assert_snapshot!(format!("plain_{name}"), read.text());
    read
}

#[test]
fn one_exercise_end_to_end_in_plain_mode() {
    let mut h = Harness::new();
    snap("onboarding", &h);
    // A problem with what was typed is said first, then where typing goes.
    h.type_text("Alex");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let missing = snap("onboarding_missing_name", &h);
    assert!(
        missing.announcement().starts_with(" Note: "),
        "{}",
        missing.text()
    );
    assert!(
        missing
            .text()
            .contains("Writing in: the second partner's name"),
        "{}",
        missing.text()
    );
    h.press(KeyCode::BackTab);
    h.press_n(KeyCode::Backspace, 4);
    name_couple(&mut h);
    h.press(KeyCode::Esc); // the passphrase box shown on the first start
    let home = snap("home_empty", &h);
    assert!(home.announcement().contains("On: Home"), "{}", home.text());

    h.press(KeyCode::Char('n'));
    let library = snap("library", &h);
    assert!(library.announcement().contains("Selected: Boundary map"));
    // The list comes before the description: one column, top to bottom.
    let list_at = library
        .lines
        .iter()
        .position(|l| l.contains("› Boundary map"));
    let about_at = library
        .lines
        .iter()
        .position(|l| l.contains("A boundary is simply"));
    assert!(list_at < about_at, "{}", library.text());
    // The cursor stands on the chosen exercise.
    assert_eq!(
        library.lines[usize::from(library.cursor.1)].trim_start(),
        "› Boundary map"
    );
    h.press(KeyCode::Down);
    assert!(
        read(&h)
            .announcement()
            .contains("Selected: Family and friends")
    );
    h.press(KeyCode::Up);

    h.press(KeyCode::Enter);
    let handoff = snap("handoff", &h);
    assert!(handoff.announcement().contains("Alex goes first"));
    h.press(KeyCode::Right);
    assert!(read(&h).announcement().contains("Sam goes first"));
    h.press(KeyCode::Left);
    h.press(KeyCode::Enter);
    if matches!(
        h.app.overlay,
        Some(tandem::app::Overlay::SafeToAnswer { .. })
    ) {
        snap("safe_to_answer", &h);
        h.press(KeyCode::Char('y'));
    }

    // The grid: each row a sentence, the chosen one said and under the
    // cursor, and a change said there too.
    let grid = snap("turn_grid", &h);
    assert!(
        grid.announcement()
            .contains("Selected: Time on my own — How it feels: not answered"),
        "{}",
        grid.text()
    );
    h.press(KeyCode::Char('2'));
    // Answering moves on to the next row, which is said; the answer stays
    // in sight on the row above it.
    let answered = read(&h);
    assert!(
        answered
            .announcement()
            .contains("Selected: Time with my friends and family"),
        "{}",
        answered.text()
    );
    let above = &answered.lines[usize::from(answered.cursor.1) - 1];
    assert!(
        above.contains("Time on my own — How it feels: not fine"),
        "{}",
        answered.text()
    );
    // What the key set is said above the rows, until the next key.
    let said = answered
        .lines
        .iter()
        .find(|l| l.contains("Just set:"))
        .unwrap_or_else(|| panic!("the answer is said: {}", answered.text()));
    assert!(
        said.contains("Time on my own — How it feels: not fine"),
        "{said}"
    );
    h.press(KeyCode::Down);
    h.press(KeyCode::Up);
    assert!(
        !read(&h).text().contains("Just set:"),
        "only until the next key"
    );
    h.press(KeyCode::Tab);
    let text = snap("turn_text", &h);
    assert!(text.announcement().starts_with(" Writing in: "));
    assert!(
        text.announced()
            .contains("Empty so far: the words shown are an example."),
        "{}",
        text.text()
    );
    h.type_text("When plans are made without asking me");
    let typed = read(&h);
    assert!(!typed.text().contains("Empty so far"), "{}", typed.text());
    let line = &typed.lines[usize::from(typed.cursor.1)];
    assert!(
        line.contains("When plans are made without asking me"),
        "the cursor is on the line being written: {}",
        typed.text()
    );
    h.press(KeyCode::BackTab);
    h.press(KeyCode::Tab);
    answer_turn(&mut h, 0, "Alex's answer");
    snap("turn_finish", &h);
    h.press(KeyCode::Enter);
    snap("handoff_second", &h);
    h.press(KeyCode::Enter);
    if matches!(
        h.app.overlay,
        Some(tandem::app::Overlay::SafeToAnswer { .. })
    ) {
        h.press(KeyCode::Char('y'));
    }
    answer_turn(&mut h, 1, "Sam's answer");
    h.press(KeyCode::Enter);

    // The reveal: one column, each step's answers as "Alex:" then "Sam:".
    let reveal = snap("side_by_side", &h);
    assert!(
        reveal.announcement().contains("Lines 1 to"),
        "where a long page stands: {}",
        reveal.text()
    );
    assert!(
        !reveal.lines.iter().any(|l| l.contains('│')),
        "no columns: {}",
        reveal.text()
    );
    let mut whole = Vec::new();
    for _ in 0..40 {
        whole.extend(read(&h).lines[2..usize::from(HEIGHT) - 1].to_vec());
        h.press(KeyCode::PageDown);
    }
    let whole = whole.join("\n");
    let alex = whole.find("Alex:").expect("Alex's answers are named");
    let sam = whole[alex..].find("Sam:").expect("then Sam's");
    assert!(sam > 0);
    assert!(whole.contains("Time on my own — How it feels") || whole.contains("Time on my own:"));
    // The page is in the journal, with both partners' answers.
    let page = newest_page(&h);
    assert!(format!("{page:?}").contains("When plans are made without asking me"));
}

/// What each kind of field looks like in plain mode, from the exercises
/// that use it.
#[test]
fn every_field_kind_reads_in_plain_mode() {
    let mut seen = BTreeSet::new();
    let ids: Vec<String> = Harness::with_couple()
        .app
        .library
        .exercises()
        .map(|e| e.id.clone())
        .collect();
    for id in ids {
        let mut h = Harness::with_couple();
        start_exercise(&mut h, &id);
        h.press(KeyCode::Enter);
        write_opening(&mut h, "Our topic");
        if matches!(h.app.screen, Screen::Handoff(_)) {
            h.press(KeyCode::Enter);
        }
        if matches!(
            h.app.overlay,
            Some(tandem::app::Overlay::SafeToAnswer { .. })
        ) {
            h.press(KeyCode::Char('y'));
        }
        for _ in 0..30 {
            let Screen::Turn(turn) = &h.app.screen else {
                break;
            };
            let kind = match &turn.editor {
                None => break,
                Some(FieldEditor::Text(_)) => "text",
                Some(FieldEditor::List(_)) => "list",
                Some(FieldEditor::Scale(_)) => "scale",
                Some(FieldEditor::Choice(_)) => "choice",
                Some(FieldEditor::Checklist(_)) => "checklist",
                Some(FieldEditor::Grid(_)) => "grid",
            };
            let screen = if seen.insert(kind) {
                snap(&format!("field_{kind}"), &h)
            } else {
                read(&h)
            };
            // Marks drawn as boxes are said in words.
            if kind == "checklist" {
                assert!(
                    screen.announcement().contains("not ticked"),
                    "{}",
                    screen.text()
                );
                h.press(KeyCode::Char(' '));
                let ticked = read(&h);
                assert!(
                    ticked.announcement().contains(", ticked"),
                    "{}",
                    ticked.text()
                );
            }
            if kind == "choice" {
                h.press(KeyCode::Char('1'));
                let chosen = read(&h);
                assert!(chosen.text().contains(", chosen"), "{}", chosen.text());
            }
            h.press(KeyCode::Tab);
        }
    }
    assert_eq!(
        seen,
        BTreeSet::from(["checklist", "choice", "grid", "list", "scale", "text"])
    );
}

#[test]
fn the_review_screens_read_in_plain_mode() {
    let mut h = demo(70);
    snap("home_with_pages", &h);
    // Narrow, a row's status goes on a line of its own; the focus line
    // still says the row whole.
    let narrow = read_at(&h, 50, 16);
    assert!(
        narrow
            .announced()
            .contains("in progress — Maya and Jonas have started"),
        "{}",
        narrow.text()
    );
    h.press(KeyCode::Char('b'));
    let journal = snap("journal", &h);
    assert!(journal.announcement().starts_with(" Selected: "));
    h.press(KeyCode::Down);
    let next = read(&h);
    assert_ne!(
        journal.announcement(),
        next.announcement(),
        "moving is said"
    );
    assert!(
        next.announced().contains("page 2 of 70:"),
        "{}",
        next.text()
    );
    // A filter's effect is said with the focus: how many pages are left.
    h.press(KeyCode::Char('e'));
    h.type_text("check-in");
    h.press(KeyCode::Enter);
    let filtered = read(&h);
    assert!(
        filtered.announced().contains("page 2 of 53:"),
        "{}",
        filtered.text()
    );
    assert!(
        !filtered.announced().contains(" of 70:"),
        "{}",
        filtered.text()
    );
    h.press(KeyCode::Char('r'));
    h.press(KeyCode::Char('/'));
    h.type_text("sister");
    snap("journal_search", &h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    snap("page_from_the_journal", &h);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);

    h.press(KeyCode::Char('t'));
    let trends = snap("trends", &h);
    assert!(trends.lines.iter().any(|l| l.contains("Newest first:")));
    // What does not fit is counted, and where to find it said.
    assert!(
        trends
            .lines
            .iter()
            .any(|l| l.contains("older ratings before these")),
        "{}",
        trends.text()
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('a'));
    h.press_n(KeyCode::Down, 2);
    let agreements = snap("agreements", &h);
    assert!(agreements.announcement().starts_with(" Selected: "));
    h.press(KeyCode::Esc);

    compare_two_needs_inventories(&mut h);
    snap("compare", &h);
}

#[test]
fn boxes_over_a_screen_take_the_whole_screen_in_plain_mode() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('?'));
    let help = snap("help", &h);
    assert!(help.announcement().contains("On: Keys"), "{}", help.text());
    assert!(
        help.text().contains("\n n: start a new exercise\n"),
        "{}",
        help.text()
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('!'));
    let safety = snap("safety", &h);
    // Nothing of the screen below shows around it.
    assert!(
        !safety.text().contains("Hello, Alex and Sam"),
        "{}",
        safety.text()
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('P'));
    let passphrases = snap("passphrases", &h);
    // The selected row is said whole, though it wraps in the box.
    assert!(
        passphrases
            .announced()
            .contains("can be read in the files by anyone using this computer"),
        "{}",
        passphrases.text()
    );
    // Typing a passphrase: said, counted in words, the cursor on it.
    h.press(KeyCode::Enter);
    let asked = snap("passphrase_typing", &h);
    assert!(
        asked.announcement().contains("Writing in: a passphrase"),
        "{}",
        asked.text()
    );
    assert!(
        asked.text().contains("nothing typed yet"),
        "{}",
        asked.text()
    );
    h.type_text("abc");
    let typed = read(&h);
    let line = &typed.lines[usize::from(typed.cursor.1)];
    assert!(
        line.contains("Passphrase (3 characters typed)"),
        "{}",
        typed.text()
    );
    assert!(!typed.text().contains('•'), "{}", typed.text());
}
