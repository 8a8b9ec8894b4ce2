package ke.invoiceiq.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * One STK push attempt for an invoice. INITIATED is written (and committed) before the push is requested,
 * so a crash can never leave a push we do not know about.
 *
 * <p>{@code queries} counts the inconclusive STK queries the reconciler has made about the attempt, the last at
 * {@code lastQueriedAt}; they decide when the next query is due ({@link #queryDue}).
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
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastQueriedAt, "lastQueriedAt");
        if (queries < 0) {
            throw new IllegalArgumentException("queries < 0");
        }
        if ((queries == 0) != lastQueriedAt.isEmpty()) {
            throw new IllegalArgumentException("lastQueriedAt must be present exactly when queries > 0");
        }
    }

    /** An attempt never queried. */
    public Payment(PaymentId id, InvoiceId invoiceId, Msisdn payer, Amount amount, IdempotencyKey idempotencyKey,
            PaymentStatus status, Optional<MerchantRequestId> merchantRequestId,
            Optional<CheckoutRequestId> checkoutRequestId, Optional<StkResult> result, Optional<MpesaReceipt> receipt,
            Optional<Instant> transactionTime, Instant createdAt, Instant updatedAt) {
        this(id, invoiceId, payer, amount, idempotencyKey, status, merchantRequestId, checkoutRequestId, result,
                receipt, transactionTime, createdAt, updatedAt, 0, Optional.empty());
    }

    public static Payment initiate(PaymentId id, InvoiceId invoiceId, Msisdn payer, Amount amount,
            IdempotencyKey key, Instant now) {
        return new Payment(id, invoiceId, payer, amount, key, PaymentStatus.INITIATED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    /** Daraja accepted the push and named it; the result comes later. */
    public Payment accepted(MerchantRequestId merchantRequest, CheckoutRequestId checkoutRequest, Instant now) {
        requireStatus(PaymentStatus.INITIATED, "accept");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, status, Optional.of(merchantRequest),
                Optional.of(checkoutRequest), result, receipt, transactionTime, createdAt, now,
                queries, lastQueriedAt);
    }

    /**
     * M-PESA says the money moved. Also valid after FAILED or EXPIRED: a late callback with money in it wins
     * over our own guess.
     */
    public Payment succeeded(StkResult stk, Optional<MpesaReceipt> paidWith, Optional<Instant> at, Instant now) {
        if (!stk.isSuccess()) {
            throw new IllegalArgumentException("not a success result: " + stk.code());
        }
        if (status == PaymentStatus.SUCCESS) {
            throw new IllegalStateException("payment " + id + " already succeeded");
        }
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.SUCCESS, merchantRequestId,
                checkoutRequestId, Optional.of(stk), paidWith, at, createdAt, now, queries,
                lastQueriedAt);
    }

    /** M-PESA (or Daraja, synchronously) says this attempt ended without money. */
    public Payment failed(StkResult stk, Instant now) {
        requireStatus(PaymentStatus.INITIATED, "fail");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.FAILED, merchantRequestId,
                checkoutRequestId, Optional.of(stk), receipt, transactionTime, createdAt, now,
                queries, lastQueriedAt);
    }

    /** No answer within the reconciliation window. */
    public Payment expired(Instant now) {
        requireStatus(PaymentStatus.INITIATED, "expire");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.EXPIRED, merchantRequestId,
                checkoutRequestId, Optional.of(StkResult.of(1019)), receipt, transactionTime, createdAt, now,
                queries, lastQueriedAt);
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

    /** One more query, answered inconclusively (pending or unknown), was made at {@code now}. */
    public Payment queried(Instant now) {
        requireStatus(PaymentStatus.INITIATED, "record a query of");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, status, merchantRequestId,
                checkoutRequestId, result, receipt, transactionTime, createdAt, now, queries + 1, Optional.of(now));
    }

    public boolean isInFlight() {
        return status == PaymentStatus.INITIATED;
    }

    private void requireStatus(PaymentStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " payment " + id + " in status " + status);
        }
    }
}
