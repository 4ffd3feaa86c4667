//! Web Config's page texts in the two languages the emulator speaks. Device names for
//! menus and buttons follow Web Config's English; German is the second language so
//! that clients are tested against a page they cannot read by English labels alone.

use crate::config::Lang;

/// Returns the text for `key` in `lang` (English when a key has no translation).
pub fn t(lang: Lang, key: &str) -> &'static str {
    let (en, de) = match key {
        "title" => ("Web Config", "Web Config"),
        "login" => ("Log in", "Anmelden"),
        "logout" => ("Log out", "Abmelden"),
        "user_name" => ("User Name", "Benutzername"),
        "current_password" => ("Current password", "Aktuelles Kennwort"),
        "ok" => ("OK", "OK"),
        "back" => ("Back", "Zurück"),
        "incorrect" => (
            "Incorrect user name or password.",
            "Benutzername oder Kennwort ist falsch.",
        ),
        "incorrect_pw" => ("Incorrect password.", "Falsches Kennwort."),
        "try_later" => (
            "Administrator login is locked. Try again later.",
            "Die Administratoranmeldung ist gesperrt. Versuchen Sie es später erneut.",
        ),
        "logged_in" => ("Logged in as administrator.", "Als Administrator angemeldet."),
        "login_required" => (
            "Log in as administrator to view this page.",
            "Melden Sie sich als Administrator an, um diese Seite anzuzeigen.",
        ),
        "tab_status" => ("Status", "Status"),
        "tab_network" => ("Network", "Netzwerk"),
        "tab_fax" => ("Fax", "Fax"),
        "tab_device" => ("Device Management", "Geräteverwaltung"),
        "tab_job" => ("Job/Status", "Auftrag/Status"),
        "product_status" => ("Product Status", "Produktstatus"),
        "network_status" => ("Network Status", "Netzwerkstatus"),
        "email_server" => ("Email Server", "E-Mail-Server"),
        "basic" => ("Basic", "Grundeinstellungen"),
        "connection_test" => ("Connection Test", "Verbindungstest"),
        "fax_server" => ("Fax Server", "Faxserver"),
        "email_server_settings" => ("Email Server Settings", "E-Mail-Server-Einstellungen"),
        "job_status" => ("Job Status", "Auftragsstatus"),
        "language" => ("Language", "Sprache"),
        "auth_method" => ("Authentication Method", "Authentifizierungsmethode"),
        "off" => ("Off", "Aus"),
        "email_service" => ("Email service", "E-Mail-Dienst"),
        "current_status" => ("Current Status", "Aktueller Status"),
        "signed_in" => ("Signed in", "Angemeldet"),
        "signed_out" => ("Signed out", "Abgemeldet"),
        "sign_in" => ("Sign In", "Anmelden"),
        "sign_out" => ("Sign Out", "Abmelden"),
        "sign_in_ms" => ("Sign in with Microsoft", "Sign in with Microsoft"),
        "other_services_warning" => (
            "Any other email services signed in will be signed out automatically.",
            "Andere angemeldete E-Mail-Dienste werden automatisch abgemeldet.",
        ),
        "auth_account" => ("Authenticated Account", "Authentifiziertes Konto"),
        "auth_password" => ("Authenticated Password", "Authentifiziertes Kennwort"),
        "sender" => ("Sender's Email Address", "E-Mail-Adresse des Absenders"),
        "smtp_server" => ("SMTP Server Address", "SMTP-Serveradresse"),
        "smtp_port" => ("SMTP Server Port Number", "SMTP-Server-Portnummer"),
        "secure" => ("Secure Connection", "Sichere Verbindung"),
        "none" => ("None", "Keine"),
        "cert_validation" => ("Certificate Validation", "Zertifikatprüfung"),
        "enable" => ("Enable", "Aktivieren"),
        "disable" => ("Disable", "Deaktivieren"),
        "pop3_server" => ("POP3 Server Address", "POP3-Serveradresse"),
        "pop3_port" => ("POP3 Server Port Number", "POP3-Server-Portnummer"),
        "ca_note" => (
            "To use the secure function of the email server, a CA certificate or root certificate update is required.",
            "Für die sichere Funktion des E-Mail-Servers ist ein CA-Zertifikat oder eine Aktualisierung des Stammzertifikats erforderlich.",
        ),
        "device_code_prompt" => (
            "To sign in, use a web browser to open the page {url} and enter the code {code} to authenticate.",
            "Öffnen Sie zum Anmelden in einem Webbrowser die Seite {url} und geben Sie den Code {code} ein.",
        ),
        "auth_code" => ("Authentication code", "Authentifizierungscode"),
        "waiting" => (
            "Waiting for the sign-in to finish. This page updates by itself.",
            "Warten auf den Abschluss der Anmeldung. Diese Seite wird automatisch aktualisiert.",
        ),
        "reload" => ("Refresh", "Aktualisieren"),
        "signin_failed" => ("Sign-in failed.", "Anmeldung fehlgeschlagen."),
        "signin_expired" => (
            "The sign-in has expired. Sign in again.",
            "Die Anmeldung ist abgelaufen. Melden Sie sich erneut an.",
        ),
        "confirm_title" => (
            "Confirm the settings below, then click OK to apply them.",
            "Prüfen Sie die Einstellungen und klicken Sie auf OK, um sie zu übernehmen.",
        ),
        "setup_complete" => ("Setup complete.", "Einrichtung abgeschlossen."),
        "shutting_down" => (
            "Shutting down. The network will restart. Wait a moment, then access the page again.",
            "Wird heruntergefahren. Das Netzwerk wird neu gestartet.",
        ),
        "stale_token" => (
            "The session is no longer valid. Log in again and repeat the operation.",
            "Die Sitzung ist nicht mehr gültig. Melden Sie sich erneut an.",
        ),
        "oauth_unsupported_network" => (
            "OAuth2 cannot be used on the additional network. Use the standard network to set OAuth2.",
            "OAuth2 kann im zusätzlichen Netzwerk nicht verwendet werden. Verwenden Sie das Standardnetzwerk.",
        ),
        "oauth_needs_exchange" => (
            "Sign in before saving OAuth2 settings, or save them to sign in later.",
            "Melden Sie sich an, bevor Sie OAuth2-Einstellungen speichern.",
        ),
        "invalid" => ("Invalid value", "Ungültiger Wert"),
        "start" => ("Start", "Start"),
        "test_ok" => ("Connection test was successful.", "Verbindungstest erfolgreich."),
        "test_failed" => ("Connection test failed.", "Verbindungstest fehlgeschlagen."),
        "need_sign_in_panel" => (
            "You need to sign in to your email service. Contact your administrator.",
            "Sie müssen sich bei Ihrem E-Mail-Dienst anmelden. Wenden Sie sich an Ihren Administrator.",
        ),
        "model" => ("Printer Name", "Druckername"),
        "firmware" => ("Firmware", "Firmware"),
        "mac" => ("MAC Address", "MAC-Adresse"),
        "ip" => ("IP Address", "IP-Adresse"),
        "host" => ("Device Name", "Gerätename"),
        "email_server_status" => ("Email Server Status", "E-Mail-Server-Status"),
        "export_csv" => ("Export to CSV", "Als CSV exportieren"),
        "advanced" => ("Advanced Settings", "Erweiterte Einstellungen"),
        "standard_network" => ("Standard network", "Standardnetzwerk"),
        "additional_network" => ("Additional network", "Zusätzliches Netzwerk"),
        "connected_via" => ("Connected via", "Verbunden über"),
        _ => ("?", "?"),
    };
    match lang {
        Lang::En => en,
        Lang::De => de,
    }
}
