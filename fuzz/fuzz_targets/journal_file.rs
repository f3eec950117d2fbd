//! Any bytes as a page or as `couple.ron`: a value or a located problem.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tandem::journal::{parse_couple, parse_page};

fuzz_target!(|bytes: &[u8]| {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    for problem in [
        parse_page(Path::new("page.ron"), bytes).err(),
        parse_couple(Path::new("couple.ron"), bytes).err(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(problem.line >= 1 && problem.line <= lines, "{problem}");
    }
});
