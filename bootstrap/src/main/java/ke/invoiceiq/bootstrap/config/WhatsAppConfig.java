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
     * The verify token being rotated in ({@code WABA_VERIFY_TOKEN_NEXT}): accepted alongside {@link #verifyToken()}
     * while the webhook is subscribed again (docs/RUNBOOK.md, "Rotating secrets").
     */
    Optional<SecretValue> verifyTokenNext();

    /**
     * The app secret being rotated in ({@code WABA_APP_SECRET_NEXT}): a webhook signed with it or with
     * {@link #appSecret()} is accepted, while Meta's secret is reset (docs/RUNBOOK.md, "Rotating secrets").
     */
    Optional<SecretValue> appSecretNext();

    /**
     * The pinned Graph API version ({@code WABA_API_VERSION}). The default, v25.0, is available until 2028-07-29
     * (docs/whatsapp.md); the service never calls the API unversioned.
     */
    @WithDefault("v25.0")
    String apiVersion();

    /** The Graph API base, without the version ({@code WABA_BASE_URL}); tests point it at a stub. */
    @WithDefault("https://graph.facebook.com")
    URI baseUrl();

    /**
     * The approved template (with a "Pay with M-PESA" quick-reply button) that carries the first invoice message to
     * a customer, which can be outside the 24-hour service window ({@code WABA_INVOICE_TEMPLATE}); without one,
     * the invoice goes as interactive buttons, with SMS as the fallback (docs/architecture.md, chat state machine).
     */
    Optional<String> invoiceTemplate();

    /** The language code of that template ({@code WABA_INVOICE_TEMPLATE_LANGUAGE}). */
    @WithDefault("en")
    String invoiceTemplateLanguage();

    /**
     * The name of the invoice template's Swahili version, for invoices written in Swahili
     * ({@code WABA_INVOICE_TEMPLATE_SW}); unset, the same name as {@link #invoiceTemplate()}, since Meta keeps the
     * languages of one template under one name (docs/whatsapp.md).
     */
    Optional<String> invoiceTemplateSw();

    /** The language code of the Swahili version ({@code WABA_INVOICE_TEMPLATE_SW_LANGUAGE}). */
    @WithDefault("sw")
    String invoiceTemplateSwLanguage();

    /**
     * The approved utility template, with one body variable, that carries a merchant notice to a staff number outside
     * its 24-hour window ({@code WABA_MERCHANT_TEMPLATE}); without one, such notices go by SMS (docs/whatsapp.md).
     */
    Optional<String> merchantTemplate();

    /** The language code of that template ({@code WABA_MERCHANT_TEMPLATE_LANGUAGE}). */
    @WithDefault("en")
    String merchantTemplateLanguage();

    /**
     * The shortest gap between two messages to one person ({@code WABA_PAIR_INTERVAL}; Meta's pair limit, 131056),
     * kept by every instance together. Must be positive.
     */
    @WithDefault("PT6S")
    Duration pairInterval();

    /**
     * The messages per second the business number may send ({@code WABA_THROUGHPUT}; 1000 after Meta's upgrade),
     * kept by every instance together.
     */
    @WithDefault("80")
    int throughput();

    /** How acknowledged webhooks are processed off the request thread. */
    Webhook webhook();

    /** The webhook's processing pool ({@code waba.webhook.*}). */
    interface Webhook {

        /**
         * Threads that hand webhook events to the use cases ({@code WABA_WEBHOOK_WORKERS}); a Pay tap, which may
         * wait on M-PESA, runs on a virtual thread of its own instead.
         */
        @WithDefault("4")
        int workers();

        /**
         * Webhooks held for processing at most; beyond, a stored webhook waits in the inbox and the sweeper takes it
         * as soon as there is room ({@code WABA_WEBHOOK_QUEUE}).
         */
        @WithDefault("1000")
        int queue();

        /** Tries to handle a webhook before its senders are asked to write again ({@code WABA_WEBHOOK_ATTEMPTS}). */
        @WithDefault("5")
        int attempts();

        /**
         * The wait after a failed try, doubled after each further one, up to 10 minutes
         * ({@code WABA_WEBHOOK_RETRY_AFTER}).
         */
        @WithDefault("PT10S")
        Duration retryAfter();

        /**
         * How long the inbox sweeper rests when it found nothing to do, or {@code off}
         * ({@code WABA_WEBHOOK_SWEEP_EVERY}); a backlog is worked off without rests.
         */
        @WithDefault("5s")
        String sweepEvery();
    }

    /** Whether sends go to the Graph API: a token and a phone number id are both set (not blank). */
    default boolean configured() {
        return token().filter(t -> !t.reveal().isBlank()).isPresent()
                && phoneId().filter(id -> !id.isBlank()).isPresent();
    }
}
