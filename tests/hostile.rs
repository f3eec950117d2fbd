//! A journal folder with every kind of file a couple, a sync tool or
//! someone trying to break tandem could leave in it: named pipes, links to
//! devices and to files elsewhere, folders, huge files, other encodings,
//! hand edits of every kind, two pages with one id, and files named like
//! somebody else's temporary files. Every command and the workbook must
//! report each, change nothing, and never hang.

mod common;

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{Tui, run_within};
use tandem::content::Library;

/// A command may take this long on a loaded machine; a hang takes forever.
const LIMIT: Duration = Duration::from_secs(20);

/// The file names (without `.ron`) of the hand-edited pages, and a word
/// of what `check` must say about each.
const HAND_EDITS: &[(&str, &str)] = &[
    ("2030-01-01-000001-misspelt", "did you mean `answers`?"),
    (
        "2030-01-01-000002-unknown-field",
        "`mood` is not a name tandem knows",
    ),
    ("2030-01-01-000003-unknown-step", "is not a step of"),
    ("2030-01-01-000004-wrong-kind", "the step takes a number"),
    (
        "2030-01-01-000005-unknown-option",
        "is not one of this step's options",
    ),
    ("2030-01-01-000006-unknown-row", "is not a row of this grid"),
    ("2030-01-01-000007-id-mismatch", "its file is named"),
    ("2030-01-01-000008-comment", "a comment here would be lost"),
    ("2030-01-01-000009-repeated-key", "is written twice"),
    ("2030-01-01-000010-out-of-range", "outside this scale"),
    ("2030-01-01-000011-control-text", "control characters"),
];

/// Files that cannot be pages at all, and what `check` must say.
const NOT_PAGES: &[(&str, &str)] = &[
    ("2030-02-01-000001-fifo", "named pipe"),
    ("2030-02-01-000002-zero", "a device"),
    (
        "2030-02-01-000003-elsewhere",
        "does not look like a tandem file",
    ),
    ("2030-02-01-000004-folder", "a folder"),
    ("2030-02-01-000005-huge", "more than the 64 MB"),
    ("2030-02-01-000006-latin1", "not UTF-8 text"),
    ("2030-02-01-000007-empty", "the file is empty"),
];

/// Named like the temporary files of other programs: never tandem's.
const FOREIGN: &[&str] = &[
    ".important.ron.backup",
    ".2030-01-01-000001-misspelt.ron.123456",
    ".tandem-saving-abc.tmp",
    "notes.txt",
];

/// Words that must never reach any output: the first line of a file
/// outside the journal that a page links to.
const ELSEWHERE: &str = "secretword:x:0:0:root";

struct Corpus {
    _dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
    /// The page both partners finished, with a control character in a name.
    escaped: String,
    /// The page a second file copies, id and all.
    copied: String,
}

fn page_of(journal: &Path, exercise: &str) -> (String, String) {
    let mut ids: Vec<PathBuf> = std::fs::read_dir(journal)
        .expect("journal")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(exercise))
        .collect();
    ids.sort();
    let path = ids.pop().expect("the demo has the exercise");
    let text = std::fs::read_to_string(&path).expect("page");
    assert!(text.contains("discussed: Some"), "a finished page: {text}");
    let id = path
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    (id, text)
}

/// A change to a page's text, as a person editing it by hand might make.
type Edit = dyn Fn(&str) -> String;

fn corpus() -> Corpus {
    corpus_of(30)
}

