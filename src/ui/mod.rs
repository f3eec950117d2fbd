//! Drawing. Every function here reads the app's state and draws it; none
//! changes anything.

mod agreements;
mod browse;
pub mod compare;
mod editors;
mod home;
mod library;
mod onboarding;
mod overlay;
mod plain;
pub mod side_by_side;
pub mod text;
mod theme;
mod trends;
mod work;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Measured, Screen};
use crate::keymap::{self, Action};

pub use theme::Theme;

/// Below this the screens cannot show a prompt and an answer together.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the app, and reports what the drawing measured (the rows a
/// scrolled view shows, and its length) for the app to keep scrolling in
/// bounds. Changes nothing.
/// What drawing keeps from one frame to the next so that a long page is
/// not worked out again for every key: the lines of the open page and of
/// two pages compared. Whoever draws owns it (the terminal loop, a test)
/// and hands it to [`render`]; the app never sees it, so saving and
/// drawing anew stay two things.
#[derive(Default)]
pub struct RenderCache {
    page: side_by_side::PageLines,
    compare: compare::CompareLines,
}

pub fn render(app: &App, cache: &mut RenderCache, theme: Theme, frame: &mut Frame) -> Measured {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(theme, frame, area);
        return Measured {
            too_small: true,
            ..Measured::default()
        };
    }
    // Plain mode says what just happened and what has focus on lines of
    // their own under the title.
    let problem = match &app.screen {
        Screen::Onboarding(o) => o.error.as_deref(),
        _ => None,
    };
    let note = if theme.plain {
        plain::note(app, problem, area.width)
    } else {
        Vec::new()
    };
    let said = if theme.plain {
        plain::FOCUS_LINES + u16::try_from(note.len()).unwrap_or(0)
    } else {
        0
    };
    plain::forget_focus();
    // A notice gets lines of its own above the keys (three at most), so it
    // never pushes the keys that act out of the footer. Plain mode says it
    // once, under the title.
    let notice: Vec<String> = app
        .footer_notice()
        .filter(|_| !theme.plain)
        .map(|n| text::wrap_at_most(&n, usize::from(area.width).saturating_sub(2), 3))
        .unwrap_or_default();
    let [header, announcement, body, notice_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(said),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(notice.len()).unwrap_or(0)),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, theme, frame, header);
    let mut measured = Measured::default();
    match &app.screen {
        Screen::Onboarding(o) => onboarding::render(o, theme, frame, body),
        Screen::Home(h) => home::render(app, h, theme, frame, body),
        Screen::Library(l) => measured = library::render(app, l, theme, frame, body),
        Screen::Handoff(h) => work::render_handoff(app, h, theme, frame, body),
        Screen::Turn(t) => work::render_turn(app, t, theme, frame, body),
        Screen::SideBySide(s) => {
            measured = side_by_side::render(app, s, &mut cache.page, theme, frame, body);
        }
        Screen::Journal => browse::render(app, theme, frame, body),
        Screen::Compare(c) => {
            measured = compare::render(app, c, &mut cache.compare, theme, frame, body);
        }
        Screen::Agreements(a) => agreements::render(app, a, theme, frame, body),
        Screen::Trends(t) => trends::render(app, t, theme, frame, body),
    }
    let notice: Vec<Line> = notice
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.warning()))
        .collect();
    frame.render_widget(Paragraph::new(notice), notice_area);
    render_footer(app, theme, frame, footer);
    let mut box_title = None;
    if let Some(overlay) = &app.overlay {
        // Keys go to the box, so it is what the app scrolls, and what has
        // focus is in it.
        plain::forget_focus();
        let (drawn, title) = overlay::render(app, overlay, theme, frame, body);
        measured = drawn;
        box_title = Some(title);
    }
    if theme.plain {
        let title = box_title.unwrap_or_else(|| screen_title(app));
        // Where a long view stands, for the one who cannot see its edges.
        let position = app
            .scrolled()
            .filter(|_| measured.lines > measured.rows)
            .map(|scroll| {
                let first = usize::from(scroll).min(measured.max_scroll());
                let last = (first + measured.rows).min(measured.lines);
                let more = if last < measured.lines {
                    " PgDn reads on."
                } else {
                    ""
                };
                format!("Lines {} to {last} of {}.{more}", first + 1, measured.lines)
            });
        plain::announce(
            app,
            &plain::Place {
                title: &title,
                typing_into: typing_into(app),
                position: position.as_deref(),
                note: &note,
            },
            frame,
            announcement,
            body,
        );
    }
    measured
}

