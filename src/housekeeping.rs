//! Work nobody asks for but the book needs: shipped orders past their transit
//! days become delivered, and waiting shipping events and e-mail go out. The desktop
//! runs it at start-up and every few minutes; it is safe to run twice.

use serde::Serialize;

use crate::Kontor;
use crate::error::Result;
use crate::settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Housekeeping {
    pub orders_delivered: usize,
    pub shipping_events_sent: usize,
    pub mail_sent: u32,
}

impl Kontor {
    pub async fn housekeeping(&self) -> Result<Housekeeping> {
        let transit_days = {
            let mut conn = self.store().pool().acquire().await?;
            settings::transit_days(&mut conn).await?
        };
        Ok(Housekeeping {
            orders_delivered: self.advance_shipped_orders(transit_days).await?,
            shipping_events_sent: self.deliver_shipping_events().await?,
            mail_sent: self.send_pending_mail().await?.sent,
        })
    }
}
