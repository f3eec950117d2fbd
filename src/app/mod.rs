//! The app's state and its update function: key events in, effects (save,
//! load, quit) out. Nothing here touches the terminal or the disk, so whole
//! flows can be driven from tests.

mod agreements;
mod browse;
mod confirm;
pub mod editor;
mod home;
mod keys;
mod library;
mod moving;
mod onboarding;
mod page;
mod picker;
mod remove;
mod sealing;
mod trends;
mod withhold;
mod work;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::content::Library;
use crate::journal::{Access, LoadedPage};
use crate::keymap::{Action, KeyContext};
use crate::model::{Couple, MAX_ANSWER_BYTES, Page, Partner};
use crate::problem::Problem;

pub use crate::index::{JournalIndex, OWN_ROW, PageSummary, RevealedText, Snippet, Unreadable};
pub use agreements::{
    AgreementAt, AgreementLine, AgreementsView, agreement_count, agreement_lines,
    agreements_in_order,
};
pub use browse::{CompareView, Filter, JournalView, Period, StatusFilter};
pub use confirm::Pending;
pub use editor::FieldEditor;
pub use home::{Home, HomeItem};
pub use library::LibraryView;
pub use onboarding::Onboarding;
pub use page::{Back, OnPage, OpenPage, Origin, SideBySide};
pub use sealing::{KeyPurpose, PassphraseBox, SealedEarlier, Stage, Then};
pub use trends::{Measure, Point, TrendsView, describe, measures, points};
pub use work::{
    AGREEMENTS_PROMPT, Handoff, REVIEW_COLUMN, ReviewItem, Slot, SlotKind, Turn, slot_answer,
};

/// What the app reacts to.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    /// Time passing: the loop sends the current time a few times a second,
    /// so that whatever is timed (autosave) runs in `update`, and tests
    /// move time forward without waiting.
    Tick(Timestamp),
}

impl Event {
    pub fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    pub fn ctrl(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }
}

/// What the app asks its surroundings to do, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    SaveCouple(Couple),
    /// Write the couple's new names, unless `couple.ron` holds more than
    /// tandem would write back.
    RenameCouple {
        before: Couple,
        after: Couple,
    },
    SavePage(Box<Page>),
    LoadPage(String),
    /// Load two pages of one exercise to compare them.
    LoadForCompare([String; 2]),
    /// Record decisions about agreements on the pages they came from.
    ReviewAgreements(Vec<ReviewDecision>),
    /// Write these pages to the exports folder as Markdown and HTML.
    Export(Vec<String>),
    /// Put back what a save that failed at exit kept aside.
    Restore(Vec<crate::recovery::Found>),
    /// Move this page out of the journal into the removed pages' folder.
    RemovePage(String),
    /// Make a key for a partner, kept encrypted with `passphrase`, and
    /// record its public half in `couple.ron`. A key file there was (its
    /// passphrase forgotten) is put aside, never deleted.
    MakeKey {
        partner: Partner,
        passphrase: crate::seal::Passphrase,
    },
    /// Open a partner's key with `passphrase`.
    Unlock {
        partner: Partner,
        passphrase: crate::seal::Passphrase,
    },
    /// Seal a partner's words written before they had a passphrase, on
    /// every page not revealed (but `skip`, the page open on screen,
    /// sealed when it is next saved).
    SealEarlier {
        partner: Partner,
        skip: Option<String>,
    },
    /// Encrypt a partner's key with a new passphrase.
    ChangePassphrase {
        partner: Partner,
        old: crate::seal::Passphrase,
        new: crate::seal::Passphrase,
    },
    /// Write down which suggestions were put off, and until when.
    SaveDismissed(std::collections::BTreeMap<String, Timestamp>),
    /// List the pages moved aside, to offer one back.
    ListRemoved,
    /// Move a page aside back into the journal (by its file name in
    /// `removed/`).
    BringBack(String),
    Quit,
}

impl Effect {
    /// Whether carrying it out takes long enough (a passphrase derived)
    /// that the screen should say so first.
    pub fn is_slow(&self) -> bool {
        matches!(
            self,
            Effect::MakeKey { .. } | Effect::Unlock { .. } | Effect::ChangePassphrase { .. }
        )
    }
}

/// A check-in's decision about one agreement on another page.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewDecision {
    pub item: ReviewItem,
    pub status: crate::model::AgreementStatus,
    pub when: Timestamp,
    /// The check-in page; none for a change made on the agreements screen.
    pub from: Option<String>,
    /// New words for the agreement, when the couple changed them.
    pub wording: Option<String>,
}

