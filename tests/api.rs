//! The JSON API for content.

mod common;

use axum::http::StatusCode;
use common::{TestApp, content_dir};
use treatment_navigator::content::load_dir;

#[tokio::test]
async fn lists_and_shows_treatments_and_helplines() {
    let app = TestApp::new().await;
    let set = load_dir(&content_dir()).unwrap();

    let list = app.get("/api/v1/treatments").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.header("content-type").starts_with("application/json"));
    let json = list.json();
    let items = json["treatments"].as_array().unwrap();
    assert_eq!(items.len(), set.treatments.len());
    assert_eq!(json["content_version"].as_str().unwrap(), &set.hash[..12]);
    let methadone = items.iter().find(|i| i["slug"] == "methadone").unwrap();
    assert_eq!(methadone["url"], "/treatments/methadone");
    assert_eq!(methadone["category"], "medications");
    assert_eq!(methadone["evidence"], "established");

    let one = app.get("/api/v1/treatments/methadone").await.json();
    assert_eq!(one["title"], "Methadone");
    assert!(
        one["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["url"].as_str().unwrap().starts_with("http"))
    );
    assert!(
        one["compare"]["action"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("agonist")
    );

    let missing = app.get("/api/v1/treatments/nope").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"], "treatment not found");

    let unknown_route = app.get("/api/v2/anything").await;
    assert_eq!(unknown_route.status, StatusCode::NOT_FOUND);
    assert!(
        unknown_route.json()["error"].is_string(),
        "API 404s are JSON"
    );

    let helplines = app.get("/api/v1/helplines").await.json();
    let lines = helplines["helplines"].as_array().unwrap();
    assert_eq!(lines.len(), set.helplines.len());
    let samhsa = lines
        .iter()
        .find(|h| h["phone"] == "1-800-662-4357")
        .expect("SAMHSA helpline");
    assert_eq!(samhsa["tty"], "1-800-487-4889");
    assert_eq!(samhsa["country"], "us");
}
