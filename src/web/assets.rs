//! Static files from `static/`, built into the binary and served under URLs that carry
//! a hash of their bytes, so browsers may cache them for a year.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::web::error::AppError;

pub struct Asset {
    /// `/static/style.1a2b3c4d.css`
    pub url: String,
    pub bytes: &'static [u8],
    pub content_type: &'static str,
}

pub struct Assets {
    pub css: Asset,
    pub icon: Asset,
    pub print_js: Asset,
    pub questionnaire_js: Asset,
    pub cows_js: Asset,
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
    }
}

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
});

pub fn assets() -> &'static Assets {
    &ASSETS
}

pub fn router() -> Router<AppState> {
    Router::new().route("/static/{file}", get(serve))
}

async fn serve(Path(file): Path<String>) -> Result<impl IntoResponse, AppError> {
    let asset = assets()
        .all()
        .into_iter()
        .find(|a| a.url.strip_prefix("/static/") == Some(file.as_str()))
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, asset.content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        asset.bytes,
    ))
}
