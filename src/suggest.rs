//! What home may offer next: at most two exercises, each with its reason,
//! worked out on this computer from the couple's pages by the rules in the
//! exercises' `suggest` blocks. Only what both partners finished and
//! revealed counts; nothing here counts streaks or missed weeks.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};

use crate::content::Library;
use crate::index::PageSummary;
use crate::model::{AgreementStatus, CellTest, Condition, Exercise};

/// The most suggestions home shows at once.
pub const MAX_SUGGESTIONS: usize = 2;
/// An exercise started this recently is not suggested again.
const RECENT_DAYS: i64 = 7;
/// How long "not now" keeps a suggestion away.
pub const DISMISS_DAYS: i64 = 30;

/// An exercise home offers, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggested {
    pub exercise: String,
    pub title: String,
    pub reason: String,
}

/// When a suggestion dismissed now comes back.
pub fn dismissed_until(now: Timestamp) -> Timestamp {
    now.checked_add(SignedDuration::from_hours(24 * DISMISS_DAYS))
        .unwrap_or(now)
}

/// The suggestions for now, in library order, at most two.
pub fn suggestions(
    library: &Library,
    pages: &[PageSummary],
    dismissed: &BTreeMap<String, Timestamp>,
    now: Timestamp,
) -> Vec<Suggested> {
    let mut out = Vec::new();
    for exercise in library.exercises() {
        if out.len() == MAX_SUGGESTIONS {
            break;
        }
        if dismissed
            .get(&exercise.id)
            .is_some_and(|until| *until > now)
            || busy_with(exercise, pages, now)
        {
            continue;
        }
        if let Some(suggestion) = exercise
            .suggest
            .iter()
            .find(|s| fires(&s.when, exercise, pages, now))
        {
            out.push(Suggested {
                exercise: exercise.id.clone(),
                title: exercise.title.clone(),
                reason: suggestion.reason.clone(),
            });
        }
    }
    out
}

/// Whether the couple has the exercise open, or did it lately: then it is
/// not offered.
fn busy_with(exercise: &Exercise, pages: &[PageSummary], now: Timestamp) -> bool {
    let recent = now
        .checked_sub(SignedDuration::from_hours(24 * RECENT_DAYS))
        .unwrap_or(now);
    pages
        .iter()
        .filter(|p| p.exercise == exercise.id)
        .any(|p| p.status.is_unfinished() || p.started > recent)
}

fn fires(
    condition: &Condition,
    exercise: &Exercise,
    pages: &[PageSummary],
    now: Timestamp,
) -> bool {
    match condition {
        Condition::NotDoneFor { days } => {
            let since = now
                .checked_sub(SignedDuration::from_hours(24 * i64::from(*days)))
                .unwrap_or(now);
            let last = pages
                .iter()
                .filter(|p| p.exercise == exercise.id)
                .map(|p| p.started)
                .max();
            match last {
                Some(last) => last < since,
                // Never done: only once the journal is that old, so a new
                // couple is not told what they have not done yet.
                None => pages.iter().any(|p| p.started < since),
            }
        }
        Condition::AgreementsToRevisit { at_least } => {
            let revisit = pages
                .iter()
                .flat_map(|p| &p.agreements)
                .filter(|a| a.status == AgreementStatus::Revisit)
                .count();
            revisit >= *at_least as usize
        }
        Condition::Rows {
            exercise: from,
            step,
            matching,
            at_least,
        } => latest_rows(pages, from, step).is_some_and(|rows| {
            rows.iter()
                .any(|partner| matches(partner, matching) >= *at_least as usize)
        }),
        Condition::MostRows {
            exercise: from,
            step,
            matching,
        } => latest_rows(pages, from, step).is_some_and(|rows| {
            rows.iter().any(|partner| {
                !partner.is_empty() && matches(partner, matching) * 2 > partner.len()
            })
        }),
    }
}

/// One grid cell as revealed.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Scale(i32),
    Choice(String),
}

/// Each partner's answered rows of a grid step: row id → column → cell.
type Rows = BTreeMap<String, BTreeMap<String, Cell>>;

/// The rows of `step` on the latest page of `exercise` both partners
/// finished; nothing withheld is among them.
fn latest_rows(pages: &[PageSummary], exercise: &str, step: &str) -> Option<[Rows; 2]> {
    let page = pages
        .iter()
        .filter(|p| p.exercise == exercise)
        .filter(|p| p.revealed.is_some())
        .max_by_key(|p| p.started)?;
    let revealed = page.revealed.as_ref()?;
    let mut rows: [Rows; 2] = Default::default();
    let prefix = format!("{step}/");
    let mut put = |key: &str, values: [Option<Cell>; 2]| {
        let Some((row, column)) = key.strip_prefix(&prefix).and_then(|r| r.rsplit_once('/')) else {
            return;
        };
        for (p, value) in values.into_iter().enumerate() {
            if let Some(value) = value {
                rows[p]
                    .entry(row.to_string())
                    .or_default()
                    .insert(column.to_string(), value);
            }
        }
    };
    for (key, values) in &revealed.ratings {
        put(key, values.map(|v| v.map(Cell::Scale)));
    }
    for (key, values) in &revealed.choices {
        put(
            key,
            values
                .clone()
                .map(|v| v.map(|o| Cell::Choice(o.to_string()))),
        );
    }
    Some(rows)
}

/// How many rows pass every test.
fn matches(rows: &Rows, tests: &[CellTest]) -> usize {
    rows.values()
        .filter(|cells| {
            tests.iter().all(|test| match cells.get(&test.column) {
                Some(Cell::Scale(v)) => {
                    test.is.is_none()
                        && test.at_least.is_none_or(|min| *v >= min)
                        && test.at_most.is_none_or(|max| *v <= max)
                }
                Some(Cell::Choice(option)) => {
                    test.at_least.is_none()
                        && test.at_most.is_none()
                        && test.is.as_ref().is_none_or(|is| is == option)
                }
                None => false,
            })
        })
        .count()
}
