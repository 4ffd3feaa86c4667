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
cli-tenant-cause = कारण: { $cause }
cli-tenant-fix = समाधान: { $fix }
cli-tenant-ready = टेनेंट तैयार है।
cli-tenant-not-ready = टेनेंट तैयार नहीं है: ऊपर दिए गए समाधान देखें।

## कमांड लाइन: समस्या निवारण

cli-finding = निष्कर्ष: { $finding }
cli-remedy = उपाय: { $remedy }

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
