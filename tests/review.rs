//! Looking back over a generated journal: filters, search, opening a page,
//! later notes, comparing over time, agreements and exports.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::app::{Overlay, Screen, StatusFilter, agreement_lines, measures, points};
use tandem::model::{AgreementStatus, Category, PageStatus};

fn listed(h: &Harness) -> Vec<&tandem::app::PageSummary> {
    h.app
        .journal_view
        .matches
        .iter()
        .map(|&i| &h.app.journal.pages[i])
        .collect()
}

#[test]
fn the_journal_lists_every_page_newest_first() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    assert!(matches!(h.app.screen, Screen::Journal));
    let pages = listed(&h);
    assert_eq!(pages.len(), 70);
    assert!(pages.windows(2).all(|w| w[0].started >= w[1].started));
    let screen = h.screen(120, 30);
    assert!(screen.contains("70 of 70 pages"), "{screen}");
    assert!(
        screen.contains("(private until both have finished)"),
        "{screen}"
    );
}

#[test]
fn filters_narrow_the_list_and_combine() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    filter_category(&mut h, "Boundaries");
    assert!(!listed(&h).is_empty());
    assert!(
        listed(&h)
            .iter()
            .all(|p| p.category == Category::Boundaries)
    );
    h.press(KeyCode::Char('r'));
    // An exercise, chosen by typing part of its name.
    filter_exercise(&mut h, "map");
    let exercise = h
        .app
        .journal_view
        .filter
        .exercise
        .clone()
        .expect("an exercise");
    assert!(listed(&h).iter().all(|p| p.exercise == exercise));
    h.press(KeyCode::Char('r'));
    // Status: one partner done.
    h.press_n(KeyCode::Char('s'), 2);
    assert_eq!(
        h.app.journal_view.filter.status,
        Some(StatusFilter::OneDone)
    );
    assert!(!listed(&h).is_empty());
    assert!(
        listed(&h)
            .iter()
            .all(|p| matches!(p.status, PageStatus::WaitingFor(_)))
    );
    h.press(KeyCode::Char('r'));
    // Dates: the last 30 days of a year-long journal hold a handful.
    h.press(KeyCode::Char('d'));
    let recent = listed(&h).len();
    assert!(recent > 0 && recent < 10, "{recent}");
    h.press(KeyCode::Char('r'));
    assert_eq!(listed(&h).len(), 70);
}

#[test]
fn search_narrows_as_you_type_and_opens_the_hit_at_the_match() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    let mut counts = Vec::new();
    for c in "sister".chars() {
        h.press(KeyCode::Char(c));
        counts.push(listed(&h).len());
    }
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let hits = *counts.last().expect("typed");
    assert!(hits > 0 && hits < 70, "{counts:?}");
    for page in listed(&h) {
        let revealed = page
            .revealed
            .as_ref()
            .expect("only finished pages are searched");
        assert!(revealed.contains(&tandem::model::Search::new("sister"), None));
    }
    h.press(KeyCode::Enter); // done typing
    h.press(KeyCode::Enter); // open
    assert!(matches!(h.app.screen, Screen::SideBySide(_)));
    assert_eq!(
        h.app.open_page().map(|o| o.highlight.as_str()),
        Some("sister")
    );
    let screen = h.screen(80, 24);
    assert!(
        screen.to_lowercase().contains("sister"),
        "the match is in view:\n{screen}"
    );

    // Back to the same list, and Esc clears the search before leaving.
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Journal));
    assert_eq!(listed(&h).len(), hits);
    h.press(KeyCode::Esc);
    assert_eq!(listed(&h).len(), 70);
    h.press(KeyCode::Esc);
    assert!(matches!(h.app.screen, Screen::Home(_)));
}

#[test]
fn a_partners_search_looks_only_at_their_words() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("bed");
    h.press(KeyCode::Enter);
    let both = listed(&h).len();
    h.press(KeyCode::Char('p'));
    let first = listed(&h).len();
    h.press(KeyCode::Char('p'));
    let second = listed(&h).len();
    assert!(first <= both && second <= both && first + second >= both);
    assert!(first < both || second < both);
}

#[test]
fn unfinished_pages_never_match_a_search() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("a secret word: marmalade");
    h.ctrl('s');
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("marmalade");
    assert!(listed(&h).is_empty());
    assert!(!h.screen(120, 30).contains("a secret word"));
}

