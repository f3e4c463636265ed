//! Static files from `static/`, built into the binary and served under URLs that carry
//! a hash of their bytes, so browsers may cache them for a year. Each is compressed in
//! every coding once, the first time it is needed (start-up warms them), and served
//! like a kept page.
//!
//! The critical CSS is not a file: it goes inside every page, and the
//! Content-Security-Policy names its hash.

use std::sync::{LazyLock, OnceLock};

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::web::delivery::{CachePolicy, Compressed, Wants};
use crate::web::error::AppError;

pub struct Asset {
    /// `/static/style.1a2b3c4d.css`
    pub url: String,
    pub bytes: &'static [u8],
    pub content_type: &'static str,
    compressed: OnceLock<Compressed>,
}

impl Asset {
    /// The file in every coding, compressed the first time it is asked for.
    pub fn compressed(&self) -> &Compressed {
        self.compressed
            .get_or_init(|| Compressed::new(Bytes::from_static(self.bytes), self.content_type))
    }
}

pub struct Assets {
    pub css: Asset,
    pub icon: Asset,
    pub print_js: Asset,
    pub questionnaire_js: Asset,
    pub cows_js: Asset,
    /// The first screen's CSS, sent inside every page's `<head>`.
    pub critical_css: &'static str,
    /// `sha256-…` of [`Assets::critical_css`], for the Content-Security-Policy.
    pub critical_css_hash: String,
}

impl Assets {
    fn all(&self) -> [&Asset; 5] {
        [
            &self.css,
            &self.icon,
            &self.print_js,
            &self.questionnaire_js,
            &self.cows_js,
        ]
    }
}

fn asset(name: &str, bytes: &'static [u8], content_type: &'static str) -> Asset {
    let hash: String = Sha256::digest(bytes)
        .iter()
        .take(5)
        .map(|b| format!("{b:02x}"))
        .collect();
    let (stem, ext) = name
        .rsplit_once('.')
        .expect("asset names have an extension");
    Asset {
        url: format!("/static/{stem}.{hash}.{ext}"),
        bytes,
        content_type,
        compressed: OnceLock::new(),
    }
}

const CRITICAL_CSS: &str = include_str!("../../static/critical.css");

static ASSETS: LazyLock<Assets> = LazyLock::new(|| Assets {
    css: asset(
        "style.css",
        include_bytes!("../../static/style.css"),
        "text/css; charset=utf-8",
    ),
    icon: asset(
        "icon.svg",
        include_bytes!("../../static/icon.svg"),
        "image/svg+xml",
    ),
    print_js: asset(
        "print.js",
        include_bytes!("../../static/print.js"),
        "text/javascript; charset=utf-8",
    ),
    questionnaire_js: asset(
        "questionnaire.js",
        include_bytes!("../../static/questionnaire.js"),
        "text/javascript; charset=utf-8",
    ),
    cows_js: asset(
        "cows.js",
        include_bytes!("../../static/cows.js"),
        "text/javascript; charset=utf-8",
    ),
    critical_css: CRITICAL_CSS,
    critical_css_hash: format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(CRITICAL_CSS))
    ),
});

/// Compresses every file now, so that no visitor waits for it (brotli's highest level
/// takes tens of milliseconds for the stylesheet). Run off the request threads.
pub fn warm() {
    for asset in assets().all() {
        asset.compressed();
    }
}

pub fn assets() -> &'static Assets {
    &ASSETS
}

pub fn router() -> Router<AppState> {
    Router::new().route("/static/{file}", get(serve))
}

async fn serve(Path(file): Path<String>, wants: Wants) -> Result<Response, AppError> {
    let asset = assets()
        .all()
        .into_iter()
        .find(|a| a.url.strip_prefix("/static/") == Some(file.as_str()))
        .ok_or(AppError::NotFound)?;
    Ok(asset.compressed().respond(&wants, CachePolicy::Immutable))
}
