//! Whole flows driven through the app's update function with key events,
//! against a real journal in a temporary folder.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{Effect, Overlay, Screen};
use tandem::model::{AgreementStatus, Answer, EntryStatus, GridValue, PageStatus, Partner};
use tandem::runtime::Flow;

#[test]
fn onboarding_saves_both_names() {
    let mut h = Harness::new();
    h.type_text("Ana María");
    h.press(KeyCode::Enter);
    h.type_text("김민준 👩‍❤️‍👨");
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Home(_)));
    let couple = h.store.load_couple().expect("readable").expect("saved");
    assert_eq!(couple.names, ["Ana María", "김민준 👩‍❤️‍👨"]);
}

#[test]
fn onboarding_asks_for_two_different_names() {
    let mut h = Harness::new();
    h.type_text("Alex");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("Please write both names."));
    h.type_text("Alex");
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("two different names"));
    assert!(h.store.load_couple().expect("readable").is_none());
}

/// Both partners work the boundary map, see it side by side, write what they
/// heard, a note and two agreements; the page on disk holds all of it.
#[test]
fn the_boundary_map_from_start_to_agreements() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    assert!(h.screen(80, 24).contains("Who goes first?"));
    h.press(KeyCode::Enter); // Alex first
    answer_boundary_map(&mut h, &ALEX);
    assert!(h.screen(80, 24).contains("That's every step, Alex."));
    h.press(KeyCode::Enter);

    // The hand-off names Sam and asks Alex to look away.
    let handoff = h.screen(80, 24);
    assert!(handoff.contains("Sam, it's your turn."), "{handoff}");
    assert!(handoff.contains("Alex, please look away"), "{handoff}");
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);

    // The reveal shows both answers.
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    let reveal = h.screen(120, 60);
    assert!(reveal.contains("I feel left out"), "{reveal}");
    assert!(reveal.contains("I feel crowded"), "{reveal}");

    // Talking it over: each says back the other's boundary, a shared note,
    // and two agreements.
    h.press(KeyCode::Enter);
    let reflect = h.screen(100, 40);
    assert!(reflect.contains("Sam:"), "{reflect}");
    assert!(reflect.contains("I feel crowded"), "{reflect}");
    write_steps(
        &mut h,
        &[
            "I hear you want time to land",
            "I hear you want to be asked first",
            "Our maps differ on friends.",
        ],
    );
    h.type_text("We check with each other before saying yes to plans");
    h.press(KeyCode::Enter);
    h.type_text("Twenty quiet minutes after work");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));

    // Read back from disk, as the next day would.
    let ids = h.store.page_ids().expect("list");
    assert_eq!(ids.len(), 1);
    let page = h
        .store
        .load_page(&ids[0], &h.app.library)
        .expect("load")
        .page;
    assert_eq!(page.status(), PageStatus::Discussed);
    let alex = page.entry(Partner::First);
    let sam = page.entry(Partner::Second);
    assert_eq!(alex.status, EntryStatus::Done);
    assert_eq!(sam.status, EntryStatus::Done);
    assert_eq!(
        alex.answers.get("feeling"),
        Some(&Answer::Text("I feel left out".into()))
    );
    assert_eq!(
        sam.answers.get("ask"),
        Some(&Answer::Text("Twenty quiet minutes to land first".into()))
    );
    assert_eq!(
        sam.answers.get("heard"),
        Some(&Answer::Text("I hear you want to be asked first".into()))
    );
    let Some(Answer::Grid(rows)) = alex.answers.get("areas") else {
        panic!("Alex's map is stored as a grid");
    };
    assert_eq!(
        rows[1].values.get("feel"),
        Some(&GridValue::Choice("not-fine".into()))
    );
    assert_eq!(alex.answers.get("saying-it"), Some(&Answer::Scale(4)));
    assert_eq!(
        page.shared.answers.get("notes"),
        Some(&Answer::Text("Our maps differ on friends.".into()))
    );
    let agreements: Vec<_> = page
        .shared
        .agreements
        .iter()
        .map(|a| (a.text.as_str(), a.status))
        .collect();
    assert_eq!(
        agreements,
        [
            (
                "We check with each other before saying yes to plans",
                AgreementStatus::Active
            ),
            ("Twenty quiet minutes after work", AgreementStatus::Active),
        ]
    );

    // And the home screen lists it as talked over.
    h.press(KeyCode::Esc);
    assert!(h.screen(100, 24).contains("Boundary map · "));
    assert!(h.screen(100, 24).contains("talked over"));
}

#[test]
fn the_other_partners_answers_are_never_on_screen_during_a_turn() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &ALEX);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    // Walk every step of Sam's turn, drawing each at two sizes.
    for _ in 0..7 {
        for (w, hgt) in [(80, 24), (160, 50)] {
            let screen = h.screen(w, hgt);
            for secret in [ALEX.area, ALEX.feeling, ALEX.ask, ALEX.will_do] {
                assert!(!screen.contains(secret), "{secret:?} shown:\n{screen}");
            }
        }
        h.press(KeyCode::Tab);
    }
}

#[test]
fn a_page_waits_for_the_partner_who_has_not_finished() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Right); // Sam goes first
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc); // Alex will do it another day
    let home = h.screen(100, 24);
    assert!(home.contains("waiting for Alex"), "{home}");

    // Days later: reopening goes straight to Alex's hand-off.
    let mut later = h.reopen();
    later.press(KeyCode::Enter);
    let handoff = later.screen(100, 24);
    assert!(handoff.contains("Alex, it's your turn."), "{handoff}");
    assert!(!handoff.contains("Who goes first?"));
}

