//! Where a device is and how to connect to it: the same for every vendor's driver.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use url::Url;

use super::pin::{MemoryPinStore, PinStore};

/// Where the device is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceAddress {
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// HTTPS port (443 by default); `None`: no HTTPS.
    pub https_port: Option<u16>,
    /// HTTP port (80 by default), used only when allowed.
    pub http_port: Option<u16>,
}

impl DeviceAddress {
    /// The standard ports, 443 and 80.
    pub fn new(host: impl Into<String>) -> Self {
        Self {
            host: host.into(),
            https_port: Some(443),
            http_port: Some(80),
        }
    }
    pub fn with_ports(
        host: impl Into<String>,
        https_port: Option<u16>,
        http_port: Option<u16>,
    ) -> Self {
        Self {
            host: host.into(),
            https_port,
            http_port,
        }
    }
    /// From the device's URLs (either may be absent), e.g.
    /// `https://192.0.2.5:443` and `http://192.0.2.5:80`.
    pub fn from_urls(https: Option<&str>, http: Option<&str>) -> Option<Self> {
        let hu = https.and_then(|u| Url::parse(u).ok());
        let pu = http.and_then(|u| Url::parse(u).ok());
        let host = hu
            .as_ref()
            .or(pu.as_ref())?
            .host_str()?
            .trim_matches(['[', ']'])
            .to_string();
        Some(Self {
            host,
            https_port: hu.as_ref().and_then(|u| u.port_or_known_default()),
            http_port: pu.as_ref().and_then(|u| u.port_or_known_default()),
        })
    }
    pub(crate) fn host_for_url(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        }
    }
    /// Where the device's certificate pin is kept: "host:https-port".
    pub fn pin_key(&self) -> String {
        format!("{}:{}", self.host_for_url(), self.https_port.unwrap_or(443))
    }
    pub(crate) fn display(&self) -> String {
        self.host.clone()
    }
}

/// How to connect.
#[derive(Clone)]
pub struct ConnectOptions {
    /// Use plain HTTP when HTTPS is unavailable (off by default).
    pub allow_http: bool,
    /// Certificate pins (first use pins; a change is an error).
    pub pin_store: Arc<dyn PinStore>,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// How long a restarting device (503 / connection refused) is waited for.
    pub restart_timeout: Duration,
    /// Retries of an HTTP 500 answer.
    pub server_error_retries: u32,
    /// Pause between retries.
    pub retry_delay: Duration,
    /// Assumed lifetime of the device's sign-in code (not shown by devices).
    pub sign_in_code_lifetime: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            allow_http: false,
            pin_store: Arc::new(MemoryPinStore::new()),
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            restart_timeout: Duration::from_secs(90),
            server_error_retries: 3,
            retry_delay: Duration::from_millis(400),
            sign_in_code_lifetime: Duration::from_secs(15 * 60),
        }
    }
}

impl std::fmt::Debug for ConnectOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectOptions")
            .field("allow_http", &self.allow_http)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("restart_timeout", &self.restart_timeout)
            .field("server_error_retries", &self.server_error_retries)
            .finish_non_exhaustive()
    }
}
