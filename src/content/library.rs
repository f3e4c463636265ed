//! The content as the app serves it: loaded once from SQLite, kept in memory, shared
//! by every request.

use std::collections::HashMap;

use sqlx::SqlitePool;

use super::{
    Category, Country, Helpline, HelplineTranslation, ItemTranslation, Lang, TranslationState,
    Treatment,
};
use crate::store;

#[derive(Debug, Default)]
pub struct Library {
    treatments: Vec<Treatment>,
    by_slug: HashMap<String, usize>,
    helplines: Vec<Helpline>,
    /// Translated items by language and slug, with whether each is current.
    translations: HashMap<(Lang, String), (ItemTranslation, bool)>,
    /// Translated helplines by language and slug, with whether each is current.
    helpline_translations: HashMap<(Lang, String), (HelplineTranslation, bool)>,
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
            translations: HashMap::new(),
            helpline_translations: HashMap::new(),
            version,
            imported_at,
        }
    }

    /// The same library with translations, each with whether it is current.
    pub fn with_translations(
        mut self,
        items: Vec<(ItemTranslation, bool)>,
        helplines: Vec<(HelplineTranslation, bool)>,
    ) -> Self {
        self.translations = items
            .into_iter()
            .map(|(t, current)| ((t.lang, t.slug.clone()), (t, current)))
            .collect();
        self.helpline_translations = helplines
            .into_iter()
            .map(|(h, current)| ((h.lang, h.slug.clone()), (h, current)))
            .collect();
        self
    }

    /// The item in `lang`, when a translation made from the English as it is now exists.
    /// A stale or missing one gives `None`: the page falls back to the English, which may
    /// have been corrected since.
    pub fn translation(&self, slug: &str, lang: Lang) -> Option<&ItemTranslation> {
        self.translations
            .get(&(lang, slug.to_string()))
            .filter(|(_, current)| *current)
            .map(|(t, _)| t)
    }

    /// How the item's translation into `lang` stands.
    pub fn translation_state(&self, slug: &str, lang: Lang) -> TranslationState {
        match self.translations.get(&(lang, slug.to_string())) {
            Some((_, true)) => TranslationState::Current,
            Some((_, false)) => TranslationState::Stale,
            None => TranslationState::Missing,
        }
    }

    /// The helpline in `lang`, when a current translation exists.
    pub fn helpline_translation(&self, slug: &str, lang: Lang) -> Option<&HelplineTranslation> {
        self.helpline_translations
            .get(&(lang, slug.to_string()))
            .filter(|(_, current)| *current)
            .map(|(h, _)| h)
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
        )
        .with_translations(
            store::content::item_translations(pool).await?,
            store::content::helpline_translations(pool).await?,
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
