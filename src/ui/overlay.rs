use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Theme, text};
use crate::app::{App, Measured, Overlay};
use crate::model::SafetyLine;

/// Draws the box, scrolled as far as the app says; reports how much of it
/// shows, so that the app keeps its scrolling within it.
pub fn render(
    app: &App,
    overlay: &Overlay,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) -> Measured {
    let (title, lines) = match overlay {
        Overlay::Help(context) => {
            let bindings = app.available_keys(*context);
            let hints: Vec<(String, &str)> = bindings.iter().map(|b| (b.label(), b.help)).collect();
            let key_width = hints.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0) + 2;
            // A long line goes on under its own words, not under the keys.
            let room = usize::from(box_width(area).saturating_sub(4))
                .saturating_sub(key_width)
                .max(12);
            let mut lines: Vec<Line> = Vec::new();
            for (keys, what) in hints {
                for (i, part) in text::wrap(what, room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.as_str() } else { "" };
                    lines.push(Line::from(vec![
                        Span::styled(text::pad(keys, key_width), theme.key()),
                        Span::raw(part),
                    ]));
                }
            }
            lines.push(Line::raw(""));
            let typing = if context.takes_text() {
                "Every other key is text here, ? and q too; F1 always shows this."
            } else {
                "Keys not listed here do nothing on this screen."
            };
            lines.push(Line::styled(typing, theme.dim()));
            ("Keys", lines)
        }
        Overlay::Safety => safety_lines(app, theme),
        Overlay::Message { title, body } => {
            let mut lines: Vec<Line> = body.split('\n').map(Line::raw).collect();
            lines.push(Line::raw(""));
            lines.push(Line::styled("Enter or Esc to close", theme.dim()));
            (title.as_str(), lines)
        }
        Overlay::SafeToAnswer { body } => {
            let mut lines: Vec<Line> = body.split('\n').map(Line::raw).collect();
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "y yes · u not sure · n no · ! when it does not feel safe",
                theme.key(),
            ));
            ("Just for you", lines)
        }
        Overlay::Confirm { title, body, .. } => {
            // The question's last line says what its keys do.
            let lines: Vec<Line> = body.split('\n').map(Line::raw).collect();
            (title.as_str(), lines)
        }
        Overlay::Recovery(found) => {
            let mut lines = vec![Line::raw(
                "Last time, some of what you wrote could not be saved in the journal, so tandem kept it aside:",
            )];
            lines.push(Line::raw(""));
            for item in found {
                lines.push(Line::raw(format!(
                    "• {} ({}), because {}",
                    item.recovery.describe(),
                    item.recovery
                        .saved
                        .to_zoned(app.tz.clone())
                        .strftime("%-d %b %Y %H:%M"),
                    item.recovery.reason
                )));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Enter puts it back into the journal · Esc leaves it for now",
                theme.dim(),
            ));
            ("Kept from last time", lines)
        }
    };
    let width = box_width(area);
    let inner_width = usize::from(width.saturating_sub(4)).max(1);
    let wrapped: usize = lines
        .iter()
        .map(|l| text::wrap(&l.to_string(), inner_width).len().max(1))
        .sum();
    let height = u16::try_from(wrapped + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    let measured = Measured {
        rows: usize::from(popup.height.saturating_sub(2)),
        lines: wrapped,
        ..Measured::default()
    };
    let scroll = usize::from(app.box_scroll).min(measured.max_scroll());
    let mut block = Block::bordered()
        .title(Line::styled(format!(" {} ", text::drawable(title)), theme.heading()).centered())
        .border_style(theme.border(true))
        .padding(ratatui::widgets::Padding::horizontal(1));
    // Where more is hidden, the border says so.
    if scroll + measured.rows < measured.lines {
        block = block.title_bottom(Line::styled(" ↓ more ", theme.key()).right_aligned());
    }
    if scroll > 0 {
        block = block.title_top(Line::styled(" ↑ ", theme.key()).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
    measured
}

/// The safety screen, from its words in the content folder.
fn safety_lines(app: &App, theme: Theme) -> (&str, Vec<Line<'static>>) {
    let Some(guide) = app.library.safety() else {
        // Only a broken build gets here: the words are built in.
        let lines = vec![
            Line::raw("The safety screen's words could not be read."),
            Line::raw(
                "In danger right now: call your local emergency number (911, 999, 112, 000).",
            ),
        ];
        return ("When it does not feel safe", lines);
    };
    let shown = |s: &str| text::drawable(s).into_owned();
    let mut lines: Vec<Line<'static>> = guide
        .lines()
        .into_iter()
        .map(|line| match line {
            SafetyLine::Heading(h) => Line::styled(shown(h), theme.heading()),
            SafetyLine::Text(t) => Line::raw(shown(t)),
            SafetyLine::Service(service) => Line::from(vec![
                Span::raw("• "),
                Span::styled(shown(&service.name), theme.title()),
                Span::raw(format!(
                    " ({}): {}",
                    shown(&service.region),
                    shown(&service.reach)
                )),
            ]),
            SafetyLine::Blank => Line::raw(""),
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "Contact details checked {}. Enter or Esc to close; Ctrl-Q closes tandem at once.",
            shown(&guide.checked)
        ),
        theme.dim(),
    ));
    (guide.title.as_str(), lines)
}

/// How wide a box is drawn over `area`.
fn box_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(72)
}
