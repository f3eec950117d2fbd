//! The handbook holds together: the README stays short, and every link
//! between the README, CONTRIBUTING.md and docs/ leads to a file that is
//! there and, with an anchor, to a heading in it (as GitHub names them).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn documents() -> Vec<PathBuf> {
    let mut files = vec![
        Path::new(ROOT).join("README.md"),
        Path::new(ROOT).join("CONTRIBUTING.md"),
    ];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("docs"))
        .expect("the docs folder")
        .map(|entry| entry.expect("a docs entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The text outside fenced code blocks, line by line with line numbers.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            lines.push((n + 1, line));
        }
    }
    lines
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces
/// as hyphens, and "-1", "-2" after a heading met before.
fn anchors(text: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (_, line) in prose(text) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#').trim();
        let slug: String = heading
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let count = seen.entry(slug.clone()).or_insert(0);
        out.push(if *count == 0 {
            slug.clone()
        } else {
            format!("{slug}-{count}")
        });
        *count += 1;
    }
    out
}

fn links(text: &str) -> Vec<(usize, String)> {
    let pattern = regex::Regex::new(r"\]\(([^)\s]+)\)").expect("the link pattern");
    prose(text)
        .into_iter()
        .flat_map(|(n, line)| {
            pattern
                .captures_iter(line)
                .map(move |c| (n, c[1].to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_link_between_the_documents_leads_somewhere() {
    let mut dead = Vec::new();
    let mut checked = 0;
    for file in documents() {
        let text = std::fs::read_to_string(&file).expect("a document");
        for (line, target) in links(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let folder = file.parent().expect("a folder");
            let linked = if path.is_empty() {
                file.clone()
            } else {
                folder.join(path)
            };
            let shown = format!(
                "{}:{line}: {target}",
                file.strip_prefix(ROOT).unwrap_or(&file).display()
            );
            if !linked.exists() {
                dead.push(format!("{shown} (no such file)"));
                continue;
            }
            if anchor.is_empty() {
                continue;
            }
            let linked_text = std::fs::read_to_string(&linked).unwrap_or_default();
            if !anchors(&linked_text).iter().any(|a| a == anchor) {
                dead.push(format!("{shown} (no such heading)"));
            }
        }
    }
    assert!(
        dead.is_empty(),
        "links that lead nowhere:\n{}",
        dead.join("\n")
    );
    assert!(
        checked > 40,
        "only {checked} links found: is the pattern right?"
    );
}

#[test]
fn anchors_are_named_as_github_names_them() {
    let text = "# Using tandem\n## Who answers a step: `mode`\n## \"I\" statements\n```\n# not a heading\n```\n## Keys\n## Keys\n";
    assert_eq!(
        anchors(text),
        [
            "using-tandem",
            "who-answers-a-step-mode",
            "i-statements",
            "keys",
            "keys-1"
        ]
    );
}

#[test]
fn the_readme_reads_in_a_few_minutes() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("the README");
    let lines = readme.lines().count();
    assert!(
        lines <= 250,
        "the README has {lines} lines; move detail into docs/"
    );
    for command in ["cargo run --release", "cargo test"] {
        assert!(readme.contains(command), "the README says `{command}`");
    }
}
