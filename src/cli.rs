//! The command line: arguments, where files live, and the plain-text
//! commands (`list`, `show`, `export`, `exercises`, `check`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{CommandFactory, Parser, Subcommand};
use clap_complete::engine::ArgValueCompleter;

use crate::content::{Library, Source};
use crate::export::{ExportPage, Format, assemble, page_part, status_text};
use crate::journal::{
    LoadedPage, Store, StoreError, kind_of, plain_reason, reader, write_private, write_private_new,
};
use crate::model::{Category, PageStatus, count, visible};
use crate::problem::Problem;
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

    /// For screen readers: no box drawing, no columns, no colour; every
    /// screen reads top to bottom, says what has focus in words, and the
    /// two partners' answers come one after the other.
    #[arg(long, env = "TANDEM_PLAIN", value_parser = clap::builder::FalseyValueParser::new())]
    pub plain: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the pages of the journal, newest first.
    List,
    /// Print one page side by side.
    Show {
        /// The page id as `tandem list` prints it, its file name, or the
        /// start of an id that fits one page only.
        #[arg(add = ArgValueCompleter::new(crate::shell::page_ids))]
        id: String,
    },
    /// Write pages as Markdown or HTML, to standard output or a file.
    Export {
        /// The page id, as `tandem list` prints it.
        #[arg(add = ArgValueCompleter::new(crate::shell::page_ids))]
        id: Option<String>,
        /// Every page, newest first.
        #[arg(long, conflicts_with = "id")]
        all: bool,
        /// Only pages of this exercise (an id from `tandem exercises`, or
        /// its title).
        #[arg(long, value_name = "ID", conflicts_with = "id",
              add = ArgValueCompleter::new(crate::shell::exercise_ids))]
        exercise: Option<String>,
        /// Only pages started on or after this day (YYYY-MM-DD, today or
        /// yesterday).
        #[arg(long, value_name = "DATE", conflicts_with = "id", value_parser = day)]
        since: Option<jiff::civil::Date>,
        /// Only pages started on or before this day (YYYY-MM-DD, today or
        /// yesterday).
        #[arg(long, value_name = "DATE", conflicts_with = "id", value_parser = day)]
        until: Option<jiff::civil::Date>,
        /// A self-contained HTML file that prints both partners side by side
        /// (also chosen by an output file ending in .html).
        #[arg(long)]
        html: bool,
        /// Write to this new file (private to you) instead of standard
        /// output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it is already there (only ever a regular file).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// List the exercises in the library.
    Exercises,
    /// Check the journal and your own exercise files, or one exercise file;
    /// every problem is printed as path:line:column: message.
    Check {
        /// An exercise file to check on its own, wherever it is.
        file: Option<PathBuf>,
    },
    /// Write a starter exercise, with a note on every key, into your
    /// exercises folder as ID.ron.
    NewExercise {
        /// The new exercise's id: lowercase letters, digits and dashes.
        id: String,
    },
    /// Write a calendar file (.ics) that reminds you both of the weekly
    /// check-in, on a day and at a time you choose; any calendar app
    /// imports it. Nothing runs in the background and nothing is counted.
    #[command(after_long_help = REMIND_EXAMPLES)]
    Remind {
        /// The day of the week (monday … sunday, or mon … sun).
        #[arg(long, value_enum, ignore_case = true, default_value = "sunday")]
        day: Day,
        /// The time, for example 19:30 or 7:30pm.
        #[arg(long, default_value = "19:00", value_parser = crate::remind::parse_time)]
        time: jiff::civil::Time,
        /// Also remind you of this exercise every few weeks, right after
        /// the check-in (an id from `tandem exercises`; may be repeated).
        #[arg(long, value_name = "ID",
              add = ArgValueCompleter::new(crate::shell::exercise_ids))]
        also: Vec<String>,
        /// How many weeks apart the exercises of --also come.
        #[arg(long, value_name = "WEEKS", default_value_t = 4, requires = "also",
              value_parser = clap::value_parser!(u32).range(1..=52))]
        every: u32,
        /// A title for every event in place of the exercises' names, for
        /// a calendar others can see; the events then say nothing more.
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// Write to this new file (private to you) instead of standard
        /// output; `-` is standard output. At a terminal the default is
        /// tandem-reminders.ics in the current folder.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it is already there (only ever a regular file).
        #[arg(long)]
        force: bool,
        /// Print a crontab line that shows a desktop notice at that time
        /// each week, instead of the calendar file.
        #[arg(long, conflicts_with_all = ["output", "force", "also"])]
        cron: bool,
    },
    /// Print a script that completes commands, options, page ids and
    /// exercise ids in your shell.
    Completions {
        /// bash, zsh or fish.
        #[arg(value_parser = crate::shell::SHELLS)]
        shell: String,
    },
    /// Print the manual page, or write one page per command into a folder
    /// (for example ~/.local/share/man/man1).
    Man {
        /// The folder to write tandem.1 and tandem-COMMAND.1 into.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

const REMIND_EXAMPLES: &str = "Examples:
  tandem remind --day sunday --time 19:30
      the weekly check-in every Sunday at 19:30, wherever you are
  tandem remind --day wed --time 8pm --also needs-inventory --every 4
      and the needs inventory once every four weeks, after a check-in
  tandem remind --title \"Our evening\"
      every event called \"Our evening\", and nothing more said in the file
  tandem remind --cron --day sunday --time 19:30
      a line for crontab -e that shows a desktop notice instead

A week you skip is fine: nothing is counted. Making the file again and
importing it moves the same events, in calendar apps that follow their ids.";

/// A day of the week, as `remind --day` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Day {
    #[value(alias = "mon")]
    Monday,
    #[value(alias = "tue")]
    Tuesday,
    #[value(alias = "wed")]
    Wednesday,
    #[value(alias = "thu")]
    Thursday,
    #[value(alias = "fri")]
    Friday,
    #[value(alias = "sat")]
    Saturday,
    #[value(alias = "sun")]
    Sunday,
}

