//! The help pages in Spanish: helplines, find care, the COWS tool, the rules page and
//! the error pages, under `/es`, and the COWS table's catalogue.

mod common;

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use common::{TestApp, h1};
use http_body_util::BodyExt;
use tower::ServiceExt;
use treatment_navigator::assessment::cows::{self, Item};
use treatment_navigator::i18n::{self, Lang};
use treatment_navigator::web::error::{ApiError, AppError, in_page_language};

/// What a browser shows for an attribute's or a text's escaped characters.
fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// The value of the first `attribute="…"` after `from` in `body`.
fn attribute<'a>(body: &'a str, from: &str, attribute: &str) -> &'a str {
    let start = body.find(from).unwrap_or_else(|| panic!("no {from}"));
    let rest = &body[start..];
    let key = format!("{attribute}=\"");
    let at = rest
        .find(&key)
        .unwrap_or_else(|| panic!("no {attribute} after {from}"))
        + key.len();
    let end = rest[at..].find('"').unwrap() + at;
    &rest[at..end]
}

fn at(body: &str, needle: &str) -> usize {
    body.find(needle)
        .unwrap_or_else(|| panic!("page lacks {needle:?}"))
}

/// Every link and form on a Spanish page stays in Spanish: site paths under `/es`,
/// except the static files and the links that name English (`hreflang="en"`: the
/// alternate and the language switch); other sites, `tel:`, `sms:` and anchors as
/// they are.
fn assert_links_stay_spanish(path: &str, body: &str) {
    for (i, _) in body.match_indices('<') {
        let tag_end = i + body[i..].find('>').unwrap_or(body.len() - i);
        let tag = &body[i..tag_end];
        if tag.contains("hreflang=\"en\"") {
            continue;
        }
        for attr in ["href=\"", "action=\""] {
            let Some(start) = tag.find(attr) else {
                continue;
            };
            let value = &tag[start + attr.len()..];
            let value = &value[..value.find('"').unwrap()];
            let fine = value.starts_with("/es/")
                || value == "/es"
                || value.starts_with("/static/")
                || value.starts_with('#')
                || value.starts_with("tel:")
                || value.starts_with("sms:")
                || value.starts_with("https://")
                || value.starts_with("http://");
            assert!(fine, "{path}: {tag}");
        }
    }
}

#[tokio::test]
async fn each_spanish_help_page_is_in_spanish_and_links_stay_in_spanish() {
    let app = TestApp::new().await;
    for (path, heading) in [
        ("/es/helplines", "Líneas de ayuda"),
        ("/es/helplines?province=bc", "Líneas de ayuda"),
        ("/es/find-care", "Encontrar atención cerca de usted"),
        (
            "/es/find-care?country=ca&province=on",
            "Encontrar atención cerca de usted",
        ),
        (
            "/es/find-care?province=nu",
            "Encontrar atención cerca de usted",
        ),
        (
            "/es/tools/cows",
            "Escala Clínica de Abstinencia de Opiáceos (COWS)",
        ),
        ("/es/rules", "Cómo se deciden las sugerencias"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("<html lang=\"es\">"), "{path}");
        assert_eq!(h1(&page.body), heading, "{path}");
        assert_links_stay_spanish(path, &page.body);
        // The English page is another page, with its own heading.
        let english = app.get(path.trim_start_matches("/es")).await;
        assert!(english.body.contains("<html lang=\"en\">"), "{path}");
        assert_ne!(h1(&english.body), heading, "{path}");
    }
}

