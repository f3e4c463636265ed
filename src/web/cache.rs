//! Rendered pages kept in memory, each in every coding ([`Compressed`]). Content is
//! imported once, at start-up, and never changes while the server runs, so a page
//! rendered once stays right for the life of the process: a repeat visit costs a lookup
//! instead of a render and a compression (or, for search, an FTS5 query as well).
//! Assessment pages are never kept: they are per person.
//!
//! Two shelves, each bounded in entries and in bytes with all forms counted. Pages from
//! the content (items, lists, helplines, the questionnaire) sit apart from pages whose
//! address anyone can vary (search, compare), so a stream of made-up queries can only
//! push out other made-up queries. Within a shelf, `quick_cache`'s eviction resists a
//! scan of one-off keys: a page read again and again outlives them.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{Html, Response};
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::i18n::Lang;
use crate::web::delivery::{CachePolicy, Compressed, Wants};
use crate::web::error::AppError;

/// Which shelf a page is kept on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shelf {
    /// Pages of the content: a few hundred at most, all worth keeping.
    Content,
    /// Search results and comparisons: as many as there are query strings.
    Queries,
}

/// Content pages: about 100 exist; each weighs about 30 KB with its four forms.
pub const CONTENT_PAGES: usize = 1024;
pub const CONTENT_BYTES: u64 = 24 * 1024 * 1024;
/// Search and compare pages.
pub const QUERY_PAGES: usize = 1024;
pub const QUERY_BYTES: u64 = 8 * 1024 * 1024;

/// Longest key worth keeping; longer ones (odd query strings) are rendered every time.
pub const MAX_KEY: usize = 256;

#[derive(Clone)]
struct ByBytes;

impl Weighter<String, Arc<Compressed>> for ByBytes {
    fn weight(&self, key: &String, page: &Arc<Compressed>) -> u64 {
        key.len() as u64 + page.weight()
    }
}

type Shelved = Cache<String, Arc<Compressed>, ByBytes>;

pub struct PageCache {
    content: Shelved,
    queries: Shelved,
}

impl Default for PageCache {
    fn default() -> PageCache {
        PageCache::with_bounds((CONTENT_PAGES, CONTENT_BYTES), (QUERY_PAGES, QUERY_BYTES))
    }
}

impl PageCache {
    /// A cache holding at most `(entries, bytes)` on each shelf.
    pub fn with_bounds(content: (usize, u64), queries: (usize, u64)) -> PageCache {
        PageCache {
            content: Cache::with_weighter(content.0, content.1, ByBytes),
            queries: Cache::with_weighter(queries.0, queries.1, ByBytes),
        }
    }

    fn shelf(&self, shelf: Shelf) -> &Shelved {
        match shelf {
            Shelf::Content => &self.content,
            Shelf::Queries => &self.queries,
        }
    }

    pub fn get(&self, shelf: Shelf, key: &str) -> Option<Arc<Compressed>> {
        self.shelf(shelf).get(key)
    }

    /// Compresses `page` (off the request threads: brotli's highest level takes tens of
    /// milliseconds) and keeps it under `key`.
    pub async fn keep(&self, shelf: Shelf, key: String, page: String) -> Arc<Compressed> {
        let page = Bytes::from(page);
        let compressed = Arc::new(
            off_thread({
                let page = page.clone();
                move || Compressed::new(page, HTML)
            })
            .await
            // The compressing thread is gone (the process is stopping): do it here.
            .unwrap_or_else(|| Compressed::new(page, HTML)),
        );
        if key.len() <= MAX_KEY {
            self.shelf(shelf).insert(key, compressed.clone());
        }
        compressed
    }

    /// The page under `key`, rendered by `render` the first time it is asked for.
    /// A failed render keeps nothing, so the next request tries again.
    pub async fn get_or_render(
        &self,
        shelf: Shelf,
        key: &str,
        render: impl FnOnce() -> Result<Html<String>, AppError>,
    ) -> Result<Arc<Compressed>, AppError> {
        if let Some(page) = self.get(shelf, key) {
            return Ok(page);
        }
        let Html(page) = render()?;
        Ok(self.keep(shelf, key.to_string(), page).await)
    }

