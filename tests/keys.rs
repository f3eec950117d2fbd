//! The key table keeps its word: in every context, each key the footer or
//! the help lists changes something the couple can see (or asks for a save,
//! a load, an export), and each key a context does not list does nothing.

mod common;

use std::collections::BTreeSet;

use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::app::{Effect, Event, Overlay, Screen};
use tandem::keymap::{self, Action, KeyContext};
use tandem::model::{Field, PageStatus};

/// What a couple can notice: the screen (with colours and the cursor) and
/// what the app asked its surroundings to do.
fn look(h: &Harness) -> (ratatui::buffer::Buffer, Option<ratatui::layout::Position>) {
    let mut terminal = h.render(h.size.0, h.size.1);
    let cursor = terminal.get_cursor_position().ok();
    (terminal.backend().buffer().clone(), cursor)
}

fn changes_something(h: &mut Harness, key: KeyEvent) -> bool {
    let before = look(h);
    h.send(Event::Key(key));
    !h.last_effects.is_empty() || look(h) != before
}

/// Starts a private turn on the first step, of any exercise, whose field
/// `wanted` picks; returns the step's field.
fn turn_at(h: &mut Harness, wanted: fn(&Field) -> bool) -> Field {
    let (id, index, field) = h
        .app
        .library
        .exercises()
        .find_map(|e| {
            e.individual_steps()
                .position(|s| wanted(&s.field))
                .map(|i| {
                    (
                        e.id.clone(),
                        i,
                        e.individual_steps().nth(i).map(|s| s.field.clone()),
                    )
                })
        })
        .expect("an exercise has such a step");
    start_exercise(h, &id);
    h.press(KeyCode::Enter);
    h.press_n(KeyCode::Tab, index);
    field.expect("the step")
}

fn grid_with_rows_of_ones_own(h: &mut Harness) {
    turn_at(
        h,
        |f| matches!(f, Field::Grid(g) if g.add_rows && g.columns.len() > 1),
    );
}

fn revealed(h: &mut Harness) {
    both_partners_answer(h, "boundary-map");
    h.press_n(KeyCode::Down, 3);
}

/// A page of the demo journal with `status`, opened.
fn demo_page(status: PageStatus) -> Harness {
    let mut h = demo(16);
    let id = h
        .app
        .journal
        .pages
        .iter()
        .find(|p| p.status == status)
        .map(|p| p.id.clone())
        .expect("the demo has such a page");
    h.flow = tandem::runtime::carry_out(&mut h.app, &h.store, vec![Effect::LoadPage(id)]);
    h.measure();
    h
}

fn talked_over(h: &mut Harness) {
    *h = demo_page(PageStatus::Discussed);
    h.press_n(KeyCode::Down, 3);
}

fn compared(h: &mut Harness) {
    *h = demo(16);
    let pages = &h.app.journal.pages;
    let pair = pages
        .iter()
        .filter(|p| p.revealed.is_some())
        .find_map(|a| {
            pages
                .iter()
                .find(|b| b.id != a.id && b.exercise == a.exercise && b.revealed.is_some())
                .map(|b| [a.id.clone(), b.id.clone()])
        })
        .expect("two revealed pages of one exercise");
    h.flow = tandem::runtime::carry_out(&mut h.app, &h.store, vec![Effect::LoadForCompare(pair)]);
    h.measure();
    h.press_n(KeyCode::Down, 3);
}

fn message(h: &mut Harness) {
    h.app.overlay = Some(Overlay::Message {
        title: "A message".into(),
        body: "Something to read.".into(),
    });
}

