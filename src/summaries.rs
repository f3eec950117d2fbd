//! What the screens need of every page (its summary), for a journal of
//! years: kept in the platform's cache folder between runs, so that the
//! list, search, trends and agreements are whole a moment after the start
//! rather than after every file is read again.
//!
//! The cache is never the source of truth. A summary is taken from it only
//! for a page file unchanged since (same size, same modification and
//! change times, same file); any other page is read from its file, and
//! opening a page always reads the file. A cache that cannot be read, is
//! damaged, or was written by another build or for other exercises is
//! rebuilt from the files. Journals smaller than [`CACHE_FROM`] pages are
//! read whole each time, quickly enough, and nothing of them is kept
//! outside the journal's folder.
//!
//! On disk: a header, then one record per page, each with its length and
//! a checksum. Records are added at the end as pages change; the file is
//! written again without the old ones, and without those of pages no
//! longer in the journal, whenever there are any.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::hash::{Hash, Hasher};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::content::Library;
use crate::index::PageSummary;
use crate::journal::{Store, reader};
use crate::problem::Problem;

/// The smallest journal a cache is kept for.
pub const CACHE_FROM: usize = 200;
/// Bumped whenever what a record holds changes. 2: a page with a side
/// still sealed is not revealed, so holds no revealed text. 3: revealed
/// words are kept as written, not lower-cased, and a row a partner added
/// is rated under its name.
const FORMAT: u32 = 3;
const MAGIC: &[u8; 8] = b"tandemS\n";
/// A file changed this recently may change again within the same tick of
/// the file system's clock, unseen: its summary is not kept until later.
const RACY: Duration = Duration::from_secs(5);
/// Summaries from the cache handed over at once.
const FROM_CACHE_AT_ONCE: usize = 2048;
/// No record is this large; a length that says so is damage.
const LARGEST_RECORD: u32 = 64 << 20;

/// What a page's summary depends on besides its file: which build made it
/// and from which exercises, for which journal.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Header {
    format: u32,
    build: String,
    journal: String,
    library: u64,
}

/// Who a page file is, as the file system tells without opening it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
    device: u64,
}

#[derive(Deserialize)]
struct Record {
    name: String,
    stamp: Stamp,
    summary: Result<PageSummary, Problem>,
}

/// A record as it is written: the same fields, borrowed.
#[derive(Serialize)]
struct RecordOut<'a> {
    name: &'a str,
    stamp: Stamp,
    summary: &'a Result<PageSummary, Problem>,
}

/// Where one journal's summaries are kept.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    header: Header,
    /// How long a page file must have been left alone for its summary to
    /// be kept.
    settle: Duration,
}

/// Where the summaries handed over came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Taken from the cache: the page's file is unchanged since.
    pub from_cache: usize,
    /// Read from the page's file.
    pub from_files: usize,
    /// Of those, kept in the cache for next time.
    pub kept: usize,
}

/// What the cache held of a page: where its latest record starts and what
/// it says.
struct Kept {
    at: u64,
    stamp: Stamp,
    summary: Result<PageSummary, Problem>,
}

/// The cache file as it was read.
#[derive(Default)]
struct Loaded {
    /// The latest record of each page, by name, the newest name first as
    /// the journal lists them: taken out as they are used.
    kept: Vec<(String, Option<Kept>)>,
    /// Records superseded by a later one for the same page.
    superseded: usize,
    /// Where the last whole record ends: anything after it is damage, or
    /// the start of a record being written when the app was stopped.
    end: u64,
    /// The header fits this build, journal and library.
    fits: bool,
}

impl Cache {
    /// The cache of the journal in `store` among `folder`'s, for the
    /// exercises in `library`.
    pub fn new(folder: &Path, store: &Store, library: &Library) -> Cache {
        let journal = store.canonical_root().to_string_lossy().into_owned();
        let mut hasher = std::hash::DefaultHasher::new();
        journal.hash(&mut hasher);
        let path = folder.join(format!("{:016x}.summaries", hasher.finish()));
        let mut hasher = std::hash::DefaultHasher::new();
        format!("{:?}", library.entries()).hash(&mut hasher);
        Cache {
            path,
            header: Header {
                format: FORMAT,
                build: env!("CARGO_PKG_VERSION").to_string(),
                journal,
                library: hasher.finish(),
            },
            settle: RACY,
        }
    }

