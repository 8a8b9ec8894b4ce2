package ke.invoiceiq.bootstrap.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.MDC;

/**
 * Gives every inbound request a correlation id before any handler runs: in the logging context (Quarkus keeps
 * the MDC on the request's Vert.x context, so it follows the request onto worker threads) and in the
 * response's {@code X-Request-Id} header, so a caller can quote it.
 */
@ApplicationScoped
public class CorrelationFilter {

    /** Before Quarkus' own routes (health, metrics) and every application route. */
    static final int ORDER = -1_000;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            // a rerouted request (/healthz) passes here twice and keeps its first id
            String id = ctx.get(CorrelationId.MDC_KEY);
            if (id == null) {
                id = CorrelationId.fromHeader(Optional.ofNullable(ctx.request().getHeader(CorrelationId.HEADER)));
                ctx.put(CorrelationId.MDC_KEY, id);
            }
            MDC.put(CorrelationId.MDC_KEY, id);
            ctx.response().putHeader(CorrelationId.HEADER, id);
            ctx.addEndHandler(done -> MDC.remove(CorrelationId.MDC_KEY));
            ctx.next();
        });
    }
}
