//! The screens of an open page: the hand-off between partners, a turn
//! through the steps, and both answers side by side. The page belongs to
//! the screen that shows it, so none of them can be without one, and
//! leaving them lets go of the page.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::Timestamp;
use ratatui_textarea::TextArea;

use super::{
    AgreementsView, App, Effect, Handoff, Home, LibraryView, Overlay, ReviewDecision, ReviewItem,
    Screen, SlotKind, Turn, editor, paste_too_long, slot_answer,
};
use crate::journal::{Access, LoadedPage};
use crate::keymap::{self, Action, KeyContext};
use crate::model::{
    AgreementStatus, Answer, EntryStatus, Exercise, Field, GridValue, LaterNote, MAX_ANSWER_BYTES,
    Page, PageStatus, Partner, REVIEW_COLUMN, normalize_text,
};

/// The page being worked or read.
pub struct OpenPage {
    /// Reached through [`OpenPage::page_mut`] to change it, so that no
    /// change goes without a new revision.
    page: Page,
    pub access: Access,
    /// Changed since it was last saved.
    pub dirty: bool,
    /// A file exists for it.
    pub on_disk: bool,
    /// Where Esc leads back to.
    pub back: Back,
    /// Words to mark on the page (the journal's search it was opened from).
    pub highlight: String,
    /// Which state of the page this is: new for every page opened and for
    /// every change made to it, never the same twice in a run, so that
    /// what is worked out from a page (its lines on screen) is worked out
    /// again only when it changed.
    revision: u64,
}

/// The next revision of any open page.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl OpenPage {
    fn new(page: Page, access: Access, on_disk: bool, origin: Origin) -> OpenPage {
        OpenPage {
            page,
            access,
            dirty: false,
            on_disk,
            back: origin.back,
            highlight: origin.highlight,
            revision: next_revision(),
        }
    }

    pub fn page(&self) -> &Page {
        &self.page
    }

    /// The page, to change: whatever is changed through this is drawn
    /// anew (a new revision). Whether it is to be saved is for
    /// [`OpenPage::changed`] to say.
    pub(super) fn page_mut(&mut self) -> &mut Page {
        self.revision = next_revision();
        &mut self.page
    }

    /// Which state of the page this is, for what is worked out from it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The page was changed here: it is to be saved, and drawn anew.
    pub(super) fn changed(&mut self) {
        self.dirty = true;
        self.revision = next_revision();
    }
}

/// Where Esc leads back to from an open page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Back {
    #[default]
    Home,
    Journal,
    Agreements,
}

/// Where the page about to be read from disk is being opened from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origin {
    pub back: Back,
    pub highlight: String,
}

/// A screen of the open page: the page, and the screen's own state.
pub struct OnPage<V> {
    pub open: OpenPage,
    pub view: V,
}

impl<V> Deref for OnPage<V> {
    type Target = V;

    fn deref(&self) -> &V {
        &self.view
    }
}

impl<V> DerefMut for OnPage<V> {
    fn deref_mut(&mut self) -> &mut V {
        &mut self.view
    }
}

fn on<V>(open: OpenPage, view: V) -> Box<OnPage<V>> {
    Box::new(OnPage { open, view })
}

/// Both answers shown; on a page talked over, a later note may be written.
#[derive(Default)]
pub struct SideBySide {
    pub scroll: u16,
    /// A later note being written.
    pub note: Option<TextArea<'static>>,
    /// The step of talking it over that the answers were looked at from,
    /// to go back to.
    pub resume: Option<Box<Turn>>,
    /// Why the answers cannot be revealed (a sealed entry that cannot be
    /// opened): said in place of both.
    pub shut: Option<String>,
}

impl App {
    /// The open page, on the screens that show one.
    pub fn open_page(&self) -> Option<&OpenPage> {
        match &self.screen {
            Screen::Handoff(s) => Some(&s.open),
            Screen::Turn(s) => Some(&s.open),
            Screen::SideBySide(s) => Some(&s.open),
            _ => None,
        }
    }

