package ke.invoiceiq.application.payment;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentRepository.AttemptRef;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Settles STK attempts whose callback never came, and results that came before anything could match them.
 *
 * <p>Each run claims its attempts ({@link PaymentRepository#claimInFlight}), so several instances never query the
 * same attempt at once; when Daraja's rate limit refuses a query, the run asks no more. A query answer is applied
 * through {@link RecordPaymentResultUseCase#applyQueried}, without taking the callback's place in the inbox: a
 * callback that arrives later still brings its receipt. An attempt still unanswered after expire-after is given up
 * ({@link Invoice#giveUp}): the merchant is told the outcome is unknown, and late money still wins.
 *
 * <p>Then it claims the inbox's waiting results older than query-after and resolves each for good: applied to
 * the attempt it matches by now, or, matching none, raised as an unmatched payment (money) or let go (a failure).
 */
public final class ReconcilePaymentsService implements ReconcilePaymentsUseCase {

    private static final System.Logger LOG = System.getLogger(ReconcilePaymentsService.class.getName());

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final PaymentResultInbox inbox;
    private final PaymentGateway gateway;
    private final RecordPaymentResultUseCase results;
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
        this.invoices = invoices;
        this.inbox = inbox;
        this.gateway = gateway;
        this.results = results;
        this.notices = new PaymentNotices(new OutboxWriter(outbox, ids, clock, merchant, tracing), settings.cooldown(),
                merchant);
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
        Instant cutoff = now.minus(settings.queryAfter());
        List<AttemptRef> claimed = transactions.inTransaction(() -> payments.claimInFlight(cutoff, now,
                now.plus(settings.reconcileLease()), settings.reconcileBatch()));
        var run = new Run();
        for (AttemptRef ref : claimed) {
            try {
                switch (settle(ref, now, run)) {
                    case SETTLED -> run.settled++;
                    case EXPIRED -> run.expired++;
                    case OPEN -> run.stillOpen++;
                    case ERROR -> run.errors++;
                }
            } finally {
                release(ref);
            }
        }
        List<KeptResult> kept = transactions.inTransaction(() -> inbox.claimUnprocessed(cutoff, now,
                now.plus(settings.reconcileLease()), settings.reconcileBatch()));
        for (KeptResult result : kept) {
            try {
                switch (results.resolve(result, true)) {
                    case RecordOutcome.Settled s -> run.keptApplied++;
                    case RecordOutcome.Unmatched u -> run.unmatched++;
                    case RecordOutcome.Kept k -> run.keptWaiting++;
                    case RecordOutcome.Duplicate d -> {
                    }
                }
            } catch (RuntimeException e) {
                run.errors++;
                LOG.log(Level.ERROR, "resolving kept result {0} failed: {1}", result.result().checkoutRequestId(),
                        e.getClass().getSimpleName());
            }
        }
        return new ReconcileReport(run.queried, run.settled, run.expired, run.stillOpen, run.keptApplied,
                run.keptWaiting, run.unmatched, run.throttled, run.errors);
    }

    private static final class Run {
        int queried;
        int settled;
        int expired;
        int stillOpen;
        int keptApplied;
        int keptWaiting;
        int unmatched;
        int errors;
        boolean throttled;
    }

    /**
     * Queries the attempt if its next query is due ({@link Payment#queryDue}) and the run is not throttled, and
     * gives it up once it is older than expire-after whatever the queries said. An inconclusive answer is recorded
     * on the attempt, so the next query waits longer.
     */
    private Fate settle(AttemptRef ref, Instant now, Run run) {
        try {
            Optional<Payment> found = transactions.inTransaction(() -> invoices.find(ref.invoiceId()))
                    .flatMap(invoice -> invoice.payment(ref.paymentId()));
            if (found.isEmpty() || !found.get().isInFlight()) {
                return Fate.SETTLED;
            }
            Payment attempt = found.get();
            boolean inconclusive = false;
            if (!run.throttled && attempt.queryDue(now, settings.queryAfter(), settings.maxQueryBackoff())) {
                run.queried++;
                CheckoutRequestId checkout = attempt.checkoutRequestId().orElseThrow();
                switch (query(checkout)) {
                    case StkQueryResponse.Final answer -> {
                        RecordOutcome outcome = results.applyQueried(
                                PaymentResult.fromQuery(checkout, answer.result(), now));
                        return outcome instanceof RecordOutcome.Kept ? Fate.OPEN : Fate.SETTLED;
                    }
                    case StkQueryResponse.Throttled throttled -> {
                        run.throttled = true;
                        LOG.log(Level.WARNING, "Daraja throttled the STK query ({0}); no more queries this run",
                                throttled.reason());
                    }
                    case StkQueryResponse.Pending pending -> inconclusive = true;
                    case StkQueryResponse.Unknown unknown -> inconclusive = true;
                }
            }
            boolean overdue = !attempt.createdAt().isAfter(now.minus(settings.expireAfter()));
            if (overdue && giveUp(ref, now)) {
                return Fate.EXPIRED;
            }
            if (inconclusive) {
                recordQuery(ref, now);
            }
            return Fate.OPEN;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "reconciling payment {0} failed: {1}", ref.paymentId(), e.getClass().getSimpleName());
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

    /** Counts an inconclusive query on the attempt, unless it was settled meanwhile. */
    private void recordQuery(AttemptRef ref, Instant now) {
        RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
            Invoice invoice = invoices.find(ref.invoiceId()).orElseThrow();
            Invoice queried = invoice.queried(ref.paymentId(), now);
            return queried.equals(invoice) ? invoice : invoices.update(queried);
        }));
    }

    private boolean giveUp(AttemptRef ref, Instant now) {
        Settlement settlement = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
            Invoice invoice = invoices.find(ref.invoiceId()).orElseThrow();
            Settlement given = invoice.giveUp(ref.paymentId(), now);
            if (given instanceof Settlement.Unchanged) {
                return given;
            }
            Settlement stored = given.stored(invoices.update(given.invoice()));
            notices.tell(stored);
            return stored;
        }));
        settlement.events().forEach(events::publish);
        return !(settlement instanceof Settlement.Unchanged);
    }

    private void release(AttemptRef ref) {
        try {
            transactions.run(() -> payments.release(ref.paymentId()));
        } catch (RuntimeException e) {
            // the lease runs out by itself
            LOG.log(Level.DEBUG, "releasing payment {0} failed: {1}", ref.paymentId(), e.getClass().getSimpleName());
        }
    }
}
