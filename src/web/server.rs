//! The accept loop: HTTP/1.1 connections that slow or hostile clients cannot pile up.
//!
//! - A connection that sends nothing, or does not finish its request headers, within
//!   the header timeout is closed; so is a keep-alive connection idle for that long (the
//!   same clock runs while hyper waits for the next request's headers).
//! - Until a client has sent a whole request head, a connection costs only a socket, a
//!   small task and the bytes it sent: hyper's buffers are made when there is a request.
//! - Open connections are capped below the process's file limit. At the cap, the
//!   connections that have been idle longest (no request in progress) are closed to make
//!   room, as nginx reclaims keep-alive connections, so a new visitor is served at once
//!   instead of waiting behind thousands of silent sockets.
//! - Stopping closes the listener, closes idle connections and lets requests in
//!   progress finish; the caller bounds how long that may take.
//!
//! HTTP/2 is not served: browsers use it only over TLS, which a reverse proxy in front
//! of this server terminates, and the proxy speaks HTTP/1.1 to us.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::ConnectInfo;
use hyper::body::{Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tower::ServiceExt;

/// How the accept loop treats connections.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Open connections at most ([`max_connections_for`] the file limit by default).
    pub max_connections: usize,
    /// How long a client has to send its request headers, and how long a keep-alive
    /// connection may sit idle (5 s by default, as Apache's keep-alive timeout).
    pub header_timeout: Duration,
}

/// Largest request head (request line and headers) read; larger gets 431. A browser's
/// is 1–2 KB here, since the site sets no cookies.
const MAX_HEAD_BYTES: usize = 32 * 1024;

/// File descriptors kept out of the connection cap: the database file, its log and
/// shared memory for each pooled connection, the content folder read at start-up,
/// standard streams, the listener and the runtime's own.
const RESERVED_FILES: u64 = 256;

/// The connection cap when the file limit is unlimited or very high: idle connections
/// cost about a kilobyte each, so this stays well inside the memory a small server has.
const MAX_CONNECTIONS_CEILING: u64 = 65_536;

/// Raises the soft limit on open files to the hard limit (many distributions start
/// services at 1,024) and returns the soft limit in force afterwards.
pub fn raise_open_file_limit() -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current != limit.maximum {
        let raised = Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        };
        if let Err(e) = setrlimit(Resource::Nofile, raised) {
            tracing::warn!(error = %e, "could not raise the open-file limit");
        }
    }
    getrlimit(Resource::Nofile).current.unwrap_or(u64::MAX)
}

/// The connection cap for a soft file limit of `open_files`.
pub fn max_connections_for(open_files: u64) -> usize {
    open_files
        .saturating_sub(RESERVED_FILES)
        .clamp(16, MAX_CONNECTIONS_CEILING) as usize
}

/// One open connection, as the cap sees it.
struct Slot {
    /// Requests whose response has not been fully written.
    in_flight: AtomicUsize,
    /// Milliseconds since the server started when the last request ended (or the
    /// connection was accepted): the oldest idle connections are reclaimed first.
    idle_since: AtomicU64,
    /// Told to close now, because the server is at its cap.
    reclaim: Notify,
    /// Chosen to be reclaimed: not chosen again while it closes.
    reclaimed: AtomicBool,
}

/// Every open connection, so that the cap can be kept and the stop can wait for them.
struct Connections {
    started: Instant,
    next_id: AtomicU64,
    open: Mutex<HashMap<u64, Arc<Slot>>>,
    /// Reclaimed connections that have not closed yet.
    closing: AtomicUsize,
    /// Signalled whenever a connection closes.
    closed: Notify,
}

impl Connections {
    fn new() -> Connections {
        Connections {
            started: Instant::now(),
            next_id: AtomicU64::new(0),
            open: Mutex::new(HashMap::new()),
            closing: AtomicUsize::new(0),
            closed: Notify::new(),
        }
    }

    fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn count(&self) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    fn add(self: &Arc<Self>) -> (OpenConnection, Arc<Slot>) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let slot = Arc::new(Slot {
            in_flight: AtomicUsize::new(0),
            idle_since: AtomicU64::new(self.now_ms()),
            reclaim: Notify::new(),
            reclaimed: AtomicBool::new(false),
        });
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, slot.clone());
        (
            OpenConnection {
                connections: self.clone(),
                id,
            },
            slot,
        )
    }

    /// Closes up to `count` connections with no request in progress, longest idle
    /// first. Returns how many were told to close.
    fn reclaim_idle(&self, count: usize) -> usize {
        let open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let mut idle: Vec<(u64, &Arc<Slot>)> = open
            .values()
            .filter(|s| {
                s.in_flight.load(Ordering::Acquire) == 0 && !s.reclaimed.load(Ordering::Relaxed)
            })
            .map(|s| (s.idle_since.load(Ordering::Relaxed), s))
            .collect();
        let count = count.min(idle.len());
        if count == 0 {
            return 0;
        }
        if count < idle.len() {
            idle.select_nth_unstable_by_key(count - 1, |(since, _)| *since);
        }
        for (_, slot) in &idle[..count] {
            slot.reclaimed.store(true, Ordering::Relaxed);
            slot.reclaim.notify_one();
        }
        self.closing.fetch_add(count, Ordering::Relaxed);
        count
    }
}

/// Removes its connection from the count when the connection's task ends.
struct OpenConnection {
    connections: Arc<Connections>,
    id: u64,
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        let slot = self
            .connections
            .open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
        if slot.is_some_and(|s| s.reclaimed.load(Ordering::Relaxed)) {
            self.connections.closing.fetch_sub(1, Ordering::Relaxed);
        }
        self.connections.closed.notify_one();
    }
}

/// A request in progress on a connection, until its response body has been written
/// (or dropped): while one exists the connection is never reclaimed.
struct InFlight {
    slot: Arc<Slot>,
    connections: Arc<Connections>,
}

impl InFlight {
    fn start(slot: &Arc<Slot>, connections: &Arc<Connections>) -> InFlight {
        slot.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight {
            slot: slot.clone(),
            connections: connections.clone(),
        }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.slot
            .idle_since
            .store(self.connections.now_ms(), Ordering::Relaxed);
        self.slot.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A response body that holds its request's [`InFlight`] until hyper drops it.
struct TrackedBody {
    body: Body,
    _in_flight: InFlight,
}

impl HttpBody for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then stops accepting, closes
/// idle connections, and returns once every connection has closed.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let max_connections = limits.max_connections;
    let connections = Arc::new(Connections::new());
    let (stop, stopping) = watch::channel(false);
    // Reclaiming in small batches keeps the scan of open connections rare.
    let batch = (max_connections / 64).max(1);
    let mut shutdown = pin!(shutdown);
    loop {
        if connections.count() >= max_connections {
            // One batch at a time: the last one is still closing otherwise.
            if connections.closing.load(Ordering::Relaxed) == 0 {
                connections.reclaim_idle(batch);
            }
            tokio::select! {
                () = connections.closed.notified() => {}
                // Every connection busy: look again shortly rather than wait for one.
                () = tokio::time::sleep(Duration::from_millis(20)) => {}
                () = &mut shutdown => break,
            }
            continue;
        }
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors (other files opened meanwhile) or a
                    // connection reset before it was accepted: wait a moment, go on.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Without TCP_NODELAY small responses can wait ~40 ms for Nagle's algorithm.
        let _ = tcp.set_nodelay(true);
        let (open, slot) = connections.add();
        tokio::spawn(serve_connection(
            tcp,
            peer,
            app.clone(),
            (open, slot),
            limits.header_timeout,
            stopping.clone(),
        ));
    }
    drop(listener);
    let _ = stop.send(true);
    while connections.count() > 0 {
        connections.closed.notified().await;
    }
}

async fn serve_connection(
    tcp: TcpStream,
    peer: SocketAddr,
    app: Router,
    (open, slot): (OpenConnection, Arc<Slot>),
    header_timeout: Duration,
    mut stopping: watch::Receiver<bool>,
) {
    // Nothing is allocated for HTTP until the client has sent a whole request head: a
    // silent or slow client costs this task and the bytes it sent, nothing more.
    let head = tokio::select! {
        head = tokio::time::timeout(header_timeout, read_head(&tcp)) => match head {
            Ok(Some(head)) => head,
            // Silent or slow past the timeout, closed, or failed: nothing to serve.
            _ => return,
        },
        () = slot.reclaim.notified() => return,
        _ = stopping.wait_for(|stop| *stop) => return,
    };
    let connections = open.connections.clone();
    let tracked = slot.clone();
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let in_flight = InFlight::start(&tracked, &connections);
        let mut request = request.map(Body::new);
        request.extensions_mut().insert(ConnectInfo(peer));
        let app = app.clone();
        async move {
            let response = app.oneshot(request).await.unwrap_or_else(|e| match e {});
            Ok::<_, Infallible>(response.map(|body| {
                Body::new(TrackedBody {
                    body,
                    _in_flight: in_flight,
                })
            }))
        }
    });
    // Boxed, so that a connection still waiting above stays a small task.
    let mut connection = Box::pin(
        hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .max_buf_size(MAX_HEAD_BYTES)
            .serve_connection(TokioIo::new(Replayed { head, read: 0, tcp }), service),
    );
    let mut stop_seen = false;
    loop {
        tokio::select! {
            done = connection.as_mut() => {
                if let Err(e) = done {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                break;
            }
            () = slot.reclaim.notified() => {
                // No request in progress (checked when chosen): close at once.
                if slot.in_flight.load(Ordering::Acquire) == 0 {
                    break;
                }
            }
            _ = stopping.wait_for(|stop| *stop), if !stop_seen => {
                stop_seen = true;
                // Finish the request in progress, if any, then close.
                connection.as_mut().graceful_shutdown();
            }
        }
    }
    drop(open);
}

