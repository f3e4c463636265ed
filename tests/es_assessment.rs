//! The questionnaire, the result and the summary sheet in Spanish (`/es/assessment…`),
//! the sheet in either language (`?lang=`), and the questionnaire's table exported to
//! `locales/en/questionnaire.ftl` with every text translated.

mod common;

use std::path::Path;

use axum::http::StatusCode;
use common::{TestApp, h1, html_escape};
use serde_json::Value;
use treatment_navigator::assessment::Field;
use treatment_navigator::i18n::{self, Lang};
use treatment_navigator::web::questionnaire::{STEPS, catalogue, question};

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn post_form(uri: &str, pairs: &[(&str, &str)]) -> axum::http::Request<axum::body::Body> {
    let body = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    common::form(uri, &body, &[])
}

const HEADING: &str = "The questionnaire's texts: step titles and introductions, each question's label,\nthe words to read aloud (to the person, and about them), its short name for the\nsummary sheet and its choices; the DSM-5 criteria in a few words; the COWS bands.";

#[test]
fn the_questionnaire_catalogue_is_exported_and_translated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/questionnaire.ftl");
    let messages = catalogue();
    let exported = i18n::export_ftl(HEADING, &messages);
    if std::env::var_os("UPDATE_CATALOGUES").is_some() {
        std::fs::write(&path, &exported).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == exported,
        "locales/en/questionnaire.ftl is not the export of the questionnaire's table: run UPDATE_CATALOGUES=1 cargo test --test es_assessment"
    );
    let mut ids: Vec<&str> = messages.iter().map(|(id, _)| id.as_str()).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "every id once");
    let untranslated: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| i18n::text_if_any(Lang::Es, id).is_none())
        .collect();
    assert!(untranslated.is_empty(), "no Spanish for {untranslated:?}");
    // The English the site shows is the table's, word for word.
    for (id, english) in &messages {
        assert_eq!(
            i18n::text_if_any(Lang::En, id).as_deref(),
            Some(*english),
            "{id}"
        );
    }
}

/// Every link on a Spanish page stays in Spanish: under `/es`, or a fragment, an asset,
/// a phone or text link or another site; the only English links are those marked as
/// English (`hreflang="en"`: the switch, the alternate, the sheet in English).
fn links_stay_in_spanish(body: &str, page: &str) {
    for tag in body.split('<').skip(1) {
        let Some(at) = tag.find(" href=\"") else {
            continue;
        };
        let href = &tag[at + 7..];
        let href = &href[..href.find('"').unwrap()];
        let english = tag.contains("hreflang=\"en\"");
        let fine = href.starts_with("/es/")
            || href.starts_with('#')
            || href.starts_with("/static/")
            || href.starts_with("tel:")
            || href.starts_with("sms:")
            || href.starts_with("https://")
            || href.starts_with("http://")
            || english;
        assert!(fine, "{page}: {href} leaves Spanish");
    }
}

/// Answers a sister gives about her brother, as the form sends them.
const SISTER: &[(&str, &str)] = &[
    ("caller", "family_or_friend"),
    ("overdoses_past_year", "one"),
    ("suicidal_thoughts", "false"),
    ("medical_urgent", "false"),
    ("age_group", "18_plus"),
    ("opioids", "fentanyl"),
    ("frequency", "daily"),
    ("duration", "1_to_5_years"),
    ("smokes", "true"),
    ("days_since_last_use", "0"),
    ("current_medication", "none"),
    ("mental_health", "none"),
    ("housing", "stable"),
    ("support", "some"),
    ("responsibilities", "work"),
    ("declined_medications", "methadone"),
    ("country", "us"),
];

