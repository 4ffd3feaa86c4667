//! A whole emulated world: clock, CA, tenant, identity and SMTP emulators, devices,
//! the control API and (inside a network namespace only) the mDNS announcer.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use anyhow::{anyhow, Context};
use serde::{Deserialize, Serialize};

use crate::certs::WorldCa;
use crate::clock::Clock;
use crate::config::{DeviceConfig, WorldConfig};
use crate::device::{self, Device, Upstream};
use crate::http::Shutdown;
use crate::identity::{self, EmulatedOrigin, Identity};
use crate::mdns::{self, Announcer};
use crate::models;
use crate::smtp::{self, Smtp};
use crate::tenant::{AccountKind, Role, Tenant, DEVICE_APP_CLIENT_ID, PRINTOAUTH_APP_CLIENT_ID};

/// A running world. Cheap to clone.
#[derive(Clone)]
pub struct World {
    inner: Arc<WorldInner>,
}

struct WorldInner {
    clock: Clock,
    ca: WorldCa,
    tenant: Tenant,
    identity: Identity,
    smtp: Smtp,
    smtp_host: String,
    devices: Vec<Device>,
    control: Mutex<Option<SocketAddr>>,
    announcer: Mutex<Option<Announcer>>,
    shutdown: Shutdown,
}

/// Everything a client, a test or a person needs to use the world.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WorldSummary {
    pub identity: IdentitySummary,
    pub smtp: SmtpSummary,
    /// The world CA, PEM: trust it to reach the SMTP emulator with TLS.
    pub ca_pem: String,
    pub control_url: String,
    pub tenant: TenantSummary,
    pub devices: Vec<DeviceSummary>,
    pub mdns: bool,
    /// The emulated vendor's published list of models with an OAuth2 firmware (what a
    /// vendor's support page says; the emulated models are not real products, so their
    /// list comes with the world).
    #[serde(default)]
    pub support_list: Vec<SupportListEntry>,
}

