use std::process::ExitCode;

use clap::Parser;
use tandem::cli::{Cli, Dirs, run_command};

fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let dirs = Dirs::resolve(&cli)?;
    match &cli.command {
        Some(command) => run_command(command, &dirs),
        None => tandem::terminal::run_workbook(&dirs).map(|()| ExitCode::SUCCESS),
    }
}
