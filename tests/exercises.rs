//! Each built-in exercise driven through the update function to a saved
//! page, and what the side by side shows for it.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::app::Screen;
use tandem::compare::{Body, sections};
use tandem::content::Library;
use tandem::model::{AgreementStatus, Answer, EntryStatus, PageStatus, Partner, StepMode};

/// Goes through the together part: every slot gets a line of text or its
/// first option, then the page is finished.
fn talk_it_over(h: &mut Harness) {
    h.press(KeyCode::Enter);
    for _ in 0..40 {
        let Screen::Turn(turn) = &h.app.screen else {
            panic!("not talking it over");
        };
        let Some(editor) = &turn.editor else {
            h.press(KeyCode::Enter);
            return;
        };
        match editor {
            tandem::app::FieldEditor::Text(_) | tandem::app::FieldEditor::List(_) => {
                h.type_text("said together");
            }
            tandem::app::FieldEditor::Scale(_) => h.press(KeyCode::Right),
            _ => h.press(KeyCode::Char('1')),
        }
        h.press(KeyCode::Tab);
    }
    panic!("the talk never ended");
}

#[test]
fn every_built_in_exercise_can_be_completed_by_both_partners() {
    let library = Library::load(None);
    for exercise in library.exercises() {
        let mut h = Harness::with_couple();
        both_partners_answer(&mut h, &exercise.id);
        assert!(
            matches!(h.app.screen, Screen::SideBySide(_)),
            "{}: no reveal",
            exercise.id
        );
        talk_it_over(&mut h);
        let page = newest_page(&h);
        assert_eq!(page.status(), PageStatus::Discussed, "{}", exercise.id);
        for partner in Partner::BOTH {
            let entry = page.entry(partner);
            assert_eq!(entry.status, EntryStatus::Done);
            for step in exercise.individual_steps() {
                assert!(
                    entry.answers.contains_key(&step.id),
                    "{}: {} left {} unanswered",
                    exercise.id,
                    entry.partner,
                    step.id
                );
            }
        }
        // Every step renders, at the smallest supported size too.
        for (w, hgt) in [(40, 12), (80, 24), (200, 60)] {
            h.screen(w, hgt);
        }
    }
}

#[test]
fn the_needs_reveal_puts_important_and_poorly_met_needs_first() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "needs-inventory");
    h.press(KeyCode::Enter);
    // Alex: affection 5/1 (important, poorly met), understood 3/3,
    // time together 2/2.
    for digit in ['5', '1', '2', '3', '3', '4', '2', '2', '1'] {
        h.press(KeyCode::Char(digit));
    }
    h.press(KeyCode::Tab);
    h.press_n(KeyCode::Tab, 3);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    // Sam: affection 3/3, understood 4/3, time together 5/2 (important,
    // poorly met, but less unmet than Alex's affection).
    for digit in ['3', '3', '4', '4', '3', '4', '5', '2', '4'] {
        h.press(KeyCode::Char(digit));
    }
    h.press_n(KeyCode::Tab, 4);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));

    let page = h.app.open_page().expect("open").page().clone();
    let exercise = h.app.library.get("needs-inventory").expect("built-in");
    let revealed = tandem::reveal::reveal(&page).expect("both finished");
    let all = sections(revealed, Some(exercise), false);
    let Body::Grid { rows, .. } = &all[0].body else {
        panic!("the inventory compares as a grid");
    };
    let order: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        order,
        [
            "Affection and warmth",
            "Time together, just us",
            "Feeling understood"
        ]
    );
    assert!(rows[0].urgent && rows[1].urgent && !rows[2].urgent);
    assert_eq!(rows[0].values[0], ["5", "1", "Sam"]);
    assert_eq!(rows[0].values[1], ["3", "3", "both of us"]);
    let screen = h.screen(100, 30);
    assert!(screen.contains("! Affection and warmth"), "{screen}");
    assert!(
        screen.contains("important to one of you and poorly met"),
        "{screen}"
    );
}

