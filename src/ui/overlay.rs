use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Theme, text};
use crate::app::{App, KeyPurpose, Measured, Overlay, PassphraseBox, Stage, Then};
use crate::keymap::{self, Action, KeyContext};
use crate::model::Partner;
use crate::model::SafetyLine;

/// Draws the box, scrolled as far as the app says; reports how much of it
/// shows, so that the app keeps its scrolling within it, and its title.
pub fn render(
    app: &App,
    overlay: &Overlay,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) -> (Measured, String) {
    // In plain mode the box is the whole screen under the title: nothing
    // of the screen below is left to be read around it.
    let width = if theme.plain {
        area.width
    } else {
        box_width(area)
    };
    let (title, lines) = contents(app, overlay, theme, width);
    let inner_width = usize::from(width.saturating_sub(if theme.plain { 1 } else { 4 })).max(1);
    let wrapped: usize = lines
        .iter()
        .map(|l| text::wrap(&l.to_string(), inner_width).len().max(1))
        .sum();
    let popup = if theme.plain {
        area
    } else {
        let height = u16::try_from(wrapped + 2)
            .unwrap_or(u16::MAX)
            .min(area.height);
        area.centered(Constraint::Length(width), Constraint::Length(height))
    };
    // A border above and below, or in plain mode the title line and the
    // line that says there is more.
    let measured = Measured {
        rows: usize::from(popup.height.saturating_sub(2)),
        lines: wrapped,
        ..Measured::default()
    };
    let scroll = usize::from(app.box_scroll).min(measured.max_scroll());
    let title = text::drawable(title).into_owned();
    let heading = Line::styled(format!(" {title} "), theme.heading());
    let mut block = theme.padded_block(
        if theme.plain {
            heading
        } else {
            heading.centered()
        },
        true,
    );
    // Where more is hidden, the frame says so.
    if scroll + measured.rows < measured.lines {
        let more = if theme.plain {
            "More below: PgDn."
        } else {
            " ↓ more "
        };
        block = block.title_bottom(Line::styled(more, theme.key()).right_aligned());
    }
    if scroll > 0 {
        let above = if theme.plain {
            " (more above: PgUp)"
        } else {
            " ↑ "
        };
        block = block.title_top(Line::styled(above, theme.key()).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        popup,
    );
    (measured, title)
}

/// The box's title and lines, for a box `width` wide.
fn contents<'a>(
    app: &'a App,
    overlay: &'a Overlay,
    theme: Theme,
    width: u16,
) -> (&'a str, Vec<Line<'a>>) {
    match overlay {
        Overlay::Help(context) => {
            let bindings = app.available_keys(*context);
            let hints: Vec<(String, &str)> = bindings.iter().map(|b| (b.label(), b.help)).collect();
            let key_width = hints.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0) + 2;
            // A long line goes on under its own words, not under the keys.
            let room = usize::from(width.saturating_sub(4))
                .saturating_sub(key_width)
                .max(12);
            let mut lines: Vec<Line> = Vec::new();
            for (keys, what) in hints {
                if theme.plain {
                    // A sentence a key, not two columns.
                    lines.push(Line::raw(format!("{keys}: {what}")));
                    continue;
                }
                for (i, part) in text::wrap(what, room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.as_str() } else { "" };
                    lines.push(Line::from(vec![
                        Span::styled(text::pad(keys, key_width), theme.key()),
                        Span::raw(part),
                    ]));
                }
            }
            lines.push(Line::raw(""));
            let typing = if context.takes_text() {
                "Every other key is text here, ? and q too; F1 always shows this."
            } else {
                "Keys not listed here do nothing on this screen."
            };
            lines.push(Line::styled(typing, theme.dim()));
            ("Keys", lines)
        }
        Overlay::Safety => safety_lines(app, theme),
        Overlay::Sealing { selected } => sealing_lines(app, *selected, theme),
        Overlay::Passphrase(b) => passphrase_lines(app, b, theme),
        Overlay::Message { title, body } => {
            let mut lines: Vec<Line> = body.split('\n').map(Line::raw).collect();
            lines.push(Line::raw(""));
            lines.push(Line::styled("Enter or Esc to close", theme.dim()));
            (title.as_str(), lines)
        }
        Overlay::SafeToAnswer { body } => {
            let mut lines: Vec<Line> = body.split('\n').map(Line::raw).collect();
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "y yes · u not sure · n no · ! when it does not feel safe",
                theme.key(),
            ));
            ("Just for you", lines)
        }
        Overlay::Picker(picker) => {
            let typed = crate::app::editor::text_of(&picker.query);
            let mut lines = vec![
                Line::from(vec![
                    Span::styled("Find: ", theme.dim()),
                    Span::styled(format!("{}▏", text::drawable(&typed)), theme.key()),
                ]),
                Line::raw(""),
            ];
            let shown = picker.shown();
            if shown.is_empty() {
                lines.push(Line::styled("Nothing by that name.", theme.dim()));
            }
            let selected = picker.selected.min(shown.len().saturating_sub(1));
            let labels: Vec<String> = shown
                .iter()
                .map(|&i| text::drawable(&picker.items[i].0).into_owned())
                .collect();
            lines.extend(window_around(
                &labels,
                selected,
                ("more above", "more below"),
                theme,
            ));
            (picker.title, lines)
        }
        Overlay::RemovedPages { names, selected } => {
            let mut lines = vec![
                Line::raw(
                    "Pages moved aside into removed/, newest first. The one you choose comes back into the journal as it was.",
                ),
                Line::raw(""),
            ];
            let said: Vec<String> = names.iter().map(|n| removed_page_words(app, n)).collect();
            lines.extend(window_around(&said, *selected, ("newer", "older"), theme));
            ("Removed pages", lines)
        }
        Overlay::Confirm { title, body, .. } => {
            // The question's last line says what its keys do.
            let lines: Vec<Line> = body.split('\n').map(Line::raw).collect();
            (title.as_str(), lines)
        }
        Overlay::Recovery(found) => {
            let mut lines = vec![Line::raw(
                "Last time, some of what you wrote could not be saved in the journal, so tandem kept it aside:",
            )];
            lines.push(Line::raw(""));
            for item in found {
                lines.push(Line::raw(format!(
                    "• {} ({}), because {}",
                    item.recovery.describe(),
                    item.recovery
                        .saved
                        .to_zoned(app.tz.clone())
                        .strftime("%-d %b %Y %H:%M"),
                    item.recovery.reason
                )));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!(
                    "{} puts it back into the journal · {} leaves it for now",
                    keymap::says(KeyContext::Recovery, Action::Restore),
                    keymap::says(KeyContext::Recovery, Action::NotNow)
                ),
                theme.dim(),
            ));
            ("Kept from last time", lines)
        }
    }
}

