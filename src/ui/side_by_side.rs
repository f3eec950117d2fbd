//! The reveal: both partners' answers, step by step, in two columns (or one
//! after the other when the window is narrow).

use std::rc::Rc;

use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, text};
use crate::app::{App, Measured, OnPage, OpenPage, SideBySide};
use crate::compare::{Body, Section, change_text, gap_text, scale_text, sections, words};
use crate::keymap::{self, Action, KeyContext};
use crate::model::{PageStatus, Partner, Search};

/// Narrower than this, the two answers are shown one after the other.
const TWO_COLUMNS_FROM: usize = 56;
const GUTTER: &str = " │ ";

/// Draws the open page; reports how many lines it has and how many show,
/// so that the app keeps its scrolling within the page.
pub fn render(
    app: &App,
    screen: &OnPage<SideBySide>,
    cache: &mut PageLines,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) -> Measured {
    let OnPage { open, view } = screen;
    let area = area.inner(Margin::new(1, 0));
    let area = match &view.note {
        Some(note) => {
            let [page, box_area] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(7)]).areas(area);
            let block = theme.block(
                format!(
                    " A later note — {} adds it with today's date ",
                    keymap::says(KeyContext::LaterNote, Action::AddNote)
                ),
                true,
            );
            let inner = block.inner(box_area);
            frame.render_widget(block, box_area);
            super::editors::text_field(note, frame, inner.inner(Margin::new(1, 0)));
            page
        }
        None => area,
    };
    // Why a page is read-only stays in sight above it while it scrolls:
    // without it, answers tandem could not read look merely missing.
    let shut = open.access.reason().or(view.shut.as_deref());
    let area = match shut {
        Some(why) => {
            let warning = text::wrap_at_most(
                &format!("Read-only: {why}."),
                usize::from(area.width),
                usize::from(area.height / 3).max(1),
            );
            let rows = u16::try_from(warning.len()).unwrap_or(u16::MAX);
            let [top, page] =
                Layout::vertical([Constraint::Length(rows + 1), Constraint::Min(1)]).areas(area);
            let lines: Vec<Line> = warning
                .into_iter()
                .map(|l| Line::styled(l, theme.warning()))
                .collect();
            frame.render_widget(Paragraph::new(lines), top);
            page
        }
        None => area,
    };
    let peeking = view.resume.is_some();
    let lines = drawn_lines(cache, app, open, peeking, usize::from(area.width), theme);
    // Looked for once, when a page is opened from a search, not every frame.
    let first_match = (app.seeking_match() && !open.highlight.is_empty())
        .then(|| {
            let search = Search::new(&open.highlight);
            lines.iter().position(|line| {
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                search.is_in(&text)
            })
        })
        .flatten();
    // Where the page goes on below, the last row says so, so the words
    // further down are not missed (plain mode says it with the focus).
    let overflows = !theme.plain && lines.len() > usize::from(area.height) && area.height > 3;
    let rows = usize::from(area.height) - usize::from(overflows);
    let measured = Measured {
        rows,
        lines: lines.len(),
        first_match,
        too_small: false,
    };
    // Only the lines in sight are handed to the terminal.
    let scroll = usize::from(view.scroll).min(measured.max_scroll());
    let end = (scroll + measured.rows).min(lines.len());
    frame.render_widget(Paragraph::new(lines[scroll..end].to_vec()), area);
    if overflows {
        let below = lines.len() - end;
        let more = if below > 0 {
            format!("↓ {below} more lines below: PgDn or ↓")
        } else {
            "↑ the end of the page; PgUp or ↑ goes back up".to_string()
        };
        let last = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                text::fit(&more, usize::from(area.width)),
                theme.dim(),
            )),
            last,
        );
    }
    measured
}

/// What the lines of a page were worked out from.
#[derive(Clone, PartialEq)]
struct LinesOf {
    revision: u64,
    peeking: bool,
    width: usize,
    theme: Theme,
    highlight: String,
}

