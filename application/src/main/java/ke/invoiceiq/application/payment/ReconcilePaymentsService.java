package ke.invoiceiq.application.payment;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Settles STK attempts whose callback never came. A query answer is applied through
 * {@link RecordPaymentResultUseCase#applyQueried}, the same rules as a callback, without taking the callback's
 * inbox slot: a callback that arrives later is still kept, and it can only upgrade a failure to a success.
 */
public final class ReconcilePaymentsService implements ReconcilePaymentsUseCase {

    private static final System.Logger LOG = System.getLogger(ReconcilePaymentsService.class.getName());

    private final PaymentRepository payments;
    private final PaymentResultInbox inbox;
    private final PaymentGateway gateway;
    private final RecordPaymentResultUseCase results;
    private final AttemptWithInvoice attempts;
    private final PaymentNotices notices;
    private final Transactions transactions;
    private final Clock clock;
    private final DomainEvents events;
    private final PaymentSettings settings;

    public ReconcilePaymentsService(PaymentRepository payments, InvoiceRepository invoices, PaymentResultInbox inbox,
            PaymentGateway gateway, RecordPaymentResultUseCase results, Outbox outbox, Transactions transactions,
            IdGenerator ids, Clock clock, DomainEvents events, MerchantSettings merchant, PaymentSettings settings,
            Tracing tracing) {
        this.payments = payments;
        this.inbox = inbox;
        this.gateway = gateway;
        this.results = results;
        this.attempts = new AttemptWithInvoice(payments, invoices);
        this.notices = new PaymentNotices(new OutboxWriter(outbox, ids, clock, merchant, tracing));
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
    }

    private enum Fate {
        SETTLED, EXPIRED, OPEN, ERROR
    }

    @Override
    public ReconcileReport reconcile() {
        Instant now = clock.instant();
        Instant queryBefore = now.minus(settings.queryAfter());
        List<Payment> open = transactions.inTransaction(
                () -> payments.findInitiatedBefore(queryBefore, settings.reconcileBatch()));
        int queried = 0;
        int settled = 0;
        int expired = 0;
        int stillOpen = 0;
        int errors = 0;
        for (Payment attempt : open) {
            boolean due = attempt.queryDue(now, settings.queryAfter(), settings.maxQueryBackoff());
            if (due) {
                queried++;
            }
            switch (settle(attempt, due, now)) {
                case SETTLED -> settled++;
                case EXPIRED -> expired++;
                case OPEN -> stillOpen++;
                case ERROR -> errors++;
            }
        }
        int keptApplied = 0;
        int keptWaiting = 0;
        List<PaymentResult> kept = transactions.inTransaction(
                () -> inbox.unprocessedBefore(queryBefore, settings.reconcileBatch()));
        for (PaymentResult result : kept) {
            try {
                switch (results.applyStored(result.checkoutRequestId())) {
                    case RecordOutcome.Applied a -> keptApplied++;
                    case RecordOutcome.AmountMismatch m -> keptApplied++;
                    case RecordOutcome.Kept k -> keptWaiting++;
                    case RecordOutcome.Duplicate d -> {
                    }
                }
            } catch (RuntimeException e) {
                errors++;
                LOG.log(Level.ERROR, "applying kept result {0} failed: {1}", result.checkoutRequestId(),
                        e.getClass().getSimpleName());
            }
        }
        return new ReconcileReport(queried, settled, expired, stillOpen, keptApplied, keptWaiting, errors);
    }

    /**
     * Queries the attempt if its next query is due ({@link Payment#queryDue}), and expires it once it is older
     * than expire-after whatever the queries said. An inconclusive answer is recorded on the attempt, so the
     * next query waits longer.
     */
    private Fate settle(Payment attempt, boolean due, Instant now) {
        try {
            boolean answered = false;
            if (due) {
                CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
                if (query(checkout) instanceof StkQueryResponse.Final answer) {
                    RecordOutcome outcome = results.applyQueried(PaymentResult.fromQuery(checkout, answer.result(), now));
                    return outcome instanceof RecordOutcome.Kept ? Fate.OPEN : Fate.SETTLED;
                }
                answered = true;
            }
            // no answer, no query due, or no CheckoutRequestID because the push call itself died
            boolean overdue = !attempt.createdAt().isAfter(now.minus(settings.expireAfter()));
            if (overdue && expire(attempt, now)) {
                return Fate.EXPIRED;
            }
            if (answered) {
                recordQuery(attempt, now);
            }
            return Fate.OPEN;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "reconciling payment {0} failed: {1}", attempt.id(), e.getClass().getSimpleName());
            return Fate.ERROR;
        }
    }

    private StkQueryResponse query(CheckoutRequestId id) {
        try {
            return gateway.queryStkPush(id);
        } catch (RuntimeException e) {
            return new StkQueryResponse.Unknown(e.getClass().getSimpleName());
        }
    }

    /**
     * Counts an inconclusive query on the attempt. Written with its invoice, as every write of an attempt is
     * ({@link AttemptWithInvoice}): a callback or query settling the attempt at the same time makes one of the
     * two retry, and an attempt found settled is left alone.
     */
    private void recordQuery(Payment attempt, Instant now) {
        RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
            AttemptWithInvoice.Loaded loaded = attempts.load(attempt.id());
            if (!loaded.payment().isInFlight()) {
                return false;
            }
            attempts.save(loaded.payment().queried(now), loaded.invoice());
            return true;
        }));
    }

    private boolean expire(Payment attempt, Instant now) {
        boolean expired = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
            AttemptWithInvoice.Loaded loaded = attempts.load(attempt.id());
            if (!loaded.payment().isInFlight()) {
                return false;
            }
            Invoice stored = attempts.save(loaded.payment().expired(now), loaded.invoice());
            if (stored.isPayable()) {
                notices.failed(stored, StkReason.EXPIRED);
            }
            return true;
        }));
        if (expired) {
            events.publish(new PaymentEvent.Expired(attempt.invoiceId(), attempt.id(), now));
        }
        return expired;
    }
}
