//! The pure file parser: `(path, text)` in, a typed item or errors naming file, line
//! and field out. No I/O here, so every case is a table row in the tests below.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use toml::Spanned;

use super::{
    Category, Comparison, Country, Evidence, Helpline, HelplineTranslation, ItemTranslation, Lang,
    PROVINCES, Source, Treatment,
};

/// A problem in one content file, precise enough for a clinician to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: field `{field}`: {message}")]
pub struct ContentError {
    /// Path of the file, relative to the content folder.
    pub file: String,
    /// 1-based line number in the file.
    pub line: usize,
    /// The front-matter field (or `front matter`, `body`) at fault.
    pub field: String,
    pub message: String,
}

pub const MAX_SUMMARY_CHARS: usize = 200;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    slug: Spanned<String>,
    title: Spanned<String>,
    category: Spanned<String>,
    summary: Spanned<String>,
    evidence: Spanned<String>,
    suits: Spanned<Vec<String>>,
    #[serde(default)]
    requirements: Vec<String>,
    #[serde(default)]
    side_effects: Vec<String>,
    #[serde(default)]
    cautions: Vec<String>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(default = "default_order")]
    order: i64,
    reviewed: Spanned<String>,
    /// Practice is the same in the US and Canada: no `## In Canada` part is needed.
    #[serde(default)]
    same_in_both_countries: Option<Spanned<bool>>,
    /// The body comes before the boxes of who it suits and what to weigh.
    #[serde(default)]
    body_first: bool,
    compare: Option<Spanned<RawComparison>>,
    sources: Spanned<Vec<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    action: String,
    taken: String,
    obtained: String,
    before_starting: String,
    pregnancy: String,
    risks: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Spanned<String>,
    url: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpline {
    slug: Spanned<String>,
    name: Spanned<String>,
    country: Spanned<String>,
    #[serde(default)]
    provinces: Option<Spanned<Vec<Spanned<String>>>>,
    purpose: Spanned<String>,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    tty: String,
    #[serde(default)]
    url: Option<Spanned<String>>,
    hours: String,
    languages: Vec<String>,
    #[serde(default)]
    emergency: bool,
    #[serde(default)]
    order: i64,
    sources: Spanned<Vec<RawSource>>,
}

/// A translated item: only the words; everything else is the English item's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItemTranslation {
    slug: Spanned<String>,
    source_hash: Spanned<String>,
    translated: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
    suits: Vec<String>,
    #[serde(default)]
    requirements: Vec<String>,
    #[serde(default)]
    side_effects: Vec<String>,
    #[serde(default)]
    cautions: Vec<String>,
    compare: Option<RawComparison>,
}

/// A translated helpline: its words, and how to reach it in the language.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelplineTranslation {
    slug: Spanned<String>,
    source_hash: Spanned<String>,
    translated: Spanned<String>,
    name: Spanned<String>,
    purpose: Spanned<String>,
    hours: String,
    languages: Vec<String>,
    spanish: Spanned<String>,
    #[serde(default)]
    spanish_sources: Option<Spanned<Vec<RawSource>>>,
}

/// Collects errors for one file, turning byte spans into line numbers.
struct Report<'a> {
    file: &'a str,
    /// The TOML text being checked.
    toml: &'a str,
    /// The line of the file on which the TOML text starts.
    first_line: usize,
    errors: Vec<ContentError>,
}

