package ke.invoiceiq.application.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** What came of one inbound message. */
public sealed interface HandleInboundMessageOutcome {

    /** Seen before (a webhook redelivery): nothing was done. */
    record Duplicate() implements HandleInboundMessageOutcome {
    }

    /**
     * Sent longer ago than de-duplication marks are kept: it may have been handled already, and its mark purged since
     * (a replayed webhook), so nothing was done, not even marking it.
     */
    record TooOld() implements HandleInboundMessageOutcome {
    }

    /** No phone number came with it (a WhatsApp username): we cannot tell who would pay, so nothing is done. */
    record Unidentified() implements HandleInboundMessageOutcome {
    }

    /** It could not be handled: the sender was asked to send it again ({@code replied} is false without a number). */
    record GaveUp(boolean replied) implements HandleInboundMessageOutcome {
    }

    /** From a merchant's staff number: the conversation moved on; {@code replies} messages are queued. */
    record HandledForMerchant(List<InvoiceId> invoicesCreated, int replies) implements HandleInboundMessageOutcome {
        public HandledForMerchant {
            invoicesCreated = List.copyOf(invoicesCreated);
        }
    }

    /** From anyone else: what they asked for, and the payment outcome when they asked to pay. */
    record HandledForCustomer(CustomerRequest request, Optional<RequestPaymentOutcome> payment)
            implements HandleInboundMessageOutcome {
        public HandledForCustomer {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(payment, "payment");
        }
    }
}