/// A page that could not be saved is tried again this often.
pub const HELD_RETRY_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_secs(10);

/// Typing is saved this long after the first change not yet saved.
pub const AUTOSAVE_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_secs(2);

/// The notice for a paste that would make an answer larger than tandem
/// keeps: nothing of it is added.
pub(crate) fn paste_too_long(bytes: usize) -> String {
    format!(
        "That paste is {}; an answer holds at most {}, so nothing was added.",
        crate::journal::size_words(bytes as u64),
        crate::journal::size_words(MAX_ANSWER_BYTES as u64)
    )
}

/// How many steps an exercise has, as the turns count them: "6 steps
/// each, then 4 together".
pub fn steps_in_words(exercise: &crate::model::Exercise) -> String {
    let own = exercise.individual_steps().count();
    let together = Turn::together_slots(exercise, &[]).len();
    let each = format!(
        "{} each, then {together} together",
        crate::model::count(own, "step", "steps")
    );
    match exercise.opening_steps().count() {
        0 => each,
        first => format!("{first} together first, {each}"),
    }
}

/// Where "now" comes from, so that tests can fix it.
pub type Clock = fn() -> Timestamp;

/// What fills the window. Each screen's state and what its keys do live in
/// a module of its own here (`home.rs`, `journal.rs`, `page.rs` for the
/// three screens of an open page, …), its keys in `keymap.rs`, and its
/// drawing in the matching module of `ui/`.
pub enum Screen {
    Onboarding(Box<Onboarding>),
    Home(Home),
    Library(LibraryView),
    Handoff(Box<OnPage<Handoff>>),
    Turn(Box<OnPage<Turn>>),
    SideBySide(Box<OnPage<SideBySide>>),
    Journal,
    Compare(Box<CompareView>),
    Agreements(AgreementsView),
    Trends(TrendsView),
}

pub enum Overlay {
    Help(KeyContext),
    /// When it does not feel safe: signs, and where to find help.
    Safety,
    /// The private question before a turn in a sensitive exercise.
    SafeToAnswer {
        body: String,
    },
    /// Each partner's passphrase: whether they have one, and setting,
    /// changing or replacing it.
    Sealing {
        selected: Partner,
    },
    /// A passphrase being typed.
    Passphrase(Box<PassphraseBox>),
    Message {
        title: String,
        body: String,
    },
    /// What a failed save at the last exit kept aside, offered back.
    Recovery(Vec<crate::recovery::Found>),
    /// A question; `y` does what `yes` says, `n` what `no` says (or
    /// nothing), Esc nothing.
    Confirm {
        title: String,
        body: String,
        yes: Pending,
        no: Option<Pending>,
    },
    /// One of many to choose by typing part of its name.
    Picker(Box<picker::Picker>),
    /// The pages moved aside into `removed/`, by file name, newest first.
    RemovedPages {
        names: Vec<String>,
        selected: usize,
    },
}

/// What the last drawing measured of the scrolled view on screen: how many
/// rows it shows, how many lines it has, and where the search's first match
/// is. The renderer reports it; the app keeps scrolling within it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measured {
    pub rows: usize,
    pub lines: usize,
    pub first_match: Option<usize>,
    /// The window is too small to show the screen: keys typed now would go
    /// where nobody can see them.
    pub too_small: bool,
}

impl Measured {
    /// How far the view can scroll: its last line at the bottom.
    pub fn max_scroll(&self) -> usize {
        self.lines.saturating_sub(self.rows)
    }

    fn max_scroll_u16(&self) -> u16 {
        u16::try_from(self.max_scroll()).unwrap_or(u16::MAX)
    }
}

/// Why a save failed: a few words for the footer, and the whole reason.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveFailure {
    pub short: String,
    pub full: String,
}

