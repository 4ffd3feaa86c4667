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
cli-tenant-cause = причина: { $cause }
cli-tenant-fix = решение: { $fix }
cli-tenant-ready = Закупецот е подготвен.
cli-tenant-not-ready = Закупецот не е подготвен: видете ги решенијата погоре.

## Командна линија: решавање проблеми

cli-finding = наод: { $finding }
cli-remedy = лек: { $remedy }

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
