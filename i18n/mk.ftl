# printoauth — македонски каталог.
# Еден каталог по јазик, заеднички за интерфејсот на апликацијата и за CLI. Имињата
# што ги прикажува самиот уред (менија и копчиња на Web Config) остануваат на англиски на сите јазици.

## Командна линија: пронаоѓање

cli-no-devices = Ниту еден печатач или скенер не одговори.
cli-devices-found =
    { $count ->
        [one] Пронајден е { $count } уред.
       *[other] Пронајдени се { $count } уреди.
    }
cli-col-vendor = ПРОИЗВОДИТЕЛ
cli-col-model = МОДЕЛ
cli-col-host = ХОСТ
cli-col-address = АДРЕСА
cli-col-scan = СКЕНИРАЊЕ
cli-col-admin = АДМИНИСТРАТОРСКА СТРАНИЦА
cli-yes = да
cli-no = не
cli-unknown = ?
cli-not-supported = { $model } (сè уште не е поддржан)

## Командна линија: статус на еден уред

cli-status-title = { $device }: { $model } (фирмвер { $firmware })
cli-status-oauth2 = OAuth2 достапен: { $available }
cli-status-additional-network = Пристапено преку дополнителната мрежа: OAuth2 работи само на стандардната мрежа.
cli-status-auth = Автентикација: { $method }
cli-status-current = Current Status: { $status }
cli-status-account = Сметка: { $account }
cli-status-sender = Sender's Email Address: { $sender }
cli-status-smtp = SMTP-сервер: { $server }:{ $port }
cli-status-device-says = Порака од уредот: { $message }

## Командна линија: конфигурирање уреди

cli-step-found = пронајден
cli-step-logged-in = најавен како администратор
cli-step-oauth2-set = OAuth2 поставен
cli-step-waiting-for-consent = се чека најавување
cli-step-signed-in = најавен
cli-step-saved = зачувано (OK)
cli-step-verified = потврдено
cli-run-step = [{ $device }] { $step }
cli-run-sign-in = [{ $device }] Најавување: отворете { $url } и внесете го кодот { $code } (со сметка што може да даде согласност во име на организацијата).
cli-run-done = [{ $device }] готово: најавено, зачувано и потврдено.
cli-run-failed = [{ $device }] запрено пред „{ $step }“: { $error }
cli-run-summary =
    { $total ->
        [one] Конфигурирани { $done } од { $total } уред.
       *[other] Конфигурирани { $done } од { $total } уреди.
    }
cli-manual-title = [{ $device }] Направете го ова на страницата на самиот уред, { $url }:
cli-manual-stopped-here = printoauth застана тука. Не е најдено на страницата на уредот: { $what }
cli-manual-resume = Кога ќе завршите, продолжете со: { $command }
cli-manual-capture = За да ги испратите страниците на уредот со пријава за грешка: { $command }
cli-capture-written =
    { $count ->
        [one] Зачувана е { $count } страница без лозинки, токени и кодови: { $file }
       *[other] Зачувани се { $count } страници без лозинки, токени и кодови: { $file }
    }

## Командна линија: проверка на закупецот

cli-tenant-sign-in = Најавување: отворете { $url } и внесете го кодот { $code }.
cli-tenant-signed-in = Најавени сте како { $account }.
cli-tenant-sending = Се испраќа тест-порака од { $from } до { $to } преку { $server }…
cli-check-security-defaults = Стандардните безбедносни поставки се исклучени
cli-check-smtp-auth-organisation = SMTP AUTH е вклучен за организацијата
cli-check-smtp-auth-mailbox = SMTP AUTH е вклучен за поштенското сандаче
cli-check-device-code-flow-allowed = Најавувањето со код е дозволено (условен пристап)
cli-check-consent = Апликацијата има согласност
cli-check-sign-in = Најавување
cli-check-test-mail = Тест-порака
cli-check-passed = ok
cli-check-failed = НЕУСПЕШНО
cli-check-not-checked = не е проверено
cli-cause = причина: { $cause }
cli-fix = решение: { $fix }
cli-trust-certificate-hint = Ако му верувате на новиот сертификат: { $command }
cli-certificate-trusted = Сертификатот { $fingerprint } сега е доверлив за { $device }.
cli-tenant-ready = Закупецот е подготвен.
cli-tenant-not-ready = Закупецот не е подготвен: видете ги решенијата погоре.
cli-tenant-through-device = Проверка на закупецот преку { $device }: сопствениот тест за поврзување на уредот.
cli-tenant-device-said = Уредот одговори: { $message }
cli-tenant-meanwhile = Во меѓувреме printoauth проверува преку уредот поставен со извршувањето од { $time }: { $device }

## Командна линија: режим за вежбање

cli-practice-running =
    { $count ->
        [one] Светот за вежбање работи ({ $count } уред). Ctrl-C го запира.
       *[other] Светот за вежбање работи ({ $count } уреди). Ctrl-C го запира.
    }
cli-practice-point = Насочете ја командната линија кон него: { $command }
cli-practice-sign-in-as = Најавете се како { $account } со лозинката { $password }.
cli-practice-control = Контролен API: { $url }

## Командна линија: грешки

cli-error = printoauth: { $error }
cli-error-address-unreadable = „{ $address }“ не е адреса што printoauth може да ја прочита: внесете име на хост, IP-адреса или https:// адресата на уредот.
cli-error-world-address-bad = Датотеката на светот за вежбање нема употреблива адреса за уредот { $device }.
cli-error-password-missing = Нема администраторска лозинка за { $device }: поставете { $variable } или стартувајте го printoauth во терминал.
cli-error-password-unreadable = Лозинката не може да се прочита: { $detail }
cli-error-runtime = printoauth не може да се стартува: { $detail }
cli-error-world-file-unreadable = Датотеката на светот за вежбање { $file } не може да се прочита: { $detail }
cli-error-world-file-unwritable = Датотеката на светот за вежбање { $file } не може да се запише: { $detail }
cli-error-capture-unwritable = Датотеката со копијата на страниците { $file } не може да се запише: { $detail }
cli-error-practice-world-failed = Светот за вежбање не можеше да се стартува: { $detail }
cli-error-fingerprint-invalid = „{ $fingerprint }“ не е отпечаток на сертификат: внесете ги 64-те хексадецимални цифри на неговиот SHA-256.
cli-error-pins-unwritable = Закачените сертификати не може да се зачуваат: { $detail }
cli-error-sender-missing = Нема испраќач: дајте --sender АДРЕСА.
cli-error-no-configured-device = Ревизискиот дневник сè уште нема поставен уред преку кој може да се провери: наведете еден со --device УРЕД.
cli-error-configured-device-gone = Уредот { $device }, поставен со извршувањето од { $time }, не е во овој свет за вежбање (тоа извршување користеше претходен): наведете уред со --device УРЕД.
cli-error-audit-unreadable = Ревизискиот дневник не може да се прочита: { $detail }
cli-error-report-no-run = Ревизискиот дневник нема извршување { $run }: `printoauth audit` ги наведува извршувањата.
cli-error-report-nothing = Сè уште нема запишано извршување: нема за што да се извести.
cli-error-report-unwritable = Извештајот { $file } не може да се запише: { $detail }
cli-report-written = Извештајот за извршувањето { $id } (уреди: { $count }) е запишан: { $file }

