//! An evaluation in another language. The engine decides in English (the rule tables'
//! words, which are what is stored); this gives the same evaluation with its words in
//! the language asked for. Codes, slugs, ids, levels, `missing` and `rules_fired` never
//! change.
//!
//! INTERFACE FIXED FOR THE OTHER AREAS (issue 13): `in_language` and the `label_in`
//! methods. The Spanish itself is in `locales/es/engine.ftl`.
//!
//! # Ids in `locales/<code>/engine.ftl`
//!
//! - A rule's reason: `rule-` and the rule's id with its dots as dashes
//!   (`severity.remission_on_treatment` → `rule-severity-remission_on_treatment`),
//!   [`reason_id`]. Every row with a reason has one, talking points included (their
//!   reason says what the point is for, as `/rules` shows).
//! - A talking point's words: two messages, one per person it is said to,
//!   `rule-<id>-to_person` and `rule-<id>-about_person` ([`said_id`]).
//! - The province's line (built in the engine from the content, not a table row):
//!   `talk-find_care-province`, with `$place`, `$line`, `$phone` and `$caller`
//!   (`self` or `other`); the provinces' names are `engine-province-<code>`.
//! - Labels: `severity-<name>`, `level-<name>`, `plan-<name>`,
//!   `medication-status-<name>`, `area-<name>`, `risk-<name>` (the serde name).
//!
//! `locales/en/engine.ftl` is exported from the tables ([`export`]; a test fails when
//! it is out of date, `UPDATE_CATALOGUES=1` rewrites it); the Spanish is written by
//! hand under the same ids.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use fluent_templates::fluent_bundle::FluentValue;
use serde::Serialize;

use super::engine::{PROVINCIAL_LINE_POINT, provincial_line, provincial_line_of};
use super::result::{Area, Evaluation, Level, MedicationStatus, Plan, Risk, Severity};
use super::rules::{
    ALERTS, AREAS, MEDICATIONS, PLAN, Rule, SETTING, SEVERITY, SUPPORT, TALKING_POINTS, THERAPIES,
};
use crate::assessment::Answers;
use crate::assessment::answers::Caller;
use crate::content::{self, Helpline, HelplineTranslation, Library};
use crate::i18n::{Lang, export_ftl, fluent_id, text_if_any, text_with};

/// The helplines an evaluation's contacts come from, and their words in other
/// languages: the [`Library`] has both; a plain list has no translations (the hours and
/// purposes then stay in English, and only the engine's own words are translated).
pub trait HelplineWords {
    fn lines(&self) -> &[Helpline];
    fn translation(&self, slug: &str, lang: Lang) -> Option<&HelplineTranslation>;
}

impl HelplineWords for Library {
    fn lines(&self) -> &[Helpline] {
        self.helplines()
    }
    fn translation(&self, slug: &str, lang: Lang) -> Option<&HelplineTranslation> {
        self.helpline_translation(slug, lang)
    }
}

impl HelplineWords for [Helpline] {
    fn lines(&self) -> &[Helpline] {
        self
    }
    fn translation(&self, _: &str, _: Lang) -> Option<&HelplineTranslation> {
        None
    }
}

impl HelplineWords for Vec<Helpline> {
    fn lines(&self) -> &[Helpline] {
        self
    }
    fn translation(&self, _: &str, _: Lang) -> Option<&HelplineTranslation> {
        None
    }
}

impl<T: HelplineWords + ?Sized> HelplineWords for Arc<T> {
    fn lines(&self) -> &[Helpline] {
        (**self).lines()
    }
    fn translation(&self, slug: &str, lang: Lang) -> Option<&HelplineTranslation> {
        (**self).translation(slug, lang)
    }
}