async fn saved_in_spanish(app: &TestApp) -> String {
    let r = app.request(post_form("/es/assessment", SISTER)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.header("location").to_string();
    let id = location
        .strip_prefix("/es/assessments/")
        .unwrap_or_else(|| panic!("the result in Spanish: {location}"));
    assert_eq!(id.len(), 22, "{location}");
    id.to_string()
}

#[tokio::test]
async fn the_questionnaire_in_spanish_asks_every_question_in_spanish() {
    let app = TestApp::new().await;
    // English first: the kept blank questionnaire is kept per language.
    let english = app.get("/assessment").await;
    assert!(english.body.contains("<html lang=\"en\""));
    let r = app.get("/es/assessment").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<html lang=\"es\""), "lang=es");
    assert_eq!(h1(&r.body), "Cuestionario");
    assert!(r.body.contains("method=\"post\" action=\"/es/assessment\""));
    for (n, title) in [
        "Ahora mismo",
        "Consumo",
        "Salud",
        "Vida diaria",
        "Decisiones",
    ]
    .iter()
    .enumerate()
    {
        let heading = format!("Paso {} de 5:</span> {title}</h2>", n + 1);
        assert!(r.body.contains(&heading), "{heading}");
    }
    for step in &STEPS {
        for q in step.questions {
            let spanish = q.label_in(Lang::Es);
            assert_ne!(spanish, q.label, "{:?} has its own Spanish", q.field);
            assert!(
                r.body.contains(&format!(">{}</", html_escape(&spanish))),
                "{:?}: {spanish}",
                q.field
            );
            assert!(
                !r.body.contains(&format!(">{}</", html_escape(q.label))),
                "{:?}: no English label {}",
                q.field,
                q.label
            );
            assert!(
                r.body.contains(&html_escape(&q.say_in(Lang::Es))),
                "{:?}",
                q.field
            );
        }
    }
    // Both wordings: to the person (usted) and about them (la persona).
    assert!(
        r.body
            .contains("<span class=\"say-self\">“¿Se inyecta alguna vez?")
    );
    assert!(
        r.body
            .contains("<span class=\"say-about\">“¿La persona se inyecta alguna vez?")
    );
    for english in [
        "Don&#39;t know",
        "See the result",
        "Next:",
        "Say:",
        "None of these",
    ] {
        assert!(!r.body.contains(english), "no {english}");
    }
    for spanish in [
        "No sé / prefiere no responder",
        "Ver el resultado",
        "Siguiente: Consumo",
        "Anterior: Ahora mismo",
        "Primero: qué hacer ahora",
        "Ninguna de estas",
        "href=\"/es/tools/cows\"",
    ] {
        assert!(r.body.contains(spanish), "{spanish}");
    }
    links_stay_in_spanish(&r.body, "/es/assessment");
    // The English page, asked again, is still English.
    let again = app.get("/assessment").await;
    assert_eq!(h1(&again.body), "Questionnaire");
    assert!(again.body.contains("Step 1 of 5:</span> Right now</h2>"));
}

