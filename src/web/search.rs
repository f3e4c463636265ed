//! `/search?q=`: ranked full-text search with highlighted snippets.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use serde::Deserialize;

use super::{Layout, render};
use crate::AppState;
use crate::content::Treatment;
use crate::error::AppError;
use crate::store::search::{self, MARK_END, MARK_START, MAX_QUERY_CHARS};

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
    pub snippet: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    pub layout: Layout,
    /// The query as typed (shortened to what was searched).
    pub query: String,
    pub results: Vec<SearchResult<'a>>,
    /// True when the query was longer than we search.
    pub shortened: bool,
}

/// Rendered result pages, by query. Content only changes at start-up, so a page stays
/// right for the life of the process, and a common search ("methadone") costs a lookup
/// instead of an FTS5 query with snippets and a render.
#[derive(Default)]
pub struct SearchCache {
    pages: Mutex<HashMap<String, Bytes>>,
}

/// Pages kept before the cache starts again empty: at most a few MB.
const CACHE_ENTRIES: usize = 512;

impl SearchCache {
    fn get(&self, key: &str) -> Option<Bytes> {
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    fn put(&self, key: String, page: Bytes) {
        let mut map = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CACHE_ENTRIES {
            map.clear();
        }
        map.insert(key, page);
    }
}

async fn search_page(
    State(state): State<AppState>,
    Query(params): Query<SearchQuery>,
) -> Result<Html<Bytes>, AppError> {
    let shortened = params.q.chars().count() > MAX_QUERY_CHARS;
    let query: String = params.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    let key = format!("{}{query}", if shortened { "+" } else { "-" });
    if let Some(page) = state.search_cache.get(&key) {
        return Ok(Html(page));
    }
    let hits = search::search(&state.pool, &query).await?;
    let results = hits
        .iter()
        .filter_map(|hit| {
            let item = state.library.get(&hit.slug)?;
            Some(SearchResult {
                item,
                snippet: split_marks(&hit.snippet),
            })
        })
        .collect();
    let Html(page) = render(&SearchPage {
        layout: Layout::new("search"),
        query,
        results,
        shortened,
    })?;
    let page = Bytes::from(page);
    state.search_cache.put(key, page.clone());
    Ok(Html(page))
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
    fn the_cache_stays_bounded() {
        let cache = SearchCache::default();
        for i in 0..CACHE_ENTRIES + 10 {
            cache.put(format!("q{i}"), Bytes::from_static(b"page"));
        }
        assert!(cache.pages.lock().unwrap().len() <= CACHE_ENTRIES);
        assert!(
            cache.get(&format!("q{}", CACHE_ENTRIES + 9)).is_some(),
            "the newest entry is kept"
        );
    }

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
}
