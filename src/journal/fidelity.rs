//! Whether a page fits its exercise: answers only for steps the exercise
//! has, of the step's kind, naming options and rows it knows, with values
//! the editors would keep as they are. Anything else is a finding, located
//! in the file, and the page is left read-only: an editor loading such an
//! answer would quietly drop or change what it does not know.

use std::path::Path;

use crate::model::{
    Answer, ChoiceDef, ColumnKind, Exercise, Field, GridAnswerRow, GridDef, GridValue, Page,
    Partner, ScaleDef, StepMode, normalize_line, normalize_text,
};
use crate::problem::Problem;
use crate::ron_text::{Scan, Seg};

/// Checks `page`, read from `text` in the file whose name says `file_id`,
/// against its exercise (when the library still has it).
pub fn audit(
    page: &Page,
    exercise: Option<&Exercise>,
    file_id: &str,
    path: &Path,
    text: &str,
) -> Vec<Problem> {
    let mut audit = Audit {
        path,
        text,
        scan: std::cell::OnceCell::new(),
        findings: Vec::new(),
    };
    if page.id != file_id {
        let said = match super::conflict::conflict_copy(file_id) {
            // Both versions are kept as they are: the page, and this copy
            // beside it, read-only until one of them is chosen.
            Some(copy) if copy.of == page.id => super::conflict::what_it_is(copy),
            _ => format!(
                "the page's id is \"{}\" but its file is named \"{file_id}.ron\"; tandem knows a page by its file name, so make the id the same",
                crate::model::visible_line(&page.id)
            ),
        };
        audit.report(&[key("id")], said);
    }
    for partner in Partner::BOTH {
        if page.entry(partner).partner.chars().any(char::is_control) {
            audit.report(
                &[key("entries"), Seg::Index(partner.index()), key("partner")],
                "this name holds a control character, which could change the terminal it is shown in; tandem shows it as a mark such as ␛".to_string(),
            );
        }
    }
    for partner in Partner::BOTH {
        audit.sealed(page, partner);
    }
    if let Some(exercise) = exercise {
        for partner in Partner::BOTH {
            for (step_id, answer) in &page.entry(partner).answers {
                let at = [
                    key("entries"),
                    Seg::Index(partner.index()),
                    key("answers"),
                    key(step_id),
                ];
                audit.partner_answer(exercise, partner, step_id, answer, &at);
            }
        }
        for (step_id, answer) in &page.shared.answers {
            let at = [key("shared"), key("answers"), key(step_id)];
            match exercise.step(step_id) {
                Some(step) if matches!(step.mode, StepMode::Shared | StepMode::Opening) => {
                    if step.field != Field::AgreementReview {
                        audit.answer(&step.field, answer, &at);
                    }
                }
                Some(_) => audit.report(
                    &at,
                    format!(
                        "step \"{}\" is answered by each partner, not together; its answer does not belong with the shared answers",
                        shown(step_id)
                    ),
                ),
                None => audit.unknown_step(exercise, step_id, &at),
            }
        }
    }
    audit.findings.sort_by_key(|p| (p.line, p.column));
    audit.findings
}

fn key(name: &str) -> Seg {
    Seg::Key(name.to_string())
}

/// An id from a file, short and safe enough to repeat.
fn shown(id: &str) -> String {
    let id = crate::model::visible_line(id);
    if id.chars().count() > 40 {
        format!("{}…", id.chars().take(40).collect::<String>())
    } else {
        id
    }
}

struct Audit<'a> {
    path: &'a Path,
    text: &'a str,
    /// The text's tokens, read only when there is something to point at.
    scan: std::cell::OnceCell<Scan<'a>>,
    findings: Vec<Problem>,
}