pub struct App {
    pub couple: Option<Couple>,
    pub library: Library,
    pub journal: JournalIndex,
    /// The screen, and with a page's screens the open page.
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// A short line for the footer ("Saved.").
    pub notice: Option<String>,
    /// What the last drawing measured of the view on screen.
    measured: Measured,
    /// The screen as last measured with no box over it: what the help
    /// over a screen says of its scrolling keys.
    screen_measured: Measured,
    /// A page opened from a search scrolls to its first match once drawn.
    seek_match: bool,
    /// The journal screen's filters and list, kept while a page is open.
    pub journal_view: JournalView,
    /// Where the page being read from disk was asked for, for when it
    /// arrives.
    opening: Origin,
    /// How far the box over the screen (help, a message) is scrolled.
    pub box_scroll: u16,
    pub tz: TimeZone,
    /// The journal is the demo's: every screen says so, and exports are
    /// written where they will be removed at the end.
    pub demo: bool,
    clock: Clock,
    /// A quit was held back because saving failed; the next one goes ahead.
    quit_refused: bool,
    /// When the open page first held changes not yet saved.
    unsaved_since: Option<Timestamp>,
    /// Saving the open page has failed and not yet worked since: why.
    save_failing: Option<String>,
    /// Saving the couple's names failed; tried again on Ctrl-S and at exit.
    couple_unsaved: bool,
    /// Pages left while their latest change was not on disk (a save that
    /// failed): held here, named on home, saved again on Ctrl-S and every
    /// little while, opened from here rather than from the older file, and
    /// kept aside at exit if they still cannot be saved.
    held: Vec<Page>,
    /// When the held pages were last tried.
    held_tried: Option<Timestamp>,
    /// The save in flight was asked for with Ctrl-S: a failure is worth a
    /// message box, where an autosave's is not.
    save_asked: bool,
    /// Which partners have a key file: a partner with one seals, whatever
    /// `couple.ron` lists (a key taken out of it must not make their next
    /// words plain).
    pub key_files: [bool; 2],
    /// The public keys checked against their owners' key files this run.
    /// No key itself is held: each is opened for a moment of its owner's
    /// and dropped (see `sealing.rs`).
    checked: crate::seal::Checked,
    /// Suggested exercises the couple said "not now" to, until when.
    pub dismissed: std::collections::BTreeMap<String, Timestamp>,
    /// Whether `suggestions.ron` was read (or is not there yet), so that
    /// it may be written.
    pub dismissed_writable: bool,
    /// The measure last looked at on the trends screen, where it opens.
    last_measure: Option<Measure>,
    /// How long making or opening a key last took on this computer: the
    /// next wait is announced with it.
    pub key_work: Option<std::time::Duration>,
    effects: Vec<Effect>,
}

impl App {
    pub fn new(
        couple: Option<Couple>,
        library: Library,
        journal: JournalIndex,
        clock: Clock,
        tz: TimeZone,
    ) -> App {
        let screen = match couple {
            Some(_) => Screen::Home(Home::default()),
            None => Screen::Onboarding(Box::new(Onboarding::new(None))),
        };
        App {
            couple,
            library,
            journal,
            screen,
            overlay: None,
            notice: None,
            measured: Measured::default(),
            screen_measured: Measured::default(),
            seek_match: false,
            journal_view: JournalView::default(),
            opening: Origin::default(),
            box_scroll: 0,
            tz,
            demo: false,
            clock,
            quit_refused: false,
            unsaved_since: None,
            save_failing: None,
            couple_unsaved: false,
            held: Vec::new(),
            held_tried: None,
            save_asked: false,
            key_files: [false; 2],
            checked: crate::seal::Checked::default(),
            dismissed: std::collections::BTreeMap::new(),
            dismissed_writable: true,
            last_measure: None,
            key_work: None,
            effects: Vec::new(),
        }
    }

    /// How long the last making or opening of a key took.
    pub fn key_work_took(&mut self, took: std::time::Duration) {
        self.key_work = Some(took);
    }

    /// The trends screen, on the measure last looked at (the first, the
    /// first time), Esc leading to `back`.
    pub(super) fn show_trends(&mut self, back: Back) {
        let measure = self
            .last_measure
            .as_ref()
            .and_then(|m| {
                measures(&self.journal, &self.library)
                    .iter()
                    .position(|x| x == m)
            })
            .unwrap_or(0);
        self.screen = Screen::Trends(TrendsView { measure, back });
    }

    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    pub fn names(&self) -> [String; 2] {
        self.couple
            .as_ref()
            .map(|c| c.names.clone())
            .unwrap_or_default()
    }

    pub fn name(&self, partner: Partner) -> String {
        self.names()[partner.index()].clone()
    }

