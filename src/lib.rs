//! Treatment Navigator: curated, sourced information about treatment for opioid
//! addiction, served as accessible pages and a JSON API.
//!
//! `app(state)` builds the whole HTTP app; tests call it directly. `run` is what the
//! binary does: open the database, import the content, serve.

pub mod assessment;
pub mod config;
pub mod content;
pub mod error;
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
    #[error("server error: {0}")]
    Serve(std::io::Error),
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
    let purged = store::assessments::purge_expired(&pool, config.retention_days).await?;
    tracing::info!(
        purged,
        retention_days = config.retention_days,
        "expired assessments deleted"
    );
    Ok(AppState {
        pool,
        library: Arc::new(library),
        retention_days: config.retention_days,
        pages: Arc::default(),
    })
}

/// How long requests in flight may run on after Ctrl-C or SIGTERM.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
pub async fn run(config: Config) -> Result<(), StartError> {
    let state = prepare(&config).await?;
    let pool = state.pool.clone();
    tokio::spawn(purge_daily(pool.clone(), config.retention_days));
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            addr: config.listen,
            source,
        })?;
    // Without TCP_NODELAY small responses can wait ~40 ms for Nagle's algorithm.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    tracing::info!("listening on http://{}", config.listen);
    let (stopping, mut stop_seen) = tokio::sync::watch::channel(false);
    let serve = axum::serve(listener, app(state)).with_graceful_shutdown(async move {
        shutdown_signal().await;
        let _ = stopping.send(true);
    });
    // In-flight requests get a bounded time to finish; a stuck one cannot hold up a stop.
    let grace_over = async move {
        let _ = stop_seen.wait_for(|stopping| *stopping).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        served = async { serve.await } => served.map_err(StartError::Serve)?,
        () = grace_over => tracing::warn!(seconds = SHUTDOWN_GRACE.as_secs(), "requests still running after the grace period; stopping anyway"),
    }
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Deletes expired assessments once a day (and once at start-up, in `prepare`).
async fn purge_daily(pool: SqlitePool, retention_days: u32) {
    let mut every_day = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    every_day.tick().await;
    loop {
        every_day.tick().await;
        match store::assessments::purge_expired(&pool, retention_days).await {
            Ok(purged) => tracing::info!(purged, "expired assessments deleted"),
            Err(e) => tracing::error!(error = %e, "purging expired assessments failed"),
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