## Командна линија: ревизиски дневник

cli-audit-unavailable = Во ревизискиот дневник не може да се запишува ({ $detail }): извршувањето продолжува без него.
cli-audit-unavailable-check = Во ревизискиот дневник не може да се запишува ({ $detail }): проверката продолжува без да се запише.
cli-unfinished-title = Уреди што последното извршување ({ $time }) не ги заврши: { $count }
cli-unfinished-resume = За да ги продолжите: { $command }
cli-resume-nothing = Последното извршување не остави недовршени уреди: нема што да се продолжи.
cli-resuming = Се продолжува извршувањето од { $time }: { $devices }
cli-audit-file = Ревизиски дневник: { $file }
cli-audit-empty = Сè уште нема запишано извршување.
cli-audit-run = Извршување { $id } ({ $time }), испраќач { $sender }: завршени { $finished } од { $total }
cli-audit-run-practice = Извршување за вежбање { $id } ({ $time }), испраќач { $sender }: завршени { $finished } од { $total }
cli-col-time = ВРЕМЕ
cli-col-device = УРЕД
cli-col-action = ЧЕКОР
cli-col-result = РЕЗУЛТАТ
cli-col-change = ПРЕД -> ПОТОА
cli-audit-ok = во ред
cli-audit-not-started = не е започнато
audit-action-logged-in = најавен
audit-action-oauth2-set = OAuth2 поставен
audit-action-sign-in-started = најавувањето започна
audit-action-signed-in = најавен на сметката
audit-action-saved = зачувано (OK)
audit-action-verified = потврдено
audit-action-done = готово
audit-action-failed = неуспешно
audit-action-cancelled = откажано

## Апликација: рамка, навигација, јазици
## Имињата што ги прикажува самиот уред во Web Config (Email Server > Basic, Authentication
## Method, Current Status, Signed in, Sign in with Microsoft, OK, …) остануваат на англиски
## на сите јазици, и во преведените реченици.

app-title = printoauth
app-tagline = Канцелариски печатачи што испраќаат пошта преку Exchange Online, најавени со OAuth 2.0.
app-start-failed = printoauth не можеше да се стартува:
app-status-loading = Се стартува…
app-status-ready = { $name } { $version } е подготвен.
app-about-open = За printoauth
app-about-title = За printoauth
app-about-version = Верзија { $version }
app-about-updates-title = Ажурирања
app-about-updates-at-start = Барај нова верзија кога ќе се стартува printoauth
app-about-updates-check = Барај нова верзија сега
app-about-updates-checking = Се бара нова верзија…
app-about-updates-none = Ја имате најновата верзија.
app-about-updates-available = Излезе верзијата { $version }. Вие ја имате { $current }.
app-about-updates-install = Инсталирај и рестартирај
app-about-updates-installing = Се презема, се проверува потписот и се инсталира…
app-about-updates-unsupported = Оваа копија на printoauth не се ажурира сама. За да добивате ажурирања, инсталирајте го printoauth од неговата страница за преземање.
app-about-updates-what = За да провери, printoauth го зема бројот на најновата верзија од својата страница за преземање. Не испраќа ништо за вашите уреди или за вашата организација. Нова верзија се инсталира само кога нејзиниот потпис докажува дека доаѓа од printoauth.
app-nav-label = Чекори
app-nav-devices = Уреди
app-nav-tenant = Microsoft 365
app-nav-wizard = Поставување
app-nav-results = Резултати
app-nav-troubleshoot = Решавање проблеми
app-language = Јазик
app-practice-banner = Овие уреди, сметки и поштенски сандачиња се емулирани на овој компјутер. Ништо вистинско не се менува.
app-error-unknown-code = Се појави неочекувана грешка (код { $code }).
app-error-unexpected = Се појави неочекувана грешка ({ $detail }).
app-message-missing = (Овој текст не е достапен. Ве молиме, пријавете го тоа.)
app-copy = Копирај
app-copied = Копирано
app-copy-failed = Изберете го текстот и копирајте го со Ctrl+C.
app-details = Технички детали
app-block-powershell = PowerShell
app-block-verify = Проверете го резултатот со
app-block-admin-center = Во административниот центар
app-state-working = Во тек
app-state-needs-you = Потребни сте вие
app-state-done = Готово
app-state-failed = Неуспешно
app-cancel = Откажи
app-yes = да
app-no = не
app-none = нема

## Апликација: уреди

app-devices-title = Печатачи и скенери на оваа мрежа
app-devices-intro = Изберете ги уредите што треба да испраќаат пошта со OAuth 2.0. Списокот се пополнува како што уредите одговараат.
app-devices-searching = Се бараат уреди…
app-devices-count =
    { $count ->
        [one] Пронајден е { $count } уред, избрани: { $selected }.
       *[other] Пронајдени се { $count } уреди, избрани: { $selected }.
    }
app-devices-empty = Сè уште ниеден уред не одговорил.
app-devices-quiet = Ниеден уред не одговори за { $seconds } секунди. Проверете дали овој компјутер е на мрежата на печатачите, додајте уред според неговата адреса или пробајте го режимот за вежбање.
app-col-vendor = Производител
app-col-model = Модел
app-col-address = Адреса
app-col-oauth2 = OAuth 2.0 е можен
app-col-mail-status = Најавување за пошта
app-select-device = Изберете { $device }
app-select-all = Изберете ги сите
app-rescan = Барај повторно
app-interface = Мрежа
app-interface-default = Вообичаени мрежи (без VPN и виртуелни)
app-interface-all = Сите мрежи
app-interface-virtual = { $name } (виртуелна)
app-unsupported = сè уште не е поддржан
app-practice-device = вежбање
app-add-device-label = Додајте уред според IP-адреса или име на хост
app-add-device = Додај
app-add-device-working = Се проверува { $host }…
app-unfinished-title = Уреди што последното извршување ({ $time }) не ги заврши: { $count }
app-unfinished-changed = делумно изменет
app-unfinished-last = последен чекор: { $step }
app-unfinished-not-started = не е започнато
app-unfinished-waiting = Ниту еден од нив сè уште не е во списокот: ќе може да се продолжат кога ќе се најдат.
app-unfinished-resume = Продолжи ги ({ $count })
app-unfinished-dismiss = Не сега
app-to-wizard =
    { $count ->
        [0] Поставете ги избраните уреди
        [one] Поставете { $count } уред
       *[other] Поставете { $count } уреди
    }
app-oauth2-yes = да
app-oauth2-no = не
app-oauth2-unknown = сè уште непознато