#[test]
fn quitting_mid_sentence_keeps_the_draft_and_offers_it_back() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("half a thought");
    h.ctrl('c');
    assert_eq!(h.flow, Flow::Quit);

    let mut next = h.reopen();
    let home = next.screen(100, 24);
    assert!(home.contains("Continue"), "{home}");
    assert!(home.contains("in progress — Alex has started"), "{home}");
    next.press(KeyCode::Enter);
    next.press(KeyCode::Enter);
    let turn = next.screen(100, 24);
    assert!(turn.contains("half a thought"), "{turn}");
}

#[test]
fn pasted_text_is_normalised_and_kept() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.paste("line one\r\nline two\u{0}\r\n\"#quoted\"#");
    h.autosave();
    let page = newest_page(&h);
    assert_eq!(
        page.entry(Partner::First).answers.get("area"),
        Some(&Answer::Text("line one\nline two\n\"#quoted\"#".into()))
    );
}

#[test]
fn help_opens_with_question_mark_when_browsing_and_f1_while_typing() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('?'));
    assert!(matches!(h.app.overlay, Some(Overlay::Help(_))));
    assert!(
        h.screen(80, 24).contains("start a new exercise")
            || h.screen(80, 24).contains("new exercise")
    );
    h.press(KeyCode::Esc);
    assert!(h.app.overlay.is_none());

    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("why? q");
    assert!(h.app.overlay.is_none(), "? and q are text while typing");
    assert_eq!(h.flow, Flow::Continue);
    h.press(KeyCode::F(1));
    let help = h.screen(80, 24);
    assert!(help.contains("next step"), "{help}");
}

#[test]
fn q_quits_from_browsing_screens_and_saves_nothing_needless() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('q'));
    assert_eq!(h.flow, Flow::Quit);
    assert!(
        !h.last_effects
            .iter()
            .any(|e| matches!(e, Effect::SavePage(_)))
    );
}

#[test]
fn starting_and_leaving_without_answers_leaves_no_page() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    assert!(h.store.page_ids().expect("list").is_empty());
    assert!(matches!(h.app.screen, Screen::Home(_)));
}

#[test]
fn a_failed_save_keeps_the_text_and_works_once_the_folder_is_back() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("words worth keeping");
    // Break the journal folder: saving must fail without losing anything.
    let journal = h.data_dir().join("journal");
    std::fs::remove_dir(&journal).expect("remove empty journal folder");
    std::fs::write(&journal, "not a folder").expect("block the path");
    h.ctrl('s');
    assert!(matches!(h.app.overlay, Some(Overlay::Message { .. })));
    assert!(h.screen(80, 24).contains("Could not save"));
    h.press(KeyCode::Esc);

    // Quitting is held back once, with the text still on screen.
    h.ctrl('c');
    assert_eq!(h.flow, Flow::Continue);
    h.press(KeyCode::Esc);
    assert!(h.screen(80, 24).contains("words worth keeping"));

    std::fs::remove_file(&journal).expect("unblock");
    std::fs::create_dir(&journal).expect("folder back");
    h.ctrl('s');
    assert!(h.app.overlay.is_none());
    let page = newest_page(&h);
    assert_eq!(
        page.entry(Partner::First).answers.get("area"),
        Some(&Answer::Text("words worth keeping".into()))
    );
}

#[test]
fn list_answers_can_be_added_reordered_and_removed() {
    let mut h = Harness::with_couple();
    reveal_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    // Skip to the agreements list.
    h.press_n(KeyCode::Tab, 3);
    h.type_text("first");
    h.press(KeyCode::Enter);
    h.type_text("second");
    h.press(KeyCode::Enter);
    h.type_text("third");
    h.alt(KeyCode::Up);
    h.press(KeyCode::Down);
    h.ctrl('d');
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    let page = &h.app.open_page().expect("open").page();
    let texts: Vec<_> = page
        .shared
        .agreements
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(texts, ["first", "third"]);
}

/// The first frame is drawn from file names alone; pages are read a batch at
/// a time afterwards, newest first.
#[test]
fn a_large_journal_is_read_after_the_first_frame() {
    use tandem::app::{App, JournalIndex};
    use tandem::content::Library;
    use tandem::runtime::read_pending;

    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("a page");
    h.ctrl('s');
    let id = h.store.page_ids().expect("list")[0].clone();
    let text = std::fs::read_to_string(h.store.page_path(&id)).expect("page file");
    for n in 0..300 {
        let copy = format!("2025-01-01-{n:06}-boundary-map");
        std::fs::write(h.store.page_path(&copy), &text).expect("copy page");
    }
    let ids = h.store.page_ids().expect("list");
    assert_eq!(ids.len(), 301);

    let couple = h.store.load_couple().expect("readable");
    let mut app = App::new(
        couple,
        Library::load(None),
        JournalIndex::new(ids),
        fixed_now,
        jiff::tz::TimeZone::UTC,
    );
    assert!(
        app.journal.pages.is_empty(),
        "nothing parsed before the first frame"
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    let render = |app: &App, terminal: &mut ratatui::Terminal<ratatui::backend::TestBackend>| {
        terminal
            .draw(|f| {
                tandem::ui::render(app, &mut Default::default(), tandem::ui::Theme::COLOR, f);
            })
            .expect("draw");
        format!("{:?}", terminal.backend())
    };
    assert!(render(&app, &mut terminal).contains("Reading your journal… 0 of 301 pages"));
    read_pending(&mut app, &h.store, 64);
    assert!(render(&app, &mut terminal).contains("64 of 301"));
    // The newest page comes first, so it is on screen from the first batch.
    assert_eq!(app.journal.pages[0].id, id);
    // Every screen that counts says the count is not the whole journal yet.
    for (key, screen) in [('b', "journal"), ('t', "trends"), ('a', "agreements")] {
        app.update(tandem::app::Event::key(KeyCode::Char(key)));
        let shown = render(&app, &mut terminal);
        assert!(
            shown.contains("still reading, 237 pages to go"),
            "{screen} while reading:\n{shown}"
        );
        app.update(tandem::app::Event::key(KeyCode::Esc));
    }
    while read_pending(&mut app, &h.store, 64) > 0 {}
    assert_eq!(app.journal.pages.len(), 301);
    assert!(!render(&app, &mut terminal).contains("Reading your journal"));
}

#[test]
fn scrolling_stops_at_the_end_of_the_page() {
    use tandem::app::Screen;
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "weekly-check-in");
    h.resize(80, 24);
    h.press_n(KeyCode::Down, 500);
    let Screen::SideBySide(view) = &h.app.screen else {
        panic!("side by side");
    };
    let bottom = view.scroll;
    assert!(bottom > 0 && bottom < 100, "{bottom}");
    h.press(KeyCode::Up);
    let Screen::SideBySide(view) = &h.app.screen else {
        panic!("side by side");
    };
    assert_eq!(view.scroll, bottom - 1, "one key up moves the view up");
}

