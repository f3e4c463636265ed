//! A disk that fills up between the write and the commit: the case where an
//! `INSERT … RETURNING` read in autocommit answered "saved" for rows never stored.
//!
//! The process's file-size limit (RLIMIT_FSIZE, no root needed) stands in for the full
//! disk: SQLite writes a transaction's pages to the write-ahead log at commit, so the
//! statements succeed and the commit is what fails. One test per process: the limit
//! applies to every file the process writes.
#![cfg(unix)]

mod common;

use axum::http::StatusCode;
use common::TestApp;
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

    // The log may grow to the database file's size before the limit bites: enough saves
    // to pass it whatever the content (the Spanish search index made the file larger).
    let (acknowledged, refused) = app.save_repeatedly(320, ANSWERS_JSON, ANSWERS_FORM).await;
    setrlimit(Resource::Fsize, unlimited).unwrap();
    for (api, r) in &refused {
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
        assert_eq!(r.header("retry-after"), "30");
        if *api {
            assert!(r.json()["error"].as_str().unwrap().contains("not saved"));
        } else {
            assert!(r.body.contains("Your answers were not saved"));
            assert!(r.body.contains("name=\"housing\" value=\"unstable\""));
        }
    }

    // What a restarted server finds.
    app.state.pool.close().await;
    let stored = app.stored_ids().await;
    for id in &acknowledged {
        assert!(stored.contains(id), "acknowledged {id} was never stored");
    }
    assert_eq!(
        stored.len(),
        acknowledged.len(),
        "only acknowledged saves are stored"
    );
    assert!(!acknowledged.is_empty(), "some saves fit");
    assert!(
        refused.len() > 50,
        "the limit was reached: {} refused",
        refused.len()
    );
}
