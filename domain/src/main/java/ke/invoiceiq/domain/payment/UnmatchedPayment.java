package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;

/**
 * Money M-PESA reported that matches no payment attempt: not by CheckoutRequestID, not by MerchantRequestID, not
 * by payer, amount and time; or money paid to the merchant's Paybill or Till (C2B) that names no invoice, or fits
 * none or several by amount and time. A C2B payment has no CheckoutRequestID ({@code checkoutRequestId} is empty);
 * its receipt (the M-PESA {@code TransID}) is what makes it unique. It is never dropped: it stays OPEN, counted and shown to the merchant and in the REST
 * API, until it is applied to an invoice (by an operator, or automatically when its attempt turns up after all).
 * Its own aggregate, under its own version.
 */
public record UnmatchedPayment(
        UnmatchedPaymentId id,
        Optional<CheckoutRequestId> checkoutRequestId,
        Optional<MerchantRequestId> merchantRequestId,
        Optional<MpesaReceipt> receipt,
        Optional<Money> amount,
        Optional<Msisdn> payer,
        Optional<Instant> transactionTime,
        Instant receivedAt,
        Status status,
        Optional<InvoiceId> appliedTo,
        Optional<Instant> resolvedAt,
        long version) {

    public enum Status {
        OPEN,
        APPLIED
    }

    public UnmatchedPayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkoutRequestId, "checkoutRequestId");
        Objects.requireNonNull(merchantRequestId, "merchantRequestId");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(transactionTime, "transactionTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(appliedTo, "appliedTo");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (checkoutRequestId.isEmpty() && receipt.isEmpty()) {
            throw new IllegalArgumentException("money with no CheckoutRequestID is known by its receipt");
        }
        if ((status == Status.APPLIED) != appliedTo.isPresent() || appliedTo.isPresent() != resolvedAt.isPresent()) {
            throw new IllegalArgumentException("an applied payment names its invoice and when, an open one neither");
        }
    }

    /** A successful result that matched nothing, raised as OPEN. */
    public static UnmatchedPayment raise(UnmatchedPaymentId id, PaymentResult result) {
        if (!result.result().isSuccess()) {
            throw new IllegalArgumentException("only money is raised: result code " + result.result().code());
        }
        return new UnmatchedPayment(id, Optional.of(result.checkoutRequestId()), result.merchantRequestId(),
                result.receipt(), result.money(), result.phone(), result.transactionTime(), result.receivedAt(),
                Status.OPEN, Optional.empty(), Optional.empty(), 0);
    }

    /**
     * A C2B payment (Paybill or Till) that could not be tied to one invoice, raised as OPEN: no CheckoutRequestID,
     * its {@code TransID} as receipt, and no payer (Safaricom masks the number in C2B callbacks).
     */
    public static UnmatchedPayment raise(UnmatchedPaymentId id, C2bPayment payment) {
        return new UnmatchedPayment(id, Optional.empty(), Optional.empty(), Optional.of(payment.receipt()),
                Optional.of(payment.amount()), Optional.empty(), Optional.of(payment.transactionTime()),
                payment.receivedAt(), Status.OPEN, Optional.empty(), Optional.empty(), 0);
    }

    /** Whether it was paid to the Paybill or Till from the M-PESA menu (C2B), not through an STK prompt. */
    public boolean outsidePrompt() {
        return checkoutRequestId.isEmpty();
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Applied to {@code invoice} at {@code now}. */
    public UnmatchedPayment appliedTo(InvoiceId invoice, Instant now) {
        if (!isOpen()) {
            throw new IllegalStateException("unmatched payment " + id + " was applied already");
        }
        return new UnmatchedPayment(id, checkoutRequestId, merchantRequestId, receipt, amount, payer, transactionTime,
                receivedAt, Status.APPLIED, Optional.of(invoice), Optional.of(now), version);
    }

    /**
     * The result M-PESA reported, to settle the STK attempt it belongs to with.
     *
     * @throws IllegalStateException for C2B money, which belongs to no attempt
     */
    public PaymentResult asResult() {
        CheckoutRequestId checkout = checkoutRequestId.orElseThrow(
                () -> new IllegalStateException("unmatched payment " + id + " was paid outside a prompt"));
        return new PaymentResult(checkout, merchantRequestId, StkResult.of(0),
                amount.map(m -> java.math.BigDecimal.valueOf(m.cents(), 2)), receipt, transactionTime, payer,
                receivedAt);
    }

    public UnmatchedPayment withVersion(long newVersion) {
        return new UnmatchedPayment(id, checkoutRequestId, merchantRequestId, receipt, amount, payer, transactionTime,
                receivedAt, status, appliedTo, resolvedAt, newVersion);
    }
}
