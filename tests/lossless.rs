//! Lossless or hands off: any page, changed by hand in any way that still
//! loads, is either kept exactly (read-only) or written back with every
//! key, name, text and number it held.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use tandem::content::Library;
use tandem::journal::{Access, Store};
use tandem::ron_text::to_ron;
use tandem::ron_text::{Tok, scan};

/// What a text says, as a multiset: every name, string and number in it.
/// Punctuation, spacing and comments aside, a rewrite may add to it
/// (defaults written out) but never take from it. A key that holds nothing
/// (`[]`, `{}`, `None`) says nothing, so a rewrite may leave it out.
fn words(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let tokens = scan(text).tokens;
    let empty_from = |i: usize| -> usize {
        let tok = |j: usize| tokens.get(j).map(|t: &tandem::ron_text::Token| &t.tok);
        let key = matches!(tok(i), Some(Tok::Ident(_))) && tok(i + 1) == Some(&Tok::Punct(':'));
        match (tok(i + 2), tok(i + 3)) {
            (Some(Tok::Punct('[')), Some(Tok::Punct(']')))
            | (Some(Tok::Punct('{')), Some(Tok::Punct('}')))
                if key =>
            {
                4
            }
            (Some(Tok::Ident(none)), _) if key && *none == "None" => 3,
            _ => 0,
        }
    };
    let mut skip = 0;
    for (i, token) in tokens.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let empty = empty_from(i);
        if empty > 0 {
            skip = empty - 1;
            continue;
        }
        let word = match &token.tok {
            Tok::Ident(name) => format!("name {name}"),
            Tok::Str(value) => format!("text {value}"),
            Tok::Number => {
                let raw = &text[token.start..token.end];
                match raw.parse::<i64>() {
                    Ok(n) => format!("number {n}"),
                    Err(_) => format!("number {raw}"),
                }
            }
            Tok::Char => format!("char {}", &text[token.start..token.end]),
            Tok::Punct(_) => continue,
        };
        *out.entry(word).or_default() += 1;
    }
    out
}

fn missing(before: &BTreeMap<String, usize>, after: &BTreeMap<String, usize>) -> Vec<String> {
    before
        .iter()
        .filter(|(word, n)| after.get(*word).copied().unwrap_or(0) < **n)
        .map(|(word, _)| word.clone())
        .collect()
}

/// One hand edit at a token of the page.
#[derive(Clone, Debug)]
enum Edit {
    /// A name changed: a key misspelt, a variant swapped.
    Rename(String),
    /// A string changed to another.
    Restring(String),
    /// A number changed.
    Renumber(i64),
    /// An item (`key: value,` or a list element) removed.
    Remove,
    /// An item written twice.
    Repeat,
    /// A key and value added after this token.
    Insert(String),
    /// A comment added before this token.
    Comment,
}

fn edit() -> impl Strategy<Value = Edit> {
    let names = prop::sample::select(vec![
        "answrs",
        "answers",
        "status",
        "Done",
        "Draft",
        "NotStarted",
        "Text",
        "List",
        "Scale",
        "Choice",
        "Checklist",
        "Grid",
        "Some",
        "None",
        "version",
        "label",
        "values",
        "row",
        "extra",
        "reviews",
        "Revisit",
        "partner",
        "later_notes",
    ]);
    let strings = prop::sample::select(vec![
        "guilt",
        "hardest",
        "upset",
        "not-an-option",
        "area",
        "feel",
        "fine",
        "not-fine",
        "money",
        "mony",
        "added-1",
        "",
        " spaced ",
        "line\nbreak",
        "tab\there",
        "x\u{1b}y",
        "2025-01-01T00:00:00Z",
        "boundary-map",
        "saying-no",
        "weekly-check-in",
    ]);
    let inserts = prop::sample::select(vec![
        "mood: \"sunny\",",
        "\"extra-step\": Text(\"hello\"),",
        "label: \"a row of my own\",",
        "\"feel\": Choice(\"fine\"),",
        "reviews: [],",
        "later_notes: [(when: \"2026-01-01T00:00:00Z\", text: \"later\")],",
    ]);
    prop_oneof![
        names.prop_map(|n| Edit::Rename(n.to_string())),
        strings.prop_map(|s| Edit::Restring(s.to_string())),
        (-3i64..60).prop_map(Edit::Renumber),
        Just(Edit::Remove),
        Just(Edit::Repeat),
        inserts.prop_map(|s| Edit::Insert(s.to_string())),
        Just(Edit::Comment),
    ]
}

/// Where the item that holds token `i` ends: its comma, or the bracket that
/// closes its list.
fn item_end(tokens: &[tandem::ron_text::Token], i: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (j, t) in tokens.iter().enumerate().skip(i) {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') if depth == 0 => return Some(t.start),
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',') if depth == 0 => return Some(tokens[j].end),
            _ => {}
        }
    }
    None
}

