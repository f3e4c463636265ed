//! Search with SQLite FTS5: words, stems, parts of words, typos and synonyms.
//!
//! People type anything into a search box: quotes, `AND`, `*`, 1,000 characters, Cyrillic.
//! None of it reaches FTS5's query syntax: the text is cut into words, and each word
//! becomes a quoted term, so the query is always well-formed.
//!
//! A query is read in steps, each done by SQLite where SQLite can:
//!
//! 1. Synonyms (`content/search-synonyms.toml`, table `search_synonyms`): a word or
//!    phrase may name items to list first ("vivitrol"), words to search for as well
//!    ("opiate" → opioid), or a page to link above the results ("near me" →
//!    `/find-care`; those words are then not searched). Filler words ("what", "to",
//!    "do") are left out.
//! 2. Each remaining word is looked up in the word index `treatment_search` (Porter
//!    stems over unicode61: "overdoses" finds overdose, accents folded, prefixes from
//!    three letters). A word it does not know is looked up as part of a word in
//!    `treatment_search_trigram` (FTS5's trigram tokenizer: "oxone" finds Suboxone). A
//!    word found nowhere is compared with the index's own vocabulary
//!    (`treatment_search_vocab`, an fts5vocab table) by edit distance ([`strsim`]), so
//!    "fentynal" is read as fentanyl.
//!
//! Results come in tiers: items named by a synonym first, then word-index matches (those
//! with a match in the title before those with matches only in the summary or body, each
//! by bm25), then part-of-word matches, then matches of corrected typos. Every tier needs
//! all of its words, or any of them if no item has all.
//!
//! Spanish (`/es/search`) goes the same way through its own tables (migration 0007):
//! `treatment_search_es` holds each item as its Spanish page shows it, in unicode61
//! without a stemmer (Porter's rules are English), accents folded; its own trigram and
//! vocabulary tables; its own synonyms ([`spanish_synonyms`]) and filler words. Query
//! words are read without accents ("adicción" and "adiccion" are one word), and a
//! plural is searched by the start of its singular ("tiras" as `"tira"*`, "adicciones"
//! as `"adiccion"*`), which finds both.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use sqlx::SqlitePool;

use crate::content::{ContentError, Lang, Synonym, SynonymTarget, parse_synonyms};

/// Longest query we look at; the rest is ignored (and the page says so).
pub const MAX_QUERY_CHARS: usize = 200;
const MAX_TERMS: usize = 12;
const MAX_RESULTS: usize = 50;

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

/// A page of the site linked above the results (from a synonym such as "near me").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    pub url: String,
    pub label: String,
}

#[derive(Debug, Default)]
pub struct SearchResults {
    pub link: Option<PageLink>,
    /// Best first.
    pub hits: Vec<SearchHit>,
}

/// Words shorter than this match as whole words only; from this length on they also
/// match as the start of a longer word (`metha` finds methadone), and as part of a word.
/// A two-letter prefix matches most of the index and makes a query slow for nothing.
const MIN_PREFIX_CHARS: usize = 3;

/// Edits forgiven in a word of `chars` letters when no item has it: none in short
/// words (too many near misses), one from 5 letters, two from 8 ("fentynal").
fn typo_budget(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Corrections kept for one misspelt word (the closest, most used first).
const MAX_CORRECTIONS: usize = 3;

/// Words that carry no meaning in a search ("what to do overdose"). Left out unless the
/// query has nothing else. Sorted, for the binary search.
const FILLER_WORDS: [&str; 74] = [
    "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "doing", "for", "from", "get", "getting", "got",
    "had", "has", "have", "how", "if", "in", "into", "is", "it", "its", "looking", "me", "my",
    "need", "of", "on", "or", "our", "should", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "too", "us", "want", "was",
    "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you",
];

/// The Spanish filler words, without accents (as [`spanish_words`] reads a query).
/// Never "no", "sin" or "solo": they change what is asked ("no respira"). Sorted.
const SPANISH_FILLER_WORDS: [&str; 76] = [
    "al", "algo", "algun", "alguna", "alguno", "ante", "antes", "aqui", "asi", "cada", "como",
    "con", "cual", "cuales", "cuando", "de", "del", "donde", "el", "ella", "ellos", "en", "entre",
    "era", "es", "esa", "ese", "eso", "esta", "estan", "estar", "este", "esto", "estoy", "fue",
    "ha", "hacer", "hay", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "mis", "muy",
    "necesito", "nos", "para", "pero", "por", "porque", "puede", "puedo", "que", "quien", "quiero",
    "se", "ser", "si", "sobre", "son", "su", "sus", "tengo", "tiene", "tu", "un", "una", "unas",
    "uno", "unos", "usted",
];

fn is_filler(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => FILLER_WORDS.binary_search(&word).is_ok(),
        Lang::Es => SPANISH_FILLER_WORDS.binary_search(&word).is_ok(),
    }
}

