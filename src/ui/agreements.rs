//! The living list of agreements: status, where each came from, and its
//! history of reviews.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, date, text};
use crate::app::{AgreementsView, App, agreements_in_order};
use crate::model::AgreementStatus;

pub fn render(app: &App, view: &AgreementsView, theme: Theme, frame: &mut Frame, area: Rect) {
    let lines = agreements_in_order(&app.journal);
    let area = area.inner(Margin::new(1, 0));
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled("No agreements yet.", theme.heading()),
                Line::raw("At the end of each exercise you can write down what you agree on. They are listed here, and the weekly check-in looks at them with you. To write one down on its own, press n."),
            ])
            .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    let width = usize::from(list_area.width);
    let selected = view.selected.min(lines.len() - 1);
    let height = usize::from(list_area.height).saturating_sub(1).max(1);
    let first = (selected + 1).saturating_sub(height);
    let in_use = lines
        .iter()
        .filter(|l| l.agreement.status != AgreementStatus::Retired)
        .count();
    let mut rows = vec![Line::styled(
        format!(
            "{}, {in_use} in use",
            crate::model::count(lines.len(), "agreement", "agreements")
        ),
        theme.dim(),
    )];
    for (n, line) in lines.iter().enumerate().skip(first).take(height) {
        if theme.plain {
            // A sentence, and a mark before the chosen one. What it is and
            // since when first, so the words are what a narrow screen cuts;
            // the whole of them follows below, and in the focus line.
            let said = format!(
                "{}, made {}: {}",
                line.agreement.status.label(),
                date(app, line.agreement.made),
                line.agreement.text,
            );
            let marker = if n == selected { "› " } else { "  " };
            rows.push(Line::raw(text::fit(&format!("{marker}{said}"), width)));
            if n == selected {
                super::plain::say_focus(format!("{} of {}: {said}", n + 1, lines.len()));
            }
            continue;
        }
        let status = format!("[{}]", line.agreement.status.label());
        let from = format!("  {}", date(app, line.agreement.made));
        // Status, then the words, then the date at the right edge.
        let room = width.saturating_sub(10 + text::width(&from));
        let row = text::pad(
            &format!(
                "{} {}{from}",
                text::pad(&status, 9),
                text::pad(&line.agreement.text, room)
            ),
            width,
        );
        rows.push(if n == selected {
            Line::styled(row, theme.selected())
        } else if line.agreement.status == AgreementStatus::Retired {
            Line::styled(row, theme.dim())
        } else {
            Line::raw(row)
        });
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
            let [editor, rest] =
                Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(detail_area);
            let mut field = (**wording).clone();
            field.set_block(theme.block(
                " New words (Enter keeps them, Esc leaves them as they were) ",
                true,
            ));
            field.set_cursor_style(theme.cursor());
            field.set_placeholder_style(theme.placeholder());
            frame.render_widget(&field, editor);
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
