//! The content pages in Spanish: home, treatment options, each item and the
//! comparison under `/es`, their words from the Spanish catalogue and the Spanish
//! content, and the English item with a note when its translation is missing or stale.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use axum::http::StatusCode;
use common::{TestApp, h1, html_escape};
use treatment_navigator::content::{Category, Evidence, Lang, TranslationState};
use treatment_navigator::i18n;
use treatment_navigator::web::treatments::ItemView;

/// The value of every `href`, `action` and `src` in a page, with the tag it sits in.
fn links(body: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for attr in [" href=\"", " action=\"", " src=\""] {
        let mut from = 0;
        while let Some(at) = body[from..].find(attr) {
            let start = from + at + attr.len();
            let end = start + body[start..].find('"').expect("attribute closes");
            let tag_start = body[..start].rfind('<').unwrap_or(0);
            let tag_end = start + body[start..].find('>').unwrap_or(0);
            found.push((
                body[start..end].to_string(),
                body[tag_start..=tag_end].to_string(),
            ));
            from = end;
        }
    }
    found
}

/// Links on a Spanish page that leave Spanish: anything of the site's own but
/// `/static/…`, other than the alternate and the switch to English.
fn links_leaving_spanish(body: &str) -> Vec<String> {
    links(body)
        .into_iter()
        .filter(|(href, tag)| {
            let own = href.starts_with('/') && !href.starts_with("//");
            own && !href.starts_with("/es/")
                && !href.starts_with("/static/")
                && !tag.contains("hreflang=\"en\"")
        })
        .map(|(href, _)| href)
        .collect()
}

/// The words of the English interface that must never show on a Spanish page.
const ENGLISH_UI: [&str; 12] = [
    "Who it may suit",
    "Things to weigh",
    "Treatment options",
    "Compare medications",
    "How it acts",
    "Main risks",
    "Reviewed",
    "Sources",
    "Related",
    "What you will find here",
    "Established evidence",
    "content version",
];

#[tokio::test]
async fn each_content_page_answers_in_spanish_with_links_that_stay_in_spanish() {
    let app = TestApp::new().await;
    let methadone = app
        .state
        .library
        .translation("methadone", Lang::Es)
        .expect("methadone in Spanish")
        .title
        .clone();
    assert_eq!(methadone, "Metadona");
    let cases = [
        (
            "/es/",
            "Encuentre el camino hacia el tratamiento de la adicción a los opioides".to_string(),
        ),
        ("/es/treatments", "Opciones de tratamiento".to_string()),
        ("/es/treatments/methadone", methadone),
        ("/es/compare", "Comparar medicamentos".to_string()),
        (
            "/es/compare?items=methadone,buprenorphine",
            "Comparar medicamentos".to_string(),
        ),
    ];
    for (path, heading) in cases {
        // The English page first: a kept English page must not answer for the Spanish.
        let english = app.get(&path[3..]).await;
        assert_eq!(english.status, StatusCode::OK, "{path} in English");
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("<html lang=\"es\">"), "{path}");
        assert_eq!(h1(&page.body), html_escape(&heading), "{path}");
        assert_eq!(
            links_leaving_spanish(&page.body),
            Vec::<String>::new(),
            "{path}: links out of Spanish"
        );
        for english in ENGLISH_UI {
            assert!(!page.body.contains(english), "{path} shows {english:?}");
        }
        assert!(
            page.body
                .contains("href=\"/es/treatments/overdose-response#what-to-do-right-now\""),
            "{path}: the emergency strip"
        );
    }
}

