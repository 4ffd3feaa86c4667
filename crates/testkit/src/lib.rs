//! What the tests of every printoauth crate share, used only as a dev-dependency:
//!
//! - [`netns`]: the network-namespace harness (namespaces, veth pairs, processes in
//!   them, all removed on drop), and [`hosts`]: two hosts on one link, the
//!   `printoauth-sim` binary's world in one of them, helpers re-executed inside;
//! - [`practice`]: the practice tenant's accounts, worlds of devices on Basic auth,
//!   the control API, the world file the CLI reads;
//! - [`browser`]: a small browser over reqwest and a plain HTML parser, for the
//!   emulator's pages;
//! - [`cli`]: the `printoauth` command line run against a world.
//!
//! It builds on printoauth-sim only: an emulator checked with the client's own
//! parsing would agree with it by construction, so nothing here comes from
//! printoauth-core.

pub mod browser;
pub mod cli;
pub mod hosts;
pub mod netns;
pub mod practice;

/// The script that runs avahi-daemon (a browser only, with a private D-Bus) inside a
/// test namespace: `unshare -m --propagation private sh AVAHI_NS_SCRIPT DIR IFACE`.
pub const AVAHI_NS_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/avahi_ns.sh");