    /// Applies one event and returns what must happen because of it.
    /// What the app asked for since it last said, outside an update: on
    /// hearing how an effect went.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        self.seal_idle_entries();
        std::mem::take(&mut self.effects)
    }

    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.on_key(key),
            Event::Key(_) => {}
            Event::Paste(text) => self.on_paste(&text),
            Event::Tick(now) => self.on_tick(now),
        }
        self.seal_idle_entries();
        self.note_unsaved_since();
        std::mem::take(&mut self.effects)
    }

    /// Saves what is open once it has held unsaved changes for
    /// [`AUTOSAVE_AFTER`]; a save that fails is tried again as long again
    /// later.
    fn on_tick(&mut self, now: Timestamp) {
        let due = self
            .unsaved_since
            .is_some_and(|since| now >= since + AUTOSAVE_AFTER);
        if due {
            self.unsaved_since = None;
            self.save_if_dirty();
        }
        let retry = self
            .held_tried
            .is_none_or(|tried| now >= tried + HELD_RETRY_AFTER);
        if !self.held.is_empty() && retry {
            self.held_tried = Some(now);
            self.save_held();
        }
    }

    /// Tries the held pages again.
    fn save_held(&mut self) {
        for page in &self.held {
            self.effects.push(Effect::SavePage(Box::new(page.clone())));
        }
    }

    /// Whether some work is not on disk: the open page's, a held page's,
    /// or the couple's names.
    pub fn unsaved_work(&self) -> bool {
        self.page_unsaved() || !self.held.is_empty() || self.couple_unsaved
    }

    /// The pages held because saving them failed, by title.
    pub fn held_titles(&self) -> Vec<String> {
        self.held
            .iter()
            .map(|p| crate::model::visible_line(&p.title))
            .collect()
    }

    /// Notes when the open page first held changes not yet saved.
    fn note_unsaved_since(&mut self) {
        let dirty = self.open_page().is_some_and(|o| o.dirty);
        match (dirty, self.unsaved_since) {
            (false, _) => self.unsaved_since = None,
            (true, None) => self.unsaved_since = Some(self.now()),
            (true, Some(_)) => {}
        }
    }

    /// A request to stop from outside (a signal): save what is open, then quit.
    pub fn shutdown(&mut self) -> Vec<Effect> {
        self.store_editor();
        self.save_couple_if_unsaved();
        self.save_if_dirty();
        self.save_held();
        self.effects.push(Effect::Quit);
        std::mem::take(&mut self.effects)
    }

    fn save_couple_if_unsaved(&mut self) {
        if self.couple_unsaved
            && let Some(couple) = &self.couple
        {
            self.effects.push(Effect::SaveCouple(couple.clone()));
        }
    }

    /// What the footer says: a passing notice, or that saving keeps failing
    /// and why (autosave retries quietly).
    pub fn footer_notice(&self) -> Option<String> {
        self.notice.clone().or_else(|| {
            let why = self.save_failing.as_ref()?;
            // A page no longer on screen is named, so it is not forgotten.
            let open = self.open_page().map(|o| o.page().id.as_str());
            let left: Vec<String> = self
                .held
                .iter()
                .filter(|p| Some(p.id.as_str()) != open)
                .map(|p| format!("\"{}\"", crate::model::visible_line(&p.title)))
                .collect();
            Some(if left.is_empty() {
                format!("Not saved yet: {why}. {} tries again.", save_key())
            } else {
                format!(
                    "Not saved yet: {} ({why}). {} tries again.",
                    left.join(", "),
                    save_key()
                )
            })
        })
    }

    /// What the screen just drew; returns whether to draw it again: the
    /// view moved to stay within it, or the keys the footer offers changed.
    pub fn measured(&mut self, measured: Measured) -> bool {
        // The footer offers scrolling only where there is more to see: it
        // was drawn with the last measure, so it is drawn again when that
        // changes.
        let offers_changed = (self.measured.max_scroll() > 0) != (measured.max_scroll() > 0);
        self.measured = measured;
        if self.overlay.is_none() {
            self.screen_measured = measured;
        }
        self.clamp_scroll(measured) || offers_changed
    }

    /// Keeps the view on screen within what was measured; returns whether
    /// it moved.
    fn clamp_scroll(&mut self, measured: Measured) -> bool {
        let max = measured.max_scroll_u16();
        if self.overlay.is_some() {
            // The box over the screen is what was measured.
            let before = self.box_scroll;
            self.box_scroll = before.min(max);
            return self.box_scroll != before;
        }
        let seek = std::mem::take(&mut self.seek_match);
        let scroll = match &mut self.screen {
            Screen::SideBySide(view) => &mut view.scroll,
            Screen::Compare(view) => &mut view.scroll,
            Screen::Library(view) => &mut view.scroll,
            _ => return false,
        };
        let before = *scroll;
        if seek && let Some(at) = measured.first_match {
            // The match with a little of what leads up to it.
            *scroll = u16::try_from(at.saturating_sub(2)).unwrap_or(u16::MAX);
        }
        *scroll = (*scroll).min(max);
        *scroll != before
    }

    /// How far the scrolled view on screen (a box over it, or the page,
    /// comparison or introduction) is scrolled; `None` where nothing is.
    pub fn scrolled(&self) -> Option<u16> {
        if self.overlay.is_some() {
            return Some(self.box_scroll);
        }
        match &self.screen {
            Screen::SideBySide(view) => Some(view.scroll),
            Screen::Compare(view) => Some(view.scroll),
            Screen::Library(view) => Some(view.scroll),
            _ => None,
        }
    }

    /// The field keys type into now, where one does.
    pub fn field_in_use(&self) -> Option<&ratatui_textarea::TextArea<'static>> {
        match &self.screen {
            Screen::Onboarding(o) => o.names.get(o.focus),
            Screen::Turn(turn) => match &turn.editor {
                Some(FieldEditor::Text(area)) => Some(area),
                Some(FieldEditor::List(list)) => Some(&list.line),
                Some(FieldEditor::Grid(grid)) => grid.adding.as_ref(),
                _ => None,
            },
            Screen::Journal => self.journal_view.search.as_ref(),
            Screen::SideBySide(view) => view.view.note.as_ref(),
            Screen::Agreements(view) => view.wording.as_deref(),
            _ => None,
        }
    }

    /// Whether the next drawing should find the search's first match.
    pub fn seeking_match(&self) -> bool {
        self.seek_match
    }

    /// Offers back what a failed save at the last exit kept aside.
    pub fn offer_recovery(&mut self, found: Vec<crate::recovery::Found>) {
        if !found.is_empty() {
            self.overlay = Some(Overlay::Recovery(found));
        }
    }

    /// How putting back kept answers went.
    /// `pages` are those put back, each with whether it went beside a page
    /// changed on disk since, rather than in its place.
    pub fn restored(
        &mut self,
        couple: Option<Couple>,
        pages: Vec<(Page, bool)>,
        failed: Vec<String>,
    ) {
        let mut put_back = Vec::new();
        if let Some(couple) = couple
            && self.couple.is_none()
        {
            self.couple = Some(couple);
            if matches!(self.screen, Screen::Onboarding(_)) {
                self.screen = Screen::Home(Home::default());
            }
            put_back.push("your names".to_string());
        }
        for (page, beside) in pages {
            put_back.push(if beside {
                format!(
                    "\"{}\", as a page of its own beside the one that changed since",
                    page.title
                )
            } else {
                format!("\"{}\"", page.title)
            });
            self.journal
                .upsert(PageSummary::of(&page, &Access::Writable));
        }
        let mut body = String::new();
        if !put_back.is_empty() {
            body.push_str(&format!(
                "Put back into the journal: {}.",
                put_back.join(", ")
            ));
        }
        if !failed.is_empty() {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&format!(
                "Not put back yet, and still kept aside:\n{}\n\ntandem will offer it again next time.",
                failed.join("\n")
            ));
        }
        self.overlay = Some(Overlay::Message {
            title: "Kept from last time".into(),
            body,
        });
    }

    /// Reports how saving `page` went.
    pub fn page_saved(&mut self, page: &Page, result: Result<(), SaveFailure>) {
        let asked = std::mem::take(&mut self.save_asked);
        match result {
            Ok(()) => {
                self.held.retain(|held| held.id != page.id);
                if self.held.is_empty() && self.save_failing.take().is_some() {
                    self.notice = Some("Saved.".into());
                }
                self.mark_saved(page, true);
                self.journal
                    .upsert(PageSummary::of(page, &Access::Writable));
                self.quit_refused = false;
            }
            Err(failure) => {
                self.mark_saved(page, false);
                // Left already: held until it is saved.
                if self.open_page().is_none_or(|o| o.page().id != page.id) {
                    self.held.retain(|held| held.id != page.id);
                    self.held.push(page.clone());
                }
                self.save_failing = Some(failure.short);
                let message = failure.full;
                // Autosave runs while someone types: a box popping up then
                // would swallow their keys. The footer says it instead, and
                // autosave keeps trying; Ctrl-S shows the reason.
                if !asked {
                    return;
                }
                self.overlay = Some(Overlay::Message {
                    title: "Could not save".into(),
                    body: format!(
                        "{message}\n\nNothing is lost: your answers are still here, and the last saved copy on disk is untouched. Make some room or fix the folder, then press {} to try again.",
                        save_key()
                    ),
                });
            }
        }
    }

    pub fn couple_saved(&mut self, result: Result<(), SaveFailure>) {
        match result {
            Ok(()) => self.couple_unsaved = false,
            Err(failure) => {
                let first = !self.couple_unsaved;
                self.couple_unsaved = true;
                if first {
                    self.overlay = Some(Overlay::Message {
                        title: "Could not save your names".into(),
                        body: format!(
                            "{}\n\nYou can go on; tandem tries again on {} and when you quit, and if it still cannot, it keeps them aside and offers them back next time.",
                            failure.full,
                            save_key()
                        ),
                    });
                }
            }
        }
    }

    /// Whether a quit may go ahead: not while the open page failed to save,
    /// unless the couple asked twice.
    pub fn may_quit(&mut self) -> bool {
        if (self.page_unsaved() || !self.held.is_empty()) && !self.quit_refused {
            self.quit_refused = true;
            let which = match self.held_titles().as_slice() {
                [] => "The open page".to_string(),
                titles => format!("\"{}\"", titles.join("\", \"")),
            };
            self.overlay = Some(Overlay::Message {
                title: "Not saved".into(),
                body: format!(
                    "{which} could not be saved, so tandem is still open and keeps your answers.\n\nPress {} to try saving again, or quit once more (q or Ctrl-C): what could not be saved is then kept aside, outside the journal, and offered back the next time tandem starts.",
                    save_key()
                ),
            });
            return false;
        }
        true
    }

    /// Reports how recording a review on `page` went.
    pub fn review_recorded(&mut self, page: Option<&Page>, result: Result<(), String>) {
        match (page, result) {
            (Some(page), Ok(())) => self
                .journal
                .upsert(PageSummary::of(page, &Access::Writable)),
            (_, Ok(())) => {}
            (_, Err(message)) => {
                self.overlay = Some(Overlay::Message {
                    title: "A review was not recorded".into(),
                    body: format!(
                        "{message}\n\nThe check-in itself is saved with your decisions; the agreement's own page keeps its earlier status until this is fixed."
                    ),
                });
            }
        }
    }

    /// A page read from disk after the couple asked to open it.
    pub fn page_loaded(&mut self, id: &str, loaded: Result<LoadedPage, Problem>) {
        let origin = std::mem::take(&mut self.opening);
        match loaded {
            Ok(mut loaded) => {
                // A page held unsaved is newer than its file: that goes on.
                let held = self.held.iter().position(|p| p.id == id);
                if let Some(at) = held {
                    loaded.page = self.held.remove(at);
                }
                self.journal
                    .upsert(PageSummary::of(&loaded.page, &loaded.access));
                self.show_loaded(loaded, origin);
                if held.is_some()
                    && let Some(open) = self.open_page_mut()
                {
                    open.changed();
                }
            }
            Err(problem) => {
                self.journal.add_read(id, Err(problem.clone()));
                self.show_problem(&problem);
            }
        }
    }

    fn show_problem(&mut self, problem: &Problem) {
        self.overlay = Some(Overlay::Message {
            title: "This page cannot be read".into(),
            body: format!(
                "{}\n\nThe file is left exactly as it is, in your journal folder. Fix it in a text editor (or restore it from a backup) and it will show up again; `tandem check` lists every problem with its full path.",
                problem.in_folder("journal")
            ),
        });
    }

    fn on_paste(&mut self, text: &str) {
        if let Some(Overlay::Passphrase(_)) = &self.overlay {
            // From a password manager: one line, as typed.
            self.passphrase_paste(text);
            return;
        }
        if let Some(Overlay::Picker(_)) = &self.overlay {
            self.picker_paste(text);
            return;
        }
        if self.overlay.is_some() || self.measured.too_small {
            return;
        }
        match &mut self.screen {
            Screen::Onboarding(_) => self.onboarding_paste(text),
            Screen::Turn(_) | Screen::SideBySide(_) => self.page_paste(text),
            Screen::Journal => self.journal_paste(text),
            Screen::Agreements(_) => self.wording_paste(text),
            _ => {}
        }
    }

    fn quit(&mut self) {
        self.store_editor();
        self.save_if_dirty();
        self.effects.push(Effect::Quit);
    }
}

/// The key that saves now, wherever it is pressed, for sentences about
/// saving again.
fn save_key() -> String {
    crate::keymap::says(KeyContext::Home, Action::Save)
}