/// One model of the emulated vendor's support list.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SupportListEntry {
    pub vendor: models::Vendor,
    pub model: String,
    /// The first firmware with OAuth2 for the email server; `None`: none for this model.
    pub oauth2_since: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IdentitySummary {
    pub base_url: String,
    /// Authority for the tenant (`<base>/<tenant id>`).
    pub authority: String,
    pub device_code_url: String,
    pub token_url: String,
    pub verification_uri: String,
    /// printoauth's own application (for the tenant check).
    pub printoauth_client_id: String,
    /// The device vendor's application (what devices sign in with).
    pub device_client_id: String,
    /// Where personal-account codes are entered (www.microsoft.com/link).
    #[serde(default)]
    pub link_uri: String,
    /// Every host of the sign-in the emulator stands for, with its loopback origin.
    #[serde(default)]
    pub origins: Vec<EmulatedOrigin>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SmtpSummary {
    pub addr: SocketAddr,
    pub host: String,
    /// The name to verify the certificate against.
    pub tls_name: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TenantSummary {
    pub id: String,
    pub domain: String,
    pub users: Vec<UserSummary>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UserSummary {
    pub upn: String,
    pub password: String,
    pub role: Role,
    /// Work account, or personal Microsoft account (Outlook.com).
    #[serde(default)]
    pub kind: AccountKind,
    /// For an account of a federated domain: its identity provider's host.
    #[serde(default)]
    pub federated_idp: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DeviceSummary {
    pub index: usize,
    pub vendor: models::Vendor,
    pub model: String,
    pub family: models::Family,
    pub instance_name: String,
    pub host_name: String,
    pub ip: IpAddr,
    pub http_url: String,
    pub https_url: String,
    /// The administrator user name: `Some("")` blank (business default), `Some(name)`
    /// when set, `None` when the log-in has no user name (consumer models).
    pub admin_user: Option<String>,
    pub admin_password: String,
    /// Web Config's language (the device's panel language at start).
    #[serde(default)]
    pub language: crate::config::Lang,
    pub oauth2_available: bool,
    pub additional_network: bool,
    pub uuid: String,
    pub mac: String,
    pub cert_sha256: String,
    /// The DNS-SD services this device announces (with `--mdns`), or would: practice
    /// mode can hand them to discovery in-process instead of announcing them.
    pub services: Vec<mdns::ServiceAnnouncement>,
}

fn url_host(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v) => v.to_string(),
        IpAddr::V6(v) => format!("[{v}]"),
    }
}

impl World {
    /// Starts every server of the world described by `cfg`.
    pub async fn start(cfg: WorldConfig) -> anyhow::Result<World> {
        if cfg.mdns {
            // Announcing outside a namespace made for it would multicast off the machine.
            mdns::ensure_private_netns()?;
        }
        let clock = Clock::new();
        let ca = WorldCa::new();
        let tenant = Tenant::new(cfg.tenant.clone(), clock.clone());
        let shutdown = Shutdown::new();

        let identity = identity::start(
            tenant.clone(),
            SocketAddr::new(cfg.bind, cfg.identity_port),
            shutdown.clone(),
        )
        .await
        .context("starting the identity emulator")?;

        let mut names = vec![
            "localhost".to_string(),
            "smtp.office365.com".to_string(),
            "smtp-mail.outlook.com".to_string(),
            cfg.smtp_host.clone(),
        ];
        names.dedup();
        let mut ips = vec![IpAddr::V4(Ipv4Addr::LOCALHOST)];
        if !ips.contains(&cfg.bind) {
            ips.push(cfg.bind);
        }
        let smtp_cert = ca.issue(&cfg.smtp_host, &names, &ips);
        let smtp = smtp::start(
            tenant.clone(),
            SocketAddr::new(cfg.bind, cfg.smtp_port),
            smtp_cert.server_config(),
            cfg.smtp_host.clone(),
            shutdown.clone(),
        )
        .await
        .context("starting the SMTP emulator")?;

        let upstream = Upstream {
            identity_base: identity.base_url(),
            smtp_addr: smtp.addr(),
            ca_pem: ca.cert_pem.clone(),
            client_id: DEVICE_APP_CLIENT_ID.to_string(),
        };
        let mut devices = Vec::with_capacity(cfg.devices.len());
        let mut seen_names: HashMap<String, usize> = HashMap::new();
        for (i, dc) in cfg.devices.iter().enumerate() {
            let dev = start_device(
                i,
                dc,
                &cfg,
                &clock,
                &tenant,
                &upstream,
                &shutdown,
                &mut seen_names,
            )
            .await
            .with_context(|| format!("starting device {i} ({})", dc.model))?;
            devices.push(dev);
        }

        let world = World {
            inner: Arc::new(WorldInner {
                clock,
                ca,
                tenant,
                identity,
                smtp,
                smtp_host: cfg.smtp_host.clone(),
                devices,
                control: Mutex::new(None),
                announcer: Mutex::new(None),
                shutdown: shutdown.clone(),
            }),
        };
        let (control_addr, _) = crate::http::serve(
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), cfg.control_port),
            None,
            crate::control::router(world.clone()),
            shutdown,
        )
        .await
        .context("starting the control API")?;
        *world.inner.control.lock().unwrap() = Some(control_addr);

        if cfg.mdns {
            let services = world
                .inner
                .devices
                .iter()
                .flat_map(|d| mdns::device_services(&d.identity()))
                .collect();
            let announcer = Announcer::start(services).context("starting mDNS")?;
            *world.inner.announcer.lock().unwrap() = Some(announcer);
        }
        Ok(world)
    }

    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }
    pub fn tenant(&self) -> &Tenant {
        &self.inner.tenant
    }
    pub fn identity(&self) -> &Identity {
        &self.inner.identity
    }
    pub fn smtp(&self) -> &Smtp {
        &self.inner.smtp
    }
    pub fn ca_pem(&self) -> &str {
        &self.inner.ca.cert_pem
    }
    pub fn devices(&self) -> &[Device] {
        &self.inner.devices
    }
    pub fn device(&self, index: usize) -> Option<&Device> {
        self.inner.devices.get(index)
    }
    pub fn control_url(&self) -> String {
        let addr = self
            .inner
            .control
            .lock()
            .unwrap()
            .expect("control API started");
        format!("http://{addr}")
    }

    /// Whether the mDNS announcer is running and has announced.
    pub fn wait_announced(&self, timeout: std::time::Duration) -> anyhow::Result<()> {
        match &*self.inner.announcer.lock().unwrap() {
            Some(a) => a.wait_announced(timeout),
            None => Err(anyhow!("mDNS is off for this world")),
        }
    }

    pub fn summary(&self) -> WorldSummary {
        let id = &self.inner.identity;
        let tenant = self.inner.tenant.config().clone();
        WorldSummary {
            identity: IdentitySummary {
                base_url: id.base_url(),
                authority: id.authority(),
                device_code_url: id.device_code_url(),
                token_url: id.token_url(),
                verification_uri: id.verification_uri(),
                printoauth_client_id: PRINTOAUTH_APP_CLIENT_ID.into(),
                device_client_id: DEVICE_APP_CLIENT_ID.into(),
                link_uri: id.link_uri(),
                origins: id.origins(),
            },
            smtp: SmtpSummary {
                addr: self.inner.smtp.addr(),
                host: self.inner.smtp_host.clone(),
                tls_name: "localhost".into(),
            },
            ca_pem: self.inner.ca.cert_pem.clone(),
            control_url: self.control_url(),
            tenant: TenantSummary {
                id: tenant.id.clone(),
                domain: tenant.domain.clone(),
                users: tenant
                    .users
                    .iter()
                    .map(|u| UserSummary {
                        upn: u.upn.clone(),
                        password: u.password.clone(),
                        role: u.role,
                        kind: u.kind,
                        federated_idp: tenant
                            .federated_domains
                            .iter()
                            .find(|f| f.domain.eq_ignore_ascii_case(&u.domain()))
                            .map(|f| f.idp_host.clone()),
                    })
                    .collect(),
            },
            devices: self.inner.devices.iter().map(device_summary).collect(),
            mdns: self.inner.announcer.lock().unwrap().is_some(),
            support_list: models::CATALOGUE
                .iter()
                .filter(|m| m.vendor == models::Vendor::Epson)
                .map(|m| SupportListEntry {
                    vendor: m.vendor,
                    model: m.name.to_string(),
                    oauth2_since: m.oauth2_since.map(str::to_string),
                })
                .collect(),
        }
    }

    /// Stops every server and withdraws the mDNS announcements.
    pub fn stop(&self) {
        if let Some(a) = self.inner.announcer.lock().unwrap().take() {
            a.shutdown();
        }
        self.inner.shutdown.trigger();
    }
}

