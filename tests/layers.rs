//! The layers of the code, as a test: a module may use only modules of the
//! layers below its own, and the modules inside one folder never use each
//! other in a circle. Read from the `crate::` paths in the sources, so a
//! new dependency that breaks the picture fails here, not in review.
//! docs/architecture.md draws the same layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first. A module may use the modules of any layer before its own.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "plain data and text",
        &["model", "ron_text", "zone", "interned", "whole_lines"],
    ),
    ("problems", &["problem"]),
    ("files", &["files"]),
    ("rules", &["keymap", "reveal", "remind", "seal"]),
    ("exercises and comparing", &["content", "compare"]),
    ("the store", &["journal"]),
    (
        "what is made from the store",
        &["index", "recovery", "demo", "export"],
    ),
    (
        "what is worked out from the index",
        &["suggest", "summaries"],
    ),
    ("the state", &["app"]),
    ("drawing and carrying out", &["ui", "runtime"]),
    ("the shell", &["shell"]),
    ("the command line", &["cli"]),
    ("the terminal loop", &["terminal"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The names a path starting at `prefix` reaches first: `crate::a::b`
/// gives `a`, and `crate::{a::b, c}` gives `a` and `c`.
fn first_names(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let after = &rest[at + prefix.len()..];
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 1;
            let mut word = String::new();
            let mut at_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => at_start = true,
                    c if (c.is_alphanumeric() || c == '_') && depth == 1 && at_start => {
                        word.push(c);
                        continue;
                    }
                    _ => {}
                }
                if !word.is_empty() {
                    names.insert(std::mem::take(&mut word));
                    at_start = false;
                }
            }
            if !word.is_empty() {
                names.insert(word);
            }
        } else {
            let word: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !word.is_empty() {
                names.insert(word);
            }
        }
        rest = after;
    }
    names
}

/// The top-level module a file belongs to, and its place in a folder.
fn module_of(path: &Path) -> (String, Option<String>) {
    let relative = path.strip_prefix(src()).expect("under src");
    let parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let inner = (parts.len() > 1 && parts[1] != "mod").then(|| parts[1].clone());
    (parts[0].clone(), inner)
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

#[test]
fn each_module_uses_only_the_layers_below_it() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let (module, _) = module_of(file);
        if module == "main" || module == "lib" {
            continue;
        }
        seen.insert(module.clone());
        let Some(own) = layer_of(&module) else {
            wrong.push(format!("{module} is in no layer: add it to LAYERS"));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("a source file");
        for used in first_names(&text, "crate::") {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                Some(layer) => wrong.push(format!(
                    "{}: {module} ({}) uses {used} ({})",
                    file.strip_prefix(src()).unwrap_or(file).display(),
                    LAYERS[own].0,
                    LAYERS[layer].0
                )),
                None => wrong.push(format!("{used}, used by {module}, is in no layer")),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for (_, modules) in LAYERS {
        for module in *modules {
            assert!(seen.contains(*module), "{module} is listed but not in src/");
        }
    }
}

#[test]
fn the_modules_of_one_folder_never_use_each_other_in_a_circle() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    // folder -> module -> the modules of the same folder it uses
    let mut graphs: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut members: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        if let (folder, Some(inner)) = module_of(file) {
            members.entry(folder).or_default().insert(inner);
        }
    }
    for file in &files {
        let (folder, Some(inner)) = module_of(file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("a source file");
        let siblings = &members[&folder];
        let mut used = first_names(&text, "super::");
        used.extend(first_names(&text, &format!("crate::{folder}::")));
        used.retain(|m| siblings.contains(m) && *m != inner);
        graphs.entry(folder).or_default().insert(inner, used);
    }
    for (folder, graph) in &graphs {
        for start in graph.keys() {
            // Depth-first from `start`: reaching it again is a circle.
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut visited = BTreeSet::new();
            while let Some((at, trail)) = stack.pop() {
                for next in graph.get(&at).into_iter().flatten() {
                    if next == start {
                        panic!("src/{folder}: {} -> {start}", trail.join(" -> "));
                    }
                    if visited.insert(next.clone()) {
                        let mut longer = trail.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
    }
    assert!(
        graphs.get("app").is_some_and(|g| g.len() > 10),
        "the app's modules were found"
    );
}

#[test]
fn paths_are_read_as_the_compiler_reads_them() {
    let text = "use crate::{app::{App, Screen}, model::Page};\nlet x = crate::seal::for_disk(p);";
    let names: Vec<String> = first_names(text, "crate::").into_iter().collect();
    assert_eq!(names, ["app", "model", "seal"]);
}
