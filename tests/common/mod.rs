//! Shared by the HTTP tests: a fresh database per test, the real router, and a helper
//! to call it without a socket.
#![allow(dead_code)]

pub mod server;

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::SqlitePool;
use sqlx::sqlite::SqliteConnectOptions;
use tempfile::TempDir;
use tower::ServiceExt;
use treatment_navigator::config::Config;
use treatment_navigator::store;
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
    /// The body as text (compressed bodies come out garbled: see `raw`).
    pub body: String,
    /// The body's bytes as sent.
    pub raw: Vec<u8>,
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

/// The host name test requests are sent to (and the app is configured to serve).
pub const TEST_HOST: &str = "localhost";

pub fn config(dir: &TempDir, content: &Path) -> Config {
    Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        database: dir.path().join("test.sqlite3").display().to_string(),
        content_dir: content.to_path_buf(),
        retention_days: 30,
        public_hosts: vec![TEST_HOST.to_string()],
        // Most tests save many assessments from one address; the limit has its own tests.
        save_rate_per_minute: 0,
        client_ip_header: None,
        min_free_disk_mb: 0,
        max_connections: None,
        header_timeout_secs: 5,
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
        TestApp::build(content, |_| {}, |_| {}).await
    }

    /// The real content, with the settings changed by `configure`.
    pub async fn with_config(configure: impl FnOnce(&mut Config)) -> TestApp {
        TestApp::build(&content_dir(), configure, |_| {})
            .await
            .expect("the real content imports")
    }

    /// The real content, with the state changed by `adjust` before the router is built
    /// (a pool that refuses writes, smaller limits).
    pub async fn with_state(adjust: impl FnOnce(&mut AppState)) -> TestApp {
        TestApp::build(&content_dir(), |_| {}, adjust)
            .await
            .expect("the real content imports")
    }

    pub async fn build(
        content: &Path,
        configure: impl FnOnce(&mut Config),
        adjust: impl FnOnce(&mut AppState),
    ) -> Result<TestApp, StartError> {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config(&dir, content);
        configure(&mut config);
        let mut state = prepare(&config).await?;
        adjust(&mut state);
        Ok(TestApp {
            router: app(state.clone()),
            state,
            dir,
        })
    }

    /// The same database and content, served with `adjust` applied to the state: a
    /// pool that refuses writes, other limits.
    pub fn rebuilt(self, adjust: impl FnOnce(&mut AppState)) -> TestApp {
        let mut state = self.state.clone();
        adjust(&mut state);
        TestApp {
            router: app(state.clone()),
            state,
            dir: self.dir,
        }
    }

    /// A pool on this app's database opened with `change` applied to the settings.
    pub async fn pool_with(
        &self,
        change: impl FnOnce(SqliteConnectOptions) -> SqliteConnectOptions,
    ) -> SqlitePool {
        let options = store::options(&self.database().display().to_string()).unwrap();
        store::open(change(options)).await.unwrap()
    }

    /// This app with a database that refuses every write, as a read-only file does.
    pub async fn read_only(self) -> TestApp {
        let pool = self.pool_with(|o| o.read_only(true)).await;
        self.rebuilt(|state| state.pool = pool)
    }

    /// Stores one assessment of `tests/fixtures/assessments-format-1.json` as the
    /// earlier release wrote it: no format column, which the upgrade's default fills in
    /// as 1.
    pub async fn store_format_1(&self, row: &serde_json::Value) {
        sqlx::query(
            "INSERT INTO assessments (id, answers, result, rules_version, content_version, created_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(row["id"].as_str().unwrap())
        .bind(row["answers"].to_string())
        .bind(row["result"].to_string())
        .bind(row["rules_version"].as_str().unwrap())
        .bind(row["content_version"].as_str().unwrap())
        .bind(row["created_at"].as_str().unwrap())
        .execute(&self.state.pool)
        .await
        .unwrap();
    }

    /// Assessments stored, read through a fresh connection.
    pub async fn stored_count(&self) -> i64 {
        let pool = self.pool_with(|o| o).await;
        let count = sqlx::query_scalar("SELECT COUNT(*) FROM assessments")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        count
    }

    /// Saves `times` times, alternating the API (`json`) and the questionnaire form
    /// (`form_body`): the ids of the acknowledged saves (201's JSON, 303's `Location`),
    /// and each other response with whether it came from the API.
    pub async fn save_repeatedly(
        &self,
        times: usize,
        json: &str,
        form_body: &str,
    ) -> (Vec<String>, Vec<(bool, TestResponse)>) {
        let mut acknowledged = Vec::new();
        let mut refused = Vec::new();
        for i in 0..times {
            let api = i % 2 == 0;
            let r = if api {
                self.post_json("/api/v1/assessments", json).await
            } else {
                self.request(form("/assessment", form_body, &[])).await
            };
            match r.status {
                StatusCode::CREATED => {
                    acknowledged.push(r.json()["id"].as_str().unwrap().to_string())
                }
                StatusCode::SEE_OTHER => acknowledged.push(
                    r.header("location")
                        .trim_start_matches("/assessments/")
                        .to_string(),
                ),
                _ => refused.push((api, r)),
            }
        }
        (acknowledged, refused)
    }

    /// The ids stored, read through a connection of its own, as after a restart.
    pub async fn stored_ids(&self) -> std::collections::HashSet<String> {
        let pool = self.pool_with(|o| o).await;
        let ids = sqlx::query_scalar("SELECT id FROM assessments")
            .fetch_all(&pool)
            .await
            .unwrap()
            .into_iter()
            .collect();
        pool.close().await;
        ids
    }

    /// The database file's path.
    pub fn database(&self) -> PathBuf {
        self.dir.path().join("test.sqlite3")
    }

    /// A JSON post to the API.
    pub async fn post_json(&self, uri: &str, body: &str) -> TestResponse {
        self.request(
            Request::post(uri)
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// Sends `request` as a browser would, naming [`TEST_HOST`] unless it names a host.
    pub async fn request(&self, mut request: Request<Body>) -> TestResponse {
        if !request.headers().contains_key("host") {
            request
                .headers_mut()
                .insert("host", TEST_HOST.parse().unwrap());
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            raw: bytes.to_vec(),
        }
    }
}

/// What askama's HTML escaping makes of text, to find titles in pages.
/// A database as an earlier release left it: migrated up to `version`, with the content
/// files recorded as imported, so that only what the upgrade itself changes can make the
/// next start import again. The pool stays open for the caller to add what that release
/// had.
pub async fn database_at_migration(dir: &TempDir, version: i64) -> (Config, SqlitePool) {
    let config = config(dir, &content_dir());
    let pool = store::open(store::options(&config.database).unwrap())
        .await
        .unwrap();
    sqlx::migrate!("./migrations")
        .run_to(version, &pool)
        .await
        .unwrap();
    let set = treatment_navigator::content::load_dir(&config.content_dir).unwrap();
    sqlx::query(
        "INSERT INTO content_import (id, content_hash, imported_at, treatment_count, helpline_count, format)
         VALUES (1, ?, '2026-11-30T00:00:00Z', 0, 0, ?)",
    )
    .bind(&set.hash)
    .bind(treatment_navigator::content::CONTENT_FORMAT)
    .execute(&pool)
    .await
    .unwrap();
    (config, pool)
}

/// A copy of the real content folder, to change or break.
pub fn copy_of_content() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&content_dir(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

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
