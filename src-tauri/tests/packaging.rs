//! The installers' configuration, checked without building them:
//!
//! - macOS: the Info.plist printoauth merges into the app carries the reason for the
//!   local network prompt and lists exactly the mDNS service types discovery browses
//!   (`printoauth_core::discovery::DEFAULT_SERVICE_TYPES`); without both, macOS 15
//!   blocks the queries silently.
//! - Windows: the NSIS installer is per machine and its hooks add the inbound firewall
//!   rules for mDNS answers (UDP 5353, printoauth's own programs) and remove the same
//!   rules on uninstall; the MSI's WiX fragment does the same; `makensis` compiles the
//!   hooks.
//! - Versions agree: the workspace, tauri.conf.json, ui/package.json (and its lock) and
//!   the Debian changelog.
//! - Icons: every icon the bundles name exists, at its size.
//! - Updates: an artifact signed by `tauri signer sign` (the release workflow's tool)
//!   with a throwaway private key verifies with that key's public key put where the app
//!   reads it (tauri.conf.json > plugins > updater > pubkey), exactly as the updater
//!   plugin verifies (minisign-verify, the same decoding); a tampered artifact, another
//!   version or another key does not. No private key is in the repository.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn conf() -> Value {
    serde_json::from_str(&read("src-tauri/tauri.conf.json")).expect("tauri.conf.json")
}

fn conf_str<'a>(conf: &'a Value, pointer: &str) -> &'a str {
    conf.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("tauri.conf.json has no string at {pointer}"))
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("printoauth-{name}-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

// ---------------------------------------------------------------------------------
// macOS

/// The service types discovery browses, as Bonjour names them ("_ipp._tcp").
fn browsed_service_types() -> BTreeSet<String> {
    printoauth_core::discovery::DEFAULT_SERVICE_TYPES
        .iter()
        .map(|t| {
            t.trim_end_matches('.')
                .trim_end_matches(".local")
                .to_owned()
        })
        .collect()
}

#[test]
fn info_plist_names_the_local_network_reason_and_exactly_the_browsed_services() {
    let conf = conf();
    let rel = conf_str(&conf, "/bundle/macOS/infoPlist");
    let path = root().join("src-tauri").join(rel);
    let plist =
        plist::Value::from_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dict = plist.as_dictionary().expect("Info.plist is a dictionary");

    let reason = dict
        .get("NSLocalNetworkUsageDescription")
        .and_then(|v| v.as_string())
        .expect("NSLocalNetworkUsageDescription");
    assert!(
        reason.contains("printoauth") && reason.contains("printers"),
        "the reason says who looks and why: {reason}"
    );
    assert!(reason.len() < 200, "a short sentence for the prompt");

    let listed: Vec<String> = dict
        .get("NSBonjourServices")
        .and_then(|v| v.as_array())
        .expect("NSBonjourServices")
        .iter()
        .map(|v| v.as_string().expect("a service type").to_owned())
        .collect();
    let unique: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        listed.len(),
        "no service listed twice: {listed:?}"
    );
    assert_eq!(
        unique,
        browsed_service_types(),
        "NSBonjourServices must equal discovery's DEFAULT_SERVICE_TYPES"
    );
    for t in &listed {
        assert!(
            t.starts_with('_') && (t.ends_with("._tcp") || t.ends_with("._udp")),
            "Bonjour form: {t}"
        );
    }
}

// ---------------------------------------------------------------------------------
// Windows

