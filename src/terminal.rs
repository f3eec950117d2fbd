//! The interactive workbook: terminal set-up and restore, the event loop,
//! autosave, signals and crashes.

use std::io::{Write, stdout};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType};

use crate::app::{App, Effect, Event, JournalIndex, Measured, Overlay, PageSummary};
use crate::cli::Dirs;
use crate::content::Library;
use crate::journal::{Store, StoreError, plain_reason};
use crate::runtime::{Flow, carry_out};
use crate::summaries;
use crate::ui::{self, Theme};
use crate::whole_lines::WholeLines;

/// The terminal as tandem draws on it: in plain mode a changed line is
/// written whole, for a screen reader to read.
type Screen = Terminal<WholeLines<CrosstermBackend<std::io::Stdout>>>;

/// How long to wait for a key before looking at signals and autosave.
const IDLE_POLL: Duration = Duration::from_millis(200);
/// How often pages read reach the screen while the journal loads.
const BATCH_TIME: Duration = Duration::from_millis(30);

/// Runs the workbook on this terminal until the couple closes it; `plain`
/// draws every screen for a screen reader.
pub fn run_workbook(dirs: &Dirs, plain: bool) -> Result<()> {
    let store = match Store::open(&dirs.data) {
        Ok(store) => store,
        Err(StoreError::Locked(dir)) => {
            return Err(anyhow!(
                "tandem is already open on the journal in {}.\nOnly one copy can write to a journal at a time: switch to the one that is open, or close it first.",
                dir.display()
            ));
        }
        Err(e) => {
            return Err(anyhow!(
                "cannot open the journal in {}: {e}\nNothing was changed. tandem needs to write there to keep your answers: fix the folder, or choose another with --data-dir. `tandem list`, `show` and `export` can still read it.",
                dirs.data.display()
            ));
        }
    };
    let couple = store.load_couple().map_err(|e| {
        anyhow!(
            "{}\nThe file is left as it is. Fix it in a text editor, or move it away to start again with new names.",
            crate::model::visible(&e.to_string())
        )
    })?;
    let library = dirs.library();
    // A sync tool's copy of a page changed on two computers is joined into
    // the page before anything is listed, when notes and reviews are all
    // that differ.
    let mut listing = store.listing().context("cannot list the journal")?;
    let joined = store.join_conflict_copies(&listing.ids, &library);
    if joined.iter().any(|copy| copy.kept.is_ok()) {
        // A copy moved aside is no longer a page.
        listing = store.listing().context("cannot list the journal")?;
    }
    let pending = listing.ids.clone();
    let problems = library.problems.len();
    // The first few, named, so the couple knows which file to look at.
    let named: Vec<String> = library
        .problems
        .iter()
        .take(3)
        .map(|p| format!("  {}", crate::model::visible(&p.to_string())))
        .collect();
    let mut app = App::new(
        couple,
        library,
        JournalIndex::of_listing(listing),
        now_to_the_second,
        crate::zone::local(),
    );
    app.demo = dirs.demo;
    app.key_files = store.key_files();
    let mut notes = Vec::new();
    notes.extend(crate::runtime::read_dismissed(&mut app, &store));
    for copy in &joined {
        notes.push(joined_words(copy, &app.tz));
    }
    if !store.tightened.is_empty() {
        notes.push(format!(
            "Your journal's folders could be read by other people using this computer. tandem has made them private, so only you can open them:\n{}",
            store
                .tightened
                .iter()
                .map(|p| format!("  {}", p.display()))
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    if problems > 0 {
        notes.push(format!(
            "{} in your exercise files; those exercises are left out for now:\n{}{}\nRun `tandem check` to see each one with its line and column.",
            crate::model::count(problems, "problem was found", "problems were found"),
            named.join("\n"),
            if problems > named.len() { "\n  …" } else { "" }
        ));
    }
    if !notes.is_empty() {
        app.overlay = Some(Overlay::Message {
            title: "Before you start".into(),
            body: crate::model::visible(&notes.join("\n\n")).into_owned(),
        });
    }
    // Offered after any message above is closed: the offer needs a choice.
    let recovered = crate::recovery::pending(&dirs.recovery, &dirs.data);

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot listen for signals")?;
    }
    install_panic_message();

    // `init` sets the terminal up and installs a hook that restores it
    // before ours runs; the terminal it returns is replaced by one that
    // writes whole lines in plain mode.
    let theme = Theme::from_env(plain);
    drop(ratatui::init());
    let mut terminal = match Terminal::new(WholeLines::new(
        CrosstermBackend::new(stdout()),
        theme.plain,
    )) {
        Ok(terminal) => terminal,
        Err(e) => {
            ratatui::restore();
            return Err(anyhow!("cannot use this terminal: {e}"));
        }
    };
    let _ = execute!(stdout(), EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(
            &mut app,
            &store,
            &mut terminal,
            theme,
            &stop,
            Startup {
                pending,
                cache: dirs.cache.clone(),
                recovered,
            },
        )
    }));
    let _ = execute!(stdout(), DisableBracketedPaste);
    // Nothing of the last screen (a partner's answers) may stay readable
    // once tandem is gone: the alternate screen is emptied before it is
    // left, as some terminals bring its lines back after a resize.
    let _ = execute!(stdout(), Clear(ClearType::All), MoveTo(0, 0));
    // A terminal that has gone away cannot be restored; that is no reason
    // to fail. The terminal value is not dropped: its drop reports a failure
    // to show the cursor on standard error, which is that same dead terminal.
    let _ = terminal.show_cursor();
    std::mem::forget(terminal);
    let _ = ratatui::try_restore();
    let ended = match outcome {
        Ok(result) => result,
        Err(_) => Err(anyhow!("tandem stopped because of an internal error.")),
    };
    // Whatever state the app is in, what is open is plain data: keep it,
    // in the journal or, when that fails, aside for the next start.
    let kept = final_save(&mut app, &store, dirs);
    match (ended, kept) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(e), Ok(())) => Err(anyhow!("{e:#}\nEverything you wrote was saved first.")),
        (ended, Err(unsaved)) => {
            let why = ended.err().map(|e| format!("{e:#}\n")).unwrap_or_default();
            Err(anyhow!("{why}{unsaved}"))
        }
    }
}

