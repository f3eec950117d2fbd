//! What every key does, screen by screen, in one table. A key pressed is
//! resolved through the table of the context it is pressed in, and the
//! footer hints and the `?` help are generated from the same entries, so a
//! key cannot mean one thing in the help and another in the code.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::model::AgreementStatus;

/// Where the keys are being pressed: a screen, the editor in focus on it, or
/// a box over it. The order here is the order of the help and the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum KeyContext {
    Onboarding,
    Home,
    Library,
    /// Neither partner has started: either may go first.
    HandoffChoosing,
    Handoff,
    WriteText,
    WriteList,
    Choice,
    Checklist,
    Scale,
    Grid,
    /// The name of a grid row of one's own being typed.
    GridAdding,
    Finish,
    /// Both answers shown, not yet talked over.
    SideBySide,
    /// Both answers looked at again while talking it over.
    PeekAnswers,
    /// A page talked over: read, and added to with later notes.
    ReadPage,
    /// A page tandem shows but will not change until its file is fixed.
    ReadOnlyPage,
    LaterNote,
    Journal,
    Search,
    Compare,
    Agreements,
    /// New words for an agreement being written.
    Rewording,
    Trends,
    Help,
    Message,
    /// Answers kept from a save that failed, offered back.
    Recovery,
    /// A question before something not to be done by one stray key.
    Confirm,
    /// The private question before a turn in a sensitive exercise.
    SafeToAnswer,
    /// Each partner's passphrase.
    Sealing,
    /// A passphrase being typed.
    Passphrase,
    /// The pages moved aside, one to bring back.
    RemovedPages,
    /// One of many chosen by typing part of its name.
    Picker,
}

impl KeyContext {
    /// Every context, in the order the help and the guide list them.
    pub fn all() -> impl Iterator<Item = KeyContext> {
        <KeyContext as strum::IntoEnumIterator>::iter()
    }

    /// Whether keys the table does not name are text typed into a box.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            KeyContext::Onboarding
                | KeyContext::WriteText
                | KeyContext::WriteList
                | KeyContext::GridAdding
                | KeyContext::LaterNote
                | KeyContext::Search
                | KeyContext::Rewording
                | KeyContext::Passphrase
                | KeyContext::Picker
        )
    }

    /// A box over the screen (help, a message), not the screen itself.
    pub fn is_box(self) -> bool {
        matches!(
            self,
            KeyContext::Help
                | KeyContext::Message
                | KeyContext::Recovery
                | KeyContext::Confirm
                | KeyContext::SafeToAnswer
                | KeyContext::Sealing
                | KeyContext::Passphrase
                | KeyContext::RemovedPages
                | KeyContext::Picker
        )
    }

    /// Where the README and the help name the context.
    pub fn describe(self) -> &'static str {
        match self {
            KeyContext::Onboarding => "first start (your names)",
            KeyContext::Home => "home",
            KeyContext::Library => "the exercise library",
            KeyContext::HandoffChoosing => "before a page is started (who goes first)",
            KeyContext::Handoff => "handing over to a partner",
            KeyContext::WriteText => "a step written in words",
            KeyContext::WriteList => "a step answered as a list",
            KeyContext::Choice => "a step with one choice",
            KeyContext::Checklist => "a step with several choices",
            KeyContext::Scale => "a step answered on a scale",
            KeyContext::Grid => "a step answered in a grid",
            KeyContext::GridAdding => "naming a grid row of your own",
            KeyContext::Finish => "the end of a turn",
            KeyContext::SideBySide => "both answers side by side",
            KeyContext::PeekAnswers => "both answers, looked at while talking it over",
            KeyContext::ReadPage => "a page you have talked over",
            KeyContext::ReadOnlyPage => "a page kept read-only",
            KeyContext::LaterNote => "writing a later note",
            KeyContext::Journal => "the journal",
            KeyContext::Search => "typing a search",
            KeyContext::Compare => "two pages compared",
            KeyContext::Agreements => "agreements",
            KeyContext::Rewording => "new words for an agreement",
            KeyContext::Trends => "trends",
            KeyContext::Help => "this help",
            KeyContext::Message => "a message",
            KeyContext::Recovery => "answers kept from last time",
            KeyContext::Confirm => "a question before removing or starting again",
            KeyContext::SafeToAnswer => "the private question before a sensitive exercise",
            KeyContext::Sealing => "passphrases (sealing your answers)",
            KeyContext::Passphrase => "typing a passphrase",
            KeyContext::RemovedPages => "removed pages",
            KeyContext::Picker => "choosing by name (an exercise, a category, a measure)",
        }
    }
}

