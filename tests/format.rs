//! The exercise format's rules: each mistake a person writing an exercise
//! can make gets its own message, at the key it is about.

use std::path::Path;

use tandem::content::{Library, parse_exercise};

/// A small exercise that is valid as it is; each case changes one thing.
const VALID: &str = r#"(
    version: 1,
    id: "our-evening",
    title: "Our evening",
    category: CheckIn,
    minutes: 10,
    intro: "A short look at the day.",
    steps: [
        (
            id: "day",
            prompt: "How was your day?",
            field: Scale(min: 1, max: 5, low: "hard", high: "good"),
        ),
        (
            id: "wish",
            prompt: "What would you like this evening?",
            field: Choice(options: [(id: "quiet", label: "quiet"), (id: "company", label: "company")]),
        ),
        (
            id: "areas",
            prompt: "How do these feel?",
            field: Grid(
                rows: [(id: "rest", label: "Rest")],
                columns: [
                    (id: "matters", label: "Matters", kind: Scale(min: 1, max: 5, low: "little", high: "a lot")),
                    (id: "met", label: "Met", kind: Scale(min: 1, max: 5, low: "poorly", high: "well")),
                    (id: "say", label: "Say", kind: Choice(options: [(id: "yes", label: "yes"), (id: "no", label: "no")])),
                ],
            ),
        ),
        (
            id: "heard",
            prompt: "Say back what you heard.",
            mode: Reflect(of: ["day"]),
            field: Text(),
        ),
        (
            id: "together",
            prompt: "What will you do tonight?",
            mode: Shared,
            field: Text(placeholder: "We will …"),
        ),
    ],
)
"#;

