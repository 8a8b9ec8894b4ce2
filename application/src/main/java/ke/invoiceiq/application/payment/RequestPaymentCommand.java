package ke.invoiceiq.application.payment;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.payment.IdempotencyKey;

/**
 * A request to raise an STK push for one invoice.
 *
 * @param invoice which invoice: by id (chat, SMS, REST) or by pay token (pay page)
 * @param payer   the number that asked; empty when the asker is not a phone (pay page, REST), in which case the
 *                prompt goes to the invoiced number
 * @param key     the same key means the same request: a repeat returns the first answer and raises no new push
 * @param payFrom another number to send the prompt to, named by an asker that is not a phone (the holder of the pay
 *                link, the API); empty for the invoiced number. A phone that asks ({@code payer}) pays from itself.
 */
public record RequestPaymentCommand(InvoiceRef invoice, Optional<Msisdn> payer, IdempotencyKey key,
        Optional<Msisdn> payFrom) {

    public RequestPaymentCommand {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payFrom, "payFrom");
        if (payer.isPresent() && payFrom.isPresent()) {
            throw new IllegalArgumentException("a phone that asks to pay pays from itself");
        }
    }

    /** The prompt to the invoiced number (or to the phone that asks). */
    public RequestPaymentCommand(InvoiceRef invoice, Optional<Msisdn> payer, IdempotencyKey key) {
        this(invoice, payer, key, Optional.empty());
    }

    public sealed interface InvoiceRef {
        record ById(InvoiceId id) implements InvoiceRef {
        }

        record ByPayToken(PayToken token) implements InvoiceRef {
        }
    }

    public static RequestPaymentCommand byPhone(InvoiceId id, Msisdn payer, IdempotencyKey key) {
        return new RequestPaymentCommand(new InvoiceRef.ById(id), Optional.of(payer), key);
    }
}
