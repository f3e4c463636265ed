//! The interface in each language: the Fluent catalogues in `locales/<code>/*.ftl`,
//! compiled into the binary.
//!
//! Every message has a stable id, the same in every language (a test holds them
//! equal). A sentence is one message, with its variable parts as Fluent arguments and
//! its plurals as Fluent selectors: translated fragments are never glued together.
//!
//! The content items are not here: they are translated as files beside the English
//! (`content/es/…`, see [`crate::content`]). The engine's reasons are in the rule
//! tables in English and in `locales/<code>/engine.ftl` under the rule's id.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

pub use crate::content::Lang;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would land inside `tel:`
        // links and attribute values, and every argument here is a name, a number or a
        // phone number in the page's own direction.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");

impl Lang {
    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }

    /// The language's own name, as a link to it is labelled.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The other language, for the switch on every page.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }

    /// The first language of an `Accept-Language` header this site speaks, by the
    /// header's weights (`q=0` refuses a language); `None` when it names neither.
    pub fn preferred(accept_language: &str) -> Option<Lang> {
        // Most headers name no language but English: answered without parsing, since
        // this runs on every English page served from memory.
        let names_a_translation = Lang::TRANSLATED.iter().any(|l| {
            accept_language
                .as_bytes()
                .windows(l.code().len())
                .any(|w| w.eq_ignore_ascii_case(l.code().as_bytes()))
        });
        if !names_a_translation {
            return accept_language
                .split(',')
                .any(|p| {
                    let tag = p.split(';').next().unwrap_or("").trim();
                    let q0 = p.split(';').skip(1).any(|q| {
                        q.trim()
                            .strip_prefix("q=")
                            .and_then(|v| v.trim().parse::<f32>().ok())
                            .is_some_and(|v| v <= 0.0)
                    });
                    !q0 && (tag.eq_ignore_ascii_case("en")
                        || tag.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("en-")))
                })
                .then_some(Lang::En);
        }
        let mut asked: Vec<(f32, LanguageIdentifier)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag: LanguageIdentifier = pieces.next()?.trim().parse().ok()?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        // Stable: equal weights keep the header's order.
        asked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let asked: Vec<LanguageIdentifier> = asked.into_iter().map(|(_, tag)| tag).collect();
        let available = [EN.clone(), ES.clone()];
        let chosen = fluent_langneg::negotiate_languages(
            &asked,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let first = chosen.first()?;
        Lang::ALL.into_iter().find(|l| l.id() == *first)
    }
}

/// The message `id` in `lang`; English when `lang` lacks it (a test keeps that from
/// happening), and the id itself, loudly, when no language has it.
pub fn text(lang: Lang, id: &str) -> String {
    LOCALES
        .try_lookup(lang.id(), id)
        .unwrap_or_else(|| missing(id))
}

/// The message `id` in `lang`, with its arguments.
pub fn text_with(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(lang.id(), id, &args)
        .unwrap_or_else(|| missing(id))
}

/// The message `id` in `lang` only, without falling back to English: for texts that
/// have an English original elsewhere (the engine's reasons, in the rule tables).
pub fn text_if_any(lang: Lang, id: &str) -> Option<String> {
    LOCALES.lookup_no_default_fallback::<&str>(lang.id(), id, None)
}

