//! The curated content: its model, the file parser, validation of a whole folder and
//! the import into SQLite. Files in `content/` are the source of truth; the app serves
//! what was last imported.

pub mod import;
mod library;
mod load;
mod parse;
mod synonyms;

pub use import::{ImportOutcome, import_dir};
pub use library::Library;
pub use load::{ContentSet, load_dir};
pub use parse::{
    ContentError, parse_helpline, parse_helpline_translation, parse_item, parse_item_translation,
};
pub use synonyms::{SYNONYMS_FILE, Synonym, SynonymTarget, parse_synonyms};

/// The shape of the content documents stored in SQLite (`Treatment`, `Helpline` as
/// JSON). Raise it with any change to those types: a database written with another
/// format has its content imported again at start-up instead of failing to load.
pub const CONTENT_FORMAT: i64 = 4;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The groups items are listed under, in the order families see them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Withdrawal,
    Medications,
    Therapies,
    Settings,
    SupportGroups,
    Recovery,
    Safety,
    ChoosingAProgram,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Withdrawal,
        Category::Medications,
        Category::Therapies,
        Category::Settings,
        Category::SupportGroups,
        Category::Recovery,
        Category::Safety,
        Category::ChoosingAProgram,
    ];

    /// The slug used in content files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Withdrawal => "withdrawal",
            Category::Medications => "medications",
            Category::Therapies => "therapies",
            Category::Settings => "settings",
            Category::SupportGroups => "support-groups",
            Category::Recovery => "recovery",
            Category::Safety => "safety",
            Category::ChoosingAProgram => "choosing-a-program",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The heading shown on the site.
    pub fn heading(self) -> &'static str {
        match self {
            Category::Withdrawal => "Withdrawal and detox",
            Category::Medications => "Medications",
            Category::Therapies => "Therapies and counselling",
            Category::Settings => "Where treatment happens",
            Category::SupportGroups => "Support groups",
            Category::Recovery => "Recovery and family support",
            Category::Safety => "Safety",
            Category::ChoosingAProgram => "Choosing a program",
        }
    }

    /// Whether items in the category must say what differs in Canada: an `## In Canada`
    /// part, or `same_in_both_countries = true`.
    pub fn needs_canada_part(self) -> bool {
        matches!(self, Category::Medications | Category::Settings)
    }

    /// The heading in `lang` (`category-<slug>` in `locales/*/pages.ftl`).
    pub fn heading_in(self, lang: Lang) -> Cow<'static, str> {
        crate::i18n::translated(lang, &format!("category-{}", self.slug()), self.heading())
    }

    /// The line under the heading in `lang` (`category-<slug>-blurb`).
    pub fn blurb_in(self, lang: Lang) -> Cow<'static, str> {
        crate::i18n::translated(
            lang,
            &format!("category-{}-blurb", self.slug()),
            self.blurb(),
        )
    }

    /// One line under the heading, saying what the group is for.
    pub fn blurb(self) -> &'static str {
        match self {
            Category::Withdrawal => {
                "Getting through withdrawal safely, and why it is only a first step."
            }
            Category::Medications => {
                "Medicines that ease withdrawal and cravings, block opioids or reverse an overdose."
            }
            Category::Therapies => {
                "Talking and behavioural treatments that help change habits and cope."
            }
            Category::Settings => {
                "Where care takes place, from round-the-clock stays to visits from home."
            }
            Category::SupportGroups => "Free groups for people in recovery and for their families.",
            Category::Recovery => {
                "Staying well after the first weeks, and supporting someone you love."
            }
            Category::Safety => "Risks to know about: overdose, pregnancy, mixing drugs.",
            Category::ChoosingAProgram => "What to ask, what good care looks like and how to pay.",
        }
    }
}

/// How strong the research behind an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    Established,
    Supported,
    Emerging,
}

