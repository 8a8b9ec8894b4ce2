package ke.invoiceiq.application.payment;

import java.time.Instant;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.payment.Payment;

/** What came of a payment request; the driving adapter turns it into a reply, a page or an HTTP answer. */
public sealed interface RequestPaymentOutcome {

    /** The prompt is on its way to the payer's phone. {@code replayed} when this repeats an earlier request. */
    record Initiated(Invoice invoice, Payment payment, boolean replayed) implements RequestPaymentOutcome {
    }

    /**
     * The push was sent and no usable answer came (time-out, connection lost, a 5xx): a prompt may be on the
     * customer's phone. The attempt stays in flight, so no second push can charge them twice; its callback, a query
     * or the reconciler settles it.
     */
    record AwaitingMpesa(Invoice invoice, Payment payment) implements RequestPaymentOutcome {
    }

    /** A prompt for this invoice is already open, or the outcome of the last one is not known yet. */
    record AlreadyInFlight(Invoice invoice, Payment current) implements RequestPaymentOutcome {
    }

    record AlreadyPaid(Invoice invoice) implements RequestPaymentOutcome {
    }

    /** The asker is not the invoiced customer: no push, a polite refusal. */
    record NotYourInvoice(Invoice invoice) implements RequestPaymentOutcome {
    }

    /** Cancelled by the merchant. */
    record NotPayable(Invoice invoice) implements RequestPaymentOutcome {
    }

    /** The last attempt ended moments ago for a reason that asks for a pause; try again after {@code until}. */
    record CoolingDown(Invoice invoice, Instant until) implements RequestPaymentOutcome {
    }

    record InvoiceNotFound() implements RequestPaymentOutcome {
    }

    /** M-PESA says a prompt is already open on that phone (not ours, or not yet known to us). */
    record PayerBusy(Invoice invoice) implements RequestPaymentOutcome {
    }

    /** M-PESA did not take the request now (throttled, down, timed out): the customer may try again shortly. */
    record GatewayUnavailable(Invoice invoice) implements RequestPaymentOutcome {
    }

    /** M-PESA refused the request for good (our configuration); an operator must look. */
    record GatewayRejected(Invoice invoice) implements RequestPaymentOutcome {
    }

    /** The same idempotency key was used before for another invoice. */
    record KeyReused() implements RequestPaymentOutcome {
    }
}
