//! Search: ranked results with highlighted words; nothing anyone types breaks it.

mod common;

use axum::http::StatusCode;
use common::TestApp;

#[tokio::test]
async fn finds_items_ranked_with_highlighted_snippets() {
    let app = TestApp::new().await;
    let page = app.get("/search?q=methadone").await;
    assert_eq!(page.status, StatusCode::OK);
    let first = page.body.find("class=\"result-title\"").expect("a result");
    assert!(
        page.body[first..].starts_with("class=\"result-title\"><a href=\"/treatments/methadone\""),
        "methadone ranks first: {}",
        &page.body[first..first + 120]
    );
    assert!(page.body.to_lowercase().contains("<mark>methadone</mark>"));

    let again = app.get("/search?q=methadone").await;
    assert_eq!(
        again.body, page.body,
        "a repeated search (served from the cache) gives the same page"
    );

    // Prefixes and accents: "bupren" and "Méthadone" still find their items.
    assert!(
        app.get("/search?q=bupren")
            .await
            .body
            .contains("href=\"/treatments/buprenorphine\"")
    );
    assert!(
        app.get("/search?q=M%C3%A9thadone")
            .await
            .body
            .contains("href=\"/treatments/methadone\"")
    );

    // Several words: items with all of them, else with any.
    let both = app.get("/search?q=pregnancy+methadone").await;
    assert!(both.body.contains("href=\"/treatments/pregnancy\""));
    let any = app.get("/search?q=methadone+xyzzyplugh").await;
    assert!(
        any.body.contains("href=\"/treatments/methadone\""),
        "falls back to any word"
    );
}

#[tokio::test]
async fn hostile_queries_answer_200() {
    let app = TestApp::new().await;
    let long = "a".repeat(1000);
    let long_words = "opioid ".repeat(150);
    let queries = [
        "%22",
        "%22%22%22",
        "methadone%22",
        "a%20AND",
        "OR",
        "NOT%20NOT",
        "NEAR(a%20b)",
        "*",
        "-",
        "^",
        "title:x",
        "(",
        ")",
        "%27%3B%20DROP%20TABLE%20treatments%3B--",
        "%00",
        "%E2%80%AE",
        "%F0%9F%92%8A",
        "%D0%BC%D0%B5%D1%82%D0%B0%D0%B4%D0%BE%D0%BD",
        "%E7%BE%8E%E6%B2%99%E9%85%AE",
        "%D9%85%D9%8A%D8%AB%D8%A7%D8%AF%D9%88%D9%86",
        &long,
        &long_words,
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%",
        "%ZZ",
        "",
    ];
    for q in queries {
        // Raw characters a URI cannot carry are sent encoded, as a browser would.
        let q = q.replace(' ', "+").replace('^', "%5E");
        let page = app.get(&format!("/search?q={q}")).await;
        assert_eq!(page.status, StatusCode::OK, "q={q}");
        assert!(!page.body.contains("<script>alert"), "q={q} is escaped");
    }
    let page = app.get(&format!("/search?q={long}")).await;
    assert!(
        page.body.contains("only its first 200 characters"),
        "says a long query was shortened"
    );
    let page = app.get("/search?x=1").await;
    assert_eq!(page.status, StatusCode::OK, "no q at all");
}