/// Everything a key can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    // Anywhere.
    Help,
    Quit,
    Save,
    // Moving in a list or a scrolled view.
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    First,
    Last,
    /// Open, start or continue what is selected.
    Open,
    Back,
    // Going places.
    NewExercise,
    ShowJournal,
    ShowTrends,
    ShowAgreements,
    // First start.
    OtherName,
    // Hand-off.
    OtherPartner,
    Partner(crate::model::Partner),
    // A turn.
    NextStep,
    PreviousStep,
    Pause,
    Finish,
    // The editors of a step.
    Choose,
    /// A number typed; the table names the range, the key gives the digit.
    Number(u8),
    Increase,
    Decrease,
    Lowest,
    Highest,
    Clear,
    AddItem,
    MoveItemUp,
    MoveItemDown,
    RemoveItem,
    AddRow,
    RemoveRow,
    ConfirmRow,
    CancelRow,
    /// The key goes to the text being written (a new line, a word left).
    Type,
    // A page.
    TalkOver,
    /// While talking it over: both answers again, then back.
    ShowAnswers,
    WriteLaterNote,
    WhyReadOnly,
    Export,
    AddNote,
    /// New words for an agreement, kept.
    KeepWords,
    // The journal.
    Search,
    EndSearch,
    ClearSearch,
    RestoreItem,
    UndoStatus,
    ShowRemoved,
    BringBack,
    FindMeasure,
    FilterCategory,
    FilterExercise,
    FilterPartner,
    FilterPeriod,
    FilterStatus,
    ClearFilters,
    Mark,
    // Agreements.
    NextStatus,
    SetStatus(AgreementStatus),
    // Boxes over the screen.
    Close,
    Restore,
    NotNow,
    /// Take a page out of the journal (kept aside, never deleted).
    RemovePage,
    /// Keep a suggested exercise off home for a month.
    DismissSuggestion,
    /// Change the couple's names.
    Rename,
    /// Change an agreement's words.
    Reword,
    /// Write down an agreement outside the other exercises.
    NewAgreement,
    /// Yes to the question in the box.
    Confirm,
    /// No to the question in the box.
    Decline,
    /// Close at once, asking nothing.
    QuickExit,
    /// Pass the step on screen, or take the pass back.
    Pass,
    /// "Not sure" to the private question before a sensitive turn.
    NotSure,
    /// The partners' passphrases: set, change, or replace one.
    Sealing,
    /// A new key for a partner who forgot their passphrase.
    NewKey,
    /// Keep the answer on screen to oneself for good, or share it again.
    KeepPrivate,
    /// Read what one kept private on the page.
    ReadKept,
    /// The "when it does not feel safe" screen: signs, and where to find
    /// help.
    Safety,
}

impl Action {
    /// Moving in a list or a scrolled view: a line, a screen, to an end.
    pub fn moves(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last
        )
    }
}

/// A key as the tables name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The key without Ctrl or Alt (Shift is part of the character).
    Plain(KeyCode),
    Ctrl(KeyCode),
    Alt(KeyCode),
    /// Any digit from the first to the second.
    Digits(u8, u8),
}

impl Key {
    fn matches(self, key: KeyEvent) -> Option<u8> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let same = |code: KeyCode| match (code, key.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) if ctrl || alt => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        };
        match self {
            Key::Plain(code) if !ctrl && !alt && same(code) => Some(0),
            Key::Ctrl(code) if ctrl && !alt && same(code) => Some(0),
            Key::Alt(code) if alt && !ctrl && same(code) => Some(0),
            Key::Digits(low, high) if !ctrl && !alt => match key.code {
                KeyCode::Char(c @ '0'..='9') => {
                    let digit = c as u8 - b'0';
                    (low..=high).contains(&digit).then_some(digit)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// An event that presses this key (for a range, one digit of it).
    pub fn event(self) -> KeyEvent {
        match self {
            Key::Plain(KeyCode::BackTab) => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::Plain(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Ctrl(code) => KeyEvent::new(code, KeyModifiers::CONTROL),
            Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
            // 1 where the range has it: the digit every scale and list takes.
            Key::Digits(low, high) => KeyEvent::new(
                KeyCode::Char(char::from(b'0' + low.max(1).min(high).min(9))),
                KeyModifiers::NONE,
            ),
        }
    }

    fn name(self) -> String {
        match self {
            Key::Plain(code) => code_name(code),
            Key::Ctrl(code) => format!("Ctrl-{}", code_name(code).to_uppercase()),
            Key::Alt(code) => format!("Alt-{}", code_name(code)),
            Key::Digits(low, high) => format!("{low}–{high}"),
        }
    }
}

fn code_name(code: KeyCode) -> String {
    match code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => other.to_string(),
    }
}

/// One line of a table: the keys, what each does, and what the help says.
pub struct Binding {
    pub keys: &'static [(Key, Action)],
    pub help: &'static str,
    /// How many of the keys the footer names (the help names them all);
    /// none leaves the line to the help alone.
    pub footer: usize,
    /// What the footer says, where the help's words are too long to fit
    /// beside the other keys.
    pub short: Option<&'static str>,
}

impl Binding {
    /// The keys as the help writes them: arrows run together ("↑↓ j k"),
    /// the rest are spaced.
    pub fn label(&self) -> String {
        label(self.keys)
    }

    /// The keys as the footer writes them.
    pub fn footer_label(&self) -> String {
        label(&self.keys[..self.footer.min(self.keys.len())])
    }

    pub fn in_footer(&self) -> bool {
        self.footer > 0
    }

    /// What the footer says the keys do.
    pub fn footer_words(&self) -> &'static str {
        self.short.unwrap_or(self.help)
    }

    /// The same binding, said in fewer words in the footer.
    const fn short(self, words: &'static str) -> Binding {
        Binding {
            short: Some(words),
            ..self
        }
    }

    pub fn actions(&self) -> impl Iterator<Item = Action> + '_ {
        self.keys.iter().map(|(_, action)| *action)
    }
}

fn label(keys: &[(Key, Action)]) -> String {
    let mut label = String::new();
    let mut last_prefix: Option<String> = None;
    for (key, _) in keys {
        let name = key.name();
        let arrow_at = name.rfind(['↑', '↓', '←', '→']);
        let prefix = arrow_at.map(|i| name[..i].to_string());
        match (&prefix, &last_prefix) {
            (Some(p), Some(q)) if p == q => {
                if let Some(i) = arrow_at {
                    label.push_str(&name[i..]);
                }
            }
            _ => {
                if !label.is_empty() {
                    label.push(' ');
                }
                label.push_str(&name);
            }
        }
        last_prefix = prefix;
    }
    label
}

