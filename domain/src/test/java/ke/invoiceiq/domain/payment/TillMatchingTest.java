package ke.invoiceiq.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching a Till payment to an open invoice by amount and time: only exactly one candidate is a match. */
class TillMatchingTest {

    private static final Instant PAID = Instant.parse("2026-03-05T10:00:00Z");
    private static final TillMatching RULE = new TillMatching(Duration.ofDays(7));
    private static final Customer CUSTOMER = Customer.of(new Msisdn("254712345678"), new CustomerName("Wanjiru"));

    /** An invoice of {@code shillings}, sent {@code sentBefore} the payment (null: never sent). */
    private static Invoice invoice(String id, long shillings, Duration sentBefore) {
        Instant created = PAID.minus(Duration.ofDays(30));
        Invoice issued = Invoice.issue(new InvoiceId(id), CUSTOMER, Amount.ofShillings(shillings),
                new Description("Work"), new PayToken("q7Zt4mX2bN9vR1kL5sD8wY" + id.substring(8)), created);
        return sentBefore == null ? issued : issued.sendAccepted(Channel.SMS, PAID.minus(sentBefore)).invoice();
    }

    private static Invoice cancelled(Invoice invoice) {
        return invoice.cancel(PAID.minusSeconds(60)).invoice();
    }

    record Row(String name, List<Invoice> open, long paid, Optional<String> match) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> table() {
        Duration hour = Duration.ofHours(1);
        var rows = new ArrayList<Row>();
        rows.add(new Row("one invoice of that balance, sent an hour before -> it",
                List.of(invoice("INV-AAAA01", 2500, hour), invoice("INV-AAAA02", 1000, hour)), 2500,
                Optional.of("INV-AAAA01")));
        rows.add(new Row("two of that balance -> none (a guess)",
                List.of(invoice("INV-AAAA01", 2500, hour), invoice("INV-AAAA02", 2500, Duration.ofDays(2))), 2500,
                Optional.empty()));
        rows.add(new Row("no invoice of that balance -> none",
                List.of(invoice("INV-AAAA01", 2500, hour)), 2000, Optional.empty()));
        rows.add(new Row("a balance is not a near amount: 2,499 for 2,500 -> none",
                List.of(invoice("INV-AAAA01", 2500, hour)), 2499, Optional.empty()));
        rows.add(new Row("sent after the payment -> none",
                List.of(invoice("INV-AAAA01", 2500, Duration.ofHours(-1))), 2500, Optional.empty()));
        rows.add(new Row("sent a minute after (clock skew) -> it",
                List.of(invoice("INV-AAAA01", 2500, Duration.ofMinutes(-1))), 2500, Optional.of("INV-AAAA01")));
        rows.add(new Row("never sent -> none",
                List.of(invoice("INV-AAAA01", 2500, null)), 2500, Optional.empty()));
        rows.add(new Row("sent longer ago than the window -> none",
                List.of(invoice("INV-AAAA01", 2500, Duration.ofDays(8))), 2500, Optional.empty()));
        rows.add(new Row("sent exactly the window before -> it",
                List.of(invoice("INV-AAAA01", 2500, Duration.ofDays(7))), 2500, Optional.of("INV-AAAA01")));
        rows.add(new Row("cancelled is not open -> none, the other one fits",
                List.of(cancelled(invoice("INV-AAAA01", 2500, hour)), invoice("INV-AAAA02", 2500, hour)), 2500,
                Optional.of("INV-AAAA02")));
        rows.add(new Row("no open invoices -> none", List.of(), 2500, Optional.empty()));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenOpenInvoices_whenATillPaymentArrives_thenOnlyASingleFitMatches(Row row) {
        Optional<Invoice> matched = RULE.single(row.open(), Money.ofShillings(row.paid()), PAID);

        assertThat(matched.map(i -> i.id().value())).isEqualTo(row.match());
    }

    @org.junit.jupiter.api.Test
    void givenAPartlyPaidInvoice_whenTheRestIsPaidByTill_thenTheBalanceIsWhatMatches() {
        Invoice partlyPaid = invoice("INV-AAAA01", 2500, Duration.ofHours(1)).receivedOutsidePrompt(
                new C2bPayment(new MpesaReceipt("QAB1CD2EF3"), C2bPayment.Kind.PAYBILL, Money.ofShillings(1000),
                        PAID.minusSeconds(600), "600100", Optional.of("INV-AAAA01"), PAID.minusSeconds(600)),
                new PaymentId("p1"), new IdempotencyKey("c2b:QAB1CD2EF3"), PAID.minusSeconds(600)).invoice();

        assertThat(RULE.single(List.of(partlyPaid), Money.ofShillings(1500), PAID)).contains(partlyPaid);
        assertThat(RULE.single(List.of(partlyPaid), Money.ofShillings(2500), PAID)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void givenNoWindow_whenBuilt_thenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TillMatching(Duration.ZERO));
    }
}
