//! Issue 11: what differs between the US and Canada. Country parts in items and the rule
//! that medications and settings have one, review dates in words, heading anchors,
//! `/find-care`, the province first on `/helplines`, and the result page's way to local
//! care. The fixture content (tests/fixtures/content-countries) keeps these tests
//! independent of the real content, which changes with each review.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use axum::http::StatusCode;
use common::TestApp;
use treatment_navigator::StartError;
use treatment_navigator::content::import::ImportError;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content-countries")
}

async fn app() -> TestApp {
    TestApp::with_content(&fixture())
        .await
        .expect("the fixture content imports")
}

/// A copy of the fixture to break, with `file` changed by `change`.
fn broken_copy(file: &str, change: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in [
        "medications",
        "settings",
        "safety",
        "choosing-a-program",
        "helplines",
    ] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(fixture().join(folder)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join(folder).join(entry.file_name()),
            )
            .unwrap();
        }
    }
    let path = dir.path().join(file);
    let before = std::fs::read_to_string(&path).unwrap();
    let after = change(&before);
    assert_ne!(
        before, after,
        "test bug: the change to {file} changed nothing"
    );
    std::fs::write(path, after).unwrap();
    dir
}

/// The position of `needle` in `body`, which must contain it.
fn at(body: &str, needle: &str) -> usize {
    body.find(needle)
        .unwrap_or_else(|| panic!("the page has {needle}"))
}

#[tokio::test]
async fn the_review_date_is_shown_in_words_under_the_title() {
    let app = app().await;
    for (slug, datetime, words) in [
        ("methadone", "2026-11-22", "November 2026"),
        ("outpatient", "2026-01-05", "January 2026"),
    ] {
        let page = app.get(&format!("/treatments/{slug}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let shown = at(
            &page.body,
            &format!(
                "<p class=\"reviewed\">Reviewed <time datetime=\"{datetime}\">{words}</time></p>"
            ),
        );
        assert!(at(&page.body, "</h1>") < shown, "{slug}: under the title");
        assert!(
            shown < at(&page.body, "class=\"lead\""),
            "{slug}: before the summary"
        );
        // ...and again with the sources, with the exact date.
        assert!(
            page.body[at(&page.body, "id=\"sources-heading\"")..].contains(&format!(
                "Reviewed {words} (checked against its sources on {datetime})"
            ))
        );
        assert!(!page.body.contains("Last reviewed"));
    }
}

#[tokio::test]
async fn country_parts_are_marked_sections_named_by_their_heading() {
    let page = app().await.get("/treatments/methadone").await;
    let body = &page.body;
    let ca = at(
        body,
        "<section class=\"country-note country-ca\" aria-labelledby=\"in-canada\">\n<h2 id=\"in-canada\" class=\"country-label\">In Canada</h2>",
    );
    let us = at(
        body,
        "<section class=\"country-note country-us\" aria-labelledby=\"in-the-us\">\n<h2 id=\"in-the-us\" class=\"country-label\">In the US</h2>",
    );
    let carries = at(body, "<h3 id=\"take-home-doses\">Take-home doses</h3>");
    let costs = at(body, "<h2 id=\"costs\">Costs</h2>");
    assert!(ca < carries && carries < us && us < costs);
    // Each part runs to the next level-2 heading: closed before the next one starts.
    assert_eq!(body[ca..us].matches("</section>").count(), 1);
    assert_eq!(body[us..costs].matches("</section>").count(), 1);
    assert!(body.contains("<h2 id=\"what-it-is\">What it is</h2>"));
}

#[tokio::test]
async fn headings_are_anchors_and_the_overdose_steps_are_one_link_away_everywhere() {
    let app = app().await;
    let page = app.get("/treatments/overdose-response").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<h2 id=\"what-to-do-right-now\">What to do right now</h2>")
    );
    let anchor = "href=\"/treatments/overdose-response#what-to-do-right-now\"";
    let home = app.get("/").await;
    let strip_end = at(&home.body, "</aside>");
    assert!(
        at(&home.body, anchor) < strip_end,
        "the emergency strip links the steps"
    );
    let after_strip = &home.body[strip_end..];
    assert!(after_strip.contains(&format!(
        "<a class=\"right-now-danger\" {anchor}>If someone is overdosing</a>"
    )));
    assert!(after_strip.contains("<a href=\"/find-care\">Find care near you</a>"));
    // Both come right after the main heading, before the introduction.
    let lead = at(after_strip, "class=\"lead\"");
    assert!(at(after_strip, "Find care near you") < lead);
    assert!(at(after_strip, "</h1>") < at(after_strip, "If someone is overdosing"));
}

