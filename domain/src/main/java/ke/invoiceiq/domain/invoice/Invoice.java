package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.AttemptDecision;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentAttemptPolicy;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.shared.DomainEvent;

/**
 * The invoice aggregate: the invoice and its STK payment attempts, one consistency boundary under one
 * {@code version} (the optimistic lock, bumped by the repository on each successful update). Immutable: every
 * transition returns an outcome holding the next state ({@link InvoiceOutcome}, {@link PaymentRequest},
 * {@link Settlement}), so a caller cannot half-apply a change.
 *
 * <p>What it has been paid is the sum of what its successful attempts received and of the sums recorded as paid
 * outside M-PESA ({@link PaidOutside}, each kept): it is PAID exactly when that reaches its amount. The rules of
 * money are here: at most one attempt in flight, a new attempt asks for the balance, late money wins over our
 * guess, M-PESA's money is never refused (a cancelled invoice paid in full becomes PAID, money beyond the amount is
 * an excess to refund), money recorded by hand never goes beyond the balance, and the same receipt is never counted
 * twice.
 */
public record Invoice(
        InvoiceId id,
        Customer customer,
        Amount amount,
        Description description,
        InvoiceStatus status,
        PayToken payToken,
        Instant createdAt,
        Optional<Instant> sentAt,
        Optional<Instant> paidAt,
        Optional<Instant> cancelledAt,
        Optional<Channel> deliveryChannel,
        int reminderCount,
        Optional<Instant> lastRemindedAt,
        List<Payment> payments,
        List<PaidOutside> paidOutside,
        Optional<LocalDate> dueDate,
        Language language,
        long version) {

    /** An invoice never paid outside M-PESA (every invoice before it could be). */
    public Invoice(InvoiceId id, Customer customer, Amount amount, Description description, InvoiceStatus status,
            PayToken payToken, Instant createdAt, Optional<Instant> sentAt, Optional<Instant> paidAt,
            Optional<Instant> cancelledAt, Optional<Channel> deliveryChannel, int reminderCount,
            Optional<Instant> lastRemindedAt, List<Payment> payments, long version) {
        this(id, customer, amount, description, status, payToken, createdAt, sentAt, paidAt, cancelledAt,
                deliveryChannel, reminderCount, lastRemindedAt, payments, List.of(), version);
    }

    /** An invoice with no due date, written in English (every invoice before either could be chosen). */
    public Invoice(InvoiceId id, Customer customer, Amount amount, Description description, InvoiceStatus status,
            PayToken payToken, Instant createdAt, Optional<Instant> sentAt, Optional<Instant> paidAt,
            Optional<Instant> cancelledAt, Optional<Channel> deliveryChannel, int reminderCount,
            Optional<Instant> lastRemindedAt, List<Payment> payments, List<PaidOutside> paidOutside,
            long version) {
        this(id, customer, amount, description, status, payToken, createdAt, sentAt, paidAt, cancelledAt,
                deliveryChannel, reminderCount, lastRemindedAt, payments, paidOutside, Optional.empty(), Language.EN,
                version);
    }

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payToken, "payToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(lastRemindedAt, "lastRemindedAt");
        Objects.requireNonNull(paidOutside, "paidOutside");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(language, "language");
        payments = List.copyOf(payments);
        paidOutside = List.copyOf(paidOutside);
        requireOwnAttempts(id, payments);
        if (reminderCount < 0) {
            throw new IllegalArgumentException("reminderCount < 0");
        }
        if (status == PAID && paidAt.isEmpty()) {
            throw new IllegalArgumentException("a PAID invoice has a paid time");
        }
        if (status == CANCELLED && cancelledAt.isEmpty()) {
            throw new IllegalArgumentException("a CANCELLED invoice has a cancelled time");
        }
        if ((status == PAID) != settledOf(payments, paidOutside).isAtLeast(Money.of(amount))) {
            throw new IllegalArgumentException("an invoice is PAID exactly when it has been paid its amount");
        }
    }

    private static void requireOwnAttempts(InvoiceId id, List<Payment> payments) {
        var ids = new HashSet<PaymentId>();
        var keys = new HashSet<IdempotencyKey>();
        int inFlight = 0;
        for (Payment p : payments) {
            if (!p.invoiceId().equals(id)) {
                throw new IllegalArgumentException("payment " + p.id() + " belongs to another invoice");
            }
            if (!ids.add(p.id()) || !keys.add(p.idempotencyKey())) {
                throw new IllegalArgumentException("payment " + p.id() + " or its key appears twice");
            }
            if (p.isInFlight()) {
                inFlight++;
            }
        }
        if (inFlight > 1) {
            throw new IllegalArgumentException("at most one payment attempt is in flight");
        }
    }

    private static Money paidOf(List<Payment> payments) {
        return payments.stream().filter(Payment::succeeded).map(p -> p.received().orElseThrow())
                .reduce(Money.ZERO, Money::plus);
    }

    /** What counts towards the amount: M-PESA's payments and every sum recorded as paid outside M-PESA. */
    private static Money settledOf(List<Payment> payments, List<PaidOutside> outside) {
        return outside.stream().map(PaidOutside::amount).reduce(paidOf(payments), Money::plus);
    }

    private Money settledWith(List<Payment> next) {
        return settledOf(next, paidOutside);
    }

    /** A new invoice, PENDING until a channel accepts it: no due date, in English. */
    public static Invoice issue(InvoiceId id, Customer customer, Amount amount, Description description,
            PayToken payToken, Instant now) {
        return issue(id, customer, amount, description, payToken, now, Optional.empty(), Language.EN);
    }

    /**
     * A new invoice, PENDING until a channel accepts it, due on {@code dueDate} (a day in Kenya, when given) and
     * written to the customer in {@code language}.
     */
    public static Invoice issue(InvoiceId id, Customer customer, Amount amount, Description description,
            PayToken payToken, Instant now, Optional<LocalDate> dueDate, Language language) {
        return new Invoice(id, customer, amount, description, PENDING, payToken, now, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), List.of(), List.of(),
                dueDate, language, 0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // What it has been paid
    // ---------------------------------------------------------------------------------------------------------

    /** What M-PESA has moved for this invoice: the sum of what its successful attempts received. */
    public Money paid() {
        return paidOf(payments);
    }

    /** What counts towards the amount so far: M-PESA's payments and the money recorded outside M-PESA. */
    public Money settled() {
        return settledWith(payments);
    }

    /** What is still owed: the amount less what was paid (through M-PESA or outside it), never below zero. */
    public Money balance() {
        return Money.of(amount).minusOrZero(settledWith(payments));
    }

    /** The M-PESA receipt of the latest payment that has one. */
    public Optional<MpesaReceipt> receipt() {
        return payments.stream().filter(p -> p.succeeded() && p.receipt().isPresent())
                .max(Comparator.comparing(Payment::updatedAt))
                .flatMap(Payment::receipt);
    }

    /** Every M-PESA receipt of its payments, in the order they were made. */
    public List<MpesaReceipt> receipts() {
        return payments.stream().filter(Payment::succeeded).flatMap(p -> p.receipt().stream()).toList();
    }

    /** The attempt whose outcome is not known yet, if there is one (never more than one). */
    public Optional<Payment> attemptInFlight() {
        return payments.stream().filter(Payment::isInFlight).findFirst();
    }

    public Optional<Payment> payment(PaymentId paymentId) {
        return payments.stream().filter(p -> p.id().equals(paymentId)).findFirst();
    }

    /** Whether a customer may start a payment now (an open or undelivered invoice; not paid, not cancelled). */
    public boolean isPayable() {
        return status == PENDING || status == SENT || status == FAILED;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Delivery, reminders, cancellation
    // ---------------------------------------------------------------------------------------------------------

    /** A channel (WhatsApp or SMS) accepted the invoice message. */
    public InvoiceOutcome sendAccepted(Channel channel, Instant now) {
        return switch (status) {
            case PENDING, FAILED -> applied(
                    with(SENT).sentAt(now).channel(channel).build(),
                    new InvoiceEvent.Sent(id, channel, now));
            case SENT, PAID, CANCELLED -> new InvoiceOutcome.Unchanged(this);
        };
    }

    /**
     * The channel that actually reached the customer, when the invoice was already counted as sent by another: the
     * SMS fallback of a WhatsApp message that Meta first accepted and then reported failed. Empty when there is
     * nothing to change (not sent yet, or already recorded with this channel); no event, the invoice was told as
     * sent when the first channel accepted it.
     */
    public Optional<Invoice> reachedBy(Channel channel) {
        boolean sent = status == SENT || status == PAID || status == CANCELLED;
        if (!sent || deliveryChannel.isEmpty() || deliveryChannel.get() == channel) {
            return Optional.empty();
        }
        return Optional.of(with(status).channel(channel).build());
    }

    /** Every channel tried reported the invoice message undeliverable. */
    public InvoiceOutcome deliveryFailedOnEveryChannel(Instant now) {
        return switch (status) {
            case PENDING, SENT -> applied(with(FAILED).build(), new InvoiceEvent.DeliveryFailed(id, now));
            case FAILED, PAID, CANCELLED -> new InvoiceOutcome.Unchanged(this);
        };
    }

    /** The merchant cancels. Refused while an STK push is in flight, because the money may still come. */
    public InvoiceOutcome cancel(Instant now) {
        return switch (status) {
            case PENDING, SENT, FAILED -> attemptInFlight().isPresent()
                    ? new InvoiceOutcome.Refused(this, Refusal.PAYMENT_IN_FLIGHT)
                    : applied(with(CANCELLED).cancelledAt(now).build(), new InvoiceEvent.Cancelled(id, now));
            case PAID -> new InvoiceOutcome.Refused(this, Refusal.ALREADY_PAID);
            case CANCELLED -> new InvoiceOutcome.Unchanged(this);
        };
    }

    /** What was recorded as paid outside M-PESA, all recordings together. */
    public Money paidOutsideTotal() {
        return paidOutside.stream().map(PaidOutside::amount).reduce(Money.ZERO, Money::plus);
    }

    /** {@link #markPaidOutside(PaidOutside.Method, Optional, String, Instant)} for the whole balance. */
    public InvoiceOutcome markPaidOutside(PaidOutside.Method method, String note, Instant now) {
        return markPaidOutside(method, Optional.empty(), note, now);
    }

    /**
     * The merchant or an operator records money the customer paid outside M-PESA Express (cash, a bank transfer):
     * {@code amount}, or the whole balance when empty, is added to the invoice's {@link PaidOutside} recordings. It is
     * PAID when M-PESA and the recordings together reach its amount, else it stays open with the balance left
     * ({@link InvoiceEvent.PartPaymentReceived}). Refused while an STK push is in flight (the money may still come,
     * and would be counted twice), for more than the balance ({@link Refusal#MORE_THAN_BALANCE}: a typing mistake is
     * likelier than a real overpayment, and excess money outside M-PESA is the merchant's to hand back), once PAID,
     * and for a cancelled invoice (the merchant called it off: cancelled and paid is a refund case, not a recording).
     */
    public InvoiceOutcome markPaidOutside(PaidOutside.Method method, Optional<Money> amount, String note,
            Instant now) {
        Objects.requireNonNull(amount, "amount");
        return switch (status) {
            case PENDING, SENT, FAILED -> {
                if (attemptInFlight().isPresent()) {
                    yield new InvoiceOutcome.Refused(this, Refusal.PAYMENT_IN_FLIGHT);
                }
                Money balance = balance();
                Money received = amount.orElse(balance);
                if (received.isZero()) {
                    throw new IllegalArgumentException("money recorded outside M-PESA is more than zero");
                }
                if (balance.isLessThan(received)) {
                    yield new InvoiceOutcome.Refused(this, Refusal.MORE_THAN_BALANCE);
                }
                List<PaidOutside> recorded = new ArrayList<>(paidOutside);
                recorded.add(new PaidOutside(method, received, note, now));
                Money left = balance.minusOrZero(received);
                if (left.isZero()) {
                    Invoice next = with(PAID).paidAt(now).paidOutside(recorded).build();
                    yield applied(next, new InvoiceEvent.Paid(id, Optional.empty(), timeToPay(now), now));
                }
                yield applied(with(status).paidOutside(recorded).build(),
                        new InvoiceEvent.PartPaymentReceived(id, received, left, now));
            }
            case PAID -> new InvoiceOutcome.Refused(this, Refusal.ALREADY_PAID);
            case CANCELLED -> new InvoiceOutcome.Refused(this, Refusal.CANCELLED);
        };
    }

    /** The merchant asks to nudge the customer; a FAILED invoice is delivered again instead. */
    public InvoiceOutcome remind(ReminderPolicy policy, Instant now) {
        return switch (status) {
            case PENDING -> new InvoiceOutcome.Refused(this, Refusal.NOT_SENT_YET);
            case PAID -> new InvoiceOutcome.Refused(this, Refusal.ALREADY_PAID);
            case CANCELLED -> new InvoiceOutcome.Refused(this, Refusal.CANCELLED);
            case SENT, FAILED -> {
                if (reminderCount >= policy.maxReminders()) {
                    yield new InvoiceOutcome.Refused(this, Refusal.REMINDER_LIMIT_REACHED);
                }
                if (lastRemindedAt.isPresent() && lastRemindedAt.get().plus(policy.minInterval()).isAfter(now)) {
                    yield new InvoiceOutcome.Refused(this, Refusal.REMINDED_RECENTLY);
                }
                int count = reminderCount + 1;
                Invoice next = with(status).reminded(count, now).build();
                yield applied(next, status == SENT
                        ? new InvoiceEvent.ReminderRequested(id, count, now)
                        : new InvoiceEvent.RedeliveryRequested(id, count, now));
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Payment attempts
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Someone asks to pay. {@code asker} is the number that asked (empty for the pay page and the API, which push
     * to the invoiced number); {@code key} makes a repeat of the same request return its first attempt. A new
     * attempt asks for the balance, in whole shillings.
     */
    public PaymentRequest requestPayment(Optional<Msisdn> asker, PaymentId newId, IdempotencyKey key,
            PaymentAttemptPolicy policy, Instant now) {
        return requestPayment(asker, Optional.empty(), newId, key, policy, now);
    }

    /**
     * {@link #requestPayment(Optional, PaymentId, IdempotencyKey, PaymentAttemptPolicy, Instant)}, with the prompt
     * sent to {@code payFrom} instead of the invoiced number: the holder of the pay link pays from another phone. Only
     * an asker that is not a phone may name another payer (the pay page, the API); a phone that asks pays from
     * itself, so the chat's rule stays: only the invoiced number may tap Pay. Every rule of attempts (one in flight,
     * the cooldowns) is the invoice's, so it holds whichever number the prompt goes to.
     *
     * @throws IllegalArgumentException when both an asker and another payer are given
     */
    public PaymentRequest requestPayment(Optional<Msisdn> asker, Optional<Msisdn> payFrom, PaymentId newId,
            IdempotencyKey key, PaymentAttemptPolicy policy, Instant now) {
        if (asker.isPresent() && payFrom.isPresent()) {
            throw new IllegalArgumentException("a phone that asks to pay pays from itself");
        }
        if (asker.filter(a -> !a.equals(customer.msisdn())).isPresent()) {
            return new PaymentRequest.NotYours();
        }
        Optional<Payment> earlier = payments.stream().filter(p -> p.idempotencyKey().equals(key)).findFirst();
        if (earlier.isPresent()) {
            return new PaymentRequest.Replay(earlier.get());
        }
        switch (status) {
            case PAID -> {
                return new PaymentRequest.AlreadyPaid();
            }
            case CANCELLED -> {
                return new PaymentRequest.Cancelled();
            }
            case PENDING, SENT, FAILED -> {
            }
        }
        switch (policy.decide(payments, now)) {
            case AttemptDecision.InFlight inFlight -> {
                return new PaymentRequest.InFlight(inFlight.current());
            }
            case AttemptDecision.CoolingDown coolingDown -> {
                return new PaymentRequest.CoolingDown(coolingDown.until());
            }
            case AttemptDecision.Allowed allowed -> {
            }
        }
        long wholeShillings = (balance().cents() + 99) / 100;
        Payment attempt = Payment.initiate(newId, id, payFrom.orElse(customer.msisdn()),
                Amount.ofShillings(wholeShillings), key, now);
        return new PaymentRequest.Start(withPayments(plus(attempt)), attempt);
    }

    /** Daraja accepted the push and named it. Recorded whatever happened to the attempt meanwhile. */
    public Invoice pushAccepted(PaymentId paymentId, MerchantRequestId merchantRequest,
            CheckoutRequestId checkoutRequest, Instant now) {
        Payment attempt = attempt(paymentId);
        Payment named = attempt.named(merchantRequest, checkoutRequest, now);
        return named == attempt ? this : withPayments(replaced(named));
    }

    /**
     * Daraja refused the push on the spot ({@code refusal} is one of the reasons
     * {@link StkReason#refusedBeforePrompt() refused before any prompt}): the attempt ended, and a new one may start
     * at once.
     */
    public Settlement pushRefused(PaymentId paymentId, StkResult refusal, PaymentAttemptPolicy policy, Instant now) {
        if (!refusal.reason().refusedBeforePrompt()) {
            throw new IllegalArgumentException("not a refusal on the spot: " + refusal.code());
        }
        Payment attempt = attempt(paymentId);
        if (!attempt.isInFlight() || attempt.isNamed()) {
            return new Settlement.Unchanged(this);
        }
        return failed(attempt, refusal, policy, now);
    }

    /** The reconciler asked M-PESA about the attempt and learnt nothing yet. */
    public Invoice queried(PaymentId paymentId, Instant now) {
        Payment attempt = attempt(paymentId);
        return attempt.isInFlight() ? withPayments(replaced(attempt.queried(now))) : this;
    }

    /**
     * The reconciler gives up waiting: M-PESA never said how the attempt ended. The attempt ends as
     * {@link StkReason#NO_ANSWER}; the money may still come, and then it wins.
     */
    public Settlement giveUp(PaymentId paymentId, Instant now) {
        Payment attempt = attempt(paymentId);
        if (!attempt.isInFlight()) {
            return new Settlement.Unchanged(this);
        }
        Payment expired = attempt.expired(now);
        return new Settlement.NoAnswer(withPayments(replaced(expired)), expired,
                List.of(new PaymentEvent.Expired(id, paymentId, now)));
    }

    /**
     * M-PESA says how attempt {@code paymentId} ended (its callback, or our query). A success is applied in any
     * state of the attempt, once per receipt; a failure only ends an attempt still in flight.
     */
    public Settlement settle(PaymentId paymentId, PaymentResult result, PaymentAttemptPolicy policy, Instant now) {
        // a result found by payer and amount names the attempt Daraja never named to us, so its repeats find it
        Payment attempt = attempt(paymentId).named(result.merchantRequestId(), result.checkoutRequestId(), now);
        if (!result.result().isSuccess()) {
            return attempt.isInFlight() ? failed(attempt, result.result(), policy, now) : new Settlement.Unchanged(this);
        }
        if (result.receipt().isPresent() && payments.stream()
                .anyMatch(p -> !p.id().equals(paymentId) && p.receipt().equals(result.receipt()))) {
            return new Settlement.Unchanged(this);
        }
        if (attempt.succeeded()) {
            if (result.receipt().isPresent() && attempt.receipt().isPresent()
                    && !attempt.receipt().equals(result.receipt())) {
                // one prompt moves money once: a second receipt under its CheckoutRequestID is not a payment
                return new Settlement.Unchanged(this);
            }
            return completed(attempt, attempt.completedWith(result.receipt(), result.transactionTime(),
                    result.money(), now), now);
        }
        Money received = result.money().orElse(Money.of(attempt.amount()));
        Payment paid = attempt.succeeded(result.result(), result.receipt(), result.transactionTime(), received, now);
        return received(paid, received, now);
    }

    /**
     * An operator applies money that matched no attempt to this invoice: it becomes a successful payment of its
     * own, under {@code newId} and {@code key}. The same receipt is never counted twice.
     *
     * @throws IllegalArgumentException when the amount M-PESA reported is unknown
     */
    public Settlement applyUnmatched(UnmatchedPayment money, PaymentId newId, IdempotencyKey key, Instant now) {
        Money received = money.amount().orElseThrow(
                () -> new IllegalArgumentException("the amount of unmatched payment " + money.id() + " is unknown"));
        if (money.receipt().isPresent() && receipts().contains(money.receipt().get())
                || payments.stream().anyMatch(p -> p.idempotencyKey().equals(key))) {
            return new Settlement.Unchanged(this);
        }
        Amount asked = received.asAmount().orElse(amount);
        // its CheckoutRequestID names it only when no attempt of ours holds that name already
        Optional<CheckoutRequestId> checkout = money.checkoutRequestId()
                .filter(c -> payments.stream().noneMatch(p -> p.checkoutRequestId().equals(Optional.of(c))));
        Payment paid = Payment.receivedWithoutAttempt(newId, id, money.payer().orElse(customer.msisdn()), asked, key,
                money.merchantRequestId(), checkout, money.receipt(), money.transactionTime(), received, now);
        return received(paid, received, now, true);
    }

    /**
     * Money paid to the merchant's Paybill or Till from the M-PESA menu (Daraja C2B) for this invoice: a successful
     * payment of its own under {@code newId} and {@code key}, with the same money rules as an STK result (paid,
     * partly paid, overpaid, paid after cancellation, double payment). The same receipt ({@code TransID}) is never
     * counted twice.
     */
    public Settlement receivedOutsidePrompt(C2bPayment money, PaymentId newId, IdempotencyKey key, Instant now) {
        if (receipts().contains(money.receipt())
                || payments.stream().anyMatch(p -> p.idempotencyKey().equals(key))) {
            return new Settlement.Unchanged(this);
        }
        Amount asked = money.amount().asAmount().orElse(amount);
        Payment paid = Payment.receivedWithoutAttempt(newId, id, customer.msisdn(), asked, key, Optional.empty(),
                Optional.empty(), Optional.of(money.receipt()), Optional.of(money.transactionTime()), money.amount(),
                now);
        return received(paid, money.amount(), now, true);
    }

    private Settlement failed(Payment attempt, StkResult result, PaymentAttemptPolicy policy, Instant now) {
        Payment ended = attempt.failed(result, now);
        StkReason reason = result.reason();
        return new Settlement.Failed(withPayments(replaced(ended)), ended, reason, policy.retryFrom(ended),
                List.of(new PaymentEvent.Failed(id, ended.id(), reason, now)));
    }

    private Settlement received(Payment paid, Money received, Instant now) {
        return received(paid, received, now, false);
    }

    /** The money rule: what {@code paid} (now successful, having received {@code received}) does to the invoice. */
    private Settlement received(Payment paid, Money received, Instant now, boolean added) {
        List<Payment> next = added ? plus(paid) : replaced(paid);
        Money total = settledWith(next);
        Money due = Money.of(amount);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new PaymentEvent.Succeeded(id, paid.id(), now));
        return switch (status) {
            case PENDING, SENT, FAILED -> {
                if (total.isAtLeast(due)) {
                    events.add(new InvoiceEvent.Paid(id, paid.receipt(), timeToPay(now), now));
                    yield new Settlement.Paid(with(PAID).paidAt(now).payments(next).build(), paid,
                            total.minusOrZero(due), false, events);
                }
                Money balance = due.minusOrZero(total);
                events.add(new InvoiceEvent.PartPaymentReceived(id, received, balance, now));
                yield new Settlement.PartlyPaid(with(status).payments(next).build(), paid, balance, events);
            }
            case CANCELLED -> {
                if (total.isAtLeast(due)) {
                    events.add(new InvoiceEvent.PaidAfterCancellation(id, paid.receipt(), timeToPay(now), now));
                    yield new Settlement.Paid(with(PAID).paidAt(now).payments(next).build(), paid,
                            total.minusOrZero(due), true, events);
                }
                yield new Settlement.ReceivedWhileCancelled(with(CANCELLED).payments(next).build(), paid, events);
            }
            case PAID -> {
                events.add(new InvoiceEvent.DoublePaymentReceived(id, paid.receipt(), received, now));
                yield new Settlement.DoublePayment(with(PAID).payments(next).build(), paid, received, events);
            }
        };
    }

    /**
     * A success recorded before (from a query, which tells no amount) got its details from the callback. When the
     * amount M-PESA moved differs from the one assumed, the invoice follows what it was really paid.
     */
    private Settlement completed(Payment before, Payment after, Instant now) {
        if (after == before) {
            return new Settlement.Unchanged(this);
        }
        List<Payment> next = replaced(after);
        Money total = settledWith(next);
        Money due = Money.of(amount);
        if (status == PAID && total.isLessThan(due)) {
            if (cancelledAt.isPresent()) {
                // it became PAID only after the merchant cancelled it: short of the amount, it is cancelled again
                return new Settlement.ReceivedWhileCancelled(with(CANCELLED).unpaid().payments(next).build(), after,
                        List.of());
            }
            Money balance = due.minusOrZero(total);
            Invoice reopened = with(sentAt.isPresent() ? SENT : PENDING).unpaid().payments(next).build();
            return new Settlement.PartlyPaid(reopened, after, balance,
                    List.of(new InvoiceEvent.PartPaymentReceived(id, after.received().orElseThrow(), balance, now)));
        }
        if (status != PAID && total.isAtLeast(due)) {
            boolean afterCancellation = status == CANCELLED;
            DomainEvent event = afterCancellation
                    ? new InvoiceEvent.PaidAfterCancellation(id, after.receipt(), timeToPay(now), now)
                    : new InvoiceEvent.Paid(id, after.receipt(), timeToPay(now), now);
            return new Settlement.Paid(with(PAID).paidAt(now).payments(next).build(), after,
                    total.minusOrZero(due), afterCancellation, List.of(event));
        }
        return new Settlement.ReceiptAdded(with(status).payments(next).build(), after);
    }

    /**
     * From the invoice reaching the customer (or its creation, if no channel ever accepted it) to {@code paidAt};
     * zero rather than negative when clocks disagree.
     */
    private Duration timeToPay(Instant paidAt) {
        Duration taken = Duration.between(sentAt.orElse(createdAt), paidAt);
        return taken.isNegative() ? Duration.ZERO : taken;
    }

    private Payment attempt(PaymentId paymentId) {
        return payment(paymentId).orElseThrow(
                () -> new IllegalArgumentException("invoice " + id + " has no payment " + paymentId));
    }

    private List<Payment> plus(Payment added) {
        List<Payment> next = new ArrayList<>(payments);
        next.add(added);
        return next;
    }

    private List<Payment> replaced(Payment changed) {
        return payments.stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList();
    }

    private Invoice withPayments(List<Payment> next) {
        return with(status).payments(next).build();
    }

    /** The same invoice as stored at {@code newVersion}; used by repositories after a successful write. */
    public Invoice withVersion(long newVersion) {
        return new Invoice(id, customer, amount, description, status, payToken, createdAt, sentAt, paidAt,
                cancelledAt, deliveryChannel, reminderCount, lastRemindedAt, payments, paidOutside, dueDate, language,
                newVersion);
    }

    private static InvoiceOutcome applied(Invoice next, InvoiceEvent event) {
        return new InvoiceOutcome.Applied(next, event);
    }

    private Builder with(InvoiceStatus nextStatus) {
        return new Builder(this, nextStatus);
    }

    private static final class Builder {
        private final Invoice from;
        private final InvoiceStatus status;
        private Optional<Instant> sentAt;
        private Optional<Instant> paidAt;
        private Optional<Instant> cancelledAt;
        private Optional<Channel> channel;
        private int reminderCount;
        private Optional<Instant> lastRemindedAt;
        private List<Payment> payments;
        private List<PaidOutside> paidOutside;

        private Builder(Invoice from, InvoiceStatus status) {
            this.from = from;
            this.status = status;
            this.sentAt = from.sentAt;
            this.paidAt = from.paidAt;
            this.cancelledAt = from.cancelledAt;
            this.channel = from.deliveryChannel;
            this.reminderCount = from.reminderCount;
            this.lastRemindedAt = from.lastRemindedAt;
            this.payments = from.payments;
            this.paidOutside = from.paidOutside;
        }

        Builder sentAt(Instant at) {
            sentAt = sentAt.isPresent() ? sentAt : Optional.of(at);
            return this;
        }

        Builder paidAt(Instant at) {
            paidAt = Optional.of(at);
            return this;
        }

        Builder unpaid() {
            paidAt = Optional.empty();
            return this;
        }

        Builder cancelledAt(Instant at) {
            cancelledAt = Optional.of(at);
            return this;
        }

        Builder channel(Channel c) {
            channel = Optional.of(c);
            return this;
        }

        Builder reminded(int count, Instant at) {
            reminderCount = count;
            lastRemindedAt = Optional.of(at);
            return this;
        }

        Builder paidOutside(List<PaidOutside> outside) {
            paidOutside = outside;
            return this;
        }

        Builder payments(List<Payment> next) {
            payments = next;
            return this;
        }

        Invoice build() {
            return new Invoice(from.id, from.customer, from.amount, from.description, status, from.payToken,
                    from.createdAt, sentAt, paidAt, cancelledAt, channel, reminderCount, lastRemindedAt, payments,
                    paidOutside, from.dueDate, from.language, from.version);
        }
    }
}
