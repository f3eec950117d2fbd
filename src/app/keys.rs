//! From a key to what it does: the key is resolved through the table of the
//! context it is pressed in ([`crate::keymap`]), and only the action it
//! resolves to is carried out. The same table writes the footer and the
//! help, so what they promise is what happens.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{
    AgreementsView, App, Effect, FieldEditor, Home, HomeItem, LibraryView, Overlay, Screen,
    TrendsView, editor, name_too_long,
};
use crate::journal::Access;
use crate::keymap::{self, Action, KeyContext};
use crate::model::{Couple, MAX_NAME_CHARS, PageStatus, normalize_line};

impl App {
    /// The table that applies right now.
    pub fn key_context(&self) -> KeyContext {
        match self.overlay {
            Some(Overlay::Help(_)) => KeyContext::Help,
            Some(Overlay::Message { .. }) => KeyContext::Message,
            Some(Overlay::Recovery(_)) => KeyContext::Recovery,
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
            Screen::SideBySide(_) if open.is_some_and(|o| o.access != Access::Writable) => {
                KeyContext::ReadOnlyPage
            }
            Screen::SideBySide(_)
                if open.is_some_and(|o| o.page.status() == PageStatus::Discussed) =>
            {
                KeyContext::ReadPage
            }
            Screen::SideBySide(_) => KeyContext::SideBySide,
            Screen::Journal if self.journal_view.search.is_some() => KeyContext::Search,
            Screen::Journal => KeyContext::Journal,
            Screen::Compare(_) => KeyContext::Compare,
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
        self.can_in(self.key_context(), action)
    }

    fn can_in(&self, context: KeyContext, action: Action) -> bool {
        if action == Action::Save {
            return self.couple_unsaved || self.page_unsaved();
        }
        if context.is_box() {
            return true;
        }
        match (&self.screen, action) {
            (Screen::Turn(turn), Action::PreviousStep) => turn.index > 0,
            (Screen::Turn(turn), Action::NextStep) => !turn.on_finish_card(),
            (Screen::Turn(turn), _) => match (&turn.editor, turn.slot().map(|s| &s.field)) {
                (Some(FieldEditor::Grid(grid)), Some(crate::model::Field::Grid(def))) => {
                    grid.can(def, action)
                }
                _ => true,
            },
            (Screen::Journal, action) => self.journal_can(action),
            (Screen::Agreements(_), action) => self.agreements_can(action),
            _ => true,
        }
    }

    /// The entries of `context`'s table that can do something now: what
    /// the footer and the help show.
    pub fn available_keys(&self, context: KeyContext) -> Vec<&'static keymap::Binding> {
        keymap::table(context)
            .into_iter()
            .filter(|b| b.actions().any(|a| self.can_in(context, a)))
            .collect()
    }

