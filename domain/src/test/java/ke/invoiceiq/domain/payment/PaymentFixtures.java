package ke.invoiceiq.domain.payment;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;

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

    /** Initiated at {@code at} and named by Daraja at once. */
    static Payment named(String id, Instant at) {
        return initiated(id, at).named(MERCHANT_REQUEST, CHECKOUT_REQUEST, at);
    }

    /**
     * An attempt that ended {@code status} at {@code endedAt} (started a little earlier): a failure is the
     * customer's cancellation (1032), a success received the amount asked.
     */
    static Payment endedAt(String id, PaymentStatus status, Instant endedAt) {
        Payment started = named(id, endedAt.minusSeconds(30));
        return switch (status) {
            case INITIATED -> started;
            case SUCCESS -> started.succeeded(SUCCESS, Optional.of(RECEIPT), Optional.of(endedAt), Money.of(AMOUNT),
                    endedAt);
            case FAILED -> started.failed(CANCELLED_BY_USER, endedAt);
            case EXPIRED -> started.expired(endedAt);
        };
    }

    /** An attempt that ended without money for {@code reason} at {@code endedAt}, the way each reason ends one. */
    static Payment endedFor(String id, StkReason reason, Instant endedAt) {
        if (reason == StkReason.NO_ANSWER) {
            return named(id, endedAt.minusSeconds(30)).expired(endedAt);
        }
        if (reason.refusedBeforePrompt()) {
            return initiated(id, endedAt.minusSeconds(1)).failed(StkResult.of(reason.code()), endedAt);
        }
        return named(id, endedAt.minusSeconds(30)).failed(StkResult.of(codeOf(reason)), endedAt);
    }

    /** A result code that means {@code reason}: its own, or one no row of the table has for OTHER. */
    static int codeOf(StkReason reason) {
        return reason == StkReason.OTHER ? 26 : reason.code();
    }
}
