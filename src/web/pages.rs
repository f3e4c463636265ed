//! The home page, the questionnaire's placeholder and the error page.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Html;
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::Category;
use crate::error::AppError;

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

async fn home(State(state): State<AppState>) -> Result<Html<String>, AppError> {
    let categories = state
        .library
        .by_category()
        .into_iter()
        .map(|(c, items)| (c, items.len()))
        .collect();
    render(&HomePage {
        layout: Layout::new("home"),
        categories,
    })
}

/// Any error: says what happened in plain words and offers ways back.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub status: u16,
    pub heading: &'static str,
    pub message: &'static str,
}

impl ErrorPage {
    pub fn for_status(status: StatusCode) -> ErrorPage {
        let (heading, message) = match status {
            StatusCode::NOT_FOUND => (
                "We could not find that page",
                "The address may be mistyped, or the page may have moved.",
            ),
            StatusCode::REQUEST_TIMEOUT => ("That took too long", "Please try again in a moment."),
            _ => (
                "Something went wrong on our side",
                "The problem has been logged. Please try again in a moment.",
            ),
        };
        ErrorPage {
            layout: Layout::new(""),
            status: status.as_u16(),
            heading,
            message,
        }
    }
}
