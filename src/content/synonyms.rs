//! `content/search-synonyms.toml`: the words people type into search, and what the site
//! calls the same thing. Editors extend it; `check-content` checks it like any item.
//!
//! ```toml
//! [[synonym]]
//! terms = ["vivitrol", "vivitral"]           # as typed: lowercase words, single spaces
//! items = ["extended-release-naltrexone"]   # list these items first, in this order
//!
//! [[synonym]]
//! terms = ["opiate", "opiates"]
//! words = ["opioid"]                        # also search for these words
//!
//! [[synonym]]
//! terms = ["near me", "nearby"]
//! page = "/find-care"                       # link this page above the results
//! label = "Find care near you"
//! ```

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::parse::{ContentError, is_slug};
use crate::store::search::query_words;

/// The file's path in the content folder.
pub const SYNONYMS_FILE: &str = "search-synonyms.toml";

/// Longest label for a page link.
const MAX_LABEL_CHARS: usize = 80;

/// One `[[synonym]]` entry: several ways of saying it, and what they mean on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    /// Lowercase words separated by single spaces: the form a query is split into.
    pub terms: Vec<String>,
    pub target: SynonymTarget,
    /// The line of each slug in [`SynonymTarget::Items`], to name it if it does not exist.
    pub item_lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SynonymTarget {
    /// Items listed first, in this order.
    Items(Vec<String>),
    /// Words (or phrases) searched for as well as the term.
    Words(Vec<String>),
    /// A page of the site linked above the results; the term's words are not searched.
    Page { url: String, label: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    synonym: Vec<Spanned<RawSynonym>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonym {
    terms: Spanned<Vec<Spanned<String>>>,
    items: Option<Spanned<Vec<Spanned<String>>>>,
    words: Option<Spanned<Vec<Spanned<String>>>>,
    page: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
}

struct Report<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<ContentError>,
}

impl Report<'_> {
    fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        1 + self.text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }

    fn at(&mut self, span: Range<usize>, field: &str, message: impl Into<String>) {
        let line = self.line_of(span.start);
        self.errors.push(ContentError {
            file: self.file.to_string(),
            line,
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// A term or a word list entry: must be written as a query is split, or it could
    /// never match.
    fn check_phrase(&mut self, value: &Spanned<String>, field: &str) -> Option<String> {
        let text = value.get_ref();
        let normal = query_words(text).join(" ");
        if normal.is_empty() {
            self.at(
                value.span(),
                field,
                format!("`{text}` has no word of two or more letters or digits"),
            );
            None
        } else if normal != *text {
            self.at(
                value.span(),
                field,
                format!(
                    "write `{text}` as `{normal}`: lowercase words of letters and digits, \
                     at least two characters each, separated by single spaces \
                     (that is how searches are read)"
                ),
            );
            None
        } else {
            Some(normal)
        }
    }
}

/// Parses the synonyms file: every problem is reported with its line and field.
pub fn parse_synonyms(file: &str, text: &str) -> Result<Vec<Synonym>, Vec<ContentError>> {
    let mut report = Report {
        file,
        text,
        errors: Vec::new(),
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            let message = err.message().trim().to_string();
            let field = backticked(&message)
                .filter(|_| message.contains("field"))
                .unwrap_or_else(|| "synonym".to_string());
            report.at(err.span().unwrap_or(0..0), &field, message);
            return Err(report.errors);
        }
    };

    let mut synonyms = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for entry in &raw.synonym {
        let span = entry.span();
        let entry = entry.get_ref();
        if entry.terms.get_ref().is_empty() {
            report.at(entry.terms.span(), "terms", "list at least one term");
        }
        let mut terms = Vec::new();
        for term in entry.terms.get_ref() {
            let Some(normal) = report.check_phrase(term, "terms") else {
                continue;
            };
            let line = report.line_of(term.span().start);
            if let Some(first) = seen.insert(normal.clone(), line) {
                report.at(
                    term.span(),
                    "terms",
                    format!("`{normal}` is already listed on line {first}; a term can mean one thing only"),
                );
                seen.insert(normal, first);
            } else {
                terms.push(normal);
            }
        }

        let given = [
            entry.items.is_some(),
            entry.words.is_some(),
            entry.page.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1 {
            report.at(
                span.clone(),
                "synonym",
                "give exactly one of `items` (slugs to list first), `words` (words to search for as well) or `page` (a page to link, with `label`)",
            );
            continue;
        }
        if let (Some(label), None) = (&entry.label, &entry.page) {
            report.at(label.span(), "label", "`label` goes with `page` only");
        }

        let mut item_lines = Vec::new();
        let target = if let Some(items) = &entry.items {
            if items.get_ref().is_empty() {
                report.at(items.span(), "items", "list at least one item slug");
            }
            let mut slugs: Vec<String> = Vec::new();
            for slug in items.get_ref() {
                let value = slug.get_ref();
                if !is_slug(value) {
                    report.at(
                        slug.span(),
                        "items",
                        format!(
                            "`{value}` is not a slug: lowercase letters, digits and single hyphens"
                        ),
                    );
                } else if slugs.contains(value) {
                    report.at(slug.span(), "items", format!("`{value}` is listed twice"));
                } else {
                    slugs.push(value.clone());
                    item_lines.push(report.line_of(slug.span().start));
                }
            }
            SynonymTarget::Items(slugs)
        } else if let Some(words) = &entry.words {
            if words.get_ref().is_empty() {
                report.at(words.span(), "words", "list at least one word");
            }
            let words = words
                .get_ref()
                .iter()
                .filter_map(|w| report.check_phrase(w, "words"))
                .collect();
            SynonymTarget::Words(words)
        } else {
            let page = entry.page.as_ref().expect("one target is given");
            let url = page.get_ref().trim();
            if !is_site_path(url) {
                report.at(
                    page.span(),
                    "page",
                    format!("`{url}` must be a page of this site, such as `/find-care`"),
                );
            }
            let label = match &entry.label {
                Some(label) if label.get_ref().trim().is_empty() => {
                    report.at(label.span(), "label", "must not be empty");
                    String::new()
                }
                Some(label) if label.get_ref().trim().chars().count() > MAX_LABEL_CHARS => {
                    report.at(
                        label.span(),
                        "label",
                        format!("must be at most {MAX_LABEL_CHARS} characters"),
                    );
                    String::new()
                }
                Some(label) => label.get_ref().trim().to_string(),
                None => {
                    report.at(
                        span.clone(),
                        "label",
                        "a `page` needs a `label`: the link text",
                    );
                    String::new()
                }
            };
            SynonymTarget::Page {
                url: url.to_string(),
                label,
            }
        };
        synonyms.push(Synonym {
            terms,
            target,
            item_lines,
        });
    }
    if report.errors.is_empty() {
        Ok(synonyms)
    } else {
        Err(report.errors)
    }
}

/// Errors for items named in `synonyms` that no content file defines.
pub fn check_items(file: &str, synonyms: &[Synonym], known: &HashSet<&str>) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for synonym in synonyms {
        if let SynonymTarget::Items(slugs) = &synonym.target {
            for (slug, line) in slugs.iter().zip(&synonym.item_lines) {
                if !known.contains(slug.as_str()) {
                    errors.push(ContentError {
                        file: file.to_string(),
                        line: *line,
                        field: "items".to_string(),
                        message: format!("no item has the slug `{slug}`"),
                    });
                }
            }
        }
    }
    errors
}

/// `/find-care`, `/treatments/methadone`: a path on this site, nothing that leaves it.
fn is_site_path(s: &str) -> bool {
    s.starts_with('/')
        && !s.starts_with("//")
        && s.len() <= 200
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'/' | b'-' | b'_' | b'.' | b'?' | b'=' | b'&' | b'#')
        })
}

