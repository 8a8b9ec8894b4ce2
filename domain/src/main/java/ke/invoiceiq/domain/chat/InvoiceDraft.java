package ke.invoiceiq.domain.chat;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;

/** An invoice being put together in the guided flow: each part filled in as the merchant answers. */
public record InvoiceDraft(Optional<CustomerRef> customer, Optional<CustomerName> name, Optional<Amount> amount,
        Optional<Description> description, Optional<LocalDate> dueDate) {

    public static final InvoiceDraft EMPTY =
            new InvoiceDraft(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public InvoiceDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    /** A draft with no due date chosen (the merchant's default terms apply when it is sent). */
    public InvoiceDraft(Optional<CustomerRef> customer, Optional<CustomerName> name, Optional<Amount> amount,
            Optional<Description> description) {
        this(customer, name, amount, description, Optional.empty());
    }

    public boolean isComplete() {
        return customer.isPresent() && amount.isPresent() && description.isPresent();
    }

    public InvoiceDraft withCustomer(CustomerRef ref) {
        return new InvoiceDraft(Optional.of(ref), name, amount, description, dueDate);
    }

    public InvoiceDraft withName(Optional<CustomerName> newName) {
        return new InvoiceDraft(customer, newName, amount, description, dueDate);
    }

    public InvoiceDraft withAmount(Amount newAmount) {
        return new InvoiceDraft(customer, name, Optional.of(newAmount), description, dueDate);
    }

    public InvoiceDraft withDescription(Description newDescription) {
        return new InvoiceDraft(customer, name, amount, Optional.of(newDescription), dueDate);
    }

    /** The day the merchant chose in the guided flow or typed in the command, already checked against today. */
    public InvoiceDraft withDueDate(Optional<LocalDate> newDueDate) {
        return new InvoiceDraft(customer, name, amount, description, newDueDate);
    }
}
