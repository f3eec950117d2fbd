//! The journal: every page by date, filtered and searched.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::side_by_side::highlight;
use super::{Theme, date, text};
use crate::app::{App, Filter, PageSummary, Snippet};
use crate::keymap::{self, Action, KeyContext};
use crate::model::{Partner, Search};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let view = &app.journal_view;
    let area = area.inner(Margin::new(1, 0));
    let [filters, search, count, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if view.search.is_some() { 3 } else { 1 }),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let width = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(Line::styled(
            text::fit(&filter_text(app, &view.filter, width), width),
            theme.dim(),
        )),
        filters,
    );
    match &view.search {
        Some(area) => {
            let block = theme.block(" Search ", true);
            let inner = block.inner(search);
            frame.render_widget(block, search);
            super::editors::text_field(area, frame, inner);
        }
        None => {
            let line = if view.filter.query.is_empty() {
                Line::from(vec![
                    Span::styled("/", theme.key()),
                    Span::styled(" to search every answer, note and agreement", theme.dim()),
                ])
            } else {
                Line::from(vec![
                    Span::raw("Search: "),
                    Span::styled(view.filter.query.clone(), theme.selected()),
                    Span::styled(
                        format!(
                            "   ({} clears)",
                            keymap::says(KeyContext::Journal, Action::Back)
                        ),
                        theme.dim(),
                    ),
                ])
            };
            frame.render_widget(Paragraph::new(line), search);
        }
    }
    let mut counted = format!(
        "{} of {}",
        view.matches.len(),
        crate::model::count(app.journal.pages.len(), "page", "pages")
    );
    if let Some(reading) = app.journal.still_reading() {
        counted.push_str(&format!(" ({reading})"));
    }
    if !app.journal.unreadable.is_empty() {
        counted.push_str(&format!(
            " · {} could not be read: see home or `tandem check`",
            crate::model::count(app.journal.unreadable.len(), "file", "files")
        ));
    }
    if let Some(marked) = view
        .marked
        .as_ref()
        .and_then(|id| app.journal.pages.iter().find(|p| &p.id == id))
    {
        counted.push_str(&format!(
            " · marked: {} of {}",
            marked.title,
            date(app, marked.started)
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::styled(text::fit(&counted, width), theme.dim())),
        count,
    );

    let height = usize::from(list.height);
    if view.matches.is_empty() {
        let filter = &view.filter;
        let message = if !app.journal.unreadable.is_empty() && app.journal.pages.is_empty() {
            "No page could be read; the files are listed on the home screen and by `tandem check`."
                .to_string()
        } else if app.journal.pages.is_empty() && !app.journal.is_loading() {
            "No pages yet. Start an exercise from home (n).".to_string()
        } else if app.journal.is_loading() && filter.is_empty() {
            "Still reading the journal: pages appear here as they are read.".to_string()
        } else {
            let clear = keymap::says(KeyContext::Journal, Action::ClearFilters);
            let clear_search = keymap::says(KeyContext::Journal, Action::Back);
            let said = match (filter.any_besides_search(), filter.query.is_empty()) {
                (true, true) => {
                    format!("No page matches these filters. Press {clear} to clear them.")
                }
                (true, false) => format!(
                    "No page matches these filters and words. Press {clear} to clear the filters, {clear_search} the search."
                ),
                (false, false) => {
                    format!("No page holds these words. {clear_search} clears the search.")
                }
                (false, true) => "No page here yet.".to_string(),
            };
            match app.journal.still_reading() {
                // Nothing matches *yet*: say so, or an empty answer reads
                // as final while half the journal is still to come.
                Some(reading) => format!("{said} (So far: {reading}.)"),
                None => said.to_string(),
            }
        };
        frame.render_widget(Paragraph::new(Line::styled(message, theme.dim())), list);
        return;
    }
    // Files that could not be read are listed under the pages, as they are.
    let unreadable: Vec<Line> = if app.journal.unreadable.is_empty() {
        Vec::new()
    } else {
        std::iter::once(Line::styled(
            "Could not be read (left untouched):",
            theme.warning(),
        ))
        .chain(app.journal.unreadable.iter().map(|u| {
            Line::styled(
                text::fit(&format!("  {}", u.problem.in_folder("journal")), width),
                theme.dim(),
            )
        }))
        .collect()
    };
    let height = height
        .saturating_sub(unreadable.len().min(height / 3))
        .max(1);
    let selected = view.selected.min(view.matches.len() - 1);
    let first = (selected + 1).saturating_sub(height);
    let search = Search::new(&view.filter.query);
    let mut lines: Vec<Line> = view
        .matches
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .filter_map(|(n, &i)| Some((n, app.journal.pages.get(i)?)))
        .map(|(n, page)| {
            let marked = view.marked.as_deref() == Some(page.id.as_str());
            if theme.plain {
                // Which of how many, so a filter's effect is said too.
                let place = (n == selected).then_some((n + 1, view.matches.len()));
                return Line::raw(plain_row(app, page, &search, width, marked, place));
            }
            let row = row_text(app, page, &search, width, marked);
            if n == selected {
                Line::styled(row, theme.selected())
            } else {
                Line::raw(row)
            }
        })
        .collect();
    lines = highlight(lines, &search, theme.key());
    lines.extend(unreadable);
    frame.render_widget(Paragraph::new(lines), list);
}

