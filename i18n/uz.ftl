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
cli-manual-title = [{ $device }] Buni qurilmaning o‘z sahifasida ({ $url }) bajaring:
cli-manual-stopped-here = printoauth shu yerda to‘xtadi. Qurilma sahifasida topilmadi: { $what }
cli-manual-resume = Bajarib bo‘lgach, quyidagi buyruq bilan davom eting: { $command }
cli-manual-capture = Qurilma sahifalarini xato haqidagi xabar bilan yuborish uchun: { $command }
cli-capture-written =
    { $count ->
        [one] { $count } ta sahifa parollar, tokenlar va kodlarsiz saqlandi: { $file }
       *[other] { $count } ta sahifa parollar, tokenlar va kodlarsiz saqlandi: { $file }
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
cli-cause = sabab: { $cause }
cli-fix = tuzatish: { $fix }
cli-trust-certificate-hint = Yangi sertifikatga ishonsangiz: { $command }
cli-certificate-trusted = { $fingerprint } sertifikati endi { $device } uchun ishonchli.
cli-tenant-ready = Tenant tayyor.
cli-tenant-not-ready = Tenant tayyor emas: yuqoridagi tuzatishlarni ko‘ring.
cli-tenant-through-device = Tenant { $device } orqali tekshirilmoqda: qurilmaning o‘z ulanish sinovi.
cli-tenant-device-said = Qurilma javobi: { $message }
cli-tenant-meanwhile = Hozircha printoauth { $time } dagi ishga tushirishda sozlangan qurilma orqali tekshiradi: { $device }

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
cli-error-address-unreadable = “{ $address }” printoauth o‘qiy oladigan manzil emas: xost nomi, IP manzil yoki qurilmaning https:// manzilini kiriting.
cli-error-world-address-bad = Mashq muhiti faylida { $device } qurilmasi uchun yaroqli manzil yo‘q.
cli-error-password-missing = { $device } uchun administrator paroli yo‘q: { $variable } ni o‘rnating yoki printoauth’ni terminalda ishga tushiring.
cli-error-password-unreadable = Parolni o‘qib bo‘lmadi: { $detail }
cli-error-runtime = printoauth ishga tusha olmadi: { $detail }
cli-error-world-file-unreadable = { $file } mashq muhiti faylini o‘qib bo‘lmaydi: { $detail }
cli-error-world-file-unwritable = { $file } mashq muhiti fayliga yozib bo‘lmaydi: { $detail }
cli-error-capture-unwritable = { $file } yozib olish fayliga yozib bo‘lmaydi: { $detail }
cli-error-practice-world-failed = Mashq muhiti ishga tusha olmadi: { $detail }
cli-error-fingerprint-invalid = “{ $fingerprint }” sertifikat barmoq izi emas: uning SHA-256 qiymatining 64 ta o‘n oltilik raqamini kiriting.
cli-error-pins-unwritable = Sertifikat pinlarini saqlab bo‘lmadi: { $detail }
cli-error-sender-missing = Jo‘natuvchi yo‘q: --sender MANZIL ni bering.
cli-error-no-configured-device = Audit jurnalida tekshirish uchun sozlangan qurilma hali yo‘q: --device QURILMA bilan birini ko‘rsating.
cli-error-configured-device-gone = { $time } dagi ishga tushirishda sozlangan { $device } qurilmasi bu mashq muhitida yo‘q (o‘sha ishga tushirish avvalgi muhitda bo‘lgan): --device QURILMA bilan qurilmani ko‘rsating.
cli-error-audit-unreadable = Audit jurnalini o‘qib bo‘lmadi: { $detail }
cli-error-report-no-run = Audit jurnalida { $run } ishga tushirishi yo‘q: `printoauth audit` barcha ishga tushirishlarni ko‘rsatadi.
cli-error-report-nothing = Hali hech qanday ishga tushirish yozilmagan: hisobot uchun ma’lumot yo‘q.
cli-error-report-unwritable = { $file } hisobotini yozib bo‘lmadi: { $detail }
cli-report-written = { $id } ishga tushirishi hisoboti (qurilmalar: { $count }) yozildi: { $file }

## Buyruq satri: audit jurnali

cli-audit-unavailable = Audit jurnaliga yozib bo‘lmadi ({ $detail }): ish usiz davom etadi.
cli-audit-unavailable-check = Audit jurnaliga yozib bo‘lmadi ({ $detail }): tekshiruv uni yozmasdan davom etadi.
cli-unfinished-title = Oxirgi ishga tushirish ({ $time }) tugatmagan qurilmalar: { $count }
cli-unfinished-resume = Ularni davom ettirish uchun: { $command }
cli-resume-nothing = Oxirgi ishga tushirish tugallanmagan qurilma qoldirmadi: davom ettiradigan narsa yo‘q.
cli-resuming = { $time } dagi ishga tushirish davom ettirilmoqda: { $devices }
cli-audit-file = Audit jurnali: { $file }
cli-audit-empty = Hali birorta ishga tushirish yozilmagan.
cli-audit-run = Ishga tushirish { $id } ({ $time }), jo‘natuvchi { $sender }: { $total } tadan { $finished } tasi tugadi
cli-audit-run-practice = Mashq ishga tushirishi { $id } ({ $time }), jo‘natuvchi { $sender }: { $total } tadan { $finished } tasi tugadi
cli-col-time = VAQT
cli-col-device = QURILMA
cli-col-action = QADAM
cli-col-result = NATIJA
cli-col-change = OLDIN -> KEYIN
cli-audit-ok = ok
cli-audit-not-started = boshlanmagan
audit-action-logged-in = kirildi
audit-action-oauth2-set = OAuth2 o‘rnatildi
audit-action-sign-in-started = kirish boshlandi
audit-action-signed-in = tizimga kirildi
audit-action-saved = saqlandi (OK)
audit-action-verified = tekshirildi
audit-action-done = tayyor
audit-action-failed = muvaffaqiyatsiz
audit-action-cancelled = bekor qilindi

## Ilova: oyna, navigatsiya, tillar
## Qurilmaning o‘zi Web Config’da ko‘rsatadigan nomlar (Email Server > Basic, Authentication
## Method, Current Status, Signed in, Sign in with Microsoft, OK, …) barcha tillarda,
## tarjima qilingan gaplar ichida ham inglizcha qoladi.

app-title = printoauth
app-tagline = Xatlarni Exchange Online orqali OAuth 2.0 bilan tizimga kirib yuboradigan ofis printerlari.
app-start-failed = printoauth ishga tushmadi:
app-status-loading = Ishga tushirilmoqda…
app-status-ready = { $name } { $version } tayyor.
app-about-open = printoauth haqida
app-about-title = printoauth haqida
app-about-version = Versiya { $version }
app-about-updates-title = Yangilanishlar
app-about-updates-at-start = printoauth ishga tushganda yangi versiyani qidirish
app-about-updates-check = Yangi versiyani hozir qidirish
app-about-updates-checking = Yangi versiya qidirilmoqda…
app-about-updates-none = Sizda eng yangi versiya o‘rnatilgan.
app-about-updates-available = { $version } versiyasi chiqdi. Sizdagi versiya: { $current }.
app-about-updates-install = O‘rnatish va qayta ishga tushirish
app-about-updates-installing = Yuklab olinmoqda, imzosi tekshirilmoqda va o‘rnatilmoqda…
app-about-updates-unsupported = printoauth’ning bu nusxasi o‘zini o‘zi yangilamaydi. Yangilanishlarni olish uchun printoauth’ni uning yuklab olish sahifasidan o‘rnating.
app-about-updates-what = Qidirish uchun printoauth o‘z yuklab olish sahifasidan eng yangi versiya raqamini oladi. U qurilmalaringiz yoki tashkilotingiz haqida hech narsa yubormaydi. Yangi versiya faqat uning imzosi printoauth’dan ekanini isbotlaganda o‘rnatiladi.
app-nav-label = Bosqichlar
app-nav-devices = Qurilmalar
app-nav-tenant = Microsoft 365
app-nav-wizard = Sozlash
app-nav-results = Natijalar
app-nav-troubleshoot = Nosozliklar
app-language = Til
app-practice-banner = Bu qurilmalar, hisoblar va pochta qutilari shu kompyuterda emulyatsiya qilingan. Haqiqiy hech narsa o‘zgartirilmaydi.
app-error-unknown-code = Kutilmagan xato yuz berdi (kod { $code }).
app-error-unexpected = Kutilmagan xato yuz berdi ({ $detail }).
app-message-missing = (Bu matn mavjud emas. Iltimos, bu haqda xabar bering.)
app-copy = Nusxa olish
app-copied = Nusxa olindi
app-copy-failed = Matnni belgilang va Ctrl+C bilan nusxa oling.
app-details = Texnik tafsilotlar
app-block-powershell = PowerShell
app-block-verify = Natijani tekshirish uchun
app-block-admin-center = Administratorlar markazida
app-state-working = Bajarilmoqda
app-state-needs-you = Sizni kutmoqda
app-state-done = Tayyor
app-state-failed = Xato
app-cancel = Bekor qilish
app-yes = ha
app-no = yo‘q
app-none = yo‘q

## Ilova: qurilmalar

app-devices-title = Ushbu tarmoqdagi printerlar va skanerlar
app-devices-intro = Xatlarni OAuth 2.0 bilan yuborishi kerak bo‘lgan qurilmalarni tanlang. Qurilmalar javob bergan sari ro‘yxat to‘ladi.
app-devices-searching = Qurilmalar qidirilmoqda…
app-devices-count =
    { $count ->
        [one] { $count } ta qurilma topildi, { $selected } tasi tanlandi.
       *[other] { $count } ta qurilma topildi, { $selected } tasi tanlandi.
    }
app-devices-empty = Hali hech qanday qurilma javob bermadi.
app-devices-quiet = { $seconds } soniya ichida hech qanday qurilma javob bermadi. Bu kompyuter printerlar tarmog‘ida ekanini tekshiring, qurilmani manzili bo‘yicha qo‘shing yoki mashq rejimini sinab ko‘ring.
app-col-vendor = Ishlab chiqaruvchi
app-col-model = Model
app-col-address = Manzil
app-col-oauth2 = OAuth 2.0 mumkin
app-col-mail-status = Pochtaga kirish
app-select-device = { $device } qurilmasini tanlash
app-select-all = Hammasini tanlash
app-rescan = Qayta qidirish
app-interface = Tarmoq
app-interface-default = Odatiy tarmoqlar (VPN va virtual tarmoqlarsiz)
app-interface-all = Barcha tarmoqlar
app-interface-virtual = { $name } (virtual)
app-unsupported = hozircha qo‘llab-quvvatlanmaydi
app-practice-device = mashq
app-add-device-label = Qurilmani IP-manzil yoki xost nomi bo‘yicha qo‘shish
app-add-device = Qo‘shish
app-add-device-working = { $host } tekshirilmoqda…
app-unfinished-title = Oxirgi ishga tushirish ({ $time }) tugatmagan qurilmalar: { $count }
app-unfinished-changed = qisman o‘zgartirilgan
app-unfinished-last = oxirgi qadam: { $step }
app-unfinished-not-started = boshlanmagan
app-unfinished-waiting = Ularning hech biri hali ro‘yxatda yo‘q: topilgach, davom ettirish mumkin.
app-unfinished-resume = Davom ettirish ({ $count })
app-unfinished-dismiss = Hozir emas
app-to-wizard =
    { $count ->
        [0] Tanlangan qurilmalarni sozlash
        [one] { $count } ta qurilmani sozlash
       *[other] { $count } ta qurilmani sozlash
    }
app-oauth2-yes = ha
app-oauth2-no = yo‘q
app-oauth2-unknown = hali noma’lum

## Ilova: mashq rejimi

app-practice-title = Mashq rejimi
app-practice-offer = Avval har bir bosqichni emulyatsiya qilingan ofisda sinab ko‘ring: emulyatsiya qilingan Epson qurilmalari, Microsoft 365 tenanti va pochta qutisi — barchasi shu kompyuterda.
app-practice-count = Mashq qurilmalari soni
app-practice-start = Mashq rejimini boshlash
app-practice-starting = Emulyatsiya qilingan ofis ishga tushirilmoqda…
app-practice-unavailable = Mashq rejimi ushbu versiyaga kiritilmagan.
app-practice-accounts = Mashq hisoblari (tizimga kirish uchun)
app-practice-col-account = Hisob
app-practice-col-password = Parol
app-practice-col-role = Rol
app-practice-kind-personal = Shaxsiy Microsoft hisobi (Outlook.com): xizmat sifatida Outlook.com ni tanlang
app-practice-kind-federated = O‘z sahifasida kiradi ({ $host }): kirish oynasi brauzeringizni taklif qiladi
app-practice-device-password = Qurilma administratori: foydalanuvchi { $user }, parol { $password }
app-practice-sender = Jo‘natuvchi manzili: { $sender }
app-practice-faults = Muammoni mashq qilish
app-practice-faults-intro = Muammoni yoqing, so‘ng sozlash yoki nosozliklarni bartaraf etishni ishga tushiring va printoauth uni qanday tushuntirishini ko‘ring.
app-practice-fault-device = Muammo uchun qurilma
app-practice-stop = Mashq rejimidan chiqish

## Ilova: tenant

app-tenant-title = Microsoft 365 tenanti
app-tenant-intro = Biror qurilma xatlarni OAuth 2.0 bilan yubora olishidan oldin administrator tenantni bir marta tayyorlaydi.
app-prerequisites = Tenantga nima kerak
app-tenant-sender = Tekshiruv uchun jo‘natuvchi manzili
app-tenant-sender-hint = Qurilmalar xat yuboradigan pochta qutisi. Tekshiruv undan o‘ziga test xatini yuboradi.
app-tenant-app-id = Tenantingizdagi printoauth ilovasi (mijoz) identifikatori
app-tenant-app-id-hint = printoauth’ni Microsoft Entra’da bir marta ro‘yxatdan o‘tkazing (maydon bo‘sh bo‘lsa, tekshiruv buni qanday qilishni ko‘rsatadi). Mashq rejimida kerak emas.
app-tenant-check = Tenantni tekshirish
app-tenant-check-intro = printoauth Microsoft 365 tizimiga kiradi, o‘qiy oladigan narsalarni o‘qiydi va test xatini yuboradi.
app-tenant-check-start = Hozir tekshirish
app-tenant-device-check = Qurilma orqali tekshirish
app-tenant-device-check-intro = Hali ilova identifikatori yo‘qmi? Allaqachon sozlangan qurilma (OAuth2, tizimga kirgan) ulanishni o‘zi sinab ko‘ra oladi: uning javobi o‘sha sabab va tuzatishlarga bog‘lanadi.
app-tenant-device-check-none = Avval qurilma qo‘shing yoki toping (Qurilmalar ekrani).
app-tenant-device-check-device = Qurilma
app-tenant-device-check-password = Uning administrator paroli (eslab qolinmagan bo‘lsa)
app-tenant-device-check-start = Shu qurilma orqali tekshirish
app-tenant-device-said = Qurilma javobi: { $message }
app-tenant-signing-in = Administrator hisobi bilan tizimga kiring: kirish oynasini (yoki { $url }) oching va ushbu kodni kiriting:
app-code-expires = Kod { DATETIME($time, hour: "numeric", minute: "2-digit") } gacha amal qiladi.
app-tenant-signed-in = { $account } sifatida tizimga kirildi.
app-tenant-signed-in-unknown = Tizimga kirildi.
app-tenant-sending = Test xati { $from } manzilidan { $to } manziliga { $host }:{ $port } orqali yuborilmoqda…
app-tenant-passed = Tenant tayyor.
app-tenant-failed = Tenant hali tayyor emas: quyida nimani tuzatish kerakligini ko‘ring.
app-tenant-results = Tekshiruv natijalari
app-check-passed = o‘tdi
app-check-failed = o‘tmadi
app-check-not-checked = tekshirilmadi
app-cause = Sabab
app-fix = Nima qilish kerak
app-evidence = Server javobi

## Ilova: sozlash ustasi

app-wizard-title = Qurilmalarda OAuth 2.0 ni sozlash
app-wizard-devices =
    { $count ->
        [0] Hech qanday qurilma tanlanmagan. Avval Qurilmalar ekranida qurilmalarni tanlang.
        [one] { $count } ta qurilma tanlandi.
       *[other] { $count } ta qurilma tanlandi.
    }
app-admin-user = Qurilma administratorining foydalanuvchi nomi
app-admin-user-hint = Epson biznes modellarida administrator foydalanuvchi nomi, agar kimdir o‘rnatmagan bo‘lsa, bo‘sh bo‘ladi: qurilma administratori nom tanlamagan bo‘lsa, bo‘sh qoldiring. Faqat parol so‘raydigan modellar buni e’tiborga olmaydi.
app-shared-password = Qurilma administratori paroli (hammasi uchun bir xil)
app-per-device-passwords = Har bir qurilma uchun alohida parol
app-device-password = { $device } uchun parol
app-remember-passwords = Parollarni shu kompyuterning kalitlar omborida saqlash
app-password-remembered = (parol kalitlar omborida saqlangan)
app-sender = Jo‘natuvchi manzili
app-sender-hint = Qurilmalar xat yuboradigan pochta qutisi. Keyinroq tizimga shu hisob bilan yoki uning nomidan yubora oladigan hisob bilan kirish kerak.
app-service = Email service
app-service-exchange-online = Microsoft Exchange Online (ish yoki o‘qish)
app-service-outlook-com = Outlook.com (shaxsiy)
app-embedded-sign-in = printoauth oynasida tizimga kirish (kod siz uchun kiritiladi)
app-run-start = Boshlash
app-run-cancel = To‘xtatish
app-invalid-no-devices = Kamida bitta qurilmani tanlang.
app-invalid-sender-empty = Jo‘natuvchi manzilini kiriting.
app-invalid-sender = “{ $address }” pochta manzili emas.
app-invalid-password = Administrator parolini kiriting.
app-invalid-device-password = { $device } uchun administrator parolini kiriting.
app-run-progress = Jarayon
app-run-summary = { $done } tasi tayyor, { $failed } tasida xato, { $working } tasi bajarilmoqda, { $waiting } tasi sizni kutmoqda.
app-run-needs-you = Ushbu qurilma uchun tizimga kiring: tashkilot nomidan rozilik bera oladigan hisob bilan Microsoft sahifasida ushbu kodni kiriting va “Tashkilot nomidan rozilik berish” bandini belgilang.
app-show-sign-in-window = Kirish oynasini ko‘rsatish
app-open-in-browser = Uning o‘rniga brauzerimda ochish
app-copy-code = Koddan nusxa olish
app-consent-window-open = Kirish oynasi ochiq.
app-sign-in-elsewhere-title = Kirish brauzeringizda davom etadi
app-sign-in-elsewhere-body = Tashkilotingiz o‘zining kirish sahifasida kiradi: { $host }. Bu oyna faqat Microsoft kirish sahifalarini ochadi, shuning uchun u sahifani ochmaydi.
app-sign-in-elsewhere-copied = { $code } kodi nusxalandi. Brauzeringizda uni Microsoft sahifasiga joylashtiring, so‘ng odatdagidek kiring.
app-sign-in-elsewhere-not-copied = Brauzeringizda Microsoft sahifasiga { $code } kodini kiriting, so‘ng odatdagidek kiring.
app-sign-in-elsewhere-button = Brauzerimda davom etish
app-sign-in-elsewhere-opened = Kirish sahifasi brauzeringizda ochildi.
app-run-failed-at = “{ $step }” bosqichidan oldin to‘xtadi.
app-run-running = Sozlash davom etmoqda. Bu ekrandan chiqishingiz mumkin; jarayon davom etadi.

## Ilova: natijalar

app-results-title = Natijalar
app-results-empty = Hali hech narsa sozlanmagan.
app-results-summary =
    { $total ->
        [one] { $total } ta qurilmadan { $done } tasi sozlandi, { $failed } tasida xato.
       *[other] { $total } ta qurilmadan { $done } tasi sozlandi, { $failed } tasida xato.
    }
app-results-changes = Nima o‘zgardi
app-change-before-after = { $before } → { $after }
app-change-set = { $after } qiymati o‘rnatildi
app-no-changes = Hech narsani o‘zgartirish kerak bo‘lmadi.
app-result-error = Nima noto‘g‘ri ketdi
app-result-generic-fix = Qurilmaning veb-sahifasini (Email Server > Basic) tekshiring, so‘ng qayta urinib ko‘ring. Yana xato bo‘lsa, Nosozliklar bo‘limini oching.
app-report-title = Mijoz uchun hisobot
app-report-hint = Har bir qurilma, nima o‘zgargani va Microsoft 365 tekshiruvi, shu tilda. Unda hech qanday parol, token yoki kirish kodi yo‘q.
app-report-site = Obyekt (hisobotda chop etiladi)
app-report-format = Format
app-report-save = Hisobotni saqlash
app-report-saved = Saqlandi: { $file } (qurilmalar: { $devices }).
app-report-open = Ochish
app-report-show-folder = Jildda ko‘rsatish
app-retry = Qayta urinish
app-trust-certificate = Yangi sertifikatga ishonish va qayta urinish
app-troubleshoot-device = Nosozliklar
app-manual-open = Bu qadamni qurilma sahifasida bajarish
app-manual-title = Qurilmaning o‘z sahifasida
app-manual-intro = printoauth bu qurilmaning sahifasini o‘qiy olmadi. Ushbu qadamlarni qurilmaning o‘z sahifasida, { $url } manzilida bajaring (u brauzeringizda ochiladi), so‘ng “Qayta tekshirish” tugmasini bosing.
app-manual-missing = Qurilma sahifasida topilmadi: { $what }
app-manual-stopped-here = printoauth shu yerda to‘xtadi
app-manual-open-again = Qurilma sahifasini qayta ochish
app-manual-check-again = Qayta tekshirish

## Ilova: nosozliklarni bartaraf etish

app-troubleshoot-title = Qurilma nosozliklarini bartaraf etish
app-troubleshoot-intro = printoauth qurilmaning pochta sozlamalarini, tizimga kirish holatini va so‘nggi ishlarini o‘qiydi hamda nima qilish kerakligini aytadi.
app-troubleshoot-choose = Qurilma
app-troubleshoot-none = Hali qurilmalar yo‘q: ularni Qurilmalar ekranida toping.
app-troubleshoot-password = Qurilma administratori paroli
app-troubleshoot-run = Qurilmani tekshirish
app-troubleshoot-working = Qurilma o‘qilmoqda…
# Web Config yorlig‘i: inglizcha qoldiring.
app-health-auth = Authentication Method
# Web Config yorlig‘i: inglizcha qoldiring.
app-health-sender = Sender's Email Address
app-health-signed-in = Signed in
app-health-account = Hisob
app-health-panel = Qurilma xabari
app-health-jobs = So‘nggi ishlar
app-health-no-jobs = So‘nggi pochta ishlari yo‘q.
app-job-code-360 = 360: bulut xizmati yoki e-pochta xizmatiga ulanish yo‘q.
app-job-code-361 = 361: bulut xizmati yoki e-pochta xizmatiga ulanish muddati tugagan; qayta ulaning.
app-job-code-370 = 370: qurilma bulut xizmatiga qaytadan kirishi kerak.
app-job-code-other = Kod { $code }.
app-job-succeeded = Yuborildi.
app-job-no-connection = Bulut xizmati yoki e-pochta xizmatiga ulanish yo‘q.
app-job-connection-expired = Bulut xizmati yoki e-pochta xizmatiga ulanish muddati tugagan.
app-job-sign-in-required = Qurilma tizimga qaytadan kirishi kerak.
app-job-other-error = Xato.
app-job-other = Boshqa (bajarilmoqda yoki bekor qilingan).
app-diagnoses = printoauth nimani aniqladi
app-remedy-resave = Sozlamalarni qayta yuborish
app-remedy-sign-in-again = Qayta kirish
app-remedy-configure = Hozir sozlash
app-remedy-show-instructions = Nima qilishni ko‘rsatish
app-instructions-check-device-network = Qurilma panelida Sozlamalar > Umumiy sozlamalar > Tarmoq sozlamalari > Tarmoq holati > E-pochta serveri holati bandini oching. Qurilmada shlyuz va DNS server borligini hamda brandmauer unga Email Server > Basic sahifasidagi SMTP Server Address manziliga 587-port orqali ulanishga ruxsat berishini tekshiring.
app-instructions-review-conditional-access = Microsoft Entra administratorlar markazida Shartli kirish siyosatlarini oching. Kod bilan kirish oqimini bloklaydigan siyosatni (masalan, “Block device code flow”) toping va qurilmalarni tizimga kirituvchi administrator hisobini yoki qurilma ilovasini undan istisno qiling.
app-resave-done = Sozlamalar qurilmaga qayta yuborildi.

## Ilova: sozlash bosqichlari (har bir bosqichga bittadan)

step-found = Topildi
step-logged-in = Administrator sifatida kirildi
step-oauth2-set = OAuth2 tanlandi
step-waiting-for-consent = Tizimga kirish kutilmoqda
step-signed-in = Tizimga kirildi
step-saved = Saqlandi (OK)
step-verified = Tekshirildi

## Ilova: qurilmaning pochta holati

mail-status-not-checked = tekshirilmadi
mail-status-basic-auth = parol (Asosiy autentifikatsiya)
mail-status-oauth2-signed-out = OAuth2, tizimdan chiqilgan
mail-status-oauth2-signed-in = OAuth2, tizimga kirilgan

## Ilova: sozlash o‘zgartiradigan sozlamalar
## Bular qurilmaning Email Server > Basic sahifasidagi o‘z yorliqlari: inglizcha qoldiring.

change-authentication-method = Authentication Method
change-email-service = Email service
change-sender = Sender's Email Address
change-smtp-server = SMTP Server Address
change-port = SMTP Server Port Number
change-secure-connection = Secure Connection
change-current-status = Current Status

## Ilova: mashq uchun muammolar

fault-wrong-password = Qurilma administratori paroli boshqacha
fault-no-oauth2 = Qurilma proshivkasida OAuth2 yo‘q
fault-conditional-access = Shartli kirish kod bilan kirishni bloklaydi (butun tenant)
fault-expired-sign-in = Qurilmaning tizimga kirish muddati tugagan
fault-unreadable-page = printoauth o‘qiy olmaydigan sahifa (Sign In tugmasi boshqacha nomlangan)

## Ilova: tenant tekshiruvlari va talablari

check-security-defaults = Xavfsizlik standart qiymatlari o‘chirilgan
check-security-defaults-what = Xavfsizlik standart qiymatlari SMTP AUTH ni bloklaydi; ularni tashkilot uchun o‘chirib qo‘ying.
check-smtp-auth-organisation = SMTP AUTH tashkilot uchun yoqilgan
check-smtp-auth-organisation-what = Qurilmalar xatlarni SMTP orqali yuboradi, shuning uchun SMTP AUTH OAuth 2.0 bilan ham yoqilgan qolishi kerak.
check-smtp-auth-mailbox = SMTP AUTH jo‘natuvchining pochta qutisi uchun yoqilgan
check-smtp-auth-mailbox-what = Pochta qutisining o‘z sozlamasi tashkilot sozlamasidan ustun turadi; u yoqilgan yoki bo‘sh bo‘lishi kerak.
check-device-code-flow-allowed = Kod bilan tizimga kirishga ruxsat berilgan
check-device-code-flow-allowed-what = Qurilmalar tizimga kod bilan kiradi; Shartli kirish siyosati bu oqimni bloklamasligi kerak.
check-consent = Ilovaga rozilik berilgan
check-consent-what = Birinchi kirish qurilma ilovasini ro‘yxatdan o‘tkazadi; administrator tashkilot nomidan rozilik beradi.
check-sign-in = Tizimga kirish
check-sign-in-what = printoauth Microsoft 365 tizimiga qurilmalar kabi kod bilan kiradi.
check-test-mail = Test xati
check-test-mail-what = Jo‘natuvchining pochta qutisidan OAuth 2.0 bilan yuborilgan xat butun yo‘l ishlashini isbotlaydi.

## Xatolar (har bir kodga bittadan; avval ilovaning o‘z kodlari, keyin dvigatelniki)

error-internal = printoauth ichida nimadir noto‘g‘ri ketdi.
error-practice-unavailable = Mashq rejimi ushbu versiyaga kiritilmagan.
error-practice-not-running = Mashq rejimi ishlamayapti.
error-device-unknown = printoauth { $id } qurilmasini bilmaydi. Qayta qidiring.
error-device-unsupported = printoauth bu { $vendor } qurilmasini hozircha sozlay olmaydi.
error-run-in-progress = Sozlash allaqachon davom etmoqda. Uni kuting yoki to‘xtating.
error-no-devices-selected = Kamida bitta qurilmani tanlang.
error-run-sender-invalid = “{ $address }” pochta manzili emas.
error-password-missing = { $device } uchun administrator paroli kiritilmagan.
error-url-not-allowed = printoauth faqat Microsoft kirish sahifalarini ochadi, { $url } manzilini emas.
error-tenant-check-in-progress = Tenant tekshiruvi allaqachon davom etmoqda.
error-update-unavailable = printoauth’ning bu nusxasi o‘zini o‘zi yangilamaydi. Yangilanishlarni olish uchun printoauth’ni uning yuklab olish sahifasidan o‘rnating.
error-update-check-failed = printoauth yangi versiya bor-yo‘qligini aniqlay olmadi. Internet aloqasini tekshiring va keyinroq qayta urinib ko‘ring.
error-update-install-failed = Yangi versiyani o‘rnatib bo‘lmadi. Hozirgi versiyangiz ishlashda davom etadi: keyinroq qayta urinib ko‘ring yoki yangi versiyani yuklab olish sahifasidan o‘rnating.
error-report-no-run = Hisobot uchun hali sozlash yo‘q: avval qurilmalarni sozlang.
error-report-unwritable = Hisobotni { $file } sifatida saqlab bo‘lmadi: { $detail }
error-report-not-found = { $file } endi hisobotlar jildida yo‘q (ko‘chirilgan yoki o‘chirilgan). Hisobotni qayta saqlang.
error-run-cancelled = To‘xtatildi: sozlash bu qurilma tugallanishidan oldin bekor qilindi.
error-device-unreachable = { $address } manzilidagi qurilma javob bermayapti.
error-device-not-recognised = { $address } dagi veb-server printoauth taniydigan qurilma sahifasini ko‘rsatmaydi.
error-device-https-unavailable = { $address } manzilidagi qurilma HTTPS orqali javob bermayapti.
error-device-tls-too-old = { $address } manzilidagi qurilma faqat eski TLS versiyasini taklif qiladi, printoauth undan foydalanmaydi (TLS 1.2 yoki yangirog‘i kerak). Qurilma proshivkasini yangilang: OAuth2 ni biladigan proshivka TLS 1.2 ni ham biladi.
error-device-certificate-changed = { $address } manzilidagi qurilma sertifikati printoauth uni birinchi marta ko‘rganidan beri o‘zgargan (avval { $pinned_sha256 }, hozir { $found_sha256 }).
error-device-pin-store = printoauth qurilma sertifikatlari ro‘yxatini o‘qiy yoki yoza olmadi ({ $location }).
error-device-http-status = Qurilma doimo { $status } xatosi bilan javob berdi ({ $path } sahifasi, { $attempts } ta urinish).
error-device-restart-timeout = { $address } manzilidagi qurilma qayta ishga tushdi va { $waited_secs } soniya ichida qaytmadi.
error-device-page-not-understood = printoauth qurilmaning { $page } sahifasini tushunmadi: “{ $missing }” yo‘q.
error-device-login-rejected =
    { $family ->
        [consumer] Qurilma administrator parolini rad etdi.
       *[other] Qurilma administrator foydalanuvchi nomini yoki parolini rad etdi.
    }
error-device-login-locked-out = Muvaffaqiyatsiz kirishlar juda ko‘p: qurilma bir muddat kirishlarni rad etadi.
error-device-not-logged-in = printoauth qurilmaga kirmagan edi.
error-device-session-lost = Qurilma seansni doimo yakunlab qo‘ydi ({ $attempts } marta).
error-device-oauth2-unavailable = Bu qurilmaning proshivkasi OAuth2 ni taklif qilmaydi.
error-device-additional-network = Qurilmaga qo‘shimcha tarmoq orqali ulanilgan, u esa OAuth 2.0 ni qo‘llab-quvvatlamaydi.
error-device-refused = Qurilma { $page } sahifasidagi sozlamalarni rad etdi: “{ $device_message }”
error-device-invalid-value = “{ $value }” qiymatini { $field } uchun o‘rnatib bo‘lmaydi.
error-device-already-signed-in = Qurilma allaqachon tizimga kirgan.
error-device-sign-in-not-started = Qurilmada tizimga kirish boshlanmagan.
error-device-fax-server-unavailable = Bu qurilmada faks serveri pochta sozlamalari yo‘q.
error-device-save-not-confirmed = Qurilma { $page } sahifasida saqlashni tasdiqlamadi.
error-device-verify-mismatch = Saqlangandan keyin qurilma yuborilganidan boshqacha sozlamalarni ko‘rsatmoqda.
error-device-connection-test-unavailable = Bu qurilmada printoauth ishga tushira oladigan pochta serveri ulanish sinovi yo‘q.
error-device-job-history-unreadable = printoauth qurilmaning ishlar tarixini o‘qiy olmadi ({ $missing } yo‘q).
error-discovery-host-network-refused = Bu test muhitida qidirish o‘chirilgan ({ $namespace }).
error-discovery-mdns-unavailable = Hozir tarmoqda qidirib bo‘lmaydi. Qurilmalarni manzili bo‘yicha qo‘shing.
error-discovery-invalid-service-type = Noto‘g‘ri xizmat turi { $service_type }.
error-discovery-interface-not-found = Bu kompyuterda { $names } nomli tarmoq yo‘q.
error-discovery-probe-invalid-host = “{ $host }” IP-manzil ham, xost nomi ham emas.
error-discovery-probe-unreachable = { $host } manzilida hech qanday veb-sahifa javob bermadi.
error-identity-authority-invalid = { $url } kirish manzilidan foydalanib bo‘lmaydi.
error-identity-authority-unreachable = { $url } manzilidagi Microsoft kirish xizmatiga ulanib bo‘lmayapti.
error-identity-unexpected-response = { $url } manzilidagi kirish xizmati kutilmagan javob berdi.
error-identity-authorization-pending = Hali hech kim tizimga kirishni tugatmadi.
error-identity-authorization-declined = Tizimga kirish rad etildi.
error-identity-device-code-expired = Kimdir tizimga kirguncha kodning muddati tugadi.
error-identity-bad-verification-code = Kod noto‘g‘ri yoki allaqachon ishlatilgan.
error-identity-invalid-client = Microsoft 365 bu ilovaning tizimga kirishini qabul qilmaydi (ommaviy mijoz oqimlari o‘chirilgan yoki ilova noma’lum).
error-identity-conditional-access-blocked = Shartli kirish siyosati tizimga kirishni blokladi.
error-identity-security-defaults-blocked = Xavfsizlik standart qiymatlari tizimga kirishni blokladi.
error-identity-admin-consent-required = Administrator tashkilot nomidan rozilik berishi kerak.
error-identity-consent-required = Rozilik berilmagan.
error-identity-session-expired = Tizimga kirish endi amal qilmaydi.
error-identity-rejected = Microsoft 365 tizimga kirishni rad etdi ({ $error }).
error-identity-no-access-token = Tizimga kirish yaroqli token qaytarmadi.
error-identity-app-id-missing = printoauth’da bu tenant uchun ilova (mijoz) identifikatori yo‘q: printoauth’ni bir marta ro‘yxatdan o‘tkazing, so‘ng uning identifikatorini bering.
error-identity-cancelled = Tizimga kirish bekor qilindi.
error-identity-timed-out = { $after_secs } soniya ichida hech kim tizimga kirishni tugatmadi.
error-mail-address-invalid = “{ $address }” pochta manzili emas.
error-mail-ca-certificate-invalid = Qo‘shimcha CA sertifikati yaroqsiz.
error-mail-connection-failed = { $host }:{ $port } pochta serveriga ulanish yo‘q.
error-mail-tls-failed = { $host }:{ $port } bilan xavfsiz ulanish amalga oshmadi ({ $tls_name }).
error-mail-timed-out = { $host }:{ $port } pochta serveri javob berishni to‘xtatdi.
error-mail-xoauth2-not-offered = { $host }:{ $port } pochta serveri OAuth 2.0 (XOAUTH2) ni taklif qilmaydi.
error-mail-smtp-auth-disabled-organisation = SMTP AUTH tashkilot uchun o‘chirilgan.
error-mail-smtp-auth-disabled-mailbox = SMTP AUTH { $mailbox } pochta qutisi uchun o‘chirilgan.
error-mail-security-defaults = Xavfsizlik standart qiymatlari SMTP AUTH ni bloklaydi.
error-mail-smtp-auth-disabled = SMTP AUTH { $mailbox } pochta qutisi yoki tashkilot uchun o‘chirilgan.
error-mail-authentication-unsuccessful = Pochta serveri { $account } hisobining tizimga kirishini rad etdi.
error-mail-client-not-authenticated = Xat tizimga kirmasdan yuborildi.
error-mail-send-as-denied = { $account } { $from } nomidan yubora olmaydi.
error-mail-xoauth2-user-invalid = { $account } foydalanuvchisi yaroqli pochta qutisi manzili emas.
error-mail-basic-auth-not-supported = Server Asosiy autentifikatsiyani (parollarni) rad etadi.
error-mail-server-busy = Pochta serveri band.
error-mail-rejected = Pochta serveri xatni rad etdi.
error-mail-protocol-error = { $host }:{ $port } bilan aloqa uzilib qoldi.
error-run-sign-in-failed = Qurilma tizimga kirish amalga oshmaganini xabar qilmoqda: “{ $detail }”
error-run-sign-in-timed-out = { $waited_secs } soniya ichida hech kim tizimga kirishni tugatmadi.
error-run-signed-out-while-waiting = Kutish vaqtida qurilma tizimdan chiqdi (u qayta ishga tushgan bo‘lishi mumkin).

# A run's waits (the app and the CLI): what the device keeps the run waiting for, and how long at most.
wait-device-away = Qurilma javob bermayapti (qayta ishga tushyaptimi?): { $secs } soniyagacha qayta urinilmoqda.
wait-device-server-error = Qurilma xato bilan javob berdi: { $secs } soniyagacha qayta so‘ralmoqda.
wait-device-restarting = Qurilma sozlamalarni qo‘llash uchun qayta ishga tushmoqda: { $secs } soniyagacha kutilmoqda.
wait-over = Qurilma yana javob bermoqda.

## Tenant tekshiruvi aniqlagan sabablar

cause-security-defaults-on = Tenant uchun xavfsizlik standart qiymatlari yoqilgan.
cause-smtp-auth-disabled-organisation = SMTP AUTH tashkilot uchun o‘chirilgan.
cause-smtp-auth-disabled-mailbox = SMTP AUTH { $mailbox } pochta qutisi uchun o‘chirilgan.
cause-smtp-auth-disabled = SMTP AUTH { $mailbox } pochta qutisi yoki tashkilot uchun o‘chirilgan.
cause-conditional-access-blocked = Shartli kirish siyosati kod bilan tizimga kirishni bloklaydi.
cause-application-not-usable = { $client_id } ilovasi kod bilan tizimga kira olmaydi (ommaviy mijoz oqimlari o‘chirilgan yoki ilova noma’lum).
cause-app-id-missing = printoauth’ga bu tenant uchun ilova (mijoz) identifikatori berilmagan yoki berilgani yaroqsiz.
cause-admin-consent-required = Administrator tashkilot nomidan rozilik berishi kerak.
cause-consent-not-granted = Rozilik berilmagan.
cause-sign-in-declined = Tizimga kirish rad etildi.
cause-device-code-expired = Kimdir tizimga kirguncha kodning muddati tugadi.
cause-device-code-invalid = Kod noto‘g‘ri, allaqachon ishlatilgan yoki rad etilgan.
cause-session-expired = Tizimga kirish endi amal qilmaydi.
cause-sign-in-rejected = Microsoft 365 tizimga kirishni rad etdi ({ $error }).
cause-cancelled = Tekshiruv bekor qilindi.
cause-sign-in-timed-out = { $after_secs } soniya ichida hech kim tizimga kirishni tugatmadi.
cause-authority-unreachable = { $url } manzilidagi kirish xizmatiga ulanib bo‘lmayapti.
cause-account-unknown = Tizimga kirish qaysi hisob bilan kirilganini aytmadi.
cause-token-rejected = Pochta serveri { $account } hisobining tizimga kirishini rad etdi (muddati tugagan yoki boshqa hisob uchun).
cause-client-not-authenticated = Xat tizimga kirmasdan yuborildi.
cause-send-as-denied = { $account } { $from } nomidan yubora olmaydi.
cause-xoauth2-user-invalid = { $account } yaroqli pochta qutisi manzili emas.
cause-basic-auth-not-supported = Asosiy autentifikatsiya (parol) ishlatildi; u qo‘llab-quvvatlanmaydi.
cause-smtp-server-unreachable = { $host }:{ $port } pochta serveriga ulanish yo‘q.
cause-smtp-tls-failed = { $host }:{ $port } bilan xavfsiz ulanish amalga oshmadi ({ $tls_name }).
cause-xoauth2-not-offered = { $host }:{ $port } pochta serveri OAuth 2.0 ni taklif qilmaydi.
cause-smtp-server-busy = Pochta serveri band (kod { $code }).
cause-smtp-rejected = Pochta serveri rad etdi (kod { $code }).
cause-address-invalid = “{ $address }” pochta manzili emas.
cause-ca-certificate-invalid = Sozlangan CA sertifikati yaroqsiz.

## Tenant tekshiruvi sabablarini tuzatish

fix-turn-off-security-defaults = Tashkilot uchun xavfsizlik standart qiymatlarini o‘chirib qo‘ying.
fix-enable-smtp-auth-organisation = Tashkilot uchun SMTP AUTH ni yoqing. (Uni o‘chirish faqat parollarni emas, OAuth 2.0 bilan yuboriladigan xatlarni ham bloklaydi.)
fix-enable-smtp-auth-mailbox = { $mailbox } pochta qutisi uchun SMTP AUTH ni yoqing. Uning o‘z sozlamasi tashkilot sozlamasidan ustun turadi.
fix-enable-smtp-auth = Tashkilot va { $mailbox } pochta qutisi uchun SMTP AUTH ni yoqing.
fix-review-conditional-access = Administrator hisobini (yoki qurilma ilovasini) “{ $policy }” Shartli kirish siyosatidan istisno qiling.
fix-allow-public-client-flows = { $client_id } ilovasi uchun ommaviy mijoz oqimlariga ruxsat bering yoki to‘g‘ri ilovadan foydalaning.
fix-register-app = printoauth’ni tenantda bir marta ro‘yxatdan o‘tkazing, quyidagi qadamlarda aytilganidek (public client flows yoqilgan, { $permission } delegatsiya qilingan ruxsati), so‘ng printoauth’ga uning ilova (mijoz) identifikatorini bering: Microsoft 365 ekranida yoki { $setting } da.
fix-grant-admin-consent = Administrator hisobi bilan tizimga kiring va “Tashkilot nomidan rozilik berish” bandini belgilang yoki administratorlar markazida rozilik bering.
fix-sign-in-again = Qayta urinib ko‘ring va kod amal qilayotganda tizimga kirishni tugating.
fix-check-connection = { $host }:{ $port } uchun tarmoq, proksi va brandmauerni tekshiring.
fix-check-tls = { $tls_name } nomini va { $host } uchun ishonchli sertifikatlarni tekshiring.
fix-check-authority = { $url } kirish xizmati manzilini tekshiring.
fix-use-signed-in-mailbox-as-sender = { $account } hisobini jo‘natuvchi qiling yoki { $account } hisobiga { $from } nomidan yuborishga ruxsat bering.
fix-use-mailbox-address = { $account } hisobining pochta qutisi manzili bilan tizimga kiring.
fix-use-oauth = Parol o‘rniga OAuth 2.0 dan foydalaning.
fix-enable-authentication = Yuboruvchi qurilmada autentifikatsiyani yoqing.
fix-use-exchange-online-server = { $host } serveridan, { $port } portidan foydalaning.
fix-retry-later = Keyinroq qayta urinib ko‘ring.
fix-correct-address = “{ $address }” manzilini tuzating.
fix-see-details = Server xabarini tafsilotlarda o‘qing.

## Sozlash tugata olmagan qurilma bo‘yicha nima qilish kerak

fix-check-admin-password = Qurilma administratori parolini tekshiring (ko‘pincha qurilmadagi yorliqda yoziladi yoki o‘rnatishda belgilanadi). Biznes modellari uchun foydalanuvchi nomi ham kerak.
fix-wait-for-lock-out = Noto‘g‘ri parollar juda ko‘p: qurilma yana kirishga ruxsat berguncha kuting, so‘ng to‘g‘ri parol bilan qayta urinib ko‘ring.
fix-update-firmware = Qurilma proshivkasini OAuth2 ni taklif qiladigan versiyaga yangilang, so‘ng qayta urinib ko‘ring.
fix-use-standard-network = Qurilmaga uning standart tarmog‘i orqali ulaning: qo‘shimcha tarmoq OAuth 2.0 ni qo‘llab-quvvatlamaydi.
fix-check-device-connection = { $address } manzilidagi qurilma yoqilganini va bu kompyuterdan unga ulanish mumkinligini tekshiring.
fix-check-device-address = { $address } qurilmaning o‘z manzili ekanini tekshiring (u tarmoq holati varaqasida ko‘rsatilgan). printoauth hozircha Web Config’li Epson qurilmalarini sozlaydi.
fix-confirm-certificate = Qayta o‘rnatish yoki mikrodasturni yangilash qurilmaga yangi sertifikat beradi: shunday bo‘lgan bo‘lsa, qurilmaning o‘z sahifasida (Network Security > SSL/TLS > Certificate) yangi { $found_sha256 } barmoq izi ko‘rsatilganini tekshiring, unga ishoning va qayta urinib ko‘ring. Bunday narsa bo‘lmagan bo‘lsa, to‘xtang: { $address } manzilida boshqa qurilma javob berayotgan bo‘lishi mumkin.
fix-retry-or-report = Qayta urinib ko‘ring. Yana takrorlansa, texnik tafsilotlarni qo‘llab-quvvatlash xizmatiga yuboring.
fix-do-on-device-page = printoauth qurilma sahifasini o‘qiy olmadi: bu qadamni qurilmaning o‘z sahifasida bajaring, so‘ng qayta tekshiring.

## Nosozliklarni bartaraf etish natijalari

cause-healthy = Hammasi joyida: OAuth 2.0 sozlangan va tizimga kirilgan.
cause-still-on-basic-auth = Qurilma hali ham parol bilan kiradi ({ $method }). Exchange Online buni rad etadi.
cause-signed-in-not-saved = Current Status “Signed in” deb ko‘rsatadi, lekin sozlamalar qurilmaga yuborilmagan (OK bosilmagan).
cause-not-signed-in = OAuth2 tanlangan, lekin hech kim tizimga kirmagan.
cause-sign-in-expired = Qurilmaning tizimga kirish muddati tugagan (uzoq vaqt ishlatilmagan yoki kirish chastotasi muddati o‘tgan).
cause-must-sign-in-again = Qurilma tizimga qaytadan kirishi kerak.
cause-no-connection = Qurilmada bulut xizmati yoki e-pochta xizmatiga ulanish yo‘q.
cause-sign-in-failed = Qurilmaning tizimga kirishi amalga oshmadi: “{ $detail }”

## Natijalar uchun yechimlar

fix-none = Hech narsa qilish shart emas.
fix-configure = Exchange Online bilan OAuth 2.0 ni sozlang va tizimga kiring.
fix-resave = Sozlamalarni qurilmaga yuborish uchun Email Server > Basic sahifasida OK tugmasini yana bosing.
fix-check-device-network = Qurilma tarmog‘ini va u pochta xizmatiga ulana olishini tekshiring.

## printoauth qurilma sahifasini o‘qiy olmaganda uning o‘z sahifasida bajariladigan qadamlar
## (qurilmaning o‘z nomlari ishlab chiqaruvchi qo‘llanmasidagidek inglizcha qoladi)

manual-open-web-config = { $url } manzilini shu tarmoqdagi kompyuterning brauzerida oching. Brauzer qurilmaning o‘z sertifikati haqida ogohlantirishi mumkin.
manual-log-in = Administrator sifatida kiring: Log in, administrator paroli, OK.
manual-open-email-server-basic = Network yorlig‘ini, so‘ng Email Server > Basic bo‘limini oching.
manual-set-auth-method-oauth2 = Authentication Method maydonida OAuth2 ni tanlang.
manual-set-email-service = Email service maydonida { $service } ni tanlang. Sahifa tizimga kirgan boshqa har qanday e-pochta xizmatidan chiqilishini ogohlantiradi.
manual-press-sign-in = Sign In tugmasini bosing.
manual-press-sign-in-with-microsoft = “Sign in with Microsoft” tugmasini bosing. Sahifa kod va manzilni ko‘rsatadi.
manual-enter-shown-code = Brauzerda sahifa ko‘rsatgan manzilni oching, ko‘rsatilgan kodni kiriting va Next tugmasini bosing.
manual-enter-code = Brauzerda { $url } manzilini oching, { $code } kodini kiriting va Next tugmasini bosing.
manual-sign-in-as-administrator = Cloud Application Administrator yoki undan yuqori roli bor hisob bilan kiring: uning paroli, so‘ng Sign In.
manual-consent-for-organisation = “Permissions requested” sahifasida “Consent on behalf of your organization” belgisini qo‘ying va Accept tugmasini bosing. Sahifa tizimga kirganingizni aytgach, uni yoping.
manual-check-signed-in = Email Server > Basic sahifasiga qaytib, uni yangilang: Current Status maydonida Signed in ko‘rinadi.
manual-check-values = Boshqa qiymatlarni tekshiring: Sender's Email Address { $sender }, SMTP Server Address { $server }, SMTP Server Port Number { $port }, Secure Connection STARTTLS, Certificate Validation Enable.
manual-press-ok = Sozlamalarni printerga yuborish uchun OK tugmasini, so‘ng tasdiqlash sahifasida yana OK tugmasini bosing. Sahifada “Setup complete.” yozuvi chiqadi.

## printoauth qurilma sahifasida nimani topa olmadi

missing-button = “{ $label }” tugmasi
missing-field = “{ $label }” maydoni
missing-option = “{ $field }” maydonidagi “{ $option }” varianti
missing-menu-entry = “{ $path }” menyu bandi
missing-page = “{ $path }” sahifasi
missing-row = “{ $label }” qatori
missing-login-form = administratorning kirish shakli
missing-confirmation-form = saqlashni tasdiqlash sahifasi
missing-save-confirmation = saqlashdan keyingi “Setup complete.” xabari
missing-sign-in-code = kirish kodi
missing-verification-url = kod kiritiladigan manzil
missing-other = “{ $what }”

## Inventory: every device, read without changing it (the command line and the app)

cli-col-firmware = PROSHIVKA
cli-col-oauth2 = OAUTH2
cli-col-auth = AUTENTIFIKATSIYA
cli-col-signed-in = KIRGAN HISOB
cli-col-sender = YUBORUVCHI
cli-col-password = PAROL SAQLANGAN
cli-col-last-mail = OXIRGI POCHTA ISHI
cli-inventory-password-prompt = Qurilmalarning administrator paroli (Enter: tizimga kirmasdan ro‘yxatini chiqarish):
cli-inventory-signed-out = tizimdan chiqilgan
cli-inventory-job-ok = { $time }: yuborildi
cli-inventory-job-failed = { $time }: muvaffaqiyatsiz ({ $result })
cli-inventory-why = OAuth2: { $reason }
cli-inventory-instead = uning o‘rniga: { $alternative }
cli-inventory-summary =
    { $total ->
        [one] { $total } ta qurilma: { $oauth2 } tasi allaqachon OAuth2 da, { $possible } tasini o‘tkazish mumkin, { $cannot } tasini mumkin emas, { $unknown } tasi noma’lum.
       *[other] { $total } ta qurilma: { $oauth2 } tasi allaqachon OAuth2 da, { $possible } tasini o‘tkazish mumkin, { $cannot } tasini mumkin emas, { $unknown } tasi noma’lum.
    }
app-inventory-read = Qurilmalarni o‘qish
app-inventory-reading = Qurilmalar o‘qilmoqda (ularda hech narsa o‘zgartirilmaydi)…
app-inventory-password = O‘qish uchun administrator paroli (bir marta ishlatiladi, saqlanmaydi)
app-inventory-details = Batafsil
app-inventory-firmware = Proshivka
app-inventory-oauth2 = OAuth 2.0
app-inventory-auth = Autentifikatsiya
app-inventory-signed-in = Kirgan hisob
app-inventory-signed-out = tizimdan chiqilgan
app-inventory-sender = Yuboruvchi
app-inventory-last-mail = Oxirgi pochta ishi
app-inventory-job-ok = { $time }: yuborildi
app-inventory-job-failed = { $time }: muvaffaqiyatsiz ({ $result })
app-inventory-password-kept = Parol eslab qolingan
app-inventory-alternatives = OAuth 2.0 o‘rniga

read-state-read = o‘qildi
read-state-password-needed = O‘qilmadi: administrator paroli kerak. Ishlab chiqaruvchi va model — qurilma tarmoqda e’lon qilgan ma’lumotlar.
read-state-password-refused = O‘qilmadi: qurilma administrator parolini rad etdi.
read-state-no-driver = O‘qilmadi: printoauth bu ishlab chiqaruvchining qurilmalarini hozircha o‘qiy olmaydi. Ishlab chiqaruvchi va model — qurilma tarmoqda e’lon qilgan ma’lumotlar.
read-state-failed = O‘qilmadi: qurilmani o‘qib bo‘lmadi.

oauth2-possible = OAuth2 mumkin.
oauth2-unknown = Qurilma o‘qilmaguncha noma’lum.
oauth2-model-has-it = Bu modelda OAuth2 { $since } proshivkasidan boshlab bor; proshivkasini bilish uchun qurilmani o‘qing.
oauth2-firmware-too-old = Bu proshivka ({ $firmware }) bilan mumkin emas: modelda OAuth2 { $since } proshivkasidan boshlab bor.
oauth2-model-without = Yo‘q: { $model } ning hech bir proshivkasida OAuth2 yo‘q.
oauth2-not-in-firmware = Bu proshivka ({ $firmware }) bilan mumkin emas; bu model uchun yangiroq proshivkada bor-yo‘qligi noma’lum.
oauth2-additional-network = Bu ulanishda mumkin emas: qurilmaga qo‘shimcha tarmoq orqali ulanilgan, unda OAuth2 yo‘q. Standart tarmog‘ida bor.
oauth2-vendor-not-supported = printoauth bilan mumkin emas: u { $vendor } qurilmalarini hozircha sozlay olmaydi.

alternative-use-standard-network = Qurilmani qo‘shimcha tarmoq o‘rniga standart tarmog‘i orqali ulang va u yerda OAuth2 bilan sozlang.
alternative-update-firmware = { $model } proshivkasini { $since } yoki undan yangi versiyaga yangilang, so‘ng OAuth2 bilan sozlang.
alternative-ask-vendor-for-firmware = Ishlab chiqaruvchidan { $model } uchun OAuth2 li proshivka bor-yo‘qligini so‘rang; bo‘lsa, yangilang va OAuth2 bilan sozlang.
alternative-vendor-own-setup = { $vendor } ba’zi modellari uchun OAuth 2.0 ni qurilmaning o‘z veb-sahifasida sozlashni tavsiflaydi: shu model uchun ishlab chiqaruvchi qo‘llanmasiga amal qiling.
alternative-exchange-connector = Exchange Online konnektori (SMTP relay): qurilma parolsiz ravishda domeningizning MX manziliga (…mail.protection.outlook.com) { $port }-portda yuboradi. Ofis uchun statik ommaviy IP manzil, chiquvchi { $port }-port ochiq bo‘lishi va shu manzildan pochtani qabul qiladigan konnektor kerak.
alternative-high-volume-email = Microsoft High Volume Email: faqat tashkilotingiz ichidagi qabul qiluvchilar uchun, pullik. U qurilma parolini (Asosiy autentifikatsiya) uzoqroq qabul qiladi: Microsoft 2026-yilda e’lon qilganidek, 2028-yil sentabrigacha. HVE hisobi va qurilmaning { $server } ga, { $port }-portga yuborishi kerak.
alternative-local-relay = Ofis tarmog‘idagi relay (SMTP-to-Graph relay yoki OAuth proksi): qurilma unga hozirgidek yuboradi, u esa qurilma nomidan Microsoft 365 ga kiradi. Doimo yoqiq turadigan kompyuter yoki server va relayning tenantdagi o‘z ilova ro‘yxatdan o‘tkazmasi kerak.

## Holat (printoauth health; ilova ishga tushganda tekshiradi)
health-healthy = Soz
health-sign-in-expired = Kirish muddati tugagan: qayta kiring.
health-sign-in-needed = Qayta kirish kerak.
health-jobs-failed = Oxirgi pochta vazifalari muvaffaqiyatsiz tugadi.
health-needs-attention = E’tibor talab qiladi (sabablarga qarang).
health-not-on-oauth2 = OAuth2 da emas: tekshiriladigan kirish yo‘q.
health-not-readable = Tekshirilmadi.
cli-col-health = HOLAT
cli-health-job-code = vazifa kodi { $code }
cli-health-summary = Tekshirildi: { $total }. E’tibor talab qiladi: { $attention }, shundan qayta kirish kerak: { $sign_in }.
app-health-banner = { $count ->
    [one] Bitta qurilma Microsoft ga qayta kirishi kerak:
   *[other] { $count } ta qurilma Microsoft ga qayta kirishi kerak:
}
app-health-sign-in-again = Qayta kirish
app-health-sign-in-again-hint = Bitta paket ularning hammasini qayta kiritadi; siz Microsoft ga bir marta kirasiz.

## The customer's report (PDF), made by crates/core/src/report.rs
report-title = Skanerdan e-pochtaga yuborishni sozlash hisoboti
report-site = Obyekt: { $site }
report-date = Sana: { $date }
report-run = Ishga tushirish { $id }, boshlangan vaqti: { $time }
report-practice = Mashq rejimi: emulyatsiya qilingan qurilmalar, hech bir haqiqiy qurilma o‘zgartirilmadi.
report-sender = Jo‘natuvchi: { $sender }
report-summary = Sozlangan va tekshirilgan qurilmalar: { $total } tadan { $done } ta
report-device-id = Qurilma: { $id }
report-model = Model: { $model }
report-address = Manzil: { $address }
report-result = Natija: { $result }
report-result-done = sozlandi va tekshirildi
report-result-failed = muvaffaqiyatsiz
report-result-cancelled = bekor qilindi
report-result-unfinished = tugallanmagan
report-failed-at = Yetib borilmagan bosqich: { $step }
report-error = Xato: { $error }
report-fix = Yechim: { $fix }
report-found = Topilgan sozlamalar: { $settings }
report-changes = O‘zgarishlar (avval → keyin):
report-no-changes = Hech narsani o‘zgartirish kerak bo‘lmadi.
report-tenant = Microsoft 365 tekshiruvi
report-tenant-checked-at = Tekshirilgan: { $time }
report-tenant-own = printoauth tekshirdi: tizimga kirish va test xati.
report-tenant-through-device = { $device } qurilmasi orqali tekshirildi: qurilmaning o‘z ulanish sinovi.
report-tenant-passed = Barcha tekshiruvlardan o‘tildi.
report-tenant-failed = Ba’zi tekshiruvlardan o‘tilmadi.
report-check-passed = o‘tdi
report-check-failed = o‘tmadi
report-check-not-checked = tekshirilmadi
report-no-secrets = Ushbu hisobotda hech qanday parol, token yoki kirish kodi yo‘q.
