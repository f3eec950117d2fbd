//! Small file-system helpers that keep the couple's files private and whole.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use atomic_write_file::unix::OpenOptionsExt as _;

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
