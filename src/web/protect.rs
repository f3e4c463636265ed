//! What stands between a request and the handlers: the `Host` check, reading the body
//! within a size and time limit, the cap on work in progress, the API's refusal of
//! other sites' pages, the per-address limit on saves and the cap on searches at once.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::{BoxError, http};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;

use super::error::AppError;
use crate::AppState;

/// Host names the server answers to.
#[derive(Debug, Clone)]
pub struct AllowedHosts(Vec<String>);

impl AllowedHosts {
    /// `names` as `name` or `name:port`, lower-case (`Config::allowed_hosts`).
    pub fn new(names: Vec<String>) -> AllowedHosts {
        AllowedHosts(names)
    }

    /// An allowed `name:port` matches exactly; an allowed bare `name` matches that name
    /// with any port or none (behind a proxy the port is the proxy's business).
    pub fn allows(&self, host: &str) -> bool {
        let name = host_name(host);
        self.0.iter().any(|allowed| {
            allowed.eq_ignore_ascii_case(host)
                || (host_name(allowed).len() == allowed.len() && allowed.eq_ignore_ascii_case(name))
        })
    }
}

/// `example.org:8080` → `example.org`, `[::1]:3000` → `[::1]`.
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map_or(host, |end| &host[..=end]);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// What a visitor to an unconfigured name reads; the second sentence is for whoever
/// runs the server and reached it by a name it was not told about.
const NOT_OUR_HOST: &str = "This server does not answer to that host name. If you run it, add the name with --public-host (or PUBLIC_HOST).";

/// Why the request must be refused with 400, if it must: it names no host, two, or
/// one this server does not answer to. A page on another site that rebinds its DNS name
/// to this machine sends its own name here, so it never reaches the app.
fn host_refusal(request: &Request, hosts: &AllowedHosts) -> Option<&'static str> {
    let mut values = request.headers().get_all(header::HOST).iter();
    match (values.next(), values.next()) {
        (Some(_), Some(_)) => Some("The request named more than one host."),
        (Some(host), None) => match host.to_str() {
            Ok(host) if hosts.allows(host) => None,
            _ => Some(NOT_OUR_HOST),
        },
        // HTTP/1.1 requires a Host; an absolute request target is the only other way
        // to name it.
        (None, _) => match request.uri().authority() {
            Some(authority) if hosts.allows(authority.as_str()) => None,
            Some(_) => Some(NOT_OUR_HOST),
            None => Some("The request did not say which host it is for."),
        },
    }
}

/// What every request passes before the handlers: the `Host` check, then the body read
/// within its limits. One middleware, so that each request pays for one.
#[derive(Debug, Clone)]
pub struct Gate {
    pub hosts: Arc<AllowedHosts>,
    pub body_timeout: Duration,
}

pub async fn admit(State(gate): State<Arc<Gate>>, request: Request, next: Next) -> Response {
    if let Some(message) = host_refusal(&request, &gate.hosts) {
        return AppError::Rejected {
            status: StatusCode::BAD_REQUEST,
            message: message.to_string(),
        }
        .for_request(request.uri());
    }
    match read_body_in_time(request, gate.body_timeout).await {
        Ok(request) => next.run(request).await,
        Err(refusal) => refusal,
    }
}

/// How long a client has to send a request body, start to end.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// Largest body for anything but the API (the questionnaire form is a few hundred bytes).
pub const MAX_FORM_BODY: usize = 16 * 1024;
/// Largest JSON body the API reads.
pub const MAX_API_BODY: usize = 64 * 1024;

/// What a too-large form is told.
pub fn form_too_large() -> String {
    format!(
        "The form was larger than {} KiB, far more than the questionnaire sends.",
        MAX_FORM_BODY / 1024
    )
}

/// What a too-large API body is told.
pub fn api_body_too_large() -> String {
    format!(
        "the request body is larger than {} KiB",
        MAX_API_BODY / 1024
    )
}

/// What a too-large body is told, in the surface's own words.
pub fn too_large_message(uri: &Uri) -> String {
    if uri.path().starts_with("/api/") {
        api_body_too_large()
    } else {
        form_too_large()
    }
}