/// The problems `text` has, one per line as `check` prints them, or "valid".
fn problems(text: &str) -> String {
    match parse_exercise(Path::new("our-evening.ron"), text) {
        Ok(_) => "valid".to_string(),
        Err(problems) => problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn changed(from: &str, to: &str) -> String {
    assert!(
        VALID.contains(from),
        "{from:?} is not in the valid exercise"
    );
    VALID.replacen(from, to, 1)
}

#[test]
fn the_starting_exercise_is_valid() {
    assert_eq!(problems(VALID), "valid");
}

/// Every mistake, its message and its position, in one snapshot that a
/// reviewer reads top to bottom.
#[test]
fn each_mistake_is_named_at_its_key() {
    let cases: Vec<(&str, String)> = vec![
        ("a misspelt mode", changed("mode: Reflect", "mod: Reflect")),
        (
            "add_row for add_rows",
            changed(
                "rows: [(id: \"rest\", label: \"Rest\")],",
                "rows: [(id: \"rest\", label: \"Rest\")],\n                add_row: true,",
            ),
        ),
        (
            "a key nothing like any other",
            changed("minutes: 10,", "minutes: 10,\n    colour: \"blue\","),
        ),
        (
            "a misspelt scale key",
            changed(
                "min: 1, max: 5, low: \"hard\"",
                "min: 1, mx: 5, low: \"hard\"",
            ),
        ),
        (
            "a key written twice",
            changed(
                "title: \"Our evening\",",
                "title: \"Our evening\",\n    title: \"Again\",",
            ),
        ),
        (
            "a missing prompt",
            changed("prompt: \"How was your day?\",", ""),
        ),
        (
            "an id with capitals written with escapes",
            changed("id: \"our-evening\"", "id: \"\\u{4F}ur-evening\""),
        ),
        (
            "a step id used twice",
            changed("id: \"wish\"", "id: \"day\""),
        ),
        (
            "a scale upside down",
            changed(
                "min: 1, max: 5, low: \"hard\"",
                "min: 5, max: 1, low: \"hard\"",
            ),
        ),
        (
            "a scale of four billion steps",
            changed(
                "min: 1, max: 5, low: \"hard\"",
                "min: -2000000000, max: 2000000000, low: \"hard\"",
            ),
        ),
        (
            "a scale too long to answer",
            changed(
                "min: 1, max: 5, low: \"hard\"",
                "min: 0, max: 500, low: \"hard\"",
            ),
        ),
        ("no minutes at all", changed("minutes: 10,", "minutes: 0,")),
        (
            "revision 0",
            changed("minutes: 10,", "minutes: 10,\n    revision: 0,"),
        ),
        ("format 0", changed("version: 1,", "version: 0,")),
        (
            "a newer format with keys this build does not know",
            changed("version: 1,", "version: 7,\n    moods: [],"),
        ),
        (
            "saying back a shared step",
            changed("Reflect(of: [\"day\"])", "Reflect(of: [\"together\"])"),
        ),
        (
            "saying back nothing",
            changed("Reflect(of: [\"day\"])", "Reflect(of: [])"),
        ),
        (
            "a turn that shows a later step",
            changed(
                "mode: Shared,",
                "mode: Turn(by: First, shows: [\"later\"]),",
            ),
        ),
        (
            "a choice of one",
            changed(
                "options: [(id: \"quiet\", label: \"quiet\"), (id: \"company\", label: \"company\")]",
                "options: [(id: \"quiet\", label: \"quiet\")]",
            ),
        ),
        (
            "an option id used twice",
            changed(
                "(id: \"company\", label: \"company\")",
                "(id: \"quiet\", label: \"company\")",
            ),
        ),
        (
            "no step answered alone",
            VALID
                .replace(
                    "field: Scale(min: 1, max: 5, low: \"hard\"",
                    "mode: Shared,\n            field: Scale(min: 1, max: 5, low: \"hard\"",
                )
                .replace(
                    "prompt: \"What would you like this evening?\",",
                    "prompt: \"What would you like this evening?\",\n            mode: Shared,",
                )
                .replace(
                    "prompt: \"How do these feel?\",",
                    "prompt: \"How do these feel?\",\n            mode: Shared,",
                )
                .replace("mode: Reflect(of: [\"day\"]),", "mode: Shared,"),
        ),
        (
            "an agreement review answered alone",
            changed(
                "field: Text(placeholder: \"We will …\"),",
                "field: AgreementReview,",
            )
            .replace(
                "mode: Shared,\n            field: AgreementReview",
                "field: AgreementReview",
            ),
        ),
        (
            "an unknown concept",
            changed(
                "prompt: \"How was your day?\",",
                "prompt: \"How was your day?\",\n            concepts: [\"I4\", \"I13\"],",
            ),
        ),
        (
            "priority that names a choice column",
            changed(
                "rows: [(id: \"rest\", label: \"Rest\")],",
                "rows: [(id: \"rest\", label: \"Rest\")],\n                priority: (important: \"matters\", met: \"say\"),",
            ),
        ),
        (
            "both_chose with an option the column lacks",
            changed(
                "rows: [(id: \"rest\", label: \"Rest\")],",
                "rows: [(id: \"rest\", label: \"Rest\")],\n                both_chose: (column: \"say\", option: \"maybe\", title: \"Both\"),",
            ),
        ),
        (
            "patterns with `often` outside the scale",
            changed(
                "rows: [(id: \"rest\", label: \"Rest\")],",
                "rows: [(id: \"rest\", label: \"Rest\")],\n                patterns: (column: \"matters\", often: 9, note: \"n\", caution_from: 0, caution: \"c\"),",
            ),
        ),
        (
            "a row concept that is not one",
            changed(
                "(id: \"rest\", label: \"Rest\")",
                "(id: \"rest\", label: \"Rest\", concept: \"C0\")",
            ),
        ),
        (
            "a misspelt name in an option's label",
            changed("label: \"company\")", "label: \"time with {parnter}\")"),
        ),
        (
            "saying back a step that does not exist",
            changed("Reflect(of: [\"day\"])", "Reflect(of: [\"nope\"])"),
        ),
        (
            "an opening step after a step answered alone",
            changed("mode: Shared,", "mode: Opening,"),
        ),
        (
            "a suggestion with no reason, looking at a scale as if it were a choice",
            changed(
                "    ],\n)\n",
                "    ],\n    suggest: [(when: Rows(exercise: \"our-evening\", step: \"areas\", matching: [(column: \"met\", is: \"low\")], at_least: 0), reason: \"\")],\n)\n",
            ),
        ),
        (
            "a suggestion waiting a thousand days, with a misspelt key",
            changed(
                "    ],\n)\n",
                "    ],\n    suggest: [(when: NotDoneFor(days: 1000), reasn: \"Later.\")],\n)\n",
            ),
        ),
        (
            "a field kind that does not exist",
            changed("field: Text(),", "field: Essay(),"),
        ),
    ];
    let mut shown = String::new();
    for (what, text) in &cases {
        let found = problems(text);
        assert_ne!(found, "valid", "{what}: should be refused");
        shown.push_str(&format!("# {what}\n{found}\n\n"));
    }
    insta::assert_snapshot!("format_mistakes", shown);
}

#[test]
fn a_typo_in_a_key_never_quietly_changes_what_a_step_does() {
    // Before, `mod:` was skipped and the step became one answered alone.
    let found = problems(&changed("mode: Reflect", "mod: Reflect"));
    assert!(found.contains("did you mean `mode`?"), "{found}");
    assert!(found.starts_with("our-evening.ron:34:13:"), "{found}");
}

#[test]
fn two_files_with_one_id_are_reported_and_the_one_named_after_it_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a-copy.ron"),
        VALID.replace("Our evening", "The copy"),
    )
    .expect("write");
    std::fs::write(dir.path().join("our-evening.ron"), VALID).expect("write");
    std::fs::write(
        dir.path().join("z-copy.ron"),
        VALID.replace("Our evening", "Another copy"),
    )
    .expect("write");
    let library = Library::load(Some(dir.path()));
    assert_eq!(
        library.get("our-evening").map(|e| e.title.as_str()),
        Some("Our evening")
    );
    let mut reported: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    reported.sort();
    assert_eq!(reported.len(), 2, "{reported:#?}");
    for (line, file) in reported.iter().zip(["a-copy.ron", "z-copy.ron"]) {
        assert!(line.contains(file), "{line}");
        assert!(
            line.contains("also used in our-evening.ron, which is the one in the library because its file name is the id"),
            "{line}"
        );
    }

    // Without a file named after the id, the first by name stays.
    std::fs::remove_file(dir.path().join("our-evening.ron")).expect("remove");
    let library = Library::load(Some(dir.path()));
    assert_eq!(
        library.get("our-evening").map(|e| e.title.as_str()),
        Some("The copy")
    );
    assert_eq!(library.problems.len(), 1);
    assert!(
        library.problems[0]
            .to_string()
            .contains("also used in a-copy.ron, which is the one in the library because it comes first by file name"),
        "{}",
        library.problems[0]
    );
}

