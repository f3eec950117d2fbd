//! The agreements screen: every agreement made, in use first, and its
//! status changed in place.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::editor;
use super::moving::move_in;
use super::{App, Back, Effect, ReviewDecision, Screen};
use crate::index::{JournalIndex, PageSummary};
use crate::keymap::{Action, KeyContext};
use crate::model::{Agreement, AgreementStatus, normalize_line};

/// One line of the agreements screen.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementLine {
    pub page: String,
    pub page_title: String,
    pub index: usize,
    pub agreement: Agreement,
}

/// Every agreement in the journal: in use first (active, then to revisit),
/// retired last; the newest first within each.
pub fn agreement_lines(journal: &JournalIndex) -> Vec<AgreementLine> {
    agreements_in_order(journal)
        .into_iter()
        .map(AgreementLine::of)
        .collect()
}

/// An agreement where the journal keeps it: what the list is drawn from,
/// every frame, without copying a word.
#[derive(Clone, Copy, Debug)]
pub struct AgreementAt<'a> {
    pub page: &'a PageSummary,
    pub index: usize,
    pub agreement: &'a Agreement,
}

/// Every agreement, in the order of the agreements screen.
pub fn agreements_in_order(journal: &JournalIndex) -> Vec<AgreementAt<'_>> {
    let mut found: Vec<AgreementAt> = agreements_of(journal).collect();
    found.sort_by(in_list_order);
    found
}

/// Every agreement on a page tandem may change, with its page and place
/// there, in no particular order.
fn agreements_of(journal: &JournalIndex) -> impl Iterator<Item = AgreementAt<'_>> {
    journal
        .pages
        .iter()
        .filter(|p| p.read_only.is_none())
        .flat_map(|page| {
            page.agreements
                .iter()
                .enumerate()
                .map(move |(index, agreement)| AgreementAt {
                    page,
                    index,
                    agreement,
                })
        })
}

/// How many lines the agreements screen has.
pub fn agreement_count(journal: &JournalIndex) -> usize {
    agreements_of(journal).count()
}

impl AgreementLine {
    fn of(at: AgreementAt) -> AgreementLine {
        AgreementLine {
            page: at.page.id.clone(),
            page_title: at.page.title.clone(),
            index: at.index,
            agreement: at.agreement.clone(),
        }
    }
}

/// The agreements screen's order: in use first (active, then to revisit),
/// retired last, the newest first within each; agreements made together
/// keep the order they were written in, so a line's place is always the
/// same for the same statuses.
fn in_list_order(a: &AgreementAt, b: &AgreementAt) -> std::cmp::Ordering {
    fn key<'a>(l: &AgreementAt<'a>) -> (u8, std::cmp::Reverse<jiff::Timestamp>, &'a str, usize) {
        let rank = match l.agreement.status {
            AgreementStatus::Active => 0,
            AgreementStatus::Revisit => 1,
            AgreementStatus::Retired => 2,
        };
        (
            rank,
            std::cmp::Reverse(l.agreement.made),
            l.page.id.as_str(),
            l.index,
        )
    }
    key(a).cmp(&key(b))
}

/// The short exercise that writes down an agreement of the couple's own.
pub const AN_AGREEMENT: &str = "an-agreement";

/// Two wordings close enough to be the same agreement: the same words
/// whatever the case and spacing, or a near miss such as a typo.
fn same_agreement(a: &str, b: &str) -> bool {
    let plain = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(['.', '!'])
            .to_lowercase()
    };
    let (a, b) = (plain(a), plain(b));
    !a.is_empty() && (a == b || strsim::normalized_levenshtein(&a, &b) >= 0.9)
}

impl App {
    /// Agreements being written on the open page that the couple already
    /// has in use from another page: the one they have, for each.
    pub fn already_agreed(&self) -> Vec<AgreementLine> {
        let Screen::Turn(turn) = &self.screen else {
            return Vec::new();
        };
        // While they are written, and again on the card that finishes
        // talking it over, before they are kept.
        let items: Vec<String> = match (&turn.editor, turn.slot()) {
            (Some(super::FieldEditor::List(list)), Some(slot))
                if slot.kind == super::SlotKind::Agreements =>
            {
                list.items()
            }
            (_, None) if turn.partner.is_none() && turn.on_finish_card() => turn
                .open
                .page()
                .shared
                .agreements
                .iter()
                .map(|a| a.text.clone())
                .collect(),
            _ => return Vec::new(),
        };
        // Drawn with every frame of the step: the journal is looked through
        // without copying or ordering it, and only what matches is kept.
        let page = &turn.open.page().id;
        let mut found: Vec<AgreementLine> = Vec::new();
        for item in items {
            let same = agreements_of(&self.journal).find(|at| {
                &at.page.id != page
                    && at.agreement.status != AgreementStatus::Retired
                    && same_agreement(&at.agreement.text, &item)
            });
            if let Some(at) = same
                && !found
                    .iter()
                    .any(|l| l.page == at.page.id && l.index == at.index)
            {
                found.push(AgreementLine::of(at));
            }
        }
        found
    }
}

#[derive(Default)]
pub struct AgreementsView {
    pub selected: usize,
    /// Where Esc leads: the journal, when it was opened from there.
    pub back: Back,
    /// New words for the selected agreement, being written.
    pub wording: Option<Box<TextArea<'static>>>,
    /// The last status changed on this screen, for one key to take back:
    /// the agreement (page and index), what it was, and what it became.
    pub undo: Option<(String, usize, AgreementStatus, AgreementStatus)>,
}

