//! Carries out what the app asks for against the journal store. Shared by the
//! terminal loop and the tests, so both exercise the same path.

use std::path::PathBuf;

use crate::app::{App, Effect, ReviewDecision, SaveFailure, SealedEarlier};
use crate::export::{Format, document};
use crate::journal::{Access, Store};
use crate::model::{AgreementReview, AgreementStatus, Partner};
use crate::seal::{OpenKey, Passphrase, SealError};

/// What to do after carrying out effects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

pub fn carry_out(app: &mut App, store: &Store, effects: Vec<Effect>) -> Flow {
    let mut flow = carry_out_once(app, store, effects);
    // What the app asks for on hearing how an effect went (the page a key
    // just opened is saved) is carried out now, not at the next key.
    for _ in 0..4 {
        let more = app.take_effects();
        if more.is_empty() {
            break;
        }
        if carry_out_once(app, store, more) == Flow::Quit {
            flow = Flow::Quit;
        }
    }
    flow
}

fn carry_out_once(app: &mut App, store: &Store, effects: Vec<Effect>) -> Flow {
    let mut flow = Flow::Continue;
    // Making or opening a key is timed, so the next wait is said honestly.
    let slow = effects.iter().any(Effect::is_slow);
    let started = std::time::Instant::now();
    for effect in effects {
        match effect {
            Effect::SaveDismissed(until) => {
                // A file that could not be read at the start is left as it
                // is: "not now" then lasts until tandem closes.
                if app.dismissed_writable
                    && let Err(e) = store.save_dismissed(&until)
                {
                    app.notice = Some(format!(
                        "The suggestion is put off until tandem closes; it could not be written down: {}",
                        e.short()
                    ));
                }
            }
            Effect::SaveCouple(couple) => {
                let result = store.save_couple(&couple).map_err(|e| failure(&e));
                app.couple_saved(result);
            }
            Effect::RenameCouple { before, after } => {
                let result = store.rename_couple(&after).map_err(|e| e.to_string());
                app.couple_renamed(before, result);
            }
            Effect::SavePage(page) => {
                let result = store
                    .save_page_sealed(&page, app.couple.as_ref(), app.checked_keys())
                    .map_err(|e| failure(&e));
                app.page_saved(&page, result);
            }
            Effect::MakeKey {
                partner,
                passphrase,
            } => {
                let result = make_key(app, store, partner, &passphrase);
                app.key_made(partner, result);
            }
            Effect::Unlock {
                partner,
                passphrase,
            } => {
                let result = open_key(app, store, partner, &passphrase);
                app.unlocked(partner, result);
            }
            Effect::SealEarlier { partner, skip } => {
                let result = seal_earlier(app, store, partner, skip.as_deref());
                app.sealed_earlier(partner, result);
            }
            Effect::ChangePassphrase { partner, old, new } => {
                let result = store
                    .load_key(partner)
                    .map_err(|e| SealError::KeyFile(e.to_string()))
                    .and_then(|locked| OpenKey::unlock(&locked, &old))
                    .and_then(|key| key.lock(&new))
                    .and_then(|locked| {
                        store
                            .save_key(partner, &locked)
                            .map_err(|e| SealError::KeyFile(e.to_string()))
                    });
                app.passphrase_changed(partner, result);
            }
            Effect::Restore(found) => restore(app, store, found),
            Effect::ListRemoved => {
                app.removed_listed(store.removed_pages().map_err(|e| e.to_string()));
            }
            Effect::BringBack(name) => {
                let result = store
                    .bring_back(&name)
                    .map(|id| {
                        let loaded = store.load_page(&id, &app.library);
                        (id, loaded)
                    })
                    .map_err(|e| e.to_string());
                app.brought_back(result);
            }
            Effect::RemovePage(id) => {
                let result = store
                    .remove_page(&id)
                    .map(|kept| (kept, store.journal_dir()))
                    .map_err(|e| e.to_string());
                app.page_removed(&id, result);
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
    if slow {
        app.key_work_took(started.elapsed());
    }
    flow
}

/// Makes a key for `partner`, writes it encrypted with `passphrase`, then
/// records its public half in `couple.ron`, in that order: no word is ever
/// sealed to a key that is not kept. A key file there was is put aside,
/// never deleted, and put back if the couple file cannot be written.
fn make_key(
    app: &App,
    store: &Store,
    partner: Partner,
    passphrase: &Passphrase,
) -> Result<OpenKey, String> {
    let Some(mut couple) = app.couple.clone() else {
        return Err("There are no names yet to keep a key for.".into());
    };
    let key = OpenKey::generate();
    let locked = key.lock(passphrase).map_err(|e| e.to_string())?;
    let stamp = app.now().strftime("%Y-%m-%d-%H%M%S").to_string();
    let retired = store
        .retire_key(partner, &stamp)
        .map_err(|e| e.to_string())?;
    let put_back = |why: String| {
        if let Some(retired) = &retired {
            let _ = std::fs::rename(retired, store.key_path(partner));
        }
        why
    };
    store
        .save_key(partner, &locked)
        .map_err(|e| put_back(e.to_string()))?;
    couple.keys[partner.index()] = Some(key.public().to_string());
    store
        .rename_couple(&couple)
        .map_err(|e| put_back(e.to_string()))?;
    Ok(key)
}

/// Opens a partner's key file with `passphrase`. A passphrase that does
/// not open it, but opens the other partner's file to the key
/// `couple.ron` lists for this partner, says the two files changed places
/// (rather than that the passphrase is wrong).
fn open_key(
    app: &App,
    store: &Store,
    partner: Partner,
    passphrase: &Passphrase,
) -> Result<OpenKey, SealError> {
    let locked = store.load_key(partner).map_err(|e| {
        SealError::KeyFile(format!(
            "{}\n\nPut the key file back from a backup: without it, nothing sealed to it can be opened. To go on writing now, P and then f make a new key; what the old one sealed stays sealed",
            crate::model::visible(&e.to_string())
        ))
    })?;
    match OpenKey::unlock(&locked, passphrase) {
        Err(SealError::WrongPassphrase) => {
            let listed = app.couple.as_ref().and_then(|c| c.key(partner));
            let swapped = store
                .load_key(partner.other())
                .ok()
                .and_then(|other| OpenKey::unlock(&other, passphrase).ok())
                .is_some_and(|key| Some(key.public()) == listed);
            if swapped {
                return Err(SealError::SwappedKeyFiles(
                    store.key_path(partner.other()).display().to_string(),
                ));
            }
            // The key a new one replaced: a partner who did not ask for
            // the new key learns that someone else did.
            let earlier = store.retired_keys(partner).into_iter().next();
            let earlier_key = earlier.as_ref().and_then(|path| {
                let bytes = crate::files::read_regular(path, 64 << 10).ok()?;
                OpenKey::unlock(&String::from_utf8(bytes).ok()?, passphrase).ok()
            });
            Err(match (earlier, earlier_key) {
                (Some(path), Some(key)) => SealError::KeyReplacedSince(
                    path.display().to_string(),
                    key.public().to_string(),
                    store.key_path(partner).display().to_string(),
                ),
                _ => SealError::WrongPassphrase,
            })
        }
        Ok(key) => {
            // A key file from before it said its public half is given the
            // line once its key is checked: `tandem check` reads it.
            let listed = app.couple.as_ref().and_then(|c| c.key(partner));
            if crate::seal::stated_public_key(&locked).is_none() && listed == Some(key.public()) {
                let _ = store.save_key(partner, &crate::seal::with_public_line(&key, &locked));
            }
            Ok(key)
        }
        Err(e) => Err(e),
    }
}

/// Seals, page by page (each page one atomic write), the words `partner`
/// wrote before they had a passphrase on every page not revealed.
pub fn seal_earlier(
    app: &App,
    store: &Store,
    partner: Partner,
    skip: Option<&str>,
) -> SealedEarlier {
    let mut done = SealedEarlier::default();
    let Some(couple) = &app.couple else {
        return done;
    };
    let Some(to) = app.checked_keys().recipient(couple, partner) else {
        return done;
    };
    let Ok(ids) = store.page_ids() else {
        return done;
    };
    // A page both may read in full holds nothing to seal: its summary
    // says so without the page being opened again.
    let revealed: std::collections::HashSet<&str> = app
        .journal
        .pages
        .iter()
        .filter(|p| p.revealed.is_some())
        .map(|p| p.id.as_str())
        .collect();
    for id in ids
        .iter()
        .filter(|id| Some(id.as_str()) != skip && !revealed.contains(id.as_str()))
    {
        // A page that cannot be read is reported on its own, elsewhere.
        let Ok(loaded) = store.load_page(id, &app.library) else {
            continue;
        };
        let mut page = loaded.page;
        let entry = page.entry(partner);
        if crate::seal::may_be_plain(&page) || entry.sealed.is_some() || !entry.has_words() {
            continue;
        }
        let title = crate::model::visible_line(&page.title);
        if let Some(why) = loaded.access.reason() {
            done.left.push(format!("\"{title}\" ({id}): {why}"));
            continue;
        }
        let written = crate::seal::seal_entry(page.entry_mut(partner), to)
            .map_err(|e| e.to_string())
            .and_then(|()| store.save_page(&page).map_err(|e| e.short()));
        match written {
            Ok(()) => done.sealed += 1,
            Err(why) => done.left.push(format!("\"{title}\" ({id}): {why}")),
        }
    }
    done
}

fn failure(error: &crate::journal::StoreError) -> SaveFailure {
    SaveFailure {
        short: error.short(),
        full: error.to_string(),
    }
}

/// Puts back what a failed save at exit kept aside. A page changed on disk
/// since (by the other laptop, say) is not overwritten: the kept one comes
/// back beside it as a page of its own. A recovery file goes only once
/// everything in it is back in the journal.
fn restore(app: &mut App, store: &Store, found: Vec<crate::recovery::Found>) {
    let mut couple = None;
    let mut pages = Vec::new();
    let mut failed = Vec::new();
    for item in found {
        let mut whole = true;
        if let Some(kept) = &item.recovery.couple
            && app.couple.is_none()
            && couple.is_none()
        {
            match store.save_couple(kept) {
                Ok(()) => couple = Some(kept.clone()),
                Err(e) => {
                    whole = false;
                    failed.push(format!("• your names: {}", e.short()));
                }
            }
        }
        if let Some(kept) = &item.recovery.page {
            let mut page = kept.clone();
            let newer_on_disk = match store.load_page(&page.id, &app.library) {
                Ok(on_disk) => {
                    on_disk.access != Access::Writable
                        || on_disk.page.last_activity() > item.recovery.saved
                }
                Err(_) => std::fs::symlink_metadata(store.page_path(&page.id)).is_ok(),
            };
            if newer_on_disk {
                page.id = store.new_page_id(&page.exercise, page.started);
            }
            match store.save_page_sealed(&page, app.couple.as_ref(), app.checked_keys()) {
                Ok(()) => pages.push((page, newer_on_disk)),
                Err(e) => {
                    whole = false;
                    failed.push(format!("• \"{}\": {}", page.title, e.short()));
                }
            }
        }
        if whole {
            let _ = std::fs::remove_file(&item.path);
        }
    }
    app.restored(couple, pages, failed);
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
    // Stepping through statuses on the agreements screen is one change, not
    // a trail of them: a change there soon after the last one made there
    // takes its place, and coming back to where it was leaves no mark.
    let stepping = decision.from.is_none()
        && decision.wording.is_none()
        && agreement.reviews.last().is_some_and(|last| {
            last.page.is_none()
                && last.was.is_none()
                && decision.when.duration_since(last.when) < jiff::SignedDuration::from_mins(10)
        });
    let came_back = stepping && {
        agreement.reviews.pop();
        let before = agreement
            .reviews
            .last()
            .map_or(AgreementStatus::Active, |r| r.status);
        before == decision.status
    };
    agreement.status = decision.status;
    if !came_back {
        let was = decision
            .wording
            .as_ref()
            .map(|words| std::mem::replace(&mut agreement.text, words.clone()));
        agreement.reviews.push(AgreementReview {
            when: decision.when,
            status: decision.status,
            page: decision.from.clone(),
            was,
        });
    }
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
                .into(),
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

/// Reads which suggestions the couple put off. A file that cannot be read
/// is left as it is, never written over; the note says so.
pub fn read_dismissed(app: &mut App, store: &Store) -> Option<String> {
    match store.load_dismissed() {
        Ok(until) => {
            app.dismissed = until;
            None
        }
        Err(problem) => {
            app.dismissed_writable = false;
            Some(format!(
                "{problem}\nWhich suggestions you put off is not written down until it is fixed; the file is left as it is."
            ))
        }
    }
}