#[test]
fn a_custom_exercise_may_still_replace_a_built_in_one_without_a_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("mine.ron"),
        VALID.replace("\"our-evening\"", "\"weekly-check-in\""),
    )
    .expect("write");
    let library = Library::load(Some(dir.path()));
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    assert_eq!(
        library.get("weekly-check-in").map(|e| e.title.as_str()),
        Some("Our evening")
    );
}

/// An exercise with every key of the model set, built field by field: a
/// key added to the model does not compile here until it is given a value,
/// and from then on the tests below ask for it in the reference.
fn every_key() -> tandem::model::Exercise {
    use tandem::model::*;
    let scale = ScaleDef {
        min: 1,
        max: 5,
        low: "low".into(),
        high: "high".into(),
        unit: "times".into(),
    };
    let choice = ChoiceDef {
        options: vec![
            ChoiceOption {
                id: "a".into(),
                label: "A".into(),
            },
            ChoiceOption {
                id: "b".into(),
                label: "B".into(),
            },
        ],
    };
    let step = |id: &str, mode: StepMode, field: Field| Step {
        id: id.into(),
        prompt: "Prompt".into(),
        hint: Some("Hint".into()),
        mode,
        field,
        concepts: vec!["I1".into()],
        guess_of: None,
        shows_agreements: false,
    };
    Exercise {
        version: 1,
        id: "every-key".into(),
        revision: 2,
        title: "Every key".into(),
        category: Category::Needs,
        minutes: Some(5),
        intro: "Intro".into(),
        concepts: vec!["C1".into()],
        sensitive: true,
        steps: vec![
            step("topic", StepMode::Opening, Field::Text(TextDef::default())),
            step(
                "text",
                StepMode::Individual,
                Field::Text(TextDef {
                    placeholder: "…".into(),
                }),
            ),
            step(
                "list",
                StepMode::Individual,
                Field::List(ListDef {
                    placeholder: "…".into(),
                }),
            ),
            step("scale", StepMode::Individual, Field::Scale(scale.clone())),
            Step {
                guess_of: Some("scale".into()),
                shows_agreements: true,
                ..step("guess", StepMode::Individual, Field::Scale(scale.clone()))
            },
            step(
                "choice",
                StepMode::Individual,
                Field::Choice(choice.clone()),
            ),
            step(
                "checklist",
                StepMode::Individual,
                Field::Checklist(choice.clone()),
            ),
            step(
                "grid",
                StepMode::Individual,
                Field::Grid(GridDef {
                    rows: vec![GridRowDef {
                        id: "row".into(),
                        label: "Row".into(),
                        group: "Group".into(),
                        concept: "C1".into(),
                    }],
                    columns: vec![
                        Column {
                            id: "important".into(),
                            label: "Important".into(),
                            kind: ColumnKind::Scale(scale.clone()),
                        },
                        Column {
                            id: "met".into(),
                            label: "Met".into(),
                            kind: ColumnKind::Scale(scale),
                        },
                        Column {
                            id: "pick".into(),
                            label: "Pick".into(),
                            kind: ColumnKind::Choice(choice),
                        },
                    ],
                    add_rows: true,
                    priority: Some(Priority {
                        important: "important".into(),
                        met: "met".into(),
                    }),
                    both_chose: Some(BothChose {
                        column: "pick".into(),
                        option: "a".into(),
                        title: "Both".into(),
                    }),
                    patterns: Some(Patterns {
                        column: "important".into(),
                        often: 4,
                        note: "Note".into(),
                        caution_from: 2,
                        caution: "Caution".into(),
                    }),
                }),
            ),
            step(
                "reflect",
                StepMode::Reflect {
                    of: vec!["text".into()],
                },
                Field::Text(TextDef::default()),
            ),
            step(
                "turn",
                StepMode::Turn {
                    by: Partner::First,
                    shows: vec!["text".into()],
                },
                Field::Text(TextDef::default()),
            ),
            step("review", StepMode::Shared, Field::AgreementReview),
        ],
        suggest: vec![
            Suggestion {
                when: Condition::NotDoneFor { days: 21 },
                reason: "Reason".into(),
            },
            Suggestion {
                when: Condition::Rows {
                    exercise: "every-key".into(),
                    step: "grid".into(),
                    matching: vec![
                        CellTest {
                            column: "important".into(),
                            at_least: Some(4),
                            at_most: Some(5),
                            is: None,
                        },
                        CellTest {
                            column: "pick".into(),
                            is: Some("a".into()),
                            ..CellTest::default()
                        },
                    ],
                    at_least: 2,
                },
                reason: "Reason".into(),
            },
            Suggestion {
                when: Condition::MostRows {
                    exercise: "every-key".into(),
                    step: "grid".into(),
                    matching: vec![CellTest {
                        column: "met".into(),
                        at_most: Some(2),
                        ..CellTest::default()
                    }],
                },
                reason: "Reason".into(),
            },
            Suggestion {
                when: Condition::AgreementsToRevisit { at_least: 1 },
                reason: "Reason".into(),
            },
        ],
    }
}