/// The hostile files among `pages` generated pages.
fn corpus_of(pages: usize) -> Corpus {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let config = dir.path().join("config");
    tandem::demo::generate(&Library::load(None), pages, tandem::demo::DEMO_SEED)
        .write(&data)
        .expect("demo journal");
    let journal = data.join("journal");
    let (no_id, saying_no) = page_of(&journal, "saying-no");
    let (map_id, boundary) = page_of(&journal, "boundary-map");
    let with_id = |text: &str, from: &str, to: &str| {
        text.replacen(&format!("id: \"{from}\""), &format!("id: \"{to}\""), 1)
    };
    let write = |name: &str, text: String| {
        std::fs::write(journal.join(format!("{name}.ron")), text).expect("write");
    };
    let edits: [(&str, &Edit); 11] = [
        (HAND_EDITS[0].0, &|t| t.replacen("answers:", "answrs:", 1)),
        (HAND_EDITS[1].0, &|t| {
            t.replacen("version: 1,", "version: 1,\n    mood: \"sunny\",", 1)
        }),
        (HAND_EDITS[2].0, &|t| {
            t.replacen("\"guilt\":", "\"guilty\":", 1)
        }),
        (HAND_EDITS[3].0, &|t| {
            let at = t.find("\"guilt\": Scale(").expect("a guilt scale");
            let end = at + t[at..].find(')').expect("close") + 1;
            format!("{}\"guilt\": Text(\"three\"){}", &t[..at], &t[end..])
        }),
        (HAND_EDITS[4].0, &|t| {
            let at = t.find("Checklist([").expect("a checklist") + "Checklist([".len();
            format!("{}\n\"not-an-option\",{}", &t[..at], &t[at..])
        }),
        ("", &|t| t.to_string()), // the grid row, below
        ("", &|t| t.to_string()), // the id, below
        (HAND_EDITS[7].0, &|t| {
            t.replacen("version: 1,", "version: 1, // our own note", 1)
        }),
        (HAND_EDITS[8].0, &|t| {
            let at = t.find("\"guilt\": Scale(").expect("a guilt scale");
            format!("{}\"guilt\": Scale(1),\n{}", &t[..at], &t[at..])
        }),
        (HAND_EDITS[9].0, &|t| {
            let at = t.find("\"guilt\": Scale(").expect("a guilt scale");
            let end = at + t[at..].find(')').expect("close") + 1;
            format!("{}\"guilt\": Scale(45){}", &t[..at], &t[end..])
        }),
        (HAND_EDITS[10].0, &|t| {
            let at = t.find("\"afraid\": Text(\"").expect("a text") + "\"afraid\": Text(\"".len();
            format!("{}\\u{{1b}}]0;owned\\u{{7}}{}", &t[..at], &t[at..])
        }),
    ];
    for (name, edit) in edits {
        if !name.is_empty() {
            write(name, with_id(&edit(&saying_no), &no_id, name));
        }
    }
    write(
        HAND_EDITS[5].0,
        with_id(
            &boundary.replacen("row: \"money\"", "row: \"mony\"", 1),
            &map_id,
            HAND_EDITS[5].0,
        ),
    );
    write(
        HAND_EDITS[6].0,
        with_id(&saying_no, &no_id, "2030-12-31-000000-elsewhere"),
    );
    // A second file with the id of a page that has its own file.
    let copied = "2030-01-01-000012-copy".to_string();
    write(&copied, saying_no.clone());
    // A finished page whose partner's name would retitle the terminal.
    let escaped = "2030-01-01-000013-escaped".to_string();
    write(
        &escaped,
        with_id(&boundary, &map_id, &escaped).replacen(
            "partner: \"Maya\"",
            "partner: \"Maya\\u{1b}]0;owned\\u{7}\\u{9b}2J\"",
            1,
        ),
    );

    let fifo = journal.join(format!("{}.ron", NOT_PAGES[0].0));
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    std::os::unix::fs::symlink("/dev/zero", journal.join(format!("{}.ron", NOT_PAGES[1].0)))
        .expect("link");
    let outside = dir.path().join("passwd");
    std::fs::write(&outside, format!("{ELSEWHERE}\nmore:x:1:1\n")).expect("outside");
    std::os::unix::fs::symlink(&outside, journal.join(format!("{}.ron", NOT_PAGES[2].0)))
        .expect("link");
    std::fs::create_dir(journal.join(format!("{}.ron", NOT_PAGES[3].0))).expect("folder");
    let huge =
        std::fs::File::create(journal.join(format!("{}.ron", NOT_PAGES[4].0))).expect("huge");
    huge.set_len(100 << 20).expect("sparse");
    std::fs::write(
        journal.join(format!("{}.ron", NOT_PAGES[5].0)),
        b"(version: 1, title: \"caf\xe9\")",
    )
    .expect("latin1");
    std::fs::write(journal.join(format!("{}.ron", NOT_PAGES[6].0)), "").expect("empty");
    // A name that is not text, and a page written with a byte-order mark.
    let odd = std::ffi::OsStr::from_bytes(b"2030-03-01-\xff\xfe.ron");
    std::fs::write(journal.join(odd), &saying_no).expect("odd name");
    write(
        "2030-03-01-000001-bom",
        format!(
            "\u{feff}{}",
            with_id(&saying_no, &no_id, "2030-03-01-000001-bom")
        ),
    );
    for name in FOREIGN {
        std::fs::write(journal.join(name), "not tandem's").expect("foreign");
    }
    Corpus {
        _dir: dir,
        data,
        config,
        escaped,
        copied,
    }
}

