//! Editors for the six field kinds. Each holds its own view state (cursor,
//! selection) and turns it into an [`Answer`] on demand.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::keymap::Action;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::model::{
    Answer, ChoiceDef, ColumnKind, Field, GridAnswerRow, GridDef, GridValue, ScaleDef,
    normalize_line, normalize_text,
};

/// A text area set up the way every text field in the app behaves.
pub fn text_area(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_placeholder_text(placeholder.to_string());
    // Dim rather than grey, so it reads the same with and without colour.
    area.set_placeholder_style(Style::default().add_modifier(Modifier::DIM | Modifier::ITALIC));
    area.set_cursor_line_style(Style::default());
    area.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// A one-line text area: Enter never breaks the line.
pub fn line_area(text: &str, placeholder: &str) -> TextArea<'static> {
    let mut area = text_area(&normalize_line(text), placeholder);
    area.set_wrap_mode(WrapMode::None);
    area
}

/// A one-line text area that wraps on screen rather than scrolling
/// sideways: for a list item or an agreement, read whole as it is typed.
pub fn wrapping_line_area(text: &str, placeholder: &str) -> TextArea<'static> {
    text_area(&normalize_line(text), placeholder)
}

pub fn text_of(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

/// Feeds a key to a one-line area, keeping it to one line: no line
/// breaks, and no tab characters in a name or a list item.
pub fn line_input(area: &mut TextArea<'static>, key: KeyEvent) -> bool {
    let breaks = matches!(key.code, KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab);
    if breaks || is_ctrl(key, 'm') || is_ctrl(key, 'j') || is_ctrl(key, 'i') {
        return false;
    }
    area.input(key)
}

pub fn line_paste(area: &mut TextArea<'static>, text: &str) -> bool {
    area.insert_str(normalize_line(text))
}

fn is_ctrl(key: KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// The editor of one step's answer.
pub enum FieldEditor {
    Text(TextArea<'static>),
    List(ListEditor),
    Scale(ScaleEditor),
    Choice(ChoiceEditor),
    Checklist(ChecklistEditor),
    Grid(GridEditor),
}

impl FieldEditor {
    pub fn new(field: &Field, answer: Option<&Answer>) -> FieldEditor {
        match field {
            Field::Text(def) => {
                let text = match answer {
                    Some(Answer::Text(t)) => t.as_str(),
                    _ => "",
                };
                FieldEditor::Text(text_area(text, &def.placeholder))
            }
            Field::List(def) => {
                let items = match answer {
                    Some(Answer::List(items)) => items.clone(),
                    _ => Vec::new(),
                };
                FieldEditor::List(ListEditor::new(items, &def.placeholder))
            }
            Field::Scale(def) => FieldEditor::Scale(ScaleEditor {
                value: match answer {
                    Some(Answer::Scale(v)) => Some(def.clamp(*v)),
                    _ => None,
                },
                typed: String::new(),
                refused: None,
            }),
            Field::Choice(def) => {
                let chosen = match answer {
                    Some(Answer::Choice(id)) if def.position(id).is_some() => Some(id.clone()),
                    _ => None,
                };
                let cursor = chosen
                    .as_deref()
                    .and_then(|id| def.position(id))
                    .unwrap_or(0);
                FieldEditor::Choice(ChoiceEditor { cursor, chosen })
            }
            Field::Checklist(def) => {
                let chosen = match answer {
                    Some(Answer::Checklist(ids)) => ids
                        .iter()
                        .filter(|id| def.position(id).is_some())
                        .cloned()
                        .collect(),
                    _ => Vec::new(),
                };
                FieldEditor::Checklist(ChecklistEditor { cursor: 0, chosen })
            }
            Field::Grid(def) => FieldEditor::Grid(GridEditor::new(def, answer)),
            // Answered in the grid the turn builds from the journal.
            Field::AgreementReview => FieldEditor::Grid(GridEditor::new(
                &GridDef {
                    rows: Vec::new(),
                    columns: Vec::new(),
                    add_rows: false,
                    priority: None,
                    both_chose: None,
                    patterns: None,
                },
                None,
            )),
        }
    }

    /// Whether printable keys are text for this editor right now.
    pub fn takes_text(&self) -> bool {
        match self {
            FieldEditor::Text(_) | FieldEditor::List(_) => true,
            FieldEditor::Grid(grid) => grid.adding.is_some(),
            _ => false,
        }
    }

    /// Carries out an action of the step's key table; returns whether the
    /// answer changed. Actions the editor has no use for change nothing.
    pub fn act(&mut self, field: &Field, action: Action) -> bool {
        match (self, field) {
            (FieldEditor::List(list), _) => list.act(action),
            (FieldEditor::Scale(scale), Field::Scale(def)) => scale.act(def, action),
            (FieldEditor::Choice(choice), Field::Choice(def)) => choice.act(def, action),
            (FieldEditor::Checklist(list), Field::Checklist(def)) => list.act(def, action),
            (FieldEditor::Grid(grid), Field::Grid(def)) => grid.act(def, action),
            _ => false,
        }
    }

    /// A key that is text for the editor (the table names no action for
    /// it); returns whether the answer changed.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        match self {
            FieldEditor::Text(area) => area.input(key),
            FieldEditor::List(list) => list.type_key(key),
            FieldEditor::Grid(grid) => {
                grid.type_key_while_naming(key);
                false
            }
            _ => false,
        }
    }

    /// How much text the editor holds, in bytes: what a paste adds to.
    pub fn text_len(&self) -> usize {
        match self {
            FieldEditor::Text(area) => area.lines().iter().map(|l| l.len() + 1).sum(),
            FieldEditor::List(list) => {
                list.items.iter().map(String::len).sum::<usize>()
                    + list.line.lines().iter().map(String::len).sum::<usize>()
            }
            FieldEditor::Grid(grid) => grid
                .adding
                .as_ref()
                .map_or(0, |a| a.lines().iter().map(String::len).sum()),
            _ => 0,
        }
    }

    pub fn paste(&mut self, text: &str) -> bool {
        match self {
            FieldEditor::Text(area) => area.insert_str(normalize_text(text)),
            FieldEditor::List(list) => list.paste(text),
            FieldEditor::Grid(grid) => match &mut grid.adding {
                Some(area) => line_paste(area, text),
                None => false,
            },
            _ => false,
        }
    }

    /// The answer as it stands, or `None` when nothing is answered yet.
    pub fn answer(&self, field: &Field) -> Option<Answer> {
        let answer = match (self, field) {
            (FieldEditor::Text(area), _) => Answer::Text(normalize_text(&text_of(area))),
            (FieldEditor::List(list), _) => Answer::List(list.items()),
            (FieldEditor::Scale(scale), _) => Answer::Scale(scale.value?),
            (FieldEditor::Choice(choice), _) => Answer::Choice(choice.chosen.clone()?),
            (FieldEditor::Checklist(list), Field::Checklist(def)) => {
                // Stored in the order the options are listed.
                let ids = def
                    .options
                    .iter()
                    .filter(|o| list.chosen.contains(&o.id))
                    .map(|o| o.id.clone())
                    .collect();
                Answer::Checklist(ids)
            }
            (FieldEditor::Grid(grid), _) => Answer::Grid(grid.answer_rows()),
            _ => return None,
        };
        (!answer.is_blank()).then_some(answer)
    }
}

/// A list of short items, one of them being edited.
pub struct ListEditor {
    pub items: Vec<String>,
    pub selected: usize,
    pub line: TextArea<'static>,
    placeholder: String,
    /// The item last removed, and where it was: brought back by one key.
    removed: Option<(usize, String)>,
}

impl ListEditor {
    pub fn new(mut items: Vec<String>, placeholder: &str) -> ListEditor {
        if items.is_empty() {
            items.push(String::new());
        }
        let selected = items.len() - 1;
        let line = wrapping_line_area(&items[selected], placeholder);
        ListEditor {
            items,
            selected,
            line,
            placeholder: placeholder.to_string(),
            removed: None,
        }
    }

    /// The words of the item last removed, while it can be brought back.
    pub fn removed(&self) -> Option<&str> {
        self.removed.as_ref().map(|(_, item)| item.as_str())
    }

    /// Whether `action` can do anything in the list now.
    pub fn can(&self, action: Action) -> bool {
        match action {
            Action::Up | Action::Down | Action::MoveItemUp | Action::MoveItemDown => {
                self.items.len() > 1
            }
            Action::RemoveItem => self.items.len() > 1 || !self.current_is_empty(),
            Action::RestoreItem => self.removed.is_some(),
            _ => true,
        }
    }

    pub fn items(&self) -> Vec<String> {
        self.items
            .iter()
            .map(|i| normalize_line(i))
            .filter(|i| !i.is_empty())
            .collect()
    }

    fn select(&mut self, index: usize) {
        self.selected = index.min(self.items.len().saturating_sub(1));
        self.line = wrapping_line_area(&self.items[self.selected], &self.placeholder);
    }

    fn current_is_empty(&self) -> bool {
        self.items[self.selected].trim().is_empty()
    }

    pub fn act(&mut self, action: Action) -> bool {
        match action {
            Action::AddItem => {
                if !self.current_is_empty() {
                    self.items.insert(self.selected + 1, String::new());
                    self.select(self.selected + 1);
                }
                false
            }
            Action::MoveItemUp if self.selected > 0 => {
                self.items.swap(self.selected, self.selected - 1);
                self.select(self.selected - 1);
                true
            }
            Action::MoveItemDown if self.selected + 1 < self.items.len() => {
                self.items.swap(self.selected, self.selected + 1);
                self.select(self.selected + 1);
                true
            }
            Action::Up => {
                // The item above keeps its place whether or not an empty
                // one is dropped on the way.
                let above = self.selected.saturating_sub(1);
                self.leave_empty_item();
                self.select(above);
                false
            }
            Action::Down => {
                if self.selected + 1 < self.items.len() {
                    let next = self.selected + 1;
                    if self.leave_empty_item() {
                        self.select(self.selected);
                    } else {
                        self.select(next);
                    }
                }
                false
            }
            Action::RemoveItem => {
                let item = self.items.remove(self.selected);
                if !item.trim().is_empty() {
                    self.removed = Some((self.selected, item));
                }
                if self.items.is_empty() {
                    self.items.push(String::new());
                }
                self.select(self.selected);
                true
            }
            Action::RestoreItem => {
                let Some((at, item)) = self.removed.take() else {
                    return false;
                };
                // Back where it was; in place of an empty item left there.
                let at = at.min(self.items.len());
                if self.items.get(at).is_some_and(|i| i.trim().is_empty()) {
                    self.items[at] = item;
                } else {
                    self.items.insert(at, item);
                }
                self.select(at);
                true
            }
            _ => false,
        }
    }

    /// A key typed into the item: Backspace on an empty item removes it.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        if key.code == KeyCode::Backspace && self.current_is_empty() && self.items.len() > 1 {
            self.items.remove(self.selected);
            self.select(self.selected.saturating_sub(1));
            return true;
        }
        let changed = line_input(&mut self.line, key);
        if changed {
            self.items[self.selected] = text_of(&self.line);
        }
        changed
    }

    /// Drops the selected item when it is empty and others remain; returns
    /// whether it did.
    fn leave_empty_item(&mut self) -> bool {
        if self.current_is_empty() && self.items.len() > 1 {
            self.items.remove(self.selected);
            self.selected = self.selected.min(self.items.len() - 1);
            true
        } else {
            false
        }
    }

    /// Pasted lines become items of their own.
    pub fn paste(&mut self, text: &str) -> bool {
        let text = normalize_text(text);
        let mut lines = text.split('\n').filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else {
            return false;
        };
        line_paste(&mut self.line, first);
        self.items[self.selected] = text_of(&self.line);
        for line in lines {
            self.items.insert(self.selected + 1, normalize_line(line));
            self.selected += 1;
        }
        self.select(self.selected);
        true
    }
}