/// The words of a query as search reads them: lowercase, cut at anything that is not a
/// letter or digit, one-letter words left out (they match everything and mean nothing).
/// Order and repeats are kept: synonyms are phrases. Synonym terms in the content must
/// be written in this form.
pub fn query_words(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// The words of a Spanish query: as [`query_words`], without accents (SQLite's
/// `remove_diacritics 2` reads the items the same way), so that "adiccion", "adicción"
/// and "ADICCIÓN" are one word to the synonyms, the filler words and the typo check.
pub fn spanish_words(query: &str) -> Vec<String> {
    // Combining marks first: query_words would cut a word at them.
    let query: String = query.chars().filter(|c| !is_combining_mark(*c)).collect();
    query_words(&query).iter().map(|w| fold(w)).collect()
}

/// The accents typed as marks of their own (U+0300–U+036F) after a letter.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// A lowercase word without its accents: `á` → `a`, `ñ` → `n`, `ü` → `u`; combining
/// marks dropped. Other letters are kept as they are.
pub fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// The words of a query in `lang`'s form.
fn words_of(lang: Lang, query: &str) -> Vec<String> {
    match lang {
        Lang::En => query_words(query),
        Lang::Es => spanish_words(query),
    }
}

/// One word as a term of the word index: `"metha"*` for a prefix, `"od"` for a whole word.
fn index_term(word: &str) -> String {
    if word.chars().count() >= MIN_PREFIX_CHARS {
        format!("\"{word}\"*")
    } else {
        format!("\"{word}\"")
    }
}

/// A Spanish plural searched by the start of its singular, which finds both: the
/// Spanish index has no stemmer. "tiras" → `tira`, "adicciones" → `adiccion` (whose
/// start also finds "adicción"), "mujeres" → `mujer`, "opioides" → `opioid` (which
/// finds "opioide"); words of four letters or fewer are kept.
fn spanish_prefix(word: &str) -> &str {
    let chars = word.chars().count();
    if chars >= 6
        && let Some(stem) = word.strip_suffix("es")
    {
        return stem;
    }
    if chars >= 5
        && let Some(stem) = word.strip_suffix('s')
    {
        return stem;
    }
    word
}

/// One word as a term of `lang`'s word index.
fn lang_index_term(lang: Lang, word: &str) -> String {
    match lang {
        Lang::En => index_term(word),
        Lang::Es => index_term(spanish_prefix(word)),
    }
}

/// One word as a quoted term: in the trigram index, the word anywhere, as part of a
/// word; in the word index, the whole word (or its stem).
fn part_term(word: &str) -> String {
    format!("\"{word}\"")
}

/// The words of a query as FTS5 terms of the word index: `"metha"*` for a prefix,
/// `"od"` for a whole word. A word typed twice is searched once.
pub fn terms(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in query_words(query) {
        if !words.contains(&word) {
            words.push(word);
            if words.len() == MAX_TERMS {
                break;
            }
        }
    }
    words.iter().map(|w| index_term(w)).collect()
}

/// What a synonym term means.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Meaning {
    Item(String),
    Word(String),
    Page(PageLink),
}

/// What a query asks for once synonyms and filler words are dealt with.
#[derive(Debug, Default, PartialEq, Eq)]
struct Plan {
    link: Option<PageLink>,
    /// Items to list first, in order.
    pins: Vec<String>,
    /// Words searched as typed.
    words: Vec<String>,
    /// Phrases with word synonyms: each a list of alternatives (the phrase as typed
    /// first), any of which matches.
    groups: Vec<Vec<String>>,
}

