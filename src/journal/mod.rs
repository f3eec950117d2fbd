//! The journal on disk: `couple.ron` and one RON file per page under
//! `journal/`, written atomically, guarded by a lock so that two copies of the
//! app never race on the same files.

mod codec;
pub mod conflict;
mod fidelity;
pub mod join;
pub mod reader;

use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use crate::content::Library;
use crate::model::{Couple, Page, Partner};
use crate::problem::Problem;

use crate::files as fsio;
pub use crate::files::{
    Disk, FileSystem, ReadFailure, as_text, create_private_dir, kind_of, plain_reason,
    read_regular, short_reason, size_words, write_private, write_private_new,
};
use crate::ron_text::to_ron;
pub use codec::{Access, LoadedPage, parse_couple, parse_page};

/// The largest page file tandem reads: far beyond any page a couple
/// writes (an answer holds at most 8 MB), small enough that a stray file
/// cannot flood the memory.
pub const PAGE_LIMIT: u64 = 64 << 20;
/// The largest `couple.ron` tandem reads.
pub const COUPLE_LIMIT: u64 = 64 << 10;

const COUPLE_FILE: &str = "couple.ron";
const JOURNAL_DIR: &str = "journal";
const LOCK_FILE: &str = ".lock";
const EXPORTS_DIR: &str = "exports";
/// Pages taken out of the journal, kept whole.
const REMOVED_DIR: &str = "removed";
/// Each partner's key, encrypted with their passphrase.
const KEYS_DIR: &str = "keys";

/// A partner's key file as named inside the journal folder
/// ("keys/first.age"), for paths and for words shown to the couple.
pub fn key_file(partner: Partner) -> String {
    format!("{KEYS_DIR}/{}.age", key_name(partner))
}

/// What a partner's key files are named after.
fn key_name(partner: Partner) -> &'static str {
    ["first", "second"][partner.index()]
}
/// The largest key file tandem reads; one is well under a kilobyte.
const KEY_LIMIT: u64 = 64 << 10;

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
    /// The reason in a few words, for a footer.
    pub fn short(&self) -> String {
        match self {
            StoreError::Io { source, .. } => short_reason(source)
                .unwrap_or("the file could not be written")
                .to_string(),
            StoreError::Locked(_) => "another tandem has the journal open".to_string(),
            StoreError::Unreadable(_) => "a file could not be read".to_string(),
            StoreError::BadPageId(_) => "the page's name is not one tandem can use".to_string(),
        }
    }

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
    /// Folders that others could read, made private when the store opened.
    pub tightened: Vec<PathBuf>,
}

/// A conflict copy joined into its page.
#[derive(Clone, Debug, PartialEq)]
pub struct JoinedCopy {
    pub title: String,
    pub started: Timestamp,
    pub tool: conflict::SyncTool,
    /// Later notes and agreement reviews the copy brought.
    pub notes: usize,
    pub reviews: usize,
    /// Where the copy was moved, as it was, or why it is still in the
    /// journal folder.
    pub kept: Result<PathBuf, String>,
}

