//! Passphrases, and the sealing they allow: setting one, changing it,
//! making a new key when one is forgotten, and opening what was sealed.
//!
//! When a key is open, in one place: a key is opened for one moment of
//! its owner's and dropped (wiped) as that moment's work is done. The
//! moments are the start of their own turn (their draft is opened, and
//! their key checked against `couple.ron`), their side of the reveal (their
//! entry is opened), one look at what they kept private, and a passphrase
//! change. The app never holds a key between two keys pressed: on a
//! shared computer both partners share one run, so "once per run" would
//! hand one partner's key to the other. Whatever a moment opened is sealed
//! again in memory when it ends ([`App::seal_idle_entries`]).
//!
//! Deriving a key from a passphrase and reading the key files are the
//! runtime's to do ([`Effect::MakeKey`], [`Effect::Unlock`],
//! [`Effect::ChangePassphrase`]); what a key opens is opened here.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::{App, Effect, Overlay, Pending, Screen};
use crate::keymap::{self, Action, KeyContext};
use crate::model::{EntryStatus, Partner};
use crate::seal::{self, KeyCheck, OpenKey, Passphrase, SealError};

/// What sealing a partner's earlier words came to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SealedEarlier {
    /// Pages whose words were sealed.
    pub sealed: usize,
    /// Pages holding unsealed words that could not be rewritten, each
    /// with its title and why.
    pub left: Vec<String>,
}

/// The box a passphrase is typed into, hidden as it is typed.
pub struct PassphraseBox {
    pub partner: Partner,
    pub purpose: KeyPurpose,
    pub stage: Stage,
    pub field: TextArea<'static>,
    /// The new passphrase, typed once, waiting to be typed again.
    first: Option<Passphrase>,
    /// The passphrase being changed.
    old: Option<Passphrase>,
    /// What went wrong with the last try, in words to act on.
    pub error: Option<String>,
    /// The passphrase was sent off and the answer has not come back.
    pub waiting: bool,
}

/// What a passphrase is typed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyPurpose {
    /// Open the key, then go on.
    Unlock(Then),
    /// A first passphrase, and a key with it.
    New,
    /// The forgotten passphrase's key is put aside and a new one made.
    Replace,
    /// The same key, with another passphrase.
    Change,
}

/// What happens once a key is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// The partner's own turn on the open page begins.
    Turn,
    /// The open page's sealed entries are opened, for the reveal.
    Reveal,
    /// The answers the partner kept private on the open page are shown
    /// to them.
    ReadKept,
}

/// Which question the box asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The passphrase there is (to open the key, or to change it).
    Current,
    New,
    Repeat,
}

impl PassphraseBox {
    fn new(partner: Partner, purpose: KeyPurpose) -> PassphraseBox {
        let stage = match purpose {
            KeyPurpose::Unlock(_) | KeyPurpose::Change => Stage::Current,
            KeyPurpose::New | KeyPurpose::Replace => Stage::New,
        };
        PassphraseBox {
            partner,
            purpose,
            stage,
            field: masked(),
            first: None,
            old: None,
            error: None,
            waiting: false,
        }
    }

    fn take_typed(&mut self) -> Passphrase {
        let field = std::mem::replace(&mut self.field, masked());
        let mut lines = field.into_lines();
        let typed = Passphrase::new(lines.join("\n"));
        lines.iter_mut().for_each(zeroize::Zeroize::zeroize);
        typed
    }
}

fn masked() -> TextArea<'static> {
    let mut field = TextArea::default();
    // No undo history: it would keep copies of what was typed.
    field.set_max_histories(0);
    field.set_mask_char('•');
    field.set_cursor_line_style(ratatui::style::Style::default());
    field
}

impl App {
    /// The public keys checked against their key files this run: the
    /// only ones words are sealed to.
    pub fn checked_keys(&self) -> &seal::Checked {
        &self.checked
    }

    /// Whether a partner has a passphrase, so that their words are sealed:
    /// `couple.ron` lists a key for them, or their key file is there.
    /// A partner whose words the journal holds sealed seals too: both
    /// signs above can be taken away by hand, the pages they sealed not.
    pub fn seals(&self, partner: Partner) -> bool {
        self.key_files[partner.index()]
            || self
                .couple
                .as_ref()
                .is_some_and(|c| c.key(partner).is_some())
            || self.journal.pages.iter().any(|p| p.sealed[partner.index()])
    }