#[tokio::test]
async fn the_home_page_and_the_catalogue_speak_spanish() {
    let app = TestApp::new().await;
    let home = app.get("/es/").await;
    for needle in [
        "<title>Encuentre tratamiento para la adicción a los opioides · ",
        "Lo que encontrará aquí",
        "<a href=\"/es/treatments#medications\">Medicamentos</a>",
        "Abstinencia y desintoxicación",
        "Dé <a href=\"/es/treatments/naloxone\">naloxona</a> (Narcan)",
        "<a href=\"/es/treatments/overdose-risk-after-detox\">Lea por qué</a>",
        "<a href=\"/es/compare\">Compare lado a lado",
    ] {
        assert!(home.body.contains(needle), "home lacks {needle}");
    }

    let page = app.get("/es/treatments").await;
    let library = &app.state.library;
    for item in library.treatments() {
        let es = library
            .translation(&item.slug, Lang::Es)
            .expect("translated");
        assert!(
            page.body.contains(&format!(
                "<a href=\"/es/treatments/{}\">{}</a>",
                item.slug,
                html_escape(&es.title)
            )),
            "{} listed under its Spanish title",
            item.slug
        );
    }
    for category in Category::ALL {
        let heading = i18n::text(Lang::Es, &format!("category-{}", category.slug()));
        assert!(
            page.body.contains(&format!(
                "<h2 id=\"{}\">{}</h2>",
                category.slug(),
                html_escape(&heading)
            )),
            "{heading}"
        );
    }
    // The badges and the legend.
    for evidence in Evidence::ALL {
        let label = i18n::text(Lang::Es, &format!("evidence-{}", evidence.slug()));
        let meaning = i18n::text(
            Lang::Es,
            &format!("evidence-{}-explanation", evidence.slug()),
        );
        assert!(
            page.body
                .contains(&format!(">{}</span>", html_escape(&label)))
        );
        assert!(
            page.body
                .contains(&format!("<dd>{}</dd>", html_escape(&meaning)))
        );
    }
    assert!(page.body.contains("Evidencia sólida"));
}

#[tokio::test]
async fn an_item_in_spanish_has_its_translated_words_dates_and_related_items() {
    let app = TestApp::new().await;
    let library = &app.state.library;
    let es = library.translation("methadone", Lang::Es).unwrap();
    let page = app.get("/es/treatments/methadone").await;
    assert_eq!(page.status, StatusCode::OK);
    for needle in [
        "A quién le puede servir",
        "Qué considerar",
        "Efectos secundarios",
        "Precauciones",
        "Temas relacionados",
        "Fuentes",
        "versión del contenido",
        // The Canada part of the Spanish body, as a part.
        "country-note country-ca",
        "En Canadá",
        "<a href=\"/es/compare?items=methadone,methadone,buprenorphine,naltrexone\">Compare Metadona con otros medicamentos</a>",
        // A link inside the translated body leads to the Spanish page.
        "href=\"/es/treatments/slow-release-oral-morphine\"",
    ] {
        assert!(page.body.contains(needle), "methadone lacks {needle}");
    }
    assert!(page.body.contains(&html_escape(&es.summary)));
    assert!(page.body.contains(&html_escape(&es.cautions[0])));
    assert!(!page.body.contains("class=\"translation-note\""));
    // Only the sources are cited in English, as published.
    // (The other ` lang="en"` is the switch to English.)
    assert_eq!(page.body.matches(" lang=\"en\"").count(), 2);
    assert!(
        page.body
            .contains("<ul lang=\"en\">\n      <li><a href=\"https://")
    );

    // Related items under their Spanish titles.
    let item = library.get("methadone").unwrap();
    assert!(!item.related.is_empty());
    for slug in &item.related {
        let title = &library.translation(slug, Lang::Es).unwrap().title;
        assert!(
            page.body.contains(&format!(
                "<a href=\"/es/treatments/{slug}\">{}</a>",
                html_escape(title)
            )),
            "related {slug}"
        );
    }

    // The review date in Spanish words: "noviembre de 2026", "22 de noviembre de 2026".
    let (year, month, day) = {
        let mut p = item.reviewed.split('-');
        let y = p.next().unwrap().to_string();
        let m: usize = p.next().unwrap().parse().unwrap();
        let d: usize = p.next().unwrap().parse().unwrap();
        (y, m, d)
    };
    let months = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let month_year = format!("{} de {year}", months[month - 1]);
    assert!(
        page.body.contains(&format!(
            "Revisión: <time datetime=\"{}\">{month_year}</time>",
            item.reviewed
        )),
        "review month"
    );
    assert!(
        page.body.contains(&format!("el {day} de {month_year})")),
        "full review date"
    );
}

#[tokio::test]
async fn the_overdose_steps_keep_their_anchor_in_spanish() {
    let app = TestApp::new().await;
    let page = app.get("/es/treatments/overdose-response").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<h2 id=\"what-to-do-right-now\">Qué hacer ahora mismo</h2>"),
        "the Spanish steps under the English anchor"
    );
    // The Canada part is named by its heading, under its English id too.
    assert!(
        page.body
            .contains("aria-labelledby=\"in-canada\">\n<h2 id=\"in-canada\" class=\"country-label\">En Canadá</h2>")
    );
    // The steps still come first.
    let steps = page.body.find("Qué hacer ahora mismo").unwrap();
    assert!(steps < page.body.find("id=\"suits-heading\"").unwrap());
}

