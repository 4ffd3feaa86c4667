# printoauth — हिन्दी कैटलॉग।
# हर भाषा के लिए एक कैटलॉग, जो ऐप के UI और CLI दोनों में इस्तेमाल होता है। डिवाइस
# जो नाम खुद दिखाता है (Web Config के मेनू और बटन), वे हर भाषा में अंग्रेज़ी में ही रहते हैं।

## कमांड लाइन: खोज

cli-no-devices = किसी भी प्रिंटर या स्कैनर ने जवाब नहीं दिया।
cli-devices-found =
    { $count ->
        [one] { $count } डिवाइस मिला।
       *[other] { $count } डिवाइस मिले।
    }
cli-col-vendor = निर्माता
cli-col-model = मॉडल
cli-col-host = होस्ट
cli-col-address = पता
cli-col-scan = स्कैन
cli-col-admin = व्यवस्थापक पेज
cli-yes = हाँ
cli-no = नहीं
cli-unknown = ?
cli-not-supported = { $model } (अभी समर्थित नहीं)

## कमांड लाइन: एक डिवाइस की स्थिति

cli-status-title = { $device }: { $model } (फ़र्मवेयर { $firmware })
cli-status-oauth2 = OAuth2 उपलब्ध: { $available }
cli-status-additional-network = अतिरिक्त नेटवर्क से पहुँचा गया: OAuth2 केवल मानक नेटवर्क पर काम करता है।
cli-status-auth = प्रमाणीकरण: { $method }
cli-status-current = Current Status: { $status }
cli-status-account = खाता: { $account }
cli-status-sender = Sender's Email Address: { $sender }
cli-status-smtp = SMTP सर्वर: { $server }:{ $port }
cli-status-device-says = डिवाइस का संदेश: { $message }

## कमांड लाइन: डिवाइस कॉन्फ़िगर करना

cli-step-found = मिला
cli-step-logged-in = व्यवस्थापक के रूप में लॉग इन किया
cli-step-oauth2-set = OAuth2 सेट किया
cli-step-waiting-for-consent = साइन इन की प्रतीक्षा
cli-step-signed-in = साइन इन हो गया
cli-step-saved = सहेजा गया (OK)
cli-step-verified = सत्यापित
cli-run-step = [{ $device }] { $step }
cli-run-sign-in = [{ $device }] साइन इन: { $url } खोलें और कोड { $code } दर्ज करें (ऐसे खाते से जो संगठन की ओर से सहमति दे सकता हो)।
cli-run-done = [{ $device }] पूरा हुआ: साइन इन हुआ, सहेजा गया और सत्यापित किया गया।
cli-run-failed = [{ $device }] “{ $step }” से पहले रुक गया: { $error }
cli-run-summary =
    { $total ->
        [one] { $total } में से { $done } डिवाइस कॉन्फ़िगर किया गया।
       *[other] { $total } में से { $done } डिवाइस कॉन्फ़िगर किए गए।
    }
cli-manual-title = [{ $device }] यह डिवाइस के अपने पेज { $url } पर करें:
cli-manual-stopped-here = printoauth यहाँ रुका। डिवाइस के पेज पर नहीं मिला: { $what }
cli-manual-resume = यह हो जाने पर इस कमांड से आगे बढ़ें: { $command }
cli-manual-capture = बग रिपोर्ट के साथ डिवाइस के पेज भेजने के लिए: { $command }
cli-capture-written =
    { $count ->
        [one] { $count } पेज पासवर्ड, टोकन और कोड हटाकर सहेजा गया: { $file }
       *[other] { $count } पेज पासवर्ड, टोकन और कोड हटाकर सहेजे गए: { $file }
    }

## कमांड लाइन: टेनेंट जाँच

cli-tenant-sign-in = साइन इन: { $url } खोलें और कोड { $code } दर्ज करें।
cli-tenant-signed-in = { $account } के रूप में साइन इन किया।
cli-tenant-sending = { $server } के ज़रिए { $from } से { $to } को परीक्षण मेल भेजा जा रहा है…
cli-check-security-defaults = सुरक्षा डिफॉल्ट बंद हैं
cli-check-smtp-auth-organisation = संगठन के लिए SMTP AUTH चालू है
cli-check-smtp-auth-mailbox = मेलबॉक्स के लिए SMTP AUTH चालू है
cli-check-device-code-flow-allowed = कोड से साइन इन की अनुमति है (सशर्त पहुंच)
cli-check-consent = एप्लिकेशन को सहमति मिली है
cli-check-sign-in = साइन इन
cli-check-test-mail = परीक्षण मेल
cli-check-passed = ठीक
cli-check-failed = विफल
cli-check-not-checked = जाँचा नहीं गया
cli-cause = कारण: { $cause }
cli-fix = समाधान: { $fix }
cli-trust-certificate-hint = अगर आप नए प्रमाणपत्र पर भरोसा करते हैं: { $command }
cli-certificate-trusted = प्रमाणपत्र { $fingerprint } अब { $device } के लिए भरोसेमंद है।
cli-tenant-ready = टेनेंट तैयार है।
cli-tenant-not-ready = टेनेंट तैयार नहीं है: ऊपर दिए गए समाधान देखें।
cli-tenant-through-device = { $device } के ज़रिए टेनेंट की जाँच: डिवाइस का अपना कनेक्शन परीक्षण।
cli-tenant-device-said = डिवाइस ने कहा: { $message }
cli-tenant-meanwhile = तब तक printoauth { $time } के रन में सेट किए गए डिवाइस के ज़रिए जाँच करता है: { $device }

## कमांड लाइन: अभ्यास मोड

cli-practice-running =
    { $count ->
        [one] अभ्यास परिवेश चल रहा है ({ $count } डिवाइस)। Ctrl-C से इसे रोकें।
       *[other] अभ्यास परिवेश चल रहा है ({ $count } डिवाइस)। Ctrl-C से इसे रोकें।
    }
cli-practice-point = कमांड लाइन को इसकी ओर इंगित करें: { $command }
cli-practice-sign-in-as = { $account } के रूप में पासवर्ड { $password } से साइन इन करें।
cli-practice-control = नियंत्रण API: { $url }

## कमांड लाइन: त्रुटियाँ

cli-error = printoauth: { $error }
cli-error-address-unreadable = “{ $address }” ऐसा पता नहीं है जिसे printoauth पढ़ सके: होस्ट नाम, IP पता या डिवाइस का https:// पता दें।
cli-error-world-address-bad = अभ्यास परिवेश की फ़ाइल में डिवाइस { $device } का उपयोग योग्य पता नहीं है।
cli-error-password-missing = { $device } के लिए कोई व्यवस्थापक पासवर्ड नहीं है: { $variable } सेट करें या printoauth को टर्मिनल में चलाएँ।
cli-error-password-unreadable = पासवर्ड पढ़ा नहीं जा सका: { $detail }
cli-error-runtime = printoauth शुरू नहीं हो सका: { $detail }
cli-error-world-file-unreadable = अभ्यास परिवेश की फ़ाइल { $file } पढ़ी नहीं जा सकती: { $detail }
cli-error-world-file-unwritable = अभ्यास परिवेश की फ़ाइल { $file } लिखी नहीं जा सकती: { $detail }
cli-error-capture-unwritable = पेजों की प्रति वाली फ़ाइल { $file } लिखी नहीं जा सकती: { $detail }
cli-error-practice-world-failed = अभ्यास परिवेश शुरू नहीं हो सका: { $detail }
cli-error-fingerprint-invalid = “{ $fingerprint }” प्रमाणपत्र का फ़िंगरप्रिंट नहीं है: उसके SHA-256 के 64 हेक्साडेसिमल अंक दें।
cli-error-pins-unwritable = प्रमाणपत्र पिन सहेजे नहीं जा सके: { $detail }
cli-error-sender-missing = कोई प्रेषक नहीं: --sender पता दें।
cli-error-no-configured-device = ऑडिट लॉग में अभी जाँच के लिए कोई सेट किया गया डिवाइस नहीं है: --device DEVICE से कोई डिवाइस बताएँ।
cli-error-configured-device-gone = { $time } के रन में सेट किया गया डिवाइस { $device } इस अभ्यास परिवेश में नहीं है (वह रन पिछले परिवेश में था): --device DEVICE से कोई डिवाइस बताएँ।
cli-error-audit-unreadable = ऑडिट लॉग पढ़ा नहीं जा सका: { $detail }
cli-error-report-no-run = ऑडिट लॉग में रन { $run } नहीं है: `printoauth audit` सभी रन दिखाता है।
cli-error-report-nothing = अभी तक कोई रन दर्ज नहीं हुआ: रिपोर्ट के लिए कुछ नहीं है।
cli-error-report-unwritable = रिपोर्ट { $file } लिखी नहीं जा सकी: { $detail }
cli-report-written = रन { $id } की रिपोर्ट (डिवाइस: { $count }) लिखी गई: { $file }

