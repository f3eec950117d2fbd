//! The couple's two names: asked at the first start, changed later.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::{App, Effect, Home, Screen, editor};
use crate::keymap::Action;
use crate::model::{Couple, MAX_NAME_CHARS, normalize_line};

pub struct Onboarding {
    pub names: [TextArea<'static>; 2],
    pub focus: usize,
    pub error: Option<String>,
    /// Changing the names of a couple that has them: the names as they
    /// were, kept until the new ones are saved.
    pub renaming: Option<Couple>,
}

impl Onboarding {
    /// The names to fill in at the first start, or to change later.
    pub fn new(couple: Option<&Couple>) -> Onboarding {
        let name = |i: usize, placeholder| {
            let mut area =
                editor::line_area(couple.map_or("", |c| c.names[i].as_str()), placeholder);
            area.move_cursor(ratatui_textarea::CursorMove::End);
            area
        };
        Onboarding {
            names: [
                name(0, "first partner's name"),
                name(1, "second partner's name"),
            ],
            focus: 0,
            error: None,
            renaming: couple.cloned(),
        }
    }
}

pub(super) fn name_too_long() -> String {
    format!("Names can be at most {MAX_NAME_CHARS} characters long; please shorten this one.")
}

impl App {
    pub(super) fn onboarding_act(&mut self, action: Action) {
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
                } else if let Some(before) = o.renaming.take() {
                    let mut after = before.clone();
                    after.names = names;
                    self.effects.push(Effect::RenameCouple {
                        before: before.clone(),
                        after: after.clone(),
                    });
                    self.couple = Some(after);
                    self.screen = Screen::Home(Home::default());
                } else {
                    let [first, second] = names;
                    let couple = Couple::new(first, second, self.now());
                    self.effects.push(Effect::SaveCouple(couple.clone()));
                    self.couple = Some(couple);
                    self.screen = Screen::Home(Home::default());
                    // Sealing is chosen now, and can be changed later.
                    self.show_sealing(crate::model::Partner::First);
                }
            }
            Action::Back if o.renaming.is_some() => self.go_home(),
            _ => {}
        }
    }

    /// How saving new names went: on a failure the old names come back,
    /// and the message says why.
    pub fn couple_renamed(&mut self, before: Couple, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.notice = Some(
                    "Names changed. Pages already written keep the names they were written with."
                        .into(),
                );
            }
            Err(why) => {
                self.couple = Some(before);
                self.overlay = Some(super::Overlay::Message {
                    title: "Your names were not changed".into(),
                    body: format!(
                        "{why}

The names stay as they were."
                    ),
                });
            }
        }
    }

    pub(super) fn onboarding_type(&mut self, key: KeyEvent) {
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

    /// A name pasted at onboarding: refused whole, with a message, when it
    /// holds control characters or would make the name too long.
    pub(super) fn onboarding_paste(&mut self, text: &str) {
        let Screen::Onboarding(o) = &mut self.screen else {
            return;
        };
        let area = &mut o.names[o.focus];
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            o.error = Some(
                "That paste holds control characters, which a name cannot: please type the name instead."
                    .into(),
            );
            return;
        }
        let pasted = normalize_line(text).chars().count();
        if editor::text_of(area).chars().count() + pasted > MAX_NAME_CHARS {
            o.error = Some(name_too_long());
            return;
        }
        editor::line_paste(area, text);
        o.error = None;
    }
}
