//! What could not be saved when tandem closed, kept elsewhere until the
//! next start puts it back.
//!
//! When the last save fails (a full disk, a folder gone read-only), the
//! open page and any unsaved names are written to a recovery file in the
//! platform's state folder, private to the user. The next start on the
//! same journal offers them back.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::files::{create_private_dir, read_regular, write_first_free, write_private_new};
use crate::model::{Couple, Page};
use crate::ron_text::to_ron;

const RECOVERY_VERSION: u32 = 1;
/// A recovery file holds one page at most; its limit is a page's.
const RECOVERY_LIMIT: u64 = crate::journal::PAGE_LIMIT + (1 << 20);

/// What was not saved, and for which journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub version: u32,
    /// The journal folder it belongs to.
    pub journal: PathBuf,
    pub saved: Timestamp,
    /// Why it could not be saved in the journal.
    pub reason: String,
    #[serde(default)]
    pub couple: Option<Couple>,
    #[serde(default)]
    pub page: Option<Page>,
}

impl Recovery {
    pub fn new(journal: &Path, saved: Timestamp, reason: String) -> Recovery {
        Recovery {
            version: RECOVERY_VERSION,
            journal: canonical(journal),
            saved,
            reason,
            couple: None,
            page: None,
        }
    }

    /// What it holds, in a few words: "your names and Boundary map".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.couple.is_some() {
            parts.push("your names".to_string());
        }
        if let Some(page) = &self.page {
            parts.push(format!("the page \"{}\"", page.title));
        }
        parts.join(" and ")
    }
}

/// A recovery file found for this journal.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    pub recovery: Recovery,
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Writes `recovery` as a new file in `dir` (made private), and returns
/// its path.
pub fn write(dir: &Path, recovery: &Recovery) -> std::io::Result<PathBuf> {
    create_private_dir(dir)?;
    let text = to_ron(recovery).map_err(std::io::Error::other)?;
    let stamp = recovery.saved.strftime("%Y-%m-%d-%H%M%S");
    let what = recovery
        .page
        .as_ref()
        .map_or_else(|| "names".to_string(), |p| p.id.clone());
    write_first_free(
        &dir.join(format!("{stamp}-{what}.ron")),
        text.as_bytes(),
        write_private_new,
    )
}

/// The recovery files in `dir` that belong to the journal in `journal`,
/// oldest first. Files that cannot be read are left alone.
pub fn pending(dir: &Path, journal: &Path) -> Vec<Found> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let journal = canonical(journal);
    let mut found: Vec<Found> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter_map(|path| {
            let bytes = read_regular(&path, RECOVERY_LIMIT).ok()?;
            let text = std::str::from_utf8(&bytes).ok()?;
            let recovery: Recovery = ron::from_str(text).ok()?;
            (recovery.journal == journal).then_some(Found { path, recovery })
        })
        .collect();
    found.sort_by_key(|f| f.recovery.saved);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_is_found_again_only_for_its_journal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ours = dir.path().join("ours");
        let theirs = dir.path().join("theirs");
        std::fs::create_dir_all(&ours).expect("mkdir");
        std::fs::create_dir_all(&theirs).expect("mkdir");
        let folder = dir.path().join("state");
        let mut recovery = Recovery::new(&ours, Timestamp::UNIX_EPOCH, "the disk is full".into());
        recovery.couple = Some(Couple::new("A".into(), "B".into(), Timestamp::UNIX_EPOCH));
        let path = write(&folder, &recovery).expect("write");
        let again = write(&folder, &recovery).expect("a second one");
        assert_ne!(path, again);
        let found = pending(&folder, &ours);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].recovery, recovery);
        assert!(pending(&folder, &theirs).is_empty());
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