#[test]
fn a_later_note_is_added_with_its_date_and_the_answers_stay_as_they_were() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press_n(KeyCode::Char('s'), 4); // talked over
    let id = listed(&h)[0].id.clone();
    let before = h.store.load_page(&id, &h.app.library).expect("load").page;
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('a'));
    h.type_text("Three months on, the walks stuck.");
    h.ctrl('s');
    let after = h.store.load_page(&id, &h.app.library).expect("load").page;
    assert_eq!(after.entries, before.entries);
    assert_eq!(after.shared.answers, before.shared.answers);
    assert_eq!(
        after.shared.later_notes.len(),
        before.shared.later_notes.len() + 1
    );
    let note = after.shared.later_notes.last().expect("note");
    assert_eq!(note.text, "Three months on, the walks stuck.");
    assert_eq!(note.when, demo_now());
    // Drawn at the size it was drawn at before the note: the page's lines
    // are worked out anew once it changed.
    h.press(KeyCode::End);
    assert!(
        h.screen(80, 24)
            .contains("Three months on, the walks stuck."),
        "{}",
        h.screen(80, 24)
    );
}

#[test]
fn two_pages_of_one_exercise_compare_with_changes_per_partner() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    filter_exercise(&mut h, "Needs inventory");
    assert!(listed(&h).len() >= 2);
    h.press(KeyCode::Char('m'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('m'));
    let Screen::Compare(view) = &h.app.screen else {
        panic!("comparing");
    };
    assert!(view.pages[0].started < view.pages[1].started, "older first");
    let screen = h.screen(120, 40);
    assert!(screen.contains("(then) and"), "{screen}");
    assert!(screen.contains(" → "), "{screen}");
    assert!(
        screen.contains("Affection and warmth · Importance") || screen.contains("· How well met"),
        "{screen}"
    );

    // Pages of different exercises are not compared.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('r'));
    h.press(KeyCode::Char('m'));
    let first = listed(&h)[0].exercise.clone();
    let other = listed(&h)
        .iter()
        .position(|p| p.exercise != first)
        .expect("another exercise");
    h.press_n(KeyCode::Down, other);
    h.press(KeyCode::Char('m'));
    assert!(matches!(h.app.screen, Screen::Journal));
    assert!(
        h.app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("same exercise")
    );
}

