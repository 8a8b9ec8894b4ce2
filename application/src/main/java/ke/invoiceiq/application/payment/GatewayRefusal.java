package ke.invoiceiq.application.payment;

import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayRejected;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.GatewayUnavailable;
import ke.invoiceiq.application.payment.RequestPaymentOutcome.PayerBusy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;

/** The results kept on an attempt the gateway refused before any prompt went out, and the answer each gave. */
final class GatewayRefusal {

    private GatewayRefusal() {
    }

    static StkResult busy() {
        return new StkResult(StkReason.SUBSCRIBER_BUSY.code(),
                "Unable to lock subscriber, a transaction is already in process");
    }

    static StkResult unavailable(String reason) {
        return new StkResult(StkReason.UNAVAILABLE.code(), reason);
    }

    static StkResult rejected(String reason) {
        return new StkResult(StkReason.REJECTED.code(), reason);
    }

    /** The answer first given for an attempt refused with {@code result}. */
    static RequestPaymentOutcome outcome(Invoice invoice, StkResult result) {
        return switch (result.reason()) {
            case SUBSCRIBER_BUSY -> new PayerBusy(invoice);
            case REJECTED -> new GatewayRejected(invoice);
            default -> new GatewayUnavailable(invoice);
        };
    }
}
