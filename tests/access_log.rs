//! The access log: route templates, status and latency, and never a query string, an
//! answer or an assessment id; a refused save is logged, without the answers. One test per process: it installs the global subscriber.

mod common;

use std::sync::{Arc, Mutex};

use common::{TestApp, form};

/// A `tracing` writer that keeps everything in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_access_log_names_routes_never_queries_answers_or_ids() {
    let app = TestApp::new().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // Global, not `set_default`: with a thread-local subscriber, a log event registered
    // at the same moment by another test's thread could be cached as "nobody listens"
    // and go missing. This file holds one test, so the process is its alone.
    tracing::subscriber::set_global_default(subscriber).unwrap();

    app.get("/search?q=fentanylsecretword").await;
    let created = app
        .post_json(
            "/api/v1/assessments",
            r#"{"pregnant": true, "housing": "homeless"}"#,
        )
        .await;
    let id = created.json()["id"].as_str().unwrap().to_string();
    app.get(&format!("/assessments/{id}")).await;
    app.request(form(
        "/assessment",
        "medication_preference=no_medication&injects=true",
        &[],
    ))
    .await;

    // A save the database refuses is logged as a failure, still without the answers.
    let refusing = TestApp::new().await.read_only().await;
    let refused = refusing
        .post_json(
            "/api/v1/assessments",
            r#"{"pregnant": true, "housing": "homeless"}"#,
        )
        .await;
    assert_eq!(refused.status, 503);
    refusing
        .request(form(
            "/assessment",
            "medication_preference=no_medication&injects=true",
            &[],
        ))
        .await;

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert_eq!(
        log.matches("saving an assessment failed").count(),
        2,
        "each refused save is logged: {log}"
    );
    assert!(
        log.contains("readonly"),
        "with the database's reason: {log}"
    );
    assert!(log.contains("route=/search"), "{log}");
    assert!(log.contains("route=/assessments/{id}"), "{log}");
    assert!(
        log.contains("status=200") || log.contains("status=303"),
        "{log}"
    );
    assert!(log.contains("latency"), "{log}");
    for secret in [
        "fentanylsecretword",
        id.as_str(),
        "homeless",
        "no_medication",
        "pregnant",
        "injects",
    ] {
        assert!(!log.contains(secret), "the log holds {secret}: {log}");
    }
}
