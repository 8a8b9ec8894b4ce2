package ke.invoiceiq.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The WhatsApp Cloud API (Meta Graph API) account, read from the {@code WABA_*} environment variables
 * ({@code WABA_APP_SECRET} is the key {@code waba.app-secret}, and so on).
 *
 * <p>Every credential is optional here, so the dev and test profiles start without an account; the prod profile
 * refuses to start without them ({@link RequiredSecrets}). Credentials are {@link SecretValue}s, which never print:
 * this mapping, an exception or a log line that includes one shows a mask.
 *
 * <p>WhatsApp counts as configured, and the service sends
 * through the Graph API instead of the in-memory stand-in, when {@link #token()} and {@link #phoneId()} are both
 * set ({@link #configured()}).
 *
 * <p>Every {@code waba.*} key the WhatsApp adapter reads is declared here, even the ones only the adapter uses:
 * a key set in a property file that no mapping declares stops the service ("does not map to any root").
 */
@ConfigMapping(prefix = "waba")
public interface WhatsAppConfig {

    /** The permanent (system user) access token sent as {@code Authorization: Bearer} ({@code WABA_TOKEN}). */
    Optional<SecretValue> token();

    /** The id of the business phone number messages are sent from ({@code WABA_PHONE_ID}, digits). */
    Optional<String> phoneId();

    /** The token Meta echoes in {@code hub.verify_token} when the webhook is subscribed ({@code WABA_VERIFY_TOKEN}). */
    Optional<SecretValue> verifyToken();

    /** The app secret that signs every webhook ({@code X-Hub-Signature-256}) ({@code WABA_APP_SECRET}). */
    Optional<SecretValue> appSecret();

    /**
     * The pinned Graph API version ({@code WABA_API_VERSION}). The default, v25.0, is available until 2028-07-29
     * (PROVIDERS.md §A.0); the service never calls the API unversioned.
     */
    @WithDefault("v25.0")
    String apiVersion();

    /** The Graph API base, without the version ({@code WABA_BASE_URL}); tests point it at a stub. */
    @WithDefault("https://graph.facebook.com")
    URI baseUrl();

    /**
     * The approved template (with a "Pay with M-PESA" quick-reply button) that carries the first invoice message to
     * a customer, which can be outside the 24-hour service window ({@code WABA_INVOICE_TEMPLATE}); without one,
     * the invoice goes as interactive buttons, with SMS as the fallback (DESIGN.md §2, chat state machine).
     */
    Optional<String> invoiceTemplate();

    /** The language code of that template ({@code WABA_INVOICE_TEMPLATE_LANGUAGE}). */
    @WithDefault("en")
    String invoiceTemplateLanguage();

    /** The shortest gap between two messages to one person ({@code WABA_PAIR_INTERVAL}; Meta's pair limit, 131056). */
    @WithDefault("PT6S")
    Duration pairInterval();

    /** The messages per second the business number may send ({@code WABA_THROUGHPUT}; 1000 after Meta's upgrade). */
    @WithDefault("80")
    int throughput();

    /** How acknowledged webhooks are processed off the request thread. */
    Webhook webhook();

    /** The webhook's processing pool ({@code waba.webhook.*}). */
    interface Webhook {

        /** Threads that hand webhook events to the use cases ({@code WABA_WEBHOOK_WORKERS}). */
        @WithDefault("4")
        int workers();

        /** Webhooks that may wait for a worker; when full, the webhook is answered 503 ({@code WABA_WEBHOOK_QUEUE}). */
        @WithDefault("1000")
        int queue();
    }

    /** Whether sends go to the Graph API: a token and a phone number id are both set (not blank). */
    default boolean configured() {
        return token().filter(t -> !t.reveal().isBlank()).isPresent()
                && phoneId().filter(id -> !id.isBlank()).isPresent();
    }
}
