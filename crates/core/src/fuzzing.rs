//! Entry points for coverage-guided fuzzing (feature `fuzzing`; the targets are in
//! `fuzz/`). Each takes the bytes a fuzzer makes, feeds them to the code that reads
//! what the network, a device or Microsoft sends, and checks a few properties that
//! always hold. None may panic, whatever the bytes. Not an API: nothing here is
//! stable.

use std::collections::BTreeSet;
use std::net::IpAddr;

use crate::discovery::{
    group_services, merge_services, normalise_mac, normalise_uuid, recognize, recognize_page,
    service_vendor, valid_admin_url, vendor_from_name, DeviceSet, ServiceRecord, TxtItem,
};
use crate::mail::{MailError, SmtpReply};

/// Mail account and sender the SMTP replies are classified for.
const ACCOUNT: &str = "admin@contoso.example";
const FROM: &str = "printer@contoso.example";
/// The most services a [`DeviceSet`] keeps (discovery's bound).
const MAX_SERVICES: usize = 4096;

/// DNS-SD services as the browser resolves them, merged into devices. The input is
/// lines (raw bytes, so TXT keys and values may be any bytes but a line break):
///
/// - `@fullname<TAB>service type<TAB>host<TAB>port<TAB>address,address` starts a
///   service (missing fields are empty; addresses that do not parse are dropped);
/// - `-fullname` says the service went away;
/// - any other line is a TXT item of the current service: `key=value`, or a bare
///   `key` (RFC 6763 6.4: the first `=` splits).
pub fn txt_records(data: &[u8]) {
    enum Op {
        Upsert(ServiceRecord),
        Remove(String),
    }
    let mut ops: Vec<Op> = Vec::new();
    let mut header: Option<&[u8]> = None;
    let mut txt: Vec<TxtItem> = Vec::new();
    let finish = |header: Option<&[u8]>, txt: &mut Vec<TxtItem>, ops: &mut Vec<Op>| {
        if let Some(h) = header {
            ops.push(Op::Upsert(record(h, std::mem::take(txt))));
        }
    };
    for line in data.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match line.first() {
            Some(b'@') => {
                finish(header, &mut txt, &mut ops);
                header = Some(&line[1..]);
            }
            Some(b'-') => ops.push(Op::Remove(String::from_utf8_lossy(&line[1..]).into_owned())),
            _ => match line.iter().position(|b| *b == b'=') {
                Some(i) => txt.push(TxtItem::from_bytes(&line[..i], Some(&line[i + 1..]))),
                None => txt.push(TxtItem::from_bytes(line, None)),
            },
        }
    }
    finish(header, &mut txt, &mut ops);

    let mut live: Vec<ServiceRecord> = Vec::new();
    let mut set = DeviceSet::default();
    for op in ops {
        match op {
            Op::Upsert(s) => {
                read_service(&s);
                let _ = set.upsert(s.clone());
                let key = s.fullname.to_ascii_lowercase();
                match live
                    .iter()
                    .position(|l| l.fullname.to_ascii_lowercase() == key)
                {
                    Some(i) => live[i] = s,
                    None if live.len() < MAX_SERVICES => live.push(s),
                    None => {}
                }
            }
            Op::Remove(name) => {
                let _ = set.remove(&name);
                let key = name.to_ascii_lowercase();
                live.retain(|l| l.fullname.to_ascii_lowercase() != key);
            }
        }
    }
    let _ = recognize(&live);
    let groups = group_services(&live);
    let mut seen: Vec<usize> = groups.iter().flatten().copied().collect();
    seen.sort_unstable();
    assert!(
        seen.iter().copied().eq(0..live.len()),
        "the groups are a partition of the services"
    );

    // Every live service is on exactly one device, both ways of merging.
    let merged = merge_services(&live);
    let snapshot = set.snapshot();
    for devices in [&merged, &snapshot] {
        let count: usize = devices.iter().map(|d| d.services.len()).sum();
        assert_eq!(count, live.len(), "services lost or doubled in merging");
        let ids: BTreeSet<&str> = devices.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), devices.len(), "two devices with one id");
        let _ = serde_json::to_string(devices).expect("devices serialise");
    }
}

