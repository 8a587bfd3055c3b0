//! `doorstep create-admin`: the first administrator of a new installation.

use crate::config::Config;
use crate::startup::{self, StartError};
use doorstep::email::Email;
use doorstep::password::{MIN_PASSWORD_LEN, Password};
use doorstep::permissions::Role;
use doorstep::services::people::{CreateStaffError, create_staff};
use std::io::{BufRead, Write};

#[derive(Debug, clap::Args)]
pub struct CreateAdmin {
    /// Their email address (asked for if missing).
    #[arg(long)]
    email: Option<String>,
    /// Their name (asked for if missing).
    #[arg(long)]
    name: Option<String>,
    /// Read the password from the first line of standard input instead of asking for it.
    #[arg(long)]
    password_stdin: bool,
}

#[derive(Debug, thiserror::Error)]
enum AdminError {
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Create(#[from] CreateStaffError),
}

fn ask(prompt: &str) -> Result<String, AdminError> {
    print!("{prompt}: ");
    std::io::stdout()
        .flush()
        .map_err(|e| AdminError::Input(e.to_string()))?;
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| AdminError::Input(e.to_string()))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub async fn run(config: &Config, args: CreateAdmin) -> Result<(), StartError> {
    let store = startup::open_store(config).await?;
    let result = create(&store, args).await;
    store.close().await;
    match result {
        Ok(message) => {
            println!("{message}");
            Ok(())
        }
        Err(err) => Err(StartError::Command(err.to_string())),
    }
}

async fn create(store: &doorstep::store::Store, args: CreateAdmin) -> Result<String, AdminError> {
    let raw_email = match args.email {
        Some(e) => e,
        None => ask("Email")?,
    };
    let email = Email::parse(&raw_email).map_err(|e| AdminError::Input(format!("email: {e}")))?;
    let name = match args.name {
        Some(n) => n,
        None => ask("Name")?,
    };
    let raw_password = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| AdminError::Input(e.to_string()))?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        let first = rpassword::prompt_password(format!(
            "Password (at least {MIN_PASSWORD_LEN} characters): "
        ))
        .map_err(|e| AdminError::Input(e.to_string()))?;
        let again = rpassword::prompt_password("Password again: ")
            .map_err(|e| AdminError::Input(e.to_string()))?;
        if first != again {
            return Err(AdminError::Input("the passwords differ".into()));
        }
        first
    };
    let password = Password::parse_new(raw_password)
        .map_err(|e| AdminError::Input(format!("password: {e}")))?;
    let user = create_staff(store, &email, &name, password, Role::Admin, None).await?;
    Ok(format!("Created administrator {email} ({user})."))
}
