//! Unit tests of the pure parts: recognition, merge, events, hostile TXT.

use std::net::IpAddr;

use super::*;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn svc(
    instance: &str,
    ty: &str,
    host: &str,
    port: u16,
    addr: &str,
    txt: &[(&str, &str)],
) -> ServiceRecord {
    ServiceRecord::new(
        &format!("{instance}.{ty}.local."),
        &format!("{ty}.local."),
        host,
        port,
        [ip(addr)],
        txt.iter().map(|(k, v)| TxtItem::new(k, v)),
    )
}

const EPSON_UUID: &str = "cfe92100-67c4-11d4-a45f-64eb8c4a3aab";

fn epson_ipp(ty: &str) -> ServiceRecord {
    svc(
        "EPSON WF-C5890 Series",
        ty,
        "EPSON4A3AAB.local.",
        631,
        "10.0.0.10",
        &[
            ("txtvers", "1"),
            ("ty", "EPSON WF-C5890 Series"),
            ("usb_MFG", "EPSON"),
            ("usb_MDL", "WF-C5890 Series"),
            ("product", "(EPSON WF-C5890 Series)"),
            ("rp", "ipp/print"),
            ("Scan", "T"),
            ("Fax", "T"),
            ("rfo", "ipp/faxout"),
            (
                "adminurl",
                "http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR",
            ),
            ("UUID", EPSON_UUID),
        ],
    )
}

fn epson_device() -> Vec<ServiceRecord> {
    vec![
        svc(
            "EPSON WF-C5890 Series",
            "_http._tcp",
            "EPSON4A3AAB.local.",
            80,
            "10.0.0.10",
            &[("path", "/")],
        ),
        epson_ipp("_ipp._tcp"),
        epson_ipp("_ipps._tcp"),
        svc(
            "EPSON WF-C5890 Series",
            "_uscan._tcp",
            "EPSON4A3AAB.local.",
            443,
            "10.0.0.10",
            &[
                ("ty", "EPSON WF-C5890 Series"),
                ("rs", "eSCL"),
                ("UUID", EPSON_UUID),
            ],
        ),
    ]
}

fn brother_device() -> Vec<ServiceRecord> {
    vec![svc(
        "Brother MFC-L8900CDW series",
        "_ipp._tcp",
        "BRN30055C112233.local.",
        631,
        "10.0.0.11",
        &[
            ("ty", "Brother MFC-L8900CDW series"),
            ("usb_MFG", "Brother"),
            ("usb_MDL", "MFC-L8900CDW series"),
            ("rp", "ipp/port1"),
            (
                "adminurl",
                "http://BRN30055C112233.local./net/net/airprint.html",
            ),
            ("UUID", "e3248000-80ce-11db-8000-30055c112233"),
            ("Scan", "T"),
        ],
    )]
}

fn hp_device() -> Vec<ServiceRecord> {
    vec![svc(
        "HP Color LaserJet MFP M480 [445566]",
        "_ipp._tcp",
        "HP288023445566.local.",
        631,
        "10.0.0.12",
        &[
            ("ty", "HP Color LaserJet MFP M480"),
            ("usb_MFG", "HP"),
            ("usb_MDL", "Color LaserJet MFP M480"),
            ("adminurl", "http://HP288023445566.local."),
            ("UUID", "564e4333-4b38-3234-3030-288023445566"),
            ("mac", "28:80:23:44:55:66"),
        ],
    )]
}

fn canon_device() -> Vec<ServiceRecord> {
    vec![svc(
        "Canon MF632C/634C",
        "_ipp._tcp",
        "Canon778899.local.",
        631,
        "10.0.0.13",
        &[
            ("ty", "Canon MF632C/634C"),
            ("usb_MFG", "Canon"),
            ("usb_MDL", "MF632C/634C"),
            ("product", "(CNMF632C/634C)"),
            ("adminurl", "http://Canon778899.local:80/airprint.html"),
        ],
    )]
}

