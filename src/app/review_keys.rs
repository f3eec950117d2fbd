//! Keys of the screens for looking back: the journal, a page opened from
//! it (later notes), comparing two pages, trends and agreements.

use ratatui::crossterm::event::KeyEvent;

use super::browse::{StatusFilter, next_exercise};
use super::keys::scroll;
use super::{
    AgreementsView, App, Back, CompareView, Effect, Origin, Overlay, ReviewDecision, Screen,
    TrendsView, agreement_lines, editor, measures,
};
use crate::journal::LoadedPage;
use crate::keymap::Action;
use crate::model::{AgreementStatus, Category, Partner};
use crate::problem::Problem;

impl App {
    pub(super) fn show_journal(&mut self) {
        let now = self.now();
        self.journal_view.refresh(&self.journal, now);
        self.screen = Screen::Journal;
    }

    /// Pages were read in the background: keep the journal list current.
    pub fn pages_read(&mut self) {
        if matches!(self.screen, Screen::Journal) {
            let now = self.now();
            self.journal_view.refresh(&self.journal, now);
        }
    }

    /// Moves between the screens for looking back; returns whether the
    /// action was such a move.
    fn review_jump(&mut self, action: Action) -> bool {
        match action {
            Action::ShowJournal => self.show_journal(),
            Action::ShowTrends => self.screen = Screen::Trends(TrendsView::default()),
            Action::ShowAgreements => self.screen = Screen::Agreements(AgreementsView::default()),
            _ => return false,
        }
        true
    }