    /// The kept page under `key` in the page's language (rendered the first time), in
    /// the form `wants` prefers.
    pub async fn serve(
        &self,
        shelf: Shelf,
        key: &str,
        wants: &Wants,
        render: impl FnOnce() -> Result<Html<String>, AppError>,
    ) -> Result<Response, AppError> {
        let locale = &wants.locale;
        let page = self
            .get_or_render(shelf, &locale.cache_key(key), render)
            .await?;
        let mut response = page.respond(wants, CachePolicy::Page);
        // An English page offers Spanish to a browser that prefers it.
        if locale.lang == Lang::En {
            response
                .headers_mut()
                .append(header::VARY, HeaderValue::from_static("accept-language"));
        }
        Ok(response)
    }

    /// Bytes held on a shelf, all forms counted.
    pub fn weight(&self, shelf: Shelf) -> u64 {
        self.shelf(shelf).weight()
    }

    /// Pages held on a shelf.
    pub fn len(&self, shelf: Shelf) -> usize {
        self.shelf(shelf).len()
    }

    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && self.queries.is_empty()
    }
}

const HTML: &str = "text/html; charset=utf-8";

type Job = Box<dyn FnOnce() + Send>;

/// The thread that compresses pages at the highest levels, while it has work. Brotli 11
/// needs some 13 MB while it works: on one thread, one page at a time, that memory is
/// taken once for a batch of pages, and the thread ends when idle rather than keep it.
static COMPRESSOR: Mutex<Option<mpsc::Sender<Job>>> = Mutex::new(None);

/// How long the compressing thread waits for more work before it ends.
const COMPRESSOR_IDLE: std::time::Duration = std::time::Duration::from_millis(250);

/// Runs `work` on the compressing thread and waits for it without holding up a request
/// thread. `None` when no thread could run it.
pub async fn off_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    {
        let mut compressor = COMPRESSOR.lock().unwrap_or_else(|e| e.into_inner());
        let job = match compressor.as_ref() {
            Some(jobs) => jobs.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        if let Some(job) = job {
            let (jobs, inbox) = mpsc::channel::<Job>();
            jobs.send(job).ok()?;
            std::thread::Builder::new()
                .name("compressor".into())
                .spawn(move || compress_while_busy(inbox))
                .ok()?;
            *compressor = Some(jobs);
        }
    }
    result.await.ok()
}

fn compress_while_busy(inbox: mpsc::Receiver<Job>) {
    while let Ok(job) = inbox.recv_timeout(COMPRESSOR_IDLE) {
        job();
    }
    // Nothing new can arrive once the sender is gone; finish what came meanwhile.
    COMPRESSOR.lock().unwrap_or_else(|e| e.into_inner()).take();
    while let Ok(job) = inbox.try_recv() {
        job();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn renders_once_then_serves_the_kept_page() {
        let cache = PageCache::default();
        let mut renders = 0;
        for _ in 0..3 {
            let page = cache
                .get_or_render(Shelf::Content, "home", || {
                    renders += 1;
                    Ok(Html("<p>home</p>".to_string()))
                })
                .await
                .unwrap();
            assert_eq!(page.identity(), &Bytes::from_static(b"<p>home</p>"));
        }
        assert_eq!(renders, 1);
        assert!(
            cache
                .get_or_render(Shelf::Content, "broken", || Err(AppError::NotFound))
                .await
                .is_err()
        );
        assert!(cache.get(Shelf::Content, "broken").is_none());
        cache
            .keep(Shelf::Queries, "k".repeat(MAX_KEY + 1), "<p>x</p>".into())
            .await;
        assert!(
            cache
                .get(Shelf::Queries, &"k".repeat(MAX_KEY + 1))
                .is_none(),
            "long keys are not kept"
        );
    }

    #[tokio::test]
    async fn a_flood_of_queries_stays_within_its_bound_and_leaves_content_alone() {
        let bound = 256 * 1024;
        let cache = PageCache::with_bounds((64, 1024 * 1024), (64, bound));
        let words = |i: usize| format!("<p>result {i}</p>").repeat(300);
        cache
            .keep(Shelf::Content, "treatment methadone".into(), words(0))
            .await;
        for i in 0..400 {
            cache
                .keep(Shelf::Queries, format!("search-{i}"), words(i))
                .await;
            assert!(cache.weight(Shelf::Queries) <= bound, "after {i}");
            assert!(cache.len(Shelf::Queries) <= 64, "after {i}");
        }
        assert!(cache.get(Shelf::Content, "treatment methadone").is_some());
    }
}
