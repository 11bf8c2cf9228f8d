//! `hum`: prove membership with a one-time nullifier, through the isolated prover component.
//!
//! A small program over the `hum_host` library: [`cli`] declares the commands, [`commands`] runs
//! each one and returns an [`output::Report`], which is printed as text or `--json` in one
//! place, and [`error`] decides every exit code (0 success, 1 failure or an invalid proof, 2 bad
//! input).

mod cli;
mod commands;
mod error;
mod output;
mod progress;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let json = cli.global.json;
    match commands::run(cli) {
        Ok(report) => ExitCode::from(report.print(json)),
        Err(failure) => {
            eprintln!("hum: error: {:#}", failure.error);
            ExitCode::from(failure.code)
        }
    }
}
