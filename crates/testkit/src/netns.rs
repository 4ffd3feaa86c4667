//! Network-namespace test harness: namespaces, veth pairs, addresses, and processes
//! run inside them, all removed again on drop (also when a test panics).
//!
//! mDNS (and anything else that multicasts) must only ever run inside namespaces
//! made here, never in the host's namespace.
//!
//! Needs root and iproute2's `ip`. Without them [`privileged_or_skip`] skips the
//! test with a message, except in CI (`CI=true`), where it fails instead.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::net::Ipv4Addr;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// Prefix of every namespace this harness creates: "poatest-<pid>-<tag>".
pub const NS_PREFIX: &str = "poatest-";

/// True when running in CI (`CI` set to anything but "", "0" or "false").
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// Effective uid is 0.
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

/// Whether `program` can be found on PATH (or is an existing path).
pub fn has_program(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).exists();
    }
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
        .unwrap_or(false)
}

/// Returns true when the test can create namespaces (root and `ip` present). Otherwise
/// prints why and returns false (skip), or panics when in CI: there they must run.
pub fn privileged_or_skip(test: &str) -> bool {
    let reason = if !is_root() {
        Some("not running as root".to_string())
    } else if !has_program("ip") {
        Some("`ip` (iproute2) not found".to_string())
    } else {
        None
    };
    match reason {
        None => true,
        Some(r) if is_ci() => panic!(
            "{test}: {r}; network-namespace tests must run in CI (CI=true), as root with iproute2 (scripts/setup.sh)"
        ),
        Some(r) => {
            eprintln!("SKIPPED {test}: {r} (it creates network namespaces: needs root and iproute2)");
            false
        }
    }
}

/// Panics with a clear message when one of `programs` is missing.
pub fn require_programs(test: &str, programs: &[&str]) {
    let missing: Vec<&str> = programs
        .iter()
        .copied()
        .filter(|p| !has_program(p))
        .collect();
    assert!(
        missing.is_empty(),
        "{test}: missing programs {missing:?}; install them with scripts/setup.sh"
    );
}

/// A private /24 for this process and `tag`, as its first three octets: 10.X.Y.0/24
/// with X.Y derived from the pid (namespaces are separate anyway; this only keeps
/// logs of concurrent runs apart).
pub fn subnet(tag: u8) -> [u8; 3] {
    let n = (std::process::id().wrapping_mul(8).wrapping_add(tag as u32)) & 0xffff;
    [10, (n >> 8) as u8, n as u8]
}

/// An address in [`subnet`]`(tag)`.
pub fn addr(tag: u8, host: u8) -> Ipv4Addr {
    let [a, b, c] = subnet(tag);
    Ipv4Addr::new(a, b, c, host)
}

/// Runs `ip ARGS` and fails on a non-zero exit, with its stderr.
pub fn ip(args: &[&str]) -> io::Result<()> {
    let out = Command::new("ip")
        .args(args)
        .stdin(Stdio::null())
        .output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}

fn pid_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// True when our child `pid` has exited but is not reaped yet (a zombie still holds
/// its pid and process group id, so signalling the group cannot hit a reused id).
fn is_zombie(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => s
            .rsplit_once(')')
            .map(|(_, rest)| rest.trim_start().starts_with('Z'))
            .unwrap_or(false),
        Err(_) => true,
    }
}