/// Reads the whole request body, within its size limit and `timeout`, before the
/// request goes on to the handlers. A client that stalls mid-body holds its own
/// connection and nothing else: no place under the cap on work in progress, no
/// database connection. Too large: 413; too slow: 408.
async fn read_body_in_time(request: Request, timeout: Duration) -> Result<Request, Response> {
    use axum::body::HttpBody;
    if request.body().is_end_stream() {
        return Ok(request);
    }
    let max = if request.uri().path().starts_with("/api/") {
        MAX_API_BODY
    } else {
        MAX_FORM_BODY
    };
    let (parts, body) = request.into_parts();
    let read = tokio::time::timeout(timeout, Limited::new(body, max).collect()).await;
    let (status, message) = match read {
        Ok(Ok(body)) => return Ok(Request::from_parts(parts, Body::from(body.to_bytes()))),
        Err(_) => (
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "The request was not received in full within {} seconds, so nothing was done. Please send it again.",
                timeout.as_secs()
            ),
        ),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            (StatusCode::PAYLOAD_TOO_LARGE, too_large_message(&parts.uri))
        }
        Ok(Err(_)) => (
            StatusCode::BAD_REQUEST,
            "The request could not be read. Please send it again.".to_string(),
        ),
    };
    Err(AppError::Rejected { status, message }.for_request(&parts.uri))
}

/// One count of requests doing work (searching, evaluating, saving, reading saved
/// assessments), shared by every route it is applied to, and their time limit.
#[derive(Clone)]
pub struct WorkLimit {
    at_once: GlobalConcurrencyLimitLayer,
    timeout: Duration,
}

impl WorkLimit {
    pub fn new(limits: &super::Limits) -> WorkLimit {
        WorkLimit {
            at_once: GlobalConcurrencyLimitLayer::new(limits.max_in_progress),
            timeout: limits.request_timeout,
        }
    }

    /// `routes` under the cap: past it, a request is answered 503 at once instead of
    /// queueing until everything is slow. Pages served from memory, static files and
    /// `/healthz` are left outside, so a full cap never takes the site down.
    pub fn apply<S: Clone + Send + Sync + 'static>(&self, routes: Router<S>) -> Router<S> {
        time_limit(routes, self.timeout).layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(overloaded_or_slow))
                .load_shed()
                .layer(self.at_once.clone()),
        )
    }
}

/// `routes` answered 503 once they take longer than `timeout`. Only routes that wait on
/// something (the database, the work cap) carry it: a timer per request is a twentieth
/// of what a page served from memory costs.
pub fn time_limit<S: Clone + Send + Sync + 'static>(
    routes: Router<S>,
    timeout: Duration,
) -> Router<S> {
    routes.layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(overloaded_or_slow))
            .timeout(timeout),
    )
}

/// The 503 for a load-shed or timed-out request, as a page or as JSON.
pub async fn overloaded_or_slow(uri: Uri, error: BoxError) -> Response {
    let error = if error.is::<tower::timeout::error::Elapsed>() {
        AppError::TimedOut
    } else {
        if !error.is::<tower::load_shed::error::Overloaded>() {
            tracing::error!(error = %error, "middleware error");
        }
        AppError::Overloaded
    };
    error.for_request(&uri)
}

/// API writes are for programs, not for other sites' pages: a browser says where a
/// request comes from in `Sec-Fetch-Site`, and anything but this site is refused.
/// (A browser cannot send the JSON content type the API requires from another site
/// without a preflight, which is refused too: no CORS headers are ever sent.)
pub fn from_other_site(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .is_some_and(|site| !matches!(site.to_str(), Ok("same-origin" | "none")))
}

/// The address a request comes from, as the save limit counts it: the trusted proxy
/// header's last address when one is configured and present, else the connection's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientAddress(pub IpAddr);

impl ClientAddress {
    fn from_parts(
        headers: &HeaderMap,
        connection: Option<SocketAddr>,
        trusted: Option<&HeaderName>,
    ) -> ClientAddress {
        let from_proxy = trusted
            .and_then(|name| headers.get(name))
            .and_then(|value| value.to_str().ok())
            .and_then(|list| list.rsplit(',').next())
            .and_then(|last| last.trim().parse::<IpAddr>().ok());
        ClientAddress(
            from_proxy
                .or(connection.map(|a| a.ip()))
                .unwrap_or(IpAddr::from([0, 0, 0, 0])),
        )
    }

    /// IPv6 hosts get a whole /64 each, so one is counted by its /64.
    fn key(self) -> IpAddr {
        match self.0 {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
            },
            v4 => v4,
        }
    }
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let connection = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| *addr);
        Ok(ClientAddress::from_parts(
            &parts.headers,
            connection,
            state.saves.trusted_header.as_ref(),
        ))
    }
}