    pub(super) fn open_page_mut(&mut self) -> Option<&mut OpenPage> {
        match &mut self.screen {
            Screen::Handoff(s) => Some(&mut s.open),
            Screen::Turn(s) => Some(&mut s.open),
            Screen::SideBySide(s) => Some(&mut s.open),
            _ => None,
        }
    }

    /// Takes the open page off its screen, to move it to the next one; the
    /// screen is home until the caller says otherwise.
    fn take_page(&mut self) -> Option<OpenPage> {
        match std::mem::replace(&mut self.screen, Screen::Home(Home::default())) {
            Screen::Handoff(s) => Some(s.open),
            Screen::Turn(s) => Some(s.open),
            Screen::SideBySide(s) => Some(s.open),
            other => {
                self.screen = other;
                None
            }
        }
    }

    /// The exercise of the open page, if it is still in the library.
    pub fn open_exercise(&self) -> Option<&Exercise> {
        self.open_page()
            .and_then(|o| self.library.get(&o.page().exercise))
    }

    /// The page to autosave, when it has unsaved changes.
    pub fn autosave(&mut self) -> Option<Effect> {
        let open = self.open_page_mut()?;
        if !open.dirty || open.access != Access::Writable {
            return None;
        }
        Some(Effect::SavePage(Box::new(open.page().clone())))
    }

    pub(super) fn save_if_dirty(&mut self) {
        if let Some(effect) = self.autosave() {
            self.effects.push(effect);
        }
    }

    /// Whether the open page holds changes it could save.
    pub(super) fn page_unsaved(&self) -> bool {
        self.open_page()
            .is_some_and(|o| o.dirty && o.access == Access::Writable)
    }

    /// Marks the open page saved, when it is `page` and nothing changed
    /// since the copy was taken; a failed save leaves it to save again.
    pub(super) fn mark_saved(&mut self, page: &Page, saved: bool) {
        if let Some(open) = self.open_page_mut().filter(|o| o.page().id == page.id) {
            if saved {
                open.on_disk = true;
                // Typing may have gone on since the copy was taken.
                if open.page() == page {
                    open.dirty = false;
                }
            } else {
                open.dirty = true;
            }
        }
    }

    /// Copies what the open editor holds into the page.
    pub(super) fn store_editor(&mut self) {
        let now = self.now();
        if let Screen::Turn(s) = &mut self.screen {
            let OnPage { open, view } = &mut **s;
            view.store(open.page_mut(), now);
        }
    }

    pub(super) fn answer_changed(&mut self) {
        let now = self.now();
        if let Screen::Turn(s) = &mut self.screen {
            let OnPage { open, view } = &mut **s;
            view.store(open.page_mut(), now);
            open.changed();
        }
    }

    /// Leaves the open page for wherever it was opened from.
    pub(super) fn go_back(&mut self) {
        let back = self.open_page().map(|o| o.back).unwrap_or_default();
        match back {
            Back::Home => self.go_home(),
            Back::Journal => self.show_journal(),
            Back::Agreements => self.screen = Screen::Agreements(AgreementsView::default()),
        }
    }

    pub(super) fn start_page(&mut self, exercise: &Exercise) {
        let now = self.now();
        let stamp = now.strftime("%Y-%m-%d-%H%M%S").to_string();
        let base = format!("{stamp}-{}", exercise.id);
        let mut id = base.clone();
        let mut n = 2;
        while self.journal.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let page = Page::new(id, exercise, &self.names(), now);
        // A page begun from the agreements screen goes back there; from
        // anywhere else, home once something is written.
        let back = if matches!(self.screen, Screen::Agreements(_)) {
            Back::Agreements
        } else {
            Back::Home
        };
        let origin = Origin {
            back,
            ..Origin::default()
        };
        let open = OpenPage::new(page, Access::Writable, false, origin);
        let handoff = Handoff {
            partner: Partner::First,
            choosing: true,
        };
        self.screen = Screen::Handoff(on(open, handoff));
    }

