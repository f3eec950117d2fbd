//! Sealed until the reveal: a partner with a passphrase has their
//! unrevealed words sealed in every file, opens them with it at each
//! moment of theirs, and keeps working when a passphrase is wrong, changed
//! or forgotten.

mod common;

use std::path::Path;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{Overlay, Screen};
use tandem::model::{EntryStatus, Partner};

const PASSPHRASE: &str = "a kettle on the hill";
const WORDS: [&str; 3] = ["Zanzibarquill", "Orchidlantern", "Velvetcompass"];

/// Every regular file under `folder`, as text, with its path.
fn files_under(folder: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(read) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in read.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.push((
                    path.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ));
            }
        }
    }
    out
}

fn found_anywhere(folder: &Path, word: &str) -> Vec<String> {
    files_under(folder)
        .into_iter()
        .filter(|(_, text)| text.contains(word))
        .map(|(path, _)| path)
        .collect()
}

/// Alex, whose passphrase is `passphrase`, writes the three words on the
/// boundary map's text steps and stops there (saved).
fn alex_writes(h: &mut Harness, passphrase: &str) {
    start_boundary_map(h);
    h.press(KeyCode::Enter);
    enter_passphrase(h, passphrase);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Tab);
    write_steps(h, &WORDS);
    h.press(KeyCode::Esc);
}

#[test]
fn a_passphrase_keeps_a_key_only_it_opens_and_its_public_half_in_the_couple_file() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    let couple = std::fs::read_to_string(h.data_dir().join("couple.ron")).expect("couple");
    assert!(couple.contains("age1"), "{couple}");
    let key_file = h.data_dir().join("keys").join("first.age");
    let key = std::fs::read_to_string(&key_file).expect("key file");
    assert!(key.contains("\n-----BEGIN AGE ENCRYPTED FILE-----"));
    let public = h.app.couple.as_ref().and_then(|c| c.key(Partner::First));
    assert_eq!(
        tandem::seal::stated_public_key(&key),
        public,
        "the key file says its public half, for `check`"
    );
    assert!(
        !key.contains("AGE-SECRET-KEY"),
        "the key itself is encrypted"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key_file)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(h.app.seals(Partner::First));
    assert!(!h.app.seals(Partner::Second));
}

#[test]
fn a_passphrase_too_short_or_typed_differently_twice_is_asked_again() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, "short");
    assert!(
        h.last_frame.contains("at least 8 characters"),
        "{}",
        h.last_frame
    );
    enter_passphrase(&mut h, PASSPHRASE);
    enter_passphrase(&mut h, "a kettle on the hull");
    assert!(h.last_frame.contains("did not match"), "{}", h.last_frame);
    h.press(KeyCode::Esc);
    assert!(!h.data_dir().join("keys").join("first.age").exists());
    assert!(!h.app.seals(Partner::First));
}