#[tokio::test]
async fn the_emergency_strip_gives_both_countries_lines_without_a_setting() {
    let app = app().await;
    for path in [
        "/",
        "/treatments/methadone",
        "/find-care",
        "/helplines",
        "/no-such-page",
    ] {
        let page = app.get(path).await;
        let strip =
            &page.body[at(&page.body, "<aside class=\"emergency\"")..at(&page.body, "</aside>")];
        for must in [
            "href=\"tel:911\"",
            "US <a href=\"tel:+18006624357\">1-800-662-4357</a>",
            "Canada <a href=\"tel:988\">9-8-8</a>, call or text",
            "href=\"/treatments/overdose-response#what-to-do-right-now\"",
        ] {
            assert!(strip.contains(must), "{path}: the strip lacks {must}");
        }
        assert!(page.header("set-cookie").is_empty(), "{path}: no cookie");
        assert!(page.header("vary").is_empty() || !page.header("vary").contains("ccept-Language"));
    }
}

#[test]
fn medications_and_settings_without_a_canada_part_are_refused_by_check_content() {
    let check = |dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_treatment-navigator"))
            .arg("check-content")
            .arg(dir)
            .output()
            .unwrap()
    };
    let good = check(&fixture());
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );

    // A setting that loses `same_in_both_countries`, a medication that loses its part:
    // each named with file, line and field.
    for (file, change, line) in [
        (
            "settings/outpatient.md",
            (|t: &str| t.replace("same_in_both_countries = true\n", "")) as fn(&str) -> String,
            4,
        ),
        (
            "medications/methadone.md",
            |t: &str| t.replace("## In Canada", "## Canada"),
            4,
        ),
        (
            "medications/methadone.md",
            |t: &str| t.replace("## In Canada", "### In Canada"),
            4,
        ),
    ] {
        let dir = broken_copy(file, change);
        let out = check(dir.path());
        assert!(!out.status.success(), "{file} must be refused");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let shown = format!("{file}:{line}: field `same_in_both_countries`");
        assert!(stderr.contains(&shown), "{shown} in {stderr}");
        assert!(stderr.contains("## In Canada"), "{stderr}");
        // Items that link to the refused one are not blamed for it.
        assert!(!stderr.contains("field `related`"), "{stderr}");
    }
}

#[tokio::test]
async fn the_server_does_not_start_on_an_item_without_its_canada_part() {
    let dir = broken_copy("medications/methadone.md", |t| {
        t.replace("## In Canada", "## About Canada")
    });
    match TestApp::with_content(dir.path()).await {
        Err(StartError::Import(ImportError::Content(errors))) => assert!(
            errors.iter().any(|e| e.field == "same_in_both_countries"
                && e.file.ends_with("medications/methadone.md")
                && e.line == 4),
            "{errors:?}"
        ),
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("started without the Canada part"),
    }
}

