//! The keys of each screen, in one table that feeds both the footer hints and
//! the `?` help, so the two never disagree with each other.

/// Where the keys are being pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyContext {
    Onboarding,
    Home,
    Library,
    Handoff,
    WriteText,
    WriteList,
    Pick,
    Scale,
    Grid,
    GridAdding,
    Finish,
    SideBySide,
    ReadPage,
    /// A page tandem shows but will not change until its file is fixed.
    ReadOnlyPage,
    LaterNote,
    Journal,
    Search,
    Compare,
    Agreements,
    Trends,
    Message,
    /// Answers kept from a save that failed, offered back.
    Recovery,
}

pub struct KeyHint {
    pub keys: &'static str,
    pub action: &'static str,
    /// Shown in the footer as well as in the help.
    pub footer: bool,
}

const fn hint(keys: &'static str, action: &'static str, footer: bool) -> KeyHint {
    KeyHint {
        keys,
        action,
        footer,
    }
}

const ALWAYS: &[KeyHint] = &[
    hint("F1", "show the keys of this screen", false),
    hint("Ctrl-C", "save everything and quit", false),
];

const BROWSING: &[KeyHint] = &[
    hint("?", "help", true),
    hint("q", "quit (everything is saved)", true),
];

const STEP_MOVES: &[KeyHint] = &[
    hint("Tab", "next step", true),
    hint("Shift-Tab", "previous step", true),
    hint("Esc", "pause (answers are kept)", true),
    hint("Ctrl-S", "save now", false),
    hint("F1", "help", true),
];

