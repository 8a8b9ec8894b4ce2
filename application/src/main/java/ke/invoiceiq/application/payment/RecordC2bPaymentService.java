package ke.invoiceiq.application.payment;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.shared.RetryingTransactions;
import ke.invoiceiq.domain.copy.C2bPhrases;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.C2bInbox;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.C2bPaymentEvent;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaybillAccount;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
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
 * Money paid to the Paybill or Till from the M-PESA menu, the way an STK result is handled: kept in the
 * {@link C2bInbox} in a unit of work of its own (so it is durable before Safaricom is answered), then applied in a
 * second one that holds the kept row, so two instances told the same TransID apply it once.
 *
 * <p>Where it goes: the invoice its account number names ({@link PaybillAccount}), whatever that invoice's state (the
 * invoice's money rules decide: paid, partly paid, overpaid, paid after cancellation, double payment); else the one
 * open invoice it fits by amount and time ({@link ke.invoiceiq.domain.payment.TillMatching}); else an
 * {@link UnmatchedPayment} for the merchant to apply. The customer and merchant hear what an STK payment tells them
 * ({@link PaymentNotices}). A TransID already recorded as a receipt on any invoice is not applied again.
 */
public final class RecordC2bPaymentService implements RecordC2bPaymentUseCase {

    private static final System.Logger LOG = System.getLogger(RecordC2bPaymentService.class.getName());

    private static final DateTimeFormatter KENYA_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Africa/Nairobi"));

    /** How many of the newest sent invoices a payment with no usable account number is matched against. */
    static final int OPEN_INVOICES_SCANNED = 1_000;

    private final C2bInbox inbox;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final UnmatchedPayments unmatched;
    private final PaymentNotices notices;
    private final OutboxWriter writer;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final DomainEvents events;
    private final C2bSettings settings;
    private final MerchantSettings merchant;

