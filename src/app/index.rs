//! What the app knows of the journal without holding every page: a summary
//! per page, filled in a few at a time after the first frame is drawn.

use std::collections::VecDeque;

use jiff::Timestamp;

use crate::journal::{Access, LoadedPage};
use crate::model::{Agreement, Category, EntryStatus, Page, PageStatus};
use crate::problem::Problem;

#[derive(Clone, Debug, PartialEq)]
pub struct PageSummary {
    pub id: String,
    pub exercise: String,
    pub title: String,
    pub category: Category,
    pub started: Timestamp,
    pub last_activity: Timestamp,
    pub status: PageStatus,
    pub names: [String; 2],
    pub entries: [EntryStatus; 2],
    pub read_only: bool,
    pub agreements: Vec<Agreement>,
}

impl PageSummary {
    pub fn of(page: &Page, access: &Access) -> PageSummary {
        PageSummary {
            id: page.id.clone(),
            exercise: page.exercise.clone(),
            title: page.title.clone(),
            category: page.category,
            started: page.started,
            last_activity: page.last_activity(),
            status: page.status(),
            names: [
                page.entries[0].partner.clone(),
                page.entries[1].partner.clone(),
            ],
            entries: [page.entries[0].status, page.entries[1].status],
            read_only: *access != Access::Writable,
            agreements: page.shared.agreements.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Unreadable {
    pub id: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, Default)]
pub struct JournalIndex {
    /// Newest first (page ids start with their date).
    pub pages: Vec<PageSummary>,
    pub unreadable: Vec<Unreadable>,
    /// Pages listed on disk but not read yet, newest first.
    pending: VecDeque<String>,
}

impl JournalIndex {
    /// An index of the pages named by `ids` (newest first), none read yet.
    pub fn new(ids: Vec<String>) -> JournalIndex {
        JournalIndex {
            pages: Vec::new(),
            unreadable: Vec::new(),
            pending: ids.into(),
        }
    }

    pub fn next_pending(&mut self) -> Option<String> {
        self.pending.pop_front()
    }

    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    pub fn is_loading(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn total(&self) -> usize {
        self.pages.len() + self.unreadable.len() + self.pending.len()
    }

    pub fn add_loaded(&mut self, id: &str, loaded: Result<LoadedPage, Problem>) {
        match loaded {
            Ok(loaded) => self.upsert(PageSummary::of(&loaded.page, &loaded.access)),
            Err(problem) => {
                self.unreadable.retain(|u| u.id != id);
                self.unreadable.push(Unreadable {
                    id: id.to_string(),
                    problem,
                });
            }
        }
    }

    pub fn upsert(&mut self, summary: PageSummary) {
        self.pending.retain(|p| *p != summary.id);
        match self
            .pages
            .binary_search_by(|p| summary.id.as_str().cmp(p.id.as_str()))
        {
            Ok(i) => self.pages[i] = summary,
            Err(i) => self.pages.insert(i, summary),
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.pages.iter().any(|p| p.id == id)
            || self.unreadable.iter().any(|u| u.id == id)
            || self.pending.iter().any(|p| p == id)
    }

    pub fn times_done(&self, exercise: &str) -> usize {
        self.pages
            .iter()
            .filter(|p| p.exercise == exercise && p.status == PageStatus::Discussed)
            .count()
    }

    pub fn last_done(&self, exercise: &str) -> Option<Timestamp> {
        self.pages
            .iter()
            .filter(|p| p.exercise == exercise)
            .map(|p| p.started)
            .max()
    }
}