impl Evidence {
    pub const ALL: [Evidence; 3] = [
        Evidence::Established,
        Evidence::Supported,
        Evidence::Emerging,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Evidence::Established => "established",
            Evidence::Supported => "supported",
            Evidence::Emerging => "emerging",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|e| e.slug() == slug)
    }

    /// The badge text.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::Established => "Established evidence",
            Evidence::Supported => "Supported by evidence",
            Evidence::Emerging => "Emerging: not yet proven",
        }
    }

    /// The badge text in `lang` (`evidence-<slug>` in `locales/*/pages.ftl`).
    pub fn label_in(self, lang: Lang) -> Cow<'static, str> {
        crate::i18n::translated(lang, &format!("evidence-{}", self.slug()), self.label())
    }

    /// What the level means, in `lang` (`evidence-<slug>-explanation`).
    pub fn explanation_in(self, lang: Lang) -> Cow<'static, str> {
        crate::i18n::translated(
            lang,
            &format!("evidence-{}-explanation", self.slug()),
            self.explanation(),
        )
    }

    /// What the level means, in a sentence.
    pub fn explanation(self) -> &'static str {
        match self {
            Evidence::Established => {
                "Backed by many good studies and recommended by bodies such as NIDA, SAMHSA or the FDA."
            }
            Evidence::Supported => {
                "Reasonable evidence or wide expert agreement, but fewer or weaker studies."
            }
            Evidence::Emerging => {
                "Early or mixed research. It may help some people, but it is not a proven treatment."
            }
        }
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// The rows of the side-by-side medication table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Comparison {
    /// How it acts on opioid receptors (full agonist, partial agonist, antagonist).
    pub action: String,
    /// How it is taken and how often.
    pub taken: String,
    /// Where it is obtained.
    pub obtained: String,
    /// What is needed before starting.
    pub before_starting: String,
    /// Use in pregnancy.
    pub pregnancy: String,
    /// Main risks.
    pub risks: String,
}

/// One content item: a medication, therapy, setting, support group or guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Treatment {
    pub slug: String,
    pub title: String,
    pub category: Category,
    pub summary: String,
    pub evidence: Evidence,
    /// Who it may suit.
    pub suits: Vec<String>,
    /// Things to weigh: what it takes.
    pub requirements: Vec<String>,
    /// Things to weigh: side effects.
    pub side_effects: Vec<String>,
    /// Things to weigh: cautions.
    pub cautions: Vec<String>,
    pub related: Vec<String>,
    /// Position within its category (lower first; ties by title).
    pub order: i64,
    /// When the item was last checked against its sources (YYYY-MM-DD).
    pub reviewed: String,
    /// Practice is the same in the US and Canada, so the body has no `## In Canada`
    /// part. Documents stored before the field existed read as false.
    #[serde(default)]
    pub same_in_both_countries: bool,
    /// The body comes first on the page, before who it suits and what to weigh: for
    /// items whose first job is to say what to do now (the overdose steps).
    #[serde(default)]
    pub body_first: bool,
    pub compare: Option<Comparison>,
    pub sources: Vec<Source>,
    /// The body as written, in Markdown.
    pub body_markdown: String,
    /// The body rendered to HTML (raw HTML in the Markdown is escaped, not passed through).
    pub body_html: String,
    /// The body as plain text, for search.
    pub body_text: String,
    /// The file the item came from, relative to the content folder.
    pub file: String,
}

impl Treatment {
    /// The month and year of `reviewed` in words ("November 2026"), as people read it.
    pub fn reviewed_month(&self) -> String {
        month_year(&self.reviewed).unwrap_or_else(|| self.reviewed.clone())
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-11-22` → `November 2026`; `None` for anything not written YYYY-MM-DD.
pub fn month_year(date: &str) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let month: usize = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let name = MONTHS.get(month.checked_sub(1)?)?;
    Some(format!("{name} {year}"))
}

/// Countries the helplines serve.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Country {
    Us,
    Ca,
}

impl Country {
    pub const ALL: [Country; 2] = [Country::Us, Country::Ca];

    pub fn code(self) -> &'static str {
        match self {
            Country::Us => "us",
            Country::Ca => "ca",
        }
    }

    pub fn from_code(code: &str) -> Option<Country> {
        Country::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn name(self) -> &'static str {
        match self {
            Country::Us => "United States",
            Country::Ca => "Canada",
        }
    }
}

/// A language the site is written in. English is the source; every other language is
/// a translation of it, file by file, under a folder named by its code
/// (`content/es/medications/methadone.md` translates `content/medications/methadone.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];
    /// The languages translated from English.
    pub const TRANSLATED: [Lang; 1] = [Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The level-2 heading that opens a country part of an item's body.
    pub fn country_heading(self, country: Country) -> &'static str {
        match (self, country) {
            (Lang::En, Country::Ca) => "In Canada",
            (Lang::En, Country::Us) => "In the US",
            (Lang::Es, Country::Ca) => "En Canadá",
            (Lang::Es, Country::Us) => "En Estados Unidos",
        }
    }
}

