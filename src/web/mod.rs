//! The HTTP side: one module per area, each with its routes, handlers and page structs.

pub mod api;
pub mod assessment;
pub mod assets;
pub mod cache;
pub mod delivery;
pub mod error;
pub mod find_care;
pub mod helplines;
pub mod locale;
pub mod pages;
pub mod protect;
pub mod questionnaire;
pub mod rules;
pub mod search;
pub mod server;
pub mod tools;
pub mod treatments;

use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;

use crate::AppState;
use crate::i18n::{Lang, Tr};
use error::AppError;
use locale::Locale;
use protect::{AllowedHosts, WorkLimit};

/// What the base layout needs on every page.
pub struct Layout {
    /// Content-hashed URL of the stylesheet (all but the first screen's rules).
    pub css: &'static str,
    /// The first screen's CSS, inlined in `<head>`.
    pub critical_css: &'static str,
    /// Content-hashed URL of the site icon.
    pub icon: &'static str,
    /// Content-hashed URL of the summary sheet's print script.
    pub print_js: &'static str,
    /// Content-hashed URL of the COWS page's running total.
    pub cows_js: &'static str,
    /// The main-navigation entry to mark as current (`""` for none).
    pub section: &'static str,
    /// The page's language: `tr.t("id")` in templates, `tr.href("/path")` for links.
    pub tr: Tr,
    /// This page in each language, for the `hreflang` alternates and the switch.
    pub in_english: String,
    pub in_spanish: String,
    /// The browser prefers another language: offered in one line at the top.
    pub offer: Option<Lang>,
}

impl Layout {
    pub fn new(section: &'static str, locale: &Locale) -> Layout {
        let assets = assets::assets();
        Layout {
            css: &assets.css.url,
            critical_css: assets.critical_css,
            icon: &assets.icon.url,
            print_js: &assets.print_js.url,
            cows_js: &assets.cows_js.url,
            section,
            tr: locale.tr(),
            in_english: locale.href_in(Lang::En),
            in_spanish: locale.href_in(Lang::Es),
            offer: locale.offer,
        }
    }

    /// The page's language code, for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.tr.lang().code()
    }

    /// The line offering this page in `lang`, in that language.
    pub fn offer_text(&self, lang: &Lang) -> String {
        crate::i18n::text(*lang, "offer-this-page")
    }

    /// The same page in the other language, for the switch.
    pub fn other_href(&self) -> &str {
        match self.tr.lang() {
            Lang::En => &self.in_spanish,
            Lang::Es => &self.in_english,
        }
    }
}

/// Renders a page template into an HTML response.
pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(page.render()?))
}

/// The limits that keep one client, or many, from taking the site down.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Requests doing work (search, questionnaire, saved assessments, API) at once;
    /// past this they are answered 503 at once instead of queueing.
    pub max_in_progress: usize,
    /// Longest a handler may take before the request is answered with 503.
    pub request_timeout: Duration,
    /// Longest a client may take to send a request body.
    pub body_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_in_progress: MAX_CONCURRENT_REQUESTS,
            request_timeout: REQUEST_TIMEOUT,
            body_timeout: protect::BODY_TIMEOUT,
        }
    }
}

pub fn router(state: AppState) -> Router {
    let work = WorkLimit::new(&state.limits);
    // The pages, in English at `/…` and in Spanish at `/es/…`: the same routes and
    // handlers, which read the language from the path (see `locale`).
    let pages = || {
        // Served from memory: outside the cap on work.
        let light = Router::new()
            .merge(pages::router())
            .merge(treatments::router())
            .merge(helplines::router())
            .merge(find_care::router())
            .merge(rules::router())
            .merge(tools::router());
        let work_routes = Router::new()
            .merge(search::router())
            .merge(assessment::router());
        light.merge(work.apply(work_routes))
    };
    let app = pages()
        .nest("/es", pages())
        // Nested, `/` answers `/es`; the Spanish home page is linked as `/es/`.
        .route("/es/", get(pages::home))
        .merge(assets::router())
        // Its check writes to the database: it keeps a time limit.
        .merge(protect::time_limit(
            Router::new().route("/healthz", get(healthz)),
            state.limits.request_timeout,
        ))
        .merge(work.apply(Router::new().nest("/api", api::router())))
        .fallback(not_found)
        .with_state(state.clone());
    harden(app, state.hosts.clone(), &state.limits)
}

