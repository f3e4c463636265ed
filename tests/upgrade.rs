//! Data saved by an earlier release keeps working: assessments stored in format 1 show
//! exactly what was computed then, through the API, the result page and the summary,
//! and content stored in another format is imported again instead of failing.

mod common;

use axum::http::StatusCode;
use common::{TestApp, html_escape};
use serde_json::Value;

/// Rows saved by the release of 2026-11-30, as stored (see `made_by` in the file).
const FORMAT_1: &str = include_str!("fixtures/assessments-format-1.json");

#[tokio::test]
async fn assessments_saved_in_format_1_show_exactly_what_was_computed() {
    let fixtures: Value = serde_json::from_str(FORMAT_1).unwrap();
    assert_eq!(fixtures["format"], 1);
    let rows = fixtures["assessments"].as_array().unwrap();
    assert!(rows.len() >= 10);
    // Kept for ten years, so the fixtures' dates stay inside the retention period.
    let app = TestApp::with_config(|config| config.retention_days = 3650).await;
    for row in rows {
        app.store_format_1(row).await;
    }
    for row in rows {
        let case = row["case"].as_str().unwrap();
        let id = row["id"].as_str().unwrap();
        let record = app.get(&format!("/api/v1/assessments/{id}")).await;
        assert_eq!(record.status, StatusCode::OK, "{case}");
        let record = record.json();
        assert_eq!(record["format"], 1, "{case}");
        assert_eq!(
            record["result"], row["result"],
            "{case}: the result as computed then"
        );
        assert_eq!(record["answers"], row["answers"], "{case}");
        assert_eq!(record["rules_version"], row["rules_version"], "{case}");
        assert_eq!(record["created_at"], row["created_at"], "{case}");

        let rules_version = html_escape(row["rules_version"].as_str().unwrap());
        for page in [
            format!("/assessments/{id}"),
            format!("/assessments/{id}/summary"),
        ] {
            let r = app.get(&page).await;
            assert_eq!(r.status, StatusCode::OK, "{case}: {page}");
            assert!(
                r.body.contains(&rules_version),
                "{case}: {page} names its rules"
            );
            for medication in row["result"]["medications"].as_array().unwrap() {
                let slug = medication["slug"].as_str().unwrap();
                let title = &app.state.library.get(slug).unwrap().title;
                assert!(
                    r.body
                        .contains(&format!("<strong>{}</strong>", html_escape(title)))
                        || r.body.contains(&format!("href=\"/treatments/{slug}\"")),
                    "{case}: {page} lists {title}"
                );
            }
        }
    }
}

#[tokio::test]
async fn content_stored_in_another_format_is_imported_again_at_start_up() {
    let app = TestApp::new().await;
    // What a release with another content model left behind: documents this release
    // cannot read, under an import record of another format.
    sqlx::query("UPDATE treatments SET document = '{\"shape\": \"of another release\"}'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE content_import SET format = 0")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let config = common::config(&app.dir, &common::content_dir());
    let restarted = treatment_navigator::prepare(&config)
        .await
        .expect("the content is imported again, not misread");
    assert!(restarted.library.get("methadone").is_some());
    let format: i64 = sqlx::query_scalar("SELECT format FROM content_import")
        .fetch_one(&restarted.pool)
        .await
        .unwrap();
    assert_eq!(format, treatment_navigator::content::CONTENT_FORMAT);
}
