# printoauth — English (the reference catalogue).
# One catalogue per language, shared by the app's UI and the CLI. Names the device
# itself shows (Web Config menus and buttons) stay in English in every language.

## Command line: discovery

cli-no-devices = No printers or scanners answered.
cli-devices-found =
    { $count ->
        [one] { $count } device found.
       *[other] { $count } devices found.
    }
cli-col-vendor = VENDOR
cli-col-model = MODEL
cli-col-host = HOST
cli-col-address = ADDRESS
cli-col-scan = SCAN
cli-col-admin = ADMIN PAGE
cli-yes = yes
cli-no = no
cli-unknown = ?
cli-not-supported = { $model } (not supported yet)

## Command line: one device's status

cli-status-title = { $device }: { $model } (firmware { $firmware })
cli-status-oauth2 = OAuth2 available: { $available }
cli-status-additional-network = Reached over the additional network: OAuth2 works only on the standard network.
cli-status-auth = Authentication: { $method }
cli-status-current = Current Status: { $status }
cli-status-account = Account: { $account }
cli-status-sender = Sender's Email Address: { $sender }
cli-status-smtp = SMTP server: { $server }:{ $port }
cli-status-device-says = The device says: { $message }

## Command line: configuring devices

cli-step-found = found
cli-step-logged-in = logged in as administrator
cli-step-oauth2-set = OAuth2 set
cli-step-waiting-for-consent = waiting for the sign-in
cli-step-signed-in = signed in
cli-step-saved = saved (OK)
cli-step-verified = verified
cli-run-step = [{ $device }] { $step }
cli-run-sign-in = [{ $device }] Sign in: open { $url } and enter the code { $code } (with an account that can consent on behalf of the organisation).
cli-run-done = [{ $device }] done: signed in, saved and verified.
cli-run-failed = [{ $device }] stopped before “{ $step }”: { $error }
cli-run-summary =
    { $total ->
        [one] { $done } of { $total } device configured.
       *[other] { $done } of { $total } devices configured.
    }

## Command line: tenant check

cli-tenant-sign-in = Sign in: open { $url } and enter the code { $code }.
cli-tenant-signed-in = Signed in as { $account }.
cli-tenant-sending = Sending a test mail from { $from } to { $to } through { $server }…
cli-check-security-defaults = Security defaults are off
cli-check-smtp-auth-organisation = SMTP AUTH is on for the organisation
cli-check-smtp-auth-mailbox = SMTP AUTH is on for the mailbox
cli-check-device-code-flow-allowed = Sign-in with a code is allowed (Conditional Access)
cli-check-consent = The application has consent
cli-check-sign-in = Sign-in
cli-check-test-mail = Test mail
cli-check-passed = ok
cli-check-failed = FAILED
cli-check-not-checked = not checked
cli-tenant-cause = cause: { $cause }
cli-tenant-fix = fix: { $fix }
cli-tenant-ready = The tenant is ready.
cli-tenant-not-ready = The tenant is not ready: see the fixes above.

## Command line: troubleshooting

cli-finding = finding: { $finding }
cli-remedy = remedy: { $remedy }

## Command line: practice mode

cli-practice-running =
    { $count ->
        [one] Practice world running ({ $count } device). Ctrl-C stops it.
       *[other] Practice world running ({ $count } devices). Ctrl-C stops it.
    }
cli-practice-point = Point the command line at it: { $command }
cli-practice-sign-in-as = Sign in as { $account } with the password { $password }.
cli-practice-control = Control API: { $url }

## Command line: errors

cli-error = printoauth: { $error }
