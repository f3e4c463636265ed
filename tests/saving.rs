//! Acknowledged means stored: a save is answered 201 or 303 only once it has committed;
//! a database that refuses writes (full, read-only) gets a clear "not saved" with every
//! answer kept; `/healthz` tells; the write-ahead log stays bounded; saves per address
//! are limited.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use common::{TestApp, TestResponse, form};

/// Answers from every step, as the last step posts them.
const ANSWERS: &[(&str, &str)] = &[
    ("frequency", "daily"),
    ("injects", "true"),
    ("dsm5_criteria", "7"),
    ("pregnant", "true"),
    ("housing", "unstable"),
    ("medication_preference", "open"),
    ("country", "ca"),
];

fn answers_form() -> String {
    ANSWERS
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

const ANSWERS_JSON: &str = r#"{"frequency":"daily","injects":true,"dsm5_criteria":7,"pregnant":true,"housing":"unstable","medication_preference":"open","country":"ca"}"#;

/// The page shows the questionnaire again with every answer in it: choices checked,
/// numbers typed in.
fn assert_every_answer_kept(page: &TestResponse) {
    for (name, value) in ANSWERS {
        let typed = format!("name=\"{name}\" value=\"{value}\"\n");
        let checked = format!("name=\"{name}\" value=\"{value}\" checked>");
        assert!(
            page.body.contains(&typed) || page.body.contains(&checked),
            "{name}={value} lost from the form"
        );
    }
    assert!(
        page.body.contains("action=\"/assessment\""),
        "the form posts the save again"
    );
}

/// The API's and the page's "not saved", each with every check a person relies on.
fn assert_told_not_saved(r: &TestResponse, api: bool) {
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    assert_eq!(r.header("retry-after"), "30");
    if api {
        let error = r.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains("not saved"), "{error}");
    } else {
        assert!(r.body.contains("Your answers were not saved"), "{}", r.body);
        assert!(r.body.contains("role=\"alert\""));
        assert_every_answer_kept(r);
    }
}