    /// Shows a page read from disk on the screen its state calls for.
    pub(super) fn show_loaded(&mut self, loaded: LoadedPage, origin: Origin) {
        let status = loaded.page.status();
        let missing_exercise = self.library.get(&loaded.page.exercise).is_none();
        let newer = loaded.page.version > crate::model::JOURNAL_VERSION;
        let read_only = loaded.access.reason().map(str::to_string);
        let started = Partner::BOTH
            .into_iter()
            .find(|p| loaded.page.entry(*p).status == EntryStatus::Draft);
        let open = OpenPage::new(loaded.page, loaded.access, true, origin);
        match status {
            PageStatus::BothDone | PageStatus::Discussed => {
                // Opened from a search: start at the first match, once the
                // page is drawn and the match found.
                self.seek_match = !open.highlight.is_empty();
                self.screen = Screen::SideBySide(on(open, SideBySide::default()));
                self.open_sealed_entries();
            }
            _ if read_only.is_some() || missing_exercise => {
                let body = match read_only {
                    Some(why) if newer => format!(
                        "It is unfinished, and {why}. It is kept as it is; a newer tandem can continue it."
                    ),
                    Some(why) => format!(
                        "It is unfinished, and {why}.\n\nOnce the file is fixed, you can go on where you left off."
                    ),
                    None => "It is unfinished, and its exercise is no longer in the library. It is kept as it is; a tandem that has the exercise can continue it.".to_string(),
                };
                self.go_home();
                self.overlay = Some(Overlay::Message {
                    title: "This page cannot be continued here".into(),
                    body,
                });
            }
            PageStatus::WaitingFor(partner) => {
                let handoff = Handoff {
                    partner,
                    choosing: false,
                };
                self.screen = Screen::Handoff(on(open, handoff));
            }
            PageStatus::InProgress => {
                // Whoever already started goes on; otherwise either may begin.
                let handoff = Handoff {
                    partner: started.unwrap_or(Partner::First),
                    choosing: started.is_none(),
                };
                self.screen = Screen::Handoff(on(open, handoff));
            }
        }
    }

    pub(super) fn begin_turn(&mut self, partner: Partner) {
        // A partner with a passphrase types it first: their key is checked
        // and their draft opened, then the turn starts.
        if self.turn_may_start(partner) {
            self.start_turn(partner);
        }
    }

    pub(super) fn start_turn(&mut self, partner: Partner) {
        let now = self.now();
        let Some(exercise) = self.open_exercise().cloned() else {
            return;
        };
        let Some(mut open) = self.take_page() else {
            return;
        };
        let entry = open.page_mut().entry_mut(partner);
        if entry.status == EntryStatus::NotStarted {
            entry.status = EntryStatus::Draft;
            entry.started = Some(now);
        }
        let turn = Turn::private(&exercise, partner, open.page());
        self.screen = Screen::Turn(on(open, turn));
        if exercise.sensitive {
            self.ask_safe_to_answer(partner);
        }
    }

    /// Whether the open page's next part is written together, before
    /// either turn: nobody has started, and the opening is unwritten or
    /// was left before it was finished.
    pub fn opening_due(&self) -> bool {
        let (Some(open), Some(exercise)) = (self.open_page(), self.open_exercise()) else {
            return false;
        };
        open.access == Access::Writable
            && open
                .page
                .entries
                .iter()
                .all(|e| e.status == EntryStatus::NotStarted)
            && exercise.opening_steps().any(|s| {
                !open.page().shared.answers.contains_key(&s.id)
                    || open.page().shared.left_at.as_deref() == Some(s.id.as_str())
            })
    }

    /// Before anyone's turn, what the couple writes together first (the
    /// topic), while any of it is unwritten. Whether it began.
    fn begin_opening(&mut self) -> bool {
        let Some(exercise) = self.open_exercise().cloned() else {
            return false;
        };
        if !self.opening_due() {
            return false;
        }
        let Some(mut open) = self.take_page() else {
            return false;
        };
        match Turn::opening(&exercise, open.page()) {
            Some(turn) => {
                // Until it is finished, the opening is where the couple
                // goes on.
                let at = turn.slot().map(|s| s.step_id.clone());
                if open.page().shared.left_at != at {
                    open.page_mut().shared.left_at = at;
                    open.changed();
                }
                self.screen = Screen::Turn(on(open, turn));
            }
            None => {
                self.screen = Screen::Handoff(on(
                    open,
                    Handoff {
                        partner: Partner::First,
                        choosing: true,
                    },
                ));
                return false;
            }
        }
        true
    }

