use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use crate::app::Onboarding;

const WELCOME: &str = "tandem is a workbook for the two of you. Each exercise is short: you each answer on your own, then you see both answers side by side and talk about what you notice. Everything stays in a journal on this computer that only you two own.\n\nIt is a reflection aid, not therapy and not a diagnosis.";

/// Said when the names are changed later.
const RENAMING: &str = "These are the names tandem uses for you from now on. Pages already written keep the names they were written with, as they were written.";

pub fn render(o: &Onboarding, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered_horizontally(Constraint::Max(76));
    let width = usize::from(area.width);
    let (title, words) = if o.renaming.is_some() {
        ("Your names", RENAMING)
    } else {
        ("Welcome to tandem", WELCOME)
    };
    let intro_height: usize = words
        .split('\n')
        .map(|p| super::text::wrap(p, width).len())
        .sum::<usize>()
        + 5;
    let [intro, first, second, message] = Layout::vertical([
        Constraint::Max(u16::try_from(intro_height).unwrap_or(u16::MAX)),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(area);
    let mut lines = vec![Line::styled(title, theme.title()), Line::raw("")];
    lines.extend(words.split('\n').map(Line::raw));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "What are your names? Any spelling, any script.",
        theme.heading(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), intro);
    for (i, area) in [first, second].into_iter().enumerate() {
        let mut field = o.names[i].clone();
        let focused = o.focus == i;
        let label = if i == 0 {
            " First partner "
        } else {
            " Second partner "
        };
        field.set_block(theme.block(label, focused));
        field.set_placeholder_style(theme.placeholder());
        field.set_cursor_style(if focused {
            theme.cursor()
        } else {
            theme.text()
        });
        super::editors::text_field(&field, frame, area);
    }
    if let Some(error) = &o.error {
        frame.render_widget(
            Paragraph::new(Line::styled(error.as_str(), theme.warning())).wrap(Wrap { trim: true }),
            message,
        );
    }
}
