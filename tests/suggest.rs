//! What home suggests next: each rule of the built-in exercises fires on
//! the pages that call for it and not otherwise, never from an answer that
//! was not revealed, never more than two at once, and "not now" holds for a
//! month, across a restart.

mod common;

use std::collections::BTreeMap;

use common::*;
use jiff::{SignedDuration, Timestamp};
use ratatui::crossterm::event::KeyCode;
use tandem::app::PageSummary;
use tandem::content::Library;
use tandem::journal::Access;
use tandem::model::{
    Agreement, AgreementStatus, Answer, EntryStatus, GridAnswerRow, GridValue, Page, Partner,
};
use tandem::suggest::{Suggested, suggestions};

fn now() -> Timestamp {
    Timestamp::from_second(1_780_000_000).expect("a moment")
}

fn days_ago(days: i64) -> Timestamp {
    now() - SignedDuration::from_hours(24 * days)
}

/// A page of `exercise` started `days` ago, both partners finished and
/// the page talked over.
fn page(exercise: &str, days: i64) -> Page {
    let library = Library::load(None);
    let exercise = library.get(exercise).expect("a built-in exercise");
    let mut page = Page::new(
        format!("p-{days}-{}", exercise.id),
        exercise,
        &["Alex".into(), "Sam".into()],
        days_ago(days),
    );
    for partner in Partner::BOTH {
        let entry = page.entry_mut(partner);
        entry.status = EntryStatus::Done;
        entry.finished = Some(days_ago(days));
    }
    page.discussed = Some(days_ago(days));
    page
}

/// A grid answer: each row with its cells.
fn grid(rows: &[(&str, &[(&str, GridValue)])]) -> Answer {
    Answer::Grid(
        rows.iter()
            .map(|(row, cells)| GridAnswerRow {
                row: (*row).to_string(),
                label: String::new(),
                values: cells
                    .iter()
                    .map(|(c, v)| ((*c).to_string(), v.clone()))
                    .collect(),
            })
            .collect(),
    )
}

/// A needs inventory where `poorly` needs are important (5) and poorly met
/// (1), and the rest fine.
fn inventory(poorly: usize) -> Answer {
    let ids = ["rest", "company", "thanks", "sleep", "play", "touch"];
    let rows: Vec<(&str, Vec<(&str, GridValue)>)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let met = if i < poorly { 1 } else { 4 };
            (
                *id,
                vec![
                    ("importance", GridValue::Scale(5)),
                    ("met", GridValue::Scale(met)),
                ],
            )
        })
        .collect();
    let borrowed: Vec<(&str, &[(&str, GridValue)])> =
        rows.iter().map(|(r, c)| (*r, c.as_slice())).collect();
    grid(&borrowed)
}

fn suggested(pages: &[Page]) -> Vec<Suggested> {
    suggested_with(pages, &BTreeMap::new())
}

fn suggested_with(pages: &[Page], dismissed: &BTreeMap<String, Timestamp>) -> Vec<Suggested> {
    let summaries: Vec<PageSummary> = pages
        .iter()
        .map(|p| PageSummary::of(p, &Access::Writable))
        .collect();
    suggestions(&Library::load(None), &summaries, dismissed, now())
}

fn ids(found: &[Suggested]) -> Vec<&str> {
    found.iter().map(|s| s.exercise.as_str()).collect()
}

/// A recent check-in, so that "no check-in for a while" stays quiet.
fn check_in(days: i64) -> Page {
    page("weekly-check-in", days)
}

#[test]
fn several_important_needs_poorly_met_suggest_my_own_needs() {
    for (poorly, fires) in [(0, false), (2, false), (3, true), (6, true)] {
        let mut needs = page("needs-inventory", 10);
        needs
            .entry_mut(Partner::Second)
            .answers
            .insert("inventory".into(), inventory(poorly));
        let found = suggested(&[needs, check_in(3)]);
        assert_eq!(
            ids(&found).contains(&"my-own-needs"),
            fires,
            "{poorly} needs poorly met: {found:?}"
        );
        if fires {
            assert!(found[0].reason.contains("needs that matter"));
        }
    }
}

