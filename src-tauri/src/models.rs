//! Data the commands hand to the UI. Field names are camelCase on the wire,
//! matching the TypeScript types in ui/src/lib/api.ts.

use serde::Serialize;

/// What the UI shows about the running app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The product's name, "printoauth".
    pub name: String,
    /// The app's version, from Cargo.
    pub version: String,
    /// Whether this build can run the wizard against an emulated office.
    pub practice_mode_available: bool,
}
