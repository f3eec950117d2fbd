//! Checks an exercise beyond what parsing can: ids, references between steps,
//! scales and options that make sense. Every rule here is described in
//! `docs/exercise-format.md`, and every problem points at the key it is
//! about.

use std::collections::HashSet;
use std::path::Path;

use crate::model::{
    CONTENT_VERSION, CellTest, ChoiceDef, ColumnKind, Condition, Exercise, Field, GridDef,
    ScaleDef, StepMode, Suggestion,
};
use crate::problem::Problem;
use crate::ron_text::{Scan, Seg, scan};

/// The largest scale a person can answer comfortably with arrow keys.
pub const MAX_SCALE_SPAN: i64 = 200;
/// The furthest a scale's ends may lie from zero.
pub const MAX_SCALE_VALUE: i32 = 10_000;
/// The longest an exercise may say it takes, in minutes.
pub const MAX_MINUTES: u32 = 240;
/// The longest id, in characters: ids become file names and page names.
pub const MAX_ID_CHARS: usize = 60;
/// The longest title, in characters: a title has one line in the library.
pub const MAX_TITLE_CHARS: usize = 80;

/// Where a problem is: a path of keys and positions into the file.
struct At(Vec<Seg>);

impl At {
    fn root() -> At {
        At(Vec::new())
    }

    fn key(&self, key: &str) -> At {
        let mut path = self.0.clone();
        path.push(Seg::Key(key.to_string()));
        At(path)
    }

    fn index(&self, i: usize) -> At {
        let mut path = self.0.clone();
        path.push(Seg::Index(i));
        At(path)
    }
}

struct Report<'a> {
    path: &'a Path,
    text: &'a str,
    scan: Scan<'a>,
    problems: Vec<Problem>,
}

impl Report<'_> {
    /// A problem at the place `at` leads to; where the file does not hold
    /// that place (a key left to its default), at the nearest place above.
    fn at(&mut self, at: &At, message: impl Into<String>) {
        let offset = (0..=at.0.len())
            .rev()
            .find_map(|n| self.scan.locate(&at.0[..n]))
            .unwrap_or(0);
        self.problems
            .push(Problem::at_offset(self.path, self.text, offset, message));
    }
}

