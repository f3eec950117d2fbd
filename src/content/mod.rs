//! The exercise library: the built-in exercises embedded from `content/`,
//! plus the couple's own files, which add to them or replace them by id.

pub mod format;
mod validate;

pub use validate::{MAX_ID_CHARS, is_concept, is_id, rows_reference_problem};

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::model::{CONTENT_VERSION, Category, Exercise, SafetyGuide};
use crate::problem::Problem;
use crate::ron_text::Seg;

static BUILT_IN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The largest exercise file tandem reads; the longest built-in one is a
/// few dozen KB.
pub const EXERCISE_LIMIT: u64 = 4 << 20;

/// Where an exercise came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    BuiltIn,
    Custom(PathBuf),
}

#[derive(Clone, Debug)]
pub struct LibraryEntry {
    pub exercise: Exercise,
    pub source: Source,
}

/// Where the words of the safety screen are kept, among the built-in
/// content and in the couple's own exercises folder (which replaces them).
pub const SAFETY_FILE: &str = "safety/safety.ron";

/// Every exercise the couple can work, the safety screen's words, and the
/// problems found on the way.
#[derive(Clone, Debug, Default)]
pub struct Library {
    entries: Vec<LibraryEntry>,
    safety: Option<SafetyGuide>,
    pub problems: Vec<Problem>,
}

impl Library {
    /// Loads the built-in exercises and, when given, the custom ones from
    /// `custom_dir`. A bad file is reported in `problems` and skipped.
    pub fn load(custom_dir: Option<&Path>) -> Library {
        let mut library = Library::default();
        for file in BUILT_IN.files() {
            let path = Path::new("content").join(file.path());
            if !is_exercise_file(&path) {
                continue;
            }
            match file.contents_utf8() {
                Some(text) => library.add(&path, text, Source::BuiltIn),
                None => library
                    .problems
                    .push(Problem::whole_file(&path, "not valid UTF-8 text")),
            }
        }
        library.safety = BUILT_IN
            .get_file(SAFETY_FILE)
            .and_then(|file| file.contents_utf8())
            .and_then(|text| parse_safety(&Path::new("content").join(SAFETY_FILE), text).ok());
        if let Some(dir) = custom_dir {
            library.load_custom(dir);
            library.load_custom_safety(dir);
        }
        library.sort();
        library.check_suggestions();
        library
    }

    /// Suggestions that look at another exercise's grid, checked against
    /// it now the whole library is read. One that does not fit is
    /// reported; it never fires.
    fn check_suggestions(&mut self) {
        let mut problems = Vec::new();
        for entry in &self.entries {
            let path = match &entry.source {
                Source::Custom(path) => path.clone(),
                Source::BuiltIn => Path::new("content").join(format!("{}.ron", entry.exercise.id)),
            };
            for suggestion in &entry.exercise.suggest {
                let (target, step, matching) = match &suggestion.when {
                    crate::model::Condition::Rows {
                        exercise,
                        step,
                        matching,
                        ..
                    }
                    | crate::model::Condition::MostRows {
                        exercise,
                        step,
                        matching,
                    } => (exercise, step, matching),
                    _ => continue,
                };
                let message = match self.get(target) {
                    None => Some(format!(
                        "a suggestion looks at the exercise {target:?}, which is not in the library"
                    )),
                    Some(other) => rows_reference_problem(other, step, matching)
                        .map(|m| format!("a suggestion looks at {m}")),
                };
                if let Some(message) = message {
                    problems.push(Problem::whole_file(&path, message));
                }
            }
        }
        self.problems.extend(problems);
    }

    /// The couple's own safety screen, when they wrote one. One that cannot
    /// be read is reported, and the built-in words stay.
    fn load_custom_safety(&mut self, dir: &Path) {
        let path = dir.join(SAFETY_FILE);
        let text = match crate::files::read_regular(&path, EXERCISE_LIMIT) {
            Ok(bytes) => match crate::files::as_text(&path, &bytes) {
                Ok(text) => text.to_string(),
                Err(problem) => return self.problems.push(problem),
            },
            Err(crate::files::ReadFailure::Missing) => return,
            Err(failure) => {
                return self
                    .problems
                    .push(Problem::whole_file(&path, failure.plain()));
            }
        };
        match parse_safety(&path, &text) {
            Ok(guide) => self.safety = Some(guide),
            Err(problem) => self.problems.push(problem),
        }
    }

    /// The words of the "when it does not feel safe" screen.
    pub fn safety(&self) -> Option<&SafetyGuide> {
        self.safety.as_ref()
    }

