//! A second vendor is one driver family registered with the engine: a stand-in
//! family for Brother devices (an in-memory device, not a web UI) goes through the
//! same calls both front ends make — a discovered device (the app's path) and a
//! device named by its address and vendor (the CLI's path) — into the engine's batch,
//! with no change to the app or the CLI. The standard registry still refuses Brother.

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::Utc;
use printoauth_core::devices::{
    AdminCredentials, AuthMethod, ConnectOptions, DeviceAddress, DeviceDriver, DeviceError,
    DriverFamily, DriverRegistry, EmailService, EmailSettings, FaxOAuthTarget, FirmwareFamily,
    JobEntry, MailCapabilities, OAuthTarget, PanelState, SecureConnection, SignInCode,
    SignInStatus,
};
use printoauth_core::diagnosis::Fix;
use printoauth_core::discovery::{merge_services, ServiceRecord, TxtItem, Vendor};
use printoauth_core::run::{start_batch, DeviceState, DeviceTask, Mode, RunOptions};

/// The stand-in device: its mail settings, a sign-in that completes on the second
/// status read, and a save that commits the pending settings.
#[derive(Default)]
struct Device {
    logged_in: bool,
    stored: Option<EmailSettings>,
    pending: Option<EmailSettings>,
    polls: u32,
    signed_in: bool,
}

struct StandIn {
    password: &'static str,
    state: Mutex<Device>,
}

fn basic_auth() -> EmailSettings {
    EmailSettings {
        auth_method: AuthMethod::SmtpAuth,
        email_service: None,
        current_status: None,
        signed_in: false,
        oauth_account: None,
        sender: Some("scanner@contoso.example".into()),
        smtp_server: Some("smtp.office365.com".into()),
        smtp_port: Some(587),
        secure_connection: SecureConnection::StartTls,
        certificate_validation: Some(true),
    }
}

impl StandIn {
    fn check(&self) -> Result<std::sync::MutexGuard<'_, Device>, DeviceError> {
        let d = self.state.lock().unwrap();
        if d.logged_in {
            Ok(d)
        } else {
            Err(DeviceError::DeviceNotLoggedIn {})
        }
    }
}

#[async_trait]
impl DeviceDriver for StandIn {
    async fn login(&self, creds: &AdminCredentials) -> Result<(), DeviceError> {
        if creds.password != self.password {
            return Err(DeviceError::DeviceLoginRejected {
                family: FirmwareFamily::Business,
            });
        }
        let mut d = self.state.lock().unwrap();
        d.logged_in = true;
        d.stored.get_or_insert_with(basic_auth);
        Ok(())
    }
    async fn mail_capabilities(&self) -> Result<MailCapabilities, DeviceError> {
        drop(self.check()?);
        Ok(MailCapabilities {
            family: FirmwareFamily::Business,
            model: Some("MFC-L8900CDW".into()),
            firmware: Some("ZA".into()),
            oauth2_available: true,
            auth_methods: vec!["SMTP-AUTH".into(), "OAuth2".into()],
            additional_network: false,
            fax_server: false,
            fax_server_oauth2: false,
        })
    }
    async fn read_email_settings(&self) -> Result<EmailSettings, DeviceError> {
        let d = self.check()?;
        Ok(d.pending.clone().or(d.stored.clone()).unwrap())
    }
    async fn configure_oauth2(&self, target: &OAuthTarget) -> Result<(), DeviceError> {
        let mut d = self.check()?;
        let mut s = d.stored.clone().unwrap();
        s.auth_method = AuthMethod::OAuth2;
        s.email_service = Some(target.service);
        s.sender = Some(target.sender.clone());
        s.smtp_server = target.smtp_server.clone();
        s.smtp_port = target.smtp_port;
        d.pending = Some(s);
        Ok(())
    }
    async fn start_sign_in(&self) -> Result<SignInCode, DeviceError> {
        drop(self.check()?);
        Ok(SignInCode {
            user_code: "STANDIN1".into(),
            verification_uri: "https://login.microsoftonline.com/common/oauth2/deviceauth".into(),
            expires_at: Utc::now() + chrono::Duration::minutes(15),
        })
    }
    async fn sign_in_status(&self) -> Result<SignInStatus, DeviceError> {
        let mut d = self.check()?;
        if d.pending.is_none() {
            return Ok(SignInStatus::SignedOut);
        }
        d.polls += 1;
        d.signed_in |= d.polls >= 2;
        Ok(if d.signed_in {
            SignInStatus::SignedIn {
                account: Some("admin@contoso.example".into()),
            }
        } else {
            SignInStatus::Pending {
                code: "STANDIN1".into(),
            }
        })
    }
    async fn save(&self) -> Result<(), DeviceError> {
        let mut d = self.check()?;
        let mut s = d.pending.take().expect("settings to save");
        s.signed_in = d.signed_in;
        s.current_status = Some("Signed in".into());
        s.oauth_account = Some("admin@contoso.example".into());
        d.stored = Some(s);
        Ok(())
    }
    async fn verify(&self, target: &OAuthTarget) -> Result<EmailSettings, DeviceError> {
        let d = self.check()?;
        let s = d.stored.clone().unwrap();
        assert_eq!(s.sender.as_deref(), Some(target.sender.as_str()));
        Ok(s)
    }
    async fn job_history(&self) -> Result<Vec<JobEntry>, DeviceError> {
        Ok(Vec::new())
    }
    async fn panel_state(&self) -> Result<PanelState, DeviceError> {
        Ok(PanelState {
            email_server_status: None,
            message: None,
            needs_sign_in: false,
            sign_in_expired: false,
        })
    }
    async fn configure_fax_oauth2(&self, _: &FaxOAuthTarget) -> Result<(), DeviceError> {
        Err(DeviceError::DeviceNotLoggedIn {})
    }
}

