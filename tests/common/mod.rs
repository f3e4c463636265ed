//! Shared by the HTTP tests: a fresh database per test, the real router, and a helper
//! to call it without a socket.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tempfile::TempDir;
use tower::ServiceExt;
use treatment_navigator::config::Config;
use treatment_navigator::{AppState, StartError, app, prepare};

pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    /// Holds the database file; removed when the test ends.
    pub dir: TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub fn config(dir: &TempDir, content: &Path) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database: dir.path().join("test.sqlite3").display().to_string(),
        content_dir: content.to_path_buf(),
        retention_days: 30,
    }
}

impl TestApp {
    /// The app with the real content, in a database of its own.
    pub async fn new() -> TestApp {
        TestApp::with_content(&content_dir())
            .await
            .expect("the real content imports")
    }

    pub async fn with_content(content: &Path) -> Result<TestApp, StartError> {
        let dir = tempfile::tempdir().unwrap();
        let state = prepare(&config(&dir, content)).await?;
        Ok(TestApp {
            router: app(state.clone()),
            state,
            dir,
        })
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// What askama's HTML escaping makes of text, to find titles in pages.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// The text of the first `<h1>` in a page.
pub fn h1(body: &str) -> &str {
    let start = body
        .find("<h1")
        .and_then(|i| body[i..].find('>').map(|j| i + j + 1))
        .expect("page has an h1");
    let end = body[start..].find("</h1>").expect("h1 closes") + start;
    body[start..end].trim()
}

/// A form post, as a browser sends it, with any extra headers.
pub fn form(uri: &str, body: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut req = Request::post(uri).header("content-type", "application/x-www-form-urlencoded");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.body(Body::from(body.to_string())).unwrap()
}