/// A service record from a header line's fields.
fn record(header: &[u8], txt: Vec<TxtItem>) -> ServiceRecord {
    let h = String::from_utf8_lossy(header);
    let mut f = h.split('\t');
    let fullname = f.next().unwrap_or_default();
    let ty = f.next().unwrap_or_default();
    let host = f.next().unwrap_or_default();
    let port = f.next().and_then(|p| p.trim().parse().ok()).unwrap_or(0);
    let addresses: Vec<IpAddr> = f
        .next()
        .unwrap_or_default()
        .split(',')
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    ServiceRecord::new(fullname, ty, host, port, addresses, txt)
}

/// What discovery reads of one service on its own.
fn read_service(s: &ServiceRecord) {
    let _ = service_vendor(s);
    let _ = s.kind();
    let _ = s.host_key();
    if let Some(u) = s.uuid() {
        assert_eq!(normalise_uuid(&u).as_deref(), Some(u.as_str()), "{u:?}");
    }
    for key in ["usb_MDL", "MDL", "ty", "usb_MFG", "mfg", "product", "note"] {
        if let Some(v) = s.txt(key) {
            let _ = vendor_from_name(v);
        }
    }
    if let Some(m) = s.txt("mac").and_then(normalise_mac) {
        assert_eq!(normalise_mac(&m).as_deref(), Some(m.as_str()), "{m:?}");
    }
    if let Some(u) = s.txt("adminurl") {
        let _ = valid_admin_url(u);
    }
}

/// A page from a device's web server: as Web Config's driver reads it, and as the
/// manual add recognises it.
pub fn web_page(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    crate::devices::epson::fuzzing::web_page(&html);
    for path in ["/PRESENTATION/BONJOUR", "/"] {
        let _ = recognize_page(path, &html);
    }
}

/// The sentence a device shows during its sign-in ("... enter the code ..."), and its
/// sign-in status text.
pub fn sign_in_sentence(data: &[u8]) {
    crate::devices::epson::fuzzing::sign_in_sentence(&String::from_utf8_lossy(data));
}

/// The job history export (CSV).
pub fn job_history(data: &[u8]) {
    crate::devices::epson::fuzzing::job_history(&String::from_utf8_lossy(data));
}

/// An error answer from Entra ID's token or device code endpoint (JSON), with its
/// AADSTS number.
pub fn oauth_error(data: &[u8]) {
    crate::identity::fuzz_error_body(data);
}

/// An SMTP server's reply: read off the wire as lettre reads it (every line, CRLF
/// or LF), then kept and classified as a failed test mail is; and the same bytes
/// as a reply's code and text given apart ("NNN text").
pub fn smtp_reply(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(r) = text.parse::<lettre::transport::smtp::response::Response>() {
        let joined = r.message().collect::<Vec<_>>().join(" ");
        classify(u16::from(r.code()), &joined);
    }
    let (code, rest) = match text.char_indices().nth(3) {
        Some((i, _)) => (text[..i].parse::<u16>().ok(), &text[i..]),
        None => (text.parse::<u16>().ok(), ""),
    };
    classify(code.unwrap_or(0), rest);
}

fn classify(code: u16, text: &str) {
    let reply = SmtpReply::parse(code, text);
    assert_eq!(reply.code, code);
    if let Some(e) = &reply.enhanced {
        assert!(
            text.trim_start().starts_with(e.as_str()),
            "{e:?} is not the start of {text:?}"
        );
    }
    let e = MailError::from_reply(reply.clone(), ACCOUNT, FROM);
    assert_eq!(e.reply(), Some(&reply), "the reply is kept whole");
    let _ = e.after_authentication();
    let _ = e.to_string();
    let _ = serde_json::to_value(&e).expect("an error serialises");
}
