//! `/tools/cows`: the Clinical Opiate Withdrawal Scale as a form that works without
//! JavaScript. It is a GET form: the server scores the query string, so a scored form is
//! a plain link that can be printed, kept or opened again, and nothing is stored.

use std::borrow::Cow;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::assessment::cows::{self, Band, Item, Ratings, Score};
use crate::assessment::sources::{Citation, Source};
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;
use crate::web::locale::Locale;

pub fn router() -> Router<AppState> {
    Router::new().route("/tools/cows", get(cows_page))
}

/// Longest part of a refused value shown back on the page.
const ECHO_CHARS: usize = 12;

/// What the query string says about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry<'a> {
    Blank,
    Rated(u8),
    /// A value that is not one of the item's points, as sent.
    Refused(&'a str),
}

/// Each item's entry, in form order. Keys that are not items are ignored (a page may be
/// linked with anything after the `?`); an empty value is no answer; if an item comes
/// twice, the last value counts, as it would in a form post read into a map.
fn read_form(pairs: &[(String, String)]) -> [Entry<'_>; Item::ALL.len()] {
    let mut entries = [Entry::Blank; Item::ALL.len()];
    for (key, value) in pairs {
        let Some(item) = Item::from_key(key) else {
            continue;
        };
        let value = value.trim();
        entries[item as usize] = if value.is_empty() {
            Entry::Blank
        } else {
            item.read_text(value)
                .map_or(Entry::Refused(value), Entry::Rated)
        };
    }
    entries
}

/// One item of the form, as shown.
pub struct ItemView {
    pub number: usize,
    pub key: &'static str,
    pub name: Cow<'static, str>,
    pub how: Cow<'static, str>,
    pub grades: Vec<GradeView>,
    /// Why the value sent for this item was refused.
    pub error: Option<String>,
    /// The ids of the texts that describe the item (`aria-describedby`), or `""`.
    pub described_by: String,
}

pub struct GradeView {
    pub points: u8,
    pub text: Cow<'static, str>,
    /// What a screen reader hears before the text: " 1 point:", in the page's language.
    pub points_label: String,
    pub checked: bool,
}

/// One row of the table of bands.
pub struct BandView {
    pub band: Band,
    pub min: u8,
    pub max: u8,
    pub label: Cow<'static, str>,
    /// The totals it covers, capitalised as the list shows them.
    pub range: String,
    /// The running total's words for a complete form in this band, with `{total}` for
    /// the total (read by `static/cows.js`).
    pub running: String,
    /// The band of the total shown.
    pub current: bool,
}

/// The total shown, in words.
pub struct ScoreView {
    pub score: u8,
    /// "Moderate withdrawal (13–24)."
    pub band_line: String,
}