/// The safety screen, from its words in the content folder.
fn safety_lines(app: &App, theme: Theme) -> (&str, Vec<Line<'static>>) {
    let Some(guide) = app.library.safety() else {
        // Only a broken build gets here: the words are built in.
        let lines = vec![
            Line::raw("The safety screen's words could not be read."),
            Line::raw(
                "In danger right now: call your local emergency number (911, 999, 112, 000).",
            ),
        ];
        return ("When it does not feel safe", lines);
    };
    // A telephone number is never broken across two lines.
    let shown = |s: &str| text::numbers_unbroken(&text::drawable(s));
    let mut lines: Vec<Line<'static>> = guide
        .lines()
        .into_iter()
        .map(|line| match line {
            SafetyLine::Heading(h) => Line::styled(shown(h), theme.heading()),
            SafetyLine::Country(c) => Line::styled(shown(c), theme.title()),
            SafetyLine::Text(t) => Line::raw(shown(t)),
            SafetyLine::Service(service) => {
                // Where (when more than the country it is listed under),
                // for whom and when, as far as the file says.
                let for_whom =
                    (!service.for_whom.is_empty()).then(|| format!("for {}", service.for_whom));
                let region = (service.region != service.country()).then(|| service.region.clone());
                let about: Vec<String> = [region, for_whom, Some(service.hours.clone())]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .map(|s| shown(&s))
                    .collect();
                Line::from(vec![
                    Span::raw("• "),
                    Span::styled(shown(&service.name), theme.key()),
                    Span::raw(format!(
                        " ({}): {}",
                        about.join(", "),
                        shown(&service.reach)
                    )),
                ])
            }
            SafetyLine::Blank => Line::raw(""),
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Contact details checked {}.", shown(&guide.checked)),
        theme.dim(),
    ));
    lines.push(Line::styled(
        "Enter or Esc closes this; Ctrl-Q closes tandem at once.",
        theme.dim(),
    ));
    (guide.title.as_str(), lines)
}