/// Assessments saved per client address per minute. GCRA spreads them evenly: a client
/// may save a burst of the whole minute's quota, then one every `60 / N` seconds.
pub struct SaveLimiter {
    limiter: Option<DefaultKeyedRateLimiter<IpAddr>>,
    pub trusted_header: Option<HeaderName>,
}

/// Past this many addresses tracked, forget those whose quota has refilled.
const TRACKED_ADDRESSES: usize = 65_536;

impl SaveLimiter {
    /// `per_minute` of 0 turns the limit off.
    pub fn new(per_minute: u32, trusted_header: Option<HeaderName>) -> SaveLimiter {
        SaveLimiter {
            limiter: NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n))),
            trusted_header,
        }
    }

    /// `Ok` when `client` may save now; otherwise the whole seconds to wait.
    pub fn check(&self, client: ClientAddress) -> Result<(), u64> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        if limiter.len() > TRACKED_ADDRESSES {
            limiter.retain_recent();
        }
        limiter.check_key(&client.key()).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(limiter.clock()));
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }

    /// Forgets addresses whose quota has refilled (the maintenance task calls this).
    pub fn forget_idle(&self) {
        if let Some(limiter) = &self.limiter {
            limiter.retain_recent();
        }
    }
}

/// Searches that may run at once. Search is the one page that reads the database for
/// anyone who asks; a flood of odd queries waits here instead of taking every database
/// connection from saves and `/healthz`.
pub const SEARCHES_AT_ONCE: usize = 2;
/// How long a search waits for its turn before the page says the site is busy.
pub const SEARCH_WAIT: Duration = Duration::from_secs(2);

/// Turns a configured header name into a `HeaderName`, for the save limit.
pub fn header_name(name: &str) -> Result<HeaderName, http::header::InvalidHeaderName> {
    HeaderName::from_bytes(name.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_the_configured_hosts() {
        let hosts = AllowedHosts::new(vec![
            "127.0.0.1:3000".into(),
            "localhost:3000".into(),
            "[::1]:3000".into(),
            "navigator.example.org".into(),
        ]);
        for ok in [
            "127.0.0.1:3000",
            "LOCALHOST:3000",
            "[::1]:3000",
            "navigator.example.org",
            "navigator.example.org:443",
            "Navigator.Example.org:8443",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for refused in [
            "127.0.0.1:3001",
            "127.0.0.1",
            "localhost",
            "evil.example:3000",
            "rebind.evil.example",
            "[::1]",
            "",
            "navigator.example.org.evil.example",
            "navigator.example.org:",
        ] {
            assert!(!hosts.allows(refused), "{refused}");
        }
    }

    #[test]
    fn the_client_address_comes_from_the_trusted_header_only() {
        let peer: SocketAddr = "10.0.0.5:40000".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().unwrap(),
        );
        let trusted = HeaderName::from_static("x-forwarded-for");
        assert_eq!(
            ClientAddress::from_parts(&headers, Some(peer), None).0,
            peer.ip(),
            "not configured: the header is ignored"
        );
        assert_eq!(
            ClientAddress::from_parts(&headers, Some(peer), Some(&trusted)).0,
            "198.51.100.7".parse::<IpAddr>().unwrap(),
            "the address the proxy added, not one the client wrote"
        );
        headers.insert("x-forwarded-for", "not an address".parse().unwrap());
        assert_eq!(
            ClientAddress::from_parts(&headers, Some(peer), Some(&trusted)).0,
            peer.ip()
        );
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_bit_prefix() {
        let a = ClientAddress("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = ClientAddress("2001:db8:1:2:bbbb::2".parse().unwrap());
        let c = ClientAddress("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(a.key(), b.key());
        assert_ne!(a.key(), c.key());
        let mapped = ClientAddress("::ffff:192.0.2.1".parse().unwrap());
        assert_eq!(mapped.key(), "192.0.2.1".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn saves_past_the_quota_wait_and_other_addresses_do_not() {
        let limiter = SaveLimiter::new(3, None);
        let one = ClientAddress("192.0.2.1".parse().unwrap());
        let two = ClientAddress("192.0.2.2".parse().unwrap());
        for _ in 0..3 {
            assert_eq!(limiter.check(one), Ok(()));
        }
        let wait = limiter.check(one).unwrap_err();
        assert!((1..=20).contains(&wait), "one save every 20 s: {wait}");
        assert_eq!(limiter.check(two), Ok(()));
        let off = SaveLimiter::new(0, None);
        for _ in 0..1000 {
            assert_eq!(off.check(one), Ok(()));
        }
    }
}
