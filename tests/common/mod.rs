//! Shared set-up for the integration tests: a fresh book in a temp folder,
//! on a manual clock, and a dump of every table to prove refusals change nothing.

#![allow(dead_code)] // each test file uses a different part of this module

use chrono::{TimeZone, Utc};
use kontor::business::SetupInput;
use kontor::staff::{Actor, NewStaffMember, Role, SignedInUser};
use kontor::{Clock, Kontor};
use sqlx::Row;
use tempfile::TempDir;

pub struct Book {
    pub kontor: Kontor,
    pub clock: Clock,
    pub dir: TempDir,
}

pub async fn new_book() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap());
    let kontor = Kontor::open_with_clock(dir.path(), clock.clone()).await.unwrap();
    Book { kontor, clock, dir }
}

/// A book that has been through first-run setup; returns its owner.
pub async fn set_up_book() -> (Book, SignedInUser) {
    let book = new_book().await;
    let owner = book
        .kontor
        .set_up(SetupInput {
            business_name: "Berg Hardware".into(),
            base_currency: "EUR".into(),
            owner_name: "Anna Berg".into(),
            username: "anna".into(),
            password: "owner-pass-1".into(),
        })
        .await
        .unwrap();
    (book, owner)
}

pub async fn add(kontor: &Kontor, by: &Actor, username: &str, role: Role) -> kontor::staff::StaffMember {
    kontor
        .add_staff(
            by,
            NewStaffMember {
                name: format!("{username} Test"),
                username: username.into(),
                role,
                password: format!("{username}-pass-1"),
            },
        )
        .await
        .unwrap()
}

/// Every row of every table, in order: equal dumps mean nothing changed.
pub async fn dump(kontor: &Kontor) -> String {
    let pool = kontor.store().pool();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = String::new();
    for table in tables {
        let sql = format!("SELECT * FROM \"{table}\" ORDER BY rowid");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await.unwrap();
        out.push_str(&format!("== {table}\n"));
        for row in rows {
            let cells: Vec<String> = (0..row.len())
                .map(|i| {
                    row.try_get::<Option<String>, _>(i)
                        .map(|v| format!("{v:?}"))
                        .or_else(|_| row.try_get::<Option<i64>, _>(i).map(|v| format!("{v:?}")))
                        .or_else(|_| row.try_get::<Option<Vec<u8>>, _>(i).map(|v| format!("{v:?}")))
                        .unwrap()
                })
                .collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}
