//! Questions in a box ("Remove this page?"): what each waits to do, and
//! doing it once the couple says yes (or, where the box offers two ways,
//! no).

use super::{App, Effect};
use crate::model::Partner;

/// What a question in a box waits to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Take this page out of the journal, into the folder of removed pages.
    RemovePage(String),
    /// Start another page of this exercise, though one is unfinished.
    StartAgain(String),
    /// Open this page (the unfinished one, rather than a new one).
    OpenPage(String),
    /// Close the later note being written, without adding it.
    DropNote,
    /// Remove the grid row of one's own under the cursor.
    RemoveRow,
    /// Pass the step on screen, clearing what was written for it.
    PassStep,
    /// Put a partner's key aside for a new one: the passphrase is
    /// forgotten.
    NewKey(Partner),
    /// Show a partner what they kept private on the open page.
    ReadKept(Partner),
}

impl App {
    /// The couple said yes to the question in the box.
    pub(super) fn confirmed(&mut self, pending: Pending) {
        match pending {
            Pending::RemovePage(id) => self.effects.push(Effect::RemovePage(id)),
            Pending::DropNote => self.drop_later_note(),
            Pending::OpenPage(id) => self.effects.push(Effect::LoadPage(id)),
            Pending::RemoveRow => self.remove_own_row(),
            Pending::PassStep => self.set_passed(true),
            Pending::NewKey(partner) => self.replace_key(partner),
            Pending::ReadKept(partner) => self.read_kept_of(partner),
            Pending::StartAgain(id) => {
                if let Some(exercise) = self.library.get(&id).cloned() {
                    self.start_page(&exercise);
                }
            }
        }
    }
}
