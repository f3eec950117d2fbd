//! At home in a shell: completion scripts and the manual page, both made
//! from the same argument definitions as `--help`.
//!
//! Completion is dynamic: the script a shell loads calls `tandem` back
//! (with `TANDEM_COMPLETE` set) for each Tab, so page ids and exercise ids
//! come from the journal and library as they are at that moment.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Command;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{CompleteEnv, Shells};

use crate::content::Library;
use crate::journal::Store;
use crate::model::visible;

/// The variable that turns a run of `tandem` into a completion request.
pub const COMPLETE_VAR: &str = "TANDEM_COMPLETE";

/// The shells a completion script can be written for.
pub const SHELLS: [&str; 3] = ["bash", "zsh", "fish"];

/// Answers a completion request for the commands `command` makes and
/// exits, when this run is one; does nothing otherwise. Must run before
/// anything is printed.
pub fn complete_if_asked(command: fn() -> Command) {
    CompleteEnv::with_factory(command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The script that makes `shell` complete tandem's commands, options,
/// page ids and exercise ids. `program` is how the script calls tandem
/// back: the name when it is on the PATH, else the full path.
pub fn completion_script(shell: &str, program: &str) -> Result<Vec<u8>> {
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(shell) else {
        bail!(
            "tandem has completions for {}, not for {:?}",
            SHELLS.join(", "),
            visible(shell)
        );
    };
    let mut script = Vec::new();
    completer
        .write_registration(COMPLETE_VAR, "tandem", "tandem", program, &mut script)
        .context("cannot write the completion script")?;
    Ok(script)
}

/// How a completion script should call this program back: by name when
/// it was started by name (found on the PATH), else by its full path, so
/// `target/release/tandem completions bash` works before installing.
pub fn program_for_scripts(arg0: &OsStr) -> String {
    let path = PathBuf::from(arg0);
    if path.components().count() <= 1 {
        return path.to_string_lossy().into_owned();
    }
    std::fs::canonicalize(&path)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// Page ids of the journal the command line names (`--data-dir`, else
/// `TANDEM_DATA_DIR`, else the platform's data folder), newest first, that
/// start with what is typed. Only file names are listed; no page is read.
pub fn page_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(folder) = data_dir() else {
        return Vec::new();
    };
    let typed = current.to_string_lossy();
    let store = Store::open_read_only(&folder);
    store
        .page_ids()
        .unwrap_or_default()
        .into_iter()
        .filter(|id| id.starts_with(typed.as_ref()))
        .map(|id| CompletionCandidate::new(id).display_order(None))
        .collect()
}

/// Exercise ids of the library (built-in and your own), with their
/// titles as help where the shell shows it.
pub fn exercise_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let library = Library::load(exercises_dir().as_deref());
    let candidates: Vec<CompletionCandidate> = library
        .exercises()
        .filter(|e| e.id.starts_with(typed.as_ref()))
        .map(|e| {
            CompletionCandidate::new(e.id.clone()).help(Some(visible(&e.title).into_owned().into()))
        })
        .collect();
    candidates
}

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "tandem")
}

/// The value of `option` on the command line being completed (which this
/// run was given after `--`), or else of the `variable`.
fn chosen(option: &str, variable: &str) -> Option<PathBuf> {
    let words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let typed = words.iter().enumerate().find_map(|(i, word)| {
        let word = word.to_str()?;
        if word == option {
            words.get(i + 1).map(PathBuf::from)
        } else {
            word.strip_prefix(option)?
                .strip_prefix('=')
                .map(PathBuf::from)
        }
    });
    typed.or_else(|| match std::env::var_os(variable) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => None,
    })
}

fn data_dir() -> Option<PathBuf> {
    chosen("--data-dir", "TANDEM_DATA_DIR")
        .or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}

fn exercises_dir() -> Option<PathBuf> {
    chosen("--config-dir", "TANDEM_CONFIG_DIR")
        .map(|dir| dir.join("exercises"))
        .or_else(|| project().map(|p| p.config_dir().join("exercises")))
}