#[test]
fn epson_services_merge_into_one_recognised_device() {
    let devices = merge_services(&epson_device());
    assert_eq!(devices.len(), 1, "{devices:#?}");
    let d = &devices[0];
    assert_eq!(d.id, format!("uuid:{EPSON_UUID}"));
    assert_eq!(d.vendor, Vendor::Epson);
    assert!(d.supported);
    assert_eq!(d.model.as_deref(), Some("WF-C5890 Series"));
    assert_eq!(d.host_name.as_deref(), Some("EPSON4A3AAB.local"));
    assert_eq!(d.addresses, vec![ip("10.0.0.10")]);
    assert_eq!(
        d.admin_url.as_deref(),
        Some("http://EPSON4A3AAB.local.:80/PRESENTATION/BONJOUR")
    );
    assert_eq!(d.mac.as_deref(), Some("64:eb:8c:4a:3a:ab"));
    assert_eq!(
        d.capabilities,
        Capabilities {
            print: true,
            scan: true,
            fax: true
        }
    );
    assert_eq!(d.services.len(), 4);
}

#[test]
fn other_vendors_are_recognised_and_not_supported() {
    let mut all = epson_device();
    all.extend(brother_device());
    all.extend(hp_device());
    all.extend(canon_device());
    let devices = merge_services(&all);
    assert_eq!(devices.len(), 4, "{devices:#?}");
    let by_vendor = |v: Vendor| {
        devices
            .iter()
            .find(|d| d.vendor == v)
            .unwrap_or_else(|| panic!("{v:?}"))
    };
    let b = by_vendor(Vendor::Brother);
    assert_eq!(b.model.as_deref(), Some("MFC-L8900CDW series"));
    assert_eq!(b.mac.as_deref(), Some("30:05:5c:11:22:33"));
    assert!(!b.supported);
    assert!(b.capabilities.scan && !b.capabilities.fax);
    let h = by_vendor(Vendor::Hp);
    assert_eq!(h.model.as_deref(), Some("Color LaserJet MFP M480"));
    assert_eq!(h.mac.as_deref(), Some("28:80:23:44:55:66"));
    assert_eq!(h.admin_url.as_deref(), Some("http://HP288023445566.local."));
    let c = by_vendor(Vendor::Canon);
    assert_eq!(c.model.as_deref(), Some("MF632C/634C"));
    assert_eq!(c.mac, None);
    assert_eq!(c.id, "host:canon778899.local");
}

#[test]
fn vendors_from_single_tell_tales() {
    let one = |host: &str, txt: &[(&str, &str)]| {
        let s = svc("x", "_ipp._tcp", host, 631, "10.9.9.9", txt);
        service_vendor(&s)
    };
    assert_eq!(one("", &[("usb_MFG", "EPSON")]), Vendor::Epson);
    assert_eq!(
        one("", &[("MFG", "Xerox"), ("MDL", "VersaLink C405")]),
        Vendor::Xerox
    );
    assert_eq!(
        one("", &[("adminurl", "http://x.local./sws/index.html?foo")]),
        Vendor::Xerox
    );
    assert_eq!(
        one(
            "",
            &[
                ("adminurl", "http://RNP0026734A1B2C.local/"),
                ("rp", "printer")
            ]
        ),
        Vendor::Ricoh
    );
    assert_eq!(one("KM5C1A2B.local.", &[]), Vendor::Kyocera);
    assert_eq!(
        one("", &[("ty", "KYOCERA ECOSYS M5526cdw")]),
        Vendor::Kyocera
    );
    assert_eq!(one("", &[("mac", "28:80:23:aa:bb:cc")]), Vendor::Hp);
    assert_eq!(
        one("", &[("UUID", "e3248000-80ce-11db-8000-30055c112233")]),
        Vendor::Brother
    );
    assert_eq!(
        one("", &[("product", "(Hewlett-Packard LaserJet)")]),
        Vendor::Hp
    );
    assert_eq!(
        one("router.local.", &[("ty", "Frobnicator 3000")]),
        Vendor::Unknown
    );
    // A tie between two vendors is not a guess.
    assert_eq!(
        one("", &[("usb_MFG", "EPSON"), ("MFG", "Brother")]),
        Vendor::Unknown
    );
}

