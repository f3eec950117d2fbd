//! The exercise library: built-in files, the couple's own files, and the
//! example in the format reference, which must keep working as documented.

mod common;

use std::path::Path;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tandem::content::{Library, Source, parse_exercise};
use tandem::model::{Answer, ColumnKind, Field, PageStatus, Partner, Step, StepMode};

fn reference_example() -> String {
    let reference = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/exercise-format.md"),
    )
    .expect("docs/exercise-format.md");
    let start = reference
        .find("<!-- example-exercise -->")
        .expect("example start marker");
    let end = reference
        .find("<!-- /example-exercise -->")
        .expect("example end marker");
    let block = &reference[start..end];
    let body_start = block.find("```ron\n").expect("ron block") + "```ron\n".len();
    let body_end = block.rfind("```").expect("block end");
    block[body_start..body_end].to_string()
}

#[test]
fn every_built_in_exercise_loads_and_has_unique_ids() {
    let library = Library::load(None);
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    let mut ids: Vec<&str> = library.exercises().map(|e| e.id.as_str()).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids must be unique");
    for id in ["boundary-map", "saying-no", "time-together-apart"] {
        let exercise = library.get(id).unwrap_or_else(|| panic!("{id} missing"));
        let intro = exercise.intro.to_lowercase();
        assert!(
            intro.contains("boundar") || intro.contains("limit"),
            "{id}: the intro says why boundaries matter"
        );
    }
}

#[test]
fn the_reference_example_is_a_valid_exercise_using_every_kind() {
    let exercise = parse_exercise(Path::new("docs/exercise-format.md"), &reference_example())
        .unwrap_or_else(|p| panic!("{p:#?}"));
    let kinds: Vec<&str> = exercise.steps.iter().map(|s| s.field.kind_name()).collect();
    for kind in ["text", "list", "scale", "choice", "checklist", "grid"] {
        assert!(kinds.contains(&kind), "{kind} not used");
    }
    assert!(
        exercise
            .steps
            .iter()
            .any(|s| matches!(s.mode, StepMode::Reflect { .. }))
    );
    assert!(exercise.steps.iter().any(|s| s.mode == StepMode::Shared));
    assert!(
        exercise
            .steps
            .iter()
            .any(|s| matches!(s.mode, StepMode::Turn { .. }))
    );
}

#[test]
fn custom_files_add_replace_and_report_problems_without_stopping() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("evening.ron"), reference_example()).expect("write");
    let replacement = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/saying-no.ron"),
    )
    .expect("built-in file")
    .replace("Saying no without guilt", "Our own way of saying no");
    std::fs::write(dir.path().join("saying-no.ron"), replacement).expect("write");
    std::fs::write(
        dir.path().join("broken.ron"),
        "(\n    version: 1,\n    id: \"broken\",\n    title: 12,\n)",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("bad-scale.ron"),
        reference_example()
            .replace("\"evening-check\"", "\"bad-scale\"")
            .replace(
                "min: 1, max: 5, low: \"empty\"",
                "min: 5, max: 1, low: \"empty\"",
            ),
    )
    .expect("write");

    let library = Library::load(Some(dir.path()));
    let evening = library
        .entries()
        .iter()
        .find(|e| e.exercise.id == "evening-check")
        .expect("custom exercise listed");
    assert!(matches!(evening.source, Source::Custom(_)));
    assert_eq!(
        library.get("saying-no").map(|e| e.title.as_str()),
        Some("Our own way of saying no")
    );
    assert!(library.get("boundary-map").is_some());
    assert!(library.get("broken").is_none());
    assert!(library.get("bad-scale").is_none());

    let broken = library
        .problems
        .iter()
        .find(|p| p.path.ends_with("broken.ron"))
        .expect("broken file reported");
    assert_eq!(broken.line, 4, "{broken}");
    let scale = library
        .problems
        .iter()
        .find(|p| p.path.ends_with("bad-scale.ron"))
        .expect("bad scale reported");
    assert!(
        scale
            .message
            .contains("the scale's min (5) must be below its max (1)"),
        "{scale}"
    );
    assert!(scale.line > 1, "{scale}");
}