#[test]
fn an_answer_that_was_not_revealed_never_counts() {
    // Sam has not finished: the inventory is not revealed.
    let mut needs = page("needs-inventory", 10);
    needs
        .entry_mut(Partner::Second)
        .answers
        .insert("inventory".into(), inventory(6));
    needs.entry_mut(Partner::Second).status = EntryStatus::Draft;
    assert!(!ids(&suggested(&[needs.clone(), check_in(3)])).contains(&"my-own-needs"));

    // Finished, but Sam passed the step: what is passed is not there.
    needs.entry_mut(Partner::Second).status = EntryStatus::Done;
    needs
        .entry_mut(Partner::Second)
        .passed
        .insert("inventory".into());
    assert!(!ids(&suggested(&[needs, check_in(3)])).contains(&"my-own-needs"));
}

#[test]
fn only_the_latest_finished_page_counts_and_doing_the_exercise_quiets_it() {
    let mut old = page("needs-inventory", 60);
    old.entry_mut(Partner::First)
        .answers
        .insert("inventory".into(), inventory(5));
    let mut new = page("needs-inventory", 20);
    new.entry_mut(Partner::First)
        .answers
        .insert("inventory".into(), inventory(0));
    assert!(!ids(&suggested(&[old.clone(), new, check_in(3)])).contains(&"my-own-needs"));
    // My own needs done three days ago: not offered again so soon.
    assert!(ids(&suggested(&[old.clone(), check_in(3)])).contains(&"my-own-needs"));
    assert!(
        !ids(&suggested(&[
            old.clone(),
            check_in(3),
            page("my-own-needs", 3)
        ]))
        .contains(&"my-own-needs")
    );
    // Nor while a page of it is in progress.
    let mut open = page("my-own-needs", 30);
    open.entry_mut(Partner::First).status = EntryStatus::Draft;
    assert!(!ids(&suggested(&[old, check_in(3), open])).contains(&"my-own-needs"));
}

#[test]
fn a_repair_list_mostly_brushing_off_suggests_after_a_conflict() {
    let list = |dismissive: usize| {
        let rows = ["touch", "tea", "sorry-hurt", "yes-again"];
        let cells: Vec<(&str, Vec<(&str, GridValue)>)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let option = if i < dismissive {
                    "dismissive"
                } else {
                    "welcome"
                };
                (*r, vec![("feel", GridValue::Choice(option.into()))])
            })
            .collect();
        let borrowed: Vec<(&str, &[(&str, GridValue)])> =
            cells.iter().map(|(r, c)| (*r, c.as_slice())).collect();
        grid(&borrowed)
    };
    for (dismissive, fires) in [(1, false), (2, false), (3, true), (4, true)] {
        let mut conflict = page("after-a-conflict", 14);
        conflict
            .entry_mut(Partner::First)
            .answers
            .insert("repair".into(), list(dismissive));
        let found = suggested(&[conflict, check_in(2)]);
        assert_eq!(
            ids(&found).contains(&"after-a-conflict"),
            fires,
            "{dismissive} of 4 brushing off: {found:?}"
        );
    }
}

#[test]
fn a_while_without_a_check_in_suggests_one_without_counting_weeks() {
    assert!(ids(&suggested(&[check_in(10)])).is_empty());
    let found = suggested(&[check_in(30)]);
    assert_eq!(ids(&found), ["weekly-check-in"]);
    let reason = &found[0].reason;
    assert!(
        !reason.chars().any(|c| c.is_ascii_digit()) && !reason.contains("week"),
        "no count, no streak: {reason}"
    );
    // A couple whose journal is new is told nothing yet.
    assert!(suggested(&[page("boundary-map", 5)]).is_empty());
    assert_eq!(
        ids(&suggested(&[page("boundary-map", 40)])),
        ["weekly-check-in"]
    );
}

