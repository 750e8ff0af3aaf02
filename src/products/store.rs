//! SQL for `products` and their price history (`product_prices`), and for
//! reading back stock movements. Every function takes a connection so
//! services can compose them into one transaction.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{Product, ProductPage};
use crate::error::{Error, Result};
use crate::money::{Amount, TaxRate};

/// The editable columns, checked and ready to store (money as INTEGER
/// ten-thousandths).
pub(super) struct ProductFields {
    pub name: String,
    pub unit_price: i64,
    pub cost: i64,
    pub tax_rate: i64,
    pub reorder_level: i64,
    pub allow_backorder: bool,
    pub active: bool,
    pub notes: String,
}

/// How a list narrows the catalogue; `search` is matched as a SKU prefix or
/// a name fragment.
pub(super) struct ProductFilter<'a> {
    pub search: Option<&'a str>,
    pub low_stock_only: bool,
    pub active_only: bool,
}

#[derive(sqlx::FromRow)]
struct ProductRow {
    id: i64,
    sku: String,
    name: String,
    unit_price: i64,
    cost: i64,
    tax_rate: i64,
    stock: i64,
    reorder_level: i64,
    allow_backorder: bool,
    active: bool,
    notes: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    deleted_at: Option<DateTime<Utc>>,
}

impl From<ProductRow> for Product {
    fn from(row: ProductRow) -> Product {
        Product {
            id: row.id,
            sku: row.sku,
            name: row.name,
            unit_price: Amount::from_storage(row.unit_price),
            cost: Amount::from_storage(row.cost),
            tax_rate: TaxRate::from_storage(row.tax_rate),
            stock: row.stock,
            reorder_level: row.reorder_level,
            allow_backorder: row.allow_backorder,
            active: row.active,
            low_stock: row.stock <= row.reorder_level,
            notes: row.notes,
            created_at: row.created_at,
            updated_at: row.updated_at,
            deleted_at: row.deleted_at,
        }
    }
}

/// The columns `ProductRow` reads, spelled once (sqlx wants static SQL text).
macro_rules! product_columns {
    () => {
        "id, sku, name, unit_price, cost, tax_rate, stock, reorder_level, allow_backorder, active, notes,
         created_at, updated_at, deleted_at"
    };
}

macro_rules! select_products {
    ($($rest:tt)*) => {
        concat!("SELECT ", product_columns!(), " FROM products ", $($rest)*)
    };
}

/// The list filters every page and count applies: ?1 low stock only, ?2
/// active only.
macro_rules! live_filter {
    () => {
        "WHERE deleted_at IS NULL AND (?1 = 0 OR stock <= reorder_level) AND (?2 = 0 OR active = 1) "
    };
}

/// A search narrows the list to ids found through two indexes: the UNIQUE
/// NOCASE index on `sku` for the range ?3..?4 of SKUs starting with the text,
/// and the trigram index `products_search` for the phrase ?5 anywhere in the
/// name (any letter case, any script; 3 characters or more). Each side stops
/// at 1,000 matches: a text that broad is still being typed, and sorting and
/// counting a whole catalogue per keystroke would make typing lag.
macro_rules! search_filter {
    () => {
        concat!(
            live_filter!(),
            "AND id IN (SELECT id FROM (SELECT id FROM products WHERE sku >= ?3 AND sku < ?4 LIMIT 1000)
                        UNION SELECT rowid FROM (SELECT rowid FROM products_search WHERE products_search MATCH ?5
                                                 LIMIT 1000)) "
        )
    };
}

/// Binds ?1..?5 of the filters above (the search terms are NULL when browsing).
macro_rules! bind_filter {
    ($query:expr, $filter:expr, $terms:expr) => {
        $query
            .bind($filter.low_stock_only)
            .bind($filter.active_only)
            .bind($terms.as_ref().map(|terms| terms.from))
            .bind($terms.as_ref().map(|terms| terms.to.as_str()))
            .bind($terms.as_ref().map(|terms| terms.pattern.as_str()))
    };
}