/// Pids of the processes in namespace `name` (`ip netns pids`).
pub fn netns_pids(name: &str) -> Vec<u32> {
    Command::new("ip")
        .args(["netns", "pids", name])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

fn signal(target: &str, sig: &str) {
    let _ = Command::new("kill")
        .args([sig, "--", target])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Kills (TERM, then KILL) every process left in namespace `name`: all were started
/// inside it by this harness.
fn kill_namespace_processes(name: &str) {
    let pids = netns_pids(name);
    if pids.is_empty() {
        return;
    }
    for p in &pids {
        signal(&p.to_string(), "-TERM");
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline && pids.iter().any(|p| pid_alive(*p)) {
        std::thread::sleep(Duration::from_millis(20));
    }
    for p in pids.iter().filter(|p| pid_alive(**p)) {
        signal(&p.to_string(), "-KILL");
    }
}

/// Removes namespaces this harness left behind in runs that were killed (their
/// "poatest-<pid>-" owner no longer exists), with the processes inside them.
pub fn remove_stale_namespaces() {
    let Ok(out) = Command::new("ip")
        .args(["netns", "list"])
        .stdin(Stdio::null())
        .output()
    else {
        return;
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        let Some(rest) = name.strip_prefix(NS_PREFIX) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !pid_alive(pid) {
            kill_namespace_processes(name);
            let _ = ip(&["netns", "delete", name]);
        }
    }
}

/// A network namespace "poatest-<pid>-<tag>" with `lo` up (multicast on); deleted on
/// drop, after killing whatever still runs inside it.
pub struct NetNs {
    name: String,
}

impl NetNs {
    pub fn new(tag: &str) -> io::Result<NetNs> {
        remove_stale_namespaces();
        let name = format!("{NS_PREFIX}{}-{tag}", std::process::id());
        assert!(name.len() <= 64, "namespace name too long: {name}");
        if ip(&["netns", "add", &name]).is_err() {
            // Left by an earlier process with the same pid (which is gone: it was ours).
            kill_namespace_processes(&name);
            let _ = ip(&["netns", "delete", &name]);
            ip(&["netns", "add", &name])?;
        }
        let ns = NetNs { name };
        ns.ip(&["link", "set", "lo", "up"])?;
        ns.ip(&["link", "set", "lo", "multicast", "on"])?;
        Ok(ns)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// `ip -n NS ARGS`.
    pub fn ip(&self, args: &[&str]) -> io::Result<()> {
        let mut all = vec!["-n", self.name.as_str()];
        all.extend_from_slice(args);
        ip(&all)
    }

    /// Adds an address (e.g. "10.1.2.3/32" or "10.1.2.3/24") to `dev` in this namespace.
    pub fn add_addr(&self, dev: &str, cidr: &str) -> io::Result<()> {
        self.ip(&["addr", "add", cidr, "dev", dev])
    }

    /// `cmd` rewritten to run inside this namespace: `ip netns exec NS <program> <args>`,
    /// with `cmd`'s environment changes and working directory (not its stdio).
    pub fn command(&self, cmd: &Command) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &self.name])
            .arg(cmd.get_program())
            .args(cmd.get_args());
        for (k, v) in cmd.get_envs() {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        if let Some(d) = cmd.get_current_dir() {
            c.current_dir(d);
        }
        c
    }

    /// Runs `cmd` in this namespace to completion, capturing its output; kills it
    /// (process group) and errors after `timeout`.
    pub fn output(&self, cmd: &Command, timeout: Duration) -> io::Result<Output> {
        output_with_timeout(self.command(cmd), timeout)
    }
}

impl Drop for NetNs {
    fn drop(&mut self) {
        kill_namespace_processes(&self.name);
        if let Err(e) = ip(&["netns", "delete", &self.name]) {
            eprintln!("netns: deleting {}: {e}", self.name);
        }
    }
}

/// A veth pair joining two namespaces, each end with its address, up, and with a
/// route for 224.0.0.0/4 (else multicast sends fail with "Network is unreachable").
/// Created from inside namespace `a`: nothing touches the host's namespace.
pub struct VethPair {
    pub a_ns: String,
    pub a_if: String,
    pub b_ns: String,
    pub b_if: String,
}

impl VethPair {
    /// `a_cidr`/`b_cidr` like "10.1.2.1/24".
    pub fn new(
        a: &NetNs,
        a_if: &str,
        a_cidr: &str,
        b: &NetNs,
        b_if: &str,
        b_cidr: &str,
    ) -> io::Result<VethPair> {
        a.ip(&[
            "link",
            "add",
            a_if,
            "type",
            "veth",
            "peer",
            "name",
            b_if,
            "netns",
            b.name(),
        ])?;
        let pair = VethPair {
            a_ns: a.name().to_string(),
            a_if: a_if.to_string(),
            b_ns: b.name().to_string(),
            b_if: b_if.to_string(),
        };
        for (ns, dev, cidr) in [(a, a_if, a_cidr), (b, b_if, b_cidr)] {
            ns.add_addr(dev, cidr)?;
            ns.ip(&["link", "set", dev, "multicast", "on"])?;
            ns.ip(&["link", "set", dev, "up"])?;
            ns.ip(&["route", "add", "224.0.0.0/4", "dev", dev])?;
        }
        Ok(pair)
    }
}

impl Drop for VethPair {
    fn drop(&mut self) {
        // Deleting one end deletes both; gone already if the namespace went first.
        let _ = Command::new("ip")
            .args(["-n", &self.a_ns, "link", "del", &self.a_if])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// A child process in its own process group; on drop the whole group gets TERM,
/// then KILL after 2 s, and is reaped: no orphans keep ports or pipes.
pub struct ChildGuard {
    child: Option<Child>,
    status: Option<ExitStatus>,
    pgid: u32,
    pub label: String,
    pub log: Option<PathBuf>,
}

impl ChildGuard {
    pub fn id(&self) -> u32 {
        self.pgid
    }

    /// Waits up to `timeout` for the child to exit. Once it has, whatever it left
    /// running in its process group is killed before the child is reaped.
    pub fn wait_timeout(&mut self, timeout: Duration) -> io::Result<Option<ExitStatus>> {
        if let Some(st) = self.status {
            return Ok(Some(st));
        }
        let deadline = Instant::now() + timeout;
        let child = self
            .child
            .as_mut()
            .ok_or_else(|| io::Error::other("already stopped"))?;
        loop {
            if is_zombie(self.pgid) {
                signal(&format!("-{}", self.pgid), "-KILL");
                let st = child.wait()?;
                self.status = Some(st);
                self.child = None;
                return Ok(Some(st));
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits up to `timeout` for the child to exit and asserts that it succeeded
    /// (the message names it as `what` and shows its log).
    pub fn assert_succeeds_within(&mut self, timeout: Duration, what: &str) {
        let st = self.wait_timeout(timeout).unwrap();
        assert!(
            matches!(st, Some(s) if s.success()),
            "{what} exit {st:?}; log:\n{}",
            self.log_text()
        );
    }

    /// Exit status if the child has exited, without waiting.
    pub fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        self.wait_timeout(Duration::ZERO)
    }

    /// The log file's content (stdout and stderr), if it has one.
    pub fn log_text(&self) -> String {
        self.log
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default()
    }

    /// TERM to the process group, KILL after 2 s, reap.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = format!("-{}", self.pgid);
        signal(&group, "-TERM");
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline && !is_zombie(self.pgid) {
            std::thread::sleep(Duration::from_millis(20));
        }
        // The leader (unreaped, so the group id is still ours) may be gone while others
        // in its group still run: KILL the group anyway, then reap.
        signal(&group, "-KILL");
        let _ = child.wait();
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Starts `cmd` inside `ns` in its own process group, stdin from /dev/null and
/// stdout+stderr appended to `log`, and returns a guard that stops the group on drop.
pub fn run_in(ns: &NetNs, cmd: &Command, log: &Path) -> io::Result<ChildGuard> {
    let mut c = ns.command(cmd);
    let f = File::options().create(true).append(true).open(log)?;
    c.stdin(Stdio::null())
        .stdout(f.try_clone()?)
        .stderr(f)
        .process_group(0);
    let child = c.spawn()?;
    let label: Vec<OsString> = std::iter::once(cmd.get_program().to_os_string())
        .chain(cmd.get_args().map(|a| a.to_os_string()))
        .collect();
    Ok(ChildGuard {
        pgid: child.id(),
        child: Some(child),
        status: None,
        label: format!("[{}] {:?}", ns.name(), label),
        log: Some(log.to_path_buf()),
    })
}

/// Runs `cmd` (already complete, e.g. from [`NetNs::command`]) in its own process
/// group with captured output; kills the group and errors after `timeout`.
pub fn output_with_timeout(mut cmd: Command, timeout: Duration) -> io::Result<Output> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = cmd.spawn()?;
    let pgid = child.id();
    let mut so = child.stdout.take().expect("stdout");
    let mut se = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = so.read_to_end(&mut b);
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = se.read_to_end(&mut b);
        b
    });
    let deadline = Instant::now() + timeout;
    let mut timed_out = false;
    while !is_zombie(pgid) {
        if Instant::now() >= deadline {
            timed_out = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // Whatever is left in its group (nothing expected) goes too, so the pipes close.
    signal(&format!("-{pgid}"), "-KILL");
    let status = child.wait()?;
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
    if timed_out {
        return Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!(
                "{:?} timed out after {timeout:?}; stdout: {} stderr: {}",
                cmd.get_program(),
                String::from_utf8_lossy(&stdout),
                String::from_utf8_lossy(&stderr)
            ),
        ));
    }
    Ok(Output {
        status,
        stdout,
        stderr,
    })
}

/// A temporary directory removed on drop.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new(tag: &str) -> io::Result<TempDir> {
        let path = std::env::temp_dir().join(format!("{NS_PREFIX}{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)?;
        Ok(TempDir { path })
    }

    pub fn join(&self, p: &str) -> PathBuf {
        self.path.join(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var_os("POATEST_KEEP_TMP").is_none() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Polls `cond` every 20 ms until it holds or `timeout` passes; returns whether it held.
pub fn wait_for(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if cond() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