/// A line of the help, and of the footer when `footer`.
const fn bind(keys: &'static [(Key, Action)], help: &'static str, footer: bool) -> Binding {
    Binding {
        keys,
        help,
        footer: if footer { usize::MAX } else { 0 },
        short: None,
    }
}

/// A line of the help whose first `shown` keys are named in the footer.
const fn bind_some(keys: &'static [(Key, Action)], shown: usize, help: &'static str) -> Binding {
    Binding {
        keys,
        help,
        footer: shown,
        short: None,
    }
}

use Action as A;
use Key::{Alt, Ctrl, Digits, Plain};
use KeyCode as C;

const UP_DOWN: &[(Key, Action)] = &[
    (Plain(C::Up), A::Up),
    (Plain(C::Down), A::Down),
    (Plain(C::Char('j')), A::Down),
    (Plain(C::Char('k')), A::Up),
];
const FIRST_LAST: &[(Key, Action)] = &[
    (Plain(C::Home), A::First),
    (Plain(C::End), A::Last),
    (Plain(C::Char('g')), A::First),
    (Plain(C::Char('G')), A::Last),
];
const PAGES: &[(Key, Action)] = &[
    (Plain(C::PageUp), A::PageUp),
    (Plain(C::PageDown), A::PageDown),
];
const SCROLL_PAGES: &[(Key, Action)] = &[
    (Plain(C::PageUp), A::PageUp),
    (Plain(C::PageDown), A::PageDown),
    (Plain(C::Char(' ')), A::PageDown),
];
const ESC_BACK: &[(Key, Action)] = &[(Plain(C::Esc), A::Back)];
const BACKSPACE_BACK: &[(Key, Action)] = &[(Plain(C::Backspace), A::Back)];
/// Emptying an answer.
const CLEAR: &[(Key, Action)] = &[
    (Plain(C::Backspace), A::Clear),
    (Plain(C::Delete), A::Clear),
];
/// Esc, or Backspace as in a browser; the footer names Esc.
const BACK: &[(Key, Action)] = &[(Plain(C::Esc), A::Back), (Plain(C::Backspace), A::Back)];

/// Scrolling a page or a comparison.
const SCROLLING: &[Binding] = &[
    bind(UP_DOWN, "scroll", true),
    bind(SCROLL_PAGES, "a screen up, down", false),
    bind(FIRST_LAST, "top, bottom", false),
];

/// Keys of every screen, listed after its own.
const ALWAYS: &[Binding] = &[
    bind(
        &[(Plain(C::F(1)), A::Help)],
        "show the keys of this screen",
        false,
    ),
    SAVE_NOW,
    SAVE_AND_QUIT,
    QUICK_EXIT,
];

/// Keys that work even with a box open over the screen.
const IN_A_BOX: &[Binding] = &[SAVE_NOW, SAVE_AND_QUIT, QUICK_EXIT];

/// Gone at once, on every screen and while typing, asking nothing: for a
/// partner who needs the screen closed now.
const QUICK_EXIT: Binding = bind(
    &[(Ctrl(C::Char('q')), A::QuickExit)],
    "quick exit: closes at once, asking nothing (everything is kept)",
    false,
);

const SAVE_NOW: Binding = bind(&[(Ctrl(C::Char('s')), A::Save)], "save now", false);
const SAVE_AND_QUIT: Binding = bind(
    &[(Ctrl(C::Char('c')), A::Quit)],
    "save everything and quit",
    false,
);

/// Keys of the screens where nothing is being typed.
const BROWSING: &[Binding] = &[
    bind(&[(Plain(C::Char('?')), A::Help)], "help", true),
    bind(
        &[(Plain(C::Char('q')), A::Quit)],
        "quit (everything is saved)",
        true,
    ),
];

const PAUSE: Binding = bind(
    &[(Plain(C::Esc), A::Pause)],
    "pause (answers are kept)",
    true,
);
/// F1 in the footer, where typing leaves no room for `?`.
const HELP_KEY: Binding = bind(&[(Plain(C::F(1)), A::Help)], "help", true);

/// Moving through the steps of a turn.
const STEPS: &[Binding] = &[
    bind(&[(Plain(C::Tab), A::NextStep)], "next step", true),
    bind(
        &[(Plain(C::BackTab), A::PreviousStep)],
        "previous step",
        true,
    ),
    PAUSE,
    HELP_KEY,
    bind(
        &[(Plain(C::F(2)), A::ShowAnswers)],
        "both answers side by side, then back to this step",
        true,
    )
    .short("both answers"),
    bind_some(
        &[(Plain(C::F(3)), A::Pass), (Alt(C::Char('p')), A::Pass)],
        1,
        "pass this step (the reveal says only \"passed\"); again to take it back",
    ),
    bind(
        &[
            (Plain(C::F(4)), A::KeepPrivate),
            (Alt(C::Char('k')), A::KeepPrivate),
        ],
        "keep this answer to yourself for good (your partner sees only that you kept something); again to share it",
        false,
    ),
];

/// Moving between the screens for looking back; each lists the other two.
const TO_JOURNAL: Binding = bind(
    &[(Plain(C::Char('b')), A::ShowJournal)],
    "the journal",
    false,
);
const TO_TRENDS: Binding = bind(
    &[(Plain(C::Char('t')), A::ShowTrends)],
    "trends over time",
    false,
);
const TO_AGREEMENTS: Binding = bind(
    &[(Plain(C::Char('a')), A::ShowAgreements)],
    "agreements",
    false,
);
const FROM_JOURNAL: &[Binding] = &[TO_TRENDS, TO_AGREEMENTS];
const FROM_TRENDS: &[Binding] = &[TO_JOURNAL, TO_AGREEMENTS];
const FROM_AGREEMENTS: &[Binding] = &[TO_JOURNAL, TO_TRENDS];