#[test]
fn hostile_txt_never_panics_and_is_bounded() {
    let huge = "A".repeat(100_000);
    let mut items: Vec<TxtItem> = vec![
        TxtItem::from_bytes(
            b"usb_MFG",
            Some(&[0xff, 0xfe, b'E', b'P', b'S', b'O', b'N', 0x80]),
        ),
        TxtItem::from_bytes(&[0xc3, 0x28], Some(b"x")),
        TxtItem::from_bytes(b"ty", Some(huge.as_bytes())),
        TxtItem::from_bytes(b"adminurl", Some(b"javascript:alert(1)")),
        TxtItem::from_bytes(b"UUID", Some(b"not-a-uuid")),
        TxtItem::from_bytes(b"mac", Some(b"zz:zz:zz:zz:zz:zz")),
        TxtItem::from_bytes(b"Scan", None),
        TxtItem::from_bytes(b"", Some(b"")),
        TxtItem::from_bytes(b"usb_MDL", Some(b"")),
    ];
    for i in 0..1000 {
        items.push(TxtItem::new(&format!("k{i}"), &huge));
    }
    let s = ServiceRecord::new(
        &huge,
        "_ipp._tcp.local.",
        &huge,
        0,
        [ip("0.0.0.0"), ip("::1")],
        items,
    );
    assert!(s.txt.len() <= recognize::MAX_TXT_ITEMS);
    assert!(s
        .txt
        .iter()
        .all(|t| t.value.as_deref().map_or(0, |v| v.chars().count())
            <= recognize::MAX_TXT_VALUE_CHARS));
    assert_eq!(s.addresses, vec![ip("::1")]);
    let d = merge_services(std::slice::from_ref(&s));
    assert_eq!(d.len(), 1);
    // Lossy UTF-8 still names the manufacturer.
    assert_eq!(d[0].vendor, Vendor::Epson);
    assert_eq!(
        d[0].admin_url, None,
        "a javascript: URL is not an admin URL"
    );
    assert_eq!(d[0].mac, None);
    assert!(d[0]
        .model
        .as_deref()
        .is_some_and(|m| m.chars().count() <= recognize::MAX_TXT_VALUE_CHARS));
    // Everything serialises.
    serde_json::to_string(&d).unwrap();
}

#[test]
fn bad_admin_urls_are_dropped_and_http_service_used() {
    for bad in [
        "",
        "not a url",
        "ftp://x/",
        "http://",
        "http:///path",
        "http://exa mple/",
        "http://x/\u{0}",
        "//EPSON.local/PRESENTATION/BONJOUR",
    ] {
        let mut services = vec![svc(
            "P",
            "_ipp._tcp",
            "p.local.",
            631,
            "10.0.0.1",
            &[("adminurl", bad), ("usb_MFG", "EPSON")],
        )];
        assert_eq!(merge_services(&services)[0].admin_url, None, "{bad:?}");
        services.push(svc("P", "_http._tcp", "p.local.", 8080, "10.0.0.1", &[]));
        assert_eq!(
            merge_services(&services)[0].admin_url.as_deref(),
            Some("http://p.local:8080/"),
            "{bad:?}"
        );
    }
}

#[test]
fn duplicate_keys_and_odd_casing() {
    // First occurrence wins (RFC 6763 6.4), keys match whatever their case.
    let s = svc(
        "P",
        "_ipp._tcp",
        "p.local.",
        631,
        "10.0.0.1",
        &[
            ("USB_mfg", "EPSON"),
            ("usb_MFG", "Brother"),
            ("USB_MDL", "ET-4850 Series"),
            ("usb_mdl", "Other"),
            ("uuid", "CFE92100-67C4-11D4-A45F-44D244AABBCC"),
            ("SCAN", "t"),
            ("fax", "F"),
        ],
    );
    let d = &merge_services(&[s])[0];
    assert_eq!(d.vendor, Vendor::Epson);
    assert_eq!(d.model.as_deref(), Some("ET-4850 Series"));
    assert_eq!(d.mac.as_deref(), Some("44:d2:44:aa:bb:cc"));
    assert_eq!(d.id, "uuid:cfe92100-67c4-11d4-a45f-44d244aabbcc");
    assert!(d.capabilities.scan && !d.capabilities.fax && d.capabilities.print);
}

