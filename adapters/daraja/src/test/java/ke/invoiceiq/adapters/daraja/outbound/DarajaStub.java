package ke.invoiceiq.adapters.daraja.outbound;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-JVM WireMock playing Daraja on a free port, with the {@code mpesa.*} keys pointed at it and the public
 * sandbox shortcode and passkey (docs/daraja.md). Fault tolerance is tuned so the tests stay fast.
 */
public class DarajaStub implements QuarkusTestResourceLifecycleManager {

    static final String SHORTCODE = "174379";
    static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    static final String CALLBACK = "https://invoiceiq.example/payments/stk/callback/t0k3n";
    static final String TOKEN_PATH = "/oauth/v1/generate";
    static final String PUSH_PATH = "/mpesa/stkpush/v1/processrequest";
    static final String QUERY_PATH = "/mpesa/stkpushquery/v1/query";
    static final String CLIENT = "ke.invoiceiq.adapters.daraja.outbound.DarajaClient/";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("mpesa.env", "sandbox");
        config.put("mpesa.base-url", "http://127.0.0.1:" + server.port());
        config.put("mpesa.consumer-key", "test-key");
        config.put("mpesa.consumer-secret", "test-secret");
        config.put("mpesa.shortcode", SHORTCODE);
        config.put("mpesa.passkey", PASSKEY);
        config.put("mpesa.callback-url", CALLBACK);
        for (String method : new String[] {"token", "stkQuery"}) {
            config.put("quarkus.fault-tolerance.\"" + CLIENT + method + "\".retry.delay", "10");
            config.put("quarkus.fault-tolerance.\"" + CLIENT + method + "\".retry.jitter", "0");
        }
        // shorter than production's 10-20 s so the slow-Daraja tests (a 5 s delay) end soon, yet long enough that a
        // first call on a cold, busy JVM (a loaded CI machine, the coverage agent) is not taken for a slow Daraja
        for (String method : new String[] {"token", "stkQuery", "stkPush", "c2bRegisterUrl"}) {
            config.put("quarkus.fault-tolerance.\"" + CLIENT + method + "\".timeout.value", "2500");
            config.put("quarkus.fault-tolerance.\"" + CLIENT + method + "\".timeout.unit", "millis");
        }
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
