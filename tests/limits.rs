//! Sizes and shapes tandem refuses with a clear message instead of taking
//! in: names too long or holding control characters, pastes larger than an
//! answer holds, and journal folders others could read.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::pty::{Tui, run};
use common::{Harness, name_couple, start_boundary_map};
use ratatui::crossterm::event::KeyCode;
use tandem::app::Screen;
use tandem::journal::Store;
use tandem::model::{Answer, MAX_ANSWER_BYTES, MAX_NAME_CHARS, Partner};

#[test]
fn a_name_with_control_characters_is_refused_at_onboarding() {
    let mut h = Harness::new();
    h.paste("Alex\u{1b}]0;owned\u{7}");
    let screen = h.screen(80, 24);
    assert!(screen.contains("control characters"), "{screen}");
    h.press(KeyCode::Tab);
    h.type_text("Sam");
    h.press(KeyCode::Enter);
    assert!(
        matches!(h.app.screen, Screen::Onboarding(_)),
        "no first name yet"
    );
    h.type_text("Alex");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.couple.as_ref().map(|c| c.names.clone()),
        Some(["Alex".to_string(), "Sam".to_string()])
    );
}

#[test]
fn a_name_longer_than_the_limit_is_refused_with_a_message() {
    let mut h = Harness::new();
    h.paste(&"x".repeat(20 << 20));
    let screen = h.screen(80, 24);
    assert!(screen.contains("at most 60 characters"), "{screen}");
    h.type_text(&"a".repeat(MAX_NAME_CHARS + 5));
    let Screen::Onboarding(o) = &h.app.screen else {
        panic!("still onboarding");
    };
    assert_eq!(o.names[0].lines()[0].chars().count(), MAX_NAME_CHARS);
    assert!(h.screen(80, 24).contains("at most 60 characters"));
}

#[test]
fn a_couple_file_with_a_huge_name_is_not_read_into_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data");
    let name = "x".repeat(20 << 20);
    let text =
        format!("(version: 1, names: (\"{name}\", \"Sam\"), created: \"2026-01-01T00:00:00Z\")");
    std::fs::write(data.join("couple.ron"), &text).expect("write");
    let (code, out, _) = run(&data, &dir.path().join("config"), &["check"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("couple.ron:1:1: the file is 21 MB, more than the 64 KB"),
        "{out}"
    );
    let long = format!(
        "(version: 1, names: (\"{}\", \"Sam\"), created: \"2026-01-01T00:00:00Z\")",
        "y".repeat(200)
    );
    std::fs::write(data.join("couple.ron"), &long).expect("write");
    let (_, out, _) = run(&data, &dir.path().join("config"), &["check"]);
    assert!(
        out.contains("couple.ron:1:22: the first partner's name is 200 characters long; names can be at most 60"),
        "{out}"
    );
}

#[test]
fn a_paste_larger_than_an_answer_holds_is_refused_whole() {
    let mut h = Harness::new();
    name_couple(&mut h);
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("kept");
    h.paste(&"y".repeat(MAX_ANSWER_BYTES));
    let screen = h.screen(100, 30);
    assert!(screen.contains("That paste is 8 MB"), "{screen}");
    assert!(screen.contains("nothing was added"), "{screen}");
    h.ctrl('s');
    let page = common::newest_page(&h);
    assert_eq!(
        page.entry(Partner::First).answers.get("area"),
        Some(&Answer::Text("kept".into()))
    );
}

#[test]
fn folders_others_could_read_are_made_private_once_and_said_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("journal")).expect("folders");
    for folder in [&data, &data.join("journal")] {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut tui = Tui::spawn(&data, &dir.path().join("config"), 100, 30);
    let screen = tui.wait_for("made them private");
    assert!(screen.contains("could be read by other people"), "{screen}");
    tui.send(common::pty::ESC);
    tui.wait_for("Welcome to tandem");
    tui.send(common::pty::CTRL_C);
    let status = tui.wait_exit();
    assert!(
        matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    for folder in [&data, &data.join("journal")] {
        let mode = std::fs::metadata(folder)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
    }
    let store = Store::open(&data).expect("open again");
    assert!(store.tightened.is_empty(), "only once");
}