/// One number on a labelled scale.
pub struct ScaleEditor {
    pub value: Option<i32>,
    /// Digits typed so far, so that "12" can be typed on a 0–40 scale.
    typed: String,
    /// Why the last digits typed were not taken ("45" on a 0–40 scale).
    pub refused: Option<String>,
}

impl ScaleEditor {
    pub fn act(&mut self, def: &ScaleDef, action: Action) -> bool {
        let before = self.value;
        let middle = def.min + (def.max - def.min) / 2;
        self.refused = None;
        match action {
            Action::Decrease => {
                self.typed.clear();
                self.value = Some(self.value.map_or(middle, |v| def.clamp(v - 1)));
            }
            Action::Increase => {
                self.typed.clear();
                self.value = Some(self.value.map_or(middle, |v| def.clamp(v + 1)));
            }
            Action::Lowest => self.value = Some(def.min),
            Action::Highest => self.value = Some(def.max),
            Action::Clear => {
                self.typed.clear();
                self.value = None;
            }
            Action::Number(digit) => {
                // "4" on a 0–40 scale may become 40; "12" can become
                // nothing longer, so a digit after it starts a new number.
                let could_go_on = self
                    .typed
                    .parse::<i32>()
                    .is_ok_and(|t| t.saturating_mul(10) <= def.max);
                self.typed.push(char::from(b'0' + digit.min(9)));
                let parsed = self.typed.parse::<i32>().ok();
                match parsed {
                    Some(v) if (def.min..=def.max).contains(&v) => self.value = Some(v),
                    _ if could_go_on => {
                        // Never something else than what was typed.
                        self.refused = Some(format!(
                            "There is no {} on this scale: it goes from {} to {}.",
                            self.typed, def.min, def.max
                        ));
                        self.typed.clear();
                    }
                    _ => {
                        // Start again from this digit.
                        self.typed = digit.to_string();
                        let v = i32::from(digit);
                        if (def.min..=def.max).contains(&v) {
                            self.value = Some(v);
                        }
                    }
                }
            }
            _ => {}
        }
        self.value != before
    }
}

