//! The SQLite store: opening (or creating) `kontor.db` safely, and the one
//! way to start a write transaction. Store functions for each table live in
//! their area's module and take a `&mut SqliteConnection`, so a service can
//! compose several of them into one transaction.

mod backup;
mod data_dir;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, Transaction};

use crate::error::{Error, Result};

pub use backup::{backups_dir, latest_backup, list_backups, restore_latest_backup};
pub use data_dir::default_data_dir;
pub use schema::supported_schema_version;

pub const DATABASE_FILE: &str = "kontor.db";

/// How long a writer waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections for reading (the writer has its own).
const READERS: u32 = 4;

/// How much of the file is read through a memory map (SQLite's mmap_size).
const MMAP_BYTES: u64 = 1 << 30;

/// Rows one multi-row statement writes or looks up at most. SQLite takes up
/// to 32,766 bound values per statement, and a row here binds up to 11, so a
/// 5,000-line order goes in several statements rather than fail.
pub(crate) const ROWS_PER_STATEMENT: usize = 500;

/// An open, migrated Kontor database: connections for reading, and one
/// for writing that every write transaction of this process takes in turn.
/// SQLite allows one writer at a time anyway; keeping the writes on one
/// connection keeps its page cache valid between them, where a connection
/// that sees another's commit must drop its cache (and memory map) and read
/// the pages again — on a large book that cost more than the commit itself.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    writer: SqlitePool,
    path: PathBuf,
}

impl Store {
    /// Opens `kontor.db` in `data_dir`, creating both if missing. An existing
    /// database is checked (a SQLite file, not from a newer Kontor) and backed
    /// up to `backups/` before any migration touches it.
    pub async fn open(data_dir: &Path, now: DateTime<Utc>) -> Result<Store> {
        Store::open_with(data_dir, now, &schema::MIGRATOR).await
    }

    /// `open` with another set of migrations: lets tests play an older or
    /// newer Kontor against the same file.
    pub async fn open_with(data_dir: &Path, now: DateTime<Utc>, migrator: &Migrator) -> Result<Store> {
        data_dir::ensure_writable(data_dir)?;
        let path = data_dir.join(DATABASE_FILE);
        let existed = path.exists();
        if existed {
            data_dir::check_sqlite_header(&path)?;
        }
        let pool = connect(&path, READERS).await?;
        // All the checks on one connection: the pool hands a connection back
        // on a spawned task, so back-to-back pool queries would each open a
        // fresh one (about 2 ms apiece, most of a CLI command's start).
        let mut conn = pool.acquire().await.map_err(|error| classify_open_error(error, &path))?;
        schema::probe(&mut conn, &path).await?;
        let pending = schema::pending_migrations(&mut conn, &path, migrator).await?;
        if existed && pending.has_applied_before && pending.count > 0 {
            backup::write_backup(&mut conn, data_dir, now).await?;
        }
        schema::migrate(&mut conn, migrator).await?;
        // Back to the pool now rather than from a task, so the next query reuses it.
        conn.return_to_pool().await;
        // Opened at the first write: a command that only reads never pays for it.
        let writer = pool_options(1).connect_lazy_with(connect_options(&path));
        Ok(Store { pool, writer, path })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder the database lives in (event files and backups go beside it).
    pub fn data_dir(&self) -> &Path {
        self.path.parent().expect("the database file is inside the data folder")
    }

    /// Starts a write transaction with `BEGIN IMMEDIATE`: it takes the write
    /// lock up front, so a transaction that reads then writes waits on
    /// `busy_timeout` for another writer instead of failing half-way.
    pub async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Applied schema version (the newest migration in the file).
    pub async fn schema_version(&self) -> Result<i64> {
        schema::applied_version(&self.pool).await
    }

    /// How many records of each kind the book holds (`kontor info`).
    pub async fn counts(&self) -> Result<RecordCounts> {
        let (users, active_users, history_entries) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM users),
                    (SELECT count(*) FROM users WHERE active = 1 AND deleted_at IS NULL),
                    (SELECT count(*) FROM history)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(RecordCounts { users, active_users, history_entries })
    }

    /// Closes every connection, checkpointing the WAL into the main file.
    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordCounts {
    pub users: i64,
    pub active_users: i64,
    pub history_entries: i64,
}

/// WAL for concurrent readers; `synchronous=FULL` on every write because
/// Kontor posts money (invoices, payments) and a lost commit after a power
/// cut is worse than the fsync it costs.
async fn connect(path: &Path, connections: u32) -> Result<SqlitePool> {
    pool_options(connections)
        .connect_with(connect_options(path))
        .await
        .map_err(|error| classify_open_error(error, path))
}

fn connect_options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        // Reads through a memory map share the OS page cache across the
        // pool's connections; without it each connection re-reads pages with
        // syscalls after another connection wrote (WAL resets its cache).
        .pragma("mmap_size", MMAP_BYTES.to_string())
}

fn pool_options(connections: u32) -> SqlitePoolOptions {
    SqlitePoolOptions::new()
        .max_connections(connections)
        // A local file cannot drop a connection the way a server can; the
        // ping before every acquire would only add a round trip per transaction.
        .test_before_acquire(false)
}

/// Turns SQLite's refusal to open a file into the error a user can act on.
pub(crate) fn classify_open_error(error: sqlx::Error, path: &Path) -> Error {
    let code = match &error {
        sqlx::Error::Database(db) => db.code().map(|code| code.into_owned()),
        _ => None,
    };
    let reason = match &error {
        sqlx::Error::Database(db) => db.message().to_string(),
        other => other.to_string(),
    };
    // SQLite primary result codes: 11 CORRUPT, 26 NOTADB, 8 READONLY, 14 CANTOPEN.
    match code.as_deref().and_then(|code| code.parse::<i32>().ok()).map(|code| code & 0xff) {
        Some(11 | 26) => Error::DatabaseCorrupt { path: path.to_path_buf(), reason },
        Some(8 | 14) => Error::DataDirNotWritable { path: path.to_path_buf(), reason },
        _ => Error::Database(error),
    }
}
