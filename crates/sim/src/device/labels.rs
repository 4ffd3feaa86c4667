//! Web Config's page texts in the four languages the emulator speaks (English,
//! French, Italian, German: Web Config's `SEL_LANGA` 1 to 4). The English labels follow
//! the manuals and the vendor guide; the other languages are the emulator's own
//! wording (ASSUMED), except German "Einrichtung ist abgeschlossen." (captured). Names
//! Epson prints the same in every language stay as they are: "Sign in with
//! Microsoft", OAuth2, SMTP AUTH, POP before SMTP, STARTTLS, SSL/TLS, Microsoft
//! Exchange Online, Outlook.com.

use crate::config::Lang;

/// Returns the text for `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> &'static str {
    let [en, fr, it, de]: [&'static str; 4] = match key {
        "title" => ["Web Config", "Web Config", "Web Config", "Web Config"],
        "login" => ["Log in", "Connexion", "Accedi", "Anmelden"],
        "admin_login" => [
            "Administrator Login",
            "Connexion de l'administrateur",
            "Accesso amministratore",
            "Administratoranmeldung",
        ],
        "logout" => ["Log out", "Déconnexion", "Esci", "Abmelden"],
        "user_name" => ["User Name", "Nom d'utilisateur", "Nome utente", "Benutzername"],
        "current_password" => [
            "Current password",
            "Mot de passe actuel",
            "Password attuale",
            "Aktuelles Kennwort",
        ],
        "session_type" => ["Log in as", "Se connecter en tant que", "Accedi come", "Anmelden als"],
        "administrator" => ["Administrator", "Administrateur", "Amministratore", "Administrator"],
        "general_user" => [
            "General User",
            "Utilisateur standard",
            "Utente generico",
            "Allgemeiner Benutzer",
        ],
        "ok" => ["OK", "OK", "OK", "OK"],
        "change" => ["Change", "Modifier", "Cambia", "Ändern"],
        "back" => ["Back", "Retour", "Indietro", "Zurück"],
        "incorrect" => [
            "Incorrect user name or password.",
            "Nom d'utilisateur ou mot de passe incorrect.",
            "Nome utente o password non corretti.",
            "Benutzername oder Kennwort ist falsch.",
        ],
        "incorrect_pw" => [
            "Incorrect password.",
            "Mot de passe incorrect.",
            "Password non corretta.",
            "Falsches Kennwort.",
        ],
        "try_later" => [
            "Administrator login is locked. Try again later.",
            "La connexion de l'administrateur est verrouillée. Réessayez plus tard.",
            "L'accesso amministratore è bloccato. Riprovare più tardi.",
            "Die Administratoranmeldung ist gesperrt. Versuchen Sie es später erneut.",
        ],
        "logged_in" => [
            "Logged in as administrator.",
            "Connecté en tant qu'administrateur.",
            "Accesso eseguito come amministratore.",
            "Als Administrator angemeldet.",
        ],
        "logged_in_user" => [
            "Logged in as a general user. Administrator settings need an administrator login.",
            "Connecté en tant qu'utilisateur standard. Les réglages de l'administrateur demandent une connexion d'administrateur.",
            "Accesso eseguito come utente generico. Le impostazioni dell'amministratore richiedono l'accesso come amministratore.",
            "Als allgemeiner Benutzer angemeldet. Administratoreinstellungen erfordern eine Administratoranmeldung.",
        ],
        "login_required" => [
            "Log in as administrator to view this page.",
            "Connectez-vous en tant qu'administrateur pour afficher cette page.",
            "Accedere come amministratore per visualizzare questa pagina.",
            "Melden Sie sich als Administrator an, um diese Seite anzuzeigen.",
        ],
        "tab_status" => ["Status", "État", "Stato", "Status"],
        "tab_network" => ["Network", "Réseau", "Rete", "Netzwerk"],
        "tab_network_security" => [
            "Network Security",
            "Sécurité réseau",
            "Sicurezza di rete",
            "Netzwerksicherheit",
        ],
        "tab_fax" => ["Fax", "Fax", "Fax", "Fax"],
        "tab_device" => [
            "Device Management",
            "Gestion du périphérique",
            "Gestione dispositivo",
            "Geräteverwaltung",
        ],
        "tab_job" => ["Job/Status", "Travail/État", "Lavoro/Stato", "Auftrag/Status"],
        "product_status" => ["Product Status", "État du produit", "Stato prodotto", "Produktstatus"],
        "network_status" => ["Network Status", "État du réseau", "Stato rete", "Netzwerkstatus"],
        "email_server" => ["Email Server", "Serveur de messagerie", "Server e-mail", "E-Mail-Server"],
        "basic" => ["Basic", "De base", "Di base", "Grundeinstellungen"],
        "connection_test" => [
            "Connection Test",
            "Test de connexion",
            "Test di connessione",
            "Verbindungstest",
        ],
        "fax_server" => ["Fax Server", "Serveur de fax", "Server fax", "Faxserver"],
        "email_server_settings" => [
            "Email Server Settings",
            "Paramètres du serveur de messagerie",
            "Impostazioni server e-mail",
            "E-Mail-Server-Einstellungen",
        ],
        "job_status" => ["Job Status", "État des travaux", "Stato lavori", "Auftragsstatus"],
        "language" => ["Language", "Langue", "Lingua", "Sprache"],
        "auth_method" => [
            "Authentication Method",
            "Méthode d'authentification",
            "Metodo di autenticazione",
            "Authentifizierungsmethode",
        ],
        "off" => ["Off", "Désactivé", "Disattivato", "Aus"],
        "email_service" => ["Email service", "Service de messagerie", "Servizio e-mail", "E-Mail-Dienst"],
        "current_status" => ["Current Status", "État actuel", "Stato attuale", "Aktueller Status"],
        "signed_in" => ["Signed in", "Connecté", "Connesso", "Angemeldet"],
        "signed_out" => ["Signed out", "Déconnecté", "Disconnesso", "Abgemeldet"],
        "sign_in" => ["Sign In", "Se connecter", "Accedi", "Anmelden"],
        "sign_out" => ["Sign Out", "Se déconnecter", "Disconnetti", "Abmelden"],
        "sign_in_ms" => [
            "Sign in with Microsoft",
            "Sign in with Microsoft",
            "Sign in with Microsoft",
            "Sign in with Microsoft",
        ],
        "other_services_warning" => [
            "Any other email services signed in will be signed out automatically.",
            "Tout autre service de messagerie connecté sera déconnecté automatiquement.",
            "Gli altri servizi e-mail connessi verranno disconnessi automaticamente.",
            "Andere angemeldete E-Mail-Dienste werden automatisch abgemeldet.",
        ],
        "auth_account" => [
            "Authenticated Account",
            "Compte authentifié",
            "Account autenticato",
            "Authentifiziertes Konto",
        ],
        "auth_password" => [
            "Authenticated Password",
            "Mot de passe authentifié",
            "Password autenticata",
            "Authentifiziertes Kennwort",
        ],
        "sender" => [
            "Sender's Email Address",
            "Adresse e-mail de l'expéditeur",
            "Indirizzo e-mail del mittente",
            "E-Mail-Adresse des Absenders",
        ],
        "smtp_server" => [
            "SMTP Server Address",
            "Adresse du serveur SMTP",
            "Indirizzo server SMTP",
            "SMTP-Serveradresse",
        ],
        "smtp_port" => [
            "SMTP Server Port Number",
            "Numéro de port du serveur SMTP",
            "Numero porta server SMTP",
            "SMTP-Server-Portnummer",
        ],
        "secure" => [
            "Secure Connection",
            "Connexion sécurisée",
            "Connessione protetta",
            "Sichere Verbindung",
        ],
        "none" => ["None", "Aucune", "Nessuna", "Keine"],
        "cert_validation" => [
            "Certificate Validation",
            "Validation du certificat",
            "Convalida certificato",
            "Zertifikatprüfung",
        ],
        "enable" => ["Enable", "Activer", "Abilita", "Aktivieren"],
        "disable" => ["Disable", "Désactiver", "Disabilita", "Deaktivieren"],
        "pop3_server" => [
            "POP3 Server Address",
            "Adresse du serveur POP3",
            "Indirizzo server POP3",
            "POP3-Serveradresse",
        ],
        "pop3_port" => [
            "POP3 Server Port Number",
            "Numéro de port du serveur POP3",
            "Numero porta server POP3",
            "POP3-Server-Portnummer",
        ],
        "ca_note" => [
            "To use the secure function of the email server, a CA certificate or root certificate update is required.",
            "Pour utiliser la fonction sécurisée du serveur de messagerie, un certificat CA ou une mise à jour du certificat racine est nécessaire.",
            "Per usare la funzione protetta del server e-mail è necessario un certificato CA o un aggiornamento del certificato radice.",
            "Für die sichere Funktion des E-Mail-Servers ist ein CA-Zertifikat oder eine Aktualisierung des Stammzertifikats erforderlich.",
        ],
        "additional_note" => [
            "Note: the additional network does not support OAuth 2.0. Use the standard network to set OAuth2.",
            "Remarque : le réseau supplémentaire ne prend pas en charge OAuth 2.0. Utilisez le réseau standard pour configurer OAuth2.",
            "Nota: la rete aggiuntiva non supporta OAuth 2.0. Usare la rete standard per impostare OAuth2.",
            "Hinweis: Das zusätzliche Netzwerk unterstützt OAuth 2.0 nicht. Verwenden Sie das Standardnetzwerk, um OAuth2 einzurichten.",
        ],
        "device_code_prompt" => [
            "To sign in, use a web browser to open the page {url} and enter the code {code} to authenticate.",
            "Pour vous connecter, ouvrez la page {url} dans un navigateur web et saisissez le code {code} pour vous authentifier.",
            "Per accedere, aprire la pagina {url} in un browser web e immettere il codice {code} per l'autenticazione.",
            "Öffnen Sie zum Anmelden in einem Webbrowser die Seite {url} und geben Sie den Code {code} zur Authentifizierung ein.",
        ],
        "auth_code" => [
            "Authentication code",
            "Code d'authentification",
            "Codice di autenticazione",
            "Authentifizierungscode",
        ],
        "verification_url" => ["URL", "URL", "URL", "URL"],
        "waiting" => [
            "Waiting for the sign-in to finish. This page updates by itself.",
            "En attente de la fin de la connexion. Cette page se met à jour d'elle-même.",
            "In attesa del completamento dell'accesso. Questa pagina si aggiorna da sola.",
            "Warten auf den Abschluss der Anmeldung. Diese Seite wird automatisch aktualisiert.",
        ],
        "waiting_refresh" => [
            "After signing in, click Refresh.",
            "Après vous être connecté, cliquez sur Actualiser.",
            "Dopo l'accesso, fare clic su Aggiorna.",
            "Klicken Sie nach der Anmeldung auf Aktualisieren.",
        ],
        "reload" => ["Refresh", "Actualiser", "Aggiorna", "Aktualisieren"],
        "signin_failed" => [
            "Sign-in failed.",
            "Échec de la connexion.",
            "Accesso non riuscito.",
            "Anmeldung fehlgeschlagen.",
        ],
        "signin_expired" => [
            "The sign-in has expired. Sign in again.",
            "La connexion a expiré. Connectez-vous de nouveau.",
            "L'accesso è scaduto. Accedere di nuovo.",
            "Die Anmeldung ist abgelaufen. Melden Sie sich erneut an.",
        ],
        "confirm_title" => [
            "Confirm the settings below, then click OK to apply them.",
            "Vérifiez les paramètres ci-dessous, puis cliquez sur OK pour les appliquer.",
            "Verificare le impostazioni seguenti, quindi fare clic su OK per applicarle.",
            "Prüfen Sie die Einstellungen und klicken Sie auf OK, um sie zu übernehmen.",
        ],
        "setup_complete" => [
            "Setup complete.",
            "Configuration terminée.",
            "Configurazione completata.",
            "Einrichtung ist abgeschlossen.",
        ],
        "shutting_down" => [
            "Shutting down. The network will restart. Wait a moment, then access the page again.",
            "Arrêt en cours. Le réseau va redémarrer. Patientez un instant, puis accédez de nouveau à la page.",
            "Arresto in corso. La rete verrà riavviata. Attendere qualche istante, quindi accedere di nuovo alla pagina.",
            "Wird heruntergefahren. Das Netzwerk wird neu gestartet. Warten Sie einen Moment und rufen Sie die Seite dann erneut auf.",
        ],
        "stale_token" => [
            "The session is no longer valid. Log in again and repeat the operation.",
            "La session n'est plus valide. Connectez-vous de nouveau et répétez l'opération.",
            "La sessione non è più valida. Accedere di nuovo e ripetere l'operazione.",
            "Die Sitzung ist nicht mehr gültig. Melden Sie sich erneut an und wiederholen Sie den Vorgang.",
        ],
        "oauth_unsupported_network" => [
            "OAuth2 cannot be used on the additional network. Use the standard network to set OAuth2.",
            "OAuth2 ne peut pas être utilisé sur le réseau supplémentaire. Utilisez le réseau standard pour configurer OAuth2.",
            "OAuth2 non può essere usato sulla rete aggiuntiva. Usare la rete standard per impostare OAuth2.",
            "OAuth2 kann im zusätzlichen Netzwerk nicht verwendet werden. Verwenden Sie das Standardnetzwerk.",
        ],
        "invalid" => ["Invalid value", "Valeur non valide", "Valore non valido", "Ungültiger Wert"],
        "start" => ["Start", "Démarrer", "Avvia", "Start"],
        "test_ok" => [
            "Connection test was successful.",
            "Le test de connexion a réussi.",
            "Il test di connessione è riuscito.",
            "Verbindungstest erfolgreich.",
        ],
        "test_failed" => [
            "Connection test failed.",
            "Le test de connexion a échoué.",
            "Il test di connessione non è riuscito.",
            "Verbindungstest fehlgeschlagen.",
        ],
        "test_err_communication" => [
            "SMTP server communication error. Check the SMTP server address, the port number and the network.",
            "Erreur de communication avec le serveur SMTP. Vérifiez l'adresse du serveur SMTP, le numéro de port et le réseau.",
            "Errore di comunicazione con il server SMTP. Controllare l'indirizzo del server SMTP, il numero di porta e la rete.",
            "Kommunikationsfehler mit dem SMTP-Server. Prüfen Sie die SMTP-Serveradresse, die Portnummer und das Netzwerk.",
        ],
        "test_err_secure" => [
            "Secure connection (SSL/TLS) error. Check the Secure Connection setting and the certificate.",
            "Erreur de connexion sécurisée (SSL/TLS). Vérifiez le paramètre Connexion sécurisée et le certificat.",
            "Errore di connessione protetta (SSL/TLS). Controllare l'impostazione Connessione protetta e il certificato.",
            "Fehler bei der sicheren Verbindung (SSL/TLS). Prüfen Sie die Einstellung Sichere Verbindung und das Zertifikat.",
        ],
        "test_err_auth" => [
            "SMTP server authentication error. Check the Authentication Method and the account, and that the server accepts it.",
            "Erreur d'authentification auprès du serveur SMTP. Vérifiez la méthode d'authentification et le compte, et que le serveur les accepte.",
            "Errore di autenticazione sul server SMTP. Controllare il metodo di autenticazione e l'account, e che il server li accetti.",
            "Authentifizierungsfehler beim SMTP-Server. Prüfen Sie die Authentifizierungsmethode und das Konto und ob der Server sie annimmt.",
        ],
        "test_err_sign_in" => [
            "Could not sign in to the email service. Sign in with Microsoft again.",
            "Impossible de se connecter au service de messagerie. Reconnectez-vous avec Microsoft.",
            "Impossibile accedere al servizio di posta. Accedere di nuovo con Microsoft.",
            "Anmeldung beim E-Mail-Dienst nicht möglich. Melden Sie sich erneut mit Microsoft an.",
        ],
        "server_response" => [
            "Server response",
            "Réponse du serveur",
            "Risposta del server",
            "Antwort des Servers",
        ],
        "need_sign_in_panel" => [
            "You need to sign in to your email service. Contact your administrator.",
            "Vous devez vous connecter à votre service de messagerie. Contactez votre administrateur.",
            "È necessario accedere al servizio e-mail. Contattare l'amministratore.",
            "Sie müssen sich bei Ihrem E-Mail-Dienst anmelden. Wenden Sie sich an Ihren Administrator.",
        ],
        "printer_status" => ["Printer Status", "État de l'imprimante", "Stato stampante", "Druckerstatus"],
        "scanner_status" => ["Scanner Status", "État du scanner", "Stato scanner", "Scannerstatus"],
        "available" => ["Available.", "Disponible.", "Disponibile.", "Verfügbar."],
        "firmware" => ["Firmware", "Micrologiciel", "Firmware", "Firmware"],
        "mac" => ["MAC Address", "Adresse MAC", "Indirizzo MAC", "MAC-Adresse"],
        "ip" => ["IP Address", "Adresse IP", "Indirizzo IP", "IP-Adresse"],
        "host" => ["Device Name", "Nom du périphérique", "Nome dispositivo", "Gerätename"],
        "wired_lan" => ["Wired LAN", "Réseau local filaire", "LAN cablata", "Kabel-LAN"],
        "additional_network_tab" => [
            "Additional Network",
            "Réseau supplémentaire",
            "Rete aggiuntiva",
            "Zusätzliches Netzwerk",
        ],
        "export_csv" => ["Export to CSV", "Exporter au format CSV", "Esporta in CSV", "Als CSV exportieren"],
        "history_type" => ["Type", "Type", "Tipo", "Typ"],
        "all" => ["All", "Tout", "Tutti", "Alle"],
        "receipt_no" => ["Receipt No.", "N° de réception", "N. ricevuta", "Empfangsnr."],
        "date_time" => ["Date/Time", "Date/Heure", "Data/Ora", "Datum/Uhrzeit"],
        "job_type" => ["Type", "Type", "Tipo", "Typ"],
        "result" => ["Result", "Résultat", "Risultato", "Ergebnis"],
        "pages" => ["Pages", "Pages", "Pagine", "Seiten"],
        "to" => ["To", "À", "A", "An"],
        "scan_to_email" => [
            "Scan to Email",
            "Numérisation vers e-mail",
            "Scansione su e-mail",
            "Scannen an E-Mail",
        ],
        "succeeded" => ["Succeeded", "Réussi", "Riuscito", "Erfolgreich"],
        "error" => ["Error", "Erreur", "Errore", "Fehler"],
        "no_jobs" => ["No jobs.", "Aucun travail.", "Nessun lavoro.", "Keine Aufträge."],
        "advanced" => [
            "Advanced Settings",
            "Paramètres avancés",
            "Impostazioni avanzate",
            "Erweiterte Einstellungen",
        ],
        "nw_basic" => ["Basic", "De base", "Di base", "Grundeinstellungen"],
        "nw_protocol" => ["Protocol", "Protocole", "Protocollo", "Protokoll"],
        "ssl_tls" => [
            "SSL/TLS > Certificate",
            "SSL/TLS > Certificat",
            "SSL/TLS > Certificato",
            "SSL/TLS > Zertifikat",
        ],
        "change_admin_pw" => [
            "Change Administrator Password",
            "Modifier le mot de passe administrateur",
            "Modifica password amministratore",
            "Administratorkennwort ändern",
        ],
        "ip_method" => [
            "Obtain IP Address",
            "Obtenir l'adresse IP",
            "Ottieni indirizzo IP",
            "IP-Adresse beziehen",
        ],
        "auto" => ["Auto", "Auto", "Automatico", "Automatisch"],
        "manual" => ["Manual", "Manuel", "Manuale", "Manuell"],
        "bonjour_name" => ["Bonjour Name", "Nom Bonjour", "Nome Bonjour", "Bonjour-Name"],
        "issuer" => ["Issuer", "Émetteur", "Emittente", "Aussteller"],
        "self_signed" => [
            "Self-signed certificate",
            "Certificat auto-signé",
            "Certificato autofirmato",
            "Selbstsigniertes Zertifikat",
        ],
        "new_password" => ["New Password", "Nouveau mot de passe", "Nuova password", "Neues Kennwort"],
        "confirm_password" => [
            "Confirm New Password",
            "Confirmer le nouveau mot de passe",
            "Conferma nuova password",
            "Neues Kennwort bestätigen",
        ],
        _ => ["?", "?", "?", "?"],
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
        Lang::It => it,
        Lang::De => de,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key used by the pages has a text in every language (no "?" fallback).
    #[test]
    fn every_key_is_translated() {
        let src = include_str!("pages.rs");
        let mut keys = std::collections::BTreeSet::new();
        for part in src
            .split("l(\"")
            .skip(1)
            .chain(src.split("t(ctx.lang, \"").skip(1))
        {
            if let Some(end) = part.find('"') {
                keys.insert(&part[..end]);
            }
        }
        assert!(keys.len() > 40, "{keys:?}");
        for k in keys {
            for lang in Lang::ALL {
                assert_ne!(t(lang, k), "?", "{k} in {lang:?}");
            }
        }
    }
}
