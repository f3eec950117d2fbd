//! Every screen drawn into a test terminal at 80×24 and at a wide size, and
//! compared with the reviewed snapshot under `tests/snapshots/`.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tandem::ui::Theme;

fn snap(name: &str, h: &Harness) {
    for (width, height) in [(80, 24), (120, 36)] {
        let terminal = h.render(width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

/// Both partners have finished the boundary map; the reveal is on screen.
fn revealed_boundary_map() -> Harness {
    let mut h = Harness::with_couple();
    reveal_boundary_map(&mut h);
    h
}

#[test]
fn onboarding() {
    let mut h = Harness::new();
    snap("onboarding", &h);
    h.type_text("Alex");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    snap("onboarding_missing_name", &h);
}

#[test]
fn home_empty() {
    snap("home_empty", &Harness::with_couple());
}

#[test]
fn home_with_pages() {
    let mut h = revealed_boundary_map();
    h.press(KeyCode::Esc);
    // A second page Sam finished and Alex has not.
    start_boundary_map(&mut h);
    h.press(KeyCode::Right);
    h.press(KeyCode::Enter);
    answer_boundary_map(&mut h, &SAM);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    std::fs::write(
        h.data_dir()
            .join("journal/2026-01-01-090000-boundary-map.ron"),
        "(version: 1, id: )",
    )
    .expect("write a damaged page");
    let mut h = h.reopen();
    snap("home_with_pages", &h);
    // Opening the damaged page explains what is wrong and that it is kept.
    h.press_n(KeyCode::Down, 2);
    h.press(KeyCode::Enter);
    snap("message_unreadable_page", &h);
}

#[test]
fn library() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('n'));
    snap("library", &h);
}

#[test]
fn handoff_choosing_who_goes_first() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    snap("handoff_choosing", &h);
}

#[test]
fn turn_steps_of_the_boundary_map() {
    let mut h = Harness::with_couple();
    start_boundary_map(&mut h);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('2'));
    snap("turn_grid", &h);
    h.press(KeyCode::Tab);
    h.type_text("When plans are made without me, and nobody asks what I would like.");
    snap("turn_text", &h);
    h.press_n(KeyCode::Tab, 4);
    h.press(KeyCode::Right);
    snap("turn_scale", &h);
    h.press(KeyCode::Tab);
    snap("turn_finish", &h);
}

#[test]
fn turn_steps_of_saying_no() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "saying-no");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    h.press(KeyCode::Char(' '));
    snap("turn_checklist", &h);
    h.press_n(KeyCode::Tab, 2);
    h.press(KeyCode::Char('3'));
    snap("turn_choice", &h);
}

#[test]
fn reveal_of_the_boundary_map() {
    let h = revealed_boundary_map();
    snap("reveal_boundary_map", &h);
}

#[test]
fn discussion_reflect_step() {
    let mut h = revealed_boundary_map();
    h.press(KeyCode::Enter);
    h.type_text("I hear that you want to be asked first.");
    snap("discussion_reflect", &h);
}

#[test]
fn side_by_side_after_talking_it_over() {
    let mut h = revealed_boundary_map();
    h.press(KeyCode::Enter);
    write_steps(
        &mut h,
        &[
            "I hear you want time to land",
            "I hear you want to be asked first",
            "Our maps differ on friends.",
            "We check with each other before saying yes to plans",
        ],
    );
    h.press(KeyCode::Enter);
    // Scrolled to the end, at each size.
    for (width, height) in [(80, 24), (120, 36)] {
        h.resize(width, height);
        h.press(KeyCode::End);
        let terminal = h.render(width, height);
        insta::assert_snapshot!(
            format!("side_by_side_discussed_{width}x{height}"),
            terminal.backend()
        );
    }
}

#[test]
fn reveal_of_time_together_compares_hours() {
    let mut h = Harness::with_couple();
    start_exercise(&mut h, "time-together-apart");
    h.press(KeyCode::Enter);
    for (n, partner_hours) in [["12", "6", "4"], ["20", "2", "1"]].iter().enumerate() {
        if n == 1 {
            h.press(KeyCode::Enter); // Sam starts after the hand-off
        }
        for hours in partner_hours {
            h.type_text(hours);
            h.press(KeyCode::Tab);
        }
        h.press(KeyCode::Right);
        h.press(KeyCode::Tab);
        h.press(KeyCode::Char(if n == 0 { '1' } else { '2' }));
        h.press(KeyCode::Char('3'));
        h.press_n(KeyCode::Tab, 3);
        h.press(KeyCode::Enter);
    }
    snap("reveal_time_together", &h);
}

#[test]
fn help_overlay() {
    let mut h = Harness::with_couple();
    h.press(KeyCode::Char('?'));
    snap("help_home", &h);
}

#[test]
fn too_small_a_window_says_so() {
    let h = Harness::with_couple();
    let terminal = h.render(30, 10);
    insta::assert_snapshot!("too_small_30x10", terminal.backend());
}

