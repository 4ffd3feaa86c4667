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
cli-manual-title = [{ $device }] Do this on the device's own page, { $url }:
cli-manual-stopped-here = printoauth stopped here. Not found on the device's page: { $what }
cli-manual-resume = When it is done, continue with: { $command }
cli-manual-capture = To send the device's pages with a bug report: { $command }
cli-capture-written =
    { $count ->
        [one] { $count } page saved, without passwords, tokens or codes: { $file }
       *[other] { $count } pages saved, without passwords, tokens or codes: { $file }
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
cli-cause = cause: { $cause }
cli-fix = fix: { $fix }
cli-trust-certificate-hint = If you trust the new certificate: { $command }
cli-certificate-trusted = The certificate { $fingerprint } is now trusted for { $device }.
cli-tenant-ready = The tenant is ready.
cli-tenant-not-ready = The tenant is not ready: see the fixes above.
cli-tenant-through-device = Checking the tenant through { $device }: its own connection test.
cli-tenant-device-said = The device said: { $message }
cli-tenant-meanwhile = Meanwhile printoauth checks through the device set up by the run of { $time }: { $device }

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
cli-error-address-unreadable = “{ $address }” is not an address printoauth can read: give a host name, an IP address or the device's https:// address.
cli-error-world-address-bad = The practice world file has no usable address for device { $device }.
cli-error-password-missing = No administrator password for { $device }: set { $variable } or run printoauth in a terminal.
cli-error-password-unreadable = The password could not be read: { $detail }
cli-error-runtime = printoauth could not start: { $detail }
cli-error-world-file-unreadable = The practice world file { $file } cannot be read: { $detail }
cli-error-world-file-unwritable = The practice world file { $file } cannot be written: { $detail }
cli-error-capture-unwritable = The capture file { $file } cannot be written: { $detail }
cli-error-practice-world-failed = The practice world could not start: { $detail }
cli-error-fingerprint-invalid = “{ $fingerprint }” is not a certificate fingerprint: give the 64 hexadecimal digits of its SHA-256.
cli-error-pins-unwritable = The certificate pins could not be saved: { $detail }
cli-error-sender-missing = No sender: give --sender ADDRESS.
cli-error-no-configured-device = The audit trail shows no device set up yet to check through: name one with --device DEVICE.
cli-error-configured-device-gone = The device { $device }, set up by the run of { $time }, is not in this practice world (that run used an earlier one): name a device with --device DEVICE.
cli-error-audit-unreadable = The audit trail cannot be read: { $detail }
cli-error-report-no-run = The audit trail has no run { $run }: `printoauth audit` lists the runs.
cli-error-report-nothing = No run recorded yet: there is nothing to report.
cli-error-report-unwritable = The report { $file } cannot be written: { $detail }
cli-report-written = Report of run { $id } (devices: { $count }) written: { $file }

## Command line: audit trail

cli-audit-unavailable = The audit trail cannot be written ({ $detail }): the run goes on without it.
cli-audit-unavailable-check = The audit trail cannot be written ({ $detail }): the check goes on without recording it.
cli-unfinished-title = Devices the last run ({ $time }) did not finish: { $count }
cli-unfinished-resume = To resume them: { $command }
cli-resume-nothing = The last run left no unfinished device: there is nothing to resume.
cli-resuming = Resuming the run of { $time }: { $devices }
cli-audit-file = Audit trail: { $file }
cli-audit-empty = No run recorded yet.
cli-audit-run = Run { $id } ({ $time }), sender { $sender }: { $finished } of { $total } finished
cli-audit-run-practice = Practice run { $id } ({ $time }), sender { $sender }: { $finished } of { $total } finished
cli-col-time = TIME
cli-col-device = DEVICE
cli-col-action = STEP
cli-col-result = RESULT
cli-col-change = BEFORE -> AFTER
cli-audit-ok = ok
cli-audit-not-started = not started
audit-action-logged-in = logged in
audit-action-oauth2-set = OAuth2 set
audit-action-sign-in-started = sign-in started
audit-action-signed-in = signed in
audit-action-saved = saved (OK)
audit-action-verified = verified
audit-action-done = done
audit-action-failed = failed
audit-action-cancelled = cancelled

## App: frame, navigation, languages
## Names the device itself shows in Web Config (Email Server > Basic, Authentication
## Method, Current Status, Signed in, Sign in with Microsoft, OK, …) stay in English in
## every language, also inside translated sentences.

app-title = printoauth
app-tagline = Office printers that send mail through Exchange Online, signed in with OAuth 2.0.
app-start-failed = printoauth could not start:
app-status-loading = Starting…
app-status-ready = { $name } { $version } is ready.
app-about-open = About printoauth
app-about-title = About printoauth
app-about-version = Version { $version }
app-about-updates-title = Updates
app-about-updates-at-start = Look for a new version when printoauth starts
app-about-updates-check = Look for a new version now
app-about-updates-checking = Looking for a new version…
app-about-updates-none = You have the newest version.
app-about-updates-available = Version { $version } is available. You have { $current }.
app-about-updates-install = Install it and restart
app-about-updates-installing = Downloading, checking its signature and installing…
app-about-updates-unsupported = This copy of printoauth does not update itself. To get updates, install printoauth from its download page.
app-about-updates-what = To look, printoauth fetches the number of the newest version from its download page. It sends nothing about your devices or your organisation. A new version is installed only when its signature proves that it comes from printoauth.
app-nav-label = Steps
app-nav-devices = Devices
app-nav-tenant = Microsoft 365
app-nav-wizard = Set up
app-nav-results = Results
app-nav-troubleshoot = Troubleshoot
app-language = Language
app-practice-banner = These devices, accounts and mailboxes are emulated on this computer. Nothing real is changed.
app-error-unknown-code = An unexpected error occurred (code { $code }).
app-error-unexpected = An unexpected error occurred ({ $detail }).
app-message-missing = (This text is not available. Please report it.)
app-copy = Copy
app-copied = Copied
app-copy-failed = Select the text and copy it with Ctrl+C.
app-details = Technical details
app-block-powershell = PowerShell
app-block-verify = Check the result with
app-block-admin-center = In the admin center
app-state-working = Working
app-state-needs-you = Needs you
app-state-done = Done
app-state-failed = Failed
app-cancel = Cancel
app-yes = yes
app-no = no
app-none = none

## App: devices

app-devices-title = Printers and scanners on this network
app-devices-intro = Choose the devices that should send mail with OAuth 2.0. The list fills while devices answer.
app-devices-searching = Looking for devices…
app-devices-count =
    { $count ->
        [one] { $count } device found, { $selected } selected.
       *[other] { $count } devices found, { $selected } selected.
    }
app-devices-empty = No device has answered yet.
app-devices-quiet = No device answered within { $seconds } seconds. Check that this computer is on the printers' network, add a device by its address, or try practice mode.
app-col-vendor = Vendor
app-col-model = Model
app-col-address = Address
app-col-oauth2 = OAuth 2.0 possible
app-col-mail-status = Mail sign-in
app-select-device = Select { $device }
app-select-all = Select all
app-rescan = Search again
app-interface = Network
app-interface-default = Usual networks (no VPN or virtual)
app-interface-all = All networks
app-interface-virtual = { $name } (virtual)
app-unsupported = not supported yet
app-practice-device = practice
app-add-device-label = Add a device by IP address or host name
app-add-device = Add
app-add-device-working = Looking at { $host }…
app-unfinished-title = Devices the last run ({ $time }) did not finish: { $count }
app-unfinished-changed = partly changed
app-unfinished-last = last step: { $step }
app-unfinished-not-started = not started
app-unfinished-waiting = None of them is in the list yet: they can be resumed once they are found.
app-unfinished-resume = Resume them ({ $count })
app-unfinished-dismiss = Not now
app-to-wizard =
    { $count ->
        [0] Set up the selected devices
        [one] Set up { $count } device
       *[other] Set up { $count } devices
    }
app-oauth2-yes = yes
app-oauth2-no = no
app-oauth2-unknown = not known yet

## App: practice mode

app-practice-title = Practice mode
app-practice-offer = Try every step on an emulated office first: emulated Epson devices, a Microsoft 365 tenant and a mailbox, all on this computer.
app-practice-count = Number of practice devices
app-practice-start = Start practice mode
app-practice-starting = Starting the emulated office…
app-practice-unavailable = Practice mode is not part of this build.
app-practice-accounts = Practice accounts (for signing in)
app-practice-col-account = Account
app-practice-col-password = Password
app-practice-col-role = Role
app-practice-kind-personal = Personal Microsoft account (Outlook.com): choose Outlook.com as the service
app-practice-kind-federated = Signs in on its own page ({ $host }): the sign-in window offers your browser
app-practice-device-password = Device administrator: user { $user }, password { $password }
app-practice-sender = Sender address: { $sender }
app-practice-faults = Practise a problem
app-practice-faults-intro = Turn on a problem, then run the set-up or the troubleshooting and see how printoauth explains it.
app-practice-fault-device = Device for the problem
app-practice-stop = Leave practice mode

## App: tenant

app-tenant-title = Microsoft 365 tenant
app-tenant-intro = An administrator prepares the tenant once, before any device can send mail with OAuth 2.0.
app-prerequisites = What the tenant needs
app-tenant-sender = Sender address for the check
app-tenant-sender-hint = The mailbox the devices will send from. The check sends a test mail from it to itself.
app-tenant-app-id = printoauth's application (client) ID in your tenant
app-tenant-app-id-hint = Register printoauth once in Microsoft Entra (the check shows how when this is empty). Not needed in practice mode.
app-tenant-check = Check the tenant
app-tenant-check-intro = printoauth signs in to Microsoft 365, reads what it can and sends a test mail.
app-tenant-check-start = Check now
app-tenant-device-check = Check through a device
app-tenant-device-check-intro = No application id yet? A device already set up (OAuth2, signed in) can test the connection itself: its answer is mapped to the same causes and fixes.
app-tenant-device-check-none = Add or find a device first (Devices screen).
app-tenant-device-check-device = Device
app-tenant-device-check-password = Its administrator password (if not remembered)
app-tenant-device-check-start = Check through this device
app-tenant-device-said = The device said: { $message }
app-tenant-signing-in = Sign in with an administrator account: open the sign-in window (or { $url }) and enter this code:
app-code-expires = The code is valid until { DATETIME($time, hour: "numeric", minute: "2-digit") }.
app-tenant-signed-in = Signed in as { $account }.
app-tenant-signed-in-unknown = Signed in.
app-tenant-sending = Sending a test mail from { $from } to { $to } through { $host }:{ $port }…
app-tenant-passed = The tenant is ready.
app-tenant-failed = The tenant is not ready yet: see what to fix below.
app-tenant-results = Results of the check
app-check-passed = passed
app-check-failed = failed
app-check-not-checked = not checked
app-cause = Why
app-fix = What to do
app-evidence = What the server said

## App: wizard

app-wizard-title = Set up OAuth 2.0 on the devices
app-wizard-devices =
    { $count ->
        [0] No device is selected. Choose devices on the Devices screen first.
        [one] { $count } device selected.
       *[other] { $count } devices selected.
    }
app-admin-user = Device administrator user name
app-admin-user-hint = Epson business models have a blank administrator user name unless someone set one: leave this empty unless the device's administrator chose a name. Models that ask only for a password ignore it.
app-shared-password = Device administrator password (the same for all)
app-per-device-passwords = A different password for each device
app-device-password = Password for { $device }
app-remember-passwords = Remember the passwords in this computer's keyring
app-password-remembered = (password remembered in the keyring)
app-sender = Sender address
app-sender-hint = The mailbox the devices send from. Signing in later must be done with this account or one that may send as it.
app-service = Email service
app-service-exchange-online = Microsoft Exchange Online (work or school)
app-service-outlook-com = Outlook.com (personal)
app-embedded-sign-in = Sign in in a window of printoauth (the code is filled in for you)
app-run-start = Start
app-run-cancel = Stop
app-invalid-no-devices = Select at least one device.
app-invalid-sender-empty = Enter the sender address.
app-invalid-sender = “{ $address }” is not a mail address.
app-invalid-password = Enter the administrator password.
app-invalid-device-password = Enter the administrator password for { $device }.
app-run-progress = Progress
app-run-summary = { $done } done, { $failed } failed, { $working } working, { $waiting } waiting for you.
app-run-needs-you = Sign in for this device: enter this code on the Microsoft page, with an account that can consent for the organisation, and tick “Consent on behalf of your organization”.
app-show-sign-in-window = Show the sign-in window
app-open-in-browser = Open in my browser instead
app-copy-code = Copy the code
app-consent-window-open = The sign-in window is open.
app-sign-in-elsewhere-title = The sign-in continues in your browser
app-sign-in-elsewhere-body = Your organisation signs in on its own sign-in page, { $host }. This window opens only Microsoft's sign-in pages, so it does not open that page.
app-sign-in-elsewhere-copied = The code { $code } is copied. In your browser, paste it on Microsoft's page, then sign in as usual.
app-sign-in-elsewhere-not-copied = In your browser, enter the code { $code } on Microsoft's page, then sign in as usual.
app-sign-in-elsewhere-button = Continue in my browser
app-sign-in-elsewhere-opened = The sign-in page is open in your browser.
app-run-failed-at = Stopped before “{ $step }”.
app-run-running = The set-up is running. You can leave this screen; it keeps going.

## App: results

app-results-title = Results
app-results-empty = Nothing has been set up yet.
app-results-summary =
    { $total ->
        [one] { $done } of { $total } device set up, { $failed } failed.
       *[other] { $done } of { $total } devices set up, { $failed } failed.
    }
app-results-changes = What changed
app-change-before-after = { $before } → { $after }
app-change-set = set to { $after }
app-no-changes = Nothing had to change.
app-result-error = What went wrong
app-result-generic-fix = Check the device's web page (Email Server > Basic), then try again. If it fails again, open Troubleshoot.
app-report-title = Report for the customer
app-report-hint = Each device, what changed and the Microsoft 365 check, in this language. It holds no password, token or sign-in code.
app-report-site = Site (printed on the report)
app-report-format = Format
app-report-save = Save report
app-report-saved = Saved: { $file } ({ $devices ->
        [one] { $devices } device
       *[other] { $devices } devices
    }).
app-report-open = Open
app-report-show-folder = Show in folder
app-retry = Try again
app-trust-certificate = Trust the new certificate and try again
app-troubleshoot-device = Troubleshoot
app-manual-open = Do this step on the device's page
app-manual-title = On the device's own page
app-manual-intro = printoauth could not read this device's page. Do these steps on the device's own page, { $url } (it opens in your browser), then press “Check again”.
app-manual-missing = Not found on the device's page: { $what }
app-manual-stopped-here = printoauth stopped here
app-manual-open-again = Open the device's page again
app-manual-check-again = Check again

## App: troubleshoot

app-troubleshoot-title = Troubleshoot a device
app-troubleshoot-intro = printoauth reads the device's mail settings, its sign-in status and its recent jobs, and says what to do.
app-troubleshoot-choose = Device
app-troubleshoot-none = No devices yet: find them on the Devices screen.
app-troubleshoot-password = Device administrator password
app-troubleshoot-run = Check the device
app-troubleshoot-working = Reading the device…
# Web Config's label: keep it in English.
app-health-auth = Authentication Method
# Web Config's label: keep it in English.
app-health-sender = Sender's Email Address
app-health-signed-in = Signed in
app-health-account = Account
app-health-panel = The device says
app-health-jobs = Recent jobs
app-health-no-jobs = No recent mail jobs.
app-job-code-360 = 360: no connection to the cloud or email service.
app-job-code-361 = 361: the connection to the cloud or email service has expired; connect again.
app-job-code-370 = 370: the device must sign in to the cloud service again.
app-job-code-other = Code { $code }.
app-job-succeeded = Sent.
app-job-no-connection = No connection to the cloud or email service.
app-job-connection-expired = The connection to the cloud or email service has expired.
app-job-sign-in-required = The device must sign in again.
app-job-other-error = Failed.
app-job-other = Other (in progress or cancelled).
app-diagnoses = What printoauth found
app-remedy-resave = Send the settings again
app-remedy-sign-in-again = Sign in again
app-remedy-configure = Set up now
app-remedy-show-instructions = Show what to do
app-instructions-check-device-network = On the device's panel open Settings > General Settings > Network Settings > Network Status > Email Server Status. Check that the device has a gateway and a DNS server, and that the firewall lets it reach the SMTP Server Address of Email Server > Basic on port 587.
app-instructions-review-conditional-access = In the Microsoft Entra admin center, open the Conditional Access policies. Find the one that blocks the device code flow (for example “Block device code flow”) and exclude the administrator account that signs the devices in, or the device's app.
app-resave-done = The settings were sent to the device again.

## App: steps of the set-up (one per step)

step-found = Found
step-logged-in = Logged in as administrator
step-oauth2-set = OAuth2 chosen
step-waiting-for-consent = Waiting for the sign-in
step-signed-in = Signed in
step-saved = Saved (OK)
step-verified = Checked

## App: mail status of a device

mail-status-not-checked = not checked
mail-status-basic-auth = password (Basic authentication)
mail-status-oauth2-signed-out = OAuth2, signed out
mail-status-oauth2-signed-in = OAuth2, signed in

## App: settings a set-up changes
## These are the device's own labels on Email Server > Basic: keep them in English.

change-authentication-method = Authentication Method
change-email-service = Email service
change-sender = Sender's Email Address
change-smtp-server = SMTP Server Address
change-port = SMTP Server Port Number
change-secure-connection = Secure Connection
change-current-status = Current Status

## App: practice faults

fault-wrong-password = The device's administrator password is different
fault-no-oauth2 = The device's firmware has no OAuth2
fault-conditional-access = Conditional Access blocks sign-in with a code (whole tenant)
fault-expired-sign-in = The device's sign-in has expired
fault-unreadable-page = A page printoauth cannot read (its Sign In button is worded differently)

## App: tenant checks and prerequisites

check-security-defaults = Security defaults are off
check-security-defaults-what = Security defaults block SMTP AUTH; turn them off for the organisation.
check-smtp-auth-organisation = SMTP AUTH is on for the organisation
check-smtp-auth-organisation-what = Devices send mail over SMTP, so SMTP AUTH must stay on, also with OAuth 2.0.
check-smtp-auth-mailbox = SMTP AUTH is on for the sender's mailbox
check-smtp-auth-mailbox-what = The mailbox's own setting wins over the organisation's; it must be on or empty.
check-device-code-flow-allowed = Sign-in with a code is allowed
check-device-code-flow-allowed-what = Devices sign in with a code; a Conditional Access policy must not block that flow.
check-consent = The app has consent
check-consent-what = The first sign-in registers the device's app; an administrator consents for the organisation.
check-sign-in = Sign-in
check-sign-in-what = printoauth signs in to Microsoft 365 with a code, as the devices do.
check-test-mail = Test mail
check-test-mail-what = A mail sent with OAuth 2.0 from the sender's mailbox proves the whole path.

## Errors (one per code; the app's own codes, then the engine's)

error-internal = Something went wrong inside printoauth.
error-practice-unavailable = Practice mode is not part of this build.
error-practice-not-running = Practice mode is not running.
error-device-unknown = printoauth does not know the device { $id }. Search again.
error-device-unsupported = printoauth cannot set up this { $vendor } device yet.
error-run-in-progress = A set-up is already running. Wait for it or stop it.
error-no-devices-selected = Select at least one device.
error-run-sender-invalid = “{ $address }” is not a mail address.
error-password-missing = The administrator password for { $device } is missing.
error-url-not-allowed = printoauth opens only Microsoft's sign-in pages, not { $url }.
error-tenant-check-in-progress = A tenant check is already running.
error-update-unavailable = This copy of printoauth does not update itself. To get updates, install printoauth from its download page.
error-update-check-failed = printoauth could not find out whether there is a new version. Check the internet connection and try again later.
error-update-install-failed = The new version could not be installed. The version you have keeps working: try again later, or install the new version from the download page.
error-report-no-run = There is no set-up to report on yet: set up devices first.
error-report-unwritable = The report could not be saved as { $file }: { $detail }
error-report-not-found = { $file } is no longer in the reports folder (moved or deleted). Save the report again.
error-run-cancelled = Stopped: the set-up was cancelled before this device was finished.
error-device-unreachable = The device at { $address } does not answer.
error-device-not-recognised = The web server at { $address } does not show a device page printoauth knows.
error-device-https-unavailable = The device at { $address } does not answer over HTTPS.
error-device-tls-too-old = The device at { $address } only offers an old TLS version that printoauth does not use (TLS 1.2 or newer is needed). Update the device's firmware: firmware that can do OAuth2 also speaks TLS 1.2.
error-device-certificate-changed = The certificate of the device at { $address } has changed since printoauth first saw it (it was { $pinned_sha256 }, it is now { $found_sha256 }).
error-device-pin-store = printoauth could not read or write its list of device certificates ({ $location }).
error-device-http-status = The device kept answering with error { $status } (page { $path }, { $attempts } attempts).
error-device-restart-timeout = The device at { $address } restarted and did not come back within { $waited_secs } seconds.
error-device-page-not-understood = printoauth did not understand the device's page { $page }: “{ $missing }” is missing.
error-device-login-rejected =
    { $family ->
        [consumer] The device refused the administrator password.
       *[other] The device refused the administrator user name or password.
    }
error-device-login-locked-out = Too many failed log-ins: the device refuses log-ins for a while.
error-device-not-logged-in = printoauth was not logged in to the device.
error-device-session-lost = The device kept ending the session ({ $attempts } times).
error-device-oauth2-unavailable = This device's firmware does not offer OAuth2.
error-device-additional-network = The device is reached through its additional network, which does not support OAuth 2.0.
error-device-refused = The device refused the settings on { $page }: “{ $device_message }”
error-device-invalid-value = The value “{ $value }” cannot be set for { $field }.
error-device-already-signed-in = The device is already signed in.
error-device-sign-in-not-started = No sign-in was started on the device.
error-device-fax-server-unavailable = This device has no fax server mail settings.
error-device-save-not-confirmed = The device did not confirm the save on { $page }.
error-device-verify-mismatch = After saving, the device shows different settings than were sent.
error-device-connection-test-unavailable = This device offers no connection test of its mail server that printoauth can run.
error-device-job-history-unreadable = printoauth could not read the device's job history ({ $missing } is missing).
error-discovery-host-network-refused = Searching is turned off in this test environment ({ $namespace }).
error-discovery-mdns-unavailable = Searching the network is not possible right now. Add devices by their address.
error-discovery-invalid-service-type = Invalid service type { $service_type }.
error-discovery-interface-not-found = This computer has no network named { $names }.
error-discovery-probe-invalid-host = “{ $host }” is not an IP address or a host name.
error-discovery-probe-unreachable = No web page answered at { $host }.
error-identity-authority-invalid = The sign-in address { $url } cannot be used.
error-identity-authority-unreachable = The Microsoft sign-in service at { $url } cannot be reached.
error-identity-unexpected-response = The sign-in service at { $url } answered something unexpected.
error-identity-authorization-pending = Nobody has finished signing in yet.
error-identity-authorization-declined = The sign-in was declined.
error-identity-device-code-expired = The code expired before anyone signed in.
error-identity-bad-verification-code = The code was wrong or has already been used.
error-identity-invalid-client = Microsoft 365 does not accept this app's sign-in (public client flows are off or the app is unknown).
error-identity-conditional-access-blocked = A Conditional Access policy blocked the sign-in.
error-identity-security-defaults-blocked = Security defaults blocked the sign-in.
error-identity-admin-consent-required = An administrator must consent for the organisation.
error-identity-consent-required = Consent has not been given.
error-identity-session-expired = The sign-in is no longer valid.
error-identity-rejected = Microsoft 365 refused the sign-in ({ $error }).
error-identity-no-access-token = The sign-in returned no usable token.
error-identity-app-id-missing = printoauth has no application (client) ID for this tenant: register printoauth once, then give its ID.
error-identity-cancelled = The sign-in was cancelled.
error-identity-timed-out = Nobody finished signing in within { $after_secs } seconds.
error-mail-address-invalid = “{ $address }” is not a mail address.
error-mail-ca-certificate-invalid = The extra CA certificate is not valid.
error-mail-connection-failed = No connection to the mail server { $host }:{ $port }.
error-mail-tls-failed = The secure connection to { $host }:{ $port } failed ({ $tls_name }).
error-mail-timed-out = The mail server { $host }:{ $port } stopped answering.
error-mail-xoauth2-not-offered = The mail server { $host }:{ $port } does not offer OAuth 2.0 (XOAUTH2).
error-mail-smtp-auth-disabled-organisation = SMTP AUTH is off for the organisation.
error-mail-smtp-auth-disabled-mailbox = SMTP AUTH is off for the mailbox { $mailbox }.
error-mail-security-defaults = Security defaults block SMTP AUTH.
error-mail-smtp-auth-disabled = SMTP AUTH is off for { $mailbox } or for the organisation.
error-mail-authentication-unsuccessful = The mail server refused the sign-in of { $account }.
error-mail-client-not-authenticated = The mail was sent without signing in.
error-mail-send-as-denied = { $account } may not send as { $from }.
error-mail-xoauth2-user-invalid = The user { $account } is not a valid mailbox address.
error-mail-basic-auth-not-supported = The server refuses Basic authentication (passwords).
error-mail-server-busy = The mail server is busy.
error-mail-rejected = The mail server refused the mail.
error-mail-protocol-error = The exchange with { $host }:{ $port } broke off.
error-run-sign-in-failed = The device reports that the sign-in failed: “{ $detail }”
error-run-sign-in-timed-out = Nobody finished signing in within { $waited_secs } seconds.
error-run-signed-out-while-waiting = The device signed out while waiting (it may have restarted).

# A run's waits (the app and the CLI): what the device keeps the run waiting for, and how long at most.
wait-device-away = The device does not answer (restarting?): trying again for up to { $secs } s.
wait-device-server-error = The device answered with an error: asking again for up to { $secs } s.
wait-device-restarting = The device restarts to apply the settings: waiting up to { $secs } s for it.
wait-over = The device answers again.

## Causes: what went wrong (the tenant check, troubleshooting and the run share them)

cause-security-defaults-on = Security defaults are on for the tenant.
cause-smtp-auth-disabled-organisation = SMTP AUTH is off for the organisation.
cause-smtp-auth-disabled-mailbox = SMTP AUTH is off for the mailbox { $mailbox }.
cause-smtp-auth-disabled = SMTP AUTH is off for { $mailbox } or for the organisation.
cause-conditional-access-blocked = A Conditional Access policy blocks the sign-in with a code.
cause-application-not-usable = The app { $client_id } cannot sign in with a code (public client flows are off, or the app is unknown).
cause-app-id-missing = printoauth was given no application (client) ID for this tenant, or one that is not valid.
cause-admin-consent-required = An administrator must consent for the organisation.
cause-consent-not-granted = Consent was not granted.
cause-sign-in-declined = The sign-in was declined.
cause-device-code-expired = The code expired before anyone signed in.
cause-device-code-invalid = The code was wrong, already used or declined.
cause-session-expired = The sign-in is no longer valid.
cause-sign-in-rejected = Microsoft 365 refused the sign-in ({ $error }).
cause-cancelled = The check was cancelled.
cause-sign-in-timed-out = Nobody finished signing in within { $after_secs } seconds.
cause-authority-unreachable = The sign-in service at { $url } cannot be reached.
cause-account-unknown = The sign-in did not say which account signed in.
cause-token-rejected = The mail server refused the sign-in of { $account } (expired or for another account).
cause-client-not-authenticated = The mail was sent without signing in.
cause-send-as-denied = { $account } may not send as { $from }.
cause-xoauth2-user-invalid = { $account } is not a valid mailbox address.
cause-basic-auth-not-supported = Basic authentication (a password) was used; it is not supported.
cause-smtp-server-unreachable = No connection to the mail server { $host }:{ $port }.
cause-smtp-tls-failed = The secure connection to { $host }:{ $port } failed ({ $tls_name }).
cause-xoauth2-not-offered = The mail server { $host }:{ $port } does not offer OAuth 2.0.
cause-smtp-server-busy = The mail server is busy (code { $code }).
cause-smtp-rejected = The mail server refused (code { $code }).
cause-address-invalid = “{ $address }” is not a mail address.
cause-ca-certificate-invalid = The configured CA certificate is not valid.

## Fixes: what to do about a cause (the tenant check, troubleshooting and the run share them)

fix-turn-off-security-defaults = Turn security defaults off for the organisation.
fix-enable-smtp-auth-organisation = Turn SMTP AUTH on for the organisation. (Turning it off blocks OAuth 2.0 mail too, not only passwords.)
fix-enable-smtp-auth-mailbox = Turn SMTP AUTH on for the mailbox { $mailbox }. Its own setting wins over the organisation's.
fix-enable-smtp-auth = Turn SMTP AUTH on for the organisation and for the mailbox { $mailbox }.
fix-review-conditional-access = Exclude the administrator account (or the device's app) from the Conditional Access policy “{ $policy }”.
fix-allow-public-client-flows = Allow public client flows for the app { $client_id }, or use the right app.
fix-register-app = Register printoauth in the tenant once, as the steps below say (public client flows on, the delegated permission { $permission }), then give printoauth its application (client) ID: on the Microsoft 365 screen, or in { $setting }.
fix-grant-admin-consent = Sign in with an administrator account and tick “Consent on behalf of your organization”, or grant consent in the admin center.
fix-sign-in-again = Try again, and finish the sign-in while the code is valid.
fix-check-connection = Check the network, proxy and firewall for { $host }:{ $port }.
fix-check-tls = Check the name { $tls_name } and the trusted certificates for { $host }.
fix-check-authority = Check the sign-in service address { $url }.
fix-use-signed-in-mailbox-as-sender = Make { $account } the sender, or let { $account } send as { $from }.
fix-use-mailbox-address = Sign in with the mailbox address of { $account }.
fix-use-oauth = Use OAuth 2.0 instead of a password.
fix-enable-authentication = Turn authentication on in the sending device.
fix-use-exchange-online-server = Use the server { $host }, port { $port }.
fix-retry-later = Try again later.
fix-correct-address = Correct the address “{ $address }”.
fix-see-details = Read the server's message in the details.

## Fixes for a device the set-up could not finish

fix-check-admin-password = Check the device's administrator password (often on a label on the device, or set when it was installed). Business models also need the user name.
fix-wait-for-lock-out = Too many wrong passwords: wait until the device accepts log-ins again, then try again with the right password.
fix-update-firmware = Update the device's firmware to a version that offers OAuth2, then try again.
fix-use-standard-network = Connect to the device through its standard network: the additional network does not support OAuth 2.0.
fix-check-device-connection = Check that the device at { $address } is on and reachable from this computer.
fix-check-device-address = Check that { $address } is the device's own address (its network status sheet shows it). printoauth sets up Epson devices with Web Config so far.
fix-confirm-certificate = A reset or a firmware update gives a device a new certificate: if that happened, check that its own page (Network Security > SSL/TLS > Certificate) shows the new fingerprint { $found_sha256 }, trust it, and try again. If nothing like that happened, stop: another device may be answering at { $address }.
fix-retry-or-report = Try again. If it happens again, send the technical details to support.
fix-do-on-device-page = printoauth could not read the device's page: do this step on the device's own page, then check again.

## Causes troubleshooting finds on a device

cause-healthy = Everything is in order: OAuth 2.0 is set and signed in.
cause-still-on-basic-auth = The device still signs in with a password ({ $method }). Exchange Online refuses that.
cause-signed-in-not-saved = Current Status says Signed in, but the settings were not sent to the device (OK was not pressed).
cause-not-signed-in = OAuth2 is chosen but nobody has signed in.
cause-sign-in-expired = The device's sign-in has expired (long unused, or the sign-in frequency passed).
cause-must-sign-in-again = The device must sign in again.
cause-no-connection = The device has no connection to the cloud or email service.
cause-sign-in-failed = The device's sign-in failed: “{ $detail }”

## Fixes for what troubleshooting finds

fix-none = Nothing to do.
fix-configure = Set up OAuth 2.0 with Exchange Online and sign in.
fix-resave = Press OK on Email Server > Basic again to send the settings to the device.
fix-check-device-network = Check the device's network and that it reaches the mail service.

## Steps to do on a device's own page, when printoauth could not read it
## (the device's own names stay in English, as in the vendor's guide)

manual-open-web-config = Open { $url } in a browser on a computer on the same network. The browser may warn about the device's own certificate.
manual-log-in = Log in as administrator: Log in, the administrator password, OK.
manual-open-email-server-basic = Open the Network tab, then Email Server > Basic.
manual-set-auth-method-oauth2 = Set Authentication Method to OAuth2.
manual-set-email-service = Set Email service to { $service }. The page warns that any other email service signed in will be signed out.
manual-press-sign-in = Press Sign In.
manual-press-sign-in-with-microsoft = Press “Sign in with Microsoft”. The page shows a code and an address.
manual-enter-shown-code = In a browser, open the address the page shows and enter the code it shows, then Next.
manual-enter-code = In a browser, open { $url } and enter the code { $code }, then Next.
manual-sign-in-as-administrator = Sign in with an account that has the Cloud Application Administrator role or higher: its password, then Sign In.
manual-consent-for-organisation = On “Permissions requested”, tick “Consent on behalf of your organization”, then Accept. When the page says you are signed in, close it.
manual-check-signed-in = Back on Email Server > Basic, reload the page: Current Status shows Signed in.
manual-check-values = Check the other values: Sender's Email Address { $sender }, SMTP Server Address { $server }, SMTP Server Port Number { $port }, Secure Connection STARTTLS, Certificate Validation Enable.
manual-press-ok = Press OK to send the settings to the printer, then OK on the confirmation page. The page says “Setup complete.”

## What printoauth could not find on a device's page

missing-button = the button “{ $label }”
missing-field = the field “{ $label }”
missing-option = the choice “{ $option }” of “{ $field }”
missing-menu-entry = the menu entry “{ $path }”
missing-page = the page “{ $path }”
missing-row = the line “{ $label }”
missing-login-form = the administrator log-in form
missing-confirmation-form = the confirmation page of the save
missing-save-confirmation = the message “Setup complete.” after saving
missing-sign-in-code = the sign-in code
missing-verification-url = the address where the code is entered
missing-other = “{ $what }”

## Inventory: every device, read without changing it (the command line and the app)

cli-col-firmware = FIRMWARE
cli-col-oauth2 = OAUTH2
cli-col-auth = AUTHENTICATION
cli-col-signed-in = SIGNED IN AS
cli-col-sender = SENDER
cli-col-password = PASSWORD KEPT
cli-col-last-mail = LAST MAIL JOB
cli-inventory-password-prompt = Administrator password of the devices (Enter: list them without logging in):
cli-inventory-signed-out = signed out
cli-inventory-job-ok = { $time }: sent
cli-inventory-job-failed = { $time }: failed ({ $result })
cli-inventory-why = OAuth2: { $reason }
cli-inventory-instead = instead: { $alternative }
cli-inventory-summary =
    { $total ->
        [one] { $total } device: { $oauth2 } on OAuth2 already, { $possible } can move to it, { $cannot } cannot, { $unknown } not known.
       *[other] { $total } devices: { $oauth2 } on OAuth2 already, { $possible } can move to it, { $cannot } cannot, { $unknown } not known.
    }
app-inventory-read = Read the devices
app-inventory-reading = Reading the devices (nothing is changed on them)…
app-inventory-password = Administrator password for reading (used once, not stored)
app-inventory-details = Details
app-inventory-firmware = Firmware
app-inventory-oauth2 = OAuth 2.0
app-inventory-auth = Authentication
app-inventory-signed-in = Signed in as
app-inventory-signed-out = signed out
app-inventory-sender = Sender
app-inventory-last-mail = Last mail job
app-inventory-job-ok = { $time }: sent
app-inventory-job-failed = { $time }: failed ({ $result })
app-inventory-password-kept = Password remembered
app-inventory-alternatives = Instead of OAuth 2.0

read-state-read = read
read-state-password-needed = Not read: the administrator password is needed. Vendor and model are what the device announces on the network.
read-state-password-refused = Not read: the device refused the administrator password.
read-state-no-driver = Not read: printoauth cannot read this vendor's devices yet. Vendor and model are what the device announces on the network.
read-state-failed = Not read: the device could not be read.

oauth2-possible = OAuth2 is possible.
oauth2-unknown = Not known until the device is read.
oauth2-model-has-it = This model has OAuth2 from firmware { $since }; read the device to know its firmware.
oauth2-firmware-too-old = Not with this firmware ({ $firmware }): the model has OAuth2 from firmware { $since }.
oauth2-model-without = No: no firmware of the { $model } has OAuth2.
oauth2-not-in-firmware = Not with this firmware ({ $firmware }); whether a newer firmware for this model has it is not known.
oauth2-additional-network = Not on this connection: the device is reached through its additional network, which has no OAuth2. Its standard network has it.
oauth2-vendor-not-supported = Not with printoauth: it cannot set up { $vendor } devices yet.

alternative-use-standard-network = Connect the device through its standard network instead of the additional one, then set it up with OAuth2 there.
alternative-update-firmware = Update the firmware of the { $model } to { $since } or newer, then set it up with OAuth2.
alternative-ask-vendor-for-firmware = Ask the vendor whether a firmware with OAuth2 exists for the { $model }; if so, update it, then set it up with OAuth2.
alternative-vendor-own-setup = { $vendor } describes OAuth 2.0 for some of its models on the device's own web page: follow the vendor's guide for this model.
alternative-exchange-connector = An Exchange Online connector (SMTP relay): the device sends without a password to your domain's MX endpoint (…mail.protection.outlook.com) on port { $port }. Needs a static public IP address for the office, outgoing port { $port } open, and a connector that accepts mail from that address.
alternative-high-volume-email = Microsoft's High Volume Email: only for recipients inside your organisation, and paid. It accepts the device's password (Basic authentication) longer: until September 2028, as Microsoft announced in 2026. Needs an HVE account and the device sending to { $server }, port { $port }.
alternative-local-relay = A relay on the office network (an SMTP-to-Graph relay or an OAuth proxy): the device sends to it as it does today, and it signs in to Microsoft 365 for the device. Needs a computer or server that is always on, and the relay's own app registration in the tenant.

## Health (printoauth health; the app's check on start)
health-healthy = Healthy
health-sign-in-expired = Sign-in expired: sign in again.
health-sign-in-needed = Must sign in again.
health-jobs-failed = Recent mail jobs failed.
health-needs-attention = Needs attention (see the causes).
health-not-on-oauth2 = Not on OAuth2: no sign-in to check.
health-not-readable = Not checked.
cli-col-health = HEALTH
cli-health-job-code = job code { $code }
cli-health-summary = Checked: { $total }. Need attention: { $attention }, of which need a sign-in again: { $sign_in }.
app-health-banner = { $count ->
    [one] One device must sign in to Microsoft again:
   *[other] { $count } devices must sign in to Microsoft again:
}
app-health-sign-in-again = Sign in again
app-health-sign-in-again-hint = One batch signs them all in again; you sign in to Microsoft once.

## The customer's report (PDF), made by crates/core/src/report.rs
report-title = Scan-to-email set-up report
report-site = Site: { $site }
report-date = Date: { $date }
report-run = Run { $id }, started { $time }
report-practice = Practice run: emulated devices, no real device was changed.
report-sender = Sender: { $sender }
report-summary = Devices set up and verified: { $done } of { $total }
report-device-id = Device: { $id }
report-model = Model: { $model }
report-address = Address: { $address }
report-result = Result: { $result }
report-result-done = set up and verified
report-result-failed = failed
report-result-cancelled = cancelled
report-result-unfinished = not finished
report-failed-at = Stopped before: { $step }
report-error = Error: { $error }
report-fix = Fix: { $fix }
report-found = Found: { $settings }
report-changes = Changed (before → after):
report-no-changes = Nothing needed changing.
report-tenant = Microsoft 365 check
report-tenant-checked-at = Checked: { $time }
report-tenant-own = Checked by printoauth: a sign-in and a test mail.
report-tenant-through-device = Checked through the device { $device }: its own connection test.
report-tenant-passed = Every check passed.
report-tenant-failed = Some checks failed.
report-check-passed = passed
report-check-failed = failed
report-check-not-checked = not checked
report-no-secrets = This report holds no password, token or sign-in code.