/// The manual page of `tandem` (made from `command`) in roff, with sections on files and the
/// environment that `--help` has no room for.
pub fn manual_page(command: Command) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(command.disable_help_subcommand(true)).manual("tandem manual");
    let mut page = Vec::new();
    man.render(&mut page)
        .context("cannot write the manual page")?;
    page.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    Ok(page)
}

/// Writes the manual pages of `tandem` and of each command (tandem.1,
/// tandem-list.1, …) into `folder`, the way `man` finds them under a
/// `man1` folder.
pub fn write_manual_pages(folder: &Path, command: Command) -> Result<Vec<PathBuf>> {
    let shown = visible(&folder.display().to_string()).into_owned();
    std::fs::create_dir_all(folder).with_context(|| format!("cannot make the folder {shown}"))?;
    let mut written = Vec::new();
    let main = folder.join("tandem.1");
    write_page(&main, &manual_page(command.clone())?)?;
    written.push(main);
    let mut command = command.disable_help_subcommand(true);
    command.build();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = clap_mangen::Man::new(sub.clone()).manual("tandem manual");
        let path = folder.join(man.get_filename());
        let mut page = Vec::new();
        man.render(&mut page)
            .context("cannot write the manual page")?;
        // What follows a command's options is its examples.
        let mut page = String::from_utf8_lossy(&page)
            .replace(".SH EXTRA\nExamples:\n", ".SH EXAMPLES\n")
            .replace(".SH EXTRA", ".SH EXAMPLES");
        page.push_str(".SH SEE ALSO\n\\fBtandem\\fR(1)\n");
        let page = page.into_bytes();
        write_page(&path, &page)?;
        written.push(path);
    }
    Ok(written)
}

/// A manual page is ours to replace (it is made from this program), but
/// only when it is a regular file: never through a link.
fn write_page(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::files::write_public(path, bytes).map_err(|e| {
        anyhow::anyhow!(
            "cannot write {}: {}",
            visible(&path.display().to_string()),
            crate::journal::plain_reason(&e)
        )
    })
}

const EXTRA_SECTIONS: &str = r#".SH FILES
.TP
\fB~/.local/share/tandem/\fR
The journal: \fIcouple.ron\fR and one RON file per page in \fIjournal/\fR.
It is yours: copy it, back it up, or keep it in git. On macOS it is in
\fI~/Library/Application Support/tandem/\fR.
.TP
\fB~/.config/tandem/exercises/\fR
Your own exercises, one RON file each (\fBtandem new-exercise\fR starts one).
.TP
\fB~/.cache/tandem/summaries/\fR
Summaries of the pages of journals with 200 pages or more, so the journal
opens quickly. Safe to remove at any time.
.TP
\fB~/.local/state/tandem/recovery/\fR
What could not be saved when tandem closed, until the next start.
.SH ENVIRONMENT
.TP
\fBTANDEM_DATA_DIR\fR
Where the journal lives, as \fB\-\-data\-dir\fR.
.TP
\fBTANDEM_CONFIG_DIR\fR
Where your own exercises live, as \fB\-\-config\-dir\fR.
.TP
\fBTANDEM_PLAIN\fR
When set (to anything but 0 or false), as \fB\-\-plain\fR: screens for screen
readers, read top to bottom, with no box drawing, columns or colour.
.TP
\fBNO_COLOR\fR
When set to anything, the screens use no colour.
.SH EXAMPLES
.TP
\fBtandem\fR
Open the workbook.
.TP
\fBtandem \-\-demo\fR
Try a fictional couple's journal; nothing of yours is read or written.
.TP
\fBtandem export \-\-all \-o journal.html\fR
Every page in one file that prints both partners side by side.
.TP
\fBtandem completions bash > ~/.local/share/bash-completion/completions/tandem\fR
Complete commands, page ids and exercise ids in bash.
.SH SAFETY
If you are afraid of your partner, this is not a communication problem and
no exercise is meant for it. In the workbook, \fB!\fR shows signs to look
out for and where to find help, and \fBCtrl\-Q\fR closes tandem at once.
"#;
