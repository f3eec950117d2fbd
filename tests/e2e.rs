//! The real binary in a pseudo-terminal: what a couple does, and what it
//! leaves on disk.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use common::pty::*;
use expectrl::process::unix::{Signal, WaitStatus};

struct Dirs {
    _root: tempfile::TempDir,
    data: std::path::PathBuf,
    config: std::path::PathBuf,
}

fn dirs() -> Dirs {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("data");
    let config = root.path().join("config");
    Dirs {
        data,
        config,
        _root: root,
    }
}

fn answer_as(tui: &mut Tui, name: &str, words: [&str; 4]) {
    tui.wait_for(&format!("{name}'s turn · step 1 of 6"));
    tui.send("1");
    tui.send(DOWN);
    tui.send("3");
    tui.send(TAB);
    for text in words {
        tui.type_text(text);
        tui.send(TAB);
    }
    tui.send(RIGHT);
    tui.send(TAB);
    tui.wait_for(&format!("That's every step, {name}."));
    tui.send(ENTER);
}

fn page_ids(data: &std::path::Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(data.join("journal"))
        .expect("journal folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron") && !n.starts_with('.'))
        .map(|n| n.trim_end_matches(".ron").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_first_evening_with_the_boundary_map_then_list_and_export() {
    let d = dirs();
    let mut tui = Tui::spawn(&d.data, &d.config, 100, 30);
    onboard(&mut tui);
    start_boundary_map(&mut tui);
    begin_turn(&mut tui);
    answer_as(
        &mut tui,
        "Alex",
        [
            "Plans made without me",
            "Left out",
            "Ask me first",
            "I will say so",
        ],
    );
    tui.wait_for("Sam, it's your turn.");
    begin_turn(&mut tui);
    answer_as(
        &mut tui,
        "Sam",
        [
            "Questions at the door",
            "Crowded",
            "Time to land",
            "I will ask for it",
        ],
    );
    tui.wait_for_all(&["side by side", "Left out", "Crowded"]);
    tui.send(ENTER);
    tui.wait_for("Together · step 1 of 4");
    tui.type_text("You want to be asked first");
    tui.send(TAB);
    tui.type_text("You need time to land");
    tui.send(TAB);
    tui.type_text("Our maps differ on money");
    tui.send(TAB);
    tui.type_text("We ask before making weekend plans");
    tui.send(TAB);
    tui.wait_for("Finished talking it over?");
    tui.send(ENTER);
    tui.wait_for("What you each wrote");
    tui.send("G");
    tui.wait_for("We ask before making weekend plans [in use]");
    tui.send("q");
    assert!(matches!(tui.wait_exit(), WaitStatus::Exited(_, 0)));

    let ids = page_ids(&d.data);
    assert_eq!(ids.len(), 1, "{ids:?}");
    let (code, list, _) = run(&d.data, &d.config, &["list"]);
    assert_eq!(code, 0);
    assert!(
        list.contains(&ids[0]) && list.contains("Boundary map"),
        "{list}"
    );
    assert!(list.contains("talked over"), "{list}");

    let (code, markdown, _) = run(&d.data, &d.config, &["export", &ids[0]]);
    assert_eq!(code, 0);
    for expected in [
        "# Boundary map",
        "| Alex | Sam |",
        "| Left out | Crowded |",
        "- We ask before making weekend plans (in use)",
    ] {
        assert!(
            markdown.contains(expected),
            "{expected:?} missing:\n{markdown}"
        );
    }

    let out = d.data.join("export.md");
    let (code, _, _) = run(
        &d.data,
        &d.config,
        &["export", "--all", "-o", out.to_str().expect("utf-8 path")],
    );
    assert_eq!(code, 0);
    let mode = std::fs::metadata(&out)
        .expect("export written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn words_typed_ahead_never_answer_the_private_question() {
    let d = dirs();
    let mut tui = Tui::spawn(&d.data, &d.config, 100, 30);
    onboard(&mut tui);
    start_boundary_map(&mut tui);
    // Enter, and straight on typing as if the turn had begun: "you" holds
    // both a "y" and a "u", and "no" an "n".
    tui.send(ENTER);
    tui.type_text("you know no");
    tui.wait_for("Can you answer honestly here");
    std::thread::sleep(std::time::Duration::from_millis(800));
    let asked = tui.screen();
    assert!(
        asked.contains("Can you answer honestly here")
            && !asked.contains("When it does not feel safe"),
        "the question is still asked, nothing answered for the partner:\n{asked}"
    );
    tui.send("y");
    tui.wait_for("Alex's turn · step 1 of 6");
}

#[test]
fn a_kill_in_the_middle_of_typing_loses_at_most_a_few_seconds() {
    let d = dirs();
    let mut tui = Tui::spawn(&d.data, &d.config, 100, 30);
    onboard(&mut tui);
    start_boundary_map(&mut tui);
    begin_turn(&mut tui);
    tui.wait_for("step 1 of 6");
    tui.send(TAB);
    tui.type_text("words typed before the crash");
    tui.wait_for("words typed before the crash");
    // Autosave runs two seconds after the first unsaved change.
    std::thread::sleep(Duration::from_millis(2600));
    tui.kill(Signal::SIGKILL);
    tui.wait_exit();

    let mut again = Tui::spawn(&d.data, &d.config, 100, 30);
    let home = again.wait_for("Continue");
    assert!(home.contains("in progress — Alex has started"), "{home}");
    again.send(ENTER);
    again.wait_for("Alex, it's your turn.");
    begin_turn(&mut again);
    again.wait_for("words typed before the crash");
    again.send(CTRL_C);
    again.wait_exit();
}

#[test]
fn sigterm_saves_the_draft() {
    a_signal_saves_the_draft(Signal::SIGTERM);
}

#[test]
fn sighup_saves_the_draft() {
    a_signal_saves_the_draft(Signal::SIGHUP);
}

fn a_signal_saves_the_draft(signal: Signal) {
    let d = dirs();
    let mut tui = Tui::spawn(&d.data, &d.config, 100, 30);
    onboard(&mut tui);
    start_boundary_map(&mut tui);
    begin_turn(&mut tui);
    tui.send(TAB);
    tui.type_text("said just now");
    tui.wait_for("said just now");
    assert!(
        !tui.left_alternate_screen(),
        "the workbook draws on its own screen"
    );
    tui.kill(signal);
    assert!(matches!(tui.wait_exit(), WaitStatus::Exited(_, 0)));
    assert!(
        tui.left_alternate_screen(),
        "the terminal is given back as it was"
    );
    let ids = page_ids(&d.data);
    let page = std::fs::read_to_string(d.data.join("journal").join(format!("{}.ron", ids[0])))
        .expect("page saved");
    assert!(page.contains("said just now"), "{page}");
}

#[test]
fn a_second_copy_on_the_same_journal_is_refused() {
    let d = dirs();
    let mut first = Tui::spawn(&d.data, &d.config, 80, 24);
    first.wait_for("Welcome to tandem");
    let (code, _, stderr) = run(&d.data, &d.config, &[]);
    assert_ne!(code, 0);
    assert!(stderr.contains("already open"), "{stderr}");
    // The first copy is unaffected.
    first.type_text("Alex");
    first.wait_for("Alex");
    first.send(CTRL_C);
    first.wait_exit();
}

#[test]
fn a_damaged_page_is_reported_left_alone_and_the_app_still_opens() {
    let d = dirs();
    let journal = d.data.join("journal");
    std::fs::create_dir_all(&journal).expect("journal folder");
    std::fs::write(
        d.data.join("couple.ron"),
        "(version: 1, names: (\"Alex\", \"Sam\"), created: \"2026-11-01T10:00:00Z\")",
    )
    .expect("couple");
    let garbage = journal.join("2026-11-02-100000-boundary-map.ron");
    let bytes = b"(\n    version: 1,\n    id: \"x\",\n    exercise: oops here\n)\n".to_vec();
    std::fs::write(&garbage, &bytes).expect("garbage page");

    let (code, out, _) = run(&d.data, &d.config, &["check"]);
    assert_eq!(code, 1, "{out}");
    let expected = format!("{}:4:", garbage.display());
    assert!(out.contains(&expected), "{expected:?} not in:\n{out}");

    let mut tui = Tui::spawn(&d.data, &d.config, 100, 30);
    let home = tui.wait_for("Could not be read");
    assert!(
        home.contains("2026-11-02-100000-boundary-map.ron:4:"),
        "{home}"
    );
    tui.send("q");
    tui.wait_exit();
    assert_eq!(std::fs::read(&garbage).expect("still there"), bytes);
}

/// Every file below `dir`, for checking that nothing was written there.
fn files_below(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files_below(&path));
            } else {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn the_demo_opens_a_fictional_journal_and_leaves_nothing_behind() {
    let root = tempfile::tempdir().expect("temp dir");
    let home = root.path().join("home");
    let tmp = root.path().join("tmp");
    std::fs::create_dir_all(&home).expect("home");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let mut command = std::process::Command::new(BIN);
    command
        .arg("--demo")
        .env("HOME", &home)
        .env("TMPDIR", &tmp)
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("TANDEM_DATA_DIR")
        .env_remove("TANDEM_CONFIG_DIR");
    let mut tui = Tui::spawn_command(command, 100, 30);
    tui.wait_for("Hello, Maya and Jonas.");
    // While it runs, the journal lives in the temporary folder.
    assert!(!files_below(&tmp).is_empty());
    tui.send("b");
    tui.wait_for("70 of 70 pages");
    tui.send("/");
    tui.type_text("sister");
    tui.send(ENTER);
    tui.send(ENTER);
    // The page opens at its top, then moves to the first match: waited
    // for, as the two frames may reach the terminal apart.
    let page = tui.wait_for("side by side");
    assert!(page.contains("Time together, time apart"), "{page}");
    tui.wait_for("sister");
    tui.send("q");
    assert!(matches!(tui.wait_exit(), WaitStatus::Exited(_, 0)));
    assert!(files_below(&home).is_empty(), "{:?}", files_below(&home));
    assert!(files_below(&tmp).is_empty(), "{:?}", files_below(&tmp));
}

#[test]
fn the_command_line_exports_with_filters_as_markdown_and_html() {
    let d = dirs();
    let library = tandem::content::Library::load(None);
    tandem::demo::generate(&library, 70, tandem::demo::DEMO_SEED)
        .write(&d.data)
        .expect("demo journal");

    let (code, markdown, _) = run(
        &d.data,
        &d.config,
        &[
            "export",
            "--exercise",
            "weekly-check-in",
            "--since",
            "2025-06-01",
            "--until",
            "2025-06-30",
        ],
    );
    assert_eq!(code, 0);
    let pages = markdown.matches("# Weekly check-in — ").count();
    assert!(
        (3..=6).contains(&pages),
        "{pages} check-ins in June:\n{markdown}"
    );
    assert!(!markdown.contains("Needs inventory"));
    assert!(markdown.contains(" Jun 2025"));
    assert!(!markdown.contains(" May 2025 "));
    assert!(markdown.contains("| Maya | Jonas |"));

    let out = d.data.join("journal.html");
    let (code, _, _) = run(
        &d.data,
        &d.config,
        &["export", "--all", "-o", out.to_str().expect("utf-8 path")],
    );
    assert_eq!(code, 0);
    let html = std::fs::read_to_string(&out).expect("html written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<article>").count(), 70);
    assert!(html.contains(r#"<th dir="auto">Maya</th><th dir="auto">Jonas</th>"#));
    assert!(html.contains("The answers are private until both partners have finished."));
    // Answers in any script read in their own direction; a heading stays
    // with its section, and a page of one line shares its printed sheet.
    assert!(html.contains(r#"<td dir="auto">"#));
    assert!(html.contains("h2 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; break-after: avoid;"));
    assert!(html.contains(r#"<p class="quiet private" dir="auto">"#));
    assert!(html.contains("article:has(p.private) { break-after: auto; }"));
    assert!(!html.contains("<script"));
    let mode = std::fs::metadata(&out).expect("file").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn export_says_plainly_when_an_exercise_or_a_day_is_not_understood() {
    let d = dirs();
    let library = tandem::content::Library::load(None);
    tandem::demo::generate(&library, 20, tandem::demo::DEMO_SEED)
        .write(&d.data)
        .expect("demo journal");

    let (code, out, err) = run(&d.data, &d.config, &["export", "--exercise", "nope"]);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("there is no exercise \"nope\""), "{err}");
    let (code, _, err) = run(
        &d.data,
        &d.config,
        &["export", "--exercise", "weekly-chek-in"],
    );
    assert_ne!(code, 0);
    assert!(err.contains("Did you mean weekly-check-in?"), "{err}");

    // A title does as well as an id.
    let (code, markdown, _) = run(
        &d.data,
        &d.config,
        &["export", "--exercise", "weekly check-in"],
    );
    assert_eq!(code, 0);
    assert!(markdown.contains("# Weekly check-in — "));

    let (code, _, err) = run(
        &d.data,
        &d.config,
        &["export", "--all", "--since", "last week"],
    );
    assert_ne!(code, 0);
    assert!(err.contains("write the day as year-month-day"), "{err}");
    assert!(!err.contains("four digit"), "{err}");

    // Understood, but nothing in the journal is that recent.
    let (code, out, err) = run(&d.data, &d.config, &["export", "--since", "today"]);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("no page matches"), "{err}");
}

#[test]
fn plain_mode_from_the_environment_reads_top_to_bottom_with_the_cursor_on_the_focus() {
    let d = dirs();
    let mut command = std::process::Command::new(BIN);
    command
        .arg("--data-dir")
        .arg(&d.data)
        .arg("--config-dir")
        .arg(&d.config)
        .env("TANDEM_PLAIN", "1");
    let mut tui = Tui::spawn_command(command, 80, 24);
    onboard(&mut tui);
    start_boundary_map(&mut tui);
    tui.wait_for("Selected: Alex goes first");
    begin_turn(&mut tui);
    tui.wait_for("Selected: Time on my own — How it feels: not answered");
    tui.send("2");
    let screen = tui.wait_for("Just set: Time on my own — How it feels: not fine");
    assert!(
        !screen
            .chars()
            .any(|c| ('\u{2500}'..='\u{25FF}').contains(&c)),
        "no box drawing:\n{screen}"
    );
    // The cursor shows, on the row now selected.
    let (row, _) = tui.cursor().expect("the cursor shows");
    let line = screen.lines().nth(usize::from(row)).unwrap_or_default();
    assert!(
        line.contains("› Time with my friends and family"),
        "cursor on {line:?} in\n{screen}"
    );
    tui.send(TAB);
    tui.wait_for("Writing in: Alex's turn · step 2 of 6");
    tui.type_text("When plans change");
    tui.wait_for("When plans change");
    tui.send(CTRL_C);
    tui.wait_exit();
    let ids = page_ids(&d.data);
    assert_eq!(ids.len(), 1);
    let saved = std::fs::read_to_string(d.data.join("journal").join(format!("{}.ron", ids[0])))
        .expect("page saved");
    assert!(saved.contains("When plans change"), "{saved}");
}