/// `evaluation` with its reasons, alerts, talking points and helpline names, hours and
/// purposes in `lang`. `answers` are the ones it was made from (the talking points are
/// worded for whoever called); `helplines` the content library (pass the [`Library`]
/// itself for the helplines' own translations). A text with no translation (an older
/// release's wording, say) stays as it was.
pub fn in_language<H: HelplineWords + ?Sized>(
    evaluation: &Evaluation,
    answers: &Answers,
    lang: Lang,
    helplines: &H,
) -> Evaluation {
    let mut e = evaluation.clone();
    if lang == Lang::En {
        return e;
    }
    let each = |table: Table, texts: &mut Vec<String>| {
        for text in texts {
            if let Some(t) = reason_in(lang, table, text) {
                *text = t;
            }
        }
    };
    each(Table::Severity, &mut e.severity_reasons);
    each(Table::Setting, &mut e.setting.reasons);
    for area in &mut e.setting.areas {
        each(Table::Areas, &mut area.reasons);
    }
    each(Table::Plan, &mut e.approach.reasons);
    for m in &mut e.medications {
        each(Table::Medications, &mut m.reasons);
    }
    for s in &mut e.therapies {
        each(Table::Therapies, &mut s.reasons);
    }
    for s in &mut e.support {
        each(Table::Support, &mut s.reasons);
    }
    for a in &mut e.alerts {
        if let Some(t) = reason_in(lang, Table::Alerts, &a.message) {
            a.message = t;
        }
    }
    let someone_else = answers.caller.is_some_and(Caller::is_someone_else);
    for p in &mut e.talking_points {
        let text = if p.id == PROVINCIAL_LINE_POINT {
            provincial_point_in(lang, &p.text, answers, helplines)
        } else {
            talking_point_in(lang, &p.id, &p.text, someone_else)
        };
        if let Some(t) = text {
            p.text = t;
        }
    }
    for h in &mut e.helplines {
        // The content's line, by name and country; its words only where the result's
        // are still the content's English (a result saved with older content keeps its own).
        let Some(line) = helplines
            .lines()
            .iter()
            .find(|l| l.name == h.name && l.country.code() == h.country)
        else {
            continue;
        };
        let Some(t) = helplines.translation(&line.slug, lang) else {
            continue;
        };
        if h.hours == line.hours {
            h.hours.clone_from(&t.hours);
        }
        if h.purpose == line.purpose {
            h.purpose.clone_from(&t.purpose);
        }
        h.name.clone_from(&t.name);
    }
    e
}

/// The tables whose reasons an evaluation carries, each searched only for its own field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Severity,
    Areas,
    Setting,
    Plan,
    Medications,
    Alerts,
    Therapies,
    Support,
}

/// Each table's reasons, English text → Fluent id (rows sharing a text share the first
/// row's message, which says the same).
static REASONS: LazyLock<[HashMap<&'static str, String>; 8]> = LazyLock::new(|| {
    fn of<T>(table: &'static [Rule<T>]) -> HashMap<&'static str, String> {
        let mut map = HashMap::with_capacity(table.len());
        for r in table.iter().filter(|r| !r.reason.is_empty()) {
            map.entry(r.reason).or_insert_with(|| reason_id(r.id));
        }
        map
    }
    [
        of(SEVERITY),
        of(AREAS),
        of(SETTING),
        of(PLAN),
        of(MEDICATIONS),
        of(ALERTS),
        of(THERAPIES),
        of(SUPPORT),
    ]
});

fn reason_in(lang: Lang, table: Table, english: &str) -> Option<String> {
    let id = REASONS[table as usize].get(english)?;
    text_if_any(lang, id)
}

/// A talking point's words in `lang`, for the person it was worded for: the row's
/// English form that matches the stored text says which (the caller's answer only when
/// both forms are the same).
fn talking_point_in(lang: Lang, id: &str, english: &str, someone_else: bool) -> Option<String> {
    let row = TALKING_POINTS.iter().find(|r| r.id == id)?;
    let about = match (
        english == row.then.to_person,
        english == row.then.about_person,
    ) {
        (true, true) => someone_else,
        (true, false) => false,
        (false, true) => true,
        (false, false) => return None,
    };
    text_if_any(lang, &said_id(row.id, about))
}

