//! The journal screen: every page, filtered and searched; two pages of one
//! exercise compared; what was exported.

use jiff::{SignedDuration, Timestamp};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::moving::{move_in, scroll};
use super::{AgreementsView, App, Back, Effect, Origin, Overlay, Screen, editor};
use crate::index::{JournalIndex, PageSummary};
use crate::journal::LoadedPage;
use crate::keymap::Action;
use crate::model::{Category, EntryStatus, Page, PageStatus, Partner, Search};
use crate::problem::Problem;

/// How far back the journal screen looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    All,
    Month,
    Quarter,
    Year,
}

impl Period {
    pub fn next(self) -> Period {
        match self {
            Period::All => Period::Month,
            Period::Month => Period::Quarter,
            Period::Quarter => Period::Year,
            Period::Year => Period::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::All => "all time",
            Period::Month => "last 30 days",
            Period::Quarter => "last 3 months",
            Period::Year => "last 12 months",
        }
    }

    fn days(self) -> Option<i64> {
        match self {
            Period::All => None,
            Period::Month => Some(30),
            Period::Quarter => Some(91),
            Period::Year => Some(365),
        }
    }
}

/// The journal screen's status filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    InProgress,
    OneDone,
    BothDone,
    Discussed,
}

impl StatusFilter {
    pub fn next(current: Option<StatusFilter>) -> Option<StatusFilter> {
        match current {
            None => Some(StatusFilter::InProgress),
            Some(StatusFilter::InProgress) => Some(StatusFilter::OneDone),
            Some(StatusFilter::OneDone) => Some(StatusFilter::BothDone),
            Some(StatusFilter::BothDone) => Some(StatusFilter::Discussed),
            Some(StatusFilter::Discussed) => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::InProgress => "in progress",
            StatusFilter::OneDone => "waiting for one of you",
            StatusFilter::BothDone => "both done",
            StatusFilter::Discussed => "talked over",
        }
    }

    fn matches(self, status: PageStatus) -> bool {
        matches!(
            (self, status),
            (StatusFilter::InProgress, PageStatus::InProgress)
                | (StatusFilter::OneDone, PageStatus::WaitingFor(_))
                | (StatusFilter::BothDone, PageStatus::BothDone)
                | (StatusFilter::Discussed, PageStatus::Discussed)
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub category: Option<Category>,
    pub exercise: Option<String>,
    /// Pages this partner took part in; a search looks only at their words.
    pub partner: Option<Partner>,
    pub period: Period,
    pub status: Option<StatusFilter>,
    /// The search, as typed.
    pub query: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether a filter other than the search is set: what `r` clears
    /// (Esc clears the search).
    pub fn any_besides_search(&self) -> bool {
        Filter {
            query: String::new(),
            ..self.clone()
        } != Filter::default()
    }

    /// Whether `page` passes the filter; `search` is the filter's query,
    /// made ready once for the whole list.
    pub fn matches(&self, page: &PageSummary, search: &Search, now: Timestamp) -> bool {
        if self.category.is_some_and(|c| c != page.category)
            || self.exercise.as_ref().is_some_and(|e| *e != page.exercise)
            || self.status.is_some_and(|s| !s.matches(page.status))
        {
            return false;
        }
        if let Some(days) = self.period.days()
            && page.started < now - SignedDuration::from_hours(24 * days)
        {
            return false;
        }
        if let Some(p) = self.partner
            && page.entries[p.index()] == EntryStatus::NotStarted
        {
            return false;
        }
        search.is_empty()
            || page
                .revealed
                .as_ref()
                .is_some_and(|r| r.contains(search, self.partner))
    }
}

/// The journal screen's state: kept while a page is open from it, so that
/// going back finds the same list.
#[derive(Default)]
pub struct JournalView {
    pub filter: Filter,
    /// The row drawn as selected: a place in `matches`.
    pub selected: usize,
    /// The page selected, by id: `matches` holds places in the index's
    /// pages, which pages read later move about.
    selected_id: Option<String>,
    /// The search box while it is being typed in.
    pub search: Option<TextArea<'static>>,
    /// Indices into the index's pages that pass the filter, newest first.
    pub matches: Vec<usize>,
    /// A page marked to be compared with another.
    pub marked: Option<String>,
    /// The filter and journal generation `matches` was worked out for.
    matched: Option<(Filter, u64)>,
}

impl JournalView {
    pub fn refresh(&mut self, journal: &JournalIndex, now: Timestamp) {
        // Typing more of a search only narrows the list: look again only at
        // the pages that matched the shorter search.
        let narrowing = self.matched.as_ref().is_some_and(|(before, generation)| {
            *generation == journal.generation()
                && self.filter.query.starts_with(&before.query)
                && Filter {
                    query: self.filter.query.clone(),
                    ..before.clone()
                } == self.filter
        });
        let search = Search::new(&self.filter.query);
        self.matches = if narrowing {
            std::mem::take(&mut self.matches)
                .into_iter()
                .filter(|&i| self.filter.matches(&journal.pages[i], &search, now))
                .collect()
        } else {
            journal
                .pages
                .iter()
                .enumerate()
                .filter(|(_, p)| self.filter.matches(p, &search, now))
                .map(|(i, _)| i)
                .collect()
        };
        self.matched = Some((self.filter.clone(), journal.generation()));
        // Stay on the same page when it is still listed.
        self.selected = self
            .selected_id
            .as_deref()
            .and_then(|id| self.matches.iter().position(|&i| journal.pages[i].id == id))
            .unwrap_or(0)
            .min(self.matches.len().saturating_sub(1));
        self.remember_selected(journal);
    }

    /// Moves the selection to row `at` of the list.
    pub fn select(&mut self, at: usize, journal: &JournalIndex) {
        self.selected = at;
        self.remember_selected(journal);
    }

    fn remember_selected(&mut self, journal: &JournalIndex) {
        self.selected_id = self.selected_page(journal).map(|p| p.id.clone());
    }

    pub fn selected_page<'a>(&self, journal: &'a JournalIndex) -> Option<&'a PageSummary> {
        self.matches
            .get(self.selected)
            .and_then(|&i| journal.pages.get(i))
    }
}

