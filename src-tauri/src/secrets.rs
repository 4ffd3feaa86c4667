//! Device administrator passwords the user chose to remember, in the OS keyring
//! (Keychain on macOS, Credential Manager on Windows, the kernel keyring on Linux).
//! Never in a file. Keyed by the device's id.

use std::collections::HashMap;
use std::sync::Mutex;

const SERVICE: &str = "printoauth device administrator";

pub trait SecretStore: Send + Sync {
    fn get(&self, device: &str) -> Option<String>;
    fn set(&self, device: &str, password: &str) -> Result<(), String>;
    fn forget(&self, device: &str);
}

/// The operating system's keyring.
pub struct OsKeyring;

impl SecretStore for OsKeyring {
    fn get(&self, device: &str) -> Option<String> {
        keyring::Entry::new(SERVICE, device)
            .ok()?
            .get_password()
            .ok()
    }
    fn set(&self, device: &str, password: &str) -> Result<(), String> {
        keyring::Entry::new(SERVICE, device)
            .and_then(|e| e.set_password(password))
            .map_err(|e| e.to_string())
    }
    fn forget(&self, device: &str) {
        if let Ok(e) = keyring::Entry::new(SERVICE, device) {
            let _ = e.delete_credential();
        }
    }
}

/// In memory (tests, and practice mode: its devices are new every time).
#[derive(Default)]
pub struct MemorySecrets {
    map: Mutex<HashMap<String, String>>,
}

impl SecretStore for MemorySecrets {
    fn get(&self, device: &str) -> Option<String> {
        self.map.lock().unwrap().get(device).cloned()
    }
    fn set(&self, device: &str, password: &str) -> Result<(), String> {
        self.map
            .lock()
            .unwrap()
            .insert(device.to_string(), password.to_string());
        Ok(())
    }
    fn forget(&self, device: &str) {
        self.map.lock().unwrap().remove(device);
    }
}
