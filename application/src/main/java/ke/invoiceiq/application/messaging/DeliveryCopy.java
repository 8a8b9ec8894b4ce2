package ke.invoiceiq.application.messaging;

import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** The delivery messages COPY.md does not spell out, written in the voice of {@code BotCopy}. */
final class DeliveryCopy {

    private DeliveryCopy() {
    }

    static String invoiceUndeliverable(InvoiceId id, Amount amount, Msisdn to) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") could not be delivered to " + to.value()
                + ".\nCheck the number, then tap Send reminder to try again.";
    }
}