## Апликација: режим за вежбање

app-practice-title = Режим за вежбање
app-practice-offer = Прво пробајте ги сите чекори во емулирана канцеларија: емулирани уреди Epson, закупец на Microsoft 365 и поштенско сандаче, сè на овој компјутер.
app-practice-count = Број на уреди за вежбање
app-practice-start = Стартувај режим за вежбање
app-practice-starting = Се стартува емулираната канцеларија…
app-practice-unavailable = Режимот за вежбање не е дел од оваа верзија.
app-practice-accounts = Сметки за вежбање (за најавување)
app-practice-col-account = Сметка
app-practice-col-password = Лозинка
app-practice-col-role = Улога
app-practice-kind-personal = Лична сметка на Microsoft (Outlook.com): изберете Outlook.com како услуга
app-practice-kind-federated = Се најавува на сопствена страница ({ $host }): прозорецот за најавување ви го нуди вашиот прелистувач
app-practice-device-password = Администратор на уредот: корисник { $user }, лозинка { $password }
app-practice-sender = Адреса на испраќачот: { $sender }
app-practice-faults = Вежбајте проблем
app-practice-faults-intro = Вклучете проблем, потоа стартувајте го поставувањето или решавањето проблеми и видете како printoauth го објаснува.
app-practice-fault-device = Уред за проблемот
app-practice-stop = Излези од режимот за вежбање

## Апликација: закупец

app-tenant-title = Закупец на Microsoft 365
app-tenant-intro = Администратор еднаш го подготвува закупецот, пред кој било уред да може да испраќа пошта со OAuth 2.0.
app-prerequisites = Што му треба на закупецот
app-tenant-sender = Адреса на испраќачот за проверката
app-tenant-sender-hint = Поштенското сандаче од кое уредите ќе испраќаат. Проверката од него испраќа тест-порака до самото сандаче.
app-tenant-app-id = ID на апликацијата (клиентот) printoauth во вашиот закупец
app-tenant-app-id-hint = Регистрирајте го printoauth еднаш во Microsoft Entra (ако полето е празно, проверката покажува како). Не е потребно во режимот за вежбање.
app-tenant-check = Проверка на закупецот
app-tenant-check-intro = printoauth се најавува на Microsoft 365, го чита она што може и испраќа тест-порака.
app-tenant-check-start = Провери сега
app-tenant-device-check = Провери преку уред
app-tenant-device-check-intro = Сè уште немате ID на апликацијата? Веќе поставен уред (OAuth2, најавен) може сам да ја тестира врската: неговиот одговор се поврзува со истите причини и поправки.
app-tenant-device-check-none = Прво додајте или најдете уред (екранот „Уреди“).
app-tenant-device-check-device = Уред
app-tenant-device-check-password = Неговата администраторска лозинка (ако не е запомнета)
app-tenant-device-check-start = Провери преку овој уред
app-tenant-device-said = Уредот одговори: { $message }
app-tenant-signing-in = Најавете се со администраторска сметка: отворете го прозорецот за најавување (или { $url }) и внесете го овој код:
app-code-expires = Кодот важи до { DATETIME($time, hour: "numeric", minute: "2-digit") }.
app-tenant-signed-in = Најавени сте како { $account }.
app-tenant-signed-in-unknown = Најавени сте.
app-tenant-sending = Се испраќа тест-порака од { $from } до { $to } преку { $host }:{ $port }…
app-tenant-passed = Закупецот е подготвен.
app-tenant-failed = Закупецот сè уште не е подготвен: видете подолу што треба да се поправи.
app-tenant-results = Резултати од проверката
app-check-passed = успешно
app-check-failed = неуспешно
app-check-not-checked = не е проверено
app-cause = Зошто
app-fix = Што да направите
app-evidence = Што одговори серверот

## Апликација: волшебник за поставување

app-wizard-title = Поставете OAuth 2.0 на уредите
app-wizard-devices =
    { $count ->
        [0] Не е избран ниеден уред. Прво изберете уреди на екранот „Уреди“.
        [one] Избран е { $count } уред.
       *[other] Избрани се { $count } уреди.
    }
app-admin-user = Корисничко име на администраторот на уредот
app-admin-user-hint = Кај деловните модели на Epson корисничкото име на администраторот е празно, освен ако некој не го поставил: оставете го празно, освен ако администраторот на уредот избрал име. Моделите што бараат само лозинка не го користат.
app-shared-password = Лозинка на администраторот на уредот (иста за сите)
app-per-device-passwords = Различна лозинка за секој уред
app-device-password = Лозинка за { $device }
app-remember-passwords = Запомни ги лозинките во привезокот за клучеви на овој компјутер
app-password-remembered = (лозинката е запаметена во привезокот за клучеви)
app-sender = Адреса на испраќачот
app-sender-hint = Поштенското сандаче од кое уредите испраќаат. Подоцна ќе треба да се најавите со оваа сметка или со сметка што може да испраќа како неа.
app-service = Email service
app-service-exchange-online = Microsoft Exchange Online (работна или училишна)
app-service-outlook-com = Outlook.com (лична)
app-embedded-sign-in = Најавете се во прозорец на printoauth (кодот се внесува автоматски)
app-run-start = Започни
app-run-cancel = Запри
app-invalid-no-devices = Изберете барем еден уред.
app-invalid-sender-empty = Внесете ја адресата на испраќачот.
app-invalid-sender = „{ $address }“ не е адреса на е-пошта.
app-invalid-password = Внесете ја администраторската лозинка.
app-invalid-device-password = Внесете ја администраторската лозинка за { $device }.
app-run-progress = Напредок
app-run-summary = Готови: { $done }, неуспешни: { $failed }, во тек: { $working }, ве чекаат: { $waiting }.
app-run-needs-you = Најавување за овој уред: внесете го овој код на страницата на Microsoft со сметка што може да даде согласност во име на организацијата и штиклирајте „Согласност во име на организација“.
app-show-sign-in-window = Прикажи го прозорецот за најавување
app-open-in-browser = Отвори во мојот прелистувач
app-copy-code = Копирај го кодот
app-consent-window-open = Прозорецот за најавување е отворен.
app-sign-in-elsewhere-title = Најавувањето продолжува во вашиот прелистувач
app-sign-in-elsewhere-body = Вашата организација се најавува на сопствена страница за најавување, { $host }. Овој прозорец отвора само страници за најавување на Microsoft, па затоа не ја отвора таа страница.
app-sign-in-elsewhere-copied = Кодот { $code } е копиран. Во прелистувачот залепете го на страницата на Microsoft, а потоа најавете се како и обично.
app-sign-in-elsewhere-not-copied = Во прелистувачот внесете го кодот { $code } на страницата на Microsoft, а потоа најавете се како и обично.
app-sign-in-elsewhere-button = Продолжи во мојот прелистувач
app-sign-in-elsewhere-opened = Страницата за најавување е отворена во вашиот прелистувач.
app-run-failed-at = Запрено пред „{ $step }“.
app-run-running = Поставувањето е во тек. Можете да го напуштите овој екран; тоа продолжува.

