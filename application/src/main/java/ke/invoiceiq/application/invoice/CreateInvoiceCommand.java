package ke.invoiceiq.application.invoice;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;

/**
 * Bill a customer and send them the invoice.
 *
 * @param customer    a phone number, or the name of a customer invoiced before
 * @param name        the name to remember for that number (the guided flow's optional step)
 */
public record CreateInvoiceCommand(CustomerRef customer, Optional<CustomerName> name, Amount amount,
        Description description) {

    public CreateInvoiceCommand {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
    }
}
