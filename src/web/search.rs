//! `/search?q=`: ranked full-text search with highlighted snippets; `/es/search?q=`
//! searches the Spanish items and shows their Spanish titles.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use axum::routing::get;
use serde::Deserialize;

use super::{Layout, render};
use crate::AppState;
use crate::content::{Category, Lang, Treatment};
use crate::i18n;
use crate::store::search::{self, MARK_END, MARK_START, MAX_QUERY_CHARS, PageLink};
use crate::web::cache::Shelf;
use crate::web::delivery::{CachePolicy, Wants};
use crate::web::error::AppError;
use crate::web::protect::SEARCH_WAIT;

pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(search_page))
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// One result: the item and a snippet split into plain and highlighted runs, so the
/// template escapes every run and adds `<mark>` itself.
pub struct SearchResult<'a> {
    pub item: &'a Treatment,
    /// The item's page in the page's language.
    pub href: String,
    /// The title in the page's language; the English one when the item has no current
    /// translation (its page is then English too).
    pub title: &'a str,
    /// The item's text is in English on a page in another language: marked `lang="en"`,
    /// with a note.
    pub in_english: bool,
    /// The item's group, in the page's language.
    pub category: String,
    pub snippet: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    pub layout: Layout,
    /// The query as typed (shortened to what was searched).
    pub query: String,
    pub results: Vec<SearchResult<'a>>,
    /// A page the query asks for ("near me" → finding care), linked above the results.
    pub link: Option<PageLink>,
    /// True when the query was longer than we search.
    pub shortened: bool,
    pub max_chars: usize,
}

/// A category's heading in `lang` (one definition, beside the category: see
/// [`Category::heading_in`]).
pub fn category_heading(lang: Lang, category: Category) -> String {
    category.heading_in(lang).into_owned()
}

async fn search_page(
    State(state): State<AppState>,
    Query(params): Query<SearchQuery>,
    wants: Wants,
) -> Result<Response, AppError> {
    let shortened = params.q.chars().count() > MAX_QUERY_CHARS;
    let query: String = params.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    let key = wants.locale.cache_key(&format!(
        "search{}{query}",
        if shortened { "+" } else { "-" }
    ));
    if let Some(page) = state.pages.get(Shelf::Queries, &key) {
        return Ok(page.respond(&wants, CachePolicy::Page));
    }
    // Wait for a turn; a flood of searches must not take the database from saves.
    let turn = tokio::time::timeout(SEARCH_WAIT, state.searches.clone().acquire_owned()).await;
    let Ok(Ok(_turn)) = turn else {
        return Err(AppError::Overloaded);
    };
    let lang = wants.locale.lang;
    let found = search::search(&state.pool, &query, lang).await?;
    let results = found
        .hits
        .iter()
        .filter_map(|hit| {
            let item = state.library.get(&hit.slug)?;
            let translation = match lang {
                Lang::En => None,
                _ => state.library.translation(&hit.slug, lang),
            };
            Some(SearchResult {
                item,
                href: i18n::path_in(lang, &format!("/treatments/{}", item.slug)),
                title: translation.map_or(&item.title, |t| &t.title),
                in_english: lang != Lang::En && translation.is_none(),
                category: category_heading(lang, item.category),
                snippet: split_marks(&hit.snippet),
            })
        })
        .collect();
    let Html(page) = render(&SearchPage {
        layout: Layout::new("search", &wants.locale),
        query,
        results,
        link: found.link,
        shortened,
        max_chars: MAX_QUERY_CHARS,
    })?;
    // Compressed while this search still holds its turn: a flood of distinct queries
    // compresses two pages at a time, not one per request.
    let page = state.pages.keep(Shelf::Queries, key, page).await;
    drop(_turn);
    Ok(page.respond(&wants, CachePolicy::Page))
}

/// `"a \u{E000}b\u{E001} c"` → `[("a ", false), ("b", true), (" c", false)]`.
fn split_marks(snippet: &str) -> Vec<(String, bool)> {
    let mut runs = Vec::new();
    let mut current = String::new();
    let mut marked = false;
    for c in snippet.chars() {
        if c == MARK_START || c == MARK_END {
            if !current.is_empty() {
                runs.push((std::mem::take(&mut current), marked));
            }
            marked = c == MARK_START;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        runs.push((current, marked));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_snippets_into_runs() {
        let s = format!("take {MARK_START}methadone{MARK_END} daily, {MARK_START}<b>{MARK_END}");
        assert_eq!(
            split_marks(&s),
            vec![
                ("take ".to_string(), false),
                ("methadone".to_string(), true),
                (" daily, ".to_string(), false),
                ("<b>".to_string(), true),
            ]
        );
        assert!(split_marks("").is_empty());
    }

    #[test]
    fn category_headings_in_each_language() {
        for category in Category::ALL {
            // The English catalogue says what the table says (the Spanish is beside it).
            let id = format!("category-{}", category.slug());
            assert_eq!(i18n::text(Lang::En, &id), category.heading(), "{id}");
            assert_eq!(category_heading(Lang::En, category), category.heading());
            let es = category_heading(Lang::Es, category);
            assert!(i18n::text_if_any(Lang::Es, &id).is_some(), "{id}");
            assert_ne!(es, category.heading(), "{id} is translated");
        }
    }
}
