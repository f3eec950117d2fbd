//! The real binary killed with SIGKILL at random moments (seeded, so a
//! failure can be replayed): while it starts and reads the journal, while
//! someone types or pastes a long text, and just after they ask to save. After every kill, each
//! page saved before it loads unchanged, the page being typed keeps all but
//! its last few seconds, and no temporary file is left where the app looks.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::*;
use expectrl::process::unix::Signal;
use tandem::journal::Store;
use tandem::model::{Answer, Partner};

/// How many kills, and the most time they may take together.
const ROUNDS: usize = 10;
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Autosave runs two seconds after a change; allow for the poll and a slow
/// machine on top.
const MAY_LOSE: Duration = Duration::from_millis(4000);
const SEED: u64 = 0x7a4d_e301;

/// A small, seeded random source (xorshift64*): the same seed gives the same
/// kills.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn millis(&mut self, most: u64) -> Duration {
        Duration::from_millis(self.below(most + 1))
    }

    fn word(&mut self) -> String {
        let len = 1 + self.below(7);
        (0..len)
            .map(|_| char::from(b'a' + self.below(26) as u8))
            .collect()
    }
}

/// What the journal holds: each page's bytes, by id.
fn pages_on_disk(data: &Path) -> BTreeMap<String, Vec<u8>> {
    let store = Store::open_read_only(data);
    store
        .page_ids()
        .expect("list pages")
        .into_iter()
        .map(|id| {
            let bytes = std::fs::read(store.page_path(&id)).expect("read page");
            (id, bytes)
        })
        .collect()
}

fn typed_answer(data: &Path, id: &str) -> String {
    let store = Store::open_read_only(data);
    let page = store
        .load_page(id, &tandem::content::Library::load(None))
        .unwrap_or_else(|p| panic!("{id} does not load after a kill: {p}"));
    match page.page.entry(Partner::First).answers.get("area") {
        Some(Answer::Text(text)) => text.clone(),
        _ => String::new(),
    }
}

/// Names the couple in a fresh journal, with the app itself.
fn name_the_couple(data: &Path, config: &Path) {
    let mut tui = Tui::spawn(data, config, 100, 30);
    onboard(&mut tui);
    tui.send(CTRL_C);
    tui.wait_exit();
}

/// Kills one run: either early, while it starts, or while typing on a new
/// page. Returns the text typed, each piece with when it was sent.
fn one_round(rng: &mut Rng, data: &Path, config: &Path) -> Vec<(Instant, String)> {
    let mut tui = Tui::spawn(data, config, 100, 30);
    let mut typed: Vec<(Instant, String)> = Vec::new();
    if rng.below(4) == 0 {
        // While the app starts and reads the journal.
        std::thread::sleep(rng.millis(60));
    } else {
        start_writing(&mut tui);
        let typing_for = rng.millis(4500);
        let start = Instant::now();
        let mut text = String::new();
        while start.elapsed() < typing_for {
            let mut piece = format!("{} ", rng.word());
            if rng.below(10) == 0 {
                // A long paste makes the next save long enough to be cut.
                piece = piece.repeat(40_000);
                tui.send(&format!("\x1b[200~{piece}\x1b[201~"));
            } else {
                tui.type_text(&piece);
            }
            text.push_str(&piece);
            typed.push((Instant::now(), text.clone()));
            if rng.below(8) == 0 {
                tui.send("\x13"); // Ctrl-S, and perhaps a kill mid-save
                if rng.below(2) == 0 {
                    break;
                }
            }
            std::thread::sleep(rng.millis(250));
        }
    }
    tui.kill(Signal::SIGKILL);
    tui.wait_exit();
    typed
}

#[test]
fn random_kills_lose_no_saved_page_and_at_most_a_few_seconds_of_typing() {
    let root = tempfile::tempdir().expect("temp dir");
    let (data, config) = (root.path().join("data"), root.path().join("config"));
    name_the_couple(&data, &config);
    let couple = std::fs::read(data.join("couple.ron")).expect("couple.ron");

    let mut rng = Rng(SEED);
    let started = Instant::now();
    let mut kept = pages_on_disk(&data);
    for round in 0..ROUNDS {
        if started.elapsed() > TIME_LIMIT {
            break;
        }
        let typed = one_round(&mut rng, &data, &config);
        let killed = Instant::now();
        let now = pages_on_disk(&data);
        for (id, bytes) in &kept {
            assert_eq!(
                now.get(id),
                Some(bytes),
                "round {round}: {id} changed or went missing"
            );
        }
        let new: Vec<&String> = now.keys().filter(|id| !kept.contains_key(*id)).collect();
        assert!(new.len() <= 1, "round {round}: {new:?}");
        let saved = new
            .first()
            .map(|id| typed_answer(&data, id))
            .unwrap_or_default();
        // What was typed well before the kill is there, and nothing else.
        let must_have = typed
            .iter()
            .rev()
            .find(|(when, _)| killed.duration_since(*when) > MAY_LOSE)
            .map_or("", |(_, text)| text.trim_end());
        let all = typed.last().map_or("", |(_, text)| text.as_str());
        assert!(
            all.starts_with(saved.trim_end()),
            "round {round}: saved {saved:?} is not what was typed {all:?}"
        );
        assert!(
            saved.trim_end().len() >= must_have.len(),
            "round {round}: saved {saved:?}, typed {all:?} (at least {must_have:?})"
        );
        kept = now;
    }
    assert_eq!(
        std::fs::read(data.join("couple.ron")).expect("kept"),
        couple
    );
    // The seed gives rounds long enough to autosave; if none did, the test
    // has stopped testing anything.
    assert!(kept.len() >= 3, "only {} pages were ever saved", kept.len());

    // The next start clears any temporary file a killed save left; the app
    // never lists one in any case.
    let store = Store::open(&data).expect("open after the kills");
    store.page_ids().expect("list the pages");
    drop(store);
    for folder in [data.clone(), data.join("journal")] {
        for entry in std::fs::read_dir(&folder).expect("list").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                name == ".lock" || !name.starts_with('.'),
                "{name} left in {}",
                folder.display()
            );
        }
    }
}
