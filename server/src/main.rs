//! `doorstep`: serve the portal, migrate, create an admin, load demo data.

use clap::Parser;
use std::process::ExitCode;

// Page rendering allocates many small strings; mimalloc serves them faster than glibc's
// allocator under concurrency.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    server::cli::run(server::cli::Cli::parse()).await
}