/// The reference's example, dropped into the exercises folder, works end to end
/// without any code change: both partners, the reveal, the shared steps.
#[test]
fn a_custom_exercise_works_end_to_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exercises = dir.path().join("exercises");
    std::fs::create_dir(&exercises).expect("folder");
    std::fs::write(exercises.join("evening.ron"), reference_example()).expect("write");
    let mut h = Harness::open(&dir.path().join("data"), Some(&exercises));
    name_couple(&mut h);
    start_exercise(&mut h, "evening-check");
    assert!(h.screen(100, 30).contains("Ten quiet minutes"));
    h.press(KeyCode::Enter);
    for (partner, words) in [("Alex", "A long day"), ("Sam", "A calm day")] {
        assert!(h.screen(100, 30).contains(&format!("{partner}'s turn")));
        h.type_text(words); // text
        h.press(KeyCode::Tab);
        h.type_text("tea");
        h.press(KeyCode::Enter);
        h.type_text("sun"); // list
        h.press(KeyCode::Tab);
        h.press(KeyCode::Char('4')); // scale
        h.press(KeyCode::Tab);
        h.press(KeyCode::Char('2')); // choice
        h.press(KeyCode::Tab);
        h.press(KeyCode::Char('1')); // checklist
        h.press(KeyCode::Char('3'));
        h.press(KeyCode::Tab);
        h.press(KeyCode::Char('3')); // grid: work, how it went
        h.press(KeyCode::Right);
        h.press(KeyCode::Char('2')); // talk about it: yes
        h.press(KeyCode::Tab);
        h.press(KeyCode::Enter); // finish the turn
        if partner == "Alex" {
            h.press(KeyCode::Enter); // Sam starts after the hand-off
        }
    }
    let reveal = h.screen(120, 80);
    assert!(
        reveal.contains("A long day") && reveal.contains("A calm day"),
        "{reveal}"
    );
    assert!(reveal.contains("Both of you:"), "{reveal}");
    h.press(KeyCode::Enter);
    write_steps(
        &mut h,
        &[
            "You had a long one",
            "Yours was calm",
            "A quiet morning",
            "You would like a quiet morning",
            "A walk, then a film",
        ],
    );
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);

    let page = newest_page(&h);
    assert_eq!(page.status(), PageStatus::Discussed);
    let exercise = h.app.library.get("evening-check").expect("listed").clone();
    for partner in Partner::BOTH {
        let entry = page.entry(partner);
        for step in exercise
            .steps
            .iter()
            .filter(|s| s.mode == StepMode::Individual)
        {
            let answer = entry.answers.get(&step.id);
            assert!(
                answer.is_some(),
                "{} left {} unanswered",
                entry.partner,
                step.id
            );
            if let (Field::Grid(_), Some(Answer::Grid(rows))) = (&step.field, answer) {
                assert_eq!(rows[0].values.len(), 2, "both grid columns answered");
            }
        }
        assert!(entry.answers.contains_key("heard"));
    }
    assert_eq!(
        page.entry(Partner::Second).answers.get("wish-heard"),
        Some(&Answer::Text("You would like a quiet morning".into()))
    );
    assert_eq!(
        page.shared.answers.get("plan"),
        Some(&Answer::Text("A walk, then a film".into()))
    );
}

/// Every id of the concept map.
fn concept_map() -> Vec<String> {
    (1..=12)
        .map(|n| format!("C{n}"))
        .chain((1..=12).map(|n| format!("I{n}")))
        .chain((1..=7).map(|n| format!("S{n}")))
        .collect()
}

