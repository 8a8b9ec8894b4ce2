package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * One STK push attempt for an invoice. INITIATED is written (and committed) before the push is requested,
 * so a crash can never leave a push we do not know about.
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
        Instant updatedAt) {

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
                Optional.of(checkoutRequest), result, receipt, transactionTime, createdAt, now);
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
                checkoutRequestId, Optional.of(stk), paidWith, at, createdAt, now);
    }

    /** M-PESA (or Daraja, synchronously) says this attempt ended without money. */
    public Payment failed(StkResult stk, Instant now) {
        requireStatus(PaymentStatus.INITIATED, "fail");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.FAILED, merchantRequestId,
                checkoutRequestId, Optional.of(stk), receipt, transactionTime, createdAt, now);
    }

    /** No answer within the reconciliation window. */
    public Payment expired(Instant now) {
        requireStatus(PaymentStatus.INITIATED, "expire");
        return new Payment(id, invoiceId, payer, amount, idempotencyKey, PaymentStatus.EXPIRED, merchantRequestId,
                checkoutRequestId, Optional.of(StkResult.of(1019)), receipt, transactionTime, createdAt, now);
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
