//! The assessment API in Spanish: `Accept-Language` chooses the words of a result
//! (issue 13); codes, slugs and ids stay the same, and what is saved stays English.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::TestApp;
use serde_json::{Value, json};
use treatment_navigator::assessment::rules::{ALERTS, SETTING};
use treatment_navigator::i18n::{Lang, text};

fn post(uri: &str, body: &Value, accept_language: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header("content-type", "application/json");
    if let Some(al) = accept_language {
        r = r.header("accept-language", al);
    }
    r.body(Body::from(body.to_string())).unwrap()
}

fn get(uri: &str, accept_language: Option<&str>) -> Request<Body> {
    let mut r = Request::get(uri);
    if let Some(al) = accept_language {
        r = r.header("accept-language", al);
    }
    r.body(Body::empty()).unwrap()
}

/// An urgent case: thoughts of suicide, an overdose, fentanyl, in the US.
fn urgent() -> Value {
    json!({
        "country": "us", "suicidal_thoughts": true, "overdoses_past_year": "one",
        "dsm5_criteria": 7, "frequency": "daily", "opioids": ["fentanyl"]
    })
}

fn english_reason(
    table: &[treatment_navigator::assessment::rules::Rule<impl Sized>],
    id: &str,
) -> String {
    table
        .iter()
        .find(|r| r.id == id)
        .unwrap()
        .reason
        .to_string()
}

fn alert<'a>(result: &'a Value, code: &str) -> &'a str {
    result["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("alert {code}"))["message"]
        .as_str()
        .unwrap()
}

