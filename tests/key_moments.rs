//! Private means private inside one run too: both partners share the run
//! on a shared computer, so a key opens only for its owner's moment, is
//! checked against `couple.ron` before anything is sealed to it, and the
//! reveal shows both sides or neither.

mod common;

use std::path::Path;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{KeyPurpose, Overlay, Screen, Then};
use tandem::model::{EntryStatus, Partner};

const ALEX_PASS: &str = "a kettle on the hill";
const SAM_PASS: &str = "Sam's own passphrase";

fn asked(h: &Harness, partner: Partner, then: Then) -> bool {
    matches!(&h.app.overlay, Some(Overlay::Passphrase(b))
        if b.partner == partner && b.purpose == KeyPurpose::Unlock(then))
}

fn page_text(h: &Harness, id: &str) -> String {
    std::fs::read_to_string(h.data_dir().join("journal").join(format!("{id}.ron")))
        .expect("page file")
}

/// Alex (with a passphrase) starts the boundary map and writes `words`
/// on its first written step, then pauses (with `keep`, keeps the answer
/// private and goes on to the next step instead).
fn alex_writes_with_a_passphrase(h: &mut Harness, words: &str, keep: bool) {
    set_passphrase(h, false, ALEX_PASS);
    h.passphrases[0] = Some(ALEX_PASS);
    start_boundary_map(h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Tab);
    h.type_text(words);
    h.press(if keep { KeyCode::F(4) } else { KeyCode::Esc });
}

/// From home, whoever is at the keyboard makes Alex a new key with
/// `passphrase` ("forgotten passphrase": P, then f).
fn make_alex_a_new_key(h: &mut Harness, passphrase: &str) {
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Char('f'));
    h.press(KeyCode::Char('y'));
    enter_passphrase(h, passphrase);
    enter_passphrase(h, passphrase);
    h.press(KeyCode::Esc);
}

fn check(dir: &Path) -> (i32, String) {
    let (code, out, err) = common::pty::run(dir, &dir.join("config"), &["check"]);
    (code, format!("{out}{err}"))
}

#[test]
fn a_key_is_asked_for_at_every_moment_of_its_owner_and_never_kept_between_them() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, ALEX_PASS);
    // Even just made, the key is not held: Alex's turn asks for it.
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    assert!(asked(&h, Partner::First, Then::Turn), "{}", h.last_frame);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(matches!(h.app.screen, Screen::Turn(_)));
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Tab);
    h.type_text(ALEX.area);
    // Alex pauses and hands the laptop over.
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)));
    h.press(KeyCode::Enter);
    assert!(
        h.last_frame.contains("Alex goes on"),
        "the hand-off: {}",
        h.last_frame
    );
    // "Enter Alex goes on" asks again: Sam cannot read the draft.
    h.press(KeyCode::Enter);
    assert!(asked(&h, Partner::First, Then::Turn), "{}", h.last_frame);
    assert!(!h.last_frame.contains(ALEX.area));
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    assert!(!h.last_frame.contains(ALEX.area));
    // And the open page holds the draft sealed, in memory as on disk.
    let Screen::Handoff(handoff) = &h.app.screen else {
        panic!("hand-off");
    };
    assert!(handoff.open.page().entries[0].sealed.is_some());
    enter_after(&mut h, ALEX_PASS);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("Alex goes on");
    };
    assert_eq!(
        turn.open.page().entries[0].answers.get("area"),
        Some(&tandem::model::Answer::Text(ALEX.area.into())),
        "every word is back with the passphrase"
    );
}

/// At the hand-off, Enter and then the passphrase.
fn enter_after(h: &mut Harness, passphrase: &str) {
    h.press(KeyCode::Enter);
    enter_passphrase(h, passphrase);
}

#[test]
fn the_reveal_shows_nothing_of_either_side_until_every_sealed_entry_is_open() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, ALEX_PASS);
    h.passphrases[0] = Some(ALEX_PASS);
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &ALEX);
    h.press(KeyCode::Enter);
    h.passphrases[0] = None;
    // Sam (no passphrase) answers and finishes: the reveal asks Alex.
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);
    h.resize(120, 60);
    assert!(asked(&h, Partner::First, Then::Reveal), "{}", h.last_frame);
    insta::assert_snapshot!("reveal_waits_for_a_passphrase", h.screen(80, 24));
    for words in [ALEX.feeling, SAM.feeling, SAM.area] {
        assert!(!h.last_frame.contains(words), "{}", h.last_frame);
    }
    // Esc leaves the page, showing nothing; the together steps never start.
    h.press(KeyCode::Esc);
    assert!(
        !matches!(h.app.screen, Screen::SideBySide(_)),
        "{}",
        h.last_frame
    );
    assert!(!h.last_frame.contains(SAM.feeling), "{}", h.last_frame);
    let page = newest_page(&h);
    assert!(page.entries.iter().all(|e| e.status == EntryStatus::Done));
    assert!(page.entries[0].sealed.is_some(), "Alex's side stays sealed");

    // Opened again from the journal: asked again; the keys that would go
    // on together do nothing meanwhile.
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Enter);
    assert!(asked(&h, Partner::First, Then::Reveal), "{}", h.last_frame);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(h.app.overlay.is_none(), "{}", h.last_frame);
    assert!(h.last_frame.contains(ALEX.feeling) && h.last_frame.contains(SAM.feeling));
    let text = page_text(&h, &page.id);
    assert!(text.contains(ALEX.feeling), "plain once revealed");
}

