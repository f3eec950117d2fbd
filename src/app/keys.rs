//! From a key to what it does: the key is resolved through the table of the
//! context it is pressed in ([`crate::keymap`]), and only the action it
//! resolves to is carried out. The same table writes the footer and the
//! help, so what they promise is what happens.

use ratatui::crossterm::event::KeyEvent;

use super::moving::scroll;
use super::withhold::SafeToAnswer;
use super::{App, Effect, FieldEditor, Overlay, Screen};
use crate::journal::Access;
use crate::keymap::{self, Action, KeyContext};
use crate::model::PageStatus;

impl App {
    /// The table that applies right now.
    pub fn key_context(&self) -> KeyContext {
        match self.overlay {
            Some(Overlay::Help(_)) => KeyContext::Help,
            Some(Overlay::Message { .. } | Overlay::Safety) => KeyContext::Message,
            Some(Overlay::Recovery(_)) => KeyContext::Recovery,
            Some(Overlay::Confirm { .. }) => KeyContext::Confirm,
            Some(Overlay::SafeToAnswer { .. }) => KeyContext::SafeToAnswer,
            Some(Overlay::Sealing { .. }) => KeyContext::Sealing,
            Some(Overlay::Passphrase(_)) => KeyContext::Passphrase,
            Some(Overlay::RemovedPages { .. }) => KeyContext::RemovedPages,
            Some(Overlay::Picker(_)) => KeyContext::Picker,
            None => self.screen_context(),
        }
    }

    /// The table of the screen, whatever box is over it.
    fn screen_context(&self) -> KeyContext {
        let open = self.open_page();
        match &self.screen {
            Screen::Onboarding(_) => KeyContext::Onboarding,
            Screen::Home(_) => KeyContext::Home,
            Screen::Library(_) => KeyContext::Library,
            Screen::Handoff(h) if h.choosing => KeyContext::HandoffChoosing,
            Screen::Handoff(_) => KeyContext::Handoff,
            Screen::SideBySide(view) if view.note.is_some() => KeyContext::LaterNote,
            Screen::SideBySide(view) if view.resume.is_some() => KeyContext::PeekAnswers,
            Screen::SideBySide(_) if open.is_some_and(|o| o.access != Access::Writable) => {
                KeyContext::ReadOnlyPage
            }
            Screen::SideBySide(_)
                if open.is_some_and(|o| o.page().status() == PageStatus::Discussed) =>
            {
                KeyContext::ReadPage
            }
            Screen::SideBySide(_) => KeyContext::SideBySide,
            Screen::Journal if self.journal_view.search.is_some() => KeyContext::Search,
            Screen::Journal => KeyContext::Journal,
            Screen::Compare(_) => KeyContext::Compare,
            Screen::Agreements(view) if view.wording.is_some() => KeyContext::Rewording,
            Screen::Agreements(_) => KeyContext::Agreements,
            Screen::Trends(_) => KeyContext::Trends,
            Screen::Turn(turn) => match &turn.editor {
                None => KeyContext::Finish,
                Some(FieldEditor::Text(_)) => KeyContext::WriteText,
                Some(FieldEditor::List(_)) => KeyContext::WriteList,
                Some(FieldEditor::Scale(_)) => KeyContext::Scale,
                Some(FieldEditor::Choice(_)) => KeyContext::Choice,
                Some(FieldEditor::Checklist(_)) => KeyContext::Checklist,
                Some(FieldEditor::Grid(g)) if g.adding.is_some() => KeyContext::GridAdding,
                Some(FieldEditor::Grid(_)) => KeyContext::Grid,
            },
        }
    }

    /// Whether `action` can do anything right now. Keys whose actions
    /// cannot are left out of the footer and the help, and do nothing.
    pub fn can(&self, action: Action) -> bool {
        self.can_in(self.key_context(), action, self.rows())
    }

    /// How many rows the list on screen has (pages, exercises, measures,
    /// agreements): moving is offered only through more than one.
    fn rows(&self) -> usize {
        match &self.screen {
            Screen::Home(_) => self.home_items().len(),
            Screen::Library(_) => self.library.entries().len(),
            Screen::Journal => self.journal_view.matches.len(),
            Screen::Trends(_) => super::measures(&self.journal, &self.library).len(),
            Screen::Agreements(_) => super::agreement_count(&self.journal),
            _ => 0,
        }
    }

