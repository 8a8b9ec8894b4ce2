package ke.invoiceiq.adapters.http.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import ke.invoiceiq.adapters.http.TestWiring;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.payment.FindPaymentsService;
import ke.invoiceiq.application.payment.FindPaymentsUseCase;

/**
 * What the API needs beyond the module's shared {@link TestWiring}, built over the same {@link InMemoryPorts}: the
 * payments query and the clock (the ports' {@code MutableClock}, which the tests move). Both are default beans, so
 * should the shared wiring ever produce them, its producers win and nothing becomes ambiguous.
 */
@Singleton
public class ApiTestWiring {

    @Produces
    @Singleton
    @DefaultBean
    FindPaymentsUseCase findPayments(InMemoryPorts ports) {
        return new FindPaymentsService(ports.invoices(), ports.transactions());
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(InMemoryPorts ports) {
        return ports.clock();
    }
}
