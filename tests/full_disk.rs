//! A disk that fills up between the write and the commit: the case where an
//! `INSERT … RETURNING` read in autocommit answered "saved" for rows never stored.
//!
//! The process's file-size limit (RLIMIT_FSIZE, no root needed) stands in for the full
//! disk: SQLite writes a transaction's pages to the write-ahead log at commit, so the
//! statements succeed and the commit is what fails. One test per process: the limit
//! applies to every file the process writes.
#![cfg(unix)]

mod common;

use std::collections::HashSet;

use axum::http::StatusCode;
use common::{TestApp, form};
use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};

const ANSWERS_JSON: &str =
    r#"{"frequency":"daily","injects":true,"dsm5_criteria":7,"housing":"unstable","country":"us"}"#;
const ANSWERS_FORM: &str =
    "frequency=daily&injects=true&dsm5_criteria=7&housing=unstable&country=us";

#[tokio::test]
async fn when_the_commit_cannot_be_written_the_save_is_not_acknowledged() {
    let app = TestApp::new().await;
    // Start from an empty log, so every save below lands in a fresh one.
    let done = treatment_navigator::store::checkpoint(&app.state.pool)
        .await
        .unwrap();
    assert!(!done.busy);
    let database_size = std::fs::metadata(app.database()).unwrap().len();

    // Writing past the limit fails with EFBIG instead of killing the process.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let unlimited = getrlimit(Resource::Fsize);
    // Room for the log to take a few dozen saves, then no more.
    setrlimit(
        Resource::Fsize,
        Rlimit {
            current: Some(database_size + 96 * 1024),
            maximum: unlimited.maximum,
        },
    )
    .unwrap();

    let mut acknowledged = Vec::new();
    let mut refused = 0;
    for i in 0..200 {
        let api = i % 2 == 0;
        let r = if api {
            app.post_json("/api/v1/assessments", ANSWERS_JSON).await
        } else {
            app.request(form("/assessment", ANSWERS_FORM, &[])).await
        };
        match r.status {
            StatusCode::CREATED => acknowledged.push(r.json()["id"].as_str().unwrap().to_string()),
            StatusCode::SEE_OTHER => acknowledged.push(
                r.header("location")
                    .trim_start_matches("/assessments/")
                    .to_string(),
            ),
            status => {
                assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
                assert_eq!(r.header("retry-after"), "30");
                if api {
                    assert!(r.json()["error"].as_str().unwrap().contains("not saved"));
                } else {
                    assert!(r.body.contains("Your answers were not saved"));
                    assert!(r.body.contains("name=\"housing\" value=\"unstable\""));
                }
                refused += 1;
            }
        }
    }
    setrlimit(Resource::Fsize, unlimited).unwrap();

    // What a restarted server finds.
    app.state.pool.close().await;
    let reader = app.pool_with(|o| o).await;
    let stored: HashSet<String> = sqlx::query_scalar("SELECT id FROM assessments")
        .fetch_all(&reader)
        .await
        .unwrap()
        .into_iter()
        .collect();
    for id in &acknowledged {
        assert!(stored.contains(id), "acknowledged {id} was never stored");
    }
    assert_eq!(
        stored.len(),
        acknowledged.len(),
        "only acknowledged saves are stored"
    );
    assert!(!acknowledged.is_empty(), "some saves fit");
    assert!(refused > 50, "the limit was reached: {refused} refused");
}