/// Ways to reach `context`, each leaving keys room to move (a selection in
/// the middle of a list, a view scrolled part way). A key the table lists
/// has to change something in at least one of them.
fn scenarios(context: KeyContext) -> Vec<fn(&mut Harness)> {
    match context {
        KeyContext::Onboarding => vec![
            |h| {
                *h = Harness::new();
                h.type_text("Alex");
            },
            // Changing the names later.
            |h| h.press(KeyCode::Char('R')),
        ],
        KeyContext::Home => vec![|h| {
            *h = demo(16);
            h.press(KeyCode::Down);
        }],
        KeyContext::Library => vec![
            |h| {
                h.press(KeyCode::Char('n'));
                h.press(KeyCode::Down);
            },
            |h| {
                // A long introduction, scrolled part way, in a short window.
                h.resize(80, 14);
                h.press(KeyCode::Char('n'));
                h.press(KeyCode::PageDown);
            },
        ],
        KeyContext::HandoffChoosing => vec![start_boundary_map, |h| {
            start_boundary_map(h);
            h.press(KeyCode::Right);
        }],
        KeyContext::Handoff => vec![|h| {
            start_boundary_map(h);
            h.press(KeyCode::Enter);
            answer_turn(h, 0, "words");
            h.press(KeyCode::Enter);
        }],
        KeyContext::WriteText => vec![
            |h| {
                turn_at(h, |f| matches!(f, Field::Text(_)));
                h.press(KeyCode::Tab);
                h.type_text("one two three");
                h.send(Event::Key(KeyEvent::new(
                    KeyCode::Left,
                    KeyModifiers::CONTROL,
                )));
            },
            |h| {
                turn_at(h, |f| matches!(f, Field::Text(_)));
                h.press(KeyCode::Tab);
                h.type_text("one two three");
                h.ctrl('u');
            },
            |h| {
                // Talking it over: saying back what the other wrote.
                both_partners_answer(h, "boundary-map");
                h.press(KeyCode::Enter);
                h.press(KeyCode::Tab);
                h.type_text("I heard you");
            },
        ],
        KeyContext::WriteList => vec![|h| {
            turn_at(h, |f| matches!(f, Field::List(_)));
            h.type_text("a\nb\nc");
            h.press(KeyCode::Up);
        }],
        KeyContext::Choice => vec![|h| {
            turn_at(h, |f| matches!(f, Field::Choice(c) if c.options.len() > 2));
            h.press(KeyCode::Char('3'));
            h.press(KeyCode::Up);
        }],
        KeyContext::Checklist => vec![|h| {
            turn_at(h, |f| matches!(f, Field::Checklist(_)));
            h.press(KeyCode::Down);
        }],
        KeyContext::Scale => vec![|h| {
            turn_at(h, |f| matches!(f, Field::Scale(_)));
            h.press(KeyCode::Right);
        }],
        KeyContext::Grid => vec![
            |h| {
                grid_with_rows_of_ones_own(h);
                h.press(KeyCode::Down);
                h.press(KeyCode::Char('1'));
                h.press(KeyCode::Left);
            },
            |h| {
                grid_with_rows_of_ones_own(h);
                h.press(KeyCode::Down);
                h.press(KeyCode::Right);
            },
            |h| {
                grid_with_rows_of_ones_own(h);
                h.press(KeyCode::Char('a'));
                h.type_text("Our own row");
                h.press(KeyCode::Enter);
            },
        ],
        KeyContext::GridAdding => vec![|h| {
            grid_with_rows_of_ones_own(h);
            h.press(KeyCode::Char('a'));
            h.type_text("Our own row");
        }],
        KeyContext::Finish => vec![|h| {
            start_boundary_map(h);
            h.press(KeyCode::Enter);
            answer_turn(h, 0, "words");
        }],
        KeyContext::SideBySide => vec![revealed],
        KeyContext::PeekAnswers => vec![|h| {
            both_partners_answer(h, "boundary-map");
            h.press(KeyCode::Enter);
            h.press(KeyCode::F(2));
            h.press_n(KeyCode::Down, 3);
        }],
        KeyContext::ReadPage => vec![talked_over],
        KeyContext::ReadOnlyPage => vec![|h| {
            *h = demo(16);
            let page = h
                .app
                .journal
                .pages
                .iter()
                .find(|p| p.status == PageStatus::Discussed)
                .map(|p| p.id.clone())
                .expect("a page talked over");
            let path = h.data_dir().join("journal").join(format!("{page}.ron"));
            let text = std::fs::read_to_string(&path).expect("read the page");
            std::fs::write(&path, text.replacen("answers:", "answrs:", 1)).expect("edit it");
            h.flow = tandem::runtime::carry_out(&mut h.app, &h.store, vec![Effect::LoadPage(page)]);
            h.measure();
            h.press_n(KeyCode::Down, 3);
        }],
        KeyContext::LaterNote => vec![|h| {
            talked_over(h);
            h.press(KeyCode::Char('a'));
            h.type_text("A later thought");
        }],
        KeyContext::Journal => vec![
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('b'));
                h.press_n(KeyCode::Down, 2);
            },
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('b'));
                filter_category(h, "Boundaries");
            },
        ],
        KeyContext::Picker => vec![
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('b'));
                h.press(KeyCode::Char('e'));
            },
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('t'));
                h.press(KeyCode::Char('/'));
                h.type_text("weekly");
                h.press(KeyCode::Down);
            },
        ],
        KeyContext::Search => vec![|h| {
            *h = demo(16);
            h.press(KeyCode::Char('b'));
            h.press(KeyCode::Char('/'));
            h.type_text("we");
        }],
        KeyContext::Compare => vec![compared],
        KeyContext::Agreements => vec![
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('a'));
                h.press(KeyCode::Down);
            },
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('a'));
                h.press(KeyCode::Down);
                h.press(KeyCode::Char('2'));
            },
        ],
        KeyContext::Rewording => vec![|h| {
            *h = demo(16);
            h.press(KeyCode::Char('a'));
            h.press(KeyCode::Char('e'));
            h.type_text(" Mostly.");
        }],
        KeyContext::Trends => vec![|h| {
            *h = demo(16);
            h.press(KeyCode::Char('t'));
            h.press(KeyCode::Down);
        }],
        KeyContext::Help => vec![|h| h.press(KeyCode::Char('?')), |h| {
            // The journal's keys in a small window: more than the box shows.
            *h = demo(16);
            h.resize(60, 16);
            h.press(KeyCode::Char('b'));
            h.press(KeyCode::Char('?'));
            h.press(KeyCode::Down);
        }],
        KeyContext::Message => vec![message],
        KeyContext::Confirm => vec![
            |h| {
                *h = demo(16);
                h.press(KeyCode::Char('D'));
            },
            |h| {
                *h = demo(16);
                choose_exercise(h, "weekly-check-in");
            },
        ],
        KeyContext::RemovedPages => vec![removed_pages, |h| {
            removed_pages(h);
            h.press(KeyCode::Down);
        }],
        KeyContext::Sealing => vec![|h| h.press(KeyCode::Char('P'))],
        KeyContext::Passphrase => vec![|h| {
            h.press(KeyCode::Char('P'));
            h.press(KeyCode::Enter);
            h.type_text("short");
        }],
        KeyContext::SafeToAnswer => vec![|h| {
            h.says_safe = false;
            start_boundary_map(h);
            h.press(KeyCode::Enter);
        }],
        KeyContext::Recovery => vec![|h| {
            let recovery = tandem::recovery::Recovery::new(
                h.data_dir(),
                fixed_now(),
                "the disk was full".into(),
            );
            h.app.offer_recovery(vec![tandem::recovery::Found {
                path: h.data_dir().join("gone.ron"),
                recovery,
            }]);
        }],
    }
}