impl App {
    pub(super) fn agreements_act(&mut self, action: Action) {
        if self.review_jump(action) {
            return;
        }
        if action == Action::NewAgreement {
            if let Some(exercise) = self.library.get(AN_AGREEMENT).cloned() {
                self.start_or_ask(&exercise);
            }
            return;
        }
        // What the selected line holds, taken out of the list, which is
        // borrowed from the journal and not copied.
        let lines = agreements_in_order(&self.journal);
        let count = lines.len();
        let line = lines.get(self.agreements_selected(count)).map(|at| {
            (
                at.page.id.clone(),
                at.index,
                at.agreement.text.clone(),
                at.agreement.status,
            )
        });
        let Screen::Agreements(view) = &mut self.screen else {
            return;
        };
        let last = count.saturating_sub(1);
        view.selected = view.selected.min(last);
        let back = view.back;
        let Some((page, index, text, current)) = line else {
            if action == Action::Back {
                self.leave_looking_back(back);
            }
            return;
        };
        if let Some(area) = &view.wording {
            let words = normalize_line(&editor::text_of(area));
            match action {
                Action::Back => view.wording = None,
                Action::KeepWords => {
                    view.wording = None;
                    if !words.is_empty() && words != text {
                        self.effects
                            .push(Effect::ReviewAgreements(vec![ReviewDecision {
                                item: super::ReviewItem {
                                    page,
                                    index,
                                    text,
                                    status: current,
                                },
                                status: current,
                                when: self.now(),
                                from: None,
                                wording: Some(words),
                            }]));
                        self.notice = Some(
                            "The new words are saved; the history keeps what it said before."
                                .into(),
                        );
                    }
                }
                _ => {}
            }
            return;
        }
        if move_in(&mut view.selected, action, last) {
            return;
        }
        if action == Action::UndoStatus {
            let Some((page, index, was, now)) = view.undo.take() else {
                return;
            };
            // Taken back as any change back made soon after on this
            // screen: it leaves no mark in the history.
            let text = agreements_in_order(&self.journal)
                .iter()
                .find(|l| l.page.id == page && l.index == index)
                .map(|l| l.agreement.text.clone())
                .unwrap_or_default();
            self.effects
                .push(Effect::ReviewAgreements(vec![ReviewDecision {
                    item: super::ReviewItem {
                        page: page.clone(),
                        index,
                        text,
                        status: now,
                    },
                    status: was,
                    when: self.now(),
                    from: None,
                    wording: None,
                }]));
            self.notice = Some(format!("Taken back: it is {} again.", was.in_words()));
            self.select_agreement_after_change(page, index, was);
            return;
        }
        let status = match action {
            Action::SetStatus(status) => Some(status),
            Action::NextStatus => Some(match current {
                AgreementStatus::Active => AgreementStatus::Revisit,
                AgreementStatus::Revisit => AgreementStatus::Retired,
                AgreementStatus::Retired => AgreementStatus::Active,
            }),
            Action::Reword => {
                let mut area = editor::wrapping_line_area(&text, "the agreement's words");
                area.move_cursor(ratatui_textarea::CursorMove::End);
                view.wording = Some(Box::new(area));
                None
            }
            Action::Open => {
                self.opening.back = Back::Agreements;
                self.effects.push(Effect::LoadPage(page.clone()));
                None
            }
            Action::Back => {
                self.leave_looking_back(back);
                None
            }
            _ => None,
        };
        if let Some(status) = status.filter(|s| *s != current) {
            let decision = ReviewDecision {
                item: super::ReviewItem {
                    page: page.clone(),
                    index,
                    text,
                    status: current,
                },
                status,
                when: self.now(),
                from: None,
                wording: None,
            };
            self.effects.push(Effect::ReviewAgreements(vec![decision]));
            if let Screen::Agreements(view) = &mut self.screen {
                view.undo = Some((page.clone(), index, current, status));
            }
            self.notice = Some(
                match crate::keymap::key_name(KeyContext::Agreements, Action::UndoStatus) {
                    Some(key) => format!("Now {}. {key} takes it back.", status.in_words()),
                    None => format!("Now {}.", status.in_words()),
                },
            );
            // Keep the same agreement selected after it moves in the list.
            self.select_agreement_after_change(page, index, status);
        }
    }

    /// The line selected on the agreements screen, within `count` lines.
    fn agreements_selected(&self, count: usize) -> usize {
        match &self.screen {
            Screen::Agreements(view) => view.selected.min(count.saturating_sub(1)),
            _ => 0,
        }
    }

    pub(super) fn wording_type(&mut self, key: KeyEvent) {
        if let Screen::Agreements(view) = &mut self.screen
            && let Some(area) = view.wording.as_mut()
        {
            editor::line_input(area, key);
        }
    }

    /// Text pasted into an agreement's new words.
    pub(super) fn wording_paste(&mut self, text: &str) {
        if let Screen::Agreements(view) = &mut self.screen
            && let Some(area) = view.wording.as_mut()
        {
            editor::line_paste(area, text);
        }
    }

    pub(super) fn select_agreement_after_change(
        &mut self,
        page: String,
        index: usize,
        status: AgreementStatus,
    ) {
        // The list orders by status, so work out where it will be.
        let mut lines = agreements_in_order(&self.journal);
        let changed = lines
            .iter()
            .position(|l| l.page.id == page && l.index == index);
        let moved = changed.map(|at| {
            let mut agreement = lines[at].agreement.clone();
            agreement.status = status;
            agreement
        });
        if let (Some(at), Some(moved)) = (changed, &moved) {
            lines[at].agreement = moved;
        }
        lines.sort_by(in_list_order);
        let position = lines
            .iter()
            .position(|l| l.page.id == page && l.index == index);
        if let (Screen::Agreements(view), Some(position)) = (&mut self.screen, position) {
            view.selected = position;
        }
    }
}
