//! Shared helpers: an app wired to a real journal in a temporary folder,
//! driven by key events, and drawn into a test terminal.
#![allow(dead_code)]

pub mod pty;

use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tandem::app::{App, Effect, Event, JournalIndex};
use tandem::content::Library;
use tandem::journal::{Disk, Store};
use tandem::runtime::{Flow, carry_out, read_pending};
use tandem::ui::{self, Theme};

/// The built-in library, read once per test binary: every harness gets a
/// copy of the same exercises, as every start of the program would.
pub fn built_in_library() -> Library {
    static BUILT_IN: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    BUILT_IN.get_or_init(|| Library::load(None)).clone()
}

/// A fixed moment, so pages and snapshots do not depend on the day.
pub fn fixed_now() -> Timestamp {
    Timestamp::from_second(1_795_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub struct Harness {
    pub app: App,
    /// The terminal's size, (80, 24) unless changed with `resize`.
    pub size: (u16, u16),
    pub store: Store,
    pub flow: Flow,
    pub last_effects: Vec<Effect>,
    /// The screen as the terminal loop last drew it after an event.
    pub last_frame: String,
    clock: fn() -> Timestamp,
    /// Whether the private question before a sensitive exercise is
    /// answered "yes" as soon as it is asked, as a partner who feels safe
    /// would: on for every test but those about the question.
    pub says_safe: bool,
    /// Each partner's passphrase, typed by them whenever it is asked for
    /// (a turn, the reveal, a look at what they kept), as a partner who
    /// knows it would: off unless a test sets it.
    pub passphrases: [Option<&'static str>; 2],
    /// What drawing keeps between frames, as the terminal loop keeps it.
    drawn: std::cell::RefCell<ui::RenderCache>,
    _dir: Option<tempfile::TempDir>,
}

impl Harness {
    /// A first run in a fresh temporary journal.
    pub fn new() -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut harness = Harness::open(&dir.path().join("data"), None);
        harness._dir = Some(dir);
        harness
    }

    /// The app on the journal in `data` (with custom exercises from
    /// `exercises`), its pages read as the terminal loop would.
    pub fn open(data: &Path, exercises: Option<&Path>) -> Harness {
        Harness::open_at(data, exercises, fixed_now)
    }

    /// The app on the journal in `data`, with the clock at `now`.
    pub fn open_at(data: &Path, exercises: Option<&Path>, now: fn() -> Timestamp) -> Harness {
        let store = Store::open(data).expect("open store");
        Harness::on_store(store, exercises, now)
    }

    /// The app on a journal whose writes all go through `disk`.
    pub fn open_on(data: &Path, disk: Arc<dyn Disk>) -> Harness {
        let store = Store::open_on(data, disk).expect("open store");
        Harness::on_store(store, None, fixed_now)
    }

    fn on_store(store: Store, exercises: Option<&Path>, now: fn() -> Timestamp) -> Harness {
        let couple = store.load_couple().expect("couple readable");
        let ids = store.page_ids().expect("list pages");
        let mut app = App::new(
            couple,
            match exercises {
                Some(folder) => Library::load(Some(folder)),
                None => built_in_library(),
            },
            JournalIndex::new(ids),
            now,
            TimeZone::UTC,
        );
        app.key_files = store.key_files();
        let mut harness = Harness {
            app,
            size: (80, 24),
            store,
            flow: Flow::Continue,
            last_effects: Vec::new(),
            last_frame: String::new(),
            clock: now,
            says_safe: true,
            passphrases: [None, None],
            drawn: std::cell::RefCell::default(),
            _dir: None,
        };
        while read_pending(&mut harness.app, &harness.store, 100) > 0 {}
        if let Some(note) = tandem::runtime::read_dismissed(&mut harness.app, &harness.store) {
            panic!("{note}");
        }
        harness
    }

    /// A couple named Alex and Sam, at home.
    pub fn with_couple() -> Harness {
        let mut h = Harness::new();
        name_couple(&mut h);
        h
    }

    /// Closes the app (releasing the journal's lock) and opens it again, as
    /// the next start would.
    pub fn reopen(self) -> Harness {
        let data = self.data_dir().to_path_buf();
        let dir = self._dir;
        drop(self.app);
        drop(self.store);
        // Another test of this binary that starts a process may hold a copy
        // of the lock for the moment between its fork and its exec.
        for _ in 0..100 {
            match Store::open(&data) {
                Err(tandem::journal::StoreError::Locked(_)) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                _ => break,
            }
        }
        let mut next = Harness::open_at(&data, None, self.clock);
        next._dir = dir;
        next
    }

    pub fn data_dir(&self) -> &Path {
        self.store.root()
    }

    pub fn send(&mut self, event: Event) {
        let effects = self.app.update(event);
        self.last_effects = effects.clone();
        self.flow = carry_out(&mut self.app, &self.store, effects);
        self.measure();
        if self.says_safe
            && matches!(
                self.app.overlay,
                Some(tandem::app::Overlay::SafeToAnswer { .. })
            )
        {
            self.press(KeyCode::Char('y'));
        }
        if let Some(tandem::app::Overlay::Passphrase(b)) = &self.app.overlay
            && matches!(b.purpose, tandem::app::KeyPurpose::Unlock(_))
            && !b.waiting
            && b.error.is_none()
            && b.field.is_empty()
            && let Some(passphrase) = self.passphrases[b.partner.index()]
        {
            self.type_text(passphrase);
            self.press(KeyCode::Enter);
        }
    }

    /// Draws the app at the harness's size and tells it what was measured,
    /// as the terminal loop does after every event.
    pub fn measure(&mut self) {
        let (width, height) = self.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        for _ in 0..3 {
            let mut measured = tandem::app::Measured::default();
            terminal
                .draw(|frame| {
                    measured = ui::render(&self.app, self.drawn.get_mut(), Theme::MONO, frame);
                })
                .expect("draw");
            let again = self.app.measured(measured);
            self.last_frame = text_of(terminal.backend().buffer());
            if !again {
                break;
            }
        }
    }

    /// Changes the terminal's size, as dragging its corner does.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.measure();
    }

    pub fn press(&mut self, code: KeyCode) {
        self.send(Event::key(code));
    }

    pub fn press_n(&mut self, code: KeyCode, n: usize) {
        for _ in 0..n {
            self.press(code);
        }
    }

    pub fn ctrl(&mut self, c: char) {
        self.send(Event::ctrl(c));
    }

    pub fn alt(&mut self, code: KeyCode) {
        self.send(Event::Key(KeyEvent::new(code, KeyModifiers::ALT)));
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            self.press(code);
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.send(Event::Paste(text.to_string()));
    }

    /// Lets `seconds` pass on the app's clock: a tick at that time.
    pub fn tick_after(&mut self, seconds: i64) {
        let at = (self.clock)() + jiff::SignedDuration::from_secs(seconds);
        self.send(Event::Tick(at));
    }

    /// Saves what is open, as the autosave timer would.
    pub fn autosave(&mut self) {
        if let Some(effect) = self.app.autosave() {
            carry_out(&mut self.app, &self.store, vec![effect]);
        }
    }

    pub fn render(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        self.render_with(width, height, Theme::COLOR)
    }

    pub fn render_with(&self, width: u16, height: u16, theme: Theme) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| {
                ui::render(&self.app, &mut self.drawn.borrow_mut(), theme, frame);
            })
            .expect("draw");
        terminal
    }

    /// The screen as plain text.
    pub fn screen(&self, width: u16, height: u16) -> String {
        text_of(self.render(width, height).backend().buffer())
    }
}