pub fn validate(exercise: &Exercise, path: &Path, text: &str) -> Vec<Problem> {
    let mut report = Report {
        path,
        text,
        scan: scan(text),
        problems: Vec::new(),
    };
    let root = At::root();

    if exercise.version == 0 || exercise.version > CONTENT_VERSION {
        report.at(
            &root.key("version"),
            format!(
                "format {} does not exist; write version: {CONTENT_VERSION}",
                exercise.version
            ),
        );
    }
    if let Some(message) = id_problem(&exercise.id) {
        report.at(&root.key("id"), format!("the exercise's id {message}"));
    }
    if exercise.revision == 0 {
        report.at(
            &root.key("revision"),
            "revision starts at 1 and goes up each time the steps change",
        );
    }
    if exercise.title.trim().is_empty() {
        report.at(&root.key("title"), "the title is empty");
    } else if exercise.title.chars().count() > MAX_TITLE_CHARS {
        report.at(
            &root.key("title"),
            format!("the title is longer than {MAX_TITLE_CHARS} characters; it has one line in the library"),
        );
    }
    if let Some(minutes) = exercise.minutes
        && !(1..=MAX_MINUTES).contains(&minutes)
    {
        report.at(
            &root.key("minutes"),
            format!(
                "minutes is a rough length between 1 and {MAX_MINUTES}; leave it out if you would rather not say"
            ),
        );
    }
    check_concepts(&mut report, &root.key("concepts"), &exercise.concepts);
    if exercise.individual_steps().next().is_none() {
        report.at(
            &root.key("steps"),
            "an exercise needs at least one step each partner answers on their own (a step without `mode`)",
        );
    }

    let mut seen = HashSet::new();
    for (i, step) in exercise.steps.iter().enumerate() {
        let at = root.key("steps").index(i);
        let name = if is_id(&step.id) {
            format!("step \"{}\"", step.id)
        } else {
            format!("step {}", i + 1)
        };
        if let Some(message) = id_problem(&step.id) {
            report.at(&at.key("id"), format!("{name}: the id {message}"));
        } else if !seen.insert(step.id.as_str()) {
            report.at(
                &at.key("id"),
                format!("{name}: this id is used by an earlier step; give each step its own"),
            );
        }
        if step.prompt.trim().is_empty() {
            report.at(&at.key("prompt"), format!("{name}: the prompt is empty"));
        }
        check_concepts(&mut report, &at.key("concepts"), &step.concepts);
        if let Some(target) = &step.guess_of {
            let problem = match exercise.step(target) {
                _ if step.mode != StepMode::Individual => {
                    Some("is answered together; only a step answered on one's own can guess")
                }
                None => Some("is not a step of this exercise"),
                Some(found) if found.id == step.id => Some("is this step itself"),
                Some(found) if found.mode != StepMode::Individual => {
                    Some("is not a step answered on one's own")
                }
                Some(_) => None,
            };
            if let Some(problem) = problem {
                report.at(
                    &at.key("guess_of"),
                    format!("{name} guesses at {}, which {problem}", quoted(target)),
                );
            }
        }
        let mode = at.key("mode");
        match &step.mode {
            StepMode::Reflect { of } => {
                if of.is_empty() {
                    report.at(
                        &mode.key("of"),
                        format!("{name}: `of` names no step to say back"),
                    );
                }
                for (j, target) in of.iter().enumerate() {
                    let Some(found) = exercise.step(target) else {
                        report.at(
                            &mode.key("of").index(j),
                            format!(
                                "{name} says back {}, which is not a step of this exercise",
                                quoted(target)
                            ),
                        );
                        continue;
                    };
                    if found.mode != StepMode::Individual {
                        report.at(
                            &mode.key("of").index(j),
                            format!(
                                "{name} says back {}, which is not a step answered on one's own",
                                quoted(target)
                            ),
                        );
                    }
                }
            }
            StepMode::Turn { shows, .. } => {
                for (j, target) in shows.iter().enumerate() {
                    let earlier = exercise.steps[..i].iter().any(|s| &s.id == target);
                    if !earlier {
                        report.at(
                            &mode.key("shows").index(j),
                            format!(
                                "{name} shows {}, which is not an earlier step",
                                quoted(target)
                            ),
                        );
                    }
                }
            }
            StepMode::Opening => {
                let alone_before = exercise.steps[..i]
                    .iter()
                    .any(|s| s.mode == StepMode::Individual);
                if alone_before {
                    report.at(
                        &mode,
                        format!("{name}: an Opening step is written together before the turns, so it comes before every step answered alone"),
                    );
                }
            }
            StepMode::Individual | StepMode::Shared => {}
        }
        if step.field == Field::AgreementReview && step.mode != StepMode::Shared {
            report.at(
                &at.key("field"),
                format!(
                    "{name}: an agreement review is done together, so the step needs mode: Shared"
                ),
            );
        }
        check_field(&mut report, &at.key("field"), &name, &step.field);
    }
    for (i, suggestion) in exercise.suggest.iter().enumerate() {
        check_suggestion(
            &mut report,
            &root.key("suggest").index(i),
            exercise,
            suggestion,
        );
    }
    report.problems
}

/// The longest reason, in characters: it has one line on home.
pub const MAX_REASON_CHARS: usize = 120;
/// The furthest back `NotDoneFor` looks, in days.
pub const MAX_DAYS: u32 = 366;

fn check_suggestion(
    report: &mut Report<'_>,
    at: &At,
    exercise: &Exercise,
    suggestion: &Suggestion,
) {
    if suggestion.reason.trim().is_empty() {
        report.at(
            &at.key("reason"),
            "a suggestion's reason is empty; say in one line why the exercise could help now",
        );
    } else if suggestion.reason.chars().count() > MAX_REASON_CHARS {
        report.at(
            &at.key("reason"),
            format!(
                "a suggestion's reason has one line on home: at most {MAX_REASON_CHARS} characters"
            ),
        );
    }
    let when = at.key("when");
    match &suggestion.when {
        Condition::NotDoneFor { days } => {
            if !(1..=MAX_DAYS).contains(days) {
                report.at(
                    &when.key("days"),
                    format!("`days` lies between 1 and {MAX_DAYS}"),
                );
            }
        }
        Condition::AgreementsToRevisit { at_least } => {
            if *at_least == 0 {
                report.at(
                    &when.key("at_least"),
                    "`at_least` counts agreements and starts at 1",
                );
            }
        }
        Condition::Rows {
            exercise: target,
            step,
            matching,
            at_least,
        } => {
            if *at_least == 0 {
                report.at(
                    &when.key("at_least"),
                    "`at_least` counts rows and starts at 1",
                );
            }
            check_rows(report, &when, exercise, target, step, matching);
        }
        Condition::MostRows {
            exercise: target,
            step,
            matching,
        } => check_rows(report, &when, exercise, target, step, matching),
    }
}

