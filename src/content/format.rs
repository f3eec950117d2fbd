//! The keys of the exercise format, place by place: what a misspelt key is
//! checked against, and what the reference in `docs/exercise-format.md`
//! must describe (a test keeps the three in step with the model).

use crate::ron_text::{Scan, Seg};

/// A place in an exercise file that holds keys: what it is called in a
/// message, and the keys it may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// How the reference names its section: `<!-- keys: SLUG -->`.
    pub slug: &'static str,
    pub name: &'static str,
    pub keys: &'static [&'static str],
}

pub const EXERCISE: Place = Place {
    slug: "exercise",
    name: "the exercise",
    keys: &[
        "version",
        "id",
        "revision",
        "title",
        "category",
        "minutes",
        "intro",
        "concepts",
        "sensitive",
        "steps",
        "suggest",
    ],
};
pub const STEP: Place = Place {
    slug: "step",
    name: "a step",
    keys: &[
        "id",
        "prompt",
        "hint",
        "mode",
        "field",
        "concepts",
        "guess_of",
        "shows_agreements",
    ],
};
pub const REFLECT: Place = Place {
    slug: "reflect",
    name: "`Reflect`",
    keys: &["of"],
};
pub const TURN: Place = Place {
    slug: "turn",
    name: "`Turn`",
    keys: &["by", "shows"],
};
pub const TEXT: Place = Place {
    slug: "text",
    name: "a text or list field",
    keys: &["placeholder"],
};
pub const SCALE: Place = Place {
    slug: "scale",
    name: "a scale",
    keys: &["min", "max", "low", "high", "unit"],
};
pub const CHOICE: Place = Place {
    slug: "choice",
    name: "a choice or checklist",
    keys: &["options"],
};
pub const OPTION: Place = Place {
    slug: "option",
    name: "an option",
    keys: &["id", "label"],
};
pub const GRID: Place = Place {
    slug: "grid",
    name: "a grid",
    keys: &[
        "rows",
        "columns",
        "add_rows",
        "priority",
        "both_chose",
        "patterns",
    ],
};
pub const ROW: Place = Place {
    slug: "row",
    name: "a grid row",
    keys: &["id", "label", "group", "concept"],
};
pub const COLUMN: Place = Place {
    slug: "column",
    name: "a grid column",
    keys: &["id", "label", "kind"],
};
pub const PRIORITY: Place = Place {
    slug: "priority",
    name: "`priority`",
    keys: &["important", "met"],
};
pub const BOTH_CHOSE: Place = Place {
    slug: "both-chose",
    name: "`both_chose`",
    keys: &["column", "option", "title"],
};
pub const PATTERNS: Place = Place {
    slug: "patterns",
    name: "`patterns`",
    keys: &["column", "often", "note", "caution_from", "caution"],
};

pub const SUGGESTION: Place = Place {
    slug: "suggestion",
    name: "a suggestion",
    keys: &["when", "reason"],
};
pub const NOT_DONE_FOR: Place = Place {
    slug: "not-done-for",
    name: "`NotDoneFor`",
    keys: &["days"],
};
pub const ROWS: Place = Place {
    slug: "rows",
    name: "`Rows`",
    keys: &["exercise", "step", "matching", "at_least"],
};
pub const MOST_ROWS: Place = Place {
    slug: "most-rows",
    name: "`MostRows`",
    keys: &["exercise", "step", "matching"],
};
pub const REVISIT: Place = Place {
    slug: "revisit",
    name: "`AgreementsToRevisit`",
    keys: &["at_least"],
};
pub const CELL_TEST: Place = Place {
    slug: "cell-test",
    name: "a cell test",
    keys: &["column", "at_least", "at_most", "is"],
};

/// Every place, for the reference test.
pub const PLACES: &[Place] = &[
    EXERCISE,
    STEP,
    REFLECT,
    TURN,
    TEXT,
    SCALE,
    CHOICE,
    OPTION,
    GRID,
    ROW,
    COLUMN,
    PRIORITY,
    BOTH_CHOSE,
    PATTERNS,
    SUGGESTION,
    NOT_DONE_FOR,
    ROWS,
    MOST_ROWS,
    REVISIT,
    CELL_TEST,
];

/// The place whose keys a key at `parent` (the path of the item holding
/// it) belongs among. `scan` tells which variant a field or mode is.
pub fn place_at(scan: &Scan<'_>, parent: &[Seg]) -> Option<Place> {
    // The path without the steps into parentheses: `Scale(min: …)` and
    // `Some((…))` hold their keys as the named item does.
    let keys: Vec<&Seg> = parent.iter().filter(|s| **s != Seg::Enter).collect();
    let variant = || {
        let plain: Vec<Seg> = keys.iter().map(|s| (*s).clone()).collect();
        scan.locate_value(&plain).and_then(|at| scan.name_at(at))
    };
    let key = |from_end: usize| match keys.len().checked_sub(from_end + 1).map(|i| keys[i]) {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let last_is_index = matches!(keys.last(), Some(Seg::Index(_)));
    if keys.is_empty() {
        return Some(EXERCISE);
    }
    if last_is_index {
        return match key(1)? {
            "steps" => Some(STEP),
            "suggest" => Some(SUGGESTION),
            "matching" => Some(CELL_TEST),
            "rows" => Some(ROW),
            "columns" => Some(COLUMN),
            "options" => Some(OPTION),
            _ => None,
        };
    }
    match key(0)? {
        "mode" => match variant()? {
            "Reflect" => Some(REFLECT),
            "Turn" => Some(TURN),
            _ => None,
        },
        "field" | "kind" => match variant()? {
            "Text" | "List" => Some(TEXT),
            "Scale" => Some(SCALE),
            "Choice" | "Checklist" => Some(CHOICE),
            "Grid" => Some(GRID),
            _ => None,
        },
        "when" => match variant()? {
            "NotDoneFor" => Some(NOT_DONE_FOR),
            "Rows" => Some(ROWS),
            "MostRows" => Some(MOST_ROWS),
            "AgreementsToRevisit" => Some(REVISIT),
            _ => None,
        },
        "priority" => Some(PRIORITY),
        "both_chose" => Some(BOTH_CHOSE),
        "patterns" => Some(PATTERNS),
        _ => None,
    }
}
