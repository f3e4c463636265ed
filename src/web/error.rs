//! One error type for the pages and one for the API. Pages get an error page, the API
//! gets JSON; a server error is logged in full and shown to nobody. A 503 or 429 says
//! when to try again (`Retry-After`), on either surface.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::web::pages::ErrorPage;

/// Seconds a client is asked to wait after the server was too busy or too slow.
pub const RETRY_BUSY_SECS: u64 = 5;
/// Seconds a client is asked to wait after the database refused a save.
pub const RETRY_NOT_SAVED_SECS: u64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("page not found")]
    NotFound,
    /// A form sent from another site.
    #[error("cross-origin form post")]
    CrossOrigin,
    /// A request the app will not read (too large, too slow, wrong encoding, a host name
    /// it does not serve), with what to do.
    #[error("{message}")]
    Rejected { status: StatusCode, message: String },
    #[error("too many requests at once")]
    Overloaded,
    #[error("the request took too long")]
    TimedOut,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::CrossOrigin => StatusCode::FORBIDDEN,
            AppError::Rejected { status, .. } => *status,
            AppError::Overloaded | AppError::TimedOut => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) | AppError::Template(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the person sees: plain words, never internals.
    pub fn public_message(&self) -> (&'static str, String) {
        match self {
            AppError::NotFound => ("We could not find that page", "The address may be mistyped, or the page may have moved.".into()),
            AppError::CrossOrigin => (
                "This form can only be sent from Treatment Navigator",
                "The form came from another website, so it was not accepted. Open the questionnaire on this site and try again.".into(),
            ),
            AppError::Rejected { message, .. } => ("We could not read that request", message.clone()),
            AppError::Overloaded => ("We are very busy right now", "Too many requests at once. Please try again in a few seconds.".into()),
            AppError::TimedOut => ("That took too long", "The page did not finish in time. Please try again in a moment.".into()),
            AppError::Database(_) | AppError::Template(_) => (
                "Something went wrong on our side",
                "The problem has been logged. Please try again in a moment.".into(),
            ),
        }
    }

    /// Logs server errors in full, under a reference the page shows, and returns it.
    fn log(&self) -> Option<String> {
        if !self.status().is_server_error()
            || matches!(self, AppError::Overloaded | AppError::TimedOut)
        {
            return None;
        }
        let reference = crate::web::pages::error_reference();
        tracing::error!(error = %self, reference, "request failed");
        Some(reference)
    }

    /// This error as the API answers it, for a request to `uri` under `/api/`, or as a
    /// page otherwise: for the layers that answer before any handler runs.
    pub fn for_request(self, uri: &Uri) -> Response {
        if uri.path().starts_with("/api/") {
            ApiError::from(self).into_response()
        } else {
            self.into_response()
        }
    }
}

/// Adds `Retry-After` to a response that asks the client to come back.
pub fn retry_after(mut response: Response, seconds: u64) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let reference = self.log();
        let status = self.status();
        let (heading, message) = self.public_message();
        let response = ErrorPage::new(status, heading, message, reference).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            retry_after(response, RETRY_BUSY_SECS)
        } else {
            response
        }
    }
}

/// The JSON error every API route answers with.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: String,
    /// The request field at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ApiErrorBody,
    /// Seconds to wait before trying again, sent as `Retry-After`.
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: impl Into<String>) -> Self {
        ApiError {
            status,
            body: ApiErrorBody {
                error: error.into(),
                field: None,
            },
            retry_after: None,
        }
    }

    /// 422: a field's value is wrong.
    pub fn invalid(field: &str, message: &str) -> Self {
        ApiError {
            body: ApiErrorBody {
                error: format!("{field}: {message}"),
                field: Some(field.to_string()),
            },
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "")
        }
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, format!("{what} not found"))
    }

    /// 503: the database refused the save; nothing was stored.
    pub fn not_saved() -> Self {
        ApiError {
            retry_after: Some(RETRY_NOT_SAVED_SECS),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the assessment was not saved: the database cannot store it right now. Nothing was kept; send the same answers again later",
            )
        }
    }

    /// 429: this client saved too many assessments in the past minute.
    pub fn too_many_saves(wait_secs: u64) -> Self {
        ApiError {
            retry_after: Some(wait_secs),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "too many assessments saved from this address; nothing was saved. Try again in {wait_secs} s"
                ),
            )
        }
    }
}

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        err.log();
        let status = err.status();
        let error = match &err {
            AppError::NotFound => "not found".to_string(),
            AppError::Database(_) | AppError::Template(_) => "internal error".to_string(),
            AppError::CrossOrigin => {
                "requests from another site's pages are not accepted".to_string()
            }
            other => other.public_message().1,
        };
        ApiError {
            retry_after: (status == StatusCode::SERVICE_UNAVAILABLE).then_some(RETRY_BUSY_SECS),
            ..ApiError::new(status, error)
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        AppError::from(err).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let response = (self.status, Json(self.body)).into_response();
        match self.retry_after {
            Some(seconds) => retry_after(response, seconds),
            None => response,
        }
    }
}