#[tokio::test]
async fn find_care_names_the_directories_the_filters_and_the_local_lines() {
    let app = app().await;
    let page = app.get("/find-care").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(common::h1(&page.body), "Find care near you");
    let body = &page.body;
    for must in [
        "href=\"https://findtreatment.gov/\" rel=\"noreferrer\"",
        "href=\"https://dpt2.samhsa.gov/treatment/directory.aspx\" rel=\"noreferrer\"",
        "href=\"tel:+18006624357\"",
        "href=\"/treatments/questions-to-ask-a-program\"",
        // The filters to pick, in words.
        "<strong>Opioid treatment program</strong>: the clinics that can give methadone",
        "<strong>Buprenorphine</strong>",
        "<strong>Naltrexone</strong>",
        "<strong>Residential, Intensive outpatient or Outpatient</strong>",
        "<strong>Pregnant or postpartum women</strong>",
        "<strong>Medicaid or Sliding fee scale</strong>",
        "<strong>Spanish</strong>",
        // Canada: each province's own line under its name, RAAM clinics and 811.
        "<h3 id=\"care-on\">Ontario</h3>",
        "href=\"tel:+18665312600\"",
        "<h3 id=\"care-bc\">British Columbia</h3>",
        "rapid access addiction medicine (RAAM) clinics",
        "811",
    ] {
        assert!(body.contains(must), "/find-care lacks {must}");
    }
    // The US first by default; British Columbia before Ontario (by name).
    assert!(at(body, "<h2 id=\"us\">") < at(body, "<h2 id=\"ca\">"));
    assert!(at(body, "id=\"care-bc\"") < at(body, "id=\"care-on\""));
    // Every link out is plain: no referrer, nothing about the visitor in it.
    for (i, _) in body.match_indices("href=\"http") {
        let tag_end = i + body[i..].find('>').unwrap();
        assert!(
            body[i..tag_end].contains("rel=\"noreferrer\""),
            "{}",
            &body[i..tag_end]
        );
    }
    // A national line is not listed as a province's.
    assert!(!body[at(body, "<h2 id=\"ca\">")..].contains("9-8-8: Suicide Crisis"));
    assert!(page.header("set-cookie").is_empty());
}