    pub(super) fn on_key(&mut self, key: KeyEvent) {
        let context = self.key_context();
        let action = keymap::resolve(context, key);
        // Nothing typed blind goes into an answer or moves anything; only
        // quitting works while the window is too small to show the screen.
        if self.measured.too_small && action != Some(Action::Quit) {
            return;
        }
        match action {
            Some(action) if self.can_in(context, action) => self.act(action, key),
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
            Action::Help => self.overlay = Some(Overlay::Help(self.screen_context())),
            Action::Quit => self.quit(),
            Action::Save => {
                self.store_editor();
                self.save_couple_if_unsaved();
                if let Some(effect) = self.autosave() {
                    self.save_asked = true;
                    self.effects.push(effect);
                }
            }
            Action::Close => self.overlay = None,
            Action::Restore => {
                if let Some(Overlay::Recovery(found)) = self.overlay.take() {
                    self.effects.push(Effect::Restore(found));
                }
            }
            Action::NotNow => {
                self.overlay = None;
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
            _ => {}
        }
    }

    // --- first start --------------------------------------------------------

    fn onboarding_act(&mut self, action: Action) {
        let Screen::Onboarding(o) = &mut self.screen else {
            return;
        };
        match action {
            Action::OtherName => o.focus = 1 - o.focus,
            Action::Open if o.focus == 0 => o.focus = 1,
            Action::Open => {
                let names = [0, 1].map(|i| normalize_line(&editor::text_of(&o.names[i])));
                let too_long = names
                    .iter()
                    .position(|n| n.chars().count() > MAX_NAME_CHARS);
                if names.iter().any(String::is_empty) {
                    o.error = Some("Please write both names.".into());
                    o.focus = if names[0].is_empty() { 0 } else { 1 };
                } else if let Some(i) = too_long {
                    o.error = Some(name_too_long());
                    o.focus = i;
                } else if names[0] == names[1] {
                    o.error = Some(
                        "Please use two different names, so your answers can be told apart.".into(),
                    );
                } else {
                    let [first, second] = names;
                    let couple = Couple::new(first, second, self.now());
                    self.effects.push(Effect::SaveCouple(couple.clone()));
                    self.couple = Some(couple);
                    self.screen = Screen::Home(Home::default());
                }
            }
            _ => {}
        }
    }

    fn onboarding_type(&mut self, key: KeyEvent) {
        let Screen::Onboarding(o) = &mut self.screen else {
            return;
        };
        let focus = o.focus;
        let full = editor::text_of(&o.names[focus]).chars().count() >= MAX_NAME_CHARS;
        let typed = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if full && typed {
            o.error = Some(name_too_long());
        } else if editor::line_input(&mut o.names[focus], key) {
            o.error = None;
        }
    }

    // --- home and the library ------------------------------------------------

    fn home_act(&mut self, action: Action) {
        let items = self.home_items();
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        let last = items.len().saturating_sub(1);
        match action {
            Action::Up => home.selected = home.selected.saturating_sub(1),
            Action::Down => home.selected = (home.selected + 1).min(last),
            Action::First => home.selected = 0,
            Action::Last => home.selected = last,
            Action::NewExercise => self.screen = Screen::Library(LibraryView::default()),
            Action::ShowJournal => self.show_journal(),
            Action::ShowTrends => self.screen = Screen::Trends(TrendsView::default()),
            Action::ShowAgreements => self.screen = Screen::Agreements(AgreementsView::default()),
            Action::Open => match items.get(home.selected.min(last)) {
                Some(HomeItem::Page(i)) => {
                    let id = self.journal.pages[*i].id.clone();
                    self.effects.push(Effect::LoadPage(id));
                }
                Some(HomeItem::Unreadable(i)) => {
                    let problem = self.journal.unreadable[*i].problem.clone();
                    self.show_problem(&problem);
                }
                None => self.screen = Screen::Library(LibraryView::default()),
            },
            _ => {}
        }
    }

    fn library_act(&mut self, action: Action) {
        let count = self.library.entries().len();
        let max = self.measured.max_scroll_u16();
        let Screen::Library(view) = &mut self.screen else {
            return;
        };
        let last = count.saturating_sub(1);
        match action {
            Action::Up => {
                view.selected = view.selected.saturating_sub(1);
                view.scroll = 0;
            }
            Action::Down => {
                view.selected = (view.selected + 1).min(last);
                view.scroll = 0;
            }
            Action::PageUp | Action::PageDown => {
                scroll(&mut view.scroll, action, max);
            }
            Action::Back => self.go_home(),
            Action::Open => {
                let selected = view.selected;
                if let Some(entry) = self.library.entries().get(selected) {
                    let exercise = entry.exercise.clone();
                    self.start_page(&exercise);
                }
            }
            _ => {}
        }
    }
}

/// Moves a scrolled view; returns whether the action was a move. `max`
/// keeps the view within its content, so the way back up is never longer
/// than the page.
pub(super) fn scroll(scroll: &mut u16, action: Action, max: u16) -> bool {
    *scroll = (*scroll).min(max);
    let next = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(10),
        Action::PageDown => scroll.saturating_add(10),
        Action::First => 0,
        Action::Last => max,
        _ => return false,
    };
    *scroll = next.min(max);
    true
}
