use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Theme, editors, text};
use crate::app::{App, Handoff, OnPage, SlotKind, Turn};
use crate::compare::plain_answer;
use crate::keymap::{self, Action, KeyContext};
use crate::model::{Partner, StepMode};

/// Lines of what was written together shown above each turn's field.
const TOPIC_LINES: usize = 3;

pub fn render_handoff(
    app: &App,
    handoff: &OnPage<Handoff>,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let mut lines = if app.opening_due() {
        together_first(handoff, theme)
    } else {
        turn_of_one(app, handoff, theme)
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        handoff.open.page().title.as_str(),
        theme.heading(),
    ));
    if let Some(exercise) = app.open_exercise() {
        lines.extend(exercise.intro.split('\n').map(Line::raw));
    }
    let area = area.centered_horizontally(Constraint::Max(80));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        area.inner(ratatui::layout::Margin::new(1, 1)),
    );
}

/// Before the turns, when the exercise first asks the two of them for
/// something together (the topic): nobody looks away yet.
fn together_first(handoff: &OnPage<Handoff>, theme: Theme) -> Vec<Line<'static>> {
    let begun = !handoff.open.page().shared.answers.is_empty();
    // The keys are the footer's; here, what they lead to.
    vec![
        Line::styled("Together first ", theme.banner(None)),
        Line::raw(
            "First, write together what this is about, so you both answer about the same thing. Then each of you answers on your own, while the other looks away.",
        ),
        Line::raw(""),
        Line::styled(
            if begun {
                "What you wrote together so far is kept."
            } else {
                "Nothing is written until you begin."
            },
            theme.dim(),
        ),
    ]
}

/// Handing over to one partner, the other looking away.
fn turn_of_one(app: &App, handoff: &OnPage<Handoff>, theme: Theme) -> Vec<Line<'static>> {
    let me = app.name(handoff.partner);
    let other = app.name(handoff.partner.other());
    let mut lines = vec![
        Line::styled(
            format!("{me}, it's your turn. "),
            theme.banner(Some(handoff.partner)),
        ),
        Line::raw(format!(
            "{other}, please look away for a moment. Your answers stay private until you have both finished."
        )),
    ];
    // On screen, that holds for everyone; in the files, only with a
    // passphrase. Said where it matters, before the words are written.
    let sealing = if app.seals(handoff.partner) {
        format!("{me}'s answers are sealed with {me}'s passphrase until the reveal.")
    } else {
        format!(
            "{me} has no passphrase: until the reveal, {me}'s answers can be read in the files by anyone using this computer. P chooses one."
        )
    };
    lines.push(Line::styled(sealing, theme.dim()));
    lines.push(Line::raw(""));
    if handoff.choosing {
        lines.push(Line::styled("Who goes first?", theme.heading()));
        if theme.plain {
            // The choice in words on its own marked line, not a picture of
            // two buttons.
            lines.push(Line::raw(format!(
                "› {} goes first (← → chooses {} instead)",
                app.name(handoff.partner),
                app.name(handoff.partner.other())
            )));
        } else {
            let mut choice = vec![Span::raw("  ")];
            for partner in Partner::BOTH {
                let name = app.name(partner);
                if partner == handoff.partner {
                    choice.push(Span::styled(format!("▸ {name} "), theme.selected()));
                } else {
                    choice.push(Span::styled(format!("  {name} "), theme.text()));
                }
                choice.push(Span::raw("   "));
            }
            lines.push(Line::from(choice));
        }
        lines.push(Line::raw(""));
    }
    // The keys are the footer's; here, what they lead to.
    let going_on =
        handoff.open.page().entry(handoff.partner).status == crate::model::EntryStatus::Draft;
    let next = if going_on {
        format!("{me} goes on from the step the turn was left at.")
    } else {
        format!("{me} starts once {other} is looking away.")
    };
    let leaving = if handoff.choosing && handoff.open.page().shared.answers.is_empty() {
        "Nothing is written yet."
    } else if handoff.choosing {
        "What you wrote together is kept."
    } else {
        "Leaving now, the page waits for you."
    };
    lines.push(Line::styled(format!("{next} {leaving}"), theme.dim()));
    lines
}

