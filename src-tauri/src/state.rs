//! What the app holds between commands.

use std::sync::{Arc, Mutex};

use printoauth_core::devices::{ConnectOptions, JsonFilePinStore, MemoryPinStore, PinStore};
use printoauth_core::identity::CancelToken;
use tauri::ipc::Channel;

use crate::consent::Consent;
use crate::devices::Registry;
use crate::models::DeviceListEvent;
use crate::secrets::{MemorySecrets, OsKeyring, SecretStore};
use crate::session::SessionDir;

pub struct AppState {
    pub session: Mutex<Option<SessionDir>>,
    pub registry: Registry,
    /// The running browse (dropping it stops it).
    pub discovery: Mutex<Option<crate::discovery::Browse>>,
    /// Where device list events go (the UI's channel of the last `discovery_start`).
    pub device_events: Mutex<Option<Channel<DeviceListEvent>>>,
    #[cfg(feature = "practice")]
    pub practice: tokio::sync::Mutex<Option<crate::practice::Practice>>,
    pub run: Mutex<Option<crate::run::RunHandle>>,
    pub consent: Consent,
    pub tenant_cancel: Mutex<Option<CancelToken>>,
    /// Certificate pins of real devices (trust on first use), kept between runs.
    pub pins: Arc<dyn PinStore>,
    /// Practice devices are new every time: their pins stay in memory.
    pub practice_pins: Arc<dyn PinStore>,
    /// Remembered administrator passwords of real devices (the OS keyring).
    pub secrets: Arc<dyn SecretStore>,
    /// ... and of practice devices (memory only).
    pub practice_secrets: Arc<dyn SecretStore>,
    /// The audit trail (`None`: it could not be opened; runs go on unrecorded).
    pub audit: Option<Arc<printoauth_core::audit::AuditLog>>,
    /// The audit trail's id of the last batch this app ran (the report's default).
    pub last_run: Mutex<Option<String>>,
    /// Where customer reports are saved (`None`: no folder known).
    pub reports: Option<std::path::PathBuf>,
}

impl AppState {
    pub fn new(session: SessionDir, pin_file: Option<std::path::PathBuf>) -> AppState {
        let pins: Arc<dyn PinStore> = match pin_file {
            Some(p) => Arc::new(JsonFilePinStore::new(p)),
            None => Arc::new(MemoryPinStore::new()),
        };
        let consent = Consent::new(session.webview_data());
        AppState {
            session: Mutex::new(Some(session)),
            registry: Registry::default(),
            discovery: Mutex::new(None),
            device_events: Mutex::new(None),
            #[cfg(feature = "practice")]
            practice: tokio::sync::Mutex::new(None),
            run: Mutex::new(None),
            consent,
            tenant_cancel: Mutex::new(None),
            pins,
            practice_pins: Arc::new(MemoryPinStore::new()),
            secrets: Arc::new(OsKeyring),
            practice_secrets: Arc::new(MemorySecrets::default()),
            audit: None,
            last_run: Mutex::new(None),
            reports: None,
        }
    }

    /// The same state, recording runs into `audit`.
    pub fn with_audit(mut self, audit: Option<printoauth_core::audit::AuditLog>) -> AppState {
        self.audit = audit.map(Arc::new);
        self
    }

    /// The same state, saving reports into `folder`.
    pub fn with_reports(mut self, folder: Option<std::path::PathBuf>) -> AppState {
        self.reports = folder;
        self
    }

    /// How to connect to a device: practice devices pin in memory; real ones use the
    /// pin file. Plain HTTP is never used.
    pub fn connect_options(&self, practice: bool) -> ConnectOptions {
        ConnectOptions {
            allow_http: false,
            pin_store: if practice {
                self.practice_pins.clone()
            } else {
                self.pins.clone()
            },
            ..Default::default()
        }
    }

    pub fn secrets_for(&self, practice: bool) -> Arc<dyn SecretStore> {
        if practice {
            self.practice_secrets.clone()
        } else {
            self.secrets.clone()
        }
    }

    /// Sends a device list event to the UI, if it listens.
    pub fn emit_device(&self, e: DeviceListEvent) {
        if let Some(ch) = self.device_events.lock().unwrap().as_ref() {
            let _ = ch.send(e);
        }
    }

    /// At exit: stop browsing, stop the practice world, delete this run's folder.
    pub fn shutdown(&self) {
        self.discovery.lock().unwrap().take();
        #[cfg(feature = "practice")]
        if let Ok(mut p) = self.practice.try_lock() {
            if let Some(p) = p.take() {
                p.stop();
            }
        }
        if let Some(s) = self.session.lock().unwrap().take() {
            s.remove();
        }
    }
}