// The keys of each screen, on their own; `parts` adds the shared ones.

const ONBOARDING: &[Binding] = &[
    bind_some(
        &[
            (Plain(C::Tab), A::OtherName),
            (Plain(C::BackTab), A::OtherName),
            (Plain(C::Up), A::OtherName),
            (Plain(C::Down), A::OtherName),
        ],
        1,
        "other name",
    ),
    bind(&[(Plain(C::Enter), A::Open)], "continue", true),
    bind(
        &[(Plain(C::Esc), A::Back)],
        "back, the names as they were",
        true,
    ),
    HELP_KEY,
];

const HOME: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind(FIRST_LAST, "first, last", false),
    bind(&[(Plain(C::Enter), A::Open)], "open or continue", true),
    bind(
        &[(Plain(C::Char('n')), A::NewExercise)],
        "start a new exercise",
        true,
    ),
    bind(
        &[(Plain(C::Char('b')), A::ShowJournal)],
        "browse the journal",
        true,
    ),
    TO_TRENDS,
    TO_AGREEMENTS,
    REMOVE_PAGE,
    bind(
        &[(Plain(C::Char('x')), A::DismissSuggestion)],
        "not now: a suggestion stays away for a month",
        true,
    ),
    bind(
        &[(Plain(C::Char('R')), A::Rename)],
        "change your names",
        false,
    ),
    PASSPHRASES,
    SAFETY,
];

/// The way to the safety screen: on the screens a partner passes on the
/// way into an exercise, and in every help.
const SAFETY: Binding = bind(SAFETY_KEY, "feeling unsafe", true);
const PASSPHRASES: Binding = bind(
    &[(Plain(C::Char('P')), A::Sealing)],
    "passphrases: seal your answers until the reveal",
    false,
);
const SAFETY_KEY: &[(Key, Action)] = &[(Plain(C::Char('!')), A::Safety)];
/// The safety screen as a box's help names it, with room to say more.
const SAFETY_HELP: &str = "when it does not feel safe: signs, and where to find help";

/// Removing a page asks first, and keeps the file aside.
const REMOVE_PAGE: Binding = bind(
    &[
        (Plain(C::Delete), A::RemovePage),
        (Plain(C::Char('D')), A::RemovePage),
    ],
    "remove the page (asks first; kept aside, not deleted)",
    false,
);

const LIBRARY: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind(&[(Plain(C::Enter), A::Open)], "start this exercise", true),
    bind(PAGES, "scroll the introduction", true),
    bind_some(BACK, 1, "back"),
    SAFETY,
];

/// The keys that hand the turn to the other partner.
const OTHER_PARTNER: &[(Key, Action)] = &[
    (Plain(C::Left), A::OtherPartner),
    (Plain(C::Right), A::OtherPartner),
    (Plain(C::Tab), A::OtherPartner),
    (Plain(C::BackTab), A::OtherPartner),
];

const HANDOFF_CHOOSING: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::Open)], "start", true),
    bind_some(OTHER_PARTNER, 2, "choose who goes first"),
    bind(
        &[
            (
                Plain(C::Char('1')),
                A::Partner(crate::model::Partner::First),
            ),
            (
                Plain(C::Char('2')),
                A::Partner(crate::model::Partner::Second),
            ),
        ],
        "the first or the second of you goes first",
        false,
    ),
    bind(&[(Plain(C::Esc), A::Back)], "back", true),
    HELP_KEY,
    SAFETY,
    PASSPHRASES,
];

const HANDOFF: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::Open)], "start", true),
    // When both have started, either may go on.
    bind_some(OTHER_PARTNER, 2, "the other goes on"),
    bind(&[(Plain(C::Esc), A::Pause)], "later (the page waits)", true),
    HELP_KEY,
    SAFETY,
    PASSPHRASES,
];

const WRITE_TEXT: &[Binding] = &[bind(&[(Plain(C::Enter), A::Type)], "new line", false)];

/// Keys of every box that takes text, beyond typing: the text box acts on
/// them itself.
const TEXT_EDITING: &[Binding] = &[MOVE_BY_WORD, UNDO_REDO];

const MOVE_BY_WORD: Binding = bind(
    &[(Ctrl(C::Left), A::Type), (Ctrl(C::Right), A::Type)],
    "move by word",
    false,
);

const UNDO_REDO: Binding = bind(
    &[(Ctrl(C::Char('u')), A::Type), (Ctrl(C::Char('r')), A::Type)],
    "undo, redo",
    false,
);

const WRITE_LIST: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::AddItem)], "add an item", true),
    bind(
        &[(Plain(C::Up), A::Up), (Plain(C::Down), A::Down)],
        "move between items",
        false,
    ),
    bind(
        &[(Alt(C::Up), A::MoveItemUp), (Alt(C::Down), A::MoveItemDown)],
        "move the item up, down",
        false,
    ),
    bind(
        &[(Ctrl(C::Char('d')), A::RemoveItem)],
        "remove the item (Backspace does too, once it is empty)",
        false,
    ),
    bind(
        &[(Ctrl(C::Char('z')), A::RestoreItem)],
        "bring back the item just removed",
        true,
    )
    .short("bring it back"),
];

const CHOICE: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind_some(
        &[
            (Plain(C::Char(' ')), A::Choose),
            (Plain(C::Enter), A::Choose),
        ],
        1,
        "choose",
    ),
    bind(&[(Digits(1, 9), A::Number(0))], "choose by number", false),
    bind(CLEAR, "clear the choice", false),
];

const CHECKLIST: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind_some(
        &[
            (Plain(C::Char(' ')), A::Choose),
            (Plain(C::Enter), A::Choose),
            (Plain(C::Char('x')), A::Choose),
        ],
        1,
        "tick or untick",
    ),
    bind(&[(Digits(1, 9), A::Number(0))], "tick by number", false),
];

