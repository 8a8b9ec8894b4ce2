package ke.invoiceiq.bootstrap.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.Payment;

/**
 * Wraps the real invoice repository so a test can make the write that stores Daraja's answer to a push (an attempt
 * gaining its CheckoutRequestID) blow up, as a crash between the push and storing its ids would. Does nothing unless
 * armed, and disarms itself after the one failure.
 */
@Decorator
@Priority(10)
public abstract class FailingInvoiceStore implements InvoiceRepository {

    private static final AtomicBoolean FAIL_NEXT_NAMING = new AtomicBoolean();

    @Inject
    @Delegate
    @Any
    InvoiceRepository delegate;

    public static void failNextNaming() {
        FAIL_NEXT_NAMING.set(true);
    }

    public static void disarm() {
        FAIL_NEXT_NAMING.set(false);
    }

    @Override
    public Invoice update(Invoice invoice) {
        if (namesAnAttempt(invoice) && FAIL_NEXT_NAMING.getAndSet(false)) {
            throw new IllegalStateException("simulated crash while storing the STK response");
        }
        return delegate.update(invoice);
    }

    private boolean namesAnAttempt(Invoice next) {
        return delegate.find(next.id()).map(stored -> next.payments().stream().filter(Payment::isNamed)
                .anyMatch(p -> stored.payment(p.id()).filter(Payment::isNamed).isEmpty())).orElse(false);
    }
}
