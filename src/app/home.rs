//! Home: pages to go on with, the latest ones, and the ways to the rest.

use super::moving::move_in;
use super::{AgreementsView, App, Back, Effect, LibraryView, Screen};
use crate::index::PageSummary;
use crate::keymap::Action;

#[derive(Default)]
pub struct Home {
    /// The row drawn as selected.
    pub selected: usize,
    /// The row chosen with the arrows, kept by what it is rather than
    /// where it is: pages read after the first frame move rows about.
    chosen: Option<HomeItem>,
}

/// A row of the home screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HomeItem {
    /// A page, by its id.
    Page(String),
    /// An index into `journal.unreadable`.
    Unreadable(usize),
    /// An exercise suggested next, with its reason.
    Suggestion(crate::suggest::Suggested),
}

/// How many finished pages the home screen lists.
const RECENT_ON_HOME: usize = 12;

impl App {
    pub(super) fn home_act(&mut self, action: Action) {
        let items = self.home_items();
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        let last = items.len().saturating_sub(1);
        if move_in(&mut home.selected, action, last) {
            home.chosen = items.get(home.selected).cloned();
            return;
        }
        match action {
            Action::NewExercise => self.screen = Screen::Library(LibraryView::default()),
            Action::ShowJournal => self.show_journal(),
            Action::ShowTrends => self.show_trends(Back::Home),
            Action::ShowAgreements => self.screen = Screen::Agreements(AgreementsView::default()),
            Action::RemovePage => self.ask_to_remove(),
            Action::DismissSuggestion => {
                if let Some(HomeItem::Suggestion(suggested)) = items.get(home.selected.min(last)) {
                    let until = crate::suggest::dismissed_until(self.now());
                    self.dismissed.insert(suggested.exercise.clone(), until);
                    self.effects
                        .push(Effect::SaveDismissed(self.dismissed.clone()));
                    self.notice = Some(format!(
                        "\u{201c}{}\u{201d} will not be suggested for a month.",
                        suggested.title
                    ));
                }
            }
            Action::Rename => {
                self.screen =
                    Screen::Onboarding(Box::new(super::Onboarding::new(self.couple.as_ref())));
            }
            Action::Open => match items.get(home.selected.min(last)) {
                Some(HomeItem::Page(id)) => {
                    self.effects.push(Effect::LoadPage(id.clone()));
                }
                Some(HomeItem::Unreadable(i)) => {
                    let problem = self.journal.unreadable[*i].problem.clone();
                    self.show_problem(&problem);
                }
                Some(HomeItem::Suggestion(suggested)) => {
                    let selected = self
                        .library
                        .entries()
                        .iter()
                        .position(|e| e.exercise.id == suggested.exercise)
                        .unwrap_or(0);
                    self.screen = Screen::Library(LibraryView {
                        selected,
                        scroll: 0,
                    });
                }
                None => {}
            },
            _ => {}
        }
    }

    /// Whether `action` can do anything on home now, `rows` long.
    pub(super) fn home_can(&self, home: &Home, action: Action, rows: usize) -> bool {
        match action {
            Action::Open => rows > 0,
            Action::DismissSuggestion => matches!(
                self.home_items().get(home.selected),
                Some(HomeItem::Suggestion(_))
            ),
            _ => true,
        }
    }

    /// Pages read meanwhile may have moved the row chosen on home: it is
    /// found again. Rows are worked out only when one was chosen.
    pub(super) fn keep_home_choice(&mut self) {
        let Screen::Home(Home {
            chosen: Some(chosen),
            ..
        }) = &self.screen
        else {
            return;
        };
        let at = self.home_items().iter().position(|item| item == chosen);
        if let (Some(at), Screen::Home(home)) = (at, &mut self.screen) {
            home.selected = at;
        }
    }

    pub fn home_items(&self) -> Vec<HomeItem> {
        let pages = &self.journal.pages;
        let page = |p: &PageSummary| HomeItem::Page(p.id.clone());
        let unfinished = pages.iter().filter(|p| p.status.is_unfinished());
        let recent = pages
            .iter()
            .filter(|p| !p.status.is_unfinished())
            .take(RECENT_ON_HOME);
        let suggested = self.suggestions().into_iter().map(HomeItem::Suggestion);
        unfinished
            .map(page)
            .chain(suggested)
            .chain(recent.map(page))
            .chain((0..self.journal.unreadable.len()).map(HomeItem::Unreadable))
            .collect()
    }

    /// What home offers next, from the pages read so far.
    pub fn suggestions(&self) -> Vec<crate::suggest::Suggested> {
        crate::suggest::suggestions(
            &self.library,
            &self.journal.pages,
            &self.dismissed,
            self.now(),
        )
    }

    /// Home, letting go of any open page.
    pub(super) fn go_home(&mut self) {
        self.screen = Screen::Home(Home::default());
    }
}
