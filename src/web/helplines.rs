//! `/helplines`: every helpline, grouped by country, and in Canada the provincial and
//! territorial lines under their province after the lines for the whole country.
//! `?province=on` (or `?country=ca`) puts that place's lines first: a plain GET
//! parameter, never stored, never a cookie.
//!
//! In another language (`/es/helplines`) each line is shown from its translation, with
//! how to reach it in that language, and the lines that answer in it are listed first.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::{Country, Helpline, Library, PROVINCES, Source};
use crate::i18n::{Lang, path_in, text};
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

/// A province's or territory's name in `lang` (`place-province-on`).
pub fn province_name(lang: Lang, code: &str) -> String {
    text(lang, &format!("place-province-{code}"))
}

/// A country's name in `lang` (`place-country-ca`).
pub fn country_name(lang: Lang, country: Country) -> String {
    text(lang, &format!("place-country-{}", country.code()))
}

/// A name as the alphabet orders it: accents aside, case aside.
fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'í' | 'î' | 'ï' | 'Í' => 'i',
            'ó' | 'ô' | 'ö' | 'Ó' => 'o',
            'ú' | 'û' | 'ü' | 'Ú' => 'u',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

/// Every province and territory as (code, name in `lang`), in the order of the names.
pub fn provinces_in(lang: Lang) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = PROVINCES
        .iter()
        .map(|&(code, _)| (code, province_name(lang, code)))
        .collect();
    out.sort_by_cached_key(|(_, name)| sort_key(name));
    out
}

/// A helpline as a page in one language shows it: the translation's words when a
/// current one exists, the English otherwise, with a note.
pub struct LineView<'a> {
    pub line: &'a Helpline,
    pub name: &'a str,
    pub purpose: &'a str,
    pub hours: &'a str,
    pub languages: String,
    /// On a translated page: how to reach the line in the page's language (from the
    /// translation), and where that is stated.
    pub in_language: Option<(&'a str, &'a [Source])>,
    /// On a translated page: the line's own data lists the page's language among those
    /// it answers in.
    pub speaks: bool,
    /// On a translated page: no current translation, so the line is shown in English.
    pub untranslated: bool,
    /// The element id of the line's first listing on the page, when something links to
    /// it (the list of lines that answer in the page's language).
    pub anchor: Option<String>,
}

impl<'a> LineView<'a> {
    pub fn new(line: &'a Helpline, lang: Lang, library: &'a Library) -> LineView<'a> {
        let translation = match lang {
            Lang::En => None,
            _ => library.helpline_translation(&line.slug, lang),
        };
        match translation {
            Some(t) => LineView {
                line,
                name: &t.name,
                purpose: &t.purpose,
                hours: &t.hours,
                languages: t.languages.join(", "),
                in_language: Some((&t.in_language, &t.in_language_sources)),
                speaks: answers_in(line, lang),
                untranslated: false,
                anchor: None,
            },
            None => LineView {
                line,
                name: &line.name,
                purpose: &line.purpose,
                hours: &line.hours,
                languages: line.languages.join(", "),
                in_language: None,
                speaks: lang != Lang::En && answers_in(line, lang),
                untranslated: lang != Lang::En,
                anchor: None,
            },
        }
    }
}

/// Whether the line's (English) data lists `lang` among the languages it answers in:
/// a line is never said to speak a language its data does not name.
pub fn answers_in(line: &Helpline, lang: Lang) -> bool {
    let name = match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    };
    line.languages.iter().any(|l| l.starts_with(name))
}