    /// As [`App::can`], with the list's rows counted once by the caller.
    fn can_in(&self, context: KeyContext, action: Action, rows: usize) -> bool {
        if action == Action::Save {
            return self.unsaved_work();
        }
        if action == Action::QuickExit {
            return true;
        }
        if let (Action::NewKey, Some(Overlay::Sealing { selected })) = (action, &self.overlay) {
            return self.seals(*selected);
        }
        let scrolls = action.moves();
        if let Some(Overlay::RemovedPages { names, .. }) = &self.overlay {
            return !scrolls || names.len() > 1;
        }
        if let Some(Overlay::Picker(picker)) = &self.overlay {
            return match action {
                Action::Open => !picker.shown().is_empty(),
                _ => !scrolls || picker.shown().len() > 1,
            };
        }
        // Scrolling is offered only where there is more to see: in a box,
        // or on the screen (under the help, as it was before the box).
        if context.is_box() {
            return !scrolls || self.measured.max_scroll() > 0;
        }
        let more_to_see = self.screen_measured.max_scroll() > 0;
        // What some actions need, wherever they are bound.
        match action {
            Action::ReadKept => {
                return self
                    .open_page()
                    .is_some_and(|o| o.page().entries.iter().any(|e| !e.private.is_empty()));
            }
            Action::NewAgreement => {
                return self.library.get(super::agreements::AN_AGREEMENT).is_some();
            }
            Action::RemovePage => return self.page_to_remove().is_some(),
            _ => {}
        }
        // A list moves only through more than one row.
        let list = |can: bool| if scrolls { rows > 1 } else { can };
        match &self.screen {
            Screen::Turn(turn) => self.turn_can(turn, action),
            Screen::SideBySide(_) | Screen::Compare(_) if scrolls => more_to_see,
            // Going on together needs both sides open.
            Screen::SideBySide(s) => {
                action != Action::TalkOver || crate::reveal::reveal(s.open.page()).is_some()
            }
            Screen::Compare(_) => true,
            Screen::Library(_) if matches!(action, Action::PageUp | Action::PageDown) => {
                more_to_see
            }
            Screen::Library(_) | Screen::Trends(_) => list(true),
            Screen::Home(home) => list(self.home_can(home, action, rows)),
            Screen::Journal => list(self.journal_can(action)),
            Screen::Agreements(view) => list(match action {
                Action::NextStatus | Action::SetStatus(_) | Action::Open | Action::Reword => {
                    rows > 0
                }
                Action::UndoStatus => view.undo.is_some(),
                _ => true,
            }),
            Screen::Onboarding(o) => action != Action::Back || o.renaming.is_some(),
            Screen::Handoff(h) => self.handoff_can(h, action),
        }
    }