## कमांड लाइन: ऑडिट लॉग

cli-audit-unavailable = ऑडिट लॉग में लिखा नहीं जा सका ({ $detail }): रन इसके बिना जारी रहेगा।
cli-audit-unavailable-check = ऑडिट लॉग में लिखा नहीं जा सका ({ $detail }): जाँच इसे दर्ज किए बिना जारी रहेगी।
cli-unfinished-title = पिछले रन ({ $time }) में अधूरे रहे डिवाइस: { $count }
cli-unfinished-resume = उन्हें फिर से जारी करने के लिए: { $command }
cli-resume-nothing = पिछले रन ने कोई अधूरा डिवाइस नहीं छोड़ा: जारी करने के लिए कुछ नहीं है।
cli-resuming = { $time } का रन फिर से जारी किया जा रहा है: { $devices }
cli-audit-file = ऑडिट लॉग: { $file }
cli-audit-empty = अभी तक कोई रन दर्ज नहीं हुआ।
cli-audit-run = रन { $id } ({ $time }), प्रेषक { $sender }: { $total } में से { $finished } पूरे हुए
cli-audit-run-practice = अभ्यास रन { $id } ({ $time }), प्रेषक { $sender }: { $total } में से { $finished } पूरे हुए
cli-col-time = समय
cli-col-device = डिवाइस
cli-col-action = चरण
cli-col-result = परिणाम
cli-col-change = पहले -> बाद में
cli-audit-ok = ठीक
cli-audit-not-started = शुरू नहीं हुआ
audit-action-logged-in = लॉग इन किया
audit-action-oauth2-set = OAuth2 सेट किया
audit-action-sign-in-started = साइन-इन शुरू हुआ
audit-action-signed-in = साइन इन हो गया
audit-action-saved = सहेजा गया (OK)
audit-action-verified = सत्यापित
audit-action-done = पूरा हुआ
audit-action-failed = विफल
audit-action-cancelled = रद्द किया गया

## ऐप: फ़्रेम, नेविगेशन, भाषाएँ
## डिवाइस Web Config में जो नाम खुद दिखाता है (Email Server > Basic, Authentication
## Method, Current Status, Signed in, Sign in with Microsoft, OK, …), वे हर भाषा में
## अंग्रेज़ी में ही रहते हैं, अनुवादित वाक्यों के अंदर भी।

app-title = printoauth
app-tagline = ऑफ़िस प्रिंटर, जो OAuth 2.0 से साइन इन करके Exchange Online के ज़रिए मेल भेजते हैं।
app-start-failed = printoauth शुरू नहीं हो सका:
app-status-loading = शुरू हो रहा है…
app-status-ready = { $name } { $version } तैयार है।
app-about-open = printoauth के बारे में
app-about-title = printoauth के बारे में
app-about-version = संस्करण { $version }
app-about-updates-title = अपडेट
app-about-updates-at-start = printoauth शुरू होने पर नया संस्करण खोजें
app-about-updates-check = अभी नया संस्करण खोजें
app-about-updates-checking = नया संस्करण खोजा जा रहा है…
app-about-updates-none = आपके पास सबसे नया संस्करण है।
app-about-updates-available = संस्करण { $version } उपलब्ध है। आपके पास { $current } है।
app-about-updates-install = इंस्टॉल करें और फिर से शुरू करें
app-about-updates-installing = डाउनलोड हो रहा है, हस्ताक्षर जाँचा जा रहा है और इंस्टॉल हो रहा है…
app-about-updates-unsupported = printoauth की यह प्रति अपने-आप अपडेट नहीं होती। अपडेट पाने के लिए printoauth को उसके डाउनलोड पेज से इंस्टॉल करें।
app-about-updates-what = खोजने के लिए printoauth अपने डाउनलोड पेज से सबसे नए संस्करण की संख्या लेता है। यह आपके डिवाइसों या आपके संगठन के बारे में कुछ नहीं भेजता। नया संस्करण तभी इंस्टॉल होता है जब उसका हस्ताक्षर साबित करे कि वह printoauth से आया है।
app-nav-label = चरण
app-nav-devices = डिवाइस
app-nav-tenant = Microsoft 365
app-nav-wizard = सेट अप
app-nav-results = परिणाम
app-nav-troubleshoot = समस्या निवारण
app-language = भाषा
app-practice-banner = ये डिवाइस, खाते और मेलबॉक्स इसी कंप्यूटर पर नकली (एम्युलेट किए गए) हैं। असल में कुछ भी नहीं बदलता।
app-error-unknown-code = एक अनपेक्षित त्रुटि हुई (कोड { $code })।
app-error-unexpected = एक अनपेक्षित त्रुटि हुई ({ $detail })।
app-message-missing = (यह टेक्स्ट उपलब्ध नहीं है। कृपया इसकी सूचना दें।)
app-copy = कॉपी करें
app-copied = कॉपी हो गया
app-copy-failed = टेक्स्ट चुनें और Ctrl+C से कॉपी करें।
app-details = तकनीकी विवरण
app-block-powershell = PowerShell
app-block-verify = परिणाम इससे जाँचें
app-block-admin-center = व्यवस्थापन केंद्र में
app-state-working = चल रहा है
app-state-needs-you = आपकी ज़रूरत है
app-state-done = पूरा हुआ
app-state-failed = विफल
app-cancel = रद्द करें
app-yes = हाँ
app-no = नहीं
app-none = कोई नहीं

## ऐप: डिवाइस

app-devices-title = इस नेटवर्क पर प्रिंटर और स्कैनर
app-devices-intro = वे डिवाइस चुनें जिन्हें OAuth 2.0 से मेल भेजनी है। जैसे-जैसे डिवाइस जवाब देते हैं, सूची भरती जाती है।
app-devices-searching = डिवाइस खोजे जा रहे हैं…
app-devices-count =
    { $count ->
        [one] { $count } डिवाइस मिला, { $selected } चुने गए।
       *[other] { $count } डिवाइस मिले, { $selected } चुने गए।
    }
app-devices-empty = अभी तक किसी डिवाइस ने जवाब नहीं दिया।
app-devices-quiet = { $seconds } सेकंड में किसी डिवाइस ने जवाब नहीं दिया। जाँचें कि यह कंप्यूटर प्रिंटरों वाले नेटवर्क पर है, डिवाइस को उसके पते से जोड़ें, या अभ्यास मोड आज़माएँ।
app-col-vendor = निर्माता
app-col-model = मॉडल
app-col-address = पता
app-col-oauth2 = OAuth 2.0 संभव
app-col-mail-status = मेल साइन इन
app-select-device = { $device } चुनें
app-select-all = सभी चुनें
app-rescan = फिर से खोजें
app-interface = नेटवर्क
app-interface-default = सामान्य नेटवर्क (VPN या वर्चुअल नहीं)
app-interface-all = सभी नेटवर्क
app-interface-virtual = { $name } (वर्चुअल)
app-unsupported = अभी समर्थित नहीं
app-practice-device = अभ्यास
app-add-device-label = IP पते या होस्ट नाम से डिवाइस जोड़ें
app-add-device = जोड़ें
app-add-device-working = { $host } को देखा जा रहा है…
app-unfinished-title = पिछले रन ({ $time }) में अधूरे रहे डिवाइस: { $count }
app-unfinished-changed = आंशिक रूप से बदला गया
app-unfinished-last = अंतिम चरण: { $step }
app-unfinished-not-started = शुरू नहीं हुआ
app-unfinished-waiting = इनमें से कोई भी अभी सूची में नहीं है: मिलने पर इन्हें फिर से जारी किया जा सकता है।
app-unfinished-resume = फिर से जारी करें ({ $count })
app-unfinished-dismiss = अभी नहीं
app-to-wizard =
    { $count ->
        [0] चुने गए डिवाइस सेट अप करें
        [one] { $count } डिवाइस सेट अप करें
       *[other] { $count } डिवाइस सेट अप करें
    }
app-oauth2-yes = हाँ
app-oauth2-no = नहीं
app-oauth2-unknown = अभी पता नहीं

## ऐप: अभ्यास मोड

