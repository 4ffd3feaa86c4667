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
cli-tenant-cause = priežastis: { $cause }
cli-tenant-fix = sprendimas: { $fix }
cli-tenant-ready = Nuomininkas paruoštas.
cli-tenant-not-ready = Nuomininkas neparuoštas: žr. sprendimus aukščiau.

## Komandų eilutė: trikčių šalinimas

cli-finding = radinys: { $finding }
cli-remedy = priemonė: { $remedy }

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