#[tokio::test]
async fn spanish_helplines_say_how_to_reach_each_line_in_spanish() {
    let app = TestApp::new().await;
    let page = app.get("/es/helplines").await;
    let body = &page.body;
    // 988: press 2; SAMHSA: answered in Spanish; each with its source.
    let lifeline = at(body, "id=\"line-988-lifeline\"");
    assert!(body[lifeline..].contains("Llame al 988 y marque 2 para hablar en español"));
    let samhsa = at(body, "id=\"line-samhsa-national-helpline\"");
    let samhsa_item = &body[samhsa..samhsa + at(&body[samhsa..], "</li>")];
    assert!(samhsa_item.contains("Atiende en español:"), "{samhsa_item}");
    assert!(samhsa_item.contains("El servicio se ofrece en inglés y en español"));
    assert!(samhsa_item.contains("https://www.samhsa.gov/find-help/national-helpline"));
    assert!(
        samhsa_item.contains("href=\"tel:+18006624357\""),
        "tel: as in English"
    );
    // The lines that answer in Spanish come first, linked to their entries; only the
    // lines whose data names Spanish are listed (988 and SAMHSA).
    let summary = &body[at(body, "id=\"speaking-lines\"")..at(body, "class=\"place-chooser\"")];
    assert!(summary.contains("href=\"#line-988-lifeline\""), "{summary}");
    assert!(summary.contains("href=\"#line-samhsa-national-helpline\""));
    let spanish_lines = app
        .state
        .library
        .helplines()
        .iter()
        .filter(|h| h.languages.iter().any(|l| l.starts_with("Spanish")))
        .count();
    assert_eq!(spanish_lines, 2);
    assert_eq!(summary.matches("<li>").count(), spanish_lines);
    assert_eq!(body.matches("helpline-speaks").count(), spanish_lines);
    // A line with no Spanish service says so plainly, and is not said to speak it.
    let alberta = at(body, "<h5>Alberta Addiction Helpline</h5>");
    let alberta_item = &body[alberta..alberta + at(&body[alberta..], "</li>")];
    assert!(alberta_item.contains("En español:</strong> Esta línea atiende en inglés. No encontramos información de que ofrezca atención en español."), "{alberta_item}");
    assert!(!alberta_item.contains("Atiende en español"));
    // Hours, purpose and languages from the translation; places in Spanish.
    assert!(body.contains("Las 24 horas del día, los 7 días de la semana"));
    assert!(body.contains("<h2 id=\"ca\">Canadá</h2>"));
    assert!(body.contains("<h4 id=\"ca-bc\">Columbia Británica</h4>"));
    assert!(body.contains("<dt>Horario</dt>") && body.contains("<dt>Llamar</dt>"));
    assert!(body.contains("href=\"tel:988\""));
    assert!(
        !body.contains("<dd>24 hours a day"),
        "no English hours left"
    );

    // A province first, in Spanish words, with its own line.
    let ontario = app.get("/es/helplines?province=on").await.body;
    let first = at(&ontario, "Líneas para quienes viven en Ontario.");
    assert!(
        first
            < at(
                &ontario,
                "<h3 id=\"ca-national\" class=\"group-heading\">Para todo Canadá</h3>"
            )
    );
    assert!(ontario.contains("<option value=\"on\" selected>Ontario</option>"));
    assert!(ontario.contains("href=\"/es/find-care?country=ca&amp;province=on\""));
    let nunavut = app.get("/es/helplines?province=nu").await.body;
    assert!(nunavut.contains("Todavía no tenemos aquí una línea propia de Nunavut."));
}

#[tokio::test]
async fn spanish_find_care_keeps_the_filter_names_and_says_what_they_find() {
    let app = TestApp::new().await;
    let body = app.get("/es/find-care").await.body;
    assert!(body.contains("<strong lang=\"en\">Spanish</strong>: personal que habla español"));
    assert!(body.contains("<strong lang=\"en\">Opioid treatment program</strong>: las clínicas que pueden dar metadona"));
    assert!(
        body.contains("Los filtros se nombran como en la versión en inglés de FindTreatment.gov.")
    );
    assert!(body.contains("href=\"/es/treatments/questions-to-ask-a-program\""));
    assert!(body.contains("<h3 id=\"care-bc\">Columbia Británica</h3>"));
    // Provinces in the order of their Spanish names.
    assert!(at(&body, "id=\"care-bc\"") < at(&body, "id=\"care-ns\""));
    assert!(at(&body, "id=\"care-ns\"") < at(&body, "id=\"care-nb\""));
    assert!(at(&body, "id=\"care-nb\"") < at(&body, "id=\"care-on\""));
    // Each Canadian line says how to reach it in Spanish.
    let bc = &body[at(&body, "id=\"care-bc\"")..at(&body, "id=\"care-ns\"")];
    assert!(bc.contains("pida un intérprete de español"), "{bc}");
    let nunavut = app.get("/es/find-care?province=nu").await.body;
    assert!(nunavut.contains(
        "Todavía no tenemos aquí una línea propia de Nunavut: llame al 811 (vea más abajo) o a una de las líneas para todo Canadá que están en <a href=\"/es/helplines#ca\">Líneas de ayuda</a>."
    ));
    // English keeps the English.
    let english = app.get("/find-care").await.body;
    assert!(!english.contains("lang=\"en\">Spanish"));
    assert!(english.contains("<strong>Spanish</strong>: staff who speak Spanish"));
}

/// The eleven items rated, as the form sends them.
fn cows_query(points: impl Fn(Item) -> u8) -> String {
    Item::ALL
        .iter()
        .map(|i| format!("{}={}", i.key(), points(*i)))
        .collect::<Vec<_>>()
        .join("&")
}

