use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Answer, Category, JOURNAL_VERSION};

/// One of the two partners, by position. Positions, not colours, tell them
/// apart on screen: the first partner is always on the left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Partner {
    First,
    Second,
}

impl Partner {
    pub const BOTH: [Partner; 2] = [Partner::First, Partner::Second];

    pub fn index(self) -> usize {
        match self {
            Partner::First => 0,
            Partner::Second => 1,
        }
    }

    pub fn other(self) -> Partner {
        match self {
            Partner::First => Partner::Second,
            Partner::Second => Partner::First,
        }
    }
}

/// One time a couple works one exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub version: u32,
    /// Also the file name (without `.ron`) under `journal/`.
    pub id: String,
    pub exercise: String,
    pub exercise_revision: u32,
    /// The exercise's title and category when the page was started, so the
    /// page still reads well if the exercise is later renamed or removed.
    pub title: String,
    pub category: Category,
    pub started: Timestamp,
    pub entries: [Entry; 2],
    #[serde(default)]
    pub shared: Shared,
    /// When the couple finished talking it over.
    #[serde(default)]
    pub discussed: Option<Timestamp>,
}

impl Page {
    pub fn new(
        id: String,
        exercise: &super::Exercise,
        names: &[String; 2],
        started: Timestamp,
    ) -> Self {
        Page {
            version: JOURNAL_VERSION,
            id,
            exercise: exercise.id.clone(),
            exercise_revision: exercise.revision,
            title: exercise.title.clone(),
            category: exercise.category,
            started,
            entries: [Entry::new(&names[0]), Entry::new(&names[1])],
            shared: Shared::default(),
            discussed: None,
        }
    }

    pub fn entry(&self, partner: Partner) -> &Entry {
        &self.entries[partner.index()]
    }

    pub fn entry_mut(&mut self, partner: Partner) -> &mut Entry {
        &mut self.entries[partner.index()]
    }

    pub fn status(&self) -> PageStatus {
        let done = |p: Partner| self.entry(p).status == EntryStatus::Done;
        match (done(Partner::First), done(Partner::Second)) {
            (true, true) if self.discussed.is_some() => PageStatus::Discussed,
            (true, true) => PageStatus::BothDone,
            (true, false) => PageStatus::WaitingFor(Partner::Second),
            (false, true) => PageStatus::WaitingFor(Partner::First),
            (false, false) => PageStatus::InProgress,
        }
    }

    /// The most recent moment anything on the page changed.
    pub fn last_activity(&self) -> Timestamp {
        let mut latest = self.started;
        for entry in &self.entries {
            for t in [entry.updated, entry.finished].into_iter().flatten() {
                latest = latest.max(t);
            }
        }
        for t in [self.shared.updated, self.discussed].into_iter().flatten() {
            latest = latest.max(t);
        }
        latest
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageStatus {
    /// Neither partner has finished their part.
    InProgress,
    /// One partner finished; the page waits for the other.
    WaitingFor(Partner),
    /// Both finished: the answers can be revealed and talked over.
    BothDone,
    /// Talked over, with notes and agreements written down.
    Discussed,
}

impl PageStatus {
    /// The status in the words every screen, export and command uses, with
    /// the partners' names.
    pub fn words(self, names: [&str; 2]) -> String {
        match self {
            PageStatus::InProgress => "in progress".to_string(),
            PageStatus::WaitingFor(p) => format!("waiting for {}", names[p.index()]),
            PageStatus::BothDone => "both done".to_string(),
            PageStatus::Discussed => "talked over".to_string(),
        }
    }

    pub fn is_unfinished(self) -> bool {
        self != PageStatus::Discussed
    }
}

/// One partner's answers on one page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The partner's name when the page was written.
    pub partner: String,
    pub status: EntryStatus,
    #[serde(default)]
    pub started: Option<Timestamp>,
    #[serde(default)]
    pub updated: Option<Timestamp>,
    #[serde(default)]
    pub finished: Option<Timestamp>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The step the partner was on when they last stopped, to go on there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<String>,
    /// Steps the partner chose to pass: the reveal says "passed", and
    /// never why.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub passed: BTreeSet<String>,
    /// Steps whose answers the partner keeps to themselves for good: the
    /// other sees only that something was kept private.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub private: BTreeSet<String>,
    /// After the reveal, the answers of the steps kept private, sealed to
    /// their author for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<Sealed>,
    /// The partner's words (answers, passes, where they left off), sealed
    /// to their key until the reveal. While it is here, the fields above
    /// hold nothing: the words are in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

impl Entry {
    pub fn new(partner: &str) -> Self {
        Entry {
            partner: partner.to_string(),
            status: EntryStatus::NotStarted,
            started: None,
            updated: None,
            finished: None,
            answers: BTreeMap::new(),
            left_at: None,
            passed: BTreeSet::new(),
            private: BTreeSet::new(),
            kept: None,
            sealed: None,
        }
    }

    /// Whether the entry holds words of its author's, open or sealed.
    pub fn has_words(&self) -> bool {
        self.sealed.is_some()
            || !self.answers.is_empty()
            || !self.passed.is_empty()
            || !self.private.is_empty()
            || self.left_at.is_some()
    }
}

/// Words encrypted to one partner's key: only that partner's passphrase
/// opens them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// The public key they are sealed to, as written in `couple.ron` when
    /// they were sealed: a key replaced since cannot open them.
    pub to: String,
    /// An age file, armored as text.
    pub words: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryStatus {
    NotStarted,
    Draft,
    Done,
}

/// What the couple writes together after the reveal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    #[serde(default)]
    pub updated: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_notes: Vec<LaterNote>,
    /// The together step the couple was on when they last stopped, to go
    /// on there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<String>,
}

/// A sentence both partners accepted, such as a boundary put into words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub text: String,
    pub status: AgreementStatus,
    pub made: Timestamp,
    /// Each time a check-in looked at it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<AgreementReview>,
}

/// A decision about an agreement after it was made: at a check-in, or on
/// the agreements screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementReview {
    pub when: Timestamp,
    pub status: AgreementStatus,
    /// The check-in page the review was made on; none when the status was
    /// changed on the agreements screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// When the couple changed the agreement's words: what it said before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
}

/// A note added to a page after it was finished. The page's answers are
/// never changed afterwards; later thoughts go here, with their date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LaterNote {
    pub when: Timestamp,
    pub text: String,
}

/// The id of the column a check-in's agreement review is answered in; its
/// options are `keep`, `revisit` and `retire` ([`AgreementStatus::from_review`]).
pub const REVIEW_COLUMN: &str = "decision";

/// The heading of the step where a couple writes down what they agree on.
pub const AGREEMENTS_PROMPT: &str = "What do you agree on?";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreementStatus {
    Active,
    Revisit,
    Retired,
}

impl AgreementStatus {
    /// Option ids used when a check-in reviews agreements.
    pub fn from_review(id: &str) -> Option<AgreementStatus> {
        match id {
            "keep" => Some(AgreementStatus::Active),
            "revisit" => Some(AgreementStatus::Revisit),
            "retire" => Some(AgreementStatus::Retired),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgreementStatus::Active => "in use",
            AgreementStatus::Revisit => "revisit",
            AgreementStatus::Retired => "ended",
        }
    }

    /// The status in a sentence: "now to talk about again", where the
    /// one-word label would read "now revisit".
    pub fn in_words(self) -> &'static str {
        match self {
            AgreementStatus::Active => "in use",
            AgreementStatus::Revisit => "to talk about again",
            AgreementStatus::Retired => "ended",
        }
    }
}
