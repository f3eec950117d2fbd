//! The copies a sync tool keeps when two computers changed one file before
//! they were in step: Syncthing names its copy
//! `<name>.sync-conflict-<date>-<time>-<device>.ron`, Nextcloud (and
//! ownCloud) `<name> (conflicted copy <date> <time>).ron`, Dropbox
//! `<name> (<computer>'s conflicted copy <date>).ron`. Knowing one by its
//! name lets tandem say what it is, rather than call it a page with the
//! wrong id.

/// The sync tool whose conflict copy a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncTool {
    Syncthing,
    Nextcloud,
    Dropbox,
}

impl SyncTool {
    pub fn name(self) -> &'static str {
        match self {
            SyncTool::Syncthing => "Syncthing",
            SyncTool::Nextcloud => "Nextcloud",
            SyncTool::Dropbox => "Dropbox",
        }
    }
}

/// A conflict copy: the page it is a copy of, and who made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConflictCopy<'a> {
    /// The id (file name without `.ron`) of the page it is a copy of.
    pub of: &'a str,
    pub tool: SyncTool,
}

/// What a conflict copy is, in words for the couple: shown as the reason
/// it is read-only, and by `check`.
pub fn what_it_is(copy: ConflictCopy<'_>) -> String {
    format!(
        "this is a copy {} kept when two computers changed the page \"{}\" before they were in step, so it is read-only. When it differs from that page only in later notes and agreement reviews, tandem joins the two when it next starts; otherwise keep what you want of it in that page, then delete this copy",
        copy.tool.name(),
        crate::model::visible_line(copy.of)
    )
}

/// Whether the page file named `file_id` (its name without `.ron`) is a
/// sync tool's conflict copy, and of which page.
pub fn conflict_copy(file_id: &str) -> Option<ConflictCopy<'_>> {
    syncthing(file_id).or_else(|| conflicted_copy(file_id))
}

/// `<of>.sync-conflict-YYYYMMDD-HHMMSS-<device>`.
fn syncthing(file_id: &str) -> Option<ConflictCopy<'_>> {
    let (of, mark) = file_id.rsplit_once(".sync-conflict-")?;
    let mut parts = mark.splitn(3, '-');
    let (day, time, device) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let device_ok = !device.is_empty() && device.bytes().all(|b| b.is_ascii_alphanumeric());
    (!of.is_empty() && digits(day, 8) && digits(time, 6) && device_ok).then_some(ConflictCopy {
        of,
        tool: SyncTool::Syncthing,
    })
}

/// `<of> (conflicted copy …)` (Nextcloud, ownCloud) or
/// `<of> (<computer>'s conflicted copy …)` (Dropbox).
fn conflicted_copy(file_id: &str) -> Option<ConflictCopy<'_>> {
    let inner = file_id.strip_suffix(')')?;
    let (of, said) = inner.rsplit_once(" (")?;
    let at = said.find("conflicted copy")?;
    let tool = if at == 0 {
        SyncTool::Nextcloud
    } else {
        SyncTool::Dropbox
    };
    (!of.is_empty()).then_some(ConflictCopy { of, tool })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "2026-11-23-193012-boundary-map";

    #[test]
    fn the_copies_of_three_sync_tools_are_known_by_their_names() {
        for (name, tool) in [
            (
                format!("{PAGE}.sync-conflict-20261124-101500-ABCDEFG"),
                SyncTool::Syncthing,
            ),
            (
                format!("{PAGE} (conflicted copy 2026-11-24 101500)"),
                SyncTool::Nextcloud,
            ),
            (
                format!("{PAGE} (Maya's laptop's conflicted copy 2026-11-24)"),
                SyncTool::Dropbox,
            ),
        ] {
            assert_eq!(
                conflict_copy(&name),
                Some(ConflictCopy { of: PAGE, tool }),
                "{name}"
            );
        }
    }

    #[test]
    fn other_names_are_not_taken_for_copies() {
        for name in [
            PAGE.to_string(),
            format!("{PAGE}.sync-conflict-2026-ABCDEFG"),
            format!("{PAGE}.sync-conflict-20261124-1015-ABCDEFG"),
            ".sync-conflict-20261124-101500-ABCDEFG".to_string(),
            format!("{PAGE} (copy)"),
            " (conflicted copy 2026-11-24 101500)".to_string(),
            "our sync-conflict notes".to_string(),
        ] {
            assert_eq!(conflict_copy(&name), None, "{name}");
        }
    }
}
