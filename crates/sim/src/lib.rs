//! printoauth-sim: the emulated world printoauth is tested against and that users get
//! as practice mode. Epson Web Config devices (announced over mDNS), an Entra ID
//! emulator and an Exchange-like SMTP submission server, faithful to the reference
//! facts, with fault injection and a control API.
//!
//! This crate shares no code with printoauth-core: an emulator that reused the
//! client's parsing would agree with it by construction and prove nothing.

pub mod certs;
pub mod clock;
pub mod config;
pub mod control;
pub mod device;
pub mod html;
pub mod http;
pub mod identity;
pub mod mdns;
pub mod models;
pub mod smtp;
pub mod tenant;
pub mod world;