fn check_rows(
    report: &mut Report<'_>,
    when: &At,
    exercise: &Exercise,
    target: &str,
    step: &str,
    matching: &[CellTest],
) {
    if id_problem(target).is_some() {
        report.at(
            &when.key("exercise"),
            "`exercise` names an exercise by its id",
        );
    }
    if matching.is_empty() {
        report.at(
            &when.key("matching"),
            "`matching` needs at least one cell test",
        );
    }
    for (i, test) in matching.iter().enumerate() {
        if test.at_least.is_none() && test.at_most.is_none() && test.is.is_none() {
            report.at(
                &when.key("matching").index(i),
                "a cell test needs `at_least`, `at_most` or `is`",
            );
        }
    }
    // A suggestion about this very exercise is checked here; one about
    // another, once the whole library is read.
    if target == exercise.id
        && let Some(message) = rows_reference_problem(exercise, step, matching)
    {
        report.at(&when.key("step"), message);
    }
}

/// What is wrong with a `Rows` or `MostRows` reference to `target`'s step
/// and columns, if anything.
pub fn rows_reference_problem(
    target: &Exercise,
    step: &str,
    matching: &[CellTest],
) -> Option<String> {
    let Some(found) = target.step(step) else {
        return Some(format!("{:?} has no step {}", target.id, quoted(step)));
    };
    let Field::Grid(grid) = &found.field else {
        return Some(format!(
            "step {} of {:?} is not a grid",
            quoted(step),
            target.id
        ));
    };
    for test in matching {
        let Some(column) = grid.columns.iter().find(|c| c.id == test.column) else {
            return Some(format!(
                "the grid of step {} has no column {}",
                quoted(step),
                quoted(&test.column)
            ));
        };
        match &column.kind {
            ColumnKind::Scale(_) if test.is.is_some() => {
                return Some(format!(
                    "column {} is a scale: test it with `at_least` or `at_most`",
                    quoted(&test.column)
                ));
            }
            ColumnKind::Choice(_) if test.at_least.is_some() || test.at_most.is_some() => {
                return Some(format!(
                    "column {} is a choice: test it with `is`",
                    quoted(&test.column)
                ));
            }
            ColumnKind::Choice(choice) => {
                if let Some(option) = &test.is
                    && choice.position(option).is_none()
                {
                    return Some(format!(
                        "column {} has no option {}",
                        quoted(&test.column),
                        quoted(option)
                    ));
                }
            }
            ColumnKind::Scale(_) => {}
        }
    }
    None
}

fn check_concepts(report: &mut Report<'_>, at: &At, concepts: &[String]) {
    for (i, concept) in concepts.iter().enumerate() {
        if !is_concept(concept) {
            report.at(
                &at.index(i),
                format!(
                    "{} is not a concept of the map (C1–C12, I1–I12 or S1–S7)",
                    quoted(concept)
                ),
            );
        }
    }
}

fn check_field(report: &mut Report<'_>, at: &At, name: &str, field: &Field) {
    match field {
        Field::Text(_) | Field::List(_) | Field::AgreementReview => {}
        Field::Scale(scale) => check_scale(report, at, name, scale),
        Field::Choice(choice) | Field::Checklist(choice) => check_choice(report, at, name, choice),
        Field::Grid(grid) => check_grid(report, at, name, grid),
    }
}