    /// Keeps the summary of a page file left alone for `settle`, rather
    /// than the few seconds that rule out a change the file system's
    /// clock could hide: for a journal known to be still, such as one
    /// written for a measurement.
    pub fn settled_after(self, settle: Duration) -> Cache {
        Cache { settle, ..self }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the records, stopping at the first damaged one.
    fn load(&self) -> Loaded {
        let Ok(file) = open_regular(&self.path) else {
            return Loaded::default();
        };
        let mut input = BufReader::new(file);
        let mut loaded = Loaded::default();
        let mut magic = [0u8; MAGIC.len()];
        let mut buffer = Vec::new();
        if input.read_exact(&mut magic).is_err() || &magic != MAGIC {
            return loaded;
        }
        match read_record::<Header>(&mut input, &mut buffer) {
            Some(header) if header == self.header => {}
            _ => return loaded,
        }
        loaded.fits = true;
        loaded.end = MAGIC.len() as u64 + record_size(&buffer);
        while let Some(record) = read_record::<Record>(&mut input, &mut buffer) {
            let kept = Kept {
                at: loaded.end,
                stamp: record.stamp,
                summary: record.summary,
            };
            loaded.end += record_size(&buffer);
            loaded.kept.push((record.name, Some(kept)));
        }
        // Sorted (stably: of two records for a page, the later stays
        // last), then only the last of each page kept. Records are
        // mostly written in the journal's order, which sorts quickly.
        loaded.kept.sort_by(|a, b| b.0.cmp(&a.0));
        let before = loaded.kept.len();
        loaded.kept.reverse();
        loaded.kept.dedup_by(|later, earlier| later.0 == earlier.0);
        loaded.kept.reverse();
        loaded.superseded = before - loaded.kept.len();
        loaded
    }
}

/// Reads the summary of every page `ids` names, from the cache where the
/// page's file is unchanged and from the file otherwise, and hands them
/// to `deliver` as they come: those from the cache at once, the others as
/// they are read, several at a time. Reading stops when `deliver` says
/// `false`. Pages read from their files are added to the cache.
pub fn read_summaries(
    store: &Store,
    library: &Library,
    cache: Option<&Cache>,
    ids: &[String],
    mut deliver: impl FnMut(Vec<(String, Result<PageSummary, Problem>)>) -> bool,
) -> Reading {
    let summary = |read: reader::Read| read.map(|l| PageSummary::of(&l.page, &l.access));
    let mut reading = Reading::default();
    if let Some(cache) = cache.filter(|_| ids.len() < CACHE_FROM) {
        // A journal that became small keeps nothing outside its folder.
        if std::fs::symlink_metadata(&cache.path).is_ok_and(|m| m.is_file()) {
            let _ = std::fs::remove_file(&cache.path);
        }
    }
    let Some(cache) = cache.filter(|_| ids.len() >= CACHE_FROM) else {
        reader::read_in_batches(
            store,
            library,
            ids,
            |_, read| summary(read),
            |batch| {
                reading.from_files += batch.len();
                deliver(named(ids, batch))
            },
        );
        return reading;
    };
    // Only one copy of tandem writes the cache at a time; another reads
    // what is there and leaves it be.
    let writer = create_dir(cache.path.parent()).and_then(|()| lock(&cache.path));
    // The files are looked at while the cache is read: each waits on
    // something different.
    let (mut loaded, now) = std::thread::scope(|scope| {
        let looking = scope.spawn(|| {
            ids.iter()
                .map(|id| stamp_of(&store.page_path(id)))
                .collect::<Vec<_>>()
        });
        let loaded = cache.load();
        let now = looking.join().unwrap_or_else(|_| vec![None; ids.len()]);
        (loaded, now)
    });
    let mut to_read = Vec::new();
    let mut stamps = HashMap::new();
    let mut live = std::collections::HashSet::new();
    let mut from_cache = Vec::new();
    for (id, now) in ids.iter().zip(now) {
        // Taken before the file is read: a page changed in between is
        // read again next time, never kept with a summary it does not have.
        let kept = loaded
            .kept
            .binary_search_by(|(name, _)| id.cmp(name))
            .ok()
            .and_then(|at| loaded.kept[at].1.take());
        match (now, kept) {
            (Some(now), Some(kept)) if kept.stamp == now => {
                live.insert(kept.at);
                from_cache.push((id.clone(), kept.summary));
                // Handed over a part at a time: the screen has the newest
                // sooner, and no second copy of the whole list is made.
                if from_cache.len() == FROM_CACHE_AT_ONCE {
                    reading.from_cache += from_cache.len();
                    if !deliver(std::mem::take(&mut from_cache)) {
                        return reading;
                    }
                }
            }
            (now, _) => {
                if let Some(stamp) = now {
                    stamps.insert(id.as_str(), stamp);
                }
                to_read.push(id.clone());
            }
        }
    }
    let dead = loaded.superseded + loaded.kept.iter().filter(|(_, k)| k.is_some()).count();
    drop(loaded.kept);
    reading.from_cache += from_cache.len();
    if !from_cache.is_empty() && !deliver(from_cache) {
        return reading;
    }
    let mut out = writer.and_then(|file| Appender::open(file, cache, loaded.fits, loaded.end));
    let added_from = out.as_ref().map_or(0, |o| o.start);
    let settled = SystemTime::now() - cache.settle;
    reader::read_in_batches(
        store,
        library,
        &to_read,
        |id, read| {
            let summary = summary(read);
            let bytes = stamps
                .get(id)
                .filter(|stamp| stamp.settled_before(settled))
                .and_then(|&stamp| {
                    encode(&RecordOut {
                        name: id,
                        stamp,
                        summary: &summary,
                    })
                });
            (summary, bytes)
        },
        |batch| {
            let mut summaries = Vec::with_capacity(batch.len());
            for (at, (summary, bytes)) in batch {
                if let (Some(out), Some(bytes)) = (out.as_mut(), bytes)
                    && out.add(&bytes).is_ok()
                {
                    reading.kept += 1;
                }
                reading.from_files += 1;
                summaries.push((to_read[at].clone(), summary));
            }
            deliver(summaries)
        },
    );
    if let Some(out) = out
        && out.finish().is_ok()
        && dead > 0
    {
        // Written again without what no longer belongs: a page taken out
        // of the journal leaves no words behind here.
        let _ = compact(cache, &live, added_from);
    }
    reading
}

fn named<T>(ids: &[String], batch: Vec<(usize, T)>) -> Vec<(String, T)> {
    batch
        .into_iter()
        .map(|(at, value)| (ids[at].clone(), value))
        .collect()
}

impl Stamp {
    fn settled_before(&self, when: SystemTime) -> bool {
        let since = |(secs, nanos): (i64, i64)| {
            let secs = u64::try_from(secs).ok()?;
            let nanos = u32::try_from(nanos).ok()?;
            SystemTime::UNIX_EPOCH.checked_add(Duration::new(secs, nanos))
        };
        [self.modified, self.changed]
            .into_iter()
            .all(|time| since(time).is_some_and(|t| t < when))
    }
}

/// The page file's stamp, when it is a regular file.
fn stamp_of(path: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    meta.is_file().then(|| Stamp {
        len: meta.len(),
        modified: (meta.mtime(), meta.mtime_nsec()),
        changed: (meta.ctime(), meta.ctime_nsec()),
        inode: meta.ino(),
        device: meta.dev(),
    })
}

fn encode<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    postcard::to_stdvec(value).ok()
}