/// Both partners' passphrases, and what sealing does and does not do.
fn sealing_lines(app: &App, selected: Partner, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let mut lines = vec![
        Line::raw(
            "With a passphrase, what you write stays unreadable in tandem's files until you have both finished: to your partner, and to anyone else using this computer. You never need it to save. tandem asks for it at the start of each of your turns, at the reveal, and to read what you kept private: every time, as you may share this computer.",
        ),
        Line::raw(""),
    ];
    for partner in Partner::BOTH {
        let name = app.name(partner);
        let marker = if partner == selected { "› " } else { "  " };
        let state = if app.seals(partner) {
            "sealed with a passphrase".to_string()
        } else {
            format!(
                "no passphrase: until the reveal, {name}'s answers can be read in the files by anyone using this computer"
            )
        };
        if partner == selected && theme.plain {
            // The row wraps in the box; the focus line says all of it.
            super::plain::say_focus(format!("{name}: {state}"));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{name}: "), theme.partner(partner)),
            Span::raw(state),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "It cannot protect you from someone who knows your passphrase, from a program recording the keyboard, or from someone watching the screen. A forgotten passphrase cannot be recovered: f gives you a new one, and what was written with the old one stays locked away, kept but unreadable.",
        theme.dim(),
    ));
    ("Passphrases", lines)
}