/// The body of `!macro NAME ... !macroend`, with the hooks' own macros and defines expanded.
fn nsis_macro(src: &str, name: &str) -> String {
    let defines: BTreeMap<String, String> = src
        .lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("!define ")?;
            let (k, v) = rest.split_once(' ')?;
            Some((k.to_owned(), v.trim().trim_matches('"').to_owned()))
        })
        .collect();
    let start = src
        .find(&format!("!macro {name}\n"))
        .unwrap_or_else(|| panic!("hooks.nsh has no macro {name}"));
    let body = &src[start..];
    let body = &body[body.find('\n').unwrap() + 1..body.find("!macroend").unwrap()];
    let mut out = String::new();
    for line in body.lines() {
        let l = line.trim();
        if let Some(inner) = l.strip_prefix("!insertmacro ") {
            out.push_str(&nsis_macro(src, inner.trim()));
        } else if !l.starts_with(';') {
            let mut l = l.to_owned();
            for (k, v) in &defines {
                l = l.replace(&format!("${{{k}}}"), v);
            }
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// The netsh commands of the NSIS hooks (`nsExec::ExecToLog '...'`) or of the WiX
/// fragment (`Value="..."`, quotes as `&quot;`).
fn commands(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(i) = line.find("ExecToLog '") {
            let rest = &line[i + "ExecToLog '".len()..];
            out.push(rest[..rest.rfind('\'').expect("closing quote")].to_owned());
        }
    }
    for part in text.split("Value=\"").skip(1) {
        out.push(part[..part.find('"').expect("closing quote")].replace("&quot;", "\""));
    }
    out.retain(|c| c.contains("advfirewall"));
    out
}

/// The firewall rules the commands in some text add or delete: (verb, name, parameters).
fn netsh_rules(text: &str) -> Vec<(String, String, BTreeMap<String, String>)> {
    let mut rules = Vec::new();
    for cmd in commands(text) {
        let cmd =
            &cmd[cmd.find("advfirewall firewall ").unwrap() + "advfirewall firewall ".len()..];
        let verb = cmd.split_whitespace().next().unwrap_or("").to_owned();
        let mut params = BTreeMap::new();
        let mut rest = cmd[verb.len()..]
            .trim_start()
            .strip_prefix("rule")
            .expect("a rule command")
            .trim();
        while !rest.is_empty() {
            let (k, after) = rest.split_once('=').expect("key=value");
            let (v, after) = if let Some(q) = after.strip_prefix('"') {
                let end = q.find('"').expect("closing quote");
                (&q[..end], &q[end + 1..])
            } else {
                after.split_once(' ').unwrap_or((after, ""))
            };
            params.insert(k.trim().to_ascii_lowercase(), v.to_owned());
            rest = after.trim();
        }
        let name = params.remove("name").expect("every rule has a name");
        rules.push((verb, name, params));
    }
    rules
}

fn assert_mdns_rules(
    added: &[(String, String, BTreeMap<String, String>)],
    app_exe: &str,
    cli_exe: &str,
    what: &str,
) {
    let programs: BTreeSet<&str> = added
        .iter()
        .map(|(_, _, p)| p["program"].as_str())
        .collect();
    assert_eq!(
        programs,
        BTreeSet::from([app_exe, cli_exe]),
        "{what}: a rule for the app and one for the CLI"
    );
    for (verb, name, p) in added {
        assert_eq!(verb, "add", "{what}: {name}");
        assert_eq!(p["dir"], "in", "{what}: {name} lets answers in");
        assert_eq!(p["action"], "allow", "{what}: {name}");
        assert_eq!(p["protocol"].to_ascii_uppercase(), "UDP", "{what}: {name}");
        assert_eq!(p["localport"], "5353", "{what}: {name} is mDNS's port");
        assert_eq!(
            p["remoteip"].to_ascii_lowercase(),
            "localsubnet",
            "{what}: {name} only from the local subnet"
        );
        assert_eq!(p["enable"], "yes", "{what}: {name}");
    }
}

#[test]
fn nsis_installs_per_machine_and_its_hooks_add_and_remove_the_mdns_firewall_rules() {
    let conf = conf();
    assert_eq!(
        conf_str(&conf, "/bundle/windows/nsis/installMode"),
        "perMachine",
        "only an elevated installer may add firewall rules"
    );
    let hooks = read(&format!(
        "src-tauri/{}",
        conf_str(&conf, "/bundle/windows/nsis/installerHooks")
    ));
    let main = conf_str(&conf, "/mainBinaryName");
    assert_eq!(main, "printoauth-app");

    let install = nsis_macro(&hooks, "NSIS_HOOK_POSTINSTALL");
    let rules = netsh_rules(&install);
    let added: Vec<_> = rules.iter().filter(|r| r.0 == "add").cloned().collect();
    assert_mdns_rules(
        &added,
        "$INSTDIR\\${MAINBINARYNAME}.exe",
        "$INSTDIR\\printoauth.exe",
        "NSIS install",
    );
    // An update installs over an older version: its rules are removed before adding.
    let first_add = install.find("firewall add").unwrap();
    for (_, name, _) in &added {
        let del = install
            .find(&format!("firewall delete rule name=\"{name}\""))
            .unwrap_or_else(|| {
                panic!("the install hook replaces {name} rather than adding a twin")
            });
        assert!(del < first_add);
    }

    let uninstall = nsis_macro(&hooks, "NSIS_HOOK_PREUNINSTALL");
    let removed: BTreeSet<String> = netsh_rules(&uninstall)
        .into_iter()
        .filter(|r| r.0 == "delete")
        .map(|r| r.1)
        .collect();
    let added_names: BTreeSet<String> = added.iter().map(|r| r.1.clone()).collect();
    assert_eq!(
        removed, added_names,
        "uninstalling removes exactly the rules the install added"
    );
}

#[test]
fn nsis_hooks_compile() {
    // Tauri inserts the hooks into its installer script; makensis (Debian's nsis)
    // compiles them here in a script of the same shape.
    let makensis = which("makensis").expect("makensis is missing (scripts/setup.sh installs nsis)");
    let dir = temp_dir("nsis");
    let hooks = root().join("src-tauri/packaging/windows/hooks.nsh");
    let script = format!(
        "Unicode true\n!define MAINBINARYNAME \"printoauth-app\"\n!include \"{}\"\nName \"printoauth hooks\"\n\
         OutFile \"{}\"\nRequestExecutionLevel admin\nInstallDir \"$PROGRAMFILES64\\printoauth\"\n\
         Section\n  SetOutPath $INSTDIR\n  !insertmacro NSIS_HOOK_POSTINSTALL\n  WriteUninstaller \"$INSTDIR\\uninstall.exe\"\nSectionEnd\n\
         Section Uninstall\n  !insertmacro NSIS_HOOK_PREUNINSTALL\nSectionEnd\n",
        hooks.display(),
        dir.join("hooks.exe").display()
    );
    std::fs::write(dir.join("hooks.nsi"), script).unwrap();
    let out = Command::new(makensis)
        .arg("-V2")
        .arg("-WX")
        .arg(dir.join("hooks.nsi"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "makensis: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("hooks.exe").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn msi_fragment_adds_and_removes_the_same_rules_as_nsis() {
    let conf = conf();
    let frag_rel = conf
        .pointer("/bundle/windows/wix/fragmentPaths/0")
        .and_then(Value::as_str)
        .expect("a WiX fragment");
    let frag = read(&format!("src-tauri/{frag_rel}"));
    let refs: Vec<&str> = conf
        .pointer("/bundle/windows/wix/componentRefs")
        .and_then(Value::as_array)
        .expect("componentRefs")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for r in &refs {
        assert!(
            frag.contains(&format!("<Component Id=\"{r}\"")),
            "the fragment defines {r}, which links it into the MSI"
        );
    }
    assert!(!refs.is_empty());

    let rules = netsh_rules(&frag);
    let added: Vec<_> = rules.iter().filter(|r| r.0 == "add").cloned().collect();
    assert_mdns_rules(
        &added,
        "[INSTALLDIR]{{main_binary_name}}.exe",
        "[INSTALLDIR]printoauth.exe",
        "MSI",
    );
    let removed: BTreeSet<String> = rules
        .iter()
        .filter(|r| r.0 == "delete")
        .map(|r| r.1.clone())
        .collect();
    let added_names: BTreeSet<String> = added.iter().map(|r| r.1.clone()).collect();
    assert_eq!(removed, added_names, "the MSI removes the rules it adds");

    // The same rules as the NSIS installer, by name.
    let hooks = read(&format!(
        "src-tauri/{}",
        conf_str(&conf, "/bundle/windows/nsis/installerHooks")
    ));
    let nsis: BTreeSet<String> = netsh_rules(&nsis_macro(&hooks, "NSIS_HOOK_POSTINSTALL"))
        .into_iter()
        .filter(|r| r.0 == "add")
        .map(|r| r.1)
        .collect();
    assert_eq!(
        added_names, nsis,
        "both Windows installers add the same rules"
    );

    // Adding is skipped on uninstall; removing runs on every install and uninstall.
    for id in ["PrintoauthFirewallAddApp", "PrintoauthFirewallAddCli"] {
        let line = frag
            .lines()
            .find(|l| l.contains(&format!("Action=\"{id}\" After=")))
            .unwrap_or_else(|| panic!("{id} is scheduled"));
        assert!(
            line.contains("NOT (REMOVE~=\"ALL\")") && line.contains("After=\"InstallFiles\"")
                || line.contains("After=\"PrintoauthFirewallAddApp\""),
            "{line}"
        );
    }
    assert!(
        frag.contains("Impersonate=\"no\""),
        "the rules are added with the installer's rights"
    );
}

#[test]
fn windows_offers_webview2_and_signs_with_sha256() {
    let conf = conf();
    assert_eq!(conf_str(&conf, "/bundle/windows/digestAlgorithm"), "sha256");
    // The default installer downloads WebView2 when missing; the release workflow also
    // builds an installer with the offline WebView2 installer inside (for sites without
    // internet), by overriding this setting.
    assert_eq!(
        conf_str(&conf, "/bundle/windows/webviewInstallMode/type"),
        "downloadBootstrapper"
    );
    let workflow = read(".github/workflows/release.yml");
    assert!(
        workflow.contains("offlineInstaller"),
        "the release workflow builds the offline WebView2 installer"
    );
}

// ---------------------------------------------------------------------------------
// Versions and icons

fn toml_version(src: &str, table: &str) -> String {
    let start = src
        .find(&format!("[{table}]"))
        .unwrap_or_else(|| panic!("[{table}]"));
    src[start..]
        .lines()
        .find_map(|l| l.trim().strip_prefix("version = "))
        .map(|v| v.trim_matches('"').to_owned())
        .expect("version")
}

#[test]
fn versions_agree_everywhere() {
    let workspace = toml_version(&read("Cargo.toml"), "workspace.package");
    let mut found = BTreeMap::new();
    found.insert(
        "src-tauri/tauri.conf.json",
        conf_str(&conf(), "/version").to_owned(),
    );
    let pkg: Value = serde_json::from_str(&read("ui/package.json")).unwrap();
    found.insert(
        "ui/package.json",
        pkg["version"].as_str().unwrap().to_owned(),
    );
    let lock: Value = serde_json::from_str(&read("ui/package-lock.json")).unwrap();
    found.insert(
        "ui/package-lock.json",
        lock["version"].as_str().unwrap().to_owned(),
    );
    found.insert(
        "ui/package-lock.json (packages[\"\"])",
        lock["packages"][""]["version"].as_str().unwrap().to_owned(),
    );
    let changelog = read("src-tauri/packaging/linux/changelog");
    let first = changelog.lines().next().unwrap();
    found.insert(
        "src-tauri/packaging/linux/changelog",
        first.split(['(', ')']).nth(1).unwrap_or("").to_owned(),
    );
    found.insert(
        "printoauth-app (CARGO_PKG_VERSION)",
        env!("CARGO_PKG_VERSION").to_owned(),
    );
    for (file, v) in &found {
        assert_eq!(v, &workspace, "{file} says {v}, the workspace {workspace}");
    }
    // Every crate of the workspace takes its version (the CLI's --version among them).
    let cargo = read("Cargo.toml");
    let members = cargo
        .lines()
        .find_map(|l| l.trim().strip_prefix("members = "))
        .expect("workspace members");
    let members: Vec<&str> = members
        .trim_matches(['[', ']'])
        .split(',')
        .map(|m| m.trim().trim_matches('"'))
        .filter(|m| !m.is_empty())
        .collect();
    assert!(
        members.contains(&"crates/cli") && members.contains(&"src-tauri"),
        "{members:?}"
    );
    for krate in members {
        assert!(
            read(&format!("{krate}/Cargo.toml")).contains("version.workspace = true"),
            "{krate} inherits the workspace version"
        );
    }
}

/// Width and height of a PNG.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    assert_eq!(bytes[25], 6, "RGBA (colour type 6)");
    (be(16), be(20))
}

#[test]
fn every_bundle_icon_exists_at_its_size() {
    let conf = conf();
    let icons: Vec<&str> = conf["bundle"]["icon"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let expected = [
        ("icons/32x32.png", 32),
        ("icons/64x64.png", 64),
        ("icons/128x128.png", 128),
        ("icons/128x128@2x.png", 256),
        ("icons/icon.png", 512),
    ];
    for (file, size) in expected {
        assert!(icons.contains(&file), "bundle.icon lists {file}");
        let bytes = std::fs::read(root().join("src-tauri").join(file)).unwrap();
        assert_eq!(png_size(&bytes), (size, size), "{file}");
    }
    let ico = std::fs::read(root().join("src-tauri/icons/icon.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "icon.ico is an icon file");
    let count = u16::from_le_bytes([ico[4], ico[5]]);
    let sizes: BTreeSet<u32> = (0..count as usize)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            w => w as u32,
        })
        .collect();
    for s in [16, 32, 48, 256] {
        assert!(sizes.contains(&s), "icon.ico has {s}x{s} (has {sizes:?})");
    }
    let icns = std::fs::read(root().join("src-tauri/icons/icon.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    let mut types = BTreeSet::new();
    let mut i = 8;
    while i + 8 <= icns.len() {
        types.insert(String::from_utf8_lossy(&icns[i..i + 4]).into_owned());
        i += u32::from_be_bytes(icns[i + 4..i + 8].try_into().unwrap()) as usize;
    }
    for t in ["ic07", "ic08", "ic09", "ic10"] {
        assert!(
            types.contains(t),
            "icon.icns has {t} (128 to 1024 px; has {types:?})"
        );
    }
    assert!(icons.contains(&"icons/icon.ico") && icons.contains(&"icons/icon.icns"));
}

// ---------------------------------------------------------------------------------
// Updates

fn which(tool: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(tool))
        .find(|p| p.is_file())
}

fn tauri_cli() -> PathBuf {
    let cli = root().join("ui/node_modules/.bin/tauri");
    assert!(
        cli.exists(),
        "{} is missing: run scripts/setup.sh (npm ci in ui/)",
        cli.display()
    );
    cli
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.env("CI", "true").output().expect("run");
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The updater plugin's check (tauri-plugin-updater's `verify_signature`): both the key
/// and the signature travel as base64 of minisign's text form; the signature's trusted
/// comment names the version it was signed for.
fn verify(data: &[u8], signature_b64: &str, pubkey_b64: &str, version: &str) -> Result<(), String> {
    let b64 = |s: &str| -> Result<String, String> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(s.trim())
            .map_err(|e| e.to_string())?;
        String::from_utf8(bytes).map_err(|e| e.to_string())
    };
    let key = minisign_verify::PublicKey::decode(&b64(pubkey_b64)?).map_err(|e| e.to_string())?;
    let sig =
        minisign_verify::Signature::decode(&b64(signature_b64)?).map_err(|e| e.to_string())?;
    key.verify(data, &sig, true).map_err(|e| e.to_string())?;
    let signed = sig
        .trusted_comment()
        .split('\t')
        .find_map(|kv| kv.strip_prefix("version:"))
        .ok_or("the signature names no version")?;
    if signed == version {
        Ok(())
    } else {
        Err(format!("signed for {signed}, announced {version}"))
    }
}

#[test]
fn an_update_signed_with_the_private_key_verifies_with_the_public_key_in_the_config_and_a_tampered_one_does_not(
) {
    let cli = tauri_cli();
    let dir = temp_dir("updater");
    let key = dir.join("throwaway.key");
    // A throwaway key pair, made as the project's was (tauri signer generate).
    run(Command::new(&cli)
        .args(["signer", "generate", "--ci", "-p", "throwaway"])
        .arg("-w")
        .arg(&key));
    let pubkey = std::fs::read_to_string(dir.join("throwaway.key.pub")).unwrap();

    // The configuration the app is built with, with the throwaway public key in place of
    // the project's; the app reads it from there.
    let mut conf = conf();
    let project_key = conf_str(&conf, "/plugins/updater/pubkey").to_owned();
    conf["plugins"]["updater"]["pubkey"] = Value::String(pubkey.trim().to_owned());
    let configured = conf_str(&conf, "/plugins/updater/pubkey").to_owned();

    // An artifact as the release workflow signs it (tauri signer sign, bound to its version).
    let artifact = dir.join("printoauth_9.9.9_amd64.AppImage");
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&artifact, &bytes).unwrap();
    run(Command::new(&cli)
        .args([
            "signer",
            "sign",
            "-p",
            "throwaway",
            "--app-version",
            "9.9.9",
        ])
        .arg("-f")
        .arg(&key)
        .arg(&artifact));
    let signature =
        std::fs::read_to_string(dir.join("printoauth_9.9.9_amd64.AppImage.sig")).unwrap();

    assert_eq!(
        verify(&bytes, &signature, &configured, "9.9.9"),
        Ok(()),
        "the signed artifact verifies"
    );

    let mut tampered = bytes.clone();
    tampered[100_000] ^= 1;
    assert!(
        verify(&tampered, &signature, &configured, "9.9.9").is_err(),
        "one changed bit is refused"
    );
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(
        verify(&longer, &signature, &configured, "9.9.9").is_err(),
        "an appended byte is refused"
    );
    assert!(
        verify(&bytes, &signature, &configured, "9.9.10").is_err(),
        "a signature for 9.9.9 does not pass for another announced version"
    );
    assert!(
        verify(&bytes, &signature, &project_key, "9.9.9").is_err(),
        "the project's public key does not accept the throwaway key's signature"
    );
    // The project's key is a real minisign public key.
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&project_key)
        .expect("base64");
    minisign_verify::PublicKey::decode(std::str::from_utf8(&decoded).unwrap())
        .expect("the project's public key decodes");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn no_private_key_is_in_the_repository() {
    let files = Command::new("git")
        .arg("-C")
        .arg(root())
        .args(["ls-files", "-z"])
        .output()
        .expect("git");
    assert!(files.status.success());
    let mut scanned = 0;
    for f in files.stdout.split(|b| *b == 0).filter(|f| !f.is_empty()) {
        let path = root().join(String::from_utf8_lossy(f).as_ref());
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        scanned += 1;
        // This file names the markers it looks for.
        if path.ends_with("tests/packaging.rs") {
            continue;
        }
        for marker in [
            "encrypted secret key",
            "minisign secret key",
            "PRIVATE KEY-----",
        ] {
            assert!(
                !text.contains(marker),
                "{} contains \"{marker}\"",
                path.display()
            );
        }
        // A tauri signer private key file is the base64 of minisign's text form.
        let encoded = base64::engine::general_purpose::STANDARD
            .encode("untrusted comment: rsign encrypted secret key");
        assert!(
            !text.contains(&encoded[..40]),
            "{} holds a signing key",
            path.display()
        );
    }
    assert!(
        scanned > 50,
        "git ls-files listed the repository ({scanned} text files)"
    );
}

// ---------------------------------------------------------------------------------
// AppImage

/// Where a 64-bit ELF ends (its section header table), as the AppImage runtime computes it.
fn elf_end(bytes: &[u8]) -> usize {
    let shoff = u64::from_le_bytes(bytes[0x28..0x30].try_into().unwrap()) as usize;
    let shentsize = u16::from_le_bytes(bytes[0x3A..0x3C].try_into().unwrap()) as usize;
    let shnum = u16::from_le_bytes(bytes[0x3C..0x3E].try_into().unwrap()) as usize;
    shoff + shentsize * shnum
}

fn squashfs_listing(image: &Path, offset: usize) -> String {
    run(Command::new("unsquashfs")
        .args(["-l", "-o", &offset.to_string()])
        .arg(image))
}

#[test]
fn the_appimage_loses_its_wayland_client_libraries_keeps_the_rest_and_is_signed_again() {
    which("mksquashfs").expect("mksquashfs is missing (scripts/setup.sh installs squashfs-tools)");
    let dir = temp_dir("appimage");
    // An AppDir as linuxdeploy leaves it, with the build machine's Wayland libraries.
    let app = dir.join("AppDir");
    let lib = app.join("usr/lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::create_dir_all(app.join("usr/bin")).unwrap();
    std::fs::write(
        app.join("AppRun"),
        "#!/bin/sh\nexec \"$APPDIR/usr/bin/printoauth-app\" \"$@\"\n",
    )
    .unwrap();
    std::fs::write(app.join("usr/bin/printoauth-app"), b"app").unwrap();
    for f in [
        "libwayland-client.so.0.20.0",
        "libwayland-cursor.so.0.20.0",
        "libwayland-egl.so.1.20.0",
        "libwayland-server.so.0.20.0",
        "libgtk-3.so.0",
    ] {
        std::fs::write(lib.join(f), f.as_bytes()).unwrap();
    }
    for (link, target) in [
        ("libwayland-client.so.0", "libwayland-client.so.0.20.0"),
        ("libwayland-cursor.so.0", "libwayland-cursor.so.0.20.0"),
        ("libwayland-egl.so.1", "libwayland-egl.so.1.20.0"),
        ("libwayland-server.so.0", "libwayland-server.so.0.20.0"),
    ] {
        std::os::unix::fs::symlink(target, lib.join(link)).unwrap();
    }
    // The image: a runtime (an ELF program) followed by the squashfs, xz with 64 KiB blocks.
    let sqfs = dir.join("image.sqfs");
    run(Command::new("mksquashfs").arg(&app).arg(&sqfs).args([
        "-root-owned",
        "-noappend",
        "-quiet",
        "-comp",
        "xz",
        "-b",
        "65536",
    ]));
    let elf = std::fs::read("/usr/bin/true").unwrap();
    let runtime = &elf[..elf_end(&elf)];
    let image = dir.join("printoauth_1.2.3_amd64.AppImage");
    let mut bytes = runtime.to_vec();
    bytes.extend(std::fs::read(&sqfs).unwrap());
    std::fs::write(&image, &bytes).unwrap();
    std::fs::write(dir.join("printoauth_1.2.3_amd64.AppImage.sig"), "stale").unwrap();
    assert!(squashfs_listing(&image, runtime.len()).contains("libwayland-client.so.0"));

    let key = dir.join("throwaway.key");
    run(Command::new(tauri_cli())
        .args(["signer", "generate", "--ci", "-p", "throwaway"])
        .arg("-w")
        .arg(&key));
    let script = root().join("scripts/release/appimage-drop-wayland.sh");
    let out = run(Command::new("bash")
        .arg(&script)
        .arg(&image)
        .args(["--sign", "1.2.3"])
        .env("TAURI_SIGNING_PRIVATE_KEY_PATH", &key)
        .env("TAURI_SIGNING_PRIVATE_KEY_PASSWORD", "throwaway"));
    assert!(out.contains("removing"), "{out}");

    let after = std::fs::read(&image).unwrap();
    assert_eq!(&after[..runtime.len()], runtime, "the runtime is kept");
    let listing = squashfs_listing(&image, runtime.len());
    for gone in ["libwayland-client", "libwayland-cursor", "libwayland-egl"] {
        assert!(!listing.contains(gone), "{gone} removed:\n{listing}");
    }
    for kept in [
        "libwayland-server.so.0",
        "libwayland-server.so.0.20.0",
        "libgtk-3.so.0",
        "usr/bin/printoauth-app",
        "AppRun",
    ] {
        assert!(listing.contains(kept), "{kept} kept:\n{listing}");
    }
    let info = run(Command::new("unsquashfs")
        .args(["-s", "-o", &runtime.len().to_string()])
        .arg(&image));
    assert!(
        info.contains("Compression xz") && info.contains("Block size 65536"),
        "compression and block size kept:\n{info}"
    );

    let signature =
        std::fs::read_to_string(dir.join("printoauth_1.2.3_amd64.AppImage.sig")).unwrap();
    let pubkey = std::fs::read_to_string(dir.join("throwaway.key.pub")).unwrap();
    assert_eq!(
        verify(&after, &signature, &pubkey, "1.2.3"),
        Ok(()),
        "the repacked AppImage carries a valid signature again"
    );

    // Once more: nothing left to remove, the image is unchanged.
    let again = run(Command::new("bash").arg(&script).arg(&image));
    assert!(again.contains("no Wayland client libraries"), "{again}");
    assert_eq!(std::fs::read(&image).unwrap(), after);
    let _ = std::fs::remove_dir_all(dir);
}
