//! printoauth-core: the engine the desktop app and the CLI share. Discovery of printers
//! and scanners over mDNS, device drivers (Epson Web Config first), the tenant check
//! (device-code sign-in and a test mail with XOAUTH2), the per-device run model and
//! troubleshooting. No Tauri dependency.
//!
//! Errors are typed: every error has a stable code and named parameters (serialised as
//! `{code, params}`) that the UI and the CLI localise; never a free English string.
//! Long operations report progress as they go.
//!
//! This crate shares no code with printoauth-sim: it is tested against the emulated
//! world, and agreeing with it proves something only because it was written apart.

pub mod audit;
pub mod capture;
pub mod devices;
pub mod diagnosis;
pub mod discovery;
pub mod error;
pub mod files;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod health;
pub mod i18n;
pub mod identity;
pub mod inventory;
pub mod mail;
pub mod manual;
pub mod report;
pub mod run;
pub mod tenant_check;
pub mod text;
pub mod troubleshoot;

pub use error::Error;
