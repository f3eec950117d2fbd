use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One answer to one step, shaped by the step's field kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Text(String),
    List(Vec<String>),
    Scale(i32),
    Choice(String),
    Checklist(Vec<String>),
    Grid(Vec<GridAnswerRow>),
}

impl Answer {
    /// Whether the answer holds anything a person wrote or picked.
    pub fn is_blank(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::List(items) => items.iter().all(|i| i.trim().is_empty()),
            Answer::Scale(_) | Answer::Choice(_) => false,
            Answer::Checklist(ids) => ids.is_empty(),
            Answer::Grid(rows) => rows.iter().all(|r| r.values.is_empty()),
        }
    }
}

/// One row of a grid answer: a row of the exercise (by id), or one the
/// partner added (with its label), and its value per column id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridAnswerRow {
    pub row: String,
    /// Set for rows the partner added; built-in rows take their label from the exercise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default)]
    pub values: BTreeMap<String, GridValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GridValue {
    Scale(i32),
    Choice(String),
}
