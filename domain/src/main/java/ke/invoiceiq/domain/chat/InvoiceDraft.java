package ke.invoiceiq.domain.chat;

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
 */
public record InvoiceDraft(Optional<CustomerRef> customer, Optional<CustomerName> name, Optional<Amount> amount,
        Optional<Description> description, Optional<Language> language) {

    public static final InvoiceDraft EMPTY = new InvoiceDraft(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public InvoiceDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
    }

    public InvoiceDraft(Optional<CustomerRef> customer, Optional<CustomerName> name, Optional<Amount> amount,
            Optional<Description> description) {
        this(customer, name, amount, description, Optional.empty());
    }

    public boolean isComplete() {
        return customer.isPresent() && amount.isPresent() && description.isPresent();
    }

    public InvoiceDraft withCustomer(CustomerRef ref) {
        return new InvoiceDraft(Optional.of(ref), name, amount, description, language);
    }

    public InvoiceDraft withName(Optional<CustomerName> newName) {
        return new InvoiceDraft(customer, newName, amount, description, language);
    }

    public InvoiceDraft withAmount(Amount newAmount) {
        return new InvoiceDraft(customer, name, Optional.of(newAmount), description, language);
    }

    public InvoiceDraft withDescription(Description newDescription) {
        return new InvoiceDraft(customer, name, amount, Optional.of(newDescription), language);
    }

    public InvoiceDraft withLanguage(Optional<Language> newLanguage) {
        return new InvoiceDraft(customer, name, amount, description, newLanguage);
    }
}
