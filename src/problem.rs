//! A problem found in a file, located by path, line and column so a person can
//! open the file and find it.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    pub fn new(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem with the file as a whole (it could not be read at all).
    pub fn whole_file(path: &Path, message: impl Into<String>) -> Self {
        Problem::new(path, 1, 1, message)
    }

    /// A parse error from `ron`, in plain words, pointing at the key that is
    /// wrong or at the start of the item that lacks one. Nothing of a file
    /// that does not look like one of tandem's is repeated.
    pub fn from_ron(path: &Path, text: &str, error: &ron::error::SpannedError) -> Self {
        let scan = crate::ron_text::scan(text);
        use crate::ron_text::Tok;
        if text.trim().is_empty() {
            return Problem::new(path, 1, 1, "the file is empty");
        }
        // A tandem file starts with `(`, `Name(` or a `#![enable(…)]` line.
        let looks_like_ours = matches!(
            (
                scan.tokens.first().map(|t| &t.tok),
                scan.tokens.get(1).map(|t| &t.tok),
            ),
            (Some(Tok::Punct('(' | '#')), _) | (Some(Tok::Ident(_)), Some(Tok::Punct('(')))
        );
        if !looks_like_ours {
            return Problem::new(
                path,
                1,
                1,
                "this does not look like a tandem file: it should start with `(`",
            );
        }
        let start = &error.span.start;
        let mut offset = offset_of(text, start.line.max(1), start.col.max(1));
        if matches!(error.code, ron::Error::MissingStructField { .. })
            && let Some(item) = scan.item_start(offset)
        {
            offset = item;
        }
        let (line, column) = line_column(text, offset);
        Problem::new(path, line, column, plain_ron(&error.code))
    }

    /// A problem at a byte offset of `text`.
    pub fn at_offset(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, offset);
        Problem::new(path, line, column, message)
    }

    /// A problem with a value found in `text`: points at the first place
    /// `needle` appears after `after` (or at the start when it is not found).
    pub fn at_text(
        path: &Path,
        text: &str,
        after: Option<&str>,
        needle: &str,
        message: impl Into<String>,
    ) -> Self {
        let start = after
            .and_then(|a| text.find(a).map(|i| i + a.len()))
            .unwrap_or(0);
        let offset = text[start..].find(needle).map_or(0, |i| start + i);
        let (line, column) = line_column(text, offset);
        Problem::new(path, line, column, message)
    }
}

impl Problem {
    /// The problem with the file named inside `folder` rather than by its full
    /// path, for screens where the full path would crowd out the message.
    pub fn in_folder(&self, folder: &str) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!(
            "{folder}/{name}:{}:{}: {}",
            self.line, self.column, self.message
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(column - 1)
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// What a part of a file is, in words: the names serde gives the types
/// are for programmers.
fn thing(outer: Option<&str>) -> &'static str {
    match outer.unwrap_or_default() {
        "Exercise" => "the exercise",
        "Step" => "this step",
        "ScaleDef" => "this scale",
        "ChoiceDef" => "this choice",
        "ChoiceOption" => "this option",
        "GridDef" => "this grid",
        "GridRowDef" => "this grid row",
        "Column" => "this column",
        "Priority" => "`priority`",
        "BothChose" => "`both_chose`",
        "Patterns" => "`patterns`",
        "Page" => "the page",
        "Entry" => "this entry",
        "Shared" => "the shared part",
        "Agreement" => "this agreement",
        "AgreementReview" => "this review",
        "LaterNote" => "this later note",
        "GridAnswerRow" => "this grid row",
        "Couple" => "the couple file",
        "VersionProbe" => "the file",
        _ => "this item",
    }
}

/// What the variants of an enum are, in words.
fn kind_of_variant(outer: Option<&str>) -> &'static str {
    match outer.unwrap_or_default() {
        "Field" => "a field kind",
        "StepMode" => "a step mode",
        "Category" => "a category",
        "ColumnKind" => "a column kind",
        "Answer" => "a kind of answer",
        "GridValue" => "a kind of grid value",
        "EntryStatus" => "an entry status",
        "AgreementStatus" => "an agreement status",
        "Partner" => "a partner (First or Second)",
        _ => "a choice here",
    }
}

/// A value's kind as serde describes it ("u32", "string \"x\""), in words
/// and without the value itself.
fn value_words(described: &str) -> String {
    let d = described.trim();
    let words = if d.starts_with("u8")
        || d.starts_with("u16")
        || d.starts_with("u32")
        || d.starts_with("u64")
        || d.starts_with("usize")
        || d.starts_with("i8")
        || d.starts_with("i16")
        || d.starts_with("i32")
        || d.starts_with("i64")
        || d.starts_with("isize")
        || d.starts_with("integer")
        || d.starts_with("unsigned integer")
    {
        "a whole number"
    } else if d.starts_with("f32") || d.starts_with("f64") || d.starts_with("floating point") {
        "a number with a decimal point"
    } else if d.starts_with("string") || d.starts_with("a string") || d.starts_with("str") {
        "text in double quotes"
    } else if d.starts_with("bool") || d.starts_with("a boolean") {
        "true or false"
    } else if d.starts_with("char") || d.starts_with("a character") {
        "a single character"
    } else if d.starts_with("sequence") || d.starts_with("a sequence") || d.contains("array") {
        "a list in square brackets"
    } else if d.starts_with("map") || d.starts_with("a map") {
        "a map in curly brackets"
    } else if d.starts_with("unit") {
        "`()`"
    } else if d.starts_with("option") || d.starts_with("Option") {
        "`Some(…)` or `None`"
    } else if d.contains("timestamp") || d.contains("Timestamp") {
        "a date and time such as \"2026-01-31T09:00:00Z\""
    } else {
        "something else"
    };
    words.to_string()
}

