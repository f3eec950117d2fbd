//! The trends screen: a measure followed over time, both partners' values
//! side by side.

use jiff::Timestamp;

use super::moving::move_in;
use super::{App, Back, Screen};
use crate::content::Library;
use crate::index::JournalIndex;
use crate::keymap::Action;
use crate::model::{ColumnKind, Field};

/// A measure that can be followed over time: an exercise's scale step or
/// grid cell, as keyed in the index (`closeness`, `inventory/affection/met`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Measure {
    pub exercise: String,
    pub key: String,
}

/// One point of a measure: when, and each partner's value.
pub type Point = (Timestamp, [Option<i32>; 2]);

/// The measures found in the journal, check-ins first, then in the
/// library's order of exercises and each exercise's order of steps, rows
/// and columns: a check-in opens on its first question.
pub fn measures(journal: &JournalIndex, library: &Library) -> Vec<Measure> {
    let mut found = std::collections::BTreeSet::new();
    for page in &journal.pages {
        if let Some(revealed) = &page.revealed {
            for (key, _) in &revealed.ratings {
                found.insert(Measure {
                    exercise: page.exercise.clone(),
                    key: key.to_string(),
                });
            }
        }
    }
    let exercises: Vec<&str> = library.exercises().map(|e| e.id.as_str()).collect();
    let mut list: Vec<Measure> = found.into_iter().collect();
    list.sort_by_cached_key(|m| {
        let exercise = library.get(&m.exercise);
        let mut parts = m.key.split('/');
        let (step, row, column) = (parts.next(), parts.next(), parts.next());
        let step_def = exercise.zip(step).and_then(|(e, s)| e.step(s));
        let step_at = exercise
            .zip(step)
            .and_then(|(e, s)| e.steps.iter().position(|x| x.id == s));
        let (row_at, column_at) = match step_def.map(|s| &s.field) {
            Some(crate::model::Field::Grid(grid)) => (
                row.and_then(|r| grid.rows.iter().position(|x| x.id == r)),
                column.and_then(|c| grid.columns.iter().position(|x| x.id == c)),
            ),
            _ => (None, None),
        };
        (
            m.exercise != "weekly-check-in",
            exercises
                .iter()
                .position(|e| *e == m.exercise)
                .unwrap_or(usize::MAX),
            step_at.unwrap_or(usize::MAX),
            row_at.unwrap_or(usize::MAX),
            column_at.unwrap_or(usize::MAX),
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
            let (_, values) = revealed.ratings.iter().find(|(k, _)| **k == *measure.key)?;
            Some((p.started, *values))
        })
        .collect();
    points.sort_by_key(|(when, _)| *when);
    points
}

/// A measure's name as a person reads it, and its scale.
pub fn describe(library: &Library, measure: &Measure) -> (String, i32, i32) {
    let Some(exercise) = library.get(&measure.exercise) else {
        return (format!("{} · {}", measure.exercise, measure.key), 1, 10);
    };
    let mut parts = measure.key.split('/');
    let step_id = parts.next().unwrap_or_default();
    let Some(step) = exercise.step(step_id) else {
        return (format!("{} · {}", exercise.title, measure.key), 1, 10);
    };
    match (&step.field, parts.next(), parts.next()) {
        (Field::Scale(scale), None, None) => (
            format!("{} · {}", exercise.title, step.prompt),
            scale.min,
            scale.max,
        ),
        (Field::Grid(grid), Some(row), Some(column)) => {
            let column = grid.columns.iter().find(|c| c.id == column);
            let (min, max) = match column.map(|c| &c.kind) {
                Some(ColumnKind::Scale(s)) => (s.min, s.max),
                _ => (1, 10),
            };
            let row = match row.strip_prefix(super::OWN_ROW) {
                Some(own) => format!("{} (added)", own.replace('⁄', "/")),
                None => grid.row_label(row).unwrap_or(row).to_string(),
            };
            let column = column.map_or("", |c| c.label.as_str());
            (format!("{} · {row} · {column}", exercise.title), min, max)
        }
        _ => (format!("{} · {}", exercise.title, step.prompt), 1, 10),
    }
}

#[derive(Default)]
pub struct TrendsView {
    pub measure: usize,
    /// Where Esc leads: the journal, when it was opened from there.
    pub back: Back,
}

impl App {
    pub(super) fn trends_act(&mut self, action: Action) {
        if self.review_jump(action) {
            return;
        }
        let all = measures(&self.journal, &self.library);
        let count = all.len();
        if action == Action::FindMeasure {
            self.pick_measure();
            return;
        }
        let Screen::Trends(view) = &mut self.screen else {
            return;
        };
        let last = count.saturating_sub(1);
        let back = view.back;
        if move_in(&mut view.measure, action, last) {
            // The measure looked at is where trends opens next time.
            self.last_measure = all.get(view.measure).cloned();
        } else if action == Action::Back {
            self.leave_looking_back(back);
        }
    }
}
