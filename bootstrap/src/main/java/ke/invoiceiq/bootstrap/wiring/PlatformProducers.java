package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import ke.invoiceiq.domain.shared.IdGenerator;

/**
 * The two ports the JVM itself implements: time and identities. Both are {@link DefaultBean}s, so a test can
 * swap in a fixed clock or predictable ids with an ordinary bean of the same type.
 */
@ApplicationScoped
public class PlatformProducers {

    /**
     * Wall-clock time in UTC, in whole microseconds: PostgreSQL keeps microseconds, so a time the service answers
     * right after storing it is the same time it reads back later.
     */
    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    IdGenerator idGenerator() {
        return new SecureRandomIdGenerator();
    }
}