## Апликација: резултати

app-results-title = Резултати
app-results-empty = Сè уште ништо не е поставено.
app-results-summary =
    { $total ->
        [one] Поставени { $done } од { $total } уред, неуспешни: { $failed }.
       *[other] Поставени { $done } од { $total } уреди, неуспешни: { $failed }.
    }
app-results-changes = Што се промени
app-change-before-after = { $before } → { $after }
app-change-set = поставено на { $after }
app-no-changes = Ништо не требаше да се менува.
app-result-error = Што тргна наопаку
app-result-generic-fix = Проверете ја веб-страницата на уредот (Email Server > Basic), па обидете се повторно. Ако пак не успее, отворете „Решавање проблеми“.
app-report-title = Извештај за клиентот
app-report-hint = Секој уред, што се смени и проверката на Microsoft 365, на овој јазик. Не содржи лозинка, токен или код за најава.
app-report-site = Локација (се печати на извештајот)
app-report-format = Формат
app-report-save = Зачувај извештај
app-report-saved = Зачувано: { $file } ({ $devices ->
        [one] { $devices } уред
       *[other] { $devices } уреди
    }).
app-report-open = Отвори
app-report-show-folder = Прикажи во папката
app-retry = Обиди се повторно
app-trust-certificate = Верувај му на новиот сертификат и обиди се повторно
app-troubleshoot-device = Решавање проблеми
app-manual-open = Направете го овој чекор на страницата на уредот
app-manual-title = На страницата на самиот уред
app-manual-intro = printoauth не можеше да ја прочита страницата на овој уред. Направете ги овие чекори на страницата на самиот уред, { $url } (се отвора во вашиот прелистувач), па кликнете „Провери повторно“.
app-manual-missing = Не е најдено на страницата на уредот: { $what }
app-manual-stopped-here = printoauth застана тука
app-manual-open-again = Отвори ја повторно страницата на уредот
app-manual-check-again = Провери повторно

## Апликација: решавање проблеми

app-troubleshoot-title = Решавање проблеми со уред
app-troubleshoot-intro = printoauth ги чита поставките за пошта на уредот, статусот на најавувањето и неодамнешните задачи и кажува што да направите.
app-troubleshoot-choose = Уред
app-troubleshoot-none = Сè уште нема уреди: пронајдете ги на екранот „Уреди“.
app-troubleshoot-password = Лозинка на администраторот на уредот
app-troubleshoot-run = Провери го уредот
app-troubleshoot-working = Се чита уредот…
# Ознака од Web Config: оставете ја на англиски.
app-health-auth = Authentication Method
# Ознака од Web Config: оставете ја на англиски.
app-health-sender = Sender's Email Address
app-health-signed-in = Signed in
app-health-account = Сметка
app-health-panel = Уредот вели
app-health-jobs = Неодамнешни задачи
app-health-no-jobs = Нема неодамнешни задачи за пошта.
app-job-code-360 = 360: нема врска со услугата во облак или со услугата за е-пошта.
app-job-code-361 = 361: врската со услугата во облак или со услугата за е-пошта е истечена; поврзете се повторно.
app-job-code-370 = 370: уредот мора повторно да се најави на услугата во облак.
app-job-code-other = Код { $code }.
app-job-succeeded = Испратено.
app-job-no-connection = Нема врска со услугата во облак или со услугата за е-пошта.
app-job-connection-expired = Врската со услугата во облак или со услугата за е-пошта е истечена.
app-job-sign-in-required = Уредот мора повторно да се најави.
app-job-other-error = Неуспешно.
app-job-other = Друго (во тек или откажано).
app-diagnoses = Што пронајде printoauth
app-remedy-resave = Испрати ги поставките повторно
app-remedy-sign-in-again = Најави се повторно
app-remedy-configure = Постави сега
app-remedy-show-instructions = Прикажи што да се направи
app-instructions-check-device-network = На контролната табла на уредот отворете Поставки > Општи поставки > Поставки за мрежа > Статус на мрежа > Статус на сервер за е-пошта. Проверете дали уредот има мрежен премин (gateway) и DNS-сервер и дали заштитниот ѕид му дозволува да стигне до SMTP Server Address од Email Server > Basic на портата 587.
app-instructions-review-conditional-access = Во административниот центар на Microsoft Entra отворете ги правилата за условен пристап. Пронајдете го правилото што го блокира најавувањето со код на уред (на пример „Block device code flow“) и исклучете ја од него администраторската сметка што ги најавува уредите или апликацијата на уредот.
app-resave-done = Поставките се повторно испратени до уредот.

## Апликација: чекори на поставувањето (по еден за секој чекор)

step-found = Пронајден
step-logged-in = Најавен како администратор
step-oauth2-set = Избран е OAuth2
step-waiting-for-consent = Се чека најавувањето
step-signed-in = Најавен
step-saved = Зачувано (OK)
step-verified = Проверено

## Апликација: статус на поштата на уред

mail-status-not-checked = не е проверено
mail-status-basic-auth = лозинка (основна автентикација)
mail-status-oauth2-signed-out = OAuth2, одјавен
mail-status-oauth2-signed-in = OAuth2, најавен

## Апликација: поставки што ги менува поставувањето
## Ова се ознаките на самиот уред на Email Server > Basic: оставете ги на англиски.

change-authentication-method = Authentication Method
change-email-service = Email service
change-sender = Sender's Email Address
change-smtp-server = SMTP Server Address
change-port = SMTP Server Port Number
change-secure-connection = Secure Connection
change-current-status = Current Status

## Апликација: проблеми за вежбање

fault-wrong-password = Администраторската лозинка на уредот е различна
fault-no-oauth2 = Фирмверот на уредот нема OAuth2
fault-conditional-access = Условниот пристап го блокира најавувањето со код (целиот закупец)
fault-expired-sign-in = Најавувањето на уредот е истечено
fault-unreadable-page = Страница што printoauth не може да ја прочита (копчето Sign In е именувано поинаку)

## Апликација: проверки и предуслови на закупецот

check-security-defaults = Стандардните безбедносни поставки се исклучени
check-security-defaults-what = Стандардните безбедносни поставки го блокираат SMTP AUTH; исклучете ги за организацијата.
check-smtp-auth-organisation = SMTP AUTH е вклучен за организацијата
check-smtp-auth-organisation-what = Уредите испраќаат пошта преку SMTP, па SMTP AUTH мора да остане вклучен, и со OAuth 2.0.
check-smtp-auth-mailbox = SMTP AUTH е вклучен за поштенското сандаче на испраќачот
check-smtp-auth-mailbox-what = Поставката на самото сандаче има предност пред поставката на организацијата; мора да биде вклучена или празна.
check-device-code-flow-allowed = Најавувањето со код е дозволено
check-device-code-flow-allowed-what = Уредите се најавуваат со код; правилото за условен пристап не смее да го блокира тоа најавување.
check-consent = Апликацијата има согласност
check-consent-what = Првото најавување ја регистрира апликацијата на уредот; администратор дава согласност во име на организацијата.
check-sign-in = Најавување
check-sign-in-what = printoauth се најавува на Microsoft 365 со код, исто како уредите.
check-test-mail = Тест-порака
check-test-mail-what = Порака испратена со OAuth 2.0 од сандачето на испраќачот докажува дека целата патека работи.