const SCALE: &[Binding] = &[
    bind(
        &[
            (Plain(C::Left), A::Decrease),
            (Plain(C::Right), A::Increase),
            (Plain(C::Char('h')), A::Decrease),
            (Plain(C::Char('l')), A::Increase),
            (Plain(C::Char('-')), A::Decrease),
            (Plain(C::Char('+')), A::Increase),
        ],
        "change",
        true,
    ),
    bind(&[(Digits(0, 9), A::Number(0))], "type a number", false),
    bind(
        &[(Plain(C::Home), A::Lowest), (Plain(C::End), A::Highest)],
        "lowest, highest",
        false,
    ),
    bind(CLEAR, "clear", false),
];

const GRID: &[Binding] = &[
    bind(UP_DOWN, "row", true),
    // Typing the number is the quick way, so the footer offers it; the
    // keys that step through values are in the help.
    bind(&[(Digits(0, 9), A::Number(0))], "answer", true),
    bind(
        &[
            (Plain(C::Char(' ')), A::Increase),
            (Plain(C::Enter), A::Increase),
            (Plain(C::Char('+')), A::Increase),
        ],
        "change",
        false,
    ),
    bind(
        &[(Plain(C::Char('-')), A::Decrease)],
        "change it back",
        false,
    ),
    bind(
        &[
            (Plain(C::Left), A::Left),
            (Plain(C::Right), A::Right),
            (Plain(C::Char('h')), A::Left),
            (Plain(C::Char('l')), A::Right),
        ],
        "column",
        false,
    ),
    bind(PAGES, "ten rows up, down", false),
    bind(&[(Plain(C::Home), A::First)], "the first cell", false),
    bind(CLEAR, "clear the cell", false),
    bind(
        &[(Plain(C::Char('a')), A::AddRow)],
        "add a row of your own",
        false,
    ),
    bind(
        &[(Ctrl(C::Char('d')), A::RemoveRow)],
        "remove a row you added",
        false,
    ),
];

const GRID_ADDING: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::ConfirmRow)], "add the row", true),
    bind(&[(Plain(C::Esc), A::CancelRow)], "cancel", true),
    HELP_KEY,
];

const FINISH: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::Finish)], "finish", true),
    bind(
        &[(Plain(C::BackTab), A::PreviousStep)],
        "back to the steps",
        true,
    ),
    PAUSE,
    HELP_KEY,
];

const EXPORT_PAGE: Binding = bind(
    &[(Plain(C::Char('x')), A::Export)],
    "export this page (Markdown and HTML)",
    false,
);

/// A partner reads the answers they kept to themselves.
const READ_KEPT: Binding = bind(
    &[(Plain(C::Char('v')), A::ReadKept)],
    "read what you kept private",
    true,
);

const SIDE_BY_SIDE: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::TalkOver)], "go on together", true),
    EXPORT_PAGE,
    READ_KEPT,
    bind_some(BACK, 1, "back"),
];

const PEEK_ANSWERS: &[Binding] = &[bind_some(
    &[
        (Plain(C::Enter), A::Back),
        (Plain(C::Esc), A::Back),
        (Plain(C::Backspace), A::Back),
    ],
    2,
    "back to the step you were on",
)];

const READ_PAGE: &[Binding] = &[
    bind(
        &[(Plain(C::Char('a')), A::WriteLaterNote)],
        "add a later note",
        true,
    ),
    EXPORT_PAGE,
    READ_KEPT,
    bind_some(BACK, 1, "back"),
];

const READ_ONLY_PAGE: &[Binding] = &[
    EXPORT_PAGE,
    bind(
        &[
            (Plain(C::Char('a')), A::WhyReadOnly),
            (Plain(C::Enter), A::WhyReadOnly),
        ],
        "why this page cannot be added to",
        false,
    ),
    bind_some(BACK, 1, "back"),
];

const LATER_NOTE: &[Binding] = &[
    bind(
        &[(Ctrl(C::Char('s')), A::AddNote)],
        "add the note, dated today",
        true,
    ),
    bind(
        &[(Plain(C::Esc), A::Back)],
        "leave it unadded (asks first)",
        true,
    ),
    bind(&[(Plain(C::Enter), A::Type)], "new line", false),
    HELP_KEY,
];

const JOURNAL: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind(PAGES, "ten up, down", false),
    bind(FIRST_LAST, "first, last", false),
    bind(&[(Plain(C::Enter), A::Open)], "open", true),
    bind(&[(Plain(C::Char('/')), A::Search)], "search", true),
    REMOVE_PAGE,
    bind(
        &[
            (Plain(C::Char('c')), A::FilterCategory),
            (Plain(C::Char('e')), A::FilterExercise),
            (Plain(C::Char('p')), A::FilterPartner),
            (Plain(C::Char('d')), A::FilterPeriod),
            (Plain(C::Char('s')), A::FilterStatus),
        ],
        "filter by category, exercise, partner, date, status",
        true,
    ),
    bind(
        &[(Plain(C::Char('r')), A::ClearFilters)],
        "clear the filters",
        true,
    ),
    bind(
        &[(Plain(C::Char('m')), A::Mark)],
        "mark two pages of one exercise to compare them",
        false,
    ),
    bind(
        &[(Plain(C::Char('x')), A::Export)],
        "export the pages listed (Markdown and HTML)",
        false,
    ),
    bind(
        &[(Plain(C::Char('u')), A::ShowRemoved)],
        "removed pages: bring one back",
        false,
    ),
    bind(ESC_BACK, "clear the search, then back", false),
    bind(BACKSPACE_BACK, "back", false),
];

