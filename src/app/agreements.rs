//! The agreements screen: every agreement made, in use first, and its
//! status changed in place.

use super::index::JournalIndex;
use super::keys::move_in;
use super::{App, Back, Effect, ReviewDecision, Screen};
use crate::keymap::Action;
use crate::model::{Agreement, AgreementStatus};

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
    let mut lines: Vec<AgreementLine> = journal
        .pages
        .iter()
        .filter(|p| p.read_only.is_none())
        .flat_map(|p| {
            p.agreements
                .iter()
                .enumerate()
                .map(move |(index, agreement)| AgreementLine {
                    page: p.id.clone(),
                    page_title: p.title.clone(),
                    index,
                    agreement: agreement.clone(),
                })
        })
        .collect();
    lines.sort_by(in_list_order);
    lines
}

/// The agreements screen's order: in use first (active, then to revisit),
/// retired last, the newest first within each; agreements made together
/// keep the order they were written in, so a line's place is always the
/// same for the same statuses.
fn in_list_order(a: &AgreementLine, b: &AgreementLine) -> std::cmp::Ordering {
    let rank = |l: &AgreementLine| match l.agreement.status {
        AgreementStatus::Active => 0,
        AgreementStatus::Revisit => 1,
        AgreementStatus::Retired => 2,
    };
    (
        rank(a),
        std::cmp::Reverse(a.agreement.made),
        &a.page,
        a.index,
    )
        .cmp(&(
            rank(b),
            std::cmp::Reverse(b.agreement.made),
            &b.page,
            b.index,
        ))
}

#[derive(Default)]
pub struct AgreementsView {
    pub selected: usize,
    /// Where Esc leads: the journal, when it was opened from there.
    pub back: Back,
}

impl App {
    pub(super) fn agreements_act(&mut self, action: Action) {
        if self.review_jump(action) {
            return;
        }
        let lines = agreement_lines(&self.journal);
        let Screen::Agreements(view) = &mut self.screen else {
            return;
        };
        let last = lines.len().saturating_sub(1);
        view.selected = view.selected.min(last);
        let back = view.back;
        let Some(line) = lines.get(view.selected) else {
            if action == Action::Back {
                self.leave_looking_back(back);
            }
            return;
        };
        if move_in(&mut view.selected, action, last) {
            return;
        }
        let status = match action {
            Action::SetStatus(status) => Some(status),
            Action::NextStatus => Some(match line.agreement.status {
                AgreementStatus::Active => AgreementStatus::Revisit,
                AgreementStatus::Revisit => AgreementStatus::Retired,
                AgreementStatus::Retired => AgreementStatus::Active,
            }),
            Action::Open => {
                self.opening.back = Back::Agreements;
                self.effects.push(Effect::LoadPage(line.page.clone()));
                None
            }
            Action::Back => {
                self.leave_looking_back(back);
                None
            }
            _ => None,
        };
        if let Some(status) = status.filter(|s| *s != line.agreement.status) {
            let decision = ReviewDecision {
                item: super::ReviewItem {
                    page: line.page.clone(),
                    index: line.index,
                    text: line.agreement.text.clone(),
                    status: line.agreement.status,
                },
                status,
                when: self.now(),
                from: None,
            };
            self.effects.push(Effect::ReviewAgreements(vec![decision]));
            // Keep the same agreement selected after it moves in the list.
            self.select_agreement_after_change(line.page.clone(), line.index, status);
        }
    }

    pub(super) fn select_agreement_after_change(
        &mut self,
        page: String,
        index: usize,
        status: AgreementStatus,
    ) {
        let mut lines = agreement_lines(&self.journal);
        if let Some(line) = lines
            .iter_mut()
            .find(|l| l.page == page && l.index == index)
        {
            line.agreement.status = status;
        }
        // The list orders by status, so work out where it will be.
        lines.sort_by(in_list_order);
        if let (Screen::Agreements(view), Some(position)) = (
            &mut self.screen,
            lines
                .iter()
                .position(|l| l.page == page && l.index == index),
        ) {
            view.selected = position;
        }
    }
}
