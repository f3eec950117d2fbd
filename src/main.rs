use std::fmt;
use std::process::ExitCode;

use clap::Parser;
use tandem::cli::{Cli, Dirs, run_command};

/// An error as a person should read it: the message and its causes, with
/// no backtrace.
struct Failure(anyhow::Error);

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Paths and file names in an error may hold anything; none of it
        // may change the terminal the message is printed to.
        write!(f, "{}", tandem::model::visible(&format!("{:#}", self.0)))
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure(error)
    }
}

/// Problems are printed as `error: …`, the way the argument parser prints
/// its own, so every message of the command reads alike.
fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("error: {failure:?}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode, Failure> {
    // A shell asking what Tab may complete is answered before anything
    // else happens, and the program ends there.
    tandem::cli::complete_if_asked();
    let cli = Cli::parse();
    // The demo's folder is removed when `_demo` goes out of scope.
    let (dirs, _demo) = if cli.demo {
        let (dirs, folder) = Dirs::demo()?;
        (dirs, Some(folder))
    } else {
        (Dirs::resolve(&cli)?, None)
    };
    let code = match &cli.command {
        Some(command) => run_command(command, &dirs)?,
        None => {
            tandem::terminal::run_workbook(&dirs, cli.plain)?;
            ExitCode::SUCCESS
        }
    };
    Ok(code)
}