const SEARCH: &[Binding] = &[
    bind_some(
        &[
            (Plain(C::Enter), A::EndSearch),
            (Plain(C::Esc), A::EndSearch),
            (Plain(C::Tab), A::EndSearch),
            (Plain(C::Down), A::EndSearch),
        ],
        1,
        "done: back to the list",
    ),
    bind(
        &[(Ctrl(C::Char('u')), A::ClearSearch)],
        "clear the search box",
        false,
    ),
    HELP_KEY,
    // One line of a few words: Ctrl-U clears it, as in a shell, rather
    // than undoing.
    MOVE_BY_WORD,
];

const COMPARE: &[Binding] = &[bind_some(BACK, 1, "back to the journal")];

const REWORDING: &[Binding] = &[
    bind(
        &[
            (Plain(C::Enter), A::KeepWords),
            (Ctrl(C::Char('s')), A::KeepWords),
        ],
        "keep the new words",
        true,
    ),
    bind(
        &[(Plain(C::Esc), A::Back)],
        "back, the words as they were",
        true,
    ),
    HELP_KEY,
];

const AGREEMENTS: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind(
        &[(Plain(C::Char('e')), A::Reword)],
        "change its words (the history keeps the old ones)",
        false,
    ),
    bind(
        &[(Plain(C::Char('n')), A::NewAgreement)],
        "write down a new agreement (a short exercise)",
        false,
    ),
    bind_some(
        &[
            (Plain(C::Char(' ')), A::NextStatus),
            (Plain(C::Char('s')), A::NextStatus),
        ],
        1,
        "change the status",
    ),
    bind(
        &[
            (Plain(C::Char('1')), A::SetStatus(AgreementStatus::Active)),
            (Plain(C::Char('2')), A::SetStatus(AgreementStatus::Revisit)),
            (Plain(C::Char('3')), A::SetStatus(AgreementStatus::Retired)),
        ],
        "in use, to talk about again, ended",
        false,
    ),
    bind(
        &[(Plain(C::Char('u')), A::UndoStatus)],
        "take back the last status change",
        true,
    )
    .short("undo"),
    bind(
        &[(Plain(C::Enter), A::Open)],
        "open the page it was made on",
        true,
    ),
    bind_some(BACK, 1, "back"),
];

const TRENDS: &[Binding] = &[
    bind_some(
        &[
            (Plain(C::Up), A::Up),
            (Plain(C::Down), A::Down),
            (Plain(C::Char('j')), A::Down),
            (Plain(C::Char('k')), A::Up),
            (Plain(C::Left), A::Up),
            (Plain(C::Right), A::Down),
            (Plain(C::Char('h')), A::Up),
            (Plain(C::Char('l')), A::Down),
        ],
        4,
        "choose what to show",
    ),
    bind(
        &[(Plain(C::Char('/')), A::FindMeasure)],
        "find a measure by name",
        true,
    )
    .short("find"),
    bind(PAGES, "ten up, down", false),
    bind(FIRST_LAST, "first, last", false),
    bind_some(BACK, 1, "back"),
];

const HELP: &[Binding] = &[
    bind_some(
        &[
            (Plain(C::Esc), A::Close),
            (Plain(C::Enter), A::Close),
            (Plain(C::F(1)), A::Close),
            (Plain(C::Char('?')), A::Close),
            (Plain(C::Char('q')), A::Close),
        ],
        1,
        "close",
    ),
    bind_some(SAFETY_KEY, 1, SAFETY_HELP),
    BOX_SCROLL,
    BOX_PAGES,
];

const MESSAGE: &[Binding] = &[
    bind(
        &[(Plain(C::Enter), A::Close), (Plain(C::Esc), A::Close)],
        "close",
        true,
    ),
    BOX_SCROLL,
    BOX_PAGES,
];

/// A box longer than the window scrolls.
const BOX_SCROLL: Binding = bind(UP_DOWN, "scroll", true);
const BOX_PAGES: Binding = bind(PAGES, "a screen up, down", false);

const RECOVERY: &[Binding] = &[
    bind(
        &[(Plain(C::Enter), A::Restore)],
        "put it back in the journal",
        true,
    ),
    bind(
        &[(Plain(C::Esc), A::NotNow)],
        "not now (asked again next time)",
        true,
    ),
    BOX_SCROLL,
    BOX_PAGES,
];

/// Only `y` says yes: Enter, pressed once too often, must not remove a page.
const CONFIRM: &[Binding] = &[
    bind(&[(Plain(C::Char('y')), A::Confirm)], "yes", true),
    bind(&[(Plain(C::Char('n')), A::Decline)], "no", true),
    bind(&[(Plain(C::Esc), A::Close)], "back, nothing done", true),
    BOX_SCROLL,
    BOX_PAGES,
];

/// Three answers, none of them the default: Enter answers nothing.
const SAFE_TO_ANSWER: &[Binding] = &[
    bind(&[(Plain(C::Char('y')), A::Confirm)], "yes", true),
    bind(&[(Plain(C::Char('u')), A::NotSure)], "not sure", true),
    bind(&[(Plain(C::Char('n')), A::Decline)], "no", true),
    bind(SAFETY_KEY, SAFETY_HELP, true).short("feeling unsafe"),
];

const SEALING: &[Binding] = &[
    bind(
        &[(Plain(C::Enter), A::Open)],
        "set or change the passphrase",
        true,
    ),
    bind_some(
        &[
            (Plain(C::Up), A::OtherPartner),
            (Plain(C::Down), A::OtherPartner),
            (Plain(C::Tab), A::OtherPartner),
            (Plain(C::BackTab), A::OtherPartner),
        ],
        2,
        "the other partner",
    ),
    bind(
        &[(Plain(C::Char('f')), A::NewKey)],
        "forgotten it: a new key",
        true,
    ),
    bind(&[(Plain(C::Esc), A::Close)], "close", true),
    BOX_PAGES,
];