#[test]
fn comparing_over_time_says_what_was_kept_private_marks_changed_choices_and_keeps_rows_level() {
    let h = demo(70);
    // The two newest boundary maps: the older one started the same day as
    // the newer, Maya kept one answer private on it, and Jonas's answers
    // grew long enough to wrap.
    let mut maps: Vec<tandem::model::Page> = h
        .app
        .journal
        .pages
        .iter()
        .filter(|p| p.exercise == "boundary-map")
        .map(|p| h.store.load_page(&p.id, &h.app.library).expect("load").page)
        .collect();
    assert!(maps.len() >= 2);
    maps.sort_by_key(|p| std::cmp::Reverse(p.started));
    let (newer, mut older) = (maps[0].clone(), maps[1].clone());
    older.started = newer.started - jiff::SignedDuration::from_hours(2);
    older.entries[0].private.insert("feeling".into());
    h.store.save_page(&older).expect("save");
    let choices_changed = newer
        .entries
        .iter()
        .zip(&older.entries)
        .any(|(n, o)| n.answers.get("areas") != o.answers.get("areas"));
    assert!(choices_changed, "the demo's maps differ somewhere");
    let mut h = h.reopen();
    h.press(KeyCode::Char('b'));
    filter_exercise(&mut h, "Boundary map");
    h.press(KeyCode::Char('m'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('m'));
    assert!(matches!(h.app.screen, Screen::Compare(_)));
    let screen = h.screen(80, 200);
    let heading = screen.lines().nth(2).unwrap_or_default();
    for page in [&older, &newer] {
        let when = tandem::zone::day_and_time(page.started, &h.app.tz);
        assert!(
            heading.contains(&when),
            "one day, told apart by time: {heading}"
        );
    }
    assert!(screen.contains("(kept private)"), "{screen}");
    assert!(!screen.contains("(no answer)"), "{screen}");
    assert!(
        screen.contains("(changed)"),
        "a changed choice is marked:\n{screen}"
    );
    assert!(screen.contains("(same)"), "{screen}");
    // Nothing cut at 80 columns.
    assert!(!screen.contains('…'), "{screen}");
}

#[test]
fn changing_an_agreements_status_is_saved_on_its_page_with_history() {
    let mut h = demo(70);
    h.press(KeyCode::Char('a'));
    assert!(matches!(h.app.screen, Screen::Agreements(_)));
    let first = agreement_lines(&h.app.journal)[0].clone();
    assert_eq!(first.agreement.status, AgreementStatus::Active);
    h.press(KeyCode::Char('2'));
    let page = h
        .store
        .load_page(&first.page, &h.app.library)
        .expect("load")
        .page;
    let agreement = &page.shared.agreements[first.index];
    assert_eq!(agreement.status, AgreementStatus::Revisit);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("in use, 1 to talk about again"),
        "one to revisit is not counted in use:\n{screen}"
    );
    let last = agreement.reviews.last().expect("history");
    assert_eq!(
        (last.status, last.page.clone()),
        (AgreementStatus::Revisit, None)
    );
    // The list follows the change, and the same agreement stays selected.
    let lines = agreement_lines(&h.app.journal);
    let Screen::Agreements(view) = &h.app.screen else {
        panic!("agreements");
    };
    assert_eq!(
        (&lines[view.selected].page, lines[view.selected].index),
        (&first.page, first.index)
    );
    assert_eq!(
        lines[view.selected].agreement.status,
        AgreementStatus::Revisit
    );
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("marked to talk about again on this screen"),
        "{screen}"
    );
    assert!(screen.contains("now to talk about again"), "{screen}");
    assert!(!screen.contains("now revisit"), "{screen}");

    // Stepping on through the statuses and back is one change, then none:
    // the page ends as it began, with no trail of the clicks.
    let before = h
        .store
        .load_page(&first.page, &h.app.library)
        .expect("load")
        .page
        .shared
        .agreements[first.index]
        .reviews
        .len();
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Char('1'));
    let agreement = &h
        .store
        .load_page(&first.page, &h.app.library)
        .expect("load")
        .page
        .shared
        .agreements[first.index];
    assert_eq!(agreement.status, AgreementStatus::Active);
    assert_eq!(
        agreement.reviews.len(),
        before - 1,
        "{:?}",
        agreement.reviews
    );
    assert_eq!(agreement.reviews, first.agreement.reviews);
}

#[test]
fn trends_follow_check_in_ratings_per_partner() {
    let h = demo(70);
    let all = measures(&h.app.journal, &h.app.library);
    assert_eq!(all[0].exercise, "weekly-check-in");
    let closeness = all
        .iter()
        .find(|m| m.exercise == "weekly-check-in" && m.key == "closeness")
        .expect("closeness is a measure");
    let series = points(&h.app.journal, closeness);
    assert!(series.len() > 40);
    assert!(series.windows(2).all(|w| w[0].0 <= w[1].0));
    assert!(series.iter().all(|(_, v)| v[0].is_some() && v[1].is_some()));
    let mut h = h;
    h.press(KeyCode::Char('t'));
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("• Maya") && screen.contains("▄ Jonas"),
        "{screen}"
    );
}