#[test]
fn tab_while_naming_a_row_of_ones_own_keeps_the_name() {
    use tandem::app::{FieldEditor, Screen};
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('a'));
    h.type_text("Our garden");
    h.press(KeyCode::Tab);
    h.press(KeyCode::BackTab);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("in the turn");
    };
    assert_eq!(turn.index, 0, "still on the grid");
    let Some(FieldEditor::Grid(grid)) = &turn.editor else {
        panic!("the grid");
    };
    let naming = grid.adding.as_ref().expect("still naming the row");
    assert_eq!(naming.lines()[0], "Our garden");
    h.press(KeyCode::Enter);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("in the turn");
    };
    let Some(FieldEditor::Grid(grid)) = &turn.editor else {
        panic!("the grid");
    };
    assert!(grid.rows.iter().any(|r| r.own && r.label == "Our garden"));
}

#[test]
fn keys_typed_into_a_window_too_small_to_show_them_are_ignored() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("seen");
    h.resize(30, 10);
    assert!(h.screen(30, 10).contains("Please enlarge the window"));
    h.type_text(" typed blind q?");
    h.paste("pasted blind");
    h.press(KeyCode::Tab);
    h.resize(80, 24);
    h.type_text(" and seen again");
    h.ctrl('s');
    assert_eq!(
        newest_page(&h)
            .entry(tandem::model::Partner::First)
            .answers
            .get("area"),
        Some(&tandem::model::Answer::Text("seen and seen again".into()))
    );
}

#[test]
fn a_paused_turn_goes_on_at_the_step_it_was_left_at() {
    use tandem::app::Screen;
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1')); // step 1 answered
    h.press_n(KeyCode::Tab, 5); // on to step 6, nothing written there
    h.press(KeyCode::Esc);
    h.tick_after(3);
    let at = |h: &Harness| match &h.app.screen {
        Screen::Turn(turn) => turn.index,
        _ => panic!("in the turn"),
    };
    // From home, in this run.
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(at(&h), 5, "step 6");
    h.press(KeyCode::BackTab);
    h.press(KeyCode::Esc);
    // And after tandem starts again.
    let mut h = h.reopen();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(at(&h), 4, "step 5, where the partner last was");
}

#[test]
fn the_reveal_legend_says_what_a_shared_unsettled_answer_means() {
    let mut h = Harness::with_couple();
    reveal_boundary_map(&mut h);
    // Both marked the second area "not fine": nobody asked to talk.
    let screen = h.screen(100, 40);
    assert!(!screen.contains("would like to talk"), "{screen}");
    assert!(
        screen.contains("• one of you, or both, marked it as worth talking about"),
        "{screen}"
    );
}

#[test]
fn the_finish_card_names_the_steps_left_without_an_answer() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1'));
    h.press_n(KeyCode::Tab, 5);
    h.press(KeyCode::Right); // step 6, the scale
    h.press(KeyCode::Tab);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("steps 2, 3, 4 and 5 have no answer yet"),
        "{screen}"
    );
}

#[test]
fn a_number_beyond_the_scale_is_refused_and_said_so() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "time-together-apart");
    h.press(KeyCode::Enter);
    h.type_text("45");
    let screen = h.screen(100, 30);
    assert!(screen.contains("There is no 45 on this scale"), "{screen}");
    assert!(screen.contains("Your answer: 4 hours a week"), "{screen}");
}

#[test]
fn a_checklist_said_back_has_one_bullet_per_item() {
    use tandem::app::{Screen, SlotKind};
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "after-a-conflict");
    h.press(KeyCode::Enter); // talk it over
    // On to the step where Sam's checklist is said back.
    for _ in 0..20 {
        let Screen::Turn(turn) = &h.app.screen else {
            panic!("in the together steps");
        };
        if matches!(turn.slot().map(|s| &s.kind), Some(SlotKind::Reflect(..))) {
            break;
        }
        h.press(KeyCode::Tab);
    }
    let screen = h.screen(100, 40);
    assert!(!screen.contains("• •"), "{screen}");
    assert!(screen.contains("  • "), "{screen}");
}

#[test]
fn a_status_goes_by_one_name_on_every_screen_and_in_exports() {
    use tandem::model::PageStatus;
    let mut h = demo(16);
    let page = h
        .app
        .journal
        .pages
        .iter()
        .find(|p| matches!(p.status, PageStatus::WaitingFor(_)))
        .expect("a page waiting for one partner")
        .clone();
    let PageStatus::WaitingFor(who) = page.status else {
        unreachable!()
    };
    let words = format!("waiting for {}", page.names[who.index()]);
    assert!(h.screen(120, 30).contains(&words), "home");
    h.press(KeyCode::Char('b'));
    let journal = h.screen(120, 30);
    assert!(journal.contains(&words), "{journal}");
    assert!(!journal.contains("waits for"), "{journal}");
    let loaded = h.store.load_page(&page.id, &h.app.library).expect("load");
    assert_eq!(tandem::export::status_text(&loaded.page), words);
}

