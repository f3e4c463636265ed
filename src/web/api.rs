//! The JSON API, version 1, and its OpenAPI document (generated from these types).

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::assessment::answers::{Choice, Country, Province};
use crate::assessment::cows::{self, Band, Ratings, Score};
use crate::assessment::result::*;
use crate::assessment::translate::in_language;
use crate::assessment::{Answers, evaluate};
use crate::content::{Comparison, Evidence, Helpline, Lang, Source, Treatment};
use crate::store::assessments::{self, SavedAssessment};
use crate::web::error::{ApiError, ApiErrorBody, AppError};
use crate::web::locale::api_lang;
use crate::web::protect::ClientAddress;

/// Largest JSON body the API reads.
pub const MAX_BODY: usize = super::protect::MAX_API_BODY;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/treatments", get(list_treatments))
        .route("/v1/treatments/{slug}", get(get_treatment))
        .route("/v1/helplines", get(list_helplines))
        .route("/v1/evaluate", post(evaluate_answers))
        .route("/v1/cows", post(score_cows))
        .route("/v1/assessments", post(create_assessment))
        .route("/v1/assessments/{id}", get(get_assessment))
        .route("/openapi.json", get(openapi))
        .fallback(|| async { ApiError::not_found("route") })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        // Answers about someone's health: never kept by a browser or proxy cache.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Treatment Navigator API",
        version = "1",
        description = "Sourced content about treatment for opioid addiction, and a transparent rules engine that matches questionnaire answers to a setting, plan, medications, therapies and support. Information, not medical advice."
    ),
    paths(
        list_treatments,
        get_treatment,
        list_helplines,
        evaluate_answers,
        score_cows,
        create_assessment,
        get_assessment,
        openapi
    ),
    components(schemas(
        ApiErrorBody,
        Answers,
        Evaluation,
        Ratings,
        Score,
        Band,
        CreatedAssessment,
        AssessmentRecord,
        TreatmentList,
        TreatmentDetail,
        HelplineList
    ))
)]
pub struct ApiDoc;

/// This document. It describes types fixed at build time, so it is written once.
#[utoipa::path(get, path = "/api/openapi.json",
    responses((status = 200, description = "The OpenAPI 3.1 description of this API", content_type = "application/json")))]
async fn openapi() -> Response {
    static DOCUMENT: std::sync::LazyLock<Bytes> = std::sync::LazyLock::new(|| {
        let mut document =
            serde_json::to_value(ApiDoc::openapi()).expect("the document serializes");
        rules_across_fields(&mut document);
        Bytes::from(serde_json::to_vec(&document).expect("the document serializes"))
    });
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.clone(),
    )
        .into_response()
}

/// The rules across answer fields, in the schema too (utoipa has no attribute for
/// them): a province is given only with country `ca`; the DSM-5 criteria are counted or
/// ticked, not both.
fn rules_across_fields(document: &mut Value) {
    if let Some(answers) = document
        .pointer_mut("/components/schemas/Answers")
        .and_then(Value::as_object_mut)
    {
        answers.insert(
            "anyOf".into(),
            serde_json::json!([
                {"properties": {"province": {"type": "null"}}},
                {"required": ["country"], "properties": {"country": {"const": "ca"}}}
            ]),
        );
        // The DSM-5 criteria are counted or ticked, not both.
        answers.insert(
            "not".into(),
            serde_json::json!({
                "required": ["dsm5_criteria", "dsm5_checklist"],
                "properties": {
                    "dsm5_criteria": {"type": "integer"},
                    "dsm5_checklist": {"type": "array"}
                }
            }),
        );
    }
}

/// An item in the list: enough to show a link and a line.
#[derive(Serialize, ToSchema)]
pub struct TreatmentSummary<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    /// One of the content categories, e.g. `medications`.
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
#[derive(Serialize, ToSchema)]
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

