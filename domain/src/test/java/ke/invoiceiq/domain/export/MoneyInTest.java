package ke.invoiceiq.domain.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import org.junit.jupiter.api.Test;

class MoneyInTest {

    private static final Instant AT = Instant.parse("2026-01-20T09:30:00Z");
    private static final InvoiceId INVOICE = new InvoiceId("INV-7K3Q9X");

    @Test
    void givenUnmatchedMoney_whenItNamesAnInvoice_thenRefusedAndMatchedMoneyMustNameOne() {
        assertThatThrownBy(() -> new MoneyIn("U:u-1", MoneyIn.Kind.MPESA_UNMATCHED, AT, Optional.of(INVOICE),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MoneyIn("M:p-1", MoneyIn.Kind.MPESA, AT, Optional.empty(),
                Optional.of(Money.ofShillings(1)), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenMoneyOfAnInvoiceWithoutAnAmount_whenMade_thenRefused() {
        assertThatThrownBy(() -> new MoneyIn("M:p-1", MoneyIn.Kind.MPESA, AT, Optional.of(INVOICE),
                Optional.empty(), Optional.empty(), Optional.of(new Msisdn("254712345678")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenMoneyOutsideMpesa_whenItHasAPayerOrNoMethod_thenRefused() {
        assertThatThrownBy(() -> new MoneyIn("O:x", MoneyIn.Kind.OUTSIDE, AT, Optional.of(INVOICE),
                Optional.of(Money.ofShillings(1)), Optional.empty(), Optional.of(new Msisdn("254712345678")),
                Optional.of(PaidOutside.Method.CASH))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MoneyIn("O:x", MoneyIn.Kind.OUTSIDE, AT, Optional.of(INVOICE),
                Optional.of(Money.ofShillings(1)), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenACursor_whenCompared_thenLaterTimesAndAtTheSameTimeGreaterKeysAreAfterIt() {
        MoneyIn money = MoneyIn.unmatched("u-2", AT, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(money.isAfter(new MoneyInCursor(AT.minusSeconds(1), "U:u-9"))).isTrue();
        assertThat(money.isAfter(new MoneyInCursor(AT, "U:u-1"))).isTrue();
        assertThat(money.isAfter(new MoneyInCursor(AT, "U:u-2"))).isFalse();
        assertThat(money.isAfter(new MoneyInCursor(AT, "U:u-3"))).isFalse();
        assertThat(money.isAfter(new MoneyInCursor(AT.plusSeconds(1), "A"))).isFalse();
    }
}
