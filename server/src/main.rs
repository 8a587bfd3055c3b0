//! `doorstep`: serve the portal, migrate, create an admin, load demo data.

use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    server::cli::run(server::cli::Cli::parse()).await
}
