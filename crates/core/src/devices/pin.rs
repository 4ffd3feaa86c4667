//! Certificate pins: the SHA-256 of a device's leaf certificate (lowercase hex),
//! remembered on first use per device address ("host:port").
//!
//! [`MemoryPinStore`] lives as long as the process; [`JsonFilePinStore`] keeps the
//! pins in a JSON file, rewritten atomically (a temporary file in the same folder,
//! flushed, then renamed over the old one).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::DeviceError;

/// Where pins are kept.
pub trait PinStore: Send + Sync {
    /// The pinned fingerprint for `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, DeviceError>;
    /// Pins `fingerprint` for `key` (replacing an earlier pin).
    fn set(&self, key: &str, fingerprint: &str) -> Result<(), DeviceError>;
    /// Forgets the pin for `key` (after the user accepted a new certificate).
    fn remove(&self, key: &str) -> Result<(), DeviceError>;
}

/// Pins in memory.
#[derive(Debug, Default)]
pub struct MemoryPinStore {
    pins: Mutex<BTreeMap<String, String>>,
}

impl MemoryPinStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl PinStore for MemoryPinStore {
    fn get(&self, key: &str) -> Result<Option<String>, DeviceError> {
        Ok(self.pins.lock().unwrap().get(key).cloned())
    }
    fn set(&self, key: &str, fingerprint: &str) -> Result<(), DeviceError> {
        self.pins
            .lock()
            .unwrap()
            .insert(key.to_string(), normalise(fingerprint));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), DeviceError> {
        self.pins.lock().unwrap().remove(key);
        Ok(())
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct PinFile {
    version: u32,
    pins: BTreeMap<String, String>,
}

/// Pins in a JSON file: `{"version": 1, "pins": {"host:port": "<sha256 hex>"}}`.
#[derive(Debug)]
pub struct JsonFilePinStore {
    path: PathBuf,
    lock: Mutex<()>,
}

impl JsonFilePinStore {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: Mutex::new(()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: impl std::fmt::Display) -> DeviceError {
        DeviceError::DevicePinStore {
            location: self.path.display().to_string(),
            detail: e.to_string(),
        }
    }

    fn load(&self) -> Result<PinFile, DeviceError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| self.err(e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PinFile {
                version: 1,
                pins: BTreeMap::new(),
            }),
            Err(e) => Err(self.err(e)),
        }
    }

    fn store(&self, file: &PinFile) -> Result<(), DeviceError> {
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| self.err(e))?;
        let data = serde_json::to_vec_pretty(file).map_err(|e| self.err(e))?;
        crate::files::write_atomically(&self.path, &data).map_err(|e| self.err(e))
    }
}

impl PinStore for JsonFilePinStore {
    fn get(&self, key: &str) -> Result<Option<String>, DeviceError> {
        let _g = self.lock.lock().unwrap();
        Ok(self.load()?.pins.get(key).cloned())
    }
    fn set(&self, key: &str, fingerprint: &str) -> Result<(), DeviceError> {
        let _g = self.lock.lock().unwrap();
        let mut f = self.load()?;
        f.version = 1;
        f.pins.insert(key.to_string(), normalise(fingerprint));
        self.store(&f)
    }
    fn remove(&self, key: &str) -> Result<(), DeviceError> {
        let _g = self.lock.lock().unwrap();
        let mut f = self.load()?;
        if f.pins.remove(key).is_some() {
            self.store(&f)?;
        }
        Ok(())
    }
}

/// A SHA-256 fingerprint as printoauth keeps it (64 lowercase hex digits), from how a
/// person may type or paste it (any case, with colons or spaces); `None` when it is
/// not one.
pub fn parse_fingerprint(fp: &str) -> Option<String> {
    let ok = fp
        .chars()
        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == ' ');
    let n = normalise(fp);
    (ok && n.len() == 64).then_some(n)
}

/// Lowercase hex without separators.
pub(crate) fn normalise(fp: &str) -> String {
    fp.chars()
        .filter(|c| c.is_ascii_hexdigit())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
