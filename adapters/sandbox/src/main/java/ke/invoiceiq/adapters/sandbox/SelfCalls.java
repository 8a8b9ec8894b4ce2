package ke.invoiceiq.adapters.sandbox;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The simulated providers' HTTP calls to this very service, on its real driving endpoints, each with the credential
 * the endpoint checks: Meta's signed webhook ({@code POST /whatsapp/webhook}, {@code X-Hub-Signature-256} with
 * {@code waba.app-secret}), Africa's Talking's form posts ({@code POST /sms/inbound/{sms.callback-token}},
 * {@code POST /sms/status/{sms.callback-token}}) and Daraja's callbacks
 * ({@code POST /payments/stk/callback/{mpesa.callback-token}}, and the C2B confirmation
 * {@code POST /payments/c2b/confirmation/{mpesa.callback-token}}). The address is {@link LocalEndpoint}'s.
 *
 * <p>Blocking; called on worker threads only (the sandbox's own scheduler, and the sandbox API's requests). Nothing
 * about the body is ever logged.
 */
@Singleton
public class SelfCalls {

    static final String WEBHOOK = "/whatsapp/webhook";
    static final String SMS_INBOUND = "/sms/inbound/";
    static final String SMS_STATUS = "/sms/status/";
    static final String STK_CALLBACK = "/payments/stk/callback/";
    static final String C2B_CONFIRMATION = "/payments/c2b/confirmation/";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LocalEndpoint endpoint;
    private final SandboxSettings settings;
    private final WebhookBodies webhooks;
    private volatile HttpClient client;

    @Inject
    public SelfCalls(LocalEndpoint endpoint, SandboxSettings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.webhooks = new WebhookBodies(settings.phoneNumberId());
    }

    /** The builder of the webhook bodies, for the business number the webhook expects. */
    WebhookBodies webhooks() {
        return webhooks;
    }

    /** Posts a webhook body signed with the app secret; answers the HTTP status. */
    public int postWebhook(byte[] body) {
        String secret = required(settings.appSecret(), "waba.app-secret (WABA_APP_SECRET)");
        return post(WEBHOOK, "application/json", body,
                Map.of(WebhookSigner.HEADER, WebhookSigner.signature(body, secret)));
    }

    /** Posts an incoming SMS (docs/sms.md) to the SMS inbound callback. */
    public int postSmsInbound(Map<String, String> form) {
        return postForm(SMS_INBOUND, form);
    }

    /** Posts a delivery report (docs/sms.md) to the SMS status callback. */
    public int postSmsStatus(Map<String, String> form) {
        return postForm(SMS_STATUS, form);
    }

    /** Posts an STK callback body (docs/daraja.md) to the Daraja callback. */
    public int postStkCallback(byte[] body) {
        String token = required(settings.stkCallbackToken(), "mpesa.callback-token (MPESA_CALLBACK_TOKEN)");
        return post(STK_CALLBACK + segment(token), "application/json", body, Map.of());
    }

    /** Posts a C2B confirmation body (docs/daraja.md) to the C2B confirmation endpoint, with the same token. */
    public int postC2bConfirmation(byte[] body) {
        String token = required(settings.stkCallbackToken(), "mpesa.callback-token (MPESA_CALLBACK_TOKEN)");
        return post(C2B_CONFIRMATION + segment(token), "application/json", body, Map.of());
    }

    private int postForm(String path, Map<String, String> form) {
        String token = required(settings.smsCallbackToken(), "sms.callback-token (SMS_CALLBACK_TOKEN)");
        String encoded = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path + segment(token), "application/x-www-form-urlencoded",
                encoded.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private int post(String path, String contentType, byte[] body, Map<String, String> headers) {
        URI uri = endpoint.baseUri().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("User-Agent", "InvoiceIQ-sandbox")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new SelfCallFailed("the service did not answer on " + path.split("/")[1] + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfCallFailed("interrupted");
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                }
                c = client;
            }
        }
        return c;
    }

    private static String required(Optional<String> secret, String name) {
        return secret.orElseThrow(() -> new NotConfigured(name));
    }

    private static String segment(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @PreDestroy
    void close() {
        HttpClient c = client;
        if (c != null) {
            c.shutdownNow();
        }
    }

    /** A secret the real endpoint checks is not configured, so the simulated provider cannot reach it. */
    public static final class NotConfigured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotConfigured(String name) {
            super(name + " is not set: the sandbox cannot call the endpoint that checks it");
        }
    }

    /** The call to the service itself failed (no answer at all). */
    public static final class SelfCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SelfCallFailed(String message) {
            super(message);
        }
    }
}
