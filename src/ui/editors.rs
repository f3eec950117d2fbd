//! Drawing the editor of each field kind.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::{Theme, text};
use crate::app::FieldEditor;
use crate::app::editor::{ChecklistEditor, ChoiceEditor, GridEditor, ListEditor, ScaleEditor};
use crate::compare::{scale_text, value_text};
use crate::model::{ChoiceDef, ColumnKind, Field, GridDef, ScaleDef};

pub fn render(editor: &FieldEditor, field: &Field, theme: Theme, frame: &mut Frame, area: Rect) {
    let block = theme.block("", true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match (editor, field) {
        (FieldEditor::Text(area), _) => text_field(area, frame, inner.inner(Margin::new(1, 0))),
        (FieldEditor::List(list), _) => render_list(list, theme, frame, inner),
        (FieldEditor::Scale(scale), Field::Scale(def)) => {
            render_scale(scale, def, theme, frame, inner);
        }
        (FieldEditor::Choice(choice), Field::Choice(def)) => {
            render_choice(choice, def, theme, frame, inner);
        }
        (FieldEditor::Checklist(list), Field::Checklist(def)) => {
            render_checklist(list, def, theme, frame, inner);
        }
        (FieldEditor::Grid(grid), Field::Grid(def)) => render_grid(grid, def, theme, frame, inner),
        _ => {}
    }
}

/// The first line to show so that `selected` stays in a view of `height`.
fn scroll_for(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

/// Draws a text box. Empty, its placeholder starts where the first typed
/// letter will, under the cursor, rather than one column to the right of
/// it (the text box crate puts the cursor before the placeholder).
pub fn text_field(field: &TextArea<'_>, frame: &mut Frame, area: Rect) {
    frame.render_widget(field, area);
    if !field.is_empty() || field.placeholder_text().is_empty() {
        return;
    }
    let inner = field.block().map_or(area, |block| block.inner(area));
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let buffer = frame.buffer_mut();
    let y = inner.y;
    for x in inner.left()..inner.right() - 1 {
        let next = buffer[(x + 1, y)].clone();
        buffer[(x, y)] = next;
    }
    buffer[(inner.right() - 1, y)].reset();
    buffer[(inner.x, y)].set_style(field.cursor_style());
}

fn render_list(list: &ListEditor, theme: Theme, frame: &mut Frame, area: Rect) {
    let height = usize::from(area.height).max(1);
    let width = usize::from(area.width);
    let inner = width.saturating_sub(2).max(1);
    // Every item wraps: the one being written as tall as its words (up to
    // the whole area), the others up to four lines, the last ending in
    // "…" when more is hidden. Nothing scrolls sideways.
    let rows: Vec<Vec<String>> = list
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if i == list.selected {
                let typed = crate::app::editor::text_of(&list.line);
                let tall = text::wrap_at_most(&typed, inner, height).len().max(1);
                vec![String::new(); tall]
            } else {
                text::hanging_at_most(&[format!("• {item}")], width, 4.min(height))
            }
        })
        .collect();
    let first = first_shown(&rows, list.selected, height);
    let mut lines: Vec<Line> = Vec::new();
    let mut editor_at = 0;
    for (i, item) in rows.iter().enumerate().skip(first) {
        if i == list.selected {
            editor_at = lines.len();
            lines.push(Line::styled("› ", theme.key()));
            lines.extend(item.iter().skip(1).map(|_| Line::raw("")));
        } else {
            lines.extend(item.iter().map(|l| Line::raw(l.clone())));
        }
        if lines.len() >= height {
            break;
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
    let tall = rows.get(list.selected).map_or(1, Vec::len);
    let editor_at = u16::try_from(editor_at).unwrap_or(0);
    let line_area = Rect {
        x: area.x + 2,
        y: area.y + editor_at,
        width: area.width.saturating_sub(2),
        height: u16::try_from(tall)
            .unwrap_or(1)
            .min(area.height.saturating_sub(editor_at))
            .max(1),
    };
    text_field(&list.line, frame, line_area);
}

/// The first item to draw so that the chosen one shows whole, with as
/// many of the items before it as fit above.
fn first_shown(rows: &[Vec<String>], selected: usize, height: usize) -> usize {
    let mut first = selected.min(rows.len().saturating_sub(1));
    let mut used = rows.get(first).map_or(1, Vec::len);
    while first > 0 && used + rows[first - 1].len() <= height {
        first -= 1;
        used += rows[first].len();
    }
    first
}

fn render_scale(scale: &ScaleEditor, def: &ScaleDef, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut lines = vec![Line::raw("")];
    let span = def.max - def.min;
    if span <= 10 {
        let mut spans = vec![Span::styled(format!("{}  ", def.low), theme.dim())];
        for v in def.min..=def.max {
            let label = v.to_string();
            if scale.value == Some(v) {
                spans.push(Span::styled(format!("[{label}]"), theme.selected()));
            } else {
                spans.push(Span::raw(format!(" {label} ")));
            }
        }
        spans.push(Span::styled(format!("  {}", def.high), theme.dim()));
        lines.push(Line::from(spans));
    } else {
        lines.push(Line::styled(
            format!("{} = {}   …   {} = {}", def.min, def.low, def.max, def.high),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    // Plain mode marks the answer as the focus, so it is said as it changes.
    let mark = if theme.plain { "› " } else { "" };
    lines.push(match scale.value {
        Some(v) => Line::from(vec![
            Span::raw(format!("{mark}Your answer: ")),
            Span::styled(scale_text(v, def), theme.heading()),
        ]),
        None => Line::styled(
            format!("{mark}Not answered yet: use ← → or type a number."),
            theme.dim(),
        ),
    });
    if let Some(why) = &scale.refused {
        lines.push(Line::styled(why.as_str(), theme.warning()));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        area.inner(Margin::new(1, 0)),
    );
}

fn option_lines<'a>(
    def: &'a ChoiceDef,
    cursor: usize,
    theme: Theme,
    mark: impl Fn(&str) -> (&'static str, &'static str),
) -> Vec<Line<'a>> {
    def.options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let (symbol, words) = mark(&option.id);
            // Plain mode says in words what the box drawn around a mark says.
            let text = if theme.plain {
                let words = if words.is_empty() {
                    String::new()
                } else {
                    format!(", {words}")
                };
                let said = format!("{} {}{words}", i + 1, option.label);
                if i == cursor {
                    super::plain::say_focus(said.clone());
                }
                said
            } else {
                format!("{symbol} {}  {}", i + 1, option.label)
            };
            if i == cursor {
                Line::styled(format!("› {text}"), theme.selected())
            } else {
                Line::raw(format!("  {text}"))
            }
        })
        .collect()
}

fn render_choice(
    choice: &ChoiceEditor,
    def: &ChoiceDef,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = option_lines(def, choice.cursor, theme, |id| {
        if choice.chosen.as_deref() == Some(id) {
            ("(•)", "chosen")
        } else {
            ("( )", "")
        }
    });
    render_options(lines, choice.cursor, theme, frame, area);
}

/// The options in view around the cursor; when not all fit, the last line
/// says how many more there are, and where.
fn render_options(lines: Vec<Line>, cursor: usize, theme: Theme, frame: &mut Frame, area: Rect) {
    let height = usize::from(area.height);
    if lines.len() <= height {
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let rows = height.saturating_sub(1).max(1);
    let first = scroll_for(cursor, rows);
    let above = first;
    let below = lines.len().saturating_sub(first + rows);
    let more = match (above, below, theme.plain) {
        (0, n, false) => format!("↓ {n} more"),
        (n, 0, false) => format!("↑ {n} more"),
        (a, b, false) => format!("↑ {a} more · ↓ {b} more"),
        (0, n, true) => format!("{n} more below"),
        (n, 0, true) => format!("{n} more above"),
        (a, b, true) => format!("{a} more above, {b} more below"),
    };
    let mut shown: Vec<Line> = lines.into_iter().skip(first).take(rows).collect();
    shown.push(Line::styled(format!("  {more}"), theme.dim()));
    frame.render_widget(Paragraph::new(shown), area);
}

fn render_checklist(
    list: &ChecklistEditor,
    def: &ChoiceDef,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = option_lines(def, list.cursor, theme, |id| {
        if list.is_chosen(id) {
            ("[x]", "ticked")
        } else {
            ("[ ]", "not ticked")
        }
    });
    render_options(lines, list.cursor, theme, frame, area);
}

fn column_width(kind: &ColumnKind, label: &str) -> usize {
    let values = match kind {
        ColumnKind::Choice(def) => def.options.iter().map(|o| text::width(&o.label)).max(),
        ColumnKind::Scale(def) => Some(def.max.to_string().len().max(def.min.to_string().len())),
    };
    values.unwrap_or(1).max(text::width(label)).min(18) + 2
}

/// The columns a grid shows in `room` cells: all when they fit, or as many
/// as fit around the one the cursor is in, so that what is typed is always
/// in sight.
fn shown_columns(widths: &[usize], cursor: usize, room: usize) -> std::ops::Range<usize> {
    let cursor = cursor.min(widths.len().saturating_sub(1));
    let mut first = 0;
    while first < cursor && widths[first..=cursor].iter().sum::<usize>() > room {
        first += 1;
    }
    let mut end = first;
    let mut used = 0;
    while end < widths.len() && (end <= cursor || used + widths[end] <= room) {
        used += widths[end];
        end += 1;
    }
    first..end
}

fn render_grid(grid: &GridEditor, def: &GridDef, theme: Theme, frame: &mut Frame, area: Rect) {
    // Plain mode says every column in each row's sentence: no widths to
    // fit, no columns left out.
    if theme.plain {
        render_plain_grid(grid, def, frame, area);
        return;
    }
    let widths: Vec<usize> = def
        .columns
        .iter()
        .map(|c| column_width(&c.kind, &c.label))
        .collect();
    let total = usize::from(area.width);
    let shown = shown_columns(&widths, grid.column, total.saturating_sub(10));
    let longest = grid
        .rows
        .iter()
        .map(|r| text::width(&r.label))
        .max()
        .unwrap_or(8);
    let label_width = total
        .saturating_sub(widths[shown.clone()].iter().sum::<usize>() + 2)
        .min(longest + 2)
        .max(8);
    // Where the cursor is, in a long grid, and that columns were left out
    // for want of room: those first, as they matter more where room is short.
    let more = match (shown.start > 0, shown.end < widths.len()) {
        (true, true) => "← → more columns · ",
        (true, false) => "← more columns · ",
        (false, true) => "more columns → · ",
        (false, false) => "",
    };
    let position = format!("{more}row {} of {}", grid.row + 1, grid.rows.len());
    let mut header = vec![Span::styled(
        text::pad(&text::fit(&position, label_width + 1), label_width + 2),
        theme.dim(),
    )];
    for (column, w) in def.columns[shown.clone()]
        .iter()
        .zip(&widths[shown.clone()])
    {
        header.push(Span::styled(text::pad(&column.label, *w), theme.heading()));
    }
    let mut lines = vec![Line::from(header)];
    let legend = column_legend(def, theme.plain);

    let reserved = 2 + legend.len() + usize::from(grid.adding.is_some());
    let height = usize::from(area.height).saturating_sub(reserved).max(1);
    let mut body: Vec<Line> = Vec::new();
    // The group each line belongs to, and whether it is the group's name.
    let mut groups: Vec<(&str, bool)> = Vec::new();
    let mut selected_line = 0;
    let mut selected_end = 0;
    let mut group = "";
    for (i, row) in grid.rows.iter().enumerate() {
        if row.group != group && !row.group.is_empty() {
            body.push(Line::styled(text::fit(&row.group, total), theme.title()));
            groups.push((&row.group, true));
        }
        group = &row.group;
        groups.push((group, false));
        let selected_row = i == grid.row;
        if selected_row {
            selected_line = body.len();
        }
        let marker = if selected_row { "› " } else { "  " };
        let label_style = if selected_row {
            theme.heading()
        } else {
            theme.text()
        };
        // A long label (an agreement under review) wraps under itself, the
        // values on its first line; three lines at most.
        let label = text::wrap_at_most(&row.label, label_width.max(1), 3);
        let mut spans = vec![Span::styled(
            text::pad(
                &format!("{marker}{}", label.first().map_or("", String::as_str)),
                label_width + 2,
            ),
            label_style,
        )];
        for (c, (column, w)) in def
            .columns
            .iter()
            .zip(&widths)
            .enumerate()
            .filter(|(c, _)| shown.contains(c))
        {
            let value = value_text(&column.kind, row.values.get(&column.id), "·");
            let style = if selected_row && c == grid.column {
                theme.selected()
            } else {
                theme.text()
            };
            spans.push(Span::styled(text::pad(&format!(" {value}"), *w), style));
        }
        body.push(Line::from(spans));
        for more in label.iter().skip(1) {
            body.push(Line::styled(format!("  {more}"), label_style));
            groups.push((group, false));
        }
        if selected_row {
            selected_end = body.len() - 1;
        }
    }
    // Scrolled past a group's name, the name stays on the first line; the
    // chosen row shows whole.
    let selected_line = selected_end.min(selected_line + height.saturating_sub(1));
    let mut first = scroll_for(selected_line, height);
    let sticky = |first: usize| match groups.get(first) {
        Some((name, false)) if first > 0 && !name.is_empty() => Some(*name),
        _ => None,
    };
    if sticky(first).is_some() && height > 1 {
        first = scroll_for(selected_line, height - 1);
    }
    let lines_in_body = body.len();
    let shown = match sticky(first).filter(|_| height > 1) {
        Some(name) => {
            lines.push(Line::styled(
                text::fit(&format!("{name} (continued)"), total),
                theme.title(),
            ));
            lines.extend(body.into_iter().skip(first).take(height - 1));
            height - 1
        }
        None => {
            lines.extend(body.into_iter().skip(first).take(height));
            height
        }
    };
    // Rows out of sight below are said, so none is left unanswered unseen.
    let below = lines_in_body.saturating_sub(first + shown);
    lines.push(if below > 0 {
        Line::styled(
            text::fit(&format!("  ↓ more below ({below} more lines)"), total),
            theme.dim(),
        )
    } else {
        Line::raw("")
    });
    for l in legend {
        lines.push(Line::styled(text::fit(&l, total), theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), area);
    render_adding(grid, theme.key(), frame, area);
}

/// A row as plain mode reads it: its label, then each column named with
/// its value; with several columns, the one the keys change says so.
fn plain_row(grid: &GridEditor, def: &GridDef, index: usize, with_change: bool) -> String {
    let Some(row) = grid.rows.get(index) else {
        return String::new();
    };
    let several = def.columns.len() > 1;
    let values: Vec<String> = def
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let value = value_text(&column.kind, row.values.get(&column.id), "");
            let value = if value.trim().is_empty() {
                "not answered".to_string()
            } else {
                value
            };
            let here = if with_change && several && c == grid.column {
                " (changing)"
            } else {
                ""
            };
            format!("{}: {value}", column.label) + here
        })
        .collect();
    format!("{} — {}", row.label, values.join("; "))
}

/// The grid in plain mode: where the cursor is and what the last key
/// set, then one sentence a row, the chosen one marked.
fn render_plain_grid(grid: &GridEditor, def: &GridDef, frame: &mut Frame, area: Rect) {
    let total = usize::from(area.width);
    let mut head = format!("Row {} of {}.", grid.row + 1, grid.rows.len());
    if let Some((row, _)) = grid.last_set.filter(|set| *set != (grid.row, grid.column)) {
        head.push_str(&format!(" Just set: {}.", plain_row(grid, def, row, false)));
    }
    let mut lines: Vec<Line> = text::wrap(&head, total)
        .into_iter()
        .map(Line::raw)
        .collect();
    let legend = column_legend(def, true);
    let reserved = lines.len() + 1 + legend.len() + usize::from(grid.adding.is_some());
    let height = usize::from(area.height).saturating_sub(reserved).max(1);
    let mut body: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut group = "";
    for (i, row) in grid.rows.iter().enumerate() {
        if row.group != group && !row.group.is_empty() {
            body.push(Line::raw(text::fit(&row.group, total)));
        }
        group = &row.group;
        if i == grid.row {
            selected_line = body.len();
        }
        let marker = if i == grid.row { "› " } else { "  " };
        let row = plain_row(grid, def, i, i == grid.row);
        body.push(Line::raw(text::fit(&format!("{marker}{row}"), total)));
        if i == grid.row {
            super::plain::say_focus(row);
        }
    }
    let first = scroll_for(selected_line, height);
    lines.extend(body.into_iter().skip(first).take(height));
    lines.push(Line::raw(""));
    lines.extend(legend.iter().map(|l| Line::raw(text::fit(l, total))));
    frame.render_widget(Paragraph::new(lines), area);
    render_adding(grid, Style::default(), frame, area);
}

/// What each column's values mean, a line per column; in words where
/// `plain`, where a dot or an ellipsis would be read out as a symbol.
fn column_legend(def: &GridDef, plain: bool) -> Vec<String> {
    let (between, to) = if plain { (", ", "to") } else { (" · ", "…") };
    def.columns
        .iter()
        .map(|column| {
            let options = match &column.kind {
                ColumnKind::Choice(choice) => choice
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| format!("{} {}", i + 1, o.label))
                    .collect::<Vec<_>>()
                    .join(between),
                ColumnKind::Scale(s) => format!("{} {} {to} {} {}", s.min, s.low, s.max, s.high),
            };
            format!("{}: {options}", column.label)
        })
        .collect()
}

/// The name of a row being added, on the grid's last line.
fn render_adding(grid: &GridEditor, label: Style, frame: &mut Frame, area: Rect) {
    let Some(adding) = &grid.adding else {
        return;
    };
    let y = area.y + area.height.saturating_sub(1);
    frame.render_widget(
        Paragraph::new(Line::styled("New row: ", label)),
        Rect {
            x: area.x,
            y,
            width: 9.min(area.width),
            height: 1,
        },
    );
    text_field(
        adding,
        frame,
        Rect {
            x: area.x + 9,
            y,
            width: area.width.saturating_sub(9),
            height: 1,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::shown_columns;

    #[test]
    fn the_cursor_column_is_always_shown() {
        let widths = [12, 12, 18];
        assert_eq!(shown_columns(&widths, 0, 60), 0..3, "all fit");
        assert_eq!(shown_columns(&widths, 0, 30), 0..2);
        assert_eq!(shown_columns(&widths, 2, 30), 1..3);
        assert_eq!(
            shown_columns(&widths, 2, 10),
            2..3,
            "even too narrow for one"
        );
    }
}
