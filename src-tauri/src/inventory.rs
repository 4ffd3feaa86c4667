//! The inventory of the device list: every row read by the engine
//! ([`printoauth_core::inventory`]) without changing the device. The password of each
//! device: the one remembered in the OS keyring, else the one given for reading (used
//! once, not stored), else (practice mode) the emulated device's own; whether one is
//! remembered is the keyring's answer, handed to the engine.

use printoauth_core::devices::AdminCredentials;
use printoauth_core::inventory::{self, AuthKind, InventoryEntry, InventoryTarget, ModelKnowledge};

use crate::devices::Registry;
use crate::error::AppError;
use crate::models::{DeviceListEvent, MailStatus, Oauth2Support};
use crate::secrets::SecretStore;
use crate::state::AppState;

/// Devices read at once.
const CONCURRENCY: usize = 8;

/// The engine's targets for every row of `reg`.
pub fn targets(
    reg: &Registry,
    connect: impl Fn(bool) -> printoauth_core::devices::ConnectOptions,
    secrets: impl Fn(bool) -> std::sync::Arc<dyn SecretStore>,
    user: Option<&str>,
    password: Option<&str>,
) -> Vec<InventoryTarget> {
    let user = user.map(str::trim).filter(|u| !u.is_empty());
    let with_user = |p: String| match user {
        Some(u) => AdminCredentials::with_user(u, p),
        None => AdminCredentials::new(p),
    };
    let mut out = Vec::new();
    for view in reg.views() {
        let Ok(entry) = reg.get(&view.id) else {
            continue;
        };
        let practice = view.practice;
        let remembered = secrets(practice).get(&view.id);
        let credentials = remembered
            .clone()
            .or_else(|| password.filter(|p| !p.is_empty()).map(str::to_string))
            .map(with_user)
            .or_else(|| entry.practice_login.clone());
        out.push(InventoryTarget {
            id: view.id.clone(),
            vendor: entry.vendor,
            model: view.model.clone(),
            host_name: view.host_name.clone(),
            address: view
                .addresses
                .first()
                .cloned()
                .or_else(|| Some(entry.address.host.clone())),
            // Vendors no driver family drives have none: listed, not read.
            connection: reg.connection(&view.id, &connect(practice)).ok(),
            credentials,
            password_remembered: remembered.is_some(),
        });
    }
    out
}

/// What the row shows once the device was read.
pub fn row_update(e: &InventoryEntry) -> (Option<Oauth2Support>, Option<MailStatus>) {
    let oauth2 = e.oauth2.possible().map(|p| {
        if p {
            Oauth2Support::Yes
        } else {
            Oauth2Support::No
        }
    });
    let mail = e.auth_method.map(|k| match (k, e.signed_in) {
        (AuthKind::Oauth2, Some(true)) => MailStatus::Oauth2SignedIn,
        (AuthKind::Oauth2, _) => MailStatus::Oauth2SignedOut,
        _ => MailStatus::BasicAuth,
    });
    (oauth2, mail)
}

/// Reads every device of the list; the rows are updated with what was read.
pub async fn run(
    state: &AppState,
    user: Option<String>,
    password: Option<String>,
) -> Result<Vec<InventoryEntry>, AppError> {
    let targets = targets(
        &state.registry,
        |practice| state.connect_options(practice),
        |practice| state.secrets_for(practice),
        user.as_deref(),
        password.as_deref(),
    );
    let knowledge = knowledge(state).await;
    let entries = inventory::inventory(targets, &knowledge, CONCURRENCY).await;
    for e in &entries {
        let (oauth2, mail) = row_update(e);
        if let Some(v) = state.registry.set_read(&e.id, oauth2, mail) {
            state.emit_device(DeviceListEvent::Changed { device: v });
        }
    }
    Ok(entries)
}

/// What is known about models: in practice mode, the emulated vendor's support list.
async fn knowledge(state: &AppState) -> ModelKnowledge {
    #[cfg(feature = "practice")]
    if let Some(p) = state.practice.lock().await.as_ref() {
        return p.model_knowledge();
    }
    let _ = state;
    ModelKnowledge::default()
}

#[cfg(all(test, feature = "practice"))]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::secrets::MemorySecrets;
    use printoauth_core::inventory::ReadState;

    /// The device list of practice mode, read: every row, with the practice
    /// logins; a password remembered for one row is said so, and a row whose
    /// remembered password is wrong is refused, not silently read with another.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_practice_list_is_read_row_by_row() {
        let mut p = crate::practice::Practice::start(3).await.unwrap();
        let reg = Registry::default();
        let views = p.register(&reg);
        assert_eq!(views.len(), 3);
        let secrets: Arc<dyn SecretStore> = Arc::new(MemorySecrets::default());
        secrets.set(&views[2].id, "not-the-password").unwrap();
        let opts = printoauth_core::devices::ConnectOptions::default();
        let t = targets(&reg, |_| opts.clone(), |_| secrets.clone(), None, None);
        assert_eq!(t.len(), 3);
        let entries = inventory::inventory(t, &p.model_knowledge(), 3).await;
        let by_id = |id: &str| entries.iter().find(|e| e.id == id).unwrap();
        for v in &views[..2] {
            let e = by_id(&v.id);
            assert_eq!(e.read, ReadState::Read, "{e:?}");
            assert!(e.firmware.is_some());
            assert!(!e.password_remembered);
            let (oauth2, mail) = row_update(e);
            assert_eq!(oauth2, Some(Oauth2Support::Yes));
            assert_eq!(mail, Some(MailStatus::BasicAuth));
        }
        let refused = by_id(&views[2].id);
        assert!(refused.password_remembered);
        assert_eq!(refused.read, ReadState::PasswordRefused, "{refused:?}");
        p.stop();
    }
}