app-practice-title = अभ्यास मोड
app-practice-offer = पहले हर चरण को एक नकली ऑफ़िस पर आज़माएँ: नकली Epson डिवाइस, एक Microsoft 365 टेनेंट और एक मेलबॉक्स, सब इसी कंप्यूटर पर।
app-practice-count = अभ्यास डिवाइसों की संख्या
app-practice-start = अभ्यास मोड शुरू करें
app-practice-starting = नकली ऑफ़िस शुरू हो रहा है…
app-practice-unavailable = अभ्यास मोड इस बिल्ड में शामिल नहीं है।
app-practice-accounts = अभ्यास खाते (साइन इन के लिए)
app-practice-col-account = खाता
app-practice-col-password = पासवर्ड
app-practice-col-role = भूमिका
app-practice-kind-personal = व्यक्तिगत Microsoft खाता (Outlook.com): सेवा के रूप में Outlook.com चुनें
app-practice-kind-federated = अपने ही पेज ({ $host }) पर साइन इन करता है: साइन-इन विंडो आपका ब्राउज़र सुझाती है
app-practice-device-password = डिवाइस व्यवस्थापक: उपयोगकर्ता { $user }, पासवर्ड { $password }
app-practice-sender = प्रेषक पता: { $sender }
app-practice-faults = किसी समस्या का अभ्यास करें
app-practice-faults-intro = कोई समस्या चालू करें, फिर सेट अप या समस्या निवारण चलाएँ और देखें कि printoauth उसे कैसे समझाता है।
app-practice-fault-device = समस्या के लिए डिवाइस
app-practice-stop = अभ्यास मोड से बाहर निकलें

## ऐप: टेनेंट

app-tenant-title = Microsoft 365 टेनेंट
app-tenant-intro = किसी भी डिवाइस के OAuth 2.0 से मेल भेज पाने से पहले, एक व्यवस्थापक टेनेंट को एक बार तैयार करता है।
app-prerequisites = टेनेंट को क्या चाहिए
app-tenant-sender = जाँच के लिए प्रेषक पता
app-tenant-sender-hint = वह मेलबॉक्स जिससे डिवाइस मेल भेजेंगे। जाँच इससे खुद को ही एक परीक्षण मेल भेजती है।
app-tenant-app-id = आपके टेनेंट में printoauth की ऐप्लिकेशन (क्लाइंट) ID
app-tenant-app-id-hint = printoauth को Microsoft Entra में एक बार रजिस्टर करें (यह खाली हो तो जाँच बताती है कैसे)। अभ्यास मोड में ज़रूरत नहीं।
app-tenant-check = टेनेंट जाँचें
app-tenant-check-intro = printoauth, Microsoft 365 में साइन इन करता है, जो पढ़ सकता है पढ़ता है और एक परीक्षण मेल भेजता है।
app-tenant-check-start = अभी जाँचें
app-tenant-device-check = डिवाइस के ज़रिए जाँचें
app-tenant-device-check-intro = अभी एप्लिकेशन आईडी नहीं है? पहले से सेट किया गया डिवाइस (OAuth2, साइन इन किया हुआ) खुद कनेक्शन जाँच सकता है: उसका जवाब उन्हीं कारणों और समाधानों से जोड़ा जाता है।
app-tenant-device-check-none = पहले कोई डिवाइस जोड़ें या खोजें (डिवाइस स्क्रीन)।
app-tenant-device-check-device = डिवाइस
app-tenant-device-check-password = उसका व्यवस्थापक पासवर्ड (अगर याद नहीं रखा गया)
app-tenant-device-check-start = इस डिवाइस के ज़रिए जाँचें
app-tenant-device-said = डिवाइस ने कहा: { $message }
app-tenant-signing-in = व्यवस्थापक खाते से साइन इन करें: साइन-इन विंडो (या { $url }) खोलें और यह कोड दर्ज करें:
app-code-expires = कोड { DATETIME($time, hour: "numeric", minute: "2-digit") } तक मान्य है।
app-tenant-signed-in = { $account } के रूप में साइन इन किया।
app-tenant-signed-in-unknown = साइन इन हो गया।
app-tenant-sending = { $host }:{ $port } के ज़रिए { $from } से { $to } को परीक्षण मेल भेजा जा रहा है…
app-tenant-passed = टेनेंट तैयार है।
app-tenant-failed = टेनेंट अभी तैयार नहीं है: नीचे देखें कि क्या ठीक करना है।
app-tenant-results = जाँच के परिणाम
app-check-passed = ठीक
app-check-failed = विफल
app-check-not-checked = जाँचा नहीं गया
app-cause = कारण
app-fix = क्या करें
app-evidence = सर्वर ने क्या कहा

## ऐप: विज़ार्ड

app-wizard-title = डिवाइसों पर OAuth 2.0 सेट अप करें
app-wizard-devices =
    { $count ->
        [0] कोई डिवाइस नहीं चुना गया है। पहले डिवाइस स्क्रीन पर डिवाइस चुनें।
        [one] { $count } डिवाइस चुना गया।
       *[other] { $count } डिवाइस चुने गए।
    }
app-admin-user = डिवाइस व्यवस्थापक का उपयोगकर्ता नाम
app-admin-user-hint = Epson बिज़नेस मॉडल में व्यवस्थापक उपयोगकर्ता नाम खाली होता है, जब तक किसी ने उसे सेट न किया हो: जब तक डिवाइस के व्यवस्थापक ने कोई नाम न चुना हो, इसे खाली छोड़ें। जो मॉडल केवल पासवर्ड माँगते हैं, वे इसे अनदेखा करते हैं।
app-shared-password = डिवाइस व्यवस्थापक पासवर्ड (सभी के लिए एक ही)
app-per-device-passwords = हर डिवाइस के लिए अलग पासवर्ड
app-device-password = { $device } के लिए पासवर्ड
app-remember-passwords = पासवर्ड इस कंप्यूटर के कीरिंग में याद रखें
app-password-remembered = (पासवर्ड कीरिंग में याद रखा गया है)
app-sender = प्रेषक पता
app-sender-hint = वह मेलबॉक्स जिससे डिवाइस मेल भेजते हैं। बाद में साइन इन इसी खाते से, या ऐसे खाते से करना होगा जो इसकी ओर से भेज सकता हो।
app-service = ईमेल सेवा
app-service-exchange-online = Microsoft Exchange Online (कार्यालय या स्कूल)
app-service-outlook-com = Outlook.com (व्यक्तिगत)
app-embedded-sign-in = printoauth की विंडो में साइन इन करें (कोड अपने आप भर दिया जाता है)
app-run-start = शुरू करें
app-run-cancel = रोकें
app-invalid-no-devices = कम से कम एक डिवाइस चुनें।
app-invalid-sender-empty = प्रेषक पता दर्ज करें।
app-invalid-sender = “{ $address }” मेल पता नहीं है।
app-invalid-password = व्यवस्थापक पासवर्ड दर्ज करें।
app-invalid-device-password = { $device } के लिए व्यवस्थापक पासवर्ड दर्ज करें।
app-run-progress = प्रगति
app-run-summary = { $done } पूरे, { $failed } विफल, { $working } चल रहे, { $waiting } आपकी प्रतीक्षा में।
app-run-needs-you = इस डिवाइस के लिए साइन इन करें: Microsoft पेज पर यह कोड ऐसे खाते से दर्ज करें जो संगठन की ओर से सहमति दे सकता हो, और “संगठन की ओर से सहमति” पर टिक करें।
app-show-sign-in-window = साइन-इन विंडो दिखाएँ
app-open-in-browser = इसके बजाय मेरे ब्राउज़र में खोलें
app-copy-code = कोड कॉपी करें
app-consent-window-open = साइन-इन विंडो खुली है।
app-sign-in-elsewhere-title = साइन-इन आपके ब्राउज़र में जारी रहेगा
app-sign-in-elsewhere-body = आपका संगठन अपने ही साइन-इन पेज { $host } पर साइन इन करता है। यह विंडो केवल Microsoft के साइन-इन पेज खोलती है, इसलिए वह पेज नहीं खोलती।
app-sign-in-elsewhere-copied = कोड { $code } कॉपी हो गया है। अपने ब्राउज़र में इसे Microsoft के पेज पर पेस्ट करें, फिर हमेशा की तरह साइन इन करें।
app-sign-in-elsewhere-not-copied = अपने ब्राउज़र में Microsoft के पेज पर कोड { $code } डालें, फिर हमेशा की तरह साइन इन करें।
app-sign-in-elsewhere-button = मेरे ब्राउज़र में जारी रखें
app-sign-in-elsewhere-opened = साइन-इन पेज आपके ब्राउज़र में खुल गया है।
app-run-failed-at = “{ $step }” से पहले रुक गया।
app-run-running = सेट अप चल रहा है। आप यह स्क्रीन छोड़ सकते हैं; यह चलता रहेगा।

## ऐप: परिणाम

app-results-title = परिणाम
app-results-empty = अभी तक कुछ भी सेट अप नहीं हुआ है।
app-results-summary =
    { $total ->
        [one] { $total } में से { $done } डिवाइस सेट अप हुआ, { $failed } विफल।
       *[other] { $total } में से { $done } डिवाइस सेट अप हुए, { $failed } विफल।
    }