/// Saves what is open as tandem closes. When the journal cannot take it,
/// writes it to a recovery file instead and says where; the error names
/// what happened in words to act on.
fn final_save(app: &mut App, store: &Store, dirs: &Dirs) -> Result<(), String> {
    // One recovery file a page (a page is what is put back), the names
    // with the first.
    let mut kept: Vec<crate::recovery::Recovery> = Vec::new();
    let mut names = None;
    let now = app.now();
    for effect in app.shutdown() {
        match effect {
            crate::app::Effect::SavePage(page) => {
                // Kept aside sealed, as it would be in the journal; what
                // cannot be sealed is never kept aside in plain text.
                let (sealed, result) =
                    match crate::seal::for_disk(&page, app.couple.as_ref(), app.checked_keys()) {
                        Ok(sealed) => {
                            let sealed = sealed.into_owned();
                            let result = store.save_page(&sealed);
                            (Some(sealed), result)
                        }
                        Err(e) => (
                            None,
                            Err(crate::journal::StoreError::Io {
                                path: store.page_path(&page.id),
                                source: std::io::Error::other(e.to_string()),
                            }),
                        ),
                    };
                if let Err(e) = result {
                    let mut recovery = crate::recovery::Recovery::new(&dirs.data, now, e.short());
                    recovery.page = sealed;
                    kept.push(recovery);
                }
            }
            crate::app::Effect::SaveCouple(couple) => {
                if let Err(e) = store.save_couple(&couple) {
                    names = Some((couple, e.short()));
                }
            }
            _ => {}
        }
    }
    if let Some((couple, why)) = names {
        match kept.first_mut() {
            Some(first) => first.couple = Some(couple),
            None => {
                let mut recovery = crate::recovery::Recovery::new(&dirs.data, now, why);
                recovery.couple = Some(couple);
                kept.push(recovery);
            }
        }
    }
    let mut said = Vec::new();
    for recovery in &kept {
        let what = recovery.describe();
        said.push(match crate::recovery::write(&dirs.recovery, recovery) {
            Ok(path) => format!(
                "Your last changes ({what}) could not be saved in the journal: {}.\nThey are kept in {}\n(readable by you only); tandem offers them back the next time it starts.",
                recovery.reason,
                path.display()
            ),
            Err(e) => format!(
                "Your last changes ({what}) could not be saved in the journal ({}), nor kept aside in {} ({}).\nWhat was saved before is still in the journal.",
                recovery.reason,
                dirs.recovery.display(),
                plain_reason(&e)
            ),
        });
    }
    if said.is_empty() {
        Ok(())
    } else {
        Err(said.join("\n"))
    }
}

/// Journal times are kept to the second: finer is noise to a reader.
fn now_to_the_second() -> Timestamp {
    let now = Timestamp::now();
    now.round(jiff::Unit::Second).unwrap_or(now)
}

/// A crash message that says where, never what was being written.
fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // Never panic here, even when the terminal is gone.
        let _ = writeln!(std::io::stderr(), "tandem: internal error at {location}");
    }));
}

/// What the loop hears: the terminal's events, and pages read in the
/// background.
enum Incoming {
    Input(std::io::Result<event::Event>),
    Pages(Vec<(String, Result<PageSummary, crate::problem::Problem>)>),
}

