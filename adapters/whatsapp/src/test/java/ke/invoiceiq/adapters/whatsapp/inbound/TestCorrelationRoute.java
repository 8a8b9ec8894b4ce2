package ke.invoiceiq.adapters.whatsapp.inbound;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Test stand-in for bootstrap's correlation filter, limited to the webhook path: puts the request's
 * {@code X-Request-Id} into the MDC, as bootstrap does for every request.
 */
@ApplicationScoped
public class TestCorrelationRoute {

    void register(@Observes Router router) {
        router.route("/whatsapp/webhook").order(-1_000).handler(ctx -> {
            String id = ctx.request().getHeader("X-Request-Id");
            if (id != null) {
                MDC.put(WebhookDispatcher.MDC_KEY, id);
                ctx.addEndHandler(done -> MDC.remove(WebhookDispatcher.MDC_KEY));
            }
            ctx.next();
        });
    }
}
