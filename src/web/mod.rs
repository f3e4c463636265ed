//! The HTTP side: one module per area, each with its routes, handlers and page structs.

pub mod api;
pub mod assessment;
pub mod assets;
pub mod cache;
pub mod helplines;
pub mod pages;
pub mod questionnaire;
pub mod search;
pub mod treatments;

use std::time::Duration;

use askama::Template;
use axum::BoxError;
use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::extract::{MatchedPath, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
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
    let app = Router::new()
        .merge(pages::router())
        .merge(treatments::router())
        .merge(helplines::router())
        .merge(search::router())
        .merge(assessment::router())
        .merge(assets::router())
        .route("/healthz", get(healthz))
        .nest("/api", api::router())
        .fallback(not_found)
        .with_state(state);
    harden(app)
}

/// Every response's security headers. The policy allows only this origin's own files:
/// no inline script, no third-party fonts, scripts or styles, no framing.
const SECURITY_HEADERS: [(&str, &str); 5] = [
    (
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
];

/// Requests handled at once; past this the app answers 503 at once instead of queueing
/// until everything is slow.
pub const MAX_CONCURRENT_REQUESTS: usize = 512;
/// Longest a request may take before it is answered with 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Largest body for anything but the API (the questionnaire form is a few hundred bytes).
pub const MAX_FORM_BODY: usize = 16 * 1024;

/// The middleware stack, outermost last: tracing times everything; then panics become
/// an error page; then load shedding, the concurrency cap and the timeout; then
/// compression and the headers every response carries.
pub fn harden(app: Router) -> Router {
    harden_with(app, MAX_CONCURRENT_REQUESTS, REQUEST_TIMEOUT)
}

/// [`harden`] with other limits, so tests can reach them quickly.
pub fn harden_with(app: Router, max_concurrent: usize, timeout: Duration) -> Router {
    let mut app = app
        .layer(DefaultBodyLimit::max(MAX_FORM_BODY))
        .layer(CompressionLayer::new());
    for (name, value) in SECURITY_HEADERS {
        app = app.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    app.layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(overloaded_or_slow))
            .load_shed()
            // Global: one count shared by every route and every connection.
            .layer(GlobalConcurrencyLimitLayer::new(max_concurrent))
            .timeout(timeout),
    )
    .layer(CatchPanicLayer::custom(panic_page))
    // The span names the route template, never the path or query: URLs carry search
    // words and assessment ids.
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

async fn overloaded_or_slow(error: BoxError) -> Response {
    if error.is::<tower::timeout::error::Elapsed>() {
        AppError::TimedOut.into_response()
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        AppError::Overloaded.into_response()
    } else {
        tracing::error!(error = %error, "middleware error");
        AppError::Overloaded.into_response()
    }
}

/// A panic in a handler: a 500 page with a reference, the details only in the log.
fn panic_page(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    let reference = pages::error_reference();
    tracing::error!(reference, panic = detail, "handler panicked");
    pages::ErrorPage::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong on our side",
        "The problem has been logged. Please try again in a moment.".into(),
        Some(reference),
    )
    .into_response()
}

/// Form posts are taken only from this site's own pages: a browser says where a form
/// came from in `Sec-Fetch-Site` or `Origin`, and anything else is refused with 403.
/// Clients that send neither (curl, scripts) are not browsers a page could trick.
pub async fn same_origin_forms(request: axum::extract::Request, next: Next) -> Response {
    if request.method() == Method::POST && !is_same_origin(request.headers()) {
        return AppError::CrossOrigin.into_response();
    }
    next.run(request).await
}

fn is_same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    match origin.to_str().ok().and_then(|o| o.split_once("://")) {
        Some(("http" | "https", origin_host)) => {
            !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
        }
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_same_origin_form_posts() {
        let cases: &[(&[(&str, &str)], bool)] = &[
            (&[], true),
            (&[("sec-fetch-site", "same-origin")], true),
            (&[("sec-fetch-site", "none")], true),
            (&[("sec-fetch-site", "cross-site")], false),
            (&[("sec-fetch-site", "same-site")], false),
            (
                &[
                    ("origin", "http://127.0.0.1:3000"),
                    ("host", "127.0.0.1:3000"),
                ],
                true,
            ),
            (
                &[
                    ("origin", "http://evil.example"),
                    ("host", "127.0.0.1:3000"),
                ],
                false,
            ),
            (&[("origin", "null"), ("host", "127.0.0.1:3000")], false),
            (&[("origin", "http://127.0.0.1:3000")], false),
        ];
        for (headers, expected) in cases {
            let mut map = HeaderMap::new();
            for (k, v) in *headers {
                map.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
            }
            assert_eq!(is_same_origin(&map), *expected, "{headers:?}");
        }
    }
}
