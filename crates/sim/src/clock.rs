//! The world's clock: real time plus an offset tests can advance, so that token
//! lifetimes, device-code expiry and "long disuse" can be exercised in milliseconds.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    pub fn new() -> Self {
        Self::default()
    }

    /// The world's current time.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(self.offset_secs.load(Ordering::SeqCst))
    }

    /// Seconds since the Unix epoch, world time.
    pub fn unix(&self) -> i64 {
        self.now().timestamp()
    }

    /// Moves the world forward by `secs` seconds.
    pub fn advance(&self, secs: i64) {
        self.offset_secs.fetch_add(secs, Ordering::SeqCst);
    }

    /// How far the world runs ahead of real time, in seconds.
    pub fn offset(&self) -> i64 {
        self.offset_secs.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_moves_now_forward() {
        let c = Clock::new();
        let before = c.unix();
        c.advance(3600);
        let after = c.unix();
        assert!(
            (3600..3610).contains(&(after - before)),
            "{before} -> {after}"
        );
        assert_eq!(c.offset(), 3600);
    }
}
