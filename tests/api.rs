//! The JSON API for content, and the COWS scorer.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, content_dir};
use serde_json::{Value, json};
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

/// The eleven COWS keys with each item's published points, written out here rather than
/// read from the scale's table, so a slip in the table fails these tests.
const COWS_POINTS: [(&str, &[u64]); 11] = [
    ("pulse", &[0, 1, 2, 4]),
    ("sweating", &[0, 1, 2, 3, 4]),
    ("restlessness", &[0, 1, 3, 5]),
    ("pupils", &[0, 1, 2, 5]),
    ("aches", &[0, 1, 2, 4]),
    ("runny_nose", &[0, 1, 2, 4]),
    ("gi_upset", &[0, 1, 2, 3, 5]),
    ("tremor", &[0, 1, 2, 4]),
    ("yawning", &[0, 1, 2, 4]),
    ("anxiety", &[0, 1, 2, 4]),
    ("gooseflesh", &[0, 3, 5]),
];

/// Every item rated with the points `pick` chooses from its list.
fn cows_body(pick: impl Fn(&[u64]) -> u64) -> serde_json::Map<String, Value> {
    COWS_POINTS
        .iter()
        .map(|(key, points)| (key.to_string(), Value::from(pick(points))))
        .collect()
}

async fn post_cows(app: &TestApp, body: &serde_json::Map<String, Value>) -> common::TestResponse {
    app.post_json("/api/v1/cows", &Value::Object(body.clone()).to_string())
        .await
}

/// `base` with some items changed.
fn with(
    mut base: serde_json::Map<String, Value>,
    changes: &[(&str, u64)],
) -> serde_json::Map<String, Value> {
    for (key, points) in changes {
        base.insert(key.to_string(), json!(points));
    }
    base
}

#[tokio::test]
async fn cows_scores_a_full_body_with_its_band() {
    let app = TestApp::new().await;
    let zero = || cows_body(|_| 0);
    let top = || cows_body(|p| *p.last().unwrap());
    // The second rating of every item: 1 each, but 3 for gooseflesh: 13.
    let second = || cows_body(|p| p[1]);
    // The third rating of every item: 2 each, 3 for restlessness, 5 for gooseflesh: 26.
    let third = || cows_body(|p| p[2]);
    // Each band's ends.
    let cases = [
        (zero(), 0, "none"),
        (with(zero(), &[("pulse", 4)]), 4, "none"),
        (with(zero(), &[("restlessness", 5)]), 5, "mild"),
        (
            with(
                second(),
                &[("gooseflesh", 0), ("pulse", 2), ("sweating", 2)],
            ),
            12,
            "mild",
        ),
        (second(), 13, "moderate"),
        (with(third(), &[("restlessness", 1)]), 24, "moderate"),
        (with(third(), &[("sweating", 1)]), 25, "moderately_severe"),
        (
            with(top(), &[("restlessness", 0), ("pupils", 0), ("pulse", 2)]),
            36,
            "moderately_severe",
        ),
        (
            with(
                top(),
                &[("restlessness", 0), ("pupils", 0), ("sweating", 3)],
            ),
            37,
            "severe",
        ),
        (top(), 48, "severe"),
    ];
    for (body, score, band) in cases {
        let r = post_cows(&app, &body).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.header("content-type").starts_with("application/json"));
        assert_eq!(r.header("cache-control"), "no-store");
        assert_eq!(r.json(), json!({"score": score, "band": band}), "{body:?}");
    }
    // JSON Schema holds 4.0 and 4 equal; so does the API.
    let mut floats = cows_body(|_| 0);
    floats.insert("pulse".into(), json!(4.0));
    assert_eq!(post_cows(&app, &floats).await.json()["score"], 4);
}

#[tokio::test]
async fn cows_refuses_a_value_that_is_not_one_of_the_items_points_naming_it() {
    let app = TestApp::new().await;
    for (key, points) in COWS_POINTS {
        // Every whole number from -1 to 6 that the item does not allow, and other types.
        let mut bad: Vec<Value> = (-1i64..=6)
            .filter(|n| !points.iter().any(|p| *p as i64 == *n))
            .map(Value::from)
            .collect();
        bad.extend([json!(1.5), json!("1"), json!(null), json!(true), json!([1])]);
        for value in bad {
            let mut body = cows_body(|_| 0);
            body.insert(key.to_string(), value.clone());
            let r = post_cows(&app, &body).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{key}={value}");
            let error = r.json();
            assert_eq!(error["field"], key, "{key}={value}");
            let allowed: Vec<String> = points.iter().map(u64::to_string).collect();
            let expected = format!("{key}: must be one of {}", allowed.join(", "));
            assert!(
                error["error"].as_str().unwrap().starts_with(&expected),
                "{key}={value}: {error}"
            );
        }
    }
}

