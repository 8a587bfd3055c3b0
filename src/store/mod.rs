//! The store: one connection pool over SQLite or PostgreSQL, and the queries both accept.
//!
//! Query functions take a connection (`&mut *tx` from a service's transaction, or one from
//! the pool) and return [`StoreError`]; they never decide what a failure means to a person.

pub mod accounts;
pub mod alerts;
pub mod audit;
pub mod auth_links;
pub mod board;
pub mod business;
pub mod catalogue;
mod codec;
pub mod completions;
pub mod conversations;
pub mod events;
pub mod export;
pub mod feeds;
pub mod files;
pub mod mail;
pub mod notifications;
pub mod passkeys;
pub mod plans;
pub mod positions;
pub mod requests;
pub mod rights;
pub mod scheduling;
pub mod sessions;
pub mod staff;
pub mod tasks;
pub mod technicians;
pub mod two_step;
pub mod users;
pub mod visits;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyConnection, AnyPool};
use std::time::Duration;

/// Which database engine a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("conflicts with existing data: {0}")]
    Conflict(String),
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Other(sqlx::Error),
    /// A sealed value cannot be opened or sealed (no data key, or not the right one).
    #[error(transparent)]
    Secret(#[from] crate::secrets::SecretError),
    #[error("no data key is configured: access notes cannot be sealed or opened")]
    NoDataKey,
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                Self::Conflict(db.message().to_string())
            }
            _ => Self::Other(err),
        }
    }
}

/// The database: a pool and the engine behind it.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    engine: Engine,
    /// Woken after a transaction that wrote events commits, so this instance's live
    /// stream reads them at once (other instances learn of them through the database).
    events_written: std::sync::Arc<tokio::sync::Notify>,
    /// Seals and opens access notes; set by whoever opens the store for the portal.
    keyring: Option<crate::secrets::Keyring>,
}

impl Store {
    /// Connects and applies the engine's pragmas; does not migrate.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let engine = Engine::of_url(url).ok_or(StoreError::UnsupportedUrl)?;
        let options = AnyPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            // A ping before every checkout doubles the round trips of a short read; broken
            // connections surface as query errors and are replaced by the pool anyway.
            .test_before_acquire(false);
        let options = match engine {
            // Each SQLite connection needs these set for itself.
            Engine::Sqlite => options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    for pragma in [
                        "PRAGMA journal_mode = WAL",
                        "PRAGMA foreign_keys = ON",
                        "PRAGMA busy_timeout = 5000",
                        "PRAGMA synchronous = NORMAL",
                    ] {
                        sqlx::query(pragma).execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            }),
            Engine::Postgres => options,
        };
        let url = match engine {
            // Create the file on first start.
            Engine::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_string(),
        };
        let pool = options.connect(&url).await?;
        Ok(Self {
            pool,
            engine,
            events_written: std::sync::Arc::default(),
            keyring: None,
        })
    }

    /// This store, sealing and opening access notes with `keyring`.
    pub fn with_keyring(mut self, keyring: crate::secrets::Keyring) -> Self {
        self.keyring = Some(keyring);
        self
    }

    /// The keys access notes are sealed with.
    pub fn keyring(&self) -> Result<&crate::secrets::Keyring, StoreError> {
        self.keyring.as_ref().ok_or(StoreError::NoDataKey)
    }

    /// Stored access notes, opened.
    pub fn open_notes(&self, stored: Option<&str>) -> Result<Option<String>, StoreError> {
        Ok(self.keyring()?.open_opt(stored)?)
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Says that a transaction which wrote events has committed: call after `commit`.
    pub fn announce_events(&self) {
        self.events_written.notify_one();
    }

    /// Waits for the next [`Store::announce_events`] (one made while nobody waited counts).
    pub async fn events_announced(&self) {
        self.events_written.notified().await;
    }

    /// Applies every migration of this engine that has not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.engine {
            Engine::Sqlite => {
                sqlx::migrate!("src/store/migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Engine::Postgres => {
                sqlx::migrate!("src/store/migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        Ok(())
    }

    /// Applies this engine's migrations up to and including `last`: a database as an
    /// older release left it, to prove upgrades keep what it holds.
    pub async fn migrate_until(&self, last: i64) -> Result<(), StoreError> {
        let all = match self.engine {
            Engine::Sqlite => sqlx::migrate!("src/store/migrations/sqlite"),
            Engine::Postgres => sqlx::migrate!("src/store/migrations/postgres"),
        };
        let mut older = all;
        older.migrations = older
            .migrations
            .iter()
            .filter(|m| m.version <= last)
            .cloned()
            .collect::<Vec<_>>()
            .into();
        older.run(&self.pool).await?;
        Ok(())
    }

    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        Ok(self.pool.begin().await?)
    }

    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StoreError> {
        Ok(self.pool.acquire().await?)
    }

    /// Whether the database answers; for `/healthz?deep` and start-up checks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Connection type the query functions take.
pub type Conn = AnyConnection;

/// Runs one statement that takes no parameters (maintenance, test set-up).
pub async fn execute_raw(conn: &mut Conn, sql: &str) -> Result<(), StoreError> {
    sqlx::query(sql).execute(conn).await?;
    Ok(())
}