/// One of a few options.
pub struct ChoiceEditor {
    pub cursor: usize,
    pub chosen: Option<String>,
}

impl ChoiceEditor {
    pub fn act(&mut self, def: &ChoiceDef, action: Action) -> bool {
        let before = self.chosen.clone();
        let last = def.options.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Choose => self.chosen = def.options.get(self.cursor).map(|o| o.id.clone()),
            Action::Number(n) => {
                let index = usize::from(n).wrapping_sub(1);
                if let Some(option) = def.options.get(index) {
                    self.cursor = index;
                    self.chosen = Some(option.id.clone());
                }
            }
            Action::Clear => self.chosen = None,
            _ => {}
        }
        self.chosen != before
    }
}

/// Any number of a few options.
pub struct ChecklistEditor {
    pub cursor: usize,
    pub chosen: Vec<String>,
}

impl ChecklistEditor {
    pub fn is_chosen(&self, id: &str) -> bool {
        self.chosen.iter().any(|c| c == id)
    }

    fn toggle(&mut self, id: &str) {
        if self.is_chosen(id) {
            self.chosen.retain(|c| c != id);
        } else {
            self.chosen.push(id.to_string());
        }
    }

    pub fn act(&mut self, def: &ChoiceDef, action: Action) -> bool {
        let last = def.options.len().saturating_sub(1);
        let index = match action {
            Action::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                return false;
            }
            Action::Down => {
                self.cursor = (self.cursor + 1).min(last);
                return false;
            }
            Action::Choose => self.cursor,
            Action::Number(n) => usize::from(n).wrapping_sub(1),
            _ => return false,
        };
        let Some(option) = def.options.get(index) else {
            return false;
        };
        self.cursor = index;
        let id = option.id.clone();
        self.toggle(&id);
        true
    }
}