/// A parse error from `ron` as plain words that name the key and the fix.
pub fn plain_ron(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::MissingStructField { field, outer } => format!(
            "`{field}` is missing from {}: add `{field}: …` here",
            thing(outer.as_deref())
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = kind_of_variant(outer.as_deref());
            let found = if is_short_name(found) {
                format!("`{found}`")
            } else {
                "this".to_string()
            };
            format!("{found} is not {what}; use one of {}", expected.join(", "))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let found = if is_short_name(found) {
                format!("`{found}`")
            } else {
                "this key".to_string()
            };
            format!(
                "{found} is not a key of {}; the keys are {}",
                thing(outer.as_deref()),
                expected.join(", ")
            )
        }
        E::DuplicateStructField { field, outer } => format!(
            "`{field}` is written twice in {}; keep one",
            thing(outer.as_deref())
        ),
        E::ExpectedDifferentLength { expected, found } => {
            let wanted: String = expected.chars().filter(char::is_ascii_digit).collect();
            if wanted.is_empty() {
                format!("this has {found} items, which is not the number expected here")
            } else {
                format!("this should have {wanted} items, and has {found}")
            }
        }
        E::InvalidValueForType { expected, found } => format!(
            "expected {} here, but this is {}",
            value_words(expected),
            value_words(found)
        ),
        E::Message(message) => {
            let lower = message.to_lowercase();
            if ["timestamp", "date", "time", "year", "month", "day", "hour"]
                .iter()
                .any(|w| lower.contains(w))
            {
                "this is not a date and time tandem can read; write it like \"2026-01-31T09:00:00Z\"".to_string()
            } else {
                "this value cannot be read here".to_string()
            }
        }
        E::Eof => "the file ends too early: a closing bracket or quote is missing".into(),
        E::ExpectedArray => "expected a list here, starting with `[`".into(),
        E::ExpectedArrayEnd => "expected `]` to close the list, or a comma between items".into(),
        E::ExpectedComma => "a comma is missing between two items".into(),
        E::ExpectedMap => "expected a map here, starting with `{`".into(),
        E::ExpectedMapColon => "expected `:` after the key".into(),
        E::ExpectedMapEnd => "expected `}` to close the map, or a comma between items".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected `(` here, to start an item".into()
        }
        E::ExpectedStructLikeEnd => {
            "expected `)` to close this item, or a comma between items".into()
        }
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            "a different name is expected before `(` here".into()
        }
        E::ExpectedString | E::ExpectedByteString => "expected text in double quotes here".into(),
        E::ExpectedStringEnd => "this text has no closing quote".into(),
        E::ExpectedInteger => "expected a whole number here".into(),
        E::ExpectedFloat | E::FloatUnderscore => "expected a number here".into(),
        E::ExpectedBoolean => "expected true or false here".into(),
        E::ExpectedOption => "expected `Some(…)` or `None` here".into(),
        E::ExpectedOptionEnd => "expected `)` to close `Some(…)`".into(),
        E::ExpectedUnit => "expected `()` here".into(),
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            "expected a name here, made of letters, digits and underscores".into()
        }
        E::ExpectedChar | E::ExpectedByteLiteral => {
            "expected one character in single quotes here".into()
        }
        E::InvalidEscape(_) => {
            "a backslash in this text starts an escape that does not exist; write `\\\\` for a backslash".into()
        }
        E::IntegerOutOfBounds => "this number is too large or too small".into(),
        E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning => {
            "this number has a character that does not belong in a number".into()
        }
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "a comment here is never closed".into()
        }
        E::UnexpectedChar(c) if c.is_ascii_punctuation() => {
            format!("`{c}` does not belong here: look for a missing value or an extra bracket")
        }
        E::UnexpectedChar(_) => "a character here does not belong in a tandem file".into(),
        E::Utf8Error(_) => "not valid UTF-8 text".into(),
        E::TrailingCharacters => {
            "something follows the end of the file's item: remove it, or look for a missing bracket before it".into()
        }
        E::ExceededRecursionLimit => "brackets are nested too deeply".into(),
        E::ExpectedAttribute | E::ExpectedAttributeEnd | E::NoSuchExtension(_) => {
            "a `#![enable(…)]` line here is not one tandem understands".into()
        }
        _ => "this part of the file cannot be read".into(),
    }
}

/// The known key closest to `typed`, when it is likely a typo of it.
pub fn nearest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(typed, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min()
        .map(|(_, k)| k)
}

/// A name short and plain enough to repeat in a message.
pub fn is_short_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 40
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_needle_after_an_anchor() {
        let text = "(\n  id: \"a\",\n  steps: [(id: \"x\"), (id: \"x\")],\n)";
        let p = Problem::at_text(Path::new("f.ron"), text, Some("\"x\""), "\"x\"", "twice");
        assert_eq!((p.line, p.column), (3, 27));
        assert_eq!(p.to_string(), "f.ron:3:27: twice");
    }
}