/// A text whose English lives in a typed table (a rule's reason, a question, a label):
/// the English as written there, or its translation under `id` in `lang`'s catalogue.
/// A translation not yet made shows the English rather than nothing.
///
/// The tables stay the one place the English is written, where a clinician reviews
/// it; `locales/en/<table>.ftl` is exported from them (a test fails when it is out of
/// date), so translators see each English text beside its id.
pub fn translated(lang: Lang, id: &str, english: &'static str) -> Cow<'static, str> {
    match lang {
        Lang::En => Cow::Borrowed(english),
        _ => text_if_any(lang, id).map_or(Cow::Borrowed(english), Cow::Owned),
    }
}

/// Writes `(id, English)` pairs as a Fluent file: how `locales/en/<table>.ftl` is made
/// from a table. A value's braces and leading special characters are escaped.
pub fn export_ftl(heading: &str, messages: &[(String, &str)]) -> String {
    let mut out = String::new();
    for line in heading.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("# Exported from the Rust tables by `cargo test` (UPDATE_CATALOGUES=1 rewrites it): edit the tables, not this file.\n\n");
    for (id, english) in messages {
        let mut value = english.replace('{', "{\"{\"}").replace('}', "{\"}\"}");
        // Fluent reads these at the start of a value as syntax.
        if value.starts_with(['[', '*', '.']) {
            value.insert_str(0, "{\"\"}");
        }
        out.push_str(id);
        out.push_str(" = ");
        out.push_str(&value);
        out.push('\n');
    }
    out
}

/// A Fluent id from a table's own id (`severity.remission_on_treatment` becomes
/// `severity-remission_on_treatment`): Fluent ids take letters, digits, `-` and `_`.
pub fn fluent_id(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len() + 1);
    out.push_str(prefix);
    if !prefix.is_empty() {
        out.push('-');
    }
    out.extend(id.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '-'
        }
    }));
    out
}

fn missing(id: &str) -> String {
    tracing::error!(id, "no message with this id in any language");
    format!("[{id}]")
}

/// What a template needs to speak its page's language: `tr.t("id")`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    pub fn lang(&self) -> Lang {
        self.0
    }

    /// The message `id`.
    pub fn t(&self, id: &str) -> String {
        text(self.0, id)
    }

    /// The message `id` with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: impl ToArg) -> String {
        text_with(self.0, id, &[(name, value.to_arg())])
    }

    /// The message `id` with two arguments.
    pub fn t2(
        &self,
        id: &str,
        a: &'static str,
        a_value: impl ToArg,
        b: &'static str,
        b_value: impl ToArg,
    ) -> String {
        text_with(self.0, id, &[(a, a_value.to_arg()), (b, b_value.to_arg())])
    }

    /// An English path (`/treatments/methadone`) as this language's path
    /// (`/es/treatments/methadone`).
    pub fn href(&self, path: &str) -> String {
        path_in(self.0, path)
    }
}

/// An English path as the same page's path in `lang`: Spanish pages are the same
/// slugs under `/es` (`/` is `/es/`).
pub fn path_in(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => path.to_string(),
        Lang::Es if path == "/" || path.is_empty() => "/es/".to_string(),
        Lang::Es if path.starts_with("/?") => format!("/es{}", &path[1..]),
        Lang::Es => format!("/es{path}"),
    }
}

/// A value a template can pass as a Fluent argument.
pub trait ToArg {
    fn to_arg(&self) -> FluentValue<'static>;
}

impl ToArg for &str {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl ToArg for &String {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from((*self).clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
        impl ToArg for &$t {
            fn to_arg(&self) -> FluentValue<'static> {
                FluentValue::from(**self)
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i32, i64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_by_weight() {
        for (header, expected) in [
            ("es", Some(Lang::Es)),
            ("es-MX,es;q=0.9,en;q=0.8", Some(Lang::Es)),
            ("es-US", Some(Lang::Es)),
            ("en-US,en;q=0.9,es;q=0.8", Some(Lang::En)),
            ("en-CA", Some(Lang::En)),
            ("en;q=0.5, es;q=0.9", Some(Lang::Es)),
            ("es;q=0, en", Some(Lang::En)),
            ("fr-CA,fr;q=0.9", None),
            ("fr-CA,fr;q=0.9,es;q=0.5", Some(Lang::Es)),
            ("", None),
            ("*", None),
            ("garbage;;,", None),
            ("éé,ñ-x", None),
            ("EN-us", Some(Lang::En)),
            ("en;q=0", None),
            ("ES-mx", Some(Lang::Es)),
        ] {
            assert_eq!(Lang::preferred(header), expected, "{header:?}");
        }
    }

    #[test]
    fn paths_in_each_language() {
        assert_eq!(path_in(Lang::Es, "/"), "/es/");
        assert_eq!(
            path_in(Lang::Es, "/treatments/methadone"),
            "/es/treatments/methadone"
        );
        assert_eq!(path_in(Lang::Es, "/search?q=a"), "/es/search?q=a");
        assert_eq!(path_in(Lang::En, "/search?q=a"), "/search?q=a");
    }
}