#[tokio::test]
async fn cows_needs_every_item_and_nothing_else() {
    let app = TestApp::new().await;
    for (key, _) in COWS_POINTS {
        let mut body = cows_body(|_| 0);
        body.remove(key);
        let r = post_cows(&app, &body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "without {key}");
        assert_eq!(r.json()["field"], key);
        assert!(r.json()["error"].as_str().unwrap().contains("required"));
    }
    let empty = post_cows(&app, &serde_json::Map::new()).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.json()["field"], "pulse", "the first item missing");

    for extra in ["cows_score", "Pulse", "total"] {
        let mut body = cows_body(|_| 0);
        body.insert(extra.into(), json!(0));
        let r = post_cows(&app, &body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{extra}");
        assert_eq!(r.json()["field"], extra);
        assert_eq!(
            r.json()["error"],
            format!("{extra}: is not an item of the scale")
        );
    }
}

#[tokio::test]
async fn cows_reads_only_a_json_object_sent_as_json() {
    let app = TestApp::new().await;
    let body = Value::Object(cows_body(|_| 0)).to_string();
    let as_form = app
        .request(
            Request::post("/api/v1/cows")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(as_form.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(as_form.json()["error"].is_string());

    let malformed = app.post_json("/api/v1/cows", "{\"pulse\": ").await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert!(
        malformed.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("malformed JSON")
    );

    let array = app.post_json("/api/v1/cows", "[0, 1]").await;
    assert_eq!(array.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(array.json()["field"], "body");

    let get = app.get("/api/v1/cows").await;
    assert_eq!(get.status, StatusCode::METHOD_NOT_ALLOWED);
}

/// A province's callers get its own lines first, then the national ones, and no other
/// province's; a country gets only its lines; an unknown code is refused by name.
#[tokio::test]
async fn helplines_are_filtered_by_country_and_province() {
    let app = TestApp::new().await;
    let names = |json: serde_json::Value| -> Vec<(String, String, bool)> {
        json["helplines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["name"].as_str().unwrap().to_string(),
                    h["country"].as_str().unwrap().to_string(),
                    h["provinces"].as_array().is_some_and(|p| !p.is_empty()),
                )
            })
            .collect()
    };
    let ontario = names(
        app.get("/api/v1/helplines?country=ca&province=on")
            .await
            .json(),
    );
    assert_eq!(ontario[0].0, "ConnexOntario", "{ontario:?}");
    assert!(ontario.iter().all(|(_, c, _)| c == "ca"));
    let provincial: Vec<_> = ontario.iter().filter(|(_, _, p)| *p).collect();
    assert_eq!(
        provincial.len(),
        1,
        "only Ontario's own line: {provincial:?}"
    );
    assert!(ontario.iter().any(|(n, _, _)| n.contains("9-8-8")));
    // A province alone means Canada.
    assert_eq!(
        names(app.get("/api/v1/helplines?province=on").await.json()),
        ontario
    );
    let bc = names(app.get("/api/v1/helplines?province=bc").await.json());
    assert!(
        bc.iter().take_while(|(_, _, p)| *p).count() >= 2,
        "BC's lines first: {bc:?}"
    );
    assert!(!bc.iter().any(|(n, _, _)| n == "ConnexOntario"));
    let us = names(app.get("/api/v1/helplines?country=us").await.json());
    assert!(us.iter().all(|(_, c, _)| c == "us") && !us.is_empty());
    assert!(us.iter().any(|(n, _, _)| n.contains("Never Use Alone")));
    let everyone = names(app.get("/api/v1/helplines").await.json());
    assert!(everyone.len() > ontario.len() + us.len() - 1);
    for (query, field) in [("country=fr", "country"), ("province=zz", "province")] {
        let r = app.get(&format!("/api/v1/helplines?{query}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(r.json()["field"], field, "{query}");
    }
}
