package ke.invoiceiq.bootstrap.packaged;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;
import ke.invoiceiq.bootstrap.testing.InJvmWireMock;
import ke.invoiceiq.bootstrap.testing.ProviderStubs;

/**
 * One WireMock in the test's JVM, on a free port of 127.0.0.1, playing all three providers for the packaged
 * application (docs/whatsapp.md, docs/daraja.md, docs/sms.md): the Graph API accepts every send with a fresh {@code wamid.}, Daraja hands out an OAuth
 * token, accepts every STK push with a fresh CheckoutRequestID and answers every query "still being processed", and
 * Africa's Talking accepts every SMS. Every provider setting the prod profile requires is set and pointed at it, so
 * the packaged application runs in the prod profile on its real adapters (REST clients, Jackson, TLS settings and
 * all) and nothing leaves the machine. The secrets are the IT's own, not secrets.
 *
 * <p>A test gets the server in a {@code WireMockServer} field marked {@link Server}, to read what the application
 * sent.
 */
public class ProviderStandIns extends InJvmWireMock {

    /** {@code WABA_PHONE_ID}: the business number the webhook payloads must name. */
    public static final String PHONE_ID = "106540352242922";
    public static final String APP_SECRET = "packaged-it-app-secret-not-a-secret";
    public static final String VERIFY_TOKEN = "packaged-it-verify-token";
    public static final String STK_CALLBACK_TOKEN = "packaged-it-stk-callback-token";
    public static final String SMS_CALLBACK_TOKEN = "packaged-it-sms-callback-token";

    static final String GRAPH_MESSAGES = "/v25.0/" + PHONE_ID + "/messages";
    static final String DARAJA_PUSH = ProviderStubs.DARAJA_PUSH_PATH;
    static final String AT_MESSAGING = ProviderStubs.AT_MESSAGING_PATH;

    /** Marks the test's field that gets the server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    @Override
    protected void stub(WireMockServer server) {
        ProviderStubs.graphAcceptsEverySend(server, GRAPH_MESSAGES);
        ProviderStubs.darajaAcceptsEveryPush(server);
        ProviderStubs.atAcceptsEverySms(server);
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        Map<String, String> config = new HashMap<>();
        config.put("waba.base-url", baseUrl);
        config.put("waba.api-version", "v25.0");
        config.put("waba.token", "packaged-it-graph-token");
        config.put("waba.phone-id", PHONE_ID);
        config.put("waba.app-secret", APP_SECRET);
        config.put("waba.verify-token", VERIFY_TOKEN);
        config.put("mpesa.base-url", baseUrl);
        config.put("mpesa.env", "sandbox");
        config.put("mpesa.consumer-key", "packaged-it-consumer-key");
        config.put("mpesa.consumer-secret", "packaged-it-consumer-secret");
        config.put("mpesa.shortcode", "174379");
        // the public sandbox passkey (docs/daraja.md)
        config.put("mpesa.passkey", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919");
        config.put("mpesa.callback-url", "https://pay.invoiceiq.example/payments/stk/callback/" + STK_CALLBACK_TOKEN);
        config.put("mpesa.callback-token", STK_CALLBACK_TOKEN);
        config.put("sms.base-url", baseUrl);
        config.put("sms.username", "invoiceiq-packaged-it");
        config.put("sms.api-key", "packaged-it-at-key");
        config.put("sms.callback-token", SMS_CALLBACK_TOKEN);
        return config;
    }

    @Override
    protected Class<Server> fieldMarker() {
        return Server.class;
    }
}
