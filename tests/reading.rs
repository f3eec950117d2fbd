//! Reading the journal many pages at a time, and the summaries kept
//! between runs: the same pages, summaries and problems as reading one
//! page after another; a page changed since is read again; a damaged cache
//! is rebuilt; no unrevealed word is ever kept in it; a page saved while
//! the journal is being read is neither lost nor counted twice; and the
//! workbook quits at once in the middle of reading.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::pty::Tui;
use tandem::app::{JournalIndex, PageSummary};
use tandem::content::Library;
use tandem::journal::{Store, reader};
use tandem::model::{Answer, EntryStatus, PageStatus};
use tandem::problem::Problem;
use tandem::summaries::{CACHE_FROM, Cache, Reading, read_summaries};

type Summaries = BTreeMap<String, Result<PageSummary, Problem>>;

fn journal(pages: usize) -> (tempfile::TempDir, Store, Library) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::load(None);
    tandem::demo::generate(&library, pages, tandem::demo::DEMO_SEED)
        .write(dir.path())
        .expect("write the journal");
    let store = Store::open_read_only(dir.path());
    (dir, store, library)
}

/// Every page read one after another, as tandem once did.
fn one_by_one(store: &Store, library: &Library) -> Summaries {
    let ids = store.page_ids().expect("ids");
    ids.iter()
        .map(|id| {
            let summary = store
                .load_page(id, library)
                .map(|l| PageSummary::of(&l.page, &l.access));
            (id.clone(), summary)
        })
        .collect()
}

fn summaries(store: &Store, library: &Library, cache: Option<&Cache>) -> (Summaries, Reading) {
    let ids = store.page_ids().expect("ids");
    let mut got = Summaries::new();
    let reading = read_summaries(store, library, cache, &ids, |batch| {
        for (id, summary) in batch {
            assert!(
                got.insert(id.clone(), summary).is_none(),
                "{id} handed over twice"
            );
        }
        true
    });
    (got, reading)
}

/// A cache in its own folder that keeps pages written a moment ago: these
/// journals were just written, and are left alone.
fn cache_for(folder: &Path, store: &Store, library: &Library) -> Cache {
    Cache::new(folder, store, library).settled_after(Duration::ZERO)
}

#[test]
fn pages_read_in_parallel_are_the_pages_read_one_by_one() {
    let (_dir, store, library) = journal(300);
    let ids = store.page_ids().expect("ids");
    let expected = one_by_one(&store, &library);
    let parallel: Summaries = reader::read_all(&store, &library, &ids, |id, read| {
        (
            id.to_string(),
            read.map(|l| PageSummary::of(&l.page, &l.access)),
        )
    })
    .into_iter()
    .collect();
    assert_eq!(parallel.len(), 300);
    assert_eq!(parallel, expected);
    // In the order asked for.
    let order = reader::read_all(&store, &library, &ids, |id, _| id.to_string());
    assert_eq!(order, ids);
}

#[test]
fn summaries_from_the_cache_are_the_summaries_read_from_the_files() {
    let (_dir, store, library) = journal(CACHE_FROM + 50);
    let expected = one_by_one(&store, &library);
    let folder = tempfile::tempdir().expect("cache folder");
    let cache = cache_for(folder.path(), &store, &library);

    let (without, reading) = summaries(&store, &library, None);
    assert_eq!(without, expected);
    assert_eq!(reading.from_cache, 0);

    let (first, reading) = summaries(&store, &library, Some(&cache));
    assert_eq!(first, expected, "while the cache is filled");
    assert_eq!((reading.from_cache, reading.kept), (0, expected.len()));

    let (second, reading) = summaries(&store, &library, Some(&cache));
    assert_eq!(second, expected, "from the cache");
    assert_eq!(
        (reading.from_cache, reading.from_files),
        (expected.len(), 0)
    );
}