impl<'a> Report<'a> {
    fn new(file: &'a str, toml: &'a str, first_line: usize) -> Self {
        Report {
            file,
            toml,
            first_line,
            errors: Vec::new(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.toml.len());
        self.first_line
            + self.toml.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
    }

    fn at(&mut self, span: Option<Range<usize>>, field: &str, message: impl Into<String>) {
        let line = span.map_or(self.first_line, |s| self.line_of(s.start));
        // Every report must say where to look, even when the TOML library's wording
        // names no key.
        let field = if field.is_empty() {
            "front matter"
        } else {
            field
        };
        self.errors.push(ContentError {
            file: self.file.to_string(),
            line,
            field: field.to_string(),
            message: message.into(),
        });
    }

    fn check_text(&mut self, value: &Spanned<String>, field: &str) {
        if value.get_ref().trim().is_empty() {
            self.at(Some(value.span()), field, "must not be empty");
        }
    }

    fn check_slug(&mut self, value: &Spanned<String>, field: &str, stem: &str) {
        let slug = value.get_ref();
        if !is_slug(slug) {
            self.at(
                Some(value.span()),
                field,
                format!("`{slug}` must use only lowercase letters, digits and single hyphens"),
            );
        } else if slug != stem {
            self.at(
                Some(value.span()),
                field,
                format!("`{slug}` must match the file name `{stem}`"),
            );
        }
    }

    fn check_sources(&mut self, sources: &Spanned<Vec<RawSource>>) -> Vec<Source> {
        if sources.get_ref().is_empty() {
            self.at(Some(sources.span()), "sources", "name at least one source");
        }
        let mut out = Vec::new();
        for source in sources.get_ref() {
            self.check_text(&source.title, "sources.title");
            if !is_web_url(source.url.get_ref()) {
                self.at(
                    Some(source.url.span()),
                    "sources.url",
                    format!(
                        "`{}` is not a web address starting with https://",
                        source.url.get_ref()
                    ),
                );
            }
            out.push(Source {
                title: source.title.get_ref().trim().to_string(),
                url: source.url.get_ref().trim().to_string(),
            });
        }
        out
    }

    /// A helpline's provinces: known codes, each once, and only on a Canadian line.
    fn check_provinces(
        &mut self,
        provinces: Option<&Spanned<Vec<Spanned<String>>>>,
        country: Option<Country>,
    ) -> Vec<String> {
        let Some(provinces) = provinces else {
            return Vec::new();
        };
        if !provinces.get_ref().is_empty() && country.is_some_and(|c| c != Country::Ca) {
            self.at(
                Some(provinces.span()),
                "provinces",
                "only Canadian lines (country = \"ca\") can name provinces; leave it out for a line that serves the whole country",
            );
        }
        let mut out: Vec<String> = Vec::new();
        for code in provinces.get_ref() {
            let value = code.get_ref();
            if !PROVINCES.iter().any(|(c, _)| c == value) {
                let mut known: Vec<_> = PROVINCES.iter().map(|(c, _)| *c).collect();
                known.sort_unstable();
                self.at(
                    Some(code.span()),
                    "provinces",
                    format!(
                        "unknown province or territory `{value}`; use one of: {}",
                        known.join(", ")
                    ),
                );
            } else if out.contains(value) {
                self.at(
                    Some(code.span()),
                    "provinces",
                    format!("`{value}` is listed twice"),
                );
            } else {
                out.push(value.clone());
            }
        }
        out
    }

    /// Turns a TOML syntax or shape error into a report entry.
    /// A summary: text, one line, at most [`MAX_SUMMARY_CHARS`]. Returns it trimmed.
    fn check_summary<'s>(&mut self, value: &'s Spanned<String>) -> &'s str {
        self.check_text(value, "summary");
        let summary = value.get_ref().trim();
        if summary.chars().count() > MAX_SUMMARY_CHARS || summary.contains('\n') {
            self.at(
                Some(value.span()),
                "summary",
                format!("must be one line of at most {MAX_SUMMARY_CHARS} characters"),
            );
        }
        summary
    }

    /// A SHA-256 written as 64 lowercase hex digits.
    fn check_hash(&mut self, value: &Spanned<String>) {
        let hash = value.get_ref();
        if hash.len() != 64
            || !hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            self.at(
                Some(value.span()),
                "source_hash",
                "must be the SHA-256 of the English file, 64 hex digits (`sha256sum` prints it)",
            );
        }
    }

    fn check_date(&mut self, value: &Spanned<String>, field: &str) {
        if !is_date(value.get_ref()) {
            self.at(
                Some(value.span()),
                field,
                "must be a date written YYYY-MM-DD",
            );
        }
    }

    fn toml_error(&mut self, err: &toml::de::Error) {
        let span = err.span();
        let message = err.message().trim().to_string();
        let field = backticked(&message)
            .filter(|_| message.contains("field"))
            .or_else(|| span.as_ref().and_then(|s| key_on_line(self.toml, s.start)))
            .unwrap_or_else(|| "front matter".to_string());
        self.at(span, &field, message);
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<ContentError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}

/// Parses a treatment item: TOML front matter between `+++` lines, then Markdown.
pub fn parse_item(file: &str, text: &str) -> Result<Treatment, Vec<ContentError>> {
    let stem = file_stem(file);
    let (front, body, body_line) = split_front_matter(file, text)?;
    let mut report = Report::new(file, front, 2);
    let raw: RawItem = match toml::from_str(front) {
        Ok(raw) => raw,
        Err(err) => {
            report.toml_error(&err);
            return report.finish(unreachable_item());
        }
    };

    report.check_slug(&raw.slug, "slug", stem);
    report.check_text(&raw.title, "title");
    let category = Category::from_slug(raw.category.get_ref());
    if category.is_none() {
        let known: Vec<_> = Category::ALL.iter().map(|c| c.slug()).collect();
        report.at(
            Some(raw.category.span()),
            "category",
            format!(
                "unknown category `{}`; use one of: {}",
                raw.category.get_ref(),
                known.join(", ")
            ),
        );
    }
    let summary = report.check_summary(&raw.summary);
    let evidence = Evidence::from_slug(raw.evidence.get_ref());
    if evidence.is_none() {
        report.at(
            Some(raw.evidence.span()),
            "evidence",
            format!(
                "unknown evidence level `{}`; use established, supported or emerging",
                raw.evidence.get_ref()
            ),
        );
    }
    if raw.suits.get_ref().iter().all(|s| s.trim().is_empty()) {
        report.at(
            Some(raw.suits.span()),
            "suits",
            "say who it may suit, in at least one entry",
        );
    }
    let weigh = [&raw.requirements, &raw.side_effects, &raw.cautions];
    if weigh
        .iter()
        .all(|list| list.iter().all(|s| s.trim().is_empty()))
    {
        report.at(
            None,
            "requirements",
            "give at least one thing to weigh in requirements, side_effects or cautions",
        );
    }
    for related in &raw.related {
        if !is_slug(related.get_ref()) {
            report.at(
                Some(related.span()),
                "related",
                format!("`{}` is not a slug", related.get_ref()),
            );
        } else if related.get_ref() == raw.slug.get_ref() {
            report.at(
                Some(related.span()),
                "related",
                "an item cannot be related to itself",
            );
        }
    }
    if !is_date(raw.reviewed.get_ref()) {
        report.at(
            Some(raw.reviewed.span()),
            "reviewed",
            "must be a date written YYYY-MM-DD",
        );
    }
    if let (Some(compare), Some(c)) = (&raw.compare, category)
        && c != Category::Medications
    {
        report.at(
            Some(compare.span()),
            "compare",
            "only medications have a comparison table",
        );
    }
    let sources = report.check_sources(&raw.sources);

    let rendered = render_markdown(body, Lang::En);
    if body.trim().is_empty() {
        report.at(
            None,
            "body",
            "write the item's text below the closing `+++`",
        );
    }
    if let Some(offset) = rendered.first_h1 {
        report.errors.push(ContentError {
            file: file.to_string(),
            line: body_line + body[..offset].matches('\n').count(),
            field: "body".to_string(),
            message: "start headings at `##`: the title is the page's main heading".to_string(),
        });
    }

    let line_in_body = |offset: usize| body_line + body[..offset].matches('\n').count();
    let same_in_both = raw
        .same_in_both_countries
        .as_ref()
        .is_some_and(|s| *s.get_ref());
    let canada_part = rendered
        .country_parts
        .iter()
        .find(|(c, _)| *c == Country::Ca)
        .map(|&(_, offset)| offset);
    if let (true, Some(offset)) = (same_in_both, canada_part) {
        report.at(
            raw.same_in_both_countries.as_ref().map(Spanned::span),
            "same_in_both_countries",
            format!(
                "says practice is the same in both countries, but the body has an `## In Canada` part on line {}: keep one of the two",
                line_in_body(offset)
            ),
        );
    }
    if category.is_some_and(Category::needs_canada_part) && !same_in_both && canada_part.is_none() {
        let hint = rendered
            .near_misses
            .first()
            .map(|(heading, offset)| {
                format!(
                    " (the heading `{heading}` on line {} does not count: write it exactly `## In Canada`)",
                    line_in_body(*offset)
                )
            })
            .unwrap_or_default();
        report.at(
            Some(raw.category.span()),
            "same_in_both_countries",
            format!(
                "items in `{}` must say what differs in Canada: add a part to the body under a level-2 heading exactly `## In Canada`, or, when practice is the same in both countries, set `same_in_both_countries = true`{hint}",
                raw.category.get_ref()
            ),
        );
    }

    let (Some(category), Some(evidence)) = (category, evidence) else {
        return report.finish(unreachable_item());
    };
    let clean = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let item = Treatment {
        slug: raw.slug.get_ref().clone(),
        title: raw.title.get_ref().trim().to_string(),
        category,
        summary: summary.to_string(),
        evidence,
        suits: clean(raw.suits.into_inner()),
        requirements: clean(raw.requirements),
        side_effects: clean(raw.side_effects),
        cautions: clean(raw.cautions),
        related: raw.related.into_iter().map(Spanned::into_inner).collect(),
        order: raw.order,
        reviewed: raw.reviewed.into_inner(),
        same_in_both_countries: same_in_both,
        body_first: raw.body_first,
        compare: raw.compare.map(|c| {
            let c = c.into_inner();
            Comparison {
                action: c.action,
                taken: c.taken,
                obtained: c.obtained,
                before_starting: c.before_starting,
                pregnancy: c.pregnancy,
                risks: c.risks,
            }
        }),
        sources,
        body_markdown: body.to_string(),
        body_html: rendered.html,
        body_text: rendered.text,
        file: file.to_string(),
    };
    report.finish(item)
}