#[test]
fn trends_name_each_partners_own_needs_label_the_scale_and_reopen_where_left() {
    use tandem::model::{Answer, GridAnswerRow, GridValue};
    let h = demo(70);
    // Maya and Jonas each added a need of their own to the inventory,
    // under the same row id.
    let own = |label: &str, v: i32| GridAnswerRow {
        row: "added-1".into(),
        label: label.into(),
        values: [("importance".to_string(), GridValue::Scale(v))]
            .into_iter()
            .collect(),
    };
    let ids: Vec<String> = h
        .app
        .journal
        .pages
        .iter()
        .filter(|p| p.exercise == "needs-inventory" && p.revealed.is_some())
        .map(|p| p.id.clone())
        .collect();
    assert!(ids.len() >= 2);
    for id in &ids {
        let mut page = h.store.load_page(id, &h.app.library).expect("load").page;
        for (entry, row) in page
            .entries
            .iter_mut()
            .zip([own("Playing music", 5), own("Running", 3)])
        {
            if let Some(Answer::Grid(rows)) = entry.answers.get_mut("inventory") {
                rows.push(row);
            }
        }
        h.store.save_page(&page).expect("save");
    }
    let mut h = h.reopen();
    let all = measures(&h.app.journal, &h.app.library);
    let music = all
        .iter()
        .position(|m| m.key.contains("Playing music"))
        .expect("Maya's own need is a measure");
    let series = points(&h.app.journal, &all[music]);
    assert!(
        series
            .iter()
            .all(|(_, v)| v[0] == Some(5) && v[1].is_none()),
        "Maya's alone"
    );
    assert!(
        all.iter().any(|m| m.key.contains("Running")),
        "Jonas's is another"
    );

    h.press(KeyCode::Char('t'));
    let first = h.screen(100, 30);
    assert!(
        first.contains("Weekly check-in · How close did you feel to each other this week?"),
        "opens on the check-in's first question:\n{first}"
    );
    assert!(
        first.contains("Each mark is a rating"),
        "the strips have a key:\n{first}"
    );
    // Every step of a 1 to 10 scale is labelled on a tall enough chart.
    let labelled = first
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u8>().is_ok())
                && l.contains('│')
        })
        .count();
    assert!(labelled >= 10, "{first}");
    // Found by typing part of its name.
    h.press(KeyCode::Char('/'));
    h.type_text("playing");
    h.press(KeyCode::Enter);
    let Screen::Trends(view) = &h.app.screen else {
        panic!("trends");
    };
    assert_eq!(view.measure, music);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Needs inventory · Playing music (added) · Importance"),
        "{screen}"
    );
    assert!(!screen.contains("added-1"), "{screen}");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('t'));
    assert!(
        h.screen(100, 30).contains("Playing music (added)"),
        "where it was left"
    );
}

#[test]
fn years_of_ratings_are_drawn_as_an_average_not_a_solid_block() {
    let mut h = demo(400);
    h.press(KeyCode::Char('t'));
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Too many ratings to mark each: the line is the average of every"),
        "{screen}"
    );
    // Each partner's line in their own mark: told apart without colour.
    let chart: Vec<&str> = screen.lines().filter(|l| l.contains('│')).collect();
    assert!(chart.iter().any(|l| l.contains('•')), "{screen}");
    assert!(chart.iter().any(|l| l.contains('▄')), "{screen}");
}

#[test]
fn a_removed_page_is_brought_back_from_the_journal_screen_as_it_was() {
    let mut h = demo(16);
    h.press(KeyCode::Char('b'));
    let page = listed(&h)[0].clone();
    let path = h.store.page_path(&page.id);
    let before = std::fs::read(&path).expect("the page file");
    h.press(KeyCode::Char('D'));
    h.press(KeyCode::Char('y'));
    let said = h.screen(100, 30);
    assert!(said.contains("press u on the journal screen"), "{said}");
    h.press(KeyCode::Enter);
    assert!(!path.exists());
    assert!(listed(&h).iter().all(|p| p.id != page.id));

    h.press(KeyCode::Char('u'));
    let list = h.screen(100, 30);
    assert!(list.contains("Removed pages"), "{list}");
    let day = tandem::zone::day(page.started, &h.app.tz);
    assert!(
        list.contains(&format!("› {day} · {}", page.title)),
        "{list}"
    );
    h.press(KeyCode::Enter);
    assert_eq!(
        std::fs::read(&path).expect("back"),
        before,
        "the file as it was"
    );
    assert!(listed(&h).iter().any(|p| p.id == page.id), "listed again");
    assert!(h.screen(100, 30).contains("is back in the journal"));
    // Nothing left aside: the list says so.
    h.press(KeyCode::Char('u'));
    assert!(h.screen(100, 30).contains("No page has been removed"));
}