impl Audit<'_> {
    /// A sealed entry holds its words in the sealed block alone: words
    /// beside it (a hand edit, a merge) would be dropped when the entry is
    /// opened, and a block tandem could never open shuts the reveal.
    fn sealed(&mut self, page: &Page, partner: Partner) {
        let entry = page.entry(partner);
        let at = |field: &str| [key("entries"), Seg::Index(partner.index()), key(field)];
        if let Some(sealed) = &entry.sealed {
            let beside = [
                ("answers", !entry.answers.is_empty()),
                ("passed", !entry.passed.is_empty()),
                ("private", !entry.private.is_empty()),
                ("left_at", entry.left_at.is_some()),
            ];
            if let Some((field, _)) = beside.iter().find(|(_, held)| *held) {
                self.report(
                    &at(field),
                    format!(
                        "this entry's words are sealed, yet it also holds `{field}` in the open beside them; opening the sealed words would replace these, so the page is left as it is: move them out of the file (or remove the sealed block) to go on"
                    ),
                );
            }
            if let Err(why) = crate::seal::well_formed(sealed) {
                self.report(
                    &at("sealed"),
                    format!(
                        "these sealed words cannot be opened: {why}; both sides of the page stay shut, and the file is left as it is"
                    ),
                );
            }
        }
        if let Some(kept) = &entry.kept
            && let Err(why) = crate::seal::well_formed(kept)
        {
            self.report(
                &at("kept"),
                format!(
                    "these answers kept private cannot be opened: {why}; the file is left as it is"
                ),
            );
        }
    }

    fn report(&mut self, at: &[Seg], message: String) {
        // Point at the deepest part of the path that can be found.
        let text = self.text;
        let scan = self.scan.get_or_init(|| crate::ron_text::scan(text));
        let offset = (1..=at.len())
            .rev()
            .find_map(|n| scan.locate(&at[..n]))
            .unwrap_or(0);
        self.findings
            .push(Problem::at_offset(self.path, self.text, offset, message));
    }

    fn unknown_step(&mut self, exercise: &Exercise, step_id: &str, at: &[Seg]) {
        self.report(
            at,
            format!("\"{}\" is not a step of {}", shown(step_id), exercise.title),
        );
    }

    fn partner_answer(
        &mut self,
        exercise: &Exercise,
        partner: Partner,
        step_id: &str,
        answer: &Answer,
        at: &[Seg],
    ) {
        let Some(step) = exercise.step(step_id) else {
            self.unknown_step(exercise, step_id, at);
            return;
        };
        let belongs = match &step.mode {
            StepMode::Individual | StepMode::Reflect { .. } => true,
            StepMode::Turn { by, .. } => *by == partner,
            StepMode::Shared | StepMode::Opening => false,
        };
        if !belongs {
            self.report(
                at,
                format!(
                    "step \"{}\" is not one this partner answers",
                    shown(step_id)
                ),
            );
            return;
        }
        self.answer(&step.field, answer, at);
    }

    fn answer(&mut self, field: &Field, answer: &Answer, at: &[Seg]) {
        let inside = |n: usize| {
            let mut p = at.to_vec();
            p.push(Seg::Enter);
            p.push(Seg::Index(n));
            p
        };
        match (field, answer) {
            (Field::Text(_), Answer::Text(text)) => {
                if normalize_text(text) != *text {
                    self.report(
                        at,
                        "this answer holds control characters or carriage returns, which saving would change".to_string(),
                    );
                }
            }
            (Field::List(_), Answer::List(items)) => {
                for (n, item) in items.iter().enumerate() {
                    if normalize_line(item) != *item {
                        self.report(
                            &inside(n),
                            "this item has spaces at its ends, a line break or control characters, which saving would change".to_string(),
                        );
                    }
                }
            }
            (Field::Scale(scale), Answer::Scale(value)) => {
                if let Some(message) = out_of_scale(scale, *value) {
                    self.report(at, message);
                }
            }
            (Field::Choice(choice), Answer::Choice(id)) => {
                if choice.position(id).is_none() {
                    self.report(at, not_an_option(choice, id));
                }
            }
            (Field::Checklist(choice), Answer::Checklist(ids)) => {
                for (n, id) in ids.iter().enumerate() {
                    if choice.position(id).is_none() {
                        self.report(&inside(n), not_an_option(choice, id));
                    }
                }
                let mut listed: Vec<usize> =
                    ids.iter().filter_map(|id| choice.position(id)).collect();
                let count = listed.len();
                listed.dedup();
                if listed.windows(2).any(|w| w[0] > w[1]) || listed.len() != count {
                    self.report(
                        at,
                        "the options here are repeated or out of the exercise's order, which saving would change".to_string(),
                    );
                }
            }
            (Field::Grid(grid), Answer::Grid(rows)) => {
                for (n, row) in rows.iter().enumerate() {
                    self.grid_row(grid, row, &inside(n));
                }
            }
            (field, answer) => self.report(
                at,
                format!(
                    "this answer is {}, but the step takes {}",
                    kind_words(answer),
                    field_words(field)
                ),
            ),
        }
    }

    fn grid_row(&mut self, grid: &GridDef, row: &GridAnswerRow, at: &[Seg]) {
        let known = grid.row_label(&row.row).is_some();
        let added = grid.add_rows && row.row.starts_with("added-") && !row.label.is_empty();
        if !known && !added {
            let mut p = at.to_vec();
            p.push(key("row"));
            self.report(
                &p,
                format!("\"{}\" is not a row of this grid", shown(&row.row)),
            );
        }
        if added && normalize_line(&row.label) != row.label {
            let mut p = at.to_vec();
            p.push(key("label"));
            self.report(
                &p,
                "this row's name has spaces at its ends or control characters, which saving would change".to_string(),
            );
        }
        for (column_id, value) in &row.values {
            let mut p = at.to_vec();
            p.push(key("values"));
            p.push(key(column_id));
            let Some(column) = grid.columns.iter().find(|c| c.id == *column_id) else {
                self.report(
                    &p,
                    format!("\"{}\" is not a column of this grid", shown(column_id)),
                );
                continue;
            };
            let message = match (&column.kind, value) {
                (ColumnKind::Scale(scale), GridValue::Scale(v)) => out_of_scale(scale, *v),
                (ColumnKind::Choice(choice), GridValue::Choice(id)) => choice
                    .position(id)
                    .is_none()
                    .then(|| not_an_option(choice, id)),
                (ColumnKind::Scale(_), GridValue::Choice(_)) => {
                    Some("this column takes a number, not a choice".to_string())
                }
                (ColumnKind::Choice(_), GridValue::Scale(_)) => {
                    Some("this column takes a choice, not a number".to_string())
                }
            };
            if let Some(message) = message {
                self.report(&p, message);
            }
        }
    }
}