/// What is in the folder: each regular file's bytes, each link's target,
/// and the kind of everything else. Nothing that could block is opened.
fn fingerprint(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut seen = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("list").flatten() {
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).expect("meta");
            let what = if meta.is_symlink() {
                format!("link to {:?}", std::fs::read_link(&path).expect("link"))
            } else if meta.is_dir() {
                folders.push(path.clone());
                "folder".to_string()
            } else if meta.is_file() && meta.len() < (1 << 20) {
                format!("{:?}", std::fs::read(&path).expect("read"))
            } else if meta.is_file() {
                format!("{} bytes", meta.len())
            } else {
                format!("{:?}", meta.file_type())
            };
            if entry.file_name() != ".lock" {
                seen.insert(path, what);
            }
        }
    }
    seen
}

/// Nothing a file holds may change the terminal it is printed to.
fn assert_terminal_safe(output: &str, what: &str) {
    assert!(
        !output
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{what} printed a control character:\n{output:?}"
    );
    assert!(
        !output.contains(ELSEWHERE),
        "{what} echoed a file that is not tandem's"
    );
}

#[test]
fn check_reports_every_hostile_file_in_plain_words_and_changes_nothing() {
    let c = corpus();
    let before = fingerprint(&c.data);
    let (code, out, err) = run_within(&c.data, &c.config, &["check"], LIMIT);
    assert_eq!(code, 1, "{out}{err}");
    assert_terminal_safe(&out, "check");
    assert_terminal_safe(&err, "check");
    for (name, words) in HAND_EDITS.iter().chain(NOT_PAGES) {
        let line = out
            .lines()
            .find(|l| l.contains(&format!("{name}.ron:")))
            .unwrap_or_else(|| panic!("{name} is not reported:\n{out}"));
        assert!(line.contains(words), "{name}: {line}");
    }
    assert!(
        out.contains(&format!("{}.ron:1:1: this page says its id is", c.copied)),
        "{out}"
    );
    assert!(
        out.contains("not valid text (UTF-8)"),
        "the odd name: {out}"
    );
    for word in ["Unexpected", "`Page`", "Exercise`", "struct", "enum "] {
        assert!(!out.contains(word), "programmer words ({word}): {out}");
    }
    assert!(!out.contains("bom.ron"), "a byte-order mark is fine: {out}");
    assert!(
        out.contains("escaped.ron:10:9: this name holds a control character"),
        "{out}"
    );
    for name in FOREIGN {
        assert!(!out.contains(name), "{name} is not a page: {out}");
    }
    assert_eq!(fingerprint(&c.data), before, "check changed the folder");

    // The plain words themselves, with the folder's own path left out.
    let shown = out.replace(&c.data.display().to_string(), "<data>");
    let mut lines: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("2030-"))
        .map(|l| l.trim_start_matches("<data>/journal/"))
        .collect();
    lines.sort_unstable();
    insta::assert_snapshot!("check_hostile_messages", lines.join("\n"));
}