#[test]
fn speaker_and_listener_take_turns_in_the_order_written() {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "speaker-listener");
    h.press(KeyCode::Enter);
    let mut turns = Vec::new();
    for _ in 0..8 {
        let screen = h.screen(100, 30);
        let whose = if screen.contains("Alex's turn") {
            "Alex"
        } else if screen.contains("Sam's turn") {
            "Sam"
        } else {
            panic!("no one's turn:\n{screen}")
        };
        turns.push(whose);
        if screen.contains("how well were you heard?") {
            h.press(KeyCode::Char('4'));
        } else {
            h.type_text(&format!("{whose} says"));
        }
        h.press(KeyCode::Tab);
    }
    assert_eq!(
        turns,
        ["Alex", "Sam", "Alex", "Alex", "Sam", "Alex", "Sam", "Sam"]
    );
    // The listener sees what the speaker said.
    let page = &h.app.open_page().expect("open").page();
    assert_eq!(
        page.entry(Partner::Second).answers.get("paraphrase-1"),
        Some(&Answer::Text("Sam says".into()))
    );
    assert_eq!(
        page.entry(Partner::First).answers.get("accuracy-1"),
        Some(&Answer::Scale(4))
    );
}

#[test]
fn the_listener_sees_the_speakers_words() {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "speaker-listener");
    h.press(KeyCode::Enter);
    h.type_text("I would like quieter evenings");
    h.press(KeyCode::Tab);
    let screen = h.screen(100, 30);
    assert!(screen.contains("Sam: Listener: say back"), "{screen}");
    assert!(screen.contains("I would like quieter evenings"), "{screen}");
}

#[test]
fn the_conflict_reveal_builds_a_shared_repair_list() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "after-a-conflict");
    h.press(KeyCode::Enter);
    assert!(write_opening(&mut h, "Sunday's talk about money"));
    h.press(KeyCode::Enter);
    h.press_n(KeyCode::Tab, 3);
    // Alex welcomes the first three phrases.
    for digit in ['1', '1', '1'] {
        h.press(KeyCode::Char(digit));
    }
    h.press_n(KeyCode::Tab, 3);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    h.press_n(KeyCode::Tab, 3);
    // Sam welcomes the first, is unsure of the second, finds the third dismissive.
    for digit in ['1', '2', '3'] {
        h.press(KeyCode::Char(digit));
    }
    h.press_n(KeyCode::Tab, 3);
    h.press(KeyCode::Enter);
    let screen = h.screen(100, 80);
    let list = screen
        .split("Your shared repair list")
        .nth(1)
        .expect("the shared repair list is shown");
    assert!(list.contains("I notice I'm on the defensive."), "{list}");
    assert!(
        !list.contains("This is getting to be too much for me."),
        "{list}"
    );
}

#[test]
fn the_check_in_stores_ratings_as_numbers_and_reviews_agreements() {
    let mut h = Harness::with_couple();
    // A boundary map with two agreements, from an earlier week.
    write_agreements(
        &mut h,
        &["Ask before weekend plans", "Phones away at dinner"],
    );
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    let boundary_page = newest_page(&h).id;
    h.press(KeyCode::Esc);

    both_partners_answer(&mut h, "weekly-check-in");
    h.press(KeyCode::Enter);
    let review = h.screen(100, 30);
    assert!(review.contains("Ask before weekend plans"), "{review}");
    assert!(review.contains("Phones away at dinner"), "{review}");
    h.press(KeyCode::Char('1')); // keep
    h.press(KeyCode::Char('3')); // retire
    h.press(KeyCode::Tab);
    h.type_text("More walks");
    h.press_n(KeyCode::Tab, 2);
    h.press(KeyCode::Enter);

    let check_in = newest_page(&h);
    assert_eq!(check_in.exercise, "weekly-check-in");
    for id in [
        "closeness",
        "own-time",
        "talking",
        "support",
        "agreements-kept",
    ] {
        assert!(
            matches!(
                check_in.entry(Partner::First).answers.get(id),
                Some(Answer::Scale(_))
            ),
            "{id} stored as a number"
        );
    }
    let origin = h
        .store
        .load_page(&boundary_page, &h.app.library)
        .expect("load")
        .page;
    let statuses: Vec<_> = origin
        .shared
        .agreements
        .iter()
        .map(|a| (a.status, a.reviews.len()))
        .collect();
    assert_eq!(
        statuses,
        [(AgreementStatus::Active, 1), (AgreementStatus::Retired, 1)]
    );
    assert_eq!(
        origin.shared.agreements[1].reviews[0].page.as_deref(),
        Some(check_in.id.as_str())
    );

    // A retired agreement is not up for review again.
    let review_items = h.app.review_items();
    assert_eq!(review_items.len(), 1);
    assert_eq!(review_items[0].text, "Ask before weekend plans");
}

