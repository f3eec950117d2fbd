//! A problem found in a file, located by path, line and column so a person can
//! open the file and find it.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
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

    /// A parse error from `ron`, which knows where it happened.
    pub fn from_ron(path: &Path, error: &ron::error::SpannedError) -> Self {
        Problem::new(
            path,
            error.span.start.line.max(1),
            error.span.start.col.max(1),
            error.code.to_string(),
        )
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

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
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
