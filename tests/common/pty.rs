//! Runs the real `tandem` binary in a pseudo-terminal and reads its screen
//! through a terminal emulator.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession;

pub const BIN: &str = env!("CARGO_BIN_EXE_tandem");

pub const TAB: &str = "\t";
pub const BACKTAB: &str = "\x1b[Z";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const CTRL_C: &str = "\x03";

pub struct Tui {
    session: OsSession,
    parser: vt100::Parser,
}

impl Tui {
    pub fn spawn(data: &Path, config: &Path, width: u16, height: u16) -> Tui {
        let mut command = Command::new(BIN);
        command
            .arg("--data-dir")
            .arg(data)
            .arg("--config-dir")
            .arg(config);
        Tui::spawn_command(command, width, height)
    }

    /// Runs `command` (the tandem binary with its arguments) in a terminal.
    pub fn spawn_command(mut command: Command, width: u16, height: u16) -> Tui {
        command.env("TERM", "xterm-256color").env_remove("NO_COLOR");
        let mut session = OsSession::spawn(command).expect("spawn tandem in a pty");
        session
            .get_process_mut()
            .set_window_size(width, height)
            .expect("set the window size");
        Tui {
            session,
            parser: vt100::Parser::new(nonzero(height), nonzero(width), 0),
        }
    }

    /// Reads whatever the app has drawn so far.
    pub fn pump(&mut self) {
        let mut buf = [0u8; 65536];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.parser.process(&buf[..n]),
                Err(_) => break,
            }
        }
    }

    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Where the terminal's cursor shows (row, column), or `None` while it
    /// is hidden.
    #[allow(dead_code)]
    pub fn cursor(&mut self) -> Option<(u16, u16)> {
        self.pump();
        let screen = self.parser.screen();
        (!screen.hide_cursor()).then(|| screen.cursor_position())
    }

    /// Waits until `text` is on screen; panics with the screen if it never is.
    pub fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("{text:?} never appeared on screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until one of `texts` is on screen; returns which.
    pub fn wait_for_any(&mut self, texts: &[&str]) -> usize {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if let Some(i) = texts.iter().position(|t| screen.contains(t)) {
                return i;
            }
            if Instant::now() > deadline {
                panic!("none of {texts:?} appeared on screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until every one of `texts` is on screen at once: a frame may
    /// reach the terminal in more than one piece.
    pub fn wait_for_all(&mut self, texts: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("{texts:?} were never all on screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("send keys");
        self.session.flush().expect("flush keys");
        // Let the app read one key at a time, so that Esc is not taken for
        // the start of a longer sequence.
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Types text one character at a time.
    pub fn type_text(&mut self, text: &str) {
        self.session.write_all(text.as_bytes()).expect("type");
        self.session.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Changes the window size, as dragging a terminal's corner does.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.pump();
        self.session
            .get_process_mut()
            .set_window_size(width, height)
            .expect("set the window size");
        self.parser
            .screen_mut()
            .set_size(nonzero(height), nonzero(width));
    }

    /// Whether the app has switched the terminal back to its normal screen.
    pub fn left_alternate_screen(&mut self) -> bool {
        self.pump();
        !self.parser.screen().alternate_screen()
    }

    pub fn kill(&mut self, signal: Signal) {
        self.session
            .get_process_mut()
            .kill(signal)
            .expect("signal the app");
    }

    /// Waits for the app to exit and returns its status.
    pub fn wait_exit(&mut self) -> WaitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) | Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Ok(status) => return status,
                Err(e) => panic!("the app did not exit: {e}"),
            }
        }
    }
}

/// Types the names Alex and Sam on the first-run screen; the box
/// offering passphrases is next.
fn name_alex_and_sam(tui: &mut Tui) {
    tui.wait_for("Welcome to tandem");
    tui.type_text("Alex");
    tui.send(TAB);
    tui.type_text("Sam");
    tui.send(ENTER);
    tui.wait_for("Passphrases");
}

/// Names the couple Alex and Sam on the first-run screen, choosing no
/// passphrase.
pub fn onboard(tui: &mut Tui) {
    name_alex_and_sam(tui);
    tui.send(ESC);
    tui.wait_for("Hello, Alex and Sam.");
}

/// Names the couple Alex and Sam, Alex choosing `passphrase` in the box
/// that offers one; home is next.
pub fn onboard_with_passphrase(tui: &mut Tui, passphrase: &str) {
    name_alex_and_sam(tui);
    tui.send(ENTER);
    for _ in 0..2 {
        tui.wait_for("Passphrase: ");
        tui.type_text(passphrase);
        tui.send(ENTER);
    }
    tui.wait_for("sealed from now on");
    tui.send(ESC);
}

/// From home to the boundary map's "who goes first?".
pub fn start_boundary_map(tui: &mut Tui) {
    tui.send("n");
    tui.wait_for("A boundary is simply");
    tui.send(ENTER);
    // A page of it left open earlier: start another anyway.
    if tui.wait_for_any(&["Who goes first?", "Start another page?"]) == 1 {
        tui.send("y");
        tui.wait_for("Who goes first?");
    }
}

/// Starts the turn of the partner the hand-off names, saying yes to the
/// private question a sensitive exercise asks first.
pub fn begin_turn(tui: &mut Tui) {
    begin_turn_as(tui, None);
}

/// As [`begin_turn`], for a partner who types `passphrase` first.
pub fn begin_turn_as(tui: &mut Tui, passphrase: Option<&str>) {
    tui.send(ENTER);
    if let Some(passphrase) = passphrase {
        tui.wait_for("Passphrase: ");
        tui.type_text(passphrase);
        tui.send(ENTER);
    }
    answer_the_private_question(tui);
}

/// Says "yes" to the private question once it has been on screen for
/// longer than the moment in which keys typed ahead are dropped.
pub fn answer_the_private_question(tui: &mut Tui) {
    tui.wait_for("Can you answer honestly here");
    std::thread::sleep(std::time::Duration::from_millis(800));
    tui.send("y");
}

/// From home to Alex's first written answer in the boundary map.
pub fn start_writing(tui: &mut Tui) {
    start_writing_as(tui, None);
}

/// As [`start_writing`], for Alex with `passphrase`.
pub fn start_writing_as(tui: &mut Tui, passphrase: Option<&str>) {
    tui.wait_for("Hello, Alex and Sam.");
    start_boundary_map(tui);
    begin_turn_as(tui, passphrase);
    tui.wait_for("step 1 of 6");
    tui.send(TAB);
    tui.wait_for("step 2 of 6");
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

/// Runs a command-line subcommand and returns (status, stdout, stderr).
pub fn run(data: &Path, config: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(BIN)
        .arg("--data-dir")
        .arg(data)
        .arg("--config-dir")
        .arg(config)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run tandem");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// As [`run`], but fails the test when the command takes longer than
/// `limit`: a file in the journal must never make a command hang.
pub fn run_within(
    data: &Path,
    config: &Path,
    args: &[&str],
    limit: Duration,
) -> (i32, String, String) {
    use std::io::Read;
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(data)
        .arg("--config-dir")
        .arg(config)
        .args(args)
        .env("XDG_STATE_HOME", data.with_extension("state"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run tandem");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            // What is read before the command is killed is what it printed.
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`tandem {}` took longer than {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = |h: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&h.join().expect("reader")).into_owned()
    };
    (status.code().unwrap_or(-1), text(out), text(err))
}