/// A checksum of a record, to tell damage from a record: eight bytes at a
/// time, each mixed in by a multiplication that spreads every bit. The
/// same on every build, so it may name things kept between runs.
pub fn checksum(bytes: &[u8]) -> u64 {
    const MIX: u64 = 0x517c_c1b7_2722_0a95;
    let mut sum = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        sum = (sum.rotate_left(5) ^ word).wrapping_mul(MIX);
    }
    for &byte in words.remainder() {
        sum = (sum.rotate_left(5) ^ u64::from(byte)).wrapping_mul(MIX);
    }
    sum ^ (sum >> 29)
}

/// A record as it is written: its length, its checksum, its bytes.
fn framed(bytes: &[u8]) -> Option<Vec<u8>> {
    let len = u32::try_from(bytes.len())
        .ok()
        .filter(|&n| n <= LARGEST_RECORD)?;
    let mut out = Vec::with_capacity(bytes.len() + 12);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&checksum(bytes).to_le_bytes());
    out.extend_from_slice(bytes);
    Some(out)
}

fn record_size(body: &[u8]) -> u64 {
    body.len() as u64 + 12
}

/// Reads one framed record's bytes into `buffer`, checked against its
/// length and checksum; `None` at the end of the file or at damage.
fn read_frame(input: &mut impl Read, buffer: &mut Vec<u8>) -> Option<()> {
    let mut frame = [0u8; 12];
    input.read_exact(&mut frame).ok()?;
    let len = u32::from_le_bytes(frame[..4].try_into().ok()?);
    let sum = u64::from_le_bytes(frame[4..].try_into().ok()?);
    if len > LARGEST_RECORD {
        return None;
    }
    buffer.resize(len as usize, 0);
    input.read_exact(buffer).ok()?;
    (checksum(buffer) == sum).then_some(())
}

