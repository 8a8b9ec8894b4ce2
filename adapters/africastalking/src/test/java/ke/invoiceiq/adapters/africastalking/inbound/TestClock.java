package ke.invoiceiq.adapters.africastalking.inbound;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import ke.invoiceiq.adapters.memory.MutableClock;

/**
 * The clock of the tests in this module (bootstrap produces the real one): one {@link MutableClock} the tests set.
 * An alternative with a priority, so it wins over any plain {@code Clock} producer on the test class path.
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