fn out_of_scale(scale: &ScaleDef, value: i32) -> Option<String> {
    (value < scale.min || value > scale.max).then(|| {
        format!(
            "{value} is outside this scale ({} to {})",
            scale.min, scale.max
        )
    })
}

fn not_an_option(choice: &ChoiceDef, id: &str) -> String {
    let ids: Vec<&str> = choice.options.iter().map(|o| o.id.as_str()).collect();
    format!(
        "\"{}\" is not one of this step's options ({})",
        shown(id),
        ids.join(", ")
    )
}

fn kind_words(answer: &Answer) -> &'static str {
    match answer {
        Answer::Text(_) => "a text",
        Answer::List(_) => "a list",
        Answer::Scale(_) => "a number on a scale",
        Answer::Choice(_) => "a choice",
        Answer::Checklist(_) => "a checklist",
        Answer::Grid(_) => "a grid",
    }
}

fn field_words(field: &Field) -> &'static str {
    match field {
        Field::Text(_) => "a text (`Text`)",
        Field::List(_) => "a list (`List`)",
        Field::Scale(_) => "a number on a scale (`Scale`)",
        Field::Choice(_) => "a choice (`Choice`)",
        Field::Checklist(_) => "a checklist (`Checklist`)",
        Field::Grid(_) | Field::AgreementReview => "a grid (`Grid`)",
    }
}
