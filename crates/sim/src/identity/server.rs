//! The emulator's servers: the main origin (login.microsoftonline.com, with the OAuth
//! endpoints and the work-account pages) and a loopback origin for every other host
//! the sign-in passes through, each with the fault layer in front.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, OnceLock};

use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};

use super::endpoints::{
    devicecode, error_page, faults_layer, not_found, openid_configuration, token,
};
use super::store::{lock, Store};
use super::{pages, Identity, IdentityFaults, Inner};
use crate::http::{take_one, Shutdown};
use crate::tenant::Tenant;

/// The hosts of Microsoft's device sign-in (and a federated domain's identity
/// provider) that the emulator stands in for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostRole {
    /// login.microsoftonline.com: the OAuth endpoints and the work-account pages.
    LoginMicrosoftOnline,
    /// microsoft.com: its `/devicelogin` (served on the main origin, the page devices show).
    MicrosoftCom,
    /// login.microsoft.com: `/device`.
    LoginMicrosoft,
    /// www.microsoft.com: `/link`, the personal accounts' code page.
    WwwMicrosoft,
    /// login.live.com: personal accounts' account, password and "Stay signed in?".
    LoginLive,
    /// account.live.com: `/App/Confirm` and `/Consent/Update`.
    AccountLive,
    /// A federated domain's own identity provider (not Microsoft's).
    IdentityProvider,
}

/// One emulated host and the loopback origin that stands for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmulatedOrigin {
    /// The real host name ("login.live.com", or the identity provider's).
    pub host: String,
    /// "http://127.0.0.1:PORT".
    pub origin: String,
    pub role: HostRole,
    /// Whether the host is Microsoft's (a sign-in window may show it).
    pub microsoft: bool,
}

/// Starts the emulator on `addr` (port 0 picks a free port) until `shutdown`; each
/// other emulated host gets a listener of its own on the same address, any free port.
pub async fn start(
    tenant: Tenant,
    addr: SocketAddr,
    shutdown: Shutdown,
) -> std::io::Result<Identity> {
    let id = Identity {
        inner: Arc::new(Inner {
            tenant,
            origins: OnceLock::new(),
            faults: Mutex::new(IdentityFaults::default()),
            store: Mutex::new(Store::default()),
        }),
    };
    let bind = |port| SocketAddr::new(addr.ip(), port);
    let (main, _) = crate::http::serve(addr, None, id.router(), shutdown.clone()).await?;
    let mut origins = vec![
        (
            HostRole::LoginMicrosoftOnline,
            "login.microsoftonline.com".to_string(),
            main,
        ),
        (HostRole::MicrosoftCom, "microsoft.com".to_string(), main),
    ];
    for (role, host) in [
        (HostRole::LoginMicrosoft, "login.microsoft.com"),
        (HostRole::WwwMicrosoft, "www.microsoft.com"),
        (HostRole::LoginLive, "login.live.com"),
        (HostRole::AccountLive, "account.live.com"),
    ] {
        let router = id.host_router(role, host);
        let (local, _) = crate::http::serve(bind(0), None, router, shutdown.clone()).await?;
        origins.push((role, host.to_string(), local));
    }
    let mut idp_hosts: Vec<String> = id
        .inner
        .tenant
        .config()
        .federated_domains
        .iter()
        .map(|f| f.idp_host.to_ascii_lowercase())
        .collect();
    idp_hosts.sort();
    idp_hosts.dedup();
    for host in idp_hosts {
        let router = id.host_router(HostRole::IdentityProvider, &host);
        let (local, _) = crate::http::serve(bind(0), None, router, shutdown.clone()).await?;
        origins.push((HostRole::IdentityProvider, host, local));
    }
    let list = origins
        .into_iter()
        .map(|(role, host, local)| EmulatedOrigin {
            host,
            origin: origin_of(local),
            role,
            microsoft: role != HostRole::IdentityProvider,
        })
        .collect();
    let _ = id.inner.origins.set(list);
    tracing::info!("identity emulator on {}", id.base_url());
    Ok(id)
}

/// "http://HOST:PORT" for a bound address (an unspecified address reads as loopback).
fn origin_of(local: SocketAddr) -> String {
    let host = match local.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    format!("http://{host}:{}", local.port())
}

impl Identity {
    /// The main origin: OAuth endpoints and the work-account pages.
    pub(super) fn router(&self) -> Router {
        Router::new()
            .route("/{tenant}/oauth2/v2.0/devicecode", post(devicecode))
            .route("/{tenant}/oauth2/v2.0/token", post(token))
            .route(
                "/{tenant}/v2.0/.well-known/openid-configuration",
                get(openid_configuration),
            )
            .merge(pages::work_routes())
            .route("/error", get(error_page))
            .fallback(not_found)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                faults_layer,
            ))
            .with_state(self.clone())
    }

    /// The router of another emulated host.
    pub(super) fn host_router(&self, role: HostRole, host: &str) -> Router {
        let routes = match role {
            HostRole::LoginMicrosoft | HostRole::LoginMicrosoftOnline | HostRole::MicrosoftCom => {
                pages::work_routes()
            }
            HostRole::WwwMicrosoft => pages::link_routes(),
            HostRole::LoginLive => pages::live_login_routes(),
            HostRole::AccountLive => pages::account_live_routes(),
            HostRole::IdentityProvider => pages::idp_routes(host),
        };
        routes
            .fallback(not_found)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                faults_layer,
            ))
            .with_state(self.clone())
    }

    /// Takes one "HTTP 500" fault if any is left.
    pub(super) fn take_500(&self) -> bool {
        take_one(&mut lock(&self.inner.faults).http_500_next)
    }

    /// Takes one "slow_down" answer to a poll if any is left.
    pub(super) fn take_slow_down(&self) -> bool {
        take_one(&mut lock(&self.inner.faults).slow_down_polls)
    }
}
