//! Exchange rates: the sheet in Settings (rates entered, currencies that may
//! have one) and entering a rate from a day on.

use kontor::rates::{ExchangeRate, RateSheet, parse_rate, parse_valid_from};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn rates_list(desktop: State<'_, Desktop>) -> Result<RateSheet, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.rate_sheet(&actor).await?)
}

/// `rate` and `validFrom` come as typed, so a bad one is refused naming its field.
#[tauri::command]
pub async fn rates_set(
    desktop: State<'_, Desktop>,
    currency: String,
    valid_from: String,
    rate: String,
) -> Result<ExchangeRate, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let rate = parse_rate(&rate)?;
    let valid_from = parse_valid_from(&valid_from)?;
    Ok(kontor.set_rate(&actor, &currency, valid_from, rate).await?)
}
