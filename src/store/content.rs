//! The content tables: replaced whole by an import, read whole at start-up.

use std::collections::HashMap;

use sqlx::SqlitePool;

use crate::content::{
    CONTENT_FORMAT, ContentSet, Helpline, HelplineTranslation, ItemTranslation, Lang,
    SynonymTarget, TranslationState, Treatment,
};

/// What was imported last, if anything.
pub struct ImportRecord {
    pub content_hash: String,
    pub imported_at: String,
    /// The shape of the stored documents ([`crate::content::CONTENT_FORMAT`] when written).
    pub format: i64,
}

pub async fn last_import(pool: &SqlitePool) -> Result<Option<ImportRecord>, sqlx::Error> {
    sqlx::query_as!(
        ImportRecord,
        "SELECT content_hash, imported_at, format FROM content_import WHERE id = 1"
    )
    .fetch_optional(pool)
    .await
}

/// Replaces all content in one transaction: readers see the old content or the new,
/// never a mix, and a failure leaves the old content in place.
pub async fn replace_all(pool: &SqlitePool, set: &ContentSet) -> Result<(), sqlx::Error> {
    super::write(pool, async |tx| {
        sqlx::query!("DELETE FROM treatments")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM helplines")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM treatment_search")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM treatment_search_trigram")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM treatment_search_es")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM treatment_search_es_trigram")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM search_synonyms")
            .execute(&mut *tx)
            .await?;
        sqlx::query!("DELETE FROM translations")
            .execute(&mut *tx)
            .await?;
        // A translation is current when it was made from the English file as it is now.
        let current = |lang, file: &str| {
            set.translation_states
                .iter()
                .any(|(l, f, s)| *l == lang && f == file && *s == TranslationState::Current)
        };
        for t in &set.translations {
            let english = t.file.split_once('/').map_or("", |(_, rest)| rest);
            let is_current = i64::from(current(t.lang, english));
            let lang = t.lang.code();
            let document = serde_json::to_string(t).map_err(|e| sqlx::Error::Encode(e.into()))?;
            sqlx::query!(
                "INSERT INTO translations (lang, kind, slug, current, document) VALUES (?, 'item', ?, ?, ?)",
                lang,
                t.slug,
                is_current,
                document
            )
            .execute(&mut *tx)
            .await?;
        }
        for h in &set.helpline_translations {
            let english = h.file.split_once('/').map_or("", |(_, rest)| rest);
            let is_current = i64::from(current(h.lang, english));
            let lang = h.lang.code();
            let document = serde_json::to_string(h).map_err(|e| sqlx::Error::Encode(e.into()))?;
            sqlx::query!(
                "INSERT INTO translations (lang, kind, slug, current, document) VALUES (?, 'helpline', ?, ?, ?)",
                lang,
                h.slug,
                is_current,
                document
            )
            .execute(&mut *tx)
            .await?;
        }
        // The Spanish search reads each item as its Spanish page shows it: the
        // translation when it is current, the English otherwise.
        let spanish: HashMap<&str, &ItemTranslation> = set
            .translations
            .iter()
            .filter(|t| t.lang == Lang::Es)
            .filter(|t| current(t.lang, t.file.split_once('/').map_or("", |(_, rest)| rest)))
            .map(|t| (t.slug.as_str(), t))
            .collect();
        for (position, t) in set.treatments.iter().enumerate() {
            let position = position as i64;
            let category = t.category.slug();
            let document = serde_json::to_string(t).map_err(|e| sqlx::Error::Encode(e.into()))?;
            sqlx::query!(
                "INSERT INTO treatments (slug, category, position, document) VALUES (?, ?, ?, ?)",
                t.slug,
                category,
                position,
                document
            )
            .execute(&mut *tx)
            .await?;
            let english_text = search_text(
                &t.body_text,
                [&t.suits, &t.requirements, &t.side_effects, &t.cautions],
            );
            sqlx::query!(
                "INSERT INTO treatment_search (slug, title, summary, body) VALUES (?, ?, ?, ?)",
                t.slug,
                t.title,
                t.summary,
                english_text
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO treatment_search_trigram (slug, title, summary, body) VALUES (?, ?, ?, ?)",
                t.slug,
                t.title,
                t.summary,
                english_text
            )
            .execute(&mut *tx)
            .await?;
            let (title, summary, text) = match spanish.get(t.slug.as_str()) {
                Some(es) => (
                    &es.title,
                    &es.summary,
                    search_text(
                        &es.body_text,
                        [&es.suits, &es.requirements, &es.side_effects, &es.cautions],
                    ),
                ),
                None => (&t.title, &t.summary, english_text.clone()),
            };
            sqlx::query!(
                "INSERT INTO treatment_search_es (slug, title, summary, body) VALUES (?, ?, ?, ?)",
                t.slug,
                title,
                summary,
                text
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO treatment_search_es_trigram (slug, title, summary, body) VALUES (?, ?, ?, ?)",
                t.slug,
                title,
                summary,
                text
            )
            .execute(&mut *tx)
            .await?;
        }
        for synonym in &set.synonyms {
            for term in &synonym.terms {
                // One row per target, numbered in the order the file gives them.
                let rows: Vec<[Option<&str>; 4]> = match &synonym.target {
                    SynonymTarget::Items(slugs) => slugs
                        .iter()
                        .map(|s| [Some(s.as_str()), None, None, None])
                        .collect(),
                    SynonymTarget::Words(words) => words
                        .iter()
                        .map(|w| [None, Some(w.as_str()), None, None])
                        .collect(),
                    SynonymTarget::Page { url, label } => {
                        vec![[None, None, Some(url.as_str()), Some(label.as_str())]]
                    }
                };
                for (position, [slug, word, page, label]) in rows.into_iter().enumerate() {
                    let position = position as i64;
                    sqlx::query!(
                        "INSERT INTO search_synonyms (term, position, slug, word, page, label)
                         VALUES (?, ?, ?, ?, ?, ?)",
                        term,
                        position,
                        slug,
                        word,
                        page,
                        label
                    )
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        for (position, h) in set.helplines.iter().enumerate() {
            let position = position as i64;
            let country = h.country.code();
            let document = serde_json::to_string(h).map_err(|e| sqlx::Error::Encode(e.into()))?;
            sqlx::query!(
                "INSERT INTO helplines (slug, country, position, document) VALUES (?, ?, ?, ?)",
                h.slug,
                country,
                position,
                document
            )
            .execute(&mut *tx)
            .await?;
        }
        let treatment_count = set.treatments.len() as i64;
        let helpline_count = set.helplines.len() as i64;
        sqlx::query!(
        "INSERT INTO content_import (id, content_hash, imported_at, treatment_count, helpline_count, format)
         VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash,
             imported_at = excluded.imported_at, treatment_count = excluded.treatment_count,
             helpline_count = excluded.helpline_count, format = excluded.format",
        set.hash,
        treatment_count,
        helpline_count,
        CONTENT_FORMAT
    )
        .execute(&mut *tx)
        .await?;
        Ok(())
    })
    .await
}

