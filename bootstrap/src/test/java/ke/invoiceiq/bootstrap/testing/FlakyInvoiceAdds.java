package ke.invoiceiq.bootstrap.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.IdempotencyKey;

/**
 * Wraps the real invoice repository so a test can make storing new invoices fail, as a database blip would, a given
 * number of times. Does nothing unless armed; {@link #disarm()} puts it back.
 */
@Decorator
@Priority(11)
public abstract class FlakyInvoiceAdds implements InvoiceRepository {

    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();

    @Inject
    @Delegate
    @Any
    InvoiceRepository delegate;

    /** The next {@code times} new invoices fail to store ({@link Integer#MAX_VALUE}: every one until disarmed). */
    public static void failNextAdds(int times) {
        FAILED.set(0);
        FAILURES_LEFT.set(times);
    }

    public static void disarm() {
        FAILURES_LEFT.set(0);
    }

    /** How many stores failed since the last {@link #failNextAdds}. */
    public static int failed() {
        return FAILED.get();
    }

    @Override
    public void add(Invoice invoice, Optional<IdempotencyKey> creationKey) {
        if (FAILURES_LEFT.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0) {
            FAILED.incrementAndGet();
            throw new IllegalStateException("simulated database blip while storing an invoice");
        }
        delegate.add(invoice, creationKey);
    }
}
