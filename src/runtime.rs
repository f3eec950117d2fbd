//! Carries out what the app asks for against the journal store. Shared by the
//! terminal loop and the tests, so both exercise the same path.

use crate::app::{App, Effect};
use crate::journal::Store;

/// What to do after carrying out effects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

pub fn carry_out(app: &mut App, store: &Store, effects: Vec<Effect>) -> Flow {
    let mut flow = Flow::Continue;
    for effect in effects {
        match effect {
            Effect::SaveCouple(couple) => {
                let result = store.save_couple(&couple).map_err(|e| e.to_string());
                app.couple_saved(result);
            }
            Effect::SavePage(page) => {
                let result = store.save_page(&page).map_err(|e| e.to_string());
                app.page_saved(&page, result);
            }
            Effect::LoadPage(id) => {
                let loaded = store.load_page(&id);
                app.page_loaded(&id, loaded);
            }
            Effect::Quit => {
                if app.may_quit() {
                    flow = Flow::Quit;
                }
            }
        }
    }
    flow
}

/// Reads up to `budget` pages the index has not read yet; returns how many
/// it read. Called between key presses, so the first frame never waits for
/// the whole journal.
pub fn read_pending(app: &mut App, store: &Store, budget: usize) -> usize {
    let mut read = 0;
    while read < budget {
        let Some(id) = app.journal.next_pending() else {
            break;
        };
        let loaded = store.load_page(&id);
        app.journal.add_loaded(&id, loaded);
        read += 1;
    }
    read
}