    fn begin_discussion(&mut self) {
        let Some(exercise) = self.open_exercise().cloned() else {
            return;
        };
        if self
            .open_page()
            .is_some_and(|o| o.access != Access::Writable)
        {
            self.notice = Some("This page is read-only.".into());
            return;
        }
        // The together steps start only with both sides open.
        if self
            .open_page()
            .is_some_and(|o| crate::reveal::reveal(o.page()).is_none())
        {
            return;
        }
        let review = self.review_items();
        let Some(open) = self.take_page() else {
            return;
        };
        let turn = Turn::together(&exercise, open.page(), &review);
        self.screen = Screen::Turn(on(open, turn));
    }

    /// While talking it over: both answers, with the step to come back to.
    fn show_answers(&mut self) {
        self.store_editor();
        let Screen::Turn(s) = std::mem::replace(&mut self.screen, Screen::Home(Home::default()))
        else {
            return;
        };
        let OnPage { open, view } = *s;
        let answers = SideBySide {
            resume: Some(Box::new(view)),
            ..SideBySide::default()
        };
        self.screen = Screen::SideBySide(on(open, answers));
    }

    /// Back from looking at the answers to the step talked over.
    fn resume_discussion(&mut self) {
        let Screen::SideBySide(s) =
            std::mem::replace(&mut self.screen, Screen::Home(Home::default()))
        else {
            return;
        };
        let OnPage { open, mut view } = *s;
        self.screen = match view.resume.take() {
            Some(turn) => Screen::Turn(on(open, *turn)),
            None => Screen::SideBySide(on(open, view)),
        };
    }

    /// Leaves the open page for wherever it was opened from, saving it when
    /// it holds anything worth keeping.
    pub(super) fn leave_page(&mut self) {
        self.store_editor();
        let keep = self.open_page().is_some_and(|o| {
            o.on_disk
                || !o.page().shared.answers.is_empty()
                || o.page()
                    .entries
                    .iter()
                    .any(|e| !e.answers.is_empty() || e.status == EntryStatus::Done)
        });
        if keep {
            self.save_if_dirty();
        }
        self.go_back();
    }

    fn finish_turn(&mut self) {
        let now = self.now();
        let Screen::Turn(s) = &mut self.screen else {
            return;
        };
        let OnPage { open, view: turn } = &mut **s;
        let partner = turn.partner;
        let mut decisions = Vec::new();
        let mut other_done = false;
        if turn.opening {
            open.page_mut().shared.updated = Some(now);
            open.page_mut().shared.left_at = None;
            open.changed();
            self.save_if_dirty();
            let Some(open) = self.take_page() else {
                return;
            };
            let handoff = Handoff {
                partner: Partner::First,
                choosing: true,
            };
            self.screen = Screen::Handoff(on(open, handoff));
            return;
        }
        match partner {
            Some(partner) => {
                let entry = open.page_mut().entry_mut(partner);
                entry.status = EntryStatus::Done;
                entry.finished = Some(now);
                entry.left_at = None;
                entry.updated = Some(now);
                other_done = open.page().entry(partner.other()).status == EntryStatus::Done;
            }
            None => {
                if open.page().discussed.is_none() {
                    open.page_mut().discussed = Some(now);
                }
                open.page_mut().shared.updated = Some(now);
                open.page_mut().shared.left_at = None;
                decisions = review_decisions(turn, open.page(), now);
            }
        }
        open.changed();
        let Some(open) = self.take_page() else {
            return;
        };
        self.screen = match partner {
            Some(partner) if !other_done => Screen::Handoff(on(
                open,
                Handoff {
                    partner: partner.other(),
                    choosing: false,
                },
            )),
            _ => Screen::SideBySide(on(open, SideBySide::default())),
        };
        // Saved once the turn is over, so that what is written is what the
        // page holds from now on (sealed again, in memory too).
        self.seal_idle_entries();
        self.save_if_dirty();
        if other_done {
            self.open_sealed_entries();
        }
        if partner.is_none() {
            if !decisions.is_empty() {
                self.effects.push(Effect::ReviewAgreements(decisions));
            }
            self.notice = Some("Saved to your journal.".into());
        }
    }