#[derive(Serialize, ToSchema)]
pub struct TreatmentList<'a> {
    pub content_version: &'a str,
    pub treatments: Vec<TreatmentSummary<'a>>,
}

#[derive(Serialize, ToSchema)]
pub struct HelplineList<'a> {
    pub helplines: Vec<&'a Helpline>,
}

/// Whose helplines: a country, and in Canada a province or territory. Both optional.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HelplineQuery {
    /// `us` or `ca`: only that country's lines.
    pub country: Option<Country>,
    /// A Canadian province or territory (`on`, `bc`, ...), which means Canada: its own
    /// lines first, then the national ones; other provinces' lines are left out. Ignored
    /// beside `country=us`.
    pub province: Option<Province>,
}

// The content handlers serialize while the borrowed library is in hand, hence `Response`.

/// All content items, in display order.
#[utoipa::path(get, path = "/api/v1/treatments", responses((status = 200, body = TreatmentList)))]
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

/// One content item.
#[utoipa::path(get, path = "/api/v1/treatments/{slug}", params(("slug" = String, Path, description = "Item slug, e.g. methadone")),
    responses((status = 200, body = TreatmentDetail), (status = 404, body = ApiErrorBody)))]
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

/// Helplines, by country, emergency numbers first; for one country, or one province's
/// callers (its own lines first), when asked.
#[utoipa::path(get, path = "/api/v1/helplines", params(HelplineQuery),
    responses((status = 200, body = HelplineList), (status = 422, body = ApiErrorBody)))]
async fn list_helplines(
    State(state): State<AppState>,
    query: Result<Query<HelplineQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| {
        let text = e.body_text();
        let field = if text.contains("province") {
            "province"
        } else {
            "country"
        };
        ApiError::invalid(
            field,
            "is not one we know: country is us or ca; province is a Canadian code such as on",
        )
    })?;
    // A province means Canada; beside `country=us` it has nothing to choose.
    let province = query
        .province
        .filter(|_| query.country != Some(Country::Us));
    let country = if province.is_some() {
        Some(Country::Ca)
    } else {
        query.country
    };
    let all = state.library.helplines();
    let mut helplines: Vec<&Helpline> = all
        .iter()
        .filter(|h| {
            country.is_none_or(|c| h.country.code() == c.name())
                && (!h.is_provincial() || province.is_none_or(|p| h.serves_province(p.name())))
        })
        .collect();
    // A province's own lines before the national ones (a stable sort keeps the order).
    if province.is_some() {
        helplines.sort_by_key(|h| !h.is_provincial());
    }
    Ok(Json(HelplineList { helplines }).into_response())
}

/// A JSON object read from the request body, for every route that takes one: 403 from
/// another site's page, 415 unless sent as JSON, 413 past [`MAX_BODY`], 400 for malformed
/// JSON, 422 (field `body`) for JSON that is not an object. What the object must hold is
/// each route's own reader's to say (see [`AnswersJson`], [`RatingsJson`]).
pub struct JsonObject(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if super::protect::from_other_site(req.headers()) {
            return Err(ApiError::from(AppError::CrossOrigin));
        }
        // A JSON content type cannot be sent from another site's page without a CORS
        // preflight, which this API never grants.
        if !is_json(req.headers().get(header::CONTENT_TYPE)) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "the request body must be sent with Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            let status = rejection.status();
            let error = if status == StatusCode::PAYLOAD_TOO_LARGE {
                super::protect::api_body_too_large()
            } else {
                rejection.body_text()
            };
            ApiError::new(status, error)
        })?;
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, format!("malformed JSON: {e}")))?;
        match value {
            Value::Object(object) => Ok(JsonObject(object)),
            _ => Err(ApiError::invalid("body", "must be a JSON object")),
        }
    }
}

/// Answers read from a JSON body ([`JsonObject`]), 422 naming the field for anything
/// wrong in them.
pub struct AnswersJson(pub Answers);

