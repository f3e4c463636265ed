//! The HTTP side: one module per area, each with its routes, handlers and page structs.

pub mod api;
pub mod assessment;
pub mod assets;
pub mod helplines;
pub mod pages;
pub mod questionnaire;
pub mod search;
pub mod treatments;

use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::{MatchedPath, State};
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::AppState;
use crate::error::AppError;

/// What the base layout needs on every page.
pub struct Layout {
    /// Content-hashed URL of the stylesheet.
    pub css: &'static str,
    /// Content-hashed URL of the site icon.
    pub icon: &'static str,
    /// Content-hashed URL of the summary sheet's print script.
    pub print_js: &'static str,
    /// The main-navigation entry to mark as current (`""` for none).
    pub section: &'static str,
}

impl Layout {
    pub fn new(section: &'static str) -> Layout {
        let assets = assets::assets();
        Layout {
            css: &assets.css.url,
            icon: &assets.icon.url,
            print_js: &assets.print_js.url,
            section,
        }
    }
}

/// Renders a page template into an HTML response.
pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(page.render()?))
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::router())
        .merge(treatments::router())
        .merge(helplines::router())
        .merge(search::router())
        .merge(assessment::router())
        .merge(assets::router())
        .route("/healthz", get(healthz))
        .nest("/api", api::router())
        .fallback(not_found)
        .with_state(state)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(15),
        ))
        // Outermost, so it times everything. The span names the route template, never the
        // path or query: URLs can carry search words and assessment ids.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let route = req
                        .extensions()
                        .get::<MatchedPath>()
                        .map_or("unmatched", |p| p.as_str());
                    tracing::info_span!("request", method = %req.method(), route = %route)
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match crate::store::ping(&state.pool).await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}

async fn not_found() -> AppError {
    AppError::NotFound
}
