package ke.invoiceiq.bootstrap.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The specification's probe addresses, served by the same checks as Quarkus' own: {@code /healthz} is
 * liveness ({@code /q/health/live}), {@code /readyz} is readiness ({@code /q/health/ready}, which includes the
 * database). A reroute, not a redirect: probes that do not follow redirects get the real answer.
 */
@ApplicationScoped
public class HealthAliases {

    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";

    void register(@Observes Router router) {
        router.get("/healthz").handler(ctx -> ctx.reroute(LIVE));
        router.get("/readyz").handler(ctx -> ctx.reroute(READY));
    }
}