#[tokio::test]
async fn on_a_full_disk_every_acknowledged_save_reads_back_and_every_other_was_told() {
    let app = TestApp::new().await;
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    // SQLite's own limit on the file's size stands in for a full disk: a few more
    // pages, then every write that needs another one fails with SQLITE_FULL.
    let full = app
        .pool_with(|o| o.pragma("max_page_count", (pages + 12).to_string()))
        .await;
    let app = app.rebuilt(|state| state.pool = full);

    let (acknowledged, refused) = app
        .save_repeatedly(120, ANSWERS_JSON, &answers_form())
        .await;
    for (api, r) in &refused {
        assert_told_not_saved(r, *api);
    }
    assert!(
        !acknowledged.is_empty(),
        "some saves fit before the disk filled"
    );
    assert!(
        refused.len() > 50,
        "the disk filled: {} refused",
        refused.len()
    );

    let stored = app.stored_ids().await;
    assert_eq!(
        stored.len(),
        acknowledged.len(),
        "nothing stored that was refused"
    );
    for id in &acknowledged {
        assert!(stored.contains(id), "acknowledged {id} was not stored");
        let page = app.get(&format!("/assessments/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_read_only_database_serves_content_refuses_saves_and_fails_healthz() {
    let app = TestApp::new().await.read_only().await;
    for path in [
        "/",
        "/treatments/methadone",
        "/helplines",
        "/search?q=naloxone",
        "/assessment",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::OK, "{path}");
    }
    assert_told_not_saved(
        &app.post_json("/api/v1/assessments", ANSWERS_JSON).await,
        true,
    );
    assert_told_not_saved(
        &app.request(form("/assessment", &answers_form(), &[])).await,
        false,
    );
    // Evaluating saves nothing, so it still answers.
    assert_eq!(
        app.post_json("/api/v1/evaluate", ANSWERS_JSON).await.status,
        StatusCode::OK
    );
    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(health.body, "database cannot be written\n");
    assert_eq!(app.stored_count().await, 0);
}

#[tokio::test]
async fn healthz_checks_a_write_and_the_free_space_floor() {
    let app = TestApp::new().await;
    let health = app.get("/healthz").await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok\n")
    );
    assert_eq!(health.header("cache-control"), "no-store");
    let checked: String = sqlx::query_scalar("SELECT checked_at FROM health")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(
        checked.starts_with("20"),
        "the write committed: {checked:?}"
    );

    // A floor no disk can meet.
    let starved = TestApp::with_config(|config| config.min_free_disk_mb = 1 << 40).await;
    let health = starved.get("/healthz").await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        health.body.starts_with("low disk space: "),
        "{}",
        health.body
    );
    assert!(health.body.contains("MB required"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_write_ahead_log_stays_bounded_and_the_rows_reach_the_main_file() {
    const SAVES: usize = 5_000;
    const BOUND: u64 = 16 * 1024 * 1024;
    let app = TestApp::new().await;
    let limit: i64 = sqlx::query_scalar("PRAGMA journal_size_limit")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(limit as u64, treatment_navigator::store::WAL_SIZE_LIMIT);
    let wal = app.database().with_extension("sqlite3-wal");
    let mut largest = 0;
    let mut writers = Vec::new();
    for w in 0..8 {
        let router = app.router.clone();
        writers.push(tokio::spawn(async move {
            use tower::ServiceExt;
            for i in 0..SAVES / 8 {
                let body = format!(
                    r#"{{"dsm5_criteria":{},"days_since_last_use":{}}}"#,
                    (w + i) % 12,
                    i % 300
                );
                let request = Request::post("/api/v1/assessments")
                    .header("host", common::TEST_HOST)
                    .header("content-type", "application/json")
                    .body(Body::from(body))
                    .unwrap();
                let response = router.clone().oneshot(request).await.unwrap();
                assert_eq!(response.status(), StatusCode::CREATED);
            }
        }));
        // Sample the log's size while the writers run.
    }
    while writers.iter().any(|w| !w.is_finished()) {
        largest = largest.max(std::fs::metadata(&wal).map_or(0, |m| m.len()));
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    for w in writers {
        w.await.unwrap();
    }
    largest = largest.max(std::fs::metadata(&wal).map_or(0, |m| m.len()));
    assert!(largest < BOUND, "the WAL reached {largest} bytes");

    let done = treatment_navigator::store::checkpoint(&app.state.pool)
        .await
        .unwrap();
    assert!(!done.busy, "{done:?}");
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0, "truncated");

    // The main file alone, without its log, holds every row.
    let copy = tempfile::tempdir().unwrap();
    let main_only = copy.path().join("copy.sqlite3");
    std::fs::copy(app.database(), &main_only).unwrap();
    let pool = treatment_navigator::store::connect(&main_only.display().to_string())
        .await
        .unwrap();
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assessments")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(rows as usize, SAVES);
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}

fn from(address: &str, mut request: Request<Body>) -> Request<Body> {
    let address: SocketAddr = address.parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(address));
    request
}

fn api_save() -> Request<Body> {
    Request::post("/api/v1/assessments")
        .header("content-type", "application/json")
        .body(Body::from(ANSWERS_JSON))
        .unwrap()
}

#[tokio::test]
async fn saves_past_the_per_address_limit_wait_with_answers_kept() {
    let app = TestApp::with_config(|config| config.save_rate_per_minute = 3).await;
    for _ in 0..3 {
        let r = app.request(from("192.0.2.10:5000", api_save())).await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let limited = app.request(from("192.0.2.10:5001", api_save())).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.header("retry-after").parse().unwrap();
    assert!((1..=20).contains(&wait), "{wait}");
    assert!(
        limited.json()["error"]
            .as_str()
            .unwrap()
            .contains("nothing was saved")
    );

    let page = app
        .request(from(
            "192.0.2.10:5002",
            form("/assessment", &answers_form(), &[]),
        ))
        .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.header("retry-after").parse::<u64>().is_ok());
    assert!(
        page.body.contains("too many saves from this connection"),
        "{}",
        page.body
    );
    assert_every_answer_kept(&page);

    // Another address is not held back.
    let other = app.request(from("192.0.2.11:5000", api_save())).await;
    assert_eq!(other.status, StatusCode::CREATED);
    assert_eq!(app.stored_count().await, 4);
}

#[tokio::test]
async fn behind_a_proxy_the_limit_counts_the_address_in_the_trusted_header() {
    let app = TestApp::with_config(|config| {
        config.save_rate_per_minute = 1;
        config.client_ip_header = Some("X-Forwarded-For".into());
    })
    .await;
    let via_proxy = |client: &str| {
        let mut request = from("10.0.0.1:40000", api_save());
        request
            .headers_mut()
            .insert("x-forwarded-for", client.parse().unwrap());
        request
    };
    assert_eq!(
        app.request(via_proxy("198.51.100.1")).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.request(via_proxy("198.51.100.2")).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.request(via_proxy("198.51.100.1")).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // A client cannot dodge the limit by writing its own address first in the list.
    assert_eq!(
        app.request(via_proxy("203.0.113.50, 198.51.100.2"))
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn the_default_limit_is_thirty_saves_a_minute_and_zero_turns_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let config = <treatment_navigator::config::Cli as clap::Parser>::parse_from([
        "treatment-navigator",
        "--database",
        &dir.path().join("db.sqlite3").display().to_string(),
    ])
    .config;
    assert_eq!(config.save_rate_per_minute, 30);
    let app = TestApp::with_config(|c| c.save_rate_per_minute = 30).await;
    let mut created = 0;
    for _ in 0..31 {
        if app.request(from("192.0.2.20:1", api_save())).await.status == StatusCode::CREATED {
            created += 1;
        }
    }
    assert_eq!(created, 30);
    let off = TestApp::with_config(|c| c.save_rate_per_minute = 0).await;
    for _ in 0..40 {
        assert_eq!(
            off.request(from("192.0.2.20:1", api_save())).await.status,
            StatusCode::CREATED
        );
    }
}
