//! One error type for every handler. Pages get an error page, the API gets JSON; a
//! server error is logged in full and shown to nobody.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::web::pages::ErrorPage;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("page not found")]
    NotFound,
    /// A form sent from another site.
    #[error("cross-origin form post")]
    CrossOrigin,
    /// A request the app will not read (too large, wrong encoding), with what to do.
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
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let reference = self.log();
        let status = self.status();
        let (heading, message) = self.public_message();
        ErrorPage::new(status, heading, message, reference).into_response()
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
}

impl ApiError {
    /// 422: a field's value is wrong.
    pub fn invalid(field: &str, message: &str) -> Self {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: ApiErrorBody {
                error: format!("{field}: {message}"),
                field: Some(field.to_string()),
            },
        }
    }

    pub fn not_found(what: &str) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            body: ApiErrorBody {
                error: format!("{what} not found"),
                field: None,
            },
        }
    }
}

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        err.log();
        let status = err.status();
        let error = match err {
            AppError::NotFound => "not found".to_string(),
            _ => "internal error".to_string(),
        };
        ApiError {
            status,
            body: ApiErrorBody { error, field: None },
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
        (self.status, Json(self.body)).into_response()
    }
}