#[test]
fn list_show_and_export_finish_say_what_they_skipped_and_change_nothing() {
    let c = corpus();
    let before = fingerprint(&c.data);
    let (code, out, err) = run_within(&c.data, &c.config, &["list"], LIMIT);
    assert_eq!(code, 0, "{err}");
    assert_terminal_safe(&out, "list");
    for (name, _) in NOT_PAGES {
        assert!(
            out.lines()
                .any(|l| l.starts_with(name) && l.contains("cannot be read")),
            "{name}:\n{out}"
        );
    }
    assert!(out.contains("cannot be read; `tandem check` says where and why."));
    assert!(
        out.lines()
            .any(|l| l.starts_with(HAND_EDITS[0].0) && l.contains("read-only")),
        "{out}"
    );

    for id in out.lines().filter_map(|l| l.split_whitespace().next()) {
        if !id.starts_with("20") {
            continue;
        }
        let (_, shown, err) = run_within(&c.data, &c.config, &["show", id], LIMIT);
        assert_terminal_safe(&shown, "show");
        assert_terminal_safe(&err, "show");
    }
    let (_, shown, _) = run_within(&c.data, &c.config, &["show", &c.escaped], LIMIT);
    assert!(shown.contains("Maya␛]0;owned␇�2J"), "{shown}");

    for format in [&["export", "--all"][..], &["export", "--all", "--html"]] {
        let (code, doc, err) = run_within(&c.data, &c.config, format, LIMIT);
        assert_eq!(code, 1, "unreadable pages are skipped, and said so: {err}");
        assert_terminal_safe(&doc, "export");
        assert_terminal_safe(&err, "export");
        assert!(err.contains("skipped, cannot be read"), "{err}");
        assert!(
            doc.contains("Maya␛") && doc.contains("owned␇"),
            "the name is shown, made safe"
        );
    }
    assert_eq!(fingerprint(&c.data), before, "a command changed the folder");
}

