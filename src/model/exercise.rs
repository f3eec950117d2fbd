use serde::{Deserialize, Serialize};

/// One exercise of the library, as written in a file under `content/` or in
/// the couple's own `exercises/` folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub version: u32,
    pub id: String,
    /// Bumped when the steps change, so a page records which wording it answered.
    #[serde(default = "first_revision")]
    pub revision: u32,
    pub title: String,
    pub category: Category,
    /// A rough length in minutes, shown in the library when given.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Why the exercise matters, shown before it starts.
    pub intro: String,
    /// Ids from the concept map (C1–C12, I1–I12, S1–S7) the exercise as a
    /// whole touches, in its intro; what a step practises is on the step.
    #[serde(default)]
    pub concepts: Vec<String>,
    /// Whether the exercise asks what may be hard to say in front of a
    /// partner one fears: each turn then starts with a private question.
    #[serde(default)]
    pub sensitive: bool,
    pub steps: Vec<Step>,
    /// When home may offer this exercise next, and why, worked out from
    /// the couple's revealed pages.
    #[serde(default)]
    pub suggest: Vec<Suggestion>,
}

/// A reason to offer an exercise next, and the words that say it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub when: Condition,
    /// One line, shown beside the exercise on home.
    pub reason: String,
}

/// What in the couple's past pages calls for an exercise. Only pages both
/// partners finished count, and only what was revealed on them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// The exercise holding the suggestion was last started more than
    /// `days` days ago (or never, once the journal has a page that old).
    NotDoneFor { days: u32 },
    /// On the latest finished page of `exercise`, at least `at_least` rows
    /// of the grid step `step` match every test, for one partner or both.
    Rows {
        exercise: String,
        step: String,
        matching: Vec<CellTest>,
        at_least: u32,
    },
    /// As `Rows`, for more than half of the rows a partner answered.
    MostRows {
        exercise: String,
        step: String,
        matching: Vec<CellTest>,
    },
    /// At least `at_least` agreements are marked to revisit.
    AgreementsToRevisit { at_least: u32 },
}

/// A test of one cell of a grid row: a scale at or above `at_least`, at or
/// below `at_most`, or a choice of the option `is`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CellTest {
    pub column: String,
    #[serde(default)]
    pub at_least: Option<i32>,
    #[serde(default)]
    pub at_most: Option<i32>,
    #[serde(default)]
    pub is: Option<String>,
}

fn first_revision() -> u32 {
    1
}

impl Exercise {
    /// The length as the library gives it ("about 25 minutes"), when the
    /// file gives one.
    pub fn length(&self) -> Option<String> {
        self.minutes
            .map(|m| format!("about {}", super::count(m as usize, "minute", "minutes")))
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Steps each partner answers on their own before the reveal.
    pub fn individual_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(|s| matches!(s.mode, StepMode::Individual))
    }

    /// Steps worked after the reveal, together.
    pub fn discussion_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(|s| !matches!(s.mode, StepMode::Individual | StepMode::Opening))
    }

    /// Steps written together before either partner's turn.
    pub fn opening_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(|s| matches!(s.mode, StepMode::Opening))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    Boundaries,
    Needs,
    Communication,
    CheckIn,
    Reflection,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Boundaries,
        Category::Needs,
        Category::Communication,
        Category::CheckIn,
        Category::Reflection,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Boundaries => "Boundaries",
            Category::Needs => "Needs",
            Category::Communication => "Communication",
            Category::CheckIn => "Check-ins",
            Category::Reflection => "Reflection",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub prompt: String,
    /// A line of gentle guidance under the prompt.
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub mode: StepMode,
    pub field: Field,
    /// Ids from the concept map this step's prompt practises.
    #[serde(default)]
    pub concepts: Vec<String>,
    /// A guess at the partner's answer to another step of one's own
    /// (its id): the reveal sets each partner's guess beside what the
    /// other wrote there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guess_of: Option<String>,
    /// The couple's agreements in use are listed beside the question, for
    /// a step that asks about them ("How well were your agreements kept?").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shows_agreements: bool,
}

/// Who answers a step, and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum StepMode {
    /// Each partner on their own; hidden from the other until both are done.
    #[default]
    Individual,
    /// After the reveal, each partner says back in their own words what they
    /// understood of the other's answers to the named steps.
    Reflect { of: Vec<String> },
    /// After the reveal, one answer written together.
    Shared,
    /// Before either partner's turn, one answer written together: what
    /// the exercise is about this time (a topic, a decision), so both
    /// answer about the same thing. On screen in every turn.
    Opening,
    /// After the reveal, one partner's move in a conversation the steps lay
    /// out turn by turn (speaker, listener, then roles swap). `shows` names
    /// earlier steps whose answers are on screen while answering this one.
    Turn {
        by: super::Partner,
        #[serde(default)]
        shows: Vec<String>,
    },
}