#[test]
fn unrevealed_words_are_in_no_file_until_the_reveal_and_open_with_the_passphrase() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    alex_writes(&mut h, PASSPHRASE);
    let page = newest_page(&h);
    assert_eq!(
        page.entries[0].status,
        EntryStatus::Draft,
        "the status shows"
    );
    assert!(page.entries[0].sealed.is_some());
    for word in WORDS {
        assert_eq!(found_anywhere(h.data_dir(), word), Vec::<String>::new());
    }
    let config = h.data_dir().join("config");
    let (code, out, err) = common::pty::run(h.data_dir(), &config, &["check"]);
    assert_eq!(code, 0, "a sealed page is a sound page: {out}{err}");
    let (_, listed, _) = common::pty::run(h.data_dir(), &config, &["list"]);
    assert!(listed.contains("(in progress)"), "{listed}");

    // The next run: going on with the draft asks for the passphrase.
    let mut h = h.reopen();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let before = std::fs::read(
        h.data_dir()
            .join("journal")
            .join(format!("{}.ron", page.id)),
    )
    .expect("page");
    enter_passphrase(&mut h, "not the passphrase");
    assert!(
        h.last_frame.contains("That is not Alex's passphrase"),
        "{}",
        h.last_frame
    );
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    let after = std::fs::read(
        h.data_dir()
            .join("journal")
            .join(format!("{}.ron", page.id)),
    )
    .expect("page");
    assert_eq!(before, after, "a wrong passphrase changes nothing");
    enter_passphrase(&mut h, PASSPHRASE);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("Alex's turn goes on");
    };
    let answers = &turn.open.page().entries[0].answers;
    assert_eq!(
        answers.get("area"),
        Some(&tandem::model::Answer::Text(WORDS[0].into())),
        "every word is back"
    );
    assert!(h.last_frame.contains("step 5 of 6"), "where Alex left off");

    // Alex finishes; Sam (no passphrase) answers; the reveal asks Alex
    // again: the key was not kept since.
    h.press_n(KeyCode::Tab, 5);
    h.press(KeyCode::Enter);
    for word in WORDS {
        assert!(found_anywhere(h.data_dir(), word).is_empty());
    }
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);
    assert!(
        h.last_frame.contains("Alex, type your passphrase"),
        "{}",
        h.last_frame
    );
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(h.app.overlay.is_none());
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    let page = newest_page(&h);
    assert!(page.entries.iter().all(|e| e.sealed.is_none()));
    for word in WORDS {
        assert_eq!(found_anywhere(&h.data_dir().join("journal"), word).len(), 1);
    }
}

#[test]
fn the_reveal_asks_each_sealed_partner_while_the_other_looks_away() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    set_passphrase(&mut h, true, "Sam's own passphrase");
    // Each types their passphrase for their turn, and Alex for the reveal
    // (Sam, who just finished, is not asked again).
    h.passphrases = [Some(PASSPHRASE), Some("Sam's own passphrase")];
    reveal_boundary_map(&mut h);
    h.passphrases = [None, None];
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    let id = newest_page(&h).id;

    // A page both finished but not yet opened, in a later run.
    let mut page = newest_page(&h);
    let h = h.reopen();
    let file = h.data_dir().join("journal").join(format!("{id}.ron"));
    // Seal both entries again as an earlier run would have left them.
    let couple = h.store.load_couple().expect("couple").expect("saved");
    for partner in Partner::BOTH {
        let to = couple.key(partner).expect("key").to_string();
        tandem::seal::seal_entry(page.entry_mut(partner), &to).expect("seal");
    }
    h.store.save_page(&page).expect("save");
    let sealed = std::fs::read_to_string(&file).expect("page");
    assert!(!sealed.contains(ALEX.feeling) && !sealed.contains(SAM.feeling));
    let mut h = h.reopen();
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Enter);
    assert!(
        h.last_frame.contains("Alex, type your passphrase"),
        "{}",
        h.last_frame
    );
    assert!(h.last_frame.contains("Sam, please look away"));
    assert!(!h.last_frame.contains(SAM.feeling), "nothing shows yet");
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(
        h.last_frame.contains("Sam, type your passphrase"),
        "{}",
        h.last_frame
    );
    enter_passphrase(&mut h, "Sam's own passphrase");
    assert!(h.app.overlay.is_none());
    h.resize(120, 60);
    assert!(h.last_frame.contains(ALEX.feeling) && h.last_frame.contains(SAM.feeling));
    let plain = std::fs::read_to_string(&file).expect("page");
    assert!(
        plain.contains(ALEX.feeling) && plain.contains(SAM.feeling),
        "{plain}"
    );
}