fn reach(context: KeyContext, scenario: Scenario) -> Harness {
    let mut h = Harness::with_couple();
    for step in scenario {
        step(&mut h);
    }
    assert_eq!(
        h.app.key_context(),
        context,
        "the scenario reaches {context:?}"
    );
    h
}

/// A scenario, and what is done after it.
type Scenario = [fn(&mut Harness); 2];

fn nothing_more(_: &mut Harness) {}

/// In a box that takes text, some words more and the cursor a word back,
/// or some words more and the last change undone: room for the editing
/// keys to move and redo.
fn word_back(h: &mut Harness) {
    h.type_text(" more words");
    h.send(Event::Key(KeyEvent::new(
        KeyCode::Left,
        KeyModifiers::CONTROL,
    )));
}

fn undone(h: &mut Harness) {
    h.type_text(" more words");
    h.ctrl('u');
}

/// The journal's list of removed pages, two of them, the newest chosen.
fn removed_pages(h: &mut Harness) {
    *h = demo(16);
    h.press(KeyCode::Char('b'));
    for _ in 0..2 {
        h.press(KeyCode::Char('D'));
        h.press(KeyCode::Char('y'));
        h.press(KeyCode::Enter);
    }
    h.press(KeyCode::Char('u'));
}

/// Every way into `context`, with the variations its keys need.
fn runs(context: KeyContext) -> Vec<Scenario> {
    let thens: &[fn(&mut Harness)] = if context.takes_text() {
        &[nothing_more, word_back, undone]
    } else {
        &[nothing_more]
    };
    scenarios(context)
        .into_iter()
        .flat_map(|s| thens.iter().map(move |then| [s, *then]))
        .collect()
}