fn text_of(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Names the couple Alex and Sam on the first-run screen.
pub fn name_couple(h: &mut Harness) {
    h.type_text("Alex");
    h.press(KeyCode::Tab);
    h.type_text("Sam");
    h.press(KeyCode::Enter);
    // No passphrases for now: the box offering them closes.
    if matches!(h.app.overlay, Some(tandem::app::Overlay::Sealing { .. })) {
        h.press(KeyCode::Esc);
    }
}

/// Answers the boundary map's steps as one partner, ending on the finish card.
pub fn answer_boundary_map(h: &mut Harness, words: &BoundaryWords) {
    // The grid of life areas: a number per row; each moves on to the next.
    for pick in words.areas {
        h.press(KeyCode::Char(*pick));
    }
    h.press(KeyCode::Tab);
    for text in [words.area, words.feeling, words.ask, words.will_do] {
        h.type_text(text);
        h.press(KeyCode::Tab);
    }
    for _ in 0..words.ease {
        h.press(KeyCode::Right);
    }
    h.press(KeyCode::Tab);
}

/// From the boundary map's second step, on to the third, answers the rest
/// as `words` does, ending on the finish card.
pub fn answer_boundary_map_after_step_2(h: &mut Harness, words: &BoundaryWords) {
    h.press(KeyCode::Tab);
    for text in [words.feeling, words.ask, words.will_do] {
        h.type_text(text);
        h.press(KeyCode::Tab);
    }
    h.press(KeyCode::Right);
    h.press(KeyCode::Tab);
}

/// From Alex's finish card: Alex finishes, Sam answers the boundary map
/// whole and finishes; the reveal is on screen.
pub fn sam_answers_after_alex(h: &mut Harness) {
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    answer_boundary_map(h, &SAM);
    h.press(KeyCode::Enter);
}

pub struct BoundaryWords {
    /// The option number typed for the first few life areas.
    pub areas: &'static [char],
    pub area: &'static str,
    pub feeling: &'static str,
    pub ask: &'static str,
    pub will_do: &'static str,
    /// Presses of → on the "how easy" scale (the first press lands mid-scale).
    pub ease: usize,
}

pub const ALEX: BoundaryWords = BoundaryWords {
    areas: &['1', '2', '3'],
    area: "When weekend plans are made without asking me",
    feeling: "I feel left out",
    ask: "I would like us to check with each other first",
    will_do: "I will say so kindly when it happens",
    ease: 2,
};

pub const SAM: BoundaryWords = BoundaryWords {
    areas: &['2', '2', '1'],
    area: "When questions start the moment I get home",
    feeling: "I feel crowded",
    ask: "Twenty quiet minutes to land first",
    will_do: "I will tell you when I need them",
    ease: 1,
};

/// Both partners answer the boundary map as Alex and Sam; the reveal is
/// on screen.
pub fn reveal_boundary_map(h: &mut Harness) {
    reveal_boundary_map_as(h, &ALEX, &SAM);
}

/// As [`reveal_boundary_map`], with the words each partner writes.
pub fn reveal_boundary_map_as(h: &mut Harness, first: &BoundaryWords, second: &BoundaryWords) {
    start_boundary_map(h);
    h.press(KeyCode::Enter);
    answer_boundary_map(h, first);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    answer_boundary_map(h, second);
    h.press(KeyCode::Enter);
}

/// Starts an exercise from home; the hand-off screen is next.
pub fn start_exercise(h: &mut Harness, id: &str) {
    choose_exercise(h, id);
    // A page of it left open earlier: start another anyway.
    if matches!(h.app.overlay, Some(tandem::app::Overlay::Confirm { .. })) {
        h.press(KeyCode::Char('y'));
    }
}

/// Chooses an exercise in the library from home, answering nothing asked.
pub fn choose_exercise(h: &mut Harness, id: &str) {
    h.press(KeyCode::Char('n'));
    let index = h
        .app
        .library
        .entries()
        .iter()
        .position(|e| e.exercise.id == id)
        .unwrap_or_else(|| panic!("{id} is not in the library"));
    h.press_n(KeyCode::Down, index);
    h.press(KeyCode::Enter);
}

pub fn start_boundary_map(h: &mut Harness) {
    start_exercise(h, "boundary-map");
}

/// Types each text into the step on screen and moves on with Tab.
pub fn write_steps(h: &mut Harness, texts: &[&str]) {
    for text in texts {
        h.type_text(text);
        h.press(KeyCode::Tab);
    }
}

/// The newest page, read back from disk.
pub fn newest_page(h: &Harness) -> tandem::model::Page {
    let ids = h.store.page_ids().expect("list pages");
    let id = ids.first().expect("a page was saved");
    h.store
        .load_page(id, &h.app.library)
        .expect("page loads")
        .page
}

/// Answers every step of the turn on screen, varying the answers by `seed`
/// so that two partners differ, and stops on the finish card. Text steps get
/// `text` followed by the step number.
/// Writes together what the exercise asks for before the turns, when it
/// asks for anything, and finishes it. Whether there was something.
pub fn write_opening(h: &mut Harness, text: &str) -> bool {
    use tandem::app::Screen;
    let mut wrote = false;
    for _ in 0..20 {
        let Screen::Turn(turn) = &h.app.screen else {
            return wrote;
        };
        if !turn.opening {
            return wrote;
        }
        wrote = true;
        if turn.on_finish_card() {
            h.press(KeyCode::Enter);
            return true;
        }
        h.type_text(text);
        h.press(KeyCode::Tab);
    }
    panic!("the opening never ended");
}

pub fn answer_turn(h: &mut Harness, seed: usize, text: &str) {
    use tandem::app::{FieldEditor, Screen};
    for step in 0..100 {
        let Screen::Turn(turn) = &h.app.screen else {
            panic!("not in a turn");
        };
        let Some(editor) = &turn.editor else {
            return; // the finish card
        };
        let digit = |n: usize| KeyCode::Char(char::from(b'1' + (n % 9) as u8));
        match editor {
            FieldEditor::Text(_) => h.type_text(&format!("{text} {}", step + 1)),
            FieldEditor::List(_) => {
                h.type_text(&format!("{text} {}a", step + 1));
                h.press(KeyCode::Enter);
                h.type_text(&format!("{text} {}b", step + 1));
            }
            FieldEditor::Scale(_) => h.press_n(KeyCode::Right, 1 + seed * 2),
            FieldEditor::Choice(_) => h.press(digit(seed)),
            FieldEditor::Checklist(_) => {
                h.press(digit(seed));
                h.press(digit(2));
            }
            FieldEditor::Grid(grid) => {
                // A varied but valid number for every cell of the first rows.
                let sizes = column_sizes(turn);
                let rows = grid.rows.len().min(6);
                for row in 0..rows {
                    for (column, size) in sizes.iter().enumerate() {
                        h.press(digit((row * 7 + column * 3 + seed * 2 + row / 2) % size));
                    }
                }
            }
        }
        h.press(KeyCode::Tab);
    }
    panic!("the turn never ended");
}

/// How many values each column of the grid on screen takes.
fn column_sizes(turn: &tandem::app::Turn) -> Vec<usize> {
    use tandem::model::{ColumnKind, Field};
    match turn.slot().map(|s| &s.field) {
        Some(Field::Grid(def)) => def
            .columns
            .iter()
            .map(|c| match &c.kind {
                ColumnKind::Scale(s) => usize::try_from(s.max - s.min + 1).unwrap_or(1).min(9),
                ColumnKind::Choice(choice) => choice.options.len().min(9),
            })
            .collect(),
        _ => vec![1],
    }
}

/// Works `id` from home through both partners' turns to the reveal.
pub fn both_partners_answer(h: &mut Harness, id: &str) {
    start_exercise(h, id);
    h.press(KeyCode::Enter);
    if write_opening(h, "Our topic") {
        h.press(KeyCode::Enter);
    }
    answer_turn(h, 0, "Alex's answer");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    answer_turn(h, 1, "Sam's answer");
    h.press(KeyCode::Enter);
}

/// A week after the demo journal's last page.
pub fn demo_now() -> Timestamp {
    Timestamp::from_second(1_764_547_200).unwrap_or(Timestamp::UNIX_EPOCH) // 2025-12-01
}

/// The demo couple's journal of `pages` pages in a temporary folder, open
/// at home a week after its last page.
pub fn demo(pages: usize) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    tandem::demo::generate(&built_in_library(), pages, tandem::demo::DEMO_SEED)
        .write(&data)
        .expect("write the demo journal");
    let mut h = Harness::open_at(&data, None, demo_now);
    h._dir = Some(dir);
    h
}

