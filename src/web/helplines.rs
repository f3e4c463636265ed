//! `/helplines`: every helpline, grouped by country, and in Canada the provincial and
//! territorial lines under their province after the lines for the whole country.

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::{Country, Helpline, PROVINCES};
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/helplines", get(list))
}

#[derive(Template)]
#[template(path = "helplines.html")]
pub struct HelplinesPage<'a> {
    pub layout: Layout,
    /// Each country with lines, in [`Country::ALL`] order.
    pub countries: Vec<CountryLines<'a>>,
}

/// One country's section of the page.
pub struct CountryLines<'a> {
    pub country: Country,
    /// Lines for the whole country, emergency numbers first.
    pub national: Vec<&'a Helpline>,
    /// Provinces and territories with lines of their own, in the order of their names.
    pub provinces: Vec<ProvinceLines<'a>>,
}

pub struct ProvinceLines<'a> {
    /// The code, as in content files (`on`); also the end of the section's id.
    pub code: &'static str,
    pub name: &'static str,
    pub lines: Vec<&'a Helpline>,
}

impl<'a> CountryLines<'a> {
    /// Splits a country's lines (already in display order) into national and provincial.
    /// A line for several provinces is listed under each of them.
    pub fn group(country: Country, lines: impl IntoIterator<Item = &'a Helpline>) -> Self {
        let (provincial, national): (Vec<&Helpline>, Vec<&Helpline>) =
            lines.into_iter().partition(|h| h.is_provincial());
        let provinces = PROVINCES
            .iter()
            .map(|&(code, name)| ProvinceLines {
                code,
                name,
                lines: provincial
                    .iter()
                    .copied()
                    .filter(|h| h.provinces.iter().any(|p| p == code))
                    .collect(),
            })
            .filter(|p| !p.lines.is_empty())
            .collect();
        CountryLines {
            country,
            national,
            provinces,
        }
    }

    fn is_empty(&self) -> bool {
        self.national.is_empty() && self.provinces.is_empty()
    }
}

async fn list(State(state): State<AppState>) -> Result<Html<Bytes>, AppError> {
    state.pages.get_or_render("helplines", || {
        let countries = Country::ALL
            .into_iter()
            .map(|c| CountryLines::group(c, state.library.helplines_for(c)))
            .filter(|c| !c.is_empty())
            .collect();
        render(&HelplinesPage {
            layout: Layout::new("helplines"),
            countries,
        })
    })
}