#[tokio::test]
async fn a_spanish_form_saves_and_shows_the_result_in_spanish() {
    let app = TestApp::new().await;
    let id = saved_in_spanish(&app).await;
    let r = app.get(&format!("/es/assessments/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("cache-control"), "no-store");
    assert!(r.body.contains("<html lang=\"es\""));
    assert_eq!(h1(&r.body), "Resultado");
    for spanish in [
        "La sugerencia",
        "Tipo de atención:",
        "Puntos para la conversación",
        "Medicamentos",
        "Encuentre atención cerca de usted",
        "Cambiar respuestas",
    ] {
        assert!(r.body.contains(spanish), "{spanish}");
    }
    for english in [
        "Assessment result",
        "Talking points",
        "Change answers",
        "Safety notes",
    ] {
        assert!(!r.body.contains(english), "no {english}");
    }
    // The items' Spanish titles, linked in Spanish.
    let title = &app
        .state
        .library
        .translation("buprenorphine", Lang::Es)
        .expect("buprenorphine is translated")
        .title;
    assert!(
        r.body.contains(&format!(
            "<a href=\"/es/treatments/buprenorphine\">{}</a>",
            html_escape(title)
        )),
        "{title}"
    );
    // What to ask next, in Spanish and worded about him (his sister is on the line).
    let record = app.get(&format!("/api/v1/assessments/{id}")).await.json();
    let missing = record["result"]["missing"].as_array().unwrap();
    assert!(!missing.is_empty(), "something is left to ask");
    let ask = &r.body[r.body.find("class=\"ask-next\"").unwrap()..];
    let ask = &ask[..ask.find("</section>").unwrap()];
    for name in missing {
        let field = match Field::from_name(name.as_str().unwrap()).unwrap() {
            Field::Dsm5Criteria => Field::Dsm5Checklist,
            f => f,
        };
        let q = question(field);
        let expected = format!(
            "<strong>{}</strong> — “{}”",
            html_escape(&q.label_in(Lang::Es)),
            html_escape(&q.say_about_in(Lang::Es))
        );
        assert!(ask.contains(&expected), "{expected} in {ask}");
    }
    // The summary sheet in Spanish, and in English for the chart.
    assert!(
        r.body
            .contains(&format!("href=\"/es/assessments/{id}/summary\""))
    );
    assert!(r.body.contains(&format!(
        "href=\"/es/assessments/{id}/summary?lang=en\" hreflang=\"en\""
    )));
    assert!(
        r.body
            .contains(&format!("href=\"/es/assessments/{id}/change\""))
    );
    assert!(r.body.contains("href=\"/es/find-care?country=us\""));
    links_stay_in_spanish(&r.body, "result");

    // The same result in English, at its English address.
    let en = app.get(&format!("/assessments/{id}")).await;
    assert!(en.body.contains("<html lang=\"en\""));
    assert_eq!(h1(&en.body), "Assessment result");

    // Change answers, in Spanish: every answer filled in, sent back to /es.
    let change = app.get(&format!("/es/assessments/{id}/change")).await;
    assert_eq!(change.status, StatusCode::OK);
    assert!(change.body.contains("<html lang=\"es\""));
    assert!(change.body.contains("Está cambiando las respuestas"));
    assert!(change.body.contains("action=\"/es/assessment\""));
    assert!(
        change
            .body
            .contains("name=\"declined_medications\" value=\"methadone\" checked")
    );
    links_stay_in_spanish(&change.body, "change");
}

#[tokio::test]
async fn the_summary_sheet_is_in_the_language_asked_for() {
    let app = TestApp::new().await;
    let id = saved_in_spanish(&app).await;

    // From the Spanish result, in English for the chart.
    let en = app
        .get(&format!("/es/assessments/{id}/summary?lang=en"))
        .await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("<html lang=\"en\""));
    assert_eq!(h1(&en.body), "Treatment Navigator: assessment summary");
    for needle in [
        "Overdoses, past year</dt><dd>One",
        "Information from</dt><dd>A family member or friend",
        "Smokes</dt><dd>Yes",
        "Clinician notes",
        "Rules that decided this result",
    ] {
        assert!(en.body.contains(needle), "English sheet: {needle}");
    }
    assert!(
        !en.body.contains("Sobredosis"),
        "no Spanish on the English sheet"
    );
    // Back to the Spanish result; the switch to each language, marked.
    assert!(en.body.contains(&format!("href=\"/es/assessments/{id}\"")));
    assert!(en.body.contains(&format!(
        "href=\"/es/assessments/{id}/summary?lang=es\" hreflang=\"es\" lang=\"es\">Español</a>"
    )));
    assert!(en.body.contains(&format!(
        "href=\"/es/assessments/{id}/summary?lang=en\" hreflang=\"en\" lang=\"en\" aria-current=\"page\">English</a>"
    )));
    assert!(
        en.body.contains("class=\"screen-only sheet-languages\""),
        "the switch is not printed"
    );

    for path in [
        format!("/es/assessments/{id}/summary"),
        format!("/es/assessments/{id}/summary?lang=es"),
        format!("/assessments/{id}/summary?lang=es"),
        format!("/es/assessments/{id}/summary?lang=fr"),
    ] {
        let es = app.get(&path).await;
        assert_eq!(es.status, StatusCode::OK, "{path}");
        assert!(es.body.contains("<html lang=\"es\""), "{path}");
        assert_eq!(
            h1(&es.body),
            "Treatment Navigator: resumen del cuestionario",
            "{path}"
        );
        for needle in [
            "Sobredosis, último año</dt><dd>Una",
            "Información dada por</dt><dd>Un familiar o una amistad",
            "Fuma</dt><dd>Sí",
            "Notas del profesional de la salud",
        ] {
            assert!(es.body.contains(needle), "{path}: {needle}");
        }
        assert!(!es.body.contains("Clinician notes"), "{path}");
    }
    let plain = app.get(&format!("/assessments/{id}/summary")).await;
    assert!(
        plain.body.contains("<html lang=\"en\""),
        "the path's language by default"
    );
    assert!(plain.body.contains(&format!("href=\"/assessments/{id}\"")));
}

#[tokio::test]
async fn a_wrong_answer_is_named_in_spanish() {
    let app = TestApp::new().await;
    let r = app
        .request(post_form(
            "/es/assessment",
            &[("days_since_last_use", "40000"), ("frequency", "weekly")],
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("<html lang=\"es\""));
    assert!(
        r.body.contains("Revise esta respuesta</h2>"),
        "one answer to check"
    );
    let label = html_escape(&question(Field::DaysSinceLastUse).label_in(Lang::Es));
    assert!(
        r.body.contains(&format!(
            "<a href=\"#q-days_since_last_use\">{label}</a>: debe ser un número entero de 0 a 36500</li>"
        )),
        "the summary names the question in Spanish"
    );
    assert!(
        r.body
            .contains("<strong>Revise esta respuesta:</strong> debe ser un número entero")
    );
    assert!(
        r.body
            .contains("name=\"frequency\" value=\"weekly\" checked"),
        "kept"
    );
    assert!(!r.body.contains("must be"), "no English error");

    // Across fields, and two at once.
    let r = app
        .request(post_form(
            "/es/assessment",
            &[("province", "on"), ("country", "us"), ("housing", "castle")],
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Revise estas respuestas</h2>"));
    assert!(
        r.body
            .contains(">Provincia o territorio (Canadá)</a>: es solo para Canadá")
    );
    assert!(
        r.body
            .contains(">Vivienda</a>: elija una de las respuestas que se ofrecen")
    );

    // The English form keeps the API's English words.
    let r = app
        .request(post_form(
            "/assessment",
            &[("days_since_last_use", "40000")],
        ))
        .await;
    assert!(r.body.contains(
        ">Days since non-prescribed opioids were last used</a>: must be a whole number from 0 to 36500</li>"
    ));
}

/// Rows saved by the release of 2026-11-30 (format 1, no talking points stored).
const FORMAT_1: &str = include_str!("fixtures/assessments-format-1.json");

#[tokio::test]
async fn talking_points_of_a_format_1_result_are_worded_in_spanish() {
    let fixtures: Value = serde_json::from_str(FORMAT_1).unwrap();
    let row = &fixtures["assessments"][0];
    let app = TestApp::with_config(|config| config.retention_days = 3650).await;
    app.store_format_1(row).await;
    let id = row["id"].as_str().unwrap();
    let en = app.get(&format!("/assessments/{id}")).await;
    assert!(
        en.body
            .contains("Please keep naloxone, also called Narcan, at home")
    );
    let es = app.get(&format!("/es/assessments/{id}")).await;
    assert_eq!(es.status, StatusCode::OK);
    let points = &es.body[es.body.find("class=\"talking-points\"").unwrap()..];
    let points = &points[..points.find("</section>").unwrap()];
    assert!(
        points.contains("Por favor, tenga naloxona (también llamada Narcan) en casa"),
        "{points}"
    );
    assert!(points.contains("llame al 911 de inmediato"), "{points}");
    assert!(!points.contains("naloxone"), "{points}");
}

/// The message ids of a Fluent file (its lines `id = …`).
fn ids_in(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut ids: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_page_words_exist_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for file in ["assessment.ftl", "questionnaire.ftl"] {
        let en = ids_in(&root.join("en").join(file));
        let es = ids_in(&root.join("es").join(file));
        assert!(en.len() > 50, "{file}: {} ids", en.len());
        assert_eq!(en, es, "{file}: the same ids in English and Spanish");
        // Each message without arguments loads in both languages (one Fluent syntax
        // error drops a message silently); those with arguments load on the pages.
        let sources: Vec<String> = ["en", "es"]
            .iter()
            .map(|lang| std::fs::read_to_string(root.join(lang).join(file)).unwrap())
            .collect();
        let plain = |id: &String| {
            !sources.iter().any(|source| {
                source
                    .split(&format!("\n{id} ="))
                    .nth(1)
                    .is_some_and(|rest| rest.lines().next().unwrap_or("").contains('$'))
            })
        };
        for id in es.iter().filter(|id| plain(id)) {
            for lang in [Lang::En, Lang::Es] {
                let text = i18n::text_if_any(lang, id);
                assert!(text.is_some(), "{file}: {id} does not load in {lang:?}");
            }
        }
    }
}