#[test]
fn every_concept_of_the_map_is_practised_by_a_step_outside_the_reflection_statements() {
    let library = Library::load(None);
    // Where each concept is practised: a step that names it, other than
    // the reflection's grid of statements, which names every pattern to
    // rate rather than practise it.
    let mut practised: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for exercise in library.exercises() {
        assert!(
            exercise.individual_steps().any(|s| !s.concepts.is_empty()),
            "{}: no step says what it practises",
            exercise.id
        );
        for step in &exercise.steps {
            if exercise.id == "reflection" && step.id == "statements" {
                continue;
            }
            for concept in &step.concepts {
                practised
                    .entry(concept.clone())
                    .or_default()
                    .push(format!("{}/{}", exercise.id, step.id));
            }
        }
    }
    let missing: Vec<String> = concept_map()
        .into_iter()
        .filter(|id| !practised.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "concepts no step practises: {missing:?}"
    );
    // Some concepts are easy to rate and easy to name in passing, and so
    // easy to leave unpractised: where my responsibility ends (C1), a
    // decision of my own (C9), steadying myself before asking for
    // reassurance (C8, C11), what I value (S3). Each needs a step whose
    // main aim it is (named first) and that has a partner write, sort or
    // choose, not rate on a scale or say back the other's answer.
    for concept in ["C1", "C8", "C9", "C11", "S3"] {
        let practising: Vec<String> = library
            .exercises()
            .filter(|e| e.id != "reflection")
            .flat_map(|e| e.steps.iter().map(move |s| (e, s)))
            .filter(|(_, s)| practises(s, concept))
            .map(|(e, s)| format!("{}/{}", e.id, s.id))
            .collect();
        assert!(
            !practising.is_empty(),
            "{concept} is named by {:?} but no step has it as its main aim and has a partner do more than rate it",
            practised.get(concept)
        );
    }
    // An exercise claims as a whole only what its steps bear out.
    let mut unbacked = Vec::new();
    for exercise in library.exercises() {
        for concept in &exercise.concepts {
            let in_steps = exercise.steps.iter().any(|s| s.concepts.contains(concept));
            let in_rows = exercise.steps.iter().any(|s| {
                matches!(&s.field, Field::Grid(g) if g.rows.iter().any(|r| &r.concept == concept))
            });
            if !(in_steps || in_rows) {
                unbacked.push(format!("{}: {concept}", exercise.id));
            }
        }
    }
    assert!(
        unbacked.is_empty(),
        "named by an exercise but practised by none of its steps: {unbacked:#?}"
    );
}

/// Whether a step practises a concept: the concept is its main aim (named
/// first), and the step asks for words, a sorting or a choice of one's
/// own, not a rating or the partner's words said back.
fn practises(step: &Step, concept: &str) -> bool {
    let main_aim = step.concepts.first().is_some_and(|c| c == concept);
    let rating = match &step.field {
        Field::Scale(_) => true,
        Field::Grid(g) => g
            .columns
            .iter()
            .all(|c| matches!(c.kind, ColumnKind::Scale(_))),
        _ => false,
    };
    let said_back = matches!(step.mode, StepMode::Reflect { .. } | StepMode::Opening);
    main_aim && !rating && !said_back
}

#[test]
fn the_library_has_twenty_four_exercises_each_with_its_reveal_at_two_sizes() {
    let library = Library::load(None);
    let count = library.exercises().count();
    assert!(count >= 24, "{count} exercises");
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for exercise in library.exercises() {
        for size in ["80x24", "160x60"] {
            let named = |id: &str| snapshots.join(format!("snapshots__reveal_{id}_{size}.snap"));
            let id = exercise.id.replace('-', "_");
            assert!(
                named(&exercise.id).exists() || named(&id).exists(),
                "{}: no reveal snapshot at {size}",
                exercise.id
            );
        }
    }
}

/// Syllables in an English word, by vowel groups (the usual estimate).
fn syllables(word: &str) -> usize {
    let word: String = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase();
    if word.is_empty() {
        return 0;
    }
    let mut count = 0;
    let mut in_vowels = false;
    for c in word.chars() {
        let vowel = "aeiouy".contains(c);
        if vowel && !in_vowels {
            count += 1;
        }
        in_vowels = vowel;
    }
    if word.ends_with('e') && !word.ends_with("le") && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// Flesch reading ease of a set of texts; each text ends a sentence.
fn reading_ease(texts: &[&str]) -> f64 {
    let mut sentences = 0usize;
    let mut words = 0usize;
    let mut syllable_count = 0usize;
    for text in texts {
        for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
            let ends = paragraph
                .split_inclusive(['.', '!', '?'])
                .filter(|s| {
                    s.split_whitespace()
                        .any(|w| w.chars().any(char::is_alphabetic))
                })
                .count();
            sentences += ends.max(1);
            for word in paragraph.split_whitespace() {
                let n = syllables(word);
                if n > 0 {
                    words += 1;
                    syllable_count += n;
                }
            }
        }
    }
    let (w, s, y) = (words as f64, sentences as f64, syllable_count as f64);
    206.835 - 1.015 * (w / s) - 84.6 * (y / w)
}

