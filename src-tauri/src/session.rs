//! The private folder of one app run: the webviews' browsing data (cookies of the
//! Microsoft sign-in included) live here, never in the user's profile. Made readable
//! by the user only, wiped after every batch, deleted when the app exits; folders left
//! by a run that crashed are removed at the next start.

use std::path::{Path, PathBuf};

const PREFIX: &str = "printoauth-run-";

#[derive(Debug)]
pub struct SessionDir {
    path: PathBuf,
}

impl SessionDir {
    /// Creates `<temp>/printoauth-run-<pid>-<random>` (mode 0700 on Unix).
    pub fn create() -> std::io::Result<SessionDir> {
        Self::create_in(&std::env::temp_dir())
    }

    pub fn create_in(parent: &Path) -> std::io::Result<SessionDir> {
        remove_stale(parent);
        let name = format!(
            "{PREFIX}{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        );
        let path = parent.join(name);
        let mut b = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        b.create(&path)?;
        Ok(SessionDir { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the webviews keep cookies, storage and cache.
    pub fn webview_data(&self) -> PathBuf {
        self.path.join("webview")
    }

    /// Removes the folder and everything in it.
    pub fn remove(&self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

impl Drop for SessionDir {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Removes folders of earlier runs whose process is gone (Linux: no /proc/<pid>).
fn remove_stale(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix(PREFIX) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let alive = if cfg!(target_os = "linux") {
            Path::new(&format!("/proc/{pid}")).exists()
        } else {
            true // cannot tell: leave it
        };
        if !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_folder_made_and_removed() {
        let parent = std::env::temp_dir().join(format!("po-session-test-{}", std::process::id()));
        std::fs::create_dir_all(&parent).unwrap();
        // A folder of a run that crashed (a pid that cannot exist) is removed at start.
        let stale = parent.join(format!("{PREFIX}4294967-deadbeef"));
        std::fs::create_dir_all(stale.join("webview")).unwrap();
        let s = SessionDir::create_in(&parent).unwrap();
        assert!(!stale.exists(), "stale folder removed");
        assert!(s.path().is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(s.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        std::fs::create_dir_all(s.webview_data()).unwrap();
        std::fs::write(s.webview_data().join("cookies"), "x").unwrap();
        let p = s.path().to_path_buf();
        drop(s);
        assert!(!p.exists(), "removed on drop");
        std::fs::remove_dir_all(&parent).unwrap();
    }
}
