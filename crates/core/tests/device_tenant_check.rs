//! The tenant check through a device (printoauth without an application id in the
//! tenant): a device configured and signed in as the guide says, then the emulated
//! tenant changed under it; the device's own connection test (Email Server >
//! Connection Test, a real XOAUTH2 attempt with the device's token) is read by the
//! driver and mapped to the checks' causes and fixes.

mod common;

use common::{creds, driver, save_and_verify, wait_signed_in};
use printoauth_core::devices::{
    DeviceDriver, DeviceError, EpsonWebConfig, OAuthTarget, SignInStatus,
};
use printoauth_core::diagnosis::{Cause, Fix};
use printoauth_core::tenant_check::{check_through_device, CheckId, CheckStatus};
use printoauth_sim::world::World;
use printoauth_testkit::practice::{world_of, ADMIN, ADMIN_PW};

/// Device 0 configured as the guide says: OAuth2 with Exchange Online, signed in as
/// the Global Admin (approved), saved and read back.
async fn configured(w: &World) -> EpsonWebConfig {
    let d = driver(w, 0);
    d.login(&creds(w, 0)).await.unwrap();
    let target = OAuthTarget::exchange_online(ADMIN);
    d.configure_oauth2(&target).await.unwrap();
    let code = d.start_sign_in().await.unwrap();
    w.identity()
        .approve(&code.user_code, ADMIN, ADMIN_PW, true)
        .unwrap();
    assert_eq!(wait_signed_in(&d).await.as_deref(), Some(ADMIN));
    save_and_verify(&d, &target).await;
    d
}

fn set_mailbox_smtp_auth(w: &World, upn: &str, on: Option<bool>) {
    let mut cfg = w.tenant().config();
    let u = cfg
        .users
        .iter_mut()
        .find(|u| u.upn.eq_ignore_ascii_case(upn))
        .unwrap();
    u.smtp_auth = on;
}

#[tokio::test]
async fn the_device_check_maps_smtp_auth_off_a_mailbox_off_and_a_lapsed_sign_in_to_their_fixes() {
    for model in ["WF-C5890 Series", "ET-4850 Series"] {
        let w = world_of(&[model]).await;
        let d = configured(&w).await;
        let dev = "device-0";

        // All on: the device's test passes, and so does every check.
        let r = check_through_device(&d, dev).await.unwrap();
        let test = r.test.clone().unwrap();
        assert!(test.ok, "{model}: {test:?}");
        assert!(r.report.passed, "{model}: {:?}", r.report);
        assert_eq!(r.report.account.as_deref(), Some(ADMIN));

        // SMTP AUTH off for the organisation.
        w.tenant().config().smtp_auth_enabled = false;
        let r = check_through_device(&d, dev).await.unwrap();
        assert!(!r.report.passed);
        assert!(!r.test.as_ref().unwrap().ok);
        let org = r.report.check(CheckId::SmtpAuthOrganisation);
        assert_eq!(org.status, CheckStatus::Failed, "{model}: {r:?}");
        assert_eq!(org.cause, Some(Cause::SmtpAuthDisabledOrganisation {}));
        assert_eq!(org.fix, Some(Fix::enable_smtp_auth_organisation()));
        assert_eq!(
            r.report.check(CheckId::SmtpAuthMailbox).status,
            CheckStatus::NotChecked
        );
        assert_eq!(r.report.check(CheckId::SignIn).status, CheckStatus::Passed);
        // The mailbox's own "on" overrides the organisation's "off".
        set_mailbox_smtp_auth(&w, ADMIN, Some(true));
        assert!(check_through_device(&d, dev).await.unwrap().report.passed);
        w.tenant().config().smtp_auth_enabled = true;

        // SMTP AUTH off for the mailbox.
        set_mailbox_smtp_auth(&w, ADMIN, Some(false));
        let r = check_through_device(&d, dev).await.unwrap();
        let mb = r.report.check(CheckId::SmtpAuthMailbox);
        assert_eq!(mb.status, CheckStatus::Failed, "{model}: {r:?}");
        assert_eq!(
            mb.cause,
            Some(Cause::SmtpAuthDisabledMailbox {
                mailbox: ADMIN.into()
            })
        );
        assert_eq!(mb.fix, Some(Fix::enable_smtp_auth_mailbox(ADMIN)));
        assert_eq!(
            r.report.check(CheckId::SmtpAuthOrganisation).status,
            CheckStatus::NotChecked
        );
        // Empty again: the mailbox inherits the organisation's "on".
        set_mailbox_smtp_auth(&w, ADMIN, None);
        assert!(check_through_device(&d, dev).await.unwrap().report.passed);

        // The user's sessions revoked: the device's token is refused at once (5.7.3)
        // and, once it lapses, its refresh too (AADSTS50173): sign in again.
        w.tenant().revoke_sessions(ADMIN);
        let r = check_through_device(&d, dev).await.unwrap();
        let s = r.report.check(CheckId::SignIn);
        assert_eq!(s.status, CheckStatus::Failed, "{model}: {r:?}");
        assert_eq!(s.fix, Some(Fix::SignInAgain {}));
        assert_eq!(
            r.report.check(CheckId::TestMail).fix,
            Some(Fix::SignInAgain {})
        );
        w.device(0).unwrap().expire_tokens();
        let r = check_through_device(&d, dev).await.unwrap();
        let s = r.report.check(CheckId::SignIn);
        assert_eq!(s.status, CheckStatus::Failed, "{model}: {r:?}");
        assert_eq!(s.fix, Some(Fix::SignInAgain {}));
        assert!(
            matches!(
                &s.cause,
                Some(Cause::SignInFailed {
                    aadsts: Some(50173),
                    ..
                })
            ),
            "{model}: {:?}",
            s.cause
        );
        w.stop();
    }
}

