# printoauth — lietuvių kalbos katalogas.
# Vienas katalogas kiekvienai kalbai, bendras programos sąsajai ir CLI. Pavadinimai,
# kuriuos rodo pats įrenginys (Web Config meniu ir mygtukai), visomis kalbomis lieka angliški.

## Komandų eilutė: aptikimas

cli-no-devices = Neatsiliepė nė vienas spausdintuvas ar skaneris.
cli-devices-found =
    { $count ->
        [one] Rastas { $count } įrenginys.
        [few] Rasti { $count } įrenginiai.
        [many] Rasta { $count } įrenginio.
       *[other] Rasta { $count } įrenginių.
    }
cli-col-vendor = GAMINTOJAS
cli-col-model = MODELIS
cli-col-host = PAVADINIMAS
cli-col-address = ADRESAS
cli-col-scan = SKENAVIMAS
cli-col-admin = ADMINISTRAVIMO PUSLAPIS
cli-yes = taip
cli-no = ne
cli-unknown = ?
cli-not-supported = { $model } (kol kas nepalaikomas)

## Komandų eilutė: vieno įrenginio būsena

cli-status-title = { $device }: { $model } (programinė įranga { $firmware })
cli-status-oauth2 = OAuth2 galimas: { $available }
cli-status-additional-network = Pasiekta per papildomą tinklą: OAuth2 veikia tik standartiniame tinkle.
cli-status-auth = Autentifikavimas: { $method }
cli-status-current = Current Status: { $status }
cli-status-account = Paskyra: { $account }
cli-status-sender = Sender's Email Address: { $sender }
cli-status-smtp = SMTP serveris: { $server }:{ $port }
cli-status-device-says = Įrenginio pranešimas: { $message }

## Komandų eilutė: įrenginių konfigūravimas

cli-step-found = rastas
cli-step-logged-in = prisijungta kaip administratorius
cli-step-oauth2-set = OAuth2 nustatytas
cli-step-waiting-for-consent = laukiama prisijungimo
cli-step-signed-in = prisijungta
cli-step-saved = išsaugota (OK)
cli-step-verified = patikrinta
cli-run-step = [{ $device }] { $step }
cli-run-sign-in = [{ $device }] Prisijungimas: atidarykite { $url } ir įveskite kodą { $code } (su paskyra, kuri gali sutikti organizacijos vardu).
cli-run-done = [{ $device }] atlikta: prisijungta, išsaugota ir patikrinta.
cli-run-failed = [{ $device }] sustota prieš „{ $step }“: { $error }
cli-run-summary =
    { $total ->
        [one] Sukonfigūruota { $done } iš { $total } įrenginio.
        [few] Sukonfigūruota { $done } iš { $total } įrenginių.
        [many] Sukonfigūruota { $done } iš { $total } įrenginio.
       *[other] Sukonfigūruota { $done } iš { $total } įrenginių.
    }
cli-manual-title = [{ $device }] Atlikite tai paties įrenginio puslapyje { $url }:
cli-manual-stopped-here = printoauth sustojo čia. Įrenginio puslapyje nerasta: { $what }
cli-manual-resume = Kai tai atliksite, tęskite komanda: { $command }
cli-manual-capture = Norėdami nusiųsti įrenginio puslapius kartu su pranešimu apie klaidą: { $command }
cli-capture-written =
    { $count ->
        [one] Išsaugotas { $count } puslapis be slaptažodžių, prieigos raktų ir kodų: { $file }
        [few] Išsaugoti { $count } puslapiai be slaptažodžių, prieigos raktų ir kodų: { $file }
        [many] Išsaugota { $count } puslapio be slaptažodžių, prieigos raktų ir kodų: { $file }
       *[other] Išsaugota { $count } puslapių be slaptažodžių, prieigos raktų ir kodų: { $file }
    }

## Komandų eilutė: nuomininko patikra

cli-tenant-sign-in = Prisijungimas: atidarykite { $url } ir įveskite kodą { $code }.
cli-tenant-signed-in = Prisijungta kaip { $account }.
cli-tenant-sending = Siunčiamas bandomasis laiškas iš { $from } į { $to } per { $server }…
cli-check-security-defaults = Numatytosios saugumo nuostatos išjungtos
cli-check-smtp-auth-organisation = SMTP AUTH įjungtas organizacijai
cli-check-smtp-auth-mailbox = SMTP AUTH įjungtas pašto dėžutei
cli-check-device-code-flow-allowed = Prisijungimas su kodu leidžiamas (sąlyginė prieiga)
cli-check-consent = Programai suteiktas sutikimas
cli-check-sign-in = Prisijungimas
cli-check-test-mail = Bandomasis laiškas
cli-check-passed = gerai
cli-check-failed = NEPAVYKO
cli-check-not-checked = netikrinta
cli-cause = priežastis: { $cause }
cli-fix = sprendimas: { $fix }
cli-trust-certificate-hint = Jei pasitikite nauju sertifikatu: { $command }
cli-certificate-trusted = Sertifikatu { $fingerprint } dabar pasitikima įrenginiui { $device }.
cli-tenant-ready = Nuomininkas paruoštas.
cli-tenant-not-ready = Nuomininkas neparuoštas: žr. sprendimus aukščiau.
cli-tenant-through-device = Nuomininkas tikrinamas per { $device }: paties įrenginio ryšio patikra.
cli-tenant-device-said = Įrenginys atsakė: { $message }
cli-tenant-meanwhile = Kol kas printoauth tikrina per įrenginį, nustatytą { $time } vykdymo metu: { $device }

## Komandų eilutė: praktikos režimas

cli-practice-running =
    { $count ->
        [one] Veikia praktikos aplinka ({ $count } įrenginys). Ctrl-C ją sustabdo.
        [few] Veikia praktikos aplinka ({ $count } įrenginiai). Ctrl-C ją sustabdo.
        [many] Veikia praktikos aplinka ({ $count } įrenginio). Ctrl-C ją sustabdo.
       *[other] Veikia praktikos aplinka ({ $count } įrenginių). Ctrl-C ją sustabdo.
    }
cli-practice-point = Nukreipkite komandų eilutę į ją: { $command }
cli-practice-sign-in-as = Prisijunkite kaip { $account } su slaptažodžiu { $password }.
cli-practice-control = Valdymo API: { $url }

## Komandų eilutė: klaidos

cli-error = printoauth: { $error }
cli-error-address-unreadable = „{ $address }“ nėra adresas, kurį printoauth gali perskaityti: nurodykite kompiuterio vardą, IP adresą arba įrenginio https:// adresą.
cli-error-world-address-bad = Praktikos aplinkos faile nėra tinkamo įrenginio { $device } adreso.
cli-error-password-missing = Nėra įrenginio { $device } administratoriaus slaptažodžio: nustatykite { $variable } arba paleiskite printoauth terminale.
cli-error-password-unreadable = Nepavyko perskaityti slaptažodžio: { $detail }
cli-error-runtime = printoauth nepavyko paleisti: { $detail }
cli-error-world-file-unreadable = Nepavyksta perskaityti praktikos aplinkos failo { $file }: { $detail }
cli-error-world-file-unwritable = Nepavyksta įrašyti praktikos aplinkos failo { $file }: { $detail }
cli-error-capture-unwritable = Nepavyksta įrašyti puslapių kopijos failo { $file }: { $detail }
cli-error-practice-world-failed = Nepavyko paleisti praktikos aplinkos: { $detail }
cli-error-fingerprint-invalid = „{ $fingerprint }“ nėra sertifikato kontrolinis kodas: nurodykite 64 jo SHA-256 šešioliktainius skaitmenis.
cli-error-pins-unwritable = Nepavyko išsaugoti sertifikatų prisegimų: { $detail }
cli-error-sender-missing = Nenurodytas siuntėjas: pateikite --sender ADRESAS.
cli-error-no-configured-device = Audito žurnale dar nėra nustatyto įrenginio, per kurį būtų galima patikrinti: nurodykite jį su --device ĮRENGINYS.
cli-error-configured-device-gone = Įrenginio { $device }, nustatyto { $time } vykdymo metu, šioje praktikos aplinkoje nėra (tas vykdymas naudojo ankstesnę): nurodykite įrenginį su --device ĮRENGINYS.
cli-error-audit-unreadable = Nepavyko perskaityti audito žurnalo: { $detail }
cli-error-report-no-run = Audito žurnale nėra vykdymo { $run }: `printoauth audit` išvardija vykdymus.
cli-error-report-nothing = Dar neįrašytas joks vykdymas: nėra apie ką pranešti.
cli-error-report-unwritable = Nepavyko įrašyti ataskaitos { $file }: { $detail }
cli-report-written = Vykdymo { $id } ataskaita (įrenginių: { $count }) įrašyta: { $file }

