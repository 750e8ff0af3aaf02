//! POSTing one shipping event to the configured webhook. The event id goes
//! in an `Idempotency-Key` header too, so a receiver can drop repeats
//! without parsing the body.

use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(10);

/// Ok when the receiver answered 2xx; otherwise why not, for the outbox.
pub(super) async fn post(url: &str, event_id: &str, payload: &str) -> Result<(), String> {
    let (url, event_id, payload) = (url.to_string(), event_id.to_string(), payload.to_string());
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent =
            ureq::Agent::config_builder().timeout_global(Some(TIMEOUT)).http_status_as_error(false).build().into();
        let response = agent
            .post(&url)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", &event_id)
            .send(payload.as_str())
            .map_err(|error| error.to_string())?;
        let status = response.status();
        if status.is_success() { Ok(()) } else { Err(format!("the webhook answered {status}")) }
    })
    .await
    .map_err(|error| format!("the webhook call stopped: {error}"))?
}