const REMOVED_PAGES: &[Binding] = &[
    bind(UP_DOWN, "move", true),
    bind(
        &[(Plain(C::Enter), A::BringBack)],
        "bring the page back into the journal",
        true,
    )
    .short("bring it back"),
    bind(
        &[(Plain(C::Esc), A::Close)],
        "close, leaving them aside",
        true,
    ),
];

/// Arrows and Enter choose; every other key is typed, to narrow the list.
const PICKER: &[Binding] = &[
    bind(
        &[(Plain(C::Up), A::Up), (Plain(C::Down), A::Down)],
        "move",
        true,
    ),
    bind(&[(Plain(C::Enter), A::Open)], "choose", true),
    bind(&[(Plain(C::Esc), A::Close)], "close, nothing changed", true),
];

/// Only Enter and Esc: every other key is part of the passphrase.
const PASSPHRASE: &[Binding] = &[
    bind(&[(Plain(C::Enter), A::Open)], "continue", true),
    bind(&[(Plain(C::Esc), A::Close)], "back, nothing changed", true),
];

/// The entries of a context, in the order they are tried and listed. The
/// screen's own come first, so they win over the shared ones.
pub fn table(context: KeyContext) -> Vec<&'static Binding> {
    let last = if context.is_box() { IN_A_BOX } else { ALWAYS };
    without_shadowed(parts(context).iter().copied().flatten().chain(last))
}

/// The parts of a context's table, without the keys of every screen.
fn parts(context: KeyContext) -> &'static [&'static [Binding]] {
    match context {
        KeyContext::Onboarding => &[ONBOARDING, TEXT_EDITING],
        KeyContext::Home => &[HOME, BROWSING],
        KeyContext::Library => &[LIBRARY, BROWSING],
        KeyContext::HandoffChoosing => &[HANDOFF_CHOOSING],
        KeyContext::Handoff => &[HANDOFF],
        KeyContext::WriteText => &[WRITE_TEXT, TEXT_EDITING, STEPS],
        KeyContext::WriteList => &[WRITE_LIST, TEXT_EDITING, STEPS],
        KeyContext::Choice => &[CHOICE, STEPS],
        KeyContext::Checklist => &[CHECKLIST, STEPS],
        KeyContext::Scale => &[SCALE, STEPS],
        KeyContext::Grid => &[GRID, STEPS],
        KeyContext::GridAdding => &[GRID_ADDING, TEXT_EDITING],
        KeyContext::Finish => &[FINISH],
        KeyContext::SideBySide => &[SCROLLING, SIDE_BY_SIDE, BROWSING],
        KeyContext::PeekAnswers => &[SCROLLING, PEEK_ANSWERS, BROWSING],
        KeyContext::ReadPage => &[SCROLLING, READ_PAGE, BROWSING],
        KeyContext::ReadOnlyPage => &[SCROLLING, READ_ONLY_PAGE, BROWSING],
        KeyContext::LaterNote => &[LATER_NOTE, TEXT_EDITING],
        KeyContext::Journal => &[JOURNAL, FROM_JOURNAL, BROWSING],
        KeyContext::Search => &[SEARCH],
        KeyContext::Compare => &[SCROLLING, COMPARE, BROWSING],
        KeyContext::Agreements => &[AGREEMENTS, FROM_AGREEMENTS, BROWSING],
        KeyContext::Rewording => &[REWORDING, TEXT_EDITING],
        KeyContext::Trends => &[TRENDS, FROM_TRENDS, BROWSING],
        KeyContext::Help => &[HELP],
        KeyContext::Message => &[MESSAGE],
        KeyContext::Recovery => &[RECOVERY],
        KeyContext::Confirm => &[CONFIRM],
        KeyContext::SafeToAnswer => &[SAFE_TO_ANSWER],
        KeyContext::Sealing => &[SEALING],
        KeyContext::Passphrase => &[PASSPHRASE],
        KeyContext::RemovedPages => &[REMOVED_PAGES],
        KeyContext::Picker => &[PICKER],
    }
}