#[test]
fn a_narrow_grid_keeps_the_column_being_answered_in_sight() {
    use tandem::model::Field;
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "needs-inventory");
    h.press(KeyCode::Enter);
    let last = h
        .app
        .library
        .get("needs-inventory")
        .and_then(|e| {
            e.individual_steps().find_map(|s| match &s.field {
                Field::Grid(def) => def.columns.last().map(|c| c.label.clone()),
                _ => None,
            })
        })
        .expect("the inventory's last column");
    h.resize(40, 12);
    assert!(!h.screen(40, 12).contains(&last[..6]), "too narrow for all");
    h.press_n(KeyCode::Right, 5);
    let screen = h.screen(40, 12);
    assert!(screen.contains(&last[..6]), "{screen}");
    assert!(screen.contains("more columns"), "{screen}");
}

#[test]
fn while_talking_it_over_both_answers_can_be_looked_at_and_the_step_found_again() {
    use tandem::app::Screen;
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "boundary-map");
    h.press(KeyCode::Enter); // talk it over
    h.press(KeyCode::Tab);
    h.type_text("What I heard");
    let step = |h: &Harness| match &h.app.screen {
        Screen::Turn(turn) => turn.index,
        _ => panic!("in the together steps"),
    };
    let at = step(&h);
    h.press(KeyCode::F(2));
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    let peek = h.screen(100, 30);
    assert!(peek.contains("back to the step you were on"), "{peek}");
    assert!(
        h.last_frame.contains("↑↓ j k scroll"),
        "offered from the first frame: {}",
        h.last_frame
    );
    assert!(!peek.contains("go on together"), "{peek}");
    h.press(KeyCode::Esc);
    assert_eq!(step(&h), at, "back on the same step");
    assert!(
        h.screen(100, 30).contains("What I heard"),
        "with what was written"
    );
    h.press(KeyCode::F(2));
    h.press(KeyCode::Enter);
    assert_eq!(step(&h), at);
}

#[test]
fn going_on_with_a_started_turn_says_go_on_not_start() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    assert!(
        h.screen(100, 30)
            .contains("Alex starts once Sam is looking away")
    );
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('1'));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Enter);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Alex goes on from the step the turn was left at"),
        "{screen}"
    );
}

/// The page as exported in `format`.
fn exported(h: &Harness, format: tandem::export::Format) -> String {
    let page = newest_page(h);
    tandem::export::document(
        &[tandem::export::ExportPage {
            page,
            read_only: None,
        }],
        &h.app.library,
        &jiff::tz::TimeZone::UTC,
        format,
    )
}

#[test]
fn who_meets_a_need_is_said_with_names_in_the_turn_the_reveal_and_exports() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "needs-inventory");
    h.press(KeyCode::Enter);
    let turn = h.screen(100, 30);
    assert!(
        turn.contains("2 Sam"),
        "Alex is offered Sam by name\n{turn}"
    );
    assert!(!turn.contains("partner"), "{turn}");
    h.press(KeyCode::Esc);

    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "needs-inventory");
    let reveal = h.screen(120, 40);
    for word in ["/ partner", "/ me "] {
        assert!(!reveal.contains(word), "{word:?} in\n{reveal}");
    }
    assert!(
        reveal.contains("/ Sam") && reveal.contains("/ Alex"),
        "{reveal}"
    );
    for format in [
        tandem::export::Format::Markdown,
        tandem::export::Format::Html,
    ] {
        let text = exported(&h, format);
        assert!(
            !text.contains("/ partner") && !text.contains("/ me"),
            "{text}"
        );
        assert!(text.contains("/ Sam") && text.contains("/ Alex"), "{text}");
        // The marks and what they mean, as on screen.
        assert!(text.contains("(≠)"), "{text}");
        assert!(text.contains("(≠) you answered differently"), "{text}");
    }
}

#[test]
fn checklists_are_exported_side_by_side_with_what_both_chose_first() {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "saying-no");
    let markdown = exported(&h, tandem::export::Format::Markdown);
    let heading = "## When is a no hardest for you to say to your partner?\n\n| Alex | Sam |";
    assert!(markdown.contains(heading), "{markdown}");
    assert!(markdown.contains("(both of you)"), "{markdown}");
    let html = exported(&h, tandem::export::Format::Html);
    assert!(!html.contains("Only Alex"), "{html}");
    assert!(html.contains("(both of you)"), "{html}");
}

#[test]
fn a_page_is_removed_only_after_a_yes_and_kept_whole_aside() {
    let mut h = demo(16);
    let first = h.app.home_items()[0].clone();
    let tandem::app::HomeItem::Page(id) = first else {
        panic!("a page first on home");
    };
    let page = h.app.journal.page(&id).expect("read").clone();
    let file = h
        .data_dir()
        .join("journal")
        .join(format!("{}.ron", page.id));
    let bytes = std::fs::read(&file).expect("the page's file");

    // No, twice: Esc and n leave everything as it was.
    for no in [KeyCode::Esc, KeyCode::Char('n')] {
        h.press(KeyCode::Char('D'));
        let screen = h.screen(80, 24);
        assert!(screen.contains("Remove this page?"), "{screen}");
        assert!(screen.contains(&page.title), "{screen}");
        h.press(no);
        assert!(h.app.overlay.is_none());
        assert!(file.exists());
    }
    // Enter is not a yes.
    h.press(KeyCode::Delete);
    h.press(KeyCode::Enter);
    assert!(file.exists());
    h.press(KeyCode::Char('y'));
    assert!(!file.exists(), "the page has left the journal");
    let kept = h
        .data_dir()
        .join("removed")
        .join(format!("{}.ron", page.id));
    assert_eq!(std::fs::read(&kept).expect("kept aside"), bytes);
    assert!(!h.app.journal.contains(&page.id));
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Removed") && screen.contains("removed"),
        "{screen}"
    );
    h.press(KeyCode::Enter);
    assert!(h.app.overlay.is_none());

    // Moving the file back brings the page back on the next start.
    std::fs::rename(&kept, &file).expect("move back");
    let mut h = h.reopen();
    h.measure();
    assert!(h.app.journal.contains(&page.id));
}