/// Parses a helpline file: plain TOML, no body.
pub fn parse_helpline(file: &str, text: &str) -> Result<Helpline, Vec<ContentError>> {
    let stem = file_stem(file);
    let mut report = Report::new(file, text, 1);
    let raw: RawHelpline = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            report.toml_error(&err);
            return Err(report.errors);
        }
    };
    report.check_slug(&raw.slug, "slug", stem);
    report.check_text(&raw.name, "name");
    report.check_text(&raw.purpose, "purpose");
    let country = Country::from_code(raw.country.get_ref());
    if country.is_none() {
        report.at(
            Some(raw.country.span()),
            "country",
            format!("unknown country `{}`; use us or ca", raw.country.get_ref()),
        );
    }
    let provinces = report.check_provinces(raw.provinces.as_ref(), country);
    let opt = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let url = raw
        .url
        .as_ref()
        .map(|u| u.get_ref().trim().to_string())
        .filter(|u| !u.is_empty());
    if let (Some(spanned), Some(u)) = (&raw.url, &url)
        && !is_web_url(u)
    {
        report.at(
            Some(spanned.span()),
            "url",
            format!("`{u}` is not a web address starting with https://"),
        );
    }
    let (phone, text_number, tty) = (opt(raw.phone), opt(raw.text), opt(raw.tty));
    if phone.is_none() && text_number.is_none() && url.is_none() {
        report.at(None, "phone", "give at least one of phone, text or url");
    }
    let sources = report.check_sources(&raw.sources);
    let Some(country) = country else {
        return Err(report.errors);
    };
    let helpline = Helpline {
        slug: raw.slug.into_inner(),
        name: raw.name.into_inner().trim().to_string(),
        country,
        provinces,
        purpose: raw.purpose.into_inner().trim().to_string(),
        phone,
        text: text_number,
        tty,
        url,
        hours: raw.hours.trim().to_string(),
        languages: raw.languages,
        emergency: raw.emergency,
        order: raw.order,
        sources,
        file: file.to_string(),
    };
    report.finish(helpline)
}

