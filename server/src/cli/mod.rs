//! The `doorstep` command.

mod admin;
mod availability;

use crate::config::Config;
use crate::startup::{self, StartError};
use crate::telemetry;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "doorstep",
    version,
    about = "Doorstep: the customer portal for field-service businesses"
)]
pub struct Cli {
    /// The runtime configuration file; DOORSTEP_* environment variables override its keys.
    #[arg(
        long,
        global = true,
        default_value = "Leptos.toml",
        env = "DOORSTEP_CONFIG"
    )]
    config: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate the database and serve the portal (the default).
    Serve {
        /// Load the demo business first if the database is empty (loopback addresses only:
        /// every demo password is public).
        #[arg(long)]
        demo: bool,
        /// Allow --demo (or demo_on_empty) on an address other people can reach.
        #[arg(long)]
        demo_anywhere: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create an administrator; asks for what the flags do not give.
    CreateAdmin(admin::CreateAdmin),
    /// Load the demo business into an empty database.
    Demo,
    /// Print the arrival windows and candidate technicians for a service at a place.
    Availability(availability::Availability),
}

pub async fn run(cli: Cli) -> ExitCode {
    let config = match Config::load(&cli.config) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("doorstep: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format, &config.log_level);
    let default = Command::Serve {
        demo: false,
        demo_anywhere: false,
    };
    let result = match cli.command.unwrap_or(default) {
        Command::Serve {
            demo,
            demo_anywhere,
        } => serve(&config, demo || config.demo_on_empty, demo_anywhere).await,
        Command::Migrate => migrate(&config).await,
        Command::CreateAdmin(args) => admin::run(&config, args).await,
        Command::Demo => demo(&config).await.map(|_| ()),
        Command::Availability(args) => availability::run(&config, args).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("doorstep: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config) -> Result<(), StartError> {
    let store = startup::open_store(config).await?;
    store.close().await;
    println!("Database is up to date.");
    Ok(())
}

async fn demo(config: &Config) -> Result<(), StartError> {
    let store = startup::open_store(config).await?;
    doorstep::services::demo::load(&store).await?;
    print_demo_sign_ins();
    store.close().await;
    Ok(())
}

fn print_demo_sign_ins() {
    println!(
        "Demo business loaded. Sign in with any of these (password: {}):",
        doorstep::services::demo::DEMO_PASSWORD
    );
    for person in doorstep::services::demo::sign_ins() {
        println!("  {:<24} {}", person.email, person.role.as_str());
    }
}

async fn serve(config: &Config, demo: bool, demo_anywhere: bool) -> Result<(), StartError> {
    if demo && !demo_anywhere && !config.address.ip().is_loopback() {
        return Err(StartError::Command(format!(
            "refusing to serve the demo business on {}: its passwords are public, so it may \
             only listen on a loopback address (127.0.0.1 or ::1). Use --demo-anywhere if \
             everyone who can reach this address may sign in as any demo person.",
            config.address
        )));
    }
    let store = startup::open_store(config).await?;
    if demo && startup::is_empty(&store).await? {
        doorstep::services::demo::load(&store).await?;
        println!("Loaded the demo business into the empty database.");
    }
    if demo {
        print_demo_sign_ins();
    }
    let state = startup::state(config, store).await?;
    let server = startup::Server::bind(config.address, state).await?;
    let shown = server
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    println!("Doorstep is serving http://{shown}");
    tracing::info!(address = %shown, "serving");
    server.serve().await
}