#[test]
fn export_writes_new_files_only_and_never_replaces_anything_but_a_file() {
    let c = corpus();
    let out = c.data.parent().expect("parent").join("out.md");
    let args = |path: &Path, force: bool| {
        let mut args = vec![
            "export".to_string(),
            c.escaped.clone(),
            "-o".to_string(),
            path.display().to_string(),
        ];
        if force {
            args.push("--force".to_string());
        }
        args
    };
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_within(&c.data, &c.config, &args, LIMIT)
    };
    let (code, _, err) = run(args(&out, false));
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read(&out).expect("written");
    std::fs::write(&out, "the couple's own notes").expect("replace by hand");
    let (code, _, err) = run(args(&out, false));
    assert_ne!(code, 0);
    assert!(
        err.contains("already there") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&out).expect("kept"),
        b"the couple's own notes"
    );
    let (code, _, err) = run(args(&out, true));
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&out).expect("replaced"), first);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // A pipe or a device is never replaced, even with --force.
    let pipe = c.data.parent().expect("parent").join("pipe.md");
    nix::unistd::mkfifo(&pipe, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    let (code, _, err) = run(args(&pipe, true));
    assert_ne!(code, 0);
    assert!(err.contains("named pipe, not a regular file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&pipe)
            .expect("still there")
            .file_type()
            .is_fifo()
    );
    let (code, _, err) = run(args(Path::new("/dev/full"), true));
    assert_ne!(code, 0);
    assert!(err.contains("a device"), "{err}");
    // Without --force, the advice is what will work, not --force.
    let (code, _, err) = run(args(Path::new("/dev/null"), false));
    assert_ne!(code, 0);
    assert!(
        err.contains("-o - > /dev/null") && !err.contains("--force"),
        "{err}"
    );
    let folder = c.data.parent().expect("parent").to_path_buf();
    let (code, _, err) = run(args(&folder, true));
    assert_ne!(code, 0);
    assert!(
        err.contains("is a folder: give the name of a file inside it"),
        "{err}"
    );

    // `-o -` is standard output.
    let (code, doc, _) = run(args(Path::new("-"), false));
    assert_eq!(code, 0);
    assert!(doc.starts_with("# Boundary map"), "{doc}");
    let leftovers: Vec<_> = std::fs::read_dir(c.data.parent().expect("parent"))
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tandem"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

use std::os::unix::fs::FileTypeExt;

#[test]
fn the_workbook_lists_them_answers_keys_and_quits_at_once() {
    let c = corpus();
    let before = fingerprint(&c.data);
    let mut tui = Tui::spawn(&c.data, &c.config, 120, 40);
    let screen = tui.wait_for("named pipe");
    assert!(!screen.contains(ELSEWHERE), "{screen}");
    // Every page was read, the pipe and the device among them.
    tui.send("b");
    tui.wait_for("Journal");
    let asked = Instant::now();
    tui.send("q");
    let status = tui.wait_exit();
    assert!(
        asked.elapsed() < Duration::from_secs(1),
        "quitting took {:?}",
        asked.elapsed()
    );
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    assert_eq!(
        fingerprint(&c.data),
        before,
        "the workbook changed the folder"
    );
}

#[test]
fn a_hand_edited_page_opens_read_only_and_is_never_rewritten() {
    let c = corpus();
    let before = fingerprint(&c.data);
    let mut h = common::Harness::open(&c.data, None);
    for (name, _) in HAND_EDITS {
        let summary = h
            .app
            .journal
            .pages
            .iter()
            .find(|p| p.id == *name)
            .unwrap_or_else(|| panic!("{name} is listed"));
        let reason = summary.read_only.clone().expect("read-only");
        assert!(
            reason.contains(&format!("journal/{name}.ron:")),
            "{name}: {reason}"
        );
        h.send(tandem::app::Event::key(
            ratatui::crossterm::event::KeyCode::Esc,
        ));
    }
    // Opening one, trying to add a note and to save, then quitting.
    h.press(ratatui::crossterm::event::KeyCode::Char('b'));
    while h
        .app
        .journal_view
        .selected_page(&h.app.journal)
        .is_some_and(|p| p.id != HAND_EDITS[0].0)
    {
        h.press(ratatui::crossterm::event::KeyCode::Down);
    }
    h.press(ratatui::crossterm::event::KeyCode::Enter);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Read-only: tandem does not understand"),
        "{screen}"
    );
    let footer = screen.lines().last().unwrap_or_default();
    assert!(!footer.contains("later note"), "{footer}");
    h.press(ratatui::crossterm::event::KeyCode::Char('a'));
    h.type_text("a later thought");
    h.press(ratatui::crossterm::event::KeyCode::Esc);
    h.ctrl('s');
    h.ctrl('c');
    assert_eq!(fingerprint(&c.data), before, "a read-only page was written");
}

/// An exercise file as a couple might write one, with one mistake.
fn exercise_with(field: &str, extra: &str) -> String {
    format!(
        "(\n    version: 1,\n    id: \"ours\",\n    title: \"Our own\",\n    category: Needs,\n    intro: \"Why.\",\n{extra}    steps: [\n        (\n            id: \"one\",\n            prompt: \"What?\",\n            field: {field},\n        ),\n    ],\n)\n"
    )
}

#[test]
fn check_words_every_kind_of_mistake_plainly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let config = dir.path().join("config");
    let exercises = config.join("exercises");
    std::fs::create_dir_all(&exercises).expect("exercises");
    std::fs::create_dir_all(data.join("journal")).expect("journal");
    let text = "Text(placeholder: \"\")";
    let files = [
        (
            "a-missing-title",
            exercise_with(text, "").replace("    title: \"Our own\",\n", ""),
        ),
        ("b-slider", exercise_with("Slider(min: 1, max: 5)", "")),
        (
            "c-category",
            exercise_with(text, "").replace("Needs", "Feelings"),
        ),
        ("d-minutes", exercise_with(text, "    minutes: \"ten\",\n")),
        ("e-twice", exercise_with(text, "    title: \"Again\",\n")),
        (
            "f-unclosed",
            exercise_with(text, "").replace("\"Why.\"", "\"Why."),
        ),
        ("g-trailing", format!("{} )", exercise_with(text, ""))),
        (
            "h-comma",
            exercise_with(text, "").replace("\"Why.\",", "\"Why.\""),
        ),
        ("i-empty", String::new()),
        (
            "j-scale",
            exercise_with("Scale(min: 5, max: 1, low: \"a\", high: \"b\")", ""),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(exercises.join(format!("{name}.ron")), text).expect("write");
    }
    let outside = dir.path().join("shadow");
    std::fs::write(&outside, format!("{ELSEWHERE}\n")).expect("outside");
    std::os::unix::fs::symlink(&outside, exercises.join("k-link.ron")).expect("link");
    std::fs::write(data.join("couple.ron"), "").expect("empty couple");
    let (code, out, err) = run_within(&data, &config, &["check"], LIMIT);
    assert_eq!(code, 1, "{err}");
    assert_terminal_safe(&out, "check");
    for word in [
        "Unexpected",
        "`Exercise`",
        "`Field`",
        "VersionProbe",
        "struct",
        "enum ",
    ] {
        assert!(!out.contains(word), "programmer words ({word}): {out}");
    }
    let shown = out
        .replace(&config.display().to_string(), "<config>")
        .replace(&data.display().to_string(), "<data>");
    insta::assert_snapshot!("check_plain_words", shown);
}

#[test]
fn the_workbook_shows_control_characters_as_visible_marks() {
    let c = corpus();
    let mut h = common::Harness::open(&c.data, None);
    h.press(ratatui::crossterm::event::KeyCode::Char('b'));
    while h
        .app
        .journal_view
        .selected_page(&h.app.journal)
        .is_some_and(|p| p.id != c.escaped)
    {
        h.press(ratatui::crossterm::event::KeyCode::Down);
    }
    h.press(ratatui::crossterm::event::KeyCode::Enter);
    let screen = h.screen(120, 40);
    assert!(screen.contains("Maya␛]0;owned␇�2J"), "{screen}");
}

#[test]
fn every_way_of_reading_finds_the_same_pages_summaries_and_problems() {
    use tandem::app::PageSummary;
    use tandem::journal::{Store, reader};
    use tandem::summaries::{CACHE_FROM, Cache, read_summaries};

    let c = corpus_of(CACHE_FROM);
    let before = fingerprint(&c.data);
    let store = Store::open_read_only(&c.data);
    let library = Library::load(Some(&c.config.join("exercises")));
    let ids = store.page_ids().expect("ids");
    let summary = |read: reader::Read| read.map(|l| PageSummary::of(&l.page, &l.access));
    let one_by_one: BTreeMap<String, _> = ids
        .iter()
        .map(|id| (id.clone(), summary(store.load_page(id, &library))))
        .collect();
    let parallel: BTreeMap<String, _> = reader::read_all(&store, &library, &ids, |id, read| {
        (id.to_string(), summary(read))
    })
    .into_iter()
    .collect();
    assert_eq!(parallel, one_by_one);
    let problems = one_by_one.values().filter(|s| s.is_err()).count();
    assert!(problems >= NOT_PAGES.len(), "{problems} problems");

    let folder = tempfile::tempdir().expect("cache folder");
    let cache = Cache::new(folder.path(), &store, &library).settled_after(Duration::ZERO);
    for (time, expect_from_cache) in [("first", false), ("second", true)] {
        let mut got = BTreeMap::new();
        let reading = read_summaries(&store, &library, Some(&cache), &ids, |batch| {
            got.extend(batch);
            true
        });
        assert_eq!(got, one_by_one, "{time} time");
        // Pipes, devices, links and folders are never taken from the cache.
        assert_eq!(reading.from_cache > 0, expect_from_cache, "{reading:?}");
        assert!(reading.from_files >= 4, "{reading:?}");
    }
    assert_eq!(fingerprint(&c.data), before, "reading changed the folder");
}
