package ke.invoiceiq.application.invoice;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.payment.IdempotencyKey;

/**
 * Bill a customer and send them the invoice.
 *
 * @param customer    a phone number, or the name of a customer invoiced before
 * @param name        the name to remember for that number (the guided flow's optional step)
 * @param dueDate     the day it is due (today or later, in Nairobi); empty for the merchant's default terms
 * @param key         the same key means the same request: a repeat returns the invoice the first one created and
 *                    creates no second one (the REST API's Idempotency-Key)
 * @param language    the language to write to the customer in ({@code invoice … sw}); empty, the customer's
 *                    language in the directory, else the configured default
 */
public record CreateInvoiceCommand(CustomerRef customer, Optional<CustomerName> name, Amount amount,
        Description description, Optional<IdempotencyKey> key, Optional<Language> language,
        Optional<LocalDate> dueDate) {

    public CreateInvoiceCommand {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(language, "language");
    }

    /** A request that names no language and no due date of its own (the merchant's default terms apply). */
    public CreateInvoiceCommand(CustomerRef customer, Optional<CustomerName> name, Amount amount,
            Description description, Optional<IdempotencyKey> key) {
        this(customer, name, amount, description, key, Optional.empty(), Optional.empty());
    }

    /** A request without a key (the chat: its own de-duplication is by the provider's message id). */
    public CreateInvoiceCommand(CustomerRef customer, Optional<CustomerName> name, Amount amount,
            Description description) {
        this(customer, name, amount, description, Optional.empty());
    }
}
