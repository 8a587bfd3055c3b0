//! Putting the server together: database, migrations, optional demo data, the router, and
//! serving until asked to stop.

use crate::assets::Assets;
use crate::config::Config;
use crate::http::{ServerState, router};
use app::state::AppState;
use doorstep::secrets::Keyring;
use doorstep::services::files::FileStore;
use doorstep::services::geocode::Nominatim;
use doorstep::services::positions::PositionPolicy;
use doorstep::services::tasks::{Runner, RunnerSettings};
use doorstep::store::{Store, StoreError, business};
use leptos::prelude::LeptosOptions;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data folder {path}: {reason}")]
    DataDir { path: String, reason: String },
    #[error("database: {0}")]
    Store(#[from] StoreError),
    #[error("demo data: {0}")]
    Demo(#[from] doorstep::services::demo::DemoError),
    #[error("cannot listen on {address}: {reason}")]
    Bind { address: SocketAddr, reason: String },
    #[error("server stopped: {0}")]
    Serve(String),
    #[error("{0}")]
    Command(String),
    #[error("mail: {0}")]
    Mail(#[from] crate::mail::MailSetupError),
    #[error("files: {0}")]
    Files(doorstep::services::files::FilesError),
}

/// Connects to the configured database (creating the SQLite file, readable by this user
/// only) and migrates it.
pub async fn open_store(config: &Config) -> Result<Store, StartError> {
    let url = config.database_url();
    if let Some(file) = sqlite_file(&url) {
        create_private_file(&file).map_err(|e| StartError::DataDir {
            path: file.display().to_string(),
            reason: e.to_string(),
        })?;
    }
    let store = Store::connect(&url, config.database_max_connections)
        .await?
        .with_keyring(keyring(config)?);
    store.migrate().await?;
    // Notes written before sealing (or under a previous key) are sealed with the current key.
    let resealed = doorstep::services::locations::reseal_notes(&store).await?;
    if resealed > 0 {
        tracing::info!(resealed, "access notes sealed with the current data key");
    }
    Ok(store)
}

/// The keys access notes are sealed with: the configured key, else the one kept in
/// `data_dir/data.key` (made on first start, readable by this user only).
pub fn keyring(config: &Config) -> Result<Keyring, StartError> {
    let current = if config.data_key.is_empty() {
        let file = config.data_dir.join("data.key");
        let unreadable = |e: std::io::Error| StartError::DataDir {
            path: file.display().to_string(),
            reason: e.to_string(),
        };
        match std::fs::read_to_string(&file) {
            Ok(key) => key.trim().to_string(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = Keyring::new_key();
                create_private_file(&file).map_err(unreadable)?;
                std::fs::write(&file, format!("{key}\n")).map_err(unreadable)?;
                key
            }
            Err(e) => return Err(unreadable(e)),
        }
    } else {
        config.data_key.clone()
    };
    Keyring::new(&current, &config.previous_data_keys)
        .map_err(|e| StartError::Command(format!("data key: {e}")))
}

/// The file of a `sqlite://` URL (`None` for other engines and in-memory databases).
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

/// Creates `file` (mode 0600) and the folders above it (mode 0700) when missing: the
/// database holds addresses and access notes, which no other user of the machine may read.
/// An existing file or folder keeps the permissions its owner gave it.
fn create_private_file(file: &std::path::Path) -> std::io::Result<()> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(file) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether the database holds no people yet.
pub async fn is_empty(store: &Store) -> Result<bool, StoreError> {
    let mut conn = store.conn().await?;
    Ok(doorstep::store::users::count(&mut conn).await? == 0)
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("doorstep")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.address)
        .hash_files(config.hash_files)
        .build()
}

/// What server functions and background tasks share, with the business settings read
/// from the database.
pub async fn app_state(config: &Config, store: Store) -> Result<AppState, StartError> {
    let settings = {
        let mut conn = store.conn().await?;
        business::load(&mut conn).await?.unwrap_or_default()
    };
    let files = if config.files_s3.bucket.is_empty() {
        FileStore::local(&config.data_dir.join("files"))
    } else {
        FileStore::s3(&config.files_s3)
    }
    .map_err(StartError::Files)?;
    files.check().await.map_err(StartError::Files)?;
    let passkeys =
        doorstep::services::passkeys::RelyingParty::new(&config.public_origin(), &settings.name);
    if passkeys.is_none() {
        tracing::info!(
            "passkeys are off: browsers offer them only when the public URL names a host, not an IP address"
        );
    }
    let policy = doorstep::services::auth::SessionPolicy {
        passkeys: passkeys.is_some(),
        ..config.session_policy()
    };
    let mut state = AppState::new(
        store,
        settings,
        config.secure_cookies(),
        policy,
        &config.public_origin(),
        files,
    );
    state.uploads = config.uploads;
    state.message_mail_minutes = config.message_mail_minutes;
    state.sign_up = config.sign_up;
    state.sso = config.sso();
    state.passkeys = passkeys.map(std::sync::Arc::new);
    if state
        .sso
        .as_ref()
        .is_some_and(|p| p.client_id.is_empty() || p.client_secret.is_empty())
    {
        return Err(StartError::Command(
            "oidc_issuer is set: oidc_client_id and oidc_client_secret are needed too".into(),
        ));
    }
    state.positions = config.position_policy();
    state.map_tiles = app::state::MapTiles {
        url: config.map_tiles_url.clone(),
        attribution: config.map_tiles_attribution.clone(),
    };
    if !config.geocoder_url.is_empty() {
        let agent = format!(
            "Doorstep/{} (+{})",
            env!("CARGO_PKG_VERSION"),
            config.public_url
        );
        let geocoder = Nominatim::new(&config.geocoder_url, &agent)
            .map_err(|e| StartError::Command(format!("geocoder: {e}")))?;
        state.geocoder = Some(Arc::new(geocoder));
    }
    Ok(state)
}

/// The server's state for a store that is ready.
pub async fn state(config: &Config, store: Store) -> Result<ServerState, StartError> {
    let app = app_state(config, store).await?;
    let leptos = leptos_options(config);
    let assets = Assets::discover(&leptos.output_name, config.hash_files);
    // The built front end and the vendored map library: fetched by every first visit (the
    // map's on a job on the way), worth compressing once with the best settings.
    let dirs = [
        config.site_root.join(leptos.site_pkg_dir.as_ref()),
        config.site_root.join("vendor").join("leaflet"),
    ];
    for dir in dirs.into_iter().filter(|d| d.is_dir()) {
        let compressed =
            tokio::task::spawn_blocking(move || crate::http::static_files::precompress(&dir)).await;
        match compressed {
            Ok(Ok(n)) if n > 0 => tracing::info!(files = n, "compressed the built assets"),
            Ok(Ok(_)) => {}
            Ok(Err(err)) => {
                tracing::warn!(%err, "could not precompress the built assets; serving them as they are")
            }
            Err(err) => tracing::warn!(%err, "asset compression task failed"),
        }
    }
    let tasks = task_runner(config, &app)?;
    let url = config.database_url();
    let listen_url = url.starts_with("postgres").then_some(url);
    let events = doorstep::services::events::Hub::start(app.store.clone(), listen_url).await?;
    Ok(ServerState {
        leptos,
        public_origin: config.public_origin().into(),
        app,
        assets: std::sync::Arc::new(assets),
        trusted_proxies: std::sync::Arc::new(config.trusted_proxies.clone()),
        tasks,
        events,
    })
}

/// The background task worker, with a handler for every kind of task.
pub fn task_runner(config: &Config, app: &AppState) -> Result<Runner, StartError> {
    let mail = crate::mail::MailSender::new(app.clone(), &config.mail, &config.data_dir)?;
    tracing::info!(destination = %mail.destination(), "mail");
    Ok(Runner::new(
        app.store.clone(),
        &worker_name(),
        vec![
            std::sync::Arc::new(mail),
            std::sync::Arc::new(doorstep::services::reminders::ReminderHandler::new(
                app.store.clone(),
            )),
            std::sync::Arc::new(doorstep::services::conversations::UnreadMail::new(
                app.store.clone(),
                &app.public_origin,
            )),
            std::sync::Arc::new(doorstep::services::plans::PlanGenerator::new(
                app.store.clone(),
            )),
        ],
        RunnerSettings::default(),
    ))
}

/// A bound, ready server; `serve` runs it.
pub struct Server {
    listener: TcpListener,
    state: ServerState,
}

impl Server {
    pub async fn bind(address: SocketAddr, state: ServerState) -> Result<Self, StartError> {
        let listener = TcpListener::bind(address)
            .await
            .map_err(|e| StartError::Bind {
                address,
                reason: e.to_string(),
            })?;
        Ok(Self { listener, state })
    }

    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    pub async fn serve(self) -> Result<(), StartError> {
        let store = self.state.app.store.clone();
        let purge = tokio::spawn(purge_sessions(store.clone(), self.state.app.positions));
        let refresh = tokio::spawn(refresh_settings(self.state.app.clone()));
        // Recurring plans extend themselves over the horizon from a task that writes its
        // next run; one must be due whenever the server runs.
        if let Err(error) = doorstep::services::plans::schedule_generator(&store).await {
            tracing::error!(%error, "the recurring-plan generator could not be scheduled");
        }
        // The one place background work runs (handlers: `task_runner`).
        let tasks = tokio::spawn(self.state.tasks.clone().run());
        let app = router(self.state);
        let result = axum::serve(
            self.listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| StartError::Serve(e.to_string()));
        purge.abort();
        refresh.abort();
        tasks.abort();
        store.close().await;
        result
    }
}

/// This process's name among the workers claiming background tasks.
fn worker_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "doorstep".into());
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{host}:{}:{started:08x}", std::process::id())
}

