//! Plain data types of the workbook: exercises, pages, entries, answers and the
//! couple. They carry no I/O and know nothing about terminals.

mod answer;
mod couple;
mod exercise;
mod page;
mod safety;
mod search;
mod text;

pub use answer::{Answer, GridAnswerRow, GridValue};
pub use couple::Couple;
pub use exercise::{
    BothChose, Category, CellTest, ChoiceDef, ChoiceOption, Column, ColumnKind, Condition,
    Exercise, Field, GridDef, GridRowDef, ListDef, Patterns, Priority, ScaleDef, Step, StepMode,
    Suggestion, TextDef, named,
};
pub use page::{
    AGREEMENTS_PROMPT, Agreement, AgreementReview, AgreementStatus, Entry, EntryStatus, LaterNote,
    Page, PageStatus, Partner, REVIEW_COLUMN, Sealed, Shared,
};
pub use safety::{SafetyGuide, SafetyLine, SafetySection, Service};
pub use search::Search;
pub use text::{
    MAX_ANSWER_BYTES, MAX_NAME_CHARS, count, normalize_line, normalize_text, visible, visible_line,
};

/// The version written into every journal file (`couple.ron` and pages).
pub const JOURNAL_VERSION: u32 = 1;

/// The version of the exercise file format this build understands.
pub const CONTENT_VERSION: u32 = 1;
