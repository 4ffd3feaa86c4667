//! What the driver's and the run's tests share on top of printoauth-testkit: the
//! driver, credentials and run task of an emulated device, as printoauth-core's own
//! types (which is why this is not in the testkit, which shares no code with core).

#![allow(dead_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use printoauth_core::devices::{
    AdminCredentials, AuthMethod, ConnectOptions, DeviceAddress, DeviceDriver, EmailService,
    EmailSettings, EpsonWebConfig, MemoryPinStore, OAuthTarget, PinStore, SecureConnection,
    SignInStatus,
};
use printoauth_core::run::{DeviceState, DeviceTask, RunEvent};
use printoauth_sim::world::World;
use printoauth_testkit::practice::{ADMIN, ADMIN_PW};

/// Device `i`'s Web Config address (HTTPS and HTTP).
pub fn address(w: &World, i: usize) -> DeviceAddress {
    let d = &w.summary().devices[i];
    DeviceAddress::from_urls(Some(&d.https_url), Some(&d.http_url)).unwrap()
}

/// Device `i`'s administrator log-in.
pub fn creds(w: &World, i: usize) -> AdminCredentials {
    let d = &w.summary().devices[i];
    AdminCredentials {
        user: d.admin_user.clone(),
        password: d.admin_password.clone(),
    }
}

/// Options that keep a test quick: short retries, a bounded wait for a restart.
pub fn quick_opts(pins: Arc<dyn PinStore>) -> ConnectOptions {
    ConnectOptions {
        pin_store: pins,
        retry_delay: Duration::from_millis(100),
        restart_timeout: Duration::from_secs(20),
        ..Default::default()
    }
}

/// The driver of device `i` with [`quick_opts`] and pins of its own.
pub fn driver(w: &World, i: usize) -> EpsonWebConfig {
    EpsonWebConfig::new(address(w, i), quick_opts(Arc::new(MemoryPinStore::new())))
}

/// The run's task for device `i` ("device-i") with `driver`: its administrator
/// log-in, Exchange Online as [`ADMIN`].
pub fn task(w: &World, i: usize, driver: Arc<dyn DeviceDriver>) -> DeviceTask {
    DeviceTask {
        id: format!("device-{i}"),
        driver,
        credentials: creds(w, i),
        target: OAuthTarget::exchange_online(ADMIN),
        web_config_url: printoauth_core::manual::web_config_url(&address(w, i)),
    }
}

/// Reads the device's sign-in status until it is signed in (a failed sign-in, or
/// none within 30 s, fails the test); returns the account.
pub async fn wait_signed_in(d: &dyn DeviceDriver) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match d.sign_in_status().await.unwrap() {
            SignInStatus::SignedIn { account } => return account,
            SignInStatus::Failed { detail } => panic!("sign-in failed: {detail}"),
            other => assert!(Instant::now() < deadline, "never signed in: {other:?}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Saves, verifies against `target` and asserts what the guide sets: OAuth2 with
/// Exchange Online over STARTTLS, the certificate validated. Returns the settings read.
pub async fn save_and_verify(d: &dyn DeviceDriver, target: &OAuthTarget) -> EmailSettings {
    d.save().await.unwrap();
    let after = d.verify(target).await.unwrap();
    assert_eq!(after.auth_method, AuthMethod::OAuth2);
    assert_eq!(after.email_service, Some(EmailService::ExchangeOnline));
    assert_eq!(after.secure_connection, SecureConnection::StartTls);
    assert_eq!(after.certificate_validation, Some(true));
    after
}

/// The events of runs, with the identity emulator approving every code shown as
/// [`ADMIN`] (as the administrator does in a browser), after `on_code`.
pub struct Watch {
    pub tx: tokio::sync::mpsc::UnboundedSender<RunEvent>,
    seen: Arc<std::sync::Mutex<Vec<RunEvent>>>,
    watcher: tokio::task::JoinHandle<()>,
}

impl Watch {
    pub fn new(w: &World, on_code: impl Fn(&World) + Send + 'static) -> Watch {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<RunEvent>();
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (w, s) = (w.clone(), seen.clone());
        let watcher = tokio::spawn(async move {
            while let Some(ev) = rx.recv().await {
                if let DeviceState::NeedsYou { code } = &ev.state {
                    on_code(&w);
                    // A refusal (Conditional Access, say) shows in the run's outcome.
                    let _ = w.identity().approve(&code.user_code, ADMIN, ADMIN_PW, true);
                }
                s.lock().unwrap().push(ev);
            }
        });
        Watch { tx, seen, watcher }
    }

    /// Every event so far.
    pub fn events(&self) -> Vec<RunEvent> {
        self.seen.lock().unwrap().clone()
    }

    pub fn clear(&self) {
        self.seen.lock().unwrap().clear();
    }

    /// Waits until every event sent has been seen (and every code approved).
    pub async fn finish(self) -> Vec<RunEvent> {
        drop(self.tx);
        self.watcher.await.unwrap();
        let seen = self.seen.lock().unwrap().clone();
        seen
    }
}
