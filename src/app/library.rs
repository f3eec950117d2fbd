//! The exercise library: choosing an exercise and starting a page of it.

use super::moving::{move_in, scroll};
use super::{App, Screen};
use crate::keymap::Action;

#[derive(Default)]
pub struct LibraryView {
    pub selected: usize,
    pub scroll: u16,
}

impl App {
    pub(super) fn library_act(&mut self, action: Action) {
        let count = self.library.entries().len();
        let view_size = self.measured;
        let Screen::Library(view) = &mut self.screen else {
            return;
        };
        let last = count.saturating_sub(1);
        match action {
            Action::Up | Action::Down => {
                move_in(&mut view.selected, action, last);
                view.scroll = 0;
            }
            Action::PageUp | Action::PageDown => {
                scroll(&mut view.scroll, action, view_size);
            }
            Action::Back => self.go_home(),
            Action::Open => {
                let selected = view.selected;
                if let Some(entry) = self.library.entries().get(selected) {
                    let exercise = entry.exercise.clone();
                    self.start_or_ask(&exercise);
                }
            }
            _ => {}
        }
    }
}