/// Both partners answer the boundary map and talk it over as far as its
/// agreements, writing down `agreements`; the list is still on screen.
#[allow(dead_code)]
pub fn write_agreements(h: &mut Harness, agreements: &[&str]) {
    both_partners_answer(h, "boundary-map");
    h.press(KeyCode::Enter);
    h.press_n(KeyCode::Tab, 3);
    for (n, agreement) in agreements.iter().enumerate() {
        if n > 0 {
            h.press(KeyCode::Enter);
        }
        h.type_text(agreement);
    }
}

/// On the journal: only the pages of the exercise called `title`, chosen
/// by typing its name.
#[allow(dead_code)]
pub fn filter_exercise(h: &mut Harness, title: &str) {
    h.press(KeyCode::Char('e'));
    h.type_text(title);
    h.press(KeyCode::Enter);
}

/// On the journal: only the pages of the category called `label`.
#[allow(dead_code)]
pub fn filter_category(h: &mut Harness, label: &str) {
    h.press(KeyCode::Char('c'));
    h.type_text(label);
    h.press(KeyCode::Enter);
}

/// From home, the journal filtered to the needs inventory, with its two
/// newest pages marked and compared.
#[allow(dead_code)]
pub fn compare_two_needs_inventories(h: &mut Harness) {
    h.press(KeyCode::Char('b'));
    filter_exercise(h, "Needs inventory");
    h.press(KeyCode::Char('m'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('m'));
}

/// Types a passphrase into the box and presses Enter.
pub fn enter_passphrase(h: &mut Harness, passphrase: &str) {
    assert!(
        matches!(h.app.overlay, Some(tandem::app::Overlay::Passphrase(_))),
        "a passphrase is asked for:\n{}",
        h.last_frame
    );
    h.type_text(passphrase);
    h.press(KeyCode::Enter);
}

/// From home: the first partner (with `second`, the second) sets a
/// passphrase; home is next.
pub fn set_passphrase(h: &mut Harness, second: bool, passphrase: &str) {
    h.press(KeyCode::Char('P'));
    if second {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    enter_passphrase(h, passphrase);
    enter_passphrase(h, passphrase);
    assert!(
        matches!(h.app.overlay, Some(tandem::app::Overlay::Sealing { .. })),
        "back in the passphrases box"
    );
    h.press(KeyCode::Esc);
}