/// How often the business settings are read again, so that a change made by another
/// instance, the command line or by hand shows within this time without a restart.
pub const SETTINGS_REFRESH: std::time::Duration = std::time::Duration::from_secs(2);

/// Reads the business settings every [`SETTINGS_REFRESH`] and swaps them in when changed.
async fn refresh_settings(app: AppState) {
    let mut every = tokio::time::interval(SETTINGS_REFRESH);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let loaded = async {
            let mut conn = app.store.conn().await?;
            business::load(&mut conn).await
        }
        .await;
        match loaded {
            Ok(Some(current)) if *app.business() != current => {
                tracing::info!("business settings changed; using the new ones");
                app.set_business(current);
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(%err, "could not read the business settings"),
        }
    }
}

/// Drops expired sessions every hour, and technicians' positions kept past their time
/// every minute.
async fn purge_sessions(store: Store, positions: PositionPolicy) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    for minute in 0u64.. {
        every.tick().await;
        if minute % 60 == 0 {
            match doorstep::services::auth::purge_expired(&store).await {
                Ok(n) if n > 0 => tracing::info!(n, "expired sessions removed"),
                Ok(_) => {}
                Err(err) => tracing::warn!(%err, "session purge failed"),
            }
            if let Err(err) = doorstep::services::passkeys::purge_expired(&store).await {
                tracing::warn!(%err, "passkey ceremony purge failed");
            }
        }
        match doorstep::services::positions::sweep(&store, positions).await {
            Ok((positions, events)) if positions + events > 0 => {
                tracing::info!(
                    positions,
                    events,
                    "technicians' positions past their time removed"
                )
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(%err, "position sweep failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