/// What the loop starts with besides the app.
struct Startup {
    /// Pages to read in the background, newest first.
    pending: Vec<String>,
    /// Where their summaries are kept between runs.
    cache: Option<PathBuf>,
    /// Answers kept aside by a save that failed at the last exit.
    recovered: Vec<crate::recovery::Found>,
}

/// Reads the terminal's events on a thread of its own, so that the loop
/// stays free to notice signals, autosave and take in pages. When the
/// terminal goes away the reading can stop returning (it spins on a closed
/// terminal); the loop then learns of it from the hang-up signal and exits,
/// which ends this thread with the process.
fn spawn_input(sender: Sender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            let read = event::read();
            let failed = read.is_err();
            if sender.send(Incoming::Input(read)).is_err() || failed {
                break;
            }
        }
    });
}

/// Reads the journal's pages off the screen's thread, several at a time
/// and newest first, and sends what the screens need of them (summaries)
/// every `BATCH_TIME`: the screen never waits on a file, is drawn again
/// only when there is more to show, and whatever sits in the folder, the
/// loop keeps answering keys and can quit at once.
fn spawn_reader(
    sender: Sender<Incoming>,
    root: PathBuf,
    library: Library,
    (ids, cache): (Vec<String>, Option<PathBuf>),
) {
    if ids.is_empty() {
        return;
    }
    std::thread::spawn(move || {
        yield_to_the_screen();
        let store = Store::open_read_only(&root);
        let cache = cache.map(|folder| summaries::Cache::new(&folder, &store, &library));
        let mut batch = Vec::new();
        let mut since = Instant::now();
        summaries::read_summaries(&store, &library, cache.as_ref(), &ids, |read| {
            if batch.is_empty() {
                batch = read;
            } else {
                batch.extend(read);
            }
            if since.elapsed() < BATCH_TIME {
                return true;
            }
            since = Instant::now();
            sender
                .send(Incoming::Pages(std::mem::take(&mut batch)))
                .is_ok()
        });
        if !batch.is_empty() {
            let _ = sender.send(Incoming::Pages(batch));
        }
    });
}

/// Makes the calling thread, and the threads it starts, give way to the
/// screen's: reading starts with the app, yet the first frame and every
/// key are drawn as if nothing else were running. On Linux a thread has a
/// niceness of its own (elsewhere it is the whole process's, so this is
/// left alone there).
fn yield_to_the_screen() {
    // SAFETY: both calls take and give plain integers; no memory is
    // shared. A failure leaves the thread as it was, which is harmless.
    #[cfg(target_os = "linux")]
    unsafe {
        if let Ok(thread) = libc::id_t::try_from(libc::gettid()) {
            libc::setpriority(libc::PRIO_PROCESS, thread, 10);
        }
    }
}

/// Empties what arrived while a key was opening: keys are dropped (pages
/// read meanwhile are taken in). Returns the quick exit's key, when it
/// was among them.
fn drop_keys_typed_meanwhile(
    app: &mut App,
    incoming: &Receiver<Incoming>,
) -> Option<event::KeyEvent> {
    drop_keys_for(app, incoming, Duration::ZERO)
}

/// How long keys are held off after the private question appears: long
/// enough that words typed ahead, meant for the turn, do not answer it.
const QUESTION_SETTLES: Duration = Duration::from_millis(600);

/// As [`drop_keys_typed_meanwhile`], and for `wait` more: the keys that
/// arrive are dropped, all but the quick exit, which is returned.
fn drop_keys_for(
    app: &mut App,
    incoming: &Receiver<Incoming>,
    wait: Duration,
) -> Option<event::KeyEvent> {
    let until = Instant::now() + wait;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        let message = if left.is_zero() {
            incoming.try_recv().ok()
        } else {
            incoming.recv_timeout(left).ok()
        };
        let Some(message) = message else {
            if left.is_zero() {
                return None;
            }
            continue;
        };
        match message {
            Incoming::Input(Ok(event::Event::Key(key)))
                if crate::keymap::resolve(app.key_context(), key)
                    == Some(crate::keymap::Action::QuickExit) =>
            {
                // Leaving at once is never held off.
                return Some(key);
            }
            Incoming::Input(_) => {}
            Incoming::Pages(pages) => {
                app.journal.add_summaries(pages);
                app.pages_read();
            }
        }
    }
}

/// Runs the loop; the caller saves what is open however it ended: a quit,
/// a signal, a closed terminal or an error.
fn event_loop(
    app: &mut App,
    store: &Store,
    terminal: &mut Screen,
    theme: Theme,
    stop: &AtomicBool,
    startup: Startup,
) -> Result<()> {
    let (sender, incoming) = std::sync::mpsc::channel();
    spawn_input(sender.clone());
    run_loop(
        app,
        store,
        terminal,
        theme,
        stop,
        &incoming,
        (startup, sender),
    )
}