#[test]
fn missing_keys_give_an_unknown_device() {
    let s = ServiceRecord::new("x._ipp._tcp.local.", "_ipp._tcp.local.", "", 631, [], []);
    let d = &merge_services(&[s])[0];
    assert_eq!(d.vendor, Vendor::Unknown);
    assert!(!d.supported);
    assert_eq!(
        (
            d.model.as_ref(),
            d.host_name.as_ref(),
            d.admin_url.as_ref(),
            d.mac.as_ref()
        ),
        (None, None, None, None)
    );
    assert_eq!(d.id, "svc:x._ipp._tcp.local.");
}

#[test]
fn uuid_collision_between_vendors_keeps_devices_apart() {
    // A Brother device whose firmware reuses the Epson device's UUID.
    let mut all = epson_device();
    all.push(svc(
        "Brother X",
        "_ipp._tcp",
        "BRN001122334455.local.",
        631,
        "10.0.0.20",
        &[
            ("usb_MFG", "Brother"),
            ("usb_MDL", "X"),
            ("UUID", EPSON_UUID),
        ],
    ));
    let devices = merge_services(&all);
    assert_eq!(devices.len(), 2, "{devices:#?}");
    let b = devices
        .iter()
        .find(|d| d.vendor == Vendor::Brother)
        .unwrap();
    assert_eq!(b.mac, None, "an Epson UUID tail is not a Brother MAC");
    let e = devices.iter().find(|d| d.vendor == Vendor::Epson).unwrap();
    assert_ne!(b.id, e.id, "ids stay unique");
    // Same vendor, same UUID, different host: merged (one device, two names).
    let mut renamed = epson_ipp("_ipp._tcp");
    renamed.fullname = "Renamed._printer._tcp.local.".into();
    renamed.host = "office-printer.local.".into();
    renamed.addresses = vec![ip("10.0.0.99")];
    let mut services = epson_device();
    services.push(renamed);
    assert_eq!(merge_services(&services).len(), 1);
}

#[test]
fn devices_merge_by_host_then_address() {
    let a = svc(
        "A",
        "_ipp._tcp",
        "a.local.",
        631,
        "10.0.0.1",
        &[("usb_MFG", "EPSON")],
    );
    let a_http = svc("A web", "_http._tcp", "A.LOCAL", 80, "10.0.0.1", &[]);
    let a_other_host = svc(
        "A scan",
        "_scanner._tcp",
        "a-scan.local.",
        1865,
        "10.0.0.1",
        &[],
    );
    let b = svc("B", "_ipp._tcp", "b.local.", 631, "10.0.0.2", &[]);
    let d = merge_services(&[a, a_http, a_other_host, b]);
    assert_eq!(d.len(), 2, "{d:#?}");
    let a = d.iter().find(|d| d.vendor == Vendor::Epson).unwrap();
    assert_eq!(a.services.len(), 3);
    assert!(a.capabilities.scan);
}

#[test]
fn events_added_changed_removed_with_stable_ids() {
    let mut set = DeviceSet::default();
    let [http, ipp, ipps, uscan]: [ServiceRecord; 4] = epson_device().try_into().unwrap();
    let ev = set.upsert(http.clone());
    let id = match ev.as_slice() {
        [DiscoveryEvent::Added(d)] => d.id.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(id, "host:epson4a3aab.local");
    assert!(
        matches!(set.upsert(ipp.clone()).as_slice(), [DiscoveryEvent::Changed(d)] if d.id == id && d.vendor == Vendor::Epson)
    );
    assert!(
        set.upsert(ipp.clone()).is_empty(),
        "the same record again changes nothing"
    );
    assert!(matches!(
        set.upsert(ipps).as_slice(),
        [DiscoveryEvent::Changed(_)]
    ));
    assert!(matches!(
        set.upsert(uscan).as_slice(),
        [DiscoveryEvent::Changed(_)]
    ));
    let brother = brother_device().remove(0);
    assert!(
        matches!(set.upsert(brother.clone()).as_slice(), [DiscoveryEvent::Added(d)] if d.vendor == Vendor::Brother)
    );
    assert_eq!(set.snapshot().len(), 2);
    for s in epson_device() {
        let ev = set.remove(&s.fullname.to_uppercase());
        if s.service_type.starts_with("_uscan") {
            assert_eq!(ev, vec![DiscoveryEvent::Removed { id: id.clone() }]);
        } else {
            assert!(
                matches!(ev.as_slice(), [DiscoveryEvent::Changed(_)]),
                "{ev:?}"
            );
        }
    }
    assert!(set.remove("unknown._ipp._tcp.local.").is_empty());
    assert_eq!(set.snapshot().len(), 1);
}

#[test]
fn serialises_with_kebab_case_codes() {
    let e = DiscoveryError::DiscoveryHostNetworkRefused {
        namespace: "net:[1]".into(),
    };
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["code"], "discovery-host-network-refused");
    assert_eq!(v["params"]["namespace"], "net:[1]");
    let core: crate::Error = e.into();
    assert_eq!(core.code(), "discovery-host-network-refused");
    let d = &merge_services(&epson_device())[0];
    let back: DiscoveredDevice = serde_json::from_str(&serde_json::to_string(d).unwrap()).unwrap();
    assert_eq!(&back, d);
    assert_eq!(serde_json::to_value(Vendor::Hp).unwrap(), "hp");
}