/// Reads from `tcp` until the end of the first request head (a blank line) or until
/// [`MAX_HEAD_BYTES`], whichever comes first; `None` when the client closes first.
async fn read_head(tcp: &TcpStream) -> Option<Vec<u8>> {
    // Empty until the first byte comes: a silent connection costs no buffer at all.
    let mut head = Vec::new();
    loop {
        tcp.readable().await.ok()?;
        if head.len() == head.capacity() {
            head.reserve(head.len().max(512));
        }
        let seen = head.len();
        match tcp.try_read_buf(&mut head) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(_) => return None,
        }
        // The blank line may straddle two reads: look again from a little before.
        let from = seen.saturating_sub(3);
        if head[from..].windows(4).any(|w| w == b"\r\n\r\n") || head.len() >= MAX_HEAD_BYTES {
            return Some(head);
        }
    }
}

/// A connection whose first bytes were read before hyper took it over: they are read
/// again, then the socket.
struct Replayed {
    head: Vec<u8>,
    read: usize,
    tcp: TcpStream,
}

impl tokio::io::AsyncRead for Replayed {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.read < self.head.len() {
            let n = buf.remaining().min(self.head.len() - self.read);
            let from = self.read;
            buf.put_slice(&self.head[from..from + n]);
            self.read += n;
            if self.read == self.head.len() {
                // Replayed in full: give the memory back.
                self.head = Vec::new();
                self.read = 0;
            }
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut self.tcp).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Replayed {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.tcp).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.tcp).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.tcp.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_file_limit_is_raised_to_the_hard_limit() {
        use rustix::process::{Resource, getrlimit};
        let soft = raise_open_file_limit();
        let now = getrlimit(Resource::Nofile);
        assert_eq!(now.current, now.maximum);
        assert_eq!(Some(soft), now.current.or(Some(u64::MAX)));
    }

    #[test]
    fn the_cap_leaves_room_for_the_database_and_has_a_ceiling() {
        assert_eq!(max_connections_for(20_000), 19_744);
        assert_eq!(max_connections_for(1_024), 768);
        assert_eq!(max_connections_for(100), 16);
        assert_eq!(max_connections_for(u64::MAX), 65_536);
    }

    #[test]
    fn reclaims_the_longest_idle_connections_and_never_a_busy_one() {
        let connections = Arc::new(Connections::new());
        let mut slots = Vec::new();
        for since in [50, 10, 40, 20, 30] {
            let (open, slot) = connections.add();
            slot.idle_since.store(since, Ordering::Relaxed);
            slots.push((open, slot));
        }
        // The longest idle (10) is busy with a request.
        let busy = InFlight::start(&slots[1].1, &connections);
        assert_eq!(connections.reclaim_idle(2), 2);
        let told: Vec<u64> = slots
            .iter()
            .filter(|(_, s)| {
                let notified = s.reclaim.notified();
                let mut notified = pin!(notified);
                let waker = std::task::Waker::noop();
                notified
                    .as_mut()
                    .poll(&mut Context::from_waker(waker))
                    .is_ready()
            })
            .map(|(_, s)| s.idle_since.load(Ordering::Relaxed))
            .collect();
        assert_eq!(told, vec![20, 30]);
        assert_eq!(connections.closing.load(Ordering::Relaxed), 2);
        assert_eq!(
            connections.reclaim_idle(5),
            2,
            "those closing are not chosen again, the busy one never"
        );
        drop(busy);
        assert_eq!(connections.count(), 5);
        slots.truncate(2);
        assert_eq!(
            connections.closing.load(Ordering::Relaxed),
            1,
            "closed ones leave the closing count"
        );
        assert_eq!(
            connections.count(),
            2,
            "a closed connection leaves the count"
        );
    }
}