app-results-changes = क्या बदला
app-change-before-after = { $before } → { $after }
app-change-set = { $after } पर सेट किया
app-no-changes = कुछ भी बदलने की ज़रूरत नहीं थी।
app-result-error = क्या गलत हुआ
app-result-generic-fix = डिवाइस का वेब पेज (Email Server > Basic) जाँचें, फिर दोबारा कोशिश करें। अगर फिर विफल हो, तो समस्या निवारण खोलें।
app-report-title = ग्राहक के लिए रिपोर्ट
app-report-hint = हर डिवाइस, क्या बदला और Microsoft 365 जाँच, इसी भाषा में। इसमें कोई पासवर्ड, टोकन या साइन-इन कोड नहीं है।
app-report-site = स्थान (रिपोर्ट पर छपता है)
app-report-format = फ़ॉर्मैट
app-report-save = रिपोर्ट सहेजें
app-report-saved = सहेजी गई: { $file } (डिवाइस: { $devices })।
app-report-open = खोलें
app-report-show-folder = फ़ोल्डर में दिखाएँ
app-retry = फिर कोशिश करें
app-trust-certificate = नए प्रमाणपत्र पर भरोसा करें और दोबारा कोशिश करें
app-troubleshoot-device = समस्या निवारण
app-manual-open = यह चरण डिवाइस के पेज पर करें
app-manual-title = डिवाइस के अपने पेज पर
app-manual-intro = printoauth इस डिवाइस का पेज नहीं पढ़ सका। ये चरण डिवाइस के अपने पेज { $url } पर करें (यह आपके ब्राउज़र में खुलता है), फिर “फिर से जाँचें” दबाएँ।
app-manual-missing = डिवाइस के पेज पर नहीं मिला: { $what }
app-manual-stopped-here = printoauth यहाँ रुका
app-manual-open-again = डिवाइस का पेज फिर से खोलें
app-manual-check-again = फिर से जाँचें

## ऐप: समस्या निवारण

app-troubleshoot-title = डिवाइस की समस्या का निवारण करें
app-troubleshoot-intro = printoauth डिवाइस की मेल सेटिंग, उसका साइन-इन स्टेटस और हाल के जॉब पढ़ता है, और बताता है कि क्या करना है।
app-troubleshoot-choose = डिवाइस
app-troubleshoot-none = अभी कोई डिवाइस नहीं: उन्हें डिवाइस स्क्रीन पर खोजें।
app-troubleshoot-password = डिवाइस व्यवस्थापक पासवर्ड
app-troubleshoot-run = डिवाइस जाँचें
app-troubleshoot-working = डिवाइस पढ़ा जा रहा है…
# Web Config का लेबल: इसे अंग्रेज़ी में ही रखें।
app-health-auth = Authentication Method
# Web Config का लेबल: इसे अंग्रेज़ी में ही रखें।
app-health-sender = Sender's Email Address
app-health-signed-in = Signed in
app-health-account = खाता
app-health-panel = डिवाइस का संदेश
app-health-jobs = हाल के जॉब
app-health-no-jobs = हाल में कोई मेल जॉब नहीं।
app-job-code-360 = 360: क्लाउड सेवा या ईमेल सेवा से कोई कनेक्शन नहीं।
app-job-code-361 = 361: क्लाउड सेवा या ईमेल सेवा से कनेक्शन समाप्त हो गया है; फिर से कनेक्ट करें।
app-job-code-370 = 370: डिवाइस को क्लाउड सेवा में फिर से साइन इन करना होगा।
app-job-code-other = कोड { $code }।
app-job-succeeded = भेजा गया।
app-job-no-connection = क्लाउड सेवा या ईमेल सेवा से कोई कनेक्शन नहीं।
app-job-connection-expired = क्लाउड सेवा या ईमेल सेवा से कनेक्शन समाप्त हो गया है।
app-job-sign-in-required = डिवाइस को फिर से साइन इन करना होगा।
app-job-other-error = विफल।
app-job-other = अन्य (चल रहा है या रद्द किया गया)।
app-diagnoses = printoauth को क्या मिला
app-remedy-resave = सेटिंग फिर से भेजें
app-remedy-sign-in-again = फिर से साइन इन करें
app-remedy-configure = अभी सेट अप करें
app-remedy-show-instructions = दिखाएँ कि क्या करना है
app-instructions-check-device-network = डिवाइस के कंट्रोल पैनल पर सेटिंग > सामान्य सेटिंग > नेटवर्क सेटिंग > नेटवर्क स्थिति > ईमेल सर्वर स्थिति खोलें। जाँचें कि डिवाइस में गेटवे और DNS सर्वर सेट हैं, और फ़ायरवॉल उसे पोर्ट 587 पर Email Server > Basic के SMTP Server Address तक पहुँचने देता है।
app-instructions-review-conditional-access = Microsoft Entra व्यवस्थापन केंद्र में सशर्त पहुंच नीतियां खोलें। वह नीति ढूँढें जो डिवाइस कोड फ़्लो को ब्लॉक करती है (उदाहरण के लिए “Block device code flow”) और उससे उस व्यवस्थापक खाते को, जो डिवाइसों को साइन इन करता है, या डिवाइस के ऐप को बाहर रखें।
app-resave-done = सेटिंग डिवाइस को फिर से भेज दी गईं।

## ऐप: सेट अप के चरण (हर चरण के लिए एक)

step-found = मिला
step-logged-in = व्यवस्थापक के रूप में लॉग इन किया
step-oauth2-set = OAuth2 चुना
step-waiting-for-consent = साइन इन की प्रतीक्षा
step-signed-in = साइन इन हो गया
step-saved = सहेजा गया (OK)
step-verified = जाँचा गया

## ऐप: डिवाइस का मेल स्टेटस

mail-status-not-checked = जाँचा नहीं गया
mail-status-basic-auth = पासवर्ड (बेसिक प्रमाणीकरण)
mail-status-oauth2-signed-out = OAuth2, साइन आउट
mail-status-oauth2-signed-in = OAuth2, साइन इन है

## ऐप: सेट अप द्वारा बदली जाने वाली सेटिंग
## ये Email Server > Basic पर डिवाइस के अपने लेबल हैं: इन्हें अंग्रेज़ी में ही रखें।

change-authentication-method = Authentication Method
change-email-service = Email service
change-sender = Sender's Email Address
change-smtp-server = SMTP Server Address
change-port = SMTP Server Port Number
change-secure-connection = Secure Connection
change-current-status = Current Status

## ऐप: अभ्यास की समस्याएँ

fault-wrong-password = डिवाइस का व्यवस्थापक पासवर्ड अलग है
fault-no-oauth2 = डिवाइस के फ़र्मवेयर में OAuth2 नहीं है
fault-conditional-access = सशर्त पहुंच, कोड से साइन इन को ब्लॉक करती है (पूरा टेनेंट)
fault-expired-sign-in = डिवाइस का साइन इन समाप्त हो गया है
fault-unreadable-page = ऐसा पेज जिसे printoauth नहीं पढ़ सकता (उसके Sign In बटन का नाम अलग है)

## ऐप: टेनेंट की जाँचें और पूर्व-आवश्यकताएँ

check-security-defaults = सुरक्षा डिफॉल्ट बंद हैं
check-security-defaults-what = सुरक्षा डिफॉल्ट SMTP AUTH को ब्लॉक करते हैं; संगठन के लिए उन्हें बंद करें।
check-smtp-auth-organisation = संगठन के लिए SMTP AUTH चालू है
check-smtp-auth-organisation-what = डिवाइस SMTP पर मेल भेजते हैं, इसलिए SMTP AUTH चालू रहना चाहिए, OAuth 2.0 के साथ भी।
check-smtp-auth-mailbox = प्रेषक के मेलबॉक्स के लिए SMTP AUTH चालू है
check-smtp-auth-mailbox-what = मेलबॉक्स की अपनी सेटिंग संगठन की सेटिंग से ऊपर है; यह चालू या खाली होनी चाहिए।
check-device-code-flow-allowed = कोड से साइन इन की अनुमति है
check-device-code-flow-allowed-what = डिवाइस कोड से साइन इन करते हैं; कोई सशर्त पहुंच नीति इस फ़्लो को ब्लॉक नहीं करनी चाहिए।
check-consent = एप्लिकेशन को सहमति मिली है
check-consent-what = पहला साइन इन डिवाइस के एप्लिकेशन को पंजीकृत करता है; एक व्यवस्थापक संगठन की ओर से सहमति देता है।
check-sign-in = साइन इन
check-sign-in-what = printoauth डिवाइसों की तरह ही कोड से Microsoft 365 में साइन इन करता है।
check-test-mail = परीक्षण मेल
check-test-mail-what = प्रेषक के मेलबॉक्स से OAuth 2.0 के साथ भेजा गया मेल पूरे रास्ते की पुष्टि करता है।

## त्रुटियाँ (हर कोड के लिए एक; पहले ऐप के अपने कोड, फिर इंजन के)

