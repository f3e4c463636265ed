//! One error type for the pages and one for the API. Pages get an error page, the API
//! gets JSON; a server error is logged in full and shown to nobody. A 503 or 429 says
//! when to try again (`Retry-After`), on either surface.
//!
//! An error page speaks the language of the page asked for (`/es/…` in Spanish). Where
//! the request is at hand ([`AppError::page`], [`AppError::for_request`], the router's
//! fallback) the page is made in its language at once. An error a handler returns
//! becomes a response without the request ([`IntoResponse`]): that page is made in
//! English and carries its [`ErrorWords`], and [`in_page_language`], around the whole
//! app, says them again in the request's language when it differs. The API's JSON
//! errors stay in English.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::i18n::{Lang, text, text_with};
use crate::web::locale::Locale;
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

    /// What the person sees, in English: plain words, never internals.
    pub fn public_message(&self) -> (String, String) {
        let words = self.words(None);
        (words.heading(Lang::En), words.message(Lang::En))
    }

    /// What the page says about this error, for any language.
    fn words(&self, reference: Option<String>) -> ErrorWords {
        let kind = match self {
            AppError::NotFound => Kind::NotFound,
            AppError::CrossOrigin => Kind::CrossOrigin,
            AppError::Rejected { message, .. } => Kind::Rejected(message.clone()),
            AppError::Overloaded => Kind::Overloaded,
            AppError::TimedOut => Kind::TimedOut,
            AppError::Database(_) | AppError::Template(_) => Kind::Server,
        };
        ErrorWords {
            status: self.status(),
            kind,
            reference,
            lang: Lang::En,
        }
    }

    /// This error as a page in `locale`'s language (logged first if it is a server
    /// error).
    pub fn page(self, locale: &Locale) -> Response {
        let reference = self.log();
        self.words(reference).page(locale)
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
    /// page in the language of `uri`'s path otherwise: for the layers that answer
    /// before any handler runs.
    pub fn for_request(self, uri: &Uri) -> Response {
        if uri.path().starts_with("/api/") {
            ApiError::from(self).into_response()
        } else {
            let path = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
            self.page(&Locale::of(path, &HeaderMap::new()))
        }
    }
}

/// What an error page says, kept on its response so that the page can be made again
/// in another language ([`in_page_language`]).
#[derive(Debug, Clone)]
pub struct ErrorWords {
    status: StatusCode,
    kind: Kind,
    /// For server errors: the reference the details were logged under.
    reference: Option<String>,
    /// The language the page was made in.
    lang: Lang,
}

#[derive(Debug, Clone)]
enum Kind {
    NotFound,
    CrossOrigin,
    /// With the reason in English, as given where the request was refused.
    Rejected(String),
    Overloaded,
    TimedOut,
    Server,
}

impl ErrorWords {
    /// A 500 whose details were logged under `reference` (a panic).
    pub fn server_error(reference: String) -> ErrorWords {
        ErrorWords {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: Kind::Server,
            reference: Some(reference),
            lang: Lang::En,
        }
    }

    pub fn heading(&self, lang: Lang) -> String {
        text(
            lang,
            match self.kind {
                Kind::NotFound => "error-not-found-heading",
                Kind::CrossOrigin => "error-cross-origin-heading",
                Kind::Rejected(_) => "error-rejected-heading",
                Kind::Overloaded => "error-overloaded-heading",
                Kind::TimedOut => "error-timed-out-heading",
                Kind::Server => "error-server-heading",
            },
        )
    }

    pub fn message(&self, lang: Lang) -> String {
        let id = match &self.kind {
            // The reason written where the request was refused is English; other
            // languages say what the status means.
            Kind::Rejected(english) if lang == Lang::En => return english.clone(),
            Kind::Rejected(_) => {
                return text_with(
                    lang,
                    "error-rejected-message",
                    &[("status", self.status.as_u16().into())],
                );
            }
            Kind::NotFound => "error-not-found-message",
            Kind::CrossOrigin => "error-cross-origin-message",
            Kind::Overloaded => "error-overloaded-message",
            Kind::TimedOut => "error-timed-out-message",
            Kind::Server => "error-server-message",
        };
        text(lang, id)
    }

    /// The error page in `locale`'s language, carrying these words.
    pub fn page(mut self, locale: &Locale) -> Response {
        let lang = locale.lang;
        self.lang = lang;
        let status = self.status;
        let page = ErrorPage::new(
            status,
            self.heading(lang),
            self.message(lang),
            self.reference.clone(),
            locale,
        );
        let mut response = page.into_response();
        response.extensions_mut().insert(self);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            retry_after(response, RETRY_BUSY_SECS)
        } else {
            response
        }
    }
}

/// Middleware around the app (outside the panic handler, so that it sees every error
/// page): an error page made in another language than the request's path asks for is
/// made again in the path's language, with the response's other headers kept. Pages
/// that are not errors pass untouched.
pub async fn in_page_language(request: Request, next: Next) -> Response {
    let uri = request.uri().clone();
    let accept_language = request.headers().get(header::ACCEPT_LANGUAGE).cloned();
    let response = next.run(request).await;
    let Some(words) = response.extensions().get::<ErrorWords>() else {
        return response;
    };
    let path = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    if uri.path().starts_with("/api/") || Locale::of(path, &HeaderMap::new()).lang == words.lang {
        return response;
    }
    let mut headers = HeaderMap::new();
    if let Some(value) = accept_language {
        headers.insert(header::ACCEPT_LANGUAGE, value);
    }
    let locale = Locale::of(path, &headers);
    let mut again = words.clone().page(&locale);
    let (old, _) = response.into_parts();
    for (name, value) in &old.headers {
        if name != header::CONTENT_LENGTH && !again.headers().contains_key(name) {
            again.headers_mut().insert(name.clone(), value.clone());
        }
    }
    again
}

/// Adds `Retry-After` to a response that asks the client to come back.
pub fn retry_after(mut response: Response, seconds: u64) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// Without the request: the page in English, with its words kept for
/// [`in_page_language`].
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.page(&Locale::default())
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