#[test]
fn a_talked_over_page_is_removed_from_the_journal_list() {
    let mut h = demo(16);
    h.press(KeyCode::Char('b'));
    h.press_n(KeyCode::Down, 3);
    let before = h.app.journal.pages.len();
    h.press(KeyCode::Delete);
    let screen = h.screen(80, 24);
    assert!(screen.contains("It leaves the journal"), "{screen}");
    assert!(screen.contains("removed/"), "{screen}");
    h.press(KeyCode::Char('y'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.journal.pages.len(), before - 1);
    assert!(matches!(h.app.screen, Screen::Journal));
    let removed = std::fs::read_dir(h.data_dir().join("removed")).expect("removed folder");
    assert_eq!(removed.count(), 1);
}

#[test]
fn starting_an_exercise_with_an_open_page_of_it_asks_first() {
    let mut h = demo(16);
    // The demo's newest check-ins are open: one in progress, one waiting.
    let open_pages = |h: &Harness| {
        h.app
            .journal
            .pages
            .iter()
            .filter(|p| p.exercise == "weekly-check-in" && p.status.is_unfinished())
            .count()
    };
    let before = open_pages(&h);
    assert!(before > 0);
    let newest = h
        .app
        .journal
        .pages
        .iter()
        .filter(|p| p.exercise == "weekly-check-in" && p.status.is_unfinished())
        .max_by_key(|p| p.started)
        .map(|p| p.id.clone());
    choose_exercise(&mut h, "weekly-check-in");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Start another page?"), "{screen}");
    assert!(screen.contains("n goes on with that one"), "{screen}");
    // Esc: back to the library, nothing done.
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Library(_)));
    // n: the open page, to go on with it.
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('n'));
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    assert_eq!(h.app.open_page().map(|o| o.page().id.clone()), newest);
    assert_eq!(open_pages(&h), before);
    h.press(KeyCode::Esc);
    // y: a second page.
    choose_exercise(&mut h, "weekly-check-in");
    h.press(KeyCode::Char('y'));
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    assert_ne!(h.app.open_page().map(|o| o.page().id.clone()), newest);
    // An exercise with nothing open starts at once.
    h.press(KeyCode::Esc);
    let mut fresh = Harness::with_couple();
    start_exercise(&mut fresh, "weekly-check-in");
    assert!(matches!(fresh.app.screen, Screen::Handoff(_)));
}

#[test]
fn two_drafts_of_one_day_are_told_apart_by_their_time_on_home() {
    use tandem::model::{Answer, EntryStatus, Page};
    let h = Harness::with_couple();
    let exercise = h.app.library.get("boundary-map").expect("built-in").clone();
    let names = ["Alex".to_string(), "Sam".to_string()];
    for hours in [0, 3] {
        let started = fixed_now() + jiff::SignedDuration::from_hours(hours);
        let id = format!("{}-boundary-map", started.strftime("%Y-%m-%d-%H%M%S"));
        let mut page = Page::new(id, &exercise, &names, started);
        let entry = page.entry_mut(Partner::First);
        entry.status = EntryStatus::Draft;
        entry.started = Some(started);
        entry
            .answers
            .insert("area".into(), Answer::Text("When plans change".into()));
        h.store.save_page(&page).expect("save");
    }
    let mut h = h.reopen();
    h.measure();
    let home = h.screen(100, 30);
    assert!(
        home.contains("18 Nov 2026 11:06") && home.contains("18 Nov 2026 14:06"),
        "{home}"
    );
    // One page of a day needs no time.
    let single = demo(16);
    let screen = single.screen(100, 30);
    let chars: Vec<char> = screen.chars().collect();
    let a_time = chars
        .windows(5)
        .any(|w| w[2] == ':' && [w[0], w[1], w[3], w[4]].iter().all(char::is_ascii_digit));
    assert!(!a_time, "{screen}");
}

#[test]
fn names_can_be_changed_later_and_earlier_pages_keep_theirs() {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "boundary-map");
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)));

    // Esc leaves the names as they were.
    h.press(KeyCode::Char('R'));
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Your names") && screen.contains("Alex"),
        "{screen}"
    );
    h.press_n(KeyCode::Backspace, 4);
    h.type_text("Robin");
    h.press(KeyCode::Esc);
    assert_eq!(h.app.names(), ["Alex", "Sam"]);

    h.press(KeyCode::Char('R'));
    h.press_n(KeyCode::Backspace, 4);
    h.type_text("Robin");
    h.press(KeyCode::Enter); // on to the second name
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Home(_)));
    assert_eq!(h.app.names(), ["Robin", "Sam"]);
    let saved = h.store.load_couple().expect("read").expect("a couple");
    assert_eq!(saved.names, ["Robin", "Sam"]);
    assert!(h.screen(100, 30).contains("Hello, Robin and Sam."));
    // The page written before keeps the name it was written with.
    assert_eq!(newest_page(&h).entries[0].partner, "Alex");

    // A page still being written says the names as they are now, as its
    // turns do.
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &ALEX);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('R'));
    h.press(KeyCode::Enter);
    h.press_n(KeyCode::Backspace, 3);
    h.type_text("Kim");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.names(), ["Robin", "Kim"]);
    let home = h.screen(100, 30);
    assert!(home.contains("waiting for Kim"), "{home}");
    assert!(!home.contains("waiting for Sam"), "{home}");
    h.press(KeyCode::Char('R'));
    h.press(KeyCode::Enter);
    h.press_n(KeyCode::Backspace, 3);
    h.type_text("Sam");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.names(), ["Robin", "Sam"]);

    // A couple file with a comment of the couple's own is not rewritten.
    let path = h.data_dir().join("couple.ron");
    let text = std::fs::read_to_string(&path).expect("couple.ron");
    let commented = format!("// our names\n{text}");
    std::fs::write(&path, &commented).expect("write");
    h.press(KeyCode::Char('R'));
    h.type_text("a");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(h.app.names(), ["Robin", "Sam"]);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), commented);
    let screen = h.screen(100, 30);
    assert!(screen.contains("comments of your own"), "{screen}");
}