error-internal = printoauth के अंदर कुछ गड़बड़ हो गई।
error-practice-unavailable = अभ्यास मोड इस बिल्ड में शामिल नहीं है।
error-practice-not-running = अभ्यास मोड नहीं चल रहा है।
error-device-unknown = printoauth डिवाइस { $id } को नहीं पहचानता। फिर से खोजें।
error-device-unsupported = printoauth अभी इस { $vendor } डिवाइस को सेट अप नहीं कर सकता।
error-run-in-progress = एक सेट अप पहले से चल रहा है। उसके पूरा होने की प्रतीक्षा करें या उसे रोकें।
error-no-devices-selected = कम से कम एक डिवाइस चुनें।
error-run-sender-invalid = “{ $address }” मेल पता नहीं है।
error-password-missing = { $device } के लिए व्यवस्थापक पासवर्ड नहीं दिया गया है।
error-url-not-allowed = printoauth केवल Microsoft के साइन-इन पेज खोलता है, { $url } नहीं।
error-tenant-check-in-progress = एक टेनेंट जाँच पहले से चल रही है।
error-update-unavailable = printoauth की यह प्रति अपने-आप अपडेट नहीं होती। अपडेट पाने के लिए printoauth को उसके डाउनलोड पेज से इंस्टॉल करें।
error-update-check-failed = printoauth पता नहीं लगा सका कि नया संस्करण है या नहीं। इंटरनेट कनेक्शन जाँचें और बाद में फिर से कोशिश करें।
error-update-install-failed = नया संस्करण इंस्टॉल नहीं हो सका। आपका मौजूदा संस्करण काम करता रहेगा: बाद में फिर से कोशिश करें या नया संस्करण डाउनलोड पेज से इंस्टॉल करें।
error-report-no-run = अभी रिपोर्ट करने के लिए कोई सेटअप नहीं है: पहले डिवाइस सेट अप करें।
error-report-unwritable = रिपोर्ट { $file } के रूप में सहेजी नहीं जा सकी: { $detail }
error-report-not-found = { $file } अब रिपोर्ट फ़ोल्डर में नहीं है (हटाई या स्थानांतरित की गई)। रिपोर्ट फिर से सहेजें।
error-run-cancelled = रुक गया: इस डिवाइस के पूरा होने से पहले सेट अप रद्द कर दिया गया।
error-device-unreachable = { $address } पर डिवाइस जवाब नहीं दे रहा है।
error-device-not-recognised = { $address } पर वेब सर्वर ऐसा डिवाइस पेज नहीं दिखाता जिसे printoauth पहचानता है।
error-device-https-unavailable = { $address } पर डिवाइस HTTPS पर जवाब नहीं दे रहा है।
error-device-tls-too-old = { $address } पर डिवाइस केवल पुराना TLS संस्करण देता है, जिसका printoauth उपयोग नहीं करता (TLS 1.2 या नया चाहिए)। डिवाइस का फ़र्मवेयर अपडेट करें: OAuth2 वाला फ़र्मवेयर TLS 1.2 भी समझता है।
error-device-certificate-changed = { $address } पर डिवाइस का प्रमाणपत्र, printoauth के पहली बार देखने के बाद से बदल गया है (पहले { $pinned_sha256 }, अब { $found_sha256 })।
error-device-pin-store = printoauth डिवाइस प्रमाणपत्रों की अपनी सूची ({ $location }) पढ़ या लिख नहीं सका।
error-device-http-status = डिवाइस बार-बार त्रुटि { $status } के साथ जवाब देता रहा (पेज { $path }, { $attempts } प्रयास)।
error-device-restart-timeout = { $address } पर डिवाइस रीस्टार्ट हुआ और { $waited_secs } सेकंड में वापस नहीं आया।
error-device-page-not-understood = printoauth डिवाइस का पेज { $page } नहीं समझ सका: “{ $missing }” मौजूद नहीं है।
error-device-login-rejected =
    { $family ->
        [consumer] डिवाइस ने व्यवस्थापक पासवर्ड अस्वीकार कर दिया।
       *[other] डिवाइस ने व्यवस्थापक उपयोगकर्ता नाम या पासवर्ड अस्वीकार कर दिया।
    }
error-device-login-locked-out = बहुत सारे विफल लॉग इन: डिवाइस कुछ समय के लिए लॉग इन अस्वीकार कर रहा है।
error-device-not-logged-in = printoauth डिवाइस में लॉग इन नहीं था।
error-device-session-lost = डिवाइस बार-बार सत्र समाप्त करता रहा ({ $attempts } बार)।
error-device-oauth2-unavailable = इस डिवाइस का फ़र्मवेयर OAuth2 उपलब्ध नहीं कराता।
error-device-additional-network = डिवाइस तक उसके अतिरिक्त नेटवर्क से पहुँचा गया है, जो OAuth 2.0 को सपोर्ट नहीं करता।
error-device-refused = डिवाइस ने { $page } पर सेटिंग अस्वीकार कर दीं: “{ $device_message }”
error-device-invalid-value = { $field } के लिए मान “{ $value }” सेट नहीं किया जा सकता।
error-device-already-signed-in = डिवाइस पहले से साइन इन है।
error-device-sign-in-not-started = डिवाइस पर कोई साइन इन शुरू नहीं किया गया।
error-device-fax-server-unavailable = इस डिवाइस में फ़ैक्स सर्वर की मेल सेटिंग नहीं हैं।
error-device-save-not-confirmed = डिवाइस ने { $page } पर सहेजने की पुष्टि नहीं की।
error-device-verify-mismatch = सहेजने के बाद डिवाइस भेजी गई सेटिंग से अलग सेटिंग दिखाता है।
error-device-connection-test-unavailable = इस डिवाइस पर मेल सर्वर का ऐसा कोई कनेक्शन परीक्षण नहीं है जिसे printoauth चला सके।
error-device-job-history-unreadable = printoauth डिवाइस का जॉब इतिहास नहीं पढ़ सका ({ $missing } मौजूद नहीं है)।
error-discovery-host-network-refused = इस परीक्षण परिवेश में खोज बंद है ({ $namespace })।
error-discovery-mdns-unavailable = अभी नेटवर्क में खोज संभव नहीं है। डिवाइसों को उनके पते से जोड़ें।
error-discovery-invalid-service-type = अमान्य सेवा प्रकार { $service_type }।
error-discovery-interface-not-found = इस कंप्यूटर पर { $names } नाम का कोई नेटवर्क नहीं है।
error-discovery-probe-invalid-host = “{ $host }” कोई IP पता या होस्ट नाम नहीं है।
error-discovery-probe-unreachable = { $host } पर किसी वेब पेज ने जवाब नहीं दिया।
error-identity-authority-invalid = साइन-इन पता { $url } इस्तेमाल नहीं किया जा सकता।
error-identity-authority-unreachable = { $url } पर Microsoft साइन-इन सेवा तक नहीं पहुँचा जा सकता।
error-identity-unexpected-response = { $url } पर साइन-इन सेवा ने अनपेक्षित जवाब दिया।
error-identity-authorization-pending = अभी तक किसी ने साइन इन पूरा नहीं किया है।
error-identity-authorization-declined = साइन इन अस्वीकार कर दिया गया।
error-identity-device-code-expired = किसी के साइन इन करने से पहले ही कोड की समय-सीमा समाप्त हो गई।
error-identity-bad-verification-code = कोड गलत था या पहले ही इस्तेमाल हो चुका है।
error-identity-invalid-client = Microsoft 365 इस एप्लिकेशन का साइन इन स्वीकार नहीं करता (सार्वजनिक क्लाइंट फ़्लो बंद हैं या एप्लिकेशन अज्ञात है)।
error-identity-conditional-access-blocked = एक सशर्त पहुंच नीति ने साइन इन को ब्लॉक कर दिया।
error-identity-security-defaults-blocked = सुरक्षा डिफॉल्ट ने साइन इन को ब्लॉक कर दिया।
error-identity-admin-consent-required = किसी व्यवस्थापक को संगठन की ओर से सहमति देनी होगी।
error-identity-consent-required = सहमति नहीं दी गई है।
error-identity-session-expired = साइन इन अब मान्य नहीं है।
error-identity-rejected = Microsoft 365 ने साइन इन अस्वीकार कर दिया ({ $error })।
error-identity-no-access-token = साइन इन से कोई उपयोगी टोकन नहीं मिला।
error-identity-app-id-missing = printoauth के पास इस टेनेंट के लिए कोई ऐप्लिकेशन (क्लाइंट) ID नहीं है: printoauth को एक बार रजिस्टर करें, फिर उसकी ID दें।
error-identity-cancelled = साइन इन रद्द कर दिया गया।
error-identity-timed-out = { $after_secs } सेकंड में किसी ने साइन इन पूरा नहीं किया।
error-mail-address-invalid = “{ $address }” मेल पता नहीं है।
error-mail-ca-certificate-invalid = अतिरिक्त CA प्रमाणपत्र मान्य नहीं है।
error-mail-connection-failed = मेल सर्वर { $host }:{ $port } से कोई कनेक्शन नहीं।
error-mail-tls-failed = { $host }:{ $port } से सुरक्षित कनेक्शन विफल रहा ({ $tls_name })।
error-mail-timed-out = मेल सर्वर { $host }:{ $port } ने जवाब देना बंद कर दिया।
error-mail-xoauth2-not-offered = मेल सर्वर { $host }:{ $port } OAuth 2.0 (XOAUTH2) उपलब्ध नहीं कराता।
error-mail-smtp-auth-disabled-organisation = संगठन के लिए SMTP AUTH बंद है।
error-mail-smtp-auth-disabled-mailbox = मेलबॉक्स { $mailbox } के लिए SMTP AUTH बंद है।
error-mail-security-defaults = सुरक्षा डिफॉल्ट SMTP AUTH को ब्लॉक करते हैं।
error-mail-smtp-auth-disabled = { $mailbox } या संगठन के लिए SMTP AUTH बंद है।
error-mail-authentication-unsuccessful = मेल सर्वर ने { $account } का साइन इन अस्वीकार कर दिया।
error-mail-client-not-authenticated = मेल बिना साइन इन किए भेजा गया।
error-mail-send-as-denied = { $account } को { $from } के रूप में भेजने की अनुमति नहीं है।
error-mail-xoauth2-user-invalid = उपयोगकर्ता { $account } मान्य मेलबॉक्स पता नहीं है।
error-mail-basic-auth-not-supported = सर्वर बेसिक प्रमाणीकरण (पासवर्ड) अस्वीकार करता है।
error-mail-server-busy = मेल सर्वर व्यस्त है।
error-mail-rejected = मेल सर्वर ने मेल अस्वीकार कर दिया।
error-mail-protocol-error = { $host }:{ $port } के साथ बातचीत बीच में टूट गई।
error-run-sign-in-failed = डिवाइस बताता है कि साइन इन विफल रहा: “{ $detail }”
error-run-sign-in-timed-out = { $waited_secs } सेकंड में किसी ने साइन इन पूरा नहीं किया।
error-run-signed-out-while-waiting = प्रतीक्षा के दौरान डिवाइस साइन आउट हो गया (शायद वह रीस्टार्ट हुआ हो)।

