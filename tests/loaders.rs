//! The journal loader and the exercise validator meet damaged files: real
//! files cut, spliced and sprinkled with stray characters. Every input gives
//! a value or a problem that points inside the file, never a panic.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use tandem::content::{Library, parse_exercise};
use tandem::journal::{parse_couple, parse_page};
use tandem::problem::Problem;
use tandem::ron_text::to_ron;

/// Real files to damage: a few generated pages of every kind, the couple,
/// and the built-in exercises.
struct Samples {
    pages: Vec<String>,
    couple: String,
    exercises: Vec<String>,
}

fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let library = Library::load(None);
        let demo = tandem::demo::generate(&library, 24, 7);
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut exercises: Vec<String> = std::fs::read_dir(&folder)
            .expect("content folder")
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
            .map(|e| std::fs::read_to_string(e.path()).expect("exercise file"))
            .collect();
        exercises.sort();
        Samples {
            pages: demo
                .pages
                .iter()
                .map(|p| to_ron(p).expect("serialise"))
                .collect(),
            couple: to_ron(&demo.couple).expect("serialise"),
            exercises,
        }
    })
}

/// One way of damaging a file.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut the file off at this fraction of its length.
    Truncate(f64),
    /// Remove a span.
    Remove(f64, usize),
    /// Copy a span to another place.
    Splice(f64, usize, f64),
    /// Put this text somewhere.
    Insert(f64, String),
}

fn damage() -> impl Strategy<Value = Damage> {
    let fraction = 0.0..1.0f64;
    let stray = prop::collection::vec(
        prop_oneof![
            Just("(".to_string()),
            Just(")".to_string()),
            Just("\"".to_string()),
            Just("r#\"".to_string()),
            Just("\"#".to_string()),
            Just(",".to_string()),
            Just(":".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("99999999999999999999".to_string()),
            Just("-1".to_string()),
            Just("version: 2,".to_string()),
            Just("Some(".to_string()),
            Just("\u{0}".to_string()),
            Just("\u{feff}".to_string()),
            Just("é́".to_string()),
            Just("👩‍❤️‍👨".to_string()),
            "[a-zA-Z_]{1,8}",
            any::<char>().prop_map(String::from),
        ],
        1..4,
    )
    .prop_map(|pieces| pieces.concat());
    prop_oneof![
        fraction.clone().prop_map(Damage::Truncate),
        (fraction.clone(), 1..200usize).prop_map(|(at, len)| Damage::Remove(at, len)),
        (fraction.clone(), 1..400usize, fraction.clone())
            .prop_map(|(at, len, to)| Damage::Splice(at, len, to)),
        (fraction, stray).prop_map(|(at, text)| Damage::Insert(at, text)),
    ]
}

/// The byte index nearest `fraction` of the way through `text` that is a
/// character boundary.
fn at(text: &str, fraction: f64) -> usize {
    let mut i = ((text.len() as f64) * fraction) as usize;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn apply(text: &str, damages: &[Damage]) -> Vec<u8> {
    let mut text = text.to_string();
    let mut raw_cut = None;
    for damage in damages {
        match damage {
            Damage::Truncate(f) => {
                // Cut at a byte, even mid-character, as a crash might.
                let cut = ((text.len() as f64) * f) as usize;
                raw_cut = Some(cut.min(text.len()));
                break;
            }
            Damage::Remove(f, len) => {
                let start = at(&text, *f);
                let end = at(&text, (start + len) as f64 / text.len().max(1) as f64);
                text.replace_range(start..end.max(start), "");
            }
            Damage::Splice(f, len, to) => {
                let start = at(&text, *f);
                let end = at(&text, (start + len) as f64 / text.len().max(1) as f64);
                let piece = text[start..end.max(start)].to_string();
                let to = at(&text, *to);
                text.insert_str(to, &piece);
            }
            Damage::Insert(f, piece) => {
                let i = at(&text, *f);
                text.insert_str(i, piece);
            }
        }
    }
    let mut bytes = text.into_bytes();
    if let Some(cut) = raw_cut {
        bytes.truncate(cut);
    }
    bytes
}

/// A problem must point at a place inside the file it names.
fn points_inside(problem: &Problem, bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    prop_assert!(problem.line >= 1 && problem.line <= lines, "{problem}");
    prop_assert!(problem.column >= 1, "{problem}");
    prop_assert!(!problem.message.is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_damaged_page_loads_or_gives_a_located_problem(
        which in 0..24usize,
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let bytes = apply(&samples().pages[which], &damages);
        let path = Path::new("journal/page.ron");
        if let Err(problem) = parse_page(path, &bytes) {
            prop_assert_eq!(&problem.path, path);
            points_inside(&problem, &bytes)?;
        }
    }

    #[test]
    fn a_damaged_couple_file_loads_or_gives_a_located_problem(
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let bytes = apply(&samples().couple, &damages);
        if let Err(problem) = parse_couple(Path::new("couple.ron"), &bytes) {
            points_inside(&problem, &bytes)?;
        }
    }

    #[test]
    fn a_damaged_exercise_is_accepted_or_every_problem_is_located(
        which in 0..10usize,
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let exercises = &samples().exercises;
        let bytes = apply(&exercises[which % exercises.len()], &damages);
        // Exercise files are read as text first; bytes that are not UTF-8
        // are turned away before parsing, so feed what the loader would.
        let text = String::from_utf8_lossy(&bytes);
        if let Err(problems) = parse_exercise(Path::new("custom.ron"), &text) {
            prop_assert!(!problems.is_empty());
            for problem in &problems {
                points_inside(problem, text.as_bytes())?;
            }
        }
    }
}