/// The lines of the page last drawn. Wrapping a long page again for every
/// key pressed (each scroll, each frame) would make the view lag, so they
/// are worked out once per change of the page (its revision), the width
/// or the colours. The terminal loop owns it, in [`super::RenderCache`],
/// and only drawing reads and fills it.
#[derive(Default)]
pub struct PageLines(Option<(LinesOf, Rc<[Line<'static>]>)>);

/// The page's lines at `width`, marked for its search words.
fn drawn_lines(
    cache: &mut PageLines,
    app: &App,
    open: &OpenPage,
    peeking: bool,
    width: usize,
    theme: Theme,
) -> Rc<[Line<'static>]> {
    let of = LinesOf {
        revision: open.revision(),
        peeking,
        width,
        theme,
        highlight: open.highlight.clone(),
    };
    match &cache.0 {
        Some((was, lines)) if *was == of => Rc::clone(lines),
        _ => {
            let lines: Rc<[Line<'static>]> = highlight(
                page_lines(app, open, peeking, width, theme),
                &Search::new(&open.highlight),
                theme.selected(),
            )
            .into();
            cache.0 = Some((of, Rc::clone(&lines)));
            lines
        }
    }
}

fn page_lines(
    app: &App,
    open: &OpenPage,
    peeking: bool,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let page = &open.page();
    let discussed = page.status() == PageStatus::Discussed;
    let mut lines = vec![Line::raw("")];
    lines.extend(
        text::wrap(
            &format!(
                "{} · started {}",
                page.title,
                super::date(app, page.started)
            ),
            width,
        )
        .into_iter()
        .map(|l| Line::styled(l, theme.heading())),
    );
    let revealed = crate::reveal::reveal(page);
    let lead = if revealed.is_none() {
        match &open.access {
            crate::journal::Access::ReadOnly(_) => {
                "Neither answer is shown: the two of you see both sides or neither. The file is left as it is."
            }
            _ if page.status() == PageStatus::BothDone => {
                "You have both finished. The answers open once each of you with a passphrase has typed it; neither side is shown before."
            }
            _ => "The answers are private until both partners have finished.",
        }
    } else if discussed {
        "What you each wrote, what you said back, and what you agreed."
    } else if peeking {
        "Your answers side by side, while you talk it over. Enter or Esc goes back to the step you were on."
    } else {
        "You have both finished. Here are your answers side by side: read them, then talk about what you notice. Press Enter when you are ready to go on together."
    };
    lines.extend(
        text::wrap(lead, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim())),
    );
    lines.push(Line::raw(""));
    let names = [
        page.entries[0].partner.clone(),
        page.entries[1].partner.clone(),
    ];
    let Some(revealed) = revealed else {
        return lines;
    };
    let sections = sections(revealed, app.open_exercise(), discussed);
    lines.extend(section_lines(&sections, &names, width, theme, &app.tz));
    if discussed && open.access == crate::journal::Access::Writable {
        lines.push(Line::styled(
            "Press a to add a later note; what you wrote back then stays as it was.",
            theme.dim(),
        ));
    }
    lines
}

/// The comparison as lines `width` columns wide.
pub fn section_lines(
    sections: &[Section],
    names: &[String; 2],
    width: usize,
    theme: Theme,
    tz: &TimeZone,
) -> Vec<Line<'static>> {
    // Names go into lines as they are, so they are made drawable first.
    let names = &names.clone().map(|n| text::drawable(&n).into_owned());
    let mut lines = Vec::new();
    for section in sections {
        for l in text::wrap(&section.heading, width) {
            lines.push(Line::styled(l, theme.heading()));
        }
        lines.extend(match &section.body {
            Body::Columns(answers) => {
                let headers = Partner::BOTH.map(|p| (names[p.index()].clone(), theme.partner(p)));
                columns_block(answers, headers, width, theme)
            }
            Body::ThenNow(answers) => Partner::BOTH
                .into_iter()
                .flat_map(|p| {
                    let headers = words::then_and_now(&names[p.index()])
                        .map(|header| (header, theme.partner(p)));
                    columns_block(&answers[p.index()], headers, width, theme)
                })
                .collect(),
            Body::Change(changes) => change_lines(changes, names, width, theme),
            Body::LaterNotes(notes) => later_note_lines(notes, width, theme, tz),
            Body::Scale { values, scale } => scale_lines(*values, scale, names, width, theme),
            Body::Checklist { both, only } => checklist_lines(both, only, names, width, theme),
            Body::Grid {
                columns,
                rows,
                scales,
            } => {
                let mut grid = grid_lines(columns, rows, names, width, theme);
                // The numbers say nothing without what their ends mean.
                for scale in scales {
                    grid.extend(
                        text::wrap(scale, width)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.dim())),
                    );
                }
                grid
            }
            Body::One {
                partner,
                lines: answer,
            } => one_lines(*partner, answer.as_deref(), names, width, theme),
            Body::Together(text) => match text {
                Some(t) if !t.trim().is_empty() => {
                    text::wrap(t, width).into_iter().map(Line::raw).collect()
                }
                _ => vec![Line::styled(words::NOTHING_WRITTEN, theme.dim())],
            },
            Body::Agreements(agreements) => agreement_lines(agreements, width, theme),
        });
        lines.push(Line::raw(""));
    }
    lines
}