#[tokio::test]
async fn the_spanish_cows_tool_scores_the_same_form_the_same_way() {
    let app = TestApp::new().await;
    // 13: moderate withdrawal.
    let ratings = |item: Item| match item {
        Item::Pulse => 2,
        Item::Sweating => 1,
        Item::Restlessness => 3,
        Item::Pupils => 1,
        Item::Aches => 2,
        Item::GiUpset => 2,
        Item::Yawning => 2,
        _ => 0,
    };
    let query = cows_query(ratings);
    let english = app.get(&format!("/tools/cows?{query}")).await;
    let spanish = app.get(&format!("/es/tools/cows?{query}")).await;
    assert_eq!(english.status, StatusCode::OK);
    assert_eq!(spanish.status, StatusCode::OK);
    assert!(
        english
            .body
            .contains("<h2 id=\"cows-total\">Total: 13 of 48</h2>")
    );
    assert!(
        spanish
            .body
            .contains("<h2 id=\"cows-total\">Total: 13 de 48</h2>")
    );
    assert!(
        spanish
            .body
            .contains("<p class=\"cows-band\">Abstinencia moderada (13–24).</p>")
    );
    assert!(
        spanish
            .body
            .contains("href=\"/es/assessment?cows_score=13\"")
    );
    assert!(spanish.body.contains("action=\"/es/tools/cows\""));
    // Item names, how to rate, ratings and bands in Spanish.
    for text in [
        "Frecuencia del pulso en reposo",
        "Latidos por minuto",
        "Más de 120",
        "Piel de gallina marcada (piloerección)",
        "<strong>Menos de 5</strong>: sin abstinencia activa",
        "<strong>Más de 36</strong>: abstinencia grave",
        "<button type=\"submit\">Calcular el total</button>",
    ] {
        assert!(spanish.body.contains(text), "/es/tools/cows lacks {text}");
    }
    assert!(!spanish.body.contains("Resting pulse rate"));

    // Items left and refused values, in Spanish.
    let partial: String = cows_query(ratings)
        .split('&')
        .take(9)
        .collect::<Vec<_>>()
        .join("&");
    let page = app.get(&format!("/es/tools/cows?{partial}")).await;
    assert!(
        page.body
            .contains("Falta calificar: Ansiedad o irritabilidad, Piel de gallina."),
        "{}",
        page.body
    );
    let refused = app.get(&format!("/es/tools/cows?{query}&pulse=3")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("«3» no es una calificación de este ítem. Elija entre 0, 1, 2, 4.")
    );
    assert!(refused.body.contains("Revise este ítem"));
}

#[tokio::test]
async fn the_running_total_reads_its_words_from_the_page() {
    let app = TestApp::new().await;
    for (path, eleven_left, one_left, moderate) in [
        (
            "/tools/cows",
            "Running total: {total} so far, 11 items still to rate.",
            "Running total: {total} so far, 1 item still to rate.",
            "Running total: {total} of 48, moderate withdrawal. Press \"Score it\" to keep it.",
        ),
        (
            "/es/tools/cows",
            "Suma actual: {total} hasta ahora; faltan por calificar 11 ítems.",
            "Suma actual: {total} hasta ahora; falta por calificar 1 ítem.",
            "Suma actual: {total} de 48, abstinencia moderada. Pulse «Calcular el total» para conservarlo.",
        ),
    ] {
        let body = app.get(path).await.body;
        let running: Vec<String> = serde_json::from_str(&unescape(attribute(
            &body,
            "id=\"cows-live\"",
            "data-running",
        )))
        .unwrap();
        assert_eq!(running.len(), Item::ALL.len(), "{path}");
        assert_eq!(running[0], one_left, "{path}");
        assert_eq!(running[10], eleven_left, "{path}");
        assert_eq!(
            unescape(attribute(
                &body,
                "data-band-min=\"13\"",
                "data-band-running"
            )),
            moderate,
            "{path}"
        );
    }
    let js = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/cows.js"))
        .unwrap();
    assert!(
        !js.contains("Running total"),
        "the script has no words of its own"
    );
}

#[tokio::test]
async fn the_spanish_rules_page_keeps_the_rules_in_english_and_says_so() {
    let app = TestApp::new().await;
    let body = app.get("/es/rules").await.body;
    assert!(body.contains("Las reglas de abajo están escritas en inglés, el idioma en que las revisan los profesionales de la salud."));
    assert!(body.contains("<h2 id=\"severity\">Gravedad</h2>"));
    assert!(body.contains("<span class=\"rule-label\">Cuándo:</span> <span lang=\"en\">"));
    assert!(body.contains("<h2 id=\"sources\">Fuentes</h2>"));
    for id in treatment_navigator::assessment::rules::ids() {
        assert!(body.contains(&format!("<li id=\"{id}\"")), "{id}");
    }
    let english = app.get("/rules").await.body;
    assert!(!english.contains("<span lang=\"en\">") && !english.contains("written in English"));
}

