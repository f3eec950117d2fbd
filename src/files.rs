//! Small file-system helpers that keep the couple's files private and whole,
//! and the seam through which the store writes. Below both the journal and
//! the exercise library, which read files the same careful way.
//!
//! Reading opens regular files only, never blocks on open and stops at a
//! size limit, so a named pipe, a device or a runaway file in the journal
//! folder cannot freeze or flood the app. Writing goes through a temporary
//! file whose name is unmistakably tandem's, so that clearing up after a
//! killed save never touches anybody else's files.

use std::fs::{DirBuilder, File, FileType, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::problem::Problem;

/// Everything the store changes on disk goes through here, so that a full
/// disk or a read-only folder can be staged in a test without one.
pub trait Disk: std::fmt::Debug + Send + Sync {
    fn create_dir(&self, path: &Path) -> io::Result<()>;
    /// Replaces `path` with `bytes` whole, or leaves the old file as it was.
    /// Only a regular file is ever replaced.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Writes `bytes` to `path` whole, refusing when anything is already
    /// there.
    fn write_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        write_private_new(path, bytes)
    }
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

/// The start and end of the name of a file being saved: `.tandem-saving-`,
/// six letters or digits, `.tmp`. Nothing else is ever cleared away.
const TEMP_PREFIX: &str = ".tandem-saving-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;

/// Creates `path` and any missing parents, readable by the owner only.
pub fn create_private_dir(path: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(path)
}

/// Makes a folder of ours private (0700) when others could read it.
/// Returns whether it had to.
pub fn tighten_dir(path: &Path) -> io::Result<bool> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_dir() || meta.permissions().mode() & 0o077 == 0 {
        return Ok(false);
    }
    std::fs::set_permissions(path, Permissions::from_mode(0o700))?;
    Ok(true)
}

/// Replaces `path` with `bytes` so that a crash or a full disk leaves either
/// the old file or the new one, never a half-written one: a temporary file
/// in the same folder, fsync, rename, fsync the folder. The file is 0600.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, bytes, false, 0o600)
}

/// As [`write_private`], but never replaces anything already at `path`.
pub fn write_private_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, bytes, true, 0o600)
}

/// As [`write_private`], for what holds nothing of the couple's and is
/// read by others (a manual page): readable by all (0644).
pub fn write_public(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, bytes, false, 0o644)
}

fn write_atomic(path: &Path, bytes: &[u8], new_only: bool, mode: u32) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(_) if new_only => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file of that name is already there",
            ));
        }
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "it is {}, not a regular file, and tandem replaces only regular files",
                    kind_of(meta.file_type())
                ),
            ));
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM)
        .permissions(Permissions::from_mode(mode))
        .tempfile_in(folder)?;
    // Exactly `mode`, whatever the umask took away.
    temp.as_file()
        .set_permissions(Permissions::from_mode(mode))?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if new_only {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        temp.persist(path).map_err(|e| e.error)?;
    }
    File::open(folder)?.sync_all()
}

/// Writes `bytes` as a new file with `write_new` at `path`, or, when that
/// name is taken, at the first free one of `name-2.ext`, `name-3.ext`…;
/// returns the path written. Nothing already there is ever replaced.
pub fn write_first_free(
    path: &Path,
    bytes: &[u8],
    write_new: impl Fn(&Path, &[u8]) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let mut candidate = path.to_path_buf();
    for n in 2..1000 {
        match write_new(&candidate, bytes) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let name = match path.extension() {
                    Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
                    None => format!("{stem}-{n}"),
                };
                candidate = path.with_file_name(name);
            }
            written => return written.map(|()| candidate),
        }
    }
    Err(io::Error::from(io::ErrorKind::AlreadyExists))
}

/// The lock file is never replaced, so a lock on it means something. It is
/// never followed through a link, and must be a regular file.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("the lock file is {}, not a regular file", kind_of(kind)),
        ));
    }
    Ok(file)
}