/// Parses a translated item (`es/medications/methadone.md`): its own words for the
/// English item's title, summary, lists, comparison and body. The checks against the
/// English item (the same number of entries, the same country parts, the hash) are the
/// folder's, in `load.rs`.
pub fn parse_item_translation(
    file: &str,
    text: &str,
    lang: Lang,
) -> Result<(ItemTranslation, Vec<Country>), Vec<ContentError>> {
    let stem = file_stem(file);
    let (front, body, body_line) = split_front_matter(file, text)?;
    let mut report = Report::new(file, front, 2);
    let raw: RawItemTranslation = match toml::from_str(front) {
        Ok(raw) => raw,
        Err(err) => {
            report.toml_error(&err);
            return Err(report.errors);
        }
    };
    report.check_slug(&raw.slug, "slug", stem);
    report.check_hash(&raw.source_hash);
    report.check_date(&raw.translated, "translated");
    report.check_text(&raw.title, "title");
    let summary = report.check_summary(&raw.summary);
    let rendered = render_markdown(body, lang);
    if body.trim().is_empty() {
        report.at(
            None,
            "body",
            "write the translation below the closing `+++`",
        );
    }
    if let Some(offset) = rendered.first_h1 {
        report.errors.push(ContentError {
            file: file.to_string(),
            line: body_line + body[..offset].matches('\n').count(),
            field: "body".to_string(),
            message: "start headings at `##`: the title is the page's main heading".to_string(),
        });
    }
    for (heading, offset) in &rendered.near_misses {
        report.errors.push(ContentError {
            file: file.to_string(),
            line: body_line + body[..*offset].matches('\n').count(),
            field: "body".to_string(),
            message: format!(
                "`{heading}` looks like a country part: write it exactly `## {}` or `## {}`",
                lang.country_heading(Country::Ca),
                lang.country_heading(Country::Us)
            ),
        });
    }
    let parts = rendered.country_parts.iter().map(|(c, _)| *c).collect();
    let translation = ItemTranslation {
        slug: raw.slug.into_inner(),
        lang,
        source_hash: raw.source_hash.into_inner(),
        translated: raw.translated.into_inner(),
        title: raw.title.into_inner().trim().to_string(),
        summary: summary.to_string(),
        suits: trimmed(raw.suits),
        requirements: trimmed(raw.requirements),
        side_effects: trimmed(raw.side_effects),
        cautions: trimmed(raw.cautions),
        compare: raw.compare.map(|c| Comparison {
            action: c.action,
            taken: c.taken,
            obtained: c.obtained,
            before_starting: c.before_starting,
            pregnancy: c.pregnancy,
            risks: c.risks,
        }),
        body_markdown: body.to_string(),
        body_html: rendered.html,
        body_text: rendered.text,
        file: file.to_string(),
    };
    report.finish((translation, parts))
}

/// Parses a translated helpline (`es/helplines/988-lifeline.toml`).
pub fn parse_helpline_translation(
    file: &str,
    text: &str,
    lang: Lang,
) -> Result<HelplineTranslation, Vec<ContentError>> {
    let stem = file_stem(file);
    let mut report = Report::new(file, text, 1);
    let raw: RawHelplineTranslation = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            report.toml_error(&err);
            return Err(report.errors);
        }
    };
    report.check_slug(&raw.slug, "slug", stem);
    report.check_hash(&raw.source_hash);
    report.check_date(&raw.translated, "translated");
    report.check_text(&raw.name, "name");
    report.check_text(&raw.purpose, "purpose");
    report.check_text(&raw.spanish, "spanish");
    let in_language_sources = match &raw.spanish_sources {
        Some(sources) => report.check_sources(sources),
        None => Vec::new(),
    };
    let translation = HelplineTranslation {
        slug: raw.slug.into_inner(),
        lang,
        source_hash: raw.source_hash.into_inner(),
        translated: raw.translated.into_inner(),
        name: raw.name.into_inner().trim().to_string(),
        purpose: raw.purpose.into_inner().trim().to_string(),
        hours: raw.hours.trim().to_string(),
        languages: raw.languages,
        in_language: raw.spanish.into_inner().trim().to_string(),
        in_language_sources,
        file: file.to_string(),
    };
    report.finish(translation)
}

fn trimmed(list: Vec<String>) -> Vec<String> {
    list.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits `+++ toml +++ body`; returns the TOML, the body and the body's first line.
fn split_front_matter<'a>(
    file: &str,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), Vec<ContentError>> {
    let error = |message: &str| {
        vec![ContentError {
            file: file.to_string(),
            line: 1,
            field: "front matter".to_string(),
            message: message.to_string(),
        }]
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        return Err(error(
            "the file must start with a line `+++` that opens the front matter",
        ));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + front.matches('\n').count() + 1;
            return Ok((front, body, body_line));
        }
        offset += line.len();
    }
    Err(error(
        "the front matter is not closed: add a line `+++` after it",
    ))
}

struct Rendered {
    html: String,
    text: String,
    /// Byte offset in the body of the first level-1 heading, if any.
    first_h1: Option<usize>,
    /// Each country part (`## In Canada`, `## In the US`) with its heading's offset.
    country_parts: Vec<(Country, usize)>,
    /// Headings that look like a country part but are not one (`### In Canada`,
    /// `## In canada`): as written, with their offsets, to point the editor at them.
    near_misses: Vec<(String, usize)>,
}

/// Ids the item page itself uses: a body heading never takes one of them.
const PAGE_IDS: [&str; 6] = [
    "main",
    "site-search-q",
    "suits-heading",
    "weigh-heading",
    "related-heading",
    "sources-heading",
];

/// The country a level-2 heading opens a part for: its text exactly `In Canada` or
/// `In the US` (in Spanish, `En Canadá` or `En Estados Unidos`).
fn country_part(heading: &str, lang: Lang) -> Option<Country> {
    Country::ALL
        .into_iter()
        .find(|c| lang.country_heading(*c) == heading)
}

/// Headings that look like a country part but are not written as one.
fn looks_like_country_part(heading: &str) -> bool {
    matches!(
        heading.to_lowercase().as_str(),
        "in canada"
            | "in the us"
            | "in the u.s."
            | "in the united states"
            | "en canadá"
            | "en canada"
            | "en estados unidos"
            | "en ee. uu."
            | "en ee.uu."
            | "en los estados unidos"
    )
}

/// A heading's id: its words in lowercase joined by hyphens (`What to do right now` →
/// `what-to-do-right-now`); apostrophes dropped, other punctuation a break between words.
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')) {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        id.push_str("section");
    }
    id
}