#[test]
fn agreements_to_revisit_suggest_a_check_in() {
    let mut map = page("boundary-map", 12);
    map.shared.agreements.push(Agreement {
        text: "Phones away at dinner.".into(),
        status: AgreementStatus::Active,
        made: days_ago(12),
        reviews: Vec::new(),
    });
    assert!(suggested(&[map.clone(), check_in(9)]).is_empty());
    map.shared.agreements[0].status = AgreementStatus::Revisit;
    let found = suggested(&[map, check_in(9)]);
    assert_eq!(ids(&found), ["weekly-check-in"]);
    assert!(found[0].reason.contains("look at again"));
}

#[test]
fn at_most_two_and_not_now_holds_for_a_month() {
    let mut needs = page("needs-inventory", 40);
    needs
        .entry_mut(Partner::First)
        .answers
        .insert("inventory".into(), inventory(6));
    let mut conflict = page("after-a-conflict", 40);
    conflict.entry_mut(Partner::First).answers.insert(
        "repair".into(),
        grid(&[("tea", &[("feel", GridValue::Choice("dismissive".into()))])]),
    );
    let pages = [needs, conflict];
    let found = suggested(&pages);
    assert_eq!(found.len(), 2, "{found:?}");
    let mut dismissed = BTreeMap::new();
    dismissed.insert(
        found[0].exercise.clone(),
        tandem::suggest::dismissed_until(days_ago(29)),
    );
    let later = suggested_with(&pages, &dismissed);
    assert!(!ids(&later).contains(&found[0].exercise.as_str()));
    assert_eq!(later.len(), 2, "the next one takes its place: {later:?}");
    dismissed.insert(
        found[0].exercise.clone(),
        tandem::suggest::dismissed_until(days_ago(31)),
    );
    assert!(ids(&suggested_with(&pages, &dismissed)).contains(&found[0].exercise.as_str()));
}

#[test]
fn home_shows_the_suggestion_opens_it_and_x_puts_it_off_across_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let store = tandem::journal::Store::open(&data).expect("store");
    store
        .save_couple(&tandem::model::Couple::new(
            "Alex".into(),
            "Sam".into(),
            days_ago(60),
        ))
        .expect("couple");
    store.save_page(&page("boundary-map", 40)).expect("page");
    drop(store);
    let mut h = Harness::open_at(&data, None, now);
    let home = h.screen(100, 30);
    assert!(home.contains("Perhaps next"), "{home}");
    assert!(
        home.contains("Weekly check-in · A short check-in"),
        "{home}"
    );
    assert!(
        home.contains("x on a suggestion: not now, for a month"),
        "{home}"
    );
    // The suggestion is the first row after nothing to continue: Enter
    // takes the couple to it in the library.
    h.press(KeyCode::Enter);
    let library = h.screen(100, 30);
    assert!(library.contains("› Weekly check-in"), "{library}");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('x'));
    let home = h.screen(100, 30);
    assert!(!home.contains("Perhaps next"), "{home}");
    assert!(home.contains("will not be suggested for a month"), "{home}");
    drop(h);
    let saved = std::fs::read_to_string(data.join("suggestions.ron")).expect("written down");
    assert!(saved.contains("weekly-check-in"), "{saved}");
    let h = Harness::open_at(&data, None, now);
    assert!(!h.screen(100, 30).contains("Perhaps next"));
}

/// A grid answer choosing, in `column`, `picked` for the first `n` of
/// `rows` and `otherwise` for the rest.
fn chosen(column: &str, rows: &[&str], n: usize, picked: &str, otherwise: &str) -> Answer {
    let cells: Vec<(&str, Vec<(&str, GridValue)>)> = rows
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let option = if i < n { picked } else { otherwise };
            (*id, vec![(column, GridValue::Choice(option.into()))])
        })
        .collect();
    let borrowed: Vec<(&str, &[(&str, GridValue)])> =
        cells.iter().map(|(r, c)| (*r, c.as_slice())).collect();
    grid(&borrowed)
}

