# printoauth — o‘zbekcha katalog (Lotin yozuvi).
# Ilova interfeysi va CLI uchun umumiy katalog. Qurilmaning o‘zi ko‘rsatadigan
# nomlar (Web Config menyulari va tugmalari) barcha tillarda inglizcha qoladi.

## Buyruq satri: qidirish

cli-no-devices = Hech qanday printer yoki skaner javob bermadi.
cli-devices-found =
    { $count ->
        [one] { $count } ta qurilma topildi.
       *[other] { $count } ta qurilma topildi.
    }
cli-col-vendor = ISHLAB CHIQARUVCHI
cli-col-model = MODEL
cli-col-host = XOST
cli-col-address = MANZIL
cli-col-scan = SKANER
cli-col-admin = ADMIN SAHIFASI
cli-yes = ha
cli-no = yo‘q
cli-unknown = ?
cli-not-supported = { $model } (hozircha qo‘llab-quvvatlanmaydi)

## Buyruq satri: bitta qurilma holati

cli-status-title = { $device }: { $model } (proshivka { $firmware })
cli-status-oauth2 = OAuth2 mavjud: { $available }
cli-status-additional-network = Qo‘shimcha tarmoq orqali ulanildi: OAuth2 faqat standart tarmoqda ishlaydi.
cli-status-auth = Autentifikatsiya: { $method }
cli-status-current = Current Status: { $status }
cli-status-account = Hisob: { $account }
cli-status-sender = Sender's Email Address: { $sender }
cli-status-smtp = SMTP server: { $server }:{ $port }
cli-status-device-says = Qurilma xabari: { $message }

## Buyruq satri: qurilmalarni sozlash

cli-step-found = topildi
cli-step-logged-in = administrator sifatida kirildi
cli-step-oauth2-set = OAuth2 o‘rnatildi
cli-step-waiting-for-consent = tizimga kirish kutilmoqda
cli-step-signed-in = tizimga kirildi
cli-step-saved = saqlandi (OK)
cli-step-verified = tekshirildi
cli-run-step = [{ $device }] { $step }
cli-run-sign-in = [{ $device }] Tizimga kirish: { $url } manzilini oching va { $code } kodini kiriting (tashkilot nomidan rozilik bera oladigan hisob bilan).
cli-run-done = [{ $device }] tayyor: tizimga kirildi, saqlandi va tekshirildi.
cli-run-failed = [{ $device }] “{ $step }” bosqichidan oldin to‘xtadi: { $error }
cli-run-summary =
    { $total ->
        [one] { $total } ta qurilmadan { $done } tasi sozlandi.
       *[other] { $total } ta qurilmadan { $done } tasi sozlandi.
    }

## Buyruq satri: tenant tekshiruvi

cli-tenant-sign-in = Tizimga kirish: { $url } manzilini oching va { $code } kodini kiriting.
cli-tenant-signed-in = { $account } sifatida tizimga kirildi.
cli-tenant-sending = Test xati { $from } manzilidan { $to } manziliga { $server } orqali yuborilmoqda…
cli-check-security-defaults = Xavfsizlik standart qiymatlari o‘chirilgan
cli-check-smtp-auth-organisation = SMTP AUTH tashkilot uchun yoqilgan
cli-check-smtp-auth-mailbox = SMTP AUTH pochta qutisi uchun yoqilgan
cli-check-device-code-flow-allowed = Kod bilan tizimga kirishga ruxsat berilgan (shartli kirish)
cli-check-consent = Ilovaga rozilik berilgan
cli-check-sign-in = Tizimga kirish
cli-check-test-mail = Test xati
cli-check-passed = ok
cli-check-failed = XATO
cli-check-not-checked = tekshirilmadi
cli-tenant-cause = sabab: { $cause }
cli-tenant-fix = tuzatish: { $fix }
cli-tenant-ready = Tenant tayyor.
cli-tenant-not-ready = Tenant tayyor emas: yuqoridagi tuzatishlarni ko‘ring.

## Buyruq satri: nosozliklarni bartaraf etish

cli-finding = aniqlandi: { $finding }
cli-remedy = yechim: { $remedy }

## Buyruq satri: mashq rejimi

cli-practice-running =
    { $count ->
        [one] Mashq muhiti ishlamoqda ({ $count } ta qurilma). Ctrl-C uni to‘xtatadi.
       *[other] Mashq muhiti ishlamoqda ({ $count } ta qurilma). Ctrl-C uni to‘xtatadi.
    }
cli-practice-point = Buyruq satrini unga yo‘naltiring: { $command }
cli-practice-sign-in-as = { $account } sifatida { $password } paroli bilan tizimga kiring.
cli-practice-control = Boshqaruv API: { $url }

## Buyruq satri: xatolar

cli-error = printoauth: { $error }
