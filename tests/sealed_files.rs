//! The real binary, with a passphrase set: no word typed in a sealed turn
//! reaches any file (journal, state and cache folders, the temporary
//! folder), not after a kill -9 in the middle of typing, not after a quick
//! exit; and every word comes back once the passphrase opens it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::*;
use expectrl::process::unix::{Signal, WaitStatus};
use tandem::journal::Store;
use tandem::model::Partner;
use tandem::seal::{OpenKey, Passphrase};

const PASSPHRASE: &str = "rain on a tin roof";
const TYPED: [&str; 3] = [
    "Zanzibarquill alpha",
    "Orchidlantern beta",
    "Velvetcompass gamma",
];

struct Places {
    _root: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
}

impl Places {
    fn new() -> Places {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        for folder in ["home", "state", "cache", "tmp", "config"] {
            std::fs::create_dir_all(root.join(folder)).expect("folder");
        }
        Places {
            data: root.join("data"),
            root,
            _root: dir,
        }
    }

    /// tandem with every folder it could write to inside the test's own.
    fn spawn(&self) -> Tui {
        let mut command = Command::new(BIN);
        command
            .arg("--data-dir")
            .arg(&self.data)
            .arg("--config-dir")
            .arg(self.root.join("config"))
            .env("HOME", self.root.join("home"))
            .env("XDG_STATE_HOME", self.root.join("state"))
            .env("XDG_CACHE_HOME", self.root.join("cache"))
            .env("XDG_DATA_HOME", self.root.join("home"))
            .env("TMPDIR", self.root.join("tmp"));
        Tui::spawn_command(command, 100, 30)
    }

    /// The files under every folder tandem was given that hold `word`.
    fn holding(&self, word: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut folders = vec![self.root.clone()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("list").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if std::fs::read(&path)
                    .is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(word))
                {
                    found.push(path);
                }
            }
        }
        found
    }

    fn assert_nowhere(&self, words: &[&str]) {
        for word in words {
            assert_eq!(self.holding(word), Vec::<PathBuf>::new(), "{word}");
        }
    }
}

fn type_passphrase(tui: &mut Tui) {
    tui.type_text(PASSPHRASE);
    tui.send(ENTER);
}

/// The page's first entry, opened with Alex's key as tandem would.
fn alex_answers(data: &Path) -> String {
    let store = Store::open_read_only(data);
    let locked = store.load_key(Partner::First).expect("key file");
    let key = OpenKey::unlock(&locked, &Passphrase::new(PASSPHRASE)).expect("opens");
    let id = store.page_ids().expect("pages").remove(0);
    let mut page = store
        .load_page(&id, &tandem::content::Library::load(None))
        .expect("page")
        .page;
    tandem::seal::open_entry(page.entry_mut(Partner::First), &key).expect("opened");
    format!("{:?}", page.entries[0].answers)
}

#[test]
fn a_sealed_turn_leaves_no_typed_word_in_any_file_even_killed_or_quickly_closed() {
    let places = Places::new();
    let mut tui = places.spawn();
    onboard_with_passphrase(&mut tui, PASSPHRASE);
    start_boundary_map(&mut tui);
    begin_turn_as(&mut tui, Some(PASSPHRASE));
    tui.wait_for("step 1 of 6");
    tui.send(TAB);
    tui.type_text(TYPED[0]);
    tui.send(TAB);
    tui.type_text(TYPED[1]);
    tui.wait_for(TYPED[1]);
    // Autosave runs two seconds after the first unsaved change.
    std::thread::sleep(Duration::from_millis(2600));
    tui.kill(Signal::SIGKILL);
    tui.wait_exit();
    places.assert_nowhere(&TYPED);

    // The next start: the draft opens with the passphrase, every word back.
    let mut tui = places.spawn();
    tui.wait_for("Continue");
    tui.send(ENTER);
    tui.wait_for("Alex, it's your turn.");
    tui.send(ENTER);
    tui.wait_for("your answers on this page are sealed");
    type_passphrase(&mut tui);
    // The second the key takes to open is not a frozen screen, and keys
    // pressed meanwhile are dropped: "n" would answer the private
    // question, "u" too, were they kept for after.
    tui.wait_for("Opening your key");
    tui.type_text("nu");
    tui.wait_for("Can you answer honestly here");
    std::thread::sleep(Duration::from_millis(300));
    let asked = tui.screen();
    assert!(
        asked.contains("Can you answer honestly here"),
        "keys typed while the key opened answered nothing:\n{asked}"
    );
    answer_the_private_question(&mut tui);
    tui.wait_for(TYPED[1]);
    tui.send(BACKTAB);
    tui.wait_for(TYPED[0]);

    // Typing, then the quick exit from inside the text box.
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text(TYPED[2]);
    tui.wait_for(TYPED[2]);
    let pressed = Instant::now();
    tui.send("\x11");
    let status = tui.wait_exit();
    let gone = pressed.elapsed();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    assert!(tui.left_alternate_screen(), "the terminal is given back");
    // The bound is 200 ms; a loaded test machine gets leeway.
    assert!(gone < Duration::from_secs(2), "closed after {gone:?}");
    places.assert_nowhere(&TYPED);
    let answers = alex_answers(&places.data);
    for word in TYPED {
        assert!(answers.contains(word), "{word} is kept: {answers}");
    }
}