fn device_summary(d: &Device) -> DeviceSummary {
    let id = d.identity();
    let r = d.report();
    DeviceSummary {
        index: d.index(),
        vendor: id.model.vendor,
        model: id.model.name.to_string(),
        family: id.model.family,
        instance_name: id.instance_name.clone(),
        host_name: id.host_name.clone(),
        ip: id.ip,
        http_url: format!("http://{}:{}", url_host(id.ip), id.http_port),
        https_url: format!("https://{}:{}", url_host(id.ip), id.https_port),
        admin_user: r.admin_user,
        admin_password: r.admin_password,
        language: r.language,
        oauth2_available: r.oauth2_available,
        additional_network: r.additional_network,
        uuid: id.uuid.clone(),
        mac: r.mac,
        cert_sha256: r.cert_sha256,
        services: mdns::device_services(&id),
    }
}

#[allow(clippy::too_many_arguments)]
async fn start_device(
    index: usize,
    dc: &DeviceConfig,
    cfg: &WorldConfig,
    clock: &Clock,
    tenant: &Tenant,
    upstream: &Upstream,
    shutdown: &Shutdown,
    seen_names: &mut HashMap<String, usize>,
) -> anyhow::Result<Device> {
    let spec = models::find(&dc.model).ok_or_else(|| {
        let known: Vec<_> = models::CATALOGUE.iter().map(|m| m.name).collect();
        anyhow!("unknown model {:?}; known: {}", dc.model, known.join(", "))
    })?;
    let ip = dc.ip.unwrap_or(cfg.bind);
    let mut identity = device::identity_for(index, dc, spec, ip)?;
    // Instance names are unique on a network: a second device of a model gets " (2)".
    let n = seen_names
        .entry(identity.instance_name.clone())
        .or_insert(0);
    *n += 1;
    if *n > 1 {
        identity.instance_name = format!("{} ({n})", identity.instance_name);
    }
    let own_address = dc.ip.is_some();
    let http_port = dc.http_port.unwrap_or(if own_address { 80 } else { 0 });
    let https_port = dc.https_port.unwrap_or(if own_address { 443 } else { 0 });
    let dev = Device::new(
        index,
        dc,
        identity,
        clock.clone(),
        tenant.clone(),
        upstream.clone(),
        shutdown.clone(),
    )?;
    dev.serve(
        SocketAddr::new(ip, http_port),
        SocketAddr::new(ip, https_port),
    )
    .await
    .with_context(|| format!("binding {ip} ports {http_port}/{https_port}"))?;
    Ok(dev)
}