/// The province's line in `lang`, when the stored point is the one the engine words
/// from these answers and today's helplines (else it was made from other content).
fn provincial_point_in<H: HelplineWords + ?Sized>(
    lang: Lang,
    english: &str,
    answers: &Answers,
    helplines: &H,
) -> Option<String> {
    let lines = helplines.lines();
    let about = [false, true].into_iter().find(|&about| {
        provincial_line(answers.province, lines, about).is_some_and(|p| p.text == english)
    })?;
    let parts = provincial_line_of(answers.province, lines)?;
    let place = text_if_any(lang, &province_id(parts.code)).unwrap_or_else(|| parts.place.into());
    let line = helplines
        .translation(&parts.line.slug, lang)
        .map_or(parts.line.name.as_str(), |t| t.name.as_str());
    Some(text_with(
        lang,
        PROVINCIAL_LINE_MESSAGE,
        &[
            ("place", FluentValue::from(place)),
            ("line", FluentValue::from(line)),
            ("phone", FluentValue::from(parts.phone)),
            (
                "caller",
                FluentValue::from(if about { "other" } else { "self" }),
            ),
        ],
    ))
}

/// The Fluent id of a rule's reason: `rule-` and the rule's id.
pub fn reason_id(rule: &str) -> String {
    fluent_id("rule", rule)
}

/// The Fluent id of a talking point's words, said to the person or about them.
pub fn said_id(rule: &str, about_person: bool) -> String {
    let mut id = reason_id(rule);
    id.push_str(if about_person {
        "-about_person"
    } else {
        "-to_person"
    });
    id
}

/// The Fluent id of a province's name (`engine-province-bc`).
fn province_id(code: &str) -> String {
    fluent_id("engine-province", code)
}

/// The province's line, a message with arguments: written here in Fluent (the engine
/// words the English itself, and a test holds the two the same).
const PROVINCIAL_LINE_MESSAGE: &str = "talk-find_care-province";
const PROVINCIAL_LINE_FTL: &str = "\
# The province's own line (engine.rs, provincial_line): $place the province, $line the
# line's name, $phone its number, $caller `self` (the person) or `other` (someone else).
# Written in src/assessment/translate.rs, not exported: keep it the engine's English.
talk-find_care-province = { $caller ->
        [other] In { $place }, { $line } can help find treatment close to where they live: call { $phone }.
       *[self] In { $place }, { $line } can help you find treatment close to where you live: call { $phone }.
    }
";