/// Numbers then → now, per partner: a row each, in columns, or a sentence
/// each in plain mode.
fn change_lines(
    changes: &[crate::compare::ChangeLine],
    names: &[String; 2],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if changes.is_empty() {
        lines.push(Line::styled(words::NO_NUMBERS_ON_BOTH, theme.dim()));
    }
    let value_width = (width / 4).clamp(12, 22);
    let label_width = width.saturating_sub(2 * value_width).max(4);
    if theme.plain {
        // A sentence a row: what, then each partner's then → now.
        for change in changes {
            let label = if change.label.is_empty() {
                String::new()
            } else {
                format!("{}: ", change.label)
            };
            let sentence = format!(
                "{label}{} {}; {} {}",
                names[0],
                change_text(change, 0),
                names[1],
                change_text(change, 1)
            );
            lines.extend(text::wrap(&sentence, width).into_iter().map(Line::raw));
        }
    } else if changes.iter().any(|c| !c.label.is_empty()) {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(label_width)),
            Span::styled(
                text::pad(&names[0], value_width),
                theme.partner(Partner::First),
            ),
            Span::styled(
                text::pad(&names[1], value_width),
                theme.partner(Partner::Second),
            ),
        ]));
        // Each cell wraps in its own column, and a row is as tall as its
        // tallest cell: nothing is cut, nothing slides beside the next row.
        for change in changes {
            lines.extend(aligned_row([
                (vec![change.label.clone()], label_width, Style::default()),
                (vec![change_text(change, 0)], value_width, Style::default()),
                (vec![change_text(change, 1)], value_width, Style::default()),
            ]));
        }
    } else {
        for change in changes {
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", names[0]), theme.partner(Partner::First)),
                Span::raw(format!("{}    ", change_text(change, 0))),
                Span::styled(format!("{}: ", names[1]), theme.partner(Partner::Second)),
                Span::raw(change_text(change, 1)),
            ]));
        }
    }
    lines
}

/// Notes added after the page was finished, each under its day.
fn later_note_lines(
    notes: &[crate::model::LaterNote],
    width: usize,
    theme: Theme,
    tz: &TimeZone,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for note in notes {
        let when = crate::zone::day(note.when, tz);
        lines.push(Line::styled(format!("{when}:"), theme.dim()));
        for l in text::wrap(&note.text, width.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {l}")));
        }
    }
    lines
}

/// Both values on a scale, with how far apart they are and what the ends
/// mean.
fn scale_lines(
    values: [Option<i32>; 2],
    scale: &crate::model::ScaleDef,
    names: &[String; 2],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let show = |v: Option<i32>| match v {
        Some(v) => {
            // Dots are a picture; plain mode says the number.
            let bar = if theme.plain {
                String::new()
            } else {
                dots(v, scale)
            };
            format!("{bar}{}", scale_text(v, scale))
        }
        None => words::NO_ANSWER.to_string(),
    };
    if theme.columns_fit(width, TWO_COLUMNS_FROM) {
        let column = (width.saturating_sub(text::width(GUTTER))) / 2;
        lines.push(name_row(names, column, theme));
        lines.push(Line::from(vec![
            Span::raw(text::pad(&show(values[0]), column)),
            Span::styled(GUTTER, theme.dim()),
            Span::raw(text::pad(&show(values[1]), column)),
        ]));
    } else {
        for p in Partner::BOTH {
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", names[p.index()]), theme.partner(p)),
                Span::raw(show(values[p.index()])),
            ]));
        }
    }
    // What the ends mean, so a middle value can be read without going back
    // to the question.
    let ends = format!(
        "({} = {}, {} = {})",
        scale.min, scale.low, scale.max, scale.high
    );
    let under = match values {
        [Some(a), Some(b)] => format!("{} {ends}", gap_text(a, b, scale)),
        _ => ends,
    };
    for l in text::wrap(&under, width) {
        lines.push(Line::styled(l, theme.dim()));
    }
    lines
}