#[derive(Template)]
#[template(path = "helplines.html")]
pub struct HelplinesPage<'a> {
    pub layout: Layout,
    /// Each country with lines, the visitor's first.
    pub countries: Vec<CountryLines<'a>>,
    pub place: Place,
    /// The chosen province's name, in the page's language.
    pub place_name: Option<String>,
    /// Every province and territory, for the chooser: (code, name), by name.
    pub provinces: Vec<(&'static str, String)>,
    /// On a translated page: the lines that answer in its language, as (anchor, name).
    pub speaking: Vec<(String, &'a str)>,
    /// `/find-care` for the same place, in the page's language, escaped for HTML.
    pub care_href: String,
}

/// One country's section of the page.
pub struct CountryLines<'a> {
    pub country: Country,
    /// The country's name in the page's language.
    pub name: String,
    /// The chosen province's own lines, shown before everything else in the country.
    pub first: Option<ProvinceLines<'a>>,
    /// Lines for the whole country, emergency numbers first.
    pub national: Vec<LineView<'a>>,
    /// Provinces and territories with lines of their own, in the order of their names
    /// (the chosen one, if any, is in `first` instead).
    pub provinces: Vec<ProvinceLines<'a>>,
}

pub struct ProvinceLines<'a> {
    /// The code, as in content files (`on`); also the end of the section's id.
    pub code: &'static str,
    /// The name in the page's language.
    pub name: String,
    pub lines: Vec<LineView<'a>>,
}

impl<'a> CountryLines<'a> {
    /// Splits a country's lines (already in display order) into national and provincial,
    /// in `lang`. A line for several provinces is listed under each of them.
    pub fn group(
        country: Country,
        lines: impl IntoIterator<Item = &'a Helpline>,
        lang: Lang,
        library: &'a Library,
    ) -> Self {
        let (provincial, national): (Vec<&Helpline>, Vec<&Helpline>) =
            lines.into_iter().partition(|h| h.is_provincial());
        let provinces = provinces_in(lang)
            .into_iter()
            .map(|(code, name)| ProvinceLines {
                code,
                name,
                lines: provincial
                    .iter()
                    .copied()
                    .filter(|h| h.provinces.iter().any(|p| p == code))
                    .map(|h| LineView::new(h, lang, library))
                    .collect(),
            })
            .filter(|p| !p.lines.is_empty())
            .collect();
        CountryLines {
            country,
            name: country_name(lang, country),
            first: None,
            national: national
                .into_iter()
                .map(|h| LineView::new(h, lang, library))
                .collect(),
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

    /// Every listing, in the order of the page.
    fn listings_mut(&mut self) -> impl Iterator<Item = &mut LineView<'a>> {
        self.first
            .iter_mut()
            .flat_map(|p| p.lines.iter_mut())
            .chain(self.national.iter_mut())
            .chain(self.provinces.iter_mut().flat_map(|p| p.lines.iter_mut()))
    }
}

/// Gives the first listing of each line that answers in the page's language an anchor,
/// and returns those lines as (anchor, name), in the order of the page.
fn mark_speaking<'a>(countries: &mut [CountryLines<'a>]) -> Vec<(String, &'a str)> {
    let mut out: Vec<(String, &'a str)> = Vec::new();
    for listing in countries.iter_mut().flat_map(CountryLines::listings_mut) {
        let anchor = format!("line-{}", listing.line.slug);
        if listing.speaks && !out.iter().any(|(a, _)| *a == anchor) {
            listing.anchor = Some(anchor.clone());
            out.push((anchor, listing.name));
        }
    }
    out
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
            let lang = wants.locale.lang;
            let library = &state.library;
            let mut countries: Vec<CountryLines> = place
                .countries()
                .into_iter()
                .map(|c| {
                    CountryLines::group(c, library.helplines_for(c), lang, library)
                        .with_first(place.province.map(|(code, _)| code))
                })
                .filter(|c| !c.is_empty())
                .collect();
            let speaking = match lang {
                Lang::En => Vec::new(),
                _ => mark_speaking(&mut countries),
            };
            render(&HelplinesPage {
                layout: Layout::new("helplines", &wants.locale),
                countries,
                place,
                place_name: place.province.map(|(code, _)| province_name(lang, code)),
                provinces: provinces_in(lang),
                speaking,
                care_href: path_in(
                    lang,
                    &super::find_care::link(place.country, place.province.map(|(code, _)| code)),
                )
                .replace('&', "&amp;"),
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
