//! Security headers, cross-origin forms, panics and limits. What the log may hold is
//! checked in `access_log.rs`.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use std::sync::Arc;
use std::time::Duration;

use common::{TEST_HOST, TestApp, form};
use tower::ServiceExt;
use treatment_navigator::web::protect::{AllowedHosts, WorkLimit};
use treatment_navigator::web::{Limits, harden};

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
        "/tools/cows",
        "/tools/cows?pulse=3",
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
        "/tools/cows?pulse=4".to_string(),
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
            &[("origin", "https://evil.example"), ("host", "localhost")],
            StatusCode::FORBIDDEN,
        ),
        (
            &[("origin", "null"), ("host", "localhost")],
            StatusCode::FORBIDDEN,
        ),
        (&[("sec-fetch-site", "same-origin")], StatusCode::SEE_OTHER),
        (
            &[("origin", "http://localhost"), ("host", "localhost")],
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

async fn slow() -> &'static str {
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    "done"
}

/// `light` outside the cap on work and `work` under it, hardened as the app is.
fn guarded(light: Router, work: Router, max_in_progress: usize, timeout: Duration) -> Router {
    let limits = Limits {
        max_in_progress,
        request_timeout: timeout,
        ..Limits::default()
    };
    let app = light.merge(WorkLimit::new(&limits).apply(work));
    harden(
        app,
        Arc::new(AllowedHosts::new(vec![TEST_HOST.into()])),
        &limits,
    )
}

fn get_request(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header("host", TEST_HOST)
        .body(Body::empty())
        .unwrap()
}

async fn body_text(response: axum::response::Response) -> String {
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The headers every response must carry, errors from the middleware included.
fn assert_security_headers(response: &axum::response::Response, what: &str) {
    for name in [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "permissions-policy",
        "cross-origin-opener-policy",
    ] {
        assert!(response.headers().contains_key(name), "{what}: no {name}");
    }
}

#[tokio::test]
async fn a_panic_becomes_a_500_page_with_a_reference_the_headers_and_no_internals() {
    let router = guarded(
        Router::new().route("/boom", get(boom)),
        Router::new(),
        8,
        Duration::from_secs(5),
    );
    let response = router.oneshot(get_request("/boom")).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_security_headers(&response, "panic 500");
    let body = body_text(response).await;
    assert!(body.contains("Something went wrong on our side"));
    assert!(body.contains("reference <code>"), "{body}");
    assert!(!body.contains("secret detail"));
}

#[tokio::test]
async fn a_request_past_the_timeout_gets_a_clear_503_with_retry_after() {
    let router = guarded(
        Router::new(),
        Router::new()
            .route("/slow", get(slow))
            .route("/api/slow", get(slow)),
        8,
        Duration::from_millis(100),
    );
    let response = router.clone().oneshot(get_request("/slow")).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_security_headers(&response, "timeout 503");
    assert_eq!(response.headers()["retry-after"], "5");
    assert!(body_text(response).await.contains("That took too long"));

    let response = router.oneshot(get_request("/api/slow")).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "5");
    assert_eq!(response.headers()["content-type"], "application/json");
    let json: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .contains("did not finish in time"),
        "{json}"
    );
}

#[tokio::test]
async fn past_the_cap_work_is_refused_at_once_and_light_pages_still_answer() {
    let router = guarded(
        Router::new().route("/", get(|| async { "home" })),
        Router::new()
            .route("/slow", get(slow))
            .route("/api/slow", get(slow)),
        1,
        Duration::from_secs(5),
    );
    let first = tokio::spawn(router.clone().oneshot(get_request("/slow")));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    let second = router.clone().oneshot(get_request("/slow")).await.unwrap();
    assert_eq!(second.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "refused at once, not queued"
    );
    assert_security_headers(&second, "load-shed 503");
    assert_eq!(second.headers()["retry-after"], "5");
    assert!(body_text(second).await.contains("very busy"));

    let api = router
        .clone()
        .oneshot(get_request("/api/slow"))
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(api.headers()["retry-after"], "5");
    assert!(body_text(api).await.starts_with("{\"error\""));

    let home = router.clone().oneshot(get_request("/")).await.unwrap();
    assert_eq!(home.status(), StatusCode::OK, "outside the cap");

    assert_eq!(
        first.await.unwrap().unwrap().status(),
        StatusCode::OK,
        "the request in progress finishes"
    );
}