/// The first `name` in backticks in a serde message ("missing field `terms`").
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    (len > 0).then(|| message[start..start + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[synonym]]
terms = ["vivitrol", "vivitral"]
items = ["extended-release-naltrexone"]

[[synonym]]
terms = ["opiate"]
words = ["opioid", "opioid use"]

[[synonym]]
terms = ["near me"]
page = "/find-care"
label = "Find care near you"
"#;

    #[test]
    fn parses_the_three_kinds() {
        let synonyms = parse_synonyms(SYNONYMS_FILE, GOOD).unwrap();
        assert_eq!(synonyms.len(), 3);
        assert_eq!(synonyms[0].terms, ["vivitrol", "vivitral"]);
        assert_eq!(
            synonyms[0].target,
            SynonymTarget::Items(vec!["extended-release-naltrexone".into()])
        );
        assert_eq!(synonyms[0].item_lines, [4]);
        assert_eq!(
            synonyms[1].target,
            SynonymTarget::Words(vec!["opioid".into(), "opioid use".into()])
        );
        assert_eq!(
            synonyms[2].target,
            SynonymTarget::Page {
                url: "/find-care".into(),
                label: "Find care near you".into()
            }
        );
        assert!(parse_synonyms(SYNONYMS_FILE, "").unwrap().is_empty());
    }

    #[test]
    fn bad_files_name_line_and_field() {
        let cases: &[(&str, &str, &str, usize)] = &[
            (
                "capitals",
                "[[synonym]]\nterms = [\"Near Me\"]\npage = \"/find-care\"\nlabel = \"x\"\n",
                "terms",
                2,
            ),
            (
                "one-letter word",
                "[[synonym]]\nterms = [\"a\"]\nwords = [\"b c\"]\n",
                "terms",
                2,
            ),
            (
                "two targets",
                "[[synonym]]\nterms = [\"x1\"]\nwords = [\"y1\"]\nitems = [\"z\"]\n",
                "synonym",
                1,
            ),
            (
                "no target",
                "\n[[synonym]]\nterms = [\"x1\"]\n",
                "synonym",
                2,
            ),
            (
                "repeated term",
                "[[synonym]]\nterms = [\"x1\"]\nwords = [\"y1\"]\n[[synonym]]\nterms = [\"x1\"]\nwords = [\"z1\"]\n",
                "terms",
                5,
            ),
            (
                "bad slug",
                "[[synonym]]\nterms = [\"x1\"]\nitems = [\"Not A Slug\"]\n",
                "items",
                3,
            ),
            (
                "external page",
                "[[synonym]]\nterms = [\"x1\"]\npage = \"https://example.org/\"\nlabel = \"x\"\n",
                "page",
                3,
            ),
            (
                "page without label",
                "[[synonym]]\nterms = [\"x1\"]\npage = \"/find-care\"\n",
                "label",
                1,
            ),
            (
                "label without page",
                "[[synonym]]\nterms = [\"x1\"]\nwords = [\"y1\"]\nlabel = \"x\"\n",
                "label",
                4,
            ),
            (
                "unknown field",
                "[[synonym]]\nterms = [\"x1\"]\nwords = [\"y1\"]\nslug = \"x\"\n",
                "slug",
                4,
            ),
            ("not TOML", "[[synonym]\n", "synonym", 1),
        ];
        for (name, text, field, line) in cases {
            let errors = parse_synonyms(SYNONYMS_FILE, text).expect_err(name);
            let e = errors
                .iter()
                .find(|e| e.field == *field)
                .unwrap_or_else(|| panic!("{name}: {errors:?}"));
            assert_eq!(e.line, *line, "{name}: {e}");
            assert_eq!(e.file, SYNONYMS_FILE, "{name}");
        }
    }

    #[test]
    fn items_must_exist() {
        let synonyms = parse_synonyms(SYNONYMS_FILE, GOOD).unwrap();
        let known: HashSet<&str> = ["extended-release-naltrexone"].into();
        assert!(check_items(SYNONYMS_FILE, &synonyms, &known).is_empty());
        let errors = check_items(SYNONYMS_FILE, &synonyms, &HashSet::new());
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].field.as_str()), (4, "items"));
    }
}
