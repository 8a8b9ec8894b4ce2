package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import ke.invoiceiq.domain.shared.IdGenerator;

/**
 * The two ports the JVM itself implements: time and identities. Both are {@link DefaultBean}s, so a test can
 * swap in a fixed clock or predictable ids with an ordinary bean of the same type.
 */
@ApplicationScoped
public class PlatformProducers {

    /** Wall-clock time in UTC. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    IdGenerator idGenerator() {
        return new SecureRandomIdGenerator();
    }
}
