//! One place for every setting: flags, each with an environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "treatment-navigator",
    version,
    about = "Treatment Navigator: information about treatment for opioid addiction"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import the content and serve the app (what runs when no command is given).
    Serve,
    /// Validate the content files and exit: 0 when all are good, 1 with the errors otherwise.
    CheckContent {
        /// The content folder (default: --content).
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "LISTEN", default_value = "127.0.0.1:3000", global = true)]
    pub listen: SocketAddr,
    /// SQLite database: a `sqlite:` URL or a file path. Created if missing.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite:data/treatment-navigator.sqlite3",
        global = true
    )]
    pub database: String,
    /// Days a saved assessment is kept before it is deleted.
    #[arg(long, env = "RETENTION_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650), global = true)]
    pub retention_days: u32,
    /// Folder of content files to import at start-up.
    #[arg(
        long = "content",
        env = "CONTENT_DIR",
        default_value = "content",
        global = true
    )]
    pub content_dir: PathBuf,
    /// Host names this server answers to, with or without a port (repeatable; the env
    /// variable takes a comma-separated list). A request for any other `Host` gets 400,
    /// which stops DNS-rebinding pages from reaching a server on a private address.
    /// Default: the listen address, `localhost` and `127.0.0.1`, each with the port.
    #[arg(
        long = "public-host",
        env = "PUBLIC_HOST",
        value_delimiter = ',',
        global = true
    )]
    pub public_hosts: Vec<String>,
    /// Assessments one client address may save per minute; 0 turns the limit off.
    #[arg(
        long,
        env = "SAVE_RATE_PER_MINUTE",
        default_value_t = 30,
        global = true
    )]
    pub save_rate_per_minute: u32,
    /// Behind a reverse proxy: the request header that carries the client's address
    /// (e.g. `X-Forwarded-For`; its last address is used, the one the proxy added).
    /// Trusted only when set; otherwise the connection's own address is used.
    #[arg(long, env = "CLIENT_IP_HEADER", global = true)]
    pub client_ip_header: Option<String>,
    /// `/healthz` fails when the database's disk has less free space than this, in MB.
    #[arg(long, env = "MIN_FREE_DISK_MB", default_value_t = 64, global = true)]
    pub min_free_disk_mb: u64,
    /// Open connections at most. Default: the open-file limit (raised to its hard limit
    /// at start-up) less a reserve for the database and logs.
    #[arg(long, env = "MAX_CONNECTIONS", global = true)]
    pub max_connections: Option<usize>,
    /// Seconds a client has to send its request headers; also how long an idle
    /// keep-alive connection is kept.
    #[arg(long, env = "HEADER_TIMEOUT_SECS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=300), global = true)]
    pub header_timeout_secs: u64,
}

impl Config {
    /// The host names to accept: the configured ones, or the defaults for the listen
    /// address. Lower-cased, so the check can compare without folding each request.
    pub fn allowed_hosts(&self) -> Vec<String> {
        let names = if self.public_hosts.is_empty() {
            let port = self.listen.port();
            vec![
                self.listen.to_string(),
                format!("localhost:{port}"),
                format!("127.0.0.1:{port}"),
                format!("[::1]:{port}"),
            ]
        } else {
            self.public_hosts.clone()
        };
        let mut hosts: Vec<String> = Vec::new();
        for name in names {
            let name = name.trim().to_ascii_lowercase();
            if !name.is_empty() && !hosts.contains(&name) {
                hosts.push(name);
            }
        }
        hosts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_hosts_are_repeatable_and_comma_separated() {
        let cli = Cli::parse_from([
            "treatment-navigator",
            "--public-host",
            "navigator.example.org",
            "--public-host",
            "Intake.Example.org:8443, localhost:3000",
        ]);
        assert_eq!(
            cli.config.allowed_hosts(),
            [
                "navigator.example.org",
                "intake.example.org:8443",
                "localhost:3000"
            ]
        );
        let defaults = Cli::parse_from(["treatment-navigator", "--listen", "127.0.0.1:4000"]);
        assert_eq!(
            defaults.config.allowed_hosts(),
            ["127.0.0.1:4000", "localhost:4000", "[::1]:4000"]
        );
        assert_eq!(defaults.config.save_rate_per_minute, 30);
        assert_eq!(defaults.config.header_timeout_secs, 5);
        assert!(defaults.config.client_ip_header.is_none());
    }
}
