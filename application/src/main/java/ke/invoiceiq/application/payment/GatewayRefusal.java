package ke.invoiceiq.application.payment;

import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayRejected;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayUnavailable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.PayerBusy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * The result codes kept on an attempt the gateway refused before any prompt went out. M-PESA's own codes are
 * never negative, so these cannot be mistaken for a callback's; 1001 is M-PESA's "subscriber busy".
 */
final class GatewayRefusal {

    static final int SUBSCRIBER_BUSY = 1001;
    static final int UNAVAILABLE = -1;
    static final int REJECTED = -2;

    private GatewayRefusal() {
    }

    static StkResult busy() {
        return new StkResult(SUBSCRIBER_BUSY, "Unable to lock subscriber, a transaction is already in process");
    }

    static StkResult unavailable(String reason) {
        return new StkResult(UNAVAILABLE, reason);
    }

    static StkResult rejected(String reason) {
        return new StkResult(REJECTED, reason);
    }

    /** The answer first given for an attempt refused with {@code result}. */
    static RequestPaymentOutcome outcome(Invoice invoice, StkResult result) {
        return switch (result.code()) {
            case SUBSCRIBER_BUSY -> new PayerBusy(invoice);
            case REJECTED -> new GatewayRejected(invoice);
            default -> new GatewayUnavailable(invoice);
        };
    }
}