    fn load_custom(&mut self, dir: &Path) {
        let read = match std::fs::read_dir(dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => {
                self.problems.push(Problem::whole_file(
                    dir,
                    format!(
                        "cannot read this folder: {}",
                        crate::files::plain_reason(&e)
                    ),
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_exercise_file(p))
            .collect();
        paths.sort();
        for path in paths {
            match crate::files::read_regular(&path, EXERCISE_LIMIT) {
                Ok(bytes) => match crate::files::as_text(&path, &bytes) {
                    Ok(text) => self.add(&path, text, Source::Custom(path.clone())),
                    Err(problem) => self.problems.push(problem),
                },
                Err(failure) => self
                    .problems
                    .push(Problem::whole_file(&path, failure.plain())),
            }
        }
    }

    fn add(&mut self, path: &Path, text: &str, source: Source) {
        match parse_exercise(path, text) {
            Ok(exercise) => self.put(exercise, source),
            Err(mut problems) => self.problems.append(&mut problems),
        }
    }

    /// Adds an exercise. One of the couple's own replaces a built-in one
    /// with its id; two of their own with the same id are a mistake, and
    /// the one that stays is the file named after the id, or else the
    /// first by file name.
    fn put(&mut self, exercise: Exercise, source: Source) {
        let earlier = self
            .entries
            .iter()
            .position(|e| e.exercise.id == exercise.id);
        let Some(at) = earlier else {
            self.entries.push(LibraryEntry { exercise, source });
            return;
        };
        let (Source::Custom(kept), Source::Custom(new)) = (&self.entries[at].source, &source)
        else {
            self.entries[at] = LibraryEntry { exercise, source };
            return;
        };
        let named = |path: &Path| {
            path.file_stem()
                .is_some_and(|stem| stem.to_string_lossy() == exercise.id)
        };
        let (winner, loser, why) = if named(new) && !named(kept) {
            (new.clone(), kept.clone(), "its file name is the id")
        } else if named(kept) {
            (kept.clone(), new.clone(), "its file name is the id")
        } else {
            (kept.clone(), new.clone(), "it comes first by file name")
        };
        self.problems.push(Problem::whole_file(
            &loser,
            format!(
                "the exercise id {:?} is also used in {}, which is the one in the library because {why}; give this exercise another id, or remove one of the files",
                exercise.id,
                winner.file_name().map_or_else(
                    || winner.display().to_string(),
                    |n| n.to_string_lossy().into_owned()
                ),
            ),
        ));
        if winner == *new {
            self.entries[at] = LibraryEntry { exercise, source };
        }
    }

    fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            (a.exercise.category, &a.exercise.title).cmp(&(b.exercise.category, &b.exercise.title))
        });
    }

    pub fn entries(&self) -> &[LibraryEntry] {
        &self.entries
    }

    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.entries.iter().map(|e| &e.exercise)
    }

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises().find(|e| e.id == id)
    }

    pub fn in_category(&self, category: Category) -> impl Iterator<Item = &Exercise> {
        self.exercises().filter(move |e| e.category == category)
    }
}

fn is_exercise_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
        && !path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
}

/// How exercise files are read: `Some(…)` may be left out around an
/// optional value, and a field's kind holds its keys directly
/// (`Scale(min: 1, …)`).
fn exercise_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Only the version of a file, read before the rest: a newer format may
/// hold keys this build has never heard of, which are not mistakes.
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Parses and validates one exercise file. Every problem names the file,
/// line and column of the key it is about.
pub fn parse_exercise(path: &Path, text: &str) -> Result<Exercise, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = exercise_options();
    if let Ok(probe) = options.from_str::<VersionProbe>(text)
        && probe.version > CONTENT_VERSION
    {
        let scan = crate::ron_text::scan(text);
        let at = scan.locate(&[Seg::Key("version".into())]).unwrap_or(0);
        return Err(vec![Problem::at_offset(
            path,
            text,
            at,
            format!(
                "written for a newer tandem (exercise format {}; this build reads up to {CONTENT_VERSION})",
                probe.version
            ),
        )]);
    }
    let mut de = ron::Deserializer::from_str_with_options(text, &options)
        .map_err(|e| vec![Problem::from_ron(path, text, &e)])?;
    let mut skipped = Vec::new();
    let parsed: Result<Exercise, _> =
        serde_ignored::deserialize(&mut de, |p| skipped.push(crate::ron_text::segments(&p)));
    let exercise = match parsed.and_then(|exercise| de.end().map(|()| exercise)) {
        Ok(exercise) => exercise,
        Err(code) => {
            // Keys passed over before the error are reported with it; a
            // required key reported missing because it was misspelt is
            // said once, as the typo.
            let mut problems = unknown_keys(path, text, &skipped);
            let misspelt = match &code {
                ron::Error::MissingStructField { field, .. } => problems
                    .iter()
                    .any(|p| p.message.contains(&format!("did you mean `{field}`?"))),
                _ => false,
            };
            if !misspelt {
                problems.push(Problem::from_ron(path, text, &de.span_error(code)));
            }
            return Err(problems);
        }
    };
    let mut problems = unknown_keys(path, text, &skipped);
    problems.extend(validate::validate(&exercise, path, text));
    problems.sort_by_key(|p| (p.line, p.column));
    if problems.is_empty() {
        Ok(exercise)
    } else {
        Err(problems)
    }
}

