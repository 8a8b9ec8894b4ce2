package ke.invoiceiq.bootstrap.endtoend;

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
 * An in-JVM WireMock playing Safaricom Daraja for {@link MpesaLoopTest}, on a free port of 127.0.0.1, with every
 * {@code mpesa.*} key a push needs pointed at it (the public sandbox shortcode and passkey, docs/daraja.md), so
 * the application selects the Daraja gateway. The default stubs: OAuth hands out a token; every STK push is
 * accepted ({@code ResponseCode "0"}) with a fresh CheckoutRequestID per call (response templating); every STK
 * query answers "the transaction is being processed" ({@code 500.001.1001}), i.e. still pending. Tests add stubs
 * of higher priority for one payer or one CheckoutRequestID. Nothing here logs: every request matches a stub.
 */
public class DarajaWireMock extends InJvmWireMock {

    static final String CALLBACK_TOKEN = "e2e-callback-token-not-a-secret";
    static final String TOKEN_PATH = ProviderStubs.DARAJA_TOKEN_PATH;
    static final String PUSH_PATH = ProviderStubs.DARAJA_PUSH_PATH;
    static final String QUERY_PATH = ProviderStubs.DARAJA_QUERY_PATH;

    /** Marks the test's field that gets this server: each provider's WireMock is a {@code WireMockServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    @Override
    protected void stub(WireMockServer server) {
        defaults(server);
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        Map<String, String> config = new HashMap<>();
        config.put("mpesa.env", "sandbox");
        config.put("mpesa.base-url", baseUrl);
        config.put("mpesa.consumer-key", "e2e-consumer-key");
        config.put("mpesa.consumer-secret", "e2e-consumer-secret");
        config.put("mpesa.shortcode", "174379");
        config.put("mpesa.passkey", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919");
        config.put("mpesa.callback-url", "https://invoiceiq.example/payments/stk/callback/" + CALLBACK_TOKEN);
        config.put("mpesa.callback-token", CALLBACK_TOKEN);
        return config;
    }

    @Override
    protected Class<Server> fieldMarker() {
        return Server.class;
    }

    /** OAuth, the accepting push and the pending query, at low priority. */
    static void defaults(WireMockServer server) {
        ProviderStubs.darajaAcceptsEveryPush(server);
    }

    /** The STK query's "still pending" answer (docs/daraja.md). */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder beingProcessed() {
        return ProviderStubs.stkBeingProcessed();
    }
}