/// Every translation has the English item's headings at the same levels in the same
/// order, so each section keeps its English id in Spanish: a link to a section works
/// in both languages.
#[tokio::test]
async fn every_translated_item_keeps_the_english_section_ids() {
    let app = TestApp::new().await;
    let library = &app.state.library;
    let ids = |html: &str| -> Vec<String> {
        html.match_indices(" id=\"")
            .map(|(at, m)| {
                let start = at + m.len();
                html[start..start + html[start..].find('"').unwrap()].to_string()
            })
            .collect()
    };
    for item in library.treatments() {
        assert_eq!(
            library.translation_state(&item.slug, Lang::Es),
            TranslationState::Current,
            "{}",
            item.slug
        );
        let spanish = ItemView::new(library, item, Lang::Es).body_html();
        assert_eq!(ids(&spanish), ids(&item.body_html), "{}", item.slug);
    }
}

#[tokio::test]
async fn a_missing_or_stale_translation_shows_the_english_with_a_note_in_spanish() {
    let dir = common::copy_of_content();
    // Lofexidine is not translated; methadone's English changed after its translation.
    std::fs::remove_file(dir.path().join("es/medications/lofexidine.md")).unwrap();
    let methadone = dir.path().join("medications/methadone.md");
    let text = std::fs::read_to_string(&methadone).unwrap();
    let edited = text.replace(
        "Methadone is an opioid that",
        "Methadone is a medicine that",
    );
    assert_ne!(text, edited, "test bug: the edit changed nothing");
    std::fs::write(&methadone, edited).unwrap();
    let app = TestApp::with_content(dir.path()).await.unwrap();
    let library = &app.state.library;
    assert_eq!(
        library.translation_state("lofexidine", Lang::Es),
        TranslationState::Missing
    );
    assert_eq!(
        library.translation_state("methadone", Lang::Es),
        TranslationState::Stale
    );

    for (slug, note) in [
        (
            "lofexidine",
            "Esta página aún no está traducida al español; se muestra en inglés.",
        ),
        (
            "methadone",
            "La traducción de esta página se está actualizando; se muestra la versión en inglés.",
        ),
    ] {
        let item = library.get(slug).unwrap();
        let page = app.get(&format!("/es/treatments/{slug}")).await;
        assert_eq!(page.status, StatusCode::OK, "{slug}");
        assert!(page.body.contains("<html lang=\"es\">"), "{slug}");
        assert!(
            page.body.contains(&format!(
                "<p class=\"translation-note\" role=\"note\">{note}</p>"
            )),
            "{slug}: the note"
        );
        // The note comes before the English it is about.
        let note_at = page.body.find("translation-note").unwrap();
        assert!(note_at < page.body.find("<h1").unwrap(), "{slug}");
        // The English words, marked as English, in the Spanish interface.
        assert_eq!(h1(&page.body), html_escape(&item.title), "{slug}");
        assert!(page.body.contains("<h1 lang=\"en\">"), "{slug}");
        assert!(
            page.body.contains("<div class=\"prose\" lang=\"en\">"),
            "{slug}"
        );
        assert!(
            page.body.contains(&html_escape(&item.cautions[0])),
            "{slug}"
        );
        assert!(page.body.contains("A quién le puede servir"), "{slug}");
        for english in ["Who it may suit", "Things to weigh", "Reviewed"] {
            assert!(!page.body.contains(english), "{slug} shows {english:?}");
        }
        assert_eq!(
            links_leaving_spanish(&page.body),
            Vec::<String>::new(),
            "{slug}: links in the English body lead to Spanish pages"
        );
    }

    // Elsewhere the English title is marked as English, and the current translations
    // are still served.
    let list = app.get("/es/treatments").await;
    assert!(
        list.body.contains(
            "<h3 class=\"card-title\" lang=\"en\"><a href=\"/es/treatments/lofexidine\">"
        )
    );
    let naloxone = &library.translation("naloxone", Lang::Es).unwrap().title;
    assert!(
        list.body
            .contains(&format!(">{}</a>", html_escape(naloxone)))
    );
    let compare = app.get("/es/compare?items=methadone,naltrexone").await;
    assert!(compare.body.contains("lang=\"en\">Full opioid agonist"));
    assert!(compare.body.contains("Cómo actúa"));
    // An English page shows no note.
    let english = app.get("/treatments/lofexidine").await;
    assert!(!english.body.contains("class=\"translation-note\""));
    assert!(!english.body.contains("<h1 lang="));
    assert!(!english.body.contains("class=\"prose\" lang="));
}