pub(super) async fn insert_product(
    conn: &mut SqliteConnection,
    sku: &str,
    fields: &ProductFields,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO products (sku, name, unit_price, cost, tax_rate, stock, reorder_level, allow_backorder, active,
                               notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(sku)
    .bind(&fields.name)
    .bind(fields.unit_price)
    .bind(fields.cost)
    .bind(fields.tax_rate)
    .bind(fields.reorder_level)
    .bind(fields.allow_backorder)
    .bind(fields.active)
    .bind(&fields.notes)
    .bind(now)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

pub(super) async fn update_product(
    conn: &mut SqliteConnection,
    id: i64,
    fields: &ProductFields,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE products SET name = ?, unit_price = ?, cost = ?, tax_rate = ?, reorder_level = ?, allow_backorder = ?,
                             active = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&fields.name)
    .bind(fields.unit_price)
    .bind(fields.cost)
    .bind(fields.tax_rate)
    .bind(fields.reorder_level)
    .bind(fields.allow_backorder)
    .bind(fields.active)
    .bind(&fields.notes)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub(super) async fn delete_product(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE products SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(now)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A product by id, deleted or not: orders that sold it still show it.
pub(super) async fn get_product(conn: &mut SqliteConnection, id: i64) -> Result<Product> {
    sqlx::query_as::<_, ProductRow>(select_products!("WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(Product::from)
        .ok_or_else(|| not_found(id.to_string()))
}

/// A product that has not been deleted, for changing it.
pub(super) async fn get_live_product(conn: &mut SqliteConnection, id: i64) -> Result<Product> {
    let product = get_product(conn, id).await?;
    match product.deleted_at {
        None => Ok(product),
        Some(_) => Err(not_found(id.to_string())),
    }
}

/// A product by SKU in any letter case, deleted or not (a SKU is never reused).
pub(super) async fn find_by_sku(conn: &mut SqliteConnection, sku: &str) -> Result<Option<Product>> {
    Ok(find_by_skus(conn, &[sku]).await?.pop())
}

/// The products with any of these SKUs (any letter case), deleted or not, in
/// no particular order: one query for all the lines of an order (up to
/// `ROWS_PER_STATEMENT` of them).
pub(super) async fn find_by_skus(conn: &mut SqliteConnection, skus: &[&str]) -> Result<Vec<Product>> {
    let mut found = Vec::with_capacity(skus.len());
    for chunk in skus.chunks(crate::store::ROWS_PER_STATEMENT) {
        let mut query = QueryBuilder::<Sqlite>::new(select_products!("WHERE sku IN ("));
        let mut list = query.separated(", ");
        for sku in chunk {
            list.push_bind(*sku);
        }
        query.push(")");
        let rows: Vec<ProductRow> = query.build_query_as().fetch_all(&mut *conn).await?;
        found.extend(rows.into_iter().map(Product::from));
    }
    Ok(found)
}

/// A product row with the number of rows the whole search matched.
#[derive(sqlx::FromRow)]
struct SearchRow {
    #[sqlx(flatten)]
    product: ProductRow,
    total: i64,
}

/// One page of products by SKU, and how many match in all.
pub(super) async fn list_products(
    conn: &mut SqliteConnection,
    filter: &ProductFilter<'_>,
    offset: u32,
    limit: u32,
) -> Result<ProductPage> {
    let terms = filter.search.map(SearchTerms::new);
    if terms.is_none() {
        // Browsing walks the SKU index and stops after the page.
        let rows = bind_filter!(
            sqlx::query_as::<_, ProductRow>(select_products!(live_filter!(), "ORDER BY sku LIMIT ?6 OFFSET ?7")),
            filter,
            terms
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *conn)
        .await?;
        let total =
            bind_filter!(sqlx::query_scalar(concat!("SELECT count(*) FROM products ", live_filter!())), filter, terms)
                .fetch_one(conn)
                .await?;
        return Ok(ProductPage { items: rows.into_iter().map(Product::from).collect(), total });
    }
    // Counting the matches in the same pass (a window over them) saves a
    // second scan of the name index.
    let rows = bind_filter!(
        sqlx::query_as::<_, SearchRow>(concat!(
            "SELECT ",
            product_columns!(),
            ", count(*) OVER () AS total FROM products ",
            search_filter!(),
            "ORDER BY sku LIMIT ?6 OFFSET ?7"
        )),
        filter,
        terms
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let total = match rows.first() {
        Some(row) => row.total,
        None if offset == 0 => 0,
        // A page past the end has no row to carry the total.
        None => {
            bind_filter!(sqlx::query_scalar(concat!("SELECT count(*) FROM products ", search_filter!())), filter, terms)
                .fetch_one(conn)
                .await?
        }
    };
    Ok(ProductPage { items: rows.into_iter().map(|row| Product::from(row.product)).collect(), total })
}

/// What a search text is matched against.
struct SearchTerms<'a> {
    /// SKUs from the text up to (not including) the text + U+10FFFF hold
    /// every SKU starting with it, compared NOCASE like the column.
    from: &'a str,
    to: String,
    /// The text as one full-text phrase (quotes doubled, so it is never syntax).
    pattern: String,
}

impl<'a> SearchTerms<'a> {
    fn new(text: &'a str) -> SearchTerms<'a> {
        SearchTerms {
            from: text,
            to: format!("{text}\u{10FFFF}"),
            pattern: format!("\"{}\"", text.replace('"', "\"\"")),
        }
    }
}

pub(super) fn not_found(key: String) -> Error {
    Error::NotFound { entity: "product", key }
}
