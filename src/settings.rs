//! Settings beyond the business profile, kept as key/value rows: the transit
//! days after which a shipped order counts as delivered, and the webhook that
//! receives shipping events.

use serde::Serialize;
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change};
use crate::money::Amount;
use crate::orders::DEFAULT_TRANSIT_DAYS;
use crate::staff::{Actor, Permission};

const TRANSIT_DAYS: &str = "transit_days";
const SHIPPING_WEBHOOK: &str = "shipping_webhook_url";
const TIME_ZONE: &str = "time_zone";
const LARGE_ORDER_QUANTITY: &str = "large_order_quantity";
const LARGE_ORDER_AMOUNT: &str = "large_order_amount";

/// Until set: a line of 100 units or more, or a total over 1,000.00, is a large order.
pub const DEFAULT_LARGE_ORDER_QUANTITY: i64 = 100;
pub const DEFAULT_LARGE_ORDER_AMOUNT: &str = "1000.00";

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Days after shipping when an order is marked delivered automatically.
    #[ts(type = "number")]
    pub transit_days: i64,
    /// Where shipping events are POSTed besides the JSON Lines file; `None`: nowhere.
    pub shipping_webhook_url: Option<String>,
    /// The IANA time zone the business's days are counted in (reports, "today").
    pub time_zone: String,
    /// An open order with a line of at least this many units is a large order…
    #[ts(type = "number")]
    pub large_order_quantity: i64,
    /// …and so is one whose total (base currency, with tax) is over this.
    pub large_order_amount: Amount,
}

impl Kontor {
    pub async fn settings(&self) -> Result<Settings> {
        let mut conn = self.store().pool().acquire().await?;
        read(&mut conn).await
    }

    pub async fn set_transit_days(&self, actor: &Actor, days: i64) -> Result<Settings> {
        if !(0..=90).contains(&days) {
            return Err(Error::InvalidInput { field: "transitDays", reason: "must be between 0 and 90 days".into() });
        }
        self.write_setting(actor, TRANSIT_DAYS, &days.to_string()).await
    }

    /// Sets (or with an empty text, removes) the shipping-event webhook.
    pub async fn set_shipping_webhook(&self, actor: &Actor, url: &str) -> Result<Settings> {
        let url = url.trim();
        let has_host = |rest: &str| rest.split('/').next().is_some_and(|host| !host.is_empty());
        let valid = url.is_empty()
            || url.strip_prefix("http://").or_else(|| url.strip_prefix("https://")).is_some_and(has_host);
        if !valid {
            return Err(Error::InvalidInput {
                field: "shippingWebhookUrl",
                reason: format!("\"{url}\" is not an http:// or https:// address"),
            });
        }
        self.write_setting(actor, SHIPPING_WEBHOOK, url).await
    }

    /// Sets the time zone reports count days in, by its IANA name (Europe/Berlin).
    pub async fn set_time_zone(&self, actor: &Actor, name: &str) -> Result<Settings> {
        let zone = parse_time_zone(name)?;
        self.write_setting(actor, TIME_ZONE, zone.name()).await
    }

    /// Sets when an order counts as large (the Large orders queue).
    pub async fn set_large_order_thresholds(&self, actor: &Actor, quantity: i64, amount: Amount) -> Result<Settings> {
        if quantity < 1 {
            return Err(Error::InvalidInput {
                field: "largeOrderQuantity",
                reason: format!("must be at least 1 unit (got {quantity})"),
            });
        }
        if amount < Amount::ZERO {
            return Err(Error::InvalidInput {
                field: "largeOrderAmount",
                reason: format!("must not be negative (got {amount})"),
            });
        }
        amount.to_storage("largeOrderAmount")?;
        self.write_setting(actor, LARGE_ORDER_QUANTITY, &quantity.to_string()).await?;
        self.write_setting(actor, LARGE_ORDER_AMOUNT, &amount.to_string()).await
    }

    async fn write_setting(&self, actor: &Actor, key: &'static str, value: &str) -> Result<Settings> {
        actor.require(Permission::EditBusiness)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before: Option<String> =
            sqlx::query_scalar("SELECT value FROM settings WHERE key = ?").bind(key).fetch_optional(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
        )
        .bind(key)
        .bind(value)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            entity: "setting",
            entity_id: None,
            action: key,
            before: before.map(Into::into),
            after: Some(value.into()),
            actor,
            at: now,
        };
        history::record(&mut tx, change).await?;
        let settings = read(&mut tx).await?;
        tx.commit().await?;
        Ok(settings)
    }
}

async fn read(conn: &mut SqliteConnection) -> Result<Settings> {
    Ok(Settings {
        transit_days: transit_days(conn).await?,
        shipping_webhook_url: shipping_webhook(conn).await?,
        time_zone: time_zone(conn).await?.name().to_string(),
        large_order_quantity: large_order_quantity(conn).await?,
        large_order_amount: large_order_amount(conn).await?,
    })
}

async fn value(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = ?").bind(key).fetch_optional(conn).await?)
}

/// The configured webhook, if any.
pub(crate) async fn shipping_webhook(conn: &mut SqliteConnection) -> Result<Option<String>> {
    Ok(value(conn, SHIPPING_WEBHOOK).await?.filter(|url| !url.is_empty()))
}

pub(crate) async fn transit_days(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(value(conn, TRANSIT_DAYS).await?.and_then(|value| value.parse().ok()).unwrap_or(DEFAULT_TRANSIT_DAYS))
}

/// The business's time zone (UTC until set).
pub(crate) async fn time_zone(conn: &mut SqliteConnection) -> Result<chrono_tz::Tz> {
    Ok(value(conn, TIME_ZONE).await?.and_then(|name| name.parse().ok()).unwrap_or(chrono_tz::UTC))
}

fn parse_time_zone(name: &str) -> Result<chrono_tz::Tz> {
    name.trim().parse().map_err(|_| Error::InvalidInput {
        field: "timeZone",
        reason: format!("\"{name}\" is not a time zone name (use an IANA name such as Europe/Berlin)"),
    })
}

pub(crate) async fn large_order_quantity(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(value(conn, LARGE_ORDER_QUANTITY)
        .await?
        .and_then(|value| value.parse().ok())
        .unwrap_or(DEFAULT_LARGE_ORDER_QUANTITY))
}

pub(crate) async fn large_order_amount(conn: &mut SqliteConnection) -> Result<Amount> {
    let stored = value(conn, LARGE_ORDER_AMOUNT).await?;
    Amount::parse("largeOrderAmount", stored.as_deref().unwrap_or(DEFAULT_LARGE_ORDER_AMOUNT))
}
