package ke.invoiceiq.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;

/**
 * One STK push attempt for an invoice: part of the invoice aggregate, changed only through
 * {@link ke.invoiceiq.domain.invoice.Invoice}'s transitions and stored with the invoice under its version.
 * INITIATED is written (and committed) before the push is requested, so a crash can never leave a push we do
 * not know about.
 *
 * <p>An attempt stays INITIATED while its outcome is unknown: Daraja has not named it yet (the push is on its
 * way, timed out, or failed with a 5xx that may still have raised a prompt), or it was named and M-PESA has not
 * said how it ended. Only M-PESA's answer (callback or query), a refusal on the spot, or the reconciler giving up
 * ({@link StkReason#NO_ANSWER}) ends it. A success is accepted in any state: late money wins over our guess.
 *
 * <p>{@code amount} is what the push asked for (the invoice's balance at the time); {@code received} is what
 * M-PESA reported on success (the asked amount when only a query told us). {@code queries} counts the inconclusive
 * STK queries the reconciler has made, the last at {@code lastQueriedAt}; they decide when the next query is due.
 */
public record Payment(
        PaymentId id,
        InvoiceId invoiceId,
        Msisdn payer,
        Amount amount,
        IdempotencyKey idempotencyKey,
        PaymentStatus status,
        Optional<MerchantRequestId> merchantRequestId,
        Optional<CheckoutRequestId> checkoutRequestId,
        Optional<StkResult> result,
        Optional<MpesaReceipt> receipt,
        Optional<Instant> transactionTime,
        Optional<Money> received,
        Instant createdAt,
        Instant updatedAt,
        int queries,
        Optional<Instant> lastQueriedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(merchantRequestId, "merchantRequestId");
        Objects.requireNonNull(checkoutRequestId, "checkoutRequestId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(transactionTime, "transactionTime");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastQueriedAt, "lastQueriedAt");
        if (queries < 0) {
            throw new IllegalArgumentException("queries < 0");
        }
        if ((queries == 0) != lastQueriedAt.isEmpty()) {
            throw new IllegalArgumentException("lastQueriedAt must be present exactly when queries > 0");
        }
        if ((status == PaymentStatus.SUCCESS) != received.isPresent()) {
            throw new IllegalArgumentException("an attempt has money received exactly when it succeeded");
        }
        if (status != PaymentStatus.INITIATED && result.isEmpty()) {
            throw new IllegalArgumentException("an ended attempt has a result");
        }
    }

    public static Payment initiate(PaymentId id, InvoiceId invoiceId, Msisdn payer, Amount amount,
            IdempotencyKey key, Instant now) {
        return new Payment(id, invoiceId, payer, amount, key, PaymentStatus.INITIATED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now, 0,
                Optional.empty());
    }

    /**
     * A payment M-PESA reported that matched no attempt, applied to an invoice by an operator: an attempt that
     * succeeded the moment it is recorded.
     */
    public static Payment receivedWithoutAttempt(PaymentId id, InvoiceId invoiceId, Msisdn payer, Amount asked,
            IdempotencyKey key, Optional<MerchantRequestId> merchantRequest, Optional<CheckoutRequestId> checkout,
            Optional<MpesaReceipt> receipt, Optional<Instant> transactionTime, Money received, Instant now) {
        return new Payment(id, invoiceId, payer, asked, key, PaymentStatus.SUCCESS, merchantRequest, checkout,
                Optional.of(StkResult.of(0)), receipt, transactionTime, Optional.of(received), now, now, 0,
                Optional.empty());
    }

    /** Daraja's names for this push, which a callback or query refers to. Recorded once, whatever the status. */
    public Payment named(MerchantRequestId merchantRequest, CheckoutRequestId checkoutRequest, Instant now) {
        return named(Optional.of(merchantRequest), checkoutRequest, now);
    }

    /** As {@link #named(MerchantRequestId, CheckoutRequestId, Instant)}, from a result that may lack the first. */
    public Payment named(Optional<MerchantRequestId> merchantRequest, CheckoutRequestId checkoutRequest, Instant now) {
        if (checkoutRequestId.isPresent()) {
            return this;
        }
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, status, merchantRequest,
                Optional.of(checkoutRequest), result, receipt, transactionTime, received, createdAt, now, queries,
                lastQueriedAt);
    }

    /** M-PESA says the money moved: also after FAILED or EXPIRED, a late callback with money in it wins. */
    public Payment succeeded(StkResult stk, Optional<MpesaReceipt> paidWith, Optional<Instant> at, Money money,
            Instant now) {
        if (!stk.isSuccess()) {
            throw new IllegalArgumentException("not a success result: " + stk.code());
        }
        if (status == PaymentStatus.SUCCESS) {
            throw new IllegalStateException("payment " + id + " already succeeded");
        }
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.SUCCESS, merchantRequestId,
                checkoutRequestId, Optional.of(stk), paidWith, at, Optional.of(money), createdAt, now, queries,
                lastQueriedAt);
    }

    /**
     * A later report of a success already recorded (a callback after the query settled it): it brings the receipt,
     * the transaction time and the amount M-PESA really moved.
     */
    public Payment completedWith(Optional<MpesaReceipt> paidWith, Optional<Instant> at, Optional<Money> money,
            Instant now) {
        requireStatus(PaymentStatus.SUCCESS, "complete");
        Payment next = new Payment(id, invoiceId, payer, amount, idempotencyKey, status, merchantRequestId,
                checkoutRequestId, result, receipt.or(() -> paidWith), transactionTime.or(() -> at),
                money.or(() -> received), createdAt, updatedAt, queries, lastQueriedAt);
        return next.equals(this) ? this : next.touched(now);
    }

    /** M-PESA says this attempt ended without money, or Daraja refused it on the spot. */
    public Payment failed(StkResult stk, Instant now) {
        requireStatus(PaymentStatus.INITIATED, "fail");
        if (stk.isSuccess()) {
            throw new IllegalArgumentException("a success is no failure");
        }
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.FAILED, merchantRequestId,
                checkoutRequestId, Optional.of(stk), receipt, transactionTime, received, createdAt, now, queries,
                lastQueriedAt);
    }

    /** Given up: M-PESA never said how it ended ({@link StkReason#NO_ANSWER}). */
    public Payment expired(Instant now) {
        requireStatus(PaymentStatus.INITIATED, "expire");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.EXPIRED, merchantRequestId,
                checkoutRequestId, Optional.of(new StkResult(StkReason.NO_ANSWER.code(), "no answer from M-PESA")),
                receipt, transactionTime, received, createdAt, now, queries, lastQueriedAt);
    }

    /** One more query, answered inconclusively (pending or unknown), was made at {@code now}. */
    public Payment queried(Instant now) {
        requireStatus(PaymentStatus.INITIATED, "record a query of");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, status, merchantRequestId,
                checkoutRequestId, result, receipt, transactionTime, received, createdAt, now, queries + 1,
                Optional.of(now));
    }

    /**
     * Whether the reconciler should query this attempt now: only an attempt in flight that Daraja named can be
     * asked about. The first query is due {@code queryAfter} after the attempt was created; after each
     * inconclusive one the wait doubles, from {@code queryAfter}, up to {@code maxBackoff}: with 60 s and 2 min,
     * at 60 s, 120 s, 240 s, 360 s, 480 s… Expiry does not depend on it.
     */
    public boolean queryDue(Instant now, Duration queryAfter, Duration maxBackoff) {
        if (!isInFlight() || checkoutRequestId.isEmpty()) {
            return false;
        }
        Instant due = queries == 0
                ? createdAt.plus(queryAfter)
                : lastQueriedAt.orElseThrow().plus(backoffAfter(queries, queryAfter, maxBackoff));
        return !now.isBefore(due);
    }

    /** The wait after the {@code queries}-th inconclusive query: queryAfter × 2^(queries − 1), at most maxBackoff. */
    static Duration backoffAfter(int queries, Duration queryAfter, Duration maxBackoff) {
        Duration wait = queryAfter;
        for (int n = 1; n < queries && wait.compareTo(maxBackoff) < 0; n++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * Whether M-PESA can be asked about this attempt now, on demand (an operator's re-query): only an attempt still
     * in flight that Daraja named. Unlike {@link #queryDue}, no wait applies: the operator decides when.
     */
    public boolean isQueryable() {
        return isInFlight() && isNamed();
    }

    public boolean isInFlight() {
        return status == PaymentStatus.INITIATED;
    }

    public boolean succeeded() {
        return status == PaymentStatus.SUCCESS;
    }

    /** Whether Daraja ever named this push (its CheckoutRequestID is known), so a callback or query can find it. */
    public boolean isNamed() {
        return checkoutRequestId.isPresent();
    }

    /** Why it ended without money: M-PESA's reason, a refusal on the spot, or no answer. Empty while in flight. */
    public Optional<StkReason> endReason() {
        return status == PaymentStatus.INITIATED || status == PaymentStatus.SUCCESS
                ? Optional.empty()
                : Optional.of(result.map(StkResult::reason).orElse(StkReason.OTHER));
    }

    private Payment touched(Instant now) {
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, status, merchantRequestId,
                checkoutRequestId, result, receipt, transactionTime, received, createdAt, now, queries,
                lastQueriedAt);
    }

    private void requireStatus(PaymentStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " payment " + id + " in status " + status);
        }
    }
}
