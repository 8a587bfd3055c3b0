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
    /// Print a new random data key (for the data_key setting).
    NewDataKey,
    /// Seal every access note with the current data key (after changing it: the old key in
    /// previous_data_keys until this has run), and say how many were sealed again.
    RotateDataKey,
    /// Send a message to check the mail settings, and say where it went.
    MailTest {
        /// Who gets the message.
        #[arg(long)]
        to: String,
        /// Its language (en, es, fr, de).
        #[arg(long, default_value = "en")]
        locale: String,
    },
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
        Command::MailTest { to, locale } => mail_test(&config, &to, &locale).await,
        Command::NewDataKey => {
            println!("{}", doorstep::secrets::Keyring::new_key());
            Ok(())
        }
        Command::RotateDataKey => rotate_data_key(&config).await,
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

async fn rotate_data_key(config: &Config) -> Result<(), StartError> {
    // Opening the store seals whatever is not under the current key yet (and logs how many);
    // a second pass catches notes written meanwhile under an older server's key.
    let store = startup::open_store(config).await?;
    doorstep::services::locations::reseal_notes(&store).await?;
    let key = store.keyring()?.current_id().to_string();
    store.close().await;
    println!("Every access note is sealed with data key {key}. The previous keys may go now.");
    Ok(())
}

async fn demo(config: &Config) -> Result<(), StartError> {
    let store = startup::open_store(config).await?;
    doorstep::services::demo::load(&store).await?;
    print_demo_sign_ins();
    store.close().await;
    Ok(())
}

async fn mail_test(config: &Config, to: &str, locale: &str) -> Result<(), StartError> {
    let to = doorstep::email::Email::parse(to)
        .map_err(|_| StartError::Command(format!("{to:?} is not an email address")))?;
    let locale = doorstep::locale::Locale::parse(locale).map_err(|_| {
        StartError::Command(format!("unknown language {locale:?} (en, es, fr, de)"))
    })?;
    let store = startup::open_store(config).await?;
    let app = startup::app_state(config, store.clone()).await?;
    let runner = startup::task_runner(config, &app)?;
    let id = doorstep::services::mail::queue_settings_check(&store, &to, locale).await?;
    // Send it now, with whatever else is due, as the server's worker would.
    while let Some(outcome) = runner.run_once().await? {
        tracing::debug!(?outcome, "background task");
    }
    let row = {
        let mut conn = store.conn().await?;
        doorstep::store::mail::by_id(&mut conn, id).await?
    };
    store.close().await;
    match (row.sent_at, row.delivery) {
        (Some(_), Some(delivery)) => {
            println!("Sent to {}: {delivery}", to.as_str());
            Ok(())
        }
        _ => Err(StartError::Command(
            "the message could not be sent yet; the log above says why, and the server will \
             keep trying"
                .into(),
        )),
    }
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