## Грешки (по една за секој код; прво кодовите на апликацијата, потоа на моторот)

error-internal = Нешто тргна наопаку во printoauth.
error-practice-unavailable = Режимот за вежбање не е дел од оваа верзија.
error-practice-not-running = Режимот за вежбање не е стартуван.
error-device-unknown = printoauth не го познава уредот { $id }. Пребарајте повторно.
error-device-unsupported = printoauth сè уште не може да го постави овој уред { $vendor }.
error-run-in-progress = Веќе е во тек едно поставување. Почекајте да заврши или запрете го.
error-no-devices-selected = Изберете барем еден уред.
error-run-sender-invalid = „{ $address }“ не е адреса на е-пошта.
error-password-missing = Недостига администраторската лозинка за { $device }.
error-url-not-allowed = printoauth отвора само страници за најавување на Microsoft, не { $url }.
error-tenant-check-in-progress = Веќе е во тек проверка на закупецот.
error-update-unavailable = Оваа копија на printoauth не се ажурира сама. За да добивате ажурирања, инсталирајте го printoauth од неговата страница за преземање.
error-update-check-failed = printoauth не можеше да дознае дали има нова верзија. Проверете ја интернет-врската и обидете се подоцна.
error-update-install-failed = Новата верзија не можеше да се инсталира. Вашата сегашна верзија продолжува да работи: обидете се подоцна или инсталирајте ја новата верзија од страницата за преземање.
error-report-no-run = Сè уште нема поставување за кое може да се изготви извештај: прво поставете уреди.
error-report-unwritable = Извештајот не можеше да се зачува како { $file }: { $detail }
error-report-not-found = { $file } повеќе не е во папката за извештаи (преместена или избришана). Зачувајте го извештајот повторно.
error-run-cancelled = Запрено: поставувањето беше откажано пред да заврши овој уред.
error-device-unreachable = Уредот на { $address } не одговара.
error-device-not-recognised = Веб-серверот на { $address } не прикажува страница на уред што printoauth ја познава.
error-device-https-unavailable = Уредот на { $address } не одговара преку HTTPS.
error-device-tls-too-old = Уредот на { $address } нуди само стара верзија на TLS што printoauth не ја користи (потребна е TLS 1.2 или понова). Ажурирајте го фирмверот на уредот: фирмверот со OAuth2 поддржува и TLS 1.2.
error-device-certificate-changed = Сертификатот на уредот на { $address } е променет откако printoauth го виде првпат (беше { $pinned_sha256 }, сега е { $found_sha256 }).
error-device-pin-store = printoauth не можеше да го прочита или запише својот список на сертификати на уреди ({ $location }).
error-device-http-status = Уредот постојано одговараше со грешка { $status } (страница { $path }, обиди: { $attempts }).
error-device-restart-timeout = Уредот на { $address } се рестартираше и не се врати во рок од { $waited_secs } секунди.
error-device-page-not-understood = printoauth не ја разбра страницата { $page } на уредот: недостига „{ $missing }“.
error-device-login-rejected =
    { $family ->
        [consumer] Уредот ја одби администраторската лозинка.
       *[other] Уредот го одби администраторското корисничко име или лозинката.
    }
error-device-login-locked-out = Премногу неуспешни најавувања: уредот некое време одбива најавувања.
error-device-not-logged-in = printoauth не беше најавен на уредот.
error-device-session-lost = Уредот постојано ја завршуваше сесијата ({ $attempts } пати).
error-device-oauth2-unavailable = Фирмверот на овој уред не нуди OAuth2.
error-device-additional-network = До уредот се пристапува преку неговата дополнителна мрежа, која не поддржува OAuth 2.0.
error-device-refused = Уредот ги одби поставките на { $page }: „{ $device_message }“
error-device-invalid-value = Вредноста „{ $value }“ не може да се постави за { $field }.
error-device-already-signed-in = Уредот е веќе најавен.
error-device-sign-in-not-started = На уредот не е започнато најавување.
error-device-fax-server-unavailable = Овој уред нема поставки за пошта на факс-сервер.
error-device-save-not-confirmed = Уредот не го потврди зачувувањето на { $page }.
error-device-verify-mismatch = По зачувувањето, уредот прикажува поставки различни од испратените.
error-device-connection-test-unavailable = Овој уред нема тест за поврзување со серверот за пошта што printoauth може да го изврши.
error-device-job-history-unreadable = printoauth не можеше да ја прочита историјата на задачи на уредот (недостига { $missing }).
error-discovery-host-network-refused = Пребарувањето е исклучено во оваа тест-околина ({ $namespace }).
error-discovery-mdns-unavailable = Пребарувањето на мрежата моментално не е можно. Додајте уреди според нивната адреса.
error-discovery-invalid-service-type = Неважечки тип на услуга { $service_type }.
error-discovery-interface-not-found = Овој компјутер нема мрежа со име { $names }.
error-discovery-probe-invalid-host = „{ $host }“ не е IP-адреса ниту име на хост.
error-discovery-probe-unreachable = Ниедна веб-страница не одговори на { $host }.
error-identity-authority-invalid = Адресата за најавување { $url } не може да се користи.
error-identity-authority-unreachable = Услугата за најавување на Microsoft на { $url } е недостапна.
error-identity-unexpected-response = Услугата за најавување на { $url } одговори нешто неочекувано.
error-identity-authorization-pending = Сè уште никој не го завршил најавувањето.
error-identity-authorization-declined = Најавувањето беше одбиено.
error-identity-device-code-expired = Кодот истече пред некој да се најави.
error-identity-bad-verification-code = Кодот беше погрешен или веќе искористен.
error-identity-invalid-client = Microsoft 365 не го прифаќа најавувањето на оваа апликација (текови на јавен клиент се исклучени или апликацијата е непозната).
error-identity-conditional-access-blocked = Правило за условен пристап го блокираше најавувањето.
error-identity-security-defaults-blocked = Стандардните безбедносни поставки го блокираа најавувањето.
error-identity-admin-consent-required = Администратор мора да даде согласност во име на организацијата.
error-identity-consent-required = Не е дадена согласност.
error-identity-session-expired = Најавувањето повеќе не важи.
error-identity-rejected = Microsoft 365 го одби најавувањето ({ $error }).
error-identity-no-access-token = Најавувањето не врати употреблив токен.
error-identity-app-id-missing = printoauth нема ID на апликацијата (клиентот) за овој закупец: регистрирајте го printoauth еднаш, потоа дајте го неговиот ID.
error-identity-cancelled = Најавувањето беше откажано.
error-identity-timed-out = Никој не го заврши најавувањето во рок од { $after_secs } секунди.
error-mail-address-invalid = „{ $address }“ не е адреса на е-пошта.
error-mail-ca-certificate-invalid = Дополнителниот CA-сертификат не е валиден.
error-mail-connection-failed = Нема врска со серверот за пошта { $host }:{ $port }.
error-mail-tls-failed = Безбедната врска со { $host }:{ $port } не успеа ({ $tls_name }).
error-mail-timed-out = Серверот за пошта { $host }:{ $port } престана да одговара.
error-mail-xoauth2-not-offered = Серверот за пошта { $host }:{ $port } не нуди OAuth 2.0 (XOAUTH2).
error-mail-smtp-auth-disabled-organisation = SMTP AUTH е исклучен за организацијата.
error-mail-smtp-auth-disabled-mailbox = SMTP AUTH е исклучен за поштенското сандаче { $mailbox }.
error-mail-security-defaults = Стандардните безбедносни поставки го блокираат SMTP AUTH.
error-mail-smtp-auth-disabled = SMTP AUTH е исклучен за { $mailbox } или за организацијата.
error-mail-authentication-unsuccessful = Серверот за пошта го одби најавувањето на { $account }.
error-mail-client-not-authenticated = Пораката е испратена без најавување.
error-mail-send-as-denied = { $account } нема дозвола да испраќа како { $from }.
error-mail-xoauth2-user-invalid = Корисникот { $account } не е валидна адреса на поштенско сандаче.
error-mail-basic-auth-not-supported = Серверот ја одбива основната автентикација (лозинки).
error-mail-server-busy = Серверот за пошта е зафатен.
error-mail-rejected = Серверот за пошта ја одби пораката.
error-mail-protocol-error = Размената со { $host }:{ $port } беше прекината.
error-run-sign-in-failed = Уредот известува дека најавувањето не успеа: „{ $detail }“
error-run-sign-in-timed-out = Никој не го заврши најавувањето во рок од { $waited_secs } секунди.
error-run-signed-out-while-waiting = Уредот се одјави додека чекаше (можеби се рестартирал).

