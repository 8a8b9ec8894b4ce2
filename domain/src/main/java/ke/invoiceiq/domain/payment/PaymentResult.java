package ke.invoiceiq.domain.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Money;

/**
 * How one STK push ended, as M-PESA reported it (callback) or as we learnt it (query). Only a callback
 * carries the receipt, amount and paying number.
 */
public record PaymentResult(
        CheckoutRequestId checkoutRequestId,
        Optional<MerchantRequestId> merchantRequestId,
        StkResult result,
        Optional<BigDecimal> amount,
        Optional<MpesaReceipt> receipt,
        Optional<Instant> transactionTime,
        Optional<Msisdn> phone,
        Instant receivedAt) {

    public PaymentResult {
        Objects.requireNonNull(checkoutRequestId, "checkoutRequestId");
        Objects.requireNonNull(merchantRequestId, "merchantRequestId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(transactionTime, "transactionTime");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The amount M-PESA reported, to the cent; empty when none (a failure, a query) or unusable. */
    public Optional<Money> money() {
        return amount.flatMap(Money::reported);
    }

    /** When the money moved as M-PESA says, else when we heard of it. */
    public Instant paidAround() {
        return transactionTime.orElse(receivedAt);
    }

    /** A result learnt by query: code only. */
    public static PaymentResult fromQuery(CheckoutRequestId id, StkResult result, Instant at) {
        return new PaymentResult(id, Optional.empty(), result, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), at);
    }
}