#[tokio::test]
async fn the_comparison_in_spanish_has_spanish_rows_cells_and_notices() {
    let app = TestApp::new().await;
    let library = &app.state.library;
    let page = app.get("/es/compare").await;
    for label in [
        "Cómo actúa",
        "Cómo se toma",
        "Dónde se consigue",
        "Antes de empezar",
        "En el embarazo",
        "Riesgos principales",
        "Evidencia",
    ] {
        assert!(
            page.body
                .contains(&format!("<th scope=\"row\">{label}</th>")),
            "row {label}"
        );
    }
    for slug in ["methadone", "buprenorphine", "naltrexone"] {
        let es = library.translation(slug, Lang::Es).unwrap();
        let cells = es.compare.as_ref().expect("a comparison");
        assert!(page.body.contains(&format!(
            "<th scope=\"col\"><a href=\"/es/treatments/{slug}\">{}</a>",
            html_escape(&es.title)
        )));
        assert!(
            page.body.contains(&html_escape(&cells.action)),
            "{slug}: {}",
            cells.action
        );
        assert!(page.body.contains(&html_escape(&cells.risks)));
    }
    assert!(page.body.contains("action=\"/es/compare\""));
    assert!(
        page.body
            .contains("Comparación: Metadona, Buprenorfina, Naltrexona")
    );
    assert!(page.body.contains("Elija hasta cuatro medicamentos"));

    let page = app
        .get("/es/compare?items=methadone,unicorn-tears,%3Cscript%3E")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(
        "No tenemos medicamentos llamados \u{201c}unicorn-tears\u{201d}, \u{201c}&#60;script&#62;\u{201d}. Elija de la lista de abajo."
    ));
    let page = app.get("/es/compare?items=methadone,unicorn-tears").await;
    assert!(
        page.body
            .contains("No tenemos ningún medicamento llamado \u{201c}unicorn-tears\u{201d}.")
    );

    let cbt = library
        .translation("cognitive-behavioral-therapy", Lang::Es)
        .unwrap();
    let page = app
        .get("/es/compare?items=cognitive-behavioral-therapy")
        .await;
    assert!(page.body.contains(&format!(
        "Aquí solo se pueden comparar medicamentos. Puede leer sobre <a href=\"/es/treatments/cognitive-behavioral-therapy\">{}</a> en su propia página.",
        html_escape(&cbt.title)
    )));
    assert!(
        page.body
            .contains("En su lugar, se muestran los tres medicamentos")
    );

    let page = app.get("/es/compare?items=methadone&items=naloxone&items=lofexidine&items=naltrexone&items=buprenorphine").await;
    assert!(page.body.contains("Caben como máximo cuatro medicamentos"));
    assert_eq!(page.body.matches("<th scope=\"col\">").count(), 4);
}

#[tokio::test]
async fn english_pages_show_no_spanish() {
    let app = TestApp::new().await;
    let spanish: Vec<String> = [
        "home-heading",
        "home-topics-heading",
        "treatments-title",
        "evidence-legend",
        "facts-suits",
        "facts-weigh",
        "item-related",
        "item-sources",
        "compare-title",
        "compare-row-action",
        "compare-row-risks",
        "compare-choose",
        "category-withdrawal",
        "evidence-established",
    ]
    .iter()
    .map(|id| html_escape(&i18n::text(Lang::Es, id)))
    .collect();
    for path in [
        "/",
        "/treatments",
        "/treatments/methadone",
        "/treatments/overdose-response",
        "/compare",
        "/compare?items=methadone,unicorn,cognitive-behavioral-therapy",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("<html lang=\"en\">"), "{path}");
        for text in &spanish {
            assert!(!page.body.contains(text.as_str()), "{path} shows {text:?}");
        }
        for (href, tag) in links(&page.body) {
            assert!(
                !href.starts_with("/es") || tag.contains("hreflang=\"es\""),
                "{path} links {href}"
            );
        }
        assert!(!page.body.contains("class=\"translation-note\""), "{path}");
    }
    let page = app.get("/treatments/methadone").await;
    assert_eq!(h1(&page.body), "Methadone");
    assert!(page.body.contains("Who it may suit"));
    let item = app.state.library.get("methadone").unwrap();
    assert!(page.body.contains(&format!(
        "(checked against its sources on {})",
        item.reviewed
    )));
    assert!(page.body.contains(&format!(
        "Reviewed <time datetime=\"{}\">{}</time>",
        item.reviewed,
        item.reviewed_month()
    )));
}