# A run's waits (the app and the CLI): what the device keeps the run waiting for, and how long at most.
wait-device-away = Уредот не одговара (се рестартира?): се обидуваме повторно до { $secs } с.
wait-device-server-error = Уредот одговори со грешка: прашуваме повторно до { $secs } с.
wait-device-restarting = Уредот се рестартира за да ги примени поставките: чекаме до { $secs } с.
wait-over = Уредот повторно одговара.

## Причини пронајдени со проверката на закупецот

cause-security-defaults-on = Стандардните безбедносни поставки се вклучени за закупецот.
cause-smtp-auth-disabled-organisation = SMTP AUTH е исклучен за организацијата.
cause-smtp-auth-disabled-mailbox = SMTP AUTH е исклучен за поштенското сандаче { $mailbox }.
cause-smtp-auth-disabled = SMTP AUTH е исклучен за { $mailbox } или за организацијата.
cause-conditional-access-blocked = Правило за условен пристап го блокира најавувањето со код.
cause-application-not-usable = Апликацијата { $client_id } не може да се најави со код (текови на јавен клиент се исклучени или апликацијата е непозната).
cause-app-id-missing = printoauth не доби ID на апликацијата (клиентот) за овој закупец, или добиениот не е валиден.
cause-admin-consent-required = Администратор мора да даде согласност во име на организацијата.
cause-consent-not-granted = Не беше дадена согласност.
cause-sign-in-declined = Најавувањето беше одбиено.
cause-device-code-expired = Кодот истече пред некој да се најави.
cause-device-code-invalid = Кодот беше погрешен, веќе искористен или одбиен.
cause-session-expired = Најавувањето повеќе не важи.
cause-sign-in-rejected = Microsoft 365 го одби најавувањето ({ $error }).
cause-cancelled = Проверката беше откажана.
cause-sign-in-timed-out = Никој не го заврши најавувањето во рок од { $after_secs } секунди.
cause-authority-unreachable = Услугата за најавување на { $url } е недостапна.
cause-account-unknown = Најавувањето не кажа која сметка се најавила.
cause-token-rejected = Серверот за пошта го одби најавувањето на { $account } (истечено или за друга сметка).
cause-client-not-authenticated = Пораката е испратена без најавување.
cause-send-as-denied = { $account } нема дозвола да испраќа како { $from }.
cause-xoauth2-user-invalid = { $account } не е валидна адреса на поштенско сандаче.
cause-basic-auth-not-supported = Користена е основна автентикација (лозинка); таа не е поддржана.
cause-smtp-server-unreachable = Нема врска со серверот за пошта { $host }:{ $port }.
cause-smtp-tls-failed = Безбедната врска со { $host }:{ $port } не успеа ({ $tls_name }).
cause-xoauth2-not-offered = Серверот за пошта { $host }:{ $port } не нуди OAuth 2.0.
cause-smtp-server-busy = Серверот за пошта е зафатен (код { $code }).
cause-smtp-rejected = Серверот за пошта одби (код { $code }).
cause-address-invalid = „{ $address }“ не е адреса на е-пошта.
cause-ca-certificate-invalid = Конфигурираниот CA-сертификат не е валиден.

## Решенија за причините од проверката на закупецот

fix-turn-off-security-defaults = Исклучете ги стандардните безбедносни поставки за организацијата.
fix-enable-smtp-auth-organisation = Вклучете SMTP AUTH за организацијата. (Ако е исклучен, се блокира и поштата со OAuth 2.0, а не само лозинките.)
fix-enable-smtp-auth-mailbox = Вклучете SMTP AUTH за поштенското сандаче { $mailbox }. Неговата поставка има предност пред поставката на организацијата.
fix-enable-smtp-auth = Вклучете SMTP AUTH за организацијата и за поштенското сандаче { $mailbox }.
fix-review-conditional-access = Исклучете ја администраторската сметка (или апликацијата на уредот) од правилото за условен пристап „{ $policy }“.
fix-allow-public-client-flows = Дозволете текови на јавен клиент (Allow public client flows) за апликацијата { $client_id } или користете ја вистинската апликација.
fix-register-app = Регистрирајте го printoauth во закупецот еднаш, како што велат чекорите подолу (public client flows вклучени, делегираната дозвола { $permission }), потоа дајте му го на printoauth неговиот ID на апликацијата (клиентот): на екранот Microsoft 365 или во { $setting }.
fix-grant-admin-consent = Најавете се со администраторска сметка и штиклирајте „Согласност во име на организација“ или дајте согласност во административниот центар.
fix-sign-in-again = Обидете се повторно и завршете го најавувањето додека кодот важи.
fix-check-connection = Проверете ја мрежата, проксито и заштитниот ѕид за { $host }:{ $port }.
fix-check-tls = Проверете го името { $tls_name } и доверливите сертификати за { $host }.
fix-check-authority = Проверете ја адресата на услугата за најавување { $url }.
fix-use-signed-in-mailbox-as-sender = Поставете го { $account } за испраќач или дозволете { $account } да испраќа како { $from }.
fix-use-mailbox-address = Најавете се со адресата на поштенското сандаче на { $account }.
fix-use-oauth = Користете OAuth 2.0 наместо лозинка.
fix-enable-authentication = Вклучете автентикација на уредот што испраќа.
fix-use-exchange-online-server = Користете го серверот { $host }, порта { $port }.
fix-retry-later = Обидете се повторно подоцна.
fix-correct-address = Поправете ја адресата „{ $address }“.
fix-see-details = Прочитајте ја пораката од серверот во деталите.

