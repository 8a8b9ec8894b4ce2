package ke.invoiceiq.adapters.whatsapp.outbound;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-JVM WireMock playing the Graph API for the outbound tests, on a free port, with the {@code waba.*} keys
 * pointed at it. (The extension's own dev service is off in this module: the shared test configuration sets
 * {@code quarkus.devservices.enabled=false}, which switches every dev service off, WireMock's included.) The test
 * class's {@code initArgs} are added to the configuration, so each class can tune the fault tolerance it tests;
 * the test gets the server injected into its {@code WireMockServer} field.
 */
public class GraphApiStub implements QuarkusTestResourceLifecycleManager {

    static final String PHONE_ID = "106540352242922";
    static final String TOKEN = "test-token-not-a-secret";
    static final String MESSAGES_PATH = "/v25.0/" + PHONE_ID + "/messages";
    static final String SENDER = "ke.invoiceiq.adapters.whatsapp.outbound.GraphSender/send";

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
        config.put("waba.base-url", "http://127.0.0.1:" + server.port());
        config.put("waba.api-version", "v25.0");
        config.put("waba.phone-id", PHONE_ID);
        config.put("waba.token", TOKEN);
        config.put("waba.invoice-template", "invoice_pay_mpesa");
        config.put("waba.invoice-template-language", "en");
        config.put("waba.merchant-template", "merchant_notice");
        // quick inline retries, so the tests stay fast
        config.put("quarkus.fault-tolerance.\"" + SENDER + "\".retry.delay", "10");
        config.put("quarkus.fault-tolerance.\"" + SENDER + "\".retry.jitter", "0");
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