/// The ids of a Fluent file's messages.
fn message_ids(file: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// The message ids the content pages use: in their templates (`t("…")`, `t1("…"`,
/// `t2("…"`) and in their handler (`"compare-row-…"`, `"item-…"`, `"date-…"`).
fn ids_used() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    for file in [
        "templates/home.html",
        "templates/treatments.html",
        "templates/treatment.html",
        "templates/compare.html",
        "templates/_item_card.html",
        "templates/_item_facts.html",
        "templates/_evidence.html",
        "src/web/treatments.rs",
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for call in ["t(\"", "t1(\"", "t2(\"", "row(\"", "=> \""] {
            for (at, _) in text.match_indices(call) {
                let start = at + call.len();
                let end = start + text[start..].find('"').unwrap();
                used.insert(text[start..end].to_string());
            }
        }
        let prefixes: &[&str] = if file.ends_with(".rs") {
            &["\"item-", "\"date-"]
        } else {
            &[]
        };
        for prefix in prefixes {
            for (at, _) in text.match_indices(prefix) {
                let start = at + 1;
                let end = start + text[start..].find('"').unwrap();
                used.insert(text[start..end].to_string());
            }
        }
    }
    for c in Category::ALL {
        used.insert(format!("category-{}", c.slug()));
        used.insert(format!("category-{}-blurb", c.slug()));
    }
    for e in Evidence::ALL {
        used.insert(format!("evidence-{}", e.slug()));
        used.insert(format!("evidence-{}-explanation", e.slug()));
    }
    used.retain(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
    });
    used
}

#[test]
fn both_catalogues_have_every_message_the_content_pages_use() {
    let en = message_ids("locales/en/pages.ftl");
    let es = message_ids("locales/es/pages.ftl");
    assert_eq!(
        en, es,
        "locales/en/pages.ftl and locales/es/pages.ftl differ"
    );
    let used = ids_used();
    assert!(used.len() > 60, "found only {used:?}");
    let base = message_ids("locales/en/base.ftl");
    assert_eq!(base, message_ids("locales/es/base.ftl"));
    for id in &used {
        // Messages of the shared layout live in base.ftl.
        assert!(
            en.contains(id) || base.contains(id),
            "{id} is used but not in locales/*/pages.ftl"
        );
    }
    let unused: Vec<_> = en.difference(&used).collect();
    assert!(unused.is_empty(), "not used by the pages: {unused:?}");
}

/// Category and evidence names are written in the Rust tables, where clinicians
/// review them; the English catalogue repeats them for translators, word for word.
#[test]
fn the_english_catalogue_repeats_the_category_and_evidence_tables() {
    for c in Category::ALL {
        assert_eq!(
            i18n::text(Lang::En, &format!("category-{}", c.slug())),
            c.heading()
        );
        assert_eq!(
            i18n::text(Lang::En, &format!("category-{}-blurb", c.slug())),
            c.blurb()
        );
        assert_eq!(c.heading_in(Lang::En), c.heading());
        assert_ne!(c.heading_in(Lang::Es), c.heading(), "{}", c.slug());
    }
    for e in Evidence::ALL {
        assert_eq!(
            i18n::text(Lang::En, &format!("evidence-{}", e.slug())),
            e.label()
        );
        assert_eq!(
            i18n::text(Lang::En, &format!("evidence-{}-explanation", e.slug())),
            e.explanation()
        );
        assert_ne!(e.label_in(Lang::Es), e.label());
        assert_ne!(e.explanation_in(Lang::Es), e.explanation());
    }
}
