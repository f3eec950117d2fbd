//! The reveal rule on every route: until both partners have finished a
//! page, not a word of either entry shows on the home screen, in the
//! journal's preview or search, when the page is opened, compared, charted
//! or its agreements listed, nor in `show` or `export`.

mod common;

use common::pty::run_within;
use common::{Harness, answer_turn, both_partners_answer, start_exercise};
use ratatui::crossterm::event::KeyCode;
use tandem::app::{Screen, agreement_lines, measures, points};
use tandem::model::PageStatus;

/// Words only the unfinished pages hold.
const SECRETS: &[&str] = &["alexsecret", "samsecret", "draftsecret", "agreesecret"];

fn assert_private(text: &str, route: &str) {
    let lower = text.to_lowercase();
    for secret in SECRETS {
        assert!(!lower.contains(secret), "{route} shows {secret}:\n{text}");
    }
}

/// A journal with one check-in both partners finished, one that Alex
/// finished and Sam is drafting, and a boundary map only Alex started.
fn journal() -> Harness {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, "weekly-check-in");
    h.press(KeyCode::Esc);
    start_exercise(&mut h, "weekly-check-in");
    h.press(KeyCode::Enter);
    answer_turn(&mut h, 3, "alexsecret");
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    h.press(KeyCode::Enter);
    h.type_text("samsecret");
    h.press(KeyCode::Esc);
    start_exercise(&mut h, "boundary-map");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("draftsecret");
    h.press(KeyCode::Esc);
    let statuses: Vec<PageStatus> = h.app.journal.pages.iter().map(|p| p.status).collect();
    assert_eq!(statuses.len(), 3, "{statuses:?}");
    h
}

fn id_of(h: &Harness, status: fn(PageStatus) -> bool) -> String {
    h.app
        .journal
        .pages
        .iter()
        .find(|p| status(p.status))
        .map(|p| p.id.clone())
        .expect("such a page")
}

fn waiting(h: &Harness) -> String {
    id_of(h, |s| matches!(s, PageStatus::WaitingFor(_)))
}

fn revealed(h: &Harness) -> String {
    id_of(h, |s| s == PageStatus::BothDone)
}

/// Selects the page `id` on the journal screen.
fn select(h: &mut Harness, id: &str) {
    h.press(KeyCode::Home);
    for _ in 0..10 {
        if h.app
            .journal_view
            .selected_page(&h.app.journal)
            .is_some_and(|p| p.id == id)
        {
            return;
        }
        h.press(KeyCode::Down);
    }
    panic!("{id} is not on the journal screen");
}

#[test]
fn home_shows_no_unrevealed_word() {
    let h = journal().reopen();
    assert_private(&h.screen(120, 40), "home");
}

#[test]
fn the_journal_preview_shows_no_unrevealed_word() {
    let mut h = journal().reopen();
    h.press(KeyCode::Char('b'));
    for _ in 0..3 {
        assert_private(&h.screen(120, 40), "the journal's preview");
        h.press(KeyCode::Down);
    }
}

#[test]
fn search_finds_no_unrevealed_word() {
    let mut h = journal().reopen();
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("secret");
    assert!(h.app.journal_view.matches.is_empty());
    assert_private(&h.screen(120, 40), "search");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert!(!matches!(h.app.screen, Screen::SideBySide(_)));
}

#[test]
fn opening_a_page_shows_only_the_partner_whose_turn_it_is() {
    let mut h = journal().reopen();
    let id = waiting(&h);
    h.press(KeyCode::Char('b'));
    select(&mut h, &id);
    h.press(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Handoff(_)));
    assert_private(&h.screen(120, 40), "the hand-off");
    h.press(KeyCode::Enter);
    // Sam's own turn: Sam's draft is there, Alex's answers never are.
    for _ in 0..10 {
        let screen = h.screen(120, 40).to_lowercase();
        assert!(!screen.contains("alexsecret"), "{screen}");
        h.press(KeyCode::Tab);
    }
}

#[test]
fn comparing_refuses_a_page_not_revealed() {
    let mut h = journal().reopen();
    let (open, shut) = (revealed(&h), waiting(&h));
    h.press(KeyCode::Char('b'));
    select(&mut h, &shut);
    h.press(KeyCode::Char('m'));
    assert_eq!(h.app.journal_view.marked, None);
    assert!(h.screen(120, 40).contains("still private"));
    select(&mut h, &open);
    h.press(KeyCode::Char('m'));
    select(&mut h, &shut);
    h.press(KeyCode::Char('m'));
    assert!(!matches!(h.app.screen, Screen::Compare(_)));
    // Even when both pages are read for comparing, the rule holds.
    let library = h.app.library.clone();
    let pages = [
        h.store.load_page(&open, &library).expect("open"),
        h.store.load_page(&shut, &library).expect("shut"),
    ];
    h.app.compare_loaded(Ok(pages));
    assert!(!matches!(h.app.screen, Screen::Compare(_)));
    assert_private(&h.screen(120, 40), "compare");
}

#[test]
fn trends_chart_only_revealed_pages() {
    let mut h = journal().reopen();
    for measure in measures(&h.app.journal, &h.app.library) {
        assert_eq!(
            points(&h.app.journal, &measure).len(),
            1,
            "{measure:?} holds a value from a page not revealed"
        );
    }
    h.press(KeyCode::Char('t'));
    assert!(matches!(h.app.screen, Screen::Trends(_)));
    assert_private(&h.screen(120, 40), "trends");
}

#[test]
fn agreements_of_a_page_not_revealed_are_not_listed() {
    let h = journal();
    let id = waiting(&h);
    let path = h.store.page_path(&id);
    let text = std::fs::read_to_string(&path).expect("page");
    let edited = text.replacen(
        "agreements: [],",
        "agreements: [(text: \"agreesecret\", status: Active, made: \"2026-01-01T00:00:00Z\")],",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).expect("edit");
    let mut h = h.reopen();
    assert!(
        agreement_lines(&h.app.journal)
            .iter()
            .all(|l| l.agreement.text != "agreesecret")
    );
    h.press(KeyCode::Char('a'));
    assert!(matches!(h.app.screen, Screen::Agreements(_)));
    assert_private(&h.screen(120, 40), "agreements");
}

#[test]
fn show_and_export_keep_unrevealed_pages_private() {
    let h = journal();
    let data = h.data_dir().to_path_buf();
    let config = data.with_extension("config");
    let ids: Vec<String> = h.app.journal.pages.iter().map(|p| p.id.clone()).collect();
    let limit = std::time::Duration::from_secs(20);
    for id in &ids {
        let (code, out, err) = run_within(&data, &config, &["show", id], limit);
        assert_eq!(code, 0, "{err}");
        assert_private(&out, "show");
    }
    let (_, out, _) = run_within(&data, &config, &["show", &waiting(&h)], limit);
    assert!(
        out.contains("private until both partners have finished"),
        "{out}"
    );
    for args in [&["export", "--all"][..], &["export", "--all", "--html"]] {
        let (code, out, err) = run_within(&data, &config, args, limit);
        assert_eq!(code, 0, "{err}");
        assert_private(&out, "export");
        assert!(
            out.contains("private until both partners have finished"),
            "{out}"
        );
    }
}