/// A row of a grid as the editor shows it.
/// The group a partner's own rows are listed in, after the exercise's.
pub const OWN_GROUP: &str = "Of your own";

pub struct GridRow {
    pub id: String,
    pub label: String,
    pub group: String,
    /// Added by the partner, not part of the exercise.
    pub own: bool,
    pub values: BTreeMap<String, GridValue>,
}

/// Rows of items, each answered in one or more columns.
pub struct GridEditor {
    pub rows: Vec<GridRow>,
    pub row: usize,
    pub column: usize,
    /// The name of a row being added, while it is typed.
    pub adding: Option<TextArea<'static>>,
    typed: String,
    /// The cell (row, column) the last key gave a value, until the next
    /// key: typing a number moves on, and what was set is still worth
    /// saying.
    pub last_set: Option<(usize, usize)>,
}

impl GridEditor {
    fn new(def: &GridDef, answer: Option<&Answer>) -> GridEditor {
        let saved: Vec<GridAnswerRow> = match answer {
            Some(Answer::Grid(rows)) => rows.clone(),
            _ => Vec::new(),
        };
        let values_of = |id: &str| {
            saved
                .iter()
                .find(|r| r.row == id)
                .map(|r| r.values.clone())
                .unwrap_or_default()
        };
        let mut rows: Vec<GridRow> = def
            .rows
            .iter()
            .map(|r| GridRow {
                id: r.id.clone(),
                label: r.label.clone(),
                group: r.group.clone(),
                own: false,
                values: values_of(&r.id),
            })
            .collect();
        for saved_row in &saved {
            if def.row_label(&saved_row.row).is_none() {
                rows.push(GridRow {
                    id: saved_row.row.clone(),
                    label: saved_row.label.clone(),
                    group: OWN_GROUP.to_string(),
                    own: true,
                    values: saved_row.values.clone(),
                });
            }
        }
        GridEditor {
            rows,
            row: 0,
            column: 0,
            adding: None,
            typed: String::new(),
            last_set: None,
        }
    }

