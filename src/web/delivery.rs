//! What goes over the wire: each response in the coding the browser prefers, with its
//! length, and a `304 Not Modified` when the browser already holds the page.
//!
//! Pages everyone reads (content, search, compare, helplines, the questionnaire) and the
//! static files are compressed once, at the highest levels, when they are first rendered
//! ([`Compressed`]), and every later request only picks one of the kept forms. Answers
//! for one person (results, summary sheets, the API) are compressed as they go out, at a
//! fast level ([`finish`]): brotli's highest level takes about 18 ms for a 13 KB page
//! here, which is fine once per page and far too slow per request.

use std::convert::Infallible;
use std::io::Write;
use std::sync::LazyLock;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, MatchedPath, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use headers::{ETag, HeaderMapExt, IfNoneMatch};
use http_body::Body as _;
use sha2::{Digest, Sha256};

use crate::web::locale::Locale;

/// A content coding the app can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Zstd,
    Gzip,
    Identity,
}

impl Coding {
    /// The coding's name in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Zstd => "zstd",
            Coding::Gzip => "gzip",
            Coding::Identity => "identity",
        }
    }

    fn from_token(token: &str) -> Option<Coding> {
        [Coding::Brotli, Coding::Zstd, Coding::Gzip, Coding::Identity]
            .into_iter()
            .find(|c| c.token().eq_ignore_ascii_case(token))
    }
}

/// How hard to compress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Once per page, kept: brotli 11, zstd 19, gzip 9.
    Best,
    /// Per request: zstd 1, brotli 4, gzip 1.
    Fast,
}

/// The order the server prefers codings in when the browser likes several equally.
/// Kept pages: brotli at its highest level is the smallest form of HTML and CSS.
pub const KEPT_ORDER: [Coding; 4] = [Coding::Brotli, Coding::Zstd, Coding::Gzip, Coding::Identity];
/// Per-request compression: zstd is several times faster than brotli 4 here (about
/// 40 µs against 300 µs for an 11 KB answer) for a few percent more bytes.
pub const FAST_ORDER: [Coding; 4] = [Coding::Zstd, Coding::Brotli, Coding::Gzip, Coding::Identity];

/// Responses smaller than this go out as they are: they fit in one TCP segment either
/// way, so compressing them costs time and saves no round trip.
pub const COMPRESS_FROM: usize = 1400;

/// The coding to send, from the request's `Accept-Encoding` (with its q-values,
/// `identity;q=0` and `*`) and what this response is offered in, ties going to the first
/// in `offered`. No header, or nothing acceptable: the identity form.
pub fn negotiate(accept: Option<&HeaderValue>, offered: &[Coding]) -> Coding {
    let Some(accept) = accept else {
        return Coding::Identity;
    };
    // Nearly every request from one browser carries the same header: each thread
    // remembers its last answer rather than parse it again.
    LAST_NEGOTIATED.with_borrow_mut(|last| {
        if let Some((header, codings, chosen)) = last.as_ref()
            && header == accept
            && codings.as_slice() == offered
        {
            return *chosen;
        }
        let chosen = choose(accept, offered);
        *last = Some((accept.clone(), offered.iter().copied().collect(), chosen));
        chosen
    })
}

type Negotiated = (HeaderValue, smallvec::SmallVec<[Coding; 4]>, Coding);

thread_local! {
    static LAST_NEGOTIATED: std::cell::RefCell<Option<Negotiated>> =
        const { std::cell::RefCell::new(None) };
}

fn choose(accept: &HeaderValue, offered: &[Coding]) -> Coding {
    let Ok(accept) = accept.to_str() else {
        return Coding::Identity;
    };
    let names: smallvec::SmallVec<[&str; 4]> = offered.iter().map(|c| c.token()).collect();
    negotiator::preferred_encodings(Some(accept), Some(&names), Some(&names))
        .first()
        .and_then(|name| Coding::from_token(name))
        .unwrap_or(Coding::Identity)
}