#[test]
fn the_loop_we_get_into_follows_repair_tries_that_mostly_felt_brushed_off() {
    let brushed_off = |n: usize| {
        let ids = ["feel-defensive", "sorry-wrong", "yes-both", "pause-break"];
        let mut page = page("after-a-conflict", 3);
        page.entry_mut(Partner::First).answers.insert(
            "repair".into(),
            chosen("feel", &ids, n, "dismissive", "welcome"),
        );
        page
    };
    assert!(ids(&suggested(&[brushed_off(3), check_in(1)])).contains(&"the-loop-we-get-into"));
    assert!(!ids(&suggested(&[brushed_off(1), check_in(1)])).contains(&"the-loop-we-get-into"));
}

#[test]
fn a_fair_share_comes_back_when_tasks_did_not_feel_fair() {
    let tasks = |unfair: usize| {
        let ids = ["cleaning", "laundry", "cooking", "bills"];
        let mut page = page("a-fair-share", 20);
        page.entry_mut(Partner::Second).answers.insert(
            "tasks".into(),
            chosen("fair", &ids, unfair, "not-fair", "fair"),
        );
        page
    };
    assert!(ids(&suggested(&[tasks(3), check_in(1)])).contains(&"a-fair-share"));
    assert!(!ids(&suggested(&[tasks(1), check_in(1)])).contains(&"a-fair-share"));
}

#[test]
fn a_column_that_names_who_does_not_mark_a_row_as_worth_talking_about() {
    let mut page = page("needs-inventory", 2);
    page.entry_mut(Partner::First).answers.insert(
        "inventory".into(),
        grid(&[("affection", &[("who", GridValue::Choice("partner".into()))])]),
    );
    let rows = grid_rows(&page);
    let affection = rows
        .iter()
        .find(|r| r.label == "Affection and warmth")
        .expect("the row Alex answered");
    assert_eq!(affection.mark(), None, "who meets a need is not a flag");
    // A feeling column still is: "let's talk" on the boundary map.
    let mut map = page_of("boundary-map");
    map.entry_mut(Partner::First).answers.insert(
        "areas".into(),
        grid(&[("money", &[("feel", GridValue::Choice("talk".into()))])]),
    );
    assert!(grid_rows(&map).iter().any(|r| r.mark() == Some('•')));
}

fn page_of(exercise: &str) -> Page {
    page(exercise, 2)
}

#[test]
fn a_choice_that_names_people_is_compared_as_each_partner_meant_it() {
    let mut page = page("a-fair-share", 2);
    let who = |id: &str| GridValue::Choice(id.into());
    // Alex: "mostly Sam" cooks; Sam: "mostly me". They agree.
    // Both say "mostly me" does the laundry. They do not.
    page.entry_mut(Partner::First).answers.insert(
        "tasks".into(),
        grid(&[
            ("cooking", &[("who", who("partner"))]),
            ("laundry", &[("who", who("me"))]),
        ]),
    );
    page.entry_mut(Partner::Second).answers.insert(
        "tasks".into(),
        grid(&[
            ("cooking", &[("who", who("me"))]),
            ("laundry", &[("who", who("me"))]),
        ]),
    );
    let rows = grid_rows(&page);
    let mark = |label: &str| {
        rows.iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("{label}"))
            .mark()
    };
    assert_eq!(mark("Cooking on weekdays"), None);
    assert_eq!(mark("Laundry"), Some('≠'));
}

/// The rows of the first grid a revealed page shows, as the couple sees them.
fn grid_rows(page: &Page) -> Vec<tandem::compare::GridLine> {
    use tandem::compare::{Body, sections};
    let library = Library::load(None);
    let revealed = tandem::reveal::reveal(page).expect("both finished");
    sections(revealed, library.get(&page.exercise), false)
        .into_iter()
        .find_map(|s| match s.body {
            Body::Grid { rows, .. } => Some(rows),
            _ => None,
        })
        .expect("a grid")
}