/// What both ticked, then what only one of them ticked.
fn checklist_lines(
    both: &[String],
    only: &[Vec<String>; 2],
    names: &[String; 2],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut group = |label: String, items: &[String], style| {
        lines.push(Line::styled(label, style));
        if items.is_empty() {
            lines.push(Line::styled("  (none)", theme.dim()));
        }
        for item in items {
            for (n, l) in text::wrap(item, width.saturating_sub(4))
                .into_iter()
                .enumerate()
            {
                let bullet = if n == 0 { "  • " } else { "    " };
                lines.push(Line::raw(format!("{bullet}{l}")));
            }
        }
    };
    group("Both of you:".to_string(), both, theme.text());
    group(
        format!("Only {}:", names[0]),
        &only[0],
        theme.partner(Partner::First),
    );
    group(
        format!("Only {}:", names[1]),
        &only[1],
        theme.partner(Partner::Second),
    );
    lines
}

/// One partner's move in a conversation taken in turns.
fn one_lines(
    partner: Partner,
    answer: Option<&[String]>,
    names: &[String; 2],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!("{}:", names[partner.index()]),
        theme.partner(partner),
    )];
    match answer {
        Some(parts) => lines.extend(
            text::wrap(&parts.join("\n"), width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::raw(format!("  {l}"))),
        ),
        None => lines.push(Line::styled(format!("  {}", words::NO_ANSWER), theme.dim())),
    }
    lines
}