    fn answer_rows(&self) -> Vec<GridAnswerRow> {
        self.rows
            .iter()
            .filter(|r| r.own || !r.values.is_empty())
            .map(|r| GridAnswerRow {
                row: r.id.clone(),
                label: if r.own {
                    r.label.clone()
                } else {
                    String::new()
                },
                values: r.values.clone(),
            })
            .collect()
    }

    /// A key typed into the name of a row being added.
    fn type_key_while_naming(&mut self, key: KeyEvent) {
        if let Some(area) = &mut self.adding {
            line_input(area, key);
        }
    }

    /// Whether `action` can do anything in this grid now.
    pub fn can(&self, def: &GridDef, action: Action) -> bool {
        match action {
            Action::Left | Action::Right => def.columns.len() > 1,
            Action::AddRow => def.add_rows,
            Action::RemoveRow => self.rows.get(self.row).is_some_and(|r| r.own),
            _ => true,
        }
    }

    pub fn act(&mut self, def: &GridDef, action: Action) -> bool {
        if let Some(area) = &self.adding {
            if action == Action::ConfirmRow {
                let label = normalize_line(&text_of(area));
                self.adding = None;
                if label.is_empty() {
                    return false;
                }
                let id = self.next_own_id();
                self.rows.push(GridRow {
                    id,
                    label,
                    group: OWN_GROUP.to_string(),
                    own: true,
                    values: BTreeMap::new(),
                });
                self.row = self.rows.len() - 1;
                self.column = 0;
                return true;
            }
            if action == Action::CancelRow {
                self.adding = None;
            }
            return false;
        }
        let last_row = self.rows.len().saturating_sub(1);
        let last_column = def.columns.len().saturating_sub(1);
        let Some(column) = def.columns.get(self.column.min(last_column)) else {
            return false;
        };
        let before = self.current_value(&column.id).cloned();
        let row_before = self.row;
        let column_before = self.column;
        self.last_set = None;
        match action {
            Action::Up => {
                self.row = self.row.saturating_sub(1);
                self.typed.clear();
            }
            Action::Down => {
                self.row = (self.row + 1).min(last_row);
                self.typed.clear();
            }
            Action::PageUp => self.row = self.row.saturating_sub(10),
            Action::PageDown => self.row = (self.row + 10).min(last_row),
            Action::Left => {
                self.column = self.column.saturating_sub(1);
                self.typed.clear();
            }
            Action::Right => {
                self.column = (self.column + 1).min(last_column);
                self.typed.clear();
            }
            Action::AddRow if def.add_rows => {
                self.adding = Some(line_area("", "what to add, in a few words"));
            }
            Action::RemoveRow if self.rows.get(self.row).is_some_and(|r| r.own) => {
                self.rows.remove(self.row);
                self.row = self.row.min(self.rows.len().saturating_sub(1));
                return true;
            }
            Action::First => {
                self.row = 0;
                self.column = 0;
            }
            Action::Clear => {
                if let Some(row) = self.rows.get_mut(self.row) {
                    row.values.remove(&column.id);
                }
                self.typed.clear();
            }
            Action::Increase | Action::Decrease | Action::Number(_) => {
                let next = match &column.kind {
                    ColumnKind::Choice(choice) => choice_value(choice, before.as_ref(), action),
                    ColumnKind::Scale(scale) => {
                        scale_value(scale, before.as_ref(), &mut self.typed, action)
                    }
                };
                if let (Some(value), Some(row)) = (next, self.rows.get_mut(self.row)) {
                    row.values.insert(column.id.clone(), value);
                    self.last_set = Some((row_before, column_before));
                    // A number typed in full moves on to the next cell, so a
                    // row is answered by typing its numbers one after another.
                    let complete = match &column.kind {
                        ColumnKind::Choice(_) => true,
                        ColumnKind::Scale(scale) => scale.max <= 9,
                    };
                    if complete && matches!(action, Action::Number(_)) {
                        self.typed.clear();
                        if self.column < last_column {
                            self.column += 1;
                        } else if self.row < last_row {
                            self.column = 0;
                            self.row += 1;
                        }
                    }
                }
            }
            _ => {}
        }
        // Compare the cell that was current, even if the cursor moved on.
        let after = self
            .rows
            .get(row_before)
            .and_then(|r| r.values.get(&column.id));
        after != before.as_ref()
    }