#[test]
fn no_color_draws_without_colour_on_every_screen() {
    let mut h = revealed_boundary_map();
    let check = |h: &Harness| {
        let terminal = h.render_with(100, 30, Theme::MONO);
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "colour used without colour");
            assert_eq!(cell.bg, Color::Reset, "colour used without colour");
        }
    };
    check(&h);
    h.press(KeyCode::Enter);
    check(&h);
    h.press(KeyCode::Esc);
    check(&h);
    h.press(KeyCode::Char('n'));
    check(&h);
}

/// Each exercise's reveal, with answers that differ between the partners.
fn snap_reveal(id: &str) {
    let mut h = Harness::with_couple();
    both_partners_answer(&mut h, id);
    for (width, height) in [(80, 24), (160, 60)] {
        let terminal = h.render(width, height);
        insta::assert_snapshot!(format!("reveal_{id}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn reveal_needs_inventory() {
    snap_reveal("needs-inventory");
}

#[test]
fn reveal_my_own_needs() {
    snap_reveal("my-own-needs");
}

#[test]
fn reveal_i_statements() {
    snap_reveal("i-statements");
}

#[test]
fn reveal_speaker_listener() {
    snap_reveal("speaker-listener");
}

#[test]
fn reveal_after_a_conflict() {
    snap_reveal("after-a-conflict");
}

#[test]
fn reveal_weekly_check_in() {
    snap_reveal("weekly-check-in");
}

#[test]
fn reveal_reflection() {
    snap_reveal("reflection");
}

#[test]
fn reveal_saying_no() {
    snap_reveal("saying-no");
}

/// The review screens over the deterministic demo journal, at both sizes;
/// without colour they read the same and use no colour at all.
fn snap_review(name: &str, h: &mut Harness) {
    for (width, height) in [(80, 24), (120, 36)] {
        h.resize(width, height);
        let color = h.render_with(width, height, Theme::COLOR);
        let mono = h.render_with(width, height, Theme::MONO);
        let words = |t: &ratatui::Terminal<ratatui::backend::TestBackend>| -> Vec<String> {
            t.backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol().to_string())
                .collect()
        };
        assert_eq!(
            words(&color),
            words(&mono),
            "{name}: the same words with and without colour"
        );
        for cell in mono.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{name}");
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), color.backend());
    }
}

#[test]
fn journal_screen() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    snap_review("journal", &mut h);
    h.press(KeyCode::Char('/'));
    h.type_text("sister");
    snap_review("journal_search", &mut h);
}

#[test]
fn compare_screen() {
    let mut h = demo(70);
    compare_two_needs_inventories(&mut h);
    snap_review("compare", &mut h);
}

#[test]
fn trends_screen() {
    let mut h = demo(70);
    h.press(KeyCode::Char('t'));
    snap_review("trends", &mut h);
    h.press_n(KeyCode::Down, 5);
    snap_review("trends_needs", &mut h);
}

#[test]
fn agreements_screen() {
    let mut h = demo(70);
    h.press(KeyCode::Char('a'));
    h.press_n(KeyCode::Down, 3);
    snap_review("agreements", &mut h);
}

#[test]
fn a_page_opened_from_the_journal() {
    let mut h = demo(70);
    h.press(KeyCode::Char('b'));
    h.press_n(KeyCode::Char('s'), 4);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('a'));
    h.type_text("Reading this again later.");
    snap_review("page_with_later_note", &mut h);
}

#[test]
fn reveal_an_agreement() {
    snap_reveal("an-agreement");
}

#[test]
fn reveal_time_together_apart() {
    snap_reveal("time-together-apart");
}

#[test]
fn reveal_helping_or_rescuing() {
    snap_reveal("helping-or-rescuing");
}

#[test]
fn reveal_who_i_am_outside_us() {
    snap_reveal("who-i-am-outside-us");
}

#[test]
fn reveal_deciding_together() {
    snap_reveal("deciding-together");
}

#[test]
fn reveal_mine_yours_ours() {
    snap_reveal("mine-yours-ours");
}

#[test]
fn reveal_when_it_gets_too_heated() {
    snap_reveal("when-it-gets-too-heated");
}

#[test]
fn reveal_what_i_value_in_you() {
    snap_reveal("what-i-value-in-you");
}

#[test]
fn reveal_how_was_your_day() {
    snap_reveal("how-was-your-day");
}

#[test]
fn reveal_the_loop_we_get_into() {
    snap_reveal("the-loop-we-get-into");
}

#[test]
fn reveal_behind_my_position() {
    snap_reveal("behind-my-position");
}

#[test]
fn reveal_your_world_now() {
    snap_reveal("your-world-now");
}

#[test]
fn reveal_a_fair_share() {
    snap_reveal("a-fair-share");
}

#[test]
fn reveal_family_and_friends() {
    snap_reveal("family-and-friends");
}

#[test]
fn reveal_money_and_us() {
    snap_reveal("money-and-us");
}

#[test]
fn reveal_boundary_map_with_every_answer() {
    snap_reveal("boundary-map");
}
