//! Search: ranked results with highlighted words; nothing anyone types breaks it.

mod common;

use axum::http::StatusCode;
use common::TestApp;

#[tokio::test]
async fn finds_items_ranked_with_highlighted_snippets() {
    let app = TestApp::new().await;
    let page = app.get("/search?q=methadone").await;
    assert_eq!(page.status, StatusCode::OK);
    let first = page.body.find("class=\"result-title\"").expect("a result");
    assert!(
        page.body[first..].starts_with("class=\"result-title\"><a href=\"/treatments/methadone\""),
        "methadone ranks first: {}",
        &page.body[first..first + 120]
    );
    assert!(page.body.to_lowercase().contains("<mark>methadone</mark>"));

    let again = app.get("/search?q=methadone").await;
    assert_eq!(
        again.body, page.body,
        "a repeated search (served from the cache) gives the same page"
    );

    // Prefixes and accents: "bupren" and "Méthadone" still find their items.
    assert!(
        app.get("/search?q=bupren")
            .await
            .body
            .contains("href=\"/treatments/buprenorphine\"")
    );
    assert!(
        app.get("/search?q=M%C3%A9thadone")
            .await
            .body
            .contains("href=\"/treatments/methadone\"")
    );

    // Several words: items with all of them, else with any.
    let both = app.get("/search?q=pregnancy+methadone").await;
    assert!(both.body.contains("href=\"/treatments/pregnancy\""));
    let any = app.get("/search?q=methadone+xyzzyplugh").await;
    assert!(
        any.body.contains("href=\"/treatments/methadone\""),
        "falls back to any word"
    );
}

#[tokio::test]
async fn hostile_queries_answer_200() {
    let app = TestApp::new().await;
    let long = "a".repeat(1000);
    let long_words = "opioid ".repeat(150);
    let queries = [
        "%22",
        "%22%22%22",
        "methadone%22",
        "a%20AND",
        "OR",
        "NOT%20NOT",
        "NEAR(a%20b)",
        "*",
        "-",
        "^",
        "title:x",
        "(",
        ")",
        "%27%3B%20DROP%20TABLE%20treatments%3B--",
        "%00",
        "%E2%80%AE",
        "%F0%9F%92%8A",
        "%D0%BC%D0%B5%D1%82%D0%B0%D0%B4%D0%BE%D0%BD",
        "%E7%BE%8E%E6%B2%99%E9%85%AE",
        "%D9%85%D9%8A%D8%AB%D8%A7%D8%AF%D9%88%D9%86",
        &long,
        &long_words,
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%",
        "%ZZ",
        "",
    ];
    for q in queries {
        // Raw characters a URI cannot carry are sent encoded, as a browser would.
        let q = q.replace(' ', "+").replace('^', "%5E");
        let page = app.get(&format!("/search?q={q}")).await;
        assert_eq!(page.status, StatusCode::OK, "q={q}");
        assert!(!page.body.contains("<script>alert"), "q={q} is escaped");
    }
    let page = app.get(&format!("/search?q={long}")).await;
    assert!(
        page.body.contains("only its first 200 characters"),
        "says a long query was shortened"
    );
    let page = app.get("/search?x=1").await;
    assert_eq!(page.status, StatusCode::OK, "no q at all");
}
