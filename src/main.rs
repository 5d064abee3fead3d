//! Entry point: parse the command line and run the chosen command.

mod cli;

use std::process::ExitCode;

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    cli::run()
}
