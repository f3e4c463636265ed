//! `/helplines`: every helpline, grouped by country.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::{Country, Helpline};
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/helplines", get(list))
}

#[derive(Template)]
#[template(path = "helplines.html")]
pub struct HelplinesPage<'a> {
    pub layout: Layout,
    /// Each country with its lines, emergency numbers first.
    pub countries: Vec<(Country, Vec<&'a Helpline>)>,
}

async fn list(State(state): State<AppState>) -> Result<Html<Bytes>, AppError> {
    state.pages.get_or_render("helplines", || {
        let countries = Country::ALL
            .into_iter()
            .map(|c| (c, state.library.helplines_for(c).collect::<Vec<_>>()))
            .filter(|(_, lines)| !lines.is_empty())
            .collect();
        render(&HelplinesPage {
            layout: Layout::new("helplines"),
            countries,
        })
    })
}
