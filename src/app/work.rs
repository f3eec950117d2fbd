//! Working an exercise: the hand-off between partners, a partner's private
//! turn through the steps, and the steps worked together after the reveal.

use jiff::Timestamp;

use super::editor::FieldEditor;
use crate::model::{
    Agreement, AgreementStatus, Answer, ChoiceDef, ChoiceOption, Column, ColumnKind, Exercise,
    Field, GridDef, GridRowDef, ListDef, Page, Partner, StepMode, normalize_line,
};

/// "Sam, your turn — Alex, look away."
pub struct Handoff {
    pub partner: Partner,
    /// Neither partner has started: either may go first.
    pub choosing: bool,
}

/// Whose answer a slot holds.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotKind {
    /// A step the partner answers on their own.
    Own(Partner),
    /// The partner saying back the other's answers to these steps.
    Reflect(Partner, Vec<String>),
    /// Written together.
    Shared,
    /// One partner's move in a conversation laid out turn by turn; the
    /// answers of the named steps are on screen.
    Turn(Partner, Vec<String>),
    /// Agreements from other pages, each marked keep, revisit or retire.
    Review,
    /// The couple's agreements on this page.
    Agreements,
}

/// An agreement from another page, up for review in a check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewItem {
    pub page: String,
    pub index: usize,
    pub text: String,
    pub status: AgreementStatus,
}

impl ReviewItem {
    /// The grid row id: the page and the agreement's place on it.
    pub fn row_id(&self) -> String {
        format!("{}#{}", self.page, self.index)
    }
}

pub use crate::model::{AGREEMENTS_PROMPT, REVIEW_COLUMN};

/// The grid a review step is answered in: one row per agreement.
fn review_grid(items: &[ReviewItem]) -> Field {
    let option = |id: &str, label: &str| ChoiceOption {
        id: id.to_string(),
        label: label.to_string(),
    };
    Field::Grid(GridDef {
        rows: items
            .iter()
            .map(|item| GridRowDef {
                id: item.row_id(),
                label: item.text.clone(),
                group: String::new(),
                concept: String::new(),
            })
            .collect(),
        columns: vec![Column {
            id: REVIEW_COLUMN.to_string(),
            label: "This week".to_string(),
            kind: ColumnKind::Choice(ChoiceDef {
                options: vec![
                    option("keep", "keep"),
                    option("revisit", "revisit"),
                    option("retire", "end"),
                ],
            }),
        }],
        add_rows: false,
        priority: None,
        both_chose: None,
        patterns: None,
    })
}

/// One thing to answer during a turn.
#[derive(Clone, Debug)]
pub struct Slot {
    pub kind: SlotKind,
    pub step_id: String,
    pub prompt: String,
    pub hint: Option<String>,
    pub field: Field,
}

const AGREEMENTS_HINT: &str = "Write each agreement as one sentence you both accept, such as a boundary you will both respect. Leave it empty if nothing needs agreeing today; that is fine too.";

/// A run through some slots: one partner's private turn, or the steps worked
/// together after the reveal. The last position is the "finish" card.
pub struct Turn {
    /// `None` when the couple works together.
    pub partner: Option<Partner>,
    /// The steps written together before the turns, rather than after
    /// the reveal.
    pub opening: bool,
    pub slots: Vec<Slot>,
    pub index: usize,
    pub editor: Option<FieldEditor>,
}

impl Turn {
    pub fn private(exercise: &Exercise, partner: Partner, page: &Page) -> Turn {
        // Options that name the partner say their name; "me" stays "me".
        let other = &page.entry(partner.other()).partner;
        let slots = exercise
            .individual_steps()
            .map(|step| Slot {
                kind: SlotKind::Own(partner),
                step_id: step.id.clone(),
                prompt: step.prompt.clone(),
                hint: step.hint.clone(),
                field: step.field.named("me", other),
            })
            .collect();
        // Go on where the partner stopped; on a page from before that was
        // kept, at the last step they wrote in.
        let mut turn = Turn {
            partner: Some(partner),
            opening: false,
            slots,
            index: 0,
            editor: None,
        };
        let left_at = page.entry(partner).left_at.as_deref();
        turn.index = turn
            .slots
            .iter()
            .position(|s| Some(s.step_id.as_str()) == left_at)
            .or_else(|| {
                turn.slots
                    .iter()
                    .rposition(|s| slot_answer(page, s).is_some())
            })
            .unwrap_or(0);
        turn.load_editor(page);
        turn
    }