/// The kind of answer a step takes. The whole vocabulary of answers: one
/// editor and one side-by-side comparison serve every exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Field {
    Text(TextDef),
    List(ListDef),
    Scale(ScaleDef),
    Choice(ChoiceDef),
    Checklist(ChoiceDef),
    Grid(GridDef),
    /// The couple's active agreements from other pages, each marked keep,
    /// revisit or retire (a grid whose rows come from the journal). Only in
    /// a `Shared` step.
    AgreementReview,
}

impl Field {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Field::Text(_) => "text",
            Field::List(_) => "list",
            Field::Scale(_) => "scale",
            Field::Choice(_) => "choice",
            Field::Checklist(_) => "checklist",
            Field::Grid(_) => "grid",
            Field::AgreementReview => "agreement review",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextDef {
    #[serde(default)]
    pub placeholder: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDef {
    #[serde(default)]
    pub placeholder: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleDef {
    pub min: i32,
    pub max: i32,
    /// What the lowest value means ("never").
    pub low: String,
    /// What the highest value means ("always").
    pub high: String,
    /// A unit shown after the number ("hours a week").
    #[serde(default)]
    pub unit: String,
}

impl ScaleDef {
    pub fn clamp(&self, value: i32) -> i32 {
        value.clamp(self.min, self.max)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceDef {
    pub options: Vec<ChoiceOption>,
}

/// In an option's or a grid row's label, `{me}` stands for the partner
/// answering and `{partner}` for the other one, so "Who meets it" can offer
/// a name.
pub fn named(label: &str, me: &str, partner: &str) -> String {
    label.replace("{me}", me).replace("{partner}", partner)
}

impl Field {
    /// The field with its options' `{me}` and `{partner}` put in words.
    pub fn named(&self, me: &str, partner: &str) -> Field {
        let choices = |def: &ChoiceDef| ChoiceDef {
            options: def
                .options
                .iter()
                .map(|o| ChoiceOption {
                    id: o.id.clone(),
                    label: named(&o.label, me, partner),
                })
                .collect(),
        };
        match self {
            Field::Choice(def) => Field::Choice(choices(def)),
            Field::Checklist(def) => Field::Checklist(choices(def)),
            Field::Grid(def) => Field::Grid(GridDef {
                rows: def
                    .rows
                    .iter()
                    .map(|r| GridRowDef {
                        label: named(&r.label, me, partner),
                        ..r.clone()
                    })
                    .collect(),
                columns: def
                    .columns
                    .iter()
                    .map(|c| Column {
                        id: c.id.clone(),
                        label: c.label.clone(),
                        kind: match &c.kind {
                            ColumnKind::Choice(choice) => ColumnKind::Choice(choices(choice)),
                            kind => kind.clone(),
                        },
                    })
                    .collect(),
                ..def.clone()
            }),
            field => field.clone(),
        }
    }
}

impl ChoiceDef {
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.options
            .iter()
            .find(|o| o.id == id)
            .map_or(id, |o| o.label.as_str())
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridDef {
    pub rows: Vec<GridRowDef>,
    pub columns: Vec<Column>,
    /// Whether a partner may add rows of their own.
    #[serde(default)]
    pub add_rows: bool,
    /// Two scale columns (how important, how well met) that order the
    /// side-by-side view: what matters and is poorly met comes first.
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Rows both partners gave the same option in a column, listed together
    /// after the grid ("your shared repair list").
    #[serde(default)]
    pub both_chose: Option<BothChose>,
    /// A gentle summary of which rows, by their concept, each partner rated
    /// high in a scale column.
    #[serde(default)]
    pub patterns: Option<Patterns>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    pub important: String,
    pub met: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BothChose {
    pub column: String,
    pub option: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Patterns {
    pub column: String,
    /// Ratings at or above this count as "often".
    pub often: i32,
    /// Shown under every summary: what the summary is and is not.
    pub note: String,
    /// Shown for a partner with at least `caution_from` codependent patterns
    /// rated often.
    pub caution_from: usize,
    pub caution: String,
}

impl GridDef {
    pub fn row_label<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        self.rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.label.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridRowDef {
    pub id: String,
    pub label: String,
    /// A heading the row is listed under ("Closeness").
    #[serde(default)]
    pub group: String,
    /// The concept-map id the row stands for ("C1", "I4"), used by pattern
    /// summaries.
    #[serde(default)]
    pub concept: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub kind: ColumnKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ColumnKind {
    Scale(ScaleDef),
    Choice(ChoiceDef),
}
