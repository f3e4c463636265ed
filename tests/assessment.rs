//! The questionnaire, saved assessments, the summary sheet and the assessment API.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, h1};
use serde_json::{Value, json};
use treatment_navigator::assessment::rules::slugs;

fn post_json(uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header("content-type", "application/json")
        .body(body.into())
        .unwrap()
}

fn post_form(uri: &str, pairs: &[(&str, &str)]) -> Request<Body> {
    let body = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    common::form(uri, &body, &[])
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn saved_count(app: &TestApp) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM assessments")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

const FULL: &[(&str, &str)] = &[
    ("frequency", "daily"),
    ("duration", "over_5_years"),
    ("quit_attempts", "several"),
    ("relapse_history", "true"),
    ("injects", "true"),
    ("days_since_last_use", "2"),
    ("dsm5_criteria", ""),
    ("mental_health", "depression"),
    ("other_substances", "benzodiazepines"),
    ("medical_conditions", ""),
    ("pregnant", "false"),
    ("housing", "unstable"),
    ("support", "some"),
    ("responsibilities", "work"),
    ("responsibilities", "caregiving"),
    ("needs_privacy", ""),
    ("completed_residential", "false"),
    ("medication_preference", "open"),
    ("country", "us"),
];

#[tokio::test]
async fn evaluate_returns_an_explained_result_and_saves_nothing() {
    let app = TestApp::new().await;
    // A return to use and no home: two areas high together ask for residential care.
    let answers = json!({"dsm5_criteria": 8, "housing": "homeless", "relapse_history": true, "other_substances": ["alcohol"], "days_since_last_use": 3, "country": "ca"});
    let r = app
        .request(post_json("/api/v1/evaluate", answers.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("cache-control"), "no-store");
    let result = r.json();
    assert_eq!(result["severity"], "severe");
    assert_eq!(result["setting"]["level"], "inpatient");
    assert!(!result["setting"]["reasons"].as_array().unwrap().is_empty());
    assert_eq!(result["approach"]["plan"], "maintenance");
    let meds: Vec<&str> = result["medications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["slug"].as_str().unwrap())
        .collect();
    for slug in ["methadone", "buprenorphine", "naltrexone"] {
        assert!(meds.contains(&slug), "{slug}");
    }
    let codes: Vec<&str> = result["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    // Engine v2: medication can start today, and never use alone while still using;
    // the naltrexone wait only where naltrexone is the plan (not here).
    for code in [
        "naloxone",
        "sedative_co_use",
        "start_today",
        "never_use_alone",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert!(!codes.contains(&"naltrexone_wait"), "{codes:?}");
    let areas = result["setting"]["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 6);
    let risk = |area: &str| {
        areas.iter().find(|a| a["area"] == area).unwrap()["risk"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(risk("use_and_overdose_risk"), "high");
    assert_eq!(risk("living_situation"), "high");
    assert_eq!(result["approach"]["medication"], "agonist");
    assert!(!result["talking_points"].as_array().unwrap().is_empty());
    assert!(
        result["rules_fired"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "setting.inpatient.use_and_living")
    );
    let countries: Vec<&str> = result["helplines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["country"].as_str().unwrap())
        .collect();
    assert!(
        !countries.is_empty() && countries.iter().all(|c| *c == "ca"),
        "{countries:?}"
    );
    assert!(result["rules_version"].as_str().unwrap().starts_with("2."));
    assert!(result["missing"].is_array());
    assert_eq!(saved_count(&app).await, 0, "evaluate saves nothing");
}

#[tokio::test]
async fn every_slug_the_engine_can_name_has_a_page() {
    let app = TestApp::new().await;
    for slug in slugs() {
        assert!(
            app.state.library.get(slug).is_some(),
            "{slug} has no content item"
        );
    }
}

#[tokio::test]
async fn bad_api_input_is_refused_with_the_field_named() {
    let app = TestApp::new().await;
    let cases: Vec<(&str, String, StatusCode, Option<&str>)> = vec![
        (
            "unknown field",
            json!({"name": "Jane"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("name"),
        ),
        (
            "wrong type",
            json!({"dsm5_criteria": "seven"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("dsm5_criteria"),
        ),
        (
            "out of range",
            json!({"dsm5_criteria": 12}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("dsm5_criteria"),
        ),
        (
            "negative days",
            json!({"days_since_last_use": -4}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("days_since_last_use"),
        ),
        (
            "not in the list",
            json!({"housing": "castle"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("housing"),
        ),
        (
            "list item not in the list",
            json!({"mental_health": ["sadness"]}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("mental_health"),
        ),
        (
            "list given as a string",
            json!({"responsibilities": "work"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("responsibilities"),
        ),
        (
            "boolean as a string",
            json!({"pregnant": "yes"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("pregnant"),
        ),
        (
            "not an object",
            "[1, 2]".to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("body"),
        ),
        (
            "malformed JSON",
            "{\"frequency\": ".to_string(),
            StatusCode::BAD_REQUEST,
            None,
        ),
        ("empty body", String::new(), StatusCode::BAD_REQUEST, None),
        (
            "too large",
            format!(
                "{{\"country\": \"us\", \"x\": \"{}\"}}",
                "a".repeat(70 * 1024)
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
            None,
        ),
    ];
    for uri in ["/api/v1/evaluate", "/api/v1/assessments"] {
        for (name, body, status, field) in &cases {
            let r = app.request(post_json(uri, body.clone())).await;
            assert_eq!(r.status, *status, "{uri} {name}: {}", r.body);
            let json = r.json();
            assert!(
                json["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{uri} {name}: {json}"
            );
            if let Some(field) = field {
                assert_eq!(json["field"], *field, "{uri} {name}");
            }
        }
    }
    assert_eq!(saved_count(&app).await, 0, "nothing bad was saved");
}

#[tokio::test]
async fn an_assessment_is_saved_and_read_back_as_computed() {
    let app = TestApp::new().await;
    let answers =
        json!({"dsm5_criteria": 5, "pregnant": true, "medication_preference": "no_opioid_agonist"});
    let r = app
        .request(post_json("/api/v1/assessments", answers.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let created = r.json();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 22, "128 random bits in base64url");
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );
    assert_eq!(r.header("location"), format!("/api/v1/assessments/{id}"));
    assert_eq!(created["result"]["approach"]["plan"], "maintenance");

    let again = app
        .request(post_json("/api/v1/assessments", answers.to_string()))
        .await
        .json();
    assert_ne!(
        again["id"], created["id"],
        "every assessment gets a fresh id"
    );

    let got = app.get(&format!("/api/v1/assessments/{id}")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.header("cache-control"), "no-store");
    let record = got.json();
    assert_eq!(record["result"], created["result"]);
    assert_eq!(record["answers"]["pregnant"], true);
    assert_eq!(
        record["content_version"].as_str().unwrap(),
        app.state.library.version
    );

    // Rules change after saving: the saved result must not be recomputed.
    sqlx::query("UPDATE assessments SET result = json_set(result, '$.setting.reasons[0]', 'Reason written by older rules'), rules_version = '0.old'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let page = app.get(&format!("/assessments/{id}")).await;
    assert!(
        page.body.contains("Reason written by older rules"),
        "shows what was computed"
    );
    assert!(page.body.contains("0.old"));
    let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(
        record["result"]["setting"]["reasons"][0],
        "Reason written by older rules"
    );

    for missing in [
        "/api/v1/assessments/AAAAAAAAAAAAAAAAAAAAAA",
        "/api/v1/assessments/not-an-id",
        "/api/v1/assessments/%27%20OR%201%3D1",
    ] {
        let r = app.get(missing).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{missing}");
        assert!(r.json()["error"].is_string());
    }
}

#[tokio::test]
async fn expired_assessments_are_gone_and_purged() {
    let app = TestApp::new().await;
    let id = app
        .request(post_json("/api/v1/assessments", "{}"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let keep = app
        .request(post_json("/api/v1/assessments", "{}"))
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    sqlx::query("UPDATE assessments SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-31 days') WHERE id = ?")
        .bind(&id)
        .execute(&app.state.pool)
        .await
        .unwrap();
    for path in [
        format!("/assessments/{id}"),
        format!("/assessments/{id}/summary"),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(h1(&page.body), "We could not find that page");
    }
    assert_eq!(
        app.get(&format!("/api/v1/assessments/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/assessments/{keep}")).await.status,
        StatusCode::OK
    );

    let purged = treatment_navigator::store::assessments::purge_expired(&app.state.pool, 30)
        .await
        .unwrap();
    assert_eq!(purged, 1);
    assert_eq!(saved_count(&app).await, 1, "the fresh one is kept");
}

#[tokio::test]
async fn the_form_saves_and_redirects_to_the_result() {
    let app = TestApp::new().await;
    let r = app.request(post_form("/assessment", FULL)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.header("location").to_string();
    assert!(location.starts_with("/assessments/"), "{location}");
    assert!(r.header("set-cookie").is_empty(), "no cookie");

    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(h1(&page.body), "Assessment result");
    let at = |needle: &str| {
        page.body
            .find(needle)
            .unwrap_or_else(|| panic!("result page lacks {needle}"))
    };
    let order = [
        at("Safety first"),
        at("Suggested setting"),
        at("Plan:"),
        at("Risk in six areas"),
        at("Talking points"),
        at("id=\"meds-heading\""),
        at("id=\"therapies-heading\""),
        at("id=\"support-heading\""),
        at("id=\"helplines-heading\""),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "alerts first, then setting, plan, areas, talking points, medications, therapies, support: {order:?}"
    );
    for needle in [
        "href=\"/treatments/inpatient-residential\"",
        "href=\"/treatments/methadone\"",
        "href=\"/treatments/dual-diagnosis-treatment\"",
        "can usually start today",
        "FDA",
        "1-800-662-4357",
        "What to ask next",
    ] {
        assert!(page.body.contains(needle), "result page shows {needle}");
    }
    assert!(
        !page.body.contains("1-800-668-6868"),
        "US helplines only for a US caller"
    );

    let saved: (String,) = sqlx::query_as("SELECT answers FROM assessments")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let answers: Value = serde_json::from_str(&saved.0).unwrap();
    assert_eq!(
        answers["responsibilities"],
        json!(["work", "caregiving"]),
        "repeated keys become a list"
    );
    assert_eq!(
        answers["needs_privacy"],
        Value::Null,
        "don't know stays unknown"
    );
}

#[tokio::test]
async fn a_form_error_is_shown_beside_its_field_and_keeps_every_answer() {
    let app = TestApp::new().await;
    let mut pairs = FULL.to_vec();
    pairs.retain(|(k, _)| *k != "dsm5_criteria");
    pairs.push(("dsm5_criteria", "15"));
    let r = app.request(post_form("/assessment", &pairs)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("id=\"err-dsm5_criteria\""),
        "error beside the field"
    );
    assert!(r.body.contains("aria-invalid=\"true\""));
    assert!(
        r.body.contains("value=\"15\""),
        "the wrong value is shown as typed"
    );
    assert!(r.body.contains("Step 2 of 4"), "the step with the error");
    for (name, value) in [
        ("frequency", "daily"),
        ("housing", "unstable"),
        ("responsibilities", "caregiving"),
        ("country", "us"),
    ] {
        assert!(
            r.body
                .contains(&format!("name=\"{name}\" value=\"{value}\"")),
            "{name} kept"
        );
    }
    assert_eq!(saved_count(&app).await, 0);

    let r = app
        .request(post_form(
            "/assessment",
            &[("frequency", "daily"), ("favourite_colour", "blue")],
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("favourite_colour"));
}

#[tokio::test]
async fn steps_carry_every_answer_forward_and_back() {
    let app = TestApp::new().await;
    let start = app.get("/assessment").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.body.contains("Step 1 of 4"));
    assert!(start.body.contains("Don't know / declined"));

    let step2 = app
        .request(post_form(
            "/assessment/step",
            &[
                ("step", "1"),
                ("go", "next"),
                ("frequency", "weekly"),
                ("duration", ""),
            ],
        ))
        .await;
    assert_eq!(step2.status, StatusCode::OK);
    assert!(step2.body.contains("Step 2 of 4"));
    assert!(
        step2
            .body
            .contains("<input type=\"hidden\" name=\"frequency\" value=\"weekly\">")
    );

    let back = app
        .request(post_form(
            "/assessment/step",
            &[
                ("step", "2"),
                ("go", "back"),
                ("frequency", "weekly"),
                ("pregnant", "true"),
            ],
        ))
        .await;
    assert!(back.body.contains("Step 1 of 4"));
    assert!(
        back.body
            .contains("name=\"frequency\" value=\"weekly\" checked"),
        "answer kept when going back"
    );
    assert!(
        back.body
            .contains("<input type=\"hidden\" name=\"pregnant\" value=\"true\">"),
        "later answers travel too"
    );

    let bad = app
        .request(post_form(
            "/assessment/step",
            &[
                ("step", "1"),
                ("go", "next"),
                ("days_since_last_use", "lots"),
            ],
        ))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Step 1 of 4"), "stays on the step");

    let last = app
        .request(post_form(
            "/assessment/step",
            &[("step", "3"), ("go", "next")],
        ))
        .await;
    assert!(last.body.contains("Step 4 of 4"));
    assert!(
        last.body.contains("action=\"/assessment\""),
        "the last step posts everything to /assessment"
    );
}

#[tokio::test]
async fn the_summary_sheet_has_everything_a_clinician_files() {
    let app = TestApp::new().await;
    let location = app
        .request(post_form("/assessment", FULL))
        .await
        .header("location")
        .to_string();
    let id = location.rsplit('/').next().unwrap();
    let sheet = app.get(&format!("{location}/summary")).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert_eq!(sheet.header("cache-control"), "no-store");
    let rules_version = treatment_navigator::assessment::RULES_VERSION.as_str();
    for needle in [
        id,
        rules_version,
        &app.state.library.version,
        "Date",
        "Answers",
        "Frequency",
        "Every day",
        "Severity",
        "Setting",
        "Plan",
        "Medications",
        "Therapies",
        "Support",
        "Alerts",
        "Helplines",
        "Clinician notes",
        "Information, not medical advice",
        "data-print",
        "/static/print.",
    ] {
        assert!(sheet.body.contains(needle), "summary shows {needle}");
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_api_route() {
    let app = TestApp::new().await;
    let r = app.get("/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/treatments", "get"),
        ("/api/v1/treatments/{slug}", "get"),
        ("/api/v1/helplines", "get"),
        ("/api/v1/evaluate", "post"),
        ("/api/v1/cows", "post"),
        ("/api/v1/assessments", "post"),
        ("/api/v1/assessments/{id}", "get"),
        ("/api/openapi.json", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path}"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in ["Answers", "Evaluation", "ApiErrorBody"] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
    // The documented choices are exactly the ones the API accepts.
    for (schema, values) in [
        ("Support", vec!["strong", "some", "none"]),
        (
            "UseDuration",
            vec!["under_1_year", "1_to_5_years", "over_5_years"],
        ),
        (
            "MedicationPreference",
            vec!["open", "no_opioid_agonist", "no_medication", "unsure"],
        ),
    ] {
        assert_eq!(schemas[schema]["enum"], json!(values), "{schema}");
    }
    // The COWS body is exactly what the API reads: each item among its points, all
    // eleven required, nothing else; the answer's band among its five names.
    let cows = &paths["/api/v1/cows"]["post"];
    assert_eq!(
        cows["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CowsRatings"
    );
    for status in ["200", "400", "415", "422"] {
        assert!(cows["responses"].get(status).is_some(), "cows {status}");
    }
    let ratings = &schemas["CowsRatings"];
    assert_eq!(ratings["additionalProperties"], json!(false));
    let items = [
        ("pulse", json!([0, 1, 2, 4])),
        ("sweating", json!([0, 1, 2, 3, 4])),
        ("restlessness", json!([0, 1, 3, 5])),
        ("pupils", json!([0, 1, 2, 5])),
        ("aches", json!([0, 1, 2, 4])),
        ("runny_nose", json!([0, 1, 2, 4])),
        ("gi_upset", json!([0, 1, 2, 3, 5])),
        ("tremor", json!([0, 1, 2, 4])),
        ("yawning", json!([0, 1, 2, 4])),
        ("anxiety", json!([0, 1, 2, 4])),
        ("gooseflesh", json!([0, 3, 5])),
    ];
    assert_eq!(
        ratings["required"],
        json!(items.iter().map(|(k, _)| *k).collect::<Vec<_>>())
    );
    assert_eq!(
        ratings["properties"].as_object().unwrap().len(),
        items.len()
    );
    for (key, points) in items {
        assert_eq!(ratings["properties"][key]["enum"], points, "{key}");
        assert_eq!(ratings["properties"][key]["type"], "integer", "{key}");
    }
    assert_eq!(
        schemas["CowsBand"]["enum"],
        json!(["none", "mild", "moderate", "moderately_severe", "severe"])
    );
    assert_eq!(schemas["CowsScore"]["required"], json!(["score", "band"]));
    // The one rule across fields is in the schema too: a province only for Canada.
    assert_eq!(
        schemas["Answers"]["anyOf"][1]["properties"]["country"]["const"],
        "ca"
    );
    let props = schemas["Answers"]["properties"].as_object().unwrap();
    assert_eq!(
        props.len(),
        treatment_navigator::assessment::Field::ALL.len(),
        "every answer field is documented"
    );
}

#[tokio::test]
async fn the_rules_page_lists_every_rule_with_its_reason_and_source() {
    let app = TestApp::new().await;
    let page = app.get("/rules").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(h1(&page.body), "How the suggestions are decided");
    for id in treatment_navigator::assessment::rules::ids() {
        assert!(
            page.body.contains(&format!("<li id=\"{id}\"")),
            "{id} is listed"
        );
    }
    use treatment_navigator::assessment::sources::Source;
    for source in Source::ALL {
        let c = source.citation();
        assert!(
            page.body
                .contains(&format!("id=\"source-{}\"", source.id())),
            "{source:?}"
        );
        assert!(page.body.contains(&common::html_escape(c.url)), "{}", c.url);
    }
    assert!(
        page.body
            .contains(&*treatment_navigator::assessment::RULES_VERSION)
    );
    // Every rule's source is one of the listed sources, linked.
    assert!(!page.body.contains("href=\"#source-\""));
    // Reachable from every page and from a result.
    assert!(app.get("/").await.body.contains("href=\"/rules\""));
}

#[tokio::test]
async fn the_summary_names_the_rules_that_fired_and_the_result_shows_six_areas() {
    let app = TestApp::new().await;
    let answers = json!({"dsm5_criteria": 8, "overdoses_past_year": "one", "housing": "homeless", "caller": "family_or_friend", "country": "ca", "province": "on"});
    let r = app
        .request(post_json("/api/v1/assessments", answers.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_string();
    let id = id.as_str();
    let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(record["format"], 2, "saved in the new format");
    let fired: Vec<String> = record["result"]["rules_fired"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert!(fired.contains(&"setting.inpatient.use_and_living".to_string()));
    let summary = app.get(&format!("/assessments/{id}/summary")).await;
    assert_eq!(summary.status, StatusCode::OK);
    assert!(summary.body.contains("Rules that decided this result"));
    for id in &fired {
        // Grouped by table on the sheet: "setting: inpatient.use_and_living · …".
        let (table, rest) = id.split_once('.').unwrap();
        assert!(
            summary.body.contains(&format!("<strong>{table}:</strong>"))
                && summary.body.contains(rest),
            "{id} on the summary"
        );
    }
    assert!(summary.body.contains("Use and overdose risk: High"));
    let page = app.get(&format!("/assessments/{id}")).await;
    assert!(page.body.contains("Risk in six areas"));
    for area in [
        "Withdrawal",
        "Physical health",
        "Mental health",
        "Readiness to change",
        "Use and overdose risk",
        "Living situation",
    ] {
        assert!(page.body.contains(area), "{area}");
    }
    // Worded for a family member, in Canada, with Ontario's line.
    assert!(
        page.body.contains("They don"),
        "talking points about the person"
    );
    assert!(!page.body.contains("SAMHSA helpline"));
    assert!(page.body.contains("ConnexOntario"));
    assert!(page.body.contains("href=\"/rules\""));
}

#[tokio::test]
async fn every_new_answer_field_is_read_by_the_api_and_the_form_and_refused_by_name() {
    let app = TestApp::new().await;
    let full = json!({
        "caller": "professional", "age_group": "16_to_17", "opioids": ["fentanyl", "counterfeit_pills"],
        "overdoses_past_year": "several", "suicidal_thoughts": false, "mental_health_status": "struggling",
        "medical_urgent": false, "sedative_withdrawal_risk": "daily_heavy", "current_medication": "none",
        "prior_treatment": ["detox", "residential"], "recently_released": true, "chronic_pain": false,
        "readiness": "unsure", "declined_medications": ["methadone"], "cows_score": 14,
        "country": "ca", "province": "bc"
    });
    let r = app
        .request(post_json("/api/v1/evaluate", full.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let bad = [
        (json!({"caller": "neighbour"}), "caller"),
        (json!({"age_group": 15}), "age_group"),
        (json!({"opioids": ["tramadol"]}), "opioids"),
        (json!({"overdoses_past_year": 2}), "overdoses_past_year"),
        (json!({"suicidal_thoughts": "no"}), "suicidal_thoughts"),
        (
            json!({"mental_health_status": "fine"}),
            "mental_health_status",
        ),
        (json!({"medical_urgent": 1}), "medical_urgent"),
        (
            json!({"sedative_withdrawal_risk": "some"}),
            "sedative_withdrawal_risk",
        ),
        (
            json!({"current_medication": "suboxone"}),
            "current_medication",
        ),
        (json!({"prior_treatment": "detox"}), "prior_treatment"),
        (
            json!({"recently_released": null, "chronic_pain": "yes"}),
            "chronic_pain",
        ),
        (json!({"readiness": "ready"}), "readiness"),
        (
            json!({"declined_medications": ["naloxone"]}),
            "declined_medications",
        ),
        (json!({"cows_score": 49}), "cows_score"),
        (json!({"province": "zz", "country": "ca"}), "province"),
        (json!({"province": "on", "country": "us"}), "province"),
        (json!({"province": "on"}), "province"),
    ];
    for (input, field) in bad {
        let r = app
            .request(post_json("/api/v1/evaluate", input.to_string()))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{input}");
        assert_eq!(r.json()["field"], field, "{input}");
    }
    // The form reads the same names.
    let r = app
        .request(post_form(
            "/assessment",
            &[
                ("caller", "family_or_friend"),
                ("opioids", "fentanyl"),
                ("opioids", "heroin"),
                ("overdoses_past_year", "one"),
                ("current_medication", "buprenorphine"),
                ("cows_score", "9"),
                ("declined_medications", "methadone"),
                ("declined_medications", "injections"),
                ("country", "ca"),
                ("province", "qc"),
            ],
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = r
        .header("location")
        .trim_start_matches("/assessments/")
        .to_string();
    let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(record["answers"]["opioids"], json!(["fentanyl", "heroin"]));
    assert_eq!(
        record["answers"]["declined_medications"],
        json!(["methadone", "injections"])
    );
    assert_eq!(record["answers"]["province"], "qc");
    assert_eq!(record["answers"]["cows_score"], 9);
    // A province without Canada is refused on the form too, naming the field.
    let r = app
        .request(post_form(
            "/assessment",
            &[("country", "us"), ("province", "on")],
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Province"), "the error names the question");
}