impl Day {
    fn weekday(self) -> jiff::civil::Weekday {
        use jiff::civil::Weekday;
        match self {
            Day::Monday => Weekday::Monday,
            Day::Tuesday => Weekday::Tuesday,
            Day::Wednesday => Weekday::Wednesday,
            Day::Thursday => Weekday::Thursday,
            Day::Friday => Weekday::Friday,
            Day::Saturday => Weekday::Saturday,
            Day::Sunday => Weekday::Sunday,
        }
    }
}

/// Where the journal and the custom exercises live.
pub struct Dirs {
    pub data: PathBuf,
    pub exercises: Option<PathBuf>,
    /// Where what could not be saved at exit is kept until the next start:
    /// the platform's state folder (or its cache folder), never the
    /// journal's own folder, which is what failed.
    pub recovery: PathBuf,
    /// The journal is the demo's, removed when tandem closes.
    pub demo: bool,
    /// Where summaries of the pages are kept between runs (the platform's
    /// cache folder); none for the demo.
    pub cache: Option<PathBuf>,
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
        crate::demo::generate_until(
            &library,
            crate::demo::DEMO_PAGES,
            crate::demo::DEMO_SEED,
            jiff::Timestamp::now(),
        )
        .write(&data)
        .context("cannot write the demo journal")?;
        let recovery = folder.path().join("recovery");
        Ok((
            Dirs {
                data,
                exercises: None,
                recovery,
                demo: true,
                cache: None,
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
        let recovery = project
            .as_ref()
            .map(|p| {
                p.state_dir()
                    .unwrap_or_else(|| p.cache_dir())
                    .join("recovery")
            })
            .unwrap_or_else(|| std::env::temp_dir().join("tandem-recovery"));
        let cache = project.as_ref().map(|p| p.cache_dir().join("summaries"));
        Ok(Dirs {
            data,
            exercises,
            recovery,
            demo: false,
            cache,
        })
    }

    pub fn library(&self) -> Library {
        Library::load(self.exercises.as_deref())
    }
}

/// Answers a shell's completion request and exits, when this run is one.
/// Must run before anything is printed.
pub fn complete_if_asked() {
    crate::shell::complete_if_asked(Cli::command);
}

pub fn run_command(command: &Command, dirs: &Dirs) -> Result<ExitCode> {
    let reads_the_journal = matches!(
        command,
        Command::List
            | Command::Show { .. }
            | Command::Export { .. }
            | Command::Check { file: None }
    );
    if reads_the_journal && !dirs.data.is_dir() {
        // A mistyped --data-dir is not an empty journal: say so, and fail,
        // so a script does not take "nothing" for an answer.
        let path = visible(&dirs.data.display().to_string()).into_owned();
        let what = if dirs.data.exists() {
            format!("{path} is a file, not a journal folder.")
        } else {
            format!("There is no journal folder at {path}.")
        };
        eprintln!(
            "{what} If you gave --data-dir or TANDEM_DATA_DIR, check the path. To begin a new journal there, run tandem with the same --data-dir and no command."
        );
        return Ok(ExitCode::from(1));
    }
    let store = Store::open_read_only(&dirs.data);
    match command {
        Command::List => list(&store, &dirs.library(), dirs.cache.as_deref()),
        Command::Show { id } => show(&store, &dirs.library(), id),
        Command::Export {
            id,
            all,
            exercise,
            since,
            until,
            html,
            output,
            force,
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
            *force,
        ),
        Command::Exercises => exercises(&dirs.library()),
        Command::Check { file: None } => check(&store, dirs),
        Command::Check { file: Some(file) } => check_exercise(file, dirs),
        Command::NewExercise { id } => new_exercise(id, dirs),
        Command::Remind {
            day,
            time,
            also,
            every,
            title,
            output,
            force,
            cron,
        } => remind(
            &store,
            &dirs.library(),
            &ReminderChoice {
                day: day.weekday(),
                time: *time,
                also,
                every: *every,
                title: title.as_deref(),
            },
            output.as_deref(),
            *force,
            *cron,
        ),
        Command::Completions { shell } => {
            let program = crate::shell::program_for_scripts(
                &std::env::args_os()
                    .next()
                    .unwrap_or_else(|| "tandem".into()),
            );
            Out::new().raw(&crate::shell::completion_script(shell, &program)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: None } => {
            Out::new().raw(&crate::shell::manual_page(Cli::command())?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir: Some(dir) } => {
            for path in crate::shell::write_manual_pages(dir, Cli::command())? {
                warn(&format!("Wrote {}", path.display()));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Standard output, where every line is made safe for a terminal first.
/// A reader that went away (`tandem list | head`) ends the output quietly.
struct Out {
    out: std::io::StdoutLock<'static>,
    open: bool,
}

impl Out {
    fn new() -> Out {
        Out {
            out: std::io::stdout().lock(),
            open: true,
        }
    }

    fn line(&mut self, text: &str) {
        if self.open && writeln!(self.out, "{}", visible(text)).is_err() {
            self.open = false;
        }
    }

    /// Bytes this program made itself (a script, a manual page), which
    /// hold nothing from a file.
    fn raw(&mut self, bytes: &[u8]) {
        if self.open && self.out.write_all(bytes).is_err() {
            self.open = false;
        }
    }

    fn text(&mut self, text: &str) {
        if self.open && self.out.write_all(visible(text).as_bytes()).is_err() {
            self.open = false;
        }
    }
}

/// A line for standard error, safe for a terminal.
fn warn(text: &str) {
    eprintln!("{}", visible(text));
}

fn date(ts: jiff::Timestamp) -> String {
    crate::zone::day(ts, &crate::zone::local())
}

/// A day as the options take it: YYYY-MM-DD, `today` or `yesterday`.
fn day(text: &str) -> std::result::Result<jiff::civil::Date, String> {
    let today = || {
        jiff::Zoned::now()
            .with_time_zone(crate::zone::local())
            .date()
    };
    match text.trim().to_lowercase().as_str() {
        "today" => Ok(today()),
        "yesterday" => today()
            .yesterday()
            .map_err(|_| "there is no day before that".to_string()),
        other => other.parse().map_err(|_| {
            format!("write the day as year-month-day, for example 2026-03-01 (or today, yesterday), not {other:?}")
        }),
    }
}

/// The exercise an `--exercise` names: its id, or its title in any case.
fn exercise_id(library: &Library, named: &str) -> Result<String> {
    let wanted = named.trim();
    if let Some(exercise) = library
        .exercises()
        .find(|e| e.id == wanted || e.title.eq_ignore_ascii_case(wanted))
    {
        return Ok(exercise.id.clone());
    }
    let closest = library
        .exercises()
        .map(|e| (strsim::jaro_winkler(&e.id, wanted), &e.id))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8)
        .map(|(_, id)| format!(" Did you mean {id}?"))
        .unwrap_or_default();
    bail!(
        "there is no exercise {:?}; `tandem exercises` lists them.{closest}",
        visible(wanted)
    )
}

fn list(store: &Store, library: &Library, cache: Option<&Path>) -> Result<ExitCode> {
    let listing = store.listing()?;
    if listing.ids.is_empty() && listing.unreadable.is_empty() {
        println!(
            "The journal in {} has no pages yet.",
            visible(&store.root().display().to_string())
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = Out::new();
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut unreadable = 0;
    // The same summaries the journal screen shows, from the cache where
    // a page is unchanged since it was last read.
    let cache = cache.map(|folder| crate::summaries::Cache::new(folder, store, library));
    let mut read: std::collections::HashMap<String, _> = std::collections::HashMap::new();
    crate::summaries::read_summaries(store, library, cache.as_ref(), &listing.ids, |batch| {
        read.extend(batch);
        true
    });
    for id in &listing.ids {
        let row = match read.remove(id) {
            Some(Ok(summary)) => {
                let mut status = crate::export::status_words(summary.status, &summary.names);
                if summary.read_only.is_some() {
                    status.push_str(", read-only");
                }
                [
                    id.clone(),
                    date(summary.started),
                    summary.title,
                    format!("({status})"),
                ]
            }
            Some(Err(problem)) => {
                unreadable += 1;
                [
                    id.clone(),
                    String::new(),
                    String::new(),
                    format!("cannot be read: {}", problem.message),
                ]
            }
            None => continue,
        };
        rows.push(row);
    }
    for (id, problem) in &listing.unreadable {
        unreadable += 1;
        rows.push([
            id.clone(),
            String::new(),
            String::new(),
            format!("cannot be read: {}", problem.message),
        ]);
    }
    let width = |n: usize| {
        rows.iter()
            .map(|r| crate::ui::text::width(&visible(&r[n])))
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2)];
    for row in &rows {
        let line = if row[1].is_empty() {
            // Nothing read: the reason follows the id.
            format!("{}  {}", crate::ui::text::pad(&row[0], widths[0]), row[3])
        } else {
            let cells: Vec<String> = (0..3)
                .map(|n| crate::ui::text::pad(&row[n], widths[n]))
                .collect();
            format!("{}  {}  {}  {}", cells[0], cells[1], cells[2], row[3])
        };
        out.line(&line);
    }
    if unreadable > 0 {
        out.line("");
        out.line(&format!(
            "{} of {} cannot be read; `tandem check` says where and why.",
            unreadable,
            count(rows.len(), "page", "pages")
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The page `wanted` names: an id, a file name, or the start of one id.
fn resolve(store: &Store, wanted: &str) -> Result<String> {
    let ids = store.page_ids()?;
    let wanted = wanted.trim();
    let base = Path::new(wanted)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| wanted.to_string());
    let base = base.strip_suffix(".ron").unwrap_or(&base);
    if ids.iter().any(|id| id == base) {
        return Ok(base.to_string());
    }
    let matching: Vec<&String> = ids.iter().filter(|id| id.starts_with(base)).collect();
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] => bail!(
            "there is no page {:?} in {}; `tandem list` shows the pages",
            visible(wanted),
            visible(&store.root().display().to_string())
        ),
        many => bail!(
            "{} pages start with {:?}, for example {} and {}; give more of the id",
            many.len(),
            visible(wanted),
            visible(many[0]),
            visible(many[1])
        ),
    }
}

fn load(store: &Store, library: &Library, wanted: &str) -> Result<LoadedPage> {
    let id = resolve(store, wanted)?;
    store
        .load_page(&id, library)
        .map_err(|p| anyhow!("{}", visible(&p.to_string())))
}

fn show(store: &Store, library: &Library, id: &str) -> Result<ExitCode> {
    let loaded = load(store, library, id)?;
    let page = &loaded.page;
    let width = crossterm::terminal::size()
        .map(|(w, _)| usize::from(w))
        .unwrap_or(100)
        .clamp(40, 160);
    let mut out = Out::new();
    out.line(&format!("{} — {}", page.title, date(page.started)));
    out.line(&format!(
        "{} and {} · {}",
        page.entries[0].partner,
        page.entries[1].partner,
        status_text(page)
    ));
    if let crate::journal::Access::ReadOnly(reason) = &loaded.access {
        out.line(&format!("Read-only: {reason}."));
    }
    out.line("");
    let Some(revealed) = crate::reveal::reveal(page) else {
        out.line(crate::reveal::not_revealed_words(page));
        return Ok(ExitCode::SUCCESS);
    };
    let names = [
        page.entries[0].partner.clone(),
        page.entries[1].partner.clone(),
    ];
    let sections = crate::compare::sections(
        revealed,
        library.get(&page.exercise),
        page.status() == PageStatus::Discussed,
    );
    for line in section_lines(&sections, &names, width, Theme::MONO, &crate::zone::local()) {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.line(text.trim_end());
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
    force: bool,
) -> Result<ExitCode> {
    let exercise = choice
        .exercise
        .map(|e| exercise_id(library, e))
        .transpose()?;
    let choice = &ExportChoice {
        exercise: exercise.as_deref(),
        ..*choice
    };
    let output = output.filter(|p| p.as_os_str() != "-");
    // A file named .html gets HTML even without --html.
    let html =
        html || output.is_some_and(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"));
    let format = if html { Format::Html } else { Format::Markdown };
    let tz = crate::zone::local();
    // Each page is written out by the thread that read it; only what is
    // written is kept, never every page whole at once.
    let written = |page: ExportPage| {
        let read_only = page.read_only.is_some().then(|| page.page.id.clone());
        (page_part(&page, library, &tz, format), read_only)
    };
    let mut parts = Vec::new();
    let mut read_only = Vec::new();
    let mut skipped = Vec::new();
    let mut keep = |part: (String, Option<String>)| {
        parts.push(part.0);
        read_only.extend(part.1);
    };
    match choice.id {
        Some(id) => keep(written(load(store, library, id)?.into())),
        None if choice.all || choice.filtered() => {
            let ids = store.page_ids()?;
            let read = reader::read_all(store, library, &ids, |_, read| match read {
                Ok(loaded) if choice.keeps(&loaded.page) => Some(Ok(written(loaded.into()))),
                Ok(_) => None,
                Err(problem) => Some(Err(problem.to_string())),
            });
            for page in read.into_iter().flatten() {
                match page {
                    Ok(part) => keep(part),
                    Err(problem) => skipped.push(problem),
                }
            }
        }
        None => bail!(
            "say which pages to export: an id from `tandem list`, --all, or filters such as --exercise, --since and --until"
        ),
    }
    if parts.is_empty() && skipped.is_empty() {
        bail!(
            "no page matches; `tandem list` shows the pages there are, with their days and exercises"
        );
    }
    let pages = parts.len();
    let text = assemble(parts, format);
    match output {
        Some(path) => {
            write_output(path, text.as_bytes(), force, "tandem.md")?;
            warn(&format!(
                "Wrote {} to {}",
                count(pages, "page", "pages"),
                path.display()
            ));
        }
        None => Out::new().text(&text),
    }
    for id in &read_only {
        warn(&format!(
            "{id}: read-only, and what tandem does not understand of it is not shown; `tandem check` says where"
        ));
    }
    for problem in &skipped {
        warn(&format!("skipped, cannot be read: {problem}"));
    }
    Ok(if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What `tandem remind` was asked for.
struct ReminderChoice<'a> {
    day: jiff::civil::Weekday,
    time: jiff::civil::Time,
    also: &'a [String],
    every: u32,
    title: Option<&'a str>,
}

/// The file a reminder calendar goes to when none is named at a terminal.
const REMINDERS_FILE: &str = "tandem-reminders.ics";

fn remind(
    store: &Store,
    library: &Library,
    choice: &ReminderChoice,
    output: Option<&Path>,
    force: bool,
    cron: bool,
) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let check_in = library
        .get("weekly-check-in")
        .map(|e| {
            (
                e.title.as_str(),
                e.minutes.unwrap_or(crate::remind::DEFAULT_MINUTES),
            )
        })
        .unwrap_or(("Weekly check-in", crate::remind::DEFAULT_MINUTES));
    if let Some(title) = choice.title
        && title.trim().is_empty()
    {
        bail!("--title needs some words, for example --title \"Our evening\"");
    }
    let title = choice.title.map(str::trim);
    if cron {
        // SAFETY: getuid cannot fail and touches no memory.
        let user = unsafe { libc::getuid() };
        let line = crate::remind::cron_line(choice.day, choice.time, check_in.0, title, user);
        let mut out = Out::new();
        out.line("# Add this line with `crontab -e`. It shows a desktop notice each week;");
        out.line("# it needs notify-send (libnotify) and a desktop session at that time.");
        out.line(&line);
        return Ok(ExitCode::SUCCESS);
    }
    let mut others: Vec<(&str, &str, u32)> = Vec::new();
    for named in choice.also {
        let id = exercise_id(library, named)?;
        if id == "weekly-check-in" {
            warn("The weekly check-in is in the calendar every week already.");
            continue;
        }
        let Some(exercise) = library.get(&id) else {
            continue;
        };
        if others.iter().all(|(o, _, _)| *o != exercise.id) {
            others.push((
                &exercise.id,
                &exercise.title,
                exercise.minutes.unwrap_or(crate::remind::DEFAULT_MINUTES),
            ));
        }
    }
    if others.len() > choice.every as usize {
        bail!(
            "{} exercises with --also need more than --every {} weeks to keep to one an evening: choose at most {} of them, or a larger --every",
            others.len(),
            choice.every,
            choice.every
        );
    }
    let now = jiff::Zoned::now().with_time_zone(crate::zone::local());
    let plan = crate::remind::Plan {
        weekday: choice.day,
        time: choice.time,
        from: now.datetime(),
        title,
        check_in,
        others,
        every_weeks: choice.every,
        household: &household(store),
    };
    let events = crate::remind::reminders(&plan);
    let text = crate::remind::calendar(&events, jiff::Timestamp::now(), title.is_some());
    let to_file = match output {
        Some(path) if path == Path::new("-") => None,
        Some(path) => Some(path.to_path_buf()),
        None if std::io::stdout().is_terminal() => Some(PathBuf::from(REMINDERS_FILE)),
        None => None,
    };
    let Some(path) = to_file else {
        // Made here from plain words, with every control character left
        // out of its values; its line ends must stay CRLF.
        Out::new().raw(text.as_bytes());
        return Ok(ExitCode::SUCCESS);
    };
    write_output(&path, text.as_bytes(), force, REMINDERS_FILE)?;
    let first = events
        .first()
        .map(|e| e.start.strftime("%A %-d %B at %H:%M").to_string())
        .unwrap_or_default();
    warn(&format!("Wrote {}.", path.display()));
    warn(&format!(
        "Open it with your calendar app (or import it there) to be reminded every week, from {first}."
    ));
    for (_, title, _) in &plan.others {
        warn(&format!(
            "\"{title}\" comes once every {}, right after a check-in.",
            count(choice.every as usize, "week", "weeks")
        ));
    }
    warn(
        "Made again with another day or time, it moves the same events instead of adding new ones.",
    );
    Ok(ExitCode::SUCCESS)
}

/// A short fingerprint of the journal, the same on every run: of when the
/// couple began it, so a journal kept on two computers gives the same
/// events on both; of its folder before there is a couple.
fn household(store: &Store) -> String {
    let source = match store.load_couple() {
        Ok(Some(couple)) => couple.created.to_string(),
        _ => store.canonical_root().to_string_lossy().into_owned(),
    };
    let sum = crate::summaries::checksum(source.as_bytes());
    format!("{:08x}", sum as u32)
}

/// Writes what a command made as a new file, atomically; an existing file
/// is replaced only with `force`, and only when it is a regular file.
/// `example` names a file for the message when `path` is a folder.
fn write_output(path: &Path, bytes: &[u8], force: bool, example: &str) -> Result<()> {
    let shown = visible(&path.display().to_string()).into_owned();
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let kind = meta.file_type();
        if kind.is_dir() {
            bail!(
                "{shown} is a folder: give the name of a file inside it, for example {}",
                visible(&path.join(example).display().to_string())
            );
        }
        if !kind.is_file() {
            bail!(
                "{shown} is {}, not a regular file, and tandem writes only regular files. To send it there anyway, print it and pass it on yourself: tandem … -o - > {shown}",
                kind_of(kind)
            );
        }
        if !force {
            bail!(
                "{shown} is already there, and tandem replaces a file only when you add --force: choose another name, or add --force to replace it"
            );
        }
    }
    let written = if force {
        write_private(path, bytes)
    } else {
        write_private_new(path, bytes)
    };
    written.map_err(|e| anyhow!("cannot write {shown}: {}", plain_reason(&e)))
}

fn exercises(library: &Library) -> Result<ExitCode> {
    let mut out = Out::new();
    for category in Category::ALL {
        let mut any = false;
        for exercise in library.in_category(category) {
            if !any {
                out.line(category.label());
                any = true;
            }
            let length = exercise
                .minutes
                .map(|m| format!(", about {m} min"))
                .unwrap_or_default();
            out.line(&format!(
                "  {:<24} {} ({}{length})",
                exercise.id,
                exercise.title,
                crate::app::steps_in_words(exercise),
            ));
        }
    }
    for entry in library.entries() {
        if let Source::Custom(path) = &entry.source {
            out.line(&format!(
                "{} comes from {}",
                entry.exercise.id,
                path.display()
            ));
        }
    }
    drop(out);
    for problem in &library.problems {
        warn(&problem.to_string());
    }
    Ok(ExitCode::SUCCESS)
}

fn check(store: &Store, dirs: &Dirs) -> Result<ExitCode> {
    let library = dirs.library();
    let mut problems: Vec<Problem> = library.problems.clone();
    let mut checked = 0;
    let couple = store.load_couple();
    let couple_read = matches!(couple, Ok(Some(_)));
    match &couple {
        Ok(_) => {}
        Err(StoreError::Unreadable(problem)) => problems.push(problem.clone()),
        Err(e) => problems.push(Problem::whole_file(&store.couple_path(), e.to_string())),
    }
    let listing = store.listing()?;
    problems.extend(listing.unreadable.iter().map(|(_, p)| p.clone()));
    // Which file each id written inside a page belongs to, to find two
    // files that claim the same page.
    let mut claimed: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let read = reader::read_all(store, &library, &listing.ids, |_, read| {
        read.map(|loaded| {
            let sealed = [0, 1].map(|i| {
                let entry = &loaded.page.entries[i];
                entry.sealed.is_some() || entry.kept.is_some()
            });
            (loaded.findings, loaded.written_id, sealed)
        })
    });
    // Whose words some page holds sealed.
    let mut sealed_by = [false; 2];
    for (id, read) in listing.ids.iter().zip(read) {
        checked += 1;
        match read {
            Ok((findings, written_id, sealed)) => {
                problems.extend(findings);
                claimed.entry(written_id).or_default().push(id.clone());
                sealed_by = [0, 1].map(|i| sealed_by[i] || sealed[i]);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if let Ok(Some(couple)) = &couple {
        problems.extend(check_keys(store, couple, sealed_by));
    }
    for (written, files) in &claimed {
        let owner = listing.ids.iter().find(|id| *id == written);
        // A sync tool's copy says what it is on its own (the audit).
        let others: Vec<&String> = files
            .iter()
            .filter(|f| Some(*f) != owner)
            .filter(|f| crate::journal::conflict::conflict_copy(f).is_none_or(|c| c.of != written))
            .collect();
        if files.len() > 1 || (owner.is_some() && !others.is_empty()) {
            for file in &others {
                problems.push(Problem::whole_file(
                    &store.page_path(file),
                    format!(
                        "this page says its id is \"{written}\", which is also the id of {}; give it the id \"{file}\" (its file name), or remove the copy",
                        files
                            .iter()
                            .filter(|f| f != file)
                            .map(|f| format!("{f}.ron"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                ));
            }
        }
    }
    problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    problems.dedup();
    let mut out = Out::new();
    for problem in &problems {
        out.line(&problem.to_string());
    }
    if problems.is_empty() {
        out.line(&format!(
            "All fine: {}{} and the exercise library checked.",
            count(checked, "page", "pages"),
            if couple_read { ", couple.ron" } else { "" }
        ));
        Ok(ExitCode::SUCCESS)
    } else {
        let files: std::collections::BTreeSet<&PathBuf> =
            problems.iter().map(|p| &p.path).collect();
        out.line("");
        out.line(&format!(
            "{} in {}. Nothing was changed: tandem leaves these files exactly as they are until you fix them.",
            count(problems.len(), "problem found", "problems found"),
            count(files.len(), "file", "files")
        ));
        Ok(ExitCode::from(1))
    }
}

/// Compares the public keys `couple.ron` lists with the key files: a key
/// listed for a partner that their key file does not hold would have
/// their words sealed to someone else. Key files say their public half on
/// a comment line; one written before that says nothing and is opened
/// (and checked) with its passphrase only.
fn check_keys(store: &Store, couple: &crate::model::Couple, sealed_by: [bool; 2]) -> Vec<Problem> {
    use crate::model::Partner;
    let path = store.couple_path();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let at = |public: &str, message: String| match text.find(public) {
        Some(offset) => Problem::at_offset(&path, &text, offset, message),
        None => Problem::whole_file(&path, message),
    };
    let mut problems = Vec::new();
    for partner in Partner::BOTH {
        let name = visible(&couple.names[partner.index()]).into_owned();
        let file = store.key_path(partner);
        let shown = file.display();
        let Some(listed) = couple.key(partner) else {
            if std::fs::symlink_metadata(&file).is_err() && sealed_by[partner.index()] {
                problems.push(at(
                    "keys",
                    format!(
                        "this lists no key for {name}, and {name}'s key file {shown} is gone, yet pages hold {name}'s words sealed with a passphrase: put the key file and {name}'s key back from a backup. Until then tandem does not start a turn of {name}'s, so nothing {name} writes is saved unsealed"
                    ),
                ));
            } else if std::fs::symlink_metadata(&file).is_ok() {
                problems.push(at(
                    "keys",
                    format!(
                        "this lists no key for {name}, yet {name}'s key file {shown} is there: tandem will not seal to nothing, so {name}'s turns wait until {name}'s own key is listed again (the \"# public key\" line of the key file)"
                    ),
                ));
            }
            continue;
        };
        let stated = match store.load_key(partner) {
            Ok(key_file) => crate::seal::stated_public_key(&key_file).map(str::to_string),
            Err(_) => {
                problems.push(at(
                    listed,
                    format!(
                        "this is the key listed for {name}, but {name}'s key file {shown} cannot be read, so nothing sealed to it can be opened; put the key file back from a backup"
                    ),
                ));
                continue;
            }
        };
        match stated {
            Some(stated) if stated == listed => {}
            Some(stated) if couple.key(partner.other()) == Some(stated.as_str()) => {
                problems.push(at(
                    listed,
                    format!(
                        "{name}'s key file {shown} holds the key this file lists for the other partner: the two keys (or the two key files) have changed places; put them back in order"
                    ),
                ));
            }
            Some(_) => problems.push(at(
                listed,
                format!(
                    "this is not the key in {name}'s key file {shown}; whoever holds it could read what is sealed to it, so tandem seals nothing to it: put {name}'s own key back (the \"# public key\" line of {shown}), or restore this file from a backup"
                ),
            )),
            None => {}
        }
    }
    problems
}

/// Checks one exercise file on its own, and says how it would sit in the
/// library.
fn check_exercise(file: &Path, dirs: &Dirs) -> Result<ExitCode> {
    let shown = visible(&file.display().to_string()).into_owned();
    let bytes = crate::files::read_regular(file, crate::content::EXERCISE_LIMIT)
        .map_err(|failure| anyhow!("cannot check {shown}: {}", failure.plain()))?;
    let text = crate::files::as_text(file, &bytes).map_err(|problem| anyhow!("{problem}"))?;
    let mut out = Out::new();
    match crate::content::parse_exercise(file, text) {
        Err(problems) => {
            for problem in &problems {
                out.line(&problem.to_string());
            }
            out.line("");
            out.line(&format!(
                "{} in {shown}; the library leaves this exercise out until it is fixed.",
                count(problems.len(), "problem found", "problems found"),
            ));
            Ok(ExitCode::from(1))
        }
        Ok(exercise) => {
            let folder = dirs.exercises.as_deref();
            let real = |p: &Path| std::fs::canonicalize(p).ok();
            let here = real(file);
            let inside = folder
                .and_then(real)
                .is_some_and(|f| here.as_deref().and_then(Path::parent) == Some(f.as_path()));
            // In the folder, it also has to get along with the other files
            // there (two files with one id).
            let clashes: Vec<Problem> = if inside {
                Library::load(folder)
                    .problems
                    .into_iter()
                    .filter(|p| real(&p.path).is_some_and(|p| Some(p) == here))
                    .collect()
            } else {
                Vec::new()
            };
            if !clashes.is_empty() {
                for problem in &clashes {
                    out.line(&problem.to_string());
                }
                return Ok(ExitCode::from(1));
            }
            out.line(&format!(
                "All fine: {shown} is the exercise {:?} ({}).",
                exercise.id,
                crate::app::steps_in_words(&exercise)
            ));
            if Library::load(None).get(&exercise.id).is_some() {
                out.line("Its id is that of a built-in exercise: in your exercises folder, it replaces that one.");
            }
            if !inside && let Some(folder) = folder {
                out.line(&format!(
                    "To use it, put it in {}.",
                    visible(&folder.display().to_string())
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The starter file `new-exercise` writes, with `{id}` and `{title}` to
/// fill in.
const STARTER: &str = include_str!("content/starter.ron");

/// The starter exercise for `id`, valid as it is.
pub fn starter_exercise(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut title: String = words.trim().to_string();
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    STARTER.replace("{id}", id).replace("{title}", &title)
}

/// Writes a starter exercise into the exercises folder, never over a file
/// that is there.
fn new_exercise(id: &str, dirs: &Dirs) -> Result<ExitCode> {
    let wanted = id.trim();
    if !crate::content::is_id(wanted) || wanted.chars().count() > crate::content::MAX_ID_CHARS {
        bail!(
            "{:?} cannot be an exercise id: use lowercase letters, digits and dashes (at most {} characters), for example our-evening",
            visible(wanted),
            crate::content::MAX_ID_CHARS
        );
    }
    let Some(folder) = &dirs.exercises else {
        bail!("cannot find a home folder for your exercises; choose one with --config-dir DIR");
    };
    let library = dirs.library();
    if let Some(exercise) = library.get(wanted) {
        bail!(
            "{wanted} is already the id of {:?}; choose another id, so the new exercise does not replace it",
            visible(&exercise.title)
        );
    }
    std::fs::create_dir_all(folder).with_context(|| {
        format!(
            "cannot make the exercises folder {}",
            visible(&folder.display().to_string())
        )
    })?;
    let path = folder.join(format!("{wanted}.ron"));
    let shown = visible(&path.display().to_string()).into_owned();
    write_private_new(&path, starter_exercise(wanted).as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow!("{shown} is already there, and tandem never writes over it; choose another id")
        } else {
            anyhow!("cannot write {shown}: {}", plain_reason(&e))
        }
    })?;
    let mut out = Out::new();
    out.line(&format!("Wrote {shown}."));
    out.line(&format!(
        "Put your own words in it, then run `tandem check {shown}`. It is in the library the next time tandem starts."
    ));
    Ok(ExitCode::SUCCESS)
}