# A run's waits (the app and the CLI): what the device keeps the run waiting for, and how long at most.
wait-device-away = डिवाइस जवाब नहीं दे रहा (शायद फिर से चालू हो रहा है): { $secs } सेकंड तक फिर से कोशिश की जा रही है।
wait-device-server-error = डिवाइस ने त्रुटि के साथ जवाब दिया: { $secs } सेकंड तक फिर से पूछा जा रहा है।
wait-device-restarting = सेटिंग्स लागू करने के लिए डिवाइस फिर से चालू हो रहा है: { $secs } सेकंड तक प्रतीक्षा की जा रही है।
wait-over = डिवाइस फिर से जवाब दे रहा है।

## टेनेंट जाँच में मिले कारण

cause-security-defaults-on = टेनेंट के लिए सुरक्षा डिफॉल्ट चालू हैं।
cause-smtp-auth-disabled-organisation = संगठन के लिए SMTP AUTH बंद है।
cause-smtp-auth-disabled-mailbox = मेलबॉक्स { $mailbox } के लिए SMTP AUTH बंद है।
cause-smtp-auth-disabled = { $mailbox } या संगठन के लिए SMTP AUTH बंद है।
cause-conditional-access-blocked = एक सशर्त पहुंच नीति कोड से साइन इन को ब्लॉक करती है।
cause-application-not-usable = एप्लिकेशन { $client_id } कोड से साइन इन नहीं कर सकता (सार्वजनिक क्लाइंट फ़्लो बंद हैं, या एप्लिकेशन अज्ञात है)।
cause-app-id-missing = printoauth को इस टेनेंट के लिए कोई ऐप्लिकेशन (क्लाइंट) ID नहीं दी गई, या दी गई ID मान्य नहीं है।
cause-admin-consent-required = किसी व्यवस्थापक को संगठन की ओर से सहमति देनी होगी।
cause-consent-not-granted = सहमति नहीं दी गई।
cause-sign-in-declined = साइन इन अस्वीकार कर दिया गया।
cause-device-code-expired = किसी के साइन इन करने से पहले ही कोड की समय-सीमा समाप्त हो गई।
cause-device-code-invalid = कोड गलत था, पहले इस्तेमाल हो चुका था या अस्वीकार किया गया।
cause-session-expired = साइन इन अब मान्य नहीं है।
cause-sign-in-rejected = Microsoft 365 ने साइन इन अस्वीकार कर दिया ({ $error })।
cause-cancelled = जाँच रद्द कर दी गई।
cause-sign-in-timed-out = { $after_secs } सेकंड में किसी ने साइन इन पूरा नहीं किया।
cause-authority-unreachable = { $url } पर साइन-इन सेवा तक नहीं पहुँचा जा सकता।
cause-account-unknown = साइन इन से यह पता नहीं चला कि किस खाते ने साइन इन किया।
cause-token-rejected = मेल सर्वर ने { $account } का साइन इन अस्वीकार कर दिया (समय-सीमा समाप्त या किसी दूसरे खाते का)।
cause-client-not-authenticated = मेल बिना साइन इन किए भेजा गया।
cause-send-as-denied = { $account } को { $from } के रूप में भेजने की अनुमति नहीं है।
cause-xoauth2-user-invalid = { $account } मान्य मेलबॉक्स पता नहीं है।
cause-basic-auth-not-supported = बेसिक प्रमाणीकरण (पासवर्ड) इस्तेमाल किया गया; यह समर्थित नहीं है।
cause-smtp-server-unreachable = मेल सर्वर { $host }:{ $port } से कोई कनेक्शन नहीं।
cause-smtp-tls-failed = { $host }:{ $port } से सुरक्षित कनेक्शन विफल रहा ({ $tls_name })।
cause-xoauth2-not-offered = मेल सर्वर { $host }:{ $port } OAuth 2.0 उपलब्ध नहीं कराता।
cause-smtp-server-busy = मेल सर्वर व्यस्त है (कोड { $code })।
cause-smtp-rejected = मेल सर्वर ने अस्वीकार कर दिया (कोड { $code })।
cause-address-invalid = “{ $address }” मेल पता नहीं है।
cause-ca-certificate-invalid = कॉन्फ़िगर किया गया CA प्रमाणपत्र मान्य नहीं है।

## टेनेंट जाँच के कारणों के समाधान

fix-turn-off-security-defaults = संगठन के लिए सुरक्षा डिफॉल्ट बंद करें।
fix-enable-smtp-auth-organisation = संगठन के लिए SMTP AUTH चालू करें। (इसे बंद करने से केवल पासवर्ड ही नहीं, OAuth 2.0 वाला मेल भी ब्लॉक हो जाता है।)
fix-enable-smtp-auth-mailbox = मेलबॉक्स { $mailbox } के लिए SMTP AUTH चालू करें। इसकी अपनी सेटिंग संगठन की सेटिंग से ऊपर है।
fix-enable-smtp-auth = संगठन के लिए और मेलबॉक्स { $mailbox } के लिए SMTP AUTH चालू करें।
fix-review-conditional-access = व्यवस्थापक खाते (या डिवाइस के एप्लिकेशन) को सशर्त पहुंच नीति “{ $policy }” से बाहर रखें।
fix-allow-public-client-flows = एप्लिकेशन { $client_id } के लिए सार्वजनिक क्लाइंट फ़्लो की अनुमति दें, या सही एप्लिकेशन इस्तेमाल करें।
fix-register-app = printoauth को टेनेंट में एक बार रजिस्टर करें, जैसा नीचे के चरण बताते हैं (public client flows चालू, डेलिगेटेड अनुमति { $permission }), फिर printoauth को उसकी ऐप्लिकेशन (क्लाइंट) ID दें: Microsoft 365 स्क्रीन पर, या { $setting } में।
fix-grant-admin-consent = व्यवस्थापक खाते से साइन इन करें और “संगठन की ओर से सहमति” पर टिक करें, या व्यवस्थापन केंद्र में सहमति दें।
fix-sign-in-again = दोबारा कोशिश करें, और कोड मान्य रहते हुए साइन इन पूरा करें।
fix-check-connection = { $host }:{ $port } के लिए नेटवर्क, प्रॉक्सी और फ़ायरवॉल जाँचें।
fix-check-tls = { $host } के लिए नाम { $tls_name } और विश्वसनीय प्रमाणपत्र जाँचें।
fix-check-authority = साइन-इन सेवा का पता { $url } जाँचें।
fix-use-signed-in-mailbox-as-sender = { $account } को प्रेषक बनाएँ, या { $account } को { $from } के रूप में भेजने की अनुमति दें।
fix-use-mailbox-address = { $account } के मेलबॉक्स पते से साइन इन करें।
fix-use-oauth = पासवर्ड के बजाय OAuth 2.0 इस्तेमाल करें।
fix-enable-authentication = भेजने वाले डिवाइस में प्रमाणीकरण चालू करें।
fix-use-exchange-online-server = सर्वर { $host }, पोर्ट { $port } इस्तेमाल करें।
fix-retry-later = बाद में फिर कोशिश करें।
fix-correct-address = पता “{ $address }” ठीक करें।
fix-see-details = विवरण में सर्वर का संदेश पढ़ें।