/// Reads one framed record and decodes it.
fn read_record<T: for<'de> Deserialize<'de>>(
    input: &mut impl Read,
    buffer: &mut Vec<u8>,
) -> Option<T> {
    read_frame(input, buffer)?;
    postcard::from_bytes(buffer).ok()
}

fn header_bytes(header: &Header) -> Option<Vec<u8>> {
    framed(&encode(header)?)
}

fn create_dir(folder: Option<&Path>) -> Option<()> {
    let folder = folder?;
    crate::files::create_private_dir(folder).ok()?;
    crate::files::tighten_dir(folder).ok()?;
    Some(())
}

/// The cache file, opened for writing and locked, or `None` when another
/// copy of tandem holds it (or it cannot be opened).
fn lock(path: &Path) -> Option<File> {
    let file = crate::files::open_lock_file(path).ok()?;
    file.try_lock().ok()?;
    Some(file)
}

fn open_regular(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// Adds records at the end of the cache file.
struct Appender {
    out: BufWriter<File>,
    /// Where the first record added starts.
    start: u64,
}

impl Appender {
    /// Starts again with a header when what is there does not fit;
    /// otherwise cuts off anything after the last whole record.
    fn open(mut file: File, cache: &Cache, fits: bool, end: u64) -> Option<Appender> {
        let start = if fits {
            file.set_len(end).ok()?;
            file.seek(SeekFrom::Start(end)).ok()?
        } else {
            file.set_len(0).ok()?;
            file.seek(SeekFrom::Start(0)).ok()?;
            let mut header = MAGIC.to_vec();
            header.extend(header_bytes(&cache.header)?);
            file.write_all(&header).ok()?;
            header.len() as u64
        };
        Some(Appender {
            out: BufWriter::new(file),
            start,
        })
    }

    fn add(&mut self, record: &[u8]) -> std::io::Result<()> {
        match framed(record) {
            Some(bytes) => self.out.write_all(&bytes),
            None => Ok(()),
        }
    }

    fn finish(self) -> std::io::Result<()> {
        self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    }
}

/// Writes the cache again with only the records still of use (those
/// taken from it this time, at `kept`, and those added from `added_from`
/// on), copied as they are, then puts it in place of the old one.
fn compact(cache: &Cache, kept: &std::collections::HashSet<u64>, added_from: u64) -> Option<()> {
    let _held = lock(&cache.path)?;
    let mut input = BufReader::new(open_regular(&cache.path).ok()?);
    let folder = cache.path.parent()?;
    let mut out = BufWriter::new(tempfile::NamedTempFile::new_in(folder).ok()?);
    let mut magic = [0u8; MAGIC.len()];
    input.read_exact(&mut magic).ok()?;
    out.write_all(&magic).ok()?;
    let mut at = MAGIC.len() as u64;
    let mut first = true;
    let mut body = Vec::new();
    while read_frame(&mut input, &mut body).is_some() {
        // The header first, then what is still of use.
        if first || kept.contains(&at) || at >= added_from {
            out.write_all(&framed(&body)?).ok()?;
        }
        first = false;
        at += record_size(&body);
    }
    let out = out.into_inner().ok()?;
    out.persist(&cache.path).ok()?;
    Some(())
}
