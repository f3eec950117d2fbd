use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, date, text};
use crate::app::{App, LibraryView, Measured};
use crate::content::Source;
use crate::keymap::{self, Action, KeyContext};

/// Draws the library, and measures the introduction it scrolls.
pub fn render(
    app: &App,
    view: &LibraryView,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) -> Measured {
    let entries = app.library.entries();
    let selected = view.selected.min(entries.len().saturating_sub(1));
    let wide = theme.columns_fit(usize::from(area.width), 70);
    let [list_area, detail_area] = if wide {
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    };

    let width = usize::from(list_area.width).saturating_sub(2);
    let mut lines = Vec::new();
    let mut category = None;
    let mut selected_line = 0;
    for (i, entry) in entries.iter().enumerate() {
        let exercise = &entry.exercise;
        if category != Some(exercise.category) {
            if category.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(exercise.category.label(), theme.title()));
            category = Some(exercise.category);
        }
        let done = app.journal.times_done(&exercise.id);
        let count = if done > 0 && theme.plain {
            format!(", done {}", crate::model::count(done, "time", "times"))
        } else if done > 0 {
            format!(" ({done}×)")
        } else {
            String::new()
        };
        let marker = if i == selected { "› " } else { "  " };
        let style = if i == selected {
            theme.selected()
        } else {
            theme.text()
        };
        if i == selected {
            selected_line = lines.len();
        }
        lines.push(Line::styled(
            text::pad(&format!("{marker}{}{count}", exercise.title), width),
            style,
        ));
    }
    let scroll = (selected_line + 2).saturating_sub(usize::from(list_area.height));
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)),
        list_area.inner(ratatui::layout::Margin::new(1, 0)),
    );

    let Some(entry) = entries.get(selected) else {
        return Measured::default();
    };
    let exercise = &entry.exercise;
    let mut detail = vec![
        Line::styled(exercise.title.as_str(), theme.heading()),
        Line::styled(
            [
                Some(exercise.category.label().to_string()),
                Some(crate::app::steps_in_words(exercise)),
                exercise.length(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
            theme.dim(),
        ),
    ];
    let history = match app.journal.last_done(&exercise.id) {
        Some(when) => match app.journal.times_done(&exercise.id) {
            0 => format!("Last started {} · not talked over yet", date(app, when)),
            n => format!(
                "Last started {} · talked over {}",
                date(app, when),
                crate::model::count(n, "time", "times")
            ),
        },
        None => "Not done yet".to_string(),
    };
    detail.push(Line::styled(history, theme.dim()));
    if let Source::Custom(path) = &entry.source {
        detail.push(Line::styled(
            format!("Your own exercise: {}", path.display()),
            theme.dim(),
        ));
    }
    detail.push(Line::raw(""));
    detail.extend(exercise.intro.split('\n').map(Line::raw));
    detail.push(Line::raw(""));
    detail.push(Line::from(vec![
        Span::styled(keymap::says(KeyContext::Library, Action::Open), theme.key()),
        Span::raw(" to begin"),
    ]));
    // Plain mode says where the list ends and the chosen one's story begins.
    let block = theme.padded_block(
        if theme.plain {
            "About the chosen exercise:"
        } else {
            ""
        },
        false,
    );
    let inner = block.inner(detail_area);
    let lines = detail
        .iter()
        .map(|l| {
            text::wrap(&l.to_string(), usize::from(inner.width))
                .len()
                .max(1)
        })
        .sum();
    // What does not fit is said on the last row, with the key that shows
    // it, so nothing below (what stays private, how long it takes) is
    // missed.
    let overflows = !theme.plain && lines > usize::from(inner.height) && inner.height > 2;
    let rows = usize::from(inner.height) - usize::from(overflows);
    let measured = Measured {
        rows,
        lines,
        ..Measured::default()
    };
    let scroll = usize::from(view.scroll).min(measured.max_scroll());
    frame.render_widget(block, detail_area);
    let [text_area, more_area] = Layout::vertical([
        Constraint::Length(u16::try_from(rows).unwrap_or(0)),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        text_area,
    );
    if overflows {
        let more = match (scroll > 0, scroll < measured.max_scroll()) {
            (false, _) => "↓ more below: PgDn",
            (true, true) => "↑↓ more: PgUp PgDn",
            (true, false) => "↑ more above: PgUp",
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                text::fit(more, usize::from(more_area.width)),
                theme.dim(),
            )),
            more_area,
        );
    }
    measured
}
