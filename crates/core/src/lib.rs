//! printoauth-core
