//! Every page type through the real router, with the real content.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, content_dir, h1, html_escape};
use treatment_navigator::content::load_dir;

/// The items every deployment must have.
const REQUIRED_SLUGS: &[&str] = &[
    "medical-detox",
    "methadone",
    "buprenorphine",
    "buprenorphine-naloxone",
    "extended-release-buprenorphine",
    "naltrexone",
    "extended-release-naltrexone",
    "lofexidine",
    "naloxone",
    "slow-release-oral-morphine",
    "injectable-opioid-agonist-treatment",
    "cognitive-behavioral-therapy",
    "contingency-management",
    "motivational-interviewing",
    "motivational-enhancement-therapy",
    "individual-counseling",
    "group-counseling",
    "family-counseling",
    "twelve-step-facilitation",
    "mindfulness-based-stress-reduction",
    "dual-diagnosis-treatment",
    "transcranial-magnetic-stimulation",
    "virtual-reality-exposure",
    "memory-reconsolidation",
    "inpatient-residential",
    "intensive-outpatient",
    "outpatient",
    "sober-living",
    "therapeutic-community",
    "telehealth",
    "narcotics-anonymous",
    "smart-recovery",
    "refuge-recovery",
    "celebrate-recovery",
    "nar-anon",
    "al-anon",
    "relapse-prevention-plan",
    "aftercare",
    "case-management",
    "recovery-timeline",
    "supporting-a-loved-one",
    "maintenance-vs-taper",
    "overdose-risk-after-detox",
    "pregnancy",
    "mixing-sedatives",
    "questions-to-ask-a-program",
    "signs-of-quality-care",
    "paying-for-treatment",
];