#[test]
fn the_built_in_wording_reads_plainly() {
    assert_eq!(syllables("relationship"), 4);
    assert_eq!(syllables("boundary"), 3);
    assert_eq!(syllables("time"), 1);
    // The scorer tells plain from dense writing.
    assert!(reading_ease(&["The cat sat on the mat. It was warm."]) > 90.0);
    assert!(
        reading_ease(&[
            "Interdependent relationships necessitate continuous negotiation of individual autonomy alongside collaborative responsibilities, particularly regarding emotional regulation."
        ]) < 10.0
    );
    let library = Library::load(None);
    let mut all: Vec<&str> = Vec::new();
    let mut dense = Vec::new();
    for exercise in library.exercises() {
        let mut texts: Vec<&str> = vec![&exercise.intro];
        texts.extend(exercise.steps.iter().map(|s| s.prompt.as_str()));
        texts.extend(exercise.steps.iter().filter_map(|s| s.hint.as_deref()));
        let ease = reading_ease(&texts);
        println!("{:<24} {ease:.1}", exercise.id);
        if ease < 60.0 {
            dense.push(format!("{} ({ease:.1})", exercise.id));
        }
        all.extend(texts);
    }
    let ease = reading_ease(&all);
    println!("Flesch reading ease of every intro, prompt and hint: {ease:.1}");
    assert!(dense.is_empty(), "below 60: {dense:?}");
    assert!(ease >= 60.0, "reading ease {ease:.1} is below 60");
}

#[test]
fn a_guess_names_a_step_answered_on_ones_own_or_the_file_says_where_it_does_not() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/your-world-now.ron");
    let text = std::fs::read_to_string(&path).expect("read the built-in file");
    assert!(parse_exercise(&path, &text).is_ok());
    for (target, says) in [
        ("nowhere", "is not a step of this exercise"),
        ("surprised", "is not a step answered on one's own"),
        ("guess-worry", "is this step itself"),
    ] {
        let changed = text.replacen("guess_of: \"worry\"", &format!("guess_of: \"{target}\""), 1);
        let problems = parse_exercise(&path, &changed).expect_err("a guess at a wrong step");
        let line = changed
            .lines()
            .position(|l| l.contains("guess_of"))
            .map(|i| i + 1);
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains(says) && Some(p.line) == line),
            "{target}: {problems:#?}"
        );
    }
}

/// Every id an answer can be stored under in a built-in exercise: steps
/// with their kind, options, grid rows and columns.
fn answer_ids(library: &Library) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    let options = |at: &str,
                   choice: &tandem::model::ChoiceDef,
                   ids: &mut std::collections::BTreeSet<String>| {
        for option in &choice.options {
            ids.insert(format!("{at} option {}", option.id));
        }
    };
    for exercise in library.exercises() {
        for step in &exercise.steps {
            let at = format!("{}/{}", exercise.id, step.id);
            ids.insert(format!("{at} {}", step.field.kind_name()));
            match &step.field {
                Field::Choice(choice) | Field::Checklist(choice) => options(&at, choice, &mut ids),
                Field::Grid(grid) => {
                    for row in &grid.rows {
                        ids.insert(format!("{at} row {}", row.id));
                    }
                    for column in &grid.columns {
                        let kind = match &column.kind {
                            ColumnKind::Scale(_) => "scale",
                            ColumnKind::Choice(_) => "choice",
                        };
                        let at = format!("{at} column {}", column.id);
                        ids.insert(format!("{at} {kind}"));
                        if let ColumnKind::Choice(choice) = &column.kind {
                            options(&at, choice, &mut ids);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    ids
}

#[test]
fn what_a_couple_answered_with_an_earlier_built_in_exercise_still_fits_it() {
    // A page keeps the ids its answers were given under. Were a built-in
    // exercise to drop a step, an option or a row, or change a step's
    // kind, every page answered with it would stop fitting and be left
    // read-only. So an id, once shipped, stays; wording may change.
    let shipped_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shipped-ids.txt");
    let shipped: std::collections::BTreeSet<String> = std::fs::read_to_string(&shipped_file)
        .expect("tests/shipped-ids.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let now = answer_ids(&Library::load(None));
    let gone: Vec<&String> = shipped.difference(&now).collect();
    assert!(
        gone.is_empty(),
        "pages answered with these would no longer fit their exercise: {gone:#?}"
    );
    let new: Vec<&String> = now.difference(&shipped).collect();
    assert!(
        new.is_empty(),
        "new answer ids: add these lines to tests/shipped-ids.txt, so they are kept from now on:\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