impl<S: Send + Sync> FromRequest<S> for AnswersJson {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let JsonObject(object) = JsonObject::from_request(req, state).await?;
        Answers::from_json(&object)
            .map(AnswersJson)
            .map_err(|e| ApiError::invalid(&e.field, &e.message))
    }
}

/// COWS ratings read from a JSON body ([`JsonObject`]), 422 naming the item (or the
/// unknown key) for anything wrong in them.
pub struct RatingsJson(pub Ratings);

impl<S: Send + Sync> FromRequest<S> for RatingsJson {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let JsonObject(object) = JsonObject::from_request(req, state).await?;
        Ratings::from_json(&object)
            .map(RatingsJson)
            .map_err(|e| ApiError::invalid(&e.field(), &e.message()))
    }
}

/// `application/json`, with or without parameters such as `charset`.
fn is_json(content_type: Option<&HeaderValue>) -> bool {
    content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Evaluates answers without saving anything. The result's words (reasons, alerts,
/// talking points, helplines' hours and purposes) are in the language `Accept-Language`
/// prefers, English or Spanish; codes, slugs and ids are the same in both.
#[utoipa::path(post, path = "/api/v1/evaluate", request_body = Answers, params(AcceptLanguage),
    responses((status = 200, body = Evaluation, headers(
            ("Content-Language" = String, description = "The language of the result's words: `en` or `es`"),
            ("Vary" = String, description = "`Accept-Language`"))),
        (status = 400, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 408, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 422, body = ApiErrorBody),
        (status = 503, body = ApiErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait")))))]
async fn evaluate_answers(
    State(state): State<AppState>,
    headers: HeaderMap,
    AnswersJson(answers): AnswersJson,
) -> Response {
    let lang = api_lang(&headers);
    let mut result = evaluate(&answers, state.library.helplines());
    if lang != Lang::En {
        result = in_language(&result, &answers, lang, &*state.library);
    }
    // A result is about 10 KB: written into a buffer of that size from the start rather
    // than one that grows and copies itself on the way.
    let mut body = Vec::with_capacity(16 * 1024);
    match serde_json::to_writer(&mut body, &result) {
        Ok(()) => (
            [
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                ),
            ],
            language_headers(lang),
            Bytes::from(body),
        )
            .into_response(),
        // Serializing plain data cannot fail; if it ever did, say so rather than panic.
        Err(_) => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the result could not be written",
        )
        .into_response(),
    }
}

/// Scores the Clinical Opiate Withdrawal Scale (Wesson & Ling 2003) from the eleven
/// ratings of someone observing the person: the total (0–48) and its band (under 5 none,
/// 5–12 mild, 13–24 moderate, 25–36 moderately severe, over 36 severe). Nothing is saved.
/// A clinician's tool; information, not medical advice.
#[utoipa::path(post, path = "/api/v1/cows", request_body = Ratings,
    responses((status = 200, body = Score), (status = 400, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 408, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 422, body = ApiErrorBody),
        (status = 503, body = ApiErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait")))))]
async fn score_cows(RatingsJson(ratings): RatingsJson) -> Json<Score> {
    Json(cows::score(&ratings))
}

#[derive(Serialize, ToSchema)]
pub struct CreatedAssessment {
    /// 128 random bits, base64url.
    pub id: String,
    /// The API address of the saved assessment.
    pub url: String,
    /// The page for people.
    pub page: String,
    pub result: Evaluation,
}

/// Evaluates and saves the answers; the assessment is kept for the retention period.
/// The result is saved in English; the response gives its words in the language
/// `Accept-Language` prefers (English or Spanish).
#[utoipa::path(post, path = "/api/v1/assessments", request_body = Answers, params(AcceptLanguage),
    responses((status = 201, body = CreatedAssessment, headers(("Location" = String, description = "The saved assessment"),
            ("Content-Language" = String, description = "The language of the result's words: `en` or `es`"),
            ("Vary" = String, description = "`Accept-Language`"))),
        (status = 400, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 408, body = ApiErrorBody), (status = 413, body = ApiErrorBody),
        (status = 415, body = ApiErrorBody), (status = 422, body = ApiErrorBody),
        (status = 429, description = "Too many saves from this address: nothing was saved", body = ApiErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Not saved (the database refused the write) or too busy: nothing was kept", body = ApiErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait")))))]
