//! Rendered pages kept in memory. Content is imported once, at start-up, and never
//! changes while the server runs, so a page rendered once stays right for the life of
//! the process: a repeat visit costs a lookup instead of a render (or, for search, an
//! FTS5 query with snippets). Assessment pages are never cached: they are per person.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;
use axum::response::Html;

use crate::web::error::AppError;

/// Pages kept before the cache starts again empty: a few MB at most, even when the keys
/// come from hostile query strings.
const CACHE_ENTRIES: usize = 512;

/// Longest key worth keeping; longer ones (odd query strings) are rendered every time.
const MAX_KEY: usize = 256;

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, Bytes>>,
}

impl PageCache {
    pub fn get(&self, key: &str) -> Option<Bytes> {
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    pub fn put(&self, key: String, page: Bytes) {
        if key.len() > MAX_KEY {
            return;
        }
        let mut map = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CACHE_ENTRIES {
            map.clear();
        }
        map.insert(key, page);
    }

    /// The page under `key`, rendered by `render` the first time it is asked for.
    pub fn get_or_render(
        &self,
        key: &str,
        render: impl FnOnce() -> Result<Html<String>, AppError>,
    ) -> Result<Html<Bytes>, AppError> {
        if let Some(page) = self.get(key) {
            return Ok(Html(page));
        }
        let Html(page) = render()?;
        let page = Bytes::from(page);
        self.put(key.to_string(), page.clone());
        Ok(Html(page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_stays_bounded() {
        let cache = PageCache::default();
        for i in 0..CACHE_ENTRIES + 10 {
            cache.put(format!("q{i}"), Bytes::from_static(b"page"));
        }
        assert!(cache.pages.lock().unwrap().len() <= CACHE_ENTRIES);
        assert!(
            cache.get(&format!("q{}", CACHE_ENTRIES + 9)).is_some(),
            "the newest entry is kept"
        );
        cache.put("k".repeat(MAX_KEY + 1), Bytes::from_static(b"page"));
        assert!(
            cache.get(&"k".repeat(MAX_KEY + 1)).is_none(),
            "long keys are not kept"
        );
    }

    #[test]
    fn renders_once_then_serves_the_kept_page() {
        let cache = PageCache::default();
        let mut renders = 0;
        for _ in 0..3 {
            let Html(page) = cache
                .get_or_render("home", || {
                    renders += 1;
                    Ok(Html("<p>home</p>".to_string()))
                })
                .unwrap();
            assert_eq!(page, Bytes::from_static(b"<p>home</p>"));
        }
        assert_eq!(renders, 1);
        // A failed render keeps nothing, so the next request tries again.
        assert!(
            cache
                .get_or_render("broken", || Err(AppError::NotFound))
                .is_err()
        );
        assert!(cache.get("broken").is_none());
    }
}
