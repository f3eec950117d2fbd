//! Carries out what the app asks for against the journal store. Shared by the
//! terminal loop and the tests, so both exercise the same path.

use std::path::PathBuf;

use crate::app::{App, Effect, ReviewDecision};
use crate::export::{Format, document};
use crate::journal::{Access, Store};
use crate::model::AgreementReview;

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
            Effect::ReviewAgreements(decisions) => {
                for decision in decisions {
                    let (page, result) = record_review(store, &app.library, &decision);
                    app.review_recorded(page.as_ref(), result);
                }
            }
            Effect::LoadForCompare([a, b]) => {
                let library = &app.library;
                let loaded = store
                    .load_page(&a, library)
                    .and_then(|a| store.load_page(&b, library).map(|b| [a, b]));
                app.compare_loaded(loaded);
            }
            Effect::Export(ids) => {
                let result = export_pages(app, store, &ids);
                app.exported(result);
            }
            Effect::LoadPage(id) => {
                let loaded = store.load_page(&id, &app.library);
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

/// Sets an agreement's status on its own page and notes the review there.
fn record_review(
    store: &Store,
    library: &crate::content::Library,
    decision: &ReviewDecision,
) -> (Option<crate::model::Page>, Result<(), String>) {
    let item = &decision.item;
    let mut loaded = match store.load_page(&item.page, library) {
        Ok(loaded) => loaded,
        Err(problem) => return (None, Err(problem.to_string())),
    };
    if loaded.access != Access::Writable {
        return (None, Err(format!("{}: page is read-only", item.page)));
    }
    let Some(agreement) = loaded
        .page
        .shared
        .agreements
        .get_mut(item.index)
        .filter(|a| a.text == item.text)
    else {
        return (
            None,
            Err(format!(
                "{}: the agreement {:?} is no longer on that page",
                item.page, item.text
            )),
        );
    };
    agreement.status = decision.status;
    agreement.reviews.push(AgreementReview {
        when: decision.when,
        status: decision.status,
        page: decision.from.clone(),
    });
    let result = store.save_page(&loaded.page).map_err(|e| e.to_string());
    (Some(loaded.page), result)
}

/// Writes the pages as Markdown and HTML into the journal's `exports/`
/// folder, private to the couple; returns the files written.
fn export_pages(app: &App, store: &Store, ids: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        pages.push(
            store
                .load_page(id, &app.library)
                .map_err(|p| p.to_string())?
                .page,
        );
    }
    let folder = store.exports_dir();
    let stamp = app
        .now()
        .to_zoned(app.tz.clone())
        .strftime("%Y-%m-%d-%H%M%S");
    let mut written = Vec::new();
    for format in [Format::Markdown, Format::Html] {
        let path = folder.join(format!("tandem-{stamp}.{}", format.extension()));
        let text = document(&pages, &app.library, &app.tz, format);
        let path = store
            .write_new_file(&path, text.as_bytes())
            .map_err(|e| e.to_string())?;
        written.push(path);
    }
    Ok(written)
}

/// Reads up to `budget` pages the index has not read yet; returns how many
/// it read. Called between key presses, so the first frame never waits for
/// the whole journal.
pub fn read_pending(app: &mut App, store: &Store, budget: usize) -> usize {
    let mut read = 0;
    while read < budget {
        let Some(id) = app.journal.pending().next().cloned() else {
            break;
        };
        let loaded = store.load_page(&id, &app.library);
        app.journal.add_loaded(&id, loaded);
        read += 1;
    }
    if read > 0 {
        app.pages_read();
    }
    read
}