    /// Agreements from other pages that are still in use (active or marked
    /// to revisit), oldest first.
    pub fn review_items(&self) -> Vec<ReviewItem> {
        let open = self.open_page().map(|o| o.page().id.as_str());
        let mut items: Vec<ReviewItem> = self
            .journal
            .pages
            .iter()
            .rev()
            .filter(|p| Some(p.id.as_str()) != open && p.read_only.is_none())
            .flat_map(|p| {
                p.agreements
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.status != AgreementStatus::Retired)
                    .map(|(index, a)| ReviewItem {
                        page: p.id.clone(),
                        index,
                        text: a.text.clone(),
                        status: a.status,
                    })
            })
            .collect();
        items.dedup_by(|a, b| a.page == b.page && a.index == b.index);
        items
    }

    // --- keys ---------------------------------------------------------------

    pub(super) fn handoff_act(&mut self, action: Action) {
        let together_first = self.opening_due();
        let Screen::Handoff(handoff) = &mut self.screen else {
            return;
        };
        match action {
            // Written together first: nobody goes first yet.
            Action::OtherPartner | Action::Partner(_) if together_first => {}
            Action::OtherPartner => handoff.partner = handoff.partner.other(),
            Action::Partner(partner) => handoff.partner = partner,
            Action::Open => {
                let partner = handoff.partner;
                if !self.begin_opening() {
                    self.begin_turn(partner);
                }
            }
            Action::Pause => self.leave_page(),
            // What was written together first is kept, like any page.
            Action::Back
                if self
                    .open_page()
                    .is_some_and(|o| !o.page().shared.answers.is_empty()) =>
            {
                self.leave_page();
            }
            // Nothing is written before a partner starts: back to where
            // the exercise was chosen, with it still selected.
            Action::Back if self.open_page().is_some_and(|o| o.back == Back::Agreements) => {
                self.go_back();
            }
            Action::Back => {
                let exercise = self.open_page().map(|o| o.page().exercise.clone());
                let selected = self
                    .library
                    .entries()
                    .iter()
                    .position(|e| Some(&e.exercise.id) == exercise.as_ref())
                    .unwrap_or(0);
                self.screen = Screen::Library(LibraryView {
                    selected,
                    scroll: 0,
                });
            }
            _ => {}
        }
    }

    pub(super) fn turn_act(&mut self, action: Action) {
        let Screen::Turn(s) = &mut self.screen else {
            return;
        };
        let OnPage { open, view: turn } = &mut **s;
        match action {
            Action::Pause => self.leave_page(),
            Action::NextStep | Action::PreviousStep => {
                let to = match action {
                    Action::NextStep => turn.index + 1,
                    _ => turn.index.saturating_sub(1),
                };
                turn.go_to(to, open.page());
                // Where a partner is, or the two of them together, is where
                // they go on next time.
                if let Some(slot) = turn.slot() {
                    let left_at = match turn.partner {
                        Some(partner) => &mut open.page_mut().entry_mut(partner).left_at,
                        None => &mut open.page_mut().shared.left_at,
                    };
                    if left_at.as_deref() != Some(slot.step_id.as_str()) {
                        *left_at = Some(slot.step_id.clone());
                        open.changed();
                    }
                }
            }
            Action::Finish => self.finish_turn(),
            Action::Pass => self.pass_step(),
            Action::KeepPrivate => self.keep_private(),
            Action::ShowAnswers => self.show_answers(),
            Action::RemoveRow => {
                // A row of one's own, and its answers, go only after a yes.
                if let Some(super::FieldEditor::Grid(grid)) = &turn.editor
                    && let Some(row) = grid.rows.get(grid.row)
                {
                    self.overlay = Some(super::Overlay::Confirm {
                        title: "Remove this row?".into(),
                        body: format!(
                            "“{}” and what you answered in it leave this page.\n\n{}",
                            row.label,
                            keymap::question("removes it", "keeps it")
                        ),
                        yes: super::Pending::RemoveRow,
                        no: None,
                    });
                }
            }
            action => self.editor_act(action),
        }
    }

    /// Hands `action` to the editor of the step on screen.
    fn editor_act(&mut self, action: Action) {
        let Screen::Turn(s) = &mut self.screen else {
            return;
        };
        let OnPage { view: turn, .. } = &mut **s;
        let changed = match (turn.editor.as_mut(), turn.slots.get(turn.index)) {
            (Some(editor), Some(slot)) => editor.act(&slot.field, action),
            _ => false,
        };
        // A removed item is said, with the key that brings it back.
        let removed = match &turn.editor {
            Some(super::FieldEditor::List(list)) if action == Action::RemoveItem => {
                list.removed().map(str::to_string)
            }
            _ => None,
        };
        if let (Some(item), Some(key)) = (
            removed,
            crate::keymap::key_name(crate::keymap::KeyContext::WriteList, Action::RestoreItem),
        ) {
            let item = if item.chars().count() > 40 {
                format!("{}…", item.chars().take(39).collect::<String>().trim_end())
            } else {
                item
            };
            self.notice = Some(format!("Removed “{item}”. {key} brings it back."));
        }
        if changed {
            self.answer_changed();
        }
    }

    pub(super) fn side_by_side_act(&mut self, action: Action) {
        if action == Action::AddNote {
            self.add_later_note();
            return;
        }
        let view_size = self.measured;
        let Screen::SideBySide(s) = &mut self.screen else {
            return;
        };
        if super::moving::scroll(&mut s.view.scroll, action, view_size) {
            return;
        }
        match action {
            Action::Back if s.view.note.is_some() => {
                let written = s
                    .view
                    .note
                    .as_ref()
                    .is_some_and(|area| !editor::text_of(area).trim().is_empty());
                if written {
                    self.overlay = Some(super::Overlay::Confirm {
                        title: "Leave without adding the note?".into(),
                        body: format!(
                            "What you wrote is not added to the page, and not kept.\n\nTo add it, go back and press {}: it goes on the page with today's date.\n\n{}",
                            keymap::says(KeyContext::LaterNote, Action::AddNote),
                            keymap::question("leaves it unadded", "goes back to the note")
                        ),
                        yes: super::Pending::DropNote,
                        no: None,
                    });
                } else {
                    s.view.note = None;
                }
            }
            Action::TalkOver | Action::Back if s.view.resume.is_some() => self.resume_discussion(),
            Action::TalkOver => self.begin_discussion(),
            Action::WriteLaterNote => {
                s.view.note = Some(editor::text_area("", "A later thought, dated today …"));
            }
            Action::WhyReadOnly => {
                self.notice = Some(
                    "This page is read-only until its file is fixed: see the top of the page."
                        .into(),
                );
            }
            Action::Export => {
                let id = s.open.page().id.clone();
                self.effects.push(Effect::Export(vec![id]));
            }
            Action::ReadKept => self.read_kept(),
            Action::Back => self.go_back(),
            _ => {}
        }
    }

    /// Removes the grid row of one's own the couple said yes to removing.
    pub(super) fn remove_own_row(&mut self) {
        self.editor_act(Action::RemoveRow);
    }

    /// Closes the later-note box without adding what was written.
    pub(super) fn drop_later_note(&mut self) {
        if let Screen::SideBySide(s) = &mut self.screen {
            s.view.note = None;
            self.notice = Some("The note was not added.".into());
        }
    }

    /// Closes the later-note box, adding what was written to the page.
    fn add_later_note(&mut self) {
        let now = self.now();
        let Screen::SideBySide(s) = &mut self.screen else {
            return;
        };
        let Some(area) = s.view.note.take() else {
            return;
        };
        // Nothing typed is simply closed; anything typed is kept.
        let text = normalize_text(&editor::text_of(&area)).trim().to_string();
        if text.is_empty() || s.open.access != Access::Writable {
            return;
        }
        s.open
            .page
            .shared
            .later_notes
            .push(LaterNote { when: now, text });
        s.open.changed();
        self.save_if_dirty();
        self.notice = Some("Note added, with today's date.".into());
    }

    /// Text pasted on a page's screen: into the step's editor, or into the
    /// later note being written.
    pub(super) fn page_paste(&mut self, text: &str) {
        let fits = |held: usize| held + text.len() <= MAX_ANSWER_BYTES;
        // None: nothing takes text here; Some(None): the paste is too big;
        // Some(Some(changed)): pasted, and whether an answer changed.
        let pasted: Option<Option<bool>> = match &mut self.screen {
            Screen::Turn(s) => s
                .view
                .editor
                .as_mut()
                .map(|editor| fits(editor.text_len()).then(|| editor.paste(text))),
            Screen::SideBySide(s) => s.view.note.as_mut().map(|area| {
                let held = area.lines().iter().map(|l| l.len() + 1).sum();
                fits(held).then(|| {
                    area.insert_str(normalize_text(text));
                    // A later note joins the page when it is added, not
                    // as it is typed.
                    false
                })
            }),
            _ => None,
        };
        match pasted {
            Some(None) => self.notice = Some(paste_too_long(text.len())),
            Some(Some(true)) => self.answer_changed(),
            _ => {}
        }
    }
}

