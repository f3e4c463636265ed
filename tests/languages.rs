//! The site in each language (issue 13): the catalogues agree, every page has a
//! Spanish twin under `/es`, and Spanish pages carry no English interface text.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, h1};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// One catalogue file: each message id with its variables and its text.
#[derive(Debug, Default)]
struct Catalogue {
    messages: BTreeMap<String, (BTreeSet<String>, String)>,
}

fn read_catalogue(path: &Path) -> Catalogue {
    let source = std::fs::read_to_string(path).unwrap();
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}: {errors:?}", path.display()),
    };
    let mut out = Catalogue::default();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let mut text = String::new();
                if let Some(value) = &m.value {
                    walk(value, &mut vars, &mut text);
                }
                for attribute in &m.attributes {
                    walk(&attribute.value, &mut vars, &mut text);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.messages.insert(id.clone(), (vars, text)).is_none(),
                    "{}: {id} twice",
                    path.display()
                );
            }
            Entry::Junk { content } => panic!("{}: cannot read {content:?}", path.display()),
            _ => {}
        }
    }
    out
}

fn walk(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => {
                // A placeable breaks the text: what is around it is matched apart.
                text.push('\u{1}');
                expression_vars(expression, vars, text);
                text.push('\u{1}');
            }
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars, text);
            for v in variants {
                walk(&v.value, vars, text);
                text.push('\u{1}');
            }
        }
        Expression::Inline(i) => inline_vars(i, vars, text),
    }
}

fn inline_vars(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::StringLiteral { value } => text.push_str(value),
        InlineExpression::Placeable { expression } => expression_vars(expression, vars, text),
        _ => {}
    }
}

/// Every `.ftl` file of a language, by file name.
fn language(code: &str) -> BTreeMap<String, Catalogue> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(locales().join(code)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            files.insert(name, read_catalogue(&path));
        }
    }
    files
}

/// Messages whose arguments differ between the languages, each for a reason:
/// - another language's grammar needs more: a date written out in words
///   (`date-long`), a plural agreeing with a count English leaves implicit
///   (`compare-unknown`, `assessment-tp1-medicine-works`);
/// - the English names the form's own codes (`choices`) or repeats the API's English
///   message (`message`), which a Spanish form says in its own words instead.
const OWN_ARGUMENTS: &[&str] = &[
    "date-long",
    "compare-unknown",
    "assessment-tp1-medicine-works",
    "answer-error-not-a-choice",
    "answer-error-not-in-list",
    "answer-error-other",
];

/// Every language translated from English: each folder of `locales/` but `en`.
fn translated_languages() -> Vec<String> {
    let mut codes: Vec<String> = std::fs::read_dir(locales())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|code| code != "en")
        .collect();
    codes.sort();
    assert!(codes.contains(&"es".to_string()), "{codes:?}");
    codes
}

#[test]
fn every_language_has_the_same_files_ids_and_arguments() {
    for code in translated_languages() {
        same_files_ids_and_arguments(&code);
    }
}