/// Reads synonyms and filler words out of `words` ([`query_words`]). At each position
/// the longest phrase with a synonym wins.
fn plan(lang: Lang, words: &[String], synonyms: &HashMap<String, Vec<Meaning>>) -> Plan {
    let longest = synonyms
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(0);
    let mut plan = Plan::default();
    let mut plain: Vec<String> = Vec::new();
    let mut any_synonym = false;
    let mut i = 0;
    while i < words.len() {
        let found = (1..=longest.min(words.len() - i)).rev().find_map(|n| {
            let phrase = words[i..i + n].join(" ");
            synonyms.get(&phrase).map(|meanings| (n, phrase, meanings))
        });
        let Some((n, phrase, meanings)) = found else {
            plain.push(words[i].clone());
            i += 1;
            continue;
        };
        any_synonym = true;
        let mut alternatives = vec![phrase];
        let mut searched = true;
        for meaning in meanings {
            match meaning {
                Meaning::Item(slug) => {
                    if !plan.pins.contains(slug) {
                        plan.pins.push(slug.clone());
                    }
                }
                Meaning::Word(word) => alternatives.push(word.clone()),
                Meaning::Page(link) => {
                    searched = false;
                    plan.link.get_or_insert_with(|| link.clone());
                }
            }
        }
        if alternatives.len() > 1 {
            if !plan.groups.contains(&alternatives) {
                plan.groups.push(alternatives);
            }
        } else if searched {
            plain.extend_from_slice(&words[i..i + n]);
        }
        i += n;
    }
    let meaningful: Vec<&String> = plain.iter().filter(|w| !is_filler(lang, w)).collect();
    // A query of filler words only ("what is it") is searched as typed.
    let kept: Vec<&String> = if meaningful.is_empty() && !any_synonym {
        plain.iter().collect()
    } else {
        meaningful
    };
    for word in kept {
        if !plan.words.contains(word) && plan.words.len() < MAX_TERMS {
            plan.words.push(word.clone());
        }
    }
    plan.groups.truncate(MAX_TERMS);
    plan
}

/// The closest words of `vocabulary` (stem, number of items using it) to a word that no
/// item uses, within its [`typo_budget`]: the fewest edits, then the most used.
fn corrections(word: &str, vocabulary: &[(String, i64)]) -> Vec<String> {
    let chars = word.chars().count();
    let budget = typo_budget(chars);
    if budget == 0 {
        return Vec::new();
    }
    let mut near: Vec<(usize, i64, &str)> = vocabulary
        .iter()
        .filter(|(term, _)| term.chars().count().abs_diff(chars) <= budget)
        .filter_map(|(term, items)| {
            let distance = strsim::osa_distance(word, term);
            (distance <= budget).then_some((distance, -items, term.as_str()))
        })
        .collect();
    near.sort_unstable();
    let Some(&(best, _, _)) = near.first() else {
        return Vec::new();
    };
    near.iter()
        .take_while(|(distance, _, _)| *distance == best)
        .take(MAX_CORRECTIONS)
        .map(|(_, _, term)| term.to_string())
        .collect()
}