## Komandų eilutė: audito žurnalas

cli-audit-unavailable = Nepavyko rašyti į audito žurnalą ({ $detail }): vykdymas tęsiamas be jo.
cli-audit-unavailable-check = Nepavyko rašyti į audito žurnalą ({ $detail }): patikra tęsiama jos neįrašant.
cli-unfinished-title = Įrenginiai, kurių paskutinis vykdymas ({ $time }) nebaigė: { $count }
cli-unfinished-resume = Kad juos tęstumėte: { $command }
cli-resume-nothing = Paskutinis vykdymas nepaliko nebaigtų įrenginių: nėra ko tęsti.
cli-resuming = Tęsiamas { $time } vykdymas: { $devices }
cli-audit-file = Audito žurnalas: { $file }
cli-audit-empty = Dar neužrašytas nė vienas vykdymas.
cli-audit-run = Vykdymas { $id } ({ $time }), siuntėjas { $sender }: baigta { $finished } iš { $total }
cli-audit-run-practice = Praktikos vykdymas { $id } ({ $time }), siuntėjas { $sender }: baigta { $finished } iš { $total }
cli-col-time = LAIKAS
cli-col-device = ĮRENGINYS
cli-col-action = ŽINGSNIS
cli-col-result = REZULTATAS
cli-col-change = PRIEŠ -> PO
cli-audit-ok = gerai
cli-audit-not-started = nepradėta
audit-action-logged-in = prisijungta
audit-action-oauth2-set = OAuth2 nustatytas
audit-action-sign-in-started = prisijungimas pradėtas
audit-action-signed-in = prisijungta prie paskyros
audit-action-saved = išsaugota (OK)
audit-action-verified = patikrinta
audit-action-done = atlikta
audit-action-failed = nepavyko
audit-action-cancelled = atšaukta

## Programa: langas, naršymas, kalbos
## Pavadinimai, kuriuos Web Config rodo pats įrenginys (Email Server > Basic, Authentication
## Method, Current Status, Signed in, Sign in with Microsoft, OK, …), visomis kalbomis lieka
## angliški, taip pat ir išverstuose sakiniuose.

app-title = printoauth
app-tagline = Biuro spausdintuvai, siunčiantys laiškus per Exchange Online ir prisijungiantys su OAuth 2.0.
app-start-failed = Nepavyko paleisti printoauth:
app-status-loading = Paleidžiama…
app-status-ready = { $name } { $version } paruošta.
app-about-open = Apie printoauth
app-about-title = Apie printoauth
app-about-version = Versija { $version }
app-about-updates-title = Atnaujinimai
app-about-updates-at-start = Ieškoti naujos versijos paleidžiant printoauth
app-about-updates-check = Ieškoti naujos versijos dabar
app-about-updates-checking = Ieškoma naujos versijos…
app-about-updates-none = Turite naujausią versiją.
app-about-updates-available = Išleista versija { $version }. Jūsų versija – { $current }.
app-about-updates-install = Įdiegti ir paleisti iš naujo
app-about-updates-installing = Atsisiunčiama, tikrinamas parašas ir diegiama…
app-about-updates-unsupported = Ši printoauth kopija pati neatsinaujina. Norėdami gauti atnaujinimus, įdiekite printoauth iš jos atsisiuntimo puslapio.
app-about-updates-what = Ieškant naujausios versijos numeris paimamas iš printoauth atsisiuntimo puslapio. Jokių duomenų apie jūsų įrenginius ar organizaciją nesiunčiama. Nauja versija įdiegiama tik tada, kai jos parašas įrodo, kad ji yra iš printoauth.
app-nav-label = Žingsniai
app-nav-devices = Įrenginiai
app-nav-tenant = Microsoft 365
app-nav-wizard = Sąranka
app-nav-results = Rezultatai
app-nav-troubleshoot = Trikčių šalinimas
app-language = Kalba
app-practice-banner = Šie įrenginiai, paskyros ir pašto dėžutės yra emuliuojami šiame kompiuteryje. Niekas tikra nekeičiama.
app-error-unknown-code = Įvyko netikėta klaida (kodas { $code }).
app-error-unexpected = Įvyko netikėta klaida ({ $detail }).
app-message-missing = (Šio teksto nėra. Praneškite apie tai.)
app-copy = Kopijuoti
app-copied = Nukopijuota
app-copy-failed = Pažymėkite tekstą ir nukopijuokite jį spausdami Ctrl+C.
app-details = Techninė informacija
app-block-powershell = PowerShell
app-block-verify = Rezultatą patikrinkite su
app-block-admin-center = Administratoriaus centre
app-state-working = Vykdoma
app-state-needs-you = Reikia jūsų
app-state-done = Atlikta
app-state-failed = Nepavyko
app-cancel = Atšaukti
app-yes = taip
app-no = ne
app-none = nėra

## Programa: įrenginiai

app-devices-title = Spausdintuvai ir skaitytuvai šiame tinkle
app-devices-intro = Pasirinkite įrenginius, kurie turi siųsti laiškus su OAuth 2.0. Sąrašas pildosi, kai įrenginiai atsiliepia.
app-devices-searching = Ieškoma įrenginių…
app-devices-count =
    { $count ->
        [one] Rastas { $count } įrenginys, pasirinkta: { $selected }.
        [few] Rasti { $count } įrenginiai, pasirinkta: { $selected }.
        [many] Rasta { $count } įrenginio, pasirinkta: { $selected }.
       *[other] Rasta { $count } įrenginių, pasirinkta: { $selected }.
    }
app-devices-empty = Dar neatsiliepė nė vienas įrenginys.
app-devices-quiet = Per { $seconds } s neatsiliepė nė vienas įrenginys. Patikrinkite, ar šis kompiuteris yra spausdintuvų tinkle, pridėkite įrenginį pagal adresą arba išbandykite praktikos režimą.
app-col-vendor = Gamintojas
app-col-model = Modelis
app-col-address = Adresas
app-col-oauth2 = OAuth 2.0 galimas
app-col-mail-status = Pašto prisijungimas
app-select-device = Pasirinkti { $device }
app-select-all = Pasirinkti visus
app-rescan = Ieškoti iš naujo
app-interface = Tinklas
app-interface-default = Įprasti tinklai (be VPN ir virtualių)
app-interface-all = Visi tinklai
app-interface-virtual = { $name } (virtualus)
app-unsupported = kol kas nepalaikomas
app-practice-device = praktika
app-add-device-label = Pridėti įrenginį pagal IP adresą arba pagrindinio kompiuterio vardą
app-add-device = Pridėti
app-add-device-working = Tikrinamas { $host }…
app-unfinished-title = Įrenginiai, kurių paskutinis vykdymas ({ $time }) nebaigė: { $count }
app-unfinished-changed = iš dalies pakeistas
app-unfinished-last = paskutinis žingsnis: { $step }
app-unfinished-not-started = nepradėta
app-unfinished-waiting = Nė vieno jų dar nėra sąraše: juos bus galima tęsti, kai jie bus rasti.
app-unfinished-resume = Tęsti ({ $count })
app-unfinished-dismiss = Ne dabar
app-to-wizard =
    { $count ->
        [0] Konfigūruoti pasirinktus įrenginius
        [one] Konfigūruoti { $count } įrenginį
        [few] Konfigūruoti { $count } įrenginius
        [many] Konfigūruoti { $count } įrenginio
       *[other] Konfigūruoti { $count } įrenginių
    }