/// The journal folder's page files: ids, and files that cannot be pages.
#[derive(Debug, Default)]
pub struct Listing {
    /// Page ids (file names without `.ron`), newest first.
    pub ids: Vec<String>,
    /// Files that look like pages but whose names cannot be read.
    pub unreadable: Vec<(String, Problem)>,
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
        // Folders made by an older tandem, or by hand, may be open to others.
        let tightened = [
            root,
            journal.as_path(),
            root.join(EXPORTS_DIR).as_path(),
            root.join(KEYS_DIR).as_path(),
        ]
        .into_iter()
        .filter(|folder| fsio::tighten_dir(folder).unwrap_or(false))
        .map(Path::to_path_buf)
        .collect();
        Ok(Store {
            root: root.to_path_buf(),
            journal,
            disk,
            lock: Some(lock),
            tightened,
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
            tightened: Vec::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The journal's folder with links resolved, to tell one journal from
    /// another however it was named; as given when it cannot be resolved.
    pub fn canonical_root(&self) -> PathBuf {
        std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone())
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
        let bytes = match read_regular(&path, COUPLE_LIMIT) {
            Ok(bytes) => bytes,
            Err(ReadFailure::Missing) => return Ok(None),
            Err(failure) => {
                return Err(StoreError::Unreadable(Problem::whole_file(
                    &path,
                    failure.plain(),
                )));
            }
        };
        parse_couple(&path, &bytes)
            .map(Some)
            .map_err(StoreError::Unreadable)
    }

    /// Where the suggestions the couple put off are kept.
    pub fn dismissed_path(&self) -> PathBuf {
        self.root().join("suggestions.ron")
    }

    /// The suggestions put off, and until when: none when there is no
    /// file. A file that cannot be read is an error, and is never written
    /// over.
    pub fn load_dismissed(&self) -> Result<BTreeMap<String, Timestamp>, Problem> {
        let path = self.dismissed_path();
        let bytes = match read_regular(&path, COUPLE_LIMIT) {
            Ok(bytes) => bytes,
            Err(ReadFailure::Missing) => return Ok(BTreeMap::new()),
            Err(failure) => return Err(Problem::whole_file(&path, failure.plain())),
        };
        codec::parse_dismissed(&path, &bytes)
    }

    pub fn save_dismissed(&self, until: &BTreeMap<String, Timestamp>) -> Result<(), StoreError> {
        self.write_ron(
            &self.dismissed_path(),
            &codec::Dismissed {
                version: crate::model::JOURNAL_VERSION,
                not_now: until.clone(),
            },
        )
    }

    pub fn save_couple(&self, couple: &Couple) -> Result<(), StoreError> {
        self.write_ron(&self.couple_path(), couple)
    }

    /// Writes a changed couple (new names, a new key) over `couple.ron`,
    /// unless the file holds comments of the couple's own, which writing
    /// it again would lose.
    pub fn rename_couple(&self, couple: &Couple) -> Result<(), StoreError> {
        let path = self.couple_path();
        if let Ok(bytes) = read_regular(&path, COUPLE_LIMIT) {
            let text = String::from_utf8_lossy(&bytes);
            if !crate::ron_text::scan(&text).comments.is_empty() {
                return Err(StoreError::io(
                    &path,
                    io::Error::other(
                        "it holds comments of your own, which writing it again would lose; take them out with a text editor, then try again",
                    ),
                ));
            }
        }
        self.save_couple(couple)
    }

    /// Where a partner's key is kept, encrypted with their passphrase.
    pub fn key_path(&self, partner: Partner) -> PathBuf {
        self.root.join(key_file(partner))
    }

    /// A partner's key files put aside when a new key replaced them,
    /// newest first.
    pub fn retired_keys(&self, partner: Partner) -> Vec<PathBuf> {
        let prefix = format!("{}-until-", key_name(partner));
        let Ok(read) = std::fs::read_dir(self.root.join(KEYS_DIR)) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = read
            .flatten()
            .filter(|e| {
                let file = e.file_name().to_string_lossy().into_owned();
                file.starts_with(&prefix) && file.ends_with(".age")
            })
            .map(|e| e.path())
            .collect();
        found.sort();
        found.reverse();
        found
    }

    /// Which partners have a key file (whatever it holds).
    pub fn key_files(&self) -> [bool; 2] {
        Partner::BOTH.map(|p| std::fs::symlink_metadata(self.key_path(p)).is_ok())
    }

    /// A partner's key file, as text.
    pub fn load_key(&self, partner: Partner) -> Result<String, StoreError> {
        let path = self.key_path(partner);
        let bytes = read_regular(&path, KEY_LIMIT).map_err(|failure| {
            StoreError::Unreadable(Problem::whole_file(&path, failure.plain()))
        })?;
        as_text(&path, &bytes)
            .map(str::to_string)
            .map_err(StoreError::Unreadable)
    }

    /// Writes a partner's key file (private to the user), replacing the
    /// one there was.
    pub fn save_key(&self, partner: Partner, text: &str) -> Result<(), StoreError> {
        let path = self.key_path(partner);
        let folder = self.root.join(KEYS_DIR);
        self.disk
            .create_dir(&folder)
            .map_err(|e| StoreError::io(&folder, e))?;
        self.disk
            .write(&path, text.as_bytes())
            .map_err(|e| StoreError::io(&path, e))
    }

    /// Puts a partner's key file aside, renamed with `stamp`, when a new
    /// key replaces it: never deleted. Returns where it went, if there was
    /// one.
    pub fn retire_key(&self, partner: Partner, stamp: &str) -> Result<Option<PathBuf>, StoreError> {
        let from = self.key_path(partner);
        if std::fs::symlink_metadata(&from).is_err() {
            return Ok(None);
        }
        let to = unused_path(
            &self.root.join(KEYS_DIR),
            &format!("{}-until-{stamp}", key_name(partner)),
            "age",
        );
        std::fs::rename(&from, &to).map_err(|e| StoreError::io(&from, e))?;
        Ok(Some(to))
    }

    /// Page ids (file names without `.ron`), newest first.
    pub fn page_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.listing()?.ids)
    }

    /// The page files, newest first. Names start with the date, so this
    /// needs no file to be opened. With the lock held, the temporary files
    /// of saves that were cut short are removed on the way.
    pub fn listing(&self) -> Result<Listing, StoreError> {
        let read = match std::fs::read_dir(&self.journal) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(e) => return Err(StoreError::io(&self.journal, e)),
        };
        let mut listing = Listing::default();
        for entry in read.filter_map(|entry| entry.ok()) {
            let raw = entry.file_name();
            let Some(name) = raw.to_str() else {
                let lossy = raw.to_string_lossy();
                if lossy.ends_with(".ron") && !lossy.starts_with('.') {
                    let id = lossy.trim_end_matches(".ron").to_string();
                    listing.unreadable.push((
                        id,
                        Problem::whole_file(
                            &entry.path(),
                            "the file's name is not valid text (UTF-8), so tandem cannot show it as a page; rename it",
                        ),
                    ));
                }
                continue;
            };
            // Dot files are not pages; some are tandem's unfinished saves.
            if name.starts_with('.') {
                if self.lock.is_some() {
                    remove_if_unfinished(&entry);
                }
                continue;
            }
            if let Some(id) = name.strip_suffix(".ron") {
                listing.ids.push(id.to_string());
            }
        }
        listing.ids.sort_unstable_by(|a, b| b.cmp(a));
        Ok(listing)
    }

    /// Reads one page and checks it against its exercise. Whatever goes
    /// wrong is a [`Problem`] naming the file; whatever tandem does not
    /// understand makes the page read-only, with findings for `check`.
    pub fn load_page(&self, id: &str, library: &Library) -> Result<LoadedPage, Problem> {
        self.load_page_as(id, id, library)
    }

    /// Reads the page in the file named `file_id`, and checks it as the
    /// page `id` (a sync tool's copy of that page is checked as the page
    /// it copies).
    fn load_page_as(
        &self,
        file_id: &str,
        id: &str,
        library: &Library,
    ) -> Result<LoadedPage, Problem> {
        let path = self.page_path(file_id);
        let bytes = read_regular(&path, PAGE_LIMIT)
            .map_err(|failure| Problem::whole_file(&path, failure.plain()))?;
        let text = as_text(&path, &bytes)?;
        let mut loaded = codec::parse_page_text(&path, text)?;
        // A page from a newer tandem is read-only already, and may well
        // use steps and options this build does not know.
        if loaded.access == Access::Writable || !loaded.findings.is_empty() {
            let findings = fidelity::audit(
                &loaded.page,
                library.get(&loaded.page.exercise),
                id,
                &path,
                text,
            );
            loaded.refuse(findings);
        }
        // A sync tool's copy says what it is, rather than that tandem does
        // not understand it.
        if let Some(copy) = conflict::conflict_copy(file_id).filter(|c| c.of == loaded.page.id)
            && file_id == id
            && loaded.findings.len() == 1
        {
            loaded.access = Access::ReadOnly(conflict::what_it_is(copy));
        }
        // The file name is what identifies a page on disk; a page whose
        // inner id differs is read-only (above) and known by its file.
        loaded.page.id = id.to_string();
        if loaded.access == Access::Writable
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
        {
            loaded.access = Access::ReadOnly(
                "the page is a link to a file elsewhere, and tandem changes only files kept in the journal folder itself".to_string(),
            );
        }
        Ok(loaded)
    }

    /// Joins into their pages the copies a sync tool kept of them (a
    /// conflict), where a page and its copy differ only in what two
    /// computers add to a page while apart: later notes and agreement
    /// reviews ([`join::join_apart`]). The page is written with both
    /// sides' additions first; only then does the copy move aside into
    /// `removed/`, as it was. A copy that differs otherwise, or a page or
    /// copy that cannot be read whole and rewritten without loss, is left
    /// as it is. Only with the journal's lock held; `ids` is the listing
    /// of the journal's pages (newest first, as [`Store::listing`] gives).
    pub fn join_conflict_copies(&self, ids: &[String], library: &Library) -> Vec<JoinedCopy> {
        if self.lock.is_none() {
            return Vec::new();
        }
        let mut joined = Vec::new();
        for id in ids {
            let Some(copy) = conflict::conflict_copy(id) else {
                continue;
            };
            if ids.binary_search_by(|other| copy.of.cmp(other)).is_err() {
                continue;
            }
            let whole = |loaded: Result<LoadedPage, Problem>| {
                loaded.ok().filter(|l| l.access == Access::Writable)
            };
            let (Some(ours), Some(theirs)) = (
                whole(self.load_page(copy.of, library)),
                whole(self.load_page_as(id, copy.of, library)),
            ) else {
                continue;
            };
            let Some(join) = join::join_apart(&ours.page, &theirs.page) else {
                continue;
            };
            if join.page != ours.page && self.save_page(&join.page).is_err() {
                continue;
            }
            // The page holds all of the copy now; a copy that cannot be
            // moved stays where it is, and is said to.
            let kept = self.remove_page(id).map_err(|e| e.to_string());
            joined.push(JoinedCopy {
                title: ours.page.title.clone(),
                started: ours.page.started,
                tool: copy.tool,
                notes: join.notes,
                reviews: join.reviews,
                kept,
            });
        }
        joined
    }

    /// Writes a page as it is. What is not yet revealed goes through
    /// [`Store::save_page_sealed`] instead.
    pub fn save_page(&self, page: &Page) -> Result<(), StoreError> {
        if !is_safe_id(&page.id) {
            return Err(StoreError::BadPageId(page.id.clone()));
        }
        self.write_ron(&self.page_path(&page.id), page)
    }

    /// Writes a page with the words of each partner who has a key sealed
    /// to it until the reveal ([`crate::seal::for_disk`]). Nothing is
    /// written when sealing fails.
    pub fn save_page_sealed(
        &self,
        page: &Page,
        couple: Option<&Couple>,
        checked: &crate::seal::Checked,
    ) -> Result<(), StoreError> {
        let path = self.page_path(&page.id);
        let disk = crate::seal::for_disk(page, couple, checked)
            .map_err(|e| StoreError::io(&path, io::Error::other(e.to_string())))?;
        self.save_page(&disk)
    }

    /// A new, unused page id: the start time, then the exercise id.
    pub fn new_page_id(&self, exercise: &str, started: Timestamp) -> String {
        let stamp = started.strftime("%Y-%m-%d-%H%M%S").to_string();
        let base = format!("{stamp}-{exercise}");
        let mut id = base.clone();
        let mut n = 2;
        while std::fs::symlink_metadata(self.page_path(&id)).is_ok() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Moves a page out of the journal into `removed/` beside it, as it
    /// is: never deleted, and moving the file back brings the page back.
    /// Only a regular file is moved. Returns where it went.
    pub fn remove_page(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !is_safe_id(id) && !is_file_name(id) {
            return Err(StoreError::BadPageId(id.to_string()));
        }
        let from = self.page_path(id);
        let meta = std::fs::symlink_metadata(&from).map_err(|e| StoreError::io(&from, e))?;
        if !meta.is_file() {
            return Err(StoreError::io(
                &from,
                io::Error::other("it is not a regular file, so tandem leaves it where it is"),
            ));
        }
        let folder = self.root.join(REMOVED_DIR);
        self.disk
            .create_dir(&folder)
            .map_err(|e| StoreError::io(&folder, e))?;
        let to = unused_path(&folder, id, "ron");
        std::fs::rename(&from, &to).map_err(|e| StoreError::io(&from, e))?;
        Ok(to)
    }

    /// The pages moved aside into `removed/`, by file name without its
    /// extension, newest first (names begin with the day they were started).
    /// Only the folder is read, not the files: a long list never waits.
    pub fn removed_pages(&self) -> Result<Vec<String>, StoreError> {
        let folder = self.root.join(REMOVED_DIR);
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&folder, e)),
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_string();
                let stem = name.strip_suffix(".ron")?;
                is_safe_id(stem).then(|| stem.to_string())
            })
            .collect();
        names.sort_by(|a, b| b.cmp(a));
        Ok(names)
    }

    /// Moves a page from `removed/` back into the journal, under the id
    /// written in it: the file as it is, never rewritten. Refused when the
    /// journal already holds a page of that id. Returns the id.
    pub fn bring_back(&self, name: &str) -> Result<String, StoreError> {
        if !is_safe_id(name) {
            return Err(StoreError::BadPageId(name.to_string()));
        }
        let from = self.root.join(REMOVED_DIR).join(format!("{name}.ron"));
        let unreadable = |why: String| {
            StoreError::io(
                &from,
                io::Error::other(format!("{why}, so it stays in removed/ as it is")),
            )
        };
        let bytes = read_regular(&from, PAGE_LIMIT).map_err(|f| unreadable(f.plain()))?;
        let text = as_text(&from, &bytes).map_err(|p| unreadable(p.to_string()))?;
        let id = codec::parse_page_text(&from, text)
            .map_err(|p| unreadable(p.to_string()))?
            .page
            .id;
        if !is_safe_id(&id) {
            return Err(StoreError::BadPageId(id));
        }
        let to = self.page_path(&id);
        if std::fs::symlink_metadata(&to).is_ok() {
            return Err(StoreError::io(
                &to,
                io::Error::other(
                    "the journal already has a page of that name, so the removed one stays in removed/",
                ),
            ));
        }
        std::fs::rename(&from, &to).map_err(|e| StoreError::io(&from, e))?;
        Ok(id)
    }

    /// The folder the pages are kept in.
    pub fn journal_dir(&self) -> PathBuf {
        self.journal.clone()
    }

    /// The folder in-app exports go to.
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join(EXPORTS_DIR)
    }

    /// Writes a new file beside the journal (an export), private to the
    /// couple, creating its folder first. Never replaces a file: when the
    /// name is taken, `-2`, `-3`… is added before the extension. Returns
    /// the path written.
    pub fn write_new_file(&self, path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.disk
                .create_dir(folder)
                .map_err(|e| StoreError::io(folder, e))?;
        }
        fsio::write_first_free(path, bytes, |at, bytes| self.disk.write_new(at, bytes))
            .map_err(|e| StoreError::io(path, e))
    }

    fn write_ron<T: serde::Serialize>(&self, path: &Path, value: &T) -> Result<(), StoreError> {
        let text = to_ron(value).map_err(|e| StoreError::io(path, io::Error::other(e)))?;
        self.disk
            .write(path, text.as_bytes())
            .map_err(|e| StoreError::io(path, e))
    }
}

/// `folder/stem.extension`, or with `-2`, `-3`… after the stem when that
/// is taken: a file moved aside never lands on another.
fn unused_path(folder: &Path, stem: &str, extension: &str) -> PathBuf {
    let mut path = folder.join(format!("{stem}.{extension}"));
    let mut n = 2;
    while std::fs::symlink_metadata(&path).is_ok() {
        path = folder.join(format!("{stem}-{n}.{extension}"));
        n += 1;
    }
    path
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
    let regular = entry.file_type().is_ok_and(|t| t.is_file());
    if regular
        && entry
            .file_name()
            .to_str()
            .is_some_and(fsio::is_unfinished_save)
    {
        let _ = std::fs::remove_file(entry.path());
    }
}

/// A name of a file in the journal folder as a listing gives it (a sync
/// tool's copy may hold spaces, brackets and quotes): nothing that leads
/// out of the folder.
fn is_file_name(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\', '\0'])
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
