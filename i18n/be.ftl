# printoauth — беларускі каталог.
# Адзін каталог на мову, агульны для інтэрфейсу праграмы і CLI. Назвы, якія паказвае
# сама прылада (меню і кнопкі Web Config), на ўсіх мовах застаюцца па-англійску.

## Камандны радок: пошук

cli-no-devices = Ніводзін прынтар або сканер не адказаў.
cli-devices-found =
    { $count ->
        [one] Знойдзена { $count } прылада.
        [few] Знойдзена { $count } прылады.
        [many] Знойдзена { $count } прылад.
       *[other] Знойдзена { $count } прылады.
    }
cli-col-vendor = ВЫТВОРЦА
cli-col-model = МАДЭЛЬ
cli-col-host = ХОСТ
cli-col-address = АДРАС
cli-col-scan = СКАНАВАННЕ
cli-col-admin = СТАРОНКА АДМІНІСТРАВАННЯ
cli-yes = так
cli-no = не
cli-unknown = ?
cli-not-supported = { $model } (пакуль не падтрымліваецца)

## Камандны радок: стан адной прылады

cli-status-title = { $device }: { $model } (прашыўка { $firmware })
cli-status-oauth2 = OAuth2 даступны: { $available }
cli-status-additional-network = Падключэнне праз дадатковую сетку: OAuth2 працуе толькі ў стандартнай сетцы.
cli-status-auth = Аўтэнтыфікацыя: { $method }
cli-status-current = Current Status: { $status }
cli-status-account = Уліковы запіс: { $account }
cli-status-sender = Sender's Email Address: { $sender }
cli-status-smtp = SMTP-сервер: { $server }:{ $port }
cli-status-device-says = Паведамленне прылады: { $message }

## Камандны радок: наладжванне прылад

cli-step-found = знойдзена
cli-step-logged-in = уваход выкананы як адміністратар
cli-step-oauth2-set = OAuth2 усталяваны
cli-step-waiting-for-consent = чаканне ўваходу
cli-step-signed-in = уваход выкананы
cli-step-saved = захавана (OK)
cli-step-verified = праверана
cli-run-step = [{ $device }] { $step }
cli-run-sign-in = [{ $device }] Уваход: адкрыйце { $url } і ўвядзіце код { $code } (з уліковым запісам, які можа даць згоду ад імя арганізацыі).
cli-run-done = [{ $device }] гатова: уваход выкананы, захавана і праверана.
cli-run-failed = [{ $device }] спынена перад «{ $step }»: { $error }
cli-run-summary =
    { $total ->
        [one] Наладжана { $done } з { $total } прылады.
        [few] Наладжана { $done } з { $total } прылад.
        [many] Наладжана { $done } з { $total } прылад.
       *[other] Наладжана { $done } з { $total } прылады.
    }

## Камандны радок: праверка арандатара

cli-tenant-sign-in = Уваход: адкрыйце { $url } і ўвядзіце код { $code }.
cli-tenant-signed-in = Уваход выкананы як { $account }.
cli-tenant-sending = Адпраўка тэставага ліста з { $from } на { $to } праз { $server }…
cli-check-security-defaults = Параметры бяспекі па змаўчанні адключаны
cli-check-smtp-auth-organisation = SMTP AUTH уключаны для арганізацыі
cli-check-smtp-auth-mailbox = SMTP AUTH уключаны для паштовай скрыні
cli-check-device-code-flow-allowed = Уваход з кодам дазволены (умоўны доступ)
cli-check-consent = Праграма мае згоду
cli-check-sign-in = Уваход
cli-check-test-mail = Тэставы ліст
cli-check-passed = ok
cli-check-failed = ПАМЫЛКА
cli-check-not-checked = не праверана
cli-tenant-cause = прычына: { $cause }
cli-tenant-fix = выпраўленне: { $fix }
cli-tenant-ready = Арандатар гатовы.
cli-tenant-not-ready = Арандатар не гатовы: глядзіце выпраўленні вышэй.

## Камандны радок: выпраўленне непаладак

cli-finding = выяўлена: { $finding }
cli-remedy = рашэнне: { $remedy }

## Камандны радок: рэжым практыкі

cli-practice-running =
    { $count ->
        [one] Трэніровачнае асяроддзе працуе ({ $count } прылада). Ctrl-C спыняе яго.
        [few] Трэніровачнае асяроддзе працуе ({ $count } прылады). Ctrl-C спыняе яго.
        [many] Трэніровачнае асяроддзе працуе ({ $count } прылад). Ctrl-C спыняе яго.
       *[other] Трэніровачнае асяроддзе працуе ({ $count } прылады). Ctrl-C спыняе яго.
    }
cli-practice-point = Накіруйце на яго камандны радок: { $command }
cli-practice-sign-in-as = Увайдзіце як { $account } з паролем { $password }.
cli-practice-control = Кіраванне праз API: { $url }

## Камандны радок: памылкі

cli-error = printoauth: { $error }