fn serde_name(value: impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Every text of the engine with its Fluent id, in the tables' English: what
/// `locales/en/engine.ftl` is made from (with the province's line, [`export`]).
pub fn english_catalogue() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for s in [
        Severity::None,
        Severity::Mild,
        Severity::Moderate,
        Severity::Severe,
        Severity::Unknown,
        Severity::Remission,
    ] {
        out.push((fluent_id("severity", &serde_name(s)), s.label()));
    }
    for l in [
        Level::Outpatient,
        Level::IntensiveOutpatient,
        Level::Inpatient,
        Level::Hospital,
    ] {
        out.push((fluent_id("level", &serde_name(l)), l.label()));
    }
    for p in [
        Plan::Maintenance,
        Plan::Taper,
        Plan::Review,
        Plan::NoMedication,
    ] {
        out.push((fluent_id("plan", &serde_name(p)), p.label()));
    }
    for m in [
        MedicationStatus::Continue,
        MedicationStatus::Suggested,
        MedicationStatus::Consider,
        MedicationStatus::NotYet,
        MedicationStatus::NotAdvised,
    ] {
        out.push((fluent_id("medication-status", &serde_name(m)), m.label()));
    }
    for a in Area::ALL {
        out.push((fluent_id("area", &serde_name(a)), a.label()));
    }
    for r in [Risk::Low, Risk::Unknown, Risk::Moderate, Risk::High] {
        out.push((fluent_id("risk", &serde_name(r)), r.label()));
    }
    fn rows<T>(out: &mut Vec<(String, &'static str)>, table: &'static [Rule<T>]) {
        out.extend(
            table
                .iter()
                .filter(|r| !r.reason.is_empty())
                .map(|r| (reason_id(r.id), r.reason)),
        );
    }
    rows(&mut out, SEVERITY);
    rows(&mut out, AREAS);
    rows(&mut out, SETTING);
    rows(&mut out, PLAN);
    rows(&mut out, MEDICATIONS);
    rows(&mut out, ALERTS);
    rows(&mut out, THERAPIES);
    rows(&mut out, SUPPORT);
    for r in TALKING_POINTS {
        out.push((reason_id(r.id), r.reason));
        out.push((said_id(r.id, false), r.then.to_person));
        out.push((said_id(r.id, true), r.then.about_person));
    }
    for (code, name) in content::PROVINCES {
        out.push((province_id(code), name));
    }
    out
}

/// `locales/en/engine.ftl`, as the tables make it.
pub fn export() -> String {
    let mut out = export_ftl(
        "The engine's words: labels, every rule's reason (rule-<id>), the talking points in\n\
         each person (rule-<id>-to_person, rule-<id>-about_person) and the provinces' names.\n\
         The Spanish is written by hand in locales/es/engine.ftl under the same ids.",
        &english_catalogue(),
    );
    out.push('\n');
    out.push_str(PROVINCIAL_LINE_FTL);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::evaluate;
    use crate::content::TranslationState;
    use serde_json::{Value, json};
    use std::collections::HashSet;
    use std::path::Path;

    fn answers(v: Value) -> Answers {
        Answers::from_json(v.as_object().expect("an object")).expect("valid answers")
    }

    /// The content folder as the server loads it, with its current translations.
    fn library() -> &'static Library {
        static LIBRARY: LazyLock<Library> = LazyLock::new(|| {
            let set =
                content::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).unwrap();
            let current = |lang: Lang, file: &str| {
                set.translation_states
                    .iter()
                    .any(|(l, f, s)| *l == lang && f == file && *s == TranslationState::Current)
            };
            let helplines = set
                .helpline_translations
                .iter()
                .map(|t| {
                    let english = set.helplines.iter().find(|h| h.slug == t.slug).unwrap();
                    (t.clone(), current(t.lang, &english.file))
                })
                .collect();
            Library::new(
                set.treatments.clone(),
                set.helplines.clone(),
                set.version().to_string(),
                String::new(),
            )
            .with_translations(Vec::new(), helplines)
        });
        &LIBRARY
    }

    /// Every English text an evaluation can carry from the engine.
    fn english_texts() -> HashSet<&'static str> {
        let mut all: HashSet<&'static str> =
            english_catalogue().into_iter().map(|(_, t)| t).collect();
        all.remove("");
        all
    }

    fn every_text(e: &Evaluation) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        out.extend(e.severity_reasons.iter().map(String::as_str));
        out.extend(e.setting.reasons.iter().map(String::as_str));
        for a in &e.setting.areas {
            out.extend(a.reasons.iter().map(String::as_str));
        }
        out.extend(e.approach.reasons.iter().map(String::as_str));
        for m in &e.medications {
            out.extend(m.reasons.iter().map(String::as_str));
        }
        for s in e.therapies.iter().chain(&e.support) {
            out.extend(s.reasons.iter().map(String::as_str));
        }
        out.extend(e.alerts.iter().map(|a| a.message.as_str()));
        out.extend(e.talking_points.iter().map(|p| p.text.as_str()));
        out
    }

    /// Everything but the words: what a translation must leave alone.
    fn codes(e: &Evaluation) -> Value {
        let mut v = serde_json::to_value(e).unwrap();
        fn strip(v: &mut Value) {
            match v {
                Value::Object(o) => {
                    for key in ["reasons", "message", "text", "hours", "purpose", "name"] {
                        if let Some(x) = o.get_mut(key) {
                            match x {
                                Value::Array(a) => *x = json!(a.len()),
                                Value::String(_) => *x = json!("·"),
                                _ => {}
                            }
                        }
                    }
                    for (_, x) in o.iter_mut() {
                        strip(x);
                    }
                }
                Value::Array(a) => a.iter_mut().for_each(strip),
                _ => {}
            }
        }
        // `severity_reasons` too: only its length.
        if let Some(r) = v.get_mut("severity_reasons") {
            *r = json!(r.as_array().unwrap().len());
        }
        strip(&mut v);
        v
    }

    #[test]
    fn the_english_catalogue_is_the_export_of_the_tables() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/engine.ftl");
        let exported = export();
        if std::env::var_os("UPDATE_CATALOGUES").is_some() {
            std::fs::write(&path, &exported).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == exported,
            "locales/en/engine.ftl is not the export of the rule tables: run `UPDATE_CATALOGUES=1 cargo test --lib translate`, then translate what changed in locales/es/engine.ftl"
        );
        // And it reads back as the tables' English (escaping and all).
        for (id, english) in english_catalogue() {
            assert_eq!(crate::i18n::text(Lang::En, &id), english, "{id}");
        }
    }

    #[test]
    fn every_row_with_a_reason_and_every_talking_point_has_its_spanish() {
        let catalogue = english_catalogue();
        let ids: HashSet<&str> = catalogue.iter().map(|(id, _)| id.as_str()).collect();
        let mut rows = 0;
        for id in super::super::rules::ids() {
            let with_reason = SEVERITY
                .iter()
                .map(|r| (r.id, r.reason))
                .chain(AREAS.iter().map(|r| (r.id, r.reason)))
                .chain(SETTING.iter().map(|r| (r.id, r.reason)))
                .chain(PLAN.iter().map(|r| (r.id, r.reason)))
                .chain(MEDICATIONS.iter().map(|r| (r.id, r.reason)))
                .chain(ALERTS.iter().map(|r| (r.id, r.reason)))
                .chain(THERAPIES.iter().map(|r| (r.id, r.reason)))
                .chain(SUPPORT.iter().map(|r| (r.id, r.reason)))
                .chain(TALKING_POINTS.iter().map(|r| (r.id, r.reason)))
                .any(|(row, reason)| row == id && !reason.is_empty());
            if with_reason {
                rows += 1;
                assert!(ids.contains(reason_id(id).as_str()), "{id} is exported");
            }
        }
        assert!(rows > 150, "{rows} rows with a reason");
        for r in TALKING_POINTS {
            for about in [false, true] {
                assert!(ids.contains(said_id(r.id, about).as_str()), "{}", r.id);
            }
        }
        for (id, english) in &catalogue {
            let spanish = text_if_any(Lang::Es, id)
                .unwrap_or_else(|| panic!("{id} has no Spanish in locales/es/engine.ftl"));
            assert!(!spanish.trim().is_empty(), "{id}");
            // Names of places may be spelt the same (Ontario); nothing else is.
            if !id.starts_with("engine-province-") {
                assert_ne!(&spanish, english, "{id} is still English");
            }
            // Numbers, phone numbers and doses are kept as they are.
            let digits = |s: &str| -> Vec<String> {
                s.split(|c: char| !c.is_ascii_digit())
                    .filter(|d| !d.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            let mut en = digits(english);
            let mut es = digits(&spanish);
            en.sort();
            es.sort();
            assert_eq!(en, es, "{id}: the same numbers\n{english}\n{spanish}");
        }
        let args = [
            ("place", FluentValue::from("Ontario")),
            ("line", FluentValue::from("ConnexOntario")),
            ("phone", FluentValue::from("1-866-531-2600")),
            ("caller", FluentValue::from("other")),
        ];
        assert_ne!(
            text_with(Lang::Es, PROVINCIAL_LINE_MESSAGE, &args),
            text_with(Lang::En, PROVINCIAL_LINE_MESSAGE, &args),
            "the province's line in Spanish"
        );
    }

    #[test]
    fn rows_that_say_the_same_in_english_say_the_same_in_spanish() {
        // A result keeps the text, not the row: the text finds the first row with it.
        let mut seen: HashMap<&str, (String, String)> = HashMap::new();
        for (id, english) in english_catalogue() {
            let spanish = text_if_any(Lang::Es, &id).unwrap_or_default();
            if let Some((first, its_spanish)) = seen.get(english) {
                assert_eq!(
                    &spanish, its_spanish,
                    "{id} and {first} say the same in English"
                );
            } else {
                seen.insert(english, (id, spanish));
            }
        }
    }

    #[test]
    fn the_spanish_catalogue_has_no_ids_the_english_lacks() {
        let english: HashSet<String> = english_catalogue()
            .into_iter()
            .map(|(id, _)| id)
            .chain([PROVINCIAL_LINE_MESSAGE.to_string()])
            .collect();
        let spanish = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/es/engine.ftl"),
        )
        .unwrap();
        for line in spanish.lines() {
            let Some((id, _)) = line.split_once(" = ") else {
                continue;
            };
            if id.starts_with(|c: char| c.is_ascii_alphabetic()) && !id.contains(' ') {
                assert!(english.contains(id), "{id} is not an engine id");
            }
        }
    }

    #[test]
    fn the_provincial_line_message_says_what_the_engine_says() {
        let lines = library().helplines();
        for province in ["bc", "on", "qc", "ns", "nb", "ab"] {
            let a = answers(json!({"country": "ca", "province": province}));
            for about in [false, true] {
                let point = provincial_line(a.province, lines, about).expect(province);
                let parts = provincial_line_of(a.province, lines).unwrap();
                let english = text_with(
                    Lang::En,
                    PROVINCIAL_LINE_MESSAGE,
                    &[
                        ("place", FluentValue::from(parts.place)),
                        ("line", FluentValue::from(parts.line.name.as_str())),
                        ("phone", FluentValue::from(parts.phone)),
                        (
                            "caller",
                            FluentValue::from(if about { "other" } else { "self" }),
                        ),
                    ],
                );
                assert_eq!(english, point.text);
                let spanish =
                    provincial_point_in(Lang::Es, &point.text, &a, library()).expect(province);
                assert!(spanish.contains(parts.phone), "{spanish}");
                assert!(spanish.starts_with("En "), "{spanish}");
                assert_eq!(
                    spanish.contains("le puede ayudar"),
                    !about,
                    "worded for whoever called: {spanish}"
                );
            }
        }
        let a = answers(json!({"country": "ca", "province": "bc"}));
        let point = provincial_line(a.province, lines, false).unwrap();
        let es = provincial_point_in(Lang::Es, &point.text, &a, library()).unwrap();
        assert!(es.contains("Columbia Británica"), "{es}");
        // Made from other content: left as it was.
        assert_eq!(
            provincial_point_in(Lang::Es, "In Ontario, a line that closed.", &a, library()),
            None
        );
    }

    fn spanish_of(v: Value) -> (Evaluation, Evaluation) {
        let a = answers(v);
        let english = evaluate(&a, library().helplines());
        let spanish = in_language(&english, &a, Lang::Es, library());
        (english, spanish)
    }

    fn assert_all_spanish(english: &Evaluation, spanish: &Evaluation) {
        let all = english_texts();
        assert_eq!(codes(english), codes(spanish), "only the words change");
        for text in every_text(spanish) {
            assert!(!all.contains(text), "still English: {text}");
        }
        let en = every_text(english);
        let es = every_text(spanish);
        assert_eq!(en.len(), es.len());
        for (en, es) in en.iter().zip(&es) {
            assert_ne!(en, es, "translated");
        }
        assert_eq!(english.missing, spanish.missing);
        assert_eq!(english.rules_fired, spanish.rules_fired);
        assert_eq!(english.rules_version, spanish.rules_version);
    }

    #[test]
    fn an_urgent_case_with_thoughts_of_suicide_in_spanish() {
        let (en, es) = spanish_of(json!({
            "country": "us", "suicidal_thoughts": true, "medical_urgent": true,
            "dsm5_criteria": 7, "frequency": "daily", "opioids": ["fentanyl"], "injects": true
        }));
        assert_all_spanish(&en, &es);
        let suicide = es
            .alerts
            .iter()
            .find(|a| a.code == crate::assessment::result::AlertCode::SuicideRisk)
            .unwrap();
        assert!(suicide.message.contains("988") && suicide.message.contains("911"));
        assert!(suicide.message.contains("naloxona"), "{}", suicide.message);
        assert!(
            es.talking_points[0].text.contains("988"),
            "{}",
            es.talking_points[0].text
        );
        // The helplines' own Spanish, from the content.
        let samhsa = es
            .helplines
            .iter()
            .find(|h| h.phone.as_deref() == Some("1-800-662-4357"))
            .unwrap();
        let t = library()
            .helpline_translation("samhsa-national-helpline", Lang::Es)
            .unwrap();
        assert_eq!(samhsa.purpose, t.purpose);
        assert_eq!(samhsa.hours, t.hours);
    }

    #[test]
    fn a_recent_overdose_in_spanish() {
        let (en, es) = spanish_of(json!({
            "overdoses_past_year": "several", "frequency": "daily", "dsm5_criteria": 8,
            "other_substances": ["benzodiazepines", "stimulants"], "housing": "unstable",
            "support": "none", "readiness": "unsure"
        }));
        assert_all_spanish(&en, &es);
        let overdose = es
            .alerts
            .iter()
            .find(|a| a.code == crate::assessment::result::AlertCode::RecentOverdose)
            .unwrap();
        assert!(
            overdose.message.contains("nunca consuma a solas"),
            "{}",
            overdose.message
        );
    }

    #[test]
    fn canada_with_a_province_in_spanish() {
        for province in ["bc", "on", "qc"] {
            let (en, es) = spanish_of(json!({
                "country": "ca", "province": province, "dsm5_criteria": 6, "frequency": "daily",
                "days_since_last_use": 10, "medication_preference": "no_opioid_agonist",
                "pregnant": false, "age_group": "18_plus"
            }));
            assert_all_spanish(&en, &es);
            let point = es
                .talking_points
                .iter()
                .find(|p| p.id == PROVINCIAL_LINE_POINT)
                .expect("the province's line");
            assert!(point.text.starts_with("En "), "{}", point.text);
        }
    }

    #[test]
    fn a_relative_calling_hears_about_the_person() {
        let v = json!({
            "caller": "family_or_friend", "country": "ca", "province": "on",
            "dsm5_criteria": 5, "frequency": "daily", "pregnant": true, "age_group": "16_to_17"
        });
        let (en, es) = spanish_of(v.clone());
        assert_all_spanish(&en, &es);
        for (p, row) in es.talking_points.iter().filter_map(|p| {
            TALKING_POINTS
                .iter()
                .find(|r| r.id == p.id)
                .map(|row| (p, row))
        }) {
            assert_eq!(
                Some(p.text.clone()),
                text_if_any(Lang::Es, &said_id(row.id, true)),
                "{}",
                row.id
            );
        }
        // The same answers from the person: the other form.
        let mut own = v;
        own["caller"] = json!("self");
        let (_, es_own) = spanish_of(own);
        let differs = es
            .talking_points
            .iter()
            .zip(&es_own.talking_points)
            .filter(|(a, b)| a.text != b.text)
            .count();
        assert!(differs >= 3, "{differs} points differ by who called");
    }

    #[test]
    fn an_older_wording_stays_english_and_english_stays_as_it_is() {
        let a = answers(json!({"country": "us", "dsm5_criteria": 4}));
        let mut e = evaluate(&a, library().helplines());
        assert_eq!(in_language(&e, &a, Lang::En, library()), e);
        e.severity_reasons = vec!["A reason from an older release.".into()];
        e.alerts[0].message = "An older alert.".into();
        e.talking_points[0].text = "An older point.".into();
        e.helplines[0].hours = "Older hours".into();
        let es = in_language(&e, &a, Lang::Es, library());
        assert_eq!(es.severity_reasons, ["A reason from an older release."]);
        assert_eq!(es.alerts[0].message, "An older alert.");
        assert_eq!(es.talking_points[0].text, "An older point.");
        assert_eq!(es.helplines[0].hours, "Older hours");
        // A plain list of helplines: the engine's words, the helplines' as they are.
        let plain = in_language(&e, &a, Lang::Es, library().helplines());
        assert_eq!(plain.helplines, e.helplines);
        assert_ne!(plain.alerts[1].message, e.alerts[1].message);
    }
}
