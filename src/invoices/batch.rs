//! Issuing (and optionally exporting the PDFs of) the invoices of every
//! order matching a filter, oldest first, reporting progress after each
//! chunk of orders and stopping cleanly when asked to. Orders are issued a chunk per
//! transaction: each number is still allocated inside the transaction that
//! stores its invoice, so a stop or failure leaves no gap.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{issue, query, store};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::orders::{self, OrderQuery};
use crate::staff::{Actor, Permission};

/// Orders per transaction: large enough that committing is not the cost.
const CHUNK: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    /// Which orders (its offset and limit are ignored: every match is taken).
    pub filter: OrderQuery,
    /// Write `<number>.pdf` for each invoice into this folder.
    pub out_dir: Option<PathBuf>,
}

/// An order the batch left alone, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SkippedOrder {
    pub order: String,
    pub code: String,
    pub message: String,
}

/// How far a batch is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BatchProgress {
    #[ts(type = "number")]
    pub done: usize,
    #[ts(type = "number")]
    pub total: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BatchSummary {
    #[ts(type = "number")]
    pub matched: usize,
    #[ts(type = "number")]
    pub issued: usize,
    /// Orders that already had an invoice (exported, not issued again).
    #[ts(type = "number")]
    pub existing: usize,
    pub skipped: Vec<SkippedOrder>,
    #[ts(type = "number")]
    pub exported: usize,
    /// Stopped on request before every order was done.
    pub cancelled: bool,
}

impl Kontor {
    /// `progress(done, total)` after each chunk; `cancel` is read before each order.
    pub async fn issue_invoices_batch(
        &self,
        actor: &Actor,
        options: &BatchOptions,
        mut progress: impl FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<BatchSummary> {
        actor.require(Permission::IssueInvoices)?;
        if let Some(dir) = &options.out_dir {
            std::fs::create_dir_all(dir).map_err(|source| Error::File {
                action: "create",
                path: dir.clone(),
                source,
            })?;
        }
        let order_ids = self.matching_orders(actor, &options.filter).await?;
        let mut summary = BatchSummary { matched: order_ids.len(), ..BatchSummary::default() };
        let mut done = 0;
        for chunk in order_ids.chunks(CHUNK) {
            let mut numbers = Vec::with_capacity(chunk.len());
            let mut tx = self.store().write().await?;
            for &order_id in chunk {
                if cancel.load(Ordering::Relaxed) {
                    summary.cancelled = true;
                    break;
                }
                let order = orders::get_order(&mut tx, order_id).await?;
                if let Some((_, number)) = store::invoice_of_order(&mut tx, order.id).await? {
                    summary.existing += 1;
                    numbers.push(number);
                } else if let Err(refusal) = issue::check_invoiceable(&order) {
                    let (code, message) = (refusal.code().to_string(), refusal.to_string());
                    summary.skipped.push(SkippedOrder { order: order.number, code, message });
                } else {
                    issue::issue_for(&mut tx, &order, actor, self.now()).await?;
                    summary.issued += 1;
                    numbers.push(store::invoice_of_order(&mut tx, order.id).await?.expect("just issued").1);
                }
            }
            tx.commit().await?;
            if let Some(dir) = &options.out_dir {
                let mut conn = self.store().pool().acquire().await?;
                for number in &numbers {
                    let pdf = query::pdf_of(&mut conn, number).await?;
                    let path = dir.join(format!("{number}.pdf"));
                    std::fs::write(&path, pdf).map_err(|source| Error::File { action: "write", path, source })?;
                    summary.exported += 1;
                }
            }
            done += chunk.len();
            progress(done.min(summary.matched), summary.matched);
            if summary.cancelled {
                break;
            }
        }
        Ok(summary)
    }

    /// Ids of every order the filter matches, oldest first (so numbers follow order dates).
    async fn matching_orders(&self, actor: &Actor, filter: &OrderQuery) -> Result<Vec<i64>> {
        let mut ids = Vec::new();
        let mut page_query = OrderQuery { offset: 0, limit: 500, ..filter.clone() };
        loop {
            let page = self.list_orders(actor, &page_query).await?;
            let count = page.items.len();
            ids.extend(page.items.into_iter().map(|order| order.id));
            if count < 500 {
                break;
            }
            page_query.offset += 500;
        }
        ids.reverse();
        Ok(ids)
    }
}