/// What search reads of an item besides its title and summary: the body and the points
/// beside it, who it may suit and what to weigh (a caution may be the only place a word
/// such as fentanyl appears).
fn search_text(body: &str, points: [&Vec<String>; 4]) -> String {
    std::iter::once(body)
        .chain(points.into_iter().flatten().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n")
}

pub async fn treatments(pool: &SqlitePool) -> Result<Vec<Treatment>, sqlx::Error> {
    let rows = sqlx::query_scalar!("SELECT document FROM treatments ORDER BY position")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|doc| serde_json::from_str(doc).map_err(|e| sqlx::Error::Decode(e.into())))
        .collect()
}

pub async fn helplines(pool: &SqlitePool) -> Result<Vec<Helpline>, sqlx::Error> {
    let rows = sqlx::query_scalar!("SELECT document FROM helplines ORDER BY position")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|doc| serde_json::from_str(doc).map_err(|e| sqlx::Error::Decode(e.into())))
        .collect()
}

/// Every stored item translation, with whether it is current.
pub async fn item_translations(
    pool: &SqlitePool,
) -> Result<Vec<(ItemTranslation, bool)>, sqlx::Error> {
    translations(pool, "item").await
}

/// Every stored helpline translation, with whether it is current.
pub async fn helpline_translations(
    pool: &SqlitePool,
) -> Result<Vec<(HelplineTranslation, bool)>, sqlx::Error> {
    translations(pool, "helpline").await
}

async fn translations<T: serde::de::DeserializeOwned>(
    pool: &SqlitePool,
    kind: &str,
) -> Result<Vec<(T, bool)>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT current, document FROM translations WHERE kind = ? ORDER BY lang, slug",
        kind
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            serde_json::from_str(&row.document)
                .map(|t| (t, row.current == 1))
                .map_err(|e| sqlx::Error::Decode(e.into()))
        })
        .collect()
}