/// Alex (with a passphrase) and Sam both finish the boundary map; the
/// reveal is left at Alex's passphrase. Returns the page's file.
fn both_finish_alex_sealed(h: &mut Harness) -> std::path::PathBuf {
    set_passphrase(h, false, ALEX_PASS);
    h.passphrases[0] = Some(ALEX_PASS);
    start_boundary_map(h);
    h.press(KeyCode::Enter);
    answer_boundary_map(h, &ALEX);
    h.press(KeyCode::Enter);
    h.passphrases[0] = None;
    h.press(KeyCode::Enter);
    answer_boundary_map(h, &SAM);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    let id = newest_page(h).id;
    h.data_dir().join("journal").join(format!("{id}.ron"))
}

/// Changes one character of the line before the sealed words' end: the
/// armour still reads, the encrypted words do not.
fn damage_sealed_body(text: &str) -> String {
    let end = text.find("-----END AGE").expect("sealed words");
    let line_start = text[..end - 1].rfind('\n').expect("a line") + 1;
    let mut bytes = text.as_bytes().to_vec();
    bytes[line_start] = if bytes[line_start] == b'A' {
        b'B'
    } else {
        b'A'
    };
    String::from_utf8(bytes).expect("text")
}

#[test]
fn a_sealed_side_that_cannot_be_opened_keeps_both_sides_shut() {
    let mut h = Harness::with_couple();
    let file = both_finish_alex_sealed(&mut h);
    let text = std::fs::read_to_string(&file).expect("page");
    std::fs::write(&file, damage_sealed_body(&text)).expect("damage");
    let mut h = h.reopen();
    h.resize(120, 50);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    assert!(
        h.last_frame.contains("could not be opened"),
        "the reason: {}",
        h.last_frame
    );
    for words in [SAM.feeling, SAM.area, ALEX.feeling] {
        assert!(!h.last_frame.contains(words), "{}", h.last_frame);
    }
    insta::assert_snapshot!("reveal_shut_by_damaged_words", h.screen(80, 24));
    // The together steps never start with a shut side.
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    h.press(KeyCode::Esc);
    let after = std::fs::read_to_string(&file).expect("page");
    assert_eq!(after, damage_sealed_body(&text), "left as it was");
}

#[test]
fn check_names_sealed_words_that_can_never_be_opened_with_their_line() {
    let mut h = Harness::with_couple();
    let file = both_finish_alex_sealed(&mut h);
    let text = std::fs::read_to_string(&file).expect("page");
    // The start of the armour's first line is the age header's.
    let damaged = text.replacen("YWdlLWVuY3J5", "YWdlLWVuY3J6", 1);
    assert_ne!(damaged, text);
    std::fs::write(&file, &damaged).expect("damage");
    let (code, said) = check(h.data_dir());
    assert_eq!(code, 1, "{said}");
    let name = file
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(said.contains(&format!("{name}:")), "file and line: {said}");
    assert!(said.contains("sealed words cannot be opened"), "{said}");
    let h = h.reopen();
    let id = name.trim_end_matches(".ron");
    let loaded = h.store.load_page(id, &h.app.library).expect("loads");
    assert!(loaded.access.reason().is_some(), "read-only");
}

#[test]
fn a_plain_answer_beside_sealed_words_makes_the_page_read_only() {
    let mut h = Harness::with_couple();
    alex_writes_with_a_passphrase(&mut h, ALEX.area, false);
    let id = newest_page(&h).id;
    let file = h.data_dir().join("journal").join(format!("{id}.ron"));
    let text = std::fs::read_to_string(&file).expect("page");
    assert!(text.contains("answers: {}"), "{text}");
    let merged = text.replacen(
        "answers: {}",
        "answers: {\"area\": Text(\"added by a merge\")}",
        1,
    );
    std::fs::write(&file, &merged).expect("edit");
    let (code, said) = check(h.data_dir());
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("in the open beside them"), "{said}");
    let h = h.reopen();
    let loaded = h.store.load_page(&id, &h.app.library).expect("loads");
    assert!(
        loaded.access.reason().is_some(),
        "read-only, never rewritten"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("page"), merged);
}