## जिस डिवाइस का सेट अप पूरा नहीं हो सका, उसके लिए क्या करें

fix-check-admin-password = डिवाइस का व्यवस्थापक पासवर्ड जाँचें (अक्सर डिवाइस पर लगे लेबल पर, या इंस्टॉल करते समय सेट किया गया)। बिज़नेस मॉडल को उपयोगकर्ता नाम भी चाहिए।
fix-wait-for-lock-out = बहुत सारे गलत पासवर्ड: डिवाइस के फिर से लॉग इन स्वीकार करने तक प्रतीक्षा करें, फिर सही पासवर्ड से दोबारा कोशिश करें।
fix-update-firmware = डिवाइस के फ़र्मवेयर को ऐसे वर्शन पर अपडेट करें जिसमें OAuth2 हो, फिर दोबारा कोशिश करें।
fix-use-standard-network = डिवाइस से उसके मानक नेटवर्क के ज़रिए कनेक्ट करें: अतिरिक्त नेटवर्क OAuth 2.0 को सपोर्ट नहीं करता।
fix-check-device-connection = जाँचें कि { $address } पर डिवाइस चालू है और इस कंप्यूटर से उस तक पहुँचा जा सकता है।
fix-check-device-address = जाँचें कि { $address } डिवाइस का अपना पता है (डिवाइस की नेटवर्क स्थिति शीट पर दिखता है)। printoauth अभी Web Config वाले Epson डिवाइस सेट अप करता है।
fix-confirm-certificate = रीसेट या फ़र्मवेयर अपडेट से डिवाइस को नया प्रमाणपत्र मिलता है: अगर ऐसा हुआ है, तो जाँचें कि डिवाइस के अपने पेज (Network Security > SSL/TLS > Certificate) पर नया फ़िंगरप्रिंट { $found_sha256 } दिखता है, उस पर भरोसा करें और दोबारा कोशिश करें। अगर ऐसा कुछ नहीं हुआ, तो रुकें: { $address } पर कोई दूसरा डिवाइस जवाब दे रहा हो सकता है।
fix-retry-or-report = दोबारा कोशिश करें। अगर फिर से ऐसा हो, तो तकनीकी विवरण सहायता टीम को भेजें।
fix-do-on-device-page = printoauth डिवाइस का पेज नहीं पढ़ सका: यह चरण डिवाइस के अपने पेज पर करें, फिर दोबारा जाँचें।

## समस्या निवारण के निष्कर्ष

cause-healthy = सब ठीक है: OAuth 2.0 सेट है और साइन इन है।
cause-still-on-basic-auth = डिवाइस अभी भी पासवर्ड से साइन इन करता है ({ $method })। Exchange Online इसे अस्वीकार करता है।
cause-signed-in-not-saved = Current Status में Signed in दिखता है, लेकिन सेटिंग डिवाइस को नहीं भेजी गईं (OK नहीं दबाया गया)।
cause-not-signed-in = OAuth2 चुना गया है, लेकिन किसी ने साइन इन नहीं किया है।
cause-sign-in-expired = डिवाइस का साइन इन समाप्त हो गया है (लंबे समय से इस्तेमाल नहीं हुआ, या साइन-इन की आवृत्ति की अवधि बीत गई)।
cause-must-sign-in-again = डिवाइस को फिर से साइन इन करना होगा।
cause-no-connection = डिवाइस का क्लाउड सेवा या ईमेल सेवा से कोई कनेक्शन नहीं है।
cause-sign-in-failed = डिवाइस का साइन इन विफल रहा: “{ $detail }”

## निष्कर्षों के उपाय

fix-none = कुछ करने की ज़रूरत नहीं।
fix-configure = Exchange Online के साथ OAuth 2.0 सेट अप करें और साइन इन करें।
fix-resave = सेटिंग डिवाइस को भेजने के लिए Email Server > Basic पर फिर से OK दबाएँ।
fix-check-device-network = डिवाइस का नेटवर्क जाँचें और यह भी कि वह मेल सेवा तक पहुँचता है।

## जब printoauth डिवाइस का पेज नहीं पढ़ सका, तब डिवाइस के अपने पेज पर किए जाने वाले चरण
## (डिवाइस के अपने नाम अंग्रेज़ी में रहते हैं, जैसे निर्माता की गाइड में)

manual-open-web-config = उसी नेटवर्क के किसी कंप्यूटर पर ब्राउज़र में { $url } खोलें। ब्राउज़र डिवाइस के अपने प्रमाणपत्र के बारे में चेतावनी दे सकता है।
manual-log-in = व्यवस्थापक के रूप में लॉग इन करें: Log in, व्यवस्थापक पासवर्ड, OK।
manual-open-email-server-basic = Network टैब खोलें, फिर Email Server > Basic।
manual-set-auth-method-oauth2 = Authentication Method में OAuth2 चुनें।
manual-set-email-service = Email service में { $service } चुनें। पेज चेतावनी देता है कि साइन इन की हुई कोई भी दूसरी ईमेल सेवा साइन आउट हो जाएगी।
manual-press-sign-in = Sign In दबाएँ।
manual-press-sign-in-with-microsoft = “Sign in with Microsoft” दबाएँ। पेज एक कोड और एक पता दिखाता है।
manual-enter-shown-code = ब्राउज़र में पेज पर दिखाया गया पता खोलें, दिखाया गया कोड दर्ज करें, फिर Next दबाएँ।
manual-enter-code = ब्राउज़र में { $url } खोलें, कोड { $code } दर्ज करें, फिर Next दबाएँ।
manual-sign-in-as-administrator = ऐसे खाते से साइन इन करें जिसके पास Cloud Application Administrator या उससे ऊँची भूमिका हो: उसका पासवर्ड, फिर Sign In।
manual-consent-for-organisation = “Permissions requested” पर “Consent on behalf of your organization” पर टिक करें, फिर Accept दबाएँ। जब पेज बताए कि आप साइन इन हो गए हैं, तो उसे बंद कर दें।
manual-check-signed-in = Email Server > Basic पर लौटकर पेज फिर से लोड करें: Current Status में Signed in दिखता है।
manual-check-values = बाकी मान जाँचें: Sender's Email Address { $sender }, SMTP Server Address { $server }, SMTP Server Port Number { $port }, Secure Connection STARTTLS, Certificate Validation Enable।
manual-press-ok = सेटिंग प्रिंटर को भेजने के लिए OK दबाएँ, फिर पुष्टि वाले पेज पर OK। पेज पर “Setup complete.” लिखा आता है।

## printoauth को डिवाइस के पेज पर क्या नहीं मिला

missing-button = बटन “{ $label }”
missing-field = फ़ील्ड “{ $label }”
missing-option = “{ $field }” का विकल्प “{ $option }”
missing-menu-entry = मेनू प्रविष्टि “{ $path }”
missing-page = पेज “{ $path }”
missing-row = पंक्ति “{ $label }”
missing-login-form = व्यवस्थापक का लॉग-इन फ़ॉर्म
missing-confirmation-form = सहेजने की पुष्टि वाला पेज
missing-save-confirmation = सहेजने के बाद का संदेश “Setup complete.”
missing-sign-in-code = साइन-इन कोड
missing-verification-url = वह पता जहाँ कोड दर्ज किया जाता है
missing-other = “{ $what }”

## Inventory: every device, read without changing it (the command line and the app)

cli-col-firmware = फ़र्मवेयर
cli-col-oauth2 = OAUTH2
cli-col-auth = प्रमाणीकरण
cli-col-signed-in = साइन इन खाता
cli-col-sender = प्रेषक
cli-col-password = पासवर्ड सहेजा
cli-col-last-mail = पिछला मेल जॉब
cli-inventory-password-prompt = डिवाइसों का व्यवस्थापक पासवर्ड (Enter: लॉग इन किए बिना सूची दिखाएँ):
cli-inventory-signed-out = साइन आउट
cli-inventory-job-ok = { $time }: भेजा गया
cli-inventory-job-failed = { $time }: विफल ({ $result })
cli-inventory-why = OAuth2: { $reason }
cli-inventory-instead = इसके बजाय: { $alternative }
cli-inventory-summary =
    { $total ->
        [one] { $total } डिवाइस: { $oauth2 } पहले से OAuth2 पर, { $possible } उस पर जा सकते हैं, { $cannot } नहीं जा सकते, { $unknown } का पता नहीं।
       *[other] { $total } डिवाइस: { $oauth2 } पहले से OAuth2 पर, { $possible } उस पर जा सकते हैं, { $cannot } नहीं जा सकते, { $unknown } का पता नहीं।
    }
