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
cli-manual-title = [{ $device }] Зрабіце гэта на старонцы самой прылады, { $url }:
cli-manual-stopped-here = printoauth спыніўся тут. На старонцы прылады не знойдзена: { $what }
cli-manual-resume = Калі гэта зроблена, працягніце камандай: { $command }
cli-manual-capture = Каб даслаць старонкі прылады разам з паведамленнем пра памылку: { $command }
cli-capture-written =
    { $count ->
        [one] Захавана { $count } старонка без пароляў, токенаў і кодаў: { $file }
        [few] Захавана { $count } старонкі без пароляў, токенаў і кодаў: { $file }
        [many] Захавана { $count } старонак без пароляў, токенаў і кодаў: { $file }
       *[other] Захавана { $count } старонкі без пароляў, токенаў і кодаў: { $file }
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
cli-cause = прычына: { $cause }
cli-fix = выпраўленне: { $fix }
cli-trust-certificate-hint = Калі вы давяраеце новаму сертыфікату: { $command }
cli-certificate-trusted = Сертыфікат { $fingerprint } цяпер давераны для { $device }.
cli-tenant-ready = Арандатар гатовы.
cli-tenant-not-ready = Арандатар не гатовы: глядзіце выпраўленні вышэй.
cli-tenant-through-device = Праверка арандатара праз { $device }: уласная праверка злучэння прылады.
cli-tenant-device-said = Прылада адказала: { $message }
cli-tenant-meanwhile = Пакуль printoauth правярае праз прыладу, наладжаную запускам ад { $time }: { $device }

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
cli-error-address-unreadable = «{ $address }» — не адрас, які printoauth можа прачытаць: укажыце імя хоста, IP-адрас або адрас прылады https://.
cli-error-world-address-bad = У файле трэніровачнага асяроддзя няма прыдатнага адраса прылады { $device }.
cli-error-password-missing = Няма пароля адміністратара для { $device }: задайце { $variable } або запусціце printoauth у тэрмінале.
cli-error-password-unreadable = Не ўдалося прачытаць пароль: { $detail }
cli-error-runtime = printoauth не змог запусціцца: { $detail }
cli-error-world-file-unreadable = Не ўдаецца прачытаць файл трэніровачнага асяроддзя { $file }: { $detail }
cli-error-world-file-unwritable = Не ўдаецца запісаць файл трэніровачнага асяроддзя { $file }: { $detail }
cli-error-capture-unwritable = Не ўдаецца запісаць файл з копіяй старонак { $file }: { $detail }
cli-error-practice-world-failed = Трэніровачнае асяроддзе не запусцілася: { $detail }
cli-error-fingerprint-invalid = «{ $fingerprint }» — не адбітак сертыфіката: укажыце 64 шаснаццатковыя лічбы яго SHA-256.
cli-error-pins-unwritable = Не ўдалося захаваць замацаваныя сертыфікаты: { $detail }
cli-error-sender-missing = Не пазначаны адпраўнік: дайце --sender АДРАС.
cli-error-no-configured-device = У журнале аўдыту яшчэ няма наладжанай прылады, праз якую можна праверыць: назавіце яе праз --device ПРЫЛАДА.
cli-error-configured-device-gone = Прылады { $device }, наладжанай запускам ад { $time }, няма ў гэтым трэніровачным асяроддзі (той запуск карыстаўся ранейшым): назавіце прыладу праз --device ПРЫЛАДА.
cli-error-audit-unreadable = Не ўдалося прачытаць журнал аўдыту: { $detail }
cli-error-report-no-run = У журнале аўдыту няма запуску { $run }: `printoauth audit` паказвае ўсе запускі.
cli-error-report-nothing = Яшчэ не запісана ніводнага запуску: няма пра што складаць справаздачу.
cli-error-report-unwritable = Не ўдалося запісаць справаздачу { $file }: { $detail }
cli-report-written = Справаздача пра запуск { $id } (прылад: { $count }) запісана: { $file }

## Камандны радок: журнал аўдыту

cli-audit-unavailable = Не ўдалося запісаць у журнал аўдыту ({ $detail }): запуск працягваецца без яго.
cli-audit-unavailable-check = Не ўдалося запісаць у журнал аўдыту ({ $detail }): праверка працягваецца без запісу.
cli-unfinished-title = Прылады, якія апошні запуск ({ $time }) не скончыў: { $count }
cli-unfinished-resume = Каб працягнуць іх: { $command }
cli-resume-nothing = Апошні запуск не пакінуў нескончаных прылад: няма чаго працягваць.
cli-resuming = Працягваецца запуск ад { $time }: { $devices }
cli-audit-file = Журнал аўдыту: { $file }
cli-audit-empty = Яшчэ не запісана ніводнага запуску.
cli-audit-run = Запуск { $id } ({ $time }), адпраўнік { $sender }: скончана { $finished } з { $total }
cli-audit-run-practice = Трэніровачны запуск { $id } ({ $time }), адпраўнік { $sender }: скончана { $finished } з { $total }
cli-col-time = ЧАС
cli-col-device = ПРЫЛАДА
cli-col-action = КРОК
cli-col-result = ВЫНІК
cli-col-change = ДА -> ПАСЛЯ
cli-audit-ok = добра
cli-audit-not-started = не пачата
audit-action-logged-in = уваход выкананы
audit-action-oauth2-set = OAuth2 усталяваны
audit-action-sign-in-started = уваход у рахунак пачаты
audit-action-signed-in = уваход у рахунак выкананы
audit-action-saved = захавана (OK)
audit-action-verified = праверана
audit-action-done = гатова
audit-action-failed = не ўдалося
audit-action-cancelled = скасавана

## Праграма: рамка, навігацыя, мовы
## Назвы, якія паказвае сама прылада ў Web Config (Email Server > Basic, Authentication
## Method, Current Status, Signed in, Sign in with Microsoft, OK, …), на ўсіх мовах
## застаюцца па-англійску, таксама ўнутры перакладзеных сказаў.

app-title = printoauth
app-tagline = Офісныя прынтары, якія адпраўляюць пошту праз Exchange Online з уваходам па OAuth 2.0.
app-start-failed = Не ўдалося запусціць printoauth:
app-status-loading = Запуск…
app-status-ready = { $name } { $version } гатовы да працы.
app-about-open = Пра printoauth
app-about-title = Пра printoauth
app-about-version = Версія { $version }
app-about-updates-title = Абнаўленні
app-about-updates-at-start = Шукаць новую версію пры запуску printoauth
app-about-updates-check = Шукаць новую версію зараз
app-about-updates-checking = Пошук новай версіі…
app-about-updates-none = У вас найноўшая версія.
app-about-updates-available = Выйшла версія { $version }. У вас версія { $current }.
app-about-updates-install = Усталяваць і перазапусціць
app-about-updates-installing = Спампоўка, праверка подпісу і ўсталяванне…
app-about-updates-unsupported = Гэтая копія printoauth не абнаўляецца сама. Каб атрымліваць абнаўленні, усталюйце printoauth з яго старонкі спампоўкі.
app-about-updates-what = Каб праверыць, printoauth бярэ нумар найноўшай версіі са сваёй старонкі спампоўкі. Ён не адпраўляе нічога пра вашы прылады ці вашу арганізацыю. Новая версія ўсталёўваецца, толькі калі яе подпіс даводзіць, што яна ад printoauth.
app-nav-label = Крокі
app-nav-devices = Прылады
app-nav-tenant = Microsoft 365
app-nav-wizard = Наладжванне
app-nav-results = Вынікі
app-nav-troubleshoot = Ліквідацыя няспраўнасцей
app-language = Мова
app-practice-banner = Гэтыя прылады, уліковыя запісы і паштовыя скрыні эмулююцца на гэтым камп'ютары. Нічога сапраўднага не змяняецца.
app-error-unknown-code = Адбылася нечаканая памылка (код { $code }).
app-error-unexpected = Адбылася нечаканая памылка ({ $detail }).
app-message-missing = (Гэты тэкст недаступны. Калі ласка, паведаміце пра гэта.)
app-copy = Капіраваць
app-copied = Скапіравана
app-copy-failed = Вылучыце тэкст і скапіруйце яго з дапамогай Ctrl+C.
app-details = Тэхнічныя падрабязнасці
app-block-powershell = PowerShell
app-block-verify = Праверце вынік камандай
app-block-admin-center = У цэнтры адміністравання
app-state-working = Выконваецца
app-state-needs-you = Патрэбны вы
app-state-done = Гатова
app-state-failed = Памылка
app-cancel = Скасаваць
app-yes = так
app-no = не
app-none = няма

## Праграма: прылады

app-devices-title = Прынтары і сканеры ў гэтай сетцы
app-devices-intro = Выберыце прылады, якія павінны адпраўляць пошту з OAuth 2.0. Спіс папаўняецца па меры таго, як прылады адказваюць.
app-devices-searching = Пошук прылад…
app-devices-count =
    { $count ->
        [one] Знойдзена { $count } прылада, выбрана { $selected }.
        [few] Знойдзена { $count } прылады, выбрана { $selected }.
        [many] Знойдзена { $count } прылад, выбрана { $selected }.
       *[other] Знойдзена { $count } прылады, выбрана { $selected }.
    }
app-devices-empty = Пакуль ніводная прылада не адказала.
app-devices-quiet = За { $seconds } с ніводная прылада не адказала. Праверце, ці падключаны гэты камп'ютар да сеткі прынтараў, дадайце прыладу па адрасе або паспрабуйце трэніровачны рэжым.
app-col-vendor = Вытворца
app-col-model = Мадэль
app-col-address = Адрас
app-col-oauth2 = OAuth 2.0 магчымы
app-col-mail-status = Уваход для пошты
app-select-device = Выбраць { $device }
app-select-all = Выбраць усе
app-rescan = Шукаць зноў
app-interface = Сетка
app-interface-default = Звычайныя сеткі (без VPN і віртуальных)
app-interface-all = Усе сеткі
app-interface-virtual = { $name } (віртуальная)
app-unsupported = пакуль не падтрымліваецца
app-practice-device = трэніроўка
app-add-device-label = Дадаць прыладу па IP-адрасе або імені хоста
app-add-device = Дадаць
app-add-device-working = Праверка { $host }…
app-unfinished-title = Прылады, якія апошні запуск ({ $time }) не скончыў: { $count }
app-unfinished-changed = часткова зменена
app-unfinished-last = апошні крок: { $step }
app-unfinished-not-started = не пачата
app-unfinished-waiting = Ніводнай з іх яшчэ няма ў спісе: іх можна будзе працягнуць, калі яны знойдуцца.
app-unfinished-resume = Працягнуць ({ $count })
app-unfinished-dismiss = Не зараз
app-to-wizard =
    { $count ->
        [0] Наладзіць выбраныя прылады
        [one] Наладзіць { $count } прыладу
        [few] Наладзіць { $count } прылады
        [many] Наладзіць { $count } прылад
       *[other] Наладзіць { $count } прылады
    }
app-oauth2-yes = так
app-oauth2-no = не
app-oauth2-unknown = пакуль невядома

## Праграма: трэніровачны рэжым

app-practice-title = Трэніровачны рэжым
app-practice-offer = Спачатку паспрабуйце ўсе крокі ў эмуляваным офісе: эмуляваныя прылады Epson, арандатар Microsoft 365 і паштовая скрыня — усё на гэтым камп'ютары.
app-practice-count = Колькасць трэніровачных прылад
app-practice-start = Запусціць трэніровачны рэжым
app-practice-starting = Запуск эмуляванага офіса…
app-practice-unavailable = Трэніровачны рэжым не ўваходзіць у гэту зборку.
app-practice-accounts = Трэніровачныя ўліковыя запісы (для ўваходу)
app-practice-col-account = Уліковы запіс
app-practice-col-password = Пароль
app-practice-col-role = Роля
app-practice-kind-personal = Асабісты ўліковы запіс Microsoft (Outlook.com): выберыце Outlook.com як сэрвіс
app-practice-kind-federated = Уваходзіць праз уласную старонку ({ $host }): акно ўваходу прапануе ваш браўзер
app-practice-device-password = Адміністратар прылады: карыстальнік { $user }, пароль { $password }
app-practice-sender = Адрас адпраўніка: { $sender }
app-practice-faults = Патрэніравацца з праблемай
app-practice-faults-intro = Уключыце праблему, потым запусціце наладжванне або ліквідацыю няспраўнасцей і паглядзіце, як printoauth яе тлумачыць.
app-practice-fault-device = Прылада для праблемы
app-practice-stop = Выйсці з трэніровачнага рэжыму

## Праграма: арандатар

app-tenant-title = Арандатар Microsoft 365
app-tenant-intro = Адміністратар адзін раз рыхтуе арандатара, перш чым любая прылада зможа адпраўляць пошту з OAuth 2.0.
app-prerequisites = Што патрабуецца арандатару
app-tenant-sender = Адрас адпраўніка для праверкі
app-tenant-sender-hint = Паштовая скрыня, з якой прылады будуць адпраўляць пошту. Праверка адпраўляе з яе тэставы ліст на яе ж адрас.
app-tenant-app-id = Ідэнтыфікатар праграмы (кліента) printoauth у вашага арандатара
app-tenant-app-id-hint = Адзін раз зарэгіструйце printoauth у Microsoft Entra (калі поле пустое, праверка паказвае, як). У трэніровачным рэжыме не патрэбны.
app-tenant-check = Праверка арандатара
app-tenant-check-intro = printoauth уваходзіць у Microsoft 365, счытвае даступныя звесткі і адпраўляе тэставы ліст.
app-tenant-check-start = Праверыць
app-tenant-device-check = Праверыць праз прыладу
app-tenant-device-check-intro = Яшчэ няма ідэнтыфікатара праграмы? Ужо наладжаная прылада (OAuth2, уваход выкананы) можа сама праверыць злучэнне: яе адказ супастаўляецца з тымі ж прычынамі і выпраўленнямі.
app-tenant-device-check-none = Спачатку дадайце або знайдзіце прыладу (экран «Прылады»).
app-tenant-device-check-device = Прылада
app-tenant-device-check-password = Яе пароль адміністратара (калі не запомнены)
app-tenant-device-check-start = Праверыць праз гэту прыладу
app-tenant-device-said = Прылада адказала: { $message }
app-tenant-signing-in = Увайдзіце з уліковым запісам адміністратара: адкрыйце акно ўваходу (або { $url }) і ўвядзіце гэты код:
app-code-expires = Код дзейнічае да { DATETIME($time, hour: "numeric", minute: "2-digit") }.
app-tenant-signed-in = Уваход выкананы як { $account }.
app-tenant-signed-in-unknown = Уваход выкананы.
app-tenant-sending = Адпраўка тэставага ліста з { $from } на { $to } праз { $host }:{ $port }…
app-tenant-passed = Арандатар гатовы.
app-tenant-failed = Арандатар яшчэ не гатовы: глядзіце ніжэй, што трэба выправіць.
app-tenant-results = Вынікі праверкі
app-check-passed = пройдзена
app-check-failed = не пройдзена
app-check-not-checked = не праверана
app-cause = Прычына
app-fix = Што рабіць
app-evidence = Адказ сервера

## Праграма: майстар наладжвання

app-wizard-title = Наладжванне OAuth 2.0 на прыладах
app-wizard-devices =
    { $count ->
        [0] Ніводная прылада не выбрана. Спачатку выберыце прылады на экране «Прылады».
        [one] Выбрана { $count } прылада.
        [few] Выбрана { $count } прылады.
        [many] Выбрана { $count } прылад.
       *[other] Выбрана { $count } прылады.
    }
app-admin-user = Імя карыстальніка адміністратара прылады
app-admin-user-hint = У бізнес-мадэляў Epson імя карыстальніка адміністратара пустое, калі яго ніхто не задаў: пакіньце поле пустым, калі адміністратар прылады не выбраў імя. Мадэлі, якія запытваюць толькі пароль, яго не ўлічваюць.
app-shared-password = Пароль адміністратара прылады (агульны для ўсіх)
app-per-device-passwords = Асобны пароль для кожнай прылады
app-device-password = Пароль для { $device }
app-remember-passwords = Запомніць паролі ў сховішчы ключоў гэтага камп'ютара
app-password-remembered = (пароль захаваны ў сховішчы ключоў)
app-sender = Адрас адпраўніка
app-sender-hint = Паштовая скрыня, з якой прылады адпраўляюць пошту. Пазней трэба будзе ўвайсці з гэтым уліковым запісам або з тым, якому дазволена адпраўляць пошту ад яго імя.
app-service = Email service
app-service-exchange-online = Microsoft Exchange Online (праца або навучанне)
app-service-outlook-com = Outlook.com (асабісты)
app-embedded-sign-in = Увайсці ў акне printoauth (код уводзіцца аўтаматычна)
app-run-start = Пачаць
app-run-cancel = Спыніць
app-invalid-no-devices = Выберыце хаця б адну прыладу.
app-invalid-sender-empty = Увядзіце адрас адпраўніка.
app-invalid-sender = «{ $address }» не з'яўляецца адрасам электроннай пошты.
app-invalid-password = Увядзіце пароль адміністратара.
app-invalid-device-password = Увядзіце пароль адміністратара для { $device }.
app-run-progress = Ход выканання
app-run-summary = Гатова: { $done }, памылак: { $failed }, выконваецца: { $working }, чакаюць вас: { $waiting }.
app-run-needs-you = Уваход для гэтай прылады: увядзіце гэты код на старонцы Microsoft з уліковым запісам, які можа даць згоду ад імя арганізацыі, і адзначце «Згода ад імя арганізацыі».
app-show-sign-in-window = Паказаць акно ўваходу
app-open-in-browser = Адкрыць у браўзеры
app-copy-code = Скапіраваць код
app-consent-window-open = Акно ўваходу адкрыта.
app-sign-in-elsewhere-title = Уваход працягваецца ў вашым браўзеры
app-sign-in-elsewhere-body = Ваша арганізацыя ўваходзіць праз уласную старонку ўваходу, { $host }. Гэта акно адкрывае толькі старонкі ўваходу Microsoft, таму тую старонку яно не адкрые.
app-sign-in-elsewhere-copied = Код { $code } скапіяваны. У браўзеры ўстаўце яго на старонцы Microsoft, а потым увайдзіце як звычайна.
app-sign-in-elsewhere-not-copied = У браўзеры ўвядзіце код { $code } на старонцы Microsoft, а потым увайдзіце як звычайна.
app-sign-in-elsewhere-button = Працягнуць у маім браўзеры
app-sign-in-elsewhere-opened = Старонка ўваходу адкрыта ў вашым браўзеры.
app-run-failed-at = Спынена перад «{ $step }».
app-run-running = Наладжванне выконваецца. Гэты экран можна пакінуць — праца працягнецца.

## Праграма: вынікі

app-results-title = Вынікі
app-results-empty = Пакуль нічога не наладжана.
app-results-summary =
    { $total ->
        [one] Наладжана { $done } з { $total } прылады, памылак: { $failed }.
        [few] Наладжана { $done } з { $total } прылад, памылак: { $failed }.
        [many] Наладжана { $done } з { $total } прылад, памылак: { $failed }.
       *[other] Наладжана { $done } з { $total } прылады, памылак: { $failed }.
    }
app-results-changes = Што змянілася
app-change-before-after = { $before } → { $after }
app-change-set = зададзена { $after }
app-no-changes = Нічога не трэба было змяняць.
app-result-error = Што пайшло не так
app-result-generic-fix = Праверце вэб-старонку прылады (Email Server > Basic) і паўтарыце спробу. Калі памылка паўторыцца, адкрыйце «Ліквідацыя няспраўнасцей».
app-report-title = Справаздача для кліента
app-report-hint = Кожная прылада, што змянілася, і праверка Microsoft 365 — на гэтай мове. У ёй няма ніводнага пароля, токена ці кода ўваходу.
app-report-site = Аб'ект (друкуецца ў справаздачы)
app-report-format = Фармат
app-report-save = Захаваць справаздачу
app-report-saved = Захавана: { $file } ({ $devices ->
        [one] { $devices } прылада
        [few] { $devices } прылады
       *[other] { $devices } прылад
    }).
app-report-open = Адкрыць
app-report-show-folder = Паказаць у папцы
app-retry = Паўтарыць
app-trust-certificate = Давяраць новаму сертыфікату і паўтарыць
app-troubleshoot-device = Ліквідацыя няспраўнасцей
app-manual-open = Зрабіць гэты крок на старонцы прылады
app-manual-title = На старонцы самой прылады
app-manual-intro = printoauth не змог прачытаць старонку гэтай прылады. Зрабіце гэтыя крокі на старонцы самой прылады, { $url } (яна адкрываецца ў вашым браўзеры), потым націсніце «Праверыць зноў».
app-manual-missing = На старонцы прылады не знойдзена: { $what }
app-manual-stopped-here = printoauth спыніўся тут
app-manual-open-again = Зноў адкрыць старонку прылады
app-manual-check-again = Праверыць зноў

## Праграма: ліквідацыя няспраўнасцей

app-troubleshoot-title = Ліквідацыя няспраўнасцей прылады
app-troubleshoot-intro = printoauth счытвае налады пошты прылады, стан уваходу і апошнія заданні і падказвае, што рабіць.
app-troubleshoot-choose = Прылада
app-troubleshoot-none = Прылад пакуль няма: знайдзіце іх на экране «Прылады».
app-troubleshoot-password = Пароль адміністратара прылады
app-troubleshoot-run = Праверыць прыладу
app-troubleshoot-working = Счытванне звестак з прылады…
# Назва з Web Config: пакіньце па-англійску.
app-health-auth = Authentication Method
# Назва з Web Config: пакіньце па-англійску.
app-health-sender = Sender's Email Address
app-health-signed-in = Signed in
app-health-account = Уліковы запіс
app-health-panel = Паведамленне прылады
app-health-jobs = Апошнія заданні
app-health-no-jobs = Няма апошніх заданняў пошты.
app-job-code-360 = 360: няма падключэння да воблачнага сэрвісу або сэрвісу электроннай пошты.
app-job-code-361 = 361: скончыўся тэрмін дзеяння падключэння да воблачнага сэрвісу або сэрвісу электроннай пошты; падключыцеся зноў.
app-job-code-370 = 370: прылада павінна зноў увайсці ў воблачны сэрвіс.
app-job-code-other = Код { $code }.
app-job-succeeded = Адпраўлена.
app-job-no-connection = Няма падключэння да воблачнага сэрвісу або сэрвісу электроннай пошты.
app-job-connection-expired = Скончыўся тэрмін дзеяння падключэння да воблачнага сэрвісу або сэрвісу электроннай пошты.
app-job-sign-in-required = Прылада павінна ўвайсці зноў.
app-job-other-error = Памылка.
app-job-other = Іншае (выконваецца або скасавана).
app-diagnoses = Што выявіў printoauth
app-remedy-resave = Адправіць налады зноў
app-remedy-sign-in-again = Увайсці зноў
app-remedy-configure = Наладзіць зараз
app-remedy-show-instructions = Паказаць, што рабіць
app-instructions-check-device-network = На панэлі кіравання прылады адкрыйце Настройкі > Агульныя налады > Сеткавыя налады > Стан сеткі > Статус сервера электроннай пошты. Праверце, ці ёсць у прылады шлюз і DNS-сервер і ці дазваляе брандмаўэр падключацца да SMTP Server Address з Email Server > Basic праз порт 587.
app-instructions-review-conditional-access = У цэнтры адміністравання Microsoft Entra адкрыйце палітыкі ўмоўнага доступу. Знайдзіце тую, што блакіруе ўваход з кодам прылады (напрыклад, «Block device code flow»), і выключыце з яе ўліковы запіс адміністратара, які выконвае ўваход прылад, або праграму прылады.
app-resave-done = Налады зноў адпраўлены на прыладу.

## Праграма: крокі наладжвання (па адным на крок)

step-found = Знойдзена
step-logged-in = Уваход выкананы як адміністратар
step-oauth2-set = Выбраны OAuth2
step-waiting-for-consent = Чаканне ўваходу
step-signed-in = Уваход выкананы
step-saved = Захавана (OK)
step-verified = Праверана

## Праграма: стан пошты прылады

mail-status-not-checked = не праверана
mail-status-basic-auth = пароль (базавая аўтэнтыфікацыя)
mail-status-oauth2-signed-out = OAuth2, уваход не выкананы
mail-status-oauth2-signed-in = OAuth2, уваход выкананы

## Праграма: налады, якія змяняе наладжванне
## Гэта ўласныя назвы прылады на Email Server > Basic: пакіньце іх па-англійску.

change-authentication-method = Authentication Method
change-email-service = Email service
change-sender = Sender's Email Address
change-smtp-server = SMTP Server Address
change-port = SMTP Server Port Number
change-secure-connection = Secure Connection
change-current-status = Current Status

## Праграма: трэніровачныя праблемы

fault-wrong-password = Пароль адміністратара прылады іншы
fault-no-oauth2 = Прашыўка прылады не падтрымлівае OAuth2
fault-conditional-access = Умоўны доступ блакіруе ўваход з кодам (увесь арандатар)
fault-expired-sign-in = Тэрмін дзеяння ўваходу прылады скончыўся
fault-unreadable-page = Старонка, якую printoauth не можа прачытаць (кнопка Sign In названа інакш)

## Праграма: праверкі арандатара і патрабаванні

check-security-defaults = Параметры бяспекі па змаўчанні адключаны
check-security-defaults-what = Параметры бяспекі па змаўчанні блакіруюць SMTP AUTH; адключыце іх для арганізацыі.
check-smtp-auth-organisation = SMTP AUTH уключаны для арганізацыі
check-smtp-auth-organisation-what = Прылады адпраўляюць пошту па SMTP, таму SMTP AUTH павінен заставацца ўключаным, у тым ліку з OAuth 2.0.
check-smtp-auth-mailbox = SMTP AUTH уключаны для паштовай скрыні адпраўніка
check-smtp-auth-mailbox-what = Уласны параметр паштовай скрыні мае перавагу над параметрам арганізацыі; ён павінен быць уключаны або пусты.
check-device-code-flow-allowed = Уваход з кодам дазволены
check-device-code-flow-allowed-what = Прылады ўваходзяць з дапамогай кода; палітыка ўмоўнага доступу не павінна блакіраваць такі ўваход.
check-consent = Праграма мае згоду
check-consent-what = Першы ўваход рэгіструе праграму прылады; адміністратар дае згоду ад імя арганізацыі.
check-sign-in = Уваход
check-sign-in-what = printoauth уваходзіць у Microsoft 365 з кодам — так, як гэта робяць прылады.
check-test-mail = Тэставы ліст
check-test-mail-what = Ліст, адпраўлены з OAuth 2.0 з паштовай скрыні адпраўніка, пацвярджае, што працуе ўвесь шлях.

## Памылкі (па адной на код; спачатку коды праграмы, потым рухавіка)

error-internal = Унутры printoauth нешта пайшло не так.
error-practice-unavailable = Трэніровачны рэжым не ўваходзіць у гэту зборку.
error-practice-not-running = Трэніровачны рэжым не запушчаны.
error-device-unknown = printoauth не ведае прылады { $id }. Пашукайце зноў.
error-device-unsupported = printoauth пакуль не можа наладзіць гэту прыладу { $vendor }.
error-run-in-progress = Наладжванне ўжо выконваецца. Дачакайцеся яго завяршэння або спыніце яго.
error-no-devices-selected = Выберыце хаця б адну прыладу.
error-run-sender-invalid = «{ $address }» не з'яўляецца адрасам электроннай пошты.
error-password-missing = Няма пароля адміністратара для { $device }.
error-url-not-allowed = printoauth адкрывае толькі старонкі ўваходу Microsoft, а не { $url }.
error-tenant-check-in-progress = Праверка арандатара ўжо выконваецца.
error-update-unavailable = Гэтая копія printoauth не абнаўляецца сама. Каб атрымліваць абнаўленні, усталюйце printoauth з яго старонкі спампоўкі.
error-update-check-failed = printoauth не змог даведацца, ці ёсць новая версія. Праверце злучэнне з інтэрнэтам і паспрабуйце пазней.
error-update-install-failed = Не ўдалося ўсталяваць новую версію. Ваша цяперашняя версія працуе далей: паспрабуйце пазней або ўсталюйце новую версію са старонкі спампоўкі.
error-report-no-run = Пакуль няма наладкі, пра якую можна скласці справаздачу: спачатку наладзьце прылады.
error-report-unwritable = Не ўдалося захаваць справаздачу як { $file }: { $detail }
error-report-not-found = { $file } больш няма ў папцы справаздач (перамешчана або выдалена). Захавайце справаздачу яшчэ раз.
error-run-cancelled = Спынена: наладжванне скасавана, перш чым гэта прылада была наладжана.
error-device-unreachable = Прылада па адрасе { $address } не адказвае.
error-device-not-recognised = Вэб-сервер па адрасе { $address } не паказвае старонку прылады, якую ведае printoauth.
error-device-https-unavailable = Прылада па адрасе { $address } не адказвае па HTTPS.
error-device-tls-too-old = Прылада па адрасе { $address } прапануе толькі старую версію TLS, якой printoauth не карыстаецца (патрэбна TLS 1.2 або навейшая). Абнавіце прашыўку прылады: прашыўка з OAuth2 падтрымлівае і TLS 1.2.
error-device-certificate-changed = Сертыфікат прылады па адрасе { $address } змяніўся з таго часу, як printoauth убачыў яго ўпершыню (быў { $pinned_sha256 }, цяпер { $found_sha256 }).
error-device-pin-store = printoauth не змог прачытаць або запісаць свой спіс сертыфікатаў прылад ({ $location }).
error-device-http-status = Прылада працягвала адказваць памылкай { $status } (старонка { $path }, спроб: { $attempts }).
error-device-restart-timeout = Прылада па адрасе { $address } перазапусцілася і не адказала на працягу { $waited_secs } с.
error-device-page-not-understood = printoauth не зразумеў старонку прылады { $page }: адсутнічае «{ $missing }».
error-device-login-rejected =
    { $family ->
        [consumer] Прылада не прыняла пароль адміністратара.
       *[other] Прылада не прыняла імя карыстальніка або пароль адміністратара.
    }
error-device-login-locked-out = Занадта шмат няўдалых спроб уваходу: прылада часова не дазваляе ўваходзіць.
error-device-not-logged-in = printoauth не ўвайшоў у прыладу.
error-device-session-lost = Прылада раз за разам завяршала сеанс (разоў: { $attempts }).
error-device-oauth2-unavailable = Прашыўка гэтай прылады не падтрымлівае OAuth2.
error-device-additional-network = Падключэнне да прылады ідзе праз дадатковую сетку, якая не падтрымлівае OAuth 2.0.
error-device-refused = Прылада не прыняла налады на { $page }: «{ $device_message }»
error-device-invalid-value = Значэнне «{ $value }» нельга задаць для { $field }.
error-device-already-signed-in = На прыладзе ўжо выкананы ўваход.
error-device-sign-in-not-started = Уваход на прыладзе не быў пачаты.
error-device-fax-server-unavailable = У гэтай прылады няма налад пошты для факс-сервера.
error-device-save-not-confirmed = Прылада не пацвердзіла захаванне на { $page }.
error-device-verify-mismatch = Пасля захавання прылада паказвае налады, якія адрозніваюцца ад адпраўленых.
error-device-connection-test-unavailable = На гэтай прыладзе няма праверкі злучэння з паштовым серверам, якую printoauth мог бы запусціць.
error-device-job-history-unreadable = printoauth не змог прачытаць гісторыю заданняў прылады (адсутнічае { $missing }).
error-discovery-host-network-refused = Пошук адключаны ў гэтым тэставым асяроддзі ({ $namespace }).
error-discovery-mdns-unavailable = Зараз немагчыма шукаць у сетцы. Дадайце прылады па адрасе.
error-discovery-invalid-service-type = Няправільны тып сэрвісу { $service_type }.
error-discovery-interface-not-found = На гэтым камп'ютары няма сеткі з назвай { $names }.
error-discovery-probe-invalid-host = «{ $host }» не з'яўляецца IP-адрасам або імем хоста.
error-discovery-probe-unreachable = Па адрасе { $host } не адказала ніводная вэб-старонка.
error-identity-authority-invalid = Адрас уваходу { $url } нельга выкарыстаць.
error-identity-authority-unreachable = Служба ўваходу Microsoft па адрасе { $url } недаступная.
error-identity-unexpected-response = Служба ўваходу па адрасе { $url } вярнула нечаканы адказ.
error-identity-authorization-pending = Пакуль ніхто не завяршыў уваход.
error-identity-authorization-declined = Уваход быў адхілены.
error-identity-device-code-expired = Тэрмін дзеяння кода скончыўся, перш чым хтосьці ўвайшоў.
error-identity-bad-verification-code = Код няправільны або ўжо выкарыстаны.
error-identity-invalid-client = Microsoft 365 не прымае ўваход гэтай праграмы (патокі публічных кліентаў адключаны або праграма невядомая).
error-identity-conditional-access-blocked = Палітыка ўмоўнага доступу заблакіравала ўваход.
error-identity-security-defaults-blocked = Параметры бяспекі па змаўчанні заблакіравалі ўваход.
error-identity-admin-consent-required = Адміністратар павінен даць згоду ад імя арганізацыі.
error-identity-consent-required = Згода не дадзена.
error-identity-session-expired = Уваход больш не дзейнічае.
error-identity-rejected = Microsoft 365 адхіліў уваход ({ $error }).
error-identity-no-access-token = Пры ўваходзе не атрыманы прыдатны токен.
error-identity-app-id-missing = У printoauth няма ідэнтыфікатара праграмы (кліента) для гэтага арандатара: адзін раз зарэгіструйце printoauth, потым дайце яго ідэнтыфікатар.
error-identity-cancelled = Уваход скасаваны.
error-identity-timed-out = На працягу { $after_secs } с ніхто не завяршыў уваход.
error-mail-address-invalid = «{ $address }» не з'яўляецца адрасам электроннай пошты.
error-mail-ca-certificate-invalid = Дадатковы сертыфікат ЦС несапраўдны.
error-mail-connection-failed = Няма падключэння да паштовага сервера { $host }:{ $port }.
error-mail-tls-failed = Не ўдалося ўсталяваць абароненае падключэнне да { $host }:{ $port } ({ $tls_name }).
error-mail-timed-out = Паштовы сервер { $host }:{ $port } перастаў адказваць.
error-mail-xoauth2-not-offered = Паштовы сервер { $host }:{ $port } не прапануе OAuth 2.0 (XOAUTH2).
error-mail-smtp-auth-disabled-organisation = SMTP AUTH адключаны для арганізацыі.
error-mail-smtp-auth-disabled-mailbox = SMTP AUTH адключаны для паштовай скрыні { $mailbox }.
error-mail-security-defaults = Параметры бяспекі па змаўчанні блакіруюць SMTP AUTH.
error-mail-smtp-auth-disabled = SMTP AUTH адключаны для { $mailbox } або для арганізацыі.
error-mail-authentication-unsuccessful = Паштовы сервер не прыняў уваход { $account }.
error-mail-client-not-authenticated = Ліст быў адпраўлены без уваходу.
error-mail-send-as-denied = { $account } не мае права адпраўляць пошту ад імя { $from }.
error-mail-xoauth2-user-invalid = Карыстальнік { $account } не з'яўляецца сапраўдным адрасам паштовай скрыні.
error-mail-basic-auth-not-supported = Сервер не прымае базавую аўтэнтыфікацыю (паролі).
error-mail-server-busy = Паштовы сервер заняты.
error-mail-rejected = Паштовы сервер адхіліў ліст.
error-mail-protocol-error = Абмен данымі з { $host }:{ $port } перарваўся.
error-run-sign-in-failed = Прылада паведамляе, што ўваход не ўдаўся: «{ $detail }»
error-run-sign-in-timed-out = На працягу { $waited_secs } с ніхто не завяршыў уваход.
error-run-signed-out-while-waiting = Падчас чакання на прыладзе быў выкананы выхад (магчыма, яна перазапусцілася).

# A run's waits (the app and the CLI): what the device keeps the run waiting for, and how long at most.
wait-device-away = Прылада не адказвае (перазапускаецца?): спрабуем зноў да { $secs } с.
wait-device-server-error = Прылада адказала памылкай: пытаемся зноў да { $secs } с.
wait-device-restarting = Прылада перазапускаецца, каб ужыць налады: чакаем да { $secs } с.
wait-over = Прылада зноў адказвае.

## Прычыны, выяўленыя праверкай арандатара

cause-security-defaults-on = Для арандатара ўключаны параметры бяспекі па змаўчанні.
cause-smtp-auth-disabled-organisation = SMTP AUTH адключаны для арганізацыі.
cause-smtp-auth-disabled-mailbox = SMTP AUTH адключаны для паштовай скрыні { $mailbox }.
cause-smtp-auth-disabled = SMTP AUTH адключаны для { $mailbox } або для арганізацыі.
cause-conditional-access-blocked = Палітыка ўмоўнага доступу блакіруе ўваход з кодам.
cause-application-not-usable = Праграма { $client_id } не можа ўваходзіць з кодам (патокі публічных кліентаў адключаны або праграма невядомая).
cause-app-id-missing = printoauth не атрымаў ідэнтыфікатар праграмы (кліента) для гэтага арандатара, або атрыманы несапраўдны.
cause-admin-consent-required = Адміністратар павінен даць згоду ад імя арганізацыі.
cause-consent-not-granted = Згода не была дадзена.
cause-sign-in-declined = Уваход быў адхілены.
cause-device-code-expired = Тэрмін дзеяння кода скончыўся, перш чым хтосьці ўвайшоў.
cause-device-code-invalid = Код няправільны, ужо выкарыстаны або адхілены.
cause-session-expired = Уваход больш не дзейнічае.
cause-sign-in-rejected = Microsoft 365 адхіліў уваход ({ $error }).
cause-cancelled = Праверка скасавана.
cause-sign-in-timed-out = На працягу { $after_secs } с ніхто не завяршыў уваход.
cause-authority-unreachable = Служба ўваходу па адрасе { $url } недаступная.
cause-account-unknown = Пры ўваходзе не паведамлена, які ўліковы запіс увайшоў.
cause-token-rejected = Паштовы сервер не прыняў уваход { $account } (тэрмін дзеяння скончыўся або ўваход належыць іншаму ўліковаму запісу).
cause-client-not-authenticated = Ліст быў адпраўлены без уваходу.
cause-send-as-denied = { $account } не мае права адпраўляць пошту ад імя { $from }.
cause-xoauth2-user-invalid = { $account } не з'яўляецца сапраўдным адрасам паштовай скрыні.
cause-basic-auth-not-supported = Выкарыстана базавая аўтэнтыфікацыя (пароль); яна не падтрымліваецца.
cause-smtp-server-unreachable = Няма падключэння да паштовага сервера { $host }:{ $port }.
cause-smtp-tls-failed = Не ўдалося ўсталяваць абароненае падключэнне да { $host }:{ $port } ({ $tls_name }).
cause-xoauth2-not-offered = Паштовы сервер { $host }:{ $port } не прапануе OAuth 2.0.
cause-smtp-server-busy = Паштовы сервер заняты (код { $code }).
cause-smtp-rejected = Паштовы сервер адмовіў (код { $code }).
cause-address-invalid = «{ $address }» не з'яўляецца адрасам электроннай пошты.
cause-ca-certificate-invalid = Зададзены сертыфікат ЦС несапраўдны.

## Выпраўленні для прычын, выяўленых праверкай арандатара

fix-turn-off-security-defaults = Адключыце параметры бяспекі па змаўчанні для арганізацыі.
fix-enable-smtp-auth-organisation = Уключыце SMTP AUTH для арганізацыі. (Калі ён адключаны, блакіруецца і пошта з OAuth 2.0, а не толькі паролі.)
fix-enable-smtp-auth-mailbox = Уключыце SMTP AUTH для паштовай скрыні { $mailbox }. Яе ўласны параметр мае перавагу над параметрам арганізацыі.
fix-enable-smtp-auth = Уключыце SMTP AUTH для арганізацыі і для паштовай скрыні { $mailbox }.
fix-review-conditional-access = Выключыце ўліковы запіс адміністратара (або праграму прылады) з палітыкі ўмоўнага доступу «{ $policy }».
fix-allow-public-client-flows = Дазвольце патокі публічных кліентаў (Allow public client flows) для праграмы { $client_id } або выкарыстоўвайце правільную праграму.
fix-register-app = Адзін раз зарэгіструйце printoauth у арандатара, як сказана ў кроках ніжэй (public client flows уключаны, дэлегаваны дазвол { $permission }), потым дайце printoauth яго ідэнтыфікатар праграмы (кліента): на экране Microsoft 365 або ў { $setting }.
fix-grant-admin-consent = Увайдзіце з уліковым запісам адміністратара і адзначце «Згода ад імя арганізацыі» або дайце згоду ў цэнтры адміністравання.
fix-sign-in-again = Паўтарыце спробу і завяршыце ўваход, пакуль код дзейнічае.
fix-check-connection = Праверце сетку, проксі і брандмаўэр для { $host }:{ $port }.
fix-check-tls = Праверце імя { $tls_name } і давераныя сертыфікаты для { $host }.
fix-check-authority = Праверце адрас службы ўваходу { $url }.
fix-use-signed-in-mailbox-as-sender = Зрабіце { $account } адпраўніком або дазвольце { $account } адпраўляць пошту ад імя { $from }.
fix-use-mailbox-address = Увайдзіце з адрасам паштовай скрыні { $account }.
fix-use-oauth = Выкарыстоўвайце OAuth 2.0 замест пароля.
fix-enable-authentication = Уключыце аўтэнтыфікацыю на прыладзе, якая адпраўляе пошту.
fix-use-exchange-online-server = Выкарыстоўвайце сервер { $host }, порт { $port }.
fix-retry-later = Паўтарыце спробу пазней.
fix-correct-address = Выпраўце адрас «{ $address }».
fix-see-details = Прачытайце паведамленне сервера ў падрабязнасцях.

## Што рабіць з прыладай, наладжванне якой не завяршылася

fix-check-admin-password = Праверце пароль адміністратара прылады (часта ён указаны на наклейцы на прыладзе або быў зададзены пры ўсталёўцы). Для бізнес-мадэлей патрэбна таксама імя карыстальніка.
fix-wait-for-lock-out = Занадта шмат няправільных пароляў: пачакайце, пакуль прылада зноў пачне дазваляць уваход, і паўтарыце спробу з правільным паролем.
fix-update-firmware = Абнавіце прашыўку прылады да версіі з OAuth2 і паўтарыце спробу.
fix-use-standard-network = Падключайцеся да прылады праз яе стандартную сетку: дадатковая сетка не падтрымлівае OAuth 2.0.
fix-check-device-connection = Праверце, ці ўключана прылада па адрасе { $address } і ці даступная яна з гэтага камп'ютара.
fix-check-device-address = Праверце, што { $address } — уласны адрас прылады (яго паказвае аркуш стану сеткі прылады). Пакуль printoauth наладжвае прылады Epson з Web Config.
fix-confirm-certificate = Скід або абнаўленне прашыўкі дае прыладзе новы сертыфікат: калі так было, праверце, што на старонцы самой прылады (Network Security > SSL/TLS > Certificate) паказаны новы адбітак { $found_sha256 }, давярайце яму і паўтарыце спробу. Калі нічога такога не было, спыніцеся: па адрасе { $address } можа адказваць іншая прылада.
fix-retry-or-report = Паўтарыце спробу. Калі памылка паўторыцца, адпраўце тэхнічныя падрабязнасці ў службу падтрымкі.
fix-do-on-device-page = printoauth не змог прачытаць старонку прылады: зрабіце гэты крок на старонцы самой прылады, потым праверце зноў.

## Вынікі ліквідацыі няспраўнасцей

cause-healthy = Усё ў парадку: OAuth 2.0 наладжаны, уваход выкананы.
cause-still-on-basic-auth = Прылада ўсё яшчэ ўваходзіць з паролем ({ $method }). Exchange Online гэта не дазваляе.
cause-signed-in-not-saved = Current Status паказвае Signed in, але налады не былі адпраўлены на прыладу (OK не націснута).
cause-not-signed-in = OAuth2 выбраны, але ўваход ніхто не выканаў.
cause-sign-in-expired = Тэрмін дзеяння ўваходу прылады скончыўся (прылада доўга не выкарыстоўвалася або мінуў інтэрвал частаты ўваходу).
cause-must-sign-in-again = Прылада павінна ўвайсці зноў.
cause-no-connection = У прылады няма падключэння да воблачнага сэрвісу або сэрвісу электроннай пошты.
cause-sign-in-failed = Уваход прылады не ўдаўся: «{ $detail }»

## Рашэнні для выяўленых праблем

fix-none = Нічога рабіць не трэба.
fix-configure = Наладзьце OAuth 2.0 з Exchange Online і ўвайдзіце.
fix-resave = Зноў націсніце OK на Email Server > Basic, каб адправіць налады на прыладу.
fix-check-device-network = Праверце сетку прылады і ці ёсць у яе доступ да паштовага сэрвісу.

## Крокі на старонцы самой прылады, калі printoauth не змог яе прачытаць
## (назвы самой прылады застаюцца па-англійску, як у кіраўніцтве вытворцы)

manual-open-web-config = Адкрыйце { $url } у браўзеры на камп'ютары ў той жа сетцы. Браўзер можа папярэдзіць пра ўласны сертыфікат прылады.
manual-log-in = Увайдзіце як адміністратар: Log in, пароль адміністратара, OK.
manual-open-email-server-basic = Адкрыйце ўкладку Network, потым Email Server > Basic.
manual-set-auth-method-oauth2 = Для Authentication Method выберыце OAuth2.
manual-set-email-service = Для Email service выберыце { $service }. Старонка папярэджвае, што з любога іншага паштовага сэрвісу будзе выкананы выхад.
manual-press-sign-in = Націсніце Sign In.
manual-press-sign-in-with-microsoft = Націсніце «Sign in with Microsoft». Старонка пакажа код і адрас.
manual-enter-shown-code = У браўзеры адкрыйце адрас, які паказвае старонка, увядзіце паказаны код і націсніце Next.
manual-enter-code = У браўзеры адкрыйце { $url }, увядзіце код { $code } і націсніце Next.
manual-sign-in-as-administrator = Увайдзіце з уліковым запісам, які мае ролю Cloud Application Administrator або вышэйшую: яго пароль, потым Sign In.
manual-consent-for-organisation = На старонцы «Permissions requested» адзначце «Consent on behalf of your organization» і націсніце Accept. Калі старонка паведаміць, што вы ўвайшлі, закрыйце яе.
manual-check-signed-in = Вярніцеся на Email Server > Basic і абнавіце старонку: Current Status паказвае Signed in.
manual-check-values = Праверце іншыя значэнні: Sender's Email Address { $sender }, SMTP Server Address { $server }, SMTP Server Port Number { $port }, Secure Connection STARTTLS, Certificate Validation Enable.
manual-press-ok = Націсніце OK, каб адправіць налады на прынтар, потым OK на старонцы пацвярджэння. На старонцы з'явіцца «Setup complete.»

## Чаго printoauth не знайшоў на старонцы прылады

missing-button = кнопка «{ $label }»
missing-field = поле «{ $label }»
missing-option = варыянт «{ $option }» поля «{ $field }»
missing-menu-entry = пункт меню «{ $path }»
missing-page = старонка «{ $path }»
missing-row = радок «{ $label }»
missing-login-form = форма ўваходу адміністратара
missing-confirmation-form = старонка пацвярджэння захавання
missing-save-confirmation = паведамленне «Setup complete.» пасля захавання
missing-sign-in-code = код уваходу
missing-verification-url = адрас, дзе ўводзіцца код
missing-other = «{ $what }»

## Inventory: every device, read without changing it (the command line and the app)

cli-col-firmware = ПРАШЫЎКА
cli-col-oauth2 = OAUTH2
cli-col-auth = АЎТЭНТЫФІКАЦЫЯ
cli-col-signed-in = УВАХОД ЯК
cli-col-sender = АДПРАЎШЧЫК
cli-col-password = ПАРОЛЬ ЗАХАВАНЫ
cli-col-last-mail = АПОШНЯЕ ЗАДАННЕ ПОШТЫ
cli-inventory-password-prompt = Пароль адміністратара прылад (Enter: паказаць спіс без уваходу):
cli-inventory-signed-out = уваход не выкананы
cli-inventory-job-ok = { $time }: адпраўлена
cli-inventory-job-failed = { $time }: не атрымалася ({ $result })
cli-inventory-why = OAuth2: { $reason }
cli-inventory-instead = замест гэтага: { $alternative }
cli-inventory-summary =
    { $total ->
        [one] { $total } прылада: ужо на OAuth2 — { $oauth2 }, можна перавесці — { $possible }, нельга — { $cannot }, невядома — { $unknown }.
        [few] { $total } прылады: ужо на OAuth2 — { $oauth2 }, можна перавесці — { $possible }, нельга — { $cannot }, невядома — { $unknown }.
        [many] { $total } прылад: ужо на OAuth2 — { $oauth2 }, можна перавесці — { $possible }, нельга — { $cannot }, невядома — { $unknown }.
       *[other] { $total } прылады: ужо на OAuth2 — { $oauth2 }, можна перавесці — { $possible }, нельга — { $cannot }, невядома — { $unknown }.
    }
app-inventory-read = Прачытаць прылады
app-inventory-reading = Прылады чытаюцца (на іх нічога не мяняецца)…
app-inventory-password = Пароль адміністратара для чытання (выкарыстоўваецца адзін раз, не захоўваецца)
app-inventory-details = Падрабязнасці
app-inventory-firmware = Прашыўка
app-inventory-oauth2 = OAuth 2.0
app-inventory-auth = Аўтэнтыфікацыя
app-inventory-signed-in = Уваход як
app-inventory-signed-out = уваход не выкананы
app-inventory-sender = Адпраўшчык
app-inventory-last-mail = Апошняе заданне пошты
app-inventory-job-ok = { $time }: адпраўлена
app-inventory-job-failed = { $time }: не атрымалася ({ $result })
app-inventory-password-kept = Пароль запомнены
app-inventory-alternatives = Замест OAuth 2.0

read-state-read = прачытана
read-state-password-needed = Не прачытана: патрэбны пароль адміністратара. Вытворца і мадэль — тое, што прылада абвяшчае ў сетцы.
read-state-password-refused = Не прачытана: прылада адхіліла пароль адміністратара.
read-state-no-driver = Не прачытана: printoauth пакуль не ўмее чытаць прылады гэтага вытворцы. Вытворца і мадэль — тое, што прылада абвяшчае ў сетцы.
read-state-failed = Не прачытана: прыладу не ўдалося прачытаць.

oauth2-possible = OAuth2 магчымы.
oauth2-unknown = Невядома, пакуль прылада не прачытана.
oauth2-model-has-it = У гэтай мадэлі OAuth2 ёсць пачынаючы з прашыўкі { $since }; прачытайце прыладу, каб даведацца яе прашыўку.
oauth2-firmware-too-old = Не з гэтай прашыўкай ({ $firmware }): у мадэлі OAuth2 ёсць пачынаючы з прашыўкі { $since }.
oauth2-model-without = Не: ні ў адной прашыўцы { $model } няма OAuth2.
oauth2-not-in-firmware = Не з гэтай прашыўкай ({ $firmware }); ці ёсць ён у навейшай прашыўцы для гэтай мадэлі, невядома.
oauth2-additional-network = Не праз гэта падключэнне: прылада даступная праз дадатковую сетку, у якой няма OAuth2. У яе стандартнай сетцы ён ёсць.
oauth2-vendor-not-supported = Не з printoauth: ён пакуль не ўмее наладжваць прылады { $vendor }.

alternative-use-standard-network = Падключыце прыладу праз яе стандартную сетку замест дадатковай і наладзьце там OAuth2.
alternative-update-firmware = Абнавіце прашыўку { $model } да { $since } або навейшай, потым наладзьце OAuth2.
alternative-ask-vendor-for-firmware = Спытайце ў вытворцы, ці ёсць для { $model } прашыўка з OAuth2; калі ёсць, абнавіце і наладзьце OAuth2.
alternative-vendor-own-setup = { $vendor } апісвае OAuth 2.0 для некаторых сваіх мадэлей на ўласнай вэб-старонцы прылады: выконвайце кіраўніцтва вытворцы для гэтай мадэлі.
alternative-exchange-connector = Канектар Exchange Online (SMTP-рэтрансляцыя): прылада адпраўляе без пароля на MX-адрас вашага дамена (…mail.protection.outlook.com) праз порт { $port }. Патрэбны статычны публічны IP-адрас офіса, адкрыты выходны порт { $port } і канектар, які прымае пошту з гэтага адраса.
alternative-high-volume-email = Microsoft High Volume Email: толькі для атрымальнікаў унутры вашай арганізацыі і платны. Ён даўжэй прымае пароль прылады (базавую аўтэнтыфікацыю): да верасня 2028 года, як Microsoft абвясціла ў 2026 годзе. Патрэбны ўліковы запіс HVE і каб прылада адпраўляла на { $server }, порт { $port }.
alternative-local-relay = Рэтранслятар у сетцы офіса (рэтранслятар SMTP→Graph або OAuth-проксі): прылада адпраўляе на яго, як і цяпер, а ён уваходзіць у Microsoft 365 за прыладу. Патрэбны заўсёды ўключаны камп’ютар або сервер і асобная рэгістрацыя прыкладання рэтранслятара ў арэндатары.

## Стан (printoauth health; праверка праграмы пры запуску)
health-healthy = У парадку
health-sign-in-expired = Уваход скончыўся: увайдзіце зноў.
health-sign-in-needed = Трэба ўвайсці зноў.
health-jobs-failed = Апошнія паштовыя заданні не ўдаліся.
health-needs-attention = Патрабуе ўвагі (гл. прычыны).
health-not-on-oauth2 = Не на OAuth2: няма ўваходу для праверкі.
health-not-readable = Не праверана.
cli-col-health = СТАН
cli-health-job-code = код задання { $code }
cli-health-summary = Праверана: { $total }. Патрабуюць увагі: { $attention }, з іх трэба ўвайсці зноў: { $sign_in }.
app-health-banner = { $count ->
    [one] { $count } прылада павінна зноў увайсці ў Microsoft:
    [few] { $count } прылады павінны зноў увайсці ў Microsoft:
   *[other] { $count } прылад павінны зноў увайсці ў Microsoft:
}
app-health-sign-in-again = Увайсці зноў
app-health-sign-in-again-hint = Адзін пакет зноў уводзіць іх усе; вы ўваходзіце ў Microsoft адзін раз.

## The customer's report (PDF), made by crates/core/src/report.rs
report-title = Справаздача аб наладцы сканавання ў пошту
report-site = Аб'ект: { $site }
report-date = Дата: { $date }
report-run = Запуск { $id }, пачаты { $time }
report-practice = Трэніровачны запуск: эмуляваныя прылады, ніводная сапраўдная прылада не зменена.
report-sender = Адпраўнік: { $sender }
report-summary = Наладжана і праверана прылад: { $done } з { $total }
report-device-id = Прылада: { $id }
report-model = Мадэль: { $model }
report-address = Адрас: { $address }
report-result = Вынік: { $result }
report-result-done = наладжана і праверана
report-result-failed = не атрымалася
report-result-cancelled = скасавана
report-result-unfinished = не завершана
report-failed-at = Спынілася перад крокам: { $step }
report-error = Памылка: { $error }
report-fix = Як выправіць: { $fix }
report-found = Знойдзена: { $settings }
report-changes = Зменена (да → пасля):
report-no-changes = Нічога не трэба было змяняць.
report-tenant = Праверка Microsoft 365
report-tenant-checked-at = Праверана: { $time }
report-tenant-own = Праверыў printoauth: уваход і тэставы ліст.
report-tenant-through-device = Праверана праз прыладу { $device }: яе ўласная праверка злучэння.
report-tenant-passed = Усе праверкі пройдзены.
report-tenant-failed = Некаторыя праверкі не пройдзены.
report-check-passed = пройдзена
report-check-failed = не пройдзена
report-check-not-checked = не праверана
report-no-secrets = У гэтай справаздачы няма ніводнага пароля, токена ці кода ўваходу.
