//! Troubleshooting one device: log in, read what it shows, and the core's diagnosis
//! (a cause with its fix per finding).

use printoauth_core::devices::{AdminCredentials, DeviceDriver, JobOutcome, SignInStatus};
use printoauth_core::troubleshoot::{troubleshoot_after, DeviceHealth};

use crate::error::{AppError, ErrorCode};
use crate::models::{wire_name, DeviceListEvent, HealthView, JobView};
use crate::state::AppState;

fn outcome(o: &JobOutcome) -> String {
    wire_name(o, Some("kind"))
}

pub fn view(device: &str, h: &DeviceHealth) -> HealthView {
    let (signed_in, account) = match &h.sign_in {
        SignInStatus::SignedIn { account } => (true, account.clone()),
        _ => (h.settings.signed_in, h.settings.oauth_account.clone()),
    };
    HealthView {
        device: device.to_string(),
        auth_method: Some(wire_name(&h.settings.auth_method, Some("kind"))),
        sender: h.settings.sender.clone(),
        signed_in,
        account,
        panel_message: h.panel.message.clone(),
        recent_jobs: h
            .recent_jobs
            .iter()
            .map(|j| JobView {
                time: Some(j.date_time.clone()).filter(|t| !t.is_empty()),
                code: j.code,
                outcome: outcome(&j.outcome),
                detail: Some(j.result.clone()).filter(|r| !r.is_empty()),
            })
            .collect(),
        diagnoses: h.diagnoses.clone(),
    }
}

/// The log-in for reading a device: the password given, else the one remembered,
/// else (practice mode) the emulated device's own.
pub(crate) fn credentials(
    state: &AppState,
    id: &str,
    user: Option<String>,
    password: Option<String>,
) -> Result<AdminCredentials, AppError> {
    let entry = state.registry.get(id)?;
    let password = password
        .filter(|p| !p.is_empty())
        .or_else(|| state.secrets_for(entry.view.practice).get(id));
    // Practice mode: the emulated device's own log-in (as a run and the health check
    // take it), unless the user gave another.
    if let (None, Some(own)) = (&password, &entry.practice_login) {
        return Ok(own.clone());
    }
    let password = password.ok_or_else(|| {
        AppError::new(ErrorCode::PasswordMissing).with(
            "device",
            entry.view.model.clone().unwrap_or_else(|| id.to_string()),
        )
    })?;
    Ok(
        match user.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()) {
            Some(u) => AdminCredentials::with_user(u, password),
            None => AdminCredentials::new(password),
        },
    )
}

/// Logs in, reads and diagnoses; the device list row is updated with what was read.
pub async fn run(
    state: &AppState,
    id: &str,
    user: Option<String>,
    password: Option<String>,
    resave_first: bool,
) -> Result<HealthView, AppError> {
    let creds = credentials(state, id, user, password)?;
    let entry = state.registry.get(id)?;
    let driver = state
        .registry
        .driver(id, &state.connect_options(entry.view.practice))?;
    let d: &dyn DeviceDriver = driver.as_ref();
    d.login(&creds)
        .await
        .map_err(|e| AppError::from(printoauth_core::Error::from(e)))?;
    if resave_first {
        d.save()
            .await
            .map_err(|e| AppError::from(printoauth_core::Error::from(e)))?;
    }
    let health = troubleshoot_after(d, entry.seen_receipt.as_deref())
        .await
        .map_err(AppError::from)?;
    let oauth2 = d.mail_capabilities().await.ok().map(|c| c.oauth2_available);
    if let Some(v) = state.registry.update(id, oauth2, Some(&health.settings)) {
        state.emit_device(DeviceListEvent::Changed { device: v });
    }
    Ok(view(id, &health))
}
