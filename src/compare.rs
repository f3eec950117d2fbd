//! The side-by-side comparison of a page: for each step, both partners'
//! answers arranged by kind so the couple can talk about them. Plain data,
//! drawn by the interface and written by the exports.

use crate::model::{
    Agreement, Answer, ChoiceDef, ColumnKind, Exercise, Field, GridAnswerRow, GridDef, GridValue,
    Partner, Priority, ScaleDef, Step, StepMode,
};
use crate::reveal::{Revealed, Withheld};

pub struct Section {
    pub heading: String,
    pub body: Body,
}

/// The words the screen and the exports both put where there is nothing
/// to show, kept in one place so the two say the same.
pub mod words {
    pub const NO_ANSWER: &str = "(no answer)";
    pub const NOTHING_WRITTEN: &str = "(nothing written)";
    pub const NO_AGREEMENTS: &str = "(none written down)";
    pub const NO_NUMBERS_ON_BOTH: &str = "(no numbers on both pages)";

    /// The headers of a partner's answers on two pages compared.
    pub fn then_and_now(name: &str) -> [String; 2] {
        [format!("{name}, then"), format!("{name}, now")]
    }
}

pub enum Body {
    /// Each partner's answer in their own column; `None` when unanswered.
    Columns([Option<Vec<String>>; 2]),
    /// Both values on a scale, and how far apart they are.
    Scale {
        values: [Option<i32>; 2],
        scale: ScaleDef,
    },
    /// What both picked, and what only one of them picked.
    Checklist {
        both: Vec<String>,
        only: [Vec<String>; 2],
    },
    Grid {
        columns: Vec<String>,
        rows: Vec<GridLine>,
        /// What the numbers of each scale column mean ("How important: 1
        /// hardly … 5 very").
        scales: Vec<String>,
    },
    /// One answer written together.
    Together(Option<String>),
    /// One partner's move in a turn-by-turn conversation.
    One {
        partner: Partner,
        lines: Option<Vec<String>>,
    },
    Agreements(Vec<Agreement>),
    /// Numbers then and now, per partner (comparing two pages).
    Change(Vec<ChangeLine>),
    /// Answers then and now, per partner (comparing two pages).
    ThenNow([[Option<Vec<String>>; 2]; 2]),
    /// Notes added after the page was finished, with their dates.
    LaterNotes(Vec<crate::model::LaterNote>),
}

/// One number or choice followed over two pages:
/// `values[partner] = [then, now]`.
pub struct ChangeLine {
    pub label: String,
    pub values: [[Cell; 2]; 2],
}

/// One side of a change: a number, a choice in the partner's words, or
/// what stands in place of an answer not there ("–", "(kept private)").
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Number(i32),
    Word(String),
    Missing(&'static str),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Number(v) => v.to_string(),
            Cell::Word(w) => w.clone(),
            Cell::Missing(m) => (*m).to_string(),
        }
    }

    fn is_missing(&self) -> bool {
        matches!(self, Cell::Missing(_))
    }
}

