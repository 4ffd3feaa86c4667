//! Manual add: probe one host's web server (https, then http) and recognise Epson
//! Web Config. No multicast; only the host given is contacted.

use std::net::IpAddr;
use std::time::Duration;

use super::recognize::{vendor_from_name, Capabilities, Vendor};
use super::{DiscoveredDevice, DiscoveryError};

/// Largest body read from a probed page.
const MAX_BODY: usize = 512 * 1024;
/// Paths tried on each scheme, in order.
const PROBE_PATHS: &[&str] = &["/PRESENTATION/BONJOUR", "/"];

/// What one page says about the device serving it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRecognition {
    pub vendor: Vendor,
    pub model: Option<String>,
    /// The page belongs to Epson Web Config (PRESENTATION paths, frameset).
    pub web_config: bool,
}

/// Recognises a page from its final URL path (after redirects) and its HTML.
pub fn recognize_page(final_path: &str, html: &str) -> PageRecognition {
    let doc = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).ok();
    let text_of = |s: &str| -> Vec<String> {
        sel(s)
            .map(|sel| {
                doc.select(&sel)
                    .map(|e| e.text().collect::<String>())
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let attrs = |s: &str, a: &str| -> Vec<String> {
        sel(s)
            .map(|sel| {
                doc.select(&sel)
                    .filter_map(|e| e.value().attr(a).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut links = attrs("a[href]", "href");
    links.extend(attrs("frame[src]", "src"));
    links.extend(attrs("iframe[src]", "src"));
    links.extend(attrs("form[action]", "action"));
    links.extend(attrs("meta[http-equiv]", "content"));
    let presentation = |s: &str| s.to_ascii_uppercase().contains("/PRESENTATION/");
    let has_frameset = sel("frameset").is_some_and(|s| doc.select(&s).next().is_some());
    let web_config = final_path
        .to_ascii_uppercase()
        .starts_with("/PRESENTATION/")
        || links.iter().any(|l| presentation(l));
    let titles = text_of("title");
    let headings = text_of("h1");
    let named: Vec<&String> = headings.iter().chain(titles.iter()).collect();

    // The vendor a heading or title names, else Epson when the page is Web Config.
    let named_vendor = named.iter().find_map(|t| {
        t.split(|c: char| c.is_whitespace() || c == '-' || c == '|')
            .find_map(vendor_from_name)
    });
    let vendor = match named_vendor {
        Some(v) => v,
        None if web_config
            && (has_frameset || html.contains("EPSON") || html.contains("Epson")) =>
        {
            Vendor::Epson
        }
        None if web_config => Vendor::Epson,
        None => Vendor::Unknown,
    };

    // The model: a heading/title part with a digit, without the vendor word and
    // without "Web Config".
    let model = named
        .iter()
        .flat_map(|t| {
            t.split(" - ")
                .chain(t.split(" | "))
                .map(str::trim)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.to_ascii_lowercase().contains("web config"))
        .map(|p| match p.split_once(' ') {
            Some((first, rest)) if vendor_from_name(first).is_some() => rest.trim().to_string(),
            _ => p.to_string(),
        })
        .find(|p| p.chars().any(|c| c.is_ascii_digit()) && p.len() <= 80);
    PageRecognition {
        vendor,
        model,
        web_config,
    }
}

/// The parts of what the user typed: host (IP or name), and port if given.
fn parse_target(input: &str) -> Option<(String, Option<u16>)> {
    let s = input.trim();
    if s.is_empty() || s.len() > 253 + 8 {
        return None;
    }
    if s.contains("://") {
        let u = url::Url::parse(s).ok()?;
        let host = u
            .host_str()?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        return Some((host, u.port()));
    }
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Some((ip.to_string(), None));
    }
    if let Ok(sa) = s.parse::<std::net::SocketAddr>() {
        return Some((sa.ip().to_string(), Some(sa.port())));
    }
    let (host, port) = match s.rsplit_once(':') {
        Some((h, p)) => (h, Some(p.parse::<u16>().ok()?)),
        None => (s, None),
    };
    let host = host.trim_end_matches('.');
    let ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    ok.then(|| (host.to_string(), port))
}

fn authority(host: &str, port: Option<u16>) -> String {
    let h = match host.parse::<IpAddr>() {
        Ok(IpAddr::V6(a)) => format!("[{a}]"),
        _ => host.to_string(),
    };
    match port {
        Some(p) => format!("{h}:{p}"),
        None => h,
    }
}

/// A transport error with its causes ("error sending request: tls: ...").
fn describe(e: &reqwest::Error) -> String {
    let mut out = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        out.push_str(": ");
        out.push_str(&s.to_string());
        src = s.source();
    }
    out
}

/// GETs `url`: (status, final path after redirects, body up to [`MAX_BODY`]), or the
/// error and whether nothing usable listens there (connect/TLS/timeout).
async fn fetch(
    client: &reqwest::Client,
    url: &str,
) -> Result<(u16, String, String), (String, bool)> {
    let mut resp = client
        .get(url)
        .send()
        .await
        .map_err(|e| (describe(&e), e.is_connect() || e.is_timeout()))?;
    let status = resp.status().as_u16();
    let final_path = resp.url().path().to_string();
    let mut body: Vec<u8> = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk);
                if body.len() >= MAX_BODY {
                    body.truncate(MAX_BODY);
                    break;
                }
            }
            Ok(None) => break,
            Err(e) if body.is_empty() => return Err((describe(&e), false)),
            Err(_) => break, // use what arrived
        }
    }
    Ok((
        status,
        final_path,
        String::from_utf8_lossy(&body).into_owned(),
    ))
}

/// Probes `host` (IP address or host name, optionally ":port" or a URL): GETs
/// /PRESENTATION/BONJOUR and / over https, then http, following redirects and
/// accepting self-signed certificates (for this probe only). Returns the device,
/// with vendor and model when a page shows them (`Vendor::Unknown` when a web server
/// answered but was not recognised); capabilities are unknown and left false.
pub async fn probe(host: &str) -> Result<DiscoveredDevice, DiscoveryError> {
    let (name, port) =
        parse_target(host).ok_or_else(|| DiscoveryError::DiscoveryProbeInvalidHost {
            host: host.to_string(),
        })?;
    let client = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .redirect(reqwest::redirect::Policy::limited(5))
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(6))
        .build()
        .map_err(|e| DiscoveryError::DiscoveryProbeUnreachable {
            host: host.to_string(),
            detail: e.to_string(),
        })?;
    let auth = authority(&name, port);
    // The best answer so far, and whether it was a page (2xx) naming a vendor: an
    // error page at a Web Config path (another vendor's 404) describes nothing.
    let mut answered: Option<(String, PageRecognition, bool)> = None;
    let mut last_err = String::new();
    'schemes: for scheme in ["https", "http"] {
        for path in PROBE_PATHS {
            let url = format!("{scheme}://{auth}{path}");
            match fetch(&client, &url).await {
                Ok((status, final_path, body)) => {
                    let page = recognize_page(&final_path, &body);
                    let good = (200..300).contains(&status) && page.vendor != Vendor::Unknown;
                    let better = match &answered {
                        None => true,
                        Some((_, p, was_good)) => {
                            good && (!was_good
                                || p.vendor == Vendor::Unknown
                                || (p.model.is_none() && page.model.is_some()))
                        }
                    };
                    if better {
                        answered = Some((url, page, good));
                    }
                    if good && answered.as_ref().is_some_and(|(_, p, _)| p.model.is_some()) {
                        break 'schemes;
                    }
                }
                Err((e, dead)) => {
                    last_err = e;
                    if dead {
                        // Nothing (usable) listens on this scheme: skip its other paths.
                        continue 'schemes;
                    }
                }
            }
        }
    }
    let Some((url, page, _)) = answered else {
        return Err(DiscoveryError::DiscoveryProbeUnreachable {
            host: host.to_string(),
            detail: last_err,
        });
    };
    let ip = name.parse::<IpAddr>().ok();
    let addresses = match ip {
        Some(ip) => vec![ip],
        None => {
            let lookup = tokio::net::lookup_host((name.as_str(), port.unwrap_or(80)));
            match tokio::time::timeout(Duration::from_secs(2), lookup).await {
                Ok(Ok(it)) => {
                    let mut v: Vec<IpAddr> = it.map(|sa| sa.ip()).collect();
                    v.sort();
                    v.dedup();
                    v
                }
                _ => Vec::new(),
            }
        }
    };
    let id = match ip {
        Some(ip) => format!("addr:{ip}"),
        None => format!("host:{}", name.to_ascii_lowercase()),
    };
    Ok(DiscoveredDevice {
        id,
        supported: page.vendor.supported(),
        vendor: page.vendor,
        model: page.model,
        host_name: ip.is_none().then(|| name.clone()),
        addresses,
        admin_url: Some(url),
        mac: None,
        capabilities: Capabilities::default(),
        services: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(parse_target("10.0.0.5"), Some(("10.0.0.5".into(), None)));
        assert_eq!(
            parse_target("10.0.0.5:8080"),
            Some(("10.0.0.5".into(), Some(8080)))
        );
        assert_eq!(
            parse_target("[fe80::1]:81"),
            Some(("fe80::1".into(), Some(81)))
        );
        assert_eq!(parse_target("fe80::1"), Some(("fe80::1".into(), None)));
        assert_eq!(
            parse_target("EPSON4A3AAB.local."),
            Some(("EPSON4A3AAB.local".into(), None))
        );
        assert_eq!(
            parse_target("https://printer.example:8443/x"),
            Some(("printer.example".into(), Some(8443)))
        );
        for bad in [
            "",
            "a b",
            "host:notaport",
            "host:99999",
            "ex$mple.com",
            "..",
            &"a".repeat(400),
        ] {
            assert_eq!(parse_target(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn pages() {
        let frameset = r#"<html><head><title>WF-C5890 Series</title></head><frameset rows="90,*">
<frame src="/PRESENTATION/ADVANCED/COMMON/HEADER"><frame src="/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP"></frameset></html>"#;
        let p = recognize_page("/PRESENTATION/ADVANCED/COMMON/TOP", frameset);
        assert_eq!(p.vendor, Vendor::Epson);
        assert_eq!(p.model.as_deref(), Some("WF-C5890 Series"));
        assert!(p.web_config);

        let bonjour = r#"<html><head><title>Web Config - ET-4850 Series</title></head><body><h1>EPSON ET-4850 Series</h1>
<meta http-equiv="refresh" content="0; url=/PRESENTATION/ADVANCED/COMMON/TOP"></body></html>"#;
        let p = recognize_page("/PRESENTATION/BONJOUR", bonjour);
        assert_eq!(
            (p.vendor, p.model.as_deref()),
            (Vendor::Epson, Some("ET-4850 Series"))
        );

        let other =
            "<html><head><title>Brother MFC-L8900CDW series</title></head><body>hi</body></html>";
        let p = recognize_page("/general/status.html", other);
        assert_eq!(
            (p.vendor, p.model.as_deref()),
            (Vendor::Brother, Some("MFC-L8900CDW series"))
        );
        assert!(!p.web_config);

        for junk in [
            "",
            "<<<>>>",
            "\u{0}\u{1}",
            &"<div>".repeat(10_000),
            "<title>Web Config</title>",
        ] {
            let p = recognize_page("/", junk);
            assert_eq!(p.model, None);
        }
        assert_eq!(recognize_page("/", "<p>router</p>").vendor, Vendor::Unknown);
    }
}
