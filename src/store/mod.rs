//! Everything that talks to SQLite: the pool, the content tables, search, saved
//! assessments, and the checks `/healthz` makes.
//!
//! Every write goes through [`write`]: an explicit transaction whose `commit()` is
//! awaited and checked, on a connection that is closed, not reused, if anything fails.
//! An `INSERT … RETURNING` read with `fetch_one` in autocommit mode would commit only
//! when sqlx resets the statement, and sqlx drops the error of that reset: a failed
//! write would look saved. `tests::every_write_is_in_a_checked_transaction` keeps it so.

pub mod assessments;
pub mod content;
pub mod search;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};

/// After a checkpoint, SQLite truncates the write-ahead log back to this size, so a burst
/// of saves cannot leave a large file behind.
pub const WAL_SIZE_LIMIT: u64 = 8 * 1024 * 1024;

/// The connection settings for `url` (a `sqlite:` URL or a file path). WAL lets readers
/// go on while a write commits; FULL sync means a write that returned has reached the
/// disk. Tests add pragmas to these (a page limit, read-only) to make writes fail.
pub fn options(url: &str) -> Result<SqliteConnectOptions, sqlx::Error> {
    let url = if url.starts_with("sqlite:") {
        url.to_string()
    } else {
        format!("sqlite:{url}")
    };
    Ok(SqliteConnectOptions::from_str(&url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        .pragma("journal_size_limit", WAL_SIZE_LIMIT.to_string()))
}

/// Runs `work` in a transaction and commits it; `Ok` only once the commit has succeeded.
///
/// When anything fails, the connection is closed instead of going back to the pool.
/// After a failed COMMIT, SQLite may or may not have rolled the transaction back, and
/// sqlx's count of open transactions on that connection can be left wrong: reused, the
/// connection could open the next save as a savepoint inside a dead transaction, whose
/// "commit" stores nothing while holding the write lock from everyone else.
pub async fn write<T>(
    pool: &SqlitePool,
    work: impl AsyncFnOnce(&mut SqliteConnection) -> Result<T, sqlx::Error>,
) -> Result<T, sqlx::Error> {
    let mut connection = pool.acquire().await?;
    let done = async {
        let mut tx = sqlx::Connection::begin(&mut *connection).await?;
        let value = work(&mut tx).await?;
        tx.commit().await?;
        Ok(value)
    }
    .await;
    if done.is_err() {
        connection.close_on_drop();
    }
    done
}

/// Opens (creating if needed) the database and brings its schema up to date.
pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    let pool = open(options(url)?).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// A pool over `options`, without migrating: for a database `connect` has prepared.
pub async fn open(options: SqliteConnectOptions) -> Result<SqlitePool, sqlx::Error> {
    if let Some(dir) = options.get_filename().parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
    }
    SqlitePoolOptions::new()
        .max_connections(8)
        .min_connections(1)
        .connect_with(options)
        .await
}

/// The folder that holds the database file, for measuring its free space (`None` for
/// an in-memory database).
pub fn database_dir(url: &str) -> Option<PathBuf> {
    let options = options(url).ok()?;
    let file = options.get_filename();
    if file.as_os_str().is_empty() || file == Path::new(":memory:") {
        return None;
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    Some(if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir.to_path_buf()
    })
}

/// Bytes free for an unprivileged writer on the file system that holds `dir`.
pub fn free_bytes(dir: &Path) -> std::io::Result<u64> {
    let stat = rustix::fs::statvfs(dir)?;
    Ok(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// Proves that a write can commit: overwrites the one row of `health` in a transaction
/// and checks its commit, as a save does. Answers fail here when the database is
/// read-only, locked for longer than the busy timeout, or its disk refuses the log.
pub async fn check_write(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    write(pool, async |tx| {
        sqlx::query!(
            "INSERT INTO health (id, checked_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
             ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at"
        )
        .execute(&mut *tx)
        .await
        .map(|_| ())
    })
    .await
}

/// What a checkpoint did, in pages of the write-ahead log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// True when a reader or writer kept it from finishing.
    pub busy: bool,
    pub log_pages: i64,
    pub checkpointed_pages: i64,
}

/// Copies everything in the write-ahead log into the database file and empties the log.
/// SQLite does this on its own every 1,000 pages; this also shrinks the file, and runs
/// from the maintenance task so the log never outgrows its limit for long.
pub async fn checkpoint(pool: &SqlitePool) -> Result<Checkpoint, sqlx::Error> {
    let (busy, log_pages, checkpointed_pages): (i64, i64, i64) =
        sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(pool)
            .await?;
    Ok(Checkpoint {
        busy: busy != 0,
        log_pages,
        checkpointed_pages,
    })
}

#[cfg(test)]
mod tests {
    /// Source text of every module that runs SQL.
    const STORE_SOURCES: [(&str, &str); 4] = [
        ("store/mod.rs", include_str!("mod.rs")),
        ("store/assessments.rs", include_str!("assessments.rs")),
        ("store/content.rs", include_str!("content.rs")),
        ("store/search.rs", include_str!("search.rs")),
    ];

    /// A lint over our own SQL: no `RETURNING` at all, and every statement that writes
    /// (INSERT, UPDATE, DELETE, REPLACE) runs on a transaction (`&mut *tx`) inside
    /// [`super::write`], which commits it and checks the commit.
    #[test]
    fn every_write_is_in_a_checked_transaction() {
        let mut writes = 0;
        let write =
            &STORE_SOURCES[0].1[STORE_SOURCES[0].1.find("pub async fn write<T>").unwrap()..];
        let write = &write[..write.find("\n}").unwrap()];
        assert!(
            write.contains("tx.commit().await?"),
            "write() checks its commit"
        );
        assert!(
            write.contains("close_on_drop()"),
            "write() discards a failed connection"
        );
        for (file, source) in STORE_SOURCES {
            let code: String = source
                .split("#[cfg(test)]")
                .next()
                .unwrap()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .map(|line| format!("{line}\n"))
                .collect();
            let code = code.as_str();
            assert!(
                !code.to_ascii_uppercase().contains("RETURNING"),
                "{file}: `RETURNING` read in autocommit loses commit errors; select after the write inside the transaction instead"
            );
            for (at, _) in code.match_indices("sqlx::query") {
                let statement = &code[at..];
                let end = statement.find(".await").expect("a query is awaited");
                let statement = &statement[..end];
                let sql = statement.to_ascii_uppercase();
                let is_write = ["INSERT ", "UPDATE ", "DELETE ", "REPLACE "]
                    .iter()
                    .any(|w| sql.contains(w));
                if !is_write {
                    continue;
                }
                writes += 1;
                assert!(
                    statement.contains("(&mut *tx)"),
                    "{file}: a write outside a transaction: {statement}"
                );
                // The enclosing top-level function: from its `fn` to its closing brace.
                let start = code[..at].rfind("fn ").unwrap();
                let end = at + code[at..].find("\n}").unwrap_or(code.len() - at);
                let function = &code[start..end];
                assert!(
                    function.contains("write(pool, async |tx|"),
                    "{file}: a write outside `store::write`, which commits and checks: {statement}"
                );
            }
        }
        assert!(
            writes >= 5,
            "found only {writes} writes: the lint is not reading the SQL"
        );
    }
}