/// zstd's level for answers compressed per request. Level 1 against 3, measured end to
/// end with `bench/run` on `POST /api/v1/evaluate`: 12,400–12,800 requests/s against
/// 10,600–11,500, for 4,395 bytes against 4,267 (an 11 KB answer).
pub const FAST_ZSTD_LEVEL: i32 = 1;

thread_local! {
    static FAST_ZSTD: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { std::cell::RefCell::new(None) };
}

/// One compression at the highest levels at a time: brotli 11 alone takes some 13 MB
/// while it works, and the server's memory must stay small however many pages are
/// rendered at once. New pages wait their turn (about 20 ms each).
static BEST_AT_ONCE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Compresses `data` with `coding`.
pub fn compress(coding: Coding, data: &[u8], effort: Effort) -> Vec<u8> {
    let _turn = (effort == Effort::Best && coding != Coding::Identity)
        .then(|| BEST_AT_ONCE.lock().unwrap_or_else(|e| e.into_inner()));
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    match coding {
        Coding::Identity => out.extend_from_slice(data),
        Coding::Brotli => {
            let quality = match effort {
                Effort::Best => 11,
                Effort::Fast => 4,
            };
            // A window just large enough for the whole input gives the same output as
            // the largest, and the encoder's tables grow with the window: at 22 bits
            // quality 11 takes some 40 MB, for a page of 20 KB.
            let window = (usize::BITS - data.len().max(1).leading_zeros()).clamp(10, 22);
            let mut writer = brotli::CompressorWriter::new(&mut out, 16 * 1024, quality, window);
            writer.write_all(data).expect("writing to memory");
            drop(writer);
        }
        Coding::Zstd => {
            out = match effort {
                Effort::Best => zstd::bulk::compress(data, 19),
                // Each request thread keeps its context: making one costs more than
                // compressing a small answer.
                Effort::Fast => FAST_ZSTD.with_borrow_mut(|kept| match kept {
                    Some(compressor) => compressor.compress(data),
                    None => zstd::bulk::Compressor::new(FAST_ZSTD_LEVEL).and_then(|mut c| {
                        let out = c.compress(data);
                        *kept = Some(c);
                        out
                    }),
                }),
            }
            .expect("zstd compresses in memory");
        }
        Coding::Gzip => {
            let level = match effort {
                Effort::Best => 9,
                Effort::Fast => 1,
            };
            let mut encoder = flate2::write::GzEncoder::new(out, flate2::Compression::new(level));
            encoder.write_all(data).expect("writing to memory");
            out = encoder.finish().expect("writing to memory");
        }
    }
    out
}

/// How long browsers and caches may keep a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// Pages everyone reads: reused for five minutes, then asked for again with their
    /// `ETag` (a `304` costs no body). Content changes only with a new release.
    Page,
    /// Files whose URL carries a hash of their bytes: kept for a year.
    Immutable,
    /// Answers about one person, and forms: never kept.
    NoStore,
}

impl CachePolicy {
    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            CachePolicy::Page => "public, max-age=300",
            CachePolicy::Immutable => "public, max-age=31536000, immutable",
            CachePolicy::NoStore => "no-store",
        })
    }
}

/// What a request says about the response it can take: its `Accept-Encoding`, and the
/// `ETag`s of copies it already holds.
#[derive(Debug, Clone, Default)]
pub struct Wants {
    accept_encoding: Option<HeaderValue>,
    if_none_match: Option<IfNoneMatch>,
    /// The page's language (and the offer of another): kept pages are kept per language.
    pub locale: Locale,
}