/// The decisions of a check-in's review step, if it has one.
fn review_decisions(turn: &Turn, page: &Page, now: Timestamp) -> Vec<ReviewDecision> {
    let mut decisions = Vec::new();
    for slot in turn.slots.iter().filter(|s| s.kind == SlotKind::Review) {
        let (Some(Answer::Grid(rows)), Field::Grid(def)) = (slot_answer(page, slot), &slot.field)
        else {
            continue;
        };
        for row in rows {
            let Some(GridValue::Choice(choice)) = row.values.get(REVIEW_COLUMN) else {
                continue;
            };
            let (Some(status), Some((from_page, index))) = (
                AgreementStatus::from_review(choice),
                row.row.rsplit_once('#'),
            ) else {
                continue;
            };
            let Ok(index) = index.parse() else {
                continue;
            };
            decisions.push(ReviewDecision {
                wording: None,
                item: ReviewItem {
                    page: from_page.to_string(),
                    index,
                    text: def.row_label(&row.row).unwrap_or_default().to_string(),
                    status,
                },
                status,
                when: now,
                from: Some(page.id.clone()),
            });
        }
    }
    decisions
}

impl App {
    /// Whether `action` can do anything on a turn's step now.
    pub(super) fn turn_can(&self, turn: &Turn, action: Action) -> bool {
        match action {
            Action::PreviousStep => turn.index > 0,
            Action::NextStep => !turn.on_finish_card(),
            Action::ShowAnswers => turn.partner.is_none() && !turn.opening,
            Action::Pass | Action::KeepPrivate => self.may_pass(),
            _ => match (&turn.editor, turn.slot().map(|s| &s.field)) {
                (Some(super::FieldEditor::Grid(grid)), Some(crate::model::Field::Grid(def))) => {
                    grid.can(def, action)
                }
                (Some(super::FieldEditor::List(list)), _) => list.can(action),
                _ => true,
            },
        }
    }

    /// Whether `action` can do anything before a turn: going on with a
    /// page, the other may go first only when both have started and
    /// neither has finished.
    pub(super) fn handoff_can(&self, handoff: &OnPage<Handoff>, action: Action) -> bool {
        match action {
            Action::OtherPartner | Action::Partner(_) if self.opening_due() => false,
            Action::OtherPartner if !handoff.choosing => handoff
                .open
                .page
                .entries
                .iter()
                .all(|e| e.status == crate::model::EntryStatus::Draft),
            _ => true,
        }
    }
}