/// From the reveal of the boundary map to its agreements, with the
/// three steps before written.
fn to_the_agreements(h: &mut Harness) {
    h.press(KeyCode::Enter);
    write_steps(h, &["I hear you", "I hear you too", "Our notes."]);
}

#[test]
fn writing_an_agreement_already_in_use_offers_the_one_there_is() {
    let mut h = Harness::with_couple();
    reveal_boundary_map(&mut h);
    to_the_agreements(&mut h);
    h.type_text("We keep Sunday mornings free.");
    assert!(!h.screen(100, 30).contains("already one of your"));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    // One agreement is counted as one.
    h.press(KeyCode::Char('a'));
    let listed = h.screen(100, 30);
    assert!(listed.contains("1 agreement, 1 in use"), "{listed}");
    h.press(KeyCode::Esc);

    reveal_boundary_map(&mut h);
    to_the_agreements(&mut h);
    h.type_text("we keep sunday  mornings free");
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("“We keep Sunday mornings free.” is already one of your agreements"),
        "{screen}"
    );
    // Said again on the card that finishes, before it is kept.
    h.press(KeyCode::Tab);
    let finish = h.screen(100, 30);
    assert!(finish.contains("Finished talking it over?"), "{finish}");
    assert!(
        finish.contains("“We keep Sunday mornings free.” is already one of your agreements"),
        "{finish}"
    );
    // Something else is not taken for it.
    let mut other = Harness::with_couple();
    reveal_boundary_map(&mut other);
    to_the_agreements(&mut other);
    other.type_text("We ask before inviting family");
    assert!(!other.screen(100, 30).contains("already one of your"));
}

#[test]
fn an_agreements_words_can_be_changed_and_the_old_ones_are_kept() {
    let mut h = demo(16);
    h.press(KeyCode::Char('a'));
    let first = tandem::app::agreement_lines(&h.app.journal)[0].clone();
    // Esc leaves the words as they were.
    h.press(KeyCode::Char('e'));
    h.type_text(" Mostly.");
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Agreements(_)));
    let unchanged = h
        .store
        .load_page(&first.page, &h.app.library)
        .expect("load");
    assert_eq!(
        unchanged.page.shared.agreements[first.index].text,
        first.agreement.text
    );

    h.press(KeyCode::Char('e'));
    let screen = h.screen(100, 30);
    assert!(screen.contains("New words"), "{screen}");
    h.type_text(" Mostly.");
    h.press(KeyCode::Enter);
    let page = h
        .store
        .load_page(&first.page, &h.app.library)
        .expect("load")
        .page;
    let agreement = &page.shared.agreements[first.index];
    assert_eq!(agreement.text, format!("{} Mostly.", first.agreement.text));
    assert_eq!(agreement.status, first.agreement.status);
    let last = agreement.reviews.last().expect("a history line");
    assert_eq!(last.was.as_deref(), Some(first.agreement.text.as_str()));
    let screen = h.screen(100, 30);
    assert!(screen.contains("new words; it said"), "{screen}");
}

#[test]
fn a_new_agreement_is_written_down_from_the_agreements_screen() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('a'));
    assert!(h.screen(100, 30).contains("press n"));
    h.press(KeyCode::Char('n'));
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    assert_eq!(
        h.app.open_page().map(|o| o.page().exercise.as_str()),
        Some("an-agreement")
    );
    h.press(KeyCode::Enter);
    answer_turn(&mut h, 0, "Alex");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    answer_turn(&mut h, 1, "Sam");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter); // talk it over
    write_steps(
        &mut h,
        &["You would like quiet Sundays", "You would like to be asked"],
    );
    h.type_text("Sunday mornings stay free of plans.");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    let lines = tandem::app::agreement_lines(&h.app.journal);
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0].agreement.text,
        "Sunday mornings stay free of plans."
    );
    assert_eq!(lines[0].page_title, "An agreement of our own");
}

#[test]
fn long_agreements_wrap_everywhere_and_nothing_scrolls_sideways_at_80_columns() {
    const LONG: &str = "Sam joins Alex's family for Sunday lunch once a month, and goes to Sunday lunch on his own the other weeks";
    let mut h = Harness::with_couple();
    write_agreements(&mut h, &[LONG, "Phones away at dinner"]);
    // Removing the second item leaves the first being written: all of it
    // shows, from its start.
    h.ctrl('d');
    let screen = h.screen(80, 24);
    assert!(screen.contains("Sam joins Alex's family"), "{screen}");
    assert!(screen.contains("on his own the other weeks"), "{screen}");
    h.press(KeyCode::Up);
    h.press(KeyCode::Enter);
    h.type_text("Phones away at dinner");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("• Sam joins Alex's family") && screen.contains("on his own the other"),
        "an item not being written wraps too:\n{screen}"
    );
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);

    h.press(KeyCode::Char('a'));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Sam joins Alex's family"), "{screen}");
    assert!(
        screen.contains("the other weeks"),
        "the list wraps:\n{screen}"
    );
    // New words wrap in their box as they are typed.
    h.press(KeyCode::Char('e'));
    h.type_text(", unless it is a birthday");
    let screen = h.screen(80, 24);
    assert!(screen.contains("unless it is a birthday"), "{screen}");
    assert!(screen.contains("New words"), "{screen}");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);

    // The check-in's review shows the whole agreement beside its choices.
    both_partners_answer(&mut h, "weekly-check-in");
    h.press(KeyCode::Enter);
    let review = h.screen(80, 24);
    assert!(review.contains("Sam joins Alex's family"), "{review}");
    assert!(review.contains("the other weeks"), "{review}");
}

