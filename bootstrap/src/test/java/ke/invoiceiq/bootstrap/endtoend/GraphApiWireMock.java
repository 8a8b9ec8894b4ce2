package ke.invoiceiq.bootstrap.endtoend;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import ke.invoiceiq.bootstrap.testing.InJvmWireMock;
import ke.invoiceiq.bootstrap.testing.ProviderStubs;

/**
 * An in-JVM WireMock playing Meta's Graph API for {@link WhatsAppLoopTest}, on a free port of 127.0.0.1, with
 * {@code waba.base-url} pointed at it. Every send to the configured number is accepted with a fresh
 * {@code wamid.} (response templating), so the invoice message and the merchant's confirmation can be told apart and
 * status webhooks can name them. The test gets the server in its {@code WireMockServer} field marked {@link Server}.
 * Nothing here logs: WireMock reports only requests no stub matches, and the catch-all stub matches every send.
 */
public class GraphApiWireMock extends InJvmWireMock {

    static final String PHONE_ID = "123456789012345";
    static final String MESSAGES_PATH = "/v25.0/" + PHONE_ID + "/messages";

    /** Marks the test's field that gets this server: each provider's WireMock is a {@code WireMockServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    @Override
    protected void stub(WireMockServer server) {
        acceptEverySend(server);
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("waba.base-url", baseUrl);
    }

    @Override
    protected Class<Server> fieldMarker() {
        return Server.class;
    }

    /** The catch-all: 200 with the documented answer (docs/whatsapp.md) and a new message id per call. */
    static StubMapping acceptEverySend(WireMockServer server) {
        return ProviderStubs.graphAcceptsEverySend(server, MESSAGES_PATH);
    }
}
