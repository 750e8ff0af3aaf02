//! `kontor info`: where the book is, its schema, and how much is in it.

use std::path::Path;

use kontor::{Kontor, Result};
use serde::Serialize;

use super::output;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Info {
    data_dir: String,
    database: String,
    schema_version: i64,
    supported_schema_version: i64,
    business: Option<String>,
    base_currency: Option<String>,
    users: i64,
    active_users: i64,
    history_entries: i64,
    backups: usize,
}

pub async fn show(kontor: &Kontor, data_dir: &Path, json: bool) -> Result<()> {
    let profile = kontor.business_profile().await?;
    let counts = kontor.store().counts().await?;
    let info = Info {
        data_dir: data_dir.display().to_string(),
        database: kontor.store().path().display().to_string(),
        schema_version: kontor.store().schema_version().await?,
        supported_schema_version: kontor::store::supported_schema_version(),
        business: profile.as_ref().map(|p| p.name.clone()),
        base_currency: profile.map(|p| p.base_currency),
        users: counts.users,
        active_users: counts.active_users,
        history_entries: counts.history_entries,
        backups: kontor::store::list_backups(data_dir).len(),
    };
    output::print(json, &info, || {
        format!(
            "data folder      {}\ndatabase         {}\nschema           {} (this build knows up to {})\nbusiness         {}\nusers            {} ({} active)\nhistory entries  {}\nbackups          {}",
            info.data_dir,
            info.database,
            info.schema_version,
            info.supported_schema_version,
            info.business.as_deref().map_or("not set up yet".into(), |name| format!(
                "{name} ({})",
                info.base_currency.as_deref().unwrap_or("")
            )),
            info.users,
            info.active_users,
            info.history_entries,
            info.backups,
        )
    });
    Ok(())
}