impl ChangeLine {
    /// The largest change for either partner, to list big changes first:
    /// a changed choice counts as one step.
    fn size(&self) -> u32 {
        self.values
            .iter()
            .map(|[then, now]| match (then, now) {
                (Cell::Number(a), Cell::Number(b)) => a.abs_diff(*b),
                (Cell::Word(a), Cell::Word(b)) => u32::from(a != b),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
}

/// "4 → 6 (+2)", "fine → let's talk (changed)", or what is missing.
pub fn change_text(line: &ChangeLine, partner: usize) -> String {
    match &line.values[partner] {
        [Cell::Number(then), Cell::Number(now)] => {
            let delta = now - then;
            let sign = match delta.signum() {
                1 => "+",
                _ => "",
            };
            if delta == 0 {
                format!("{then} → {now} (same)")
            } else {
                format!("{then} → {now} ({sign}{delta})")
            }
        }
        [Cell::Word(then), Cell::Word(now)] if then == now => format!("{now} (same)"),
        [Cell::Word(then), Cell::Word(now)] => format!("{then} → {now} (changed)"),
        [then, now] if then.is_missing() && then == now => then.text(),
        [then, now] => format!("{} → {}", then.text(), now.text()),
    }
}

/// Two pages of one exercise, step by step: numbers and choices as
/// changes, everything else then and now. What a partner kept private or
/// passed says so, on either page.
pub fn over_time(pages: &[Revealed<'_>; 2], exercise: &Exercise) -> Vec<Section> {
    let mut out = Vec::new();
    for step in exercise.individual_steps() {
        let absent = |page: &Revealed<'_>, p: Partner| -> &'static str {
            page.withheld(p, &step.id).map_or("–", Withheld::words)
        };
        let body = match &step.field {
            Field::Scale(_) => Body::Change(vec![ChangeLine {
                label: String::new(),
                values: Partner::BOTH.map(|p| {
                    pages.each_ref().map(|page| match page.answer(p, &step.id) {
                        Some(Answer::Scale(v)) => Cell::Number(*v),
                        _ => Cell::Missing(absent(page, p)),
                    })
                }),
            }]),
            Field::Grid(def) => Body::Change(grid_over_time(pages, step, def)),
            field => Body::ThenNow(Partner::BOTH.map(|p| {
                pages.each_ref().map(|page| match page.answer(p, &step.id) {
                    Some(a) => Some(plain_answer(a, field)),
                    None => page
                        .withheld(p, &step.id)
                        .map(|w| vec![w.words().to_string()]),
                })
            })),
        };
        out.push(Section {
            heading: step.prompt.clone(),
            body,
        });
    }
    out
}

/// Every cell of a grid over two pages, the rows a partner added matched
/// by name, the biggest changes first.
fn grid_over_time(pages: &[Revealed<'_>; 2], step: &Step, def: &GridDef) -> Vec<ChangeLine> {
    fn grid_rows<'a>(page: &Revealed<'a>, p: Partner, step: &str) -> &'a [GridAnswerRow] {
        match page.answer(p, step) {
            Some(Answer::Grid(rows)) => rows,
            _ => &[],
        }
    }

    // A partner's own row ("Playing music") has a new id on every page;
    // its name is what stays the same.
    let own_key = |row: &GridAnswerRow| row.label.trim().to_lowercase();
    let mut rows: Vec<(Option<&str>, String)> = def
        .rows
        .iter()
        .map(|r| {
            (
                Some(r.id.as_str()),
                crate::model::named(&r.label, "me", "my partner"),
            )
        })
        .collect();
    for page in pages {
        for p in Partner::BOTH {
            for row in grid_rows(page, p, &step.id) {
                let own = def.row_label(&row.row).is_none() && !row.label.trim().is_empty();
                let label = format!("{} (own)", row.label.trim());
                if own && !rows.iter().any(|(id, l)| id.is_none() && *l == label) {
                    rows.push((None, label));
                }
            }
        }
    }
    let names = Partner::BOTH.map(|p| [0, 1].map(|n| pages[n].page().entry(p).partner.clone()));
    let mut lines: Vec<ChangeLine> = Vec::new();
    for (id, label) in &rows {
        for column in &def.columns {
            let values = Partner::BOTH.map(|p| {
                [0, 1].map(|n| {
                    let page = &pages[n];
                    let row = grid_rows(page, p, &step.id).iter().find(|r| match id {
                        Some(id) => r.row == *id,
                        None => {
                            def.row_label(&r.row).is_none()
                                && format!("{} (own)", r.label.trim()).to_lowercase()
                                    == label.to_lowercase()
                                && !own_key(r).is_empty()
                        }
                    });
                    match (row.and_then(|r| r.values.get(&column.id)), &column.kind) {
                        (Some(GridValue::Scale(v)), _) => Cell::Number(*v),
                        (Some(GridValue::Choice(option)), ColumnKind::Choice(choices)) => {
                            // In the partner's own words: "{me}" is their name.
                            let me = &names[p.index()][n];
                            let other = &pages[n].page().entry(p.other()).partner;
                            Cell::Word(crate::model::named(choices.label(option), me, other))
                        }
                        (Some(GridValue::Choice(option)), _) => Cell::Word(option.clone()),
                        (None, _) => {
                            Cell::Missing(page.withheld(p, &step.id).map_or("–", Withheld::words))
                        }
                    }
                })
            });
            if values.iter().flatten().all(|c| c == &Cell::Missing("–")) {
                continue;
            }
            lines.push(ChangeLine {
                label: if def.columns.len() > 1 {
                    format!("{label} · {}", column.label)
                } else {
                    label.clone()
                },
                values,
            });
        }
    }
    lines.sort_by_key(|l| std::cmp::Reverse(l.size()));
    lines
}

/// A grid row with both partners' values, in the order worth talking about.
pub struct GridLine {
    pub label: String,
    pub values: [Vec<String>; 2],
    /// How far apart the two answers are (0 when they agree).
    pub gap: u32,
    /// Either partner marked this row as needing attention.
    pub flagged: bool,
    /// Important to one of them and poorly met (grids with a priority).
    pub urgent: bool,
    /// How much more important than met the row is, for whichever partner
    /// it is more so (grids with a priority).
    pub unmet: i32,
}

impl GridLine {
    /// The mark before a row, so what needs talking about shows at a
    /// glance: important and poorly met, answered differently, or the
    /// same answer and still worth a word.
    pub fn mark(&self) -> Option<char> {
        if self.urgent {
            Some('!')
        } else if self.gap > 0 {
            Some('≠')
        } else if self.flagged {
            Some('•')
        } else {
            None
        }
    }
}

/// What each mark used in `rows` means, in the order of [`GridLine::mark`].
pub fn grid_legend(rows: &[GridLine]) -> Vec<(char, &'static str)> {
    [
        ('!', "important to one of you and poorly met"),
        ('≠', "you answered differently"),
        // Not "the same answer": a row one of them left blank is marked
        // too, when the other's answer is worth a word.
        ('•', "one of you, or both, marked it as worth talking about"),
    ]
    .into_iter()
    .filter(|(mark, _)| rows.iter().any(|r| r.mark() == Some(*mark)))
    .collect()
}

/// A step written together, as one section.
fn together(page: Revealed<'_>, step: &crate::model::Step) -> Section {
    Section {
        heading: step.prompt.clone(),
        body: Body::Together(match page.shared_answers().get(&step.id) {
            Some(Answer::Text(t)) => Some(t.clone()),
            Some(Answer::Grid(rows)) if step.field == Field::AgreementReview => {
                Some(review_lines(rows).join("\n"))
            }
            Some(other) => Some(plain_answer(other, &step.field).join("\n")),
            None => None,
        }),
    }
}

/// Sections of the individual steps (the reveal) and, when `discussion`,
/// of what was written together afterwards.
pub fn sections(page: Revealed<'_>, exercise: Option<&Exercise>, discussion: bool) -> Vec<Section> {
    let mut out = Vec::new();
    match exercise {
        Some(exercise) => {
            // Answers to steps the exercise does not have (a hand edit, or
            // an exercise changed since) are shown too: nothing is hidden.
            let unknown = not_in_exercise(page, exercise);
            if !unknown.is_empty() {
                out.push(Section {
                    heading: "Answers to steps this exercise does not have".to_string(),
                    body: Body::Together(Some(
                        "This page holds answers the exercise has no step for. They are shown at the end, as they were written.".to_string(),
                    )),
                });
            }
            for step in &exercise.steps {
                match &step.mode {
                    // A guess is shown under the question it guesses at.
                    StepMode::Individual if guessed(exercise, step).is_some() => {}
                    StepMode::Individual => {
                        out.push(individual(page, step));
                        for guess in exercise
                            .steps
                            .iter()
                            .filter(|g| g.guess_of.as_deref() == Some(step.id.as_str()))
                        {
                            out.extend(guesses(page, guess, step));
                        }
                        if let Field::Grid(def) = &step.field {
                            out.extend(grid_summaries(page, step, def));
                        }
                    }
                    StepMode::Reflect { .. } if discussion => out.push(reflected(page, step)),
                    StepMode::Turn { by, .. } if discussion => out.push(Section {
                        heading: step.prompt.clone(),
                        body: Body::One {
                            partner: *by,
                            lines: page
                                .answer(*by, &step.id)
                                .map(|a| plain_answer(a, &step.field)),
                        },
                    }),
                    // What was written together first opens the reveal.
                    StepMode::Opening => out.push(together(page, step)),
                    StepMode::Shared if discussion => out.push(together(page, step)),
                    _ => {}
                }
            }
            out.extend(unknown);
        }
        None => out.extend(by_step_id(page, page_step_ids(page))),
    }
    if discussion {
        out.push(Section {
            heading: crate::model::AGREEMENTS_PROMPT.to_string(),
            body: Body::Agreements(page.agreements().to_vec()),
        });
        let notes = &page.page().shared.later_notes;
        if !notes.is_empty() {
            out.push(Section {
                heading: "Later notes".to_string(),
                body: Body::LaterNotes(notes.clone()),
            });
        }
    }
    out
}

/// Sections for answers to steps `exercise` does not have.
fn not_in_exercise(page: Revealed<'_>, exercise: &Exercise) -> Vec<Section> {
    let ids: Vec<String> = page_step_ids(page)
        .into_iter()
        .filter(|id| exercise.step(id).is_none())
        .collect();
    by_step_id(page, ids)
}

fn page_step_ids(page: Revealed<'_>) -> Vec<String> {
    let mut ids: Vec<String> = Partner::BOTH
        .iter()
        .flat_map(|p| page.answers(*p).map(|(step, _)| step.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// A check-in's decisions about earlier agreements, one line each.
fn review_lines(rows: &[GridAnswerRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|row| {
            let decision = match row.values.get(crate::model::REVIEW_COLUMN) {
                Some(GridValue::Choice(c)) => c.as_str(),
                _ => return None,
            };
            Some(format!("• {} — {decision}", row.label))
        })
        .collect()
}

/// What a grid adds after itself: the rows both partners chose alike, and a
/// gentle summary of patterns per partner.
fn grid_summaries(page: Revealed<'_>, step: &Step, def: &GridDef) -> Vec<Section> {
    let mut out = Vec::new();
    let rows = answers(page, step).map(|a| match a {
        Some(Answer::Grid(rows)) => rows.clone(),
        _ => Vec::new(),
    });
    let value = |p: usize, row: &str, column: &str| -> Option<GridValue> {
        rows[p]
            .iter()
            .find(|r| r.row == row)
            .and_then(|r| r.values.get(column).cloned())
    };
    if let Some(both) = &def.both_chose {
        let chosen = GridValue::Choice(both.option.clone());
        let items: Vec<String> = def
            .rows
            .iter()
            .filter(|r| (0..2).all(|p| value(p, &r.id, &both.column).as_ref() == Some(&chosen)))
            .map(|r| format!("• {}", r.label))
            .collect();
        out.push(Section {
            heading: both.title.clone(),
            body: Body::Together((!items.is_empty()).then(|| items.join("\n"))),
        });
    }
    if let Some(patterns) = &def.patterns {
        let often = |p: usize, strength: bool| -> Vec<String> {
            def.rows
                .iter()
                .filter(|r| !r.concept.is_empty() && r.concept.starts_with('I') == strength)
                .filter(|r| {
                    matches!(value(p, &r.id, &patterns.column), Some(GridValue::Scale(v)) if v >= patterns.often)
                })
                .map(|r| format!("• {}", r.label))
                .collect()
        };
        let column = |p: usize| {
            // Strengths are the interdependent statements; every other one
            // (a codependent pattern, or leaning so far the other way that
            // a partner's needs are overlooked) is a pattern to be gentle with.
            let gentle = often(p, false);
            let strengths = often(p, true);
            let mut lines = vec!["Patterns to be gentle with:".to_string()];
            if gentle.is_empty() {
                lines.push("(none rated often)".to_string());
            }
            lines.extend(gentle.iter().cloned());
            lines.push(String::new());
            lines.push("Strengths to build on:".to_string());
            if strengths.is_empty() {
                lines.push("(none rated often yet)".to_string());
            }
            lines.extend(strengths);
            if gentle.len() >= patterns.caution_from {
                lines.push(String::new());
                lines.push(patterns.caution.clone());
            }
            Some(lines)
        };
        out.push(Section {
            heading: "What shows up most for each of you".to_string(),
            body: Body::Columns([column(0), column(1)]),
        });
        out.push(Section {
            heading: "About this summary".to_string(),
            body: Body::Together(Some(patterns.note.clone())),
        });
    }
    out
}

fn answers<'a>(page: Revealed<'a>, step: &Step) -> [Option<&'a Answer>; 2] {
    Partner::BOTH.map(|p| page.answer(p, &step.id))
}

/// Whether an answer is of the kind its step takes.
fn fits(field: &Field, answer: &Answer) -> bool {
    matches!(
        (field, answer),
        (Field::Text(_), Answer::Text(_))
            | (Field::List(_), Answer::List(_))
            | (Field::Scale(_), Answer::Scale(_))
            | (Field::Choice(_), Answer::Choice(_))
            | (Field::Checklist(_), Answer::Checklist(_))
            | (Field::Grid(_) | Field::AgreementReview, Answer::Grid(_))
    )
}

fn individual(page: Revealed<'_>, step: &Step) -> Section {
    let [a, b] = answers(page, step);
    // Each partner's options as that partner meant them: their "{me}" is
    // their own name, their "{partner}" the other's.
    let names = Partner::BOTH.map(|p| page.page().entry(p).partner.as_str());
    // A grid row's label sits beside both answers, so it names no one:
    // "{partner}" reads "my partner" for each of them.
    let fields = Partner::BOTH.map(|p| {
        let mut field = step.field.named(names[p.index()], names[p.other().index()]);
        if let (Field::Grid(named), Field::Grid(written)) = (&mut field, &step.field) {
            for (row, original) in named.rows.iter_mut().zip(&written.rows) {
                row.label = crate::model::named(&original.label, "me", "my partner");
            }
        }
        field
    });
    let [field_a, field_b] = &fields;
    // An answer of another kind than the step's (a hand edit) is shown as
    // it was written rather than as "no answer".
    let misfit = [a, b].iter().flatten().any(|x| !fits(&step.field, x));
    let withheld = Partner::BOTH.map(|p| page.withheld(p, &step.id));
    let body = match (field_a, field_b) {
        // A step passed by one of them is set side by side as words: the
        // other's answer, and "passed".
        _ if withheld.iter().any(Option::is_some) => Body::Columns(Partner::BOTH.map(|p| {
            let i = p.index();
            match withheld[i] {
                Some(w) => Some(vec![w.words().to_string()]),
                None => [a, b][i].map(|answer| plain_answer(answer, &fields[i])),
            }
        })),
        _ if misfit => Body::Columns(
            [(a, field_a), (b, field_b)]
                .map(|(x, field)| x.map(|answer| plain_answer(answer, field))),
        ),
        (Field::Scale(scale), _) => Body::Scale {
            values: [a, b].map(|x| match x {
                Some(Answer::Scale(v)) => Some(*v),
                _ => None,
            }),
            scale: scale.clone(),
        },
        (Field::Checklist(one), Field::Checklist(other)) => checklist([one, other], [a, b]),
        (Field::Grid(one), Field::Grid(other)) => grid([one, other], [a, b]),
        _ => Body::Columns(
            [(a, field_a), (b, field_b)]
                .map(|(x, field)| x.map(|answer| plain_answer(answer, field))),
        ),
    };
    Section {
        heading: step.prompt.clone(),
        body,
    }
}

/// The step a guessing step guesses at, when the exercise has it.
fn guessed<'a>(exercise: &'a Exercise, step: &Step) -> Option<&'a Step> {
    exercise.step(step.guess_of.as_deref()?)
}

/// Each partner's guess beside what the other wrote to the step guessed
/// at: two sections, one per guess, each answer in its writer's column.
fn guesses(page: Revealed<'_>, step: &Step, target: &Step) -> Vec<Section> {
    let names = Partner::BOTH.map(|p| page.page().entry(p).partner.as_str());
    let words = |p: Partner, step: &Step| match page.withheld(p, &step.id) {
        Some(w) => Some(vec![w.words().to_string()]),
        None => page
            .answer(p, &step.id)
            .map(|a| plain_answer(a, &step.field)),
    };
    Partner::BOTH
        .map(|guesser| {
            let other = guesser.other();
            let mut columns = [None, None];
            columns[guesser.index()] = words(guesser, step);
            columns[other.index()] = words(other, target);
            Section {
                heading: format!(
                    "{}'s guess at {}'s answer",
                    names[guesser.index()],
                    names[other.index()]
                ),
                body: Body::Columns(columns),
            }
        })
        .into()
}

fn reflected(page: Revealed<'_>, step: &Step) -> Section {
    let [a, b] = answers(page, step);
    Section {
        heading: step.prompt.clone(),
        body: Body::Columns([a, b].map(|x| x.map(|answer| plain_answer(answer, &step.field)))),
    }
}

/// An answer as lines of plain text.
pub fn plain_answer(answer: &Answer, field: &Field) -> Vec<String> {
    match (answer, field) {
        (Answer::Text(t), _) => vec![t.clone()],
        (Answer::List(items), _) => items.iter().map(|i| format!("• {i}")).collect(),
        (Answer::Scale(v), Field::Scale(s)) => vec![scale_text(*v, s)],
        (Answer::Scale(v), _) => vec![v.to_string()],
        (Answer::Choice(id), Field::Choice(def)) => vec![def.label(id).to_string()],
        (Answer::Choice(id), _) => vec![id.clone()],
        (Answer::Checklist(ids), Field::Checklist(def)) => ids
            .iter()
            .map(|id| format!("• {}", def.label(id)))
            .collect(),
        (Answer::Checklist(ids), _) => ids.iter().map(|i| format!("• {i}")).collect(),
        (Answer::Grid(rows), Field::Grid(def)) => rows
            .iter()
            .map(|r| format!("{}: {}", row_label(def, r), row_values(def, r).join(" · ")))
            .collect(),
        (Answer::Grid(rows), _) => rows.iter().map(|r| r.row.clone()).collect(),
    }
}

/// A unit as it reads after `value`: "1 hour a week", "3 hours a week".
/// Units are written plural in the exercises; for one, the first word
/// loses its "s".
fn unit_for(value: i32, unit: &str) -> String {
    let (first, rest) = unit.split_once(' ').unwrap_or((unit, ""));
    match first.strip_suffix('s') {
        Some(one) if value.abs() == 1 && !one.is_empty() => {
            if rest.is_empty() {
                one.to_string()
            } else {
                format!("{one} {rest}")
            }
        }
        _ => unit.to_string(),
    }
}

pub fn scale_text(value: i32, scale: &ScaleDef) -> String {
    if !scale.unit.is_empty() {
        return format!("{value} {}", unit_for(value, &scale.unit));
    }
    let mut text = format!("{value} of {}", scale.max);
    if value == scale.min {
        text.push_str(&format!(" ({})", scale.low));
    } else if value == scale.max {
        text.push_str(&format!(" ({})", scale.high));
    }
    text
}

/// How two values on a scale compare, in words.
pub fn gap_text(a: i32, b: i32, scale: &ScaleDef) -> String {
    let gap = a.abs_diff(b);
    let span = scale.max.abs_diff(scale.min).max(1);
    match gap {
        0 => "The same answer.".to_string(),
        // A quarter of the scale or more is a difference worth talking about.
        n if n * 4 >= span => format!("{n} apart — worth a word."),
        n => format!("{n} apart."),
    }
}

/// Both partners' choices: `defs` are the options as each partner read
/// them (what both chose reads as the first partner's).
fn checklist(defs: [&ChoiceDef; 2], answers: [Option<&Answer>; 2]) -> Body {
    let def = defs[0];
    let chosen = answers.map(|a| match a {
        Some(Answer::Checklist(ids)) => ids.clone(),
        _ => Vec::new(),
    });
    let has = |p: usize, id: &str| chosen[p].iter().any(|c| c == id);
    let mut both = Vec::new();
    let mut only = [Vec::new(), Vec::new()];
    // The exercise's options in its order, then any the page names that
    // the exercise does not have, as they were written.
    let mut listed: Vec<(String, String)> = def
        .options
        .iter()
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect();
    for id in chosen.iter().flatten() {
        if def.position(id).is_none() && !listed.iter().any(|(known, _)| known == id) {
            listed.push((id.clone(), format!("{id} (not an option of this exercise)")));
        }
    }
    let as_read = |p: usize, id: &str, label: String| match defs[p].position(id) {
        Some(_) => defs[p].label(id).to_string(),
        None => label,
    };
    for (id, label) in listed {
        match (has(0, &id), has(1, &id)) {
            (true, true) => both.push(label),
            (true, false) => only[0].push(as_read(0, &id, label)),
            (false, true) => only[1].push(as_read(1, &id, label)),
            (false, false) => {}
        }
    }
    Body::Checklist { both, only }
}

fn row_label(def: &GridDef, row: &GridAnswerRow) -> String {
    def.row_label(&row.row)
        .map(str::to_string)
        .unwrap_or_else(|| own_row_label(row))
}

/// A row the exercise does not have: one a partner added, by its name, or
/// one from a hand edit, by its id.
fn own_row_label(row: &GridAnswerRow) -> String {
    if row.label.trim().is_empty() {
        format!("{} (not a row of this exercise)", row.row)
    } else {
        format!("{} (own)", row.label)
    }
}

fn row_values(def: &GridDef, row: &GridAnswerRow) -> Vec<String> {
    def.columns
        .iter()
        .map(|c| value_text(&c.kind, row.values.get(&c.id), "–"))
        .collect()
}

/// A grid cell as text; `empty` stands for a cell not answered.
pub fn value_text(kind: &ColumnKind, value: Option<&GridValue>, empty: &str) -> String {
    match (kind, value) {
        (_, None) => empty.to_string(),
        (ColumnKind::Choice(def), Some(GridValue::Choice(id))) => def.label(id).to_string(),
        (ColumnKind::Scale(_), Some(GridValue::Scale(v))) => v.to_string(),
        (_, Some(GridValue::Choice(id))) => id.clone(),
        (_, Some(GridValue::Scale(v))) => v.to_string(),
    }
}

/// Both partners' rows: `defs` are the grid as each partner read it (the
/// same rows and columns, options in their own words).
fn grid(defs: [&GridDef; 2], answers: [Option<&Answer>; 2]) -> Body {
    let def = defs[0];
    let rows_of = |a: Option<&Answer>| match a {
        Some(Answer::Grid(rows)) => rows.clone(),
        _ => Vec::new(),
    };
    let both = answers.map(rows_of);
    // Built-in rows in their order, then rows either partner added (which
    // belong to that partner alone).
    let mut keys: Vec<(Option<usize>, &str, String)> = def
        .rows
        .iter()
        .map(|r| (None, r.id.as_str(), r.label.clone()))
        .collect();
    for (p, rows) in both.iter().enumerate() {
        for row in rows {
            if def.row_label(&row.row).is_none() {
                keys.push((Some(p), row.row.as_str(), own_row_label(row)));
            }
        }
    }
    let find = |p: usize, owner: Option<usize>, id: &str| -> Option<&GridAnswerRow> {
        if owner.is_some_and(|o| o != p) {
            return None;
        }
        both[p].iter().find(|r| r.row == id)
    };
    let mut lines: Vec<GridLine> =
        keys.iter()
            .filter_map(|(owner, id, label)| {
                let rows = [find(0, *owner, id), find(1, *owner, id)];
                // A row a partner added is worth showing even unanswered.
                if owner.is_none() && rows.iter().all(|r| r.is_none_or(|r| r.values.is_empty())) {
                    return None;
                }
                let mut gap = 0u32;
                let mut flagged = false;
                for (c, column) in def.columns.iter().enumerate() {
                    let values = rows.map(|r| r.and_then(|r| r.values.get(&column.id)));
                    match (&column.kind, values) {
                        (
                            ColumnKind::Scale(_),
                            [Some(GridValue::Scale(x)), Some(GridValue::Scale(y))],
                        ) => {
                            gap += x.abs_diff(*y);
                        }
                        (ColumnKind::Choice(choice), [x, y]) => {
                            // A row one of you skipped was not answered
                            // differently: it was not answered. Answers are
                            // compared as each partner meant them: Maya's
                            // "mostly me" and Jonas's "mostly Maya" agree.
                            let meant = |p: usize, v: Option<&GridValue>| match (
                                v,
                                &defs[p].columns.get(c).map(|c| &c.kind),
                            ) {
                                (Some(GridValue::Choice(id)), Some(ColumnKind::Choice(named))) => {
                                    Some(named.label(id).to_string())
                                }
                                (Some(other), _) => Some(format!("{other:?}")),
                                (None, _) => None,
                            };
                            if let (Some(a), Some(b)) = (meant(0, x), meant(1, y))
                                && a != b
                            {
                                gap += 1;
                            }
                            // The first option is the settled one ("fine");
                            // anything else is worth a word. Not so in a
                            // column that names people ("who meets it":
                            // {me}, {partner}, others), which says who, not
                            // how it feels: its options read differently
                            // for each partner.
                            let names_people = defs[1].columns.get(c).is_none_or(|other| {
                                other.kind != column.kind
                            });
                            let first = choice.options.first().map(|o| o.id.as_str());
                            flagged |= !names_people
                                && [x, y].iter().any(|v| {
                                    matches!(v, Some(GridValue::Choice(id)) if Some(id.as_str()) != first)
                                });
                        }
                        _ => {}
                    }
                }
                let urgent = def.priority.as_ref().is_some_and(|priority| {
                    rows.iter().flatten().any(|r| is_urgent(def, priority, r))
                });
                let unmet = def.priority.as_ref().map_or(0, |priority| {
                    rows.iter()
                        .flatten()
                        .map(|r| unmet_importance(priority, r))
                        .max()
                        .unwrap_or(0)
                });
                Some(GridLine {
                    label: label.clone(),
                    values: [0, 1].map(|p| match rows[p] {
                        Some(r) => defs[p]
                            .columns
                            .iter()
                            .map(|c| value_text(&c.kind, r.values.get(&c.id), "–"))
                            .collect(),
                        None => def.columns.iter().map(|_| "–".to_string()).collect(),
                    }),
                    gap,
                    flagged: flagged || urgent,
                    urgent,
                    unmet,
                })
            })
            .collect();
    // What needs talking about first. With a priority: what matters to one
    // of you and is poorly met, the most unmet first. Otherwise: rows where
    // you differ, then rows either of you flagged; the original order after.
    if def.priority.is_some() {
        lines.sort_by_key(|l| {
            (
                !l.urgent,
                std::cmp::Reverse(l.unmet),
                std::cmp::Reverse(l.gap),
            )
        });
    } else {
        lines.sort_by_key(|l| (std::cmp::Reverse(l.gap), !l.flagged));
    }
    Body::Grid {
        columns: def.columns.iter().map(|c| c.label.clone()).collect(),
        rows: lines,
        // Every column's values in words, the choices as the first
        // partner's options name them (Alex, Sam, both of us, others).
        scales: defs[0]
            .columns
            .iter()
            .map(|c| match &c.kind {
                ColumnKind::Scale(s) => {
                    format!("{}: {} {} … {} {}", c.label, s.min, s.low, s.max, s.high)
                }
                ColumnKind::Choice(choice) => format!(
                    "{}: {}",
                    c.label,
                    choice
                        .options
                        .iter()
                        .map(|o| o.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect(),
    }
}

fn scale_value(row: &GridAnswerRow, column: &str) -> Option<i32> {
    match row.values.get(column) {
        Some(GridValue::Scale(v)) => Some(*v),
        _ => None,
    }
}

/// How much more important a row is than it is met, for one partner.
fn unmet_importance(priority: &Priority, row: &GridAnswerRow) -> i32 {
    match (
        scale_value(row, &priority.important),
        scale_value(row, &priority.met),
    ) {
        (Some(important), Some(met)) => important - met,
        (Some(important), None) => important,
        _ => 0,
    }
}

/// Important (top two of the scale) and poorly met (bottom two).
fn is_urgent(def: &GridDef, priority: &Priority, row: &GridAnswerRow) -> bool {
    let scale = |id: &str| {
        def.columns
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| match &c.kind {
                ColumnKind::Scale(s) => Some(s.clone()),
                ColumnKind::Choice(_) => None,
            })
    };
    let (Some(important), Some(met)) = (scale(&priority.important), scale(&priority.met)) else {
        return false;
    };
    matches!(
        (scale_value(row, &priority.important), scale_value(row, &priority.met)),
        (Some(i), Some(m)) if i >= important.max - 1 && m <= met.min + 1
    )
}

/// Answers by step id, as plain text: for a page whose exercise is gone,
/// or steps its exercise does not have.
fn by_step_id(page: Revealed<'_>, ids: Vec<String>) -> Vec<Section> {
    ids.into_iter()
        .map(|id| Section {
            body: Body::Columns(Partner::BOTH.map(|p| {
                page.answer(p, &id)
                    .map(|a| plain_answer(a, &Field::Text(Default::default())))
            })),
            heading: id,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours() -> ScaleDef {
        ScaleDef {
            min: 0,
            max: 40,
            low: "none".into(),
            high: "as much as possible".into(),
            unit: "hours a week".into(),
        }
    }

    #[test]
    fn one_of_a_unit_reads_in_the_singular() {
        assert_eq!(scale_text(1, &hours()), "1 hour a week");
        assert_eq!(scale_text(0, &hours()), "0 hours a week");
        assert_eq!(scale_text(12, &hours()), "12 hours a week");
        assert_eq!(unit_for(1, "minutes"), "minute");
        assert_eq!(unit_for(1, "s"), "s");
        assert_eq!(unit_for(1, "of them"), "of them");
    }
}