/// The slugs of the results, best first.
fn result_slugs(body: &str) -> Vec<&str> {
    body.split("class=\"result-title\"><a href=\"/treatments/")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

/// The link to finding care that a "near me" search puts above the results.
const FIND_CARE_LINK: &str = "<a href=\"/find-care\">Find care near you</a>";

/// What a query must bring up first.
enum First {
    /// This item.
    Item(&'static str),
    /// An item whose snippet highlights this word (for words many items use).
    Mentioning(&'static str),
    /// The link to /find-care, above any results.
    FindCare,
}

#[tokio::test]
async fn typos_brand_names_and_everyday_words_find_the_right_item_first() {
    let app = TestApp::new().await;
    let table = [
        // Typos: read as the nearest word the items use.
        ("fentynal", First::Mentioning("fentanyl")),
        ("fentanil", First::Mentioning("fentanyl")),
        ("bupenorphine", First::Item("buprenorphine")),
        ("methadome", First::Item("methadone")),
        ("methadon", First::Item("methadone")),
        // Brand names and other names (content/search-synonyms.toml).
        ("suboxen", First::Item("buprenorphine-naloxone")),
        ("suboxone", First::Item("buprenorphine-naloxone")),
        ("Suboxone", First::Item("buprenorphine-naloxone")),
        ("narcan", First::Item("naloxone")),
        ("vivitrol", First::Item("extended-release-naltrexone")),
        ("sublocade", First::Item("extended-release-buprenorphine")),
        ("rehab", First::Item("inpatient-residential")),
        ("detox", First::Item("medical-detox")),
        ("sober house", First::Item("sober-living")),
        ("Sober-house", First::Item("sober-living")),
        ("xanax", First::Item("mixing-sedatives")),
        ("opiates", First::Mentioning("opioid")),
        // Overdose: what to do first.
        ("what to do overdose", First::Item("overdose-response")),
        ("overdose", First::Item("overdose-response")),
        ("overdosed", First::Item("overdose-response")),
        ("someone is not breathing", First::Item("overdose-response")),
        // What families now face, by the names they hear.
        ("tranq", First::Item("adulterants")),
        ("fake pills", First::Item("adulterants")),
        ("test strips", First::Item("harm-reduction")),
        (
            "precipitated withdrawal",
            First::Item("starting-buprenorphine-after-fentanyl"),
        ),
        // Finding care near you: a link to /find-care above everything.
        ("near me", First::FindCare),
        ("find treatment near me", First::FindCare),
        ("methadone clinic near me", First::FindCare),
        // Plain words still work as before.
        ("methadone", First::Item("methadone")),
        ("lofexidine", First::Item("lofexidine")),
    ];
    let mut failures = Vec::new();
    for (query, first) in table {
        let page = app
            .get(&format!("/search?q={}", query.replace(' ', "+")))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        let slugs = result_slugs(&page.body);
        let ok = match first {
            First::Item(slug) => slugs.first() == Some(&slug),
            First::Mentioning(word) => page.body.find("class=\"result-title\"").is_some_and(|at| {
                let first = &page.body[at..];
                let first = &first[..first.find("</li>").unwrap()];
                first.to_lowercase().contains(&format!("<mark>{word}"))
            }),
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
}

#[tokio::test]
async fn near_me_links_finding_care_instead_of_listing_everything() {
    let app = TestApp::new().await;
    let page = app.get("/search?q=find+treatment+near+me").await;
    assert!(page.body.contains(FIND_CARE_LINK));
    assert!(
        result_slugs(&page.body).is_empty(),
        "the words asked for a place, not for items: {:?}",
        result_slugs(&page.body)
    );
    assert!(
        !page.body.contains("Nothing matched"),
        "the link is the answer, not a dead end"
    );

    // With other words, those are searched under the link.
    let page = app.get("/search?q=methadone+near+me").await;
    assert!(page.body.contains(FIND_CARE_LINK));
    assert_eq!(result_slugs(&page.body).first(), Some(&"methadone"));

    // "near" alone is an ordinary word; other searches have no link.
    for q in ["near", "methadone", "xyzzyplugh"] {
        let page = app.get(&format!("/search?q={q}")).await;
        assert!(!page.body.contains("href=\"/find-care\""), "q={q}");
    }
}

#[tokio::test]
async fn title_matches_come_before_body_matches_and_typos_last() {
    let app = TestApp::new().await;
    for word in ["naloxone", "buprenorphine", "methadone", "withdrawal"] {
        let page = app.get(&format!("/search?q={word}")).await;
        let slugs = result_slugs(&page.body);
        let in_title: Vec<bool> = slugs
            .iter()
            .map(|slug| {
                let title = &app.state.library.get(slug).unwrap().title;
                title.to_lowercase().contains(word)
            })
            .collect();
        assert!(in_title[0], "{word}: {slugs:?}");
        assert!(
            in_title.windows(2).all(|w| w[0] || !w[1]),
            "{word}: every title match before the first body match: {slugs:?}"
        );
        assert!(
            slugs.len() > in_title.iter().filter(|t| **t).count(),
            "{word}: body matches follow"
        );
    }

    // A word found only as part of other words ("oxone": Suboxone, naloxone).
    let page = app.get("/search?q=oxone").await;
    assert!(
        page.body
            .contains("href=\"/treatments/buprenorphine-naloxone\""),
        "part of a word"
    );
    assert!(page.body.to_lowercase().contains("<mark>oxone</mark>"));

    // A real word first, then a misspelt one's matches after it.
    let page = app.get("/search?q=lofexidine+fentynal").await;
    let slugs = result_slugs(&page.body);
    assert_eq!(slugs.first(), Some(&"lofexidine"), "{slugs:?}");
}

#[tokio::test]
async fn an_upgraded_database_is_searched_with_the_new_indexes() {
    // A database as the release before the new search left it: migrated to 0004, its
    // content imported (search table and import record filled) from these same files.
    let dir = tempfile::tempdir().unwrap();
    let (config, pool) = common::database_at_migration(&dir, 4).await;
    sqlx::query("INSERT INTO treatment_search (slug, title, summary, body) VALUES ('methadone', 'Methadone', '', '')")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    // The upgrade's migration forgets that import, so this start imports again and
    // fills the new tables.
    let state = treatment_navigator::prepare(&config).await.unwrap();
    let app = TestApp {
        router: treatment_navigator::app(state.clone()),
        state,
        dir,
    };
    for (query, slug) in [
        ("vivitrol", "extended-release-naltrexone"),
        ("oxone", "buprenorphine-naloxone"),
        ("fentynal", "naloxone"),
    ] {
        let page = app.get(&format!("/search?q={query}")).await;
        assert!(
            result_slugs(&page.body).contains(&slug),
            "{query}: {:?}",
            result_slugs(&page.body)
        );
    }
    assert!(
        app.get("/search?q=near+me")
            .await
            .body
            .contains(FIND_CARE_LINK)
    );
}
