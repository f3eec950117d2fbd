//! Two pages of one exercise side by side: how answers changed.

use std::rc::Rc;

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
    cache: &mut CompareLines,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) -> Measured {
    let area = area.inner(Margin::new(1, 0));
    let lines = drawn_lines(cache, app, view, usize::from(area.width), theme);
    let measured = Measured {
        rows: usize::from(area.height),
        lines: lines.len(),
        first_match: None,
        too_small: false,
    };
    // Only the lines in sight are handed to the terminal.
    let scroll = usize::from(view.scroll).min(measured.max_scroll());
    let end = (scroll + measured.rows).min(lines.len());
    frame.render_widget(Paragraph::new(lines[scroll..end].to_vec()), area);
    measured
}

/// What the lines of a comparison were worked out from: the two pages as
/// they were read, the width and the colours.
#[derive(Clone, PartialEq)]
struct LinesOf {
    pages: [(String, jiff::Timestamp); 2],
    width: usize,
    theme: Theme,
}

/// The lines of the comparison last drawn, worked out once per pair of
/// pages, width and colours rather than for every key and frame: a long
/// answer would otherwise be wrapped again for each line scrolled. The
/// terminal loop owns it, in [`super::RenderCache`]; only drawing reads
/// and fills it.
#[derive(Default)]
pub struct CompareLines(Option<(LinesOf, Rc<[Line<'static>]>)>);

fn drawn_lines(
    cache: &mut CompareLines,
    app: &App,
    view: &CompareView,
    width: usize,
    theme: Theme,
) -> Rc<[Line<'static>]> {
    let of = LinesOf {
        pages: [0, 1].map(|n| (view.pages[n].id.clone(), view.pages[n].last_activity())),
        width,
        theme,
    };
    match &cache.0 {
        Some((was, lines)) if *was == of => Rc::clone(lines),
        _ => {
            let lines: Rc<[Line<'static>]> = compare_lines(app, view, width, theme).into();
            cache.0 = Some((of, Rc::clone(&lines)));
            lines
        }
    }
}

fn compare_lines(app: &App, view: &CompareView, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let [older, newer] = &view.pages;
    let mut lines = vec![Line::raw("")];
    // Two pages of one day are told apart by their times, as home does.
    let when = |page: &crate::model::Page| {
        if date(app, older.started) == date(app, newer.started) {
            crate::zone::day_and_time(page.started, &app.tz)
        } else {
            date(app, page.started)
        }
    };
    let heading = format!(
        "{}: {} (then) and {} (now)",
        newer.title,
        when(older),
        when(newer)
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
        // Said of the first page not shown, in the words of the reveal rule.
        let shut = view
            .pages
            .iter()
            .find(|p| crate::reveal::reveal(p).is_none())
            .map_or("", crate::reveal::not_revealed_words);
        lines.extend(
            text::wrap(&format!("Not compared: {shut}"), width)
                .into_iter()
                .map(Line::raw),
        );
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