    /// Opens the box about passphrases, with `partner` chosen.
    pub(super) fn show_sealing(&mut self, partner: Partner) {
        self.box_scroll = 0;
        self.overlay = Some(Overlay::Sealing { selected: partner });
    }

    pub(super) fn sealing_act(&mut self, action: Action) {
        let Some(Overlay::Sealing { selected }) = &mut self.overlay else {
            return;
        };
        let partner = *selected;
        self.notice = None;
        match action {
            Action::OtherPartner | Action::Up | Action::Down => *selected = partner.other(),
            Action::Partner(p) => *selected = p,
            Action::Open => {
                let purpose = if self.seals(partner) {
                    KeyPurpose::Change
                } else {
                    KeyPurpose::New
                };
                self.ask_passphrase(partner, purpose);
            }
            Action::NewKey if self.seals(partner) => {
                let name = self.names()[partner.index()].clone();
                self.overlay = Some(Overlay::Confirm {
                    title: format!("A new key for {name}?"),
                    body: format!(
                        "For a forgotten passphrase. {name} chooses a new passphrase, and from then on {name}'s unrevealed answers are sealed with the new key.\n\nWhat was sealed with the old key stays sealed: it is kept in the files, never deleted, and shows as \"(sealed)\". The old key is kept too, in case the passphrase comes back to mind.\n\n{}",
                        keymap::question("makes a new key", "keeps the old one")
                    ),
                    yes: Pending::NewKey(partner),
                    no: None,
                });
            }
            _ => {}
        }
    }

    /// Opens the box a passphrase is typed into.
    pub(super) fn ask_passphrase(&mut self, partner: Partner, purpose: KeyPurpose) {
        self.box_scroll = 0;
        self.overlay = Some(Overlay::Passphrase(Box::new(PassphraseBox::new(
            partner, purpose,
        ))));
    }

    pub(super) fn passphrase_type(&mut self, key: KeyEvent) {
        if let Some(Overlay::Passphrase(b)) = &mut self.overlay
            && !b.waiting
        {
            b.field.input(key);
            b.error = None;
        }
    }

    pub(super) fn passphrase_paste(&mut self, text: &str) {
        if let Some(Overlay::Passphrase(b)) = &mut self.overlay
            && !b.waiting
        {
            let line = text.lines().next().unwrap_or_default();
            b.field.insert_str(line);
            b.error = None;
        }
    }

    /// Enter in the passphrase box.
    pub(super) fn passphrase_entered(&mut self) {
        let Some(Overlay::Passphrase(b)) = &mut self.overlay else {
            return;
        };
        if b.waiting {
            return;
        }
        let typed = b.take_typed();
        let partner = b.partner;
        b.error = None;
        match (b.purpose, b.stage) {
            (KeyPurpose::Unlock(_), _) => {
                b.waiting = true;
                self.effects.push(Effect::Unlock {
                    partner,
                    passphrase: typed,
                });
            }
            (KeyPurpose::Change, Stage::Current) => {
                // The passphrase there is, checked before a new one is
                // asked for.
                b.old = Some(typed.clone());
                b.waiting = true;
                self.effects.push(Effect::Unlock {
                    partner,
                    passphrase: typed,
                });
            }
            (_, Stage::Current | Stage::New) => match typed.too_weak() {
                Some(why) => b.error = Some(why),
                None => {
                    b.first = Some(typed);
                    b.stage = Stage::Repeat;
                }
            },
            (purpose, Stage::Repeat) => {
                if b.first.as_ref() != Some(&typed) {
                    b.first = None;
                    b.stage = Stage::New;
                    b.error = Some("The two did not match. Type the new passphrase again.".into());
                    return;
                }
                b.waiting = true;
                let effect = match (purpose, b.old.take()) {
                    (KeyPurpose::Change, Some(old)) => Effect::ChangePassphrase {
                        partner,
                        old,
                        new: typed,
                    },
                    _ => Effect::MakeKey {
                        partner,
                        passphrase: typed,
                    },
                };
                self.effects.push(effect);
            }
        }
    }