/// A problem for every key the format does not have, with the key meant
/// when it looks like a typo.
fn unknown_keys(path: &Path, text: &str, skipped: &[Vec<Seg>]) -> Vec<Problem> {
    let scan = crate::ron_text::scan(text);
    skipped
        .iter()
        .filter_map(|segs| {
            let (Seg::Key(key), parent) = segs.split_last()? else {
                return None;
            };
            let at = scan.locate(segs).unwrap_or(0);
            let shown = if crate::problem::is_short_name(key) {
                format!("`{key}`")
            } else {
                "this key".to_string()
            };
            let message = match format::place_at(&scan, parent) {
                Some(place) => match crate::problem::nearest(key, place.keys) {
                    Some(meant) => {
                        format!(
                            "{shown} is not a key of {}; did you mean `{meant}`?",
                            place.name
                        )
                    }
                    None => format!(
                        "{shown} is not a key of {}, which may hold {}",
                        place.name,
                        in_words(place.keys)
                    ),
                },
                None => format!(
                    "{shown} is not a key tandem knows here; remove it or correct its spelling"
                ),
            };
            Some(Problem::at_offset(path, text, at, message))
        })
        .collect()
}

/// `a`, `b` and `c`.
fn in_words(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Parses the safety screen's words; a problem names the file, line and
/// column.
pub fn parse_safety(path: &Path, text: &str) -> Result<SafetyGuide, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let guide: SafetyGuide = ron::from_str(text).map_err(|e| Problem::from_ron(path, text, &e))?;
    if guide.services.is_empty() {
        return Err(Problem::whole_file(
            path,
            "it lists no services; the safety screen must say where to find help",
        ));
    }
    Ok(guide)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_exercises_load_without_problems() {
        let library = Library::load(None);
        assert!(library.problems.is_empty(), "{:#?}", library.problems);
        assert!(library.get("boundary-map").is_some());
    }

    #[test]
    fn the_safety_screen_names_services_with_their_sources() {
        let library = Library::load(None);
        let guide = library.safety().expect("the built-in safety screen");
        assert!(guide.services.len() >= 5);
        for service in &guide.services {
            assert!(service.source.starts_with("https://"), "{service:?}");
            assert!(!service.reach.is_empty(), "{service:?}");
            // Who it is for, when it answers, and when that was checked:
            // a crisis line for women only, or closed at night, says so.
            assert!(!service.for_whom.is_empty(), "who for: {service:?}");
            assert!(!service.hours.is_empty(), "hours: {service:?}");
            assert!(service.checked.len() == 7, "checked YYYY-MM: {service:?}");
        }
        let all: String = guide
            .services
            .iter()
            .map(|s| format!("{} {} {};", s.name, s.region, s.for_whom))
            .collect();
        for everyone_else in [
            "Men's Aid",
            "Shine",
            "Are You OK",
            "Northern Ireland",
            "their own behaviour",
        ] {
            assert!(all.contains(everyone_else), "a line for {everyone_else}");
        }
        let words: String = guide
            .sections
            .iter()
            .flat_map(|s| s.lines.iter())
            .chain(guide.elsewhere.iter())
            .cloned()
            .collect();
        assert!(
            !words.contains("every gender"),
            "not every line is for everyone"
        );
        assert!(words.contains("111"), "New Zealand's emergency number");
        assert!(!words.to_lowercase().contains("nobody reads"));
        // What tandem itself leaves behind, said where the services are.
        let using = guide
            .after_services
            .iter()
            .find(|s| s.heading == "Using tandem safely")
            .expect("a section on using tandem safely");
        let using = using.lines.join(" ");
        for fact in [
            "passphrase",
            "Ctrl-Q",
            "removed/",
            "synced",
            "summary file",
            "history",
        ] {
            assert!(using.contains(fact), "using tandem safely: {fact}");
        }
    }
}
