//! Which language a page is in, read from its path: Spanish pages are the English
//! slugs under `/es` (`/es/`, `/es/treatments/methadone`). The browser's
//! `Accept-Language` never chooses the page (no redirect, no cookie); on an English
//! page it only decides whether to offer the Spanish one in a line at the top.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use crate::i18n::{Lang, Tr, path_in};

/// The page's language, its path in English, and whether to offer another language.
#[derive(Debug, Clone)]
pub struct Locale {
    pub lang: Lang,
    /// The path (and query) of the same page in English.
    english_path: String,
    /// The browser prefers this other language: offered in one line at the top.
    pub offer: Option<Lang>,
}

impl Default for Locale {
    fn default() -> Locale {
        Locale::english("/")
    }
}

impl Locale {
    /// An English page at `path`, with no offer (for pages built outside a request).
    pub fn english(path: &str) -> Locale {
        Locale {
            lang: Lang::En,
            english_path: path.to_string(),
            offer: None,
        }
    }

    /// Reads a request's path and headers.
    pub fn of(path_and_query: &str, headers: &HeaderMap) -> Locale {
        let (path, query) = match path_and_query.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path_and_query, None),
        };
        let (lang, rest) = match path.strip_prefix("/es") {
            Some("") => (Lang::Es, "/"),
            Some(rest) if rest.starts_with('/') => (Lang::Es, rest),
            _ => (Lang::En, path),
        };
        let english_path = match query {
            Some(q) => format!("{rest}?{q}"),
            None => rest.to_string(),
        };
        let offer = match lang {
            Lang::En => accept_language(headers)
                .and_then(Lang::preferred)
                .filter(|&l| l != Lang::En),
            Lang::Es => None,
        };
        Locale {
            lang,
            english_path,
            offer,
        }
    }

    pub fn tr(&self) -> Tr {
        Tr(self.lang)
    }

    /// This page in `lang`.
    pub fn href_in(&self, lang: Lang) -> String {
        path_in(lang, &self.english_path)
    }

    /// The cache key of this page's `key` in this language (and with or without the
    /// offer line, which English pages show by `Accept-Language`).
    pub fn cache_key(&self, key: &str) -> String {
        match self.offer {
            Some(offer) => format!("{}+{}:{key}", self.lang.code(), offer.code()),
            None => format!("{}:{key}", self.lang.code()),
        }
    }
}

/// The language an API client asks for in `Accept-Language` (English when none).
pub fn api_lang(headers: &HeaderMap) -> Lang {
    accept_language(headers)
        .and_then(Lang::preferred)
        .unwrap_or(Lang::En)
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Locale, Infallible> {
        // Under `/es` the router is nested, and the path it sees has lost the prefix.
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map_or(&parts.uri, |o| &o.0);
        let path = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
        Ok(Locale::of(path, &parts.headers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(al: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(al).unwrap());
        h
    }

    #[test]
    fn language_from_the_path() {
        let none = HeaderMap::new();
        for (path, lang, en, es) in [
            ("/", Lang::En, "/", "/es/"),
            ("/es", Lang::Es, "/", "/es/"),
            ("/es/", Lang::Es, "/", "/es/"),
            (
                "/es/treatments/methadone",
                Lang::Es,
                "/treatments/methadone",
                "/es/treatments/methadone",
            ),
            (
                "/treatments/methadone",
                Lang::En,
                "/treatments/methadone",
                "/es/treatments/methadone",
            ),
            (
                "/es/search?q=ayuda",
                Lang::Es,
                "/search?q=ayuda",
                "/es/search?q=ayuda",
            ),
            ("/escape", Lang::En, "/escape", "/es/escape"),
        ] {
            let l = Locale::of(path, &none);
            assert_eq!(l.lang, lang, "{path}");
            assert_eq!(l.href_in(Lang::En), en, "{path}");
            assert_eq!(l.href_in(Lang::Es), es, "{path}");
        }
    }

    #[test]
    fn offer_only_on_english_pages_to_browsers_preferring_spanish() {
        assert_eq!(
            Locale::of("/", &headers("es-MX,es;q=0.9")).offer,
            Some(Lang::Es)
        );
        assert_eq!(Locale::of("/", &headers("en-US,es;q=0.5")).offer, None);
        assert_eq!(Locale::of("/es/", &headers("es")).offer, None);
        assert_eq!(Locale::of("/", &HeaderMap::new()).offer, None);
        let keys = [
            Locale::of("/", &headers("es")).cache_key("home"),
            Locale::of("/", &HeaderMap::new()).cache_key("home"),
            Locale::of("/es/", &HeaderMap::new()).cache_key("home"),
        ];
        assert_eq!(keys, ["en+es:home", "en:home", "es:home"]);
    }
}