#[tokio::test]
async fn every_content_item_is_served_at_its_url_with_its_title() {
    let app = TestApp::new().await;
    let set = load_dir(&content_dir()).unwrap();
    for slug in REQUIRED_SLUGS {
        assert!(
            set.treatments.iter().any(|t| t.slug == *slug),
            "required item {slug} is missing"
        );
    }
    for item in &set.treatments {
        let page = app.get(&format!("/treatments/{}", item.slug)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", item.slug);
        assert_eq!(h1(&page.body), html_escape(&item.title), "{}", item.slug);
        assert!(
            page.body.contains(item.evidence.label()),
            "{} shows its evidence level",
            item.slug
        );
        assert!(
            page.body.contains(&format!(
                "Reviewed <time datetime=\"{}\">{}</time>",
                item.reviewed,
                item.reviewed_month()
            )),
            "{} shows when it was reviewed, in words",
            item.slug
        );
        for source in &item.sources {
            assert!(
                page.body.contains(&html_escape(&source.url)),
                "{} names source {}",
                item.slug,
                source.url
            );
        }
    }
}

#[tokio::test]
async fn every_page_type_answers_with_its_main_heading_and_the_emergency_strip() {
    let app = TestApp::new().await;
    let cases = [
        (
            "/",
            StatusCode::OK,
            "Find your way into treatment for opioid addiction",
        ),
        ("/treatments", StatusCode::OK, "Treatment options"),
        ("/treatments/methadone", StatusCode::OK, "Methadone"),
        ("/compare", StatusCode::OK, "Compare medications"),
        (
            "/compare?items=methadone,buprenorphine,naltrexone",
            StatusCode::OK,
            "Compare medications",
        ),
        ("/helplines", StatusCode::OK, "Helplines"),
        ("/helplines?province=on", StatusCode::OK, "Helplines"),
        ("/find-care", StatusCode::OK, "Find care near you"),
        (
            "/find-care?country=ca&province=on",
            StatusCode::OK,
            "Find care near you",
        ),
        ("/search", StatusCode::OK, "Search"),
        ("/search?q=methadone", StatusCode::OK, "Search"),
        ("/assessment", StatusCode::OK, "Questionnaire"),
        (
            "/tools/cows",
            StatusCode::OK,
            "Clinical Opiate Withdrawal Scale (COWS)",
        ),
        (
            "/treatments/no-such-thing",
            StatusCode::NOT_FOUND,
            "We could not find that page",
        ),
        (
            "/no/such/page",
            StatusCode::NOT_FOUND,
            "We could not find that page",
        ),
    ];
    for (path, status, heading) in cases {
        let page = app.get(path).await;
        assert_eq!(page.status, status, "{path}");
        assert!(
            page.header("content-type").starts_with("text/html"),
            "{path}"
        );
        assert_eq!(h1(&page.body), heading, "{path}");
        for must in [
            "href=\"tel:911\"",
            "href=\"/treatments/overdose-response#what-to-do-right-now\"",
            "1-800-662-4357",
            "href=\"tel:988\"",
            "Information, not medical advice",
        ] {
            assert!(page.body.contains(must), "{path} lacks {must}");
        }
    }
}

#[tokio::test]
async fn a_missing_item_offers_ways_back() {
    let page = TestApp::new().await.get("/treatments/heroin-cure").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    for link in [
        "href=\"/\"",
        "href=\"/treatments\"",
        "href=\"/search\"",
        "href=\"/helplines\"",
    ] {
        assert!(page.body.contains(link), "404 page links {link}");
    }
}

#[tokio::test]
async fn the_catalogue_lists_every_item_under_its_category() {
    let app = TestApp::new().await;
    let page = app.get("/treatments").await;
    let set = load_dir(&content_dir()).unwrap();
    for item in &set.treatments {
        assert!(
            page.body
                .contains(&format!("href=\"/treatments/{}\"", item.slug)),
            "{}",
            item.slug
        );
    }
    for heading in [
        "Withdrawal and detox",
        "Medications",
        "Therapies and counselling",
        "Where treatment happens",
        "Support groups",
        "Recovery and family support",
        "Safety",
        "Choosing a program",
    ] {
        assert!(page.body.contains(heading), "{heading}");
    }
}

#[tokio::test]
async fn compare_shows_the_three_main_medications_side_by_side() {
    let app = TestApp::new().await;
    let page = app.get("/compare").await;
    for needle in [
        "How it acts",
        "How it is taken",
        "Where to get it",
        "Before starting",
        "In pregnancy",
        "Main risks",
    ] {
        assert!(page.body.contains(needle), "row {needle}");
    }
    let header_cells = page.body.matches("<th scope=\"col\">").count();
    assert_eq!(header_cells, 3, "default comparison has three columns");
    for slug in ["methadone", "buprenorphine", "naltrexone"] {
        assert!(
            page.body.contains(&format!(
                "<th scope=\"col\"><a href=\"/treatments/{slug}\">"
            )),
            "{slug}"
        );
    }
    // The facts families most need, from the content files.
    assert!(page.body.contains("agonist") && page.body.contains("antagonist"));
}

#[tokio::test]
async fn compare_explains_unknown_and_unsuitable_items_instead_of_failing() {
    let app = TestApp::new().await;
    let page = app
        .get("/compare?items=methadone,unicorn-tears,%3Cscript%3E")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("We have no medication called"));
    assert!(page.body.contains("unicorn-tears"));
    assert!(
        !page.body.contains("<script>"),
        "asked-for names are escaped"
    );
    assert_eq!(page.body.matches("<th scope=\"col\">").count(), 1);

    let page = app.get("/compare?items=cognitive-behavioral-therapy").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Only medications can be compared"));
    assert!(
        page.body
            .contains("Showing the three medications most used")
    );
    assert_eq!(page.body.matches("<th scope=\"col\">").count(), 3);

    let page = app.get("/compare?items=methadone&items=naloxone&items=lofexidine&items=naltrexone&items=buprenorphine").await;
    assert!(page.body.contains("At most four"));
    assert_eq!(page.body.matches("<th scope=\"col\">").count(), 4);
}

#[tokio::test]
async fn helplines_are_grouped_by_country_with_dialable_numbers() {
    let page = TestApp::new().await.get("/helplines").await;
    let us = page
        .body
        .find("<h2 id=\"us\">United States</h2>")
        .expect("US section");
    let ca = page
        .body
        .find("<h2 id=\"ca\">Canada</h2>")
        .expect("Canada section");
    assert!(us < ca);
    let (us_part, ca_part) = page.body.split_at(ca);
    for needle in [
        "href=\"tel:+18006624357\"",
        "1-800-487-4889",
        "href=\"tel:988\"",
        "href=\"tel:911\"",
    ] {
        assert!(us_part[us..].contains(needle), "US lists {needle}");
    }
    for needle in ["1-800-668-6868", "686868", "1-866-332-2322"] {
        assert!(ca_part.contains(needle), "Canada lists {needle}");
    }
}