#[test]
fn every_key_listed_does_what_it_says() {
    for context in KeyContext::all() {
        let mut listed: BTreeSet<String> = BTreeSet::new();
        let mut worked: BTreeSet<String> = BTreeSet::new();
        for scenario in runs(context) {
            let h = reach(context, scenario);
            let bindings = h.app.available_keys(context);
            assert!(!bindings.is_empty(), "{context:?} lists no keys");
            for binding in bindings {
                for (key, _) in binding.keys {
                    let name = format!("{} ({})", binding.label(), binding.help);
                    let name = format!("{key:?} of {name}");
                    listed.insert(name.clone());
                    let mut h = reach(context, scenario);
                    if changes_something(&mut h, key.event()) {
                        worked.insert(name);
                    }
                }
            }
        }
        let idle: Vec<_> = listed.difference(&worked).collect();
        assert!(
            idle.is_empty(),
            "in {context:?} these keys are listed but change nothing: {idle:#?}"
        );
    }
}

/// Keys a couple might press anywhere.
fn probes() -> Vec<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut keys: Vec<KeyEvent> = (' '..='~').map(|c| plain(KeyCode::Char(c))).collect();
    keys.extend(
        [
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
        ]
        .map(plain),
    );
    keys.push(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    keys.extend((2..=12).map(|n| plain(KeyCode::F(n))));
    keys.extend(
        ('a'..='z')
            .filter(|c| *c != 'c')
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
    for code in [KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right] {
        keys.push(KeyEvent::new(code, KeyModifiers::ALT));
        keys.push(KeyEvent::new(code, KeyModifiers::CONTROL));
    }
    keys
}

#[test]
fn keys_not_listed_do_nothing() {
    for context in KeyContext::all().filter(|c| !c.takes_text()) {
        for scenario in runs(context) {
            let mut h = reach(context, scenario);
            for key in probes() {
                if keymap::resolve(context, key).is_some() {
                    continue;
                }
                assert!(
                    !changes_something(&mut h, key),
                    "in {context:?}, {key:?} is in no table but changed something"
                );
            }
        }
    }
}

#[test]
fn a_key_listed_but_unavailable_does_nothing() {
    // Shift-Tab on the first step: not offered, and nothing happens.
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    let footer = h.screen(100, 30);
    assert!(!footer.contains("Shift-Tab"), "{footer}");
    let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert!(!changes_something(&mut h, back));
    assert!(!h.app.can(Action::PreviousStep));
}

#[test]
fn the_hand_off_offers_a_choice_only_while_there_is_one() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    assert!(h.screen(100, 30).contains("choose who goes first"));
    h.press(KeyCode::Enter);
    answer_turn(&mut h, 0, "words");
    h.press(KeyCode::Enter);
    let screen = h.screen(100, 30);
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    assert!(!screen.contains("choose who goes first"), "{screen}");
    assert!(!changes_something(
        &mut h,
        Key::Plain(KeyCode::Left).event()
    ));
}

use tandem::keymap::Key;

