//! The health of the device list: every row with a known password (remembered in
//! the OS keyring, or practice mode's own) checked by the engine
//! ([`printoauth_core::health`]) without changing the device. Job failures from
//! before the device's last sign-in are history: the receipt seen when a run of this
//! session signed it in, else the one the audit trail recorded.

use std::collections::HashMap;

use printoauth_core::health::{self, HealthEntry};

use crate::error::AppError;
use crate::models::MailStatus;
use crate::state::AppState;

/// Devices checked at once.
const CONCURRENCY: usize = 8;

/// Checks every device whose password is known and that is not known to send with a
/// password (Basic auth: it has no sign-in to keep); other rows are left out (the
/// inventory lists them).
pub async fn run(state: &AppState) -> Result<Vec<HealthEntry>, AppError> {
    let on_basic: std::collections::HashSet<String> = state
        .registry
        .views()
        .into_iter()
        .filter(|v| v.mail_status == MailStatus::BasicAuth)
        .map(|v| v.id)
        .collect();
    let targets: Vec<_> = crate::inventory::targets(
        &state.registry,
        |practice| state.connect_options(practice),
        |practice| state.secrets_for(practice),
        None,
        None,
    )
    .into_iter()
    .filter(|t| t.credentials.is_some() && t.connection.is_some() && !on_basic.contains(&t.id))
    .collect();
    let mut seen = HashMap::new();
    for t in &targets {
        let Ok(entry) = state.registry.get(&t.id) else {
            continue;
        };
        let receipt = entry.seen_receipt.clone().or_else(|| {
            state
                .audit
                .as_ref()
                .and_then(|a| a.seen_receipt(&t.id, entry.view.practice).ok().flatten())
        });
        if let Some(r) = receipt {
            seen.insert(t.id.clone(), r);
        }
    }
    Ok(health::check(targets, seen, CONCURRENCY).await)
}