#[tokio::test]
async fn provincial_lines_are_listed_under_their_province_after_the_national_ones() {
    let page = TestApp::new().await.get("/helplines").await;
    let body = &page.body;
    let at = |needle: &str| {
        body.find(needle)
            .unwrap_or_else(|| panic!("the page has {needle}"))
    };
    let canada = at("<h2 id=\"ca\">Canada</h2>");
    let by_province =
        at("id=\"ca-provinces\" class=\"group-heading\">By province or territory</h3>");
    let ontario = at("<h4 id=\"ca-on\">Ontario</h4>");
    let connex = at("<h5>ConnexOntario</h5>");
    // National lines first, then the provinces: 9-8-8 and Hope for Wellness come
    // before the subheading, ConnexOntario after Ontario's heading.
    assert!(canada < at("9-8-8: Suicide Crisis Helpline (Canada)"));
    assert!(at("<h3>Hope for Wellness Help Line</h3>") < by_province);
    assert!(canada < by_province && by_province < ontario && ontario < connex);
    assert!(body[connex..].contains("href=\"tel:+18665312600\""));
    // ...and before the next province's heading, so it sits under Ontario alone.
    let next_heading = body[ontario + 1..]
        .find("<h4")
        .map_or(body.len(), |i| i + ontario + 1);
    assert!(
        connex < next_heading,
        "ConnexOntario is listed under Ontario"
    );
    // Other provinces' lines are under theirs, and none is a national line.
    for (heading, line) in [
        ("<h4 id=\"ca-bc\">British Columbia</h4>", "1-800-663-1441"),
        ("<h4 id=\"ca-ns\">Nova Scotia</h4>", "1-855-922-1122"),
        ("<h4 id=\"ca-qc\">Quebec</h4>", "1-800-265-2626"),
    ] {
        assert!(at(heading) < at(line), "{line} under {heading}");
        assert!(by_province < at(line), "{line} is not listed as national");
    }
    // Headings never skip a level on the way down, and the contents list links to
    // each province's section.
    let mut level = 1;
    for (i, _) in body.match_indices("<h") {
        if let Ok(next) = body[i + 2..i + 3].parse::<u32>() {
            assert!(next <= level + 1, "h{level} followed by h{next}");
            level = next;
        }
    }
    assert!(body.contains("href=\"#ca-on\">Ontario</a>"));
}

