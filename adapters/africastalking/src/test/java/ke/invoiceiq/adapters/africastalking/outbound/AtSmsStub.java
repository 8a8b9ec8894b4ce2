package ke.invoiceiq.adapters.africastalking.outbound;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-JVM WireMock playing Africa's Talking on a free port, with the {@code sms.*} keys pointed at it. The test
 * class's {@code initArgs} are added to the configuration (an empty value removes a key), so each class can tune
 * the fault tolerance it tests or drop a setting; the test gets the server injected into its
 * {@code WireMockServer} field.
 */
public class AtSmsStub implements QuarkusTestResourceLifecycleManager {

    static final String USERNAME = "invoiceiq-test";
    static final String API_KEY = "atsk_test-api-key-not-a-secret";
    static final String SENDER_ID = "INVOICEIQ";
    static final String PATH = "/version1/messaging";
    static final String CLIENT = "ke.invoiceiq.adapters.africastalking.outbound.AtSmsClient/send";

    private final Map<String, String> extra = new HashMap<>();
    private WireMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        extra.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("sms.base-url", "http://127.0.0.1:" + server.port());
        config.put("sms.username", USERNAME);
        config.put("sms.api-key", API_KEY);
        config.put("sms.sender-id", SENDER_ID);
        config.putAll(extra);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
