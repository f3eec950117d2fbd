//! The real binary, measured as a couple meets it, on generated journals of
//! 100, 1,000 and 10,000 pages:
//!
//! - in a pseudo-terminal, read through a terminal emulator: the time until
//!   the first frame is on screen, the time until every page is read (the
//!   journal screen says "N of N pages" and nothing is left to read), and
//!   the peak memory after the journal, a search, trends, agreements and a
//!   new page;
//! - the commands `check`, `list` and `export --all --html`, start to end.
//!
//! Every page read and `list` are measured twice: with the summaries kept
//! from the last run (the usual start), and with none (the first start
//! after every page changed, or after the cache was removed).
//!
//! Prints one JSON object per journal, for `benches/table.py`:
//!
//! ```sh
//! cargo bench --bench startup                 # generates its own journals
//! cargo bench --bench startup -- DIR [DIR …]  # journals already written
//! ```
//!
//! `TANDEM_BIN` measures another build of tandem instead of this one;
//! `TANDEM_BENCH_QUICK=1` measures only the first frame and every page
//! read, for a quick look while changing them.
//!
//! The screen is judged as a terminal shows it, never from a chunk of
//! output: a terminal is sent only the cells that change, so "(reading"
//! leaves the output long before it leaves the screen.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use expectrl::session::OsSession;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// Where the measured tandem keeps its summaries: a folder of the
/// harness's own, emptied for the runs that must start without them.
fn cache_home() -> PathBuf {
    std::env::temp_dir().join(format!("tandem-bench-cache-{}", std::process::id()))
}

fn forget_summaries() {
    let _ = std::fs::remove_dir_all(cache_home());
}

struct Tui {
    session: OsSession,
    screen: vt100::Parser,
    started: Instant,
}

impl Tui {
    fn spawn(binary: &Path, data: &Path) -> Tui {
        let mut command = Command::new(binary);
        command
            .arg("--data-dir")
            .arg(data)
            .arg("--config-dir")
            .arg(data.join("no-config"))
            .env("TERM", "xterm-256color")
            .env("XDG_CACHE_HOME", cache_home())
            .env_remove("NO_COLOR");
        let started = Instant::now();
        let mut session = OsSession::spawn(command).expect("start tandem in a terminal");
        session
            .get_process_mut()
            .set_window_size(WIDTH, HEIGHT)
            .expect("set the window size");
        Tui {
            session,
            screen: vt100::Parser::new(nonzero(HEIGHT), nonzero(WIDTH), 0),
            started,
        }
    }

    fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// Reads what the app has drawn; whether there was anything.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 1 << 16];
        let mut any = false;
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.process(&buf[..n]);
            any = true;
        }
        any
    }

    /// The screen as a terminal shows it.
    fn contents(&mut self) -> String {
        self.pump();
        self.screen.screen().contents()
    }

    /// Waits until `done` holds of the screen; returns the time since the
    /// start, or `None` after a minute. The screen is looked at again only
    /// when the app has drawn something, so that watching takes little of
    /// the machine the app runs on.
    fn until(&mut self, done: impl Fn(&str) -> bool) -> Option<Duration> {
        self.until_within(done, Duration::from_secs(60))
    }

    /// As [`Tui::until`], giving up after `limit`.
    fn until_within(&mut self, done: impl Fn(&str) -> bool, limit: Duration) -> Option<Duration> {
        let deadline = Instant::now() + limit;
        let mut first = true;
        while Instant::now() < deadline {
            if (self.pump() || first) && done(&self.screen.screen().contents()) {
                return Some(self.started.elapsed());
            }
            first = false;
            std::thread::sleep(Duration::from_micros(500));
        }
        None
    }

    fn wait_for(&mut self, text: &str) {
        if self.until(|s| s.contains(text)).is_none() {
            let screen = self.contents();
            panic!("{text:?} never appeared on screen:\n{screen}");
        }
    }

    /// Sends keys and lets the app take them in, one at a time.
    fn send(&mut self, keys: &str) {
        self.send_now(keys);
        std::thread::sleep(Duration::from_millis(40));
    }

    /// Sends keys and goes straight on watching the screen.
    fn send_now(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    /// The process's peak resident size so far, in megabytes.
    fn peak_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("read the process status");
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in the process status");
        kb / 1024.0
    }

    fn kill(mut self) {
        let _ = self
            .session
            .get_process_mut()
            .kill(expectrl::process::unix::Signal::SIGKILL);
        let _ = self.session.get_process().wait();
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

fn pages_in(data: &Path) -> usize {
    std::fs::read_dir(data.join("journal"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| {
                    let name = e.file_name();
                    let name = name.to_string_lossy();
                    name.ends_with(".ron") && !name.starts_with('.')
                })
                .count()
        })
        .unwrap_or(0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn first_frame(binary: &Path, data: &Path) -> f64 {
    let mut tui = Tui::spawn(binary, data);
    let took = tui
        .until(|s| s.contains("Hello,"))
        .expect("the first frame within a minute");
    tui.kill();
    ms(took)
}

/// Starts tandem, opens the journal screen and waits until it shows every
/// page read; returns the app and how long that took from the start.
fn open_with_every_page_read(binary: &Path, data: &Path) -> (Tui, Duration) {
    let pages = pages_in(data);
    let mut tui = Tui::spawn(binary, data);
    tui.wait_for("Hello,");
    tui.send_now("b");
    let all = format!("{pages} of {pages} pages");
    // A key sent the moment the first frame shows may come before the app
    // listens for keys: sent again if the journal screen is not there.
    while tui
        .until_within(|s| s.contains("Category:"), Duration::from_secs(2))
        .is_none()
    {
        tui.send_now("b");
    }
    let took = tui
        .until(|s| s.contains(&all) && !s.contains("(reading"))
        .unwrap_or_else(|| panic!("{all:?} never on screen"));
    (tui, took)
}

/// From the start until the journal screen shows every page read.
fn every_page_read(binary: &Path, data: &Path) -> f64 {
    let (tui, took) = open_with_every_page_read(binary, data);
    tui.kill();
    ms(took)
}

/// The peak memory after every page is read and the journal, a search,
/// trends, agreements and a new page have been on screen.
fn peak_memory(binary: &Path, data: &Path) -> f64 {
    let (mut tui, _) = open_with_every_page_read(binary, data);
    tui.send("/");
    for c in "walk".chars() {
        tui.send(&c.to_string());
    }
    tui.send("\r");
    tui.send("\x1b");
    tui.send("t");
    tui.wait_for("Trends");
    tui.send("\x1b");
    tui.send("a");
    tui.wait_for("Agreements");
    tui.send("\x1b");
    tui.send("\x1b");
    tui.wait_for("Hello,");
    tui.send("n");
    tui.send("\r");
    tui.send("\r");
    std::thread::sleep(Duration::from_millis(300));
    let _ = tui.contents();
    let peak = tui.peak_mb();
    tui.kill();
    peak
}

/// One command from start to end, its output thrown away.
fn command(binary: &Path, data: &Path, args: &[&str]) -> f64 {
    let started = Instant::now();
    let status = Command::new(binary)
        .arg("--data-dir")
        .arg(data)
        .arg("--config-dir")
        .arg(data.join("no-config"))
        .args(args)
        .env("XDG_CACHE_HOME", cache_home())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run tandem");
    let took = started.elapsed();
    // `check` says 1 when a page has a problem; that is an answer too.
    assert!(status.code().is_some(), "tandem {args:?} was killed");
    ms(took)
}

fn measure(binary: &Path, data: &Path) -> String {
    let pages = pages_in(data);
    let runs = |n: usize, f: &dyn Fn() -> f64| median((0..n).map(|_| f()).collect());
    let few = if pages > 5_000 { 5 } else { 9 };
    let first = runs(21, &|| first_frame(binary, data));
    if std::env::var_os("TANDEM_BENCH_QUICK").is_some() {
        every_page_read(binary, data);
        let all_read = runs(few, &|| every_page_read(binary, data));
        return format!(
            "{{\"pages\": {pages}, \"first_frame_ms\": {first:.2}, \"every_page_read_ms\": {all_read:.2}}}"
        );
    }
    let all_read_cold = runs(few, &|| {
        forget_summaries();
        every_page_read(binary, data)
    });
    let list_cold = runs(few, &|| {
        forget_summaries();
        command(binary, data, &["list"])
    });
    // Once, untimed, to keep the summaries; then as a couple starts.
    every_page_read(binary, data);
    let all_read = runs(few, &|| every_page_read(binary, data));
    let list = runs(few, &|| command(binary, data, &["list"]));
    let check = runs(few, &|| command(binary, data, &["check"]));
    let export = runs(few, &|| {
        command(
            binary,
            data,
            &["export", "--all", "--html", "--output", "-"],
        )
    });
    // Last: a new page is one more to read.
    let peak = (0..3)
        .map(|_| peak_memory(binary, data))
        .fold(0.0, f64::max);
    forget_summaries();
    format!(
        "{{\"pages\": {pages}, \"first_frame_ms\": {first:.2}, \"every_page_read_ms\": {all_read:.2}, \"every_page_read_cold_ms\": {all_read_cold:.2}, \"check_ms\": {check:.2}, \"list_ms\": {list:.2}, \"list_cold_ms\": {list_cold:.2}, \"export_html_ms\": {export:.2}, \"peak_mb\": {peak:.2}}}"
    )
}

/// Writes a generated journal of `pages` pages into `dir` in a process of
/// its own: the journal is large in memory while it is made, and a
/// measuring process that had held it would start every tandem it
/// measures more slowly (a larger process takes longer to fork).
fn write_journal_apart(pages: usize, dir: &Path) {
    let status = Command::new(std::env::current_exe().expect("this program"))
        .env(WRITE_JOURNAL, format!("{pages}"))
        .env(WRITE_INTO, dir)
        .status()
        .expect("write a journal");
    assert!(
        status.success(),
        "writing a journal of {pages} pages failed"
    );
}

const WRITE_JOURNAL: &str = "TANDEM_BENCH_WRITE_PAGES";
const WRITE_INTO: &str = "TANDEM_BENCH_WRITE_INTO";

fn main() {
    if let (Some(pages), Some(dir)) = (
        std::env::var(WRITE_JOURNAL)
            .ok()
            .and_then(|n| n.parse().ok()),
        std::env::var_os(WRITE_INTO),
    ) {
        let library = tandem::content::Library::load(None);
        tandem::demo::generate(&library, pages, tandem::demo::DEMO_SEED)
            .write(Path::new(&dir))
            .expect("write a journal");
        return;
    }
    // `cargo bench` passes options of its own (`--bench`); the rest are
    // journal folders.
    let dirs: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let binary = std::env::var_os("TANDEM_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_tandem")));
    let _generated;
    let dirs = if dirs.is_empty() {
        let root = tempfile::tempdir().expect("a temporary folder");
        let dirs: Vec<PathBuf> = SIZES
            .iter()
            .map(|&size| {
                let dir = root.path().join(size.to_string());
                write_journal_apart(size, &dir);
                dir
            })
            .collect();
        _generated = root;
        // tandem keeps no summary of a file changed in the last seconds.
        std::thread::sleep(Duration::from_secs(6));
        dirs
    } else {
        dirs
    };
    for dir in &dirs {
        println!("{}", measure(&binary, dir));
    }
}