/// Items matching the query in `lang`'s index, best first, and a page to link above
/// them if the query asks for one (its URL in English: the page links it in `lang`).
pub async fn search(
    pool: &SqlitePool,
    query: &str,
    lang: Lang,
) -> Result<SearchResults, sqlx::Error> {
    let words = words_of(lang, query);
    if words.is_empty() {
        return Ok(SearchResults::default());
    }
    let plan = match lang {
        Lang::En => plan(lang, &words, &synonyms(pool).await?),
        Lang::Es => plan(lang, &words, &SPANISH_MEANINGS),
    };
    let tables = Tables::of(lang);
    let index_term = |word: &str| lang_index_term(lang, word);

    // Each word: in the word index, as part of a word, as a typo, or nowhere.
    let mut whole = Vec::new();
    let mut parts = Vec::new();
    let mut typos = Vec::new();
    let mut typo_pins: Vec<String> = Vec::new();
    let mut vocabulary: Option<Vec<(String, i64)>> = None;
    for word in &plan.words {
        if any_match(pool, tables.words, &index_term(word)).await? {
            whole.push(word.as_str());
        } else if word.chars().count() >= MIN_PREFIX_CHARS
            && any_match(pool, tables.parts, &part_term(word)).await?
        {
            parts.push(word.as_str());
        } else if typo_budget(word.chars().count()) > 0 {
            if vocabulary.is_none() {
                vocabulary = Some(sqlx::query_as(tables.vocabulary).fetch_all(pool).await?);
            }
            let near = corrections(word, vocabulary.as_deref().unwrap_or_default());
            if !near.is_empty() {
                // The Spanish vocabulary is of whole words, not stems: a correction may
                // be a synonym ("naloxna" → naloxona), whose items lead the typo tier.
                if lang == Lang::Es {
                    for meaning in near
                        .iter()
                        .filter_map(|w| SPANISH_MEANINGS.get(w))
                        .flatten()
                    {
                        if let Meaning::Item(slug) = meaning
                            && !typo_pins.contains(slug)
                        {
                            typo_pins.push(slug.clone());
                        }
                    }
                }
                typos.push(near);
            }
        }
    }

    let mut strong: Vec<String> = whole.iter().map(|w| index_term(w)).collect();
    // A phrase with word synonyms: the phrase as typed, in whole words ("mat" is not
    // "matter"), or any of its synonyms.
    strong.extend(plan.groups.iter().map(|alternatives| {
        any_of(alternatives.iter().enumerate().map(|(i, phrase)| {
            let words: Vec<String> = phrase
                .split(' ')
                .map(|w| if i == 0 { part_term(w) } else { index_term(w) })
                .collect();
            format!("({})", words.join(" AND "))
        }))
    }));
    let mut hits: Vec<SearchHit> = Vec::new();
    if !strong.is_empty() {
        add(&mut hits, run(pool, tables.words, &strong).await?);
    }
    if !parts.is_empty() {
        let terms: Vec<String> = whole
            .iter()
            .chain(&parts)
            .filter(|w| w.chars().count() >= MIN_PREFIX_CHARS)
            .map(|w| part_term(w))
            .collect();
        add(&mut hits, run(pool, tables.parts, &terms).await?);
    }
    if !typos.is_empty() {
        let mut terms = strong;
        terms.extend(
            typos
                .iter()
                .map(|near| any_of(near.iter().map(|w| index_term(w)))),
        );
        let mut tier = run(pool, tables.words, &terms).await?;
        for slug in typo_pins.iter().rev() {
            if let Some(at) = tier.iter().position(|hit| &hit.slug == slug) {
                let hit = tier.remove(at);
                tier.insert(0, hit);
            }
        }
        add(&mut hits, tier);
    }

    let mut results = Vec::new();
    for slug in &plan.pins {
        if let Some(at) = hits.iter().position(|hit| &hit.slug == slug) {
            results.push(hits.remove(at));
        } else if let Some(hit) = summary(pool, tables, slug).await? {
            results.push(hit);
        }
    }
    results.extend(hits);
    results.truncate(MAX_RESULTS);
    Ok(SearchResults {
        link: plan.link,
        hits: results,
    })
}

/// `(a OR b OR c)`.
fn any_of(terms: impl Iterator<Item = String>) -> String {
    format!("({})", terms.collect::<Vec<_>>().join(" OR "))
}

/// Appends the hits not already listed.
fn add(hits: &mut Vec<SearchHit>, more: Vec<SearchHit>) {
    let listed: HashSet<String> = hits.iter().map(|h| h.slug.clone()).collect();
    hits.extend(more.into_iter().filter(|h| !listed.contains(&h.slug)));
}

/// One of a language's two indexes, as the SQL that reads it.
#[derive(Clone, Copy)]
struct Index {
    /// Matches with snippets, best first.
    hits: &'static str,
    /// Whether anything matches.
    any: &'static str,
}