fn run_loop(
    app: &mut App,
    store: &Store,
    terminal: &mut Screen,
    theme: Theme,
    stop: &AtomicBool,
    incoming: &Receiver<Incoming>,
    (startup, sender): (Startup, Sender<Incoming>),
) -> Result<()> {
    let Startup {
        pending,
        cache,
        mut recovered,
    } = startup;
    // The pages are read on threads of their own from the start, while the
    // first frame is drawn: the frame never waits for them.
    spawn_reader(
        sender,
        store.root().to_path_buf(),
        app.library.clone(),
        (pending, cache),
    );
    let mut redraw = true;
    let mut drawn = ui::RenderCache::default();
    loop {
        if app.overlay.is_none() && !recovered.is_empty() {
            app.offer_recovery(std::mem::take(&mut recovered));
            redraw = true;
        }
        while redraw {
            let mut measured = Measured::default();
            terminal
                .draw(|frame| measured = ui::render(app, &mut drawn, theme, frame))
                .context("cannot draw")?;
            // The view may move within what was just measured: draw again.
            redraw = app.measured(measured);
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        match incoming.recv_timeout(IDLE_POLL) {
            Ok(Incoming::Input(received)) => {
                let event = match received.context("cannot read the keyboard")? {
                    event::Event::Key(key) => Some(Event::Key(key)),
                    event::Event::Paste(text) => Some(Event::Paste(text)),
                    event::Event::Resize(..) => None,
                    _ => None,
                };
                redraw = true;
                if let Some(event) = event {
                    let asked_before = app.asks_safe_to_answer();
                    let effects = app.update(event);
                    // Opening a key takes about a second: the box says so
                    // on screen before it starts.
                    let slow = effects.iter().any(Effect::is_slow);
                    if slow {
                        terminal
                            .draw(|frame| {
                                ui::render(app, &mut drawn, theme, frame);
                            })
                            .context("cannot draw")?;
                    }
                    if carry_out(app, store, effects) == Flow::Quit {
                        return Ok(());
                    }
                    // Keys pressed while the key was opening were typed
                    // blind, maybe by the other partner: none goes into
                    // the turn that follows. Only the quick exit counts.
                    if slow && let Some(key) = drop_keys_typed_meanwhile(app, incoming) {
                        let effects = app.update(Event::Key(key));
                        if carry_out(app, store, effects) == Flow::Quit {
                            return Ok(());
                        }
                    }
                    // The private question is answered only by keys pressed
                    // after it was on screen: drawn first, then a moment
                    // in which keys typed ahead for the turn are dropped.
                    if !asked_before && app.asks_safe_to_answer() {
                        terminal
                            .draw(|frame| {
                                ui::render(app, &mut drawn, theme, frame);
                            })
                            .context("cannot draw")?;
                        if let Some(key) = drop_keys_for(app, incoming, QUESTION_SETTLES) {
                            let effects = app.update(Event::Key(key));
                            if carry_out(app, store, effects) == Flow::Quit {
                                return Ok(());
                            }
                        }
                    }
                }
            }
            Ok(Incoming::Pages(pages)) => {
                app.journal.add_summaries(pages);
                app.pages_read();
                redraw = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(anyhow!("the keyboard is no longer readable"));
            }
        }

        // Time passes for the app whether or not anything else happened.
        let effects = app.update(Event::Tick(now_to_the_second()));
        if !effects.is_empty() {
            redraw = true;
            if carry_out(app, store, effects) == Flow::Quit {
                return Ok(());
            }
        }
    }
}

/// What joining a conflict copy did, for the couple.
fn joined_words(copy: &crate::journal::JoinedCopy, tz: &jiff::tz::TimeZone) -> String {
    let mut brought = Vec::new();
    if copy.notes > 0 {
        brought.push(crate::model::count(copy.notes, "later note", "later notes"));
    }
    if copy.reviews > 0 {
        brought.push(crate::model::count(
            copy.reviews,
            "agreement review",
            "agreement reviews",
        ));
    }
    let brought = if brought.is_empty() {
        "It held nothing the page did not have.".to_string()
    } else {
        format!(
            "What it added on the other computer ({}) is now in the page too, with its dates.",
            brought.join(" and ")
        )
    };
    let kept = match &copy.kept {
        Ok(path) => format!(
            "The copy itself is kept, as it was, in removed/ in your journal's folder:\n  {}",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ),
        Err(why) => format!(
            "The copy could not be moved aside ({why}); it holds nothing the page does not have now, so you may delete it."
        ),
    };
    format!(
        "{} kept a copy of \"{}\" ({}) when both computers changed it while apart. {brought} {kept}",
        copy.tool.name(),
        crate::model::visible_line(&copy.title),
        crate::zone::day(copy.started, tz),
    )
}
