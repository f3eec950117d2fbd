//! The command line: arguments, where files live, and the plain-text
//! commands (`list`, `show`, `export`, `exercises`, `check`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand};

use crate::content::{Library, Source};
use crate::export::{Format, document, status_text};
use crate::journal::{Disk, FileSystem, Store, parse_couple, plain_reason};
use crate::model::{Category, PageStatus};
use crate::ui::Theme;
use crate::ui::side_by_side::section_lines;

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "A terminal workbook for couples: boundaries, needs and communication, kept in a local journal.",
    long_about = None
)]
pub struct Cli {
    /// Where the journal lives (default: the platform's data folder).
    #[arg(long, global = true, env = "TANDEM_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where your own exercises live, in an `exercises/` folder inside
    /// (default: the platform's config folder).
    #[arg(long, global = true, env = "TANDEM_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Open a fictional couple's journal of about a year, in a temporary
    /// folder that is removed afterwards; nothing of yours is read or written.
    #[arg(long, conflicts_with = "data_dir")]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the pages of the journal, newest first.
    List,
    /// Print one page side by side.
    Show {
        /// The page id, as `tandem list` prints it.
        id: String,
    },
    /// Write pages as Markdown, to standard output or a file.
    Export {
        /// The page id, as `tandem list` prints it.
        id: Option<String>,
        /// Every page, newest first.
        #[arg(long, conflicts_with = "id")]
        all: bool,
        /// Only pages of this exercise (an id from `tandem exercises`).
        #[arg(long, value_name = "ID", conflicts_with = "id")]
        exercise: Option<String>,
        /// Only pages started on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", conflicts_with = "id")]
        since: Option<jiff::civil::Date>,
        /// Only pages started on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", conflicts_with = "id")]
        until: Option<jiff::civil::Date>,
        /// A self-contained HTML file that prints both partners side by side
        /// (also chosen by an output file ending in .html).
        #[arg(long)]
        html: bool,
        /// Write to this file (created private to you) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the exercises in the library.
    Exercises,
    /// Check the journal and your own exercise files; every problem is
    /// printed as path:line:column: message.
    Check,
}

/// Where the journal and the custom exercises live.
pub struct Dirs {
    pub data: PathBuf,
    pub exercises: Option<PathBuf>,
}

impl Dirs {
    /// A demo journal in a fresh temporary folder, with the built-in
    /// exercises only. The folder lives as long as the returned guard.
    pub fn demo() -> Result<(Dirs, tempfile::TempDir)> {
        let folder = tempfile::Builder::new()
            .prefix("tandem-demo-")
            .tempdir()
            .context("cannot make a temporary folder for the demo")?;
        let data = folder.path().join("journal");
        let library = Library::load(None);
        crate::demo::generate(&library, crate::demo::DEMO_PAGES, crate::demo::DEMO_SEED)
            .write(&data)
            .context("cannot write the demo journal")?;
        Ok((
            Dirs {
                data,
                exercises: None,
            },
            folder,
        ))
    }

    pub fn resolve(cli: &Cli) -> Result<Dirs> {
        let project = directories::ProjectDirs::from("", "", "tandem");
        let data = match (&cli.data_dir, &project) {
            (Some(dir), _) => dir.clone(),
            (None, Some(p)) => p.data_dir().to_path_buf(),
            (None, None) => {
                bail!("cannot find a home folder for the journal; choose one with --data-dir DIR")
            }
        };
        let exercises = match (&cli.config_dir, &project) {
            (Some(dir), _) => Some(dir.join("exercises")),
            (None, Some(p)) => Some(p.config_dir().join("exercises")),
            (None, None) => None,
        };
        Ok(Dirs { data, exercises })
    }