app-oauth2-yes = taip
app-oauth2-no = ne
app-oauth2-unknown = dar nežinoma

## Programa: praktikos režimas

app-practice-title = Praktikos režimas
app-practice-offer = Pirmiausia išbandykite kiekvieną žingsnį emuliuojamame biure: emuliuojami Epson įrenginiai, Microsoft 365 nuomininkas ir pašto dėžutė – viskas šiame kompiuteryje.
app-practice-count = Praktikos įrenginių skaičius
app-practice-start = Pradėti praktikos režimą
app-practice-starting = Paleidžiamas emuliuojamas biuras…
app-practice-unavailable = Šioje versijoje praktikos režimo nėra.
app-practice-accounts = Praktikos paskyros (prisijungimui)
app-practice-col-account = Paskyra
app-practice-col-password = Slaptažodis
app-practice-col-role = Vaidmuo
app-practice-kind-personal = Asmeninė „Microsoft“ paskyra (Outlook.com): kaip paslaugą pasirinkite Outlook.com
app-practice-kind-federated = Prisijungia savo puslapyje ({ $host }): prisijungimo langas pasiūlys jūsų naršyklę
app-practice-device-password = Įrenginio administratorius: naudotojas { $user }, slaptažodis { $password }
app-practice-sender = Siuntėjo adresas: { $sender }
app-practice-faults = Problemos imitavimas
app-practice-faults-intro = Įjunkite problemą, tada paleiskite sąranką arba trikčių šalinimą ir pažiūrėkite, kaip printoauth ją paaiškina.
app-practice-fault-device = Įrenginys problemai
app-practice-stop = Išeiti iš praktikos režimo

## Programa: nuomininkas

app-tenant-title = Microsoft 365 nuomininkas
app-tenant-intro = Administratorius vieną kartą paruošia nuomininką, kad įrenginiai galėtų siųsti laiškus su OAuth 2.0.
app-prerequisites = Ko reikia nuomininkui
app-tenant-sender = Siuntėjo adresas patikrai
app-tenant-sender-hint = Pašto dėžutė, iš kurios siųs įrenginiai. Patikra iš jos išsiunčia bandomąjį laišką jai pačiai.
app-tenant-app-id = printoauth programos (kliento) ID jūsų nuomininke
app-tenant-app-id-hint = Vieną kartą užregistruokite printoauth Microsoft Entra (kai laukas tuščias, patikra parodo, kaip). Praktikos režimu nereikia.
app-tenant-check = Patikrinti nuomininką
app-tenant-check-intro = printoauth prisijungia prie Microsoft 365, perskaito, ką gali, ir išsiunčia bandomąjį laišką.
app-tenant-check-start = Tikrinti dabar
app-tenant-device-check = Tikrinti per įrenginį
app-tenant-device-check-intro = Dar neturite programos ID? Jau nustatytas įrenginys (OAuth2, prisijungęs) gali pats patikrinti ryšį: jo atsakymas susiejamas su tomis pačiomis priežastimis ir pataisymais.
app-tenant-device-check-none = Pirmiausia pridėkite arba suraskite įrenginį (ekranas „Įrenginiai“).
app-tenant-device-check-device = Įrenginys
app-tenant-device-check-password = Jo administratoriaus slaptažodis (jei neįsimintas)
app-tenant-device-check-start = Tikrinti per šį įrenginį
app-tenant-device-said = Įrenginys atsakė: { $message }
app-tenant-signing-in = Prisijunkite su administratoriaus paskyra: atidarykite prisijungimo langą (arba { $url }) ir įveskite šį kodą:
app-code-expires = Kodas galioja iki { DATETIME($time, hour: "numeric", minute: "2-digit") }.
app-tenant-signed-in = Prisijungta kaip { $account }.
app-tenant-signed-in-unknown = Prisijungta.
app-tenant-sending = Siunčiamas bandomasis laiškas iš { $from } į { $to } per { $host }:{ $port }…
app-tenant-passed = Nuomininkas paruoštas.
app-tenant-failed = Nuomininkas dar neparuoštas: žr. toliau, ką reikia pataisyti.
app-tenant-results = Patikros rezultatai
app-check-passed = sėkminga
app-check-failed = nesėkminga
app-check-not-checked = netikrinta
app-cause = Priežastis
app-fix = Ką daryti
app-evidence = Ką atsakė serveris

## Programa: vedlys

app-wizard-title = OAuth 2.0 sąranka įrenginiuose
app-wizard-devices =
    { $count ->
        [0] Nepasirinktas nė vienas įrenginys. Pirmiausia pasirinkite įrenginius ekrane „Įrenginiai“.
        [one] Pasirinktas { $count } įrenginys.
        [few] Pasirinkti { $count } įrenginiai.
        [many] Pasirinkta { $count } įrenginio.
       *[other] Pasirinkta { $count } įrenginių.
    }
app-admin-user = Įrenginio administratoriaus naudotojo vardas
app-admin-user-hint = Epson verslo modelių administratoriaus naudotojo vardas yra tuščias, nebent kas nors jį nustatė: palikite tuščią, nebent įrenginio administratorius pasirinko vardą. Modeliai, kurie prašo tik slaptažodžio, jo nepaiso.
app-shared-password = Įrenginio administratoriaus slaptažodis (visiems vienodas)
app-per-device-passwords = Kiekvienam įrenginiui kitas slaptažodis
app-device-password = { $device } slaptažodis
app-remember-passwords = Įsiminti slaptažodžius šio kompiuterio raktinėje
app-password-remembered = (slaptažodis įsimintas raktinėje)
app-sender = Siuntėjo adresas
app-sender-hint = Pašto dėžutė, iš kurios siunčia įrenginiai. Vėliau prisijungti reikės su šia paskyra arba su paskyra, kuri gali siųsti jos vardu.
app-service = Email service
app-service-exchange-online = Microsoft Exchange Online (darbo arba mokymo įstaigos)
app-service-outlook-com = Outlook.com (asmeninė)
app-embedded-sign-in = Prisijungti printoauth lange (kodas įvedamas už jus)
app-run-start = Pradėti
app-run-cancel = Sustabdyti
app-invalid-no-devices = Pasirinkite bent vieną įrenginį.
app-invalid-sender-empty = Įveskite siuntėjo adresą.
app-invalid-sender = „{ $address }“ nėra pašto adresas.
app-invalid-password = Įveskite administratoriaus slaptažodį.
app-invalid-device-password = Įveskite { $device } administratoriaus slaptažodį.
app-run-progress = Eiga
app-run-summary = Atlikta: { $done }, nepavyko: { $failed }, vykdoma: { $working }, laukia jūsų: { $waiting }.
app-run-needs-you = Prisijungimas šiam įrenginiui: įveskite šį kodą „Microsoft“ puslapyje su paskyra, kuri gali sutikti organizacijos vardu, ir pažymėkite „Sutikti organizacijos vardu“.
app-show-sign-in-window = Rodyti prisijungimo langą
app-open-in-browser = Verčiau atidaryti mano naršyklėje
app-copy-code = Kopijuoti kodą
app-consent-window-open = Prisijungimo langas atidarytas.
app-sign-in-elsewhere-title = Prisijungimas tęsiamas jūsų naršyklėje
app-sign-in-elsewhere-body = Jūsų organizacija prisijungia savo prisijungimo puslapyje { $host }. Šis langas atveria tik „Microsoft“ prisijungimo puslapius, todėl to puslapio neatvers.
app-sign-in-elsewhere-copied = Kodas { $code } nukopijuotas. Naršyklėje įklijuokite jį „Microsoft“ puslapyje ir prisijunkite kaip įprasta.
app-sign-in-elsewhere-not-copied = Naršyklėje „Microsoft“ puslapyje įveskite kodą { $code } ir prisijunkite kaip įprasta.
app-sign-in-elsewhere-button = Tęsti mano naršyklėje
app-sign-in-elsewhere-opened = Prisijungimo puslapis atvertas jūsų naršyklėje.
app-run-failed-at = Sustota prieš „{ $step }“.
app-run-running = Sąranka vykdoma. Galite išeiti iš šio ekrano – ji tęsis.