fn apply(text: &str, at: usize, edit: &Edit) -> Option<String> {
    let tokens = scan(text).tokens;
    // The tokens this kind of edit applies to; one of them, by `at`.
    let fits = |t: &tandem::ron_text::Token| match edit {
        Edit::Rename(_) => matches!(t.tok, Tok::Ident(_)),
        Edit::Restring(_) => matches!(t.tok, Tok::Str(_)),
        Edit::Renumber(_) => t.tok == Tok::Number,
        Edit::Insert(_) => matches!(t.tok, Tok::Punct('(' | '{' | ',')),
        Edit::Remove | Edit::Repeat | Edit::Comment => true,
    };
    let candidates: Vec<usize> = (0..tokens.len()).filter(|&i| fits(&tokens[i])).collect();
    let i = *candidates.get(at % candidates.len().max(1))?;
    let token = &tokens[i];
    let (start, end) = (token.start, token.end);
    let splice =
        |from: usize, to: usize, with: &str| format!("{}{with}{}", &text[..from], &text[to..]);
    Some(match edit {
        Edit::Rename(name) if matches!(token.tok, Tok::Ident(_)) => splice(start, end, name),
        Edit::Restring(value) if matches!(token.tok, Tok::Str(_)) => {
            splice(start, end, &format!("{value:?}"))
        }
        Edit::Renumber(n) if token.tok == Tok::Number => splice(start, end, &n.to_string()),
        Edit::Remove | Edit::Repeat => {
            // From the start of an item (after `(`, `[`, `{` or `,`).
            let before = tokens.get(i.checked_sub(1)?)?;
            if !matches!(before.tok, Tok::Punct('(' | '[' | '{' | ',')) {
                return None;
            }
            let stop = item_end(&tokens, i)?;
            let item = &text[start..stop];
            if matches!(edit, Edit::Remove) {
                splice(start, stop, "")
            } else {
                let sep = if item.trim_end().ends_with(',') {
                    ""
                } else {
                    ","
                };
                splice(start, start, &format!("{item}{sep}"))
            }
        }
        Edit::Insert(item) if matches!(token.tok, Tok::Punct('(' | '{' | ',')) => {
            splice(end, end, &format!("\n{item}\n"))
        }
        Edit::Comment => splice(start, start, "/* a note of ours */ "),
        _ => return None,
    })
}

/// Pages of several exercises as tandem writes them, both finished and not.
fn base_pages() -> &'static [(String, String)] {
    static PAGES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    PAGES.get_or_init(make_base_pages)
}

fn make_base_pages() -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    tandem::demo::generate(&Library::load(None), 40, tandem::demo::DEMO_SEED)
        .write(dir.path())
        .expect("demo");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(dir.path().join("journal"))
        .expect("journal")
        .flatten()
        .map(|e| {
            (
                e.path()
                    .file_stem()
                    .expect("stem")
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read_to_string(e.path()).expect("page"),
            )
        })
        .collect();
    pages.sort();
    // One of each exercise, the newest (some unfinished).
    let mut seen = std::collections::BTreeSet::new();
    pages.reverse();
    pages.retain(|(id, _)| seen.insert(id[18..].to_string()));
    pages
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn a_hand_edited_page_is_kept_exactly_or_written_back_whole(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), edit()), 1..3),
    ) {
        let pages = base_pages();
        let (id, original) = which.get(pages);
        let mut text = original.clone();
        for (at, edit) in &edits {
            if let Some(changed) = apply(&text, *at, edit) {
                text = changed;
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("store");
        let path = store.page_path(id);
        std::fs::write(&path, &text).expect("write");
        let library = Library::load(None);
        let Ok(loaded) = store.load_page(id, &library) else {
            // Refused as unreadable: left as it is.
            prop_assert_eq!(std::fs::read_to_string(&path).expect("kept"), text);
            return Ok(());
        };
        match &loaded.access {
            Access::ReadOnly(reason) => {
                // Kept exactly: the app never hands a read-only page to a
                // save, and says why it is read-only.
                prop_assert!(!reason.is_empty());
            }
            Access::Writable => {
                // What saving would write, and does write.
                store.save_page(&loaded.page).expect("save");
                let written = std::fs::read_to_string(&path).expect("written");
                prop_assert_eq!(written.clone(), to_ron(&loaded.page).expect("ron"));
                let lost = missing(&words(&text), &words(&written));
                prop_assert!(
                    lost.is_empty(),
                    "rewriting lost {:?}\n--- by hand:\n{}\n--- written:\n{}",
                    lost, text, written
                );
                prop_assert!(scan(&text).comments.is_empty(), "a comment was dropped");
            }
        }
    }
}

#[test]
fn the_words_of_a_page_are_counted_as_written() {
    let text = "(a: \"x\", b: Text(r#\"y\"#), c: 0x10, d: [1, 2]) // note";
    let counted = words(text);
    assert_eq!(counted.get("text x"), Some(&1));
    assert_eq!(counted.get("text y"), Some(&1));
    assert_eq!(counted.get("name Text"), Some(&1));
    assert!(missing(&counted, &words("(a: \"x\")")).contains(&"name Text".to_string()));
    let empty = words("(a: [], b: None, c: {}, d: [1], e: Some(2))");
    let names: Vec<&str> = empty.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["name Some", "name d", "name e", "number 1", "number 2"]
    );
    assert!(Path::new("x").is_relative());
}
