//! Reads a whole content folder and checks what no single file can: unique slugs and
//! related items that exist. Nothing is written anywhere until all of it passes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::parse::{
    ContentError, parse_helpline, parse_helpline_translation, parse_item, parse_item_translation,
};
use super::synonyms::{SYNONYMS_FILE, Synonym, check_items, parse_synonyms};
use super::{
    Country, Helpline, HelplineTranslation, ItemTranslation, Lang, TranslationState, Treatment,
};

/// A validated content folder, ready to import.
#[derive(Debug, Clone)]
pub struct ContentSet {
    pub treatments: Vec<Treatment>,
    pub helplines: Vec<Helpline>,
    /// What search words mean on the site (`search-synonyms.toml`, optional).
    pub synonyms: Vec<Synonym>,
    /// Items in other languages (`es/…`), each checked against its English item.
    pub translations: Vec<ItemTranslation>,
    /// Helplines in other languages (`es/helplines/…`).
    pub helpline_translations: Vec<HelplineTranslation>,
    /// How each translation stands, by language and English file: current, stale, or
    /// missing. `check-content` prints the stale and missing ones.
    pub translation_states: Vec<(Lang, String, TranslationState)>,
    /// SHA-256 of every file's path and bytes: unchanged content is not imported again.
    pub hash: String,
}

impl ContentSet {
    /// The short form shown to clinicians as the content version.
    pub fn version(&self) -> &str {
        &self.hash[..12]
    }
}

/// Reads every file below `dir` (sorted, so the hash and errors are stable).
pub fn load_dir(dir: &Path) -> Result<ContentSet, Vec<ContentError>> {
    let mut files = Vec::new();
    collect_files(dir, dir, &mut files).map_err(|e| {
        vec![ContentError {
            file: dir.display().to_string(),
            line: 0,
            field: "folder".to_string(),
            message: format!("cannot read the content folder: {e}"),
        }]
    })?;
    files.sort();

    let mut hasher = Sha256::new();
    let mut errors = Vec::new();
    let mut treatments = Vec::new();
    let mut helplines = Vec::new();
    let mut synonyms = Vec::new();
    let mut translations: Vec<(ItemTranslation, Vec<Country>)> = Vec::new();
    let mut helpline_translations = Vec::new();
    let mut texts = HashMap::new();
    // Items that exist but were refused: `related` may still name them, and the error
    // worth reading is the item's own, not one in every file that links to it.
    let mut refused: Vec<String> = Vec::new();
    for (relative, path) in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(file_error(relative, 0, "file", format!("cannot read: {e}")));
                continue;
            }
        };
        hasher.update(relative.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
        let translated = translation_lang(relative);
        let source = translated.map_or(relative.as_str(), |(_, source)| source);
        let in_helplines = source.starts_with("helplines/");
        let extension = relative.rsplit_once('.').map(|(_, ext)| ext);
        let result = match (in_helplines, extension) {
            _ if relative == SYNONYMS_FILE => {
                parse_synonyms(relative, &text).map(|s| synonyms = s)
            }
            (true, Some("toml")) if translated.is_some() => {
                let lang = translated.map(|(lang, _)| lang).unwrap_or(Lang::En);
                parse_helpline_translation(relative, &text, lang)
                    .map(|h| helpline_translations.push(h))
            }
            (false, Some("md")) if translated.is_some() => {
                let lang = translated.map(|(lang, _)| lang).unwrap_or(Lang::En);
                parse_item_translation(relative, &text, lang).map(|t| translations.push(t))
            }
            (true, Some("toml")) => parse_helpline(relative, &text).map(|h| helplines.push(h)),
            (false, Some("md")) => parse_item(relative, &text)
                .map(|t| treatments.push(t))
                .inspect_err(|_| refused.push(stem(relative).to_string())),
            _ => Err(vec![file_error(
                relative,
                0,
                "file",
                "only items (*.md), helplines (helplines/*.toml), their translations (es/…) and search-synonyms.toml belong in the content folder"
                    .into(),
            )]),
        };
        if let Err(e) = result {
            errors.extend(e);
        }
        texts.insert(relative.clone(), text);
    }

    check_unique(
        treatments
            .iter()
            .map(|t| (t.slug.as_str(), t.file.as_str())),
        &texts,
        &mut errors,
    );
    check_unique(
        helplines.iter().map(|h| (h.slug.as_str(), h.file.as_str())),
        &texts,
        &mut errors,
    );
    let known: HashSet<&str> = treatments
        .iter()
        .map(|t| t.slug.as_str())
        .chain(refused.iter().map(String::as_str))
        .collect();
    for t in &treatments {
        for related in &t.related {
            if !known.contains(related.as_str()) {
                let line = line_of(&texts[&t.file], &format!("\"{related}\""), "related");
                errors.push(file_error(
                    &t.file,
                    line,
                    "related",
                    format!("no item has the slug `{related}`"),
                ));
            }
        }
    }
    let (translations, helpline_translations, translation_states) = check_translations(
        &treatments,
        &helplines,
        translations,
        helpline_translations,
        &texts,
        &mut errors,
    );
    errors.extend(check_items(SYNONYMS_FILE, &synonyms, &known));
    if treatments.is_empty() && errors.is_empty() {
        errors.push(file_error("", 0, "folder", "no content items found".into()));
    }
    if !errors.is_empty() {
        // Name files as the editor sees them: content/medications/methadone.md.
        for e in &mut errors {
            e.file = dir.join(&e.file).display().to_string();
        }
        return Err(errors);
    }

    treatments
        .sort_by(|a, b| (a.category, a.order, &a.title).cmp(&(b.category, b.order, &b.title)));
    helplines.sort_by(|a, b| {
        (a.country, !a.emergency, a.order, &a.name).cmp(&(
            b.country,
            !b.emergency,
            b.order,
            &b.name,
        ))
    });
    let hash = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(ContentSet {
        treatments,
        helplines,
        synonyms,
        translations,
        helpline_translations,
        translation_states,
        hash,
    })
}