## Што да направите со уред чие поставување не заврши

fix-check-admin-password = Проверете ја администраторската лозинка на уредот (често е на налепница на уредот или е поставена при инсталацијата). Деловните модели бараат и корисничко име.
fix-wait-for-lock-out = Премногу погрешни лозинки: почекајте уредот повторно да прифаќа најавувања, па обидете се пак со точната лозинка.
fix-update-firmware = Ажурирајте го фирмверот на уредот на верзија што нуди OAuth2, па обидете се повторно.
fix-use-standard-network = Поврзете се со уредот преку неговата стандардна мрежа: дополнителната мрежа не поддржува OAuth 2.0.
fix-check-device-connection = Проверете дали уредот на { $address } е вклучен и достапен од овој компјутер.
fix-check-device-address = Проверете дали { $address } е сопствената адреса на уредот (ја прикажува листот за мрежен статус на уредот). Засега printoauth поставува уреди Epson со Web Config.
fix-confirm-certificate = Ресетирање или ажурирање на фирмверот му дава на уредот нов сертификат: ако тоа се случило, проверете дали страницата на самиот уред (Network Security > SSL/TLS > Certificate) го прикажува новиот отпечаток { $found_sha256 }, верувајте му и обидете се повторно. Ако ништо такво не се случило, запрете: на { $address } можеби одговара друг уред.
fix-retry-or-report = Обидете се повторно. Ако пак се случи, испратете ги техничките детали до поддршката.
fix-do-on-device-page = printoauth не можеше да ја прочита страницата на уредот: направете го овој чекор на страницата на самиот уред, па проверете повторно.

## Наоди од решавањето проблеми

cause-healthy = Сè е во ред: OAuth 2.0 е поставен и најавен.
cause-still-on-basic-auth = Уредот сè уште се најавува со лозинка ({ $method }). Exchange Online го одбива тоа.
cause-signed-in-not-saved = Current Status покажува Signed in, но поставките не се испратени до уредот (не е кликнато OK).
cause-not-signed-in = Избран е OAuth2, но никој не се најавил.
cause-sign-in-expired = Најавувањето на уредот е истечено (долго не е користен или поминала зачестеноста на најавување).
cause-must-sign-in-again = Уредот мора повторно да се најави.
cause-no-connection = Уредот нема врска со услугата во облак или со услугата за е-пошта.
cause-sign-in-failed = Најавувањето на уредот не успеа: „{ $detail }“

## Лекови за наодите

fix-none = Нема потреба од ништо.
fix-configure = Поставете OAuth 2.0 со Exchange Online и најавете се.
fix-resave = Повторно кликнете OK на Email Server > Basic за да ги испратите поставките до уредот.
fix-check-device-network = Проверете ја мрежата на уредот и дали стигнува до услугата за пошта.

## Чекори на страницата на самиот уред, кога printoauth не можеше да ја прочита
## (имињата на самиот уред остануваат на англиски, како во упатството на производителот)

manual-open-web-config = Отворете { $url } во прелистувач на компјутер во истата мрежа. Прелистувачот може да предупреди за сопствениот сертификат на уредот.
manual-log-in = Најавете се како администратор: Log in, администраторската лозинка, OK.
manual-open-email-server-basic = Отворете го јазичето Network, па Email Server > Basic.
manual-set-auth-method-oauth2 = За Authentication Method изберете OAuth2.
manual-set-email-service = За Email service изберете { $service }. Страницата предупредува дека секоја друга најавена услуга за е-пошта ќе биде одјавена.
manual-press-sign-in = Кликнете Sign In.
manual-press-sign-in-with-microsoft = Кликнете „Sign in with Microsoft“. Страницата покажува код и адреса.
manual-enter-shown-code = Во прелистувач отворете ја адресата што ја покажува страницата, внесете го кодот што го покажува, па кликнете Next.
manual-enter-code = Во прелистувач отворете { $url }, внесете го кодот { $code }, па кликнете Next.
manual-sign-in-as-administrator = Најавете се со сметка што има улога Cloud Application Administrator или повисока: нејзината лозинка, па Sign In.
manual-consent-for-organisation = На „Permissions requested“ штиклирајте „Consent on behalf of your organization“, па кликнете Accept. Кога страницата ќе каже дека сте најавени, затворете ја.
manual-check-signed-in = Назад на Email Server > Basic, вчитајте ја страницата повторно: Current Status покажува Signed in.
manual-check-values = Проверете ги другите вредности: Sender's Email Address { $sender }, SMTP Server Address { $server }, SMTP Server Port Number { $port }, Secure Connection STARTTLS, Certificate Validation Enable.
manual-press-ok = Кликнете OK за да ги испратите поставките до печатачот, па OK на страницата за потврда. Страницата пишува „Setup complete.“

## Што printoauth не најде на страницата на уредот

missing-button = копчето „{ $label }“
missing-field = полето „{ $label }“
missing-option = изборот „{ $option }“ во „{ $field }“
missing-menu-entry = ставката од менито „{ $path }“
missing-page = страницата „{ $path }“
missing-row = редот „{ $label }“
missing-login-form = формуларот за најава на администраторот
missing-confirmation-form = страницата за потврда на зачувувањето
missing-save-confirmation = пораката „Setup complete.“ по зачувувањето
missing-sign-in-code = кодот за најава
missing-verification-url = адресата каде што се внесува кодот
missing-other = „{ $what }“

## Inventory: every device, read without changing it (the command line and the app)

