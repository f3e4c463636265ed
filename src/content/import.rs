//! Content files → SQLite: validate everything, then write everything in one transaction.

use std::path::Path;

use sqlx::SqlitePool;

use super::{CONTENT_FORMAT, ContentError, load_dir};
use crate::store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported {
        treatments: usize,
        helplines: usize,
        version: String,
    },
    /// The files hash to what was imported last: nothing was written.
    Unchanged { version: String },
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{} problem(s) in the content files:\n{}", .0.len(), list(.0))]
    Content(Vec<ContentError>),
    #[error("database error while importing content: {0}")]
    Database(#[from] sqlx::Error),
}

fn list(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Imports `dir` unless it is unchanged since the last import and stored in this
/// release's format (a database from a release with another content model is imported
/// again, not misread). On any error the database is left as it was, so the previous
/// content keeps being served.
pub async fn import_dir(pool: &SqlitePool, dir: &Path) -> Result<ImportOutcome, ImportError> {
    let set = load_dir(dir).map_err(ImportError::Content)?;
    let version = set.version().to_string();
    if store::content::last_import(pool)
        .await?
        .is_some_and(|last| last.content_hash == set.hash && last.format == CONTENT_FORMAT)
    {
        return Ok(ImportOutcome::Unchanged { version });
    }
    store::content::replace_all(pool, &set).await?;
    Ok(ImportOutcome::Imported {
        treatments: set.treatments.len(),
        helplines: set.helplines.len(),
        version,
    })
}