/// Every turn to search, held until dropped: searches then wait for one.
async fn every_search_turn(app: &TestApp) -> tokio::sync::OwnedSemaphorePermit {
    app.state
        .searches
        .clone()
        .acquire_many_owned(treatment_navigator::web::protect::SEARCHES_AT_ONCE as u32)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_full_cap_on_work_leaves_the_home_page_content_and_healthz_answering() {
    let app = TestApp::with_state(|state| state.limits.max_in_progress = 1).await;
    // A search waiting for its turn holds the only place under the cap.
    let turns = every_search_turn(&app).await;
    let router = app.router.clone();
    let waiting = tokio::spawn(router.oneshot(get_request("/search?q=waiting+search")));
    tokio::time::sleep(Duration::from_millis(100)).await;

    for path in ["/", "/treatments/methadone", "/helplines", "/healthz"] {
        assert_eq!(app.get(path).await.status, StatusCode::OK, "{path}");
    }
    let refused = app.post_json("/api/v1/evaluate", "{}").await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.header("retry-after"), "5");
    assert!(refused.json()["error"].is_string());

    drop(turns);
    let searched = waiting.await.unwrap().unwrap();
    assert_eq!(searched.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_search_that_cannot_get_a_turn_says_the_site_is_busy() {
    let app = TestApp::new().await;
    let _turns = every_search_turn(&app).await;
    let started = std::time::Instant::now();
    let r = app.get("/search?q=no+turn+for+this").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.body.contains("very busy"));
    assert!(started.elapsed() >= treatment_navigator::web::protect::SEARCH_WAIT);
    assert_eq!(
        app.get("/healthz").await.status,
        StatusCode::OK,
        "searches waiting never hold the database"
    );
}

/// A request body that sends `first` and then nothing, until its sender is dropped (then
/// it fails, as a client that went away).
struct StalledBody {
    first: Option<axum::body::Bytes>,
    until: tokio::sync::mpsc::Receiver<()>,
}

impl axum::body::HttpBody for StalledBody {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        use std::task::Poll;
        if let Some(first) = self.first.take() {
            return Poll::Ready(Some(Ok(hyper::body::Frame::data(first))));
        }
        match self.until.poll_recv(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(_) => Poll::Ready(Some(Err(std::io::Error::other("the client went away")))),
        }
    }
}

