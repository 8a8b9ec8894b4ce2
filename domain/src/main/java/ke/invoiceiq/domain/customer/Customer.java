package ke.invoiceiq.domain.customer;

import java.util.Objects;
import java.util.Optional;

/** Someone a merchant invoices: the number that pays, and the name the merchant knows them by. */
public record Customer(Msisdn msisdn, Optional<CustomerName> name) {
    public Customer {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(name, "name");
    }

    public static Customer of(Msisdn msisdn) {
        return new Customer(msisdn, Optional.empty());
    }

    public static Customer of(Msisdn msisdn, CustomerName name) {
        return new Customer(msisdn, Optional.of(name));
    }
}