fn check_grid(report: &mut Report<'_>, at: &At, name: &str, grid: &GridDef) {
    if grid.rows.is_empty() && !grid.add_rows {
        report.at(
            &at.key("rows"),
            format!("{name}: a grid needs rows, or add_rows: true"),
        );
    }
    if grid.columns.is_empty() {
        report.at(
            &at.key("columns"),
            format!("{name}: a grid needs at least one column"),
        );
    }
    let mut rows = HashSet::new();
    for (i, row) in grid.rows.iter().enumerate() {
        let row_at = at.key("rows").index(i);
        if row.id.trim().is_empty() {
            report.at(
                &row_at.key("id"),
                format!("{name}: a grid row's id is empty"),
            );
        } else if !rows.insert(row.id.as_str()) {
            report.at(
                &row_at.key("id"),
                format!(
                    "{name}: grid row id {} is used by an earlier row",
                    quoted(&row.id)
                ),
            );
        } else if row.id.starts_with("added-") {
            report.at(
                &row_at.key("id"),
                format!("{name}: row ids starting with \"added-\" are kept for rows partners add"),
            );
        }
        if row.label.trim().is_empty() {
            report.at(
                &row_at.key("label"),
                format!("{name}: a grid row's label is empty"),
            );
        }
        check_names(report, &row_at.key("label"), name, &row.label);
        if !row.concept.is_empty() && !is_concept(&row.concept) {
            report.at(
                &row_at.key("concept"),
                format!(
                    "{name}: {} is not a concept of the map (C1–C12, I1–I12 or S1–S7)",
                    quoted(&row.concept)
                ),
            );
        }
    }
    let mut columns = HashSet::new();
    for (i, column) in grid.columns.iter().enumerate() {
        let column_at = at.key("columns").index(i);
        if column.id.trim().is_empty() {
            report.at(
                &column_at.key("id"),
                format!("{name}: a column's id is empty"),
            );
        } else if !columns.insert(column.id.as_str()) {
            report.at(
                &column_at.key("id"),
                format!(
                    "{name}: column id {} is used by an earlier column",
                    quoted(&column.id)
                ),
            );
        }
        match &column.kind {
            ColumnKind::Scale(scale) => check_scale(report, &column_at.key("kind"), name, scale),
            ColumnKind::Choice(choice) => {
                check_choice(report, &column_at.key("kind"), name, choice);
            }
        }
    }
    let column = |id: &str| grid.columns.iter().find(|c| c.id == id);
    let scale = |id: &str| match column(id).map(|c| &c.kind) {
        Some(ColumnKind::Scale(scale)) => Some(scale),
        _ => None,
    };
    if let Some(priority) = &grid.priority {
        for (key, id) in [("important", &priority.important), ("met", &priority.met)] {
            if scale(id).is_none() {
                report.at(
                    &at.key("priority").key(key),
                    format!(
                        "{name}: priority's `{key}` names {}, which is not a scale column of this grid",
                        quoted(id)
                    ),
                );
            }
        }
    }
    if let Some(patterns) = &grid.patterns {
        let patterns_at = at.key("patterns");
        match scale(&patterns.column) {
            None => report.at(
                &patterns_at.key("column"),
                format!(
                    "{name}: patterns' `column` names {}, which is not a scale column of this grid",
                    quoted(&patterns.column)
                ),
            ),
            Some(s) if !(s.min..=s.max).contains(&patterns.often) => report.at(
                &patterns_at.key("often"),
                format!(
                    "{name}: `often` is {}, outside the column's scale ({} to {})",
                    patterns.often, s.min, s.max
                ),
            ),
            Some(_) => {}
        }
        if patterns.caution_from == 0 {
            report.at(
                &patterns_at.key("caution_from"),
                format!("{name}: `caution_from` counts rows and starts at 1"),
            );
        }
    }
    if let Some(both) = &grid.both_chose {
        let both_at = at.key("both_chose");
        match column(&both.column).map(|c| &c.kind) {
            Some(ColumnKind::Choice(choice)) => {
                if choice.position(&both.option).is_none() {
                    report.at(
                        &both_at.key("option"),
                        format!(
                            "{name}: both_chose names option {}, which is not an option of column {}",
                            quoted(&both.option),
                            quoted(&both.column)
                        ),
                    );
                }
            }
            _ => report.at(
                &both_at.key("column"),
                format!(
                    "{name}: both_chose names {}, which is not a choice column of this grid",
                    quoted(&both.column)
                ),
            ),
        }
    }
}