#[derive(Template)]
#[template(path = "cows.html")]
pub struct CowsPage {
    pub layout: Layout,
    pub items: Vec<ItemView>,
    pub bands: Vec<BandView>,
    /// The total, when every item was rated with one of its points.
    pub score: Option<Score>,
    pub score_view: Option<ScoreView>,
    /// The names of the items not rated yet, when some were (empty for a blank form).
    pub missing: Vec<Cow<'static, str>>,
    /// Items whose value was refused: (key, name, why).
    pub invalid: Vec<(&'static str, Cow<'static, str>, String)>,
    /// The running total's words while items are left, for 1, 2, … 11 items left, with
    /// `{total}` for the total so far (read by `static/cows.js`), as a JSON array.
    pub running_partial: String,
    pub source: Citation,
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl CowsPage {
    fn new(entries: &[Entry<'_>; Item::ALL.len()], locale: &Locale) -> CowsPage {
        let lang = locale.lang;
        let tr = locale.tr();
        let entry = |item: Item| entries[item as usize];
        let score = Ratings::new(|item| match entry(item) {
            Entry::Rated(points) => Some(points),
            _ => None,
        })
        .ok()
        .map(|ratings| cows::score(&ratings));
        let blank = entries.iter().all(|e| *e == Entry::Blank);
        let missing = if blank {
            Vec::new()
        } else {
            Item::ALL
                .into_iter()
                .filter(|i| entry(*i) == Entry::Blank)
                .map(|i| i.name_in(lang))
                .collect()
        };
        let mut invalid = Vec::new();
        let items = Item::ALL
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                let spec = item.spec();
                let error = match entry(item) {
                    Entry::Refused(value) => {
                        let mut shown: String = value.chars().take(ECHO_CHARS).collect();
                        if value.chars().count() > ECHO_CHARS {
                            shown.push('…');
                        }
                        let why = tr.t2(
                            "tool-cows-refused",
                            "value",
                            shown,
                            "points",
                            item.points_list(),
                        );
                        invalid.push((spec.key, item.name_in(lang), why.clone()));
                        Some(why)
                    }
                    _ => None,
                };
                let described_by = [
                    (!spec.how.is_empty()).then(|| format!("how-{}", spec.key)),
                    error.is_some().then(|| format!("err-{}", spec.key)),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                ItemView {
                    number: index + 1,
                    key: spec.key,
                    name: item.name_in(lang),
                    how: item.how_in(lang),
                    grades: spec
                        .grades
                        .iter()
                        .map(|g| GradeView {
                            points: g.points,
                            text: item.grade_in(g, lang),
                            points_label: tr.t1("tool-cows-points", "points", g.points),
                            checked: entry(item) == Entry::Rated(g.points),
                        })
                        .collect(),
                    error,
                    described_by,
                }
            })
            .collect();
        let running_partial = serde_json::to_string(
            &(1..=Item::ALL.len())
                .map(|left| {
                    tr.t2(
                        "tool-cows-running-partial",
                        "total",
                        "{total}",
                        "left",
                        left,
                    )
                })
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default();
        CowsPage {
            layout: Layout::new("tools", locale),
            items,
            bands: Band::RANGES
                .into_iter()
                .map(|(band, min, max)| BandView {
                    band,
                    min,
                    max,
                    label: band.label_in(lang),
                    range: capitalised(&band.range_in(lang)),
                    running: tr.t2(
                        "tool-cows-running-complete",
                        "total",
                        "{total}",
                        "band",
                        band.label_in(lang).into_owned(),
                    ),
                    current: score.is_some_and(|s| s.band == band),
                })
                .collect(),
            score_view: score.map(|s| ScoreView {
                score: s.score,
                band_line: tr.t2(
                    "tool-cows-band-line",
                    "band",
                    capitalised(&s.band.label_in(lang)),
                    "range",
                    s.band.range_in(lang).into_owned(),
                ),
            }),
            score,
            missing,
            invalid,
            running_partial,
            source: Source::Cows2003.citation(),
        }
    }

    /// The items still to rate, as the notice lists them.
    pub fn missing_list(&self) -> String {
        self.missing.join(", ")
    }
}

/// The form; with answers in the query string, the total and its band, or which items
/// still need a rating, or which values are not ratings of their item (422).
async fn cows_page(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
    wants: Wants,
) -> Result<Response, AppError> {
    let entries = read_form(&pairs);
    if entries.iter().all(|e| *e == Entry::Blank) {
        return state
            .pages
            .serve(Shelf::Content, "tools/cows", &wants, || {
                render(&CowsPage::new(&entries, &wants.locale))
            })
            .await;
    }
    let page = CowsPage::new(&entries, &wants.locale);
    let status = if page.invalid.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    // A scored form is about one person: no browser or proxy cache keeps it.
    Ok((
        status,
        [(header::CACHE_CONTROL, "no-store")],
        render(&page)?,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
        query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_each_item_and_ignores_other_keys() {
        let query = pairs(&[
            ("pulse", "4"),
            ("sweating", " 2 "),
            ("tremor", "3"),
            ("yawning", ""),
            ("utm_source", "x"),
            ("gooseflesh", "0"),
            ("gooseflesh", "5"),
        ]);
        let entries = read_form(&query);
        assert_eq!(entries[Item::Pulse as usize], Entry::Rated(4));
        assert_eq!(entries[Item::Sweating as usize], Entry::Rated(2));
        assert_eq!(entries[Item::Tremor as usize], Entry::Refused("3"));
        assert_eq!(entries[Item::Yawning as usize], Entry::Blank);
        assert_eq!(
            entries[Item::Gooseflesh as usize],
            Entry::Rated(5),
            "the last value counts"
        );
        assert_eq!(entries[Item::Anxiety as usize], Entry::Blank);
    }

    #[test]
    fn a_page_shows_a_total_only_for_a_complete_valid_form() {
        let full: Vec<(String, String)> = Item::ALL
            .iter()
            .map(|i| (i.key().to_string(), i.max_points().to_string()))
            .collect();
        let en = Locale::default();
        let page = CowsPage::new(&read_form(&full), &en);
        assert_eq!(page.score.map(|s| s.score), Some(48));
        assert!(page.missing.is_empty() && page.invalid.is_empty());
        assert!(
            page.bands
                .iter()
                .filter(|b| b.current)
                .all(|b| b.band == Band::Severe)
        );

        let partial = CowsPage::new(&read_form(&full[..9]), &en);
        assert_eq!(partial.score, None);
        assert_eq!(
            partial.missing,
            ["Anxiety or irritability", "Gooseflesh skin"]
        );

        let blank = CowsPage::new(&read_form(&[]), &en);
        assert!(blank.score.is_none() && blank.missing.is_empty() && blank.invalid.is_empty());

        let mut refused = full.clone();
        refused[0].1 = "3".repeat(40);
        let page = CowsPage::new(&read_form(&refused), &en);
        assert_eq!(page.score, None);
        assert_eq!(page.invalid.len(), 1);
        let (key, name, why) = &page.invalid[0];
        assert_eq!((*key, name.as_ref()), ("pulse", "Resting pulse rate"));
        assert!(why.contains("one of 0, 1, 2, 4"), "{why}");
        assert!(
            why.contains(&format!("“{}…”", "3".repeat(ECHO_CHARS))),
            "{why}"
        );
        assert_eq!(page.items[0].described_by, "how-pulse err-pulse");
    }
}