## Programa: rezultatai

app-results-title = Rezultatai
app-results-empty = Dar niekas nesukonfigūruota.
app-results-summary =
    { $total ->
        [one] Sukonfigūruota { $done } iš { $total } įrenginio, nepavyko: { $failed }.
        [few] Sukonfigūruota { $done } iš { $total } įrenginių, nepavyko: { $failed }.
        [many] Sukonfigūruota { $done } iš { $total } įrenginio, nepavyko: { $failed }.
       *[other] Sukonfigūruota { $done } iš { $total } įrenginių, nepavyko: { $failed }.
    }
app-results-changes = Kas pasikeitė
app-change-before-after = { $before } → { $after }
app-change-set = nustatyta į { $after }
app-no-changes = Nieko keisti nereikėjo.
app-result-error = Kas nepavyko
app-result-generic-fix = Patikrinkite įrenginio tinklalapį (Email Server > Basic) ir bandykite dar kartą. Jei vėl nepavyks, atidarykite „Trikčių šalinimas“.
app-report-title = Ataskaita klientui
app-report-hint = Kiekvienas įrenginys, kas pakeista, ir Microsoft 365 patikra – šia kalba. Joje nėra jokio slaptažodžio, prieigos rakto ar prisijungimo kodo.
app-report-site = Vieta (spausdinama ataskaitoje)
app-report-format = Formatas
app-report-save = Išsaugoti ataskaitą
app-report-saved = Išsaugota: { $file } ({ $devices ->
        [one] { $devices } įrenginys
        [few] { $devices } įrenginiai
       *[other] { $devices } įrenginių
    }).
app-report-open = Atidaryti
app-report-show-folder = Rodyti aplanke
app-retry = Bandyti dar kartą
app-trust-certificate = Pasitikėti nauju sertifikatu ir bandyti dar kartą
app-troubleshoot-device = Trikčių šalinimas
app-manual-open = Atlikti šį veiksmą įrenginio puslapyje
app-manual-title = Paties įrenginio puslapyje
app-manual-intro = printoauth nepavyko perskaityti šio įrenginio puslapio. Atlikite šiuos veiksmus paties įrenginio puslapyje { $url } (jis atsidaro jūsų naršyklėje), tada spustelėkite „Tikrinti dar kartą“.
app-manual-missing = Įrenginio puslapyje nerasta: { $what }
app-manual-stopped-here = printoauth sustojo čia
app-manual-open-again = Vėl atidaryti įrenginio puslapį
app-manual-check-again = Tikrinti dar kartą

## Programa: trikčių šalinimas

app-troubleshoot-title = Įrenginio trikčių šalinimas
app-troubleshoot-intro = printoauth perskaito įrenginio pašto nuostatas, prisijungimo būseną ir naujausias užduotis ir pasako, ką daryti.
app-troubleshoot-choose = Įrenginys
app-troubleshoot-none = Įrenginių dar nėra: suraskite juos ekrane „Įrenginiai“.
app-troubleshoot-password = Įrenginio administratoriaus slaptažodis
app-troubleshoot-run = Patikrinti įrenginį
app-troubleshoot-working = Skaitomas įrenginys…
# Web Config etiketė: palikite angliškai.
app-health-auth = Authentication Method
# Web Config etiketė: palikite angliškai.
app-health-sender = Sender's Email Address
app-health-signed-in = Signed in
app-health-account = Paskyra
app-health-panel = Įrenginio pranešimas
app-health-jobs = Naujausios užduotys
app-health-no-jobs = Naujausių pašto užduočių nėra.
app-job-code-360 = 360: nėra ryšio su debesijos paslauga arba el. pašto paslauga.
app-job-code-361 = 361: ryšio su debesijos paslauga arba el. pašto paslauga galiojimas baigėsi; prisijunkite iš naujo.
app-job-code-370 = 370: įrenginys turi dar kartą prisijungti prie debesijos paslaugos.
app-job-code-other = Kodas { $code }.
app-job-succeeded = Išsiųsta.
app-job-no-connection = Nėra ryšio su debesijos paslauga arba el. pašto paslauga.
app-job-connection-expired = Ryšio su debesijos paslauga arba el. pašto paslauga galiojimas baigėsi.
app-job-sign-in-required = Įrenginys turi prisijungti dar kartą.
app-job-other-error = Nepavyko.
app-job-other = Kita (vykdoma arba atšaukta).
app-diagnoses = Ką rado printoauth
app-remedy-resave = Nusiųsti nuostatas dar kartą
app-remedy-sign-in-again = Prisijungti dar kartą
app-remedy-configure = Konfigūruoti dabar
app-remedy-show-instructions = Rodyti, ką daryti
app-instructions-check-device-network = Įrenginio valdymo skydelyje atidarykite Nuostatos > Bendrosios nuostatos > Tinklo nuostatos > Tinklo būsena > El. pašto serverio būsena. Patikrinkite, ar įrenginys turi šliuzą ir DNS serverį ir ar užkarda leidžia jam pasiekti Email Server > Basic nurodytą SMTP Server Address per 587 prievadą.
app-instructions-review-conditional-access = Microsoft Entra administratoriaus centre atidarykite sąlyginės prieigos politikas. Raskite politiką, kuri blokuoja įrenginio kodo srautą (pvz., „Block device code flow“), ir išimkite iš jos administratoriaus paskyrą, kuria prijungiami įrenginiai, arba įrenginio programą.
app-resave-done = Nuostatos dar kartą nusiųstos į įrenginį.

## Programa: sąrankos žingsniai (po vieną kiekvienam žingsniui)

step-found = Rastas
step-logged-in = Prisijungta kaip administratorius
step-oauth2-set = Pasirinktas OAuth2
step-waiting-for-consent = Laukiama prisijungimo
step-signed-in = Prisijungta
step-saved = Išsaugota (OK)
step-verified = Patikrinta

## Programa: įrenginio pašto būsena

mail-status-not-checked = netikrinta
mail-status-basic-auth = slaptažodis (pagrindinis autentifikavimas)
mail-status-oauth2-signed-out = OAuth2, atsijungta
mail-status-oauth2-signed-in = OAuth2, prisijungta

## Programa: nuostatos, kurias keičia sąranka
## Tai paties įrenginio etiketės puslapyje Email Server > Basic: palikite angliškai.

change-authentication-method = Authentication Method
change-email-service = Email service
change-sender = Sender's Email Address
change-smtp-server = SMTP Server Address
change-port = SMTP Server Port Number
change-secure-connection = Secure Connection
change-current-status = Current Status

## Programa: praktikos problemos

fault-wrong-password = Įrenginio administratoriaus slaptažodis kitas
fault-no-oauth2 = Įrenginio programinėje įrangoje nėra OAuth2
fault-conditional-access = Sąlyginė prieiga blokuoja prisijungimą su kodu (visame nuomininke)
fault-expired-sign-in = Įrenginio prisijungimas nebegalioja
fault-unreadable-page = Puslapis, kurio printoauth negali perskaityti (mygtukas Sign In pavadintas kitaip)

## Programa: nuomininko patikros ir būtinos sąlygos

