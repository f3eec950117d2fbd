use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, date, text};
use crate::app::{App, Home, HomeItem, PageSummary};
use crate::keymap::{self, Action};
use crate::model::{EntryStatus, PageStatus, Partner, visible};

pub fn render(app: &App, home: &Home, theme: Theme, frame: &mut Frame, area: Rect) {
    let items = app.home_items();
    let selected = home.selected.min(items.len().saturating_sub(1));
    let width = usize::from(area.width).saturating_sub(2);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let names = app.names();
    lines.push(Line::styled(
        format!("Hello, {} and {}.", names[0], names[1]),
        theme.heading(),
    ));
    // With pages to look back on, the ways to them, at the top where a
    // long home still shows them and a narrow footer has no room; the
    // footer already offers a new exercise.
    let ways_back = ways_back(app, theme);
    let has_ways_back = !app.journal.pages.is_empty() && !ways_back.spans.is_empty();
    if has_ways_back {
        lines.push(ways_back);
    }
    if app.journal.is_loading() {
        lines.push(Line::styled(
            format!(
                "Reading your journal… {} of {} pages",
                app.journal.total() - app.journal.pending_count(),
                app.journal.total()
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    if items.is_empty() && !app.journal.is_loading() {
        lines.push(Line::raw("Your journal is empty for now."));
        lines.push(Line::from(vec![
            Span::raw("Press "),
            Span::styled("n", theme.key()),
            Span::raw(" to choose a first exercise from the library."),
        ]));
    }
    // Each page's exercise and day, worked out once: two pages of one
    // exercise started the same day are told apart by the time.
    let pages: Vec<Option<&PageSummary>> = items
        .iter()
        .map(|item| match item {
            HomeItem::Page(id) => app.journal.page(id),
            HomeItem::Unreadable(_) | HomeItem::Suggestion(_) => None,
        })
        .collect();
    let days: Vec<Option<(&str, String)>> = pages
        .iter()
        .map(|page| page.map(|p| (p.exercise.as_str(), date(app, p.started))))
        .collect();
    let mut section = "";
    for (n, item) in items.iter().enumerate() {
        // Said once, under the last suggestion: how to put one off.
        let after_suggestions = n > 0 && matches!(items[n - 1], HomeItem::Suggestion(_));
        if after_suggestions && !matches!(item, HomeItem::Suggestion(_)) {
            lines.push(put_off_hint(theme));
        }
        let heading = match item {
            HomeItem::Page(_) if pages[n].is_some_and(|p| p.status.is_unfinished()) => "Continue",
            HomeItem::Page(_) => "Recent pages",
            HomeItem::Suggestion(_) => {
                "Perhaps next (from your pages, worked out on this computer)"
            }
            HomeItem::Unreadable(_) => "Could not be read (left untouched; see `tandem check`)",
        };
        if heading != section {
            if !section.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(heading, theme.title()));
            section = heading;
        }
        let is_selected = n == selected;
        if is_selected {
            selected_line = lines.len();
        }
        let marker = if is_selected { "› " } else { "  " };
        let row = match item {
            HomeItem::Page(id) => match pages[n] {
                Some(page) => {
                    let twin = days.iter().filter(|d| **d == days[n]).count() > 1;
                    page_row(app, page, twin)
                }
                None => (visible(id).into_owned(), String::new()),
            },
            HomeItem::Unreadable(i) => (
                app.journal.unreadable[*i].problem.in_folder("journal"),
                String::new(),
            ),
            HomeItem::Suggestion(s) => (s.title.clone(), s.reason.clone()),
        };
        let style = if is_selected {
            theme.selected()
        } else {
            theme.text()
        };
        // Too long for one line, the status goes on a line of its own
        // rather than being cut: whose turn it is is the point of the row.
        let (head, state) = row;
        if is_selected && theme.plain {
            // The status may go on a line of its own; the focus line says
            // the row whole.
            super::plain::say_focus(if state.is_empty() {
                head.clone()
            } else {
                format!("{head} · {state}")
            });
        }
        let whole = format!("{marker}{head} · {state}");
        if text::width(&whole) <= width || state.is_empty() {
            lines.push(Line::styled(text::pad(&whole, width), style));
        } else {
            lines.push(Line::styled(
                text::pad(&format!("{marker}{head}"), width),
                style,
            ));
            for part in text::wrap(&state, width.saturating_sub(4)) {
                lines.push(Line::styled(
                    text::pad(&format!("    {part}"), width),
                    style,
                ));
            }
        }
    }
    if matches!(items.last(), Some(HomeItem::Suggestion(_))) {
        lines.push(put_off_hint(theme));
    }
    lines.push(Line::raw(""));
    if !has_ways_back {
        lines.push(Line::from(vec![
            Span::styled("n", theme.key()),
            Span::styled(" start a new exercise", theme.dim()),
        ]));
    }
    // Keep the selected row in view.
    let height = usize::from(area.height);
    let scroll = (selected_line + 2).saturating_sub(height);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area.inner(ratatui::layout::Margin::new(1, 0)),
    );
}

/// A page's row: its title and day, and its state.
fn page_row(app: &App, page: &PageSummary, twin: bool) -> (String, String) {
    // The status as everywhere, and what comes next.
    let names = app.names();
    let words = page.status_words_now(&names);
    let state = match page.status {
        PageStatus::BothDone if page.talking => format!("{words} — talking it over, not finished"),
        PageStatus::BothDone => format!("{words} — ready to see side by side"),
        PageStatus::InProgress => {
            let writing: Vec<&str> = Partner::BOTH
                .into_iter()
                .filter(|p| page.entries[p.index()] == EntryStatus::Draft)
                .map(|p| names[p.index()].as_str())
                .collect();
            match writing.as_slice() {
                [] if page.begun_together => {
                    format!("{words} — written together so far; the turns are next")
                }
                [] => format!("{words} — not started yet"),
                [one] => format!("{words} — {one} has started"),
                _ => format!("{words} — {} have started", writing.join(" and ")),
            }
        }
        _ => words,
    };
    let read_only = if page.read_only.is_some() {
        " · read-only"
    } else {
        ""
    };
    let when = if twin {
        crate::zone::day_and_time(page.started, &app.tz)
    } else {
        date(app, page.started)
    };
    (
        format!("{} · {when}", page.title),
        format!("{state}{read_only}"),
    )
}

/// How to put a suggestion off, said once under the suggestions.
fn put_off_hint(theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled("  x", theme.key()),
        Span::styled(" on a suggestion: not now, for a month", theme.dim()),
    ])
}

/// The keys to the journal, trends and agreements, as the key table words
/// them: "b browse the journal · t trends over time · a agreements".
fn ways_back(app: &App, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for binding in app
        .available_keys(keymap::KeyContext::Home)
        .into_iter()
        .filter(|b| {
            b.actions().any(|a| {
                matches!(
                    a,
                    Action::ShowJournal | Action::ShowTrends | Action::ShowAgreements
                )
            })
        })
    {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(binding.label(), theme.key()));
        spans.push(Span::styled(format!(" {}", binding.help), theme.dim()));
    }
    Line::from(spans)
}