#[test]
fn a_removed_list_item_and_a_changed_status_can_be_taken_back() {
    let mut h = Harness::with_couple();
    write_agreements(
        &mut h,
        &["Ask before weekend plans", "Phones away at dinner"],
    );
    h.press(KeyCode::Up);
    h.ctrl('d');
    let screen = h.screen(80, 24);
    assert!(!screen.contains("Ask before weekend plans\n"), "{screen}");
    assert!(
        screen.contains("Removed “Ask before weekend plans”. Ctrl-Z brings it back."),
        "{screen}"
    );
    h.ctrl('z');
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("still writing");
    };
    let Some(tandem::app::FieldEditor::List(list)) = &turn.view.editor else {
        panic!("the list");
    };
    assert_eq!(
        list.items(),
        ["Ask before weekend plans", "Phones away at dinner"],
        "back where it was"
    );
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);

    h.press(KeyCode::Char('a'));
    let page_id = tandem::app::agreement_lines(&h.app.journal)[0].page.clone();
    let on_disk = |h: &Harness| {
        h.store
            .load_page(&page_id, &h.app.library)
            .expect("load")
            .page
            .shared
            .agreements
    };
    h.press(KeyCode::Char('3'));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Now ended. u takes it back."), "{screen}");
    assert!(
        on_disk(&h)
            .iter()
            .any(|a| a.status == tandem::model::AgreementStatus::Retired),
        "saved at once"
    );
    h.press(KeyCode::Char('u'));
    // Taken back as a change made and unmade on this screen: it leaves no
    // mark in the history.
    for agreement in on_disk(&h) {
        assert_eq!(agreement.status, tandem::model::AgreementStatus::Active);
        assert!(agreement.reviews.is_empty(), "{agreement:?}");
    }
    assert!(h.screen(80, 24).contains("Taken back: it is in use again."));
    // Only the last change is taken back, once.
    assert!(!h.app.can(tandem::keymap::Action::UndoStatus));
}

#[test]
fn a_side_by_side_longer_than_the_screen_says_there_is_more_below() {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "boundary-map");
    let screen = h.screen(80, 24);
    assert!(screen.contains("more lines below: PgDn"), "{screen}");
    h.press(KeyCode::End);
    let screen = h.screen(80, 24);
    assert!(screen.contains("the end of the page"), "{screen}");
}

#[test]
fn a_long_grid_keeps_its_group_and_place_in_sight_at_80_by_24() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "needs-inventory");
    h.press(KeyCode::Enter);
    let screen = h.screen(80, 24);
    assert!(screen.contains("row 1 of 31"), "{screen}");
    assert!(
        screen.contains("↓ more below"),
        "rows out of sight are said:\n{screen}"
    );
    h.press_n(KeyCode::Down, 14);
    let screen = h.screen(80, 24);
    assert!(screen.contains("row 15 of 31"), "{screen}");
    // The row's group is named above it, however far down the list is.
    let lines: Vec<&str> = screen.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.contains("row 15 of 31"))
        .expect("the header");
    let inside = |l: &str| l.split('│').nth(1).unwrap_or("").to_string();
    assert!(
        inside(lines[header + 1])
            .trim_end()
            .ends_with("(continued)"),
        "a group's name comes first, not a row:\n{screen}"
    );
    // A row of one's own goes in a group of its own, at the end.
    h.press(KeyCode::Char('a'));
    h.type_text("Walks in the woods");
    h.press(KeyCode::Enter);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Of your own"), "{screen}");
    assert!(screen.contains("row 32 of 32"), "{screen}");

    // Removing it asks first.
    h.press(KeyCode::Char('4'));
    h.press(KeyCode::Up);
    h.press(KeyCode::Down);
    h.ctrl('d');
    let screen = h.screen(80, 24);
    assert!(screen.contains("Remove this row?"), "{screen}");
    assert!(screen.contains("Walks in the woods"), "{screen}");
    h.press(KeyCode::Char('n'));
    assert!(h.screen(80, 24).contains("row 32 of 32"));
    h.ctrl('d');
    h.press(KeyCode::Char('y'));
    let screen = h.screen(80, 24);
    assert!(!screen.contains("Walks in the woods"), "{screen}");
    assert!(screen.contains("of 31"), "{screen}");
}

#[test]
fn when_both_have_started_either_may_go_on() {
    let mut h = demo(16);
    let page = h
        .app
        .journal
        .pages
        .iter()
        .find(|p| p.entries.iter().all(|e| *e == EntryStatus::Draft))
        .expect("a page both have started")
        .id
        .clone();
    let items = h.app.home_items();
    let at = items
        .iter()
        .position(|i| *i == tandem::app::HomeItem::Page(page.clone()))
        .expect("on home");
    h.press_n(KeyCode::Down, at);
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("Maya, it's your turn"));
    h.press(KeyCode::Right);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Jonas, it's your turn"), "{screen}");
    h.press(KeyCode::Enter);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("Jonas's turn");
    };
    assert_eq!(turn.partner, Some(Partner::Second));
}