/// Replaces the public key listed for `partner` in couple.ron.
fn list_key(dir: &Path, partner: Partner, public: Option<&str>) {
    let path = dir.join("couple.ron");
    let mut couple: tandem::model::Couple =
        ron::from_str(&std::fs::read_to_string(&path).expect("couple")).expect("parses");
    couple.keys[partner.index()] = public.map(str::to_string);
    std::fs::write(&path, tandem::ron_text::to_ron(&couple).expect("ron")).expect("write");
}

#[test]
fn a_changed_key_in_the_couple_file_gets_no_word_and_is_named() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, ALEX_PASS);
    let intruder = tandem::seal::OpenKey::generate();
    list_key(h.data_dir(), Partner::First, Some(intruder.public()));
    let (code, said) = check(h.data_dir());
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("couple.ron:"), "{said}");
    assert!(said.contains("not the key in Alex's key file"), "{said}");

    let mut h = h.reopen();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(
        h.last_frame
            .contains("The key for Alex in couple.ron has been"),
        "{}",
        h.last_frame
    );
    assert!(!matches!(h.app.screen, Screen::Turn(_)), "no turn starts");
    // Nothing anywhere is sealed to the listed key.
    for page in h.store.page_ids().expect("pages") {
        assert!(!page_text(&h, &page).contains(intruder.public()));
    }
}

#[test]
fn swapped_keys_and_swapped_key_files_are_named_as_swapped() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, ALEX_PASS);
    set_passphrase(&mut h, true, SAM_PASS);
    let keys = h.data_dir().join("keys");
    let (first, second) = (keys.join("first.age"), keys.join("second.age"));
    std::fs::rename(&first, keys.join("swap")).expect("swap");
    std::fs::rename(&second, &first).expect("swap");
    std::fs::rename(keys.join("swap"), &second).expect("swap");
    let (code, said) = check(h.data_dir());
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("changed places"), "{said}");

    let mut h = h.reopen();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(h.last_frame.contains("changed places"), "{}", h.last_frame);
    assert!(
        !h.last_frame.contains("That is not Alex's passphrase"),
        "not taken for a wrong passphrase"
    );
    assert!(!matches!(h.app.screen, Screen::Turn(_)));
}

#[test]
fn choosing_a_passphrase_seals_the_words_written_before_it_on_every_page() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Tab);
    h.type_text(ALEX.area);
    h.press(KeyCode::Esc);
    let id = newest_page(&h).id;
    assert!(page_text(&h, &id).contains(ALEX.area), "plain before");
    // A second page the same, but from a newer tandem: it cannot be
    // rewritten, and is named.
    let newer = format!("{id}-newer");
    let text = page_text(&h, &id)
        .replacen(&format!("id: \"{id}\""), &format!("id: \"{newer}\""), 1)
        .replacen("version: ", "version: 9", 1);
    std::fs::write(
        h.data_dir().join("journal").join(format!("{newer}.ron")),
        text,
    )
    .expect("newer page");
    let mut h = h.reopen();
    h.resize(100, 30);
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(
        !page_text(&h, &id).contains(ALEX.area),
        "sealed now:\n{}",
        page_text(&h, &id)
    );
    assert!(newest_sealed(&h, &id));
    // The page that could not be rewritten is named, not passed over.
    assert!(
        h.last_frame.contains("earlier words are not sealed"),
        "{}",
        h.last_frame
    );
    assert!(h.last_frame.contains(&newer), "named: {}", h.last_frame);
    h.press(KeyCode::Esc);
    assert!(
        h.last_frame.contains("with 1 earlier page"),
        "{}",
        h.last_frame
    );
    // And the sealed draft opens whole with the passphrase.
    h.passphrases[0] = Some(ALEX_PASS);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("zzz");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    let loaded = h.store.load_page(&id, &h.app.library).expect("page");
    let key = tandem::seal::OpenKey::unlock(
        &h.store.load_key(Partner::First).expect("key file"),
        &tandem::seal::Passphrase::new(ALEX_PASS),
    )
    .expect("opens");
    let mut page = loaded.page;
    tandem::seal::open_entry(page.entry_mut(Partner::First), &key).expect("opened");
    assert_eq!(
        page.entries[0].answers.get("area"),
        Some(&tandem::model::Answer::Text(ALEX.area.into()))
    );
}

fn newest_sealed(h: &Harness, id: &str) -> bool {
    h.store
        .load_page(id, &h.app.library)
        .expect("page")
        .page
        .entries[0]
        .sealed
        .is_some()
}

