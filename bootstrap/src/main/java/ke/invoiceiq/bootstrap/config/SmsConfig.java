package ke.invoiceiq.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * The Africa's Talking SMS account, read from the {@code SMS_*} environment variables. Credentials are optional
 * here (dev and test run without an account) and required in prod ({@link RequiredSecrets}); secrets never print.
 */
@ConfigMapping(prefix = "sms")
public interface SmsConfig {

    /** The base URL of the live API (docs/sms.md). */
    URI LIVE_BASE_URL = URI.create("https://api.africastalking.com");

    /** The base URL of the sandbox, which only the username {@code sandbox} may use. */
    URI SANDBOX_BASE_URL = URI.create("https://api.sandbox.africastalking.com");

    /** The Africa's Talking app username ({@code SMS_USERNAME}); {@code sandbox} selects the sandbox. */
    Optional<String> username();

    /** The API key sent in the {@code apiKey} header ({@code SMS_API_KEY}). */
    Optional<SecretValue> apiKey();

    /** The registered sender id or shortcode ({@code SMS_SENDER_ID}); without one, AT's default sender is used. */
    Optional<String> senderId();

    /** The secret {@code {token}} in the SMS callback paths {@code /sms/inbound/{token}} and {@code /sms/status/{token}}. */
    Optional<SecretValue> callbackToken();

    /**
     * The token being rotated in ({@code SMS_CALLBACK_TOKEN_NEXT}): accepted alongside {@link #callbackToken()} while
     * Africa's Talking's callback URLs are changed (docs/RUNBOOK.md, "Rotating secrets").
     */
    Optional<SecretValue> callbackTokenNext();

    /**
     * Whether an SMS a customer sends back reaches the service ({@code SMS_REPLIES_REACH_US}); unset, see
     * {@link #repliesReachUs(boolean)}. Only then do SMS texts offer "reply PAY &lt;id&gt;" (docs/sms.md).
     */
    Optional<Boolean> repliesReachUs();

    /**
     * {@link #repliesReachUs()} when set; otherwise yes when the sandbox plays SMS ({@code sandboxSms}: its
     * phone sends replies to the service), or when the incoming-SMS callback has its token and the sender is a
     * numeric shortcode, the only kind of sender a phone can reply to. An alphanumeric sender id, or none (Africa's
     * Talking's shared alphanumeric sender), cannot receive a reply.
     */
    default boolean repliesReachUs(boolean sandboxSms) {
        return repliesReachUs().orElseGet(() -> sandboxSms
                || callbackToken().map(SecretValue::reveal).filter(t -> !t.isBlank()).isPresent()
                && senderId().map(String::strip).filter(id -> id.matches("[0-9]{3,8}")).isPresent());
    }

    /** An explicit API base URL ({@code SMS_BASE_URL}), for tests; see {@link #effectiveBaseUrl()}. */
    Optional<URI> baseUrl();

    /** {@code SMS_BASE_URL} if set, else the sandbox for the username {@code sandbox}, else the live API. */
    default URI effectiveBaseUrl() {
        return baseUrl().orElseGet(() -> isSandbox() ? SANDBOX_BASE_URL : LIVE_BASE_URL);
    }

    /**
     * Whether SMS can be sent: a username and an API key are both set. The same rule as
     * {@code AfricasTalkingSmsMessenger.configured()}.
     */
    default boolean configured() {
        return username().map(String::strip).filter(s -> !s.isEmpty()).isPresent()
                && apiKey().map(SecretValue::reveal).map(String::strip).filter(s -> !s.isEmpty()).isPresent();
    }

    /** Whether the account is Africa's Talking's sandbox (username {@code sandbox}). */
    default boolean isSandbox() {
        return username().map(String::strip).filter("sandbox"::equalsIgnoreCase).isPresent();
    }
}