#[test]
fn the_reflection_summary_is_gentle_and_points_to_support_when_needed() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "reflection");
    h.press(KeyCode::Enter);
    // Alex: codependent statements (odd rows) often, strengths rarely.
    for n in 0..24 {
        h.press(KeyCode::Char(if n % 2 == 1 { '5' } else { '2' }));
    }
    h.press_n(KeyCode::Tab, 4);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    // Sam: strengths often, codependent statements rarely.
    for n in 0..24 {
        h.press(KeyCode::Char(if n % 2 == 0 { '4' } else { '1' }));
    }
    h.press_n(KeyCode::Tab, 4);
    h.press(KeyCode::Enter);

    let page = h.app.open_page().expect("open").page().clone();
    let exercise = h.app.library.get("reflection").expect("built-in");
    let revealed = tandem::reveal::reveal(&page).expect("both finished");
    let all = sections(revealed, Some(exercise), false);
    let summary = all
        .iter()
        .find(|s| s.heading.contains("What shows up most"))
        .expect("a summary per partner");
    let Body::Columns([Some(alex), Some(sam)]) = &summary.body else {
        panic!("the summary is side by side");
    };
    let alex = alex.join("\n");
    let sam = sam.join("\n");
    assert!(alex.contains("I feel responsible for my partner's feelings."));
    assert!(alex.contains("Co-Dependents Anonymous (CoDA)"));
    // Fear of a partner is named before any pattern work, with the way out.
    let fear = alex.find("afraid of a partner").expect("fear named");
    let way_out = alex.find("then !").expect("the safety screen named");
    assert!(fear < way_out && way_out < alex.find("CoDA").unwrap_or(0));
    assert!(!sam.contains("CoDA"));
    assert!(sam.contains("I say what I need, openly and honestly."));
    let note = all
        .iter()
        .find(|s| s.heading == "About this summary")
        .expect("the note");
    let Body::Together(Some(note)) = &note.body else {
        panic!("the note is one text");
    };
    assert!(note.contains("not a diagnosis"));
    // No number is presented as a score.
    assert!(!alex.contains("score") && !alex.chars().any(|c| c.is_ascii_digit()));
}

#[test]
fn every_step_mode_in_the_library_is_reachable() {
    let library = Library::load(None);
    let modes: Vec<&StepMode> = library
        .exercises()
        .flat_map(|e| e.steps.iter().map(|s| &s.mode))
        .collect();
    assert!(modes.iter().any(|m| matches!(m, StepMode::Individual)));
    assert!(modes.iter().any(|m| matches!(m, StepMode::Shared)));
    assert!(modes.iter().any(|m| matches!(m, StepMode::Reflect { .. })));
    assert!(modes.iter().any(|m| matches!(m, StepMode::Turn { .. })));
}

#[test]
fn a_topic_is_named_together_first_and_stays_in_view_during_each_turn() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "deciding-together");
    // Nobody looks away yet: the first part is written together.
    let before = h.screen(100, 30);
    assert!(before.contains("Together first"), "{before}");
    assert!(!before.contains("look away"), "{before}");
    h.press(KeyCode::Enter);
    assert!(
        h.screen(100, 30).contains("Together, before your turns"),
        "{}",
        h.screen(100, 30)
    );
    // Passing is for what a partner answers alone, not for this.
    h.press(KeyCode::F(3));
    assert!(matches!(&h.app.screen, Screen::Turn(t) if t.opening));
    h.type_text("Where do we go this summer?");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    let handoff = h.screen(100, 30);
    assert!(
        handoff.contains("What you wrote together is kept"),
        "{handoff}"
    );
    h.press(KeyCode::Enter);
    let steps = h
        .app
        .library
        .get("deciding-together")
        .map_or(0, |e| e.individual_steps().count());
    assert!(steps >= 4);
    for _ in 0..steps {
        let turn = h.screen(100, 30);
        assert!(turn.contains("Alex's turn"), "{turn}");
        assert!(turn.contains("Where do we go this summer?"), "{turn}");
        h.press(KeyCode::Tab);
    }
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let turn = h.screen(100, 30);
    assert!(turn.contains("Sam's turn"), "{turn}");
    assert!(turn.contains("Where do we go this summer?"), "{turn}");
    let page = newest_page(&h);
    assert_eq!(
        page.shared.answers.get("decision"),
        Some(&Answer::Text("Where do we go this summer?".into()))
    );
}