    /// What came of opening a partner's key: it serves the moment it was
    /// opened for, and is dropped when this returns.
    pub fn unlocked(&mut self, partner: Partner, result: Result<OpenKey, SealError>) {
        let name = self.names()[partner.index()].clone();
        let purpose = match &mut self.overlay {
            Some(Overlay::Passphrase(b)) if b.partner == partner => {
                b.waiting = false;
                Some(b.purpose)
            }
            _ => None,
        };
        match result {
            Err(SealError::WrongPassphrase) if purpose.is_some() => {
                let Some(Overlay::Passphrase(b)) = &mut self.overlay else {
                    return;
                };
                b.error = Some(if b.purpose == KeyPurpose::Change {
                    b.old = None;
                    b.stage = Stage::Current;
                    format!("That is not {name}'s current passphrase; nothing was changed.")
                } else {
                    format!(
                        "That is not {name}'s passphrase; nothing was changed. Try again, or {}. (Forgotten it? On home, {} opens the passphrases, and {} there makes a new key.)",
                        keymap::says(KeyContext::Passphrase, Action::Close),
                        keymap::says(KeyContext::Home, Action::Sealing),
                        keymap::says(KeyContext::Sealing, Action::NewKey)
                    )
                });
            }
            Ok(key) => {
                if let Err(problem) = self.check_opened(partner, &key) {
                    self.overlay = Some(problem);
                    if purpose == Some(KeyPurpose::Unlock(Then::Reveal)) {
                        self.reveal_shut(format!(
                            "the key for {name} in couple.ron is not {name}'s own"
                        ));
                    }
                    return;
                }
                if purpose == Some(KeyPurpose::Change) {
                    // The passphrase there is was right: now the new one.
                    if let Some(Overlay::Passphrase(b)) = &mut self.overlay {
                        b.stage = Stage::New;
                    }
                    return;
                }
                self.overlay = None;
                match purpose {
                    Some(KeyPurpose::Unlock(Then::Turn)) => self.go_on_with_turn(partner, &key),
                    Some(KeyPurpose::Unlock(Then::Reveal)) => self.reveal_with(partner, &key),
                    Some(KeyPurpose::Unlock(Then::ReadKept)) => self.show_kept(partner, &key),
                    _ => {}
                }
            }
            Err(e) => {
                self.overlay = Some(Overlay::Message {
                    title: format!("{name}'s key could not be opened"),
                    body: format!("{}.", capitalized(&e.to_string())),
                });
                if purpose == Some(KeyPurpose::Unlock(Then::Reveal)) {
                    self.reveal_shut(format!("{name}'s key could not be opened"));
                }
            }
        }
    }

    /// Compares a key just opened with the public key `couple.ron` lists
    /// for its owner: words are sealed to that one, so it must be theirs.
    fn check_opened(&mut self, partner: Partner, key: &OpenKey) -> Result<(), Overlay> {
        let Some(couple) = &self.couple else {
            return Ok(());
        };
        let [name, other] = [partner, partner.other()].map(|p| couple.names[p.index()].clone());
        let file = crate::journal::key_file(partner);
        match seal::check_key(key, couple, partner) {
            KeyCheck::Matches => {
                self.checked.set(partner, key.public());
                Ok(())
            }
            KeyCheck::Swapped => Err(Overlay::Message {
                title: "The keys in couple.ron have changed places".into(),
                body: format!(
                    "couple.ron, in your journal folder, lists {name}'s key for {other} and {other}'s for {name}. Words sealed to the wrong one could be read by the wrong person, so nothing is sealed to either listing, and nothing was changed.\n\nTo go on, put the two keys listed under keys in couple.ron back in their order (the first is {}'s), or restore the file from a backup; tandem check points at them.",
                    couple.names[0]
                ),
            }),
            KeyCheck::Changed => {
                let what = match couple.key(partner) {
                    Some(_) => format!(
                        "lists a key for {name} that is not the one {name}'s passphrase opens ({file}). Whoever holds the listed key could read what is sealed to it, so nothing of {name}'s is sealed to it"
                    ),
                    None => format!(
                        "lists no key for {name}, though {name} has one ({file}). Without it, {name}'s words would be saved unsealed, so {name}'s turn does not start"
                    ),
                };
                Err(Overlay::Message {
                    title: format!("The key for {name} in couple.ron has been changed"),
                    body: format!(
                        "couple.ron, in your journal folder, {what}; nothing was changed. What {name} wrote before stays sealed to {name}'s own key.\n\nIf neither of you changed couple.ron, someone may have tried to read {name}'s answers. To go on, put {name}'s own key back in couple.ron:\n{}\n(it is also the \"# public key\" line of {file}), or restore couple.ron from a backup.",
                        key.public()
                    ),
                })
            }
        }
    }

