//! Random form posts, API bodies, search queries and COWS forms through the real router:
//! none may ever answer 5xx. (`.ci/run` raises PROPTEST_CASES for a longer run.)

mod common;

use std::sync::LazyLock;

use axum::body::Body;
use axum::http::Request;
use common::TestApp;
use proptest::prelude::*;
use treatment_navigator::assessment::Field;
use treatment_navigator::assessment::cows::Item;

static RUNTIME: LazyLock<tokio::runtime::Runtime> =
    LazyLock::new(|| tokio::runtime::Runtime::new().unwrap());
static APP: LazyLock<TestApp> = LazyLock::new(|| RUNTIME.block_on(TestApp::new()));

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(Field::ALL.to_vec()).prop_map(|f| f.name().to_string()),
        1 => prop::sample::select(vec!["step", "go", "dsm5_item"]).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "", "true", "false", "none", "unknown", "daily", "us", "stable", "3", "11", "36500",
            "back", "next", "-1", "1e9"
        ])
        .prop_map(str::to_string),
        "\\PC{0,20}",
    ]
}

fn cows_key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(Item::ALL.to_vec()).prop_map(|i| i.key().to_string()),
        1 => "\\PC{0,12}",
    ]
}

fn cows_value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0u8..=6).prop_map(|n| n.to_string()),
        1 => prop::sample::select(vec!["", "-1", "1e9", "4.0", " 3 ", "999999999999"]).prop_map(str::to_string),
        1 => "\\PC{0,20}",
    ]
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn send(request: Request<Body>) -> u16 {
    RUNTIME.block_on(APP.request(request)).status.as_u16()
}

proptest! {

    #[test]
    fn form_posts_never_fail_on_our_side(pairs in prop::collection::vec((key(), value()), 0..12), last in any::<bool>()) {
        let body = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        let uri = if last { "/assessment" } else { "/assessment/step" };
        let request = Request::post(uri).header("content-type", "application/x-www-form-urlencoded").body(Body::from(body)).unwrap();
        let status = send(request);
        prop_assert!(matches!(status, 200 | 303 | 400 | 422), "{uri}: {status}");
    }

    #[test]
    fn api_bodies_never_fail_on_our_side(body in prop_oneof![
        "\\PC{0,60}",
        prop::collection::vec((key(), value()), 0..6).prop_map(|kv| {
            let map: serde_json::Map<String, serde_json::Value> = kv.into_iter().map(|(k, v)| (k, serde_json::Value::from(v))).collect();
            serde_json::Value::Object(map).to_string()
        }),
    ]) {
        let request = Request::post("/api/v1/evaluate").header("content-type", "application/json").body(Body::from(body)).unwrap();
        let status = send(request);
        prop_assert!(matches!(status, 200 | 400 | 422), "{status}");
    }

    #[test]
    fn cows_forms_and_bodies_never_fail_on_our_side(pairs in prop::collection::vec((cows_key(), cows_value()), 0..14)) {
        let query = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        let page = send(Request::get(format!("/tools/cows?{query}")).body(Body::empty()).unwrap());
        prop_assert!(matches!(page, 200 | 422), "page: {page}");
        let map: serde_json::Map<String, serde_json::Value> = pairs.into_iter().map(|(k, v)| {
            let value = v.parse::<i64>().map_or(serde_json::Value::from(v), serde_json::Value::from);
            (k, value)
        }).collect();
        let request = Request::post("/api/v1/cows").header("content-type", "application/json").body(Body::from(serde_json::Value::Object(map).to_string())).unwrap();
        let api = send(request);
        prop_assert!(matches!(api, 200 | 422), "api: {api}");
    }

    #[test]
    fn search_never_fails(q in "\\PC{0,300}") {
        let status = send(Request::get(format!("/search?q={}", encode(&q))).body(Body::empty()).unwrap());
        prop_assert_eq!(status, 200);
    }
}