/// The passphrase box: what is asked, dots for what is typed.
fn passphrase_lines<'a>(
    app: &App,
    b: &'a PassphraseBox,
    theme: Theme,
) -> (&'a str, Vec<Line<'static>>) {
    let name = app.name(b.partner);
    let other = app.name(b.partner.other());
    let draft_sealed = app
        .open_page()
        .is_some_and(|o| o.page().entry(b.partner).sealed.is_some());
    let ask = match (b.purpose, b.stage) {
        (KeyPurpose::Unlock(Then::Turn), _) if draft_sealed => format!(
            "{name}, your answers on this page are sealed. Type your passphrase to go on with them. {other}, please look away."
        ),
        (KeyPurpose::Unlock(Then::Turn), _) => format!(
            "{name}, type your passphrase to begin your turn: what you write stays sealed to you until the reveal. {other}, please look away."
        ),
        (KeyPurpose::Unlock(Then::Reveal), _) => format!(
            "You have both finished. {name}, type your passphrase to open your answers for the reveal. {other}, please look away."
        ),
        (KeyPurpose::Unlock(Then::ReadKept), _) => format!(
            "{name}, type your passphrase to read what you kept private. {other}, please look away."
        ),
        (KeyPurpose::Change, Stage::Current) => {
            format!("{name}, type your passphrase as it is now. {other}, please look away.")
        }
        (
            KeyPurpose::New | KeyPurpose::Replace | KeyPurpose::Change,
            Stage::New | Stage::Current,
        ) => {
            format!(
                "{name}, choose a passphrase. {other}, please look away.\n\nAt least {} characters; a few words you will remember work well. It cannot be recovered if it is forgotten.",
                crate::seal::MIN_PASSPHRASE_CHARS
            )
        }
        (_, Stage::Repeat) => "Type it once more, to be sure.".to_string(),
    };
    let mut lines: Vec<Line<'static>> = ask.split('\n').map(|l| Line::raw(l.to_string())).collect();
    lines.push(Line::raw(""));
    let typed = b
        .field
        .lines()
        .iter()
        .map(|l| l.chars().count())
        .sum::<usize>();
    if theme.plain {
        // Counted in words, not dots; the reversed cell is where plain mode
        // puts the terminal's cursor.
        let so_far = if typed == 0 {
            "nothing typed yet".to_string()
        } else {
            format!(
                "{} typed",
                crate::model::count(typed, "character", "characters")
            )
        };
        lines.push(Line::from(vec![
            Span::raw(format!("Passphrase ({so_far}): ")),
            Span::styled(" ", theme.cursor()),
        ]));
    } else {
        lines.push(Line::from(vec![
            Span::styled("Passphrase: ", theme.dim()),
            Span::styled(format!("{}▏", "•".repeat(typed.min(64))), theme.key()),
        ]));
    }
    if b.waiting {
        let doing = match b.purpose {
            KeyPurpose::New | KeyPurpose::Replace => "Making your key",
            _ => "Opening your key",
        };
        // As long as it took last time on this computer; the first time,
        // a range that holds on slow machines too.
        let how_long = match app.key_work {
            Some(took) if took.as_secs_f64() < 1.5 => "about a second".to_string(),
            Some(took) => format!("about {} seconds", took.as_secs_f64().round()),
            None => "a few seconds".to_string(),
        };
        lines.push(Line::styled(
            format!("{doing}… this takes {how_long}; keys pressed meanwhile are not used."),
            theme.dim(),
        ));
    }
    if let Some(error) = &b.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(error.clone(), theme.warning()));
    }
    let title = match b.purpose {
        KeyPurpose::Unlock(_) => "Passphrase",
        KeyPurpose::New => "A passphrase of your own",
        KeyPurpose::Replace => "A new key",
        KeyPurpose::Change => "Change the passphrase",
    };
    (title, lines)
}

/// How wide a box is drawn over `area`.
fn box_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(72)
}

/// A removed page as its file name tells it: the day it was started and
/// the exercise ("7 Dec 2026 · Boundary map"), or the name as it is.
fn removed_page_words(app: &App, name: &str) -> String {
    let day = name
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .map(|d| d.strftime("%-d %b %Y").to_string());
    let exercise = name.get(18..).map(|rest| {
        // A name made unique in removed/ ends in "-2", "-3"…
        let plain = rest
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches('-');
        app.library
            .get(rest)
            .or_else(|| app.library.get(plain))
            .map_or_else(|| rest.to_string(), |e| e.title.clone())
    });
    match (day, exercise) {
        (Some(day), Some(exercise)) => text::drawable(&format!("{day} · {exercise}")).into_owned(),
        _ => text::drawable(name).into_owned(),
    }
}

/// A list in a box, as many as fit around the chosen one (marked, and said
/// as the focus), with how many more there are above and below in the
/// words of `more`.
fn window_around(
    items: &[String],
    selected: usize,
    more: (&str, &str),
    theme: Theme,
) -> Vec<Line<'static>> {
    const SHOWN: usize = 12;
    let mut lines = Vec::new();
    let first = (selected + 1).saturating_sub(SHOWN);
    if first > 0 {
        lines.push(Line::styled(format!("  … {first} {}", more.0), theme.dim()));
    }
    for (n, item) in items.iter().enumerate().skip(first).take(SHOWN) {
        if n == selected {
            super::plain::say_focus(format!("{} of {}: {item}", n + 1, items.len()));
            lines.push(Line::styled(format!("› {item}"), theme.selected()));
        } else {
            lines.push(Line::raw(format!("  {item}")));
        }
    }
    let after = items.len().saturating_sub(first + SHOWN);
    if after > 0 {
        lines.push(Line::styled(format!("  … {after} {}", more.1), theme.dim()));
    }
    lines
}