check-security-defaults = Numatytosios saugumo nuostatos išjungtos
check-security-defaults-what = Numatytosios saugumo nuostatos blokuoja SMTP AUTH; išjunkite jas organizacijai.
check-smtp-auth-organisation = SMTP AUTH įjungtas organizacijai
check-smtp-auth-organisation-what = Įrenginiai siunčia laiškus per SMTP, todėl SMTP AUTH turi likti įjungtas ir naudojant OAuth 2.0.
check-smtp-auth-mailbox = SMTP AUTH įjungtas siuntėjo pašto dėžutei
check-smtp-auth-mailbox-what = Pašto dėžutės nuostata yra svarbesnė už organizacijos nuostatą; ji turi būti įjungta arba tuščia.
check-device-code-flow-allowed = Prisijungimas su kodu leidžiamas
check-device-code-flow-allowed-what = Įrenginiai prisijungia su kodu; sąlyginės prieigos politika neturi blokuoti šio srauto.
check-consent = Programai suteiktas sutikimas
check-consent-what = Pirmasis prisijungimas užregistruoja įrenginio programą; administratorius sutinka organizacijos vardu.
check-sign-in = Prisijungimas
check-sign-in-what = printoauth prisijungia prie Microsoft 365 su kodu, kaip ir įrenginiai.
check-test-mail = Bandomasis laiškas
check-test-mail-what = Su OAuth 2.0 iš siuntėjo pašto dėžutės išsiųstas laiškas įrodo, kad veikia visas kelias.

## Klaidos (po vieną kiekvienam kodui; pirma programos kodai, paskui variklio)

error-internal = printoauth viduje kažkas nepavyko.
error-practice-unavailable = Šioje versijoje praktikos režimo nėra.
error-practice-not-running = Praktikos režimas neveikia.
error-device-unknown = printoauth nežino įrenginio { $id }. Ieškokite iš naujo.
error-device-unsupported = printoauth kol kas negali sukonfigūruoti šio { $vendor } įrenginio.
error-run-in-progress = Sąranka jau vykdoma. Palaukite, kol ji baigsis, arba ją sustabdykite.
error-no-devices-selected = Pasirinkite bent vieną įrenginį.
error-run-sender-invalid = „{ $address }“ nėra pašto adresas.
error-password-missing = Trūksta { $device } administratoriaus slaptažodžio.
error-url-not-allowed = printoauth atidaro tik „Microsoft“ prisijungimo puslapius, ne { $url }.
error-tenant-check-in-progress = Nuomininko patikra jau vykdoma.
error-update-unavailable = Ši printoauth kopija pati neatsinaujina. Norėdami gauti atnaujinimus, įdiekite printoauth iš jos atsisiuntimo puslapio.
error-update-check-failed = Nepavyko sužinoti, ar yra nauja printoauth versija. Patikrinkite interneto ryšį ir bandykite vėliau.
error-update-install-failed = Naujos versijos įdiegti nepavyko. Jūsų dabartinė versija veikia toliau: bandykite vėliau arba įdiekite naują versiją iš atsisiuntimo puslapio.
error-report-no-run = Kol kas nėra sąrankos, apie kurią būtų galima pranešti: pirmiausia nustatykite įrenginius.
error-report-unwritable = Ataskaitos nepavyko išsaugoti kaip { $file }: { $detail }
error-report-not-found = { $file } nebėra ataskaitų aplanke (perkelta arba ištrinta). Išsaugokite ataskaitą dar kartą.
error-run-cancelled = Sustabdyta: sąranka atšaukta, kol šis įrenginys dar nebuvo baigtas.
error-device-unreachable = Įrenginys adresu { $address } neatsiliepia.
error-device-not-recognised = Žiniatinklio serveris adresu { $address } nerodo įrenginio puslapio, kurį printoauth atpažįsta.
error-device-https-unavailable = Įrenginys adresu { $address } neatsiliepia per HTTPS.
error-device-tls-too-old = Įrenginys adresu { $address } siūlo tik seną TLS versiją, kurios printoauth nenaudoja (reikia TLS 1.2 ar naujesnės). Atnaujinkite įrenginio programinę įrangą: programinė įranga su OAuth2 palaiko ir TLS 1.2.
error-device-certificate-changed = Įrenginio adresu { $address } sertifikatas pasikeitė nuo tada, kai printoauth jį pamatė pirmą kartą (buvo { $pinned_sha256 }, dabar { $found_sha256 }).
error-device-pin-store = printoauth nepavyko perskaityti ar įrašyti savo įrenginių sertifikatų sąrašo ({ $location }).
error-device-http-status = Įrenginys nuolat atsakydavo klaida { $status } (puslapis { $path }, bandymų: { $attempts }).
error-device-restart-timeout = Įrenginys adresu { $address } paleistas iš naujo ir per { $waited_secs } s nebeatsiliepė.
error-device-page-not-understood = printoauth nesuprato įrenginio puslapio { $page }: trūksta „{ $missing }“.
error-device-login-rejected =
    { $family ->
        [consumer] Įrenginys atmetė administratoriaus slaptažodį.
       *[other] Įrenginys atmetė administratoriaus naudotojo vardą arba slaptažodį.
    }
error-device-login-locked-out = Per daug nesėkmingų bandymų prisijungti: įrenginys kurį laiką atmeta prisijungimus.
error-device-not-logged-in = printoauth nebuvo prisijungusi prie įrenginio.
error-device-session-lost = Įrenginys vis nutraukdavo seansą (kartų: { $attempts }).
error-device-oauth2-unavailable = Šio įrenginio programinė įranga nesiūlo OAuth2.
error-device-additional-network = Įrenginys pasiekiamas per papildomą tinklą, kuris nepalaiko OAuth 2.0.
error-device-refused = Įrenginys atmetė nuostatas puslapyje { $page }: „{ $device_message }“
error-device-invalid-value = Reikšmės „{ $value }“ negalima nustatyti laukui { $field }.
error-device-already-signed-in = Įrenginys jau prisijungęs.
error-device-sign-in-not-started = Įrenginyje neprasidėjo joks prisijungimas.
error-device-fax-server-unavailable = Šiame įrenginyje nėra fakso serverio pašto nuostatų.
error-device-save-not-confirmed = Įrenginys nepatvirtino išsaugojimo puslapyje { $page }.
error-device-verify-mismatch = Po išsaugojimo įrenginys rodo kitokias nuostatas, nei buvo nusiųstos.
error-device-connection-test-unavailable = Šiame įrenginyje nėra pašto serverio ryšio patikros, kurią printoauth galėtų paleisti.
error-device-job-history-unreadable = printoauth nepavyko perskaityti įrenginio užduočių istorijos (trūksta { $missing }).
error-discovery-host-network-refused = Šioje bandomojoje aplinkoje paieška išjungta ({ $namespace }).
error-discovery-mdns-unavailable = Šiuo metu ieškoti tinkle neįmanoma. Pridėkite įrenginius pagal adresą.
error-discovery-invalid-service-type = Netinkamas paslaugos tipas { $service_type }.
error-discovery-interface-not-found = Šiame kompiuteryje nėra tinklo pavadinimu { $names }.
error-discovery-probe-invalid-host = „{ $host }“ nėra nei IP adresas, nei pagrindinio kompiuterio vardas.
error-discovery-probe-unreachable = Adresu { $host } neatsiliepė joks tinklalapis.
error-identity-authority-invalid = Prisijungimo adreso { $url } naudoti negalima.
error-identity-authority-unreachable = Nepavyksta pasiekti „Microsoft“ prisijungimo paslaugos adresu { $url }.
error-identity-unexpected-response = Prisijungimo paslauga adresu { $url } atsakė netikėtai.
error-identity-authorization-pending = Dar niekas nebaigė prisijungti.
error-identity-authorization-declined = Prisijungimas atmestas.
error-identity-device-code-expired = Kodas nebegalioja – niekas nespėjo prisijungti.
error-identity-bad-verification-code = Kodas neteisingas arba jau panaudotas.
error-identity-invalid-client = Microsoft 365 nepriima šios programos prisijungimo (viešųjų klientų srautai išjungti arba programa nežinoma).
error-identity-conditional-access-blocked = Sąlyginės prieigos politika užblokavo prisijungimą.
error-identity-security-defaults-blocked = Numatytosios saugumo nuostatos užblokavo prisijungimą.
error-identity-admin-consent-required = Administratorius turi sutikti organizacijos vardu.
error-identity-consent-required = Sutikimas nesuteiktas.
error-identity-session-expired = Prisijungimas nebegalioja.
error-identity-rejected = Microsoft 365 atmetė prisijungimą ({ $error }).
error-identity-no-access-token = Prisijungus negautas tinkamas žetonas.
error-identity-app-id-missing = printoauth neturi šio nuomininko programos (kliento) ID: vieną kartą užregistruokite printoauth, tada nurodykite jos ID.
error-identity-cancelled = Prisijungimas atšauktas.
error-identity-timed-out = Per { $after_secs } s niekas nebaigė prisijungti.
error-mail-address-invalid = „{ $address }“ nėra pašto adresas.
error-mail-ca-certificate-invalid = Papildomas CA sertifikatas netinkamas.
error-mail-connection-failed = Nėra ryšio su pašto serveriu { $host }:{ $port }.
error-mail-tls-failed = Nepavyko saugus ryšys su { $host }:{ $port } ({ $tls_name }).
error-mail-timed-out = Pašto serveris { $host }:{ $port } nustojo atsakinėti.
error-mail-xoauth2-not-offered = Pašto serveris { $host }:{ $port } nesiūlo OAuth 2.0 (XOAUTH2).
error-mail-smtp-auth-disabled-organisation = SMTP AUTH išjungtas organizacijai.
error-mail-smtp-auth-disabled-mailbox = SMTP AUTH išjungtas pašto dėžutei { $mailbox }.
error-mail-security-defaults = Numatytosios saugumo nuostatos blokuoja SMTP AUTH.
error-mail-smtp-auth-disabled = SMTP AUTH išjungtas pašto dėžutei { $mailbox } arba organizacijai.
error-mail-authentication-unsuccessful = Pašto serveris atmetė paskyros { $account } prisijungimą.
error-mail-client-not-authenticated = Laiškas išsiųstas neprisijungus.
error-mail-send-as-denied = { $account } negali siųsti { $from } vardu.
error-mail-xoauth2-user-invalid = Naudotojas { $account } nėra tinkamas pašto dėžutės adresas.
error-mail-basic-auth-not-supported = Serveris atmeta pagrindinį autentifikavimą (slaptažodžius).
error-mail-server-busy = Pašto serveris užimtas.
error-mail-rejected = Pašto serveris atmetė laišką.
error-mail-protocol-error = Ryšys su { $host }:{ $port } nutrūko.
error-run-sign-in-failed = Įrenginys praneša, kad prisijungti nepavyko: „{ $detail }“
error-run-sign-in-timed-out = Per { $waited_secs } s niekas nebaigė prisijungti.
error-run-signed-out-while-waiting = Laukiant įrenginys atsijungė (galbūt jis buvo paleistas iš naujo).

