use std::os::unix::fs::PermissionsExt;

use super::*;
use crate::content::Library;
use crate::model::{Answer, EntryStatus, Partner};

fn sample_page(store: &Store) -> Page {
    let library = Library::load(None);
    let exercise = library.get("boundary-map").expect("built-in exercise");
    let started = Timestamp::from_second(1_790_000_000).expect("valid time");
    let id = store.new_page_id(&exercise.id, started);
    let names = ["Alex".to_string(), "Sam".to_string()];
    let mut page = Page::new(id, exercise, &names, started);
    let entry = page.entry_mut(Partner::First);
    entry.status = EntryStatus::Draft;
    entry.answers.insert(
        "area".into(),
        Answer::Text("When plans are made \"#without me\"#\nI feel left out.".into()),
    );
    page
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn a_saved_page_loads_back_unchanged_and_private() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    let store = Store::open(&root).expect("open");
    let page = sample_page(&store);
    store.save_page(&page).expect("save");
    let loaded = store
        .load_page(&page.id, &Library::load(None))
        .expect("load");
    assert_eq!(loaded.page, page);
    assert_eq!(loaded.access, Access::Writable);
    assert_eq!(mode(&store.page_path(&page.id)), 0o600);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("journal")), 0o700);
    let text = std::fs::read_to_string(store.page_path(&page.id)).expect("read");
    assert!(
        text.contains("I feel left out."),
        "answers are stored as readable text: {text}"
    );
}

#[test]
fn a_second_store_on_the_same_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _first = Store::open(dir.path()).expect("open");
    match Store::open(dir.path()) {
        Err(StoreError::Locked(path)) => assert_eq!(path, dir.path()),
        other => panic!("expected a lock refusal, got {other:?}"),
    }
}

#[test]
fn the_lock_is_released_when_the_store_is_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("open"));
    Store::open(dir.path()).expect("open again");
}

#[test]
fn a_damaged_page_reports_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let path = store.page_path("2026-01-01-000000-broken");
    std::fs::write(&path, "(\n  version: 1,\n  id: oops\n)").expect("write");
    let problem = store
        .load_page("2026-01-01-000000-broken", &Library::load(None))
        .expect_err("must fail");
    assert_eq!(problem.path, path);
    assert_eq!(problem.line, 3);
    assert!(problem.column > 1);
}

#[test]
fn a_page_from_a_newer_version_is_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let mut page = sample_page(&store);
    page.version = 99;
    store.save_page(&page).expect("save");
    let loaded = store
        .load_page(&page.id, &Library::load(None))
        .expect("load");
    assert!(matches!(loaded.access, Access::ReadOnly(_)));
}

#[test]
fn page_ids_are_newest_first_and_skip_temporary_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    for name in [
        "2026-01-01-000000-a.ron",
        "2026-03-01-000000-b.ron",
        ".2026-03-01-000000-b.ron.tmp",
        "notes.txt",
    ] {
        std::fs::write(dir.path().join("journal").join(name), "").expect("write");
    }
    assert_eq!(
        store.page_ids().expect("list"),
        ["2026-03-01-000000-b", "2026-01-01-000000-a"]
    );
}

#[test]
fn an_unreadable_couple_file_is_an_error_not_a_first_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    std::fs::write(store.couple_path(), "(version: 1, names: (\"Alex\",").expect("write");
    assert!(matches!(
        store.load_couple(),
        Err(StoreError::Unreadable(_))
    ));
}

#[test]
fn new_page_ids_never_collide() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let page = sample_page(&store);
    store.save_page(&page).expect("save");
    let again = store.new_page_id("boundary-map", page.started);
    assert_ne!(again, page.id);
    assert!(again.starts_with(&page.id));
}

#[test]
fn temporary_files_of_killed_saves_are_cleared_only_by_the_lock_holder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open");
    let page = sample_page(&store);
    store.save_page(&page).expect("save");
    let journal = dir.path().join("journal");
    let leftover = journal.join(".tandem-saving-Xy12Ab.tmp");
    let couple_leftover = dir.path().join(".tandem-saving-Qw34Er.tmp");
    let notes = journal.join(".notes");
    // Named like a temporary file of some other program: never ours.
    let foreign = [
        journal.join(".important.ron.backup"),
        journal.join(format!(".{}.ron.123456", page.id)),
        dir.path().join(".couple.ron.Qw34Er"),
    ];
    for path in [&leftover, &couple_leftover, &notes]
        .into_iter()
        .chain(&foreign)
    {
        std::fs::write(path, "half").expect("write");
    }

    Store::open_read_only(dir.path()).page_ids().expect("list");
    assert!(leftover.exists(), "a reader leaves them alone");
    drop(store);

    let store = Store::open(dir.path()).expect("open again");
    assert!(!couple_leftover.exists());
    assert_eq!(store.page_ids().expect("list"), vec![page.id]);
    assert!(!leftover.exists());
    assert!(notes.exists(), "other dot files are not ours");
    for path in &foreign {
        assert!(path.exists(), "{} is not tandem's", path.display());
    }
}