/// How a translation stands against the English it was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationState {
    /// Made from the English file as it is now.
    Current,
    /// The English file has changed since (its hash differs from `source_hash`).
    Stale,
    /// No translation yet.
    Missing,
}

/// An item in another language: the words of the English item, nothing else. The
/// category, evidence, related items, sources and dates are the English item's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemTranslation {
    pub slug: String,
    pub lang: Lang,
    /// SHA-256 of the English file the translation was made from.
    pub source_hash: String,
    /// When it was translated (YYYY-MM-DD).
    pub translated: String,
    pub title: String,
    pub summary: String,
    pub suits: Vec<String>,
    pub requirements: Vec<String>,
    pub side_effects: Vec<String>,
    pub cautions: Vec<String>,
    pub compare: Option<Comparison>,
    pub body_markdown: String,
    pub body_html: String,
    pub body_text: String,
    pub file: String,
}

/// A helpline in another language: its words, and how to reach it in that language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HelplineTranslation {
    pub slug: String,
    pub lang: Lang,
    pub source_hash: String,
    pub translated: String,
    pub name: String,
    pub purpose: String,
    pub hours: String,
    pub languages: Vec<String>,
    /// How to get help in this language on the line (a menu option, a text keyword),
    /// or that it offers none.
    pub in_language: String,
    /// Where that is stated.
    pub in_language_sources: Vec<Source>,
    pub file: String,
}

/// Canada's provinces and territories: the codes helpline files use, with the names
/// shown on the site, in the order of the names.
pub const PROVINCES: [(&str, &str); 13] = [
    ("ab", "Alberta"),
    ("bc", "British Columbia"),
    ("mb", "Manitoba"),
    ("nb", "New Brunswick"),
    ("nl", "Newfoundland and Labrador"),
    ("nt", "Northwest Territories"),
    ("ns", "Nova Scotia"),
    ("nu", "Nunavut"),
    ("on", "Ontario"),
    ("pe", "Prince Edward Island"),
    ("qc", "Quebec"),
    ("sk", "Saskatchewan"),
    ("yt", "Yukon"),
];

/// The full name of a province or territory, from its code (`on` → Ontario).
pub fn province_name(code: &str) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// A phone, text or web service people can reach for help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Helpline {
    pub slug: String,
    pub name: String,
    pub country: Country,
    /// Canadian provinces and territories the line serves, by code ([`PROVINCES`]).
    /// Empty: the whole country. Documents stored before the field existed read as empty.
    #[serde(default)]
    pub provinces: Vec<String>,
    pub purpose: String,
    pub phone: Option<String>,
    /// A number to send a text message to.
    pub text: Option<String>,
    pub tty: Option<String>,
    pub url: Option<String>,
    pub hours: String,
    pub languages: Vec<String>,
    /// Emergency numbers (911) are listed first.
    pub emergency: bool,
    pub order: i64,
    pub sources: Vec<Source>,
    pub file: String,
}

impl Helpline {
    /// `tel:` form of the phone number: digits only, so every phone dials it.
    pub fn phone_href(&self) -> Option<String> {
        self.phone.as_deref().map(tel_href)
    }

    pub fn text_href(&self) -> Option<String> {
        self.text.as_deref().map(sms_href)
    }

