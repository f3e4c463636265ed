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
    let mut pairs = FULL.to_vec();
    pairs.push(("overdoses_past_year", "one"));
    let r = app.request(post_form("/assessment", &pairs)).await;
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
    // Do this first, then the suggestion in two sentences and "start today", then the
    // talking points, areas, medications, therapies, support, notes, where to call.
    let order = [
        at("id=\"urgent-heading\""),
        at("<strong>Setting:</strong>"),
        at("<strong>Plan:</strong>"),
        at("<strong>Start today:</strong>"),
        at("id=\"talk-heading\""),
        at("id=\"areas-heading\""),
        at("id=\"meds-heading\""),
        at("id=\"therapies-heading\""),
        at("id=\"support-heading\""),
        at("id=\"alerts-heading\""),
        at("id=\"ask-heading\""),
        at("id=\"helplines-heading\""),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "in the order staff need them: {order:?}"
    );
    assert!(
        page.body.contains("href=\"tel:+18006624357\""),
        "tappable numbers"
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
    assert!(
        r.body.contains("data-open-step=\"3\""),
        "opens at the step with the error (Health)"
    );
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
async fn the_questionnaire_is_one_page_in_five_steps_safety_first() {
    let app = TestApp::new().await;
    let start = app.get("/assessment").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.header("set-cookie").is_empty(), "no cookie");
    let body = &start.body;
    let mut at = 0;
    for (n, title) in ["Right now", "Use", "Health", "Life", "Choices"]
        .iter()
        .enumerate()
    {
        let heading = format!("Step {} of 5:</span> {title}</h2>", n + 1);
        let found = body[at..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{heading}"));
        at += found;
    }
    // Safety questions come before any question about use.
    let first_use = body.find("id=\"q-opioids\"").unwrap();
    for safety in [
        "caller",
        "overdoses_past_year",
        "suicidal_thoughts",
        "medical_urgent",
        "pregnant",
        "age_group",
    ] {
        let q = body.find(&format!("id=\"q-{safety}\"")).unwrap();
        assert!(q < first_use, "{safety} is asked first");
    }
    assert_eq!(body.matches("<form class=\"questionnaire").count(), 1);
    assert!(body.contains("method=\"post\" action=\"/assessment\""));
    assert!(
        !body.contains("type=\"hidden\""),
        "nothing carried in hidden fields"
    );
    // Each question has its words for the person and for someone calling about them.
    assert!(body.contains("<span class=\"say-self\">“Do you ever inject?"));
    assert!(body.contains("<span class=\"say-about\">“Do they ever inject?"));
    // The DSM-5 list and the COWS tool.
    assert_eq!(
        body.matches("name=\"dsm5_checklist\"").count(),
        12,
        "11 and none"
    );
    assert!(body.contains("href=\"/tools/cows\""));
}

#[tokio::test]
async fn urgent_answers_put_what_to_do_now_before_the_next_questions() {
    let app = TestApp::new().await;
    let r = app
        .request(post_form(
            "/assessment",
            &[
                ("suicidal_thoughts", "true"),
                ("caller", "family_or_friend"),
                ("days_since_last_use", "soon"),
            ],
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &r.body;
    let urgent = body.find("class=\"urgent-now shown\"").expect("shown");
    // The first 988 after the urgent box (the emergency strip above it has Canada's).
    let crisis_line = urgent + body[urgent..].find("href=\"tel:988\"").unwrap();
    assert!(
        crisis_line < body.find("id=\"q-opioids\"").unwrap(),
        "988 comes before the next question"
    );
    assert!(body.contains("class=\"if-suicide shown\""));
    assert!(!body.contains("class=\"if-medical shown\""));
    assert!(
        body.contains("<form class=\"questionnaire about-other\""),
        "a relative on the line: questions say they"
    );

    let calm = app.get("/assessment").await;
    assert!(
        calm.body.contains("class=\"urgent-now\""),
        "hidden until needed"
    );
}

#[tokio::test]
async fn answers_can_be_filled_in_from_a_link_and_from_an_older_page() {
    let app = TestApp::new().await;
    let r = app.get("/assessment?cows_score=14").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"cows_score\" value=\"14\""));
    let r = app.get("/assessment?cows_score=99").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"err-cows_score\""));
    assert!(r.body.contains("data-open-step=\"2\""));

    // A step posted by a page from the earlier release: every answer it carried is kept.
    let older = app
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
    assert_eq!(older.status, StatusCode::OK);
    assert!(
        older
            .body
            .contains("name=\"frequency\" value=\"weekly\" checked")
    );
    assert!(
        older
            .body
            .contains("name=\"pregnant\" value=\"true\" checked")
    );
    assert_eq!(saved_count(&app).await, 0);
}

