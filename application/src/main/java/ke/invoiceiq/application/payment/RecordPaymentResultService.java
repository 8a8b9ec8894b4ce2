package ke.invoiceiq.application.payment;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentEvent;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Keeps every result in the inbox, finds the attempt it belongs to, lets the invoice decide
 * ({@link Invoice#settle}), stores the invoice and queues what people are told, in one unit of work per result.
 *
 * <p>A result finds its attempt by CheckoutRequestID; failing that by MerchantRequestID; failing that, a success
 * by payer, amount and time among the attempts Daraja never named ({@link ke.invoiceiq.domain.payment.PaymentMatching}).
 * One that matches nothing waits in the inbox: it may have beaten the STK response. The reconciler's sweep tries it
 * again and, when it still matches nothing, raises money as an {@link UnmatchedPayment} and lets a failure go.
 */
public final class RecordPaymentResultService implements RecordPaymentResultUseCase {

    private static final System.Logger LOG = System.getLogger(RecordPaymentResultService.class.getName());

    private final PaymentResultInbox inbox;
    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final UnmatchedPayments unmatched;
    private final PaymentNotices notices;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final DomainEvents events;
    private final PaymentSettings settings;

    public RecordPaymentResultService(PaymentResultInbox inbox, PaymentRepository payments,
            InvoiceRepository invoices, UnmatchedPayments unmatched, Outbox outbox, Transactions transactions,
            IdGenerator ids, Clock clock, DomainEvents events, MerchantSettings merchant, PaymentSettings settings,
            Tracing tracing) {
        this.inbox = inbox;
        this.payments = payments;
        this.invoices = invoices;
        this.unmatched = unmatched;
        this.notices = new PaymentNotices(new OutboxWriter(outbox, ids, clock, merchant, tracing), settings.cooldown(),
                merchant);
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public RecordOutcome record(PaymentResult result, Optional<String> rawBody) {
        boolean first = transactions.inTransaction(() -> inbox.store(result, rawBody));
        RecordOutcome outcome = applyStored(result.checkoutRequestId());
        return !first && outcome instanceof RecordOutcome.Duplicate ? new RecordOutcome.Duplicate() : outcome;
    }

    @Override
    public RecordOutcome applyStored(CheckoutRequestId id) {
        List<KeptResult> waiting = transactions.inTransaction(() -> inbox.unprocessed(id));
        RecordOutcome last = new RecordOutcome.Duplicate();
        for (KeptResult kept : waiting) {
            last = resolve(kept, false);
        }
        RecordOutcome raised = applyRaised(id);
        return raised instanceof RecordOutcome.Settled ? raised : last;
    }

    @Override
    public RecordOutcome resolve(KeptResult kept, boolean finalAttempt) {
        return settle(() -> {
            Optional<Payment> attempt = attemptOf(kept.result());
            Instant now = clock.instant();
            if (attempt.isEmpty()) {
                if (!finalAttempt) {
                    return Done.quietly(new RecordOutcome.Kept());
                }
                inbox.markProcessed(kept.id(), now);
                return kept.result().result().isSuccess() ? raise(kept.result(), now) : letGo(kept.result());
            }
            Done done = apply(attempt.get(), kept.result(), now);
            inbox.markProcessed(kept.id(), now);
            return done;
        });
    }

    @Override
    public RecordOutcome applyQueried(PaymentResult result) {
        return settle(() -> payments.findByCheckoutRequestId(result.checkoutRequestId())
                .map(attempt -> apply(attempt, result, clock.instant()))
                .orElseGet(() -> Done.quietly(new RecordOutcome.Kept())));
    }

    /** Money raised as unmatched under {@code id} before its attempt was named: it belongs to that attempt. */
    private RecordOutcome applyRaised(CheckoutRequestId id) {
        return settle(() -> {
            Optional<UnmatchedPayment> open = unmatched.findOpen(id);
            Optional<Payment> attempt = open.isEmpty() ? Optional.empty() : payments.findByCheckoutRequestId(id);
            if (attempt.isEmpty()) {
                return Done.quietly(new RecordOutcome.Duplicate());
            }
            Instant now = clock.instant();
            Done done = apply(attempt.get(), open.get().asResult(), now);
            unmatched.update(open.get().appliedTo(attempt.get().invoiceId(), now));
            return done.and(new UnmatchedPaymentEvent.Applied(open.get().id(), attempt.get().invoiceId(), now));
        });
    }

    private Optional<Payment> attemptOf(PaymentResult result) {
        return payments.findByCheckoutRequestId(result.checkoutRequestId())
                .or(() -> result.merchantRequestId().flatMap(payments::findByMerchantRequestId))
                .or(() -> {
                    if (result.phone().isEmpty()) {
                        return Optional.empty();
                    }
                    Instant around = result.receivedAt();
                    List<Payment> unnamed = payments.findUnnamed(result.phone().get(),
                            around.minus(settings.matchWindow()), around.plus(settings.matchWindow()));
                    return settings.matching().byPayerAmountAndTime(unnamed, result);
                });
    }

    private Done apply(Payment attempt, PaymentResult result, Instant now) {
        Invoice invoice = invoices.find(attempt.invoiceId()).orElseThrow(
                () -> new IllegalStateException("no invoice " + attempt.invoiceId() + " for payment " + attempt.id()));
        Settlement settlement = invoice.settle(attempt.id(), result, settings.policy(), now);
        if (settlement instanceof Settlement.Unchanged) {
            return Done.quietly(new RecordOutcome.Duplicate());
        }
        Invoice stored = invoices.update(settlement.invoice());
        Settlement told = settlement.stored(stored);
        notices.tell(told);
        return new Done(new RecordOutcome.Settled(told), settlement.events());
    }

    private Done raise(PaymentResult result, Instant now) {
        if (result.receipt().flatMap(payments::findByReceipt).isPresent()) {
            // the same money, told again after its attempt recorded it
            return Done.quietly(new RecordOutcome.Duplicate());
        }
        UnmatchedPayment payment = UnmatchedPayment.raise(new UnmatchedPaymentId(ids.nextId()), result);
        if (!unmatched.add(payment)) {
            return Done.quietly(new RecordOutcome.Duplicate());
        }
        notices.unmatched(payment);
        LOG.log(Level.WARNING, "M-PESA result for {0} matches no payment attempt: raised as unmatched payment {1}",
                result.checkoutRequestId(), payment.id());
        return new Done(new RecordOutcome.Unmatched(payment),
                List.of(new UnmatchedPaymentEvent.Raised(payment.id(), now)));
    }

    private static Done letGo(PaymentResult result) {
        // a failure moved no money; without an attempt to end there is nothing left to account for
        LOG.log(Level.INFO, "M-PESA result code {0} for {1} matches no payment attempt; let go",
                result.result().code(), result.checkoutRequestId());
        return Done.quietly(new RecordOutcome.Duplicate());
    }

    private RecordOutcome settle(Supplier<Done> unitOfWork) {
        Done done;
        try {
            done = RetryingTransactions.onConflict(() -> transactions.inTransaction(unitOfWork));
        } catch (ConcurrentUpdateException e) {
            // the result stays unprocessed in the inbox; the reconciler applies it later
            return new RecordOutcome.Kept();
        }
        done.events().forEach(events::publish);
        return done.outcome();
    }

    private record Done(RecordOutcome outcome, List<DomainEvent> events) {
        static Done quietly(RecordOutcome outcome) {
            return new Done(outcome, List.of());
        }

        Done and(DomainEvent event) {
            var all = new ArrayList<>(events);
            all.add(event);
            return new Done(outcome, all);
        }
    }
}
