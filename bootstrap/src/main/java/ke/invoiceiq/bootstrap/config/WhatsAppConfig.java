package ke.invoiceiq.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The WhatsApp Cloud API (Meta Graph API) account, read from the {@code WABA_*} environment variables
 * ({@code WABA_APP_SECRET} is the key {@code waba.app-secret}, and so on).
 *
 * <p>Every credential is optional here, so the dev and test profiles start without an account; the prod profile
 * refuses to start without them ({@link RequiredSecrets}). Credentials are {@link SecretValue}s, which never print:
 * this mapping, an exception or a log line that includes one shows a mask.
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
}
