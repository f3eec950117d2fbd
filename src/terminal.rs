//! The interactive workbook: terminal set-up and restore, the event loop,
//! autosave, signals and crashes.

use std::io::{Write, stdout};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use jiff::Timestamp;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use crate::app::{App, Event, JournalIndex, Overlay};
use crate::cli::Dirs;
use crate::journal::{Store, StoreError};
use crate::runtime::{Flow, carry_out, read_pending};
use crate::ui::{self, Theme};

/// Typing is saved this long after the last unsaved change began.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);
/// How long to wait for a key before looking at signals and autosave.
const IDLE_POLL: Duration = Duration::from_millis(200);
/// Pages read per pass while the journal loads in the background.
const PAGES_PER_PASS: usize = 64;

pub fn run_workbook(dirs: &Dirs) -> Result<()> {
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
        anyhow!("{e}\nThe file is left as it is. Fix it in a text editor, or move it away to start again with new names.")
    })?;
    let library = dirs.library();
    let ids = store.page_ids().context("cannot list the journal")?;
    let problems = library.problems.len();
    let mut app = App::new(
        couple,
        library,
        JournalIndex::new(ids),
        now_to_the_second,
        crate::zone::local(),
    );
    if problems > 0 {
        app.overlay = Some(Overlay::Message {
            title: "Some of your exercise files have problems".into(),
            body: format!(
                "{problems} problem(s) found; those exercises are left out for now. Run `tandem check` to see each one with its line and column."
            ),
        });
    }

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot listen for signals")?;
    }
    install_panic_message();

    // `init` installs a hook that restores the terminal before ours runs.
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableBracketedPaste);
    let theme = Theme::from_env();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut app, &store, &mut terminal, theme, &stop)
    }));
    let _ = execute!(stdout(), DisableBracketedPaste);
    // A terminal that has gone away cannot be restored; that is no reason
    // to fail. The terminal value is not dropped: its drop reports a failure
    // to show the cursor on standard error, which is that same dead terminal.
    let _ = terminal.show_cursor();
    std::mem::forget(terminal);
    let _ = ratatui::try_restore();
    match outcome {
        Ok(result) => result,
        Err(_) => {
            // Whatever state the app is in, the page's answers are plain data:
            // keep them.
            let saved = match app.shutdown().into_iter().next() {
                Some(crate::app::Effect::SavePage(page)) => store.save_page(&page).is_ok(),
                _ => true,
            };
            Err(anyhow!(
                "tandem stopped because of an internal error. {}",
                if saved {
                    "Your answers were saved first."
                } else {
                    "Saving the open page failed; the last autosave is on disk."
                }
            ))
        }
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

/// Reads the terminal's events on a thread of its own, so that the loop
/// stays free to notice signals, autosave and read the journal. When the
/// terminal goes away the reading can stop returning (it spins on a closed
/// terminal); the loop then learns of it from the hang-up signal and exits,
/// which ends this thread with the process.
fn spawn_input() -> Receiver<std::io::Result<event::Event>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let read = event::read();
            let failed = read.is_err();
            if sender.send(read).is_err() || failed {
                break;
            }
        }
    });
    receiver
}

/// Runs the loop, then saves what is open however the loop ended: a quit,
/// a signal, a closed terminal or an error.
fn event_loop(
    app: &mut App,
    store: &Store,
    terminal: &mut DefaultTerminal,
    theme: Theme,
    stop: &AtomicBool,
) -> Result<()> {
    let input = spawn_input();
    let result = run_loop(app, store, terminal, theme, stop, &input);
    let effects = app.shutdown();
    carry_out(app, store, effects);
    result
}

fn run_loop(
    app: &mut App,
    store: &Store,
    terminal: &mut DefaultTerminal,
    theme: Theme,
    stop: &AtomicBool,
    input: &Receiver<std::io::Result<event::Event>>,
) -> Result<()> {
    let mut dirty_since: Option<Instant> = None;
    if let Ok(size) = terminal.size() {
        app.viewport = (size.width, size.height);
    }
    let mut redraw = true;
    loop {
        if redraw {
            terminal
                .draw(|frame| ui::render(app, theme, frame))
                .context("cannot draw")?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let wait = if app.journal.is_loading() {
            Duration::ZERO
        } else {
            IDLE_POLL
        };
        let received = match input.recv_timeout(wait) {
            Ok(received) => Some(received.context("cannot read the keyboard")?),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(anyhow!("the keyboard is no longer readable"));
            }
        };
        if let Some(received) = received {
            let event = match received {
                event::Event::Key(key) => Some(Event::Key(key)),
                event::Event::Paste(text) => Some(Event::Paste(text)),
                event::Event::Resize(width, height) => {
                    app.viewport = (width, height);
                    None
                }
                _ => continue,
            };
            redraw = true;
            if let Some(event) = event {
                let effects = app.update(event);
                if carry_out(app, store, effects) == Flow::Quit {
                    return Ok(());
                }
            }
        } else if app.journal.is_loading() {
            read_pending(app, store, PAGES_PER_PASS);
            redraw = true;
        }

        let dirty = app.open.as_ref().is_some_and(|o| o.dirty);
        match (dirty, dirty_since) {
            (false, _) => dirty_since = None,
            (true, None) => dirty_since = Some(Instant::now()),
            (true, Some(since)) if since.elapsed() >= AUTOSAVE_AFTER => {
                if let Some(effect) = app.autosave() {
                    carry_out(app, store, vec![effect]);
                    redraw = true;
                }
                dirty_since = None;
            }
            _ => {}
        }
    }
}
