//! The emulated world as tests use it: the practice tenant's accounts, worlds of
//! devices that start on Basic auth, the control API, the world file the CLI reads,
//! form pairs and CSV lines.

use std::time::Duration;

use printoauth_sim::config::{DeviceConfig, WorldConfig, DEFAULT_ADMIN_PASSWORD};
use printoauth_sim::device::{Job, JobResult};
use printoauth_sim::world::World;
use serde_json::Value;

/// The practice tenant's Global Administrator and password.
pub const ADMIN: &str = "admin@contoso.example";
pub const ADMIN_PW: &str = "Practice-Admin-1";
/// Its scanner mailbox (an ordinary user) and password.
pub const SCANNER: &str = "scanner@contoso.example";
pub const SCANNER_PW: &str = "Practice-Scanner-1";
/// Its ordinary user (whose mailbox receives the scans).
pub const USER: &str = "user@contoso.example";

/// The emulated devices' administrator password.
pub const DEVICE_PW: &str = DEFAULT_ADMIN_PASSWORD;

/// A device of `model` that starts on Basic auth (SMTP AUTH with the scanner mailbox).
pub fn device(model: &str) -> DeviceConfig {
    DeviceConfig {
        model: model.into(),
        start_with_basic_auth: true,
        ..Default::default()
    }
}

/// A world of `devices` with the practice tenant.
pub async fn world(devices: Vec<DeviceConfig>) -> World {
    World::start(WorldConfig {
        devices,
        ..Default::default()
    })
    .await
    .unwrap()
}

/// A world of one [`device`] per model.
pub async fn world_of(models: &[&str]) -> World {
    world(models.iter().map(|m| device(m)).collect()).await
}

/// A world of one [`device`] of `model`, as `tune` changes it.
pub async fn one_device(model: &str, tune: impl FnOnce(&mut DeviceConfig)) -> World {
    let mut d = device(model);
    tune(&mut d);
    world(vec![d]).await
}

/// A control API call: JSON in, JSON out, the answer's status checked.
pub async fn control(w: &World, method: &str, path: &str, body: Value) -> Value {
    let url = format!("{}{path}", w.control_url());
    let c = reqwest::Client::new();
    let req = match method {
        "PUT" => c.put(&url),
        "POST" => c.post(&url),
        "PATCH" => c.patch(&url),
        _ => c.get(&url),
    };
    let resp = req.json(&body).send().await.unwrap();
    let status = resp.status();
    let v: Value = resp.json().await.unwrap();
    assert!(status.is_success(), "{method} {path}: {status} {v}");
    v
}

/// Sets device `i`'s faults through the control API (`faults` as JSON, e.g.
/// `{"relabel": [["Sign In", "Connect"]]}`); returns them as the device took them.
pub async fn set_device_faults(w: &World, i: usize, faults: Value) -> Value {
    control(w, "PUT", &format!("/devices/{i}/faults"), faults).await
}

/// What the administrator does on device `i`'s own page when a client cannot: Sign
/// In and "Sign in with Microsoft" (`body` chooses the service, see the control API),
/// then the code shown approved in a browser as [`ADMIN`] with consent for the
/// organisation; returns once the device has signed itself in. The answer is the
/// device's state as the sign-in started (its `user_code`).
pub async fn sign_in_by_hand(w: &World, i: usize, body: Value) -> Value {
    let shown = control(w, "POST", &format!("/devices/{i}/sign-in-by-hand"), body).await;
    assert_eq!(shown["state"], "pending", "{shown}");
    let approved = control(
        w,
        "POST",
        "/identity/approve",
        serde_json::json!({"user_code": shown["user_code"], "upn": ADMIN,
            "password": ADMIN_PW, "consent_for_org": true}),
    )
    .await;
    assert_eq!(approved["approved"], true);
    let mut signed_in = false;
    for _ in 0..100 {
        let d = control(w, "GET", &format!("/devices/{i}"), serde_json::json!({})).await;
        if d["oauth"]["state"] == "signed_in" {
            signed_in = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(signed_in, "the device signed itself in");
    shown
}

/// The world's summary in a file of its own (what `printoauth practice` writes and
/// the CLI's `--world` reads), removed on drop.
pub struct WorldFile {
    pub path: std::path::PathBuf,
}

impl WorldFile {
    /// Starts the world of `cfg` and writes its file.
    pub async fn start(cfg: WorldConfig, tag: &str) -> (World, WorldFile) {
        let w = World::start(cfg).await.unwrap();
        let file = WorldFile::write(&w, tag);
        (w, file)
    }

    pub fn write(w: &World, tag: &str) -> WorldFile {
        let path = std::env::temp_dir().join(format!(
            "printoauth-world-{}-{tag}.json",
            std::process::id()
        ));
        std::fs::write(&path, serde_json::to_vec(&w.summary()).unwrap()).unwrap();
        WorldFile { path }
    }

    /// The path as a command-line argument.
    pub fn arg(&self) -> String {
        self.path.display().to_string()
    }
}

impl Drop for WorldFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Asserts that `job` failed with the job history code `code` (360, 361, 370).
pub fn assert_job_failed_with(job: &Job, code: u32) {
    assert!(
        matches!(job.result, JobResult::Failed { code: Some(c), .. } if c == code),
        "{job:?}"
    );
}

/// The item of the JSON array `list` whose `key` is `value`.
pub fn item<'a>(list: &'a Value, key: &str, value: &str) -> &'a Value {
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .find(|x| x[key] == value)
        .unwrap_or_else(|| panic!("no {key} {value} in {list}"))
}

/// Form pairs from string pairs.
pub fn v(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Splits one CSV line (RFC 4180 quoting).
pub fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use printoauth_sim::tenant::TenantConfig;

    use super::*;

    #[test]
    fn the_accounts_are_the_practice_tenants() {
        let users = TenantConfig::default().users;
        for (upn, password) in [(ADMIN, ADMIN_PW), (SCANNER, SCANNER_PW)] {
            assert!(
                users.iter().any(|u| u.upn == upn && u.password == password),
                "{upn}"
            );
        }
        assert!(users.iter().any(|u| u.upn == USER));
    }

    #[test]
    fn csv_fields_unquote() {
        assert_eq!(csv_fields(r#"a,"b,c","d""e""#), ["a", "b,c", "d\"e"]);
    }
}
