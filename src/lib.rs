//! Treatment Navigator: curated, sourced information about treatment for opioid
//! addiction, served as accessible pages and a JSON API.
//!
//! `app(state)` builds the whole HTTP app; tests call it directly. `run` is what the
//! binary does: open the database, import the content, serve.

pub mod assessment;
pub mod config;
pub mod content;
pub mod i18n;
pub mod store;
pub mod web;

use std::sync::Arc;

use axum::Router;
use sqlx::SqlitePool;
use tokio::net::TcpListener;

use crate::config::Config;
use crate::content::{ImportOutcome, Library, import::ImportError};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    /// The content, loaded once after import.
    pub library: Arc<Library>,
    /// Days a saved assessment is kept.
    pub retention_days: u32,
    /// Rendered content and search pages for the loaded content.
    pub pages: Arc<web::cache::PageCache>,
    /// Host names the server answers to.
    pub hosts: Arc<web::protect::AllowedHosts>,
    /// The per-address limit on saving assessments.
    pub saves: Arc<web::protect::SaveLimiter>,
    /// Turns for searches, [`web::protect::SEARCHES_AT_ONCE`] at a time.
    pub searches: Arc<tokio::sync::Semaphore>,
    /// What `/healthz` checks, and its last answer.
    pub health: Arc<web::Health>,
    pub limits: web::Limits,
}

/// The whole app, ready to serve or to call in a test.
pub fn app(state: AppState) -> Router {
    web::router(state)
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot open the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("invalid --client-ip-header: {0}")]
    ClientIpHeader(String),
}

/// Opens the database, imports the content folder and loads what the app serves.
/// Bad content stops here, before anything is written or served.
pub async fn prepare(config: &Config) -> Result<AppState, StartError> {
    let pool = store::connect(&config.database).await?;
    match content::import_dir(&pool, &config.content_dir).await? {
        ImportOutcome::Imported {
            treatments,
            helplines,
            version,
        } => {
            tracing::info!(treatments, helplines, version, "content imported");
        }
        ImportOutcome::Unchanged { version } => tracing::info!(version, "content unchanged"),
    }
    let library = Library::load(&pool).await?;
    // A database that cannot be written must not keep the content from being served.
    match store::assessments::purge_expired(&pool, config.retention_days).await {
        Ok(purged) => tracing::info!(
            purged,
            retention_days = config.retention_days,
            "expired assessments deleted"
        ),
        Err(e) => tracing::error!(error = %e, "purging expired assessments failed"),
    }
    let trusted_header = config
        .client_ip_header
        .as_deref()
        .map(|name| {
            web::protect::header_name(name).map_err(|_| StartError::ClientIpHeader(name.into()))
        })
        .transpose()?;
    Ok(AppState {
        pool,
        library: Arc::new(library),
        retention_days: config.retention_days,
        pages: Arc::default(),
        hosts: Arc::new(web::protect::AllowedHosts::new(config.allowed_hosts())),
        saves: Arc::new(web::protect::SaveLimiter::new(
            config.save_rate_per_minute,
            trusted_header,
        )),
        searches: Arc::new(tokio::sync::Semaphore::new(web::protect::SEARCHES_AT_ONCE)),
        health: Arc::new(web::Health::new(web::DiskFloor {
            dir: store::database_dir(&config.database),
            min_free_bytes: config.min_free_disk_mb.saturating_mul(1_000_000),
        })),
        limits: web::Limits::default(),
    })
}

/// How long requests in flight may run on after Ctrl-C or SIGTERM.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
pub async fn run(config: Config) -> Result<(), StartError> {
    let open_files = web::server::raise_open_file_limit();
    let max_connections = config
        .max_connections
        .unwrap_or_else(|| web::server::max_connections_for(open_files));
    let state = prepare(&config).await?;
    // The static files' compressed forms, made before anyone asks.
    tokio::spawn(web::cache::off_thread(web::assets::warm));
    let pool = state.pool.clone();
    tokio::spawn(maintain(
        pool.clone(),
        config.retention_days,
        state.saves.clone(),
    ));
    let listener = listen(config.listen).map_err(|source| StartError::Listen {
        addr: config.listen,
        source,
    })?;
    tracing::info!(max_connections, "listening on http://{}", config.listen);
    let (stopping, mut stop_seen) = tokio::sync::watch::channel(false);
    let limits = web::server::ConnectionLimits {
        max_connections,
        header_timeout: std::time::Duration::from_secs(config.header_timeout_secs),
    };
    let serve = web::server::serve(listener, app(state), limits, async move {
        shutdown_signal().await;
        let _ = stopping.send(true);
    });
    // In-flight requests get a bounded time to finish; a stuck one cannot hold up a stop.
    let grace_over = async move {
        let _ = stop_seen.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        () = serve => {}
        () = grace_over => tracing::warn!(seconds = SHUTDOWN_GRACE.as_secs(), "requests still running after the grace period; stopping anyway"),
    }
    if let Err(e) = store::checkpoint(&pool).await {
        tracing::warn!(error = %e, "final checkpoint failed");
    }
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Connections the kernel may hold for us before we accept them. Tokio's default
/// backlog measured 128 here: a burst of new connections overflowed it, and each SYN
/// past it waited a second to be sent again (1,000 connections took 2–3 s instead of
/// 0.05 s). The kernel caps this at `net.core.somaxconn`.
const LISTEN_BACKLOG: u32 = 8192;

fn listen(addr: std::net::SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// How often the write-ahead log is emptied into the database file.
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Housekeeping while serving: empties the write-ahead log every [`CHECKPOINT_EVERY`],
/// forgets addresses the save limit no longer needs, and deletes expired assessments
/// once a day (and once at start-up, in `prepare`).
async fn maintain(pool: SqlitePool, retention_days: u32, saves: Arc<web::protect::SaveLimiter>) {
    let mut every = tokio::time::interval(CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    every.tick().await;
    let mut last_purge = tokio::time::Instant::now();
    loop {
        every.tick().await;
        match store::checkpoint(&pool).await {
            Ok(done) if done.busy => {
                tracing::warn!("checkpoint could not finish: the database was busy")
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "checkpoint failed"),
        }
        saves.forget_idle();
        if last_purge.elapsed() >= std::time::Duration::from_secs(24 * 60 * 60) {
            last_purge = tokio::time::Instant::now();
            match store::assessments::purge_expired(&pool, retention_days).await {
                Ok(purged) => tracing::info!(purged, "expired assessments deleted"),
                Err(e) => tracing::error!(error = %e, "purging expired assessments failed"),
            }
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
