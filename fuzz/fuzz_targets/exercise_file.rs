//! Any text as an exercise file: an exercise, or problems that each point
//! inside the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tandem::content::parse_exercise;

fuzz_target!(|text: &str| {
    let lines = text.lines().count().max(1) + 1;
    if let Err(problems) = parse_exercise(Path::new("exercise.ron"), text) {
        assert!(!problems.is_empty());
        for problem in problems {
            assert!(problem.line >= 1 && problem.line <= lines, "{problem}");
        }
    }
});
