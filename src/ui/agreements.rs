//! The living list of agreements: status, where each came from, and its
//! history of reviews.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, date, text};
use crate::app::{AgreementsView, App, agreements_in_order};
use crate::keymap::{self, Action, KeyContext};
use crate::model::AgreementStatus;

pub fn render(app: &App, view: &AgreementsView, theme: Theme, frame: &mut Frame, area: Rect) {
    let lines = agreements_in_order(&app.journal);
    let area = area.inner(Margin::new(1, 0));
    if lines.is_empty() {
        super::nothing_yet(
            app,
            "No agreements yet.",
            "At the end of each exercise you can write down what you agree on. They are listed here, and the weekly check-in looks at them with you. To write one down on its own, press n.",
            theme,
            frame,
            area,
        );
        return;
    }
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    let width = usize::from(list_area.width);
    let selected = view.selected.min(lines.len() - 1);
    let height = usize::from(list_area.height).saturating_sub(1).max(1);
    let with = |status: AgreementStatus| {
        lines
            .iter()
            .filter(|l| l.agreement.status == status)
            .count()
    };
    let mut counted = format!(
        "{}, {} in use",
        crate::model::count(lines.len(), "agreement", "agreements"),
        with(AgreementStatus::Active)
    );
    let revisit = with(AgreementStatus::Revisit);
    if revisit > 0 {
        counted.push_str(&format!(", {revisit} to talk about again"));
    }
    if let Some(reading) = app.journal.still_reading() {
        counted.push_str(&format!(" so far, {reading}"));
    }
    let mut rows = vec![Line::styled(text::fit(&counted, width), theme.dim())];
    // Every agreement wraps, under its own words: the status and the date
    // on its first line, the words in between, nothing cut.
    // Only those that could be in sight are wrapped: a screen above and
    // below the chosen one.
    let from = selected.saturating_sub(height);
    let items: Vec<Vec<Line>> = lines
        .iter()
        .enumerate()
        .skip(from)
        .take(2 * height + 1)
        .map(|(n, line)| agreement_rows(app, line, n == selected, width, height, theme))
        .collect();
    if theme.plain
        && let Some(line) = lines.get(selected)
    {
        super::plain::say_focus(format!(
            "{} of {}: {}",
            selected + 1,
            lines.len(),
            plain_words(app, line)
        ));
    }
    let heights: Vec<usize> = items.iter().map(Vec::len).collect();
    let mut first = selected - from;
    let mut used = heights[first];
    while first > 0 && used + heights[first - 1] <= height {
        first -= 1;
        used += heights[first];
    }
    for item in items.into_iter().skip(first) {
        if rows.len() > height {
            break;
        }
        rows.extend(item);
    }
    frame.render_widget(Paragraph::new(rows), list_area);

    let line = &lines[selected];
    let title_of = |id: &str| {
        app.journal
            .pages
            .iter()
            .find(|p| p.id == id)
            .map_or("a page", |p| p.title.as_str())
            .to_string()
    };
    let mut detail = vec![
        Line::styled(line.agreement.text.clone(), theme.heading()),
        Line::raw(format!(
            "Made {} on {} · now {}",
            date(app, line.agreement.made),
            line.page.title,
            line.agreement.status.in_words()
        )),
    ];
    if line.agreement.reviews.is_empty() {
        detail.push(Line::styled("Not reviewed yet.", theme.dim()));
    }
    for review in line.agreement.reviews.iter().rev() {
        let what = match (&review.page, review.status) {
            _ if review.was.is_some() => format!(
                "new words; it said “{}”",
                review.was.as_deref().unwrap_or_default()
            ),
            (Some(id), AgreementStatus::Active) => format!("kept, at the {}", title_of(id)),
            (Some(id), AgreementStatus::Revisit) => {
                format!("to revisit, said at the {}", title_of(id))
            }
            (Some(id), AgreementStatus::Retired) => format!("ended at the {}", title_of(id)),
            (None, status) => format!("marked {} on this screen", status.in_words()),
        };
        detail.push(Line::raw(format!("  {} — {what}", date(app, review.when))));
    }
    // New words being written sit over the history, which stays below.
    let detail_area = match &view.wording {
        Some(wording) => {
            // As tall as the words need, so they wrap rather than scroll
            // sideways.
            let words = crate::app::editor::text_of(wording);
            let inner = usize::from(detail_area.width.saturating_sub(2)).max(1);
            let tall = text::wrap_at_most(&words, inner, 4).len().max(1);
            let tall = u16::try_from(tall).unwrap_or(1) + 2;
            let [editor, rest] =
                Layout::vertical([Constraint::Length(tall), Constraint::Min(0)]).areas(detail_area);
            let mut field = (**wording).clone();
            field.set_block(theme.block(
                format!(
                    " New words ({} keeps them, {} leaves them as they were) ",
                    keymap::says(KeyContext::Rewording, Action::KeepWords),
                    keymap::says(KeyContext::Rewording, Action::Back)
                ),
                true,
            ));
            field.set_cursor_style(theme.cursor());
            field.set_placeholder_style(theme.placeholder());
            super::editors::text_field(&field, frame, editor);
            rest
        }
        None => detail_area,
    };
    let block = theme.block(" History ", false);
    frame.render_widget(
        Paragraph::new(detail)
            .block(block)
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}

/// An agreement in the words plain mode reads: what it is, since when,
/// and the words.
fn plain_words(app: &App, line: &crate::app::AgreementAt<'_>) -> String {
    format!(
        "{}, made {}: {}",
        line.agreement.status.label(),
        date(app, line.agreement.made),
        line.agreement.text,
    )
}

/// One agreement of the list, wrapped: at most `most` lines.
fn agreement_rows(
    app: &App,
    line: &crate::app::AgreementAt<'_>,
    chosen: bool,
    width: usize,
    most: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let style = if chosen {
        theme.selected()
    } else if line.agreement.status == AgreementStatus::Retired {
        theme.dim()
    } else {
        ratatui::style::Style::default()
    };
    if theme.plain {
        // A sentence under a mark before the chosen one.
        let marker = if chosen { "› " } else { "  " };
        return text::wrap_at_most(
            &plain_words(app, line),
            width.saturating_sub(2).max(1),
            most,
        )
        .into_iter()
        .enumerate()
        .map(|(i, l)| Line::raw(format!("{}{l}", if i == 0 { marker } else { "  " })))
        .collect();
    }
    let status = format!("[{}]", line.agreement.status.label());
    let from = format!("  {}", date(app, line.agreement.made));
    // Status, then the words, then the date at the right edge of the
    // first line.
    let room = width.saturating_sub(10 + text::width(&from)).max(1);
    text::wrap_at_most(&line.agreement.text, room, most)
        .into_iter()
        .enumerate()
        .map(|(i, words)| {
            let row = if i == 0 {
                format!(
                    "{} {}{from}",
                    text::pad(&status, 9),
                    text::pad(&words, room)
                )
            } else {
                format!("{}{words}", " ".repeat(10))
            };
            Line::styled(text::pad(&row, width), style)
        })
        .collect()
}
