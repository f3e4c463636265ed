//! Full-text search with SQLite FTS5.
//!
//! People type anything into a search box: quotes, `AND`, `*`, 1,000 characters, Cyrillic.
//! None of it reaches FTS5's query syntax: the text is cut into words, and each word
//! becomes a quoted prefix term, so the query is always well-formed.

use sqlx::SqlitePool;

/// Longest query we look at; the rest is ignored (and the page says so).
pub const MAX_QUERY_CHARS: usize = 200;
const MAX_TERMS: usize = 12;

/// Marks placed around matches by SQLite, swapped for `<mark>` after escaping, so that
/// no text from the database is ever trusted as HTML.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SearchHit {
    pub slug: String,
    /// Plain text with [`MARK_START`]/[`MARK_END`] around the matching words.
    pub snippet: String,
}

/// Words shorter than this match as whole words only; from this length on they also
/// match as the start of a longer word (`metha` finds methadone). A two-letter prefix
/// matches most of the index and makes a query slow for nothing.
const MIN_PREFIX_CHARS: usize = 3;

/// The words of a query as FTS5 terms: `"metha"*` for a prefix, `"od"` for a whole
/// word. One-letter words are left out (they match everything and mean nothing), and a
/// word typed twice is searched once.
pub fn terms(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut words: Vec<String> = Vec::new();
    for word in query.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if word.chars().count() < 2 || words.contains(&word) {
            continue;
        }
        words.push(word);
        if words.len() == MAX_TERMS {
            break;
        }
    }
    words
        .into_iter()
        .map(|w| {
            if w.chars().count() >= MIN_PREFIX_CHARS {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect()
}

/// Items matching every word, best first; if none match every word, those matching any.
pub async fn search(pool: &SqlitePool, query: &str) -> Result<Vec<SearchHit>, sqlx::Error> {
    let terms = terms(query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let hits = run(pool, &terms.join(" ")).await?;
    if hits.is_empty() && terms.len() > 1 {
        return run(pool, &terms.join(" OR ")).await;
    }
    Ok(hits)
}

async fn run(pool: &SqlitePool, fts_query: &str) -> Result<Vec<SearchHit>, sqlx::Error> {
    let start = MARK_START.to_string();
    let end = MARK_END.to_string();
    // Title matches count most, then the summary, then the body.
    // Not `query_as!`: sqlx 0.9's compile-time analysis crashes rustc (SIGSEGV) on this
    // FTS5 query, so it is checked by the search tests instead.
    sqlx::query_as::<_, SearchHit>(
        "SELECT slug, snippet(treatment_search, -1, ?, ?, '…', 24) AS snippet
         FROM treatment_search
         WHERE treatment_search MATCH ?
         ORDER BY bm25(treatment_search, 0.0, 10.0, 4.0, 1.0)
         LIMIT 50",
    )
    .bind(start)
    .bind(end)
    .bind(fts_query.to_string())
    .fetch_all(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_queries_become_plain_terms() {
        let cases: &[(&str, &[&str])] = &[
            ("methadone", &["\"methadone\"*"]),
            ("\"unbalanced", &["\"unbalanced\"*"]),
            ("a AND b OR NOT c", &["\"and\"*", "\"or\"", "\"not\"*"]),
            ("title:x* ^y NEAR(z)", &["\"title\"*", "\"near\"*"]),
            ("метадон", &["\"метадон\"*"]),
            ("美沙酮", &["\"美沙酮\"*"]),
            (
                "'); DROP TABLE treatments; --",
                &["\"drop\"*", "\"table\"*", "\"treatments\"*"],
            ),
            ("", &[]),
            ("*** ---", &[]),
            // One-letter words are dropped; repeats are searched once.
            ("a a a a a a a a a a a a", &[]),
            ("Methadone methadone METHADONE", &["\"methadone\"*"]),
            // Two letters: the whole word only.
            ("OD me", &["\"od\"", "\"me\""]),
        ];
        for (query, expected) in cases {
            assert_eq!(terms(query), *expected, "{query:?}");
        }
        assert_eq!(terms(&"word ".repeat(1000)).len(), 1);
        let many: String = (0..100).map(|i| format!("word{i} ")).collect();
        assert_eq!(terms(&many).len(), MAX_TERMS);
    }
}