    /// What the couple writes together before the turns (the topic), or
    /// `None` when the exercise has nothing to write first.
    pub fn opening(exercise: &Exercise, page: &Page) -> Option<Turn> {
        let slots: Vec<Slot> = exercise
            .opening_steps()
            .map(|step| Slot {
                kind: SlotKind::Shared,
                step_id: step.id.clone(),
                prompt: step.prompt.clone(),
                hint: step.hint.clone(),
                field: step.field.clone(),
            })
            .collect();
        if slots.is_empty() {
            return None;
        }
        Some(Turn::of_both(slots, page, true))
    }

    pub fn together(exercise: &Exercise, page: &Page, review: &[ReviewItem]) -> Turn {
        Turn::of_both(Turn::together_slots(exercise, review), page, false)
    }

    /// The couple working `slots` together, at the step they stopped at
    /// if they did.
    fn of_both(slots: Vec<Slot>, page: &Page, opening: bool) -> Turn {
        let index = page
            .shared
            .left_at
            .as_deref()
            .and_then(|left| slots.iter().position(|s| s.step_id == left))
            .unwrap_or(0);
        let mut turn = Turn {
            partner: None,
            opening,
            slots,
            index,
            editor: None,
        };
        turn.load_editor(page);
        turn
    }

    /// What a couple works through together after the reveal: each step
    /// said back by each partner, the shared steps, and the agreements.
    pub fn together_slots(exercise: &Exercise, review: &[ReviewItem]) -> Vec<Slot> {
        let mut slots = Vec::new();
        for step in exercise.discussion_steps() {
            let base = |kind| Slot {
                kind,
                step_id: step.id.clone(),
                prompt: step.prompt.clone(),
                hint: step.hint.clone(),
                field: step.field.clone(),
            };
            match &step.mode {
                StepMode::Reflect { of } => {
                    for partner in Partner::BOTH {
                        slots.push(base(SlotKind::Reflect(partner, of.clone())));
                    }
                }
                StepMode::Shared if step.field == Field::AgreementReview => {
                    let mut slot = base(SlotKind::Review);
                    slot.field = review_grid(review);
                    if review.is_empty() {
                        slot.hint = Some(
                            "There are no agreements from other pages to look at yet. Agreements you write down at the end of an exercise will show up here.".to_string(),
                        );
                    }
                    slots.push(slot);
                }
                StepMode::Shared => slots.push(base(SlotKind::Shared)),
                StepMode::Turn { by, shows } => {
                    slots.push(base(SlotKind::Turn(*by, shows.clone())));
                }
                StepMode::Individual | StepMode::Opening => {}
            }
        }
        slots.push(Slot {
            kind: SlotKind::Agreements,
            step_id: String::new(),
            prompt: AGREEMENTS_PROMPT.to_string(),
            hint: Some(AGREEMENTS_HINT.to_string()),
            field: Field::List(ListDef {
                placeholder: "We agree that …".to_string(),
            }),
        });
        slots
    }

    pub fn slot(&self) -> Option<&Slot> {
        self.slots.get(self.index)
    }

    pub fn on_finish_card(&self) -> bool {
        self.index >= self.slots.len()
    }

    pub fn answered(&self, page: &Page) -> usize {
        self.slots
            .iter()
            .filter(|s| slot_answer(page, s).is_some())
            .count()
    }

    /// The numbers of the steps (from 1) with no answer yet.
    pub fn unanswered(&self, page: &Page) -> Vec<usize> {
        let passed = |slot: &Slot| match slot.kind {
            SlotKind::Own(p) => page.entry(p).passed.contains(&slot.step_id),
            _ => false,
        };
        (0..self.slots.len())
            .filter(|&i| slot_answer(page, &self.slots[i]).is_none() && !passed(&self.slots[i]))
            .map(|i| i + 1)
            .collect()
    }