cli-col-firmware = ФИРМВЕР
cli-col-oauth2 = OAUTH2
cli-col-auth = АВТЕНТИКАЦИЈА
cli-col-signed-in = НАЈАВЕН КАКО
cli-col-sender = ИСПРАЌАЧ
cli-col-password = ЛОЗИНКА ЗАПАМТЕНА
cli-col-last-mail = ПОСЛЕДНА ПОШТЕНСКА ЗАДАЧА
cli-inventory-password-prompt = Администраторска лозинка на уредите (Enter: список без најавување):
cli-inventory-signed-out = одјавен
cli-inventory-job-ok = { $time }: испратено
cli-inventory-job-failed = { $time }: неуспешно ({ $result })
cli-inventory-why = OAuth2: { $reason }
cli-inventory-instead = наместо тоа: { $alternative }
cli-inventory-summary =
    { $total ->
        [one] { $total } уред: веќе на OAuth2 — { $oauth2 }, може да преминат — { $possible }, не може — { $cannot }, непознато — { $unknown }.
       *[other] { $total } уреди: веќе на OAuth2 — { $oauth2 }, може да преминат — { $possible }, не може — { $cannot }, непознато — { $unknown }.
    }
app-inventory-read = Прочитај ги уредите
app-inventory-reading = Уредите се читаат (ништо не се менува на нив)…
app-inventory-password = Администраторска лозинка за читање (се користи еднаш, не се зачувува)
app-inventory-details = Детали
app-inventory-firmware = Фирмвер
app-inventory-oauth2 = OAuth 2.0
app-inventory-auth = Автентикација
app-inventory-signed-in = Најавен како
app-inventory-signed-out = одјавен
app-inventory-sender = Испраќач
app-inventory-last-mail = Последна поштенска задача
app-inventory-job-ok = { $time }: испратено
app-inventory-job-failed = { $time }: неуспешно ({ $result })
app-inventory-password-kept = Лозинката е запамтена
app-inventory-alternatives = Наместо OAuth 2.0

read-state-read = прочитано
read-state-password-needed = Не е прочитано: потребна е администраторската лозинка. Производителот и моделот се она што уредот го објавува на мрежата.
read-state-password-refused = Не е прочитано: уредот ја одби администраторската лозинка.
read-state-no-driver = Не е прочитано: printoauth сè уште не може да чита уреди од овој производител. Производителот и моделот се она што уредот го објавува на мрежата.
read-state-failed = Не е прочитано: уредот не може да се прочита.

oauth2-possible = OAuth2 е можен.
oauth2-unknown = Непознато додека уредот не се прочита.
oauth2-model-has-it = Овој модел има OAuth2 од фирмверот { $since }; прочитајте го уредот за да го дознаете неговиот фирмвер.
oauth2-firmware-too-old = Не со овој фирмвер ({ $firmware }): моделот има OAuth2 од фирмверот { $since }.
oauth2-model-without = Не: ниеден фирмвер на { $model } нема OAuth2.
oauth2-not-in-firmware = Не со овој фирмвер ({ $firmware }); дали понов фирмвер за овој модел го има, не е познато.
oauth2-additional-network = Не преку оваа врска: до уредот се стигнува преку неговата дополнителна мрежа, која нема OAuth2. Неговата стандардна мрежа го има.
oauth2-vendor-not-supported = Не со printoauth: сè уште не може да поставува уреди од { $vendor }.

alternative-use-standard-network = Поврзете го уредот преку неговата стандардна мрежа наместо дополнителната, па таму поставете OAuth2.
alternative-update-firmware = Ажурирајте го фирмверот на { $model } на { $since } или понов, па поставете OAuth2.
alternative-ask-vendor-for-firmware = Прашајте го производителот дали постои фирмвер со OAuth2 за { $model }; ако постои, ажурирајте и поставете OAuth2.
alternative-vendor-own-setup = { $vendor } опишува OAuth 2.0 за некои свои модели на сопствената веб-страница на уредот: следете го упатството на производителот за овој модел.
alternative-exchange-connector = Конектор на Exchange Online (SMTP-реле): уредот праќа без лозинка до MX-крајната точка на вашиот домен (…mail.protection.outlook.com) на портата { $port }. Потребни се статична јавна IP-адреса на канцеларијата, отворена излезна порта { $port } и конектор што прима пошта од таа адреса.
alternative-high-volume-email = Microsoft High Volume Email: само за примачи во вашата организација, и се плаќа. Подолго ја прифаќа лозинката на уредот (основна автентикација): до септември 2028, како што Microsoft објави во 2026. Потребни се HVE-сметка и уредот да праќа до { $server }, порта { $port }.
alternative-local-relay = Реле во канцелариската мрежа (реле SMTP-во-Graph или OAuth-прокси): уредот праќа до него како и досега, а тоа се најавува во Microsoft 365 наместо уредот. Потребни се компјутер или сервер што е секогаш вклучен и сопствена регистрација на апликацијата на релето во закупецот.

## Состојба (printoauth health; проверка на апликацијата при стартување)
health-healthy = Во ред
health-sign-in-expired = Најавата истече: најавете се повторно.
health-sign-in-needed = Мора повторно да се најави.
health-jobs-failed = Последните задачи за пошта не успеаја.
health-needs-attention = Бара внимание (видете ги причините).
health-not-on-oauth2 = Не е на OAuth2: нема најава за проверка.
health-not-readable = Не е проверено.
cli-col-health = СОСТОЈБА
cli-health-job-code = код на задача { $code }
cli-health-summary = Проверени: { $total }. Бараат внимание: { $attention }, од нив треба повторна најава: { $sign_in }.
app-health-banner = { $count ->
    [one] Еден уред мора повторно да се најави на Microsoft:
   *[other] { $count } уреди мора повторно да се најават на Microsoft:
}
app-health-sign-in-again = Најави повторно
app-health-sign-in-again-hint = Една серија повторно ги најавува сите; вие се најавувате на Microsoft еднаш.

## The customer's report (PDF), made by crates/core/src/report.rs
report-title = Извештај за поставување скенирање во е-пошта
report-site = Локација: { $site }
report-date = Датум: { $date }
report-run = Извршување { $id }, започнато { $time }
report-practice = Вежбовно извршување: емулирани уреди, ниту еден вистински уред не е променет.
report-sender = Испраќач: { $sender }
report-summary = Поставени и проверени уреди: { $done } од { $total }
report-device-id = Уред: { $id }
report-model = Модел: { $model }
report-address = Адреса: { $address }
report-result = Резултат: { $result }
report-result-done = поставен и проверен
report-result-failed = неуспешно
report-result-cancelled = откажано
report-result-unfinished = недовршено
report-failed-at = Запре пред: { $step }
report-error = Грешка: { $error }
report-fix = Решение: { $fix }
report-found = Пронајдено: { $settings }
report-changes = Променето (пред → потоа):
report-no-changes = Ништо не требаше да се менува.
report-tenant = Проверка на Microsoft 365
report-tenant-checked-at = Проверено: { $time }
report-tenant-own = Проверено од printoauth: најавување и тест-порака.
report-tenant-through-device = Проверено преку уредот { $device }: неговиот сопствен тест за поврзување.
report-tenant-passed = Сите проверки поминаа.
report-tenant-failed = Некои проверки не поминаа.
report-check-passed = помина
report-check-failed = не помина
report-check-not-checked = не е проверено
report-no-secrets = Овој извештај не содржи лозинка, токен или код за најава.