pub fn hints(context: KeyContext) -> Vec<&'static KeyHint> {
    let own: &[KeyHint] = match context {
        KeyContext::Onboarding => {
            const {
                &[
                    hint("Tab", "other name", true),
                    hint("Enter", "continue", true),
                    hint("F1", "help", true),
                ]
            }
        }
        KeyContext::Home => {
            const {
                &[
                    hint("↑↓ j k", "move", true),
                    hint("Enter", "open or continue the page", true),
                    hint("n", "new exercise from the library", true),
                    hint("b", "browse the journal", true),
                    hint("t", "trends over time", false),
                    hint("a", "agreements", false),
                ]
            }
        }
        KeyContext::Library => {
            const {
                &[
                    hint("↑↓ j k", "move", true),
                    hint("Enter", "start this exercise", true),
                    hint("PgUp PgDn", "scroll the introduction", true),
                    hint("Esc", "back", true),
                ]
            }
        }
        KeyContext::Handoff => {
            const {
                &[
                    hint("Enter", "start", true),
                    hint("← →", "choose who goes first", true),
                    hint("Esc", "later (the page waits)", true),
                ]
            }
        }
        KeyContext::WriteText => {
            const {
                &[
                    hint("Enter", "new line", false),
                    hint("Ctrl-← →", "move by word", false),
                    hint("Ctrl-U / Ctrl-R", "undo / redo", false),
                ]
            }
        }
        KeyContext::WriteList => {
            const {
                &[
                    hint("Enter", "add an item", true),
                    hint("↑↓", "move between items", false),
                    hint("Alt-↑↓", "reorder", false),
                    hint("Ctrl-D", "remove the item", false),
                ]
            }
        }
        KeyContext::Pick => {
            const {
                &[
                    hint("↑↓", "move", true),
                    hint("Space", "choose", true),
                    hint("1–9", "choose by number", false),
                ]
            }
        }
        KeyContext::Scale => {
            const {
                &[
                    hint("← →", "change", true),
                    hint("0–9", "type a number", false),
                    hint("Backspace", "clear", false),
                ]
            }
        }
        KeyContext::Grid => {
            const {
                &[
                    hint("↑↓", "row", true),
                    hint("Space", "change", true),
                    hint("← →", "column", false),
                    hint("1–9", "pick by number", false),
                    hint("a", "add a row of your own", false),
                    hint("Ctrl-D", "remove a row you added", false),
                ]
            }
        }
        KeyContext::GridAdding => {
            const {
                &[
                    hint("Enter", "add the row", true),
                    hint("Esc", "cancel", true),
                ]
            }
        }
        KeyContext::Finish => {
            const {
                &[
                    hint("Enter", "finish", true),
                    hint("Shift-Tab", "back to the steps", true),
                    hint("Esc", "pause (answers are kept)", true),
                ]
            }
        }
        KeyContext::SideBySide => {
            const {
                &[
                    hint("↑↓ j k", "scroll", true),
                    hint("PgUp PgDn", "page", false),
                    hint("Enter", "go on together", true),
                    hint("Esc", "back", true),
                ]
            }
        }
        KeyContext::ReadPage => {
            const {
                &[
                    hint("↑↓ j k", "scroll", true),
                    hint("PgUp PgDn", "page", false),
                    hint("a", "add a later note", true),
                    hint("x", "export this page (Markdown and HTML)", false),
                    hint("Esc", "back", true),
                ]
            }
        }
        KeyContext::ReadOnlyPage => {
            const {
                &[
                    hint("↑↓ j k", "scroll", true),
                    hint("PgUp PgDn", "page", false),
                    hint("x", "export this page (Markdown and HTML)", false),
                    hint("Esc", "back", true),
                ]
            }
        }
        KeyContext::LaterNote => {
            const {
                &[
                    hint("Esc", "done: add the note with today's date", true),
                    hint("Ctrl-S", "add the note", false),
                    hint("Enter", "new line", false),
                ]
            }
        }
        KeyContext::Journal => {
            const {
                &[
                    hint("↑↓ j k", "move", true),
                    hint("Enter", "open", true),
                    hint("/", "search", true),
                    hint(
                        "c e p d s",
                        "filter by category, exercise, partner, date, status",
                        true,
                    ),
                    hint("r", "clear the filters", false),
                    hint(
                        "m",
                        "mark, then m on another page of the same exercise: compare",
                        false,
                    ),
                    hint("x", "export the pages listed (Markdown and HTML)", false),
                    hint("t a", "trends, agreements", false),
                    hint("Esc", "clear the search, then back", false),
                ]
            }
        }
        KeyContext::Search => const { &[hint("Enter", "done", true), hint("Esc", "done", false)] },
        KeyContext::Compare => {
            const {
                &[
                    hint("↑↓ j k", "scroll", true),
                    hint("Esc", "back to the journal", true),
                ]
            }
        }
        KeyContext::Agreements => {
            const {
                &[
                    hint("↑↓ j k", "move", true),
                    hint("Space", "change the status", true),
                    hint("1 2 3", "active, revisit, retired", false),
                    hint("Enter", "open the page it was made on", true),
                    hint("b t", "journal, trends", false),
                    hint("Esc", "back", false),
                ]
            }
        }
        KeyContext::Trends => {
            const {
                &[
                    hint("↑↓ j k", "choose what to show", true),
                    hint("b a", "journal, agreements", false),
                    hint("Esc", "back", true),
                ]
            }
        }
        KeyContext::Message => const { &[hint("Enter / Esc", "close", true)] },
        KeyContext::Recovery => {
            const {
                &[
                    hint("Enter", "put it back in the journal", true),
                    hint("Esc", "not now (asked again next time)", true),
                ]
            }
        }
    };
    let shared: &[KeyHint] = match context {
        KeyContext::WriteText
        | KeyContext::WriteList
        | KeyContext::Pick
        | KeyContext::Scale
        | KeyContext::Grid => STEP_MOVES,
        KeyContext::Home
        | KeyContext::Library
        | KeyContext::SideBySide
        | KeyContext::ReadPage
        | KeyContext::ReadOnlyPage
        | KeyContext::Journal
        | KeyContext::Compare
        | KeyContext::Agreements
        | KeyContext::Trends => BROWSING,
        _ => &[],
    };
    let mut all: Vec<&'static KeyHint> = Vec::new();
    for hint in own.iter().chain(shared).chain(ALWAYS) {
        // A key listed by the screen is not listed again by the shared tables.
        if all.iter().all(|h| h.keys != hint.keys) {
            all.push(hint);
        }
    }
    all
}

pub fn footer(context: KeyContext) -> Vec<&'static KeyHint> {
    hints(context).into_iter().filter(|h| h.footer).collect()
}
