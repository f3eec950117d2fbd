//! The journal on disk: `couple.ron` and one RON file per page under
//! `journal/`, written atomically, guarded by a lock so that two copies of the
//! app never race on the same files.

mod codec;
mod fsio;

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use crate::model::{Couple, Page};
use crate::problem::Problem;

pub use codec::{Access, LoadedPage, parse_couple, parse_page, to_ron};
pub use fsio::{Disk, FileSystem, plain_reason};

const COUPLE_FILE: &str = "couple.ron";
const JOURNAL_DIR: &str = "journal";
const LOCK_FILE: &str = ".lock";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "another tandem is already open on the journal in {0}.\nClose it first (only one copy may write to a journal at a time)."
    )]
    Locked(PathBuf),
    #[error("{}: {}", .path.display(), plain_reason(.source))]
    Io { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Unreadable(Problem),
    #[error("{0}: page names may only use letters, digits, dashes and dots")]
    BadPageId(String),
}

impl StoreError {
    fn io(path: &Path, source: io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The folder a journal lives in. Reading needs no lock; writing does.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    journal: PathBuf,
    disk: Arc<dyn Disk>,
    /// Held for as long as the store lives; the OS lets it go if we crash.
    /// `None` for a store opened read-only.
    lock: Option<File>,
}

impl Store {
    /// Opens the journal in `root` for writing: creates the folders (0700) and
    /// takes the lock, refusing when another copy of the app holds it.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        Store::open_on(root, Arc::new(FileSystem))
    }

    /// As [`Store::open`], with every write going through `disk`.
    pub fn open_on(root: &Path, disk: Arc<dyn Disk>) -> Result<Store, StoreError> {
        disk.create_dir(root).map_err(|e| StoreError::io(root, e))?;
        let journal = root.join(JOURNAL_DIR);
        disk.create_dir(&journal)
            .map_err(|e| StoreError::io(&journal, e))?;
        let lock_path = root.join(LOCK_FILE);
        let lock = disk
            .open_lock(&lock_path)
            .map_err(|e| StoreError::io(&lock_path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(root.to_path_buf()));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::io(&lock_path, e)),
        }
        // With the lock held, no save is in progress: a temporary file left
        // is from a copy of the app killed mid-save. Those among the pages
        // go when the pages are listed, which reads that folder anyway.
        remove_unfinished_saves(root);
        Ok(Store {
            root: root.to_path_buf(),
            journal,
            disk,
            lock: Some(lock),
        })
    }

    /// Opens the journal in `root` for reading only (the command line's
    /// `list`, `show`, `export` and `check`). Creates nothing.
    pub fn open_read_only(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
            journal: root.join(JOURNAL_DIR),
            disk: Arc::new(FileSystem),
            lock: None,
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn couple_path(&self) -> PathBuf {
        self.root.join(COUPLE_FILE)
    }

    pub fn page_path(&self, id: &str) -> PathBuf {
        self.journal.join(format!("{id}.ron"))
    }

    /// The couple, or `None` on a first run. A file that cannot be read is an
    /// error, so that it is never replaced by a fresh one.
    pub fn load_couple(&self) -> Result<Option<Couple>, StoreError> {
        let path = self.couple_path();
        let text = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        parse_couple(&path, &text)
            .map(Some)
            .map_err(StoreError::Unreadable)
    }

    pub fn save_couple(&self, couple: &Couple) -> Result<(), StoreError> {
        self.write_ron(&self.couple_path(), couple)
    }

    /// Page ids (file names without `.ron`), newest first. Names start with
    /// the date, so this needs no file to be opened. With the lock held, the
    /// temporary files of saves that were cut short are removed on the way.
    pub fn page_ids(&self) -> Result<Vec<String>, StoreError> {
        let read = match std::fs::read_dir(&self.journal) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&self.journal, e)),
        };
        let mut ids: Vec<String> = read
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                // Dot files are temporary files of a save in progress.
                if name.starts_with('.') {
                    if self.lock.is_some() {
                        remove_if_unfinished(&entry);
                    }
                    return None;
                }
                name.strip_suffix(".ron").map(str::to_string)
            })
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        Ok(ids)
    }

    /// Reads one page. Whatever goes wrong is a [`Problem`] naming the file.
    pub fn load_page(&self, id: &str) -> Result<LoadedPage, Problem> {
        let path = self.page_path(id);
        let bytes = std::fs::read(&path)
            .map_err(|e| Problem::whole_file(&path, format!("cannot read file: {e}")))?;
        let mut loaded = parse_page(&path, &bytes)?;
        // The file name is what identifies a page on disk.
        loaded.page.id = id.to_string();
        Ok(loaded)
    }

    pub fn save_page(&self, page: &Page) -> Result<(), StoreError> {
        if !is_safe_id(&page.id) {
            return Err(StoreError::BadPageId(page.id.clone()));
        }
        self.write_ron(&self.page_path(&page.id), page)
    }

    /// A new, unused page id: the start time, then the exercise id.
    pub fn new_page_id(&self, exercise: &str, started: Timestamp) -> String {
        let stamp = started.strftime("%Y-%m-%d-%H%M%S").to_string();
        let base = format!("{stamp}-{exercise}");
        let mut id = base.clone();
        let mut n = 2;
        while self.page_path(&id).exists() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Writes a file beside the journal (an export), private to the couple,
    /// creating its folder first.
    pub fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.disk
                .create_dir(folder)
                .map_err(|e| StoreError::io(folder, e))?;
        }
        self.disk
            .write(path, bytes)
            .map_err(|e| StoreError::io(path, e))
    }

    fn write_ron<T: serde::Serialize>(&self, path: &Path, value: &T) -> Result<(), StoreError> {
        let text = to_ron(value).map_err(|e| StoreError::io(path, io::Error::other(e)))?;
        self.disk
            .write(path, text.as_bytes())
            .map_err(|e| StoreError::io(path, e))
    }
}

fn remove_unfinished_saves(folder: &Path) {
    if let Ok(entries) = std::fs::read_dir(folder) {
        entries
            .flatten()
            .for_each(|entry| remove_if_unfinished(&entry));
    }
}

/// Best effort: a temporary file that cannot be removed is hidden anyway.
fn remove_if_unfinished(entry: &std::fs::DirEntry) {
    if entry
        .file_name()
        .to_str()
        .is_some_and(fsio::is_unfinished_save)
    {
        let _ = std::fs::remove_file(entry.path());
    }
}

fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests;
