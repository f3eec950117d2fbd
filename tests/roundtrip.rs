//! Whatever a person can type or paste survives saving and loading exactly,
//! once normalised as the app normalises input.

use std::path::Path;

use jiff::Timestamp;
use proptest::prelude::*;
use tandem::content::Library;
use tandem::journal::{parse_couple, parse_page};
use tandem::model::{
    Agreement, AgreementStatus, Answer, Couple, EntryStatus, Page, Partner, normalize_line,
    normalize_text,
};
use tandem::ron_text::to_ron;

/// Pieces people really type and paste, including the ones that trip up
/// quoting and raw strings.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\"#".to_string()),
        Just("r#\"".to_string()),
        Just("\"##".to_string()),
        Just("👩‍❤️‍👨".to_string()),
        Just("👍🏽".to_string()),
        Just("日本語のテキスト".to_string()),
        Just("مرحبا بالعالم".to_string()),
        Just("שלום".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{0}\u{7}\u{1b}[2J".to_string()),
        Just("\u{200b}\u{feff}".to_string()),
        Just("x".repeat(3000)),
        "[ -~]{0,40}",
        any::<String>(),
    ]
}

fn typed() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|parts| parts.concat())
}

fn page_with(text: &str, items: Vec<String>, names: [String; 2]) -> Page {
    let library = Library::load(None);
    let exercise = library.get("boundary-map").expect("built-in");
    let started = Timestamp::from_second(1_790_000_000).expect("time");
    let mut page = Page::new("p".into(), exercise, &names, started);
    let entry = page.entry_mut(Partner::First);
    entry.status = EntryStatus::Draft;
    entry
        .answers
        .insert("area".into(), Answer::Text(text.to_string()));
    page.shared
        .answers
        .insert("notes".into(), Answer::List(items.clone()));
    page.shared.agreements = items
        .into_iter()
        .map(|text| Agreement {
            text,
            status: AgreementStatus::Active,
            made: started,
            reviews: Vec::new(),
        })
        .collect();
    page
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn typed_text_survives_save_and_load(
        text in typed(),
        items in prop::collection::vec(typed(), 0..4),
        first in typed(),
        second in typed(),
    ) {
        let text = normalize_text(&text);
        let items: Vec<String> = items.iter().map(|i| normalize_line(i)).collect();
        let names = [normalize_line(&first), normalize_line(&second)];
        let page = page_with(&text, items, names);
        let written = to_ron(&page).expect("serialise");
        let loaded = parse_page(Path::new("p.ron"), written.as_bytes()).expect("parse back");
        prop_assert_eq!(loaded.page, page);
    }

    #[test]
    fn names_survive_save_and_load(first in typed(), second in typed()) {
        let names = [normalize_line(&first), normalize_line(&second)];
        prop_assume!(names.iter().all(|n| !n.trim().is_empty()));
        // Longer names are refused with a message, at onboarding and here.
        let names = names.map(|n| n.chars().take(tandem::model::MAX_NAME_CHARS).collect::<String>());
        let [a, b] = names;
        let couple = Couple::new(a, b, Timestamp::from_second(1_790_000_000).expect("time"));
        let written = to_ron(&couple).expect("serialise");
        let loaded = parse_couple(Path::new("couple.ron"), written.as_bytes()).expect("parse back");
        prop_assert_eq!(loaded, couple);
    }

    /// Any bytes at all give a page or a located problem, never a panic.
    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_page(Path::new("x.ron"), &bytes);
        let _ = parse_couple(Path::new("x.ron"), &bytes);
    }
}
