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
 * An in-JVM WireMock playing Africa's Talking's SMS API for {@link SmsLoopTest}, on a free port of 127.0.0.1, with
 * {@code sms.base-url} pointed at it. Every send is answered 201 in the documented shape (docs/sms.md) with
 * the recipient echoed and a fresh {@code ATXid_} message id, so delivery reports can name it. The test gets the
 * server in its {@code WireMockServer} field marked {@link Server}.
 */
public class AfricasTalkingWireMock extends InJvmWireMock {

    static final String MESSAGING_PATH = ProviderStubs.AT_MESSAGING_PATH;

    /** Marks the test's field that gets this server: each provider's WireMock is a {@code WireMockServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    @Override
    protected void stub(WireMockServer server) {
        acceptEverySms(server);
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("sms.base-url", baseUrl);
    }

    @Override
    protected Class<Server> fieldMarker() {
        return Server.class;
    }

    /** The catch-all: 201, status code 101 ("Sent") for the one recipient, a new message id per call. */
    static StubMapping acceptEverySms(WireMockServer server) {
        return ProviderStubs.atAcceptsEverySms(server);
    }
}