#[test]
fn a_changed_passphrase_opens_the_same_key_and_the_old_one_no_longer_does() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    alex_writes(&mut h, PASSPHRASE);
    let public = h.store.load_couple().expect("couple").expect("saved").keys[0].clone();
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Enter);
    // The passphrase there is is checked before a new one is asked for.
    enter_passphrase(&mut h, "wrong old passphrase");
    assert!(
        h.last_frame.contains("not Alex's current passphrase"),
        "{}",
        h.last_frame
    );
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(
        h.last_frame.contains("Alex, choose a passphrase"),
        "{}",
        h.last_frame
    );
    enter_passphrase(&mut h, "a brand new passphrase");
    enter_passphrase(&mut h, "a brand new passphrase");
    assert!(
        h.last_frame.contains("passphrase is changed"),
        "{}",
        h.last_frame
    );
    h.press(KeyCode::Esc);
    let couple = h.store.load_couple().expect("couple").expect("saved");
    assert_eq!(couple.keys[0], public, "only the key file changed");

    let mut h = h.reopen();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(h.last_frame.contains("That is not Alex's passphrase"));
    enter_passphrase(&mut h, "a brand new passphrase");
    assert!(matches!(h.app.screen, Screen::Turn(_)));
}

#[test]
fn a_forgotten_passphrase_gets_a_new_key_and_what_the_old_one_sealed_stays_sealed() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    alex_writes(&mut h, PASSPHRASE);
    let old_page = newest_page(&h);
    let sealed_before = old_page.entries[0].sealed.clone().expect("sealed");

    let mut h = h.reopen();
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Char('f'));
    assert!(matches!(h.app.overlay, Some(Overlay::Confirm { .. })));
    h.press(KeyCode::Char('y'));
    enter_passphrase(&mut h, "a fresh start passphrase");
    enter_passphrase(&mut h, "a fresh start passphrase");
    h.press(KeyCode::Esc);
    let keys: Vec<String> = std::fs::read_dir(h.data_dir().join("keys"))
        .expect("keys")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(keys.len(), 2, "the old key is kept aside: {keys:?}");
    assert!(keys.iter().any(|k| k.starts_with("first-until-")));

    // The old draft cannot be continued, and is kept as it was.
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert!(
        h.last_frame.contains("This page cannot be continued"),
        "{}",
        h.last_frame
    );
    let page = h
        .store
        .load_page(&old_page.id, &h.app.library)
        .expect("page")
        .page;
    assert_eq!(page.entries[0].sealed.as_ref(), Some(&sealed_before));

    // Everything else works: a new page is sealed with the new key.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    alex_writes(&mut h, "a fresh start passphrase");
    let new_page = newest_page(&h);
    assert_ne!(new_page.id, old_page.id);
    let couple = h.store.load_couple().expect("couple").expect("saved");
    assert_eq!(
        new_page.entries[0].sealed.as_ref().map(|s| s.to.as_str()),
        couple.key(Partner::First)
    );
}

const KEPT: &str = "Quokkamarmalade is mine alone";

/// Alex keeps the boundary map's second step to themselves; both finish.
fn alex_keeps_the_second_step(h: &mut Harness) {
    start_boundary_map(h);
    h.press(KeyCode::Enter);
    enter_passphrase(h, PASSPHRASE);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Tab);
    h.type_text(KEPT);
    h.press(KeyCode::F(4));
    assert!(
        h.last_frame.contains("You keep this answer to yourself"),
        "{}",
        h.last_frame
    );
    answer_boundary_map_after_step_2(h, &ALEX);
    sam_answers_after_alex(h);
    // The reveal opens Alex's side with Alex's passphrase.
    enter_passphrase(h, PASSPHRASE);
}

