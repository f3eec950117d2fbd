//! Looking back: the journal's filters and search, comparing two pages of
//! one exercise, the measures behind the trends, and the agreements list.

use jiff::{SignedDuration, Timestamp};
use ratatui_textarea::TextArea;

use super::index::{JournalIndex, PageSummary};
use crate::model::{Agreement, Category, EntryStatus, Page, PageStatus, Partner};

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
            StatusFilter::OneDone => "one partner done",
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
    /// Lower-cased search text.
    pub query: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, page: &PageSummary, now: Timestamp) -> bool {
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
        let query = self.query.trim();
        query.is_empty()
            || page
                .revealed
                .as_ref()
                .is_some_and(|r| r.contains(query, self.partner))
    }
}

/// The journal screen's state: kept while a page is open from it, so that
/// going back finds the same list.
#[derive(Default)]
pub struct JournalView {
    pub filter: Filter,
    pub selected: usize,
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
        let selected_id = self
            .matches
            .get(self.selected)
            .and_then(|&i| journal.pages.get(i))
            .map(|p| p.id.clone());
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
        self.matches = if narrowing {
            std::mem::take(&mut self.matches)
                .into_iter()
                .filter(|&i| self.filter.matches(&journal.pages[i], now))
                .collect()
        } else {
            journal
                .pages
                .iter()
                .enumerate()
                .filter(|(_, p)| self.filter.matches(p, now))
                .map(|(i, _)| i)
                .collect()
        };
        self.matched = Some((self.filter.clone(), journal.generation()));
        // Stay on the same page when it is still listed.
        self.selected = selected_id
            .and_then(|id| self.matches.iter().position(|&i| journal.pages[i].id == id))
            .unwrap_or(0)
            .min(self.matches.len().saturating_sub(1));
    }

    pub fn selected_page<'a>(&self, journal: &'a JournalIndex) -> Option<&'a PageSummary> {
        self.matches
            .get(self.selected)
            .and_then(|&i| journal.pages.get(i))
    }
}

/// The exercise after `current` among those in the journal, in library
/// order; `None` after the last.
pub fn next_exercise(
    journal: &JournalIndex,
    order: &[String],
    current: Option<&str>,
) -> Option<String> {
    let present: Vec<&String> = order
        .iter()
        .filter(|id| journal.pages.iter().any(|p| &p.exercise == *id))
        .collect();
    match current {
        None => present.first().map(|s| s.to_string()),
        Some(current) => present
            .iter()
            .position(|id| *id == current)
            .and_then(|i| present.get(i + 1))
            .map(|s| s.to_string()),
    }
}

/// Two pages of one exercise, older first.
pub struct CompareView {
    pub pages: [Page; 2],
    pub scroll: u16,
}

/// One line of the agreements screen.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementLine {
    pub page: String,
    pub page_title: String,
    pub index: usize,
    pub agreement: Agreement,
}

/// Every agreement in the journal: in use first (active, then to revisit),
/// retired last; the newest first within each.
pub fn agreement_lines(journal: &JournalIndex) -> Vec<AgreementLine> {
    let mut lines: Vec<AgreementLine> = journal
        .pages
        .iter()
        .filter(|p| p.read_only.is_none())
        .flat_map(|p| {
            p.agreements
                .iter()
                .enumerate()
                .map(move |(index, agreement)| AgreementLine {
                    page: p.id.clone(),
                    page_title: p.title.clone(),
                    index,
                    agreement: agreement.clone(),
                })
        })
        .collect();
    lines.sort_by_key(|l| {
        let rank = match l.agreement.status {
            crate::model::AgreementStatus::Active => 0,
            crate::model::AgreementStatus::Revisit => 1,
            crate::model::AgreementStatus::Retired => 2,
        };
        (rank, std::cmp::Reverse(l.agreement.made))
    });
    lines
}

#[derive(Default)]
pub struct AgreementsView {
    pub selected: usize,
}

/// A measure that can be followed over time: an exercise's scale step or
/// grid cell, as keyed in the index (`closeness`, `inventory/affection/met`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Measure {
    pub exercise: String,
    pub key: String,
}

/// One point of a measure: when, and each partner's value.
pub type Point = (Timestamp, [Option<i32>; 2]);

/// The measures found in the journal, check-ins first.
pub fn measures(journal: &JournalIndex) -> Vec<Measure> {
    let mut found = std::collections::BTreeSet::new();
    for page in &journal.pages {
        if let Some(revealed) = &page.revealed {
            for (key, _) in &revealed.ratings {
                found.insert(Measure {
                    exercise: page.exercise.clone(),
                    key: key.clone(),
                });
            }
        }
    }
    let mut list: Vec<Measure> = found.into_iter().collect();
    list.sort_by_key(|m| {
        (
            m.exercise != "weekly-check-in",
            m.exercise.clone(),
            m.key.clone(),
        )
    });
    list
}

/// The values of one measure, oldest first.
pub fn points(journal: &JournalIndex, measure: &Measure) -> Vec<Point> {
    let mut points: Vec<Point> = journal
        .pages
        .iter()
        .filter(|p| p.exercise == measure.exercise)
        .filter_map(|p| {
            let revealed = p.revealed.as_ref()?;
            let (_, values) = revealed.ratings.iter().find(|(k, _)| *k == measure.key)?;
            Some((p.started, *values))
        })
        .collect();
    points.sort_by_key(|(when, _)| *when);
    points
}

#[derive(Default)]
pub struct TrendsView {
    pub measure: usize,
}