/// Two pages of one exercise, older first.
pub struct CompareView {
    pub pages: [Page; 2],
    pub scroll: u16,
}

impl App {
    pub(super) fn show_journal(&mut self) {
        let now = self.now();
        self.journal_view.refresh(&self.journal, now);
        self.screen = Screen::Journal;
    }

    /// Pages were read in the background: keep the journal list current,
    /// and home's chosen row chosen.
    pub fn pages_read(&mut self) {
        if matches!(self.screen, Screen::Journal) {
            let now = self.now();
            self.journal_view.refresh(&self.journal, now);
        }
        self.keep_home_choice();
    }

    /// Moves between the screens for looking back; returns whether the
    /// action was such a move.
    pub(super) fn review_jump(&mut self, action: Action) -> bool {
        // Opened from the journal, Esc leads back there; from one another,
        // wherever the first of them led.
        let back = match &self.screen {
            Screen::Journal => Back::Journal,
            Screen::Trends(view) => view.back,
            Screen::Agreements(view) => view.back,
            _ => Back::Home,
        };
        match action {
            Action::ShowJournal => self.show_journal(),
            Action::ShowTrends => self.show_trends(back),
            Action::ShowAgreements => {
                self.screen = Screen::Agreements(AgreementsView {
                    back,
                    ..AgreementsView::default()
                });
            }
            _ => return false,
        }
        true
    }

    /// Esc from trends or agreements: the journal they were opened from, or
    /// home.
    pub(super) fn leave_looking_back(&mut self, back: Back) {
        match back {
            Back::Journal => self.show_journal(),
            _ => self.go_home(),
        }
    }

    /// Whether a key of the journal screen can do anything now.
    pub(super) fn journal_can(&self, action: Action) -> bool {
        let view = &self.journal_view;
        match action {
            Action::ClearFilters => view.filter.any_besides_search(),
            Action::Export => !view.matches.is_empty(),
            Action::Mark => view.selected_page(&self.journal).is_some(),
            Action::Open => {
                view.selected_page(&self.journal).is_some()
                    || (view.matches.is_empty() && !self.journal.unreadable.is_empty())
            }
            _ => true,
        }
    }

    pub(super) fn journal_act(&mut self, action: Action) {
        if action == Action::EndSearch {
            self.journal_view.search = None;
            return;
        }
        if action == Action::ClearSearch {
            // As a shell's Ctrl-U: the whole line goes, the box stays open.
            self.edit_search(|area| {
                let had = !editor::text_of(area).is_empty();
                area.select_all();
                area.cut();
                had
            });
            return;
        }
        if self.review_jump(action) {
            return;
        }
        let now = self.now();
        let view = &mut self.journal_view;
        let last = view.matches.len().saturating_sub(1);
        let mut at = view.selected;
        if move_in(&mut at, action, last) {
            view.select(at, &self.journal);
            return;
        }
        let mut refilter = true;
        match action {
            Action::Search => {
                let mut area = editor::line_area(
                    &view.filter.query,
                    "search every answer, note and agreement",
                );
                area.move_cursor(ratatui_textarea::CursorMove::End);
                view.search = Some(area);
                refilter = false;
            }
            Action::FilterCategory => {
                self.pick_category();
                return;
            }
            Action::FilterExercise => {
                self.pick_exercise();
                return;
            }
            Action::FilterPartner => {
                view.filter.partner = match view.filter.partner {
                    None => Some(Partner::First),
                    Some(Partner::First) => Some(Partner::Second),
                    Some(Partner::Second) => None,
                };
            }
            Action::FilterPeriod => view.filter.period = view.filter.period.next(),
            Action::FilterStatus => view.filter.status = StatusFilter::next(view.filter.status),
            Action::ClearFilters => {
                view.filter = Filter {
                    query: std::mem::take(&mut view.filter.query),
                    ..Filter::default()
                }
            }
            Action::Back if !view.filter.query.is_empty() => view.filter.query.clear(),
            Action::Back => {
                self.go_home();
                return;
            }
            Action::RemovePage => {
                self.ask_to_remove();
                return;
            }
            Action::ShowRemoved => {
                self.effects.push(Effect::ListRemoved);
                return;
            }
            Action::Open => {
                if let Some(page) = view.selected_page(&self.journal) {
                    self.opening = Origin {
                        back: Back::Journal,
                        highlight: view.filter.query.trim().to_string(),
                    };
                    self.effects.push(Effect::LoadPage(page.id.clone()));
                } else if let Some(problem) =
                    self.journal.unreadable.first().map(|u| u.problem.clone())
                    && view.matches.is_empty()
                {
                    self.show_problem(&problem);
                }
                return;
            }
            Action::Mark => {
                self.mark_for_compare();
                return;
            }
            Action::Export => {
                let ids: Vec<String> = view
                    .matches
                    .iter()
                    .map(|&i| self.journal.pages[i].id.clone())
                    .collect();
                if ids.is_empty() {
                    self.notice = Some("Nothing to export: no page matches.".into());
                } else {
                    self.effects.push(Effect::Export(ids));
                }
                return;
            }
            _ => refilter = false,
        }
        if refilter {
            self.journal_view.refresh(&self.journal, now);
        }
    }