/// Renders Markdown to HTML. Raw HTML is shown as text, never passed through: content
/// is edited by people, and a stray tag must not break a page or run a script.
///
/// Every heading gets an id from its words, so a section can be linked to
/// (`/treatments/overdose-response#what-to-do-right-now`); repeats get `-2`, `-3`. A
/// level-2 heading exactly `In Canada` or `In the US` opens a country part, up to the
/// next level-2 heading: a `<section class="country-note">` named by its heading.
fn render_markdown(body: &str, lang: Lang) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_STRIKETHROUGH;
    let mut first_h1 = None;
    let mut text = String::new();
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options)
        .into_offset_iter()
        .map(|(event, range)| {
            match &event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }) if first_h1.is_none() => {
                    first_h1 = Some(range.start);
                }
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::End(
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
                ) => text.push('\n'),
                _ => {}
            }
            let event = match event {
                Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
                other => other,
            };
            (event, range)
        })
        .collect();

    let mut used: HashSet<String> = PAGE_IDS.iter().map(|id| id.to_string()).collect();
    let mut country_parts = Vec::new();
    let mut near_misses = Vec::new();
    let mut in_part = false;
    let mut out: Vec<Event> = Vec::with_capacity(events.len() + 4);
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        let Event::Start(Tag::Heading { level, .. }) = event else {
            out.push(event.clone());
            i += 1;
            continue;
        };
        let level = *level;
        let end = events[i..]
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
            .map_or(events.len(), |n| i + n);
        let words: String = events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let words = words.trim();
        let mut id = heading_id(words);
        if used.contains(&id) {
            let base = id.clone();
            id = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|candidate| !used.contains(candidate))
                .unwrap_or(base);
        }
        used.insert(id.clone());
        let country = (level == HeadingLevel::H2)
            .then(|| country_part(words, lang))
            .flatten();
        if country.is_none() && looks_like_country_part(words) {
            let hashes = "#".repeat(level as usize);
            near_misses.push((format!("{hashes} {words}"), range.start));
        }
        if level <= HeadingLevel::H2 && in_part {
            out.push(Event::Html(CowStr::Borrowed("</section>\n")));
            in_part = false;
        }
        let mut classes = Vec::new();
        if let Some(country) = country {
            country_parts.push((country, range.start));
            out.push(Event::Html(CowStr::from(format!(
                "<section class=\"country-note country-{}\" aria-labelledby=\"{id}\">\n",
                country.code()
            ))));
            in_part = true;
            classes.push(CowStr::Borrowed("country-label"));
        }
        out.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id)),
            classes,
            attrs: Vec::new(),
        }));
        i += 1;
    }
    if in_part {
        out.push(Event::Html(CowStr::Borrowed("</section>\n")));
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered {
        html,
        text: text.trim().to_string(),
        first_h1,
        country_parts,
        near_misses,
    }
}

fn default_order() -> i64 {
    100
}

fn file_stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_web_url(s: &str) -> bool {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.')
            && !host.contains(char::is_whitespace)
            && !s.contains(char::is_whitespace)
    })
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

/// The first `name` in backticks in a serde message ("missing field `title`").
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    // An empty key (`"" = 1`) is quoted as ``; naming it would tell the editor nothing.
    (len > 0).then(|| message[start..start + len].to_string())
}

