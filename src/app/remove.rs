//! Taking a page out of the journal, and starting an exercise again while
//! a page of it is unfinished: both ask first. A removed page is moved
//! aside whole, never deleted, so one key never loses anything.

use super::home::HomeItem;
use super::{App, Effect, Overlay, Pending, Screen};
use crate::index::PageSummary;
use crate::keymap::{self, Action, KeyContext};
use crate::model::PageStatus;

impl App {
    /// The page a remove key would take: the one selected on home or in
    /// the journal.
    pub(super) fn page_to_remove(&self) -> Option<&PageSummary> {
        match &self.screen {
            Screen::Home(home) => {
                let items = self.home_items();
                let last = items.len().checked_sub(1)?;
                match items.get(home.selected.min(last)) {
                    Some(HomeItem::Page(id)) => self.journal.page(id),
                    _ => None,
                }
            }
            Screen::Journal => self.journal_view.selected_page(&self.journal),
            _ => None,
        }
    }

    pub(super) fn ask_to_remove(&mut self) {
        let Some(page) = self.page_to_remove() else {
            return;
        };
        let status = page.status_words();
        let in_use = page
            .agreements
            .iter()
            .filter(|a| a.status != crate::model::AgreementStatus::Retired)
            .count();
        let what = match (page.agreements.len(), in_use) {
            (0, _) if page.status == PageStatus::Discussed => {
                "It leaves the journal, with everything written on it.".to_string()
            }
            (0, _) => "It leaves the journal, with what has been written on it so far.".to_string(),
            (n, 0) => format!(
                "It leaves the journal, and its {} with it.",
                crate::model::count(n, "agreement", "agreements")
            ),
            (n, used) => format!(
                "It leaves the journal, and its {} with it ({} still in use).",
                crate::model::count(n, "agreement", "agreements"),
                used
            ),
        };
        let demo = if self.demo {
            " In the demo, that folder goes too when tandem closes."
        } else {
            ""
        };
        let body = format!(
            "Remove “{}” of {} ({status})?\n\n{what} Nothing is deleted: the file is moved, as it is, to removed/ in your journal's folder, and moving it back into journal/ brings the page back.{demo}\n\n{}",
            page.title,
            crate::zone::day(page.started, &self.tz),
            keymap::question("removes it", "leaves it"),
        );
        self.overlay = Some(Overlay::Confirm {
            title: "Remove this page?".into(),
            body,
            yes: Pending::RemovePage(page.id.clone()),
            no: None,
        });
    }

    /// Starts a page of `exercise`, first asking when a page of it is
    /// still unfinished: the couple most likely meant to go on with that.
    pub(super) fn start_or_ask(&mut self, exercise: &crate::model::Exercise) {
        let unfinished: Vec<&PageSummary> = self
            .journal
            .pages
            .iter()
            .filter(|p| p.exercise == exercise.id && p.status.is_unfinished())
            .collect();
        let Some(newest) = unfinished.iter().max_by_key(|p| p.started) else {
            self.start_page(exercise);
            return;
        };
        let others = match unfinished.len() {
            1 => String::new(),
            n => format!(
                ", and {} not finished",
                crate::model::count(n - 1, "other page", "other pages")
            ),
        };
        let body = format!(
            "You have a page of {} from {} that is not talked over yet ({}){others}.\n\n{} starts a second page · {} goes on with that one · {} goes back",
            exercise.title,
            crate::zone::day(newest.started, &self.tz),
            newest.status_words(),
            keymap::says(KeyContext::Confirm, Action::Confirm),
            keymap::says(KeyContext::Confirm, Action::Decline),
            keymap::says(KeyContext::Confirm, Action::Close),
        );
        self.overlay = Some(Overlay::Confirm {
            title: "Start another page?".into(),
            body,
            yes: Pending::StartAgain(exercise.id.clone()),
            no: Some(Pending::OpenPage(newest.id.clone())),
        });
    }

    /// How moving a page aside went: where it went and the journal folder,
    /// or why it is still in the journal.
    pub fn page_removed(
        &mut self,
        id: &str,
        result: Result<(std::path::PathBuf, std::path::PathBuf), String>,
    ) {
        self.overlay = Some(match result {
            Ok((path, journal)) => {
                self.journal.remove(id);
                self.pages_read();
                let key = crate::keymap::key_name(
                    crate::keymap::KeyContext::Journal,
                    Action::ShowRemoved,
                )
                .map(|key| format!("press {key} on the journal screen, or "))
                .unwrap_or_default();
                Overlay::Message {
                    title: "Removed".into(),
                    body: format!(
                        "The page is out of the journal, and kept here, readable by you only:\n  {}\n\nTo bring it back, {key}move that file into the journal folder:\n  {}",
                        path.display(),
                        journal.display()
                    ),
                }
            }
            Err(why) => Overlay::Message {
                title: "The page was not removed".into(),
                body: format!("{why}\n\nIt is still in the journal, unchanged."),
            },
        });
    }

    /// The pages moved aside, listed to bring one back; or why they
    /// could not be listed.
    pub fn removed_listed(&mut self, result: Result<Vec<String>, String>) {
        self.box_scroll = 0;
        self.overlay = Some(match result {
            Ok(names) if names.is_empty() => Overlay::Message {
                title: "Removed pages".into(),
                body: "No page has been removed from this journal.".into(),
            },
            Ok(names) => Overlay::RemovedPages { names, selected: 0 },
            Err(why) => Overlay::Message {
                title: "The removed pages could not be listed".into(),
                body: why,
            },
        });
    }

    /// A key in the list of removed pages.
    pub(super) fn removed_pages_act(&mut self, action: Action) {
        let Some(Overlay::RemovedPages { names, selected }) = &mut self.overlay else {
            return;
        };
        let last = names.len().saturating_sub(1);
        if super::moving::move_in(selected, action, last) {
            return;
        }
        if action == Action::BringBack
            && let Some(name) = names.get(*selected).cloned()
        {
            self.overlay = None;
            self.effects.push(Effect::BringBack(name));
        }
    }

    /// How bringing a page back went: the page, read again, joins the
    /// list; or why it stays aside.
    pub fn brought_back(
        &mut self,
        result: Result<
            (
                String,
                Result<crate::journal::LoadedPage, crate::problem::Problem>,
            ),
            String,
        >,
    ) {
        match result {
            Ok((id, loaded)) => {
                let title = loaded.as_ref().map_or(id.clone(), |l| l.page.title.clone());
                self.journal.add_loaded_now(&id, loaded);
                self.pages_read();
                self.notice = Some(format!("“{title}” is back in the journal, as it was."));
            }
            Err(why) => {
                self.overlay = Some(Overlay::Message {
                    title: "The page was not brought back".into(),
                    body: format!("{why}\n\nNothing was changed."),
                });
            }
        }
    }
}