    /// A key typed into the journal's search box.
    pub(super) fn search_type(&mut self, key: KeyEvent) {
        self.edit_search(|area| editor::line_input(area, key));
    }

    /// Text pasted into the journal's search box.
    pub(super) fn journal_paste(&mut self, text: &str) {
        self.edit_search(|area| editor::line_paste(area, text));
    }

    /// Changes the search box, and the list with it when its words changed.
    fn edit_search(&mut self, edit: impl FnOnce(&mut TextArea<'static>) -> bool) {
        let now = self.now();
        let view = &mut self.journal_view;
        if let Some(area) = view.search.as_mut()
            && edit(area)
        {
            view.filter.query = editor::text_of(area);
            view.refresh(&self.journal, now);
        }
    }

    pub(super) fn mark_for_compare(&mut self) {
        let view = &mut self.journal_view;
        let Some(page) = view.selected_page(&self.journal) else {
            return;
        };
        if page.revealed.is_none() {
            self.notice = Some(
                "Only pages you have both finished can be compared: the answers on this one are still private."
                    .into(),
            );
            return;
        }
        let (id, exercise, title) = (page.id.clone(), page.exercise.clone(), page.title.clone());
        match view.marked.take() {
            Some(marked) if marked == id => {
                self.notice = Some("Unmarked.".into());
            }
            Some(marked) => {
                let first = self.journal.pages.iter().find(|p| p.id == marked);
                match first {
                    Some(first) if first.exercise == exercise => {
                        self.effects.push(Effect::LoadForCompare([marked, id]));
                    }
                    _ => {
                        let wanted = first.map_or(title, |p| p.title.clone());
                        view.marked = Some(marked);
                        self.notice = Some(format!(
                            "Pick another {wanted} page: only pages of the same exercise compare."
                        ));
                    }
                }
            }
            None => {
                view.marked = Some(id);
                self.notice = Some(format!(
                    "Marked. Now pick another {title} page and press m to compare."
                ));
            }
        }
    }

    /// Two pages read from disk for comparing.
    pub fn compare_loaded(&mut self, loaded: Result<[LoadedPage; 2], Problem>) {
        match loaded {
            Ok([a, b])
                if crate::reveal::reveal(&a.page).is_none()
                    || crate::reveal::reveal(&b.page).is_none() =>
            {
                self.journal_view.marked = None;
                self.notice = Some(
                    "Only pages you have both finished can be compared: the answers are still private."
                        .into(),
                );
            }
            Ok([a, b]) => {
                let mut pages = [a.page, b.page];
                pages.sort_by_key(|p| p.started);
                self.journal_view.marked = None;
                self.screen = Screen::Compare(Box::new(CompareView { pages, scroll: 0 }));
            }
            Err(problem) => self.show_problem(&problem),
        }
    }

    pub(super) fn compare_act(&mut self, action: Action) {
        let view_size = self.measured;
        let Screen::Compare(view) = &mut self.screen else {
            return;
        };
        if scroll(&mut view.scroll, action, view_size) {
            return;
        }
        if action == Action::Back {
            self.show_journal();
        }
    }

    /// How writing the exports went.
    pub fn exported(&mut self, result: Result<Vec<std::path::PathBuf>, String>) {
        self.overlay = Some(match result {
            Ok(paths) => Overlay::Message {
                title: "Exported".into(),
                body: format!(
                    "Written, readable by you only:\n{}\n\nThe HTML file prints with both of you side by side.{}",
                    paths
                        .iter()
                        .map(|p| format!("  {}", p.display()))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    if self.demo {
                        "\n\nThis is the demo: its folder, these files included, is removed when tandem closes. Copy them elsewhere to keep them."
                    } else {
                        ""
                    }
                ),
            },
            Err(message) => Overlay::Message {
                title: "Could not export".into(),
                body: message,
            },
        });
    }
}