#[test]
fn a_page_changed_since_is_read_again_even_at_the_same_size() {
    let (dir, store, library) = journal(CACHE_FROM + 1);
    let folder = tempfile::tempdir().expect("cache folder");
    let cache = cache_for(folder.path(), &store, &library);
    summaries(&store, &library, Some(&cache));

    let (id, title) = store
        .page_ids()
        .expect("ids")
        .into_iter()
        .map(|id| {
            let title = store.load_page(&id, &library).expect("page").page.title;
            (id, title)
        })
        .find(|(_, title)| title.is_ascii() && !title.contains('"'))
        .expect("a plain title");
    let path = dir.path().join("journal").join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&path).expect("page");
    // One letter of the title, in place: same size, same name.
    let changed = text.replacen(
        &format!("title: \"{title}\""),
        &format!("title: \"X{}\"", &title[1..]),
        1,
    );
    assert_ne!(changed, text);
    assert_eq!(changed.len(), text.len());
    std::fs::write(&path, &changed).expect("write");

    let (got, reading) = summaries(&store, &library, Some(&cache));
    assert_eq!(got, one_by_one(&store, &library));
    assert!(got[&id].as_ref().expect("read").title.starts_with('X'));
    assert_eq!(reading.from_files, 1);

    // A page that left the journal is not shown from the cache.
    std::fs::remove_file(&path).expect("remove");
    let (got, _) = summaries(&store, &library, Some(&cache));
    assert!(!got.contains_key(&id));
    assert_eq!(got, one_by_one(&store, &library));
    // And nothing of it is left in the cache.
    let bytes = std::fs::read(cache.path()).expect("cache");
    assert!(
        !bytes.windows(id.len()).any(|w| w == id.as_bytes()),
        "a page taken out is still in the cache"
    );
}

#[test]
fn a_damaged_cache_is_rebuilt_and_never_believed() {
    let (_dir, store, library) = journal(CACHE_FROM);
    let expected = one_by_one(&store, &library);
    let folder = tempfile::tempdir().expect("cache folder");
    let cache = cache_for(folder.path(), &store, &library);
    summaries(&store, &library, Some(&cache));

    // Garbage over the middle of the file.
    let mut bytes = std::fs::read(cache.path()).expect("cache");
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 64] {
        *byte = 0xa5;
    }
    std::fs::write(cache.path(), &bytes).expect("damage");
    let (got, reading) = summaries(&store, &library, Some(&cache));
    assert_eq!(got, expected);
    assert!(
        reading.from_files > 0 && reading.from_cache > 0,
        "{reading:?}"
    );
    let (got, reading) = summaries(&store, &library, Some(&cache));
    assert_eq!(got, expected);
    assert_eq!(reading.from_files, 0, "the damaged part was written again");

    // Not a cache at all, then nothing.
    for junk in [&b"(version: 1)"[..], b""] {
        std::fs::write(cache.path(), junk).expect("junk");
        let (got, reading) = summaries(&store, &library, Some(&cache));
        assert_eq!(got, expected);
        assert_eq!(reading.from_cache, 0);
    }
    // Nor one made for other exercises: what is read-only depends on them.
    summaries(&store, &library, Some(&cache));
    let exercises = tempfile::tempdir().expect("exercises");
    std::fs::write(
        exercises.path().join("our-own.ron"),
        tandem::cli::starter_exercise("our-own"),
    )
    .expect("an exercise of our own");
    let other = Library::load(Some(exercises.path()));
    let other_cache = cache_for(folder.path(), &store, &other);
    assert_eq!(other_cache.path(), cache.path());
    let (got, reading) = summaries(&store, &other, Some(&other_cache));
    assert_eq!(got, one_by_one(&store, &other));
    assert_eq!(reading.from_cache, 0);
}

#[test]
fn a_small_journal_keeps_nothing_outside_its_folder() {
    let (_dir, store, library) = journal(CACHE_FROM - 1);
    let folder = tempfile::tempdir().expect("cache folder");
    let cache = cache_for(folder.path(), &store, &library);
    let (got, reading) = summaries(&store, &library, Some(&cache));
    assert_eq!(got, one_by_one(&store, &library));
    assert_eq!(reading.kept, 0);
    assert!(!cache.path().exists());
    // A journal that shrinks below the mark keeps nothing outside either.
    std::fs::write(cache.path(), b"left from when it was larger").expect("old cache");
    summaries(&store, &library, Some(&cache));
    assert!(!cache.path().exists());
}