/// The exercise written as a person would write it: optional values
/// without `Some`, a field's keys inside its kind's parentheses.
fn written(exercise: &tandem::model::Exercise) -> String {
    use ron::extensions::Extensions;
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES);
    let text = ron::ser::to_string_pretty(exercise, config).expect("serialize");
    text.lines()
        .filter(|l| !l.starts_with("#!"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_key_of_the_model_is_a_key_of_the_format_in_its_place() {
    use tandem::content::format::{PLACES, place_at};
    let exercise = every_key();
    let text = written(&exercise);
    let parsed = parse_exercise(Path::new("every-key.ron"), &text)
        .unwrap_or_else(|p| panic!("{text}\n{p:#?}"));
    assert_eq!(parsed, exercise, "read back as written");

    let scan = tandem::ron_text::scan(&text);
    let mut used = std::collections::BTreeSet::new();
    for path in scan.key_paths() {
        let (tandem::ron_text::Seg::Key(key), parent) = path.split_last().expect("a key") else {
            panic!("{path:?}");
        };
        let place = place_at(&scan, parent).unwrap_or_else(|| panic!("no place for {path:?}"));
        assert!(
            place.keys.contains(&key.as_str()),
            "`{key}` at {path:?} is not listed among the keys of {}",
            place.name
        );
        used.insert((place.slug, key.clone()));
    }
    for place in PLACES {
        for key in place.keys {
            assert!(
                used.contains(&(place.slug, (*key).to_string())),
                "`{key}` of {} is listed but the model has no such key there",
                place.name
            );
        }
    }
}

#[test]
fn the_reference_describes_every_key_in_its_place_and_no_other() {
    use tandem::content::format::PLACES;
    let reference = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/exercise-format.md"),
    )
    .expect("docs/exercise-format.md");
    for place in PLACES {
        let marker = format!("<!-- keys: {} -->", place.slug);
        let start = reference
            .find(&marker)
            .unwrap_or_else(|| panic!("the reference has no {marker}"));
        let section = &reference[start + marker.len()..];
        let end = ["<!-- keys:", "\n#"]
            .iter()
            .filter_map(|m| section.find(m))
            .min()
            .unwrap_or(section.len());
        let described: Vec<&str> = section[..end]
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split_once("` |").map(|(key, _)| key))
            .collect();
        let mut listed: Vec<&str> = place.keys.to_vec();
        listed.sort_unstable();
        let mut found = described.clone();
        found.sort_unstable();
        assert_eq!(
            found, listed,
            "the reference's table for {} ({marker})",
            place.name
        );
    }
}

