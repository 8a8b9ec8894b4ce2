package ke.invoiceiq.application.payment;

import ke.invoiceiq.application.shared.RetryingTransactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.DomainEvent;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

public final class RecordPaymentResultService implements RecordPaymentResultUseCase {

    private final PaymentResultInbox inbox;
    private final PaymentRepository payments;
    private final AttemptWithInvoice attempts;
    private final PaymentNotices notices;
    private final Transactions transactions;
    private final Clock clock;
    private final DomainEvents events;

    public RecordPaymentResultService(PaymentResultInbox inbox, PaymentRepository payments,
            InvoiceRepository invoices, Outbox outbox, Transactions transactions, IdGenerator ids, Clock clock,
            DomainEvents events, MerchantSettings merchant, Tracing tracing) {
        this.inbox = inbox;
        this.payments = payments;
        this.attempts = new AttemptWithInvoice(payments, invoices);
        this.notices = new PaymentNotices(new OutboxWriter(outbox, ids, clock, merchant, tracing));
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public RecordOutcome record(PaymentResult result) {
        CheckoutRequestId id = result.checkoutRequestId();
        boolean first = transactions.inTransaction(() -> inbox.store(result));
        if (!first && transactions.inTransaction(() -> inbox.findUnprocessed(id)).isEmpty()) {
            return new RecordOutcome.Duplicate();
        }
        return applyStored(id);
    }

    @Override
    public RecordOutcome applyStored(CheckoutRequestId id) {
        // on a lasting conflict the result stays unprocessed in the inbox, and the reconciler applies it later
        return settle(() -> apply(inbox.findUnprocessed(id), true));
    }

    @Override
    public RecordOutcome applyQueried(PaymentResult result) {
        return settle(() -> apply(Optional.of(result), false));
    }

    private RecordOutcome settle(java.util.function.Supplier<Settled> unitOfWork) {
        Settled settled;
        try {
            settled = RetryingTransactions.onConflict(() -> transactions.inTransaction(unitOfWork));
        } catch (ConcurrentUpdateException e) {
            return new RecordOutcome.Kept();
        }
        settled.events().forEach(events::publish);
        return settled.outcome();
    }

    private record Settled(RecordOutcome outcome, List<DomainEvent> events) {
        static Settled quietly(RecordOutcome outcome) {
            return new Settled(outcome, List.of());
        }
    }

    private Settled apply(Optional<PaymentResult> kept, boolean fromInbox) {
        if (kept.isEmpty()) {
            return Settled.quietly(new RecordOutcome.Duplicate());
        }
        CheckoutRequestId id = kept.get().checkoutRequestId();
        Optional<Payment> matched = payments.findByCheckoutRequestId(id);
        if (matched.isEmpty()) {
            return Settled.quietly(new RecordOutcome.Kept());
        }
        PaymentResult result = kept.get();
        AttemptWithInvoice.Loaded loaded = attempts.load(matched.get().id());
        Payment payment = loaded.payment();
        Instant now = clock.instant();
        Settled settled;
        if (payment.status() == PaymentStatus.SUCCESS || (!result.result().isSuccess() && !payment.isInFlight())) {
            settled = Settled.quietly(new RecordOutcome.Duplicate());
        } else if (result.result().isSuccess()) {
            settled = succeeded(payment, loaded.invoice(), result, now);
        } else {
            settled = failed(payment, loaded.invoice(), result, now);
        }
        if (fromInbox) {
            inbox.markProcessed(id, now);
        }
        return settled;
    }

    /** Money moved. Also after FAILED or EXPIRED: a late success wins over our own guess. */
    private Settled succeeded(Payment payment, Invoice invoice, PaymentResult result, Instant now) {
        Payment paid = payment.succeeded(result.result(), result.receipt(), result.transactionTime(), now);
        Optional<BigDecimal> reported = result.amount()
                .filter(amount -> amount.compareTo(BigDecimal.valueOf(invoice.amount().shillings())) != 0);
        if (reported.isPresent()) {
            attempts.save(paid, invoice);
            notices.amountMismatch(invoice, reported.get(), result.receipt());
            return new Settled(new RecordOutcome.AmountMismatch(paid, reported.get()),
                    List.of(new PaymentEvent.AmountMismatch(invoice.id(), paid.id(), now)));
        }
        InvoiceOutcome outcome = invoice.paymentSucceeded(result.receipt(), now);
        Invoice stored = attempts.save(paid, outcome.invoice());
        List<DomainEvent> happened = new ArrayList<>();
        happened.add(new PaymentEvent.Succeeded(invoice.id(), paid.id(), now));
        if (outcome instanceof InvoiceOutcome.Applied applied) {
            happened.add(applied.event());
            notices.paid(stored, result.receipt());
            switch (applied.event()) {
                case InvoiceEvent.PaidAfterCancellation e -> notices.paidAfterCancellation(stored, result.receipt());
                case InvoiceEvent.DoublePaymentReceived e -> notices.doublePayment(stored, result.receipt());
                default -> {
                }
            }
        }
        return new Settled(new RecordOutcome.Applied(paid), happened);
    }

    private Settled failed(Payment payment, Invoice invoice, PaymentResult result, Instant now) {
        Payment failed = payment.failed(result.result(), now);
        Invoice stored = attempts.save(failed, invoice);
        if (stored.isPayable()) {
            notices.failed(stored, result.result().reason());
        }
        return new Settled(new RecordOutcome.Applied(failed),
                List.of(new PaymentEvent.Failed(invoice.id(), failed.id(), result.result().reason(), now)));
    }
}
