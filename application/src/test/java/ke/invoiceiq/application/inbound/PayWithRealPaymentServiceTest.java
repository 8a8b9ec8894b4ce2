package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static ke.invoiceiq.application.inbound.Wiring.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushResponse;
import org.junit.jupiter.api.Test;

/** The customer's Pay tap through the real payment use case, down to the scripted M-PESA gateway. */
class PayWithRealPaymentServiceTest {

    private final Wiring app = Wiring.withRealPayments();

    @Test
    void givenSentInvoice_whenCustomerTapsPay_thenOneStkPushAndCheckYourPhone() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.tap(CUSTOMER, BotCopy.payButton(invoice.id()).id());

        assertThat(app.ports.payments().findByInvoice(invoice.id())).singleElement().satisfies(payment -> {
            assertThat(payment.status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(payment.payer()).isEqualTo(CUSTOMER);
            assertThat(payment.idempotencyKey().value()).startsWith("whatsapp:wamid.");
        });
        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.checkYourPhone(invoice.id(), invoice.amount()));
    }

    @Test
    void givenPromptOpen_whenTappedAgainAndMerchantCancels_thenNoSecondPushAndCancelRefused() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.tap(CUSTOMER, "pay_" + invoice.id().value());

        app.tap(CUSTOMER, "pay_" + invoice.id().value());
        app.text(MERCHANT, "cancel " + invoice.id().value());

        assertThat(app.ports.payments().findByInvoice(invoice.id())).filteredOn(Payment::isInFlight).hasSize(1);
        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.promptAlreadySent(invoice.id(), invoice.amount()));
        assertThat(app.lastTextTo(MERCHANT)).contains("a payment is in progress");
        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenMpesaGivesNoClearAnswer_whenCustomerTapsPayTwice_thenToldToWaitAndNoSecondPush() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));

        app.tap(CUSTOMER, "pay_" + invoice.id().value());
        String first = app.lastTextTo(CUSTOMER);
        app.tap(CUSTOMER, "pay_" + invoice.id().value());

        assertThat(first).contains("Invoice #" + invoice.id().value(), "KES 2,500", "never charged twice");
        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.promptAlreadySent(invoice.id(), invoice.amount()));
        assertThat(app.ports.gateway().pushCount()).isEqualTo(1);
    }

    @Test
    void givenAnotherNumber_whenItTapsPay_thenNoPushAndPoliteRefusal() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.tap(STRANGER, "pay_" + invoice.id().value());

        assertThat(app.ports.payments().findByInvoice(invoice.id())).isEmpty();
        assertThat(app.lastTextTo(STRANGER)).isEqualTo(BotCopy.notYourInvoice(invoice.id(), CUSTOMER));
    }

    @Test
    void givenAnotherNumber_whenItTypesPayWithAGuessedId_thenItIsAnsweredExactlyAsAnUnknownInvoice() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        Wiring withoutThatInvoice = Wiring.withRealPayments();
        withoutThatInvoice.text(STRANGER, "PAY " + invoice.id().value());

        app.text(STRANGER, "PAY " + invoice.id().value());

        assertThat(app.ports.payments().findByInvoice(invoice.id())).isEmpty();
        OutboxMessage unknown = withoutThatInvoice.lastTo(STRANGER);
        OutboxMessage guessed = app.lastTo(STRANGER);
        assertThat(guessed.content()).isEqualTo(unknown.content());
        assertThat(guessed.invoiceId()).isEqualTo(unknown.invoiceId()).isEmpty();
        assertThat(guessed.content().text())
                .isEqualTo("I can't find invoice " + invoice.id().value()
                        + ". Please check the invoice # on your message and try again.")
                .doesNotContain(CUSTOMER.masked());
    }

    @Test
    void givenAnotherNumber_whenItTextsPayBySms_thenItIsAnsweredExactlyAsAnUnknownInvoice() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.sms(STRANGER, "pay " + invoice.id().value());

        assertThat(app.ports.payments().findByInvoice(invoice.id())).isEmpty();
        assertThat(app.lastTo(STRANGER).channel()).isEqualTo(Channel.SMS);
        assertThat(app.lastTextTo(STRANGER)).isEqualTo(PaymentReplies.notFound(invoice.id()));
    }

    @Test
    void givenTheInvoicedNumber_whenItTypesPay_thenThePushGoesOut() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(CUSTOMER, "PAY " + invoice.id().value());

        assertThat(app.ports.payments().findByInvoice(invoice.id())).hasSize(1);
        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.checkYourPhone(invoice.id(), invoice.amount()));
    }
}