# A run's waits (the app and the CLI): what the device keeps the run waiting for, and how long at most.
wait-device-away = Įrenginys neatsako (paleidžiamas iš naujo?): bandoma dar kartą iki { $secs } s.
wait-device-server-error = Įrenginys atsakė klaida: klausiama dar kartą iki { $secs } s.
wait-device-restarting = Įrenginys paleidžiamas iš naujo, kad pritaikytų nustatymus: laukiama iki { $secs } s.
wait-over = Įrenginys vėl atsako.

## Nuomininko patikros rastos priežastys

cause-security-defaults-on = Nuomininkui įjungtos numatytosios saugumo nuostatos.
cause-smtp-auth-disabled-organisation = SMTP AUTH išjungtas organizacijai.
cause-smtp-auth-disabled-mailbox = SMTP AUTH išjungtas pašto dėžutei { $mailbox }.
cause-smtp-auth-disabled = SMTP AUTH išjungtas pašto dėžutei { $mailbox } arba organizacijai.
cause-conditional-access-blocked = Sąlyginės prieigos politika blokuoja prisijungimą su kodu.
cause-application-not-usable = Programa { $client_id } negali prisijungti su kodu (viešųjų klientų srautai išjungti arba programa nežinoma).
cause-app-id-missing = printoauth negavo šio nuomininko programos (kliento) ID arba gautasis netinkamas.
cause-admin-consent-required = Administratorius turi sutikti organizacijos vardu.
cause-consent-not-granted = Sutikimas nesuteiktas.
cause-sign-in-declined = Prisijungimas atmestas.
cause-device-code-expired = Kodas nebegalioja – niekas nespėjo prisijungti.
cause-device-code-invalid = Kodas neteisingas, jau panaudotas arba atmestas.
cause-session-expired = Prisijungimas nebegalioja.
cause-sign-in-rejected = Microsoft 365 atmetė prisijungimą ({ $error }).
cause-cancelled = Patikra atšaukta.
cause-sign-in-timed-out = Per { $after_secs } s niekas nebaigė prisijungti.
cause-authority-unreachable = Nepavyksta pasiekti prisijungimo paslaugos adresu { $url }.
cause-account-unknown = Prisijungimas nenurodė, kokia paskyra prisijungė.
cause-token-rejected = Pašto serveris atmetė paskyros { $account } prisijungimą (nebegalioja arba skirtas kitai paskyrai).
cause-client-not-authenticated = Laiškas išsiųstas neprisijungus.
cause-send-as-denied = { $account } negali siųsti { $from } vardu.
cause-xoauth2-user-invalid = { $account } nėra tinkamas pašto dėžutės adresas.
cause-basic-auth-not-supported = Naudotas pagrindinis autentifikavimas (slaptažodis); jis nepalaikomas.
cause-smtp-server-unreachable = Nėra ryšio su pašto serveriu { $host }:{ $port }.
cause-smtp-tls-failed = Nepavyko saugus ryšys su { $host }:{ $port } ({ $tls_name }).
cause-xoauth2-not-offered = Pašto serveris { $host }:{ $port } nesiūlo OAuth 2.0.
cause-smtp-server-busy = Pašto serveris užimtas (kodas { $code }).
cause-smtp-rejected = Pašto serveris atmetė (kodas { $code }).
cause-address-invalid = „{ $address }“ nėra pašto adresas.
cause-ca-certificate-invalid = Nustatytas CA sertifikatas netinkamas.

## Nuomininko patikros priežasčių sprendimai

fix-turn-off-security-defaults = Išjunkite numatytąsias saugumo nuostatas organizacijai.
fix-enable-smtp-auth-organisation = Įjunkite SMTP AUTH organizacijai. (Jį išjungus blokuojami ir OAuth 2.0 laiškai, ne tik slaptažodžiai.)
fix-enable-smtp-auth-mailbox = Įjunkite SMTP AUTH pašto dėžutei { $mailbox }. Jos nuostata svarbesnė už organizacijos nuostatą.
fix-enable-smtp-auth = Įjunkite SMTP AUTH organizacijai ir pašto dėžutei { $mailbox }.
fix-review-conditional-access = Išimkite administratoriaus paskyrą (arba įrenginio programą) iš sąlyginės prieigos politikos „{ $policy }“.
fix-allow-public-client-flows = Leiskite viešųjų klientų srautus programai { $client_id } arba naudokite tinkamą programą.
fix-register-app = Vieną kartą užregistruokite printoauth nuomininke, kaip nurodyta toliau (įjungti viešojo kliento srautai, deleguotas leidimas { $permission }), tada nurodykite printoauth jos programos (kliento) ID: Microsoft 365 ekrane arba { $setting }.
fix-grant-admin-consent = Prisijunkite su administratoriaus paskyra ir pažymėkite „Sutikti organizacijos vardu“ arba suteikite sutikimą administratoriaus centre.
fix-sign-in-again = Bandykite dar kartą ir baikite prisijungti, kol kodas galioja.
fix-check-connection = Patikrinkite tinklą, tarpinį serverį ir užkardą adresui { $host }:{ $port }.
fix-check-tls = Patikrinkite vardą { $tls_name } ir patikimus sertifikatus, skirtus { $host }.
fix-check-authority = Patikrinkite prisijungimo paslaugos adresą { $url }.
fix-use-signed-in-mailbox-as-sender = Nustatykite { $account } kaip siuntėją arba leiskite { $account } siųsti { $from } vardu.
fix-use-mailbox-address = Prisijunkite paskyros { $account } pašto dėžutės adresu.
fix-use-oauth = Vietoj slaptažodžio naudokite OAuth 2.0.
fix-enable-authentication = Įjunkite autentifikavimą siunčiančiame įrenginyje.
fix-use-exchange-online-server = Naudokite serverį { $host }, prievadą { $port }.
fix-retry-later = Bandykite dar kartą vėliau.
fix-correct-address = Pataisykite adresą „{ $address }“.
fix-see-details = Serverio pranešimą skaitykite išsamioje informacijoje.

