package ke.invoiceiq.domain.payment;

import java.util.Objects;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;

/** What the gateway needs to raise a prompt on the payer's phone; the invoice id is the account reference. */
public record StkPushRequest(PaymentId paymentId, Msisdn payer, Amount amount, InvoiceId accountReference) {
    public StkPushRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(accountReference, "accountReference");
    }
}