    pub fn tty_href(&self) -> Option<String> {
        self.tty.as_deref().map(tel_href)
    }

    /// Whether someone in `province` (a code such as `on`) can use the line: true for
    /// lines that serve the whole country.
    pub fn serves_province(&self, province: &str) -> bool {
        self.provinces.is_empty() || self.provinces.iter().any(|p| p == province)
    }

    /// Whether the line serves only some provinces or territories.
    pub fn is_provincial(&self) -> bool {
        !self.provinces.is_empty()
    }
}

/// `sms:` form of a text-line number.
pub fn sms_href(number: &str) -> String {
    format!("sms:{}", digits(number))
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// `tel:` form of a phone number: digits only, so every phone dials it.
pub fn tel_href(number: &str) -> String {
    let d = digits(number);
    // 11-digit North American numbers get the +1 prefix; short codes (911, 988) stay as they are.
    if d.len() == 11 && d.starts_with('1') {
        format!("tel:+{d}")
    } else if d.len() == 10 {
        format!("tel:+1{d}")
    } else {
        format!("tel:{d}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_links_dial_from_any_phone() {
        for (number, href) in [
            ("1-800-662-4357", "tel:+18006624357"),
            ("911", "tel:911"),
            ("988", "tel:988"),
            ("902-470-8888", "tel:+19024708888"),
        ] {
            assert_eq!(tel_href(number), href, "{number}");
        }
    }

    #[test]
    fn provincial_lines_serve_their_provinces_and_national_lines_everyone() {
        let line = |provinces: &[&str]| Helpline {
            slug: "x".into(),
            name: "X".into(),
            country: Country::Ca,
            provinces: provinces.iter().map(|p| p.to_string()).collect(),
            purpose: "Help.".into(),
            phone: Some("1-800-000-0000".into()),
            text: None,
            tty: None,
            url: None,
            hours: "24/7".into(),
            languages: vec![],
            emergency: false,
            order: 0,
            sources: vec![],
            file: "helplines/x.toml".into(),
        };
        let national = line(&[]);
        assert!(!national.is_provincial());
        assert!(national.serves_province("on") && national.serves_province("yt"));
        let maritimes = line(&["nb", "ns"]);
        assert!(maritimes.is_provincial());
        assert!(maritimes.serves_province("ns") && !maritimes.serves_province("on"));
    }

    #[test]
    fn documents_stored_before_provinces_read_as_national() {
        let stored = r#"{"slug":"x","name":"X","country":"ca","purpose":"Help.","phone":null,
            "text":null,"tty":null,"url":"https://example.org/","hours":"24/7","languages":[],
            "emergency":false,"order":0,"sources":[],"file":"helplines/x.toml"}"#;
        let h: Helpline = serde_json::from_str(stored).unwrap();
        assert!(h.provinces.is_empty() && h.serves_province("qc"));
    }

    #[test]
    fn every_province_has_a_name() {
        assert_eq!(province_name("on"), Some("Ontario"));
        assert_eq!(province_name("ON"), None);
        let mut codes: Vec<_> = PROVINCES.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        assert_eq!(
            codes,
            [
                "ab", "bc", "mb", "nb", "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yt"
            ]
        );
    }

    #[test]
    fn review_dates_read_as_month_and_year() {
        for (date, shown) in [
            ("2026-11-22", Some("November 2026")),
            ("2026-01-01", Some("January 2026")),
            ("2025-12-31", Some("December 2025")),
            ("2026-13-01", None),
            ("2026-00-01", None),
            ("26-11-22", None),
            ("", None),
        ] {
            assert_eq!(month_year(date).as_deref(), shown, "{date}");
        }
    }

    #[test]
    fn medications_and_settings_need_a_canada_part() {
        let needing: Vec<_> = Category::ALL
            .into_iter()
            .filter(|c| c.needs_canada_part())
            .collect();
        assert_eq!(needing, [Category::Medications, Category::Settings]);
    }

    #[test]
    fn category_slugs_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Category::from_slug("vitamins"), None);
    }
}
