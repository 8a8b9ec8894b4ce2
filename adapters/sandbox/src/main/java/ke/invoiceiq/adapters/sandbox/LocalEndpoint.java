package ke.invoiceiq.adapters.sandbox;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this service itself listens, for the sandbox's calls to its own endpoints and the startup line.
 *
 * <p>The configured {@code quarkus.http.port} is not the answer: tests listen on {@code quarkus.http.test-port} (0 in
 * this project: a free port the system picks), and any run may be started on port 0. Quarkus' {@link HttpServer}
 * bean knows the port the HTTP server actually bound, in every launch mode; the configured port is only the fallback
 * for the (theoretical) case that bean is missing. The host is always the loopback name: the sandbox talks to the
 * process it runs in, whatever address the server was told to bind to publicly ({@code 0.0.0.0} in prod) — and the
 * default of dev and test ({@code localhost}) is the loopback anyway.
 */
@Singleton
public class LocalEndpoint {

    private final Instance<HttpServer> server;
    private final int configuredPort;

    @Inject
    public LocalEndpoint(Instance<HttpServer> server,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int configuredPort) {
        this.server = server;
        this.configuredPort = configuredPort;
    }

    /** The port the HTTP server listens on (known once it has started). */
    public int port() {
        if (server.isResolvable()) {
            int bound = server.get().getPort();
            if (bound > 0) {
                return bound;
            }
        }
        return configuredPort;
    }

    /** {@code http://localhost:<port>}: this service, seen from inside its own machine. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }
}
