//! Quitting leaves nothing of tandem's screen in the terminal: the quick
//! exit is for a partner who is afraid, and a partner's answers must not
//! stay readable above the prompt. Some terminals bring lines of the
//! alternate screen back after a resize, so the real binary runs in tmux,
//! is resized, quits, and tmux's screen and history are read.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::BIN;

const SECRET: &str = "Zebracrossingsecret";

struct Tmux {
    socket: std::path::PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's screen and everything scrolled above it.
    fn everything(&self) -> String {
        self.run(&["capture-pane", "-p", "-S", "-"])
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.everything();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "{text:?} never appeared:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .status();
    }
}

/// tmux is needed for this test: `.ci/run` installs it and says so
/// (`TANDEM_TEST_TOOLS=required`); elsewhere the test is skipped, with a
/// line that says so past the test harness's capture.
fn has_tmux() -> bool {
    let found = Command::new("tmux").arg("-V").output().is_ok();
    if !found {
        assert!(
            std::env::var("TANDEM_TEST_TOOLS").as_deref() != Ok("required"),
            ".ci/run installs tmux for this test"
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: tmux is not installed, so the screen after quitting is not read here"
        );
    }
    found
}

fn quit_after_resize(dir: &Path, quit: &str) {
    let tmux = Tmux {
        socket: dir.join("tmux.sock"),
    };
    let data = dir.join("data");
    let command = format!(
        "{BIN} --data-dir '{}' --config-dir '{}'; echo TANDEM-EXITED; sleep 60",
        data.display(),
        dir.join("config").display()
    );
    tmux.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-x",
        "80",
        "-y",
        "24",
        &command,
    ]);
    tmux.wait_for("Welcome to tandem");
    tmux.keys(&["Alex", "Tab", "Sam", "Enter"]);
    tmux.wait_for("Passphrases");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Hello, Alex and Sam.");
    tmux.keys(&["n"]);
    tmux.wait_for("A boundary is simply");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Who goes first?");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Can you answer honestly");
    // Keys typed ahead are dropped for a moment after the question shows.
    std::thread::sleep(std::time::Duration::from_millis(800));
    tmux.keys(&["y"]);
    tmux.wait_for("step 1 of 6");
    tmux.keys(&["Tab", SECRET]);
    tmux.wait_for(SECRET);
    tmux.run(&["resize-window", "-x", "120", "-y", "40"]);
    std::thread::sleep(Duration::from_millis(400));
    tmux.wait_for(SECRET);
    tmux.keys(&[quit]);
    let after = tmux.wait_for("TANDEM-EXITED");
    // Nothing but what the shell printed after tandem: not the answer,
    // and not a line of the boxes it was drawn in.
    let left: Vec<&str> = after
        .lines()
        .filter(|line| !line.trim().is_empty() && line.trim() != "TANDEM-EXITED")
        .collect();
    assert!(
        left.is_empty(),
        "tandem's screen stayed in the terminal after {quit}:\n{after}"
    );
}

#[test]
fn quitting_after_a_resize_leaves_no_answer_in_the_terminal() {
    if !has_tmux() {
        return;
    }
    for quit in ["C-q", "C-c"] {
        let dir = tempfile::tempdir().expect("temp dir");
        quit_after_resize(dir.path(), quit);
    }
}
