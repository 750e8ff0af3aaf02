//! The business this book belongs to: its profile, and the first-run setup
//! that creates it together with its owner.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change, snapshot};
use crate::money::Currency;
use crate::staff::{self, Actor, Permission, Role, SignedInUser};
use crate::validate::required_text;

pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BusinessProfile {
    pub name: String,
    pub base_currency: String,
    pub idle_lock_minutes: u32,
    pub updated_at: DateTime<Utc>,
}

/// What the owner may change in Settings (the base currency is fixed at setup,
/// because every amount in the book is reported in it).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BusinessProfileUpdate {
    pub name: String,
    pub idle_lock_minutes: u32,
}

/// The first-run form: the business and the owner's account.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetupInput {
    pub business_name: String,
    pub base_currency: String,
    pub owner_name: String,
    pub username: String,
    pub password: String,
}

impl Kontor {
    /// The profile, or `None` before the first-run setup.
    pub async fn business_profile(&self) -> Result<Option<BusinessProfile>> {
        let mut conn = self.store().pool().acquire().await?;
        get_business(&mut conn).await
    }

    /// True until the first member of staff exists.
    pub async fn needs_setup(&self) -> Result<bool> {
        let mut conn = self.store().pool().acquire().await?;
        Ok(staff::count_users(&mut conn).await? == 0)
    }

    /// First run: records the business and creates its owner, in one
    /// transaction. Refused once anyone has an account.
    pub async fn set_up(&self, input: SetupInput) -> Result<SignedInUser> {
        let business_name = clean_business_name(&input.business_name)?;
        let currency = Currency::parse(&input.base_currency)?;
        let owner_name = staff::clean_name(&input.owner_name)?;
        let username = staff::clean_username(&input.username)?;
        let hash = staff::hash_password(&input.password).await?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        if staff::count_users(&mut tx).await? > 0 {
            let business = get_business(&mut tx).await?.map(|profile| profile.name).unwrap_or_default();
            return Err(Error::AlreadySetUp { business });
        }
        let owner = staff::insert_user(&mut tx, &owner_name, &username, Role::Owner, &hash, now).await?;
        let actor = Actor { user_id: Some(owner.id), name: owner.username.clone(), role: Role::Owner };
        upsert_business(&mut tx, &business_name, currency, &actor, now).await?;
        history::record(
            &mut tx,
            Change {
                entity: "user",
                entity_id: Some(owner.id),
                action: "added",
                before: None,
                after: snapshot(&owner),
                actor: &actor,
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(SignedInUser { id: owner.id, name: owner.name, username: owner.username, role: owner.role })
    }

    /// Records (or renames) the business from the CLI's `init`.
    pub async fn register_business(&self, actor: &Actor, name: &str, currency: &str) -> Result<BusinessProfile> {
        actor.require(Permission::EditBusiness)?;
        let name = clean_business_name(name)?;
        let currency = Currency::parse(currency)?;
        let mut tx = self.store().write().await?;
        let profile = upsert_business(&mut tx, &name, currency, actor, self.now()).await?;
        tx.commit().await?;
        Ok(profile)
    }

    pub async fn update_business(&self, actor: &Actor, update: BusinessProfileUpdate) -> Result<BusinessProfile> {
        actor.require(Permission::EditBusiness)?;
        let name = clean_business_name(&update.name)?;
        if !(1..=240).contains(&update.idle_lock_minutes) {
            return Err(Error::InvalidInput {
                field: "idleLockMinutes",
                reason: "must be between 1 and 240 minutes".into(),
            });
        }
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = get_business(&mut tx).await?.ok_or(Error::NotSetUp)?;
        sqlx::query("UPDATE business SET name = ?, idle_lock_minutes = ?, updated_at = ? WHERE id = 1")
            .bind(&name)
            .bind(update.idle_lock_minutes)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let after = get_business(&mut tx).await?.ok_or(Error::NotSetUp)?;
        record_change(&mut tx, actor, now, Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }
}

/// The currency every amount in the book is reported in.
pub(crate) async fn base_currency(conn: &mut SqliteConnection) -> Result<Currency> {
    let code: String = sqlx::query_scalar("SELECT base_currency FROM business WHERE id = 1")
        .fetch_optional(conn)
        .await?
        .ok_or(Error::NotSetUp)?;
    Currency::parse(&code)
}

fn clean_business_name(name: &str) -> Result<String> {
    required_text("businessName", name, 200)
}

async fn get_business(conn: &mut SqliteConnection) -> Result<Option<BusinessProfile>> {
    let row: Option<(String, String, u32, DateTime<Utc>)> =
        sqlx::query_as("SELECT name, base_currency, idle_lock_minutes, updated_at FROM business WHERE id = 1")
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(name, base_currency, idle_lock_minutes, updated_at)| BusinessProfile {
        name,
        base_currency,
        idle_lock_minutes,
        updated_at,
    }))
}

async fn upsert_business(
    conn: &mut SqliteConnection,
    name: &str,
    currency: Currency,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<BusinessProfile> {
    let before = get_business(conn).await?;
    if let Some(existing) = before.as_ref().filter(|existing| existing.base_currency != currency.code()) {
        return Err(Error::InvalidInput {
            field: "baseCurrency",
            reason: format!("is {} and cannot change once the book is set up", existing.base_currency),
        });
    }
    sqlx::query(
        "INSERT INTO business (id, name, base_currency, idle_lock_minutes, created_at, updated_at)
         VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at",
    )
    .bind(name)
    .bind(currency.code())
    .bind(DEFAULT_IDLE_LOCK_MINUTES)
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let after = get_business(conn).await?.ok_or(Error::NotSetUp)?;
    record_change(conn, actor, now, before.as_ref(), &after).await?;
    Ok(after)
}

async fn record_change(
    conn: &mut SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    before: Option<&BusinessProfile>,
    after: &BusinessProfile,
) -> Result<()> {
    history::record(
        conn,
        Change {
            entity: "business",
            entity_id: Some(1),
            action: if before.is_some() { "updated" } else { "created" },
            before: before.and_then(snapshot),
            after: snapshot(after),
            actor,
            at: now,
        },
    )
    .await
}