#[test]
fn a_topic_longer_than_the_screen_is_cut_and_the_answer_field_stays_in_view() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "deciding-together");
    h.press(KeyCode::Enter);
    h.paste(&"Where do we go this summer, and with whom? ".repeat(20_000));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let turn = h.screen(80, 24);
    assert!(turn.contains("Alex's turn"), "{turn}");
    assert!(turn.contains("Where do we go this summer"), "{turn}");
    assert!(
        turn.contains('…'),
        "the topic does not say it goes on:\n{turn}"
    );
    // The field is on screen, and what is typed lands in it.
    h.type_text("The sea");
    assert!(h.screen(80, 24).contains("The sea"), "{}", h.screen(80, 24));
}

#[test]
fn a_topic_left_half_written_is_there_to_finish_next_time() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "speaker-listener");
    h.press(KeyCode::Enter);
    h.type_text("Who cooks");
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)));
    let home = h.screen(100, 30);
    assert!(
        home.contains("written together so far; the turns are next"),
        "{home}"
    );
    assert!(!home.contains("not started yet"), "{home}");
    // Home offers the page; opening it and starting goes back to the topic.
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let Screen::Turn(turn) = &h.app.screen else {
        panic!("not back in the topic: {}", h.screen(100, 30));
    };
    assert!(turn.opening);
    assert!(h.screen(100, 30).contains("Who cooks"));
}

#[test]
fn a_grid_row_names_the_partner_rather_than_showing_braces() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "helping-or-rescuing");
    h.press(KeyCode::Enter);
    let turn = h.screen(120, 40);
    assert!(turn.contains("I step in before Sam asks"), "{turn}");
    assert!(!turn.contains('{'), "{turn}");
}

#[test]
fn saying_back_a_long_answer_keeps_every_earlier_answer_and_room_to_write() {
    const LONG: BoundaryWords = BoundaryWords {
        areas: &['1', '2', '3'],
        area: "When weekend plans are made without asking me, and I only hear about them on Friday evening when it is too late to say what I had in mind, and then I go along with it and feel quietly left behind all weekend, every weekend, for months now",
        feeling: "I feel left out",
        ask: "I would like us to check with each other first",
        will_do: "I will say so kindly when it happens",
        ease: 2,
    };
    let mut h = Harness::with_couple();
    reveal_boundary_map_as(&mut h, &ALEX, &LONG);
    h.press(KeyCode::Enter); // talk it over: Alex says back Sam's words
    let screen = h.screen(80, 24);
    assert!(screen.contains("I hear that"), "{screen}");
    for earlier in [
        "When weekend plans",
        "I feel left out",
        "I would like us to",
        "I will say so",
    ] {
        assert!(screen.contains(earlier), "{earlier} in view:\n{screen}");
    }
    assert!(screen.contains("F2 shows both answers whole"), "{screen}");
    assert!(
        screen
            .lines()
            .last()
            .unwrap_or_default()
            .contains("F2 both answers"),
        "{screen}"
    );
    // The field keeps room to write in: six rows at least.
    let field = screen.lines().filter(|l| l.contains('│')).count();
    assert!(field >= 4, "{screen}");
}

#[test]
fn the_check_in_asks_how_agreements_were_kept_with_them_in_view() {
    let mut h = Harness::with_couple();
    write_agreements(
        &mut h,
        &["Ask before weekend plans", "Phones away at dinner"],
    );
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    start_exercise(&mut h, "weekly-check-in");
    h.press(KeyCode::Enter);
    for _ in 0..10 {
        if h.screen(80, 24)
            .contains("How well were your agreements kept?")
        {
            break;
        }
        h.press(KeyCode::Tab);
    }
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("How well were your agreements kept?"),
        "{screen}"
    );
    assert!(screen.contains("Your agreements in use:"), "{screen}");
    assert!(screen.contains("• Ask before weekend plans"), "{screen}");
    assert!(screen.contains("• Phones away at dinner"), "{screen}");
}
