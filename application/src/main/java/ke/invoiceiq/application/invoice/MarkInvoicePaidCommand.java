package ke.invoiceiq.application.invoice;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PaidOutside;

/**
 * The merchant (in chat) or an operator (through the API) records money received for an invoice outside M-PESA
 * Express: how, how much ({@code amount}; empty for the whole balance), with a note.
 */
public record MarkInvoicePaidCommand(InvoiceId invoiceId, PaidOutside.Method method, Optional<Amount> amount,
        String note) {

    /** The note kept with a recording the merchant made in chat without typing one. */
    public static final String CHAT_NOTE = "Recorded by the merchant in chat";

    public MarkInvoicePaidCommand {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        if (!PaidOutside.isNote(note)) {
            throw new IllegalArgumentException("not a note PaidOutside can keep");
        }
    }

    /** The whole balance. */
    public MarkInvoicePaidCommand(InvoiceId invoiceId, PaidOutside.Method method, String note) {
        this(invoiceId, method, Optional.empty(), note);
    }
}