/// Requests doing work at once (see [`Limits::max_in_progress`]).
pub const MAX_CONCURRENT_REQUESTS: usize = 512;
/// Longest a request may take before it is answered with 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The middleware around the whole app, from the outside in: [`delivery::finish`]
/// (the security headers on every response, the errors below included; compression of
/// per-person answers; the access log); a panic becomes an error page; the `Host` check
/// and the body read within its limits (one middleware). Routes that do work carry
/// their own cap and time limit ([`WorkLimit`]), inside all of this.
pub fn harden(app: Router, hosts: Arc<AllowedHosts>, limits: &Limits) -> Router {
    app.layer(DefaultBodyLimit::max(protect::MAX_FORM_BODY))
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(protect::Gate {
                hosts,
                body_timeout: limits.body_timeout,
            }),
            protect::admit,
        ))
        .layer(CatchPanicLayer::custom(panic_page))
        // An error page under `/es` in Spanish, wherever below it was raised.
        .layer(axum::middleware::from_fn(error::in_page_language))
        .layer(axum::middleware::from_fn(delivery::finish))
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
    // The request is gone: the page is made in English, and `error::in_page_language`
    // makes it again in the request's language.
    error::ErrorWords::server_error(reference).page(&Locale::default())
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

/// 200 when a write can commit and the disk has room; 503 saying which is wrong
/// otherwise. Never cached.
async fn healthz(State(state): State<AppState>) -> Response {
    let (status, body) = match state.health.problem(&state.pool).await {
        None => (StatusCode::OK, "ok\n".to_string()),
        Some(problem) => (StatusCode::SERVICE_UNAVAILABLE, format!("{problem}\n")),
    };
    (status, [(header::CACHE_CONTROL, "no-store")], body).into_response()
}

/// How long one health check's answer is reused.
pub const HEALTH_CHECK_EVERY: Duration = Duration::from_secs(1);

/// `/healthz`'s checks, made at most once a second however often it is asked: its
/// write must not become a way to load the database, and it sits outside the cap on
/// work so that a busy site can still say it is alive.
pub struct Health {
    pub disk: DiskFloor,
    last: tokio::sync::Mutex<Option<(std::time::Instant, Option<String>)>>,
}

impl Health {
    pub fn new(disk: DiskFloor) -> Health {
        Health {
            disk,
            last: tokio::sync::Mutex::new(None),
        }
    }

    /// What is wrong, if anything: a write that cannot commit, or too little disk.
    pub async fn problem(&self, pool: &sqlx::SqlitePool) -> Option<String> {
        // Callers arriving during a check wait for it and share its answer.
        let mut last = self.last.lock().await;
        if let Some((at, problem)) = last.as_ref()
            && at.elapsed() < HEALTH_CHECK_EVERY
        {
            return problem.clone();
        }
        let problem = match crate::store::check_write(pool).await {
            Err(e) => {
                tracing::error!(error = %e, "health check: the database cannot commit a write");
                Some("database cannot be written".to_string())
            }
            Ok(()) => self.disk.problem(),
        };
        *last = Some((std::time::Instant::now(), problem.clone()));
        problem
    }
}

/// The free space `/healthz` requires on the database's disk.
#[derive(Debug, Clone)]
pub struct DiskFloor {
    /// The database's folder; `None` for an in-memory database.
    pub dir: Option<std::path::PathBuf>,
    pub min_free_bytes: u64,
}

impl DiskFloor {
    /// What is wrong with the disk, if anything.
    pub fn problem(&self) -> Option<String> {
        let dir = self.dir.as_ref()?;
        match crate::store::free_bytes(dir) {
            Ok(free) if free >= self.min_free_bytes => None,
            Ok(free) => {
                tracing::error!(
                    free_mb = free / 1_000_000,
                    floor_mb = self.min_free_bytes / 1_000_000,
                    "health check: low disk space"
                );
                Some(format!(
                    "low disk space: {} MB free, {} MB required",
                    free / 1_000_000,
                    self.min_free_bytes / 1_000_000
                ))
            }
            Err(e) => {
                tracing::error!(error = %e, "health check: cannot read the free disk space");
                Some("cannot read the free disk space".to_string())
            }
        }
    }
}

/// Any other address: a 404 page in the language of its path (`/es/…` in Spanish),
/// without the offer of a translation that does not exist either.
async fn not_found(mut locale: Locale) -> Response {
    locale.offer = None;
    AppError::NotFound.page(&locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderName, HeaderValue};

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