## Ką daryti su įrenginiu, kurio sąranka nebaigta

fix-check-admin-password = Patikrinkite įrenginio administratoriaus slaptažodį (dažnai jis būna ant įrenginio etiketės arba nustatytas diegiant). Verslo modeliams reikia ir naudotojo vardo.
fix-wait-for-lock-out = Per daug neteisingų slaptažodžių: palaukite, kol įrenginys vėl leis prisijungti, tada bandykite dar kartą su teisingu slaptažodžiu.
fix-update-firmware = Atnaujinkite įrenginio programinę įrangą iki versijos, kuri siūlo OAuth2, tada bandykite dar kartą.
fix-use-standard-network = Prisijunkite prie įrenginio per jo standartinį tinklą: papildomas tinklas nepalaiko OAuth 2.0.
fix-check-device-connection = Patikrinkite, ar įrenginys adresu { $address } įjungtas ir pasiekiamas iš šio kompiuterio.
fix-check-device-address = Patikrinkite, ar { $address } yra paties įrenginio adresas (jį rodo įrenginio tinklo būsenos lapas). Kol kas printoauth konfigūruoja Epson įrenginius su Web Config.
fix-confirm-certificate = Atstatymas ar programinės įrangos atnaujinimas suteikia įrenginiui naują sertifikatą: jei taip nutiko, patikrinkite, ar paties įrenginio puslapyje (Network Security > SSL/TLS > Certificate) rodomas naujas kontrolinis kodas { $found_sha256 }, pasitikėkite juo ir bandykite dar kartą. Jei nieko panašaus nenutiko, sustokite: adresu { $address } gali atsakinėti kitas įrenginys.
fix-retry-or-report = Bandykite dar kartą. Jei tai pasikartos, nusiųskite techninę informaciją pagalbos tarnybai.
fix-do-on-device-page = printoauth nepavyko perskaityti įrenginio puslapio: atlikite šį veiksmą paties įrenginio puslapyje ir patikrinkite dar kartą.

## Trikčių šalinimo radiniai

cause-healthy = Viskas tvarkoje: OAuth 2.0 nustatytas ir prisijungta.
cause-still-on-basic-auth = Įrenginys vis dar prisijungia slaptažodžiu ({ $method }). Exchange Online tai atmeta.
cause-signed-in-not-saved = Current Status rodo Signed in, bet nuostatos nebuvo nusiųstos į įrenginį (OK nepaspaustas).
cause-not-signed-in = OAuth2 pasirinktas, bet niekas neprisijungė.
cause-sign-in-expired = Įrenginio prisijungimas nebegalioja (ilgai nenaudotas arba baigėsi prisijungimo dažnio laikotarpis).
cause-must-sign-in-again = Įrenginys turi prisijungti dar kartą.
cause-no-connection = Įrenginys neturi ryšio su debesijos paslauga arba el. pašto paslauga.
cause-sign-in-failed = Įrenginiui nepavyko prisijungti: „{ $detail }“

## Radinių sprendimo priemonės

fix-none = Nieko daryti nereikia.
fix-configure = Nustatykite OAuth 2.0 su Exchange Online ir prisijunkite.
fix-resave = Dar kartą spustelėkite OK puslapyje Email Server > Basic, kad nuostatos būtų nusiųstos į įrenginį.
fix-check-device-network = Patikrinkite įrenginio tinklą ir ar jis pasiekia pašto paslaugą.

## Veiksmai paties įrenginio puslapyje, kai printoauth nepavyko jo perskaityti
## (įrenginio pavadinimai lieka angliški, kaip gamintojo vadove)

manual-open-web-config = Atidarykite { $url } naršyklėje kompiuteryje, esančiame tame pačiame tinkle. Naršyklė gali įspėti dėl paties įrenginio sertifikato.
manual-log-in = Prisijunkite kaip administratorius: Log in, administratoriaus slaptažodis, OK.
manual-open-email-server-basic = Atidarykite skirtuką Network, tada Email Server > Basic.
manual-set-auth-method-oauth2 = Laukelyje Authentication Method pasirinkite OAuth2.
manual-set-email-service = Laukelyje Email service pasirinkite { $service }. Puslapis įspėja, kad kitos prisijungusios el. pašto paslaugos bus atjungtos.
manual-press-sign-in = Spustelėkite Sign In.
manual-press-sign-in-with-microsoft = Spustelėkite „Sign in with Microsoft“. Puslapyje parodomas kodas ir adresas.
manual-enter-shown-code = Naršyklėje atidarykite puslapyje parodytą adresą, įveskite parodytą kodą ir spustelėkite Next.
manual-enter-code = Naršyklėje atidarykite { $url }, įveskite kodą { $code } ir spustelėkite Next.
manual-sign-in-as-administrator = Prisijunkite paskyra, turinčia bent Cloud Application Administrator vaidmenį: įveskite jos slaptažodį ir spustelėkite Sign In.
manual-consent-for-organisation = Puslapyje „Permissions requested“ pažymėkite „Consent on behalf of your organization“ ir spustelėkite Accept. Kai puslapis praneš, kad prisijungėte, uždarykite jį.
manual-check-signed-in = Grįžę į Email Server > Basic, įkelkite puslapį iš naujo: Current Status rodo Signed in.
manual-check-values = Patikrinkite kitas reikšmes: Sender's Email Address { $sender }, SMTP Server Address { $server }, SMTP Server Port Number { $port }, Secure Connection STARTTLS, Certificate Validation Enable.
manual-press-ok = Spustelėkite OK, kad nuostatos būtų nusiųstos į spausdintuvą, tada OK patvirtinimo puslapyje. Puslapyje parašyta „Setup complete.“

## Ko printoauth nerado įrenginio puslapyje

missing-button = mygtukas „{ $label }“
missing-field = laukas „{ $label }“
missing-option = laukelio „{ $field }“ pasirinkimas „{ $option }“
missing-menu-entry = meniu punktas „{ $path }“
missing-page = puslapis „{ $path }“
missing-row = eilutė „{ $label }“
missing-login-form = administratoriaus prisijungimo forma
missing-confirmation-form = išsaugojimo patvirtinimo puslapis
missing-save-confirmation = pranešimas „Setup complete.“ po išsaugojimo
missing-sign-in-code = prisijungimo kodas
missing-verification-url = adresas, kuriame įvedamas kodas
missing-other = „{ $what }“

## Inventory: every device, read without changing it (the command line and the app)

cli-col-firmware = PROGRAMINĖ ĮRANGA
cli-col-oauth2 = OAUTH2
cli-col-auth = AUTENTIFIKAVIMAS
cli-col-signed-in = PRISIJUNGĘS KAIP
cli-col-sender = SIUNTĖJAS
cli-col-password = SLAPTAŽODIS ĮSIMINTAS
cli-col-last-mail = PASKUTINĖ PAŠTO UŽDUOTIS
cli-inventory-password-prompt = Įrenginių administratoriaus slaptažodis (Enter: išvardyti neprisijungiant):
cli-inventory-signed-out = atsijungta
cli-inventory-job-ok = { $time }: išsiųsta
cli-inventory-job-failed = { $time }: nepavyko ({ $result })
cli-inventory-why = OAuth2: { $reason }
cli-inventory-instead = vietoj to: { $alternative }
cli-inventory-summary =
    { $total ->
        [one] { $total } įrenginys: jau naudoja OAuth2 – { $oauth2 }, gali pereiti – { $possible }, negali – { $cannot }, nežinoma – { $unknown }.
        [few] { $total } įrenginiai: jau naudoja OAuth2 – { $oauth2 }, gali pereiti – { $possible }, negali – { $cannot }, nežinoma – { $unknown }.
        [many] { $total } įrenginio: jau naudoja OAuth2 – { $oauth2 }, gali pereiti – { $possible }, negali – { $cannot }, nežinoma – { $unknown }.
       *[other] { $total } įrenginių: jau naudoja OAuth2 – { $oauth2 }, gali pereiti – { $possible }, negali – { $cannot }, nežinoma – { $unknown }.
    }
