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
}
