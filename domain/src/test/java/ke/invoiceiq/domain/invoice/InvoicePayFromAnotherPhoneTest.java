package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CUSTOMER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.IN_FLIGHT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAYING;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.POLICY;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.SENT_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.STRANGER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.failedCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.payment.PaymentId;
import org.junit.jupiter.api.Test;

/** The holder of the pay link sends the prompt to another phone: the invoice's rules of attempts still hold. */
class InvoicePayFromAnotherPhoneTest {

    private static final Instant AT = SENT_AT.plusSeconds(60);

    @Test
    void givenAnotherNumber_whenTheLinkHolderAsks_thenTheAttemptPromptsThatNumberForTheBalance() {
        Invoice invoice = invoiceIn(InvoiceStatus.SENT);

        PaymentRequest request = invoice.requestPayment(Optional.empty(), Optional.of(STRANGER), PAYING,
                keyOf(PAYING), POLICY, AT);

        var start = (PaymentRequest.Start) request;
        assertThat(start.attempt().payer()).isEqualTo(STRANGER);
        assertThat(start.attempt().amount()).isEqualTo(invoice.amount());
        assertThat(start.invoice().customer()).as("the invoice is still the customer's").isEqualTo(CUSTOMER);
    }

    @Test
    void givenAPromptInFlightToTheInvoicedNumber_whenAnotherNumberIsAsked_thenItWaitsLikeAnyAttempt() {
        Invoice inFlight = ((PaymentRequest.Start) invoiceIn(InvoiceStatus.SENT).requestPayment(Optional.empty(),
                IN_FLIGHT, keyOf(IN_FLIGHT), POLICY, AT)).invoice();

        PaymentRequest request = inFlight.requestPayment(Optional.empty(), Optional.of(STRANGER), PAYING,
                keyOf(PAYING), POLICY, AT.plusSeconds(5));

        assertThat(request).isInstanceOf(PaymentRequest.InFlight.class);
    }

    @Test
    void givenAnAttemptToAnotherNumberThatAskedForAPause_whenAskedAgain_thenTheCooldownHoldsForEveryNumber() {
        Invoice started = ((PaymentRequest.Start) invoiceIn(InvoiceStatus.SENT).requestPayment(Optional.empty(),
                Optional.of(STRANGER), PAYING, keyOf(PAYING), POLICY, AT)).invoice();
        // 1032: the payer cancelled the prompt, which asks for a pause
        Invoice cancelled = started.settle(PAYING, failedCallback(PAYING, 1032, AT.plusSeconds(20)), POLICY,
                AT.plusSeconds(20)).invoice();
        PaymentId next = new PaymentId("pay-next");

        assertThat(cancelled.requestPayment(Optional.empty(), Optional.of(STRANGER), next, keyOf(next), POLICY,
                AT.plusSeconds(30))).isInstanceOf(PaymentRequest.CoolingDown.class);
        assertThat(cancelled.requestPayment(Optional.empty(), Optional.empty(), next, keyOf(next), POLICY,
                AT.plusSeconds(30))).isInstanceOf(PaymentRequest.CoolingDown.class);
    }

    @Test
    void givenAPhoneThatAsks_whenItNamesAnotherPayer_thenItIsAProgrammingError() {
        assertThatThrownBy(() -> invoiceIn(InvoiceStatus.SENT).requestPayment(Optional.of(CUSTOMER.msisdn()),
                Optional.of(STRANGER), PAYING, keyOf(PAYING), POLICY, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnotherPhoneInChat_whenItAsksToPay_thenItIsStillNotYours() {
        assertThat(invoiceIn(InvoiceStatus.SENT).requestPayment(Optional.of(STRANGER), PAYING, keyOf(PAYING),
                POLICY, AT)).isInstanceOf(PaymentRequest.NotYours.class);
    }
}
