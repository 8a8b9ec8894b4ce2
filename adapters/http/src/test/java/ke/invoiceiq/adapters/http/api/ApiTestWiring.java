package ke.invoiceiq.adapters.http.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import ke.invoiceiq.adapters.http.TestWiring;
import ke.invoiceiq.adapters.memory.InMemoryPorts;

/**
 * What the API needs beyond the module's shared {@link TestWiring}, over the same {@link InMemoryPorts}: the clock
 * (the ports' {@code MutableClock}, which the tests move). A default bean, so should the shared wiring ever produce
 * one, its producer wins and nothing becomes ambiguous.
 */
@Singleton
public class ApiTestWiring {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(InMemoryPorts ports) {
        return ports.clock();
    }
}
