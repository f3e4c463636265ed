//! The content as the app serves it: loaded once from SQLite, kept in memory, shared
//! by every request.

use std::collections::HashMap;

use sqlx::SqlitePool;

use super::{Category, Country, Helpline, Treatment};
use crate::store;

#[derive(Debug, Default)]
pub struct Library {
    treatments: Vec<Treatment>,
    by_slug: HashMap<String, usize>,
    helplines: Vec<Helpline>,
    /// Short hash of the imported files, printed on pages clinicians keep.
    pub version: String,
    /// When the content was imported (UTC, RFC 3339).
    pub imported_at: String,
}

impl Library {
    pub fn new(
        treatments: Vec<Treatment>,
        helplines: Vec<Helpline>,
        version: String,
        imported_at: String,
    ) -> Self {
        let by_slug = treatments
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.clone(), i))
            .collect();
        Library {
            treatments,
            by_slug,
            helplines,
            version,
            imported_at,
        }
    }

    /// Reads what was last imported.
    pub async fn load(pool: &SqlitePool) -> Result<Library, sqlx::Error> {
        let record = store::content::last_import(pool).await?;
        let (version, imported_at) = record
            .map(|r| (r.content_hash.chars().take(12).collect(), r.imported_at))
            .unwrap_or_default();
        Ok(Library::new(
            store::content::treatments(pool).await?,
            store::content::helplines(pool).await?,
            version,
            imported_at,
        ))
    }

    pub fn treatments(&self) -> &[Treatment] {
        &self.treatments
    }

    pub fn get(&self, slug: &str) -> Option<&Treatment> {
        self.by_slug.get(slug).map(|&i| &self.treatments[i])
    }

    /// Items grouped by category, in display order; empty categories left out.
    pub fn by_category(&self) -> Vec<(Category, Vec<&Treatment>)> {
        Category::ALL
            .into_iter()
            .map(|c| {
                (
                    c,
                    self.treatments
                        .iter()
                        .filter(|t| t.category == c)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, items)| !items.is_empty())
            .collect()
    }

    pub fn helplines(&self) -> &[Helpline] {
        &self.helplines
    }

    pub fn helplines_for(&self, country: Country) -> impl Iterator<Item = &Helpline> {
        self.helplines.iter().filter(move |h| h.country == country)
    }
}