#[tokio::test]
async fn change_answers_fills_everything_in_and_saves_a_new_assessment() {
    let app = TestApp::new().await;
    let mut pairs = FULL.to_vec();
    pairs.push(("dsm5_checklist", "craving"));
    pairs.push(("dsm5_checklist", "tolerance"));
    pairs.push(("smokes", "true"));
    let first = app.request(post_form("/assessment", &pairs)).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let location = first.header("location").to_string();
    let result = app.get(&location).await;
    assert!(result.body.contains(&format!("href=\"{location}/change\"")));

    let change = app.get(&format!("{location}/change")).await;
    assert_eq!(change.status, StatusCode::OK);
    assert_eq!(change.header("cache-control"), "no-store");
    assert!(
        change
            .body
            .contains("changing the answers of an earlier result")
    );
    for (name, value) in [
        ("frequency", "daily"),
        ("housing", "unstable"),
        ("responsibilities", "work"),
        ("responsibilities", "caregiving"),
        ("dsm5_checklist", "craving"),
        ("dsm5_checklist", "tolerance"),
        ("smokes", "true"),
        ("pregnant", "false"),
        ("country", "us"),
    ] {
        assert!(
            change
                .body
                .contains(&format!("name=\"{name}\" value=\"{value}\" checked")),
            "{name}={value} filled in"
        );
    }
    assert!(
        change
            .body
            .contains("name=\"days_since_last_use\" value=\"2\"")
    );

    let mut changed = pairs.clone();
    changed.retain(|(k, _)| *k != "housing");
    changed.push(("housing", "stable"));
    let second = app.request(post_form("/assessment", &changed)).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    assert_ne!(second.header("location"), location, "a new assessment");
    assert_eq!(saved_count(&app).await, 2, "the earlier one is kept");
    assert_eq!(
        app.get("/assessments/not-an-id/change").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_summary_sheet_has_everything_a_clinician_files() {
    let app = TestApp::new().await;
    let mut pairs = FULL.to_vec();
    pairs.extend([
        ("caller", "family_or_friend"),
        ("current_medication", "none"),
        ("overdoses_past_year", "one"),
        ("cows_score", "14"),
    ]);
    let location = app
        .request(post_form("/assessment", &pairs))
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
        // Who gave the information, and the lines written by hand.
        "<dt>Information from</dt><dd>A family member or friend</dd>",
        "Patient name <span class=\"blank\"></span>",
        "Signature <span class=\"blank\"></span>",
        // The answers a chart needs.
        "Current medication",
        "Overdoses, past year",
        "<dt>COWS score</dt><dd>14: moderate withdrawal</dd>",
        // Every area with its risk; the rules with numbered sources.
        "Use and overdose risk: High.",
        "<strong>Sources:</strong> <sup>1</sup>",
    ] {
        assert!(sheet.body.contains(needle), "summary shows {needle}");
    }
    // A header row a printer repeats on every page, and the time for local display.
    assert!(sheet.body.contains(&format!(
        "<thead class=\"running-header\"><tr><td>Treatment Navigator · assessment summary · reference {id}"
    )));
    assert!(sheet.body.contains("<time datetime=\"20"));
    assert!(sheet.body.contains("data-local>"));
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
    // The rules across fields are in the schema too: a province only for Canada; the
    // DSM-5 criteria counted or ticked, not both.
    assert_eq!(
        schemas["Answers"]["anyOf"][1]["properties"]["country"]["const"],
        "ca"
    );
    assert_eq!(
        schemas["Answers"]["not"]["required"],
        json!(["dsm5_criteria", "dsm5_checklist"])
    );
    let props = schemas["Answers"]["properties"].as_object().unwrap();
    assert_eq!(
        props.len(),
        treatment_navigator::assessment::Field::ALL.len(),
        "every answer field is documented"
    );
}

#[tokio::test]
async fn the_dsm5_checklist_is_counted_kept_and_never_given_twice() {
    let app = TestApp::new().await;
    let ticked = json!({"dsm5_checklist": ["craving", "tolerance", "withdrawal", "cut_down"], "smokes": true, "country": "us"});
    let r = app
        .request(post_json("/api/v1/evaluate", ticked.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["severity"], "moderate", "4 ticked: moderate");
    let missing = r.json()["missing"].to_string();
    assert!(!missing.contains("dsm5"), "the count is known: {missing}");

    let both = json!({"dsm5_checklist": ["craving"], "dsm5_criteria": 1});
    let r = app
        .request(post_json("/api/v1/evaluate", both.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "dsm5_criteria");
    let r = app
        .request(post_json(
            "/api/v1/evaluate",
            json!({"dsm5_checklist": ["sadness"]}).to_string(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "dsm5_checklist");
    let r = app
        .request(post_json(
            "/api/v1/evaluate",
            json!({"smokes": "often"}).to_string(),
        ))
        .await;
    assert_eq!(r.json()["field"], "smokes");

    // Saved as given, and shown criterion by criterion on the sheet.
    let created = app
        .request(post_json("/api/v1/assessments", ticked.to_string()))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_str().unwrap().to_string();
    let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(
        record["answers"]["dsm5_checklist"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(record["answers"]["dsm5_criteria"], Value::Null);
    let sheet = app.get(&format!("/assessments/{id}/summary")).await;
    assert!(
        sheet
            .body
            .contains("DSM-5 criteria ticked (4 of 11):</strong> 2 cannot cut down, 4 craving, 10 tolerance, 11 withdrawal."),
        "the criteria, numbered as in the manual"
    );
    assert!(sheet.body.contains("Smokes"));
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
    assert_eq!(record["format"], 3, "saved in the new format");
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

/// Every answer field, through the form and through the API: each value the rules tell
/// apart is saved and read back as given, and a value that does not fit is refused with
/// the field named.
#[tokio::test]
async fn every_field_goes_through_the_form_and_the_api() {
    use treatment_navigator::assessment::Field;
    let app = TestApp::new().await;
    for &field in Field::ALL {
        for value in field.candidates() {
            let mut body = serde_json::Map::new();
            body.insert(field.name().to_string(), value.clone());
            if field == Field::Province {
                body.insert("country".into(), json!("ca"));
            }
            let created = app
                .request(post_json(
                    "/api/v1/assessments",
                    Value::Object(body.clone()).to_string(),
                ))
                .await;
            assert_eq!(
                created.status,
                StatusCode::CREATED,
                "{body:?}: {}",
                created.body
            );
            let id = created.json()["id"].as_str().unwrap().to_string();
            let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
            assert_eq!(&record["answers"][field.name()], value, "API {body:?}");

            // The same through the form: a list as repeated keys ("none" for an empty
            // one), everything else as text.
            let mut pairs: Vec<(String, String)> = Vec::new();
            for (key, v) in &body {
                match v {
                    Value::Array(items) if items.is_empty() => {
                        pairs.push((key.clone(), "none".into()))
                    }
                    Value::Array(items) => pairs.extend(
                        items
                            .iter()
                            .map(|i| (key.clone(), i.as_str().unwrap().to_string())),
                    ),
                    Value::String(s) => pairs.push((key.clone(), s.clone())),
                    other => pairs.push((key.clone(), other.to_string())),
                }
            }
            let pairs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let posted = app.request(post_form("/assessment", &pairs)).await;
            assert_eq!(
                posted.status,
                StatusCode::SEE_OTHER,
                "form {pairs:?}: {}",
                posted.body
            );
            let id = posted
                .header("location")
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
            assert_eq!(&record["answers"][field.name()], value, "form {pairs:?}");
        }
        let wrong = match field.kind() {
            treatment_navigator::assessment::answers::Kind::Many(_) => json!(["no-such-choice"]),
            treatment_navigator::assessment::answers::Kind::Number { .. } => json!(99999),
            _ => json!("no-such-choice"),
        };
        let refused = app
            .request(post_json(
                "/api/v1/evaluate",
                json!({ field.name(): wrong }).to_string(),
            ))
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field:?}"
        );
        assert_eq!(refused.json()["field"], field.name());
        let refused = app
            .request(post_form(
                "/assessment",
                &[(field.name(), "no-such-choice")],
            ))
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "form {field:?}"
        );
        assert!(
            refused
                .body
                .contains(&format!("id=\"err-{}\"", field.name())),
            "form names {field:?}"
        );
    }
}

/// In Canada, the talking points name the province's own line for finding treatment,
/// worded for whoever is on the line; elsewhere, none.
#[tokio::test]
async fn talking_points_follow_the_province() {
    let app = TestApp::new().await;
    let points = |answers: Value| {
        let app = &app;
        async move {
            let r = app
                .request(post_json("/api/v1/evaluate", answers.to_string()))
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            r.json()["talking_points"].as_array().unwrap().clone()
        }
    };
    let ontario =
        points(json!({"country": "ca", "province": "on", "caller": "family_or_friend"})).await;
    let line = ontario
        .iter()
        .find(|p| p["id"] == "talk.find_care.province")
        .expect("the province's line");
    let text = line["text"].as_str().unwrap();
    assert!(text.starts_with("In Ontario, ConnexOntario"), "{text}");
    assert!(text.contains("where they live"), "{text}");
    let myself = points(json!({"country": "ca", "province": "on", "caller": "self"})).await;
    assert!(myself.iter().any(|p| {
        p["text"]
            .as_str()
            .unwrap()
            .contains("help you find treatment")
    }));
    for answers in [
        json!({"country": "ca"}),
        json!({"country": "us"}),
        json!({}),
    ] {
        let none = points(answers.clone()).await;
        assert!(
            none.iter().all(|p| p["id"] != "talk.find_care.province"),
            "{answers}"
        );
    }
}
