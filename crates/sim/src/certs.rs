//! Certificates for the emulated world: a world CA that signs the SMTP and identity
//! servers' certificates (clients trust it explicitly), and self-signed certificates
//! per device, as Web Config ships by default.

use std::net::IpAddr;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SanType,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// A certificate and its key, PEM and DER.
#[derive(Clone, Debug)]
pub struct Leaf {
    pub cert_pem: String,
    pub key_pem: String,
    pub cert_der: Vec<u8>,
    pub key_der: Vec<u8>,
}

impl Leaf {
    /// A rustls server configuration serving this certificate.
    pub fn server_config(&self) -> Arc<rustls::ServerConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let cfg = rustls::ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13])
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![CertificateDer::from(self.cert_der.clone())],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.key_der.clone())),
            )
            .expect("certificate and key match");
        Arc::new(cfg)
    }

    /// SHA-256 fingerprint of the certificate, hex, colon separated.
    pub fn sha256_fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(&self.cert_der)
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(":")
    }
}

fn params_for(common_name: &str, names: &[String], ips: &[IpAddr]) -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    params.distinguished_name = dn;
    let mut sans = Vec::new();
    for n in names {
        if let Ok(s) = n.clone().try_into() {
            sans.push(SanType::DnsName(s));
        }
    }
    for ip in ips {
        sans.push(SanType::IpAddress(*ip));
    }
    params.subject_alt_names = sans;
    params
}

fn leaf(cert: rcgen::Certificate, key: &KeyPair) -> Leaf {
    Leaf {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        cert_der: cert.der().to_vec(),
        key_der: key.serialize_der(),
    }
}

/// A self-signed certificate, as a device generates on first boot.
pub fn self_signed(common_name: &str, names: &[String], ips: &[IpAddr]) -> Leaf {
    let key = KeyPair::generate().expect("key generation");
    let cert = params_for(common_name, names, ips)
        .self_signed(&key)
        .expect("self-signed certificate");
    leaf(cert, &key)
}

/// The world's certificate authority.
pub struct WorldCa {
    issuer: Issuer<'static, KeyPair>,
    /// The CA certificate, PEM: what clients add to their trust roots.
    pub cert_pem: String,
    pub cert_der: Vec<u8>,
}

impl WorldCa {
    pub fn new() -> Self {
        let key = KeyPair::generate().expect("key generation");
        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, "printoauth practice world CA");
        params.distinguished_name = dn;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let cert = params.self_signed(&key).expect("CA certificate");
        let cert_pem = cert.pem();
        let cert_der = cert.der().to_vec();
        Self {
            issuer: Issuer::new(params, key),
            cert_pem,
            cert_der,
        }
    }

    /// A server certificate for `names` and `ips`, signed by this CA.
    pub fn issue(&self, common_name: &str, names: &[String], ips: &[IpAddr]) -> Leaf {
        let key = KeyPair::generate().expect("key generation");
        let cert = params_for(common_name, names, ips)
            .signed_by(&key, &self.issuer)
            .expect("signed certificate");
        leaf(cert, &key)
    }
}

impl Default for WorldCa {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_distinct_certificates() {
        let ca = WorldCa::new();
        let a = ca.issue("a", &["localhost".into()], &["127.0.0.1".parse().unwrap()]);
        let b = self_signed("EPSON4A3AAB", &["EPSON4A3AAB.local".into()], &[]);
        assert!(a.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        assert_ne!(a.sha256_fingerprint(), b.sha256_fingerprint());
        let _ = a.server_config();
        let _ = b.server_config();
    }
}