fn too_small(theme: Theme, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled("Please enlarge the window", theme.heading()),
        Line::from(format!(
            "tandem needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this is {}×{}.",
            area.width, area.height
        )),
        Line::from(
            "Until then keys are ignored, so nothing is typed unseen. Everything is saved; Ctrl-C quits.",
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

fn screen_title(app: &App) -> String {
    let page_title = || {
        app.open_page()
            .map(|o| o.page().title.clone())
            .unwrap_or_default()
    };
    match &app.screen {
        Screen::Onboarding(o) if o.renaming.is_some() => "Your names".to_string(),
        Screen::Onboarding(_) => "Welcome".to_string(),
        Screen::Home(_) => "Home".to_string(),
        Screen::Library(_) => "Exercises".to_string(),
        Screen::Handoff(_) | Screen::Turn(_) => page_title(),
        Screen::SideBySide(_) => format!("{} · side by side", page_title()),
        Screen::Journal => "Journal".to_string(),
        Screen::Compare(_) => "Compare over time".to_string(),
        Screen::Agreements(_) => "Agreements".to_string(),
        Screen::Trends(_) => "Trends".to_string(),
    }
}

/// The field words go into, where its screen does not say it first.
fn typing_into(app: &App) -> Option<&'static str> {
    use keymap::KeyContext;
    match (app.key_context(), &app.screen) {
        (KeyContext::Onboarding, Screen::Onboarding(o)) if o.focus == 0 => {
            Some("the first partner's name")
        }
        (KeyContext::Onboarding, _) => Some("the second partner's name"),
        (KeyContext::Search, _) => Some("the search of every answer, note and agreement"),
        (KeyContext::LaterNote, _) => Some("a later note"),
        (KeyContext::Rewording, _) => Some("new words for the agreement"),
        (KeyContext::GridAdding, _) => Some("the name of a new row"),
        (KeyContext::Passphrase, _) => Some("a passphrase"),
        _ => None,
    }
}

fn render_header(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let couple = app
        .couple
        .as_ref()
        .map(|c| text::drawable(&format!("{} & {}", c.names[0], c.names[1])).into_owned())
        .unwrap_or_default();
    let width = usize::from(area.width);
    // The couple's names keep their place at the right; a long title gives
    // way to them, unless they would take more than a third of the line.
    let right = if text::width(&couple) + 2 <= width / 3 {
        couple
    } else {
        String::new()
    };
    // The demo says so on every screen, before anything else.
    let demo = if app.demo { " demo " } else { "" };
    let left = text::fit(
        &format!(" tandem · {}", screen_title(app)),
        width.saturating_sub(
            text::width(&right) + text::width(demo) + if theme.plain { 4 } else { 2 },
        ),
    );
    // Plain mode reads the names straight after the title.
    let gap = if theme.plain {
        usize::from(!right.is_empty()) * 3
    } else {
        width.saturating_sub(text::width(demo) + text::width(&left) + text::width(&right) + 1)
    };
    let line = Line::from(vec![
        Span::styled(demo, theme.warning()),
        Span::styled(left, theme.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn render_footer(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    // Hints that do not fit are left out, except the way to the full help.
    let mut room = usize::from(area.width);
    // Where not all fit, the way to the help and to the safety screen
    // stay, then the keys that do
    // something (Enter, Tab, Esc), then the moving keys (arrows are the
    // first thing anyone tries), and quitting last (`q` is in the help).
    let rank = |b: &keymap::Binding| {
        if b.actions()
            .any(|a| matches!(a, Action::Help | Action::Safety))
        {
            0
        } else if b.actions().any(|a| a == Action::Quit) {
            3
        } else if b.actions().any(Action::moves) {
            2
        } else {
            1
        }
    };
    let hints: Vec<(String, &str, u8)> = app
        .available_keys(app.key_context())
        .into_iter()
        .filter(|b| b.in_footer())
        .map(|b| (b.footer_label(), b.footer_words(), rank(b)))
        .collect();
    let needed =
        |(keys, what, _): &(String, &str, u8)| 1 + text::width(keys) + text::width(what) + 2;
    let mut shown = vec![false; hints.len()];
    for pass in 0..=3 {
        for (i, hint) in hints.iter().enumerate() {
            if hint.2 == pass && needed(hint) <= room {
                room -= needed(hint);
                shown[i] = true;
            }
        }
    }
    for (hint, _) in hints.iter().zip(&shown).filter(|(_, shown)| **shown) {
        let (keys, what, _) = hint;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(keys.clone(), theme.key()));
        spans.push(Span::styled(format!(" {what} "), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// What a screen with nothing to show yet says: a heading, why, and
/// whether the journal is still being read, so the empty screen is not
/// taken for the whole journal.
pub fn nothing_yet(
    app: &App,
    heading: &'static str,
    why: &'static str,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let mut lines = vec![
        Line::raw(""),
        Line::styled(heading, theme.heading()),
        Line::raw(why),
    ];
    if let Some(reading) = app.journal.still_reading() {
        lines.push(Line::styled(
            format!("The journal is {reading}"),
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// A date as the couple reads it, in their time zone.
pub fn date(app: &App, ts: jiff::Timestamp) -> String {
    crate::zone::day(ts, &app.tz)
}
