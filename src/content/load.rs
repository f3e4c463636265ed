//! Reads a whole content folder and checks what no single file can: unique slugs and
//! related items that exist. Nothing is written anywhere until all of it passes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::parse::{ContentError, parse_helpline, parse_item};
use super::synonyms::{SYNONYMS_FILE, Synonym, check_items, parse_synonyms};
use super::{Helpline, Treatment};

/// A validated content folder, ready to import.
#[derive(Debug, Clone)]
pub struct ContentSet {
    pub treatments: Vec<Treatment>,
    pub helplines: Vec<Helpline>,
    /// What search words mean on the site (`search-synonyms.toml`, optional).
    pub synonyms: Vec<Synonym>,
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
        let in_helplines = relative.starts_with("helplines/");
        let result = match (in_helplines, relative.rsplit_once('.').map(|(_, ext)| ext)) {
            _ if relative == SYNONYMS_FILE => {
                parse_synonyms(relative, &text).map(|s| synonyms = s)
            }
            (true, Some("toml")) => parse_helpline(relative, &text).map(|h| helplines.push(h)),
            (false, Some("md")) => parse_item(relative, &text)
                .map(|t| treatments.push(t))
                .inspect_err(|_| refused.push(stem(relative).to_string())),
            _ => Err(vec![file_error(
                relative,
                0,
                "file",
                "only items (*.md), helplines (helplines/*.toml) and search-synonyms.toml belong in the content folder"
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
        hash,
    })
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