/// The administrator declined the device's sign-in (Cancel on Microsoft's page): the
/// device is set to OAuth2, saved, and says its sign-in failed. The check names the
/// declined sign-in (consent not given) and its fix: sign in again and accept.
#[tokio::test]
async fn a_declined_device_sign_in_is_named_with_its_fix() {
    for model in ["WF-C5890 Series", "ET-4850 Series"] {
        let w = world_of(&[model]).await;
        let d = driver(&w, 0);
        d.login(&creds(&w, 0)).await.unwrap();
        d.configure_oauth2(&OAuthTarget::exchange_online(ADMIN))
            .await
            .unwrap();
        let code = d.start_sign_in().await.unwrap();
        w.identity().decline(&code.user_code).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            match d.sign_in_status().await.unwrap() {
                SignInStatus::Failed { .. } => break,
                other => assert!(
                    std::time::Instant::now() < deadline,
                    "{model}: the device never said its sign-in failed: {other:?}"
                ),
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        d.save().await.unwrap();

        let r = check_through_device(&d, "device-0").await.unwrap();
        assert!(!r.report.passed, "{model}: {r:?}");
        assert!(r.test.is_none(), "nothing to test without a sign-in");
        let s = r.report.check(CheckId::SignIn);
        assert_eq!(s.status, CheckStatus::Failed, "{model}: {r:?}");
        assert!(
            matches!(s.cause, Some(Cause::SignInDeclined { .. })),
            "{model}: {:?}",
            s.cause
        );
        assert_eq!(s.fix, Some(Fix::SignInAgain {}));
        assert_eq!(
            r.report.check(CheckId::Consent).status,
            CheckStatus::Failed,
            "{model}: a declined sign-in is consent not given"
        );
        w.stop();
    }
}

#[tokio::test]
async fn a_device_not_signed_in_is_told_to_be_configured_and_drivers_without_a_test_say_so() {
    let w = world_of(&["WF-C5890 Series"]).await;
    let d = driver(&w, 0);
    d.login(&creds(&w, 0)).await.unwrap();
    let r = check_through_device(&d, "device-0").await.unwrap();
    assert!(!r.report.passed);
    assert!(r.test.is_none());
    let s = r.report.check(CheckId::SignIn);
    assert_eq!(s.fix, Some(Fix::Configure {}));
    assert!(
        matches!(s.cause, Some(Cause::StillOnBasicAuth { .. })),
        "{s:?}"
    );

    // A driver that has no connection test keeps the trait's answer.
    struct NoTest;
    #[async_trait::async_trait]
    impl DeviceDriver for NoTest {
        async fn login(
            &self,
            _: &printoauth_core::devices::AdminCredentials,
        ) -> Result<(), DeviceError> {
            Ok(())
        }
        async fn mail_capabilities(
            &self,
        ) -> Result<printoauth_core::devices::MailCapabilities, DeviceError> {
            unimplemented!()
        }
        async fn read_email_settings(
            &self,
        ) -> Result<printoauth_core::devices::EmailSettings, DeviceError> {
            unimplemented!()
        }
        async fn configure_oauth2(&self, _: &OAuthTarget) -> Result<(), DeviceError> {
            unimplemented!()
        }
        async fn start_sign_in(&self) -> Result<printoauth_core::devices::SignInCode, DeviceError> {
            unimplemented!()
        }
        async fn sign_in_status(
            &self,
        ) -> Result<printoauth_core::devices::SignInStatus, DeviceError> {
            unimplemented!()
        }
        async fn save(&self) -> Result<(), DeviceError> {
            unimplemented!()
        }
        async fn verify(
            &self,
            _: &OAuthTarget,
        ) -> Result<printoauth_core::devices::EmailSettings, DeviceError> {
            unimplemented!()
        }
        async fn job_history(
            &self,
        ) -> Result<Vec<printoauth_core::devices::JobEntry>, DeviceError> {
            unimplemented!()
        }
        async fn panel_state(&self) -> Result<printoauth_core::devices::PanelState, DeviceError> {
            unimplemented!()
        }
        async fn configure_fax_oauth2(
            &self,
            _: &printoauth_core::devices::FaxOAuthTarget,
        ) -> Result<(), DeviceError> {
            unimplemented!()
        }
    }
    assert_eq!(
        NoTest.connection_test().await,
        Err(DeviceError::DeviceConnectionTestUnavailable {})
    );
    w.stop();
}
