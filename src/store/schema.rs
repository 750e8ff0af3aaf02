//! Schema versions: the migrations embedded in this binary, what a database
//! file has applied, and the refusal to touch a file from a newer Kontor.

use std::path::Path;

use sqlx::migrate::Migrator;
use sqlx::{SqliteConnection, SqlitePool};

use crate::error::{Error, Result};

pub(super) static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The newest schema this build knows.
pub fn supported_schema_version() -> i64 {
    newest_version(&MIGRATOR)
}

fn newest_version(migrator: &Migrator) -> i64 {
    migrator.iter().map(|migration| migration.version).max().unwrap_or(0)
}

/// First read of an opened file: a damaged or foreign file fails here.
pub(super) async fn probe(conn: &mut SqliteConnection, path: &Path) -> Result<()> {
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(conn)
        .await
        .map(|_| ())
        .map_err(|error| super::classify_open_error(error, path))
}

pub(super) struct Pending {
    pub count: usize,
    pub has_applied_before: bool,
}

/// What `migrate` would do to this file; refuses files from a newer Kontor.
pub(super) async fn pending_migrations(
    conn: &mut SqliteConnection,
    path: &Path,
    migrator: &Migrator,
) -> Result<Pending> {
    let applied = applied_versions(conn).await?;
    let supported = newest_version(migrator);
    if let Some(&found) = applied.iter().find(|&&version| version > supported) {
        return Err(Error::DatabaseTooNew { path: path.to_path_buf(), found, supported });
    }
    let count = migrator.iter().filter(|migration| !applied.contains(&migration.version)).count();
    Ok(Pending { count, has_applied_before: !applied.is_empty() })
}

pub(super) async fn migrate(conn: &mut SqliteConnection, migrator: &Migrator) -> Result<()> {
    // `run_direct`: `run` with a borrowed connection trips the "`Send` is not
    // general enough" error in the app's async commands (sqlx says as much).
    migrator.run_direct(None, conn, false).await.map_err(|error| match error {
        sqlx::migrate::MigrateError::Execute(error) => Error::Database(error),
        other => Error::Database(sqlx::Error::Migrate(Box::new(other))),
    })
}

pub(super) async fn applied_version(pool: &SqlitePool) -> Result<i64> {
    let mut conn = pool.acquire().await?;
    Ok(applied_versions(&mut conn).await?.into_iter().max().unwrap_or(0))
}

async fn applied_versions(conn: &mut SqliteConnection) -> Result<Vec<i64>> {
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(&mut *conn)
    .await?;
    if !has_table {
        return Ok(Vec::new());
    }
    Ok(sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1").fetch_all(conn).await?)
}