fn stalled_body(first: &'static str) -> (Body, tokio::sync::mpsc::Sender<()>) {
    let (keep, until) = tokio::sync::mpsc::channel::<()>(1);
    let body = StalledBody {
        first: Some(axum::body::Bytes::from(first)),
        until,
    };
    (Body::new(body), keep)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stalled_request_bodies_hold_no_place_and_time_out_with_408() {
    let app = TestApp::with_state(|state| {
        state.limits.body_timeout = Duration::from_secs(2);
    })
    .await;
    // More stalled uploads than the cap on work, half forms and half API posts.
    let stalled = treatment_navigator::web::MAX_CONCURRENT_REQUESTS + 88;
    let mut keep = Vec::new();
    let mut waiting = Vec::new();
    for i in 0..stalled {
        let (body, sender) = stalled_body("{\"country\":");
        keep.push(sender);
        let request = if i % 2 == 0 {
            Request::post("/api/v1/assessments").header("content-type", "application/json")
        } else {
            Request::post("/assessment").header("content-type", "application/x-www-form-urlencoded")
        }
        .header("host", TEST_HOST)
        .body(body)
        .unwrap();
        waiting.push(tokio::spawn(app.router.clone().oneshot(request)));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;

    for path in ["/", "/healthz", "/search?q=methadone"] {
        assert_eq!(app.get(path).await.status, StatusCode::OK, "{path}");
    }
    let saved = app
        .post_json("/api/v1/assessments", r#"{"country":"us"}"#)
        .await;
    assert_eq!(
        saved.status,
        StatusCode::CREATED,
        "a complete save still goes through"
    );

    for (i, waiting) in waiting.into_iter().enumerate() {
        let response = waiting.await.unwrap().unwrap();
        assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
        assert_security_headers(&response, "408");
        let body = body_text(response).await;
        if i % 2 == 0 {
            assert!(body.contains("\"error\""), "{body}");
        }
        assert!(body.contains("not received in full"), "{body}");
    }
    drop(keep);
}

#[tokio::test]
async fn only_the_configured_host_names_are_served() {
    let app = TestApp::with_config(|config| {
        config.public_hosts = vec!["navigator.example.org".into(), "localhost:3000".into()];
    })
    .await;
    let with_host = |uri: &str, hosts: &[&str]| {
        let mut request = Request::get(uri);
        for host in hosts {
            request = request.header("host", *host);
        }
        request.body(Body::empty()).unwrap()
    };
    for (hosts, status) in [
        (&["navigator.example.org"][..], StatusCode::OK),
        (&["NAVIGATOR.example.org:443"][..], StatusCode::OK),
        (&["localhost:3000"][..], StatusCode::OK),
        (&["localhost:3001"][..], StatusCode::BAD_REQUEST),
        (&["rebound.evil.example"][..], StatusCode::BAD_REQUEST),
        (&["127.0.0.1:3000"][..], StatusCode::BAD_REQUEST),
        (
            &["navigator.example.org", "navigator.example.org"][..],
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let r = app.request(with_host("/", hosts)).await;
        assert_eq!(r.status, status, "{hosts:?}");
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{hosts:?}");
        if status == StatusCode::BAD_REQUEST {
            assert!(r.body.contains("host"), "{}", r.body);
        }
        let api = app.request(with_host("/api/v1/helplines", hosts)).await;
        assert_eq!(api.status, status, "api {hosts:?}");
    }
    // No Host at all (the test helper adds one unless the request has one).
    let response = app
        .router
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(body_text(response).await.contains("did not say which host"));
}

#[test]
fn the_default_host_names_are_the_listen_address_and_loopback_with_its_port() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = common::config(&dir, &common::content_dir());
    config.public_hosts.clear();
    config.listen = "0.0.0.0:3000".parse().unwrap();
    assert_eq!(
        config.allowed_hosts(),
        [
            "0.0.0.0:3000",
            "localhost:3000",
            "127.0.0.1:3000",
            "[::1]:3000"
        ]
    );
}

#[tokio::test]
async fn api_posts_need_json_and_are_refused_from_other_sites() {
    let app = TestApp::new().await;
    let post = |uri: &str, headers: &[(&str, &str)]| {
        let mut request = Request::post(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.body(Body::from("{}")).unwrap()
    };
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        for uri in ["/api/v1/evaluate", "/api/v1/assessments", "/api/v1/cows"] {
            let r = app
                .request(post(uri, &[("content-type", content_type)]))
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{uri} {content_type}"
            );
            assert!(
                r.json()["error"]
                    .as_str()
                    .unwrap()
                    .contains("application/json")
            );
        }
    }
    let no_type = app.request(post("/api/v1/evaluate", &[])).await;
    assert_eq!(no_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let charset = app
        .request(post(
            "/api/v1/evaluate",
            &[("content-type", "application/json; charset=utf-8")],
        ))
        .await;
    assert_eq!(charset.status, StatusCode::OK);

    for (site, status) in [
        ("cross-site", StatusCode::FORBIDDEN),
        ("same-site", StatusCode::FORBIDDEN),
        ("same-origin", StatusCode::CREATED),
        ("none", StatusCode::CREATED),
    ] {
        let r = app
            .request(post(
                "/api/v1/assessments",
                &[
                    ("content-type", "application/json"),
                    ("sec-fetch-site", site),
                ],
            ))
            .await;
        assert_eq!(r.status, status, "{site}");
        if status == StatusCode::FORBIDDEN {
            assert!(r.json()["error"].as_str().unwrap().contains("another site"));
        }
    }
    // The COWS scorer, through the same reader: another site's page is refused before
    // the body is read (a same-site `{}` lacks every item: 422).
    for (site, status) in [
        ("cross-site", StatusCode::FORBIDDEN),
        ("same-origin", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let r = app
            .request(post(
                "/api/v1/cows",
                &[
                    ("content-type", "application/json"),
                    ("sec-fetch-site", site),
                ],
            ))
            .await;
        assert_eq!(r.status, status, "cows {site}");
    }
    // A browser's preflight for a JSON post from another site gets no CORS grant.
    let preflight = app
        .request(
            Request::options("/api/v1/assessments")
                .header("origin", "https://evil.example")
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "content-type")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(!preflight.status.is_success(), "{}", preflight.status);
    assert!(
        preflight
            .headers
            .get("access-control-allow-origin")
            .is_none()
    );
    let saved: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assessments")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(saved, 2, "only the two same-site posts saved");
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