#[test]
fn a_new_exercise_is_valid_as_it_is_and_names_every_kind_of_key_it_uses() {
    let text = tandem::cli::starter_exercise("our-evening");
    let exercise = parse_exercise(Path::new("our-evening.ron"), &text)
        .unwrap_or_else(|p| panic!("{text}\n{p:#?}"));
    assert_eq!(exercise.id, "our-evening");
    assert_eq!(exercise.title, "Our evening");
    assert!(!text.contains("{id}") && !text.contains("{title}"));
}

#[test]
fn new_exercise_writes_a_file_check_accepts_and_never_writes_over_one() {
    let config = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let tandem = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
            .arg("--config-dir")
            .arg(config.path())
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .output()
            .expect("run tandem")
    };
    let made = tandem(&["new-exercise", "our-evening"]);
    assert!(made.status.success(), "{made:?}");
    let file = config.path().join("exercises/our-evening.ron");
    let written = std::fs::read_to_string(&file).expect("the starter file");

    let checked = tandem(&["check", file.to_str().expect("path")]);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{said}");
    assert!(said.starts_with("All fine:"), "{said}");
    let all = tandem(&["check"]);
    assert!(all.status.success(), "{all:?}");
    // The couple's file is not counted among the pages.
    let said = String::from_utf8_lossy(&all.stdout);
    assert!(!said.contains("journal file"), "{said}");
    assert!(said.contains("pages") || said.contains("page"), "{said}");
    let listed = tandem(&["exercises"]);
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("our-evening"),
        "{listed:?}"
    );

    let again = tandem(&["new-exercise", "our-evening"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already the id of \"Our evening\""),
        "{again:?}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("file"), written);

    let bad = tandem(&["new-exercise", "Our Evening"]);
    assert_eq!(bad.status.code(), Some(1));
    let built_in = tandem(&["new-exercise", "boundary-map"]);
    assert_eq!(built_in.status.code(), Some(1));
    assert!(!config.path().join("exercises/boundary-map.ron").exists());

    // A mistake is named with its line, and the exit status says so.
    std::fs::write(&file, written.replace("mode: Shared", "mod: Shared")).expect("write");
    let checked = tandem(&["check", file.to_str().expect("path")]);
    assert_eq!(checked.status.code(), Some(1));
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(
        said.contains("our-evening.ron:") && said.contains("did you mean `mode`?"),
        "{said}"
    );
}
