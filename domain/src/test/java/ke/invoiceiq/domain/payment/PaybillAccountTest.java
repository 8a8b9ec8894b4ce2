package ke.invoiceiq.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The account number a customer types on the M-PESA menu, read as an invoice id: what is forgiven, what is not. */
class PaybillAccountTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "INV-7K3Q9X     | INV-7K3Q9X",
        "inv-7k3q9x     | INV-7K3Q9X",
        "INV 7K3Q9X     | INV-7K3Q9X",
        "7K3Q9X         | INV-7K3Q9X",
        "7k3q9x         | INV-7K3Q9X",
        "' inv7k3q9x '  | INV-7K3Q9X",
        "#INV-7K3Q9X    | INV-7K3Q9X",
        "INV_7K3Q9X     | INV-7K3Q9X",
        "inv.7k3q9x     | INV-7K3Q9X",
        "7K3 Q9X        | INV-7K3Q9X",
        "INV-7K3Q9O     | INV-7K3Q90",
        "INV-1L1I00     | INV-111100",
        "INV-7K3Q9      | none",
        "7K3Q9XX        | none",
        "INV-7K3Q9XY    | none",
        "INV-7K3U9X     | none",
        "0712345678     | none",
        "''             | none",
        "INVOICE        | none",
        "INV-7K3Q9!     | none",
    })
    void givenWhatACustomerTyped_whenReadAsAnAccount_thenItNamesTheInvoiceOrNothing(String typed, String expected) {
        assertThat(PaybillAccount.invoiceNamed(typed)).isEqualTo(Optional.ofNullable(expected).map(InvoiceId::new));
    }

    @org.junit.jupiter.api.Test
    void givenNoAccountAtAll_whenRead_thenItNamesNothing() {
        assertThat(PaybillAccount.invoiceNamed(null)).isEmpty();
    }
}
