//! Passphrases, and the sealing they allow: setting one, changing it,
//! making a new key when one is forgotten, and opening what was sealed
//! (one's own draft, or both entries at the reveal) once per run.
//!
//! Deriving a key from a passphrase and reading the key files are the
//! runtime's to do ([`Effect::MakeKey`], [`Effect::Unlock`],
//! [`Effect::ChangePassphrase`]); what a key opens is opened here.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::{App, Effect, Overlay, Pending};
use crate::keymap::Action;
use crate::model::Partner;
use crate::seal::{self, OpenKey, Passphrase, SealError};

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
        let typed = Passphrase::new(self.field.lines().join("\n"));
        self.field = masked();
        typed
    }
}

fn masked() -> TextArea<'static> {
    let mut field = TextArea::default();
    field.set_mask_char('•');
    field.set_cursor_line_style(ratatui::style::Style::default());
    field
}

impl App {
    /// The key of a partner, if it was opened since tandem started.
    pub fn open_key(&self, partner: Partner) -> Option<&OpenKey> {
        self.open_keys[partner.index()].as_ref()
    }

    /// Whether a partner has a passphrase, so that their words are sealed.
    pub fn seals(&self, partner: Partner) -> bool {
        self.couple
            .as_ref()
            .is_some_and(|c| c.key(partner).is_some())
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
                        "For a forgotten passphrase. {name} chooses a new passphrase, and from then on {name}'s unrevealed answers are sealed with the new key.\n\nWhat was sealed with the old key stays sealed: it is kept in the files, never deleted, and shows as \"(sealed)\". The old key is kept too, in case the passphrase comes back to mind.\n\ny makes a new key · n or Esc keeps the old one"
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

    /// What came of opening a partner's key.
    pub fn unlocked(&mut self, partner: Partner, result: Result<OpenKey, SealError>) {
        let name = self.names()[partner.index()].clone();
        let asking = match &mut self.overlay {
            Some(Overlay::Passphrase(b)) if b.partner == partner => {
                b.waiting = false;
                Some(b)
            }
            _ => None,
        };
        match (result, asking) {
            (Err(SealError::WrongPassphrase), Some(b)) => {
                b.error = Some(if b.purpose == KeyPurpose::Change {
                    b.old = None;
                    b.stage = Stage::Current;
                    format!("That is not {name}'s current passphrase; nothing was changed.")
                } else {
                    format!(
                        "That is not {name}'s passphrase; nothing was changed. Try again, or Esc. (Forgotten it? On home, P makes a new key.)"
                    )
                });
            }
            (Ok(key), Some(b)) if b.purpose == KeyPurpose::Change => {
                b.stage = Stage::New;
                self.open_keys[partner.index()] = Some(key);
            }
            (Ok(key), asking) => {
                let then = asking.and_then(|b| match b.purpose {
                    KeyPurpose::Unlock(then) => Some(then),
                    _ => None,
                });
                self.overlay = None;
                self.open_keys[partner.index()] = Some(key);
                match then {
                    Some(Then::Turn) => self.begin_turn(partner),
                    Some(Then::Reveal) => self.open_sealed_entries(),
                    Some(Then::ReadKept) => self.show_kept(partner),
                    None => {}
                }
            }
            (Err(e), _) => {
                self.overlay = Some(Overlay::Message {
                    title: format!("{name}'s key could not be opened"),
                    body: format!("{}.", capitalized(&e.to_string())),
                });
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
                self.open_keys[partner.index()] = Some(key);
                if matches!(self.screen, super::Screen::Turn(_)) {
                    // Asked for while keeping an answer: back to it.
                    self.overlay = None;
                    self.notice = Some(format!(
                        "{name}'s answers are sealed from now on. F4 keeps this one to yourself."
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

    /// Opens, with keys already open, the sealed entries of the page on
    /// screen; asks for the passphrase of the first partner whose key is
    /// not. An entry sealed with a key since replaced stays sealed.
    pub(super) fn open_sealed_entries(&mut self) {
        let Some(couple) = self.couple.clone() else {
            return;
        };
        let keys = self.open_keys.clone();
        let Some(open) = self.open_page_mut() else {
            return;
        };
        let mut waiting_for = None;
        let mut failed = None;
        for partner in Partner::BOTH {
            if !seal::opens_with_current_key(&open.page, &couple, partner) {
                continue;
            }
            match &keys[partner.index()] {
                Some(key) => match seal::open_entry(open.page.entry_mut(partner), key) {
                    Ok(()) => open.changed(),
                    Err(e) => failed = Some((partner, e)),
                },
                None => {
                    waiting_for.get_or_insert(partner);
                }
            }
        }
        if let Some((partner, e)) = failed {
            let name = self.names()[partner.index()].clone();
            self.overlay = Some(Overlay::Message {
                title: format!("{name}'s answers could not be opened"),
                body: format!("{}.", capitalized(&e.to_string())),
            });
        } else if let Some(partner) = waiting_for {
            self.ask_passphrase(partner, KeyPurpose::Unlock(Then::Reveal));
        } else {
            self.save_if_dirty();
        }
    }

    /// Opens a partner's own sealed draft on the open page before their
    /// turn; false when it cannot be opened now (a passphrase is asked
    /// for, or a message says why).
    pub(super) fn open_own_draft(&mut self, partner: Partner) -> bool {
        let Some(couple) = self.couple.clone() else {
            return true;
        };
        let name = self.names()[partner.index()].clone();
        let key = self.open_keys[partner.index()].clone();
        let Some(open) = self.open_page_mut() else {
            return true;
        };
        if open.page.entry(partner).sealed.is_none() {
            return true;
        }
        if !seal::opens_with_current_key(&open.page, &couple, partner) {
            self.overlay = Some(Overlay::Message {
                title: "This page cannot be continued".into(),
                body: format!(
                    "{name}'s answers on this page were sealed with an earlier key, which was replaced when a passphrase was forgotten. They stay sealed in the file, never deleted.\n\nTo do this exercise now, start it again from the library: it makes a new page."
                ),
            });
            return false;
        }
        let Some(key) = key else {
            self.ask_passphrase(partner, KeyPurpose::Unlock(Then::Turn));
            return false;
        };
        if let Err(e) = seal::open_entry(open.page.entry_mut(partner), &key) {
            self.overlay = Some(Overlay::Message {
                title: format!("{name}'s answers could not be opened"),
                body: format!("{}.", capitalized(&e.to_string())),
            });
            return false;
        }
        true
    }

    /// Whose answers kept private on the open page to show: asks when
    /// both kept some.
    pub(super) fn read_kept(&mut self) {
        let Some(open) = self.open_page() else {
            return;
        };
        let keeping: Vec<Partner> = Partner::BOTH
            .into_iter()
            .filter(|p| !open.page.entry(*p).private.is_empty())
            .collect();
        let names = self.names();
        match keeping.as_slice() {
            [one] => self.read_kept_of(*one),
            [_, _] => {
                self.overlay = Some(Overlay::Confirm {
                    title: "Whose answers kept private?".into(),
                    body: format!(
                        "Each of you reads only your own, with your passphrase.\n\ny {}'s · n {}'s · Esc neither",
                        names[0], names[1]
                    ),
                    yes: Pending::ReadKept(Partner::First),
                    no: Some(Pending::ReadKept(Partner::Second)),
                });
            }
            _ => {}
        }
    }

    /// Shows a partner the answers they kept private, after their
    /// passphrase when their key is not open yet.
    pub(super) fn read_kept_of(&mut self, partner: Partner) {
        if self.open_keys[partner.index()].is_some() {
            self.show_kept(partner);
        } else {
            self.ask_passphrase(partner, KeyPurpose::Unlock(Then::ReadKept));
        }
    }

    fn show_kept(&mut self, partner: Partner) {
        let name = self.names()[partner.index()].clone();
        let other = self.names()[partner.other().index()].clone();
        let (Some(open), Some(key)) = (self.open_page(), self.open_key(partner)) else {
            return;
        };
        let exercise = self.library.get(&open.page.exercise);
        let entry = open.page.entry(partner);
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

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
