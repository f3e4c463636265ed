//! The content library: all items, one item, and the medication comparison.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::content::{
    Category, Comparison, Evidence, ItemTranslation, Lang, Library, TranslationState, Treatment,
};
use crate::i18n::{self, ToArg, path_in};
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;
use crate::web::locale::Locale;

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
    pub groups: Vec<(Category, Vec<ItemView<'a>>)>,
    /// For the legend explaining the badges.
    pub levels: [Evidence; 3],
}

async fn list(State(state): State<AppState>, wants: Wants) -> Result<Response, AppError> {
    state
        .pages
        .serve(Shelf::Content, "treatments", &wants, || {
            let lang = wants.locale.lang;
            let library = &state.library;
            let groups = library
                .by_category()
                .into_iter()
                .map(|(c, items)| {
                    let items = items
                        .into_iter()
                        .map(|t| ItemView::new(library, t, lang))
                        .collect();
                    (c, items)
                })
                .collect();
            render(&TreatmentsPage {
                layout: Layout::new("treatments", &wants.locale),
                groups,
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
    pub item: ItemView<'a>,
    /// The body in the page's language, its links kept in that language.
    pub body_html: String,
    /// On a page in another language showing the English item: the note saying so.
    pub note: Option<&'static str>,
    pub related: Vec<ItemView<'a>>,
    /// When the item was last reviewed: its month and year in words.
    pub reviewed_month: String,
    /// The line under the sources: when the item was reviewed, and the content version.
    pub checked: String,
    /// `Some("en")` on a page in another language: the sources are cited as published.
    pub sources_lang: Option<&'static str>,
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
            let lang = wants.locale.lang;
            let related = item
                .related
                .iter()
                .filter_map(|s| library.get(s))
                .map(|t| ItemView::new(library, t, lang))
                .collect();
            let view = ItemView::new(library, item, lang);
            render(&TreatmentPage {
                layout: Layout::new("treatments", &wants.locale),
                body_html: view.body_html(),
                note: view.note(),
                related,
                reviewed_month: month_year_in(lang, &item.reviewed),
                // The content version, so a printed page can be traced to what it said.
                checked: i18n::text_with(
                    lang,
                    "item-checked",
                    &[
                        ("month", month_year_in(lang, &item.reviewed).to_arg()),
                        ("date", long_date_in(lang, &item.reviewed).to_arg()),
                        ("version", library.version.to_arg()),
                    ],
                ),
                sources_lang: (lang != Lang::En).then_some("en"),
                item: view,
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
    pub columns: Vec<ItemView<'a>>,
    /// One row per question: its label and each column's answer.
    pub rows: Vec<(String, Vec<&'a str>)>,
    /// Every medication that can be compared, for the chooser.
    pub choices: Vec<(ItemView<'a>, bool)>,
    /// Names asked for that are not in the library.
    pub unknown: Vec<String>,
    /// Items that exist but have no comparison table (therapies, settings).
    pub not_comparable: Vec<ItemView<'a>>,
    /// True when more were asked for than fit side by side.
    pub trimmed: bool,
    /// True when nothing asked for could be compared and the default set is shown.
    pub showing_default: bool,
}

impl ComparePage<'_> {
    /// The names asked for that we do not have, each in quotes, for one sentence.
    pub fn unknown_names(&self) -> String {
        self.unknown
            .iter()
            .map(|u| format!("\u{201c}{u}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Links to the items that cannot be compared, for one sentence: HTML built here,
    /// with the titles escaped.
    pub fn not_comparable_links(&self) -> String {
        self.not_comparable
            .iter()
            .map(|t| {
                let lang = t.lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
                format!(
                    "<a href=\"{}\"{lang}>{}</a>",
                    escape(&t.href),
                    escape(t.title)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The columns' titles, for the table's caption.
    pub fn column_names(&self) -> String {
        self.columns
            .iter()
            .map(|c| c.title)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

async fn compare(
    State(state): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    wants: Wants,
) -> Result<Response, AppError> {
    let asked = parse_items(&query);
    // The page depends only on the items asked for, in order (and on the language,
    // which `serve` adds to the key).
    let key = format!("compare {}", asked.join(","));
    // Anyone can vary the query string: these pages sit on the shelf for queries.
    state
        .pages
        .serve(Shelf::Queries, &key, &wants, || {
            compare_page(&state.library, &asked, &wants.locale)
        })
        .await
}

fn compare_page(
    library: &Library,
    asked: &[String],
    locale: &Locale,
) -> Result<Html<String>, AppError> {
    let lang = locale.lang;
    let tr = locale.tr();
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
            Some(t) => not_comparable.push(ItemView::new(library, t, lang)),
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
    let columns: Vec<ItemView> = columns
        .into_iter()
        .map(|t| ItemView::new(library, t, lang))
        .collect();
    let row = |id: &str, get: fn(&Comparison) -> &str| {
        (
            tr.t(id),
            columns
                .iter()
                .map(|t| t.compare.map_or("", get))
                .collect::<Vec<_>>(),
        )
    };
    let rows = vec![
        row("compare-row-action", |c| &c.action),
        row("compare-row-taken", |c| &c.taken),
        row("compare-row-obtained", |c| &c.obtained),
        row("compare-row-before-starting", |c| &c.before_starting),
        row("compare-row-pregnancy", |c| &c.pregnancy),
        row("compare-row-risks", |c| &c.risks),
    ];
    let choices = library
        .treatments()
        .iter()
        .filter(|t| t.compare.is_some())
        .map(|t| {
            let chosen = columns.iter().any(|c| c.base.slug == t.slug);
            (ItemView::new(library, t, lang), chosen)
        })
        .collect();
    render(&ComparePage {
        layout: Layout::new("compare", locale),
        columns,
        rows,
        choices,
        unknown,
        not_comparable,
        trimmed,
        showing_default: showing_default && !asked.is_empty(),
    })
}

/// An item's words in a page's language: its translation when a current one exists,
/// otherwise the English item's, marked with `lang` so that browsers and screen readers
/// read them as English. Category, evidence, sources and dates are always the English
/// item's.
pub struct ItemView<'a> {
    /// The English item.
    pub base: &'a Treatment,
    /// The item's page in the page's language.
    pub href: String,
    pub title: &'a str,
    pub summary: &'a str,
    pub suits: &'a [String],
    pub requirements: &'a [String],
    pub side_effects: &'a [String],
    pub cautions: &'a [String],
    pub compare: Option<&'a Comparison>,
    pub evidence: Evidence,
    /// `Some("en")` when the words are the English item's on a page in another
    /// language: the elements holding them carry `lang="en"`.
    pub lang: Option<&'static str>,
    /// The page's language.
    page_lang: Lang,
    translation: Option<&'a ItemTranslation>,
    /// How the translation stands, on a page in another language.
    state: TranslationState,
}

impl<'a> ItemView<'a> {
    pub fn new(library: &'a Library, item: &'a Treatment, lang: Lang) -> ItemView<'a> {
        let href = path_in(lang, &format!("/treatments/{}", item.slug));
        let (translation, state) = match lang {
            Lang::En => (None, TranslationState::Current),
            _ => (
                library.translation(&item.slug, lang),
                library.translation_state(&item.slug, lang),
            ),
        };
        match translation {
            Some(t) => ItemView {
                base: item,
                href,
                title: &t.title,
                summary: &t.summary,
                suits: &t.suits,
                requirements: &t.requirements,
                side_effects: &t.side_effects,
                cautions: &t.cautions,
                // A translation has a comparison exactly when its English item does
                // (checked on import); the English one stands in should that ever slip.
                compare: t.compare.as_ref().or(item.compare.as_ref()),
                evidence: item.evidence,
                lang: None,
                page_lang: lang,
                translation,
                state,
            },
            None => ItemView {
                base: item,
                href,
                title: &item.title,
                summary: &item.summary,
                suits: &item.suits,
                requirements: &item.requirements,
                side_effects: &item.side_effects,
                cautions: &item.cautions,
                compare: item.compare.as_ref(),
                evidence: item.evidence,
                lang: (lang != Lang::En).then_some("en"),
                page_lang: lang,
                translation: None,
                state,
            },
        }
    }

    /// The note above an item shown in English on a page in another language: the id
    /// of its message, which says whether a translation is missing or being updated.
    pub fn note(&self) -> Option<&'static str> {
        self.lang?;
        Some(match self.state {
            TranslationState::Stale => "item-translation-stale",
            _ => "item-not-translated",
        })
    }

    /// The body as shown on the page: English pages as imported; on a page in another
    /// language, links to the site's own pages lead to the pages in that language, and
    /// a translated body's headings keep the English item's ids, heading for heading,
    /// so that a link to a section (`/es/treatments/overdose-response#what-to-do-right-now`)
    /// finds it in every language.
    pub fn body_html(&self) -> String {
        match (self.page_lang, self.translation) {
            (Lang::En, _) => self.base.body_html.clone(),
            (lang, Some(t)) => localize_body(&t.body_html, lang, Some(&self.base.body_html)),
            (lang, None) => localize_body(&self.base.body_html, lang, None),
        }
    }
}

/// Rewrites a body rendered from Markdown for a page in `lang`: `href="/…"` becomes the
/// same page in `lang`, and, given the English body, each heading's id becomes the id
/// of the English heading in the same place (with the `aria-labelledby` and `#` links
/// pointing at it). The ids are kept only when both bodies have the same headings at
/// the same levels in the same order, as every translation does (a test checks it).
pub fn localize_body(html: &str, lang: Lang, english: Option<&str>) -> String {
    let ids: std::collections::HashMap<String, String> = english
        .map(|english| {
            let ours = heading_ids(html);
            let theirs = heading_ids(english);
            let same_shape =
                ours.len() == theirs.len() && ours.iter().zip(&theirs).all(|(a, b)| a.0 == b.0);
            if same_shape {
                ours.into_iter()
                    .zip(theirs)
                    .map(|((_, a), (_, b))| (a, b))
                    .collect()
            } else {
                Default::default()
            }
        })
        .unwrap_or_default();
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    // Attribute values in pulldown-cmark's output are quoted with `"`, and a `"` in
    // text is written `&quot;`: ` name="` starts an attribute.
    while let Some((at, name)) = next_attribute(rest) {
        let value_start = at + name.len() + 3;
        let Some(value_len) = rest[value_start..].find('"') else {
            break;
        };
        let value = &rest[value_start..value_start + value_len];
        out.push_str(&rest[..value_start]);
        match name {
            "href" => {
                if let Some(fragment) = value.strip_prefix('#') {
                    out.push('#');
                    out.push_str(ids.get(fragment).map_or(fragment, String::as_str));
                } else if value.starts_with('/') && !value.starts_with("//") {
                    out.push_str(&path_in(lang, value));
                } else {
                    out.push_str(value);
                }
            }
            _ => out.push_str(ids.get(value).map_or(value, String::as_str)),
        }
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}

/// The first ` id="`, ` href="` or ` aria-labelledby="` in `html`: its offset and name.
fn next_attribute(html: &str) -> Option<(usize, &'static str)> {
    ["id", "href", "aria-labelledby"]
        .into_iter()
        .filter_map(|name| html.find(&format!(" {name}=\"")).map(|at| (at, name)))
        .min_by_key(|(at, _)| *at)
}

/// Each heading's level and id, in order.
fn heading_ids(html: &str) -> Vec<(u8, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        let Some(level) = rest.bytes().next().filter(|b| (b'1'..=b'6').contains(b)) else {
            continue;
        };
        let Some(after) = rest[1..].strip_prefix(" id=\"") else {
            continue;
        };
        if let Some(end) = after.find('"') {
            found.push((level - b'0', after[..end].to_string()));
        }
    }
    found
}

/// Text for an HTML attribute or element built outside a template.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DD` as numbers, when it is one.
fn date_parts(iso: &str) -> Option<(&str, u32, u32)> {
    let mut parts = iso.splitn(3, '-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let month: u32 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let day: u32 = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// `2026-11-22` as its month and year in `lang` ("November 2026", "noviembre de 2026");
/// anything else as written.
pub fn month_year_in(lang: Lang, iso: &str) -> String {
    match date_parts(iso) {
        Some((year, month, _)) => i18n::text_with(
            lang,
            "date-month-year",
            &[("month", month.to_arg()), ("year", year.to_arg())],
        ),
        None => iso.to_string(),
    }
}

/// `2026-11-22` as a full date in `lang` ("22 de noviembre de 2026"; English pages show
/// it as written); anything else as written.
pub fn long_date_in(lang: Lang, iso: &str) -> String {
    match date_parts(iso) {
        Some((year, month, day)) => i18n::text_with(
            lang,
            "date-long",
            &[
                ("day", day.to_arg()),
                ("month", month.to_arg()),
                ("year", year.to_arg()),
                ("iso", iso.to_arg()),
            ],
        ),
        None => iso.to_string(),
    }
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
    fn a_translated_body_keeps_the_english_ids_and_links_to_pages_in_its_language() {
        let english = "<h2 id=\"what-to-do-right-now\">What to do right now</h2>\n<p>See <a href=\"#signs\">signs</a>.</p>\n<h3 id=\"step-one\">Step one</h3>\n<section class=\"country-note country-ca\" aria-labelledby=\"in-canada\">\n<h2 id=\"in-canada\" class=\"country-label\">In Canada</h2>\n</section>\n<h2 id=\"signs\">Signs</h2>\n";
        let spanish = "<h2 id=\"qué-hacer-ahora-mismo\">Qué hacer ahora mismo</h2>\n<p>Vea <a href=\"#señales\">las señales</a> y <a href=\"/treatments/naloxone\">la naloxona</a>, <a href=\"/compare\">la comparación</a>, <a href=\"https://nida.nih.gov/es\">NIDA</a>, <a href=\"//x.org/\">x</a>. Texto con id=&quot;a&quot;.</p>\n<h3 id=\"paso-uno\">Paso uno</h3>\n<section class=\"country-note country-ca\" aria-labelledby=\"en-canadá\">\n<h2 id=\"en-canadá\" class=\"country-label\">En Canadá</h2>\n</section>\n<h2 id=\"señales\">Señales</h2>\n";
        let shown = localize_body(spanish, Lang::Es, Some(english));
        assert_eq!(
            shown,
            "<h2 id=\"what-to-do-right-now\">Qué hacer ahora mismo</h2>\n<p>Vea <a href=\"#signs\">las señales</a> y <a href=\"/es/treatments/naloxone\">la naloxona</a>, <a href=\"/es/compare\">la comparación</a>, <a href=\"https://nida.nih.gov/es\">NIDA</a>, <a href=\"//x.org/\">x</a>. Texto con id=&quot;a&quot;.</p>\n<h3 id=\"step-one\">Paso uno</h3>\n<section class=\"country-note country-ca\" aria-labelledby=\"in-canada\">\n<h2 id=\"in-canada\" class=\"country-label\">En Canadá</h2>\n</section>\n<h2 id=\"signs\">Señales</h2>\n"
        );
        // Headings that do not line up keep their own ids; the links still change.
        let fewer = "<h2 id=\"qué-hacer\">Qué hacer</h2>\n<p><a href=\"/treatments\">x</a></p>\n";
        assert_eq!(
            localize_body(fewer, Lang::Es, Some(english)),
            "<h2 id=\"qué-hacer\">Qué hacer</h2>\n<p><a href=\"/es/treatments\">x</a></p>\n"
        );
        let other_levels = spanish.replace("h3", "h2");
        assert!(localize_body(&other_levels, Lang::Es, Some(english)).contains("id=\"paso-uno\""));
        // An English body on a Spanish page: only its links change.
        assert_eq!(localize_body(english, Lang::Es, None), english.to_string());
        assert_eq!(
            localize_body("<p><a href=\"/treatments/x#a\">x</a></p>", Lang::Es, None),
            "<p><a href=\"/es/treatments/x#a\">x</a></p>"
        );
        assert_eq!(localize_body(spanish, Lang::En, None), spanish);
    }

    #[test]
    fn dates_in_each_language() {
        assert_eq!(month_year_in(Lang::Es, "2026-12-01"), "diciembre de 2026");
        assert_eq!(
            long_date_in(Lang::Es, "2026-12-01"),
            "1 de diciembre de 2026"
        );
        assert_eq!(long_date_in(Lang::Es, "2026-01-31"), "31 de enero de 2026");
        assert_eq!(long_date_in(Lang::En, "2026-11-22"), "2026-11-22");
        for month in 1..=12 {
            let iso = format!("2026-{month:02}-15");
            assert_eq!(
                month_year_in(Lang::En, &iso),
                crate::content::month_year(&iso).unwrap(),
                "{iso}"
            );
            assert!(month_year_in(Lang::Es, &iso).ends_with(" de 2026"), "{iso}");
        }
        for odd in ["2026-13-01", "2026-11", "26-11-22", ""] {
            assert_eq!(month_year_in(Lang::Es, odd), odd);
            assert_eq!(long_date_in(Lang::Es, odd), odd);
        }
    }

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
