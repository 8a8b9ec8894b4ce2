package ke.invoiceiq.adapters.memory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import ke.invoiceiq.domain.shared.Tracing;

/**
 * The correlation id in a thread-local, as the logging context keeps it in production: lets a test set the id
 * of "the request" and check which id was current when a port was called.
 */
public final class ThreadLocalTracing implements Tracing {

    private final ThreadLocal<String> current = new ThreadLocal<>();

    @Override
    public Optional<String> currentCorrelationId() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public <T> T withCorrelationId(Optional<String> correlationId, Supplier<T> work) {
        Objects.requireNonNull(correlationId, "correlationId");
        if (correlationId.isEmpty()) {
            return work.get();
        }
        String previous = current.get();
        current.set(correlationId.get());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }

    /** Runs {@code work} as if it were the handling of a request with this id. */
    public void run(String correlationId, Runnable work) {
        withCorrelationId(Optional.of(correlationId), () -> {
            work.run();
            return null;
        });
    }
}
