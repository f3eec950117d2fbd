//! Writes a fictional couple's journal of any size, for trying tandem out,
//! for tests and for benchmarks:
//!
//! ```sh
//! cargo run --release --example generate_journal -- --pages 1000 --out /tmp/journal
//! tandem --data-dir /tmp/journal
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tandem::content::Library;

#[derive(Parser)]
#[command(about = "Write a generated tandem journal of N pages into DIR")]
struct Args {
    /// How many pages to write.
    #[arg(long, default_value_t = tandem::demo::DEMO_PAGES)]
    pages: usize,
    /// The folder to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// The same seed always gives the same journal.
    #[arg(long, default_value_t = tandem::demo::DEMO_SEED)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let library = Library::load(None);
    let demo = tandem::demo::generate(&library, args.pages, args.seed);
    match demo.write(&args.out) {
        Ok(()) => {
            println!("Wrote {} pages to {}", demo.pages.len(), args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate_journal: {e}");
            ExitCode::FAILURE
        }
    }
}
