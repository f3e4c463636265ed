//! Security headers, cross-origin forms, panics and limits. What the log may hold is
//! checked in `access_log.rs`.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use common::{TestApp, form};
use tower::ServiceExt;

#[tokio::test]
async fn every_response_carries_the_security_headers_and_no_cookie() {
    let app = TestApp::new().await;
    let created = app
        .request(
            Request::post("/api/v1/assessments")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    let id = created.json()["id"].as_str().unwrap().to_string();
    let css = {
        let home = app.get("/").await.body;
        let start = home.find("/static/style.").unwrap();
        home[start..start + home[start..].find('"').unwrap()].to_string()
    };
    let paths = [
        "/",
        "/treatments/methadone",
        "/compare",
        "/helplines",
        "/search?q=x",
        "/assessment",
        "/nope",
        "/api/v1/treatments",
        "/api/v1/nope",
        "/api/openapi.json",
        "/healthz",
        css.as_str(),
    ];
    let paths: Vec<String> = paths
        .iter()
        .map(|p| p.to_string())
        .chain([
            format!("/assessments/{id}"),
            format!("/assessments/{id}/summary"),
        ])
        .collect();
    for path in &paths {
        let r = app.get(path).await;
        let csp = r.header("content-security-policy");
        for part in [
            "default-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
            "script-src 'self'",
        ] {
            assert!(csp.contains(part), "{path}: CSP lacks {part}: {csp}");
        }
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{path}"
        );
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(r.header("referrer-policy"), "no-referrer", "{path}");
        let permissions = r.header("permissions-policy");
        for feature in ["camera=()", "microphone=()", "geolocation=()"] {
            assert!(permissions.contains(feature), "{path}: {permissions}");
        }
        assert_eq!(
            r.header("cross-origin-opener-policy"),
            "same-origin",
            "{path}"
        );
        assert!(
            r.headers.get("set-cookie").is_none(),
            "{path} sets no cookie"
        );
    }
    for path in [
        format!("/assessments/{id}"),
        format!("/assessments/{id}/summary"),
        format!("/api/v1/assessments/{id}"),
        "/api/v1/treatments".to_string(),
        "/assessment".to_string(),
    ] {
        assert_eq!(
            app.get(&path).await.header("cache-control"),
            "no-store",
            "{path}"
        );
    }
}

#[tokio::test]
async fn forms_are_taken_only_from_the_apps_own_pages() {
    let app = TestApp::new().await;
    let body = "frequency=daily&country=us";
    let cases: &[(&[(&str, &str)], StatusCode)] = &[
        (&[("sec-fetch-site", "cross-site")], StatusCode::FORBIDDEN),
        (
            &[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:3000"),
            ],
            StatusCode::FORBIDDEN,
        ),
        (
            &[("origin", "null"), ("host", "127.0.0.1:3000")],
            StatusCode::FORBIDDEN,
        ),
        (&[("sec-fetch-site", "same-origin")], StatusCode::SEE_OTHER),
        (
            &[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000"),
            ],
            StatusCode::SEE_OTHER,
        ),
    ];
    for (headers, status) in cases {
        let r = app.request(form("/assessment", body, headers)).await;
        assert_eq!(r.status, *status, "{headers:?}");
        let r = app
            .request(form("/assessment/step", "step=1&go=next", headers))
            .await;
        let expected = if *status == StatusCode::FORBIDDEN {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::OK
        };
        assert_eq!(r.status, expected, "step {headers:?}");
        if expected == StatusCode::FORBIDDEN {
            assert!(r.body.contains("can only be sent from Treatment Navigator"));
        }
    }
    let saved: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assessments")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(saved, 2, "only the same-origin posts saved anything");
}

async fn boom() -> &'static str {
    panic!("secret detail: connection string")
}

#[tokio::test]
async fn a_panic_becomes_a_500_page_with_a_reference_and_no_internals() {
    let router = treatment_navigator::web::harden(Router::new().route("/boom", get(boom)));
    let response = router
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("Something went wrong on our side"));
    assert!(body.contains("reference <code>"), "{body}");
    assert!(!body.contains("secret detail"));
}

async fn slow() -> &'static str {
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    "done"
}

async fn body_text(response: axum::response::Response) -> String {
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[tokio::test]
async fn a_request_past_the_timeout_gets_a_clear_503() {
    let router = treatment_navigator::web::harden_with(
        Router::new().route("/slow", get(slow)),
        8,
        std::time::Duration::from_millis(100),
    );
    let response = router
        .oneshot(Request::get("/slow").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(body_text(response).await.contains("That took too long"));
}

#[tokio::test]
async fn past_the_concurrency_cap_requests_are_refused_at_once_with_503() {
    let router = treatment_navigator::web::harden_with(
        Router::new().route("/slow", get(slow)),
        1,
        std::time::Duration::from_secs(5),
    );
    let first = tokio::spawn(
        router
            .clone()
            .oneshot(Request::get("/slow").body(Body::empty()).unwrap()),
    );
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    let second = router
        .clone()
        .oneshot(Request::get("/slow").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(second.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        started.elapsed() < std::time::Duration::from_millis(400),
        "refused at once, not queued"
    );
    assert!(body_text(second).await.contains("very busy"));
    assert_eq!(
        first.await.unwrap().unwrap().status(),
        StatusCode::OK,
        "the request in progress finishes"
    );
}

#[tokio::test]
async fn oversized_forms_are_refused_with_a_clear_page() {
    let app = TestApp::new().await;
    let big = format!("frequency=daily&x={}", "a".repeat(20 * 1024));
    let r = app.request(form("/assessment", &big, &[])).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("larger than 16 KiB"), "{}", r.body);
    let r = app
        .request(
            Request::post("/assessment")
                .header("content-type", "text/plain")
                .body(Body::from("hi"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.body.contains("could not be read"));
}