#[test]
fn an_answer_kept_private_shows_only_that_it_was_kept_everywhere_but_to_its_author() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    alex_keeps_the_second_step(&mut h);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    h.resize(120, 60);
    assert!(h.last_frame.contains("(kept private)"), "{}", h.last_frame);
    assert!(!h.last_frame.contains("Quokka"));
    let page = newest_page(&h);
    assert!(page.entries[0].private.contains("area"));
    assert!(page.entries[0].kept.is_some());
    assert!(page.entries.iter().all(|e| e.sealed.is_none()), "revealed");
    assert!(
        found_anywhere(h.data_dir(), "Quokka").is_empty(),
        "sealed for good, in every file"
    );
    assert_eq!(
        found_anywhere(&h.data_dir().join("journal"), ALEX.feeling).len(),
        1,
        "the rest is plain"
    );

    // Its author reads it, with the passphrase, each time.
    h.press(KeyCode::Char('v'));
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(
        h.last_frame.contains("What Alex kept private"),
        "{}",
        h.last_frame
    );
    assert!(h.last_frame.contains("Quokka"));
    h.press(KeyCode::Esc);

    // Search finds the rest of the page, never the kept words.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("quokkamarmalade");
    assert!(
        h.app.journal_view.matches.is_empty(),
        "search does not see it"
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('/'));
    h.type_text("crowded");
    assert_eq!(h.app.journal_view.matches.len(), 1);

    let config = h.data_dir().join("config");
    let (code, out, err) = common::pty::run(h.data_dir(), &config, &["check"]);
    assert_eq!(
        code, 0,
        "a page with kept answers is a sound page: {out}{err}"
    );
    for command in [
        vec!["show", page.id.as_str()],
        vec!["export", page.id.as_str()],
    ] {
        let (code, out, _) = common::pty::run(h.data_dir(), &config, &command);
        assert_eq!(code, 0);
        assert!(
            out.contains("(kept private)") && !out.contains("Quokka"),
            "{out}"
        );
    }

    // In a later run, reading it asks the author's passphrase.
    let mut h = h.reopen();
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('v'));
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(h.last_frame.contains("Quokka"), "{}", h.last_frame);
}

#[test]
fn an_answer_kept_private_compared_over_time_stays_kept() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, PASSPHRASE);
    alex_keeps_the_second_step(&mut h);
    h.press(KeyCode::Esc);
    h.passphrases[0] = Some(PASSPHRASE);
    reveal_boundary_map(&mut h);
    h.passphrases[0] = None;
    h.press(KeyCode::Esc);
    let pages: Vec<String> = h.store.page_ids().expect("pages");
    assert_eq!(pages.len(), 2);
    h.flow = tandem::runtime::carry_out(
        &mut h.app,
        &h.store,
        vec![tandem::app::Effect::LoadForCompare([
            pages[1].clone(),
            pages[0].clone(),
        ])],
    );
    h.resize(120, 80);
    assert!(matches!(h.app.screen, Screen::Compare(_)));
    assert!(!h.last_frame.contains("Quokka"), "{}", h.last_frame);
}

#[test]
fn keeping_an_answer_without_a_passphrase_asks_for_one_first() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("Not for sharing");
    h.press(KeyCode::F(4));
    assert!(matches!(h.app.overlay, Some(Overlay::Passphrase(_))));
    assert!(
        h.last_frame.contains("Alex, choose a passphrase"),
        "{}",
        h.last_frame
    );
    h.press(KeyCode::Esc);
    h.ctrl('s');
    assert!(
        newest_page(&h).entries[0].private.is_empty(),
        "nothing kept"
    );
    h.press(KeyCode::F(4));
    enter_passphrase(&mut h, PASSPHRASE);
    enter_passphrase(&mut h, PASSPHRASE);
    assert!(h.app.overlay.is_none(), "back to the step");
    h.press(KeyCode::F(4));
    h.ctrl('s');
    let page = newest_page(&h);
    assert!(page.entries[0].sealed.is_some(), "sealed now");
    assert!(found_anywhere(h.data_dir(), "Not for sharing").is_empty());
}

#[test]
fn a_passphrase_can_come_from_a_password_manager_and_never_reaches_the_page() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("Mine ");
    // Keeping an answer asks for a passphrase over the turn: pasted, it
    // goes into the passphrase box, not into the answer behind it.
    h.press(KeyCode::F(4));
    h.paste(&format!("{PASSPHRASE}\n"));
    h.press(KeyCode::Enter);
    h.paste(PASSPHRASE);
    h.press(KeyCode::Enter);
    assert!(h.app.seals(Partner::First), "{}", h.last_frame);
    h.ctrl('s');
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("back in the turn");
    };
    assert_eq!(
        turn.open.page().entries[0].answers.get("area"),
        Some(&tandem::model::Answer::Text("Mine ".into()))
    );
    assert!(found_anywhere(h.data_dir(), "kettle").is_empty());
}