    pub fn load_editor(&mut self, page: &Page) {
        self.editor = self
            .slot()
            .map(|slot| FieldEditor::new(&slot.field, slot_answer(page, slot).as_ref()));
    }

    pub fn go_to(&mut self, index: usize, page: &Page) {
        self.index = index.min(self.slots.len());
        self.load_editor(page);
    }

    /// Copies the editor's answer into the page.
    pub fn store(&self, page: &mut Page, now: Timestamp) {
        let (Some(slot), Some(editor)) = (self.slot(), &self.editor) else {
            return;
        };
        store_answer(page, slot, editor.answer(&slot.field), now);
    }
}

/// The answer a slot holds on a page.
pub fn slot_answer(page: &Page, slot: &Slot) -> Option<Answer> {
    match &slot.kind {
        // A partner's own answers, for their own editor.
        SlotKind::Own(p) | SlotKind::Reflect(p, _) | SlotKind::Turn(p, _) => {
            crate::reveal::own_answer(page, *p, &slot.step_id).cloned()
        }
        SlotKind::Shared | SlotKind::Review => page.shared.answers.get(&slot.step_id).cloned(),
        SlotKind::Agreements => {
            let texts: Vec<String> = page
                .shared
                .agreements
                .iter()
                .map(|a| a.text.clone())
                .collect();
            (!texts.is_empty()).then_some(Answer::List(texts))
        }
    }
}

fn store_answer(page: &mut Page, slot: &Slot, answer: Option<Answer>, now: Timestamp) {
    match &slot.kind {
        SlotKind::Own(p) | SlotKind::Reflect(p, _) | SlotKind::Turn(p, _) => {
            let entry = page.entry_mut(*p);
            match answer {
                Some(a) => {
                    // An answer given after all takes the pass back.
                    entry.passed.remove(&slot.step_id);
                    entry.answers.insert(slot.step_id.clone(), a)
                }
                None => entry.answers.remove(&slot.step_id),
            };
            entry.updated = Some(now);
        }
        SlotKind::Review => {
            // Keep each agreement's words with the decision, so the page
            // reads well on its own later.
            let answer = answer.map(|a| match (a, &slot.field) {
                (Answer::Grid(mut rows), Field::Grid(def)) => {
                    for row in &mut rows {
                        row.label = def.row_label(&row.row).unwrap_or_default().to_string();
                    }
                    Answer::Grid(rows)
                }
                (a, _) => a,
            });
            match answer {
                Some(a) => page.shared.answers.insert(slot.step_id.clone(), a),
                None => page.shared.answers.remove(&slot.step_id),
            };
            page.shared.updated = Some(now);
        }
        SlotKind::Shared => {
            match answer {
                Some(a) => page.shared.answers.insert(slot.step_id.clone(), a),
                None => page.shared.answers.remove(&slot.step_id),
            };
            page.shared.updated = Some(now);
        }
        SlotKind::Agreements => {
            let texts = match answer {
                Some(Answer::List(items)) => items,
                _ => Vec::new(),
            };
            sync_agreements(&mut page.shared.agreements, &texts, now);
            page.shared.updated = Some(now);
        }
    }
}

/// Makes the agreements match the edited texts. Agreements are matched by
/// position, so editing the words of one keeps its date and status.
fn sync_agreements(agreements: &mut Vec<Agreement>, texts: &[String], now: Timestamp) {
    let texts: Vec<String> = texts
        .iter()
        .map(|t| normalize_line(t))
        .filter(|t| !t.is_empty())
        .collect();
    agreements.truncate(texts.len());
    for (i, text) in texts.into_iter().enumerate() {
        match agreements.get_mut(i) {
            Some(agreement) => agreement.text = text,
            None => agreements.push(Agreement {
                text,
                status: AgreementStatus::Active,
                made: now,
                reviews: Vec::new(),
            }),
        }
    }
}