#[test]
fn options_and_service_types() {
    let o = DiscoveryOptions::default();
    assert_eq!(o.service_types.len(), 7);
    assert!(!o.allow_host_network);
    assert_eq!(
        normalise_service_type("_ipp._tcp").unwrap(),
        "_ipp._tcp.local."
    );
    assert_eq!(
        normalise_service_type("_ipp._tcp.local").unwrap(),
        "_ipp._tcp.local."
    );
    assert!(normalise_service_type("ipp").is_err());
    assert!(normalise_service_type("_ipp._xyz.local.").is_err());
    for v in [
        "tun0", "tap1", "wg0", "utun3", "ppp0", "docker0", "veth12ab", "virbr0",
    ] {
        assert!(is_virtual_interface(v), "{v}");
    }
    for v in ["eth0", "enp3s0", "wlan0", "en0", "lo", "poa-b"] {
        assert!(!is_virtual_interface(v), "{v}");
    }
}

#[test]
fn refuses_the_host_network_namespace() {
    // The check runs before any socket exists, so this is safe in the host namespace.
    if in_host_network_namespace() == Some(false) {
        return; // running inside a private namespace: starting would be allowed
    }
    let err = Discovery::start(DiscoveryOptions::default())
        .err()
        .expect("must refuse");
    assert!(
        matches!(err, DiscoveryError::DiscoveryHostNetworkRefused { .. }),
        "{err:?}"
    );
    let err = Discovery::start(DiscoveryOptions {
        interfaces: InterfaceChoice::Only(vec!["no-such-if0".into()]),
        ..Default::default()
    })
    .err()
    .expect("must refuse");
    assert_eq!(
        err,
        DiscoveryError::DiscoveryInterfaceNotFound {
            names: vec!["no-such-if0".into()]
        }
    );
}

#[test]
fn many_devices_merge_quickly_one_event_at_a_time() {
    let t0 = std::time::Instant::now();
    let mut set = DeviceSet::default();
    let mut added = 0;
    for n in 0..50u8 {
        let host = format!("EPSON0000{n:02X}.local.");
        let uuid = format!("cfe92100-67c4-11d4-a45f-a0a0a0a0a0{n:02x}");
        for ty in [
            "_ipp._tcp",
            "_ipps._tcp",
            "_printer._tcp",
            "_pdl-datastream._tcp",
            "_http._tcp",
            "_uscan._tcp",
            "_scanner._tcp",
        ] {
            let s = svc(
                &format!("EPSON {n}"),
                ty,
                &host,
                631,
                &format!("10.1.0.{n}"),
                &[("usb_MFG", "EPSON"), ("usb_MDL", "X"), ("UUID", &uuid)],
            );
            added += set
                .upsert(s)
                .iter()
                .filter(|e| matches!(e, DiscoveryEvent::Added(_)))
                .count();
        }
    }
    assert_eq!(added, 50);
    assert_eq!(set.snapshot().len(), 50);
    assert!(set
        .snapshot()
        .iter()
        .all(|d| d.services.len() == 7 && d.mac.is_some()));
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        t0.elapsed()
    );
}
