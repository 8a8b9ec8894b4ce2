package ke.invoiceiq.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

class InvoiceCursorTest {

    private static final Instant T = Instant.parse("2026-03-02T06:00:00Z");

    private static Invoice invoice(String id, Instant createdAt) {
        return Invoice.issue(new InvoiceId(id), Customer.of(new Msisdn("254712345678")), Amount.ofShillings(100),
                new Description("Cleaning"), new PayToken("cursor-test-token-" + id.substring(4) + "xxxx"), createdAt);
    }

    @Test
    void precedesWhatIsOlderOrEquallyOldWithASmallerId() {
        InvoiceCursor cursor = InvoiceCursor.after(invoice("INV-00000B", T));

        assertThat(cursor.precedes(invoice("INV-00000Z", T.minusNanos(1)))).as("older").isTrue();
        assertThat(cursor.precedes(invoice("INV-00000A", T))).as("same time, smaller id").isTrue();
        assertThat(cursor.precedes(invoice("INV-00000B", T))).as("itself").isFalse();
        assertThat(cursor.precedes(invoice("INV-00000C", T))).as("same time, larger id").isFalse();
        assertThat(cursor.precedes(invoice("INV-000001", T.plusNanos(1)))).as("newer").isFalse();
    }
}