    public RecordC2bPaymentService(C2bInbox inbox, InvoiceRepository invoices, PaymentRepository payments,
            UnmatchedPayments unmatched, Outbox outbox, Transactions transactions, IdGenerator ids, Clock clock,
            DomainEvents events, MerchantSettings merchant, PaymentSettings payment, C2bSettings settings,
            Tracing tracing) {
        this.inbox = inbox;
        this.invoices = invoices;
        this.payments = payments;
        this.unmatched = unmatched;
        this.writer = new OutboxWriter(outbox, ids, clock, merchant, tracing);
        this.notices = new PaymentNotices(writer, payment.cooldown(), merchant);
        this.merchant = merchant;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public C2bValidation validate(C2bPayment payment) {
        if (!settings.validation() || payment.kind() == C2bPayment.Kind.TILL) {
            return C2bValidation.ACCEPT;
        }
        boolean open = payment.account().flatMap(PaybillAccount::invoiceNamed)
                .flatMap(id -> transactions.inTransaction(() -> invoices.find(id)))
                .filter(Invoice::isPayable).isPresent();
        if (!open) {
            events.publish(new C2bPaymentEvent(payment.kind(), C2bPaymentEvent.Outcome.REFUSED, clock.instant()));
            return C2bValidation.INVALID_ACCOUNT;
        }
        return C2bValidation.ACCEPT;
    }

    @Override
    public C2bOutcome confirm(C2bPayment payment) {
        transactions.inTransaction(() -> inbox.store(payment));
        return applyStored(payment.receipt());
    }

    @Override
    public int applyPending() {
        Instant now = clock.instant();
        List<C2bPayment> claimed = transactions.inTransaction(() -> inbox.claimUnprocessed(
                now.minus(C2bSettings.SWEEP_AFTER), now, now.plus(C2bSettings.SWEEP_LEASE), settings.sweepBatch()));
        for (C2bPayment payment : claimed) {
            try {
                applyStored(payment.receipt());
            } catch (RuntimeException e) {
                // it stays unprocessed; the next sweep tries again once its lease ends
                LOG.log(Level.WARNING, "could not apply C2B payment {0}: {1}", payment.receipt(),
                        e.getClass().getName());
            }
        }
        return claimed.size();
    }

    private C2bOutcome applyStored(MpesaReceipt receipt) {
        Done done;
        try {
            done = RetryingTransactions.onConflict(() -> transactions.inTransaction(() -> {
                Optional<C2bPayment> kept = inbox.takeUnprocessed(receipt);
                if (kept.isEmpty()) {
                    return Done.quietly(new C2bOutcome.Duplicate());
                }
                Instant now = clock.instant();
                Done applied = apply(kept.get(), now);
                inbox.markProcessed(receipt, now);
                return applied;
            }));
        } catch (ConcurrentUpdateException e) {
            return new C2bOutcome.Kept();
        }
        done.events().forEach(events::publish);
        return done.outcome();
    }

    private Done apply(C2bPayment payment, Instant now) {
        if (payments.findByReceipt(payment.receipt()).isPresent()) {
            return Done.quietly(new C2bOutcome.Duplicate());
        }
        Optional<Invoice> named = payment.account().flatMap(PaybillAccount::invoiceNamed).flatMap(invoices::find);
        if (named.isPresent()) {
            return applyTo(named.get(), payment, true, now);
        }
        Optional<Invoice> fitting = settings.tillMatching().single(
                invoices.latest(Optional.of(InvoiceStatus.SENT), OPEN_INVOICES_SCANNED), payment.amount(),
                payment.transactionTime());
        if (fitting.isPresent()) {
            return applyTo(fitting.get(), payment, false, now);
        }
        return raise(payment, now);
    }

    private Done applyTo(Invoice invoice, C2bPayment payment, boolean byAccount, Instant now) {
        Settlement settlement = invoice.receivedOutsidePrompt(payment, new PaymentId(ids.nextId()),
                new IdempotencyKey("c2b:" + payment.receipt().value()), now);
        if (settlement instanceof Settlement.Unchanged) {
            return Done.quietly(new C2bOutcome.Duplicate());
        }
        Settlement stored = settlement.stored(invoices.update(settlement.invoice()));
        notices.tell(stored);
        List<DomainEvent> happened = new ArrayList<>(settlement.events());
        happened.add(new C2bPaymentEvent(payment.kind(),
                byAccount ? C2bPaymentEvent.Outcome.BY_ACCOUNT : C2bPaymentEvent.Outcome.BY_AMOUNT, now));
        return new Done(new C2bOutcome.Applied(stored, byAccount), happened);
    }

    private Done raise(C2bPayment payment, Instant now) {
        UnmatchedPayment money = UnmatchedPayment.raise(new UnmatchedPaymentId(ids.nextId()), payment);
        if (!unmatched.add(money)) {
            return Done.quietly(new C2bOutcome.Duplicate());
        }
        tellMerchant(payment, money);
        LOG.log(Level.WARNING, "C2B payment {0} ({1}) fits no single invoice: raised as unmatched payment {2}",
                payment.receipt(), payment.kind(), money.id());
        return new Done(new C2bOutcome.Unmatched(money), List.of(new UnmatchedPaymentEvent.Raised(money.id(), now),
                new C2bPaymentEvent(payment.kind(), C2bPaymentEvent.Outcome.UNMATCHED, now)));
    }

    /** The merchant hears which product was paid and, for a Paybill, what the customer typed as account. */
    private void tellMerchant(C2bPayment payment, UnmatchedPayment money) {
        C2bPhrases phrase = payment.account().isPresent() ? C2bPhrases.UNMATCHED_PAYBILL : C2bPhrases.UNMATCHED_TILL;
        var text = phrase.in(merchant.language())
                .with("amount", payment.amount().formatted())
                .with("receipt", payment.receipt().value())
                .with("time", KENYA_TIME.format(payment.transactionTime()))
                .with("id", money.id().value());
        if (payment.account().isPresent()) {
            text = text.with("account", payment.account().get());
        }
        writer.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(), OutboundContent.text(text.text()));
    }

    private record Done(C2bOutcome outcome, List<DomainEvent> events) {
        static Done quietly(C2bOutcome outcome) {
            return new Done(outcome, List.of());
        }
    }
}
