//! Kontor's core: the rules of the shop, the store they are kept in, and the
//! services both front ends (desktop and CLI) call. Nothing here knows which
//! front end is calling; nothing here imports Tauri.

pub mod attachments;
pub mod benchmark;
pub mod business;
pub mod clock;
pub mod customers;
pub mod demo;
pub mod error;
pub mod history;
pub mod housekeeping;
pub mod invoices;
pub mod mail;
pub mod money;
pub mod orders;
pub mod pdf;
pub mod print;
pub mod products;
pub mod queues;
pub mod rates;
pub mod reports;
pub mod search;
pub mod session;
pub mod settings;
pub mod staff;
pub mod store;
pub mod validate;

use std::path::Path;

use chrono::{DateTime, Utc};

pub use clock::Clock;
pub use error::{Error, Result};
use store::Store;

/// An open Kontor book: the store plus the clock its services read.
/// Services are methods on it, one transaction each, grouped by area
/// (`staff::service`, `business`, …).
#[derive(Clone, Debug)]
pub struct Kontor {
    store: Store,
    clock: Clock,
}

impl Kontor {
    /// Opens (creating and migrating if needed) the database in `data_dir`.
    pub async fn open(data_dir: &Path) -> Result<Kontor> {
        Kontor::open_with_clock(data_dir, Clock::system()).await
    }

    pub async fn open_with_clock(data_dir: &Path, clock: Clock) -> Result<Kontor> {
        let store = Store::open(data_dir, clock.now()).await?;
        if reports::rollup::rebuild_asked(store.pool()).await? {
            let mut tx = store.write().await?;
            reports::rollup::rebuild_if_asked(&mut tx).await?;
            tx.commit().await?;
        }
        Ok(Kontor { store, clock })
    }

    /// The same book seen through another clock (demo data is entered "in the past").
    pub fn with_clock(&self, clock: Clock) -> Kontor {
        Kontor { store: self.store.clone(), clock }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}
