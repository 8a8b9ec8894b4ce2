package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock of the Quarkus tests in this module (bootstrap produces the real one): the system's. */
@Singleton
public class TestClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