    /// Whether a key of the journal screen can do anything now.
    pub(super) fn journal_can(&self, action: Action) -> bool {
        let view = &self.journal_view;
        match action {
            Action::ClearFilters => !view.filter.is_empty(),
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
        if self.review_jump(action) {
            return;
        }
        let now = self.now();
        let order: Vec<String> = self.library.exercises().map(|e| e.id.clone()).collect();
        let view = &mut self.journal_view;
        let last = view.matches.len().saturating_sub(1);
        let mut refilter = true;
        match action {
            Action::Up => {
                view.selected = view.selected.saturating_sub(1);
                refilter = false;
            }
            Action::Down => {
                view.selected = (view.selected + 1).min(last);
                refilter = false;
            }
            Action::PageUp => {
                view.selected = view.selected.saturating_sub(10);
                refilter = false;
            }
            Action::PageDown => {
                view.selected = (view.selected + 10).min(last);
                refilter = false;
            }
            Action::First => {
                view.selected = 0;
                refilter = false;
            }
            Action::Last => {
                view.selected = last;
                refilter = false;
            }
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
                view.filter.category = match view.filter.category {
                    None => Some(Category::ALL[0]),
                    Some(c) => Category::ALL
                        .iter()
                        .position(|x| *x == c)
                        .and_then(|i| Category::ALL.get(i + 1))
                        .copied(),
                };
            }
            Action::FilterExercise => {
                view.filter.exercise =
                    next_exercise(&self.journal, &order, view.filter.exercise.as_deref());
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
            Action::ClearFilters => view.filter = Default::default(),
            Action::Back if !view.filter.query.is_empty() => view.filter.query.clear(),
            Action::Back => {
                self.go_home();
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
        let now = self.now();
        let view = &mut self.journal_view;
        if let Some(area) = view.search.as_mut()
            && editor::line_input(area, key)
        {
            view.filter.query = editor::text_of(area).to_lowercase();
            view.refresh(&self.journal, now);
        }
    }

    /// Text pasted into the journal's search box.
    pub(super) fn journal_paste(&mut self, text: &str) {
        let now = self.now();
        let view = &mut self.journal_view;
        if let Some(area) = view.search.as_mut()
            && editor::line_paste(area, text)
        {
            view.filter.query = editor::text_of(area).to_lowercase();
            view.refresh(&self.journal, now);
        }
    }

    fn mark_for_compare(&mut self) {
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
                let same = self
                    .journal
                    .pages
                    .iter()
                    .find(|p| p.id == marked)
                    .is_some_and(|p| p.exercise == exercise);
                if same {
                    self.effects.push(Effect::LoadForCompare([marked, id]));
                } else {
                    view.marked = Some(marked);
                    self.notice = Some(format!(
                        "Pick another {title} page: only pages of the same exercise compare."
                    ));
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
        let max = self.measured.max_scroll_u16();
        let Screen::Compare(view) = &mut self.screen else {
            return;
        };
        if scroll(&mut view.scroll, action, max) {
            return;
        }
        if action == Action::Back {
            self.show_journal();
        }
    }

    /// Whether a key of the agreements screen can do anything now: with no
    /// agreements yet, only the ways out.
    pub(super) fn agreements_can(&self, action: Action) -> bool {
        matches!(
            action,
            Action::Back | Action::ShowJournal | Action::ShowTrends | Action::ShowAgreements
        ) || !agreement_lines(&self.journal).is_empty()
    }

    pub(super) fn agreements_act(&mut self, action: Action) {
        if self.review_jump(action) {
            return;
        }
        let lines = agreement_lines(&self.journal);
        let Screen::Agreements(view) = &mut self.screen else {
            return;
        };
        let last = lines.len().saturating_sub(1);
        view.selected = view.selected.min(last);
        let Some(line) = lines.get(view.selected) else {
            if action == Action::Back {
                self.go_home();
            }
            return;
        };
        let status = match action {
            Action::Up => {
                view.selected = view.selected.saturating_sub(1);
                None
            }
            Action::Down => {
                view.selected = (view.selected + 1).min(last);
                None
            }
            Action::SetStatus(status) => Some(status),
            Action::NextStatus => Some(match line.agreement.status {
                AgreementStatus::Active => AgreementStatus::Revisit,
                AgreementStatus::Revisit => AgreementStatus::Retired,
                AgreementStatus::Retired => AgreementStatus::Active,
            }),
            Action::Open => {
                self.opening.back = Back::Agreements;
                self.effects.push(Effect::LoadPage(line.page.clone()));
                None
            }
            Action::Back => {
                self.go_home();
                None
            }
            _ => None,
        };
        if let Some(status) = status.filter(|s| *s != line.agreement.status) {
            let decision = ReviewDecision {
                item: super::ReviewItem {
                    page: line.page.clone(),
                    index: line.index,
                    text: line.agreement.text.clone(),
                    status: line.agreement.status,
                },
                status,
                when: self.now(),
                from: None,
            };
            self.effects.push(Effect::ReviewAgreements(vec![decision]));
            // Keep the same agreement selected after it moves in the list.
            self.select_agreement_after_change(line.page.clone(), line.index, status);
        }
    }

    fn select_agreement_after_change(
        &mut self,
        page: String,
        index: usize,
        status: AgreementStatus,
    ) {
        let mut lines = agreement_lines(&self.journal);
        if let Some(line) = lines
            .iter_mut()
            .find(|l| l.page == page && l.index == index)
        {
            line.agreement.status = status;
        }
        // The list orders by status, so work out where it will be.
        lines.sort_by_key(|l| {
            let rank = match l.agreement.status {
                AgreementStatus::Active => 0,
                AgreementStatus::Revisit => 1,
                AgreementStatus::Retired => 2,
            };
            (rank, std::cmp::Reverse(l.agreement.made))
        });
        if let (Screen::Agreements(view), Some(position)) = (
            &mut self.screen,
            lines
                .iter()
                .position(|l| l.page == page && l.index == index),
        ) {
            view.selected = position;
        }
    }

    pub(super) fn trends_act(&mut self, action: Action) {
        if self.review_jump(action) {
            return;
        }
        let count = measures(&self.journal).len();
        let Screen::Trends(view) = &mut self.screen else {
            return;
        };
        let last = count.saturating_sub(1);
        match action {
            Action::Down => view.measure = (view.measure + 1).min(last),
            Action::Up => view.measure = view.measure.saturating_sub(1),
            Action::PageDown => view.measure = (view.measure + 10).min(last),
            Action::PageUp => view.measure = view.measure.saturating_sub(10),
            Action::Back => self.go_home(),
            _ => {}
        }
    }

    /// How writing the exports went.
    pub fn exported(&mut self, result: Result<Vec<std::path::PathBuf>, String>) {
        self.overlay = Some(match result {
            Ok(paths) => Overlay::Message {
                title: "Exported".into(),
                body: format!(
                    "Written, readable by you only:\n{}\n\nThe HTML file prints with both of you side by side.",
                    paths
                        .iter()
                        .map(|p| format!("  {}", p.display()))
                        .collect::<Vec<_>>()
                        .join("\n")
                ),
            },
            Err(message) => Overlay::Message {
                title: "Could not export".into(),
                body: message,
            },
        });
    }
}
