//! The real binary on a free port, and raw clients for it: one plain HTTP/1.1 request,
//! and the crowds of silent and slow connections a hostile client opens. Shared by the
//! lifecycle and connection tests and by `bench/connections.rs`.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts the binary on a fresh port with the database `db` and the extra `args`,
    /// and waits for `/healthz`. The save limit is off unless `args` set it: tests that
    /// save as fast as they can are not testing it.
    pub async fn start(db: &Path, args: &[&str], log: Option<&Path>) -> Server {
        let addr = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap()
        };
        let stderr = match log {
            Some(path) => Stdio::from(std::fs::File::create(path).unwrap()),
            None => Stdio::null(),
        };
        let child = Command::new(env!("CARGO_BIN_EXE_treatment-navigator"))
            .arg("--listen")
            .arg(addr.to_string())
            .arg("--database")
            .arg(db)
            .arg("--content")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .args(["--save-rate-per-minute", "0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let server = Server { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        while http(addr, "GET", "/healthz", "").await.map(|r| r.0) != Some(200) {
            assert!(Instant::now() < deadline, "server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        server
    }

    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// A line of `/proc/PID/status` in kB: `VmRSS` now, `VmHWM` at its peak.
    pub fn memory_kb(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
            .unwrap_or_else(|| panic!("no {field} in {status}"))
    }

    /// Open file descriptors of the server process.
    pub fn open_files(&self) -> usize {
        std::fs::read_dir(format!("/proc/{}/fd", self.child.id()))
            .map(|d| d.count())
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request on a connection of its own; `None` if the server did not
/// answer.
pub async fn http(addr: SocketAddr, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    read_response(&mut stream).await
}

pub async fn read_response(stream: &mut TcpStream) -> Option<(u16, String)> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}

/// Raises this process's open-file limit towards `want` (root may raise the hard
/// limit too) and returns the soft limit now in force. A server started before this
/// keeps the limit it inherited.
pub fn raise_own_file_limit(want: u64) -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let now = getrlimit(Resource::Nofile);
    let hard = now.maximum.unwrap_or(u64::MAX);
    let raised = Rlimit {
        current: Some(want),
        maximum: Some(want.max(hard)),
    };
    if setrlimit(Resource::Nofile, raised).is_err() {
        let _ = setrlimit(
            Resource::Nofile,
            Rlimit {
                current: now.maximum,
                maximum: now.maximum,
            },
        );
    }
    getrlimit(Resource::Nofile).current.unwrap_or(u64::MAX)
}

/// Opens `count` connections to `addr` that send nothing. Connections rotate over the
/// loopback sources 127.0.0.1, .2, … (10,000 each), so a crowd never runs out of ports;
/// `first` numbers this batch within the crowd.
pub async fn open_silent(addr: SocketAddr, count: usize, first: usize) -> Vec<TcpStream> {
    let mut streams = Vec::with_capacity(count);
    let mut pending = tokio::task::JoinSet::new();
    for i in first..first + count {
        let source = Ipv4Addr::new(127, 0, 0, 1 + (i / 10_000) as u8);
        pending.spawn(async move {
            let socket = TcpSocket::new_v4().ok()?;
            // The port is chosen at connect time, from the whole 4-tuple: fast, and
            // not limited to ports free on every address.
            set_bind_address_no_port(&socket);
            socket.bind(SocketAddr::from((source, 0))).ok()?;
            tokio::time::timeout(Duration::from_secs(10), socket.connect(addr))
                .await
                .ok()?
                .ok()
        });
        // A few hundred handshakes at a time.
        if pending.len() >= 256
            && let Some(Ok(Some(stream))) = pending.join_next().await
        {
            streams.push(stream);
        }
    }
    while let Some(done) = pending.join_next().await {
        if let Ok(Some(stream)) = done {
            streams.push(stream);
        }
    }
    streams
}

/// `IP_BIND_ADDRESS_NO_PORT`: without it, binding a source address picks the port at
/// bind time, searching every port in use, which takes seconds for thousands.
fn set_bind_address_no_port(socket: &TcpSocket) {
    use std::os::fd::AsRawFd;
    let on: libc::c_int = 1;
    unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            libc::IPPROTO_IP,
            libc::IP_BIND_ADDRESS_NO_PORT,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}

/// Opens `count` connections that begin a request and stop halfway through its
/// headers, as a slowloris client does; [`trickle`] sends them one more header line.
pub async fn open_slow_headers(addr: SocketAddr, count: usize, first: usize) -> Vec<TcpStream> {
    let mut streams = open_silent(addr, count, first).await;
    let start = format!("GET / HTTP/1.1\r\nHost: {addr}\r\n");
    for stream in &mut streams {
        let _ = stream.write_all(start.as_bytes()).await;
    }
    streams
}

/// One more header line on each slow connection; returns how many are still open.
pub async fn trickle(streams: &mut [TcpStream]) -> usize {
    let mut open = 0;
    for stream in streams.iter_mut() {
        if stream.write_all(b"X-Slow: 1\r\n").await.is_ok() {
            open += 1;
        }
    }
    open
}

/// How many of `streams` the server has closed (a read sees the end).
pub async fn closed_by_server(streams: &mut [TcpStream]) -> usize {
    let mut closed = 0;
    for stream in streams.iter_mut() {
        let mut byte = [0u8; 1];
        match tokio::time::timeout(Duration::from_millis(1), stream.read(&mut byte)).await {
            Ok(Ok(0)) | Ok(Err(_)) => closed += 1,
            _ => {}
        }
    }
    closed
}

/// `GET path` as a browser sends it on a new connection: the status and how long the
/// whole answer took.
pub async fn timed_get(addr: SocketAddr, path: &str) -> (Option<u16>, Duration) {
    let started = Instant::now();
    let answer = http(addr, "GET", path, "").await.map(|(status, _)| status);
    (answer, started.elapsed())
}

/// The environment variable that makes a process a connection holder: `ADDR COUNT FIRST`.
const HOLD: &str = "TN_HOLD_CONNECTIONS";

/// Silent connections held by helper processes, so that a crowd can be larger than one
/// process's file limit. Each helper is this same executable, run with `args` so that
/// it calls [`hold_if_asked`]; dropping the crowd ends them.
pub struct Crowd {
    helpers: Vec<Child>,
    pub held: usize,
}

impl Crowd {
    pub fn open(addr: SocketAddr, count: usize, per_process: usize, args: &[&str]) -> Crowd {
        use std::io::BufRead;
        let mut helpers = Vec::new();
        let mut held = 0;
        let mut first = 0;
        while first < count {
            let n = per_process.min(count - first);
            let mut child = Command::new(std::env::current_exe().unwrap())
                .args(args)
                .env(HOLD, format!("{addr} {n} {first}"))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            for line in std::io::BufReader::new(stdout).lines() {
                let line = line.unwrap();
                if let Some(n) = line.strip_prefix("held ") {
                    held += n.trim().parse::<usize>().unwrap();
                    break;
                }
            }
            helpers.push(child);
            first += n;
        }
        Crowd { helpers, held }
    }
}

impl Drop for Crowd {
    fn drop(&mut self) {
        for helper in &mut self.helpers {
            let _ = helper.kill();
            let _ = helper.wait();
        }
    }
}

/// In a helper started by [`Crowd::open`]: opens the connections, says how many, and
/// holds them until the parent ends it (or two minutes pass). Elsewhere: returns.
pub fn hold_if_asked() {
    let Ok(spec) = std::env::var(HOLD) else {
        return;
    };
    let mut parts = spec.split(' ');
    let addr: SocketAddr = parts.next().unwrap().parse().unwrap();
    let count: usize = parts.next().unwrap().parse().unwrap();
    let first: usize = parts.next().unwrap().parse().unwrap();
    raise_own_file_limit(count as u64 + 256);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let held = open_silent(addr, count, first).await;
        println!("held {}", held.len());
        // Until the parent kills this process; bounded in case it never does.
        tokio::time::sleep(Duration::from_secs(120)).await;
        drop(held);
    });
    std::process::exit(0);
}