fn filter_text(app: &App, filter: &Filter, width: usize) -> String {
    let names = app.names();
    let exercise = filter
        .exercise
        .as_ref()
        .map(|id| app.library.get(id).map_or(id.clone(), |e| e.title.clone()))
        .unwrap_or_else(|| "all".into());
    let every = format!(
        "Category: {} · Exercise: {} · Partner: {} · Dates: {} · Status: {}",
        filter.category.map_or("all", |c| c.label()),
        exercise,
        filter
            .partner
            .map_or("both".to_string(), |p: Partner| names[p.index()].clone()),
        filter.period.label(),
        filter.status.map_or("any", |s| s.label()),
    );
    if text::width(&every) <= width {
        return every;
    }
    // Too narrow for all five: the ones set, so none is cut from sight.
    let set: Vec<String> = [
        filter.category.map(|c| c.label().to_string()),
        filter.exercise.as_ref().map(|_| exercise.clone()),
        filter.partner.map(|p| names[p.index()].clone()),
        (filter.period != Default::default()).then(|| filter.period.label().to_string()),
        filter.status.map(|s| s.label().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if set.is_empty() {
        "Every page · c e p d s filter".to_string()
    } else {
        format!("Only: {} · r clears", set.join(" · "))
    }
}

/// A page as plain mode reads it: one sentence, no columns, and a mark
/// before the chosen one. Short enough to be read whole: the words that
/// matched a search, but no preview (Enter reads the page).
fn plain_row(
    app: &App,
    page: &PageSummary,
    search: &Search,
    width: usize,
    marked: bool,
    chosen: Option<(usize, usize)>,
) -> String {
    let mut row = format!(
        "{}{}, {}, {}",
        if chosen.is_some() { "› " } else { "  " },
        date(app, page.started),
        page.title,
        page.status_words_now(&app.names())
    );
    if marked {
        row.push_str(", marked to compare");
    }
    row.push_str(&match (&page.read_only, &page.revealed) {
        (Some(why), _) => format!(", read-only: {why}"),
        (None, Some(r)) if !search.is_empty() => r
            .snippet(search, app.journal_view.filter.partner)
            .map(|found| format!(", {}", quoted(app, &found)))
            .unwrap_or_default(),
        (None, _) => String::new(),
    });
    if let Some((n, of)) = chosen {
        super::plain::say_focus(format!(
            "page {n} of {of}: {}",
            row.trim_start_matches("› ")
        ));
    }
    text::fit(&row, width)
}

fn row_text(app: &App, page: &PageSummary, search: &Search, width: usize, marked: bool) -> String {
    let wide = width >= 110;
    // Narrow, the status keeps its room and the title gives way: whose
    // turn it is matters more than the whole of a title.
    let status = if width < 60 { 17 } else { 20 };
    let title = if wide {
        28
    } else {
        width.saturating_sub(2 + 12 + status + 1).clamp(5, 22)
    };
    let mut row = format!(
        "{}{} {} ",
        if marked { "* " } else { "  " },
        text::pad(&date(app, page.started), 11),
        text::pad(&page.title, title)
    );
    if wide {
        row.push_str(&text::pad(page.category.label(), 14));
    }
    // A long name is cut rather than run into the preview.
    row.push_str(&text::pad(
        &text::fit(&page.status_words_now(&app.names()), status - 1),
        status,
    ));
    let preview = match (&page.read_only, &page.revealed) {
        // What is wrong with a hand-edited page comes before its words.
        (Some(why), _) => format!("read-only: {why}"),
        (None, Some(r)) => {
            // With a search, the words that matched and whose they are;
            // else a line to know the page by.
            let partner = app.journal_view.filter.partner;
            match (!search.is_empty())
                .then(|| r.snippet(search, partner))
                .flatten()
            {
                Some(found) => quoted(app, &found),
                None if r.preview.is_empty() => String::new(),
                None => format!("“{}”", r.preview),
            }
        }
        (None, None) => "(private until both have finished)".into(),
    };
    row.push_str(&preview);
    text::pad(&row, width)
}

/// Words a search found, quoted as written, after whose they are.
fn quoted(app: &App, found: &Snippet) -> String {
    let by = found
        .by
        .map_or_else(|| "together".to_string(), |p| app.name(p));
    format!("{by}: “{}”", found.words)
}