app-inventory-read = डिवाइस पढ़ें
app-inventory-reading = डिवाइस पढ़े जा रहे हैं (उन पर कुछ नहीं बदला जाता)…
app-inventory-password = पढ़ने के लिए व्यवस्थापक पासवर्ड (एक बार उपयोग, सहेजा नहीं जाता)
app-inventory-details = विवरण
app-inventory-firmware = फ़र्मवेयर
app-inventory-oauth2 = OAuth 2.0
app-inventory-auth = प्रमाणीकरण
app-inventory-signed-in = साइन इन खाता
app-inventory-signed-out = साइन आउट
app-inventory-sender = प्रेषक
app-inventory-last-mail = पिछला मेल जॉब
app-inventory-job-ok = { $time }: भेजा गया
app-inventory-job-failed = { $time }: विफल ({ $result })
app-inventory-password-kept = पासवर्ड याद रखा गया
app-inventory-alternatives = OAuth 2.0 के बजाय

read-state-read = पढ़ा गया
read-state-password-needed = पढ़ा नहीं गया: व्यवस्थापक पासवर्ड चाहिए। निर्माता और मॉडल वही हैं जो डिवाइस नेटवर्क पर घोषित करता है।
read-state-password-refused = पढ़ा नहीं गया: डिवाइस ने व्यवस्थापक पासवर्ड अस्वीकार कर दिया।
read-state-no-driver = पढ़ा नहीं गया: printoauth अभी इस निर्माता के डिवाइस नहीं पढ़ सकता। निर्माता और मॉडल वही हैं जो डिवाइस नेटवर्क पर घोषित करता है।
read-state-failed = पढ़ा नहीं गया: डिवाइस को पढ़ा नहीं जा सका।

oauth2-possible = OAuth2 संभव है।
oauth2-unknown = डिवाइस पढ़े जाने तक पता नहीं।
oauth2-model-has-it = इस मॉडल में फ़र्मवेयर { $since } से OAuth2 है; उसका फ़र्मवेयर जानने के लिए डिवाइस पढ़ें।
oauth2-firmware-too-old = इस फ़र्मवेयर ({ $firmware }) के साथ नहीं: मॉडल में फ़र्मवेयर { $since } से OAuth2 है।
oauth2-model-without = नहीं: { $model } के किसी भी फ़र्मवेयर में OAuth2 नहीं है।
oauth2-not-in-firmware = इस फ़र्मवेयर ({ $firmware }) के साथ नहीं; इस मॉडल के किसी नए फ़र्मवेयर में है या नहीं, पता नहीं।
oauth2-additional-network = इस कनेक्शन पर नहीं: डिवाइस तक उसके अतिरिक्त नेटवर्क से पहुँचा गया है, जिसमें OAuth2 नहीं है। उसके मानक नेटवर्क में है।
oauth2-vendor-not-supported = printoauth के साथ नहीं: यह अभी { $vendor } डिवाइस सेट अप नहीं कर सकता।

alternative-use-standard-network = डिवाइस को अतिरिक्त नेटवर्क के बजाय उसके मानक नेटवर्क से जोड़ें, फिर वहाँ OAuth2 सेट अप करें।
alternative-update-firmware = { $model } का फ़र्मवेयर { $since } या नए वर्शन पर अपडेट करें, फिर OAuth2 सेट अप करें।
alternative-ask-vendor-for-firmware = निर्माता से पूछें कि क्या { $model } के लिए OAuth2 वाला फ़र्मवेयर है; अगर है, तो अपडेट करें, फिर OAuth2 सेट अप करें।
alternative-vendor-own-setup = { $vendor } अपने कुछ मॉडलों के लिए डिवाइस के अपने वेब पेज पर OAuth 2.0 सेट करने का तरीका बताता है: इस मॉडल के लिए निर्माता की गाइड का पालन करें।
alternative-exchange-connector = Exchange Online कनेक्टर (SMTP रिले): डिवाइस बिना पासवर्ड के आपके डोमेन के MX एंडपॉइंट (…mail.protection.outlook.com) पर पोर्ट { $port } से भेजता है। ज़रूरी: ऑफ़िस का स्थिर सार्वजनिक IP पता, बाहर जाने वाला पोर्ट { $port } खुला हो, और एक कनेक्टर जो उस पते से मेल स्वीकार करे।
alternative-high-volume-email = Microsoft का High Volume Email: केवल आपके संगठन के अंदर के प्राप्तकर्ताओं के लिए, और सशुल्क। यह डिवाइस का पासवर्ड (बेसिक प्रमाणीकरण) ज़्यादा समय तक स्वीकार करता है: सितंबर 2028 तक, जैसा Microsoft ने 2026 में घोषित किया। ज़रूरी: एक HVE खाता और डिवाइस का { $server } पर, पोर्ट { $port } से भेजना।
alternative-local-relay = ऑफ़िस नेटवर्क पर एक रिले (SMTP-से-Graph रिले या OAuth प्रॉक्सी): डिवाइस उसे आज की तरह ही भेजता है, और रिले डिवाइस की ओर से Microsoft 365 में साइन इन करता है। ज़रूरी: हमेशा चालू रहने वाला कंप्यूटर या सर्वर, और टेनेंट में रिले का अपना ऐप पंजीकरण।

## स्थिति (printoauth health; ऐप शुरू होने पर जाँच)
health-healthy = ठीक है
health-sign-in-expired = साइन-इन की अवधि समाप्त हो गई: फिर से साइन इन करें।
health-sign-in-needed = फिर से साइन इन करना होगा।
health-jobs-failed = हाल के मेल जॉब विफल रहे।
health-needs-attention = ध्यान देने की ज़रूरत है (कारण देखें)।
health-not-on-oauth2 = OAuth2 पर नहीं: जाँचने के लिए कोई साइन-इन नहीं।
health-not-readable = जाँचा नहीं गया।
cli-col-health = स्थिति
cli-health-job-code = जॉब कोड { $code }
cli-health-summary = जाँचे गए: { $total }। ध्यान देने की ज़रूरत: { $attention }, जिनमें से फिर से साइन इन करना होगा: { $sign_in }।
app-health-banner = { $count ->
    [one] एक डिवाइस को Microsoft में फिर से साइन इन करना होगा:
   *[other] { $count } डिवाइसों को Microsoft में फिर से साइन इन करना होगा:
}
app-health-sign-in-again = फिर से साइन इन करें
app-health-sign-in-again-hint = एक ही बैच सभी को फिर से साइन इन करता है; आप Microsoft में एक बार साइन इन करते हैं।

## The customer's report (PDF), made by crates/core/src/report.rs
report-title = स्कैन-टू-ईमेल सेटअप रिपोर्ट
report-site = स्थान: { $site }
report-date = तारीख: { $date }
report-run = रन { $id }, शुरू हुआ { $time }
report-practice = अभ्यास रन: नकली (एमुलेटेड) डिवाइस, किसी असली डिवाइस में कोई बदलाव नहीं हुआ।
report-sender = प्रेषक: { $sender }
report-summary = सेट अप और सत्यापित डिवाइस: { $total } में से { $done }
report-device-id = डिवाइस: { $id }
report-model = मॉडल: { $model }
report-address = पता: { $address }
report-result = परिणाम: { $result }
report-result-done = सेट अप और सत्यापित
report-result-failed = विफल
report-result-cancelled = रद्द
report-result-unfinished = अधूरा
report-failed-at = इस चरण से पहले रुका: { $step }
report-error = त्रुटि: { $error }
report-fix = समाधान: { $fix }
report-found = मिली सेटिंग्स: { $settings }
report-changes = बदलाव (पहले → बाद में):
report-no-changes = कुछ भी बदलने की ज़रूरत नहीं थी।
report-tenant = Microsoft 365 जाँच
report-tenant-checked-at = जाँच का समय: { $time }
report-tenant-own = printoauth ने जाँचा: साइन-इन और एक परीक्षण मेल।
report-tenant-through-device = डिवाइस { $device } के ज़रिए जाँचा गया: उसका अपना कनेक्शन परीक्षण।
report-tenant-passed = सभी जाँचें सफल रहीं।
report-tenant-failed = कुछ जाँचें विफल रहीं।
report-check-passed = सफल
report-check-failed = विफल
report-check-not-checked = जाँचा नहीं गया
report-no-secrets = इस रिपोर्ट में कोई पासवर्ड, टोकन या साइन-इन कोड नहीं है।