fn same_files_ids_and_arguments(code: &str) {
    let en = language("en");
    let es = language(code);
    assert!(en.contains_key("base.ftl"), "{:?}", en.keys());
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        es.keys().collect::<Vec<_>>(),
        "the same catalogue files in locales/en and locales/{code}"
    );
    let mut problems = Vec::new();
    for (file, english) in &en {
        let spanish = &es[file];
        for (id, (vars, _)) in &english.messages {
            match spanish.messages.get(id) {
                None => problems.push(format!("{code}/{file}: no {id}")),
                Some((es_vars, _)) if es_vars != vars && !OWN_ARGUMENTS.contains(&id.as_str()) => {
                    problems.push(format!(
                        "{code}/{file}: {id} uses {es_vars:?}, the English {vars:?}"
                    ))
                }
                Some(_) => {}
            }
        }
        for id in spanish.messages.keys() {
            if !english.messages.contains_key(id) {
                problems.push(format!("{code}/{file}: {id} is not in en/{file}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_message_is_left_in_english() {
    for code in translated_languages() {
        nothing_copied(&code);
    }
}

fn nothing_copied(code: &str) {
    let en = language("en");
    let es = language(code);
    let mut same = Vec::new();
    for (file, english) in &en {
        for (id, (_, text)) in &english.messages {
            let words = text.split_whitespace().count();
            if words >= 3
                && let Some((_, spanish)) = es[file].messages.get(id)
                && spanish == text
            {
                same.push(format!("{file}: {id}"));
            }
        }
    }
    assert!(
        same.is_empty(),
        "copied, not translated:\n{}",
        same.join("\n")
    );
}

/// The pages of each type, by their English path.
const PAGES: &[&str] = &[
    "/",
    "/treatments",
    "/treatments/methadone",
    "/compare",
    "/search?q=methadone",
    "/helplines",
    "/find-care",
    "/assessment",
    "/rules",
    "/tools/cows",
];

#[tokio::test]
async fn every_page_type_has_a_spanish_twin_with_the_same_layout() {
    let app = TestApp::new().await;
    for path in PAGES {
        let spanish_path = if *path == "/" {
            "/es/".to_string()
        } else {
            format!("/es{path}")
        };
        let es = app.get(&spanish_path).await;
        assert_eq!(es.status, StatusCode::OK, "{spanish_path}");
        assert!(es.body.contains("<html lang=\"es\">"), "{spanish_path}");
        assert!(!h1(&es.body).is_empty(), "{spanish_path}");
        // The layout: both alternates, the switch back to English, Spanish navigation.
        assert!(
            es.body
                .contains(&format!("hreflang=\"es\" href=\"{spanish_path}\"")),
            "{spanish_path}"
        );
        assert!(
            es.body.contains(&format!(
                "<a href=\"{}\" hreflang=\"en\" lang=\"en\">English</a>",
                path.replace('&', "&amp;")
            )),
            "{spanish_path}: the switch lands on the same page in English"
        );
        assert!(es.body.contains("Líneas de ayuda"), "{spanish_path}");
        assert!(es.body.contains("Llame al 911"), "{spanish_path}");
        let en = app.get(path).await;
        assert!(en.body.contains("<html lang=\"en\">"), "{path}");
        assert!(
            en.body.contains(&format!(
                "<a href=\"{spanish_path}\" hreflang=\"es\" lang=\"es\">Español</a>"
            )),
            "{path}"
        );
    }
    // `/es` without the slash is the Spanish home page too.
    let bare = app.get("/es").await;
    assert_eq!(bare.status, StatusCode::OK);
    assert!(bare.body.contains("<html lang=\"es\">"));
}

#[tokio::test]
async fn spanish_pages_link_to_spanish_pages() {
    let app = TestApp::new().await;
    for path in PAGES {
        let spanish_path = if *path == "/" {
            "/es/".to_string()
        } else {
            format!("/es{path}")
        };
        let page = app.get(&spanish_path).await;
        let english_links: Vec<&str> = page
            .body
            .match_indices("href=\"/")
            .map(|(i, _)| {
                let rest = &page.body[i + 6..];
                &rest[..rest.find('"').unwrap()]
            })
            .filter(|href| {
                !href.starts_with("/es")
                    && !href.starts_with("/static/")
                    // The switch and the English alternate.
                    && !page.body.contains(&format!("hreflang=\"en\" href=\"{href}\""))
                    && !page.body.contains(&format!("<a href=\"{href}\" hreflang=\"en\""))
            })
            .collect();
        assert!(
            english_links.is_empty(),
            "{spanish_path} links to English pages: {english_links:?}"
        );
    }
}

#[tokio::test]
async fn english_pages_offer_spanish_to_browsers_that_prefer_it() {
    let app = TestApp::new().await;
    let ask = |al: Option<&'static str>| {
        let mut r = Request::get("/treatments/methadone");
        if let Some(al) = al {
            r = r.header("accept-language", al);
        }
        r.body(Body::empty()).unwrap()
    };
    let plain = app.request(ask(None)).await;
    assert!(!plain.body.contains("class=\"lang-offer\""));
    let spanish = app.request(ask(Some("es-MX,es;q=0.9,en;q=0.5"))).await;
    assert!(
        spanish.body.contains(
            "<p class=\"lang-offer\" lang=\"es\"><a href=\"/es/treatments/methadone\" hreflang=\"es\">Lea esta página en español</a></p>"
        ),
        "{}",
        spanish.body
    );
    // Kept per variant: the plain page is still plain after the offer was rendered.
    assert!(
        !app.request(ask(None))
            .await
            .body
            .contains("class=\"lang-offer\"")
    );
    assert!(
        !app.request(ask(Some("en-US,es;q=0.5")))
            .await
            .body
            .contains("class=\"lang-offer\"")
    );
    // No redirect, no cookie.
    assert_eq!(spanish.status, StatusCode::OK);
    assert!(spanish.headers.get("set-cookie").is_none());
    let vary: Vec<&str> = spanish
        .headers
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(vary.contains(&"accept-language"), "{vary:?}");
    // A Spanish page does not depend on Accept-Language.
    let es = app.get("/es/treatments/methadone").await;
    let vary: Vec<&str> = es
        .headers
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(!vary.contains(&"accept-language"), "{vary:?}");
}

/// The English interface's sentences and phrases of three words or more: every
/// message's text, cut at its arguments, its HTML and its sentence ends.
fn english_phrases() -> BTreeSet<String> {
    let spanish: BTreeSet<String> = translated_languages()
        .iter()
        .flat_map(|code| language(code).into_values())
        .flat_map(|c| c.messages.into_values().map(|(_, text)| text))
        .collect();
    let mut phrases = BTreeSet::new();
    for catalogue in language("en").into_values() {
        for (_, text) in catalogue.messages.into_values() {
            // A name the same in both (a line's or a brand's) is not English.
            if spanish.contains(&text) {
                continue;
            }
            for piece in strip_tags(&text).split(['\u{1}', '.', ':', ';', '?', '!', '(', ')']) {
                let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
                if piece.split(' ').count() >= 3 && !NAMES.contains(&piece.as_str()) {
                    phrases.insert(piece);
                }
            }
        }
    }
    phrases
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Names that are the same in every language: a line's own name, a cited article's.
const NAMES: &[&str] = &[
    "Never Use Alone",
    "Clinical Opiate Withdrawal Scale",
    "The Clinical Opiate Withdrawal Scale",
];

/// `html` without the elements marked `lang="en"`: English on purpose (a rule table
/// kept in English, a directory's own filter names, an item not yet translated).
fn without_english_parts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(" lang=\"en\"") {
        let Some(open) = rest[..at].rfind('<') else {
            out.push_str(&rest[..at + 1]);
            rest = &rest[at + 1..];
            continue;
        };
        let name: String = rest[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        // `<html lang="en">` is a whole English page: nothing to take out then.
        if name.is_empty()
            || name == "html"
            || name == "a" && rest[at..].starts_with(" lang=\"en\">English<")
        {
            out.push_str(&rest[..at + 1]);
            rest = &rest[at + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        // Skip to the matching end tag, counting nested elements of the same name.
        let (start, end) = (format!("<{name}"), format!("</{name}>"));
        let mut depth = 0usize;
        let mut i = open;
        loop {
            let next_start = rest[i + 1..].find(&start).map(|j| i + 1 + j);
            let next_end = rest[i..].find(&end).map(|j| i + j);
            match (next_start, next_end) {
                (Some(s), Some(e)) if s < e => {
                    depth += 1;
                    i = s;
                }
                (_, Some(e)) if depth == 0 => {
                    rest = &rest[e + end.len()..];
                    break;
                }
                (_, Some(e)) => {
                    depth -= 1;
                    i = e + 1;
                }
                (_, None) => {
                    rest = "";
                    break;
                }
            }
        }
    }
    out.push_str(rest);
    out
}

/// A page's visible text (and its attributes' text, such as labels), unescaped, on
/// one line per run of whitespace, without its parts marked English.
fn page_text(html: &str) -> String {
    // The inline CSS is not text.
    let body = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let body = without_english_parts(&body);
    let text = strip_tags(&body)
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn no_english_interface_text_on_spanish_pages() {
    let app = TestApp::new().await;
    let phrases = english_phrases();
    assert!(phrases.len() > 50, "{} phrases", phrases.len());
    assert!(phrases.contains("Skip to main content"), "{phrases:?}");
    let mut pages: Vec<String> = PAGES
        .iter()
        .map(|p| {
            if *p == "/" {
                "/es/".to_string()
            } else {
                format!("/es{p}")
            }
        })
        .collect();
    // A saved result and its sheet, and the questionnaire with an error.
    let saved = app
        .request(common::form(
            "/es/assessment",
            "caller=family_or_friend&country=us&opioids=fentanyl&frequency=daily&suicidal_thoughts=false&medical_urgent=false",
            &[],
        ))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let result = saved.header("location").to_string();
    assert!(result.starts_with("/es/assessments/"), "{result}");
    pages.push(result.clone());
    pages.push(format!("{result}/summary"));
    pages.push("/es/tools/cows?pulse=2&sweating=1".to_string());
    pages.push("/es/no-such-page".to_string());
    let mut found = Vec::new();
    for path in &pages {
        let page = app.get(path).await;
        let text = page_text(&page.body);
        for phrase in &phrases {
            if text.contains(phrase.as_str()) {
                found.push(format!("{path}: {phrase:?}"));
            }
        }
    }
    // The sheet printed in English is English, and the check sees English there.
    let english_sheet = page_text(&app.get(&format!("{result}/summary?lang=en")).await.body);
    assert!(
        phrases.iter().any(|p| english_sheet.contains(p.as_str())),
        "the check finds English where there is English"
    );
    assert!(
        found.is_empty(),
        "English on Spanish pages:\n{}",
        found.join("\n")
    );
}

#[tokio::test]
async fn errors_raised_inside_spanish_pages_are_in_spanish() {
    let app = TestApp::new().await;
    let page = app.get("/es/treatments/no-such-thing").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains("<html lang=\"es\">"), "{}", page.body);
    assert_eq!(h1(&page.body), "No encontramos esa página");
    let english = app.get("/treatments/no-such-thing").await;
    assert_eq!(english.status, StatusCode::NOT_FOUND);
    assert!(english.body.contains("<html lang=\"en\">"));
    // The API's errors stay JSON.
    let api = app.get("/api/v1/treatments/no-such-thing").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert!(api.header("content-type").starts_with("application/json"));
}

#[test]
fn parts_marked_english_are_left_out_of_the_check() {
    let html = "<p>Hola <span lang=\"en\">Skip <b>to</b> main</span> y <div lang=\"en\"><div>a</div>b</div>fin</p>";
    assert_eq!(without_english_parts(html), "<p>Hola  y fin</p>");
    let page = "<html lang=\"en\"><p>Skip to main content</p></html>";
    assert_eq!(without_english_parts(page), page);
}
