package ke.invoiceiq.adapters.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * How the sandbox behaves, read once from the configuration ({@link SandboxConfiguration}).
 *
 * @param enabled            whether the sandbox is on ({@code invoiceiq.sandbox.enabled}, {@code INVOICEIQ_SANDBOX})
 * @param noWhatsAppPrefixes numbers starting with one of these (canonical {@code 254…} form) are not on WhatsApp:
 *                           every WhatsApp send to them is refused with 131026, so the SMS fallback shows
 * @param stkAutoAnswerAfter how long an STK prompt waits for the page before the amount rule answers it
 * @param callbackDelay      how long after the answer the Daraja callback is posted (M-PESA's processing time)
 * @param statusDelay        the gap between a send and each of its status events (sent, delivered, read)
 * @param history            messages kept per phone (older ones are dropped)
 * @param merchant           the merchant's phone the page shows (the first staff number)
 * @param businessName       the business name, for the page and the STK prompt
 * @param phoneNumberId      the business {@code phone_number_id} the simulated webhooks carry: {@code waba.phone-id}
 *                           when set (the webhook ignores every other id then), else a sandbox id
 * @param appSecret          {@code waba.app-secret}, which signs the simulated webhooks
 * @param stkCallbackToken   {@code mpesa.callback-token}, the last segment of the STK callback path
 * @param smsCallbackToken   {@code sms.callback-token}, the last segment of the SMS callback paths
 */
public record SandboxSettings(boolean enabled, List<String> noWhatsAppPrefixes, Duration stkAutoAnswerAfter,
        Duration callbackDelay, Duration statusDelay, int history, Msisdn merchant, String businessName,
        String phoneNumberId, Optional<String> appSecret, Optional<String> stkCallbackToken,
        Optional<String> smsCallbackToken) {

    /** The {@code phone_number_id} of the simulated business number when {@code waba.phone-id} is not set. */
    public static final String SANDBOX_PHONE_NUMBER_ID = "100000000000001";

    /** The display number of the simulated business number (Meta's test numbers are +1 555…). */
    public static final String SANDBOX_DISPLAY_NUMBER = "15550000001";

    public SandboxSettings {
        noWhatsAppPrefixes = noWhatsAppPrefixes.stream().map(SandboxSettings::canonicalPrefix)
                .filter(p -> !p.isEmpty()).distinct().toList();
        Objects.requireNonNull(stkAutoAnswerAfter, "stkAutoAnswerAfter");
        Objects.requireNonNull(callbackDelay, "callbackDelay");
        Objects.requireNonNull(statusDelay, "statusDelay");
        if (stkAutoAnswerAfter.isNegative() || callbackDelay.isNegative() || statusDelay.isNegative()) {
            throw new IllegalArgumentException("sandbox delays cannot be negative");
        }
        if (history < 1) {
            throw new IllegalArgumentException("invoiceiq.sandbox.history must be at least 1");
        }
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(businessName, "businessName");
        phoneNumberId = phoneNumberId == null || phoneNumberId.isBlank() ? SANDBOX_PHONE_NUMBER_ID
                : phoneNumberId.strip();
        appSecret = present(appSecret);
        stkCallbackToken = present(stkCallbackToken);
        smsCallbackToken = present(smsCallbackToken);
    }

    /** Whether the simulated WhatsApp reaches this number (it is outside every no-WhatsApp prefix). */
    public boolean hasWhatsApp(Msisdn number) {
        return noWhatsAppPrefixes.stream().noneMatch(prefix -> number.value().startsWith(prefix));
    }

    /**
     * A prefix as a merchant may type it ({@code 079}, {@code +254 79}, {@code 25479}) in the canonical
     * {@code 254…} form of {@link Msisdn}.
     */
    static String canonicalPrefix(String raw) {
        String digits = raw == null ? "" : raw.strip().replaceAll("[\\s+()-]", "").toLowerCase(Locale.ROOT);
        if (!digits.matches("\\d*")) {
            throw new IllegalArgumentException("invoiceiq.sandbox.no-whatsapp-prefixes: digits only, e.g. 25479");
        }
        if (digits.startsWith("0")) {
            return "254" + digits.substring(1);
        }
        if (digits.startsWith("7") || digits.startsWith("1")) {
            return "254" + digits;
        }
        return digits;
    }

    private static Optional<String> present(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