/// Whether `name` is the temporary file of a save that never finished, as
/// tandem names them.
pub fn is_unfinished_save(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadFailure {
    Missing,
    /// A named pipe, a device, a folder…: never opened.
    NotRegular(&'static str),
    /// Larger than `limit` bytes: not read.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl ReadFailure {
    /// The failure in words a couple can act on.
    pub fn plain(&self) -> String {
        match self {
            ReadFailure::Missing => "the file is not there".to_string(),
            ReadFailure::NotRegular(kind) => format!(
                "this is {kind}, not a regular file; tandem only reads regular files, so it was not opened (move it out of this folder if it does not belong there)"
            ),
            ReadFailure::TooLarge { size, limit } => format!(
                "the file is {}, more than the {} tandem reads; it was not read. Move it out of the folder if it is not a tandem file",
                size_words(*size),
                size_words(*limit)
            ),
            ReadFailure::Io(e) => plain_reason(e),
        }
    }
}

/// Reads `path` whole if it is a regular file (after following a link) of
/// at most `limit` bytes. Never blocks on opening: a named pipe swapped in
/// after the check is opened without waiting and then refused.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadFailure::Missing,
        _ => ReadFailure::Io(e),
    })?;
    check_regular(meta.file_type(), meta.len(), limit)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ReadFailure::Missing,
            _ => ReadFailure::Io(e),
        })?;
    let meta = file.metadata().map_err(ReadFailure::Io)?;
    check_regular(meta.file_type(), meta.len(), limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn check_regular(kind: FileType, size: u64, limit: u64) -> Result<(), ReadFailure> {
    if !kind.is_file() {
        return Err(ReadFailure::NotRegular(kind_of(kind)));
    }
    if size > limit {
        return Err(ReadFailure::TooLarge { size, limit });
    }
    Ok(())
}

/// The bytes of a file as text, or a problem at the first byte that is
/// not UTF-8. A byte-order mark some editors add is dropped.
pub fn as_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Problem> {
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
        Problem::new(
            path,
            line,
            column,
            "this is not UTF-8 text; save the file as UTF-8 in a text editor",
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// What a file system entry is, in words.
pub fn kind_of(kind: FileType) -> &'static str {
    if kind.is_file() {
        "a regular file"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a link"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "something other than a file"
    }
}

/// A size as a person reads it: "12 KB", "64 MB".
pub fn size_words(bytes: u64) -> String {
    const KB: u64 = 1 << 10;
    const MB: u64 = 1 << 20;
    const GB: u64 = 1 << 30;
    match bytes {
        b if b >= GB => format!("{:.1} GB", b as f64 / GB as f64),
        b if b >= MB => format!("{} MB", b.div_ceil(MB)),
        b if b >= KB => format!("{} KB", b.div_ceil(KB)),
        b => format!("{b} bytes"),
    }
}

/// The reason behind a failed read or write, in words a couple can act on.
pub fn plain_reason(error: &io::Error) -> String {
    match short_reason(error) {
        Some(hint) => hint.to_string(),
        // The system's words, without the temporary file's path some
        // errors carry: it names nothing the couple knows.
        None => {
            let words = error.to_string();
            match words.split_once(" at path ") {
                Some((before, _)) => before.to_string(),
                None => words,
            }
        }
    }
}

/// The reason behind a failed write in a few words, when there are plain
/// words for it ("the disk is full").
pub fn short_reason(error: &io::Error) -> Option<&'static str> {
    Some(match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full",
        io::ErrorKind::FileTooLarge => "the file is larger than this disk allows",
        io::ErrorKind::ReadOnlyFilesystem => "the folder is on a read-only disk",
        io::ErrorKind::PermissionDenied => "tandem is not allowed to write there",
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder",
        io::ErrorKind::NotFound => "the folder is not there",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tandems_own_temporary_names_count_as_unfinished() {
        assert!(is_unfinished_save(".tandem-saving-Ab12cD.tmp"));
        assert!(!is_unfinished_save(".lock"));
        assert!(!is_unfinished_save("2026-01-01-000000-a.ron"));
        assert!(!is_unfinished_save(".important.ron.backup"));
        assert!(!is_unfinished_save(".x.ron.123456"));
        assert!(!is_unfinished_save(".tandem-saving-Ab12cD.tmp.bak"));
        assert!(!is_unfinished_save(".tandem-saving-Ab1.tmp"));
    }

    #[test]
    fn a_full_disk_is_named_plainly() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(plain_reason(&full), "the disk is full");
        let other = io::Error::other("odd");
        assert_eq!(plain_reason(&other), "odd");
    }

    #[test]
    fn a_named_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("x.ron");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: `name` is a valid NUL-terminated path for the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_regular(&fifo, 1024),
            Err(ReadFailure::NotRegular("a named pipe"))
        ));
        let zero = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
        assert!(matches!(
            read_regular(&zero, 1024),
            Err(ReadFailure::NotRegular("a device"))
        ));
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = dir.path().join("big.ron");
        std::fs::write(&big, vec![b'x'; 2000]).expect("write");
        assert!(matches!(
            read_regular(&big, 1000),
            Err(ReadFailure::TooLarge { size: 2000, .. })
        ));
        assert_eq!(read_regular(&big, 2000).expect("read").len(), 2000);
    }

    #[test]
    fn writing_new_never_replaces_and_writing_replaces_only_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.md");
        write_private_new(&path, b"one").expect("first write");
        let again = write_private_new(&path, b"two").expect_err("refused");
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        write_private(&path, b"three").expect("replace");
        assert_eq!(std::fs::read(&path).expect("read"), b"three");
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).expect("mkdir");
        assert!(write_private(&folder, b"x").is_err());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}
