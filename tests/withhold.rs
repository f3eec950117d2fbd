//! What a partner may hold back: a step passed, and the private question
//! before a sensitive exercise; and the way to the safety screen.

mod common;

use common::pty::run;
use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{Overlay, Screen};
use tandem::keymap::{self, Action, KeyContext};

const SECRET: &str = "Something I would rather not say yet";

/// Everything under the journal folder, as text.
fn every_file(h: &Harness) -> String {
    let mut all = String::new();
    let mut folders = vec![h.data_dir().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("list").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                all.push_str(&String::from_utf8_lossy(
                    &std::fs::read(&path).expect("read"),
                ));
            }
        }
    }
    all
}

/// Alex writes `SECRET` on the boundary map's second step, then passes
/// it; the rest is answered as usual, then Sam answers all of it.
fn alex_passes_the_second_step(h: &mut Harness) {
    start_boundary_map(h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Tab);
    h.type_text(SECRET);
    h.press(KeyCode::F(3));
    assert!(
        matches!(h.app.overlay, Some(Overlay::Confirm { .. })),
        "an answer is cleared only after a yes"
    );
    h.press(KeyCode::Char('y'));
    assert!(
        h.last_frame.contains("You passed this step"),
        "{}",
        h.last_frame
    );
    assert!(!h.last_frame.contains(SECRET), "{}", h.last_frame);
    answer_boundary_map_after_step_2(h, &ALEX);
    assert!(
        h.last_frame
            .contains("You answered 5 of 6, and passed the rest."),
        "{}",
        h.last_frame
    );
    sam_answers_after_alex(h);
}

#[test]
fn a_passed_step_says_passed_at_the_reveal_in_show_and_in_export() {
    let mut h = Harness::with_couple();
    alex_passes_the_second_step(&mut h);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    let page = newest_page(&h);
    let alex = &page.entries[0];
    assert!(alex.passed.contains("area"), "{:?}", alex.passed);
    assert!(!alex.answers.contains_key("area"));

    h.resize(120, 60);
    let screen = h.last_frame.clone();
    assert!(screen.contains("(passed)"), "{screen}");
    assert!(screen.contains(SAM.area), "the other's answer is shown");
    assert!(!every_file(&h).contains(SECRET));

    let config = h.data_dir().join("config");
    let (code, shown, _) = run(h.data_dir(), &config, &["show", &page.id]);
    assert_eq!(code, 0);
    assert!(
        shown.contains("(passed)") && shown.contains("When questions start"),
        "{shown}"
    );
    let (code, markdown, _) = run(h.data_dir(), &config, &["export", &page.id]);
    assert_eq!(code, 0);
    assert!(markdown.contains("(passed)"), "{markdown}");
    assert!(!markdown.contains(SECRET));
}

#[test]
fn a_pass_is_taken_back_by_the_same_key_or_by_answering_after_all() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    // Nothing written yet: passing needs no question.
    h.press(KeyCode::F(3));
    assert!(h.app.overlay.is_none());
    assert!(h.last_frame.contains("You passed this step"));
    h.press(KeyCode::F(3));
    assert!(!h.last_frame.contains("You passed this step"));
    h.alt(KeyCode::Char('p'));
    assert!(h.last_frame.contains("You passed this step"));
    h.type_text("After all");
    assert!(!h.last_frame.contains("You passed this step"));
    h.ctrl('s');
    let page = newest_page(&h);
    assert!(page.entries[0].passed.is_empty());
    assert_eq!(
        page.entries[0].answers.get("area"),
        Some(&tandem::model::Answer::Text("After all".into()))
    );
}

#[test]
fn the_private_question_comes_before_a_sensitive_turn_and_is_kept_nowhere() {
    let mut h = Harness::with_couple();
    h.says_safe = false;
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.overlay, Some(Overlay::SafeToAnswer { .. })));
    assert!(
        h.last_frame.contains("Can you answer honestly here"),
        "{}",
        h.last_frame
    );
    // Enter is not an answer: it must not be given by a key pressed twice.
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.overlay, Some(Overlay::SafeToAnswer { .. })));
    h.press(KeyCode::Char('u'));
    assert!(matches!(h.app.overlay, Some(Overlay::Safety)));
    h.resize(100, 40);
    assert!(h.last_frame.contains("When it does not feel safe"));
    h.press(KeyCode::Esc);
    assert!(
        h.last_frame.contains("F3 passes any step"),
        "{}",
        h.last_frame
    );
    h.ctrl('s');
    let files = every_file(&h);
    for word in ["honest", "sure", "SafeToAnswer", "afraid", "safe"] {
        assert!(!files.contains(word), "{word} is in a file");
    }

    // Alex finishes; Sam is asked the same, and sees nothing of Alex's.
    answer_boundary_map(&mut h, &ALEX);
    h.press(KeyCode::Enter);
    assert!(h.last_frame.contains("Sam, it's your turn"));
    assert!(!h.last_frame.contains("sure"), "{}", h.last_frame);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.overlay, Some(Overlay::SafeToAnswer { .. })));
    assert!(h.last_frame.contains("Sam, a question for you alone"));
    h.press(KeyCode::Char('y'));
    assert!(h.app.overlay.is_none());
    assert!(!h.last_frame.contains("F3 passes any step"));
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);
    h.resize(160, 60);
    for word in ["sure", "honest", "afraid"] {
        assert!(!h.last_frame.contains(word), "{word}: {}", h.last_frame);
    }
}

