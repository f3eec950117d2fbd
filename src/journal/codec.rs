//! Turning journal files into values and back, with version checks and the
//! place to migrate older files.

use std::path::Path;

use serde::Deserialize;

use crate::model::{Couple, JOURNAL_VERSION, Page};
use crate::problem::Problem;

/// Whether a loaded page may be written back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Writable,
    /// Shown, never rewritten, for the reason given.
    ReadOnly(String),
}

#[derive(Clone, Debug)]
pub struct LoadedPage {
    pub page: Page,
    pub access: Access,
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Writes a value as RON a person can read: answers appear as real
/// multi-line strings, not escaped ones.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

fn as_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = offset
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        Problem::new(path, line, column, "not valid UTF-8 text")
    })?;
    // Some editors add a byte-order mark; RON does not expect one.
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn version_of(path: &Path, text: &str) -> Result<u32, Problem> {
    ron::from_str::<VersionProbe>(text)
        .map(|p| p.version)
        .map_err(|e| Problem::from_ron(path, &e))
}

pub fn parse_page(path: &Path, bytes: &[u8]) -> Result<LoadedPage, Problem> {
    let text = as_text(path, bytes)?;
    let version = version_of(path, text)?;
    let parse = |text| ron::from_str::<Page>(text).map_err(|e| Problem::from_ron(path, &e));
    match version {
        JOURNAL_VERSION => Ok(LoadedPage {
            page: parse(text)?,
            access: Access::Writable,
        }),
        // Older formats are migrated here, in memory, one version at a time;
        // the file is rewritten in the current format only when the page is
        // next saved. Format 1 is the first, so there is nothing older yet.
        v if v > JOURNAL_VERSION => {
            // Fields this build does not know are skipped when reading, so
            // writing the page back would lose them.
            let page = parse(text)?;
            Ok(LoadedPage {
                page,
                access: Access::ReadOnly(format!(
                    "written by a newer tandem (format {v}); shown read-only"
                )),
            })
        }
        v => Err(Problem::at_text(
            path,
            text,
            None,
            "version",
            format!("unknown journal format {v}"),
        )),
    }
}

pub fn parse_couple(path: &Path, bytes: &[u8]) -> Result<Couple, Problem> {
    let text = as_text(path, bytes)?;
    let version = version_of(path, text)?;
    if version > JOURNAL_VERSION {
        return Err(Problem::at_text(
            path,
            text,
            None,
            "version",
            format!(
                "written by a newer tandem (format {version}); this build reads up to {JOURNAL_VERSION}"
            ),
        ));
    }
    let couple: Couple = ron::from_str(text).map_err(|e| Problem::from_ron(path, &e))?;
    if couple.names.iter().any(|n| n.trim().is_empty()) {
        return Err(Problem::at_text(
            path,
            text,
            None,
            "names",
            "both partners need a name",
        ));
    }
    Ok(couple)
}
