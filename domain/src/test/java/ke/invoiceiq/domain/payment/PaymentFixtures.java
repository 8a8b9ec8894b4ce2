package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** Test data for STK attempts: one invoice, one payer, attempts in any status at any time. */
final class PaymentFixtures {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final InvoiceId INVOICE = new InvoiceId("INV-7K3Q9X");
    static final Msisdn PAYER = new Msisdn("254708374149");
    static final Amount AMOUNT = Amount.ofShillings(2_500);
    static final MerchantRequestId MERCHANT_REQUEST = new MerchantRequestId("22205-34066-1");
    static final CheckoutRequestId CHECKOUT_REQUEST = new CheckoutRequestId("ws_CO_13012021093521236557");
    static final MpesaReceipt RECEIPT = new MpesaReceipt("NLJ7RT61SV");
    static final StkResult SUCCESS = new StkResult(0, "The service request is processed successfully.");
    static final StkResult CANCELLED_BY_USER = new StkResult(1032, "Request cancelled by user");

    private PaymentFixtures() {
    }

    static Payment initiated(String id, Instant at) {
        return Payment.initiate(new PaymentId(id), INVOICE, PAYER, AMOUNT, new IdempotencyKey("key-" + id), at);
    }

    static Payment initiated() {
        return initiated("pay-1", T0);
    }

    static Payment accepted(String id, Instant at) {
        return initiated(id, at).accepted(MERCHANT_REQUEST, CHECKOUT_REQUEST, at);
    }

    /** An attempt that ended {@code status} at {@code endedAt} (started a little earlier). */
    static Payment endedAt(String id, PaymentStatus status, Instant endedAt) {
        Payment started = accepted(id, endedAt.minusSeconds(30));
        return switch (status) {
            case INITIATED -> started;
            case SUCCESS -> started.succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(endedAt), endedAt);
            case FAILED -> started.failed(CANCELLED_BY_USER, endedAt);
            case EXPIRED -> started.expired(endedAt);
        };
    }
}