/// The agreements written down, each with its status.
fn agreement_lines(
    agreements: &[crate::model::Agreement],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if agreements.is_empty() {
        lines.push(Line::styled(words::NO_AGREEMENTS, theme.dim()));
    }
    for agreement in agreements {
        let status = format!(" [{}]", agreement.status.label());
        let wrapped = text::wrap(&agreement.text, width.saturating_sub(4 + status.len()));
        for (n, l) in wrapped.into_iter().enumerate() {
            let bullet = if n == 0 { "  • " } else { "    " };
            let mut spans = vec![Span::raw(format!("{bullet}{l}"))];
            if n == 0 {
                spans.push(Span::styled(status.clone(), theme.dim()));
            }
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// Two answers in two columns under their headers, or one after the other
/// when the window is narrow.
fn columns_block(
    answers: &[Option<Vec<String>>; 2],
    headers: [(String, Style); 2],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let sides = answers.clone().map(|a| a.unwrap_or_default());
    if theme.columns_fit(width, TWO_COLUMNS_FROM) {
        let column = (width.saturating_sub(text::width(GUTTER))) / 2;
        lines.push(Line::from(vec![
            Span::styled(text::pad(&headers[0].0, column), headers[0].1),
            Span::styled(GUTTER, theme.dim()),
            Span::styled(text::pad(&headers[1].0, column), headers[1].1),
        ]));
        if sides.iter().all(Vec::is_empty) {
            lines.push(Line::from(vec![
                Span::styled(text::pad("(no answer)", column), theme.dim()),
                Span::styled(GUTTER, theme.dim()),
                Span::styled(text::pad("(no answer)", column), theme.dim()),
            ]));
            return lines;
        }
        // Lists go item beside item: the second item of one side starts
        // level with the second of the other, however long the first ones
        // wrap. Prose flows on in each column.
        let listed = sides.iter().flatten().all(|l| l.starts_with("• "));
        let groups: [Vec<Vec<String>>; 2] = sides.clone().map(|side| {
            if listed {
                side.into_iter().map(|item| vec![item]).collect()
            } else if side.is_empty() {
                Vec::new()
            } else {
                vec![side]
            }
        });
        let items = groups[0].len().max(groups[1].len());
        for i in 0..items {
            let cell = |p: usize| -> (Vec<String>, usize, Style) {
                match groups[p].get(i) {
                    Some(item) => (item.clone(), column, Style::default()),
                    None if i == 0 => (vec!["(no answer)".to_string()], column, theme.dim()),
                    None => (Vec::new(), column, Style::default()),
                }
            };
            let [left, right] = [cell(0), cell(1)];
            lines.extend(
                aligned_row([
                    left,
                    (vec![String::new()], text::width(GUTTER), theme.dim()),
                    right,
                ])
                .into_iter()
                .map(|line| gutter_in_place(line, theme)),
            );
        }
    } else {
        for (side, (header, style)) in sides.iter().zip(headers) {
            lines.push(Line::styled(format!("{header}:"), style));
            if side.is_empty() {
                lines.push(Line::styled("  (no answer)", theme.dim()));
                continue;
            }
            for l in text::hanging(side, width.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {l}")));
            }
        }
    }
    lines
}

/// Cells side by side, each wrapped to its width (a "• " item hangs), the
/// row as tall as its tallest cell.
fn aligned_row<const N: usize>(cells: [(Vec<String>, usize, Style); N]) -> Vec<Line<'static>> {
    let wrapped = cells
        .iter()
        .map(|(lines, width, _)| text::hanging(lines, *width))
        .collect::<Vec<_>>();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
    (0..height)
        .map(|row| {
            Line::from(
                cells
                    .iter()
                    .zip(&wrapped)
                    .map(|((_, width, style), lines)| {
                        Span::styled(
                            text::pad(lines.get(row).map_or("", String::as_str), *width),
                            *style,
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// A row of [`aligned_row`] whose middle cell is the gutter: drawn as the
/// gutter's line on every row.
fn gutter_in_place(mut line: Line<'static>, theme: Theme) -> Line<'static> {
    if let Some(gutter) = line.spans.get_mut(1) {
        *gutter = Span::styled(GUTTER, theme.dim());
    }
    line
}

/// Marks every place the search finds, for a page opened from a search.
pub fn highlight(lines: Vec<Line<'static>>, search: &Search, style: Style) -> Vec<Line<'static>> {
    if search.is_empty() {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            let mut spans = Vec::new();
            for span in line.spans {
                let content = span.content.to_string();
                let mut rest = 0;
                for found in search.find_all(&content) {
                    if found.start > rest {
                        spans.push(Span::styled(
                            content[rest..found.start].to_string(),
                            span.style,
                        ));
                    }
                    spans.push(Span::styled(content[found.clone()].to_string(), style));
                    rest = found.end;
                }
                if rest == 0 {
                    spans.push(span);
                } else if rest < content.len() {
                    spans.push(Span::styled(content[rest..].to_string(), span.style));
                }
            }
            Line::from(spans).style(line.style)
        })
        .collect()
}

fn name_row(names: &[String; 2], column: usize, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(text::pad(&names[0], column), theme.partner(Partner::First)),
        Span::styled(GUTTER, theme.dim()),
        Span::styled(text::pad(&names[1], column), theme.partner(Partner::Second)),
    ])
}

fn grid_lines(
    columns: &[String],
    rows: &[crate::compare::GridLine],
    names: &[String; 2],
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if rows.is_empty() {
        lines.push(Line::styled("(no answers)", theme.dim()));
        return lines;
    }
    let value = |v: &[String]| v.join(" / ");
    if theme.plain {
        return plain_grid_lines(columns, rows, names, width);
    }
    let value_width = rows
        .iter()
        .flat_map(|r| r.values.iter().map(|v| text::width(&value(v))))
        .chain(names.iter().map(|n| text::width(n)))
        .max()
        .unwrap_or(4)
        .min(width / 4)
        .max(4);
    let longest = rows
        .iter()
        .map(|r| text::width(&r.label))
        .max()
        .unwrap_or(6);
    let label_width = width
        .saturating_sub(2 * (value_width + 2) + 2)
        .min(longest + 2)
        .max(6);
    if columns.len() > 1 {
        lines.push(Line::styled(
            text::fit(&format!("Each value: {}", columns.join(" / ")), width),
            theme.dim(),
        ));
    }
    // Each name starts where its values start: after the row's mark, its
    // label and the two spaces before a value.
    lines.push(Line::from(vec![
        Span::raw(" ".repeat(label_width + 4)),
        Span::styled(
            text::pad(&names[0], value_width + 2),
            theme.partner(Partner::First),
        ),
        Span::styled(
            text::pad(&names[1], value_width),
            theme.partner(Partner::Second),
        ),
    ]));
    for row in rows {
        let mark = row.mark().map_or("  ".to_string(), |m| format!("{m} "));
        lines.push(Line::from(vec![
            Span::styled(mark, theme.key()),
            Span::raw(text::pad(&row.label, label_width)),
            Span::raw(text::pad(
                &format!("  {}", value(&row.values[0])),
                value_width + 2,
            )),
            Span::raw(text::pad(
                &format!("  {}", value(&row.values[1])),
                value_width + 2,
            )),
        ]));
    }
    let legend: Vec<String> = crate::compare::grid_legend(rows)
        .into_iter()
        .map(|(mark, means)| format!("{mark} {means}"))
        .collect();
    // On one line where it fits; otherwise a line for each mark.
    let joined = legend.join(" · ");
    let legend = if text::width(&joined) <= width {
        vec![joined]
    } else {
        legend.iter().flat_map(|l| text::wrap(l, width)).collect()
    };
    lines.extend(legend.into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

/// A grid as sentences, one row after another: "Money: Alex 3, Sam 5
/// (you answered differently)".
fn plain_grid_lines(
    columns: &[String],
    rows: &[crate::compare::GridLine],
    names: &[String; 2],
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if columns.len() > 1 {
        lines.extend(
            text::wrap(&format!("Each answer: {}", columns.join(", then ")), width)
                .into_iter()
                .map(Line::raw),
        );
    }
    let legend = crate::compare::grid_legend(rows);
    for row in rows {
        let answer = |p: usize| {
            let values = row.values[p].join(", ");
            let values = if values.trim().is_empty() || values.trim() == "–" {
                "no answer".to_string()
            } else {
                values
            };
            format!("{} {values}", names[p])
        };
        let why = row
            .mark()
            .and_then(|mark| legend.iter().find(|(m, _)| *m == mark))
            .map(|(_, means)| format!(" ({means})"))
            .unwrap_or_default();
        let label = row.label.trim_end_matches(['.', ':']);
        let sentence = format!("{label}: {}; {}{why}", answer(0), answer(1));
        lines.extend(text::wrap(&sentence, width).into_iter().map(Line::raw));
    }
    lines
}

/// A short scale's value as dots, with a space after: a scale from 0 has a
/// dot for each step up (7 of 10 fills seven, 0 none); one from 1 has a dot
/// for each value. Long scales have none.
fn dots(value: i32, scale: &crate::model::ScaleDef) -> String {
    if scale.max - scale.min > 10 {
        return String::new();
    }
    let first = if scale.min == 0 { 1 } else { scale.min };
    let filled = usize::try_from(value - first + 1).unwrap_or(0);
    let total = usize::try_from(scale.max - first + 1).unwrap_or(0);
    format!(
        "{}{} ",
        "●".repeat(filled.min(total)),
        "○".repeat(total.saturating_sub(filled))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(min: i32, max: i32) -> crate::model::ScaleDef {
        crate::model::ScaleDef {
            min,
            max,
            low: String::new(),
            high: String::new(),
            unit: String::new(),
        }
    }

    #[test]
    fn dots_count_what_the_number_says() {
        assert_eq!(dots(7, &scale(0, 10)), "●●●●●●●○○○ ");
        assert_eq!(dots(0, &scale(0, 10)), "○○○○○○○○○○ ");
        assert_eq!(dots(4, &scale(1, 5)), "●●●●○ ");
        assert_eq!(dots(12, &scale(0, 40)), "");
    }
}
