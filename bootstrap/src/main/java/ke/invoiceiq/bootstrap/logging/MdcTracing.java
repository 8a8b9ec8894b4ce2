package ke.invoiceiq.bootstrap.logging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import ke.invoiceiq.bootstrap.http.CorrelationId;
import ke.invoiceiq.domain.shared.Tracing;
import org.jboss.logging.MDC;

/**
 * The correlation id in the logging context (the JBoss MDC, key {@value CorrelationId#MDC_KEY}), where
 * {@code CorrelationFilter} puts the id of each inbound request and where the log format reads it. Lets the
 * outbox carry a request's id to the dispatcher, which sends the message later under that same id.
 */
@ApplicationScoped
public class MdcTracing implements Tracing {

    @Override
    public Optional<String> currentCorrelationId() {
        return Optional.ofNullable(MDC.get(CorrelationId.MDC_KEY)).map(Object::toString).filter(id -> !id.isEmpty());
    }

    /** An empty id leaves the logging context as it is; otherwise the previous value comes back afterwards. */
    @Override
    public <T> T withCorrelationId(Optional<String> correlationId, Supplier<T> work) {
        Objects.requireNonNull(correlationId, "correlationId");
        if (correlationId.isEmpty()) {
            return work.get();
        }
        Object previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, correlationId.get());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }
}
