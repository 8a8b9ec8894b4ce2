package ke.invoiceiq.domain.command;

import java.util.Objects;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.Text;

/** Who a merchant means: a phone number, or the name of a customer invoiced before (looked up later). */
public sealed interface CustomerRef {

    record ByPhone(Msisdn msisdn) implements CustomerRef {
        public ByPhone {
            Objects.requireNonNull(msisdn, "msisdn");
        }
    }

    record ByName(String name) implements CustomerRef {
        public ByName {
            name = Text.squash(name);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
        }
    }
}