/// `es/medications/methadone.md` → (Spanish, `medications/methadone.md`): a file in a
/// translated language's folder, and the English file it translates.
fn translation_lang(relative: &str) -> Option<(Lang, &str)> {
    let (folder, rest) = relative.split_once('/')?;
    let lang = Lang::from_code(folder).filter(|l| Lang::TRANSLATED.contains(l))?;
    Some((lang, rest))
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

type Checked = (
    Vec<ItemTranslation>,
    Vec<HelplineTranslation>,
    Vec<(Lang, String, TranslationState)>,
);

/// Each translation against its English file: it must translate an item that exists,
/// with the same number of entries in each list, a comparison where the English has
/// one, and the same country parts. Its `source_hash` says whether the English has
/// changed since (stale). English items with no translation are listed as missing.
fn check_translations(
    treatments: &[Treatment],
    helplines: &[Helpline],
    translations: Vec<(ItemTranslation, Vec<Country>)>,
    helpline_translations: Vec<HelplineTranslation>,
    texts: &HashMap<String, String>,
    errors: &mut Vec<ContentError>,
) -> Checked {
    let mut states = Vec::new();
    let mut kept = Vec::new();
    let by_file: HashMap<&str, &Treatment> =
        treatments.iter().map(|t| (t.file.as_str(), t)).collect();
    for (t, parts) in translations {
        let source = translation_lang(&t.file).map_or("", |(_, source)| source);
        let Some(english) = by_file.get(source) else {
            errors.push(file_error(
                &t.file,
                1,
                "file",
                format!("translates `{source}`, which is not an item"),
            ));
            continue;
        };
        let lists = [
            ("suits", t.suits.len(), english.suits.len()),
            (
                "requirements",
                t.requirements.len(),
                english.requirements.len(),
            ),
            (
                "side_effects",
                t.side_effects.len(),
                english.side_effects.len(),
            ),
            ("cautions", t.cautions.len(), english.cautions.len()),
        ];
        for (field, here, there) in lists {
            if here != there {
                errors.push(file_error(
                    &t.file,
                    line_of(&texts[&t.file], field, field),
                    field,
                    format!(
                        "has {here} entries; the English item has {there}: translate each, in order"
                    ),
                ));
            }
        }
        if t.compare.is_some() != english.compare.is_some() {
            errors.push(file_error(
                &t.file,
                1,
                "compare",
                if english.compare.is_some() {
                    "the English item has a comparison table: translate its six rows under [compare]".into()
                } else {
                    "the English item has no comparison table: leave [compare] out".into()
                },
            ));
        }
        let english_parts: Vec<Country> = Country::ALL
            .into_iter()
            .filter(|c| {
                english
                    .body_markdown
                    .lines()
                    .any(|l| l.trim_end() == format!("## {}", Lang::En.country_heading(*c)))
            })
            .collect();
        for country in english_parts {
            if !parts.contains(&country) {
                errors.push(file_error(
                    &t.file,
                    1,
                    "body",
                    format!(
                        "the English item has a part `## {}`: translate it under `## {}`",
                        Lang::En.country_heading(country),
                        t.lang.country_heading(country)
                    ),
                ));
            }
        }
        let state = if t.source_hash == sha256_hex(&texts[source]) {
            TranslationState::Current
        } else {
            TranslationState::Stale
        };
        states.push((t.lang, source.to_string(), state));
        kept.push(t);
    }
    let helpline_files: HashSet<&str> = helplines.iter().map(|h| h.file.as_str()).collect();
    let mut kept_helplines = Vec::new();
    for h in helpline_translations {
        let source = translation_lang(&h.file).map_or("", |(_, source)| source);
        if !helpline_files.contains(source) {
            errors.push(file_error(
                &h.file,
                1,
                "file",
                format!("translates `{source}`, which is not a helpline"),
            ));
            continue;
        }
        let english = helplines.iter().find(|e| e.file == source);
        if let Some(english) = english
            && english.languages.len() != h.languages.len()
        {
            errors.push(file_error(
                &h.file,
                line_of(&texts[&h.file], "languages", "languages"),
                "languages",
                format!(
                    "has {} entries; the English helpline has {}",
                    h.languages.len(),
                    english.languages.len()
                ),
            ));
        }
        let state = if h.source_hash == sha256_hex(&texts[source]) {
            TranslationState::Current
        } else {
            TranslationState::Stale
        };
        states.push((h.lang, source.to_string(), state));
        kept_helplines.push(h);
    }
    for lang in Lang::TRANSLATED {
        let english_files = treatments
            .iter()
            .map(|t| t.file.as_str())
            .chain(helplines.iter().map(|h| h.file.as_str()));
        for file in english_files {
            if !states.iter().any(|(l, f, _)| *l == lang && f == file) {
                states.push((lang, file.to_string(), TranslationState::Missing));
            }
        }
    }
    states.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    (kept, kept_helplines, states)
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Editors leave hidden swap files; a README beside the content explains it.
        if name.starts_with('.') || name.eq_ignore_ascii_case("README.md") {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect_files(root, &path, out)?;
        } else {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((relative, path));
        }
    }
    Ok(())
}