#[test]
fn every_context_resolves_its_own_keys_first() {
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(
        keymap::resolve(KeyContext::LaterNote, ctrl_s),
        Some(Action::AddNote)
    );
    assert_eq!(
        keymap::resolve(KeyContext::WriteText, ctrl_s),
        Some(Action::Save)
    );
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap::resolve(KeyContext::Home, q), Some(Action::Quit));
    assert_eq!(
        keymap::resolve(KeyContext::WriteText, q),
        None,
        "q is text there"
    );
    assert_eq!(keymap::resolve(KeyContext::Help, q), Some(Action::Close));
    let seven = KeyEvent::new(KeyCode::Char('7'), KeyModifiers::NONE);
    assert_eq!(
        keymap::resolve(KeyContext::Scale, seven),
        Some(Action::Number(7))
    );
    assert_eq!(
        keymap::resolve(KeyContext::Choice, seven),
        Some(Action::Number(7))
    );
    let zero = KeyEvent::new(KeyCode::Char('0'), KeyModifiers::NONE);
    assert_eq!(keymap::resolve(KeyContext::Choice, zero), None);
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(
        keymap::resolve(KeyContext::Message, f1),
        None,
        "F1 keeps the message"
    );
    assert_eq!(keymap::resolve(KeyContext::Search, f1), Some(Action::Help));
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(keymap::resolve(KeyContext::GridAdding, tab), None);
}

#[test]
fn no_key_is_bound_twice_in_a_context() {
    for context in KeyContext::all() {
        let mut seen = Vec::new();
        for binding in keymap::table(context) {
            for (key, _) in binding.keys {
                // Shadowed keys are dropped from later shared parts only
                // when all of a line's keys are taken; a line partly shadowed
                // would list a key that does something else.
                assert!(!seen.contains(key), "{context:?} binds {key:?} twice");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn the_guide_lists_the_keys_of_the_table() {
    const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.md");
    let guide = std::fs::read_to_string(GUIDE).expect("read the guide");
    let start = "<!-- keys: generated from src/keymap.rs by `cargo test` -->\n";
    let end = "<!-- end of keys -->";
    let (Some(a), Some(b)) = (guide.find(start), guide.find(end)) else {
        panic!("docs/guide.md has no keys section between the markers");
    };
    let written = &guide[a + start.len()..b];
    let table = keymap::markdown();
    if written != table {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let updated = format!("{}{table}{}", &guide[..a + start.len()], &guide[b..]);
            std::fs::write(GUIDE, updated).expect("write the guide");
        } else {
            panic!(
                "the guide's keys differ from the table; run `UPDATE_DOCS=1 cargo test --test keys the_guide` to rewrite them"
            );
        }
    }
}

/// The journal with the row of `id` selected.
fn journal_at(h: &mut Harness, id: &str) {
    h.press(KeyCode::Char('b'));
    let view = &h.app.journal_view;
    let row = view
        .matches
        .iter()
        .position(|&i| h.app.journal.pages[i].id == id)
        .expect("listed");
    h.press(KeyCode::Home);
    h.press_n(KeyCode::Down, row);
}

#[test]
fn comparing_names_the_exercise_of_the_page_already_marked() {
    let mut h = demo(16);
    let pages = &h.app.journal.pages;
    let first = pages
        .iter()
        .find(|p| p.revealed.is_some())
        .expect("a revealed page");
    let other = pages
        .iter()
        .find(|p| p.revealed.is_some() && p.exercise != first.exercise)
        .expect("a page of another exercise");
    let (first_id, first_title, other_id) =
        (first.id.clone(), first.title.clone(), other.id.clone());
    journal_at(&mut h, &first_id);
    h.press(KeyCode::Char('m'));
    h.press(KeyCode::Esc);
    journal_at(&mut h, &other_id);
    h.press(KeyCode::Char('m'));
    let notice = h.app.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with(&format!("Pick another {first_title} page")),
        "{notice}"
    );
}

#[test]
fn the_exercise_filter_keeps_to_the_chosen_category() {
    let mut h = demo(40);
    h.press(KeyCode::Char('b'));
    filter_category(&mut h, "Boundaries");
    let category = h.app.journal_view.filter.category.expect("a category");
    // The exercise picker offers only the category's exercises, each
    // with pages.
    h.press(KeyCode::Char('e'));
    let Some(tandem::app::Overlay::Picker(picker)) = &h.app.overlay else {
        panic!("a picker");
    };
    let offered: Vec<String> = picker
        .items
        .iter()
        .filter_map(|(_, id)| id.clone())
        .collect();
    assert!(!offered.is_empty());
    for exercise in &offered {
        let of = h.app.library.get(exercise).map(|e| e.category);
        assert_eq!(of, Some(category), "{exercise}");
    }
    // Typing narrows the list; Enter chooses the first left.
    h.type_text("map");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.journal_view.filter.exercise.as_deref(),
        Some("boundary-map")
    );
    assert!(!h.app.journal_view.matches.is_empty());
    // Choosing another category lets go of an exercise of the first.
    filter_category(&mut h, "Needs");
    assert_eq!(h.app.journal_view.filter.exercise, None);
    // Esc leaves the filters as they were.
    h.press(KeyCode::Char('c'));
    h.type_text("Comm");
    h.press(KeyCode::Esc);
    assert_eq!(
        h.app.journal_view.filter.category,
        Some(tandem::model::Category::Needs)
    );
}

#[test]
fn esc_before_anyone_starts_goes_back_to_the_exercise_and_writes_nothing() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "saying-no");
    assert!(h.screen(80, 24).contains("Nothing is written yet"));
    h.press(KeyCode::Esc);
    let Screen::Library(view) = &h.app.screen else {
        panic!("back in the library");
    };
    let selected = &h.app.library.entries()[view.selected].exercise.id;
    assert_eq!(selected, "saying-no");
    assert!(h.store.page_ids().expect("list").is_empty());
}

