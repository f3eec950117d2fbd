//! Small file-system helpers that keep the couple's files private and whole,
//! and the seam through which the store writes.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use atomic_write_file::unix::OpenOptionsExt as _;

/// Everything the store changes on disk goes through here, so that a full
/// disk or a read-only folder can be staged in a test without one.
pub trait Disk: std::fmt::Debug + Send + Sync {
    fn create_dir(&self, path: &Path) -> io::Result<()>;
    /// Replaces `path` with `bytes` whole, or leaves the old file as it was.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    fn open_lock(&self, path: &Path) -> io::Result<File>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct FileSystem;

impl Disk for FileSystem {
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        create_private_dir(path)
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        write_private(path, bytes)
    }

    fn open_lock(&self, path: &Path) -> io::Result<File> {
        open_lock_file(path)
    }
}

/// Creates `path` and any missing parents, readable by the owner only.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(path)
}

/// Replaces `path` with `bytes` so that a crash or a full disk leaves either
/// the old file or the new one, never a half-written one: a temporary file
/// in the same folder, fsync, rename, fsync the folder. The file is 0600.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = atomic_write_file::OpenOptions::new();
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.preserve_mode(false);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The lock file is never replaced, so a lock on it means something.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
}

/// Whether `name` is the temporary file of a save that never finished:
/// `.<file>.ron.` and six letters or digits, as the atomic writer names them.
pub fn is_unfinished_save(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((file, suffix)) = rest.rsplit_once('.') else {
        return false;
    };
    file.ends_with(".ron") && suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The reason behind a failed write, in words a couple can act on.
pub fn plain_reason(error: &io::Error) -> String {
    let hint = match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full",
        io::ErrorKind::ReadOnlyFilesystem => "the folder is on a read-only disk",
        io::ErrorKind::PermissionDenied => "tandem is not allowed to write there",
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder",
        _ => return error.to_string(),
    };
    format!("{hint} ({error})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_writers_temporary_names_count_as_unfinished() {
        assert!(is_unfinished_save(".2026-01-01-000000-a.ron.Ab12cD"));
        assert!(is_unfinished_save(".couple.ron.x1y2z3"));
        assert!(!is_unfinished_save(".lock"));
        assert!(!is_unfinished_save("2026-01-01-000000-a.ron"));
        assert!(!is_unfinished_save(".notes.txt.abcdef"));
        assert!(!is_unfinished_save(".a.ron.abc"));
    }

    #[test]
    fn a_full_disk_is_named_plainly() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert!(plain_reason(&full).starts_with("the disk is full"));
        let other = io::Error::other("odd");
        assert_eq!(plain_reason(&other), "odd");
    }
}