    pub fn library(&self) -> Library {
        Library::load(self.exercises.as_deref())
    }
}

pub fn run_command(command: &Command, dirs: &Dirs) -> Result<ExitCode> {
    let store = Store::open_read_only(&dirs.data);
    match command {
        Command::List => list(&store),
        Command::Show { id } => show(&store, &dirs.library(), id),
        Command::Export {
            id,
            all,
            exercise,
            since,
            until,
            html,
            output,
        } => export(
            &store,
            &dirs.library(),
            &ExportChoice {
                id: id.as_deref(),
                all: *all,
                exercise: exercise.as_deref(),
                since: *since,
                until: *until,
            },
            *html,
            output.as_deref(),
        ),
        Command::Exercises => exercises(&dirs.library()),
        Command::Check => check(&store, dirs),
    }
}

fn date(ts: jiff::Timestamp) -> String {
    ts.to_zoned(crate::zone::local())
        .strftime("%-d %b %Y")
        .to_string()
}

fn list(store: &Store) -> Result<ExitCode> {
    let ids = store.page_ids()?;
    if ids.is_empty() {
        println!(
            "The journal in {} has no pages yet.",
            store.root().display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for id in ids {
        let line = match store.load_page(&id) {
            Ok(loaded) => format!(
                "{id}  {}  {}  ({})",
                date(loaded.page.started),
                loaded.page.title,
                status_text(&loaded.page)
            ),
            Err(problem) => format!("{id}  unreadable: {problem}"),
        };
        if writeln!(out, "{line}").is_err() {
            break; // the reader went away (`tandem list | head`)
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn load(store: &Store, id: &str) -> Result<crate::journal::LoadedPage> {
    if !store.page_path(id).exists() {
        bail!(
            "no page {id:?} in {}; `tandem list` shows the pages",
            store.root().display()
        );
    }
    store.load_page(id).map_err(|p| anyhow!("{p}"))
}

fn show(store: &Store, library: &Library, id: &str) -> Result<ExitCode> {
    let loaded = load(store, id)?;
    let page = &loaded.page;
    let width = crossterm::terminal::size()
        .map(|(w, _)| usize::from(w))
        .unwrap_or(100)
        .clamp(40, 160);
    println!("{} — {}", page.title, date(page.started));
    println!(
        "{} and {} · {}",
        page.entries[0].partner,
        page.entries[1].partner,
        status_text(page)
    );
    println!();
    let status = page.status();
    if matches!(status, PageStatus::InProgress | PageStatus::WaitingFor(_)) {
        println!("The answers are private until both partners have finished.");
        return Ok(ExitCode::SUCCESS);
    }
    let names = [
        page.entries[0].partner.clone(),
        page.entries[1].partner.clone(),
    ];
    let sections = crate::compare::sections(
        page,
        library.get(&page.exercise),
        status == PageStatus::Discussed,
    );
    let mut out = std::io::stdout().lock();
    for line in section_lines(&sections, &names, width, Theme::MONO, &crate::zone::local()) {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        if writeln!(out, "{}", text.trim_end()).is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Which pages `tandem export` writes.
struct ExportChoice<'a> {
    id: Option<&'a str>,
    all: bool,
    exercise: Option<&'a str>,
    since: Option<jiff::civil::Date>,
    until: Option<jiff::civil::Date>,
}

impl ExportChoice<'_> {
    fn filtered(&self) -> bool {
        self.exercise.is_some() || self.since.is_some() || self.until.is_some()
    }

    fn keeps(&self, page: &crate::model::Page) -> bool {
        let day = page.started.to_zoned(crate::zone::local()).date();
        self.exercise.is_none_or(|e| e == page.exercise)
            && self.since.is_none_or(|since| day >= since)
            && self.until.is_none_or(|until| day <= until)
    }
}

fn export(
    store: &Store,
    library: &Library,
    choice: &ExportChoice,
    html: bool,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let mut pages = Vec::new();
    let mut skipped = Vec::new();
    match choice.id {
        Some(id) => pages.push(load(store, id)?.page),
        None if choice.all || choice.filtered() => {
            for id in store.page_ids()? {
                match store.load_page(&id) {
                    Ok(loaded) if choice.keeps(&loaded.page) => pages.push(loaded.page),
                    Ok(_) => {}
                    Err(problem) => skipped.push(problem.to_string()),
                }
            }
        }
        None => bail!(
            "say which pages to export: an id from `tandem list`, --all, or filters such as --exercise, --since and --until"
        ),
    }
    // A file named .html gets HTML even without --html.
    let html =
        html || output.is_some_and(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"));
    let format = if html { Format::Html } else { Format::Markdown };
    let text = document(&pages, library, &crate::zone::local(), format);
    match output {
        Some(path) => {
            FileSystem
                .write(path, text.as_bytes())
                .map_err(|e| anyhow!("cannot write {}: {}", path.display(), plain_reason(&e)))?;
            eprintln!("Wrote {} page(s) to {}", pages.len(), path.display());
        }
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    for problem in &skipped {
        eprintln!("skipped (unreadable): {problem}");
    }
    Ok(if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn exercises(library: &Library) -> Result<ExitCode> {
    for category in Category::ALL {
        let mut any = false;
        for exercise in library.in_category(category) {
            if !any {
                println!("{}", category.label());
                any = true;
            }
            println!(
                "  {:<24} {} ({} steps, about {} min)",
                exercise.id,
                exercise.title,
                exercise.steps.len(),
                exercise.minutes
            );
        }
    }
    for entry in library.entries() {
        if let Source::Custom(path) = &entry.source {
            println!("{} comes from {}", entry.exercise.id, path.display());
        }
    }
    for problem in &library.problems {
        eprintln!("{problem}");
    }
    Ok(ExitCode::SUCCESS)
}

fn check(store: &Store, dirs: &Dirs) -> Result<ExitCode> {
    let mut problems = dirs.library().problems;
    let mut checked = 0;
    let couple_path = store.couple_path();
    match std::fs::read(&couple_path) {
        Ok(bytes) => {
            checked += 1;
            if let Err(problem) = parse_couple(&couple_path, &bytes) {
                problems.push(problem);
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => problems.push(crate::problem::Problem::whole_file(
            &couple_path,
            format!("cannot read file: {e}"),
        )),
    }
    for id in store.page_ids()? {
        checked += 1;
        if let Err(problem) = store.load_page(&id) {
            problems.push(problem);
        }
    }
    for problem in &problems {
        println!("{problem}");
    }
    match problems.len() {
        0 => {
            println!("{checked} journal file(s) and the exercise library checked: all fine.");
            Ok(ExitCode::SUCCESS)
        }
        n => {
            eprintln!("{n} problem(s) found; the files are left as they are.");
            Ok(ExitCode::from(1))
        }
    }
}