impl Wants {
    pub fn from_headers(headers: &HeaderMap) -> Wants {
        Wants {
            accept_encoding: headers.get(header::ACCEPT_ENCODING).cloned(),
            if_none_match: headers.typed_get::<IfNoneMatch>(),
            locale: Locale::default(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Wants {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Wants, Infallible> {
        let locale = Locale::from_request_parts(parts, state).await?;
        Ok(Wants {
            locale,
            ..Wants::from_headers(&parts.headers)
        })
    }
}

/// One kept form of a page.
struct Form {
    coding: Coding,
    bytes: Bytes,
    etag: HeaderValue,
    /// The same tag, typed, to compare with `If-None-Match`.
    typed: ETag,
}

/// A page kept in every coding, computed once.
pub struct Compressed {
    content_type: HeaderValue,
    /// In [`KEPT_ORDER`]; the identity form is always there and last. A coding whose
    /// output is no smaller than the page itself is left out.
    forms: Vec<Form>,
    offered: smallvec::SmallVec<[Coding; 4]>,
}

impl Compressed {
    /// Compresses `page` at the highest levels. Takes tens of milliseconds for a page:
    /// call it off the request threads (see [`crate::web::cache::off_thread`]).
    pub fn new(page: Bytes, content_type: &'static str) -> Compressed {
        let hash = Sha256::digest(&page);
        let tag: String = hash.iter().take(10).map(|b| format!("{b:02x}")).collect();
        let mut forms = Vec::with_capacity(4);
        for coding in KEPT_ORDER {
            let bytes = if coding == Coding::Identity {
                page.clone()
            } else {
                let packed = compress(coding, &page, Effort::Best);
                if packed.len() >= page.len() {
                    continue;
                }
                Bytes::from(packed)
            };
            // Each coding is its own representation, so each has its own tag.
            let quoted = match coding {
                Coding::Identity => format!("\"{tag}\""),
                other => format!("\"{tag}-{}\"", other.token()),
            };
            forms.push(Form {
                coding,
                bytes,
                typed: quoted.parse().expect("a quoted hex tag is a valid ETag"),
                etag: HeaderValue::from_str(&quoted).expect("hex is a valid header value"),
            });
        }
        let offered = forms.iter().map(|f| f.coding).collect();
        Compressed {
            content_type: HeaderValue::from_static(content_type),
            forms,
            offered,
        }
    }

    /// Bytes held, all forms counted.
    pub fn weight(&self) -> u64 {
        self.forms
            .iter()
            .map(|f| f.bytes.len() as u64 + 64)
            .sum::<u64>()
            + 128
    }

    /// The page as rendered, before any coding.
    pub fn identity(&self) -> &Bytes {
        &self
            .forms
            .last()
            .expect("the identity form is always kept")
            .bytes
    }

    /// The codings this page is kept in.
    pub fn codings(&self) -> &[Coding] {
        &self.offered
    }

    /// The form the request prefers, or `304` when it already holds this page.
    pub fn respond(&self, wants: &Wants, policy: CachePolicy) -> Response {
        let coding = negotiate(wants.accept_encoding.as_ref(), &self.offered);
        let form = self
            .forms
            .iter()
            .find(|f| f.coding == coding)
            .unwrap_or_else(|| self.forms.last().expect("identity is kept"));
        // Any form's tag will do: they all stand for the same page.
        let unchanged = wants.if_none_match.as_ref().is_some_and(|held| {
            self.forms
                .iter()
                .any(|f| !held.precondition_passes(&f.typed))
        });
        let mut response = if unchanged {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        } else {
            let mut r = Response::new(Body::from(form.bytes.clone()));
            let headers = r.headers_mut();
            headers.insert(header::CONTENT_TYPE, self.content_type.clone());
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from(form.bytes.len()));
            if coding != Coding::Identity {
                headers.insert(
                    header::CONTENT_ENCODING,
                    HeaderValue::from_static(coding.token()),
                );
            }
            r
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, form.etag.clone());
        headers.insert(header::CACHE_CONTROL, policy.header());
        if self.offered.len() > 1 {
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        response.extensions_mut().insert(AlreadyEncoded);
        response
    }
}

/// Marks a response [`finish`] must leave as it is.
#[derive(Clone, Copy)]
struct AlreadyEncoded;

/// Every response's security headers. The policy allows only this origin's own files,
/// and one inline stylesheet, the critical CSS, by its hash: no inline script, nothing
/// from other sites, no framing.
static SECURITY_HEADERS: LazyLock<[(HeaderName, HeaderValue); 5]> = LazyLock::new(|| {
    let csp = format!(
        "default-src 'self'; script-src 'self'; style-src 'self' '{}'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; \
         form-action 'self'; base-uri 'none'",
        super::assets::assets().critical_css_hash
    );
    [
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp).expect("the policy is ASCII"),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            ),
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
    ]
});

/// The last step of every response, in one middleware rather than a layer each: the
/// security headers; compression at a fast level for what was not compressed already;
/// and the access log line. The line names the route template, never the path or
/// query: URLs carry search words and assessment ids.
pub async fn finish(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let accept = request.headers().get(header::ACCEPT_ENCODING).cloned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS.iter() {
        headers.insert(name.clone(), value.clone());
    }
    let response = compress_fast(response, accept.as_ref()).await;
    tracing::info!(
        target: "access",
        method = %method,
        route = %route.as_ref().map_or("unmatched", |r| r.as_str()),
        status = response.status().as_u16(),
        latency_us = started.elapsed().as_micros() as u64,
    );
    response
}

/// Compresses a response made for one request (results, summary sheets, the API, error
/// pages) at a fast level, when it is text and large enough to gain.
async fn compress_fast(response: Response, accept: Option<&HeaderValue>) -> Response {
    if response.extensions().get::<AlreadyEncoded>().is_some()
        || response.headers().contains_key(header::CONTENT_ENCODING)
        || !response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(compressible)
    {
        return response;
    }
    let size = response.body().size_hint().exact();
    if size.is_none_or(|n| (n as usize) < COMPRESS_FROM) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let coding = negotiate(accept, &FAST_ORDER);
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        // A body that fails to read already failed; say so rather than send half.
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let bytes = if coding == Coding::Identity {
        bytes
    } else {
        parts.headers.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(coding.token()),
        );
        Bytes::from(compress(coding, &bytes, Effort::Fast))
    };
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    Response::from_parts(parts, Body::from(bytes))
}

fn compressible(content_type: &HeaderValue) -> bool {
    let Ok(value) = content_type.to_str() else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    essence.starts_with("text/")
        || matches!(
            essence,
            "application/json" | "image/svg+xml" | "application/javascript"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(coding: Coding, bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        match coding {
            Coding::Identity => out.extend_from_slice(bytes),
            Coding::Brotli => {
                brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap();
            }
            Coding::Zstd => out = zstd::stream::decode_all(bytes).unwrap(),
            Coding::Gzip => {
                std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out)
                    .unwrap();
            }
        }
        out
    }

    #[test]
    fn every_coding_decodes_to_the_page_at_both_efforts() {
        let page = "<p>Methadone is taken once a day.</p>\n".repeat(200);
        for coding in KEPT_ORDER {
            for effort in [Effort::Best, Effort::Fast] {
                let packed = compress(coding, page.as_bytes(), effort);
                assert_eq!(
                    decode(coding, &packed),
                    page.as_bytes(),
                    "{coding:?} {effort:?}"
                );
                if coding != Coding::Identity {
                    assert!(packed.len() < page.len() / 4, "{coding:?} {effort:?}");
                }
            }
        }
    }

    #[test]
    fn tiny_bodies_keep_only_the_forms_that_gain() {
        let kept = Compressed::new(Bytes::from_static(b"ok"), "text/plain");
        assert_eq!(kept.codings(), &[Coding::Identity]);
        let response = kept.respond(&Wants::default(), CachePolicy::Page);
        assert!(response.headers().get(header::VARY).is_none());
    }

    #[test]
    fn compressible_types() {
        for (ct, expected) in [
            ("text/html; charset=utf-8", true),
            ("application/json", true),
            ("text/css", true),
            ("image/svg+xml", true),
            ("image/png", false),
            ("application/octet-stream", false),
        ] {
            assert_eq!(
                compressible(&HeaderValue::from_static(ct)),
                expected,
                "{ct}"
            );
        }
    }
}