/// The key written on the line holding `offset` (`key = value`), to name the field
/// when the TOML error itself does not.
fn key_on_line(toml: &str, offset: usize) -> Option<String> {
    let offset = offset.min(toml.len());
    let start = toml[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = toml[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'))
    .then(|| key.to_string())
}

/// Only reached when errors were already reported, so the value is never used.
fn unreachable_item() -> Treatment {
    Treatment {
        slug: String::new(),
        title: String::new(),
        category: Category::Withdrawal,
        summary: String::new(),
        evidence: Evidence::Emerging,
        suits: vec![],
        requirements: vec![],
        side_effects: vec![],
        cautions: vec![],
        related: vec![],
        order: 0,
        reviewed: String::new(),
        same_in_both_countries: false,
        body_first: false,
        compare: None,
        sources: vec![],
        body_markdown: String::new(),
        body_html: String::new(),
        body_text: String::new(),
        file: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"+++
slug = "methadone"
title = "Methadone"
category = "medications"
summary = "A daily medicine."
evidence = "established"
suits = ["People with long-term opioid use"]
cautions = ["Dangerous with sedatives"]
related = ["buprenorphine"]
reviewed = "2026-11-22"

[compare]
action = "Full agonist"
taken = "Liquid, daily"
obtained = "Opioid treatment program"
before_starting = "Assessment"
pregnancy = "Recommended option"
risks = "Overdose early on"

[[sources]]
title = "NIDA"
url = "https://nida.nih.gov/"
+++
## What it is

Methadone <script>alert(1)</script> is *long-acting*.

## In Canada

Pharmacies often give the daily dose.
"#;

    fn with(from: &str, to: &str) -> String {
        assert!(GOOD.contains(from), "test bug: {from:?} not in GOOD");
        GOOD.replacen(from, to, 1)
    }

    #[test]
    fn parses_a_good_item() {
        let item = parse_item("medications/methadone.md", GOOD).expect("parses");
        assert_eq!(item.slug, "methadone");
        assert_eq!(item.category, Category::Medications);
        assert_eq!(item.evidence, Evidence::Established);
        assert_eq!(item.compare.as_ref().unwrap().action, "Full agonist");
        assert!(
            item.body_html
                .contains("<h2 id=\"what-it-is\">What it is</h2>")
        );
        assert!(!item.same_in_both_countries);
        assert!(item.body_html.contains("<em>long-acting</em>"));
        assert!(
            !item.body_html.contains("<script>"),
            "raw HTML must be escaped"
        );
        assert!(item.body_html.contains("&lt;script&gt;"));
        assert!(item.body_text.contains("Methadone"));
    }

    /// Each broken file names the field and the line the clinician must fix.
    #[test]
    fn bad_items_name_file_line_and_field() {
        let cases: Vec<(&str, String, &str, usize)> = vec![
            (
                "missing title",
                with("title = \"Methadone\"\n", ""),
                "title",
                2,
            ),
            (
                "unknown category",
                with("\"medications\"", "\"vitamins\""),
                "category",
                4,
            ),
            (
                "unknown evidence",
                with("\"established\"", "\"miracle\""),
                "evidence",
                6,
            ),
            (
                "slug differs from file",
                with("slug = \"methadone\"", "slug = \"metha\""),
                "slug",
                2,
            ),
            (
                "bad slug",
                with("slug = \"methadone\"", "slug = \"Metha Done\""),
                "slug",
                2,
            ),
            (
                "empty suits",
                with("[\"People with long-term opioid use\"]", "[]"),
                "suits",
                7,
            ),
            (
                "nothing to weigh",
                with("cautions = [\"Dangerous with sedatives\"]\n", ""),
                "requirements",
                2,
            ),
            (
                "self related",
                with("[\"buprenorphine\"]", "[\"methadone\"]"),
                "related",
                9,
            ),
            ("bad date", with("2026-11-22", "22/11/2026"), "reviewed", 10),
            (
                "source without url",
                with("url = \"https://nida.nih.gov/\"", "url = \"nida\""),
                "sources.url",
                22,
            ),
            (
                "no sources",
                with(
                    "[[sources]]\ntitle = \"NIDA\"\nurl = \"https://nida.nih.gov/\"\n",
                    "sources = []\n",
                ),
                "sources",
                20,
            ),
            (
                "unknown field",
                with("reviewed =", "colour = \"red\"\nreviewed ="),
                "colour",
                10,
            ),
            (
                // CI's fuzzing found this one: serde names the key "``".
                "empty key",
                with("reviewed =", "\"\" = 1\nreviewed ="),
                "front matter",
                10,
            ),
            (
                "wrong type",
                with("summary = \"A daily medicine.\"", "summary = 3"),
                "summary",
                5,
            ),
            (
                "malformed toml",
                with("title = \"Methadone\"", "title = \"Methadone"),
                "title",
                3,
            ),
            (
                "no opening fence",
                GOOD.replacen("+++\n", "", 1),
                "front matter",
                1,
            ),
            (
                "no closing fence",
                GOOD.replace("+++\n## What", "## What"),
                "front matter",
                1,
            ),
            (
                "level-1 heading",
                with("## What it is", "# What it is"),
                "body",
                24,
            ),
            (
                "empty body",
                GOOD.split_inclusive("+++\n").take(2).collect(),
                "body",
                2,
            ),
            (
                "compare outside medications",
                with("\"medications\"", "\"therapies\""),
                "compare",
                12,
            ),
            (
                "long summary",
                with("A daily medicine.", &"x".repeat(201)),
                "summary",
                5,
            ),
        ];
        for (name, text, field, line) in cases {
            let errors = parse_item("medications/methadone.md", &text).expect_err(name);
            let error = errors
                .iter()
                .find(|e| e.field == field)
                .unwrap_or_else(|| panic!("{name}: no error for field {field}: {errors:?}"));
            assert_eq!(error.file, "medications/methadone.md", "{name}");
            assert_eq!(error.line, line, "{name}: {error}");
            let shown = error.to_string();
            assert!(
                shown.starts_with(&format!("medications/methadone.md:{line}: field `{field}`")),
                "{name}: {shown}"
            );
        }
    }

    const HELPLINE: &str = r#"slug = "samhsa-national-helpline"
name = "SAMHSA National Helpline"
country = "us"
purpose = "Referrals."
phone = "1-800-662-4357"
tty = "1-800-487-4889"
hours = "24/7"
languages = ["English", "Spanish"]

[[sources]]
title = "SAMHSA"
url = "https://www.samhsa.gov/"
"#;

    #[test]
    fn parses_helplines_and_rejects_bad_ones() {
        let h = parse_helpline("helplines/samhsa-national-helpline.toml", HELPLINE).unwrap();
        assert_eq!(h.country, Country::Us);
        assert_eq!(h.text, None);
        assert_eq!(h.phone_href().unwrap(), "tel:+18006624357");

        let cases = [
            (
                "bad country",
                HELPLINE.replace("\"us\"", "\"uk\""),
                "country",
                3,
            ),
            (
                "no way to reach",
                HELPLINE.replace("phone = \"1-800-662-4357\"\n", ""),
                "phone",
                1,
            ),
            (
                "missing name",
                HELPLINE.replace("name = \"SAMHSA National Helpline\"\n", ""),
                "name",
                1,
            ),
        ];
        for (name, text, field, line) in cases {
            let errors =
                parse_helpline("helplines/samhsa-national-helpline.toml", &text).expect_err(name);
            let e = errors
                .iter()
                .find(|e| e.field == field)
                .unwrap_or_else(|| panic!("{name}: {errors:?}"));
            assert_eq!(e.line, line, "{name}: {e}");
        }
    }

    const PROVINCIAL: &str = r#"slug = "connexontario"
name = "ConnexOntario"
country = "ca"
provinces = ["on"]
purpose = "Referrals."
phone = "1-866-531-2600"
hours = "24/7"
languages = ["English"]

[[sources]]
title = "ConnexOntario"
url = "https://www.connexontario.ca/"
"#;

    #[test]
    fn provinces_are_known_codes_on_canadian_lines_only() {
        let h = parse_helpline("helplines/connexontario.toml", PROVINCIAL).unwrap();
        assert_eq!(h.provinces, ["on"]);
        assert!(h.is_provincial() && h.serves_province("on") && !h.serves_province("bc"));
        let national = parse_helpline(
            "helplines/connexontario.toml",
            &PROVINCIAL.replace("provinces = [\"on\"]\n", ""),
        )
        .unwrap();
        assert!(national.provinces.is_empty() && !national.is_provincial());
        let empty = parse_helpline(
            "helplines/connexontario.toml",
            &PROVINCIAL.replace("[\"on\"]", "[]"),
        )
        .unwrap();
        assert!(!empty.is_provincial(), "an empty list is the whole country");

        let us_line = "helplines/samhsa-national-helpline.toml";
        let ca_line = "helplines/connexontario.toml";
        let cases = [
            (
                "unknown code",
                ca_line,
                PROVINCIAL.replace("[\"on\"]", "[\"on\", \"ox\"]"),
                4,
            ),
            (
                "code in capitals",
                ca_line,
                PROVINCIAL.replace("[\"on\"]", "[\"ON\"]"),
                4,
            ),
            (
                "unknown code on its own line",
                ca_line,
                PROVINCIAL.replace("[\"on\"]", "[\n  \"on\",\n  \"zz\",\n]"),
                6,
            ),
            (
                "code listed twice",
                ca_line,
                PROVINCIAL.replace("[\"on\"]", "[\"on\", \"on\"]"),
                4,
            ),
            (
                "not a list",
                ca_line,
                PROVINCIAL.replace("[\"on\"]", "\"on\""),
                4,
            ),
            (
                "provinces on a US line",
                us_line,
                HELPLINE.replace(
                    "country = \"us\"\n",
                    "country = \"us\"\nprovinces = [\"on\"]\n",
                ),
                4,
            ),
        ];
        for (name, file, text, line) in cases {
            let errors = parse_helpline(file, &text).expect_err(name);
            let e = errors
                .iter()
                .find(|e| e.field == "provinces")
                .unwrap_or_else(|| panic!("{name}: no error for provinces: {errors:?}"));
            assert_eq!(e.file, file, "{name}");
            assert_eq!(e.line, line, "{name}: {e}");
            assert!(
                e.to_string()
                    .starts_with(&format!("{file}:{line}: field `provinces`")),
                "{name}: {e}"
            );
        }
    }

    #[test]
    fn slugs_urls_and_dates() {
        assert!(is_slug("buprenorphine-naloxone"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "é"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
        assert!(is_web_url("https://nida.nih.gov/x"));
        for bad in ["nida.gov", "https://", "ftp://x.org", "https://a b.org"] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
        assert!(is_date("2026-11-22"));
        for bad in ["2026-13-01", "2026-1-01", "20261122xx"] {
            assert!(!is_date(bad), "{bad:?}");
        }
    }

    #[test]
    fn headings_get_ids_from_their_words_unique_on_the_page() {
        for (words, id) in [
            ("What to do right now", "what-to-do-right-now"),
            (
                "What\u{2019}s next? Costs & coverage",
                "whats-next-costs-coverage",
            ),
            ("  In the US  ", "in-the-us"),
            ("Québec", "québec"),
            ("???", "section"),
        ] {
            assert_eq!(heading_id(words), id, "{words:?}");
        }
        let r = render_markdown(
            "## What to do right now\n\nCall.\n\n### Step *one*\n\n## What to do right now\n\n## Sources\n\n## Sources heading\n",
            Lang::En,
        );
        for tag in [
            "<h2 id=\"what-to-do-right-now\">What to do right now</h2>",
            "<h3 id=\"step-one\">Step <em>one</em></h3>",
            "<h2 id=\"what-to-do-right-now-2\">",
            "<h2 id=\"sources\">",
            // The page's own "Sources" section has this id already.
            "<h2 id=\"sources-heading-2\">",
        ] {
            assert!(r.html.contains(tag), "{tag} in {}", r.html);
        }
    }

    #[test]
    fn country_parts_are_marked_sections_up_to_the_next_level_2_heading() {
        let r = render_markdown(
            "## How it works\n\nText.\n\n## In Canada\n\nPharmacies.\n\n### Carries\n\nTake-home doses.\n\n## In the US\n\nOTPs only.\n\n## Costs\n\nVaries.\n",
            Lang::En,
        );
        let html = &r.html;
        let ca = html
            .find("<section class=\"country-note country-ca\" aria-labelledby=\"in-canada\">\n<h2 id=\"in-canada\" class=\"country-label\">In Canada</h2>")
            .unwrap_or_else(|| panic!("Canada part in {html}"));
        let us = html
            .find("<section class=\"country-note country-us\" aria-labelledby=\"in-the-us\">\n<h2 id=\"in-the-us\" class=\"country-label\">In the US</h2>")
            .unwrap_or_else(|| panic!("US part in {html}"));
        let carries = html.find("Take-home doses").unwrap();
        let costs = html.find("<h2 id=\"costs\">").unwrap();
        // The level-3 heading stays inside the Canada part, which closes before the US part.
        assert!(ca < carries && carries < us);
        assert_eq!(html[carries..us].matches("</section>").count(), 1);
        assert_eq!(html[us..costs].matches("</section>").count(), 1);
        assert!(!html[costs..].contains("</section>"));
        assert_eq!(
            html.matches("<section").count(),
            html.matches("</section>").count()
        );
        assert_eq!(
            r.country_parts.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            [Country::Ca, Country::Us]
        );
        // A part at the end of the body is closed too; only level 2 opens a part.
        let end = render_markdown("## In Canada\n\nLast.\n", Lang::En);
        assert!(end.html.trim_end().ends_with("</section>"), "{}", end.html);
        let h3 = render_markdown("## About\n\n### In Canada\n\nNot a part.\n", Lang::En);
        assert!(!h3.html.contains("<section") && h3.country_parts.is_empty());
        assert_eq!(h3.near_misses.len(), 1);
    }

    #[test]
    fn medications_and_settings_say_what_differs_in_canada() {
        let no_part = with(
            "\n## In Canada\n\nPharmacies often give the daily dose.\n",
            "",
        );
        // Without the part, and without the flag: refused, naming the field and the
        // category's line.
        let errors = parse_item("medications/methadone.md", &no_part).expect_err("no part");
        let e = errors
            .iter()
            .find(|e| e.field == "same_in_both_countries")
            .unwrap_or_else(|| panic!("{errors:?}"));
        assert_eq!(e.line, 4, "{e}");
        assert!(
            e.to_string().starts_with(
                "medications/methadone.md:4: field `same_in_both_countries`: items in `medications`"
            ),
            "{e}"
        );
        assert!(e.message.contains("## In Canada"));
        // The same for a setting.
        let setting = no_part
            .replace("\"medications\"", "\"settings\"")
            .replace("[compare]\n", "[unused]\n");
        let setting = setting.split("[unused]").next().unwrap().to_string()
            + "[[sources]]\ntitle = \"NIDA\"\nurl = \"https://nida.nih.gov/\"\n+++\n## What it is\n\nA place.\n";
        let errors = parse_item("settings/methadone.md", &setting).expect_err("setting");
        assert!(
            errors
                .iter()
                .any(|e| e.field == "same_in_both_countries" && e.line == 4),
            "{errors:?}"
        );
        // The flag instead of the part: accepted.
        let same = no_part.replace(
            "reviewed = \"2026-11-22\"\n",
            "reviewed = \"2026-11-22\"\nsame_in_both_countries = true\n",
        );
        let item = parse_item("medications/methadone.md", &same).expect("flag");
        assert!(item.same_in_both_countries);
        // `false` is the same as leaving it out.
        let not_same = no_part.replace(
            "reviewed = \"2026-11-22\"\n",
            "reviewed = \"2026-11-22\"\nsame_in_both_countries = false\n",
        );
        assert!(parse_item("medications/methadone.md", &not_same).is_err());
        // Other categories need neither.
        let therapy = no_part
            .replace("\"medications\"", "\"therapies\"")
            .replace(
                "[compare]\naction = \"Full agonist\"\ntaken = \"Liquid, daily\"\nobtained = \"Opioid treatment program\"\nbefore_starting = \"Assessment\"\npregnancy = \"Recommended option\"\nrisks = \"Overdose early on\"\n",
                "",
            );
        parse_item("therapies/methadone.md", &therapy).expect("a therapy needs no part");
        // Both the flag and a Canada part: a contradiction, named at the flag's line.
        let both = GOOD.replace(
            "reviewed = \"2026-11-22\"\n",
            "reviewed = \"2026-11-22\"\nsame_in_both_countries = true\n",
        );
        let errors = parse_item("medications/methadone.md", &both).expect_err("both");
        let e = errors
            .iter()
            .find(|e| e.field == "same_in_both_countries")
            .unwrap();
        assert_eq!(e.line, 11, "{e}");
        assert!(e.message.contains("line 29"), "{e}");
        // A heading that is nearly right is pointed at.
        let near = GOOD.replace("## In Canada", "### In Canada");
        let errors = parse_item("medications/methadone.md", &near).expect_err("near miss");
        let e = errors
            .iter()
            .find(|e| e.field == "same_in_both_countries")
            .unwrap();
        assert!(e.message.contains("`### In Canada` on line 28"), "{e}");
        // `## In the US` alone does not count for Canada.
        let us_only = GOOD.replace("## In Canada", "## In the US");
        assert!(parse_item("medications/methadone.md", &us_only).is_err());
    }

    #[test]
    fn reviewed_is_required_and_named() {
        let errors = parse_item(
            "medications/methadone.md",
            &with("reviewed = \"2026-11-22\"\n", ""),
        )
        .expect_err("no reviewed");
        let e = errors.iter().find(|e| e.field == "reviewed").unwrap();
        assert_eq!(e.file, "medications/methadone.md");
        assert!(e.line >= 1, "{e}");
    }

    use proptest::prelude::*;

    proptest! {
        /// Any text at all: parsed, or refused with errors that point inside the file.
        #[test]
        fn any_text_is_parsed_or_refused_with_a_line(text in "\\PC{0,400}") {
            check_any("items/x.md", &text);
        }

        /// Damaged copies of a good file: a cut, a deleted byte range, a repeated range.
        #[test]
        fn damaged_good_files_fail_cleanly(cut in 0..GOOD.len(), len in 0..40usize, insert in "\\PC{0,8}") {
            let mut text = GOOD.to_string();
            let start = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let end = (start + len).min(text.len());
            let end = (end..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
            text.replace_range(start..end, &insert);
            check_any("medications/methadone.md", &text);
            check_any("helplines/samhsa-national-helpline.toml", &HELPLINE.replace("SAMHSA", &insert));
            check_any("helplines/connexontario.toml", &PROVINCIAL.replace("on", &insert));
        }
    }

    fn check_any(file: &str, text: &str) {
        let lines = text.lines().count().max(1) + 1;
        let result = if file.ends_with(".toml") {
            parse_helpline(file, text).map(|_| ())
        } else {
            parse_item(file, text).map(|_| ())
        };
        if let Err(errors) = result {
            assert!(!errors.is_empty());
            for e in errors {
                assert_eq!(e.file, file);
                assert!(
                    e.line >= 1 && e.line <= lines,
                    "line {} of {lines}: {e}",
                    e.line
                );
                assert!(!e.field.is_empty() && !e.message.is_empty());
            }
        }
    }
}