#[test]
fn an_exercise_not_marked_sensitive_asks_nothing() {
    let mut h = Harness::with_couple();
    h.says_safe = false;
    start_exercise(&mut h, "weekly-check-in");
    h.press(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    assert!(matches!(h.app.screen, Screen::Turn(_)));
}

#[test]
fn the_safety_screen_is_one_key_from_every_help_and_on_the_way_into_an_exercise() {
    let bang = KeyCode::Char('!');
    let key = ratatui::crossterm::event::KeyEvent::from(bang);
    assert_eq!(keymap::resolve(KeyContext::Help, key), Some(Action::Safety));
    for context in [
        KeyContext::Home,
        KeyContext::Library,
        KeyContext::HandoffChoosing,
        KeyContext::Handoff,
    ] {
        let footer = keymap::table(context)
            .into_iter()
            .any(|b| b.in_footer() && b.actions().any(|a| a == Action::Safety));
        assert!(footer, "{context:?} offers it in its footer");
    }

    let mut h = Harness::with_couple();
    h.press(bang);
    assert!(matches!(h.app.overlay, Some(Overlay::Safety)));
    assert!(h.last_frame.contains("When it does not feel safe"));
    h.press(KeyCode::Esc);
    // From inside a text box, where `!` is text: through the help.
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.press(KeyCode::F(1));
    assert!(
        h.last_frame.contains("when it does not feel safe"),
        "{}",
        h.last_frame
    );
    h.press(bang);
    assert!(matches!(h.app.overlay, Some(Overlay::Safety)));
    h.press(KeyCode::Esc);
    h.press(bang);
    h.ctrl('s');
    assert_eq!(
        newest_page(&h).entries[0].answers.get("area"),
        Some(&tandem::model::Answer::Text("!".into())),
        "in a text box, ! is typed"
    );
}

#[test]
fn the_safety_screen_starts_with_who_to_call_and_never_breaks_a_number() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('!'));
    // At 80×24 a number to call is on the first screen, before the signs.
    let first = h.screen(80, 24);
    assert!(first.contains("Who to call"), "{first}");
    assert!(first.contains("1-800-799-7233"), "{first}");
    assert!(!first.contains("Some signs"), "{first}");
    // Services are listed country by country: every UK line together.
    let tall = h.screen(60, 400);
    let at = |s: &str| tall.find(s).unwrap_or_else(|| panic!("{s}:\n{tall}"));
    assert!(at("United Kingdom") < at("Men's Advice Line"));
    // The heading of a country is a line of its own.
    let heading = |name: &str| {
        let line = tall
            .lines()
            .position(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()) == name)
            .unwrap_or_else(|| panic!("no heading {name}:\n{tall}"));
        tall.lines().take(line).map(|l| l.len() + 1).sum::<usize>()
    };
    assert!(heading("United Kingdom") < at("Domestic and Sexual Abuse Helpline"));
    assert!(at("Domestic and Sexual Abuse Helpline") < heading("Ireland"));
    assert!(at("Who to call") < at("Difficult, or unsafe?"));
    // However narrow, no number is split across two lines.
    for width in [36, 44, 60, 80] {
        let screen = h.screen(width, 400);
        let inside: Vec<String> = screen
            .lines()
            .map(|l| {
                l.trim_matches(|c: char| c == '│' || c.is_whitespace())
                    .to_string()
            })
            .collect();
        for pair in inside.windows(2) {
            let ends = pair[0].chars().last().is_some_and(|c| c.is_ascii_digit());
            let starts = pair[1].chars().next().is_some_and(|c| c.is_ascii_digit());
            assert!(
                !(ends && starts),
                "a number broken at {width} columns:\n{}\n{}",
                pair[0],
                pair[1]
            );
        }
    }
}