pub fn render_turn(app: &App, turn: &OnPage<Turn>, theme: Theme, frame: &mut Frame, area: Rect) {
    let page = &turn.open.page();
    let total = turn.slots.len();
    let position = if turn.on_finish_card() {
        "finish".to_string()
    } else {
        format!("step {} of {total}", turn.index + 1)
    };
    let banner = match turn.partner {
        Some(p) => format!(
            " {}'s turn · {} · {} is looking away ",
            app.name(p),
            position,
            app.name(p.other())
        ),
        None if turn.opening => format!(" Together, before your turns · {position} "),
        None => match turn.slot().map(|s| &s.kind) {
            Some(SlotKind::Turn(p, _)) => {
                format!(" Together · {position} · {}'s turn ", app.name(*p))
            }
            _ => format!(" Together · {position} "),
        },
    };
    let [banner_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            text::pad(&banner, usize::from(banner_area.width)),
            theme.banner(turn.partner),
        )),
        banner_area,
    );
    let body = body.inner(ratatui::layout::Margin::new(1, 0));

    let Some(slot) = turn.slot() else {
        render_finish(app, turn, theme, frame, body);
        return;
    };
    let width = usize::from(body.width);
    let mut top: Vec<Line> = vec![Line::raw("")];
    let prompt = match &slot.kind {
        SlotKind::Reflect(p, _) | SlotKind::Turn(p, _) => {
            format!("{}: {}", app.name(*p), slot.prompt)
        }
        _ => slot.prompt.clone(),
    };
    top.extend(
        text::wrap(&prompt, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.heading())),
    );
    if let Some(hint) = &slot.hint {
        top.extend(
            text::wrap(hint, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim())),
        );
    }
    if app
        .open_exercise()
        .and_then(|e| e.step(&slot.step_id))
        .is_some_and(|step| step.shows_agreements)
    {
        // As many as the room above the field holds, each whole where it
        // can be.
        let budget =
            usize::from(body.height - field_rows(body.height)).saturating_sub(top.len() + 1);
        top.extend(agreements_in_use(app, width, budget, theme));
    }
    if let SlotKind::Own(p) = slot.kind
        && page.entry(p).private.contains(&slot.step_id)
    {
        let kept = format!(
            "You keep this answer to yourself, for good: at the reveal {} sees only \"kept private\". {} again shares it.",
            app.name(p.other()),
            keymap::says(KeyContext::WriteText, Action::KeepPrivate)
        );
        top.push(Line::raw(""));
        top.extend(
            text::wrap(&kept, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    if let SlotKind::Own(p) = slot.kind
        && page.entry(p).passed.contains(&slot.step_id)
    {
        top.push(Line::raw(""));
        top.extend(
            text::wrap(
                &format!(
                    "You passed this step: the reveal says \"passed\", and nothing more. Answer it after all, or press {} again, to take the pass back.",
                    keymap::says(KeyContext::WriteText, Action::Pass)
                ),
                width,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.warning())),
        );
    }
    // An agreement the couple already has, offered instead of a second.
    for line in app.already_agreed() {
        let said = format!(
            "“{}” is already one of your agreements ({}, {}), {}. No need to write it again; the weekly check-in looks at it with you.",
            line.agreement.text,
            super::date(app, line.agreement.made),
            line.page_title,
            line.agreement.status.in_words(),
        );
        top.push(Line::raw(""));
        top.extend(
            text::wrap(&said, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    if let (false, Some(exercise)) = (turn.opening, app.open_exercise()) {
        // What the couple chose together before the turns stays in view, as
        // a reminder: a few lines at most, leaving room for the answer.
        for (step, answer) in crate::reveal::opening_answers(page, exercise) {
            top.push(Line::raw(""));
            top.push(Line::styled(
                format!("{} (written together)", step.prompt),
                theme.dim(),
            ));
            top.extend(
                text::hanging_at_most(
                    &plain_answer(answer, &step.field),
                    width.saturating_sub(2),
                    TOPIC_LINES,
                )
                .into_iter()
                .map(|l| Line::raw(format!("  {l}"))),
            );
        }
    }
    let field_rows = field_rows(body.height);
    let room = usize::from(body.height - field_rows);
    if let Some(exercise) = app.open_exercise() {
        // Earlier answers, compactly: each writer's name once, then their
        // answers as bullets.
        let mut earlier: Vec<(Option<Partner>, Vec<String>)> = Vec::new();
        let mut last_writer = None;
        for (who, step_ids) in context_of(&slot.kind) {
            for id in step_ids {
                let Some(step) = exercise.step(id) else {
                    continue;
                };
                let writers: Vec<Partner> = match (&step.mode, who) {
                    (_, Some(p)) => vec![p],
                    (StepMode::Turn { by, .. }, None) => vec![*by],
                    _ => Partner::BOTH.to_vec(),
                };
                for writer in writers {
                    let named = (last_writer != Some(writer)).then_some(writer);
                    last_writer = Some(writer);
                    // Earlier answers are on screen only once both
                    // partners have finished: the reveal rule decides.
                    let answer = match crate::reveal::reveal(page) {
                        Some(r) => r.answer(writer, id).map_or_else(
                            || vec![r.absent(writer, id).to_string()],
                            |a| plain_answer(a, &step.field),
                        ),
                        None => vec!["(no answer)".into()],
                    };
                    // One bullet per answer; a list's items have theirs.
                    let answer = if answer.iter().all(|l| l.starts_with("• ")) {
                        answer
                    } else {
                        vec![format!("• {}", answer.join("\n"))]
                    };
                    earlier.push((named, answer));
                }
            }
        }
        // Every earlier answer gets its share of the room above the field,
        // so a long first one never hides the second; F2 shows them whole.
        let names = earlier.iter().filter(|(named, _)| named.is_some()).count();
        let share = room
            .saturating_sub(top.len() + 2 * names + 1)
            .checked_div(earlier.len())
            .unwrap_or(0)
            .max(2);
        let mut cut = false;
        for (named, answer) in &earlier {
            if let Some(writer) = named {
                top.push(Line::raw(""));
                top.push(Line::styled(
                    format!("{}:", app.name(*writer)),
                    theme.partner(*writer),
                ));
            }
            let shown = text::hanging_at_most(answer, width.saturating_sub(2), share);
            cut |= shown.last().is_some_and(|l| l.ends_with('…')) && shown.len() == share;
            top.extend(shown.into_iter().map(|l| Line::raw(format!("  {l}"))));
        }
        if cut {
            top.push(Line::styled(
                format!(
                    "Cut short to leave room: {} shows both answers whole.",
                    keymap::says(KeyContext::WriteText, Action::ShowAnswers)
                ),
                theme.dim(),
            ));
        }
    }
    top.push(Line::raw(""));
    let max_top = u16::try_from(top.len()).unwrap_or(u16::MAX);
    let top_height = max_top.min(body.height - field_rows);
    let [top_area, editor_area] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Min(3)]).areas(body);
    frame.render_widget(Paragraph::new(top), top_area);
    if let Some(editor) = &turn.editor {
        editors::render(editor, &slot.field, theme, frame, editor_area);
    }
}

/// Earlier answers to show above a slot: whose (when fixed), and of which
/// steps.
/// The rows the field keeps to write in, of `height`: at least six, or two
/// fifths of the screen.
fn field_rows(height: u16) -> u16 {
    (height * 2 / 5).max(6).min(height)
}

/// The agreements in use, for a question about them: in `room` lines,
/// each in three lines at most, and how many more there are when not all
/// fit.
fn agreements_in_use(app: &App, width: usize, room: usize, theme: Theme) -> Vec<Line<'static>> {
    let in_use: Vec<String> = crate::app::agreements_in_order(&app.journal)
        .into_iter()
        .filter(|a| a.agreement.status != crate::model::AgreementStatus::Retired)
        .map(|a| format!("• {}", a.agreement.text))
        .collect();
    let mut lines = vec![Line::raw("")];
    if in_use.is_empty() {
        lines.push(Line::styled(
            "You have no agreements in use yet.",
            theme.dim(),
        ));
        return lines;
    }
    lines.push(Line::styled("Your agreements in use:", theme.dim()));
    let room = room.saturating_sub(2).max(2);
    for (n, agreement) in in_use.iter().enumerate() {
        let wrapped =
            text::hanging_at_most(std::slice::from_ref(agreement), width.saturating_sub(2), 3);
        let left = in_use.len() - n;
        // The last line is kept for "and N more" while any are left out.
        if lines.len() - 2 + wrapped.len() + usize::from(left > 1) > room && n > 0 {
            lines.push(Line::styled(format!("  … and {left} more"), theme.dim()));
            break;
        }
        lines.extend(wrapped.into_iter().map(|l| Line::raw(format!("  {l}"))));
    }
    lines
}

fn context_of(kind: &SlotKind) -> Vec<(Option<Partner>, &[String])> {
    match kind {
        SlotKind::Reflect(p, of) => vec![(Some(p.other()), of.as_slice())],
        SlotKind::Turn(_, shows) => vec![(None, shows.as_slice())],
        _ => Vec::new(),
    }
}

fn render_finish(app: &App, turn: &OnPage<Turn>, theme: Theme, frame: &mut Frame, area: Rect) {
    let answered = turn.answered(turn.open.page());
    let total = turn.slots.len();
    let mut lines = vec![Line::raw("")];
    match turn.partner {
        Some(p) => {
            let other = app.name(p.other());
            lines.push(Line::styled(
                format!("That's every step, {}.", app.name(p)),
                theme.heading(),
            ));
            let missing = turn.unanswered(turn.open.page());
            let back = keymap::says(KeyContext::Finish, Action::PreviousStep);
            let passed = turn.open.page().entry(p).passed.len();
            lines.push(Line::raw(match missing.as_slice() {
                [] if passed > 0 => {
                    format!("You answered {answered} of {total}, and passed the rest.")
                }
                [] => format!("You answered all {total}."),
                [one] => format!(
                    "You answered {answered} of {total}; step {one} has no answer yet. {back} goes back to it, or leave it: that is fine too."
                ),
                [rest @ .., last] => format!(
                    "You answered {answered} of {total}; steps {} and {last} have no answer yet. {back} goes back to them, or leave them: that is fine too.",
                    rest.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
                ),
            }));
            lines.push(Line::raw(""));
            let after = if turn.open.page().entry(p.other()).status
                == crate::model::EntryStatus::Done
            {
                format!(
                    "{other} has finished too, so next you will see both of your answers side by side."
                )
            } else {
                format!(
                    "When you finish, your answers stay hidden until {other} has finished too. {other} can do it now or another day."
                )
            };
            lines.push(Line::raw(after));
        }
        None if turn.opening => {
            lines.push(Line::styled("Ready for your turns?", theme.heading()));
            lines.push(Line::raw(
                "Next, each of you answers on your own, with what you wrote together on screen. Your answers stay private until you have both finished.",
            ));
        }
        None => {
            lines.push(Line::styled("Finished talking it over?", theme.heading()));
            let agreements = turn.open.page().shared.agreements.len();
            let written = if agreements == 0 {
                "No agreements".to_string()
            } else {
                crate::model::count(agreements, "agreement", "agreements")
            };
            lines.push(Line::raw(format!(
                "{written} written down. Everything is already saved; finishing marks the page as talked over. Afterwards you can still add dated notes to it from the journal."
            )));
            // Said again where it is about to be kept: an agreement the
            // couple already has in use.
            for line in app.already_agreed() {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!(
                        "“{}” is already one of your agreements ({}, {}), {}. {} goes back to take it out; kept, the check-in lists both.",
                        line.agreement.text,
                        super::date(app, line.agreement.made),
                        line.page_title,
                        line.agreement.status.in_words(),
                        keymap::says(KeyContext::Finish, Action::PreviousStep),
                    ),
                    theme.warning(),
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(
            keymap::says(KeyContext::Finish, Action::Finish),
            theme.key(),
        ),
        Span::raw(" finish   "),
        Span::styled(
            keymap::says(KeyContext::Finish, Action::PreviousStep),
            theme.key(),
        ),
        Span::raw(" go back and change something"),
    ]));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default()),
        area,
    );
}
