//! The chaos run of `scripts/bench.sh chaos` on a few devices, with its fixed seed:
//! twelve emulated devices of every family and page layout configured at once
//! while faults are injected (restarts mid-save, HTTP 500, slow answers, lock-outs,
//! stale setup tokens, lapsed tokens, declined sign-ins, no OAuth2). Each device
//! must end as its fault says, with the device in the state that outcome describes.

#[path = "../examples/support/chaos.rs"]
mod chaos;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twelve_devices_end_as_their_faults_say() {
    let plans = chaos::plan(12, 7);
    // The seed draws both outcomes: some devices ride their faults out, others fail.
    assert!(plans.iter().any(|p| p.fault.expected().is_none()));
    assert!(plans.iter().any(|p| p.fault.expected().is_some()));
    let report = chaos::run(12, 7).await;
    report.print();
    assert!(report.unexpected.is_empty(), "{:#?}", report.unexpected);
    assert_eq!(report.done + report.failed, 12);
    let expected_done = plans
        .iter()
        .filter(|p| p.fault.expected().is_none())
        .count();
    assert_eq!(report.done, expected_done);
}

/// The same seed plans the same run; another seed another.
#[test]
fn the_seed_fixes_the_plan() {
    let key = |seed| {
        chaos::plan(40, seed)
            .into_iter()
            .map(|p| (p.fault, p.amount, p.config.model))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(7), key(7));
    assert_ne!(key(7), key(8));
}
