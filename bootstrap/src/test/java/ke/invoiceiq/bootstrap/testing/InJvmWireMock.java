package ke.invoiceiq.bootstrap.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.Annotation;
import java.util.Map;

/**
 * A WireMock in the test's JVM on a free port of 127.0.0.1, playing a provider: a subclass stubs its answers and
 * names the settings that point the application at it. The test gets the server in its {@code WireMockServer} field
 * marked with the subclass' own annotation, so several providers' servers can serve one test class.
 */
public abstract class InJvmWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    /** The provider's default answers. */
    protected abstract void stub(WireMockServer server);

    /** The application's settings that point it at {@code baseUrl} (and whatever else the provider needs). */
    protected abstract Map<String, String> config(String baseUrl);

    /** The annotation that marks the test's field for this server. */
    protected abstract Class<? extends Annotation> fieldMarker();

    @Override
    public final Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stub(server);
        return config("http://127.0.0.1:" + server.port());
    }

    @Override
    public final void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(fieldMarker(),
                WireMockServer.class));
    }

    @Override
    public final void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
