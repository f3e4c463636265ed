//! The JSON API, version 1.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::AppState;
use crate::content::{Comparison, Evidence, Helpline, Source, Treatment};
use crate::error::ApiError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/treatments", get(list_treatments))
        .route("/v1/treatments/{slug}", get(get_treatment))
        .route("/v1/helplines", get(list_helplines))
        .fallback(|| async { ApiError::not_found("route") })
}

/// An item in the list: enough to show a link and a line.
#[derive(Serialize)]
pub struct TreatmentSummary<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub category: &'a str,
    pub summary: &'a str,
    pub evidence: Evidence,
    /// The page for people.
    pub url: String,
}

impl<'a> From<&'a Treatment> for TreatmentSummary<'a> {
    fn from(t: &'a Treatment) -> Self {
        TreatmentSummary {
            slug: &t.slug,
            title: &t.title,
            category: t.category.slug(),
            summary: &t.summary,
            evidence: t.evidence,
            url: format!("/treatments/{}", t.slug),
        }
    }
}

/// One item in full.
#[derive(Serialize)]
pub struct TreatmentDetail<'a> {
    #[serde(flatten)]
    pub summary: TreatmentSummary<'a>,
    pub suits: &'a [String],
    pub requirements: &'a [String],
    pub side_effects: &'a [String],
    pub cautions: &'a [String],
    pub related: &'a [String],
    pub reviewed: &'a str,
    pub compare: Option<&'a Comparison>,
    pub sources: &'a [Source],
    pub body_markdown: &'a str,
    pub body_html: &'a str,
    pub content_version: &'a str,
}

#[derive(Serialize)]
pub struct TreatmentList<'a> {
    pub content_version: &'a str,
    pub treatments: Vec<TreatmentSummary<'a>>,
}

// The handlers serialize while the borrowed library is in hand, hence `Response`.
async fn list_treatments(State(state): State<AppState>) -> Response {
    let lib = &state.library;
    Json(TreatmentList {
        content_version: &lib.version,
        treatments: lib
            .treatments()
            .iter()
            .map(TreatmentSummary::from)
            .collect(),
    })
    .into_response()
}

async fn get_treatment(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, ApiError> {
    let lib = &state.library;
    let t = lib
        .get(&slug)
        .ok_or_else(|| ApiError::not_found("treatment"))?;
    Ok(Json(TreatmentDetail {
        summary: t.into(),
        suits: &t.suits,
        requirements: &t.requirements,
        side_effects: &t.side_effects,
        cautions: &t.cautions,
        related: &t.related,
        reviewed: &t.reviewed,
        compare: t.compare.as_ref(),
        sources: &t.sources,
        body_markdown: &t.body_markdown,
        body_html: &t.body_html,
        content_version: &lib.version,
    })
    .into_response())
}

#[derive(Serialize)]
pub struct HelplineList<'a> {
    pub helplines: &'a [Helpline],
}

async fn list_helplines(State(state): State<AppState>) -> Response {
    Json(HelplineList {
        helplines: state.library.helplines(),
    })
    .into_response()
}