#[tokio::test]
async fn a_missing_page_under_es_is_a_spanish_404() {
    let app = TestApp::new().await;
    for path in ["/es/no-such-page", "/es/no/such/page?x=1"] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("<html lang=\"es\">"), "{path}");
        assert_eq!(h1(&page.body), "No encontramos esa página");
        assert!(page.body.contains("Error 404"));
        assert!(
            page.body
                .contains("<a href=\"/es/helplines\">Buscar una línea de ayuda</a>")
        );
        assert_links_stay_spanish(path, &page.body);
    }
    // The English 404 is as it was, and offers no Spanish page that does not exist.
    let english = app
        .request(
            Request::get("/no-such-page")
                .header("accept-language", "es-MX,es")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(english.status, StatusCode::NOT_FOUND);
    assert_eq!(h1(&english.body), "We could not find that page");
    assert!(!english.body.contains("class=\"lang-offer\""));
    // The API's errors stay JSON, in English.
    let api = app.get("/api/v1/no-such-route").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert!(api.header("content-type").starts_with("application/json"));
}

#[tokio::test]
async fn a_request_refused_before_the_handlers_is_answered_in_its_paths_language() {
    let app = TestApp::new().await;
    let page = app
        .request(
            Request::get("/es/helplines")
                .header("host", "evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("<html lang=\"es\">"));
    assert_eq!(h1(&page.body), "No pudimos leer esa solicitud");
    let english = app
        .request(
            Request::get("/helplines")
                .header("host", "evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(h1(&english.body), "We could not read that request");
    assert!(
        english.body.contains("--public-host"),
        "the English reason as given"
    );
}

async fn body_of(router: &Router, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn errors_from_handlers_are_made_again_in_the_paths_language() {
    let routes = || {
        Router::new()
            .route("/missing", get(|| async { AppError::NotFound }))
            .route("/busy", get(|| async { AppError::Overloaded }))
            .route("/api", get(|| async { ApiError::from(AppError::NotFound) }))
    };
    let router = routes()
        .nest("/es", routes())
        .layer(axum::middleware::from_fn(in_page_language));

    let (status, _, body) = body_of(&router, "/es/missing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("<html lang=\"es\">"));
    assert_eq!(h1(&body), "No encontramos esa página");
    assert!(
        body.contains("hreflang=\"es\" href=\"/es/missing\""),
        "the alternates are this page's"
    );
    assert!(
        body.contains("<a href=\"/missing\" hreflang=\"en\""),
        "the switch to English"
    );

    let (_, _, body) = body_of(&router, "/missing").await;
    assert_eq!(h1(&body), "We could not find that page");

    let (status, headers, body) = body_of(&router, "/es/busy").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(h1(&body), "Ahora estamos muy ocupados");
    assert!(headers.contains_key("retry-after"));

    // JSON is never touched.
    let (_, headers, body) = body_of(&router, "/es/api").await;
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert!(body.contains("not found"));
}

#[test]
fn the_cows_catalogue_is_exported_from_the_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/cows.ftl");
    let exported = i18n::export_ftl(
        "The Clinical Opiate Withdrawal Scale (COWS): its items, ratings and bands,\nfrom the table in src/assessment/cows.rs.",
        &cows::messages(),
    );
    if std::env::var_os("UPDATE_CATALOGUES").is_some() {
        std::fs::write(&path, &exported).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == exported,
        "locales/en/cows.ftl is not the table's export: run `UPDATE_CATALOGUES=1 cargo test --test es_help`"
    );
}

#[test]
fn every_cows_text_has_its_spanish_and_no_other() {
    let messages = cows::messages();
    let ids: Vec<&str> = messages.iter().map(|(id, _)| id.as_str()).collect();
    for (id, english) in &messages {
        let spanish = i18n::text_if_any(Lang::Es, id);
        assert!(
            spanish.is_some(),
            "{id} has no Spanish in locales/es/cows.ftl"
        );
        // The English page reads the table itself.
        assert_eq!(i18n::translated(Lang::En, id, english), *english);
    }
    // Every Spanish id is one the table exports: nothing left from a removed rating.
    let spanish =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/es/cows.ftl"))
            .unwrap();
    for line in spanish.lines() {
        if let Some((id, _)) = line.split_once(" = ") {
            assert!(ids.contains(&id.trim()), "{id} is not in the table");
        }
    }
    // The names and the band words are translated, not copied.
    for item in Item::ALL {
        assert_ne!(item.name_in(Lang::Es), item.name(), "{item:?}");
    }
    assert_eq!(
        cows::Band::Moderate.label_in(Lang::Es),
        "abstinencia moderada"
    );
    assert_eq!(cows::Band::None.range_in(Lang::Es), "menos de 5");
}