#[test]
fn exporting_from_the_journal_writes_private_markdown_and_html() {
    let mut h = demo(20);
    h.press(KeyCode::Char('b'));
    h.press_n(KeyCode::Char('s'), 4); // talked over
    let count = listed(&h).len();
    h.press(KeyCode::Char('x'));
    let exports = h.data_dir().join("exports");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .expect("exports folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 2);
    for file in &files {
        let mode = std::fs::metadata(file).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let html = files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "html"))
        .expect("html");
    let html = std::fs::read_to_string(html).expect("read");
    assert_eq!(html.matches("<article>").count(), count);
    assert!(html.contains(r#"<th dir="auto">Maya</th><th dir="auto">Jonas</th>"#));
    assert!(h.screen(100, 30).contains("Exported"));
}

/// Every review screen draws at any size without panicking, from a window
/// too small to use to a very large one.
#[test]
fn every_review_screen_draws_at_any_size() {
    let mut h = demo(30);
    let sizes = [
        (20, 5),
        (39, 11),
        (40, 12),
        (57, 18),
        (80, 24),
        (133, 41),
        (400, 120),
    ];
    let draw_all = |h: &Harness| {
        for (w, hgt) in sizes {
            h.screen(w, hgt);
        }
    };
    draw_all(&h);
    h.press(KeyCode::Char('b'));
    draw_all(&h);
    h.press(KeyCode::Char('/'));
    h.type_text("the");
    draw_all(&h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    draw_all(&h);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('t'));
    for _ in 0..6 {
        draw_all(&h);
        h.press_n(KeyCode::Down, 7);
    }
    h.press(KeyCode::Char('a'));
    draw_all(&h);
}

#[test]
fn unreadable_files_are_listed_on_the_journal_screen() {
    let h = demo(10);
    std::fs::write(
        h.data_dir()
            .join("journal/2025-06-01-120000-boundary-map.ron"),
        "(version: 1, id: ",
    )
    .expect("write a damaged page");
    let mut h = h.reopen();
    h.press(KeyCode::Char('b'));
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Could not be read (left untouched):"),
        "{screen}"
    );
    assert!(
        screen.contains("journal/2025-06-01-120000-boundary-map.ron:1:"),
        "{screen}"
    );
}

#[test]
fn ctrl_s_in_the_later_note_box_adds_the_note_as_the_help_says() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press_n(KeyCode::Char('s'), 4); // talked over
    let id = listed(&h)[0].id.clone();
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('a'));
    h.type_text("Saved with Ctrl-S.");
    h.ctrl('s');
    let Screen::SideBySide(view) = &h.app.screen else {
        panic!("still on the page");
    };
    assert!(view.note.is_none(), "the box closes");
    let after = h.store.load_page(&id, &h.app.library).expect("load").page;
    assert_eq!(
        after.shared.later_notes.last().map(|n| n.text.as_str()),
        Some("Saved with Ctrl-S.")
    );

    // A note begun and then not wanted: Esc asks, n goes back to it, y
    // leaves it unadded.
    let before = h.store.load_page(&id, &h.app.library).expect("load").page;
    h.press(KeyCode::Char('a'));
    h.type_text("On second thought");
    h.press(KeyCode::Esc);
    assert!(h.screen(80, 24).contains("Leave without adding the note?"));
    h.press(KeyCode::Char('n'));
    let Screen::SideBySide(view) = &h.app.screen else {
        panic!("still on the page");
    };
    assert!(view.note.is_some(), "back to the note");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('y'));
    let Screen::SideBySide(view) = &h.app.screen else {
        panic!("still on the page");
    };
    assert!(view.note.is_none());
    let after = h.store.load_page(&id, &h.app.library).expect("load").page;
    assert_eq!(after, before, "nothing added");
    // An empty note closes without asking.
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
}

#[test]
fn at_80_columns_the_journal_shows_every_filter_set_and_the_words_a_search_found() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    filter_category(&mut h, "Boundaries");
    h.press_n(KeyCode::Char('s'), 4); // talked over
    h.press(KeyCode::Char('d')); // last 30 days
    let screen = h.screen(80, 24);
    let line = screen.lines().nth(1).unwrap_or_default();
    assert!(line.contains("talked over"), "{screen}");
    assert!(line.contains("last 30 days"), "{screen}");
    assert!(line.contains("r clears"), "{screen}");
    assert!(!line.contains('…'), "nothing cut: {line}");

    h.press(KeyCode::Char('r'));
    h.press(KeyCode::Char('/'));
    h.type_text("sister");
    h.press(KeyCode::Enter);
    let screen = h.screen(80, 24);
    let rows: Vec<&str> = screen.lines().skip(4).take(3).collect();
    assert!(
        rows.iter().any(|r| r.contains("sister")),
        "the rows show where the word was found: {screen}"
    );
}