#[tokio::test]
async fn the_stylesheet_has_a_hashed_url_a_long_cache_life_and_is_compressed() {
    let app = TestApp::new().await;
    let home = app.get("/").await;
    let start = home.body.find("/static/style.").expect("stylesheet link");
    let end = home.body[start..].find('"').unwrap() + start;
    let url = &home.body[start..end];
    assert!(
        url.ends_with(".css") && url.len() > "/static/style..css".len() + 8,
        "{url}"
    );

    let response = app
        .request(
            Request::get(url)
                .header("accept-encoding", "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.header("content-type").starts_with("text/css"));
    assert!(
        response
            .header("cache-control")
            .contains("max-age=31536000")
    );
    assert_eq!(response.header("content-encoding"), "gzip");

    let stale = app.get("/static/style.00000000.css").await;
    assert_eq!(
        stale.status,
        StatusCode::NOT_FOUND,
        "only the current hash is served"
    );

    let page = app
        .request(
            Request::get("/treatments")
                .header("accept-encoding", "br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        page.header("content-encoding"),
        "br",
        "pages are compressed too"
    );
}

#[tokio::test]
async fn item_pages_show_what_to_weigh_sources_and_related_items() {
    let app = TestApp::new().await;
    let page = app.get("/treatments/naltrexone").await;
    for needle in [
        "Who it may suit",
        "Things to weigh",
        "Sources",
        "Related",
        "content version",
    ] {
        assert!(page.body.contains(needle), "{needle}");
    }
    assert!(
        page.body.contains("7–10") || page.body.contains("7 to 10"),
        "naltrexone says how long to wait"
    );
}

#[tokio::test]
async fn health_check_answers_when_the_database_does() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    app.state.pool.close().await;
    // A check's answer is reused for up to a second; the next one sees the closed pool.
    tokio::time::sleep(treatment_navigator::web::HEALTH_CHECK_EVERY).await;
    assert_eq!(
        app.get("/healthz").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
}

/// The COWS items as the page names them, in form order, with their query keys and
/// published points (written out, not read from the scale's table).
const COWS_ITEMS: [(&str, &str, &[u8]); 11] = [
    ("pulse", "Resting pulse rate", &[0, 1, 2, 4]),
    ("sweating", "Sweating", &[0, 1, 2, 3, 4]),
    ("restlessness", "Restlessness", &[0, 1, 3, 5]),
    ("pupils", "Pupil size", &[0, 1, 2, 5]),
    ("aches", "Bone or joint aches", &[0, 1, 2, 4]),
    ("runny_nose", "Runny nose or tearing", &[0, 1, 2, 4]),
    ("gi_upset", "GI upset", &[0, 1, 2, 3, 5]),
    ("tremor", "Tremor", &[0, 1, 2, 4]),
    ("yawning", "Yawning", &[0, 1, 2, 4]),
    ("anxiety", "Anxiety or irritability", &[0, 1, 2, 4]),
    ("gooseflesh", "Gooseflesh skin", &[0, 3, 5]),
];

/// A query string rating each item with the points `pick` chooses.
fn cows_query(pick: impl Fn(&[u8]) -> u8) -> String {
    COWS_ITEMS
        .iter()
        .map(|(key, _, points)| format!("{key}={}", pick(points)))
        .collect::<Vec<_>>()
        .join("&")
}

fn radio(key: &str, points: u8, checked: bool) -> String {
    format!(
        "<input type=\"radio\" name=\"{key}\" value=\"{points}\"{}>",
        if checked { " checked" } else { "" }
    )
}

#[tokio::test]
async fn the_cows_page_is_a_form_that_works_without_javascript() {
    let app = TestApp::new().await;
    let page = app.get("/tools/cows").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains("<form class=\"cows-form\" method=\"get\" action=\"/tools/cows\""));
    assert!(body.contains("<button type=\"submit\">Score it</button>"));
    for (key, name, points) in COWS_ITEMS {
        assert!(body.contains(&format!("id=\"item-{key}\"")), "{key}");
        assert!(body.contains(&html_escape(name)), "{name}");
        for p in points {
            assert!(body.contains(&radio(key, *p, false)), "{key} {p}");
        }
        assert_eq!(
            body.matches(&format!("name=\"{key}\"")).count(),
            points.len(),
            "{key}: exactly its published ratings"
        );
    }
    // Some of the published wording, item by item.
    for words in [
        "80 or below",
        "Over 120",
        "Sweat streaming off the face",
        "Unable to sit still for more than a few seconds",
        "only the rim of the iris is visible",
        "tears streaming down the cheeks",
        "Several episodes of diarrhea or vomiting",
        "Tremor can be felt, but not seen",
        "Yawning several times a minute",
        "taking part in the assessment is difficult",
        "Prominent gooseflesh (piloerection)",
    ] {
        assert!(body.contains(&html_escape(words)), "{words}");
    }
    for band in [
        "Under 5</strong>: no active withdrawal",
        "5–12</strong>: mild withdrawal",
        "13–24</strong>: moderate withdrawal",
        "25–36</strong>: moderately severe withdrawal",
        "Over 36</strong>: severe withdrawal",
    ] {
        assert!(body.contains(band), "{band}");
    }
    assert!(body.contains("Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS). J Psychoactive Drugs 2003;35(2):253–259."));
    assert!(body.contains("href=\"https://doi.org/10.1080/02791072.2003.10400007\""));
    assert!(body.contains("A clinician's tool: someone observing the person"));
    assert!(body.contains("Information, not medical advice"));
    // Nothing scored yet: no total, no message, no link to the questionnaire.
    assert!(
        !body.contains("Total:") && !body.contains("cows_score") && !body.contains("No total yet")
    );
    // The running total is a file of this site's, loaded deferred; nothing inline.
    let script = body
        .split("<script src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page loads its script");
    assert!(
        script.starts_with("/static/cows.") && script.ends_with(".js"),
        "{script}"
    );
    assert!(body.contains(&format!("<script src=\"{script}\" defer></script>")));
    assert!(!body.contains("<script>") && !body.contains(" style="));
    let js = app.get(script).await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.header("content-type").starts_with("text/javascript"));
    assert!(js.body.contains("data-band-min") || js.body.contains("bandMin"));
    // Linked from every page's footer.
    assert!(app.get("/").await.body.contains("<a href=\"/tools/cows\">"));
}

#[tokio::test]
async fn the_cows_page_scores_a_full_form() {
    let app = TestApp::new().await;
    for (query, total, band) in [
        (cows_query(|_| 0), 0, "No active withdrawal (under 5)."),
        // The second rating of each: 1 each, 3 for gooseflesh.
        (cows_query(|p| p[1]), 13, "Moderate withdrawal (13–24)."),
        (
            cows_query(|p| *p.last().unwrap()),
            48,
            "Severe withdrawal (over 36).",
        ),
    ] {
        let page = app.get(&format!("/tools/cows?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        assert!(
            page.body.contains(&format!("Total: {total} of 48")),
            "{query}"
        );
        assert!(page.body.contains(band), "{query}: {band}");
        assert!(
            page.body.contains(&format!(
                "<a class=\"button\" href=\"/assessment?cows_score={total}\">Use this score in the questionnaire</a>"
            )),
            "{query}"
        );
        assert_eq!(page.body.matches("(this total)").count(), 1);
        assert!(!page.body.contains("No total yet"));
        // A scored form is about one person: no cache keeps it.
        assert_eq!(page.header("cache-control"), "no-store");
    }
    // The ratings given stay chosen, the others do not.
    let page = app
        .get(&format!("/tools/cows?{}", cows_query(|p| p[1])))
        .await;
    for (key, _, points) in COWS_ITEMS {
        for p in points {
            assert!(
                page.body.contains(&radio(key, *p, *p == points[1])),
                "{key} {p}"
            );
        }
    }
}

#[tokio::test]
async fn the_cows_page_names_the_items_still_to_rate() {
    let app = TestApp::new().await;
    let page = app
        .get("/tools/cows?pulse=2&sweating=1&restlessness=3&pupils=1&aches=2&runny_nose=1&gi_upset=&tremor=1&yawning=1")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Still to rate: GI upset, Anxiety or irritability, Gooseflesh skin."),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Total:"));
    assert!(!page.body.contains("cows_score"));
    assert!(page.body.contains(&radio("pulse", 2, true)));
    // Keys that are not items are left alone: the blank form.
    let other = app.get("/tools/cows?utm_source=x").await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(!other.body.contains("Still to rate") && !other.body.contains("Total:"));
}