    /// What came of making a partner's key (a first one, or a new one for
    /// a forgotten passphrase).
    pub fn key_made(&mut self, partner: Partner, result: Result<OpenKey, String>) {
        let name = self.names()[partner.index()].clone();
        let replaced = matches!(
            &self.overlay,
            Some(Overlay::Passphrase(b)) if b.purpose == KeyPurpose::Replace
        );
        match result {
            Ok(key) => {
                if let Some(couple) = &mut self.couple {
                    couple.keys[partner.index()] = Some(key.public().to_string());
                }
                // Made here and listed by us: checked by its making. The
                // key itself is not needed again until its owner's next
                // moment, and is dropped.
                self.checked.set(partner, key.public());
                self.key_files[partner.index()] = true;
                drop(key);
                // Words written before there was a passphrase are sealed
                // now, on every page not revealed.
                let open = self.open_page().map(|o| o.page().id.clone());
                self.effects.push(Effect::SealEarlier {
                    partner,
                    skip: open,
                });
                if matches!(self.screen, super::Screen::Turn(_)) {
                    // Asked for while keeping an answer: back to it.
                    self.overlay = None;
                    self.notice = Some(format!(
                        "{name}'s answers are sealed from now on. {} keeps this one to yourself.",
                        keymap::says(KeyContext::WriteText, Action::KeepPrivate)
                    ));
                } else {
                    self.show_sealing(partner);
                    self.notice = Some(if replaced {
                        format!(
                            "{name} has a new key. What the old one sealed stays sealed, and its file is kept."
                        )
                    } else {
                        format!("{name}'s answers are sealed from now on, until each reveal.")
                    });
                }
                // What is open is sealed when it is next saved.
                if let Some(open) = self.open_page_mut() {
                    open.changed();
                }
            }
            Err(why) => {
                self.overlay = Some(Overlay::Message {
                    title: format!("No key was made for {name}"),
                    body: format!("{why}\n\nNothing was changed."),
                });
            }
        }
    }

    /// What came of sealing a partner's words written before their
    /// passphrase: said in the footer, and pages that could not be
    /// rewritten named in a box.
    pub fn sealed_earlier(&mut self, partner: Partner, done: SealedEarlier) {
        let name = self.names()[partner.index()].clone();
        if done.sealed > 0 {
            let pages = crate::model::count(done.sealed, "earlier page", "earlier pages");
            self.notice = Some(format!(
                "{name}'s answers are sealed from now on, with {pages}."
            ));
        }
        if !done.left.is_empty() {
            self.overlay = Some(Overlay::Message {
                title: format!("Some of {name}'s earlier words are not sealed"),
                body: format!(
                    "These pages hold words {name} wrote before the passphrase, and tandem could not rewrite them, so those words can still be read in the files:\n\n{}\n\nThey are sealed the next time {name} works on them, once the file can be written.",
                    done.left.join("\n")
                ),
            });
        }
    }

    /// What came of changing a partner's passphrase.
    pub fn passphrase_changed(&mut self, partner: Partner, result: Result<(), SealError>) {
        let name = self.names()[partner.index()].clone();
        match result {
            Ok(()) => {
                self.show_sealing(partner);
                self.notice = Some(format!("{name}'s passphrase is changed."));
            }
            Err(SealError::WrongPassphrase) => {
                if let Some(Overlay::Passphrase(b)) = &mut self.overlay {
                    **b = PassphraseBox::new(partner, KeyPurpose::Change);
                    b.error = Some(format!(
                        "That is not {name}'s current passphrase; nothing was changed."
                    ));
                }
            }
            Err(e) => {
                self.overlay = Some(Overlay::Message {
                    title: format!("{name}'s passphrase was not changed"),
                    body: format!("{}.", capitalized(&e.to_string())),
                });
            }
        }
    }

