//! Reading invoices: the list (filtered and paged in SQL, for a virtualised
//! table), one document with its credit notes, and its PDF.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use ts_rs::TS;

use super::status::{InvoiceStatus, select_documents};
use super::{InvoiceDetail, InvoiceKind, InvoiceSummary, pdf, profile, store};
use crate::Kontor;
use crate::error::Result;
use crate::money::Amount;
use crate::search::{contains_pattern, page_size, search_text};
use crate::staff::{Actor, Permission};

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoiceQuery {
    pub kind: Option<InvoiceKind>,
    pub status: Option<InvoiceStatus>,
    pub overdue_only: bool,
    /// Issued on or after this day.
    pub from: Option<NaiveDate>,
    /// Issued on or before this day.
    pub to: Option<NaiveDate>,
    /// Invoice number, order number or customer name contains this.
    pub search: Option<String>,
    pub offset: u32,
    /// 1 to 500.
    pub limit: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InvoicePage {
    pub items: Vec<InvoiceSummary>,
    #[ts(type = "number")]
    pub total: i64,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    kind: String,
    number: String,
    order_number: String,
    customer_name: String,
    issued_on: NaiveDate,
    due_on: NaiveDate,
    currency: String,
    amount_total: i64,
    amount_credited: i64,
    amount_paid: i64,
    status: String,
    overdue: bool,
}

impl SummaryRow {
    fn into_summary(self) -> Result<InvoiceSummary> {
        Ok(InvoiceSummary {
            id: self.id,
            kind: InvoiceKind::parse(&self.kind)?,
            number: self.number,
            order_number: self.order_number,
            customer_name: self.customer_name,
            issued_on: self.issued_on,
            due_on: self.due_on,
            currency: self.currency,
            amount_total: Amount::from_storage(self.amount_total),
            amount_credited: Amount::from_storage(self.amount_credited),
            amount_paid: Amount::from_storage(self.amount_paid),
            status: InvoiceStatus::parse(&self.status)?,
            overdue: self.overdue,
        })
    }
}

impl Kontor {
    /// One page of invoices and credit notes, newest first.
    pub async fn list_invoices(&self, actor: &Actor, query: &InvoiceQuery) -> Result<InvoicePage> {
        actor.require(Permission::IssueInvoices)?;
        let limit = page_size(query.limit)?;
        let today = self.now().date_naive();
        let mut conn = self.store().pool().acquire().await?;
        let mut count = select_documents("SELECT count(*) FROM (", today);
        push_filters(&mut count, query);
        count.push(")");
        let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
        let mut page = select_documents("", today);
        push_filters(&mut page, query);
        page.push(" ORDER BY issued_on DESC, id DESC LIMIT ").push_bind(i64::from(limit));
        page.push(" OFFSET ").push_bind(i64::from(query.offset));
        let rows: Vec<SummaryRow> = page.build_query_as().fetch_all(&mut *conn).await?;
        let items = rows.into_iter().map(SummaryRow::into_summary).collect::<Result<_>>()?;
        Ok(InvoicePage { items, total })
    }

    /// One invoice or credit note by number (or id), with its related documents.
    pub async fn invoice_detail(&self, actor: &Actor, key: &str) -> Result<InvoiceDetail> {
        actor.require(Permission::IssueInvoices)?;
        let mut conn = self.store().pool().acquire().await?;
        detail(&mut conn, key, self.now().date_naive()).await
    }

    /// The document's PDF: rendered from its snapshot, the same bytes every time.
    pub async fn invoice_pdf(&self, actor: &Actor, key: &str) -> Result<Vec<u8>> {
        actor.require(Permission::IssueInvoices)?;
        let mut conn = self.store().pool().acquire().await?;
        pdf_of(&mut conn, key).await
    }
}

/// How many invoices are overdue on `today` (the dashboard's widget; the
/// list's "Overdue only" shows the same ones).
pub(crate) async fn overdue_count(conn: &mut SqliteConnection, today: NaiveDate) -> Result<i64> {
    let mut sql = select_documents("SELECT count(*) FROM (", today);
    sql.push(" AND overdue)");
    Ok(sql.build_query_scalar().fetch_one(conn).await?)
}

pub(super) async fn pdf_of(conn: &mut SqliteConnection, key: &str) -> Result<Vec<u8>> {
    let (_, _, snapshot) = store::find(conn, key).await?;
    let logo = match snapshot.logo_id {
        Some(id) => Some(profile::logo_bytes(conn, id).await?),
        None => None,
    };
    pdf::render(&snapshot, logo.as_deref())
}

pub(super) async fn detail(conn: &mut SqliteConnection, key: &str, today: NaiveDate) -> Result<InvoiceDetail> {
    let (id, kind, snapshot) = store::find(conn, key).await?;
    let invoice = summary_where(conn, today, "id = (", id).await?.remove(0);
    let related = match kind {
        InvoiceKind::Invoice => {
            summary_where(conn, today, "id IN (SELECT id FROM invoices WHERE invoice_id = ", id).await?
        }
        InvoiceKind::CreditNote => {
            summary_where(conn, today, "id = (SELECT invoice_id FROM invoices WHERE id = ", id).await?
        }
    };
    Ok(InvoiceDetail { invoice, snapshot, related })
}

async fn summary_where(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    condition: &str,
    id: i64,
) -> Result<Vec<InvoiceSummary>> {
    let mut sql = select_documents("", today);
    sql.push(" AND ").push(condition).push_bind(id).push(") ORDER BY id");
    let rows: Vec<SummaryRow> = sql.build_query_as().fetch_all(conn).await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// Appends ` AND …` for each filter the query sets.
fn push_filters(sql: &mut QueryBuilder<Sqlite>, query: &InvoiceQuery) {
    if let Some(kind) = query.kind {
        sql.push(" AND kind = ").push_bind(kind.as_str());
    }
    if let Some(status) = query.status {
        sql.push(" AND status = ").push_bind(status.as_str());
    }
    if query.overdue_only {
        sql.push(" AND overdue");
    }
    if let Some(from) = query.from {
        sql.push(" AND issued_on >= ").push_bind(from);
    }
    if let Some(to) = query.to {
        sql.push(" AND issued_on <= ").push_bind(to);
    }
    if let Some(text) = search_text(query.search.as_deref()) {
        let pattern = contains_pattern(text);
        sql.push(" AND (number LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        sql.push(" OR order_number LIKE ").push_bind(pattern.clone()).push(" ESCAPE '\\'");
        sql.push(" OR customer_name LIKE ").push_bind(pattern).push(" ESCAPE '\\')");
    }
}
