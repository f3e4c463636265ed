//! Saved assessments: written once, read by id, deleted after the retention period.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sqlx::SqlitePool;

use crate::assessment::{Answers, Evaluation};

/// An assessment as stored.
#[derive(Debug, Clone)]
pub struct SavedAssessment {
    pub id: String,
    pub answers: Answers,
    /// The answers document exactly as stored: the API returns it as it was saved, in
    /// its own format.
    pub answers_document: serde_json::Value,
    pub result: Evaluation,
    pub rules_version: String,
    pub content_version: String,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub created_at: String,
    /// The shape `answers` and `result` were stored in.
    pub format: i64,
}

/// The shape of the answers and result documents this release stores. A release that
/// changes them raises this and keeps reading every earlier format, so a saved
/// assessment always shows exactly what was computed when it was saved.
///
/// - 1: the first release (2026-11).
/// - 2: engine v2 (2026-12): 16 more answer fields; results add the six areas, the
///   plan's medicine, talking points and the rules that fired. Format 1 documents read
///   as they are: every new field is optional.
/// - 3: intake v2 (2026-12): answers add `smokes` and `dsm5_checklist` (the criteria
///   ticked). Formats 1 and 2 read as they are: both fields are optional.
pub const ASSESSMENT_FORMAT: i64 = 3;

/// 128 random bits from the operating system, URL-safe: unguessable, so the id is
/// the only key anyone needs, and no account or name is ever asked for.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `id` has the shape of one of ours (22 base64url characters).
pub fn is_valid_id(id: &str) -> bool {
    id.len() == 22
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Saves in a transaction and returns only once its commit has succeeded: an `Ok` here
/// means the assessment is on disk, and any failure (a full disk, a read-only file, a
/// lock held past the busy timeout) comes back as an error, never as a saved id.
pub async fn insert(
    pool: &SqlitePool,
    answers: &Answers,
    result: &Evaluation,
    content_version: &str,
) -> Result<SavedAssessment, sqlx::Error> {
    let id = new_id();
    let answers_json = serde_json::to_string(answers).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let result_json = serde_json::to_string(result).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let created_at = super::write(pool, async |tx| {
        let created_at = sqlx::query_scalar!(
            r#"SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now') AS "created_at!: String""#
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!(
            r#"INSERT INTO assessments (id, answers, result, rules_version, content_version, created_at, format)
               VALUES (?, ?, ?, ?, ?, ?, ?)"#,
            id,
            answers_json,
            result_json,
            result.rules_version,
            content_version,
            created_at,
            ASSESSMENT_FORMAT
        )
        .execute(&mut *tx)
        .await?;
        Ok(created_at)
    })
    .await?;
    Ok(SavedAssessment {
        id,
        answers: answers.clone(),
        answers_document: serde_json::from_str(&answers_json)
            .map_err(|e| sqlx::Error::Decode(e.into()))?,
        result: result.clone(),
        rules_version: result.rules_version.clone(),
        content_version: content_version.to_string(),
        created_at,
        format: ASSESSMENT_FORMAT,
    })
}

/// The assessment, unless unknown or older than `retention_days` (expired ones are
/// gone even before the purge gets to them).
pub async fn find(
    pool: &SqlitePool,
    id: &str,
    retention_days: u32,
) -> Result<Option<SavedAssessment>, sqlx::Error> {
    if !is_valid_id(id) {
        return Ok(None);
    }
    let cutoff = format!("-{retention_days} days");
    let row = sqlx::query!(
        r#"SELECT id, answers, result, rules_version, content_version, created_at, format
           FROM assessments
           WHERE id = ? AND created_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)"#,
        id,
        cutoff
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    if row.format > ASSESSMENT_FORMAT {
        // Written by a later release: refuse rather than misread it.
        return Err(sqlx::Error::Decode(
            format!(
                "assessment format {} is newer than this release reads",
                row.format
            )
            .into(),
        ));
    }
    Ok(Some(SavedAssessment {
        id: row.id,
        answers: serde_json::from_str(&row.answers).map_err(|e| sqlx::Error::Decode(e.into()))?,
        answers_document: serde_json::from_str(&row.answers)
            .map_err(|e| sqlx::Error::Decode(e.into()))?,
        result: serde_json::from_str(&row.result).map_err(|e| sqlx::Error::Decode(e.into()))?,
        rules_version: row.rules_version,
        content_version: row.content_version,
        created_at: row.created_at,
        format: row.format,
    }))
}

/// Deletes assessments older than `retention_days`; returns how many.
pub async fn purge_expired(pool: &SqlitePool, retention_days: u32) -> Result<u64, sqlx::Error> {
    let cutoff = format!("-{retention_days} days");
    let done = super::write(pool, async |tx| {
        sqlx::query!(
            "DELETE FROM assessments WHERE created_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)",
            cutoff
        )
        .execute(&mut *tx)
        .await
    })
    .await?;
    Ok(done.rows_affected())
}
