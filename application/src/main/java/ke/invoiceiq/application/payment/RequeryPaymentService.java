package ke.invoiceiq.application.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The reconciler's STK query for one attempt, when an operator asks ({@link Payment#isQueryable}: in flight and
 * named), without waiting for its backoff. A final answer is applied through
 * {@link RecordPaymentResultUseCase#applyQueried}, as the reconciler applies it (receipts, notices, metrics; a
 * callback that comes later still brings its receipt); an inconclusive one is counted on the attempt, so the
 * reconciler's next query waits as after its own. It does not take the reconciler's claim: should both ask at once,
 * the answer is applied once all the same. It never gives an attempt up; that stays the reconciler's, after
 * expire-after.
 */
public final class RequeryPaymentService implements RequeryPaymentUseCase {

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final PaymentGateway gateway;
    private final RecordPaymentResultUseCase results;
    private final Transactions transactions;
    private final Clock clock;

    public RequeryPaymentService(PaymentRepository payments, InvoiceRepository invoices, PaymentGateway gateway,
            RecordPaymentResultUseCase results, Transactions transactions, Clock clock) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.results = Objects.requireNonNull(results, "results");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RequeryPaymentOutcome requery(PaymentId id) {
        Optional<Payment> found = transactions.inTransaction(() -> payments.find(id));
        if (found.isEmpty()) {
            return new RequeryPaymentOutcome.NotFound(id);
        }
        Payment attempt = found.get();
        if (!attempt.isQueryable()) {
            return new RequeryPaymentOutcome.NotQueryable(attempt);
        }
        CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
        Instant now = clock.instant();
        return switch (query(checkout)) {
            case StkQueryResponse.Final answer -> {
                results.applyQueried(PaymentResult.fromQuery(checkout, answer.result(), now));
                yield new RequeryPaymentOutcome.Settled(current(attempt));
            }
            case StkQueryResponse.Pending pending -> new RequeryPaymentOutcome.StillOpen(counted(attempt, now), true);
            case StkQueryResponse.Unknown unknown -> new RequeryPaymentOutcome.StillOpen(counted(attempt, now), false);
            case StkQueryResponse.Throttled throttled -> new RequeryPaymentOutcome.Throttled(attempt);
        };
    }

    private StkQueryResponse query(CheckoutRequestId id) {
        try {
            return gateway.queryStkPush(id);
        } catch (RuntimeException e) {
            return new StkQueryResponse.Unknown(e.getClass().getSimpleName());
        }
    }

    /** Counts the inconclusive query on the attempt (unless it was settled meanwhile); the attempt as stored. */
    private Payment counted(Payment attempt, Instant now) {
        return RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
            Invoice invoice = invoices.find(attempt.invoiceId()).orElseThrow();
            Invoice queried = invoice.queried(attempt.id(), now);
            Invoice stored = queried.equals(invoice) ? invoice : invoices.update(queried);
            return stored.payment(attempt.id()).orElseThrow();
        }));
    }

    private Payment current(Payment attempt) {
        return transactions.inTransaction(() -> payments.find(attempt.id())).orElse(attempt);
    }
}