#[test]
fn a_search_ignores_case_and_quotes_the_words_as_written_with_whose_they_are() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("sunday");
    let lower = listed(&h).len();
    assert!(lower > 0);
    // Ctrl-U clears the box, as in a shell, and the list comes back whole.
    h.ctrl('u');
    assert_eq!(listed(&h).len(), 70);
    h.type_text("SUNDAY");
    h.press(KeyCode::Enter);
    assert_eq!(
        listed(&h).len(),
        lower,
        "case does not change what is found:\n{}",
        h.screen(120, 30)
    );
    let screen = h.screen(120, 30);
    assert!(screen.contains("Search: SUNDAY"), "as typed:\n{screen}");
    let rows: Vec<&str> = screen.lines().skip(4).take(lower.min(20)).collect();
    let names = h.app.names();
    assert!(
        rows.iter().any(|r| r.contains("Sunday")),
        "the couple's own capitals:\n{screen}"
    );
    assert!(
        rows.iter()
            .all(|r| !r.contains("sunday") && !r.contains("SUNDAY")),
        "never misquoted:\n{screen}"
    );
    assert!(
        rows.iter().all(|r| names
            .iter()
            .chain(std::iter::once(&"together".to_string()))
            .any(|n| r.contains(&format!("{n}: “")))),
        "whose words each snippet is:\n{screen}"
    );
}

#[test]
fn the_demo_says_so_on_every_screen_and_where_its_exports_go() {
    let mut h = demo(70);
    h.app.demo = true;
    let top = |h: &Harness| h.screen(80, 24).lines().next().unwrap_or("").to_string();
    assert!(top(&h).starts_with(" demo  tandem · Home"), "{}", top(&h));
    for key in ['n', 'b', 't', 'a'] {
        h.press(KeyCode::Char(key));
        assert!(top(&h).starts_with(" demo "), "after {key}: {}", top(&h));
        h.press(KeyCode::Esc);
    }
    h.press(KeyCode::Enter);
    assert!(h.app.open_page().is_some());
    assert!(top(&h).starts_with(" demo "), "{}", top(&h));
    // At the smallest window the banner still comes first.
    assert!(h.screen(40, 12).starts_with(" demo "));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('x'));
    let Some(Overlay::Message { body, .. }) = &h.app.overlay else {
        panic!("an export message");
    };
    assert!(body.contains("removed when tandem closes"), "{body}");
}

#[test]
fn at_40_columns_home_and_the_journal_still_say_whose_turn_it_is() {
    let h = demo(16);
    let waiting = h
        .app
        .journal
        .pages
        .iter()
        .find_map(|p| match p.status {
            PageStatus::WaitingFor(who) => Some(format!("waiting for {}", p.names[who.index()])),
            _ => None,
        })
        .expect("a page waiting");
    let home = h.screen(40, 12);
    assert!(home.contains(&waiting), "{home}");
    assert!(home.contains("in progress"), "{home}");
    let mut h = h;
    h.press(KeyCode::Char('b'));
    let journal = h.screen(40, 12);
    assert!(journal.contains(&waiting), "{journal}");
    assert!(journal.contains("in progress"), "{journal}");
    // Wide, each page still takes one line.
    h.press(KeyCode::Esc);
    let home = h.screen(100, 30);
    assert!(
        home.lines()
            .any(|l| l.contains(&waiting) && l.contains("Weekly check-in")),
        "{home}"
    );
}

#[test]
fn no_match_says_what_to_undo_and_r_clears_filters_not_the_search() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press(KeyCode::Char('/'));
    h.type_text("zebra-crossing");
    h.press(KeyCode::Enter); // done typing
    assert!(listed(&h).is_empty());
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("No page holds these words. Esc clears the search."),
        "{screen}"
    );
    // Only a search is set: nothing for r to clear, and it is not offered.
    assert!(!screen.contains("r clear the filters"), "{screen}");
    // A filter besides the search: r clears it and keeps the words.
    h.press(KeyCode::Char('d'));
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Press r to clear the filters, Esc the search."),
        "{screen}"
    );
    h.press(KeyCode::Char('r'));
    assert_eq!(h.app.journal_view.filter.query, "zebra-crossing");
    assert!(!h.app.journal_view.filter.any_besides_search());
    h.press(KeyCode::Esc);
    assert_eq!(listed(&h).len(), 70);
}

#[test]
fn home_at_80_columns_shows_the_ways_back_to_past_pages_once() {
    let h = demo(30);
    let screen = h.screen(80, 24);
    for way in ["b browse the journal", "t trends over time", "a agreements"] {
        assert!(screen.contains(way), "{way}:\n{screen}");
    }
    assert_eq!(
        screen.matches("start a new exercise").count(),
        1,
        "{screen}"
    );
}
