//! The reveal rule, in one place: what of a page may be shown, and to whom.
//!
//! Until both partners have finished their part, neither sees a word of the
//! other's entry, on any screen or in any command. A partner working their
//! own turn sees their own answers (the turn's editors read them through
//! [`own_answer`]); everything that shows both partners' answers takes a
//! [`Revealed`] page, which only [`reveal`] can make. Home, the journal's
//! preview and search, trends, agreements, opening and comparing pages,
//! `show` and `export` all go through here.

use std::collections::BTreeMap;

use crate::model::{Agreement, Answer, EntryStatus, Exercise, Page, Partner, Step};

/// A page whose answers may be shown to both partners: both have finished.
#[derive(Clone, Copy, Debug)]
pub struct Revealed<'a> {
    page: &'a Page,
}

/// The page as both partners may see it, or `None` while either has not
/// finished, or either's words are still sealed: the reveal is
/// symmetric, so nothing of one side shows while the other's is shut.
pub fn reveal(page: &Page) -> Option<Revealed<'_>> {
    Partner::BOTH
        .iter()
        .all(|p| {
            let entry = page.entry(*p);
            entry.status == EntryStatus::Done && entry.sealed.is_none()
        })
        .then_some(Revealed { page })
}

/// Why a page's answers are not shown, in the words every command and
/// export uses.
pub fn not_revealed_words(page: &Page) -> &'static str {
    let both_done = Partner::BOTH
        .iter()
        .all(|p| page.entry(*p).status == EntryStatus::Done);
    if both_done {
        "You have both finished; the answers are shown once each of you with a passphrase has opened your side in tandem."
    } else {
        "The answers are private until both partners have finished."
    }
}

/// What a partner wrote on a page, for that partner's own turn only.
pub fn own_answer<'a>(page: &'a Page, author: Partner, step: &str) -> Option<&'a Answer> {
    page.entry(author).answers.get(step)
}

/// What the couple wrote together before their turns (the topic), shown
/// to both at any time: neither partner wrote it alone. Only the answers to
/// the exercise's `Opening` steps; anything else under `shared` waits for
/// the reveal like the rest.
pub fn opening_answers<'a>(page: &'a Page, exercise: &'a Exercise) -> Vec<(&'a Step, &'a Answer)> {
    exercise
        .opening_steps()
        .filter_map(|step| Some((step, page.shared.answers.get(&step.id)?)))
        .collect()
}

impl<'a> Revealed<'a> {
    pub fn page(&self) -> &'a Page {
        self.page
    }

    /// One partner's answer to one step; none where it is withheld.
    pub fn answer(&self, partner: Partner, step: &str) -> Option<&'a Answer> {
        if self.withheld(partner, step).is_some() {
            return None;
        }
        self.page.entry(partner).answers.get(step)
    }

    /// Every answer of one partner that may be shown, by step id.
    pub fn answers(&self, partner: Partner) -> impl Iterator<Item = (&'a String, &'a Answer)> {
        let page = *self;
        self.page
            .entry(partner)
            .answers
            .iter()
            .filter(move |(step, _)| page.withheld(partner, step).is_none())
    }

    /// Why a partner's answer to a step is not shown, when it is not:
    /// said in place of the answer, with no reason given.
    pub fn withheld(&self, partner: Partner, step: &str) -> Option<Withheld> {
        let entry = self.page.entry(partner);
        if entry.sealed.is_some() {
            Some(Withheld::Sealed)
        } else if entry.private.contains(step) {
            Some(Withheld::KeptPrivate)
        } else if entry.passed.contains(step) {
            Some(Withheld::Passed)
        } else {
            None
        }
    }

    /// What stands in place of a partner's answer that is not shown:
    /// "(passed)", or "(no answer)".
    pub fn absent(&self, partner: Partner, step: &str) -> &'static str {
        self.withheld(partner, step)
            .map_or("(no answer)", Withheld::words)
    }

    /// What the couple wrote together after the reveal.
    pub fn shared_answers(&self) -> &'a BTreeMap<String, Answer> {
        &self.page.shared.answers
    }

    pub fn agreements(&self) -> &'a [Agreement] {
        &self.page.shared.agreements
    }
}

/// What the reveal says in place of an answer that is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld {
    /// The partner passed the step.
    Passed,
    /// The partner keeps the answer to themselves.
    KeptPrivate,
    /// The partner's words are sealed to their key, and not opened (or
    /// sealed with a key since replaced).
    Sealed,
}

impl Withheld {
    /// The words every screen, command and export shows instead.
    pub fn words(self) -> &'static str {
        match self {
            Withheld::Passed => "(passed)",
            Withheld::KeptPrivate => "(kept private)",
            Withheld::Sealed => "(sealed)",
        }
    }
}

/// The agreements of a page that may be shown: agreements are written
/// together after the reveal, so a page not revealed shows none, even if
/// its file holds some.
pub fn agreements(page: &Page) -> &[Agreement] {
    reveal(page).map_or(&[], |r| r.agreements())
}
