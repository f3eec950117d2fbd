//! Turning journal files into values and back, with version checks and the
//! place to migrate older files.
//!
//! Lossless or hands off: `ron` skips keys it does not know, so reading
//! alone cannot tell whether writing the page back would keep everything.
//! Every key that was skipped, every comment and every map key written
//! twice is a finding; a page with findings is shown but never rewritten.

use std::path::Path;

use serde::Deserialize;

use crate::files::as_text;
use crate::model::{Couple, JOURNAL_VERSION, MAX_NAME_CHARS, Page};
use crate::problem::Problem;
use crate::ron_text::{self, Seg};

/// Whether a loaded page may be written back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Writable,
    /// Shown, never rewritten, for the reason given.
    ReadOnly(String),
}

impl Access {
    /// Why the page is read-only, when it is.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Access::Writable => None,
            Access::ReadOnly(why) => Some(why),
        }
    }
}

#[derive(Clone, Debug)]
pub struct LoadedPage {
    pub page: Page,
    pub access: Access,
    /// What in the file tandem does not understand, each at its line and
    /// column: the reasons the page is read-only, for `tandem check`.
    pub findings: Vec<Problem>,
    /// The id written inside the file; the page itself is known by its
    /// file name.
    pub written_id: String,
}

impl LoadedPage {
    /// Marks the page read-only for the first of `findings`, keeping them
    /// all for `check`.
    pub fn refuse(&mut self, findings: Vec<Problem>) {
        if findings.is_empty() {
            return;
        }
        if self.access == Access::Writable {
            let first = &findings[0];
            let more = match findings.len() {
                1 => String::new(),
                2 => " (and 1 more place)".to_string(),
                n => format!(" (and {} more places)", n - 1),
            };
            self.access = Access::ReadOnly(format!(
                "tandem does not understand all of this page's file, so it leaves it as it is: {}{more}. Fix it in a text editor; `tandem check` lists every place",
                first
            ));
        }
        self.findings.extend(findings);
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

fn version_zero(path: &Path, text: &str, version: u32) -> Option<Problem> {
    (version == 0).then(|| {
        Problem::at_text(
            path,
            text,
            None,
            "version",
            "journal format 0 does not exist; the first format is 1",
        )
    })
}

fn version_of(path: &Path, text: &str) -> Result<u32, Problem> {
    ron::from_str::<VersionProbe>(text)
        .map(|p| p.version)
        .map_err(|e| Problem::from_ron(path, text, &e))
}

/// Parses `text` as `T`, noting the path of every key that was skipped.
fn parse_noting_skipped<'a, T: Deserialize<'a>>(
    path: &Path,
    text: &'a str,
) -> Result<(T, Vec<Vec<Seg>>), Problem> {
    let mut de =
        ron::Deserializer::from_str(text).map_err(|e| Problem::from_ron(path, text, &e))?;
    let mut skipped = Vec::new();
    let value = serde_ignored::deserialize(&mut de, |p| skipped.push(ron_text::segments(&p)))
        .map_err(|code| Problem::from_ron(path, text, &de.span_error(code)))?;
    de.end()
        .map_err(|code| Problem::from_ron(path, text, &de.span_error(code)))?;
    Ok((value, skipped))
}

/// Every key a page file may hold, to suggest one for a typo.
const PAGE_KEYS: &[&str] = &[
    "version",
    "id",
    "exercise",
    "exercise_revision",
    "title",
    "category",
    "started",
    "entries",
    "shared",
    "discussed",
    "partner",
    "status",
    "updated",
    "finished",
    "answers",
    "passed",
    "private",
    "kept",
    "sealed",
    "to",
    "words",
    "agreements",
    "later_notes",
    "text",
    "made",
    "reviews",
    "when",
    "page",
    "row",
    "label",
    "values",
    "left_at",
    "was",
];

pub fn parse_page(path: &Path, bytes: &[u8]) -> Result<LoadedPage, Problem> {
    parse_page_text(path, as_text(path, bytes)?)
}

/// As [`parse_page`], for the file's text.
pub fn parse_page_text(path: &Path, text: &str) -> Result<LoadedPage, Problem> {
    // Nearly every page is of a format this build reads, and parses at
    // once. Only a page that does not is probed for its version on its
    // own (a second pass over the file), so that one from a newer tandem,
    // or of format 0, is told apart from a damaged one.
    let (page, skipped) = match parse_noting_skipped::<Page>(path, text) {
        Ok(parsed) => parsed,
        Err(problem) => {
            let version = version_of(path, text)?;
            return Err(version_zero(path, text, version).unwrap_or(problem));
        }
    };
    let version = page.version;
    if let Some(problem) = version_zero(path, text, version) {
        return Err(problem);
    }
    // Older formats would be migrated here, in memory, one version at a
    // time; the file is rewritten in the current format only when the page
    // is next saved. Format 1 is the first, so there is nothing older yet.
    let mut loaded = LoadedPage {
        written_id: page.id.clone(),
        page,
        access: Access::Writable,
        findings: Vec::new(),
    };
    if version > JOURNAL_VERSION {
        // Keys this build does not know are expected in a newer format;
        // the page is shown as far as it is understood, never rewritten.
        loaded.access = Access::ReadOnly(format!(
            "written by a newer tandem (format {version}); shown read-only"
        ));
        return Ok(loaded);
    }
    loaded.refuse(hand_edits(path, text, &skipped));
    Ok(loaded)
}

/// What writing the page back would lose: skipped keys, comments, map keys
/// written twice.
fn hand_edits(path: &Path, text: &str, skipped: &[Vec<Seg>]) -> Vec<Problem> {
    let scan = ron_text::scan(text);
    let mut findings = Vec::new();
    for segs in skipped {
        let offset = scan.locate(segs).unwrap_or(0);
        let key = match segs.last() {
            Some(Seg::Key(key)) => key.as_str(),
            _ => "",
        };
        let shown = if key.chars().count() <= 40 && !key.chars().any(char::is_control) {
            format!("`{key}`")
        } else {
            "this key".to_string()
        };
        let hint = crate::problem::nearest(key, PAGE_KEYS)
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        findings.push(Problem::at_offset(
            path,
            text,
            offset,
            format!(
                "{shown} is not a name tandem knows here{hint}; saving would lose what it holds"
            ),
        ));
    }
    for &offset in &scan.comments {
        findings.push(Problem::at_offset(
            path,
            text,
            offset,
            "a comment here would be lost if tandem saved the page; remove it, or copy its words into an answer",
        ));
    }
    for (offset, key) in scan.repeated_map_keys() {
        findings.push(Problem::at_offset(
            path,
            text,
            offset,
            format!(
                "{} is written twice in the same list; saving would keep only one",
                if key.chars().count() <= 40 {
                    format!("\"{key}\"")
                } else {
                    "a key".to_string()
                }
            ),
        ));
    }
    findings.sort_by_key(|p| (p.line, p.column));
    findings
}

/// The text of a small journal file (`couple.ron`, `suggestions.ron`),
/// refused when a newer tandem wrote it.
fn text_this_build_reads<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Problem> {
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
    Ok(text)
}

pub fn parse_couple(path: &Path, bytes: &[u8]) -> Result<Couple, Problem> {
    let text = text_this_build_reads(path, bytes)?;
    let (couple, skipped) = parse_noting_skipped::<Couple>(path, text)?;
    let scan = ron_text::scan(text);
    if let Some(segs) = skipped.first() {
        let offset = scan.locate(segs).unwrap_or(0);
        return Err(Problem::at_offset(
            path,
            text,
            offset,
            "this is not a key of the couple file (it holds `version`, `names`, `created` and `keys`); remove it or correct its spelling",
        ));
    }
    for (i, key) in couple.keys.iter().enumerate() {
        let Some(key) = key else { continue };
        if key.parse::<age::x25519::Recipient>().is_err() {
            let at = scan
                .locate(&[Seg::Key("keys".into()), Seg::Index(i)])
                .unwrap_or(0);
            let which = ["first", "second"][i];
            return Err(Problem::at_offset(
                path,
                text,
                at,
                format!(
                    "the {which} partner's key is not a public key tandem can seal to (it starts with `age1`); put back the one tandem wrote"
                ),
            ));
        }
    }
    for (i, name) in couple.names.iter().enumerate() {
        let at = scan
            .locate(&[Seg::Key("names".into()), Seg::Index(i)])
            .unwrap_or(0);
        let which = ["first", "second"][i];
        if let Some(problem) = name_problem(name) {
            return Err(Problem::at_offset(
                path,
                text,
                at,
                format!("the {which} partner's name {problem}; fix it in a text editor"),
            ));
        }
    }
    Ok(couple)
}

/// What is wrong with a partner's name, if anything: empty, too long, or
/// holding characters that could change the terminal.
fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("is empty: both partners need a name".to_string());
    }
    if name.chars().any(char::is_control) {
        return Some(format!(
            "holds a control character ({}), which could change the terminal it is shown in",
            crate::model::visible(name)
                .chars()
                .filter(|c| ('\u{2400}'..='\u{2421}').contains(c) || *c == '\u{fffd}')
                .take(3)
                .collect::<String>()
        ));
    }
    let count = name.chars().count();
    if count > MAX_NAME_CHARS {
        return Some(format!(
            "is {count} characters long; names can be at most {MAX_NAME_CHARS}"
        ));
    }
    None
}

/// `suggestions.ron`: the suggested exercises the couple said "not now"
/// to, each with the moment it may be suggested again.
#[derive(Debug, serde::Serialize, Deserialize)]
pub struct Dismissed {
    pub version: u32,
    #[serde(default)]
    pub not_now: std::collections::BTreeMap<String, jiff::Timestamp>,
}

pub fn parse_dismissed(
    path: &Path,
    bytes: &[u8],
) -> Result<std::collections::BTreeMap<String, jiff::Timestamp>, Problem> {
    let text = text_this_build_reads(path, bytes)?;
    let (dismissed, skipped) = parse_noting_skipped::<Dismissed>(path, text)?;
    if let Some(segs) = skipped.first() {
        let offset = ron_text::scan(text).locate(segs).unwrap_or(0);
        return Err(Problem::at_offset(
            path,
            text,
            offset,
            "this is not a key of the suggestions file (it holds `version` and `not_now`); remove it or correct its spelling",
        ));
    }
    Ok(dismissed.not_now)
}
