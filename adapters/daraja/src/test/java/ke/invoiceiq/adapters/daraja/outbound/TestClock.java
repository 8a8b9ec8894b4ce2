package ke.invoiceiq.adapters.daraja.outbound;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import ke.invoiceiq.adapters.memory.MutableClock;

/**
 * The clock of the tests in this module: one {@link MutableClock} the tests set and advance. An alternative with
 * a priority, so it wins over any plain {@code Clock} producer on the test class path.
 */
@Singleton
public class TestClock {

    static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MutableClock clock() {
        return CLOCK;
    }
}