/// What a translation must not change: every code, slug, id, level and list length.
fn codes(result: &Value) -> Value {
    let mut v = result.clone();
    fn strip(v: &mut Value) {
        match v {
            Value::Object(o) => {
                for (key, x) in o.iter_mut() {
                    match (key.as_str(), &x) {
                        ("reasons" | "severity_reasons", Value::Array(a)) => *x = json!(a.len()),
                        ("message" | "text" | "hours" | "purpose" | "name", Value::String(_)) => {
                            *x = json!("·")
                        }
                        _ => strip(x),
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

#[tokio::test]
async fn evaluate_speaks_the_language_accept_language_prefers() {
    let app = TestApp::new().await;
    let english = app.request(post("/api/v1/evaluate", &urgent(), None)).await;
    assert_eq!(english.status, StatusCode::OK, "{}", english.body);
    assert_eq!(english.header("content-language"), "en");
    assert!(english.header("vary").contains("accept-language"));
    let en = english.json();
    let suicide_en = english_reason(ALERTS, "alert.suicide_risk");
    assert_eq!(alert(&en, "suicide_risk"), suicide_en);

    for header in ["es", "es-MX,es;q=0.9,en;q=0.8", "en;q=0.5, es"] {
        let spanish = app
            .request(post("/api/v1/evaluate", &urgent(), Some(header)))
            .await;
        assert_eq!(spanish.status, StatusCode::OK);
        assert_eq!(spanish.header("content-language"), "es", "{header}");
        assert!(spanish.header("vary").contains("accept-language"));
        assert_eq!(spanish.header("cache-control"), "no-store");
        let es = spanish.json();
        let suicide_es = alert(&es, "suicide_risk");
        assert_eq!(suicide_es, text(Lang::Es, "rule-alert-suicide_risk"));
        assert!(
            suicide_es.starts_with("Pensamientos de suicidio"),
            "{suicide_es}"
        );
        assert!(suicide_es.contains("988") && suicide_es.contains("911"));
        assert_ne!(alert(&es, "recent_overdose"), alert(&en, "recent_overdose"));
        assert_eq!(codes(&es), codes(&en), "only the words change");
        assert_eq!(es["rules_fired"], en["rules_fired"]);
        assert_eq!(es["missing"], en["missing"]);
        // The setting's reasons and the talking points too.
        let hospital = english_reason(SETTING, "setting.hospital.suicidal");
        assert!(
            en["setting"]["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!(hospital))
        );
        assert!(
            !es["setting"]["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!(hospital))
        );
        assert!(
            es["talking_points"][0]["text"]
                .as_str()
                .unwrap()
                .starts_with("Lo que usted está viviendo"),
            "{}",
            es["talking_points"][0]
        );
        // The helplines' hours and purposes from their Spanish translations.
        let samhsa = |r: &Value| {
            r["helplines"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["phone"] == "1-800-662-4357")
                .unwrap()
                .clone()
        };
        let translation = app
            .state
            .library
            .helpline_translation("samhsa-national-helpline", Lang::Es)
            .expect("a current translation of the SAMHSA line");
        assert_eq!(samhsa(&es)["hours"], translation.hours.as_str());
        assert_eq!(samhsa(&es)["purpose"], translation.purpose.as_str());
        assert_ne!(samhsa(&es)["purpose"], samhsa(&en)["purpose"]);
    }

    // Spanish refused, or not asked for: English.
    for header in ["es;q=0, en", "en-US", "fr-CA", ""] {
        let r = app
            .request(post("/api/v1/evaluate", &urgent(), Some(header)))
            .await;
        assert_eq!(r.header("content-language"), "en", "{header:?}");
        assert_eq!(alert(&r.json(), "suicide_risk"), suicide_en, "{header:?}");
    }
}

#[tokio::test]
async fn a_saved_assessment_is_stored_in_english_and_read_in_either_language() {
    let app = TestApp::new().await;
    let answers = json!({
        "caller": "family_or_friend", "country": "ca", "province": "on",
        "dsm5_criteria": 6, "frequency": "daily"
    });
    let created = app
        .request(post("/api/v1/assessments", &answers, Some("es-US")))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.header("content-language"), "es");
    let created = created.json();
    let id = created["id"].as_str().unwrap();
    let naloxone_es = alert(&created["result"], "naloxone").to_string();
    assert_eq!(naloxone_es, text(Lang::Es, "rule-alert-naloxone"));
    let province = created["result"]["talking_points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "talk.find_care.province")
        .expect("Ontario's line");
    let province = province["text"].as_str().unwrap();
    assert!(
        province.starts_with("En Ontario, ConnexOntario puede ayudar"),
        "{province}"
    );
    assert!(
        province.contains("la persona"),
        "worded for a relative: {province}"
    );

    // Stored as the engine wrote it.
    let stored: String = sqlx::query_scalar("SELECT result FROM assessments")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let stored: Value = serde_json::from_str(&stored).unwrap();
    let naloxone_en = english_reason(ALERTS, "alert.naloxone");
    assert_eq!(alert(&stored, "naloxone"), naloxone_en);

    let en = app
        .request(get(&format!("/api/v1/assessments/{id}"), None))
        .await;
    assert_eq!(en.header("content-language"), "en");
    assert_eq!(en.json()["result"], stored);
    let es = app
        .request(get(&format!("/api/v1/assessments/{id}"), Some("es")))
        .await;
    assert_eq!(es.status, StatusCode::OK);
    assert_eq!(es.header("content-language"), "es");
    assert!(es.header("vary").contains("accept-language"));
    let es = es.json();
    assert_eq!(es["result"], created["result"]);
    assert_eq!(codes(&es["result"]), codes(&stored));
    assert_eq!(es["answers"], en.json()["answers"], "the answers as saved");

    // A text an older release wrote has no translation: it stays as it was saved.
    sqlx::query("UPDATE assessments SET result = json_set(result, '$.severity_reasons[0]', 'Written by older rules')")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let es = app
        .request(get(&format!("/api/v1/assessments/{id}"), Some("es")))
        .await
        .json();
    assert_eq!(
        es["result"]["severity_reasons"][0],
        "Written by older rules"
    );
    assert_eq!(alert(&es["result"], "naloxone"), naloxone_es);

    let refused = app
        .request(get(
            &format!("/api/v1/assessments/{id}"),
            Some("es;q=0, en"),
        ))
        .await;
    assert_eq!(refused.header("content-language"), "en");
    assert_eq!(alert(&refused.json()["result"], "naloxone"), naloxone_en);
}

#[tokio::test]
async fn the_openapi_document_names_accept_language_on_the_assessment_routes() {
    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json").await.json();
    for (path, method, ok) in [
        ("/api/v1/evaluate", "post", "200"),
        ("/api/v1/assessments", "post", "201"),
        ("/api/v1/assessments/{id}", "get", "200"),
    ] {
        let op = &doc["paths"][path][method];
        let params = op["parameters"]
            .as_array()
            .unwrap_or_else(|| panic!("{path}"));
        let accept = params
            .iter()
            .find(|p| p["name"] == "Accept-Language")
            .unwrap_or_else(|| panic!("{method} {path}: Accept-Language"));
        assert_eq!(accept["in"], "header");
        assert_ne!(accept["required"], true);
        assert!(
            op["responses"][ok]["headers"]
                .get("Content-Language")
                .is_some(),
            "{method} {path}: Content-Language"
        );
    }
}
