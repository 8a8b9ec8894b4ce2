package ke.invoiceiq.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceOutcome;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.SmsText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The customer's receipts for money recorded outside M-PESA fit one GSM-7 SMS, in every language and method. */
class OutsidePaymentCopyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @EnumSource(Language.class)
    void givenTheLongestValues_whenTheReceiptsAreWritten_thenEachSmsIsOneGsm7Message(Language language) {
        for (PaidOutside.Method method : PaidOutside.Method.values()) {
            Invoice invoice = Invoice.issue(new InvoiceId("INV-ZZZZZZ"), Customer.of(new Msisdn("254712345678")),
                    Amount.ofShillings(Amount.MAX), new Description("Cleaning"),
                    new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h"), NOW);
            Invoice part = applied(invoice.markPaidOutside(method, Optional.of(Money.ofShillings(Amount.MAX - 1)),
                    "Counted at the shop", NOW));
            Invoice paid = applied(part.markPaidOutside(method, "Counted at the shop", NOW));

            for (OutboundContent content : List.of(
                    OutsidePaymentCopy.receipt(part, part.paidOutside().getLast(), language),
                    OutsidePaymentCopy.receipt(paid, paid.paidOutside().getLast(), language))) {
                String sms = content.smsText().orElseThrow();
                assertThat(SmsText.isGsm7(sms)).as(sms).isTrue();
                assertThat(SmsText.units(sms)).as(sms).isLessThanOrEqualTo(SmsText.GSM7_SINGLE_LIMIT);
                assertThat(sms).contains("INV-ZZZZZZ");
                assertThat(content.text()).contains("INV-ZZZZZZ", "250,000");
            }
        }
    }

    private static Invoice applied(InvoiceOutcome outcome) {
        return ((InvoiceOutcome.Applied) outcome).invoice();
    }
}