#[tokio::test]
async fn the_cows_page_names_an_item_whose_value_is_not_one_of_its_ratings() {
    let app = TestApp::new().await;
    for (key, name, points) in COWS_ITEMS {
        let bad = (0..=6).find(|n| !points.contains(n)).unwrap();
        for value in [bad.to_string(), "-1".into(), "6".into(), "x%3Cb%3E".into()] {
            let query =
                cows_query(|_| 0).replacen(&format!("{key}=0"), &format!("{key}={value}"), 1);
            let page = app.get(&format!("/tools/cows?{query}")).await;
            assert_eq!(
                page.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{key}={value}"
            );
            assert!(
                page.body.contains(&format!(
                    "<a href=\"#item-{key}\">{}</a>: ",
                    html_escape(name)
                )),
                "{key}={value}"
            );
            let allowed: Vec<String> = points.iter().map(u8::to_string).collect();
            assert!(
                page.body
                    .contains(&format!("choose one of {}.", allowed.join(", "))),
                "{key}={value}"
            );
            assert!(
                page.body
                    .contains(&format!("class=\"cows-item has-error\" id=\"item-{key}\"")),
                "{key}={value}: the item is marked"
            );
            assert_eq!(page.body.matches("cows-item has-error").count(), 1);
            assert!(!page.body.contains("Total:"), "{key}={value}: no total");
            assert!(!page.body.contains("<b>"), "the value is shown escaped");
        }
    }
}

/// The items content v2 added are served, each under its own title, and listed in their
/// category.
#[tokio::test]
async fn every_new_item_is_served_with_its_title() {
    let app = TestApp::new().await;
    for (slug, category) in [
        ("starting-buprenorphine-after-fentanyl", "medications"),
        ("harm-reduction", "safety"),
        ("adulterants", "safety"),
        ("start-treatment-today", "choosing-a-program"),
        ("overdose-response", "safety"),
        ("slow-release-oral-morphine", "medications"),
        ("injectable-opioid-agonist-treatment", "medications"),
        ("hospital-stays-and-pain", "safety"),
        ("leaving-jail-or-prison", "safety"),
        ("young-people", "recovery"),
        ("infections-and-wounds", "safety"),
        ("stimulants", "therapies"),
        ("craft-family-approach", "recovery"),
    ] {
        let item = app
            .state
            .library
            .get(slug)
            .unwrap_or_else(|| panic!("{slug} exists"));
        assert_eq!(item.category.slug(), category, "{slug}");
        let page = app.get(&format!("/treatments/{slug}")).await;
        assert_eq!(page.status, StatusCode::OK, "{slug}");
        assert_eq!(h1(&page.body), html_escape(&item.title), "{slug}");
        assert!(item.reviewed.as_str() >= "2026-11-30", "{slug} reviewed");
    }
    // The overdose steps come first on their page, before who it suits; other items
    // keep the boxes first.
    let page = app.get("/treatments/overdose-response").await;
    let steps = page.body.find("What to do right now").expect("the steps");
    assert!(steps < page.body.find("Signs of an overdose").unwrap());
    assert!(steps < page.body.find("id=\"suits-heading\"").unwrap());
    let page = app.get("/treatments/methadone").await;
    assert!(
        page.body.find("id=\"suits-heading\"").unwrap()
            < page.body.find("class=\"prose\"").unwrap()
    );
}
