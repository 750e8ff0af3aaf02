//! `kontor`: the command-line tool over the same core as the desktop app,
//! for scripting, set-up and administration. See docs/CLI.md.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let json = args.json;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime starts");
    match runtime.block_on(cli::run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            cli::output::print_error(&error, json);
            ExitCode::FAILURE
        }
    }
}
