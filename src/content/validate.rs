//! Checks an exercise beyond what parsing can: ids, references between steps,
//! scales and options that make sense.

use std::collections::HashSet;
use std::path::Path;

use crate::model::{CONTENT_VERSION, ChoiceDef, ColumnKind, Exercise, Field, ScaleDef, StepMode};
use crate::problem::Problem;

/// The largest scale a person can answer comfortably with arrow keys.
const MAX_SCALE_SPAN: i32 = 200;

pub fn validate(exercise: &Exercise, path: &Path, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |after: Option<&str>, needle: &str, message: String| {
        problems.push(Problem::at_text(path, text, after, needle, message));
    };

    if exercise.version > CONTENT_VERSION {
        report(
            None,
            "version",
            format!(
                "written for a newer tandem (format {}, this build reads up to {CONTENT_VERSION})",
                exercise.version
            ),
        );
    }
    if !is_id(&exercise.id) {
        report(
            None,
            "id",
            format!(
                "id {:?} must be lowercase letters, digits and dashes",
                exercise.id
            ),
        );
    }
    if exercise.title.trim().is_empty() {
        report(None, "title", "title is empty".into());
    }
    for concept in &exercise.concepts {
        if !is_concept(concept) {
            report(
                Some("concepts"),
                &format!("\"{concept}\""),
                format!("unknown concept id {concept:?} (expected C1–C12, I1–I12 or S1–S7)"),
            );
        }
    }
    if exercise.individual_steps().next().is_none() {
        report(
            None,
            "steps",
            "needs at least one step each partner answers on their own".into(),
        );
    }

    let mut seen = HashSet::new();
    for step in &exercise.steps {
        let anchor = format!("\"{}\"", step.id);
        let at = Some(anchor.as_str());
        if !is_id(&step.id) {
            report(
                None,
                &anchor,
                format!(
                    "step id {:?} must be lowercase letters, digits and dashes",
                    step.id
                ),
            );
        }
        if !seen.insert(step.id.as_str()) {
            report(at, &anchor, format!("step id {:?} is used twice", step.id));
        }
        if step.prompt.trim().is_empty() {
            report(
                at,
                "prompt",
                format!("step {:?} has an empty prompt", step.id),
            );
        }
        if let StepMode::Reflect { of } = &step.mode {
            if of.is_empty() {
                report(
                    at,
                    "Reflect",
                    format!("step {:?} reflects no steps", step.id),
                );
            }
            for target in of {
                let ok = exercise
                    .step(target)
                    .is_some_and(|s| s.mode == StepMode::Individual);
                if !ok {
                    report(
                        at,
                        &format!("\"{target}\""),
                        format!(
                            "step {:?} reflects {target:?}, which is not a step answered on one's own",
                            step.id
                        ),
                    );
                }
            }
        }
        if let StepMode::Turn { shows, .. } = &step.mode {
            for target in shows {
                let earlier = exercise
                    .steps
                    .iter()
                    .take_while(|s| s.id != step.id)
                    .any(|s| &s.id == target);
                if !earlier {
                    report(
                        at,
                        &format!("\"{target}\""),
                        format!(
                            "step {:?} shows {target:?}, which is not an earlier step",
                            step.id
                        ),
                    );
                }
            }
        }
        if step.field == Field::AgreementReview && step.mode != StepMode::Shared {
            report(
                at,
                "AgreementReview",
                format!(
                    "step {:?}: an agreement review is done together (mode: Shared)",
                    step.id
                ),
            );
        }
        let mut field_problems = Vec::new();
        check_field(&step.field, &mut field_problems);
        for message in field_problems {
            // Point at the value the message quotes, when there is one.
            let needle = message
                .split('"')
                .nth(1)
                .map_or_else(|| "field".to_string(), |quoted| format!("\"{quoted}\""));
            report(at, &needle, format!("step {:?}: {message}", step.id));
        }
    }
    problems
}

fn check_field(field: &Field, problems: &mut Vec<String>) {
    match field {
        Field::Text(_) | Field::List(_) | Field::AgreementReview => {}
        Field::Scale(scale) => check_scale(scale, problems),
        Field::Choice(choice) | Field::Checklist(choice) => check_choice(choice, problems),
        Field::Grid(grid) => {
            if grid.rows.is_empty() && !grid.add_rows {
                problems.push("a grid needs rows, or add_rows: true".into());
            }
            if grid.columns.is_empty() {
                problems.push("a grid needs at least one column".into());
            }
            let mut rows = HashSet::new();
            for row in &grid.rows {
                if !rows.insert(row.id.as_str()) {
                    problems.push(format!("grid row id {:?} is used twice", row.id));
                }
                if row.id.starts_with("added-") {
                    problems.push(format!(
                        "grid row id {:?}: ids starting with \"added-\" are kept for rows partners add",
                        row.id
                    ));
                }
            }
            let column = |id: &str| grid.columns.iter().find(|c| c.id == id);
            let is_scale =
                |id: &str| matches!(column(id), Some(c) if matches!(c.kind, ColumnKind::Scale(_)));
            if let Some(priority) = &grid.priority {
                for id in [&priority.important, &priority.met] {
                    if !is_scale(id) {
                        problems.push(format!(
                            "priority names {id:?}, which is not a scale column"
                        ));
                    }
                }
            }
            if let Some(patterns) = &grid.patterns
                && !is_scale(&patterns.column)
            {
                problems.push(format!(
                    "patterns name {:?}, which is not a scale column",
                    patterns.column
                ));
            }
            if let Some(both) = &grid.both_chose {
                let has_option = matches!(
                    column(&both.column).map(|c| &c.kind),
                    Some(ColumnKind::Choice(choice)) if choice.position(&both.option).is_some()
                );
                if !has_option {
                    problems.push(format!(
                        "both_chose names option {:?} of column {:?}, which is not a choice there",
                        both.option, both.column
                    ));
                }
            }
            for row in &grid.rows {
                if !row.concept.is_empty() && !is_concept(&row.concept) {
                    problems.push(format!(
                        "grid row {:?} has unknown concept {:?}",
                        row.id, row.concept
                    ));
                }
            }
            let mut columns = HashSet::new();
            for column in &grid.columns {
                if !columns.insert(column.id.as_str()) {
                    problems.push(format!("grid column id {:?} is used twice", column.id));
                }
                match &column.kind {
                    ColumnKind::Scale(scale) => check_scale(scale, problems),
                    ColumnKind::Choice(choice) => check_choice(choice, problems),
                }
            }
        }
    }
}

fn check_scale(scale: &ScaleDef, problems: &mut Vec<String>) {
    if scale.min >= scale.max {
        problems.push(format!(
            "scale min ({}) must be below max ({})",
            scale.min, scale.max
        ));
    } else if scale.max - scale.min > MAX_SCALE_SPAN {
        problems.push(format!(
            "scale from {} to {} is too long (at most {MAX_SCALE_SPAN} steps)",
            scale.min, scale.max
        ));
    }
}

fn check_choice(choice: &ChoiceDef, problems: &mut Vec<String>) {
    if choice.options.len() < 2 {
        problems.push("a choice needs at least two options".into());
    }
    let mut ids = HashSet::new();
    for option in &choice.options {
        if !ids.insert(option.id.as_str()) {
            problems.push(format!("option id {:?} is used twice", option.id));
        }
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
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
    number.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
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
    }
}
