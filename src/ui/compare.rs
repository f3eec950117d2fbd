//! Two pages of one exercise side by side: how answers changed.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::side_by_side::section_lines;
use super::{Theme, date, text};
use crate::app::{App, CompareView, Measured};
use crate::compare::over_time;

/// Draws the comparison; reports its length and the rows that show.
pub fn render(
    app: &App,
    view: &CompareView,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) -> Measured {
    let area = area.inner(Margin::new(1, 0));
    let lines = compare_lines(app, view, usize::from(area.width), theme);
    let measured = Measured {
        rows: usize::from(area.height),
        lines: lines.len(),
        first_match: None,
        too_small: false,
    };
    let scroll = usize::from(view.scroll).min(measured.max_scroll());
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
    measured
}

fn compare_lines(app: &App, view: &CompareView, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let [older, newer] = &view.pages;
    let mut lines = vec![Line::raw("")];
    let heading = format!(
        "{}: {} (then) and {} (now)",
        newer.title,
        date(app, older.started),
        date(app, newer.started)
    );
    lines.extend(
        text::wrap(&heading, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.heading())),
    );
    lines.push(Line::styled(
        text::fit(
            "Numbers show then → now and the change; words show then and now.",
            width,
        ),
        theme.dim(),
    ));
    lines.push(Line::raw(""));
    let Some(exercise) = app.library.get(&newer.exercise) else {
        lines.push(Line::raw("This exercise is no longer in the library."));
        return lines;
    };
    let names = [
        newer.entries[0].partner.clone(),
        newer.entries[1].partner.clone(),
    ];
    let (Some(older), Some(newer)) = (
        crate::reveal::reveal(&view.pages[0]),
        crate::reveal::reveal(&view.pages[1]),
    ) else {
        lines.push(Line::raw(
            "The answers are private until both partners have finished both pages.",
        ));
        return lines;
    };
    lines.extend(section_lines(
        &over_time(&[older, newer], exercise),
        &names,
        width,
        theme,
        &app.tz,
    ));
    lines
}