fn check_scale(report: &mut Report<'_>, at: &At, name: &str, scale: &ScaleDef) {
    for (key, value) in [("min", scale.min), ("max", scale.max)] {
        if !(-MAX_SCALE_VALUE..=MAX_SCALE_VALUE).contains(&value) {
            report.at(
                &at.key(key),
                format!(
                    "{name}: a scale's ends lie between -{MAX_SCALE_VALUE} and {MAX_SCALE_VALUE}"
                ),
            );
            return;
        }
    }
    if scale.min >= scale.max {
        report.at(
            &at.key("min"),
            format!(
                "{name}: the scale's min ({}) must be below its max ({})",
                scale.min, scale.max
            ),
        );
    } else if i64::from(scale.max) - i64::from(scale.min) > MAX_SCALE_SPAN {
        report.at(
            &at.key("max"),
            format!(
                "{name}: a scale from {} to {} is too long to answer with arrow keys (at most {MAX_SCALE_SPAN} steps)",
                scale.min, scale.max
            ),
        );
    }
    for (key, words) in [("low", &scale.low), ("high", &scale.high)] {
        if words.trim().is_empty() {
            report.at(
                &at.key(key),
                format!("{name}: say in words what the scale's {key} end means"),
            );
        }
    }
}

fn check_choice(report: &mut Report<'_>, at: &At, name: &str, choice: &ChoiceDef) {
    if choice.options.len() < 2 {
        report.at(
            &at.key("options"),
            format!("{name}: a choice needs at least two options"),
        );
    }
    let mut ids = HashSet::new();
    for (i, option) in choice.options.iter().enumerate() {
        let option_at = at.key("options").index(i);
        if option.id.trim().is_empty() {
            report.at(
                &option_at.key("id"),
                format!("{name}: an option's id is empty"),
            );
        } else if !ids.insert(option.id.as_str()) {
            report.at(
                &option_at.key("id"),
                format!(
                    "{name}: option id {} is used by an earlier option",
                    quoted(&option.id)
                ),
            );
        }
        if option.label.trim().is_empty() {
            report.at(
                &option_at.key("label"),
                format!("{name}: an option's label is empty"),
            );
        }
        check_names(report, &option_at.key("label"), name, &option.label);
    }
}

/// A label may name the partners as `{me}` and `{partner}`; anything else
/// in braces would be shown as it is, braces and all.
fn check_names(report: &mut Report<'_>, at: &At, name: &str, label: &str) {
    let mut rest = label;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return;
        };
        let inside = &after[..close];
        if inside != "me" && inside != "partner" {
            let hint = crate::problem::nearest(inside, &["me", "partner"])
                .map(|n| format!(" (did you mean {{{n}}}?)"))
                .unwrap_or_default();
            report.at(
                at,
                format!(
                    "{name}: {} would be shown as it is; a label names the partners only as {{me}} and {{partner}}{hint}",
                    quoted(&format!("{{{inside}}}"))
                ),
            );
        }
        rest = &after[close + 1..];
    }
}

/// What is wrong with an exercise or step id, if anything.
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        Some("is empty".into())
    } else if !is_id(id) {
        Some(format!(
            "{} may hold only lowercase letters, digits and dashes",
            quoted(id)
        ))
    } else if id.chars().count() > MAX_ID_CHARS {
        Some(format!("is longer than {MAX_ID_CHARS} characters"))
    } else {
        None
    }
}

pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A value from the file, quoted when it is short and plain enough to
/// repeat.
fn quoted(value: &str) -> String {
    if value.chars().count() <= 40 && !value.chars().any(char::is_control) {
        format!("{value:?}")
    } else {
        "this value".to_string()
    }
}

/// Whether `id` names a concept of the concept map.
pub fn is_concept(id: &str) -> bool {
    // The first character, whatever its width in bytes: an id may start
    // with anything a person typed.
    let cut = id.chars().next().map_or(0, char::len_utf8);
    let (prefix, number) = id.split_at(cut);
    let max = match prefix {
        "C" | "I" => 12,
        "S" => 7,
        _ => return false,
    };
    number.bytes().all(|b| b.is_ascii_digit())
        && !number.starts_with('0')
        && number.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::is_concept;

    #[test]
    fn concept_ids_starting_with_any_character_are_checked_without_a_panic() {
        assert!(is_concept("C12") && is_concept("S7") && is_concept("I1"));
        assert!(!is_concept("C13") && !is_concept("") && !is_concept("X1"));
        assert!(!is_concept("👩‍❤️‍👨I4"));
        assert!(!is_concept("ÉC1"));
        assert!(!is_concept("C+1") && !is_concept("C01x"));
    }
}