#[tokio::test]
async fn find_care_shows_the_visitors_part_first_and_ignores_unknown_places() {
    let app = app().await;
    let plain = app.get("/find-care").await.body;
    let ontario = app.get("/find-care?country=ca&province=on").await;
    assert_eq!(ontario.status, StatusCode::OK);
    let body = &ontario.body;
    assert!(
        at(body, "<h2 id=\"ca\">") < at(body, "<h2 id=\"us\">"),
        "Canada first"
    );
    assert!(
        at(body, "id=\"care-on\"") < at(body, "id=\"care-bc\""),
        "Ontario first"
    );
    assert!(body.contains("<option value=\"on\" selected>Ontario</option>"));
    // The province alone means Canada.
    let province_only = app.get("/find-care?province=on").await.body;
    assert!(at(&province_only, "<h2 id=\"ca\">") < at(&province_only, "<h2 id=\"us\">"));
    // A province with no line of its own says so and points to 811.
    let nunavut = app.get("/find-care?province=nu").await.body;
    assert!(nunavut.contains("No line of Nunavut"), "{nunavut}");
    // Unknown values, a US province and odd input change nothing.
    for query in [
        "?country=fr",
        "?province=zz",
        "?country=&province=",
        "?country=%3Cscript%3E",
        "?unrelated=1",
    ] {
        let page = app.get(&format!("/find-care{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        assert_eq!(page.body, plain, "{query} is ignored");
    }
    let us = app.get("/find-care?country=us&province=on").await.body;
    assert!(at(&us, "<h2 id=\"us\">") < at(&us, "<h2 id=\"ca\">"));
    assert!(!us.contains("<option value=\"on\" selected>"));
    // Rendered once per place, then served from the cache.
    assert!(
        app.state
            .pages
            .get(
                treatment_navigator::web::cache::Shelf::Content,
                "en:find-care ca on"
            )
            .is_some()
    );
    assert!(
        app.state
            .pages
            .get(
                treatment_navigator::web::cache::Shelf::Content,
                "en:find-care  "
            )
            .is_some()
    );
}

#[tokio::test]
async fn helplines_put_the_callers_province_first() {
    let app = app().await;
    let plain = app.get("/helplines").await.body;
    assert!(at(&plain, "<h2 id=\"us\">") < at(&plain, "<h2 id=\"ca\">"));
    let page = app.get("/helplines?province=on").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    let canada = at(body, "<h2 id=\"ca\">Canada</h2>");
    let ontario = at(
        body,
        "<h3 id=\"ca-on\" class=\"group-heading\">Ontario</h3>",
    );
    let connex = at(body, "<h4>ConnexOntario</h4>");
    let national = at(
        body,
        "<h3 id=\"ca-national\" class=\"group-heading\">For all of Canada</h3>",
    );
    let others = at(body, "Other provinces and territories</h3>");
    assert!(canada < at(body, "<h2 id=\"us\">"), "Canada first");
    assert!(canada < ontario && ontario < connex && connex < national && national < others);
    assert!(national < at(body, "9-8-8: Suicide Crisis Helpline (Canada)"));
    assert!(others < at(body, "BC Alcohol and Drug Information"));
    assert_eq!(body.matches("id=\"ca-on\"").count(), 1, "Ontario once");
    assert!(body.contains("<option value=\"on\" selected>Ontario</option>"));
    // Headings never skip a level on the way down.
    let mut level = 1;
    for (i, _) in body.match_indices("<h") {
        if let Ok(next) = body[i + 2..i + 3].parse::<u32>() {
            assert!(next <= level + 1, "h{level} followed by h{next}");
            level = next;
        }
    }
    // Unknown provinces are ignored; nothing is remembered for the next visit.
    assert_eq!(app.get("/helplines?province=zz").await.body, plain);
    assert!(page.header("set-cookie").is_empty());
    assert_eq!(app.get("/helplines").await.body, plain);
    let nunavut = app.get("/helplines?province=nu").await.body;
    assert!(nunavut.contains("No line of Nunavut"));
    assert!(at(&nunavut, "<h2 id=\"ca\">") < at(&nunavut, "<h2 id=\"us\">"));
}

async fn saved_result(app: &TestApp, answers: &str) -> String {
    let saved = app.post_json("/api/v1/assessments", answers).await;
    assert_eq!(saved.status, StatusCode::CREATED, "{}", saved.body);
    let id = saved.json()["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/assessments/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.body
}

#[tokio::test]
async fn the_result_links_to_local_care_and_names_the_filters_that_fit() {
    let app = app().await;
    let link_text = "Find care near you: programs, directories and local lines</a>";
    let ontario = saved_result(
        &app,
        r#"{"dsm5_criteria": 8, "country": "ca", "province": "on", "days_since_last_use": 0}"#,
    )
    .await;
    let section = &ontario[at(&ontario, "id=\"helplines-heading\"")..];
    assert!(
        section.contains(&format!(
            "<a href=\"/find-care?country=ca&#38;province=on\">{link_text}"
        )),
        "{section}"
    );
    assert!(
        !section.contains("FindTreatment.gov"),
        "no US filters for a Canadian caller"
    );
    // The province's own line before the national ones, after 911.
    let connex = at(section, "ConnexOntario");
    assert!(at(section, "911") < connex && connex < at(section, "9-8-8"));

    let pregnant = saved_result(
        &app,
        r#"{"dsm5_criteria": 8, "country": "us", "pregnant": true, "days_since_last_use": 0}"#,
    )
    .await;
    let section = &pregnant[at(&pregnant, "id=\"helplines-heading\"")..];
    assert!(section.contains(&format!("<a href=\"/find-care?country=us\">{link_text}")));
    let filters = &section[at(section, "these filters fit this result")..];
    let filters = &filters[..at(filters, "</p>")];
    for name in [
        "Opioid treatment program",
        "Buprenorphine",
        "Pregnant or postpartum women",
    ] {
        assert!(
            filters.contains(&format!("<strong>{name}</strong>")),
            "{name} in {filters}"
        );
    }

    let unknown = saved_result(&app, r#"{"dsm5_criteria": 8}"#).await;
    assert!(unknown.contains(&format!("<a href=\"/find-care\">{link_text}")));
}
