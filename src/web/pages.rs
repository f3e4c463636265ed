//! The home page, the questionnaire's placeholder and the error page.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::Category;
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

/// `/`: what the site is for and three ways in.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    /// Category headings with their item counts, for the "explore" list.
    pub categories: Vec<(Category, usize)>,
}

pub async fn home(State(state): State<AppState>, wants: Wants) -> Result<Response, AppError> {
    state
        .pages
        .serve(Shelf::Content, "home", &wants, || {
            let categories = state
                .library
                .by_category()
                .into_iter()
                .map(|(c, items)| (c, items.len()))
                .collect();
            render(&HomePage {
                layout: Layout::new("home", &wants.locale),
                categories,
            })
        })
        .await
}

/// Any error: says what happened in plain words and offers ways back, in the
/// language of `locale` (see [`crate::web::error`] for how the words are chosen).
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub status: u16,
    pub heading: String,
    pub message: String,
    /// For server errors: the number under which the details were logged.
    pub reference: Option<String>,
}

impl ErrorPage {
    pub fn new(
        status: StatusCode,
        heading: String,
        message: String,
        reference: Option<String>,
        locale: &crate::web::locale::Locale,
    ) -> ErrorPage {
        ErrorPage {
            layout: Layout::new("", locale),
            status: status.as_u16(),
            heading,
            message,
            reference,
        }
    }
}

impl IntoResponse for ErrorPage {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = match self.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, self.heading).into_response(),
        };
        if status.is_server_error() {
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
        }
        response
    }
}

/// A short random reference for a logged server error, to quote when reporting it.
pub fn error_reference() -> String {
    let mut bytes = [0u8; 4];
    let _ = getrandom::fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}
