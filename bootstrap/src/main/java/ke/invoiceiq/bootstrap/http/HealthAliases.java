package ke.invoiceiq.bootstrap.http;

import io.quarkus.smallrye.health.runtime.SmallRyeLivenessHandler;
import io.quarkus.smallrye.health.runtime.SmallRyeReadinessHandler;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The specification's probe addresses on the application port (8080): {@code /healthz} is liveness, {@code /readyz}
 * is readiness (which includes the database), answered by the same checks, status codes and JSON as Quarkus'
 * {@code /q/health/live} and {@code /q/health/ready}.
 *
 * <p>Quarkus' own health endpoints live on the management interface (port 9000, {@code application.properties}),
 * which the public host never reaches. These two stay on 8080 on purpose: a platform that can only probe the port it
 * routes to needs them there (Fly.io's routing checks, {@code [[http_service.checks]]} in {@code fly.toml}, run
 * against the service's own port), and they are the addresses the specification and the README name. A reroute to
 * {@code /q/health/*} would no longer work (that path is on the other server), so Quarkus' handlers serve them here
 * directly: the same answer without a redirect, for probes that follow none.
 */
@ApplicationScoped
public class HealthAliases {

    static final String LIVE = "/healthz";
    static final String READY = "/readyz";

    void register(@Observes Router router) {
        router.get(LIVE).handler(new SmallRyeLivenessHandler());
        router.get(READY).handler(new SmallRyeReadinessHandler());
    }
}
