//! What goes over the wire: the coding chosen from `Accept-Encoding`, bytes that decode
//! to the page, `Content-Length`, `Vary`, `ETag` and `304`, fast compression of
//! per-person answers, the critical CSS allowed by its hash, and the page cache's bound.

mod common;

use std::io::Read;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::Engine;
use common::{TestApp, TestResponse};
use sha2::{Digest, Sha256};
use treatment_navigator::web::cache::{PageCache, Shelf};

async fn get_with(app: &TestApp, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.request(request.body(Body::empty()).unwrap()).await
}

/// The body as the browser reads it, after undoing `Content-Encoding`.
fn decoded(response: &TestResponse) -> Vec<u8> {
    let raw = &response.raw[..];
    let mut out = Vec::new();
    match response.header("content-encoding") {
        "" => out.extend_from_slice(raw),
        "br" => brotli::BrotliDecompress(&mut &raw[..], &mut out).unwrap(),
        "zstd" => out = zstd::stream::decode_all(raw).unwrap(),
        "gzip" => {
            flate2::read::GzDecoder::new(raw)
                .read_to_end(&mut out)
                .unwrap();
        }
        other => panic!("unexpected coding {other}"),
    }
    out
}

const CHROMIUM: &str = "gzip, deflate, br, zstd";

#[tokio::test]
async fn the_coding_follows_accept_encoding_and_every_form_decodes_to_the_page() {
    let app = TestApp::new().await;
    let page = "/treatments/methadone";
    let plain = get_with(&app, page, &[]).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.body.contains("<h1"), "the identity form is the page");

    // (Accept-Encoding, the coding sent; "" is identity)
    let table: &[(&str, &str)] = &[
        (CHROMIUM, "br"),
        ("gzip", "gzip"),
        ("zstd", "zstd"),
        ("br", "br"),
        ("BR", "br"),
        ("gzip;q=0.8, br;q=0.5", "gzip"),
        ("br; q=0.9, zstd;q=1.0", "zstd"),
        ("gzip, zstd", "zstd"),
        ("identity;q=0, gzip", "gzip"),
        ("*", "br"),
        ("*;q=0.1, gzip;q=0.5", "gzip"),
        ("br;q=0, *", "zstd"),
        ("deflate", ""),
        ("compress, x-unknown-coding", ""),
        ("identity", ""),
        ("gzip;q=0, br;q=0", ""),
        // Nothing acceptable at all: the page anyway, uncompressed, rather than an error.
        ("identity;q=0", ""),
        ("*;q=0", ""),
        ("", ""),
    ];
    for (accept, expected) in table {
        let response = get_with(&app, page, &[("accept-encoding", accept)]).await;
        assert_eq!(response.status, StatusCode::OK, "{accept}");
        assert_eq!(
            response.header("content-encoding"),
            *expected,
            "Accept-Encoding: {accept}"
        );
        assert_eq!(
            decoded(&response),
            plain.raw,
            "{accept}: decodes to the page"
        );
        assert_eq!(
            response.header("content-length"),
            response.raw.len().to_string(),
            "{accept}: the length is sent, not chunked"
        );
        assert_eq!(response.header("vary"), "accept-encoding", "{accept}");
        assert!(response.header("etag").starts_with('"'), "{accept}");
        assert!(
            response.header("cache-control").contains("max-age"),
            "{accept}"
        );
    }
}