fn check_unique<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str)>,
    texts: &HashMap<String, String>,
    errors: &mut Vec<ContentError>,
) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (slug, file) in entries {
        if let Some(first) = seen.insert(slug, file) {
            errors.push(file_error(
                file,
                line_of(&texts[file], &format!("\"{slug}\""), "slug"),
                "slug",
                format!("the slug `{slug}` is already used by {first}"),
            ));
            seen.insert(slug, first);
        }
    }
}

/// The first line at or after the line starting with `key` that contains `needle`.
fn line_of(text: &str, needle: &str, key: &str) -> usize {
    let mut after_key = false;
    for (i, line) in text.lines().enumerate() {
        after_key |= line.trim_start().starts_with(key);
        if after_key && line.contains(needle) {
            return i + 1;
        }
    }
    1
}

/// A file's name without folder or extension: the slug an item in it must have.
fn stem(relative: &str) -> &str {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

fn file_error(file: &str, line: usize, field: &str, message: String) -> ContentError {
    ContentError {
        file: file.to_string(),
        line,
        field: field.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Lang, TranslationState};

    fn item(slug: &str, related: &str) -> String {
        format!(
            "+++\nslug = \"{slug}\"\ntitle = \"T {slug}\"\ncategory = \"therapies\"\nsummary = \"S.\"\n\
             evidence = \"supported\"\nsuits = [\"x\"]\ncautions = [\"y\"]\nrelated = [{related}]\n\
             reviewed = \"2026-11-22\"\n[[sources]]\ntitle = \"NIDA\"\nurl = \"https://nida.nih.gov/\"\n+++\nBody.\n"
        )
    }

    fn folder(files: &[(&str, String)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn a_good_folder_loads_sorted_with_a_stable_hash() {
        let dir = folder(&[
            ("a/cbt.md", item("cbt", "\"mi\"")),
            ("mi.md", item("mi", "")),
        ]);
        let set = load_dir(dir.path()).unwrap();
        assert_eq!(set.treatments.len(), 2);
        assert_eq!(set.hash, load_dir(dir.path()).unwrap().hash);
        assert_eq!(set.version().len(), 12);
        std::fs::write(dir.path().join("mi.md"), item("mi", "\"cbt\"")).unwrap();
        assert_ne!(
            set.hash,
            load_dir(dir.path()).unwrap().hash,
            "an edit changes the hash"
        );
    }

    fn translation(slug: &str, english: &str, cautions: &str, body: &str) -> String {
        format!(
            "+++\nslug = \"{slug}\"\nsource_hash = \"{}\"\ntranslated = \"2026-12-01\"\n\
             title = \"T {slug} es\"\nsummary = \"Resumen.\"\nsuits = [\"x es\"]\n\
             cautions = [{cautions}]\n+++\n{body}\n",
            sha256_hex(english)
        )
    }

    #[test]
    fn translations_load_beside_their_english_items_and_know_when_they_are_stale() {
        let cbt = item("cbt", "");
        let dir = folder(&[
            ("therapies/cbt.md", cbt.clone()),
            ("therapies/mi.md", item("mi", "")),
            (
                "es/therapies/cbt.md",
                translation("cbt", &cbt, "\"y es\"", "Cuerpo."),
            ),
        ]);
        let set = load_dir(dir.path()).unwrap();
        assert_eq!(
            set.treatments.len(),
            2,
            "a translation is not an item of its own"
        );
        assert_eq!(set.translations.len(), 1);
        let es = &set.translations[0];
        assert_eq!((es.lang, es.title.as_str()), (Lang::Es, "T cbt es"));
        assert_eq!(es.body_html, "<p>Cuerpo.</p>\n");
        let state = |file: &str, set: &ContentSet| {
            set.translation_states
                .iter()
                .find(|(l, f, _)| *l == Lang::Es && f == file)
                .map(|(_, _, s)| *s)
        };
        assert_eq!(
            state("therapies/cbt.md", &set),
            Some(TranslationState::Current)
        );
        assert_eq!(
            state("therapies/mi.md", &set),
            Some(TranslationState::Missing)
        );

        // The English changes: the translation still loads, and is reported stale.
        std::fs::write(dir.path().join("therapies/cbt.md"), item("cbt", "\"mi\"")).unwrap();
        let set = load_dir(dir.path()).unwrap();
        assert_eq!(
            state("therapies/cbt.md", &set),
            Some(TranslationState::Stale)
        );
        assert_eq!(set.translations.len(), 1);
    }

    #[test]
    fn a_translation_that_does_not_match_its_english_item_names_file_line_and_field() {
        let cbt = item("cbt", "");
        let canada = cbt.replace("Body.", "Body.\n\n## In Canada\n\nThe same.");
        // (what is wrong, the files, the file at fault, its field)
        type Case<'a> = (&'a str, Vec<(&'a str, String)>, &'a str, &'a str);
        let cases: Vec<Case> = vec![
            (
                "a list of another length",
                vec![
                    ("therapies/cbt.md", cbt.clone()),
                    (
                        "es/therapies/cbt.md",
                        translation("cbt", &cbt, "\"y\", \"z\"", "Cuerpo."),
                    ),
                ],
                "es/therapies/cbt.md",
                "cautions",
            ),
            (
                "no English item",
                vec![
                    ("therapies/cbt.md", cbt.clone()),
                    (
                        "es/therapies/mi.md",
                        translation("mi", &cbt, "\"y\"", "Cuerpo."),
                    ),
                ],
                "es/therapies/mi.md",
                "file",
            ),
            (
                "the Canada part left out",
                vec![
                    ("therapies/cbt.md", canada.clone()),
                    (
                        "es/therapies/cbt.md",
                        translation("cbt", &canada, "\"y\"", "Cuerpo."),
                    ),
                ],
                "es/therapies/cbt.md",
                "body",
            ),
            (
                "the Canada part in English words",
                vec![
                    ("therapies/cbt.md", canada.clone()),
                    (
                        "es/therapies/cbt.md",
                        translation("cbt", &canada, "\"y\"", "Cuerpo.\n\n## En canada\n\nIgual."),
                    ),
                ],
                "es/therapies/cbt.md",
                "body",
            ),
            (
                "a hash that is not one",
                vec![
                    ("therapies/cbt.md", cbt.clone()),
                    (
                        "es/therapies/cbt.md",
                        translation("cbt", &cbt, "\"y\"", "Cuerpo.")
                            .replace(&sha256_hex(&cbt), "abc"),
                    ),
                ],
                "es/therapies/cbt.md",
                "source_hash",
            ),
        ];
        for (name, files, file, field) in cases {
            let dir = folder(&files);
            let errors = load_dir(dir.path()).expect_err(name);
            assert!(
                errors
                    .iter()
                    .any(|e| e.field == field
                        && e.file == dir.path().join(file).display().to_string()),
                "{name}: {errors:?}"
            );
        }
        // With the part translated as `## En Canadá`, the same files load.
        let dir = folder(&[
            ("therapies/cbt.md", canada.clone()),
            (
                "es/therapies/cbt.md",
                translation("cbt", &canada, "\"y\"", "Cuerpo.\n\n## En Canadá\n\nIgual."),
            ),
        ]);
        let set = load_dir(dir.path()).unwrap();
        assert!(
            set.translations[0]
                .body_html
                .contains("country-note country-ca")
        );
    }

    #[test]
    fn folder_level_errors_name_file_line_and_field() {
        let cases = [
            (
                "duplicate slug",
                vec![("a/cbt.md", item("cbt", "")), ("b/cbt.md", item("cbt", ""))],
                "b/cbt.md",
                "slug",
                2,
            ),
            (
                "dangling related",
                vec![("cbt.md", item("cbt", "\"nothing-here\""))],
                "cbt.md",
                "related",
                9,
            ),
            (
                "synonym for a missing item",
                vec![
                    ("cbt.md", item("cbt", "")),
                    (
                        "search-synonyms.toml",
                        "[[synonym]]\nterms = [\"talk\"]\nitems = [\"cbt\", \"nothing-here\"]\n"
                            .into(),
                    ),
                ],
                "search-synonyms.toml",
                "items",
                3,
            ),
            (
                "stray file",
                vec![("cbt.md", item("cbt", "")), ("notes.txt", "hi".into())],
                "notes.txt",
                "file",
                0,
            ),
        ];
        for (name, files, file, field, line) in cases {
            let dir = folder(&files);
            let errors = load_dir(dir.path()).expect_err(name);
            let e = errors
                .iter()
                .find(|e| e.field == field)
                .unwrap_or_else(|| panic!("{name}: {errors:?}"));
            assert_eq!(
                e.file,
                dir.path().join(file).display().to_string(),
                "{name}: {e}"
            );
            assert_eq!(e.line, line, "{name}: {e}");
        }
    }
}
