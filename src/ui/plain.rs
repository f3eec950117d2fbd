//! What plain mode adds to a drawn screen, for screen readers: a line or
//! two under the title that say in words what changed or what has focus, and
//! the terminal's own cursor on that focus, where screen readers look.
//!
//! The focus is read off what was drawn, so every screen has it without
//! knowing of plain mode: in plain mode the only styled cell is the
//! cursor of a text field, and a chosen row starts with `›`.

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::text;
use crate::app::App;

/// The mark that starts a chosen row.
const MARKER: &str = "›";

/// How many lines the focus may take under the title; a note has lines
/// of its own above it.
pub const FOCUS_LINES: u16 = 2;
/// The most lines a note may take.
const NOTE_LINES: usize = 2;

thread_local! {
    /// The whole of the selected item, from the screen that drew it cut to
    /// the width: what the focus line says in place of the cut row. Only
    /// drawing fills and empties it, within one frame.
    static FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Called by a screen as it draws its selected item, with all its words.
pub fn say_focus(words: String) {
    FOCUS.with_borrow_mut(|focus| *focus = Some(words));
}

/// Forgets what a screen said of its focus, before a frame is drawn.
pub fn forget_focus() {
    FOCUS.with_borrow_mut(|focus| *focus = None);
}

/// What the app has to say of what just happened, as plain mode says it
/// above the focus (a note, or a problem with what was typed), in the
/// lines it takes at `width`.
pub fn note(app: &App, problem: Option<&str>, width: u16) -> Vec<String> {
    if app.overlay.is_some() {
        return Vec::new();
    }
    app.footer_notice()
        .or_else(|| problem.map(str::to_string))
        .map(|n| text::wrap_at_most(&format!("Note: {n}"), room(width), NOTE_LINES))
        .unwrap_or_default()
}

/// The columns a line under the title has for words, after its margin.
fn room(width: u16) -> usize {
    usize::from(width).saturating_sub(1).max(1)
}

/// What the screen is, beyond what was drawn.
pub struct Place<'a> {
    /// The screen's name, or the box's over it.
    pub title: &'a str,
    /// The field being written in, where the screen's first words would
    /// not name it.
    pub typing_into: Option<&'a str>,
    /// Where a long view stands ("Lines 21 to 40 of 96.").
    pub position: Option<&'a str>,
    /// What just happened, said first, in its lines (see `note`).
    pub note: &'a [String],
}

/// Writes the announcement into `area` and puts the cursor on the focus
/// found in `body`. Changes nothing but the frame.
pub fn announce(app: &App, place: &Place, frame: &mut Frame, area: Rect, body: Rect) {
    let buffer = frame.buffer_mut();
    unstyle(buffer);
    let title = place.title;
    let typing = app.key_context().takes_text();
    let typing_at = typing_cursor(buffer, body);
    let chosen = chosen_row(buffer, body);
    let focus = match (&chosen, typing_at) {
        // Where the words go: the screen's first words say whose turn and
        // which step ("Maya's turn · step 2 of 5").
        (_, Some(_)) if typing => {
            let where_ = place
                .typing_into
                .map(str::to_string)
                .or_else(|| first_words(buffer, body))
                .unwrap_or_else(|| title.to_string());
            // Without styling, an example in an empty field reads like
            // words already written.
            let empty = app.overlay.is_none() && app.field_in_use().is_some_and(|f| f.is_empty());
            let example = if empty {
                " Empty so far: the words shown are an example."
            } else {
                ""
            };
            format!("Writing in: {}{example} F1 lists the keys.", ended(&where_))
        }
        (Some((_, row)), _) => {
            let whole = FOCUS
                .with_borrow_mut(Option::take)
                .unwrap_or_else(|| row.clone());
            match place.position {
                Some(position) => format!("Selected: {} {position}", ended(&whole)),
                None => format!("Selected: {whole}"),
            }
        }
        // Nothing to choose: the screen's name, then where a long view
        // stands (its top line may be the middle of an answer), or else
        // the screen's first words, which say what it is about ("Sam,
        // it's your turn.") unless they only name the screen again.
        (None, _) => match (place.position, first_words(buffer, body)) {
            (Some(position), _) => format!("On: {} {position}", ended(title)),
            (None, Some(words))
                if !words.starts_with(title.split(" · ").next().unwrap_or(title)) =>
            {
                format!("On: {} {words}", ended(title))
            }
            _ => format!("On: {title}"),
        },
    };
    // What just happened comes first, on lines of its own.
    let mut lines = place.note.to_vec();
    let rows = usize::from(area.height).saturating_sub(lines.len()).max(1);
    lines.extend(text::wrap_at_most(&focus, room(area.width), rows));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::raw(format!(" {l}")))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    let cursor = match (typing_at, chosen) {
        (Some(at), _) if typing => at,
        (_, Some((at, _))) => at,
        (Some(at), None) => at,
        (None, None) => Position::new(area.x + 1, area.y),
    };
    frame.set_cursor_position(cursor);
}

/// Takes every style off but a text field's cursor: some widgets carry
/// their own (a field's placeholder), and plain mode has none.
fn unstyle(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let cursor = cell.modifier.contains(Modifier::REVERSED);
        cell.set_style(ratatui::style::Style::reset());
        if cursor {
            cell.modifier = Modifier::REVERSED;
        }
    }
}

/// Where a text field draws its cursor: the one reversed cell.
fn typing_cursor(buffer: &Buffer, area: Rect) -> Option<Position> {
    area.positions()
        .find(|&at| buffer[at].modifier.contains(Modifier::REVERSED))
}

/// The first row whose text starts with the marker, and its words.
fn chosen_row(buffer: &Buffer, area: Rect) -> Option<(Position, String)> {
    (area.top()..area.bottom()).find_map(|y| {
        let row = row_text(buffer, area, y);
        let start = row.len() - row.trim_start().len();
        let words = row.trim().strip_prefix(MARKER)?;
        // The cursor goes on the marker: the column is counted in cells.
        let column = text::width(&row[..start]);
        let at = Position::new(area.x + u16::try_from(column).unwrap_or(0), y);
        Some((at, squeeze(words)))
    })
}

/// The first line of the body that has words on it.
fn first_words(buffer: &Buffer, area: Rect) -> Option<String> {
    (area.top()..area.bottom()).find_map(|y| {
        let words = squeeze(&row_text(buffer, area, y));
        (!words.is_empty()).then_some(words)
    })
}

/// What was drawn on row `y` of `area`.
fn row_text(buffer: &Buffer, area: Rect, y: u16) -> String {
    (area.left()..area.right())
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// `words` ended by one full stop, unless they end in a question or an
/// exclamation of their own: "Helping or rescuing?" takes none.
fn ended(words: &str) -> String {
    let words = words.trim_end_matches(['.', ':']);
    if words.ends_with(['?', '!']) {
        words.to_string()
    } else {
        format!("{words}.")
    }
}

/// Runs of spaces (the gaps between drawn columns) as one.
fn squeeze(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}
