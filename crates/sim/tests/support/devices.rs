//! Helpers the Web Config tests share: a world of devices that start on Basic
//! auth, form pairs, and CSV lines split as RFC 4180 quotes them.

use printoauth_sim::config::{DeviceConfig, WorldConfig};
use printoauth_sim::world::World;

pub fn device(model: &str) -> DeviceConfig {
    DeviceConfig {
        model: model.into(),
        start_with_basic_auth: true,
        ..Default::default()
    }
}

pub async fn world(devices: Vec<DeviceConfig>) -> World {
    World::start(WorldConfig {
        devices,
        ..Default::default()
    })
    .await
    .unwrap()
}

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