/// The family: every device it connects is a fresh stand-in; it remembers the
/// addresses it was asked for.
struct StandInFamily {
    connected: Mutex<Vec<String>>,
}

impl DriverFamily for StandInFamily {
    fn name(&self) -> &'static str {
        "stand-in-brother"
    }
    fn drives(&self, vendor: Vendor) -> bool {
        vendor == Vendor::Brother
    }
    fn connect(&self, address: DeviceAddress, _: ConnectOptions) -> Arc<dyn DeviceDriver> {
        self.connected.lock().unwrap().push(address.host.clone());
        Arc::new(StandIn {
            password: "Brother-Admin-1",
            state: Mutex::default(),
        })
    }
    fn admin_page_url(&self, address: &DeviceAddress) -> String {
        format!("http://{}/general/status.html", address.host)
    }
}

/// A Brother printer as mDNS announces it: the services the emulator announces for
/// the model, at 192.0.2.44.
fn discovered_brother() -> printoauth_core::discovery::DiscoveredDevice {
    let spec = printoauth_sim::models::find("MFC-L8900CDW series").unwrap();
    let ip = "192.0.2.44".parse().unwrap();
    let id = printoauth_sim::device::identity_for(0, &Default::default(), spec, ip).unwrap();
    let records: Vec<ServiceRecord> = printoauth_sim::mdns::device_services(&id)
        .iter()
        .map(|s| {
            let txt = s.txt.iter().map(|(k, v)| TxtItem::new(k, v));
            ServiceRecord::new(&s.fullname(), &s.service_type, &s.host, s.port, [s.ip], txt)
        })
        .collect();
    let d = merge_services(&records).remove(0);
    assert_eq!(d.vendor, Vendor::Brother);
    d
}

#[tokio::test]
async fn a_registered_family_runs_through_the_engines_batch_on_both_paths() {
    let family = Arc::new(StandInFamily {
        connected: Mutex::default(),
    });
    let mut registry = DriverRegistry::standard();
    registry.register(family.clone());
    assert!(registry.supports(Vendor::Brother) && registry.supports(Vendor::Epson));

    let found = discovered_brother();
    // The app's path: a discovered device.
    let from_discovery = registry
        .connect_discovered(&found, ConnectOptions::default())
        .unwrap();
    // The CLI's path: an address and the vendor its world file or probe named.
    let from_address = registry
        .connect(
            Some(Vendor::Brother),
            DeviceAddress::new("192.0.2.45"),
            ConnectOptions::default(),
        )
        .unwrap();
    assert_eq!(from_discovery.family, "stand-in-brother");
    assert_eq!(
        from_address.admin_page_url,
        "http://192.0.2.45/general/status.html"
    );
    assert_eq!(
        *family.connected.lock().unwrap(),
        ["192.0.2.44", "192.0.2.45"]
    );

    let target = OAuthTarget::new(EmailService::ExchangeOnline, "scanner@contoso.example");
    let tasks = vec![
        DeviceTask::new(
            "discovered",
            &from_discovery,
            AdminCredentials::new("Brother-Admin-1"),
            target.clone(),
        ),
        DeviceTask::new(
            "typed",
            &from_address,
            AdminCredentials::new("wrong"),
            target,
        ),
    ];
    let opts = RunOptions {
        poll_interval: std::time::Duration::from_millis(10),
        ..Default::default()
    };
    let (batch, mut events) = start_batch(tasks, opts, Mode::Run).unwrap();
    let mut codes = Vec::new();
    while let Some(e) = events.recv().await {
        if let DeviceState::NeedsYou { code } = e.state {
            codes.push((e.device, code.user_code));
        }
    }
    let outcomes = batch.finish().await;
    assert_eq!(codes, [("discovered".to_string(), "STANDIN1".to_string())]);

    let DeviceState::Done {
        settings, changes, ..
    } = &outcomes[0].state
    else {
        panic!("{:?}", outcomes[0].state);
    };
    assert_eq!(settings.auth_method, AuthMethod::OAuth2);
    let changed: Vec<(&str, Option<&str>, &str)> = changes
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_deref(), c.after.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            ("authentication-method", Some("SMTP AUTH"), "OAuth2"),
            ("email-service", None, "Microsoft Exchange Online"),
            (
                "smtp-server",
                Some("smtp.office365.com"),
                "smtp-mail.outlook.com"
            ),
            ("current-status", None, "Signed in"),
        ]
    );
    let DeviceState::Failed { error, fix, .. } = &outcomes[1].state else {
        panic!("{:?}", outcomes[1].state);
    };
    assert_eq!(error.code(), "device-login-rejected");
    assert_eq!(*fix, Fix::CheckAdminPassword {});

    // What printoauth ships does not drive Brother devices (yet).
    let e = DriverRegistry::standard()
        .connect_discovered(&found, ConnectOptions::default())
        .err()
        .unwrap();
    assert_eq!(printoauth_core::Error::from(e).code(), "device-unsupported");
}