#[tokio::test]
async fn a_page_the_browser_holds_is_answered_304() {
    let app = TestApp::new().await;
    for page in [
        "/",
        "/treatments/methadone",
        "/search?q=methadone",
        "/compare",
        "/helplines",
    ] {
        let first = get_with(&app, page, &[("accept-encoding", CHROMIUM)]).await;
        let tag = first.header("etag").to_string();
        assert!(!tag.is_empty(), "{page} has an ETag");

        let again = get_with(
            &app,
            page,
            &[("accept-encoding", CHROMIUM), ("if-none-match", &tag)],
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{page}");
        assert!(again.raw.is_empty(), "{page}: a 304 has no body");
        assert_eq!(again.header("etag"), tag, "{page}");
        assert_eq!(again.header("vary"), "accept-encoding", "{page}");

        // A copy held in another coding is the same page.
        let other = get_with(&app, page, &[("if-none-match", &tag)]).await;
        assert_eq!(other.status, StatusCode::NOT_MODIFIED, "{page}");
        let listed = format!("\"0000\", W/{tag}");
        let weak = get_with(&app, page, &[("if-none-match", &listed)]).await;
        assert_eq!(
            weak.status,
            StatusCode::NOT_MODIFIED,
            "{page}: weak comparison"
        );

        let stale = get_with(&app, page, &[("if-none-match", "\"0123456789\"")]).await;
        assert_eq!(
            stale.status,
            StatusCode::OK,
            "{page}: another tag gets the page"
        );
    }
    // The static files too.
    let home = app.get("/").await;
    let start = home.body.find("/static/style.").unwrap();
    let end = home.body[start..].find('"').unwrap() + start;
    let css = &home.body[start..end];
    let first = get_with(&app, css, &[("accept-encoding", CHROMIUM)]).await;
    assert_eq!(first.header("content-encoding"), "br");
    assert!(first.header("cache-control").contains("immutable"));
    let again = get_with(&app, css, &[("if-none-match", first.header("etag"))]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn per_person_answers_are_compressed_fast_and_never_kept() {
    let app = TestApp::new().await;
    let body = r#"{"frequency":"daily","housing":"stable","country":"us"}"#;
    let plain = app.post_json("/api/v1/evaluate", body).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.raw.len() > 1400, "an evaluation is worth compressing");
    for (accept, expected) in [(CHROMIUM, "zstd"), ("br", "br"), ("gzip", "gzip"), ("", "")] {
        let response = app
            .request(
                Request::post("/api/v1/evaluate")
                    .header("content-type", "application/json")
                    .header("accept-encoding", accept)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(response.header("content-encoding"), expected, "{accept}");
        assert_eq!(decoded(&response), plain.raw, "{accept}");
        assert_eq!(
            response.header("content-length"),
            response.raw.len().to_string()
        );
        assert_eq!(response.header("cache-control"), "no-store", "{accept}");
        assert!(
            response.header("etag").is_empty(),
            "{accept}: no ETag on an answer"
        );
        if !expected.is_empty() {
            let vary: Vec<&str> = response
                .headers
                .get_all("vary")
                .iter()
                .map(|v| v.to_str().unwrap())
                .collect();
            assert!(vary.contains(&"accept-encoding"), "{accept}: {vary:?}");
        }
    }

    // A saved result page: compressed, not kept by the browser.
    let saved = app.post_json("/api/v1/assessments", body).await;
    let id = saved.json()["id"].as_str().unwrap().to_string();
    let page = get_with(
        &app,
        &format!("/assessments/{id}"),
        &[("accept-encoding", CHROMIUM)],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("content-encoding"), "zstd");
    assert_eq!(page.header("cache-control"), "no-store");
    assert!(
        String::from_utf8(decoded(&page))
            .unwrap()
            .contains("</html>")
    );

    // Under one TCP segment: sent as it is.
    let small = get_with(&app, "/healthz", &[("accept-encoding", CHROMIUM)]).await;
    assert_eq!(small.header("content-encoding"), "");
    assert_eq!(small.body, "ok\n");
}

#[tokio::test]
async fn the_critical_css_is_inline_and_allowed_by_its_hash_alone() {
    let app = TestApp::new().await;
    for page in ["/", "/treatments/methadone", "/assessment", "/no-such-page"] {
        let response = app.get(page).await;
        let body = &response.body;
        let start = body.find("<style>").expect("an inline stylesheet") + "<style>".len();
        let end = body[start..].find("</style>").unwrap() + start;
        let css = &body[start..end];
        assert!(
            css.contains(".emergency"),
            "{page}: the emergency strip's rules"
        );
        assert!(css.contains(".site-header"), "{page}: the header's rules");
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css));
        let csp = response.header("content-security-policy");
        assert!(
            csp.contains(&format!("style-src 'self' 'sha256-{hash}'")),
            "{page}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{page}");
        assert_eq!(
            body.matches("<style>").count(),
            1,
            "{page}: one inline stylesheet"
        );
        // The rest is a cached file, linked after the content so it holds nothing back.
        let link = body
            .find("rel=\"stylesheet\"")
            .expect("the stylesheet link");
        assert!(link > body.find("</main>").unwrap(), "{page}");
    }
}

#[tokio::test]
async fn a_stream_of_made_up_urls_stays_within_the_bound_and_cannot_push_out_content() {
    let bound = 300_000;
    let app = TestApp::with_state(|state| {
        state.pages = Arc::new(PageCache::with_bounds((256, 16_000_000), (32, bound)));
    })
    .await;
    app.get("/treatments/methadone").await;
    app.get("/").await;
    for i in 0..120 {
        let uri = if i % 4 == 0 {
            format!("/search?q=methadone{i}")
        } else {
            format!("/compare?items=methadone,made-up-{i}")
        };
        assert_eq!(app.get(&uri).await.status, StatusCode::OK, "{uri}");
        let pages = &app.state.pages;
        assert!(
            pages.weight(Shelf::Queries) <= bound,
            "after {i}: {}",
            pages.weight(Shelf::Queries)
        );
        assert!(pages.len(Shelf::Queries) <= 32, "after {i}");
    }
    let pages = &app.state.pages;
    assert!(
        pages
            .get(Shelf::Content, "en:treatment methadone")
            .is_some()
    );
    assert!(pages.get(Shelf::Content, "en:home").is_some());
    assert!(pages.len(Shelf::Queries) > 0, "queries are kept too");
}