app-inventory-read = Nuskaityti įrenginius
app-inventory-reading = Nuskaitomi įrenginiai (juose nieko nekeičiama)…
app-inventory-password = Administratoriaus slaptažodis nuskaitymui (naudojamas vieną kartą, nesaugomas)
app-inventory-details = Išsamiau
app-inventory-firmware = Programinė įranga
app-inventory-oauth2 = OAuth 2.0
app-inventory-auth = Autentifikavimas
app-inventory-signed-in = Prisijungęs kaip
app-inventory-signed-out = atsijungta
app-inventory-sender = Siuntėjas
app-inventory-last-mail = Paskutinė pašto užduotis
app-inventory-job-ok = { $time }: išsiųsta
app-inventory-job-failed = { $time }: nepavyko ({ $result })
app-inventory-password-kept = Slaptažodis įsimintas
app-inventory-alternatives = Vietoj OAuth 2.0

read-state-read = nuskaityta
read-state-password-needed = Nenuskaityta: reikia administratoriaus slaptažodžio. Gamintojas ir modelis – tai, ką įrenginys skelbia tinkle.
read-state-password-refused = Nenuskaityta: įrenginys atmetė administratoriaus slaptažodį.
read-state-no-driver = Nenuskaityta: printoauth kol kas negali nuskaityti šio gamintojo įrenginių. Gamintojas ir modelis – tai, ką įrenginys skelbia tinkle.
read-state-failed = Nenuskaityta: įrenginio nepavyko nuskaityti.

oauth2-possible = OAuth2 galimas.
oauth2-unknown = Nežinoma, kol įrenginys nenuskaitytas.
oauth2-model-has-it = Šis modelis turi OAuth2 nuo programinės įrangos { $since }; nuskaitykite įrenginį, kad sužinotumėte jo versiją.
oauth2-firmware-too-old = Ne su šia programine įranga ({ $firmware }): modelis turi OAuth2 nuo versijos { $since }.
oauth2-model-without = Ne: jokia modelio { $model } programinė įranga neturi OAuth2.
oauth2-not-in-firmware = Ne su šia programine įranga ({ $firmware }); ar naujesnė šio modelio versija jį turi, nežinoma.
oauth2-additional-network = Ne šiuo ryšiu: įrenginys pasiekiamas per papildomą tinklą, kuriame OAuth2 nėra. Jo standartiniame tinkle jis yra.
oauth2-vendor-not-supported = Ne su printoauth: jis kol kas negali nustatyti { $vendor } įrenginių.

alternative-use-standard-network = Prijunkite įrenginį per jo standartinį tinklą, o ne papildomą, ir ten nustatykite OAuth2.
alternative-update-firmware = Atnaujinkite modelio { $model } programinę įrangą iki { $since } ar naujesnės, tada nustatykite OAuth2.
alternative-ask-vendor-for-firmware = Paklauskite gamintojo, ar modeliui { $model } yra programinė įranga su OAuth2; jei yra, atnaujinkite ir nustatykite OAuth2.
alternative-vendor-own-setup = { $vendor } kai kuriems savo modeliams aprašo OAuth 2.0 nustatymą paties įrenginio tinklalapyje: vadovaukitės gamintojo vadovu šiam modeliui.
alternative-exchange-connector = Exchange Online jungtis (SMTP perdavimas): įrenginys be slaptažodžio siunčia į jūsų domeno MX galinį tašką (…mail.protection.outlook.com) per prievadą { $port }. Reikia statinio viešojo biuro IP adreso, atviro išeinančio prievado { $port } ir jungties, priimančios paštą iš to adreso.
alternative-high-volume-email = Microsoft High Volume Email: tik gavėjams jūsų organizacijos viduje ir mokamas. Jis ilgiau priima įrenginio slaptažodį (pagrindinį autentifikavimą): iki 2028 m. rugsėjo, kaip Microsoft paskelbė 2026 m. Reikia HVE paskyros ir kad įrenginys siųstų į { $server }, prievadu { $port }.
alternative-local-relay = Perdavimo serveris biuro tinkle (SMTP–Graph perdavimas arba OAuth tarpinis serveris): įrenginys siunčia į jį kaip dabar, o jis įrenginio vardu prisijungia prie Microsoft 365. Reikia visada įjungto kompiuterio ar serverio ir atskiros perdavimo serverio programos registracijos nuomotojo aplinkoje.

## Būklė (printoauth health; programos patikra paleidžiant)
health-healthy = Tvarkinga
health-sign-in-expired = Prisijungimas nebegalioja: prisijunkite iš naujo.
health-sign-in-needed = Reikia prisijungti iš naujo.
health-jobs-failed = Paskutinės pašto užduotys nepavyko.
health-needs-attention = Reikia dėmesio (žr. priežastis).
health-not-on-oauth2 = Nenaudoja OAuth2: nėra prisijungimo, kurį tikrinti.
health-not-readable = Nepatikrinta.
cli-col-health = BŪKLĖ
cli-health-job-code = užduoties kodas { $code }
cli-health-summary = Patikrinta: { $total }. Reikia dėmesio: { $attention }, iš jų reikia prisijungti iš naujo: { $sign_in }.
app-health-banner = { $count ->
    [one] Vienas įrenginys turi iš naujo prisijungti prie „Microsoft“:
    [few] { $count } įrenginiai turi iš naujo prisijungti prie „Microsoft“:
   *[other] { $count } įrenginių turi iš naujo prisijungti prie „Microsoft“:
}
app-health-sign-in-again = Prisijungti iš naujo
app-health-sign-in-again-hint = Vienas paketas iš naujo prijungia juos visus; prie „Microsoft“ prisijungiate vieną kartą.

## The customer's report (PDF), made by crates/core/src/report.rs
report-title = Skenavimo į el. paštą sąrankos ataskaita
report-site = Vieta: { $site }
report-date = Data: { $date }
report-run = Vykdymas { $id }, pradėtas { $time }
report-practice = Praktikos vykdymas: emuliuoti įrenginiai, joks tikras įrenginys nepakeistas.
report-sender = Siuntėjas: { $sender }
report-summary = Nustatyta ir patikrinta įrenginių: { $done } iš { $total }
report-device-id = Įrenginys: { $id }
report-model = Modelis: { $model }
report-address = Adresas: { $address }
report-result = Rezultatas: { $result }
report-result-done = nustatytas ir patikrintas
report-result-failed = nepavyko
report-result-cancelled = atšauktas
report-result-unfinished = nebaigtas
report-failed-at = Sustojo prieš: { $step }
report-error = Klaida: { $error }
report-fix = Sprendimas: { $fix }
report-found = Rasta: { $settings }
report-changes = Pakeista (prieš → po):
report-no-changes = Nieko keisti nereikėjo.
report-tenant = Microsoft 365 patikra
report-tenant-checked-at = Patikrinta: { $time }
report-tenant-own = Patikrino printoauth: prisijungimas ir bandomasis laiškas.
report-tenant-through-device = Patikrinta per įrenginį { $device }: paties įrenginio ryšio patikra.
report-tenant-passed = Visos patikros sėkmingos.
report-tenant-failed = Kai kurios patikros nepavyko.
report-check-passed = sėkminga
report-check-failed = nepavyko
report-check-not-checked = netikrinta
report-no-secrets = Šioje ataskaitoje nėra jokio slaptažodžio, prieigos rakto ar prisijungimo kodo.