    /// The reveal of the page on screen: asks for the passphrase of the
    /// first partner whose entry is still sealed; once none is, the page
    /// is saved with both answers open. An entry that can never be opened
    /// (sealed with a key since replaced) keeps both sides shut.
    pub(super) fn open_sealed_entries(&mut self) {
        let Some(couple) = &self.couple else {
            return;
        };
        let Some(open) = self.open_page() else {
            return;
        };
        let sealed: Vec<Partner> = Partner::BOTH
            .into_iter()
            .filter(|p| open.page().entry(*p).sealed.is_some())
            .collect();
        if let Some(&partner) = sealed
            .iter()
            .find(|p| !seal::opens_with_current_key(open.page(), couple, **p))
        {
            let name = couple.names[partner.index()].clone();
            self.reveal_shut(format!(
                "{} Since the two of you see both sides or neither, neither is shown",
                not_listed(&name)
            ));
            return;
        }
        match sealed.first() {
            Some(&partner) => self.ask_passphrase(partner, KeyPurpose::Unlock(Then::Reveal)),
            None => self.save_if_dirty(),
        }
    }

    /// A partner's side of the reveal: their entry opened with their key.
    fn reveal_with(&mut self, partner: Partner, key: &OpenKey) {
        let name = self.names()[partner.index()].clone();
        let Some(open) = self.open_page_mut() else {
            return;
        };
        match seal::open_entry(open.page_mut().entry_mut(partner), key) {
            Ok(()) => {
                open.changed();
                self.open_sealed_entries();
            }
            Err(e) => self.reveal_shut(format!("{name}'s sealed answers could not be opened: {e}")),
        }
    }

    /// Says why the page on screen cannot be revealed: nothing of either
    /// entry is shown, the couple cannot go on together, and the page is
    /// not written again (unless it holds changes of its own to keep).
    pub(super) fn reveal_shut(&mut self, why: String) {
        if let Screen::SideBySide(s) = &mut self.screen {
            if !s.open.dirty {
                s.open.access = crate::journal::Access::ReadOnly(why.clone());
            }
            s.view.shut = Some(why);
        }
    }

    /// Starts a partner's turn on the open page: with a passphrase, only
    /// once they typed it (their key is checked, and their draft opened);
    /// false when it cannot be started now (a passphrase is asked for, or
    /// a message says why).
    pub(super) fn turn_may_start(&mut self, partner: Partner) -> bool {
        let Some(couple) = &self.couple else {
            return true;
        };
        let name = couple.names[partner.index()].clone();
        let Some(open) = self.open_page() else {
            return true;
        };
        // Sealed words are never gone on with unopened: the turn would
        // show them empty and write new words beside them.
        if open.page().entry(partner).sealed.is_some()
            && !seal::opens_with_current_key(open.page(), couple, partner)
        {
            self.overlay = Some(Overlay::Message {
                title: "This page cannot be continued".into(),
                body: format!(
                    "{}\n\nTo do this exercise now, start it again from the library: it makes a new page.",
                    not_listed(&name)
                ),
            });
            return false;
        }
        if !self.seals(partner) {
            return true;
        }
        self.ask_passphrase(partner, KeyPurpose::Unlock(Then::Turn));
        false
    }

    /// The passphrase for a turn was right: the draft is opened with the
    /// key, and the turn begins.
    fn go_on_with_turn(&mut self, partner: Partner, key: &OpenKey) {
        let name = self.names()[partner.index()].clone();
        let Some(open) = self.open_page_mut() else {
            return;
        };
        if let Err(e) = seal::open_entry(open.page_mut().entry_mut(partner), key) {
            self.overlay = Some(Overlay::Message {
                title: format!("{name}'s answers could not be opened"),
                body: format!("{}.", capitalized(&e.to_string())),
            });
            return;
        }
        self.start_turn(partner);
    }

