package ke.invoiceiq.application.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentEvent;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Loads the unmatched payment and the invoice, lets the invoice count the money ({@link Invoice#applyUnmatched}),
 * stores both and tells people, in one unit of work. The payment's key, {@code unmatched:<id>}, and its receipt make
 * a second application of the same money impossible, on this invoice or any other.
 */
public final class ApplyUnmatchedPaymentService implements ApplyUnmatchedPaymentUseCase {

    private final UnmatchedPayments unmatched;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final PaymentNotices notices;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final DomainEvents events;
    private final PaymentSettings settings;

    public ApplyUnmatchedPaymentService(UnmatchedPayments unmatched, InvoiceRepository invoices,
            PaymentRepository payments, Outbox outbox, Transactions transactions, IdGenerator ids, Clock clock,
            DomainEvents events, MerchantSettings merchant, PaymentSettings settings, Tracing tracing) {
        this.unmatched = unmatched;
        this.invoices = invoices;
        this.payments = payments;
        this.notices = new PaymentNotices(new OutboxWriter(outbox, ids, clock, merchant, tracing), settings.cooldown(),
                merchant);
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
    }

    private record Done(ApplyUnmatchedPaymentOutcome outcome, List<DomainEvent> events) {
    }

    private Done toItsOwnAttempt(UnmatchedPayment money, Payment attempt, Instant now) {
        Invoice invoice = invoices.find(attempt.invoiceId()).orElseThrow();
        Settlement settlement = invoice.settle(attempt.id(), money.asResult(), settings.policy(), now);
        List<DomainEvent> happened = new ArrayList<>(settlement.events());
        if (!(settlement instanceof Settlement.Unchanged)) {
            notices.tell(settlement.stored(invoices.update(settlement.invoice())));
        }
        UnmatchedPayment closed = unmatched.update(money.appliedTo(attempt.invoiceId(), now));
        happened.add(new UnmatchedPaymentEvent.Applied(money.id(), attempt.invoiceId(), now));
        return new Done(new ApplyUnmatchedPaymentOutcome.AlreadyRecorded(closed, attempt.invoiceId()), happened);
    }

    @Override
    public ApplyUnmatchedPaymentOutcome apply(UnmatchedPaymentId paymentId, InvoiceId invoiceId) {
        Done done = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> apply(paymentId, invoiceId,
                clock.instant())));
        done.events().forEach(events::publish);
        return done.outcome();
    }

    private Done apply(UnmatchedPaymentId paymentId, InvoiceId invoiceId, Instant now) {
        Optional<UnmatchedPayment> found = unmatched.find(paymentId);
        if (found.isEmpty()) {
            return new Done(new ApplyUnmatchedPaymentOutcome.PaymentNotFound(), List.of());
        }
        UnmatchedPayment money = found.get();
        if (!money.isOpen()) {
            return new Done(new ApplyUnmatchedPaymentOutcome.AlreadyApplied(money), List.of());
        }
        Optional<Invoice> invoice = invoices.find(invoiceId);
        if (invoice.isEmpty()) {
            return new Done(new ApplyUnmatchedPaymentOutcome.InvoiceNotFound(), List.of());
        }
        if (money.amount().isEmpty()) {
            return new Done(new ApplyUnmatchedPaymentOutcome.AmountUnknown(money), List.of());
        }
        Optional<Payment> owner = money.checkoutRequestId().flatMap(payments::findByCheckoutRequestId);
        if (owner.isPresent()) {
            // its own attempt turned up after it was raised: the money belongs there, whatever invoice was named
            return toItsOwnAttempt(money, owner.get(), now);
        }
        Optional<Payment> recorded = money.receipt().flatMap(payments::findByReceipt);
        if (recorded.isPresent()) {
            UnmatchedPayment closed = unmatched.update(money.appliedTo(recorded.get().invoiceId(), now));
            return new Done(new ApplyUnmatchedPaymentOutcome.AlreadyRecorded(closed, recorded.get().invoiceId()),
                    List.of(new UnmatchedPaymentEvent.Applied(money.id(), recorded.get().invoiceId(), now)));
        }
        Settlement settlement = invoice.get().applyUnmatched(money, new PaymentId(ids.nextId()),
                new IdempotencyKey("unmatched:" + money.id().value()), now);
        if (settlement instanceof Settlement.Unchanged) {
            UnmatchedPayment closed = unmatched.update(money.appliedTo(invoiceId, now));
            return new Done(new ApplyUnmatchedPaymentOutcome.AlreadyRecorded(closed, invoiceId), List.of());
        }
        Settlement stored = settlement.stored(invoices.update(settlement.invoice()));
        UnmatchedPayment applied = unmatched.update(money.appliedTo(invoiceId, now));
        notices.tell(stored);
        List<DomainEvent> happened = new ArrayList<>(settlement.events());
        happened.add(new UnmatchedPaymentEvent.Applied(money.id(), invoiceId, now));
        return new Done(new ApplyUnmatchedPaymentOutcome.Applied(applied, stored), happened);
    }
}