#[test]
fn talking_it_over_goes_on_at_the_step_left_and_home_says_so() {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "boundary-map");
    h.press(KeyCode::Enter); // talk it over
    h.type_text("I hear you");
    h.press(KeyCode::Tab);
    h.type_text("I hear you too");
    h.press(KeyCode::Tab);
    let left = match &h.app.screen {
        Screen::Turn(turn) => turn.index,
        _ => panic!("talking it over"),
    };
    assert_eq!(left, 2);
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)));
    let home = h.screen(100, 30);
    assert!(home.contains("talking it over, not finished"), "{home}");

    let mut h = h.reopen();
    h.measure();
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    h.press(KeyCode::Enter);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("talking it over again");
    };
    assert_eq!(turn.index, left, "on the step left");
    // Finished, nothing of where they were is kept.
    h.press_n(KeyCode::Tab, 2);
    h.press(KeyCode::Enter);
    assert_eq!(newest_page(&h).shared.left_at, None);
}

#[test]
fn a_list_of_options_taller_than_the_window_says_how_many_more_there_are() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "my-own-needs");
    h.press(KeyCode::Enter);
    let screen = h.screen(40, 12);
    assert!(screen.contains("more"), "{screen}");
    assert!(screen.contains('↓'), "{screen}");
    h.press_n(KeyCode::Down, 8);
    let screen = h.screen(40, 12);
    assert!(screen.contains('↑') && screen.contains("9"), "{screen}");
    // Where all fit, no such line.
    assert!(!h.screen(100, 30).contains("more"));
}

#[test]
fn quick_exit_closes_at_once_from_anywhere_and_keeps_what_was_typed() {
    // While typing an answer: Ctrl-Q is not text; it closes, and the words
    // are on the page.
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("Half a sentence");
    h.ctrl('q');
    assert_eq!(h.flow, Flow::Quit);
    assert!(h.app.overlay.is_none());
    assert_eq!(
        newest_page(&h).entry(Partner::First).answers.get("area"),
        Some(&Answer::Text("Half a sentence".into()))
    );

    // With a question open over the screen, it asks nothing more.
    let mut h = demo(16);
    h.press(KeyCode::Char('D'));
    assert!(h.app.overlay.is_some());
    h.ctrl('q');
    assert_eq!(h.flow, Flow::Quit);
    // And the keys of every screen list it.
    let mut h = demo(16);
    h.press(KeyCode::Char('?'));
    assert!(h.screen(100, 40).contains("quick exit"));
}

#[test]
fn a_notice_has_a_line_of_its_own_and_the_keys_keep_the_footer() {
    let mut h = Harness::with_couple();
    h.app.notice = Some(
        "Maya's answers are sealed from now on: this is a long notice that would fill the whole footer on its own at eighty columns"
            .to_string(),
    );
    let screen = h.screen(80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let footer = lines.last().copied().unwrap_or_default();
    assert!(footer.contains("? help"), "{screen}");
    assert!(footer.contains("n "), "{screen}");
    assert!(!footer.contains("sealed"), "{screen}");
    // The notice is there in full, above the keys.
    assert!(
        screen.contains("Maya's answers are sealed from now on"),
        "{screen}"
    );
    assert!(screen.contains("eighty columns"), "{screen}");
}

/// Pages reach the screen in batches, and not always newest first (the
/// reader runs on several threads; the summaries cache answers at once).
/// A row chosen meanwhile stays chosen, on home and in the journal.
#[test]
fn a_chosen_page_stays_chosen_while_pages_are_still_arriving() {
    use tandem::app::{App, Event, HomeItem, JournalIndex, Screen};

    let demo = demo(16);
    let ids = demo.store.page_ids().expect("list");
    assert!(ids.len() >= 12, "{}", ids.len());
    let couple = demo.store.load_couple().expect("readable");
    let library = built_in_library();
    let arrive = |app: &mut App, ids: &[String]| {
        for id in ids {
            let loaded = demo.store.load_page(id, &app.library);
            app.journal.add_loaded(id, loaded);
        }
        app.pages_read();
    };
    // The older half arrives first, then the newer: every page already
    // listed moves down the list when the newer ones come in.
    let (newer, older) = ids.split_at(ids.len() / 2);

    let mut app = App::new(
        couple.clone(),
        library.clone(),
        JournalIndex::new(ids.clone()),
        demo_now,
        jiff::tz::TimeZone::UTC,
    );
    arrive(&mut app, older);
    app.update(Event::key(KeyCode::Char('b')));
    for _ in 0..3 {
        app.update(Event::key(KeyCode::Down));
    }
    let chosen = app
        .journal_view
        .selected_page(&app.journal)
        .expect("a page chosen")
        .id
        .clone();
    arrive(&mut app, newer);
    assert!(!app.journal.is_loading());
    assert_eq!(
        app.journal_view
            .selected_page(&app.journal)
            .map(|p| p.id.as_str()),
        Some(chosen.as_str()),
        "the journal keeps the page chosen"
    );

    let mut app = App::new(
        couple,
        library,
        JournalIndex::new(ids.clone()),
        demo_now,
        jiff::tz::TimeZone::UTC,
    );
    arrive(&mut app, older);
    for _ in 0..2 {
        app.update(Event::key(KeyCode::Down));
    }
    let selected = |app: &App| {
        let Screen::Home(home) = &app.screen else {
            panic!("home");
        };
        app.home_items()[home.selected].clone()
    };
    let chosen = selected(&app);
    assert!(matches!(chosen, HomeItem::Page(_)), "{chosen:?}");
    arrive(&mut app, newer);
    assert_eq!(selected(&app), chosen, "home keeps the row chosen");
    assert_ne!(
        app.home_items().iter().position(|i| *i == chosen),
        Some(2),
        "the chosen row moved: the newer pages came in above it"
    );
}
