package ke.invoiceiq.domain.chat;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;

/**
 * An invoice being put together in the guided flow: each part filled in as the merchant answers. {@code language}
 * is the customer's language when the merchant named one ({@code invoice … sw}); empty, the application chooses.
 * {@code dueDate} is the day the merchant chose; empty, the merchant's default terms apply when it is sent.
 */
public record InvoiceDraft(Optional<CustomerRef> customer, Optional<CustomerName> name, Optional<Amount> amount,
        Optional<Description> description, Optional<Language> language, Optional<LocalDate> dueDate) {

    public static final InvoiceDraft EMPTY = new InvoiceDraft(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public InvoiceDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    /** A draft with no language named and no due date chosen. */
    public InvoiceDraft(Optional<CustomerRef> customer, Optional<CustomerName> name, Optional<Amount> amount,
            Optional<Description> description) {
        this(customer, name, amount, description, Optional.empty(), Optional.empty());
    }

    public boolean isComplete() {
        return customer.isPresent() && amount.isPresent() && description.isPresent();
    }

    public InvoiceDraft withCustomer(CustomerRef ref) {
        return new InvoiceDraft(Optional.of(ref), name, amount, description, language, dueDate);
    }

    public InvoiceDraft withName(Optional<CustomerName> newName) {
        return new InvoiceDraft(customer, newName, amount, description, language, dueDate);
    }

    public InvoiceDraft withAmount(Amount newAmount) {
        return new InvoiceDraft(customer, name, Optional.of(newAmount), description, language, dueDate);
    }

    public InvoiceDraft withDescription(Description newDescription) {
        return new InvoiceDraft(customer, name, amount, Optional.of(newDescription), language, dueDate);
    }

    public InvoiceDraft withLanguage(Optional<Language> newLanguage) {
        return new InvoiceDraft(customer, name, amount, description, newLanguage, dueDate);
    }

    /** The day the merchant chose in the guided flow or typed in the command, already checked against today. */
    public InvoiceDraft withDueDate(Optional<LocalDate> newDueDate) {
        return new InvoiceDraft(customer, name, amount, description, language, newDueDate);
    }
}
