//! The content library: all items, one item, and the medication comparison.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::{Category, Evidence, Treatment};
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/treatments", get(list))
        .route("/treatments/{slug}", get(show))
        .route("/compare", get(compare))
}

/// `/treatments`: every item, by category.
#[derive(Template)]
#[template(path = "treatments.html")]
pub struct TreatmentsPage<'a> {
    pub layout: Layout,
    pub groups: Vec<(Category, Vec<&'a Treatment>)>,
    /// For the legend explaining the badges.
    pub levels: [Evidence; 3],
}

async fn list(State(state): State<AppState>, wants: Wants) -> Result<Response, AppError> {
    state
        .pages
        .serve(Shelf::Content, "treatments", &wants, || {
            render(&TreatmentsPage {
                layout: Layout::new("treatments", &wants.locale),
                groups: state.library.by_category(),
                levels: Evidence::ALL,
            })
        })
        .await
}

/// `/treatments/{slug}`: one item with its evidence, sources and related items.
#[derive(Template)]
#[template(path = "treatment.html")]
pub struct TreatmentPage<'a> {
    pub layout: Layout,
    pub item: &'a Treatment,
    pub related: Vec<&'a Treatment>,
    /// Content version, so a printed page can be traced to what it said.
    pub version: &'a str,
}

async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    wants: Wants,
) -> Result<Response, AppError> {
    let library = &state.library;
    // Only real items reach the cache, so made-up slugs cannot fill it.
    let item = library.get(&slug).ok_or(AppError::NotFound)?;
    let key = format!("treatment {slug}");
    state
        .pages
        .serve(Shelf::Content, &key, &wants, || {
            let related = item.related.iter().filter_map(|s| library.get(s)).collect();
            render(&TreatmentPage {
                layout: Layout::new("treatments", &wants.locale),
                item,
                related,
                version: &library.version,
            })
        })
        .await
}

pub const DEFAULT_COMPARISON: [&str; 3] = ["methadone", "buprenorphine", "naltrexone"];
const MAX_COMPARED: usize = 4;

/// `/compare`: medications side by side.
#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage<'a> {
    pub layout: Layout,
    /// The columns.
    pub columns: Vec<&'a Treatment>,
    /// One row per question: its label and each column's answer.
    pub rows: Vec<(&'static str, Vec<&'a str>)>,
    /// Every medication that can be compared, for the chooser.
    pub choices: Vec<(&'a Treatment, bool)>,
    /// Names asked for that are not in the library.
    pub unknown: Vec<String>,
    /// Items that exist but have no comparison table (therapies, settings).
    pub not_comparable: Vec<&'a Treatment>,
    /// True when more were asked for than fit side by side.
    pub trimmed: bool,
    /// True when nothing asked for could be compared and the default set is shown.
    pub showing_default: bool,
}

async fn compare(
    State(state): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    wants: Wants,
) -> Result<Response, AppError> {
    let asked = parse_items(&query);
    // The page depends only on the items asked for, in order.
    let key = format!("compare {}", asked.join(","));
    // Anyone can vary the query string: these pages sit on the shelf for queries.
    state
        .pages
        .serve(Shelf::Queries, &key, &wants, || {
            compare_page(&state.library, &asked)
        })
        .await
}

fn compare_page(
    library: &crate::content::Library,
    asked: &[String],
) -> Result<Html<String>, AppError> {
    let mut columns = Vec::new();
    let mut unknown = Vec::new();
    let mut not_comparable = Vec::new();
    let mut trimmed = false;
    for slug in asked {
        match library.get(slug) {
            Some(t) if t.compare.is_some() => {
                if columns.len() < MAX_COMPARED {
                    columns.push(t);
                } else {
                    trimmed = true;
                }
            }
            Some(t) => not_comparable.push(t),
            None => unknown.push(slug.chars().take(60).collect()),
        }
    }
    let showing_default = columns.is_empty();
    if showing_default {
        columns = DEFAULT_COMPARISON
            .iter()
            .filter_map(|s| library.get(s))
            .filter(|t| t.compare.is_some())
            .collect();
    }
    let row = |label, get: fn(&crate::content::Comparison) -> &str| {
        (
            label,
            columns
                .iter()
                .map(|t| t.compare.as_ref().map_or("", get))
                .collect::<Vec<_>>(),
        )
    };
    let rows = vec![
        row("How it acts", |c| &c.action),
        row("How it is taken", |c| &c.taken),
        row("Where to get it", |c| &c.obtained),
        row("Before starting", |c| &c.before_starting),
        row("In pregnancy", |c| &c.pregnancy),
        row("Main risks", |c| &c.risks),
    ];
    let choices = library
        .treatments()
        .iter()
        .filter(|t| t.compare.is_some())
        .map(|t| (t, columns.iter().any(|c| c.slug == t.slug)))
        .collect();
    render(&ComparePage {
        layout: Layout::new(
            "compare",
            &crate::web::locale::Locale::default(), /* TODO(i18n) */
        ),
        columns,
        rows,
        choices,
        unknown,
        not_comparable,
        trimmed,
        showing_default: showing_default && !asked.is_empty(),
    })
}

/// Reads `items=a,b` and the checkbox form's `items=a&items=b`, keeping the order asked
/// and dropping repeats. With no `items` at all, the default comparison.
fn parse_items(query: &[(String, String)]) -> Vec<String> {
    let values: Vec<&String> = query
        .iter()
        .filter(|(k, _)| k == "items")
        .map(|(_, v)| v)
        .collect();
    if values.is_empty() {
        return DEFAULT_COMPARISON.iter().map(|s| s.to_string()).collect();
    }
    let mut out: Vec<String> = Vec::new();
    for value in values {
        for slug in value
            .split(',')
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
        {
            if !out.contains(&slug) && out.len() < 20 {
                out.push(slug);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_items_in_every_form() {
        let cases: &[(&str, &[&str])] = &[
            ("", &DEFAULT_COMPARISON),
            ("other=1", &DEFAULT_COMPARISON),
            ("items=methadone,naltrexone", &["methadone", "naltrexone"]),
            ("items=methadone%2Cnaloxone", &["methadone", "naloxone"]),
            (
                "items=methadone&items=lofexidine&items=methadone",
                &["methadone", "lofexidine"],
            ),
            ("items=%20Methadone%20,,", &["methadone"]),
            ("items=", &[]),
        ];
        for (raw, expected) in cases {
            let uri: axum::http::Uri = format!("/compare?{raw}").parse().unwrap();
            let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&uri).unwrap();
            assert_eq!(parse_items(&pairs), *expected, "{raw:?}");
        }
    }
}
