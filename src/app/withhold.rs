//! What a partner may hold back on their own turn: passing a step, with
//! no reason asked or shown; and, in an exercise marked sensitive, the
//! private question of whether they can answer honestly here at all.

use super::{App, OnPage, Overlay, Pending, Screen, SlotKind};
use crate::keymap::{self, Action, KeyContext};
use crate::model::Partner;

/// What the private question before a sensitive turn was answered. Kept
/// for the turn only: never written anywhere, never shown to the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafeToAnswer {
    Yes,
    NotSure,
    No,
}

impl App {
    /// The step of one's own turn on screen, and whose turn it is.
    fn own_step(&self) -> Option<(Partner, String)> {
        let Screen::Turn(s) = &self.screen else {
            return None;
        };
        match &s.view.slot()?.kind {
            SlotKind::Own(partner) => Some((*partner, s.view.slot()?.step_id.clone())),
            _ => None,
        }
    }

    /// Whether the step on screen is one a partner answers alone, and so
    /// may pass.
    pub(super) fn may_pass(&self) -> bool {
        self.own_step().is_some()
    }

    /// Passes the step on screen, or takes the pass back. An answer
    /// already given is cleared only after a yes.
    pub(super) fn pass_step(&mut self) {
        self.store_editor();
        let Some((partner, step)) = self.own_step() else {
            return;
        };
        let Some(open) = self.open_page() else {
            return;
        };
        let entry = open.page().entry(partner);
        if entry.passed.contains(&step) {
            self.set_passed(false);
            self.notice = Some("Not passed any more: answer it as you like.".into());
        } else if entry.answers.contains_key(&step) {
            self.overlay = Some(Overlay::Confirm {
                title: "Pass this step?".into(),
                body: format!(
                    "What you have written for this step is cleared, and the reveal says only \"passed\".\n\n{}",
                    keymap::question("passes", "keeps your answer")
                ),
                yes: Pending::PassStep,
                no: None,
            });
        } else {
            self.set_passed(true);
        }
    }

    /// Marks the step on screen passed (its answer cleared), or not.
    pub(super) fn set_passed(&mut self, passed: bool) {
        let now = self.now();
        let Some((partner, step)) = self.own_step() else {
            return;
        };
        let Screen::Turn(s) = &mut self.screen else {
            return;
        };
        let OnPage { open, view } = &mut **s;
        let entry = open.page_mut().entry_mut(partner);
        if passed {
            entry.answers.remove(&step);
            entry.private.remove(&step);
            entry.passed.insert(step);
        } else {
            entry.passed.remove(&step);
        }
        entry.updated = Some(now);
        view.load_editor(open.page());
        open.changed();
        if passed {
            self.notice = Some("Passed. The reveal says \"passed\", and nothing more.".into());
        }
    }

    /// Keeps the answer on screen to its author for good, or shares it
    /// again. Keeping needs a passphrase: without one, it is asked for
    /// first.
    pub(super) fn keep_private(&mut self) {
        self.store_editor();
        let Some((partner, step)) = self.own_step() else {
            return;
        };
        if !self.seals(partner) {
            self.ask_passphrase(partner, super::KeyPurpose::New);
            self.notice = Some(
                "Keeping an answer to yourself needs a passphrase: it seals the answer for good."
                    .into(),
            );
            return;
        }
        let now = self.now();
        let other = self.names()[partner.other().index()].clone();
        let Screen::Turn(s) = &mut self.screen else {
            return;
        };
        let OnPage { open, .. } = &mut **s;
        let entry = open.page_mut().entry_mut(partner);
        let kept = if entry.private.remove(&step) {
            false
        } else {
            entry.passed.remove(&step);
            entry.private.insert(step)
        };
        entry.updated = Some(now);
        open.changed();
        self.notice = Some(if kept {
            format!("Kept to yourself: {other} sees only that you kept something private.")
        } else {
            format!("Shared again: {other} sees it at the reveal.")
        });
    }

    /// Asks the private question at the start of a turn in a sensitive
    /// exercise.
    pub(super) fn ask_safe_to_answer(&mut self, partner: Partner) {
        let names = self.names();
        let [me, other] = [partner, partner.other()].map(|p| names[p.index()].clone());
        self.overlay = Some(Overlay::SafeToAnswer {
            body: format!(
                "{me}, a question for you alone. Nothing of it is saved, and {other} will never see it.\n\nCan you answer honestly here, without fearing how {other} will react?"
            ),
        });
    }

    /// Whether the private question is on screen.
    pub fn asks_safe_to_answer(&self) -> bool {
        matches!(self.overlay, Some(Overlay::SafeToAnswer { .. }))
    }

    /// What the private question was answered: a doubt opens the safety
    /// screen, and says how to pass any step.
    pub(super) fn safe_to_answer(&mut self, answer: SafeToAnswer) {
        self.overlay = None;
        if answer == SafeToAnswer::Yes {
            return;
        }
        self.box_scroll = 0;
        self.overlay = Some(Overlay::Safety);
        self.notice = Some(format!(
            "{} passes any step; the reveal says \"passed\" and never why. {} pauses, keeping your answers.",
            keymap::says(KeyContext::WriteText, Action::Pass),
            keymap::says(KeyContext::WriteText, Action::Pause)
        ));
    }
}