async fn create_assessment(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    AnswersJson(answers): AnswersJson,
) -> Result<Response, ApiError> {
    let lang = api_lang(&headers);
    state
        .saves
        .check(client)
        .map_err(ApiError::too_many_saves)?;
    let saved = super::assessment::save(&state, &answers)
        .await
        .map_err(|_| ApiError::not_saved())?;
    let url = format!("/api/v1/assessments/{}", saved.id);
    let body = CreatedAssessment {
        page: format!("/assessments/{}", saved.id),
        url: url.clone(),
        id: saved.id,
        result: match lang {
            Lang::En => saved.result,
            _ => in_language(&saved.result, &answers, lang, &*state.library),
        },
    };
    Ok((
        StatusCode::CREATED,
        [
            (header::LOCATION, url),
            (header::CACHE_CONTROL, "no-store".into()),
        ],
        language_headers(lang),
        Json(body),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct AssessmentRecord {
    pub id: String,
    /// The shape `answers` and `result` were stored in: 1 (before December 2026) or 2.
    pub format: i64,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub created_at: String,
    pub rules_version: String,
    pub content_version: String,
    /// The answers as they were saved.
    #[schema(value_type = Answers)]
    pub answers: serde_json::Value,
    /// The result as it was computed when saved.
    pub result: Evaluation,
}

impl From<SavedAssessment> for AssessmentRecord {
    fn from(s: SavedAssessment) -> Self {
        AssessmentRecord {
            id: s.id,
            format: s.format,
            created_at: s.created_at,
            rules_version: s.rules_version,
            content_version: s.content_version,
            answers: s.answers_document,
            result: s.result,
        }
    }
}

/// A saved assessment, unless unknown or expired. The result's words are in the
/// language `Accept-Language` prefers (English or Spanish); a text an earlier release
/// wrote, which has no translation, stays as it was saved.
#[utoipa::path(get, path = "/api/v1/assessments/{id}", params(("id" = String, Path, description = "Assessment id"), AcceptLanguage),
    responses((status = 200, body = AssessmentRecord, headers(
            ("Content-Language" = String, description = "The language of the result's words: `en` or `es`"),
            ("Vary" = String, description = "`Accept-Language`"))),
        (status = 404, body = ApiErrorBody)))]
async fn get_assessment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = api_lang(&headers);
    let mut saved = assessments::find(&state.pool, &id, state.retention_days)
        .await?
        .ok_or_else(|| ApiError::not_found("assessment"))?;
    if lang != Lang::En {
        saved.result = in_language(&saved.result, &saved.answers, lang, &*state.library);
    }
    Ok((
        [(header::CACHE_CONTROL, "no-store")],
        language_headers(lang),
        Json(AssessmentRecord::from(saved)),
    )
        .into_response())
}

/// The `Accept-Language` request header, as the OpenAPI document shows it.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
struct AcceptLanguage {
    /// The language for the result's words: `es` (or `es-MX`, `es-US`…) for Spanish,
    /// by the header's weights (`es;q=0` refuses it); English otherwise. Codes, slugs,
    /// ids, levels and `rules_fired` are the same in every language.
    #[param(rename = "Accept-Language", example = "es-MX,es;q=0.9,en;q=0.5")]
    accept_language: Option<String>,
}

/// `Content-Language` for a response whose words are in `lang`, and `Vary`, since the
/// same request in another language gets other words.
fn language_headers(lang: Lang) -> [(HeaderName, HeaderValue); 2] {
    [
        (
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        ),
        (header::VARY, HeaderValue::from_static("accept-language")),
    ]
}