#[test]
fn no_word_of_an_unrevealed_entry_is_kept_in_the_cache() {
    let (dir, store, library) = journal(CACHE_FROM);
    let writable = Store::open(dir.path()).expect("open");
    let ids = store.page_ids().expect("ids");
    let pages: Vec<_> = ids
        .iter()
        .map(|id| store.load_page(id, &library).expect("page").page)
        .collect();
    // One word in a page still private, another in one both finished.
    let mut open = pages
        .iter()
        .find(|p| p.status() == PageStatus::InProgress)
        .expect("an open page")
        .clone();
    let mut done = pages
        .iter()
        .find(|p| p.status() == PageStatus::Discussed)
        .expect("a finished page")
        .clone();
    for (page, word) in [
        (&mut open, "zebracornprivate"),
        (&mut done, "zebracornshared"),
    ] {
        let step = library
            .get(&page.exercise)
            .expect("exercise")
            .steps
            .iter()
            .find(|s| {
                matches!(s.field, tandem::model::Field::Text(_))
                    && s.mode == tandem::model::StepMode::Individual
            })
            .expect("a text step")
            .id
            .clone();
        page.entries[0]
            .answers
            .insert(step, Answer::Text(format!("I wrote {word} here.")));
        if page.entries[0].status == EntryStatus::NotStarted {
            page.entries[0].status = EntryStatus::Draft;
        }
        writable.save_page(page).expect("save");
    }
    drop(writable);
    let folder = tempfile::tempdir().expect("cache folder");
    let cache = cache_for(folder.path(), &store, &library);
    summaries(&store, &library, Some(&cache));
    let bytes = std::fs::read(cache.path()).expect("cache");
    let holds = |word: &str| bytes.windows(word.len()).any(|w| w == word.as_bytes());
    assert!(
        holds("zebracornshared"),
        "revealed words are searched, so kept"
    );
    assert!(!holds("zebracornprivate"), "an unrevealed word was kept");
}

#[test]
fn a_page_saved_while_the_journal_is_read_is_neither_lost_nor_counted_twice() {
    let (_dir, store, library) = journal(40);
    let ids = store.page_ids().expect("ids");
    let mut index = JournalIndex::new(ids.clone());
    // The couple saves a page before the reading reaches it.
    let saved_id = ids[20].clone();
    let mut saved = store.load_page(&saved_id, &library).expect("page");
    saved.page.title = "Saved just now".into();
    index.upsert(PageSummary::of(&saved.page, &saved.access));
    // Then every page arrives, that one with what its file held before.
    let mut batches = Vec::new();
    reader::read_in_batches(
        &store,
        &library,
        &ids,
        |_, read| read.map(|l| PageSummary::of(&l.page, &l.access)),
        |batch| {
            batches.push(batch);
            true
        },
    );
    for batch in batches.into_iter().rev() {
        index.add_summaries(
            batch
                .into_iter()
                .map(|(at, summary)| (ids[at].clone(), summary))
                .collect(),
        );
    }
    assert!(!index.is_loading());
    assert_eq!(index.pages.len(), ids.len());
    let listed: Vec<&str> = index.pages.iter().map(|p| p.id.as_str()).collect();
    let newest_first: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(listed, newest_first, "each page once, newest first");
    let kept = index.pages.iter().find(|p| p.id == saved_id).expect("kept");
    assert_eq!(kept.title, "Saved just now");
}

#[test]
fn reading_stops_when_asked() {
    let (_dir, store, library) = journal(400);
    let ids = store.page_ids().expect("ids");
    let read = std::sync::atomic::AtomicUsize::new(0);
    let mut delivered = 0;
    reader::read_in_batches(
        &store,
        &library,
        &ids,
        |_, _| {
            read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        },
        |batch| {
            delivered += batch.len();
            false
        },
    );
    assert!(delivered > 0);
    let read = read.into_inner();
    assert!(read < ids.len() / 2, "{read} of {} pages read", ids.len());
}

#[test]
fn the_workbook_quits_at_once_in_the_middle_of_reading() {
    let (dir, _store, _library) = journal(1_500);
    let cache = tempfile::tempdir().expect("cache folder");
    let mut command = std::process::Command::new(common::pty::BIN);
    command
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--config-dir")
        .arg(dir.path().join("config"))
        .env("XDG_CACHE_HOME", cache.path());
    let mut tui = Tui::spawn_command(command, 100, 30);
    let screen = tui.wait_for("Reading your journal");
    assert!(screen.contains("of 1500 pages"), "{screen}");
    tui.send("q");
    let status = tui.wait_exit();
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    assert!(tui.left_alternate_screen());
}