    /// The entries of `context`'s table that can do something now: what
    /// the footer and the help show.
    pub fn available_keys(&self, context: KeyContext) -> Vec<&'static keymap::Binding> {
        // Drawn with every frame: the list is counted once, not per key.
        let rows = self.rows();
        keymap::table(context)
            .into_iter()
            .filter(|b| b.actions().any(|a| self.can_in(context, a, rows)))
            .collect()
    }

    pub(super) fn on_key(&mut self, key: KeyEvent) {
        let context = self.key_context();
        let action = keymap::resolve(context, key);
        // "Once more to quit" means the next quit, not one minutes later
        // after other work: any other key that does something (but
        // closing the box that said so) asks again. A key that does
        // nothing is no work.
        let does_nothing = action.is_none() && !context.takes_text();
        if !does_nothing
            && !matches!(
                action,
                Some(Action::Quit | Action::QuickExit | Action::Close)
            )
        {
            self.quit_refused = false;
        }
        // Nothing typed blind goes into an answer or moves anything; only
        // quitting works while the window is too small to show the screen.
        if self.measured.too_small && action != Some(Action::Quit) {
            return;
        }
        match action {
            Some(action) if self.can(action) => self.act(action, key),
            Some(_) => {}
            None if context.takes_text() => {
                self.notice = None;
                self.type_key(key);
            }
            None => {}
        }
    }

    fn act(&mut self, action: Action, key: KeyEvent) {
        match action {
            Action::Help => {
                self.box_scroll = 0;
                self.overlay = Some(Overlay::Help(self.screen_context()));
            }
            Action::Quit => self.quit(),
            Action::Safety => {
                // Over whatever was there, help included: one key away.
                self.box_scroll = 0;
                self.overlay = Some(Overlay::Safety);
            }
            Action::QuickExit => {
                // Saved as on any quit; what cannot be saved is kept aside
                // at exit, without a question on the way out.
                self.overlay = None;
                self.quit_refused = true;
                self.quit();
            }
            Action::Save => {
                self.store_editor();
                self.save_couple_if_unsaved();
                self.save_held();
                if let Some(effect) = self.autosave() {
                    self.save_asked = true;
                    self.effects.push(effect);
                }
            }
            Action::Close => {
                // Leaving a new or changed passphrase goes back to the
                // passphrases box it was chosen in; leaving the reveal's
                // leaves the page, showing nothing of it.
                match self.close_box() {
                    Some(Overlay::Passphrase(b))
                        if b.purpose == super::KeyPurpose::Unlock(super::Then::Reveal) =>
                    {
                        self.leave_page();
                    }
                    Some(Overlay::Passphrase(b))
                        if !matches!(b.purpose, super::KeyPurpose::Unlock(_))
                            && !matches!(self.screen, Screen::Turn(_)) =>
                    {
                        self.show_sealing(b.partner);
                    }
                    _ => {}
                }
            }
            action if matches!(self.overlay, Some(Overlay::Sealing { .. })) && !action.moves() => {
                self.sealing_act(action);
            }
            Action::Open if matches!(self.overlay, Some(Overlay::Passphrase(_))) => {
                self.passphrase_entered();
            }
            Action::Sealing => {
                let partner = match &self.screen {
                    Screen::Handoff(h) => h.partner,
                    _ => crate::model::Partner::First,
                };
                self.show_sealing(partner);
            }
            action if matches!(self.overlay, Some(Overlay::RemovedPages { .. })) => {
                self.removed_pages_act(action);
            }
            action if matches!(self.overlay, Some(Overlay::Picker(_))) => {
                self.picker_act(action);
            }
            action if action.moves() && self.overlay.is_some() => {
                scroll(&mut self.box_scroll, action, self.measured);
            }
            Action::Restore => {
                if let Some(Overlay::Recovery(found)) = self.close_box() {
                    self.effects.push(Effect::Restore(found));
                }
            }
            Action::Confirm => match self.close_box() {
                Some(Overlay::Confirm { yes, .. }) => self.confirmed(yes),
                Some(Overlay::SafeToAnswer { .. }) => self.safe_to_answer(SafeToAnswer::Yes),
                _ => {}
            },
            Action::Decline => match self.close_box() {
                Some(Overlay::Confirm { no: Some(no), .. }) => self.confirmed(no),
                Some(Overlay::SafeToAnswer { .. }) => self.safe_to_answer(SafeToAnswer::No),
                _ => {}
            },
            Action::NotSure => {
                self.close_box();
                self.safe_to_answer(SafeToAnswer::NotSure);
            }
            Action::NotNow => {
                self.close_box();
                self.notice =
                    Some("Kept aside for now: tandem offers it again next time it starts.".into());
            }
            Action::Type => {
                self.notice = None;
                self.type_key(key);
            }
            action => {
                self.notice = None;
                match &self.screen {
                    Screen::Onboarding(_) => self.onboarding_act(action),
                    Screen::Home(_) => self.home_act(action),
                    Screen::Library(_) => self.library_act(action),
                    Screen::Handoff(_) => self.handoff_act(action),
                    Screen::Turn(_) => self.turn_act(action),
                    Screen::SideBySide(_) => self.side_by_side_act(action),
                    Screen::Journal => self.journal_act(action),
                    Screen::Compare(_) => self.compare_act(action),
                    Screen::Agreements(_) => self.agreements_act(action),
                    Screen::Trends(_) => self.trends_act(action),
                }
            }
        }
    }

    /// A key that is text for the box being written in.
    fn type_key(&mut self, key: KeyEvent) {
        if matches!(self.overlay, Some(Overlay::Passphrase(_))) {
            self.passphrase_type(key);
            return;
        }
        if matches!(self.overlay, Some(Overlay::Picker(_))) {
            self.picker_type(key);
            return;
        }
        match &mut self.screen {
            Screen::Onboarding(_) => self.onboarding_type(key),
            Screen::Turn(turn) => {
                let changed = turn.editor.as_mut().is_some_and(|e| e.type_key(key));
                if changed {
                    self.answer_changed();
                }
            }
            Screen::SideBySide(s) => {
                if let Some(area) = s.view.note.as_mut() {
                    area.input(key);
                }
            }
            Screen::Journal => self.search_type(key),
            Screen::Agreements(_) => self.wording_type(key),
            _ => {}
        }
    }

    // --- first start --------------------------------------------------------

    // --- home and the library ------------------------------------------------
}

impl App {
    /// Closes the box over the screen, and gives back what it was.
    fn close_box(&mut self) -> Option<Overlay> {
        self.box_scroll = 0;
        self.overlay.take()
    }
}
