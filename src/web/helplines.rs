//! `/helplines`: every helpline, grouped by country, and in Canada the provincial and
//! territorial lines under their province after the lines for the whole country.
//! `?province=on` (or `?country=ca`) puts that place's lines first: a plain GET
//! parameter, never stored, never a cookie.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::{Country, Helpline, PROVINCES};
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/helplines", get(list))
}

/// Where a visitor said they are, from `?country=us|ca&province=on`: only known values,
/// anything else ignored. A province means Canada unless the country says otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub country: Option<Country>,
    /// (code, name) of a Canadian province or territory.
    pub province: Option<(&'static str, &'static str)>,
}

impl Place {
    pub fn from_query(query: &[(String, String)]) -> Place {
        let first = |key: &str| {
            query
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.trim().to_ascii_lowercase())
        };
        let country = first("country").and_then(|c| Country::from_code(&c));
        let province =
            first("province").and_then(|p| PROVINCES.iter().copied().find(|(code, _)| *code == p));
        match (country, province) {
            (Some(Country::Us), _) => Place {
                country,
                province: None,
            },
            (_, Some(_)) => Place {
                country: Some(Country::Ca),
                province,
            },
            _ => Place { country, province },
        }
    }

    /// The countries in the order to show them: the visitor's first.
    pub fn countries(self) -> [Country; 2] {
        match self.country {
            Some(Country::Ca) => [Country::Ca, Country::Us],
            _ => [Country::Us, Country::Ca],
        }
    }

    /// Part of a page-cache key: a few dozen values at most.
    pub fn key(self) -> String {
        format!(
            "{} {}",
            self.country.map_or("", Country::code),
            self.province.map_or("", |(code, _)| code)
        )
    }

    pub fn province_code(self) -> &'static str {
        self.province.map_or("", |(code, _)| code)
    }

    pub fn country_code(self) -> &'static str {
        self.country.map_or("", Country::code)
    }
}

#[derive(Template)]
#[template(path = "helplines.html")]
pub struct HelplinesPage<'a> {
    pub layout: Layout,
    /// Each country with lines, the visitor's first.
    pub countries: Vec<CountryLines<'a>>,
    pub place: Place,
    /// Every province and territory, for the chooser.
    pub provinces: &'static [(&'static str, &'static str)],
}

/// One country's section of the page.
pub struct CountryLines<'a> {
    pub country: Country,
    /// The chosen province's own lines, shown before everything else in the country.
    pub first: Option<ProvinceLines<'a>>,
    /// Lines for the whole country, emergency numbers first.
    pub national: Vec<&'a Helpline>,
    /// Provinces and territories with lines of their own, in the order of their names
    /// (the chosen one, if any, is in `first` instead).
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
            first: None,
            national,
            provinces,
        }
    }

    /// Moves `province`'s lines, if it has any, to the front.
    pub fn with_first(mut self, province: Option<&str>) -> Self {
        if let Some(i) =
            province.and_then(|code| self.provinces.iter().position(|p| p.code == code))
        {
            self.first = Some(self.provinces.remove(i));
        }
        self
    }

    fn is_empty(&self) -> bool {
        self.national.is_empty() && self.provinces.is_empty() && self.first.is_none()
    }
}

async fn list(
    State(state): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    wants: Wants,
) -> Result<Response, AppError> {
    let place = Place::from_query(&query);
    let key = format!("helplines {}", place.key());
    state
        .pages
        .serve(Shelf::Content, &key, &wants, || {
            let countries = place
                .countries()
                .into_iter()
                .map(|c| {
                    CountryLines::group(c, state.library.helplines_for(c))
                        .with_first(place.province.map(|(code, _)| code))
                })
                .filter(|c| !c.is_empty())
                .collect();
            render(&HelplinesPage {
                layout: Layout::new("helplines", &wants.locale),
                countries,
                place,
                provinces: &PROVINCES,
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(query: &[(&str, &str)]) -> Place {
        let query: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Place::from_query(&query)
    }

    #[test]
    fn a_place_takes_known_values_and_ignores_the_rest() {
        assert_eq!(place(&[]), Place::default());
        assert_eq!(place(&[("country", "us")]).country, Some(Country::Us));
        assert_eq!(place(&[("country", "CA")]).country, Some(Country::Ca));
        assert_eq!(place(&[("country", "uk")]), Place::default());
        let on = place(&[("province", "on")]);
        assert_eq!(on.country, Some(Country::Ca), "a province means Canada");
        assert_eq!(on.province, Some(("on", "Ontario")));
        assert_eq!(on.countries(), [Country::Ca, Country::Us]);
        assert_eq!(place(&[("province", "zz")]), Place::default());
        assert_eq!(
            place(&[("country", "us"), ("province", "on")]).province,
            None,
            "no province in the US"
        );
        assert_eq!(
            place(&[("province", "bc"), ("province", "on")]).province_code(),
            "bc",
            "the first of repeated values"
        );
        assert_eq!(
            place(&[("country", "ca"), ("province", "qc")]).key(),
            "ca qc"
        );
    }
}