/// Drops a line whose keys are all bound by earlier lines: the screen's
/// meaning of a key wins, and the help lists it once.
fn without_shadowed(lines: impl Iterator<Item = &'static Binding>) -> Vec<&'static Binding> {
    let mut all: Vec<&'static Binding> = Vec::new();
    for binding in lines {
        let taken = |key: &Key| all.iter().any(|b| b.keys.iter().any(|(k, _)| k == key));
        if !binding.keys.iter().all(|(k, _)| taken(k)) {
            all.push(binding);
        }
    }
    all
}

/// The name of the first key that does `action` in `context`, for a
/// sentence that names it ("Ctrl-Z brings it back").
pub fn key_name(context: KeyContext, action: Action) -> Option<String> {
    table(context)
        .into_iter()
        .flat_map(|binding| binding.keys.iter())
        .find(|(_, bound)| *bound == action)
        .map(|(key, _)| key.name())
}

/// The key that does `action` in `context`, named for a sentence built
/// around it, so that a sentence changes with the table. Every sentence
/// names a pair the table binds; the tests, built with debug checks, stop
/// on one that does not.
pub fn says(context: KeyContext, action: Action) -> String {
    let name = key_name(context, action);
    debug_assert!(name.is_some(), "{context:?} binds no key to {action:?}");
    name.unwrap_or_else(|| "the key in the help".into())
}

/// The last line of a question box: "y removes it · n or Esc keeps it".
pub fn question(yes: &str, no: &str) -> String {
    let context = KeyContext::Confirm;
    format!(
        "{} {yes} · {} or {} {no}",
        says(context, Action::Confirm),
        says(context, Action::Decline),
        says(context, Action::Close)
    )
}

/// What `key` does in `context`, if anything.
pub fn resolve(context: KeyContext, key: KeyEvent) -> Option<Action> {
    table(context).into_iter().find_map(|binding| {
        binding.keys.iter().find_map(|(bound, action)| {
            bound.matches(key).map(|digit| match action {
                Action::Number(_) => Action::Number(digit),
                other => *other,
            })
        })
    })
}

/// Every table as a Markdown table, for the README (a test keeps the two
/// the same).
pub fn markdown() -> String {
    let row = |place: &str, lines: Vec<&'static Binding>| {
        let keys: Vec<String> = lines
            .iter()
            .map(|b| format!("`{}` {}", b.label(), b.help))
            .collect();
        format!("| {place} | {} |\n", keys.join(" · "))
    };
    let mut out = String::from("| where | keys |\n| --- | --- |\n");
    out.push_str(&row("everywhere", IN_A_BOX.iter().collect()));
    let screens_only = ALWAYS
        .iter()
        .filter(|b| IN_A_BOX.iter().all(|c| c.keys != b.keys))
        .collect();
    out.push_str(&row(
        "every screen (a box takes its own keys)",
        screens_only,
    ));
    for context in KeyContext::all() {
        let lines = without_shadowed(parts(context).iter().copied().flatten());
        out.push_str(&row(context.describe(), lines));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_name_the_keys_the_table_binds() {
        assert_eq!(
            question("removes it", "keeps it"),
            "y removes it · n or Esc keeps it"
        );
        assert_eq!(says(KeyContext::WriteText, Action::KeepPrivate), "F4");
        assert_eq!(says(KeyContext::Finish, Action::PreviousStep), "Shift-Tab");
        assert_eq!(says(KeyContext::Home, Action::Save), "Ctrl-S");
    }

    #[test]
    fn every_context_is_listed_once_in_its_order() {
        let all: Vec<KeyContext> = KeyContext::all().collect();
        assert_eq!(all.first(), Some(&KeyContext::Onboarding));
        assert_eq!(all.last(), Some(&KeyContext::Picker));
        for context in &all {
            assert_eq!(all.iter().filter(|c| *c == context).count(), 1);
            assert!(!table(*context).is_empty(), "{context:?} has keys");
        }
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn labels_run_arrows_together_and_space_the_rest() {
        assert_eq!(bind(UP_DOWN, "", true).label(), "↑↓ j k");
        assert_eq!(bind(BACK, "", true).label(), "Esc Backspace");
        assert_eq!(bind(BACK, "", true).footer_label(), "Esc Backspace");
        assert_eq!(bind_some(BACK, 1, "").footer_label(), "Esc");
        let reorder = bind(
            &[(Alt(C::Up), A::MoveItemUp), (Alt(C::Down), A::MoveItemDown)],
            "",
            false,
        );
        assert_eq!(reorder.label(), "Alt-↑↓");
        assert_eq!(
            bind(&[(Ctrl(C::Char('s')), A::Save)], "", false).label(),
            "Ctrl-S"
        );
        assert_eq!(
            bind(&[(Digits(1, 9), A::Number(0))], "", false).label(),
            "1–9"
        );
        assert_eq!(
            bind(&[(Plain(C::BackTab), A::PreviousStep)], "", false).label(),
            "Shift-Tab"
        );
    }

    #[test]
    fn modifiers_tell_keys_apart() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            resolve(KeyContext::Home, key(C::Char('q'), none)),
            Some(A::Quit)
        );
        assert_eq!(
            resolve(KeyContext::Home, key(C::Char('q'), KeyModifiers::ALT)),
            None,
            "Alt-q is not q"
        );
        // Shift is part of the character: G is G.
        assert_eq!(
            resolve(KeyContext::Home, key(C::Char('G'), KeyModifiers::SHIFT)),
            Some(A::Last)
        );
        // Terminals differ in whether Ctrl-S arrives as s or S.
        for c in ['s', 'S'] {
            assert_eq!(
                resolve(KeyContext::Journal, key(C::Char(c), KeyModifiers::CONTROL)),
                Some(A::Save)
            );
        }
        assert_eq!(
            resolve(KeyContext::WriteList, key(C::Up, KeyModifiers::ALT)),
            Some(A::MoveItemUp)
        );
        assert_eq!(
            resolve(KeyContext::WriteList, key(C::Up, none)),
            Some(A::Up)
        );
        assert_eq!(
            resolve(KeyContext::WriteList, key(C::Up, KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn a_range_of_digits_gives_the_digit_pressed() {
        for (c, n) in [('1', 1), ('5', 5), ('9', 9)] {
            assert_eq!(
                resolve(KeyContext::Grid, key(C::Char(c), KeyModifiers::NONE)),
                Some(A::Number(n))
            );
        }
        assert_eq!(Digits(0, 9).event().code, C::Char('1'));
        assert_eq!(Digits(1, 3).event().code, C::Char('1'));
    }

    #[test]
    fn every_context_can_be_quit_and_every_screen_has_help() {
        let ctrl_c = key(C::Char('c'), KeyModifiers::CONTROL);
        let f1 = key(C::F(1), KeyModifiers::NONE);
        for context in KeyContext::all() {
            assert_eq!(resolve(context, ctrl_c), Some(A::Quit), "{context:?}");
            if !context.is_box() {
                assert_eq!(resolve(context, f1), Some(A::Help), "{context:?}");
            }
        }
    }
}
