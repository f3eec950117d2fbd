//! Choosing one of many by typing part of its name: the journal's filters
//! by exercise and by category, and the measure the trends screen shows.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::browse::Filter;
use super::{App, Overlay, Screen, editor, trends};
use crate::keymap::Action;
use crate::model::{Category, Search};

/// What a pick is for, and so what choosing does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickFor {
    Category,
    Exercise,
    Measure,
}

/// The choices of a picker and what has been typed to narrow them.
pub struct Picker {
    pub title: &'static str,
    pub purpose: PickFor,
    /// What each choice says, and what choosing it sets (`None`: "every").
    pub items: Vec<(String, Option<String>)>,
    pub query: TextArea<'static>,
    /// The chosen one, among those the typed words leave.
    pub selected: usize,
}

impl Picker {
    fn new(
        title: &'static str,
        purpose: PickFor,
        items: Vec<(String, Option<String>)>,
        current: Option<&str>,
    ) -> Picker {
        let selected = items
            .iter()
            .position(|(_, value)| value.as_deref() == current)
            .unwrap_or(0);
        Picker {
            title,
            purpose,
            items,
            query: editor::line_area("", "type to narrow the list"),
            selected,
        }
    }

    /// The choices the typed words leave, by their place in `items`.
    pub fn shown(&self) -> Vec<usize> {
        let search = Search::new(&editor::text_of(&self.query));
        self.items
            .iter()
            .enumerate()
            .filter(|(_, (label, _))| search.is_in(label))
            .map(|(i, _)| i)
            .collect()
    }
}

impl App {
    /// The journal's exercise filter, to choose by name: the exercises of
    /// the journal (within the category chosen), with their pages counted.
    pub(super) fn pick_exercise(&mut self) {
        let category = self.journal_view.filter.category;
        let mut items = vec![("every exercise".to_string(), None)];
        for exercise in self.library.exercises() {
            let pages = self
                .journal
                .pages
                .iter()
                .filter(|p| p.exercise == exercise.id && category.is_none_or(|c| c == p.category))
                .count();
            if pages > 0 {
                items.push((
                    format!(
                        "{} ({})",
                        exercise.title,
                        crate::model::count(pages, "page", "pages")
                    ),
                    Some(exercise.id.clone()),
                ));
            }
        }
        let current = self.journal_view.filter.exercise.clone();
        self.open_picker(Picker::new(
            "Show one exercise",
            PickFor::Exercise,
            items,
            current.as_deref(),
        ));
    }

    /// The journal's category filter, to choose by name.
    pub(super) fn pick_category(&mut self) {
        let mut items = vec![("every category".to_string(), None)];
        for category in Category::ALL {
            let pages = self
                .journal
                .pages
                .iter()
                .filter(|p| p.category == category)
                .count();
            items.push((
                format!(
                    "{} ({})",
                    category.label(),
                    crate::model::count(pages, "page", "pages")
                ),
                Some(category.label().to_string()),
            ));
        }
        let current = self.journal_view.filter.category.map(|c| c.label());
        self.open_picker(Picker::new(
            "Show one category",
            PickFor::Category,
            items,
            current,
        ));
    }

    /// The measure the trends screen shows, to find by name.
    pub(super) fn pick_measure(&mut self) {
        let all = trends::measures(&self.journal, &self.library);
        let items = all
            .iter()
            .enumerate()
            .map(|(i, m)| (trends::describe(&self.library, m).0, Some(i.to_string())))
            .collect();
        let current = match &self.screen {
            Screen::Trends(view) => Some(view.measure.to_string()),
            _ => None,
        };
        self.open_picker(Picker::new(
            "Find a measure",
            PickFor::Measure,
            items,
            current.as_deref(),
        ));
    }

    fn open_picker(&mut self, picker: Picker) {
        self.box_scroll = 0;
        self.overlay = Some(Overlay::Picker(Box::new(picker)));
    }

    /// A key of the picker that is not text.
    pub(super) fn picker_act(&mut self, action: Action) {
        let Some(Overlay::Picker(picker)) = &mut self.overlay else {
            return;
        };
        let shown = picker.shown();
        let last = shown.len().saturating_sub(1);
        if super::moving::move_in(&mut picker.selected, action, last) {
            return;
        }
        if action != Action::Open {
            return;
        }
        let Some(&chosen) = shown.get(picker.selected.min(last)) else {
            return;
        };
        let purpose = picker.purpose;
        let value = picker.items[chosen].1.clone();
        self.overlay = None;
        self.picked(purpose, value);
    }

    fn picked(&mut self, purpose: PickFor, value: Option<String>) {
        let now = self.now();
        match purpose {
            PickFor::Exercise => self.journal_view.filter.exercise = value,
            PickFor::Category => {
                let category =
                    value.and_then(|v| Category::ALL.into_iter().find(|c| c.label() == v));
                let filter: &mut Filter = &mut self.journal_view.filter;
                filter.category = category;
                // An exercise of another category would leave the list empty.
                let elsewhere = |id: &String| {
                    self.library
                        .get(id)
                        .is_some_and(|e| category.is_some_and(|c| c != e.category))
                };
                if filter.exercise.as_ref().is_some_and(elsewhere) {
                    filter.exercise = None;
                }
            }
            PickFor::Measure => {
                let all = trends::measures(&self.journal, &self.library);
                if let (Some(at), Screen::Trends(view)) = (
                    value.and_then(|v| v.parse::<usize>().ok()),
                    &mut self.screen,
                ) {
                    view.measure = at.min(all.len().saturating_sub(1));
                    self.last_measure = all.get(view.measure).cloned();
                }
                return;
            }
        }
        self.journal_view.refresh(&self.journal, now);
    }

    /// A key typed into the picker: the list narrows, the first that is
    /// left is chosen.
    pub(super) fn picker_type(&mut self, key: KeyEvent) {
        self.picker_edit(|area| editor::line_input(area, key));
    }

    pub(super) fn picker_paste(&mut self, text: &str) {
        self.picker_edit(|area| editor::line_paste(area, text));
    }

    fn picker_edit(&mut self, edit: impl FnOnce(&mut TextArea<'static>) -> bool) {
        if let Some(Overlay::Picker(picker)) = &mut self.overlay
            && edit(&mut picker.query)
        {
            picker.selected = 0;
        }
    }
}
