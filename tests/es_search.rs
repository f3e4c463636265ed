//! Search in Spanish (`/es/search`): the Spanish items, found with or without accents,
//! misspelt or by their everyday and brand names, shown in Spanish under `/es`.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use treatment_navigator::content::SynonymTarget;
use treatment_navigator::store::search::spanish_synonyms;

/// A query as a browser sends it in a URL.
fn encode(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The slugs of the results on a Spanish page, best first.
fn result_slugs(body: &str) -> Vec<&str> {
    body.split("class=\"result-title\"><a href=\"/es/treatments/")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

/// The first result, from its title to the end of its snippet.
fn first_result(body: &str) -> Option<&str> {
    let at = body.find("class=\"result-title\"")?;
    let rest = &body[at..];
    Some(&rest[..rest.find("</li>").unwrap()])
}

/// The link to finding care that a "cerca de mí" search puts above the results.
const FIND_CARE_LINK: &str = "<a href=\"/es/find-care\">Encontrar tratamiento cerca de usted</a>";

/// What a query must bring up first.
enum First {
    /// This item.
    Item(&'static str),
    /// An item whose snippet highlights a word starting so (for words many items use).
    Mentioning(&'static str),
    /// The link to /es/find-care, above any results.
    FindCare,
}

#[tokio::test]
async fn spanish_queries_with_or_without_accents_and_misspelt_find_the_right_item_first() {
    let app = TestApp::new().await;
    let table = [
        // Accents or none, capitals or none.
        ("adicción", First::Mentioning("adicci")),
        ("adiccion", First::Mentioning("adicci")),
        ("ADICCIONES", First::Mentioning("adicci")),
        ("metadona", First::Item("methadone")),
        ("Metadona", First::Item("methadone")),
        ("metadóna", First::Item("methadone")),
        ("buprenorfina", First::Item("buprenorphine")),
        ("sobredosis", First::Item("overdose-response")),
        ("ayuda", First::Mentioning("ayuda")),
        ("naloxona", First::Item("naloxone")),
        ("nalóxona", First::Item("naloxone")),
        ("abstinencia", First::Item("withdrawal-symptoms")),
        ("embarazo", First::Item("pregnancy")),
        ("embarazada", First::Item("pregnancy")),
        ("desintoxicación", First::Item("medical-detox")),
        ("desintoxicacion", First::Item("medical-detox")),
        ("cárcel", First::Item("leaving-jail-or-prison")),
        ("carcel", First::Item("leaving-jail-or-prison")),
        ("heroina", First::Mentioning("heroína")),
        // Plurals find singulars.
        ("opioides", First::Mentioning("opioide")),
        // Misspellings: read as the nearest word the Spanish items use.
        ("metadone", First::Item("methadone")),
        ("metadonna", First::Item("methadone")),
        ("bupenorfina", First::Item("buprenorphine")),
        ("buprenorfna", First::Item("buprenorphine")),
        ("naloxna", First::Item("naloxone")),
        ("abstinensia", First::Item("withdrawal-symptoms")),
        ("fentanil", First::Mentioning("fentanilo")),
        ("fentanyl", First::Mentioning("fentanilo")),
        ("sobre dosis", First::Item("overdose-response")),
        // Brand names, English names and everyday words (src/store/search-synonyms-es.toml).
        ("suboxone", First::Item("buprenorphine-naloxone")),
        ("suboxona", First::Item("buprenorphine-naloxone")),
        ("narcan", First::Item("naloxone")),
        ("methadone", First::Item("methadone")),
        ("vivitrol", First::Item("extended-release-naltrexone")),
        ("sublocade", First::Item("extended-release-buprenorphine")),
        ("xanax", First::Item("mixing-sedatives")),
        ("benzodiacepinas", First::Item("mixing-sedatives")),
        ("malilla", First::Item("withdrawal-symptoms")),
        ("opiáceos", First::Mentioning("opioide")),
        ("rehabilitación", First::Item("inpatient-residential")),
        ("casa sobria", First::Item("sober-living")),
        ("mi hijo", First::Item("supporting-a-loved-one")),
        ("xilacina", First::Item("adulterants")),
        ("tiras de prueba", First::Item("harm-reduction")),
        (
            "abstinencia precipitada",
            First::Item("starting-buprenorphine-after-fentanyl"),
        ),
        ("aseguranza", First::Item("paying-for-treatment")),
        // Overdose: what to do first, however it is asked.
        (
            "¿Qué hacer en una sobredosis?",
            First::Item("overdose-response"),
        ),
        ("no respira", First::Item("overdose-response")),
        // Finding care near you: a link to /es/find-care above everything.
        ("cerca de mí", First::FindCare),
        ("cerca de mi", First::FindCare),
        ("dónde encontrar tratamiento", First::FindCare),
        ("clínica de metadona cerca de mí", First::FindCare),
        // Words as the items write them.
        ("lofexidina", First::Item("lofexidine")),
        (
            "tratamiento residencial",
            First::Item("inpatient-residential"),
        ),
        ("oxona", First::Mentioning("oxona")),
    ];
    let mut failures = Vec::new();
    for (query, first) in table {
        let page = app.get(&format!("/es/search?q={}", encode(query))).await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        let slugs = result_slugs(&page.body);
        let ok = match first {
            First::Item(slug) => slugs.first() == Some(&slug),
            First::Mentioning(word) => first_result(&page.body)
                .is_some_and(|first| first.to_lowercase().contains(&format!("<mark>{word}"))),
            First::FindCare => page.body.find(FIND_CARE_LINK).is_some_and(|link| {
                page.body
                    .find("class=\"results\"")
                    .is_none_or(|results| link < results)
            }),
        };
        if !ok {
            failures.push(format!("{query:?}: {:?}", &slugs[..slugs.len().min(5)]));
        }
    }
    assert!(
        failures.is_empty(),
        "wrong first results:\n{}",
        failures.join("\n")
    );

    // With other words, those are searched under the link.
    let page = app
        .get("/es/search?q=cl%C3%ADnica+de+metadona+cerca+de+m%C3%AD")
        .await;
    assert_eq!(result_slugs(&page.body).first(), Some(&"methadone"));
    let page = app.get("/es/search?q=cerca+de+mi").await;
    assert!(result_slugs(&page.body).is_empty(), "a place, not items");
    assert!(!page.body.contains("No encontramos nada"));
}

#[tokio::test]
async fn the_spanish_page_is_in_spanish_with_spanish_titles_and_snippets() {
    let app = TestApp::new().await;
    let page = app.get("/es/search?q=metadona").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<html lang=\"es\""), "lang=\"es\"");
    assert!(page.body.contains("<h1>Buscar</h1>"));
    assert!(page.body.contains("<title>Búsqueda: metadona"));
    assert!(
        page.body
            .contains("<label for=\"search-q\">Buscar opciones de tratamiento</label>")
    );
    assert!(page.body.contains("action=\"/es/search\""));
    assert!(
        page.body.contains("resultados para “metadona”."),
        "count in Spanish"
    );
    assert!(page.body.contains(">Metadona</a></h2>"), "Spanish title");
    assert!(
        page.body
            .contains("<p class=\"muted small\">Medicamentos</p>"),
        "group in Spanish"
    );
    assert!(
        page.body.to_lowercase().contains("<mark>metadona</mark>"),
        "Spanish snippet"
    );
    assert!(!page.body.contains(">Methadone</a>"), "no English title");
    assert!(!page.body.contains("results for"), "no English count");

    // One result: the singular.
    let page = app.get("/es/search?q=lucemyra").await;
    assert_eq!(result_slugs(&page.body), ["lofexidine"]);
    assert!(page.body.contains("1 resultado para “lucemyra”."));

    // Typed without accents, shown with them.
    let page = app.get("/es/search?q=desintoxicacion").await;
    assert!(
        page.body.contains("<mark>desintoxicación</mark>")
            || page.body.contains("<mark>Desintoxicación</mark>")
    );
}

/// Every link on a Spanish page stays in Spanish, except the stylesheet and assets, phone
/// and text links, other sites, and the links to the English page (the switch and the
/// hreflang alternate).
fn links_leaving_spanish(body: &str) -> Vec<String> {
    let mut leaving = Vec::new();
    for (attribute, open) in [("href=\"", '<'), ("action=\"", '<')] {
        for (at, _) in body.match_indices(attribute) {
            let tag_start = body[..at].rfind(open).unwrap();
            let tag_end = at + body[at..].find('>').unwrap();
            let tag = &body[tag_start..tag_end];
            let rest = &body[at + attribute.len()..];
            let url = &rest[..rest.find('"').unwrap()];
            let fine = url.starts_with("/es/")
                || url == "/es"
                || url.starts_with("/static/")
                || url.starts_with("tel:")
                || url.starts_with("sms:")
                || url.starts_with("https://")
                || url.starts_with('#')
                || tag.contains("hreflang=\"en\"");
            if !fine {
                leaving.push(tag.to_string());
            }
        }
    }
    leaving
}

#[tokio::test]
async fn links_on_spanish_search_pages_stay_in_spanish() {
    let app = TestApp::new().await;
    for q in [
        "",
        "metadona",
        "cerca+de+mi",
        "xyzzyplugh",
        "sobredosis",
        "a".repeat(300).as_str(),
    ] {
        let page = app.get(&format!("/es/search?q={q}")).await;
        assert_eq!(page.status, StatusCode::OK, "q={q}");
        assert!(page.body.contains("<html lang=\"es\""), "q={q}");
        let leaving = links_leaving_spanish(&page.body);
        assert!(leaving.is_empty(), "q={q}: {leaving:#?}");
    }
    // The check can fail: the English page's links are English.
    let english = app.get("/search?q=methadone").await;
    assert!(!links_leaving_spanish(&english.body).is_empty());
}

#[tokio::test]
async fn empty_nothing_and_long_searches_are_answered_in_spanish() {
    let app = TestApp::new().await;
    let page = app.get("/es/search").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<title>Buscar"));
    assert!(page.body.contains(
        "Escriba una palabra, por ejemplo <a href=\"/es/search?q=metadona\">metadona</a>"
    ));
    for example in ["metadona", "embarazo", "familia"] {
        let found = app.get(&format!("/es/search?q={example}")).await;
        assert!(
            !result_slugs(&found.body).is_empty(),
            "the example {example} finds items"
        );
    }

    let page = app.get("/es/search?q=xyzzyplugh").await;
    assert!(result_slugs(&page.body).is_empty());
    assert!(page.body.contains(
        "No encontramos nada para “xyzzyplugh”. Pruebe con una palabra más corta o diferente, o <a href=\"/es/treatments\">vea todas las opciones</a>."
    ));
    assert!(!page.body.contains("Nothing matched"));

    // What was typed is shown as text, never as HTML.
    let page = app
        .get("/es/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert!(!page.body.contains("<script>alert"));
    let page = app.get("/es/search?q=%3Cb%3Exyzzyplugh%3C%2Fb%3E").await;
    assert!(
        page.body
            .contains("No encontramos nada para “&#60;b&#62;xyzzyplugh&#60;/b&#62;”."),
        "{}",
        &page.body[page.body.find("<main").unwrap_or(0)..]
    );

    let long = "a".repeat(1000);
    let page = app.get(&format!("/es/search?q={long}")).await;
    assert!(
        page.body
            .contains("Su búsqueda era larga. Solo usamos sus primeros 200 caracteres.")
    );
}

#[tokio::test]
async fn spanish_and_english_searches_are_kept_apart() {
    let app = TestApp::new().await;
    // The same query in both languages, each asked twice (the second from the cache).
    for _ in 0..2 {
        let english = app.get("/search?q=naloxone").await;
        assert!(english.body.contains("<html lang=\"en\""));
        assert_eq!(
            english
                .body
                .split("class=\"result-title\"><a href=\"/treatments/")
                .nth(1)
                .map(|r| &r[..r.find('"').unwrap()]),
            Some("naloxone")
        );
        assert!(english.body.contains("results for “naloxone”."));
        assert!(!english.body.contains("/es/treatments/"));

        let spanish = app.get("/es/search?q=naloxone").await;
        assert!(spanish.body.contains("<html lang=\"es\""));
        assert_eq!(result_slugs(&spanish.body).first(), Some(&"naloxone"));
        assert!(spanish.body.contains("resultados para “naloxone”."));
        assert!(
            spanish
                .body
                .contains(">Naloxona (Narcan): cómo revertir una sobredosis</a>")
        );
    }
    // English words typed into the English search still find English items only.
    let english = app.get("/search?q=overdose").await;
    assert!(
        english
            .body
            .contains("href=\"/treatments/overdose-response\"")
    );
    assert!(!english.body.contains("sobredosis"));
}

#[tokio::test]
async fn items_without_a_current_translation_are_found_in_english_with_a_note() {
    // The real content without the Spanish methadone item.
    let dir = common::copy_of_content();
    std::fs::remove_file(dir.path().join("es/medications/methadone.md")).unwrap();
    let app = TestApp::with_content(dir.path()).await.expect("imports");

    let page = app.get("/es/search?q=methadone").await;
    assert_eq!(result_slugs(&page.body).first(), Some(&"methadone"));
    let first = first_result(&page.body).unwrap();
    assert!(
        first.contains("href=\"/es/treatments/methadone\" lang=\"en\">Methadone</a>"),
        "{first}"
    );
    assert!(
        first.contains("Por ahora, esta página está solo en inglés."),
        "{first}"
    );
    // The others are still in Spanish, without the note.
    let page = app.get("/es/search?q=buprenorfina").await;
    let first = first_result(&page.body).unwrap();
    assert!(first.contains(">Buprenorfina</a>") && !first.contains("solo en inglés"));
}

#[tokio::test]
async fn spanish_synonyms_parse_and_name_real_items_and_pages() {
    let app = TestApp::new().await;
    let synonyms = spanish_synonyms().unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(synonyms.len() > 20);
    for synonym in &synonyms {
        match &synonym.target {
            SynonymTarget::Items(slugs) => {
                for slug in slugs {
                    assert!(app.state.library.get(slug).is_some(), "no item {slug}");
                }
            }
            SynonymTarget::Page { url, .. } => {
                let page = app.get(&format!("/es{url}")).await;
                assert_eq!(page.status, StatusCode::OK, "{url}");
            }
            SynonymTarget::Words(_) => {}
        }
    }
}

#[tokio::test]
async fn an_upgraded_database_gets_the_spanish_index() {
    // A database as the release before Spanish search left it: migrated to 0006, its
    // content imported from these same files.
    let dir = tempfile::tempdir().unwrap();
    let (config, pool) = common::database_at_migration(&dir, 6).await;
    pool.close().await;

    // The upgrade's migration forgets that import, so this start imports again and
    // fills the Spanish tables.
    let state = treatment_navigator::prepare(&config).await.unwrap();
    let app = TestApp {
        router: treatment_navigator::app(state.clone()),
        state,
        dir,
    };
    let page = app.get("/es/search?q=metadona").await;
    assert_eq!(result_slugs(&page.body).first(), Some(&"methadone"));
}
