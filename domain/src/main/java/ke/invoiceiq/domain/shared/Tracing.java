package ke.invoiceiq.domain.shared;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Driven port: the correlation id of the work in progress, so that the log lines of asynchronous work (an
 * outbox message sent later by the dispatcher) can be tied back to the inbound request that caused it.
 */
public interface Tracing {

    /** The correlation id of the work running on this thread, if it has one. */
    Optional<String> currentCorrelationId();

    /**
     * Runs {@code work} with {@code correlationId} as the current id (left as it is when empty), then puts the
     * previous id back, whatever happens.
     */
    <T> T withCorrelationId(Optional<String> correlationId, Supplier<T> work);
}