/// A language's search tables: the word index (Porter stems over unicode61 in English,
/// unicode61 alone in Spanish), the part-of-word index (trigrams), the word index's
/// vocabulary and an item's summary.
struct Tables {
    words: Index,
    parts: Index,
    vocabulary: &'static str,
    summary: &'static str,
}

// Not `query_as!`: sqlx 0.9's compile-time analysis crashes rustc (SIGSEGV) on FTS5
// queries, so these are checked by the search tests instead. Items with a match in the
// title come first, then by bm25 with the title counting most, then the summary, then
// the body; [`hits`] then puts the titles most about the words first. A trigram snippet
// counts characters, not words: the longest FTS5 allows.
macro_rules! index_sql {
    ($table:literal, $snippet_tokens:literal) => {
        Index {
            hits: concat!(
                "SELECT slug, snippet(",
                $table,
                ", -1, ?1, ?2, '…', ",
                $snippet_tokens,
                ") AS snippet,
                     highlight(",
                $table,
                ", 1, ?1, ?2) AS title
                 FROM ",
                $table,
                "
                 WHERE ",
                $table,
                " MATCH ?3
                 ORDER BY instr(highlight(",
                $table,
                ", 1, ?1, ?2), ?1) = 0,
                     bm25(",
                $table,
                ", 0.0, 10.0, 4.0, 1.0)
                 LIMIT 50"
            ),
            any: concat!(
                "SELECT EXISTS (SELECT 1 FROM ",
                $table,
                " WHERE ",
                $table,
                " MATCH ?)"
            ),
        }
    };
}

const ENGLISH: Tables = Tables {
    words: index_sql!("treatment_search", 24),
    parts: index_sql!("treatment_search_trigram", 64),
    vocabulary: "SELECT term, doc FROM treatment_search_vocab WHERE length(term) >= 3",
    summary: "SELECT slug, summary AS snippet FROM treatment_search WHERE slug = ?",
};

const SPANISH: Tables = Tables {
    words: index_sql!("treatment_search_es", 24),
    parts: index_sql!("treatment_search_es_trigram", 64),
    vocabulary: "SELECT term, doc FROM treatment_search_es_vocab WHERE length(term) >= 3",
    summary: "SELECT slug, summary AS snippet FROM treatment_search_es WHERE slug = ?",
};

impl Tables {
    fn of(lang: Lang) -> &'static Tables {
        match lang {
            Lang::En => &ENGLISH,
            Lang::Es => &SPANISH,
        }
    }
}

/// Items matching every term, best first; if none match every term, those matching any.
async fn run(
    pool: &SqlitePool,
    index: Index,
    terms: &[String],
) -> Result<Vec<SearchHit>, sqlx::Error> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let hits = hits(pool, index, &terms.join(" AND ")).await?;
    if hits.is_empty() && terms.len() > 1 {
        return self::hits(pool, index, &terms.join(" OR ")).await;
    }
    Ok(hits)
}

#[derive(sqlx::FromRow)]
struct HitRow {
    slug: String,
    snippet: String,
    /// The title with its matches marked.
    title: String,
}

async fn hits(
    pool: &SqlitePool,
    index: Index,
    fts_query: &str,
) -> Result<Vec<SearchHit>, sqlx::Error> {
    let mut rows: Vec<HitRow> = sqlx::query_as(index.hits)
        .bind(MARK_START.to_string())
        .bind(MARK_END.to_string())
        .bind(fts_query.to_string())
        .fetch_all(pool)
        .await?;
    // Among title matches, the title most made of the words first: "Buprenorphine"
    // before "Buprenorphine with naloxone (Suboxone, Zubsolv)". (bm25 cannot tell: FTS5
    // weighs a match by the length of the whole item, not of its title.) The sort is
    // stable, so bm25 still orders equals.
    rows.sort_by_key(|row| std::cmp::Reverse(title_share(&row.title)));
    Ok(rows
        .into_iter()
        .map(|row| SearchHit {
            slug: row.slug,
            snippet: row.snippet,
        })
        .collect())
}

/// How much of a title the marked matches cover, in thousandths of its letters and
/// digits: 1000 for "[Methadone]", 0 for a title without a match.
fn title_share(marked: &str) -> u32 {
    let (mut all, mut inside, mut marking) = (0u32, 0u32, false);
    for c in marked.chars() {
        if c == MARK_START || c == MARK_END {
            marking = c == MARK_START;
        } else if c.is_alphanumeric() {
            all += 1;
            inside += u32::from(marking);
        }
    }
    (inside * 1000).checked_div(all).unwrap_or(0)
}

async fn any_match(pool: &SqlitePool, index: Index, fts_query: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(index.any)
        .bind(fts_query.to_string())
        .fetch_one(pool)
        .await
}

/// An item listed by a synonym but not found by its words: its summary as the snippet.
async fn summary(
    pool: &SqlitePool,
    tables: &Tables,
    slug: &str,
) -> Result<Option<SearchHit>, sqlx::Error> {
    sqlx::query_as::<_, SearchHit>(tables.summary)
        .bind(slug.to_string())
        .fetch_optional(pool)
        .await
}

struct SynonymRow {
    term: String,
    slug: Option<String>,
    word: Option<String>,
    page: Option<String>,
    label: Option<String>,
}

/// Every synonym term and what it means, targets in the order the file gives them.
async fn synonyms(pool: &SqlitePool) -> Result<HashMap<String, Vec<Meaning>>, sqlx::Error> {
    let rows = sqlx::query_as!(
        SynonymRow,
        "SELECT term, slug, word, page, label FROM search_synonyms ORDER BY term, position"
    )
    .fetch_all(pool)
    .await?;
    let mut map: HashMap<String, Vec<Meaning>> = HashMap::new();
    for row in rows {
        let meaning = match (row.slug, row.word, row.page) {
            (Some(slug), _, _) => Meaning::Item(slug),
            (_, Some(word), _) => Meaning::Word(word),
            (_, _, Some(url)) => Meaning::Page(PageLink {
                url,
                label: row.label.unwrap_or_default(),
            }),
            _ => continue,
        };
        map.entry(row.term).or_default().push(meaning);
    }
    Ok(map)
}

/// The Spanish search's synonyms, in the form of `content/search-synonyms.toml`.
pub const SPANISH_SYNONYMS_FILE: &str = "src/store/search-synonyms-es.toml";
const SPANISH_SYNONYMS_TEXT: &str = include_str!("search-synonyms-es.toml");

/// The Spanish synonyms, parsed (the tests check that they parse and name real items).
pub fn spanish_synonyms() -> Result<Vec<Synonym>, Vec<ContentError>> {
    parse_synonyms(SPANISH_SYNONYMS_FILE, SPANISH_SYNONYMS_TEXT)
}

/// The Spanish synonyms by term without accents, read once.
static SPANISH_MEANINGS: LazyLock<HashMap<String, Vec<Meaning>>> = LazyLock::new(|| {
    let synonyms = spanish_synonyms().unwrap_or_else(|errors| {
        for e in &errors {
            tracing::error!("{e}");
        }
        Vec::new()
    });
    meanings(Lang::Es, &synonyms)
});

/// Synonyms by term, targets in the order given, terms and words as `lang` reads a query.
fn meanings(lang: Lang, synonyms: &[Synonym]) -> HashMap<String, Vec<Meaning>> {
    let form = |phrase: &str| words_of(lang, phrase).join(" ");
    let mut map: HashMap<String, Vec<Meaning>> = HashMap::new();
    for synonym in synonyms {
        let targets: Vec<Meaning> = match &synonym.target {
            SynonymTarget::Items(slugs) => slugs.iter().cloned().map(Meaning::Item).collect(),
            SynonymTarget::Words(words) => words.iter().map(|w| Meaning::Word(form(w))).collect(),
            SynonymTarget::Page { url, label } => vec![Meaning::Page(PageLink {
                url: url.clone(),
                label: label.clone(),
            })],
        };
        for term in &synonym.terms {
            map.entry(form(term))
                .or_default()
                .extend(targets.iter().cloned());
        }
    }
    map
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

    #[test]
    fn title_share_is_the_marked_part_of_the_title() {
        let m = |s: &str| {
            s.replace('[', &MARK_START.to_string())
                .replace(']', &MARK_END.to_string())
        };
        assert_eq!(title_share(&m("[Methadone]")), 1000);
        assert_eq!(title_share(&m("Naloxone")), 0);
        assert_eq!(title_share(""), 0);
        assert!(
            title_share(&m("[Naloxone] (Narcan): reversing an overdose"))
                > title_share(&m("Buprenorphine with [naloxone] (Suboxone, Zubsolv)"))
        );
    }

    #[test]
    fn filler_words_are_sorted_lowercase_and_unique() {
        assert!(FILLER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FILLER_WORDS.iter().all(|w| query_words(w) == [*w]));
        // Words that mean something in this field are never filler.
        for word in ["od", "help", "not", "no", "off", "near", "stop"] {
            assert!(!is_filler(Lang::En, word), "{word}");
        }
        assert!(SPANISH_FILLER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            SPANISH_FILLER_WORDS
                .iter()
                .all(|w| spanish_words(w) == [*w])
        );
        for word in [
            "no", "sin", "solo", "ayuda", "cerca", "dosis", "hijo", "dejar",
        ] {
            assert!(!is_filler(Lang::Es, word), "{word}");
        }
        assert!(is_filler(Lang::Es, &fold("qué")) && is_filler(Lang::Es, &fold("está")));
    }

    fn synonyms() -> HashMap<String, Vec<Meaning>> {
        let near = Meaning::Page(PageLink {
            url: "/find-care".into(),
            label: "Find care near you".into(),
        });
        let mut map = HashMap::new();
        map.insert("near me".into(), vec![near.clone()]);
        map.insert("find treatment".into(), vec![near]);
        map.insert(
            "overdose".into(),
            vec![
                Meaning::Item("overdose-response".into()),
                Meaning::Item("naloxone".into()),
            ],
        );
        map.insert(
            "sober house".into(),
            vec![Meaning::Item("sober-living".into())],
        );
        map.insert("opiate".into(), vec![Meaning::Word("opioid".into())]);
        map.insert(
            "opiate addiction".into(),
            vec![Meaning::Word("opioid use disorder".into())],
        );
        map
    }

    fn plan_of(query: &str) -> Plan {
        plan(Lang::En, &query_words(query), &synonyms())
    }

    #[test]
    fn synonyms_and_filler_words_shape_the_search() {
        let p = plan_of("find treatment near me");
        assert_eq!(p.link.as_ref().map(|l| l.url.as_str()), Some("/find-care"));
        assert!(p.words.is_empty() && p.pins.is_empty() && p.groups.is_empty());

        let p = plan_of("methadone clinic near me");
        assert!(p.link.is_some());
        assert_eq!(p.words, ["methadone", "clinic"]);

        let p = plan_of("What to do: OVERDOSE!");
        assert_eq!(p.pins, ["overdose-response", "naloxone"]);
        assert_eq!(
            p.words,
            ["overdose"],
            "the words of an item synonym are searched too"
        );

        let p = plan_of("sober house sober");
        assert_eq!(p.pins, ["sober-living"]);
        assert_eq!(p.words, ["sober", "house"]);

        // The longest phrase wins; a word synonym searches either.
        let p = plan_of("opiate addiction and opiate");
        assert_eq!(
            p.groups,
            [
                vec!["opiate addiction".to_string(), "opioid use disorder".into()],
                vec!["opiate".to_string(), "opioid".into()],
            ]
        );
        assert!(p.words.is_empty());

        // Only filler: searched as typed.
        assert_eq!(plan_of("what is it").words, ["what", "is", "it"]);
        assert_eq!(plan_of("near").words, ["near"]);
        assert_eq!(plan_of("").words, Vec::<String>::new());
    }

    #[test]
    fn misspelt_words_are_read_as_the_nearest_indexed_word() {
        let vocabulary: Vec<(String, i64)> = [
            ("fentanyl", 20),
            ("suboxon", 3),
            ("withdraw", 30),
            ("naloxon", 15),
            ("buprenorphin", 25),
            ("methadon", 22),
            ("method", 2),
        ]
        .iter()
        .map(|(t, n)| (t.to_string(), *n))
        .collect();
        for (word, expected) in [
            ("fentynal", &["fentanyl"][..]),
            ("fentanil", &["fentanyl"]),
            ("suboxen", &["suboxon"]),
            ("withdrawl", &["withdraw"]),
            ("bupenorphine", &["buprenorphin"]),
            ("naloxen", &["naloxon"]),
            // Short words are not guessed at; far-off words find nothing.
            ("metd", &[]),
            ("xyzzyplugh", &[]),
            ("метадон", &[]),
        ] {
            assert_eq!(corrections(word, &vocabulary), expected, "{word}");
        }
    }

    #[test]
    fn spanish_words_are_read_without_accents_and_plurals_by_their_singular() {
        assert_eq!(
            spanish_words("¿Qué es la ADICCIÓN? Niño, pingüino"),
            ["que", "es", "la", "adiccion", "nino", "pinguino"]
        );
        // Decomposed accents (a letter and a combining mark) read the same.
        assert_eq!(spanish_words("adiccio\u{301}n"), ["adiccion"]);
        assert_eq!(spanish_words("метадон"), ["метадон"]);
        for (word, prefix) in [
            ("opioides", "opioid"),
            ("adicciones", "adiccion"),
            ("mujeres", "mujer"),
            ("tiras", "tira"),
            ("dosis", "dosi"),
            ("metadona", "metadona"),
            ("mes", "mes"),
            ("bebes", "bebe"),
        ] {
            assert_eq!(spanish_prefix(word), prefix, "{word}");
        }
        assert_eq!(lang_index_term(Lang::Es, "opioides"), "\"opioid\"*");
        assert_eq!(lang_index_term(Lang::En, "opioids"), "\"opioids\"*");
        assert_eq!(lang_index_term(Lang::Es, "od"), "\"od\"");
    }

    #[test]
    fn spanish_synonyms_and_filler_words_shape_the_search() {
        let plan_es = |q: &str| plan(Lang::Es, &spanish_words(q), &SPANISH_MEANINGS);
        let p = plan_es("¿Qué hacer en una SOBREDOSIS?");
        assert_eq!(p.pins, ["overdose-response", "naloxone"]);
        assert_eq!(p.words, ["sobredosis"]);
        assert_eq!(
            plan_es("sobre dosis").pins,
            ["overdose-response", "naloxone"]
        );

        let p = plan_es("clínica de metadona cerca de mí");
        assert_eq!(p.link.as_ref().map(|l| l.url.as_str()), Some("/find-care"));
        assert_eq!(p.pins, ["methadone"]);

        // A word synonym searches either; "no" is never filler.
        let p = plan_es("opiáceos");
        assert_eq!(p.groups, [vec!["opiaceos".to_string(), "opioides".into()]]);
        assert_eq!(
            plan_es("no respira").pins,
            ["overdose-response", "naloxone"]
        );
        assert_eq!(plan_es("no puedo dormir").words, ["no", "dormir"]);
        // Only filler: searched as typed.
        assert_eq!(plan_es("qué es eso").words, ["que", "es", "eso"]);
        // English terms do not apply to Spanish, nor Spanish to English.
        assert!(plan_es("near").link.is_none());
        assert!(
            plan(Lang::En, &query_words("cerca de mi"), &synonyms())
                .link
                .is_none()
        );
    }

    #[test]
    fn spanish_misspellings_are_read_as_the_nearest_spanish_word() {
        let vocabulary: Vec<(String, i64)> = [
            ("metadona", 20),
            ("buprenorfina", 25),
            ("naloxona", 15),
            ("abstinencia", 30),
            ("fentanilo", 18),
        ]
        .iter()
        .map(|(t, n)| (t.to_string(), *n))
        .collect();
        for (word, expected) in [
            ("metadone", &["metadona"][..]),
            ("methadone", &["metadona"]),
            ("bupenorfina", &["buprenorfina"]),
            ("naloxna", &["naloxona"]),
            ("abstinensia", &["abstinencia"]),
            ("fentanyl", &["fentanilo"]),
            ("ayuda", &[]),
        ] {
            assert_eq!(corrections(word, &vocabulary), expected, "{word}");
        }
    }
}