    /// Seals again, in memory, what a partner's moment opened once it is
    /// over: the words of each partner with a checked key who is not the
    /// one working on screen. Left open only on a page both finished,
    /// where the reveal opens both sides (a partner who just finished is
    /// not asked again for what they just wrote).
    pub(super) fn seal_idle_entries(&mut self) {
        let App {
            couple: Some(couple),
            checked,
            screen,
            ..
        } = self
        else {
            return;
        };
        let (open, working) = match screen {
            Screen::Turn(s) => (&mut s.open, s.view.partner),
            Screen::Handoff(s) => (&mut s.open, None),
            Screen::SideBySide(s) => (&mut s.open, None),
            _ => return,
        };
        if open
            .page()
            .entries
            .iter()
            .all(|e| e.status == EntryStatus::Done)
        {
            return;
        }
        for partner in Partner::BOTH {
            let entry = open.page().entry(partner);
            if Some(partner) == working || entry.sealed.is_some() || !entry.has_words() {
                continue;
            }
            if let Some(to) = checked.recipient(couple, partner) {
                // On failure the words stay as they were, and the next
                // save says why.
                let _ = seal::seal_entry(open.page_mut().entry_mut(partner), to);
            }
        }
    }

    /// Whose answers kept private on the open page to show: asks when
    /// both kept some.
    pub(super) fn read_kept(&mut self) {
        let Some(open) = self.open_page() else {
            return;
        };
        let keeping: Vec<Partner> = Partner::BOTH
            .into_iter()
            .filter(|p| !open.page().entry(*p).private.is_empty())
            .collect();
        let names = self.names();
        match keeping.as_slice() {
            [one] => self.read_kept_of(*one),
            [_, _] => {
                self.overlay = Some(Overlay::Confirm {
                    title: "Whose answers kept private?".into(),
                    body: format!(
                        "Each of you reads only your own, with your passphrase.\n\n{} {}'s · {} {}'s · {} neither",
                        keymap::says(KeyContext::Confirm, Action::Confirm),
                        names[0],
                        keymap::says(KeyContext::Confirm, Action::Decline),
                        names[1],
                        keymap::says(KeyContext::Confirm, Action::Close)
                    ),
                    yes: Pending::ReadKept(Partner::First),
                    no: Some(Pending::ReadKept(Partner::Second)),
                });
            }
            _ => {}
        }
    }

    /// Shows a partner the answers they kept private, once they typed
    /// their passphrase: every time.
    pub(super) fn read_kept_of(&mut self, partner: Partner) {
        self.ask_passphrase(partner, KeyPurpose::Unlock(Then::ReadKept));
    }

    fn show_kept(&mut self, partner: Partner, key: &OpenKey) {
        let name = self.names()[partner.index()].clone();
        let other = self.names()[partner.other().index()].clone();
        let Some(open) = self.open_page() else {
            return;
        };
        let exercise = self.library.get(&open.page().exercise);
        let entry = open.page().entry(partner);
        // Kept words are sealed when the page is saved after the reveal;
        // until then, in this run, they are still in the open entry.
        let kept = match &entry.kept {
            Some(_) => seal::open_kept(entry, key),
            None => Ok(entry
                .answers
                .iter()
                .filter(|(step, _)| entry.private.contains(*step))
                .map(|(step, answer)| (step.clone(), answer.clone()))
                .collect()),
        };
        let body = match kept {
            Ok(kept) => {
                let mut body = format!("Only for {name}: {other}, please look away.\n");
                for (step, answer) in &kept {
                    let (prompt, lines) = match exercise.and_then(|e| e.step(step)) {
                        Some(s) => (
                            s.prompt.clone(),
                            crate::compare::plain_answer(answer, &s.field),
                        ),
                        None => (step.clone(), vec![format!("{answer:?}")]),
                    };
                    body.push_str(&format!("\n{prompt}\n{}\n", lines.join("\n")));
                }
                body
            }
            Err(e) => format!("{}.", capitalized(&e.to_string())),
        };
        self.box_scroll = 0;
        self.overlay = Some(Overlay::Message {
            title: format!("What {name} kept private"),
            body,
        });
    }

    /// Makes a new key for a partner who forgot their passphrase, once
    /// they said yes.
    pub(super) fn replace_key(&mut self, partner: Partner) {
        self.ask_passphrase(partner, KeyPurpose::Replace);
    }
}

/// Why a partner's sealed words cannot be opened with the key
/// `couple.ron` lists for them.
fn not_listed(name: &str) -> String {
    format!(
        "{name}'s answers on this page are sealed to a key that couple.ron no longer lists for {name}: a new key was made after a forgotten passphrase, or couple.ron was changed since. They stay sealed in the file, never deleted. If neither of you made a new key, tandem check says what changed in couple.ron."
    )
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