    fn current_value(&self, column: &str) -> Option<&GridValue> {
        self.rows.get(self.row).and_then(|r| r.values.get(column))
    }

    fn next_own_id(&self) -> String {
        let mut n = self.rows.iter().filter(|r| r.own).count() + 1;
        loop {
            let id = format!("added-{n}");
            if self.rows.iter().all(|r| r.id != id) {
                return id;
            }
            n += 1;
        }
    }
}

fn choice_value(def: &ChoiceDef, current: Option<&GridValue>, action: Action) -> Option<GridValue> {
    let position = match current {
        Some(GridValue::Choice(id)) => def.position(id),
        _ => None,
    };
    let count = def.options.len();
    let index = match action {
        Action::Increase => position.map_or(0, |p| (p + 1) % count),
        Action::Decrease => position.map_or(count.checked_sub(1)?, |p| (p + count - 1) % count),
        Action::Number(n) => usize::from(n).checked_sub(1)?,
        _ => return None,
    };
    def.options
        .get(index)
        .map(|o| GridValue::Choice(o.id.clone()))
}

fn scale_value(
    def: &ScaleDef,
    current: Option<&GridValue>,
    typed: &mut String,
    action: Action,
) -> Option<GridValue> {
    let mut editor = ScaleEditor {
        value: match current {
            Some(GridValue::Scale(v)) => Some(*v),
            _ => None,
        },
        typed: std::mem::take(typed),
        refused: None,
    };
    let changed = editor.act(def, action);
    *typed = editor.typed;
    if changed {
        editor.value.map(GridValue::Scale)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChoiceOption, Column, GridRowDef};

    fn options(ids: &[&str]) -> ChoiceDef {
        ChoiceDef {
            options: ids
                .iter()
                .map(|id| ChoiceOption {
                    id: id.to_string(),
                    label: id.to_string(),
                })
                .collect(),
        }
    }

    fn scale(min: i32, max: i32) -> ScaleDef {
        ScaleDef {
            min,
            max,
            low: "low".into(),
            high: "high".into(),
            unit: String::new(),
        }
    }

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn a_scale_takes_two_digits_when_they_fit_and_starts_again_when_not() {
        let def = scale(0, 40);
        let mut editor = ScaleEditor {
            value: None,
            typed: String::new(),
            refused: None,
        };
        assert!(editor.act(&def, Action::Number(1)));
        assert!(editor.act(&def, Action::Number(2)));
        assert_eq!(editor.value, Some(12));
        // Nothing can follow 12 on a 0–40 scale: the 5 starts a new number.
        assert!(editor.act(&def, Action::Number(5)));
        assert_eq!(editor.value, Some(5));
        // 4 could have become 40; 45 is refused, and says why.
        assert!(editor.act(&def, Action::Number(4)));
        assert!(!editor.act(&def, Action::Number(5)));
        assert_eq!(editor.value, Some(4));
        assert!(
            editor
                .refused
                .as_deref()
                .is_some_and(|r| r.contains("no 45"))
        );
        assert!(editor.act(&def, Action::Number(5)), "a fresh start");
        assert_eq!((editor.value, editor.refused.as_deref()), (Some(5), None));
        assert!(editor.act(&def, Action::Clear));
        assert_eq!(editor.value, None);
        // The first step from nothing lands in the middle.
        assert!(editor.act(&def, Action::Increase));
        assert_eq!(editor.value, Some(20));
        assert!(editor.act(&def, Action::Highest));
        assert!(!editor.act(&def, Action::Increase), "already at the top");
        assert!(!editor.act(&def, Action::Choose), "not a scale's action");
    }

    #[test]
    fn a_choice_is_made_by_cursor_or_by_number_and_cleared() {
        let def = options(&["yes", "no", "maybe"]);
        let mut editor = ChoiceEditor {
            cursor: 0,
            chosen: None,
        };
        assert!(!editor.act(&def, Action::Down), "moving chooses nothing");
        assert!(editor.act(&def, Action::Choose));
        assert_eq!(editor.chosen.as_deref(), Some("no"));
        assert!(editor.act(&def, Action::Number(3)));
        assert_eq!(
            (editor.cursor, editor.chosen.as_deref()),
            (2, Some("maybe"))
        );
        assert!(!editor.act(&def, Action::Number(9)), "no ninth option");
        assert!(editor.act(&def, Action::Clear));
        assert_eq!(editor.chosen, None);
    }

    #[test]
    fn a_checklist_ticks_and_unticks() {
        let def = options(&["a", "b"]);
        let mut editor = ChecklistEditor {
            cursor: 0,
            chosen: Vec::new(),
        };
        assert!(editor.act(&def, Action::Number(2)));
        assert!(
            editor.act(&def, Action::Choose),
            "the cursor followed the number"
        );
        assert!(editor.chosen.is_empty(), "ticked, then unticked");
        assert!(!editor.act(&def, Action::Number(0)));
    }

    #[test]
    fn up_from_the_empty_new_item_lands_on_the_last_item() {
        let mut list = ListEditor::new(vec!["A".into(), "B".into(), "C".into()], "");
        list.act(Action::AddItem);
        assert_eq!(list.selected, 3, "on the new, empty item");
        list.act(Action::Up);
        assert_eq!(list.items[list.selected], "C");
        assert!(list.act(Action::RemoveItem));
        assert_eq!(
            list.items(),
            ["A", "B"],
            "C, the item the cursor was on, went"
        );
    }

    #[test]
    fn a_list_adds_reorders_and_removes_items() {
        let mut list = ListEditor::new(Vec::new(), "");
        for c in "first".chars() {
            list.type_key(press(KeyCode::Char(c)));
        }
        list.act(Action::AddItem);
        for c in "second".chars() {
            list.type_key(press(KeyCode::Char(c)));
        }
        assert!(!list.act(Action::AddItem), "an empty item is no answer yet");
        assert_eq!(list.items.len(), 3);
        assert!(
            list.type_key(press(KeyCode::Backspace)),
            "an empty item goes"
        );
        assert_eq!(list.items(), ["first", "second"]);
        assert!(list.act(Action::MoveItemUp));
        assert_eq!(list.items(), ["second", "first"]);
        assert!(!list.act(Action::MoveItemUp), "already at the top");
        assert!(list.act(Action::RemoveItem));
        assert_eq!(list.items(), ["first"]);
        assert!(!list.type_key(press(KeyCode::Tab)), "no tab in an item");
    }

    #[test]
    fn a_grid_moves_on_after_a_number_and_names_rows_of_ones_own() {
        let def = GridDef {
            rows: ["a", "b"]
                .iter()
                .map(|id| GridRowDef {
                    id: id.to_string(),
                    label: id.to_string(),
                    group: String::new(),
                    concept: String::new(),
                })
                .collect(),
            columns: ["x", "y"]
                .iter()
                .map(|id| Column {
                    id: id.to_string(),
                    label: id.to_string(),
                    kind: ColumnKind::Choice(options(&["one", "two"])),
                })
                .collect(),
            add_rows: true,
            priority: None,
            both_chose: None,
            patterns: None,
        };
        let mut grid = GridEditor::new(&def, None);
        assert!(grid.act(&def, Action::Number(2)));
        assert_eq!((grid.row, grid.column), (0, 1), "on to the next cell");
        assert!(grid.act(&def, Action::Number(1)));
        assert_eq!((grid.row, grid.column), (1, 0), "on to the next row");
        assert!(!grid.can(&def, Action::RemoveRow), "not a row of one's own");
        assert!(
            !grid.act(&def, Action::AddRow),
            "naming changes no answer yet"
        );
        grid.type_key_while_naming(press(KeyCode::Char('z')));
        assert!(grid.act(&def, Action::ConfirmRow));
        assert!(grid.can(&def, Action::RemoveRow));
        assert!(grid.act(&def, Action::RemoveRow));
        assert_eq!(grid.rows.len(), 2);
    }
}