#[test]
fn esc_before_anyone_starts_an_agreement_goes_back_to_the_agreements() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Char('n'));
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Agreements(_)));
    assert!(h.store.page_ids().expect("list").is_empty());
}

#[test]
fn together_first_offers_no_choice_of_who_goes_first() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "deciding-together");
    assert!(h.app.opening_due());
    let screen = h.screen(100, 30);
    assert!(screen.contains("Together first"), "{screen}");
    let footer = screen.lines().last().unwrap_or_default().to_string();
    assert!(!footer.contains("who goes first"), "{footer}");
    assert!(footer.contains("Enter"), "{footer}");
    h.press(KeyCode::Right);
    assert_eq!(h.screen(100, 30), screen, "the arrows change nothing here");
}

#[test]
fn esc_from_a_hand_off_opened_from_the_journal_goes_back_to_the_journal() {
    let mut h = demo(16);
    let waiting = h
        .app
        .journal
        .pages
        .iter()
        .find(|p| matches!(p.status, PageStatus::WaitingFor(_)))
        .map(|p| p.id.clone())
        .expect("a page waiting for one partner");
    journal_at(&mut h, &waiting);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Journal));
}

#[test]
fn help_longer_than_the_window_scrolls_and_says_there_is_more() {
    let mut h = demo(16);
    h.resize(60, 16);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('?'));
    let top = h.screen(60, 16);
    assert!(top.contains("↓ more"), "{top}");
    assert!(!top.contains("save everything and quit"), "{top}");
    h.press_n(KeyCode::PageDown, 5);
    let bottom = h.screen(60, 16);
    assert!(bottom.contains("save everything and quit"), "{bottom}");
    assert!(!bottom.contains("↓ more"), "{bottom}");
    h.press(KeyCode::Up);
    assert!(h.screen(60, 16).contains("↓ more"));
}

#[test]
fn esc_from_trends_or_agreements_goes_back_to_the_journal_they_came_from() {
    let mut h = demo(16);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('t'));
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Esc);
    assert!(
        matches!(h.app.screen, Screen::Journal),
        "agreements, by trends"
    );
    h.press(KeyCode::Char('t'));
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Journal), "trends");
    // From home, home.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('t'));
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)));
}

/// The help over a page lists the keys that scroll it, as the footer
/// does: the help's own box being short does not hide the page's keys.
#[test]
fn the_help_over_a_long_page_lists_the_keys_that_scroll_it() {
    let mut h = demo_page(PageStatus::Discussed);
    let footer = h.screen(80, 24);
    assert!(footer.contains("↑↓ j k scroll"), "{footer}");
    h.press(KeyCode::Char('?'));
    let help = h.screen(80, 24);
    assert!(help.contains("scroll"), "{help}");
    assert!(help.contains("a screen up, down"), "{help}");
}
