//! Two hosts on one link, made of the [`netns`](crate::netns) harness: namespaces A
//! and B joined by a veth pair; the emulated world run in A by the `printoauth-sim`
//! binary, each device on its own address; and a test binary re-executed inside a
//! namespace to run one of its helpers there.

use std::io;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use printoauth_sim::world::WorldSummary;
use serde_json::Value;

use crate::netns::{addr, run_in, wait_for, ChildGuard, NetNs, TempDir, VethPair};

/// A's end of the veth pair.
pub const A_IF: &str = "poa-a";
/// B's end of the veth pair.
pub const B_IF: &str = "poa-b";

/// Namespaces A and B joined by a veth pair: [`A_IF`] with .1/24 and [`B_IF`] with
/// .2/24 in [`subnet`](crate::netns::subnet)`(tag)`.
pub struct TwoHosts {
    // Field order is drop order: the veth, then the namespaces.
    pub veth: VethPair,
    pub b: NetNs,
    pub a: NetNs,
}

impl TwoHosts {
    /// Namespaces "<name>a" and "<name>b" (after the harness's prefix).
    pub fn new(name: &str, tag: u8) -> io::Result<TwoHosts> {
        let a = NetNs::new(&format!("{name}a"))?;
        let b = NetNs::new(&format!("{name}b"))?;
        let veth = VethPair::new(
            &a,
            A_IF,
            &format!("{}/24", addr(tag, 1)),
            &b,
            B_IF,
            &format!("{}/24", addr(tag, 2)),
        )?;
        Ok(TwoHosts { veth, b, a })
    }

    /// Gives A the address `ip` (/32) on its end: a device's own address.
    pub fn add_device_address(&self, ip: IpAddr) -> io::Result<()> {
        self.a.add_addr(A_IF, &format!("{ip}/32"))
    }
}

/// Environment of a helper run: which helper.
pub const HELPER_ROLE_ENV: &str = "POATEST_HELPER_ROLE";
/// Environment of a helper run: its work directory.
pub const HELPER_DIR_ENV: &str = "POATEST_HELPER_DIR";

/// This test binary again, to run only its ignored test `helper_<role>` with `dir`
/// as the work directory: run it inside a namespace ([`run_in`]).
pub fn helper_cmd(role: &str, dir: &Path) -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let mut c = Command::new(exe);
    c.args([
        "--exact",
        &format!("helper_{role}"),
        "--nocapture",
        "--include-ignored",
        "--test-threads=1",
    ]);
    c.env(HELPER_ROLE_ENV, role).env(HELPER_DIR_ENV, dir);
    c
}

/// In a run made by [`helper_cmd`] for `role`: its work directory. `None` in an
/// ordinary test run, where the helper does nothing.
pub fn helper_dir(role: &str) -> Option<PathBuf> {
    if std::env::var(HELPER_ROLE_ENV).ok()? != role {
        return None;
    }
    std::env::var_os(HELPER_DIR_ENV).map(PathBuf::from)
}

/// The `printoauth-sim` binary next to the test binary (target/<profile>/), built
/// with cargo when missing. Tests of printoauth-sim itself have it as
/// `env!("CARGO_BIN_EXE_printoauth-sim")`.
pub fn sim_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/<test>-<hash> -> target/<profile>/printoauth-sim
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let sim = dir.join("printoauth-sim");
    if !sim.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let st = Command::new(cargo)
            .args(["build", "-p", "printoauth-sim", "--bin", "printoauth-sim"])
            .status()
            .expect("cargo build -p printoauth-sim");
        assert!(st.success(), "building printoauth-sim failed");
    }
    assert!(
        sim.exists(),
        "{} missing: run `cargo build -p printoauth-sim`",
        sim.display()
    );
    sim
}

/// The emulated world announcing its devices over mDNS in namespace A of
/// [`TwoHosts`], run by the `printoauth-sim` binary.
pub struct NsWorld {
    // Field order is drop order: the world process, the hosts, the directory.
    pub sim: Option<ChildGuard>,
    pub hosts: TwoHosts,
    /// The summary the world wrote, as JSON.
    pub summary: Value,
    /// world.toml, summary.json, world.log (and whatever the test adds).
    pub tmp: TempDir,
}

impl NsWorld {
    /// `sim run --mdns` in A with `models`, bound to A's .1, each device on its own
    /// address .20, .21, … of subnet `tag`; returns once its summary is written.
    /// `name` names the namespaces and the temporary directory.
    pub fn start(sim: &Path, name: &str, tag: u8, models: &[&str]) -> NsWorld {
        let hosts = TwoHosts::new(name, tag).expect("namespaces A and B");
        let mut toml = format!("bind = \"{}\"\n", addr(tag, 1));
        for (i, m) in models.iter().enumerate() {
            let ip = addr(tag, 20 + i as u8);
            hosts.add_device_address(ip.into()).expect("device address");
            toml.push_str(&format!("\n[[devices]]\nmodel = \"{m}\"\nip = \"{ip}\"\n"));
        }
        let tmp = TempDir::new(name).unwrap();
        std::fs::write(tmp.join("world.toml"), &toml).unwrap();
        let summary_path = tmp.join("summary.json");
        let mut cmd = Command::new(sim);
        cmd.args(["run", "--mdns", "--config"])
            .arg(tmp.join("world.toml"))
            .arg("--summary")
            .arg(&summary_path);
        let world = run_in(&hosts.a, &cmd, &tmp.join("world.log")).expect("spawn world");
        assert!(
            wait_for(Duration::from_secs(30), || summary_path.exists()
                && std::fs::metadata(&summary_path).is_ok_and(|m| m.len() > 0)),
            "world did not start:\n{}",
            world.log_text()
        );
        // The summary may be mid-write: retry parsing briefly.
        let mut summary = Value::Null;
        wait_for(Duration::from_secs(5), || {
            match serde_json::from_slice::<Value>(&std::fs::read(&summary_path).unwrap_or_default())
            {
                Ok(v) => {
                    summary = v;
                    true
                }
                Err(_) => false,
            }
        });
        assert_eq!(
            summary["devices"].as_array().map(Vec::len),
            Some(models.len()),
            "summary: {summary}"
        );
        NsWorld {
            sim: Some(world),
            hosts,
            summary,
            tmp,
        }
    }

    /// The summary as the world's own type.
    pub fn world_summary(&self) -> WorldSummary {
        serde_json::from_value(self.summary.clone()).expect("a world summary")
    }

    /// The world's log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(self.tmp.join("world.log")).unwrap_or_default()
    }
}
