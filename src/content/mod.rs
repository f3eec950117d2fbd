//! The exercise library: the built-in exercises embedded from `content/`,
//! plus the couple's own files, which add to them or replace them by id.

mod validate;

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::model::{Category, Exercise, SafetyGuide};
use crate::problem::Problem;

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
        library
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
            Ok(exercise) => {
                // A custom exercise with the id of another replaces it.
                self.entries.retain(|e| e.exercise.id != exercise.id);
                self.entries.push(LibraryEntry { exercise, source });
            }
            Err(mut problems) => self.problems.append(&mut problems),
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

/// Parses and validates one exercise file. Every problem names the file,
/// line and column.
pub fn parse_exercise(path: &Path, text: &str) -> Result<Exercise, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES);
    let exercise: Exercise = options
        .from_str(text)
        .map_err(|e| vec![Problem::from_ron(path, text, &e)])?;
    let problems = validate::validate(&exercise, path, text);
    if problems.is_empty() {
        Ok(exercise)
    } else {
        Err(problems)
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
        }
    }
}