#[test]
fn what_was_kept_private_is_shown_only_after_the_passphrase_every_time() {
    let mut h = Harness::with_couple();
    alex_writes_with_a_passphrase(&mut h, "Quokkamarmalade is mine alone", true);
    answer_boundary_map_after_step_2(&mut h, &ALEX);
    sam_answers_after_alex(&mut h);
    h.passphrases[0] = None;
    assert!(
        matches!(h.app.screen, Screen::SideBySide(_)),
        "{}",
        h.last_frame
    );
    for _ in 0..2 {
        h.press(KeyCode::Char('v'));
        assert!(
            asked(&h, Partner::First, Then::ReadKept),
            "{}",
            h.last_frame
        );
        assert!(!h.last_frame.contains("Quokka"));
        enter_passphrase(&mut h, ALEX_PASS);
        assert!(h.last_frame.contains("Quokka"), "{}", h.last_frame);
        h.press(KeyCode::Esc);
    }
}

#[test]
fn a_key_taken_out_of_the_couple_file_makes_nothing_plain() {
    let mut h = Harness::with_couple();
    alex_writes_with_a_passphrase(&mut h, ALEX.area, false);
    h.passphrases[0] = None;
    list_key(h.data_dir(), Partner::First, None);
    let (code, said) = check(h.data_dir());
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("lists no key for Alex"), "{said}");

    // The sealed draft is not gone on with, shown empty.
    let mut h = h.reopen();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert!(
        h.last_frame.contains("cannot be continued"),
        "{}",
        h.last_frame
    );
    assert!(!matches!(h.app.screen, Screen::Turn(_)));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    // A new page still asks, and starts no turn that would save plain.
    start_boundary_map(&mut h);
    if matches!(h.app.overlay, Some(Overlay::Confirm { .. })) {
        h.press(KeyCode::Char('y'));
    }
    h.press(KeyCode::Enter);
    assert!(asked(&h, Partner::First, Then::Turn), "{}", h.last_frame);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(
        h.last_frame.contains("lists no key for Alex"),
        "{}",
        h.last_frame
    );
    assert!(!matches!(h.app.screen, Screen::Turn(_)));
}

#[test]
fn a_key_replaced_behind_its_owner_is_said_when_they_type_their_passphrase() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, ALEX_PASS);
    // Someone at the keyboard makes Alex a new key.
    make_alex_a_new_key(&mut h, "not Alex at all");
    let mut h = h.reopen();
    h.resize(100, 30);
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(
        h.last_frame.contains("passphrase of the earlier key"),
        "not a mistyped passphrase: {}",
        h.last_frame
    );
    assert!(!matches!(h.app.screen, Screen::Turn(_)));
}

#[test]
fn a_new_key_made_by_one_partner_never_leaves_the_other_side_plain() {
    let mut h = Harness::with_couple();
    set_passphrase(&mut h, false, ALEX_PASS);
    set_passphrase(&mut h, true, SAM_PASS);
    h.passphrases = [Some(ALEX_PASS), Some(SAM_PASS)];
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &ALEX);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)), "{}", h.last_frame);
    // Alex makes himself a new key: his finished side can no longer be
    // opened with the key couple.ron lists.
    make_alex_a_new_key(&mut h, "Alex's other passphrase");
    // Sam goes on and finishes: the reveal stays shut, and Sam's words
    // stay sealed to Sam in the file, never plain beside Alex's.
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);
    h.resize(120, 50);
    assert!(!h.last_frame.contains(SAM.feeling), "{}", h.last_frame);
    let id = newest_page(&h).id;
    h.press(KeyCode::Esc);
    let text = page_text(&h, &id);
    assert!(!text.contains(SAM.feeling), "{text}");
    let page = newest_page(&h);
    assert!(page.entries.iter().all(|e| e.status == EntryStatus::Done));
    assert!(page.entries[1].sealed.is_some(), "Sam's side sealed to Sam");
}

#[test]
fn a_key_file_and_its_key_both_taken_away_still_leave_nothing_plain() {
    let mut h = Harness::with_couple();
    alex_writes_with_a_passphrase(&mut h, ALEX.area, false);
    h.passphrases[0] = None;
    std::fs::remove_file(h.data_dir().join("keys").join("first.age")).expect("remove");
    list_key(h.data_dir(), Partner::First, None);
    let (code, said) = check(h.data_dir());
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("is gone, yet pages hold Alex's words"),
        "{said}"
    );

    let mut h = h.reopen();
    h.resize(100, 30);
    start_boundary_map(&mut h);
    if matches!(h.app.overlay, Some(Overlay::Confirm { .. })) {
        h.press(KeyCode::Char('y'));
    }
    assert!(
        h.last_frame.contains("sealed with Alex's passphrase"),
        "not \"no passphrase\": {}",
        h.last_frame
    );
    h.press(KeyCode::Enter);
    enter_passphrase(&mut h, ALEX_PASS);
    assert!(
        h.last_frame.contains("Put the key file back"),
        "{}",
        h.last_frame
    );
    assert!(!matches!(h.app.screen, Screen::Turn(_)));
}
