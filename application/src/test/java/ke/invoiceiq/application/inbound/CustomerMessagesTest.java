package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.HandledForCustomer;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.Unidentified;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.testing.InvoicePayments;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerMessagesTest {

    private final Wiring app = new Wiring();

    @Test
    void givenCustomer_whenPayTapped_thenPaymentRequestedForTheTapperWithTheMessageIdAsKey() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        var outcome = app.handle(app.whatsapp(CUSTOMER,
                new InboundContent.ButtonTap(BotCopy.payButton(invoice.id()).id()), "wamid.ABC123"));

        assertThat(app.payments.requests()).singleElement().satisfies(request -> {
            assertThat(request.invoice()).isEqualTo(new RequestPaymentCommand.InvoiceRef.ById(invoice.id()));
            assertThat(request.payer()).contains(CUSTOMER);
            assertThat(request.key()).isEqualTo(new IdempotencyKey("whatsapp:wamid.ABC123"));
        });
        assertThat(app.payments.calledInTransaction()).containsExactly(false);
        assertThat(outcome).isInstanceOfSatisfying(HandledForCustomer.class, handled -> {
            assertThat(handled.request()).isEqualTo(new CustomerRequest.Pay(invoice.id(), true));
            assertThat(handled.payment()).containsInstanceOf(RequestPaymentOutcome.Initiated.class);
        });
        var reply = app.lastTo(CUSTOMER);
        assertThat(reply.purpose()).isEqualTo(MessagePurpose.REPLY);
        assertThat(reply.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(reply.content().text()).isEqualTo(BotCopy.checkYourPhone(invoice.id(), invoice.amount()));
    }

    @Test
    void givenCustomer_whenPayTyped_thenPaymentRequested() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(CUSTOMER, "pay " + invoice.id().value().toLowerCase());

        assertThat(app.payments.requests()).singleElement()
                .satisfies(r -> assertThat(r.payer()).contains(CUSTOMER));
    }

    @Test
    void givenCustomerOnSms_whenPay_thenTheAnswerGoesBackBySms() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.sms(CUSTOMER, "PAY " + invoice.id().value());

        assertThat(app.payments.requests().getFirst().key().value()).startsWith("africastalking:ATXid_");
        assertThat(app.lastTo(CUSTOMER).channel()).isEqualTo(Channel.SMS);
        assertThat(app.lastTextTo(CUSTOMER)).contains("Check your phone");
    }

    // a bare STOP (or ACHA) is the customer ending automatic reminders (DueUseCasesTest), not a question
    @ParameterizedTest
    @ValueSource(strings = {"hello", "invoice 0712345678 100 x", "PAY", "what is this?", "STOP NOW"})
    void givenCustomerOnSms_whenAnythingButPay_thenOneShortHelpSmsAndNoPayment(String text) {
        app.sms(STRANGER, text);

        assertThat(app.payments.requests()).isEmpty();
        assertThat(app.outboxTo(STRANGER)).singleElement().satisfies(reply -> {
            assertThat(reply.channel()).isEqualTo(Channel.SMS);
            assertThat(reply.content().text()).isEqualTo(BotCopy.customerHelpSms());
            assertThat(reply.content().text().length()).as("one SMS").isLessThanOrEqualTo(160);
        });
    }

    @Test
    void givenHelpSmsSent_whenTheNumberWritesAgainWithinTheHour_thenNoSecondHelpUntilTheHourIsOver() {
        app.sms(STRANGER, "hello");
        app.ports.clock().advance(Duration.ofMinutes(59));
        app.sms(STRANGER, "hello?");
        app.sms(STRANGER, "anyone");

        assertThat(app.outboxTo(STRANGER)).hasSize(1);

        app.ports.clock().advance(Duration.ofMinutes(1));
        app.sms(STRANGER, "hello again");

        assertThat(app.outboxTo(STRANGER)).hasSize(2);
    }

    @Test
    void givenHelpSmsJustSent_whenPayBySms_thenStillAnswered() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.sms(CUSTOMER, "hi");

        app.sms(CUSTOMER, "pay " + invoice.id().value());

        assertThat(app.payments.requests()).hasSize(1);
        assertThat(app.lastTextTo(CUSTOMER)).contains("Check your phone");
    }

    @Test
    void givenHelpSmsSentToOneNumber_whenAnotherNumberOrWhatsAppAsks_thenTheyAreAnswered() {
        app.sms(STRANGER, "hello");

        app.sms(CUSTOMER, "hello");
        app.text(STRANGER, "hello");
        app.text(STRANGER, "hello");

        assertThat(app.outboxTo(CUSTOMER)).hasSize(1);
        assertThat(app.outboxTo(STRANGER)).extracting(m -> m.channel())
                .containsExactly(Channel.SMS, Channel.WHATSAPP, Channel.WHATSAPP);
    }

    @Test
    void givenRedeliveredPayTap_whenHandledAgain_thenPaymentRequestedOnce() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        var tap = app.whatsapp(CUSTOMER, new InboundContent.ButtonTap("pay_" + invoice.id().value()), "wamid.X");

        app.handle(tap);
        app.handle(tap);

        assertThat(app.payments.requests()).hasSize(1);
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                outcome(i -> new RequestPaymentOutcome.AlreadyInFlight(i, Payment.initiate(new PaymentId("p-1"),
                                i.id(), i.customer().msisdn(), i.amount(), new IdempotencyKey("k-1"), i.createdAt())),
                        "Payment request already sent! Check your phone for the M-PESA prompt."),
                outcome(i -> new RequestPaymentOutcome.AwaitingMpesa(i, Payment.initiate(new PaymentId("p-1"),
                                i.id(), i.customer().msisdn(), i.amount(), new IdempotencyKey("k-1"), i.createdAt())),
                        "we will tell you how it went, so you are never charged twice"),
                outcome(i -> new RequestPaymentOutcome.AlreadyPaid(InvoicePayments.paid(i,
                                Optional.of(new MpesaReceipt("QK12ABC345")), i.createdAt())),
                        "has already been paid. Receipt: QK12ABC345"),
                outcome(RequestPaymentOutcome.NotYourInvoice::new, "another number (2547****5678)"),
                outcome(RequestPaymentOutcome.NotPayable::new, "was cancelled by the merchant"),
                outcome(i -> new RequestPaymentOutcome.CoolingDown(i, i.createdAt().plusSeconds(90)),
                        "Please wait about 2 minutes"),
                outcome(i -> new RequestPaymentOutcome.InvoiceNotFound(), "can't find invoice"),
                outcome(RequestPaymentOutcome.PayerBusy::new, "already has an M-PESA prompt open"),
                outcome(RequestPaymentOutcome.GatewayUnavailable::new, "M-PESA is not answering right now"),
                outcome(RequestPaymentOutcome.GatewayRejected::new, "M-PESA is not answering right now"),
                outcome(i -> new RequestPaymentOutcome.KeyReused(), "could not be matched"));
    }

    private static Arguments outcome(Function<Invoice, RequestPaymentOutcome> outcome, String expected) {
        return Arguments.of(outcome, expected);
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void givenPaymentOutcome_whenPayTapped_thenTheCustomerIsToldInPlainWords(
            Function<Invoice, RequestPaymentOutcome> outcome, String expected) {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.payments.answerWith(command -> outcome.apply(invoice));

        app.tap(STRANGER, "pay_" + invoice.id().value());

        assertThat(app.lastTextTo(STRANGER)).contains(expected);
        assertThat(app.lastTextTo(STRANGER)).doesNotContain(CUSTOMER.value());
    }

    @Test
    void givenCoolingDown_whenTold_thenTheReplyCarriesThePayButton() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.payments.answerWith(c -> new RequestPaymentOutcome.CoolingDown(invoice, app.now().plusSeconds(30)));

        app.tap(CUSTOMER, "pay_" + invoice.id().value());

        assertThat(app.lastTextTo(CUSTOMER)).contains("about 1 minute,");
        assertThat(app.lastTo(CUSTOMER).content().buttons()).extracting(Button::id)
                .containsExactly("pay_" + invoice.id().value());
    }

    @Test
    void givenUsernameOnlyUser_whenMessage_thenUnidentifiedAndNothingSent() {
        int queued = app.ports.outbox().all().size();

        var outcome = app.handle(new InboundMessage("whatsapp", "wamid.U1", Channel.WHATSAPP, Optional.empty(),
                Optional.of("KE.1234567890"), new InboundContent.ButtonTap("pay_INV-000001"), app.now()));

        assertThat(outcome).isInstanceOf(Unidentified.class);
        assertThat(app.ports.outbox().all()).hasSize(queued);
        assertThat(app.payments.requests()).isEmpty();
        assertThat(app.ports.messageLog().all()).singleElement()
                .satisfies(e -> assertThat(e.providerMessageId()).contains("wamid.U1"));
    }

    @Test
    void givenCustomer_whenUnsupportedMessage_thenPoliteReply() {
        app.handle(app.whatsapp(CUSTOMER, new InboundContent.Unsupported("sticker"), app.nextWamid()));

        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.unsupportedMessage());
    }

    @Test
    void givenCustomer_whenAnyOtherText_thenHowToPay() {
        app.text(CUSTOMER, "Hello, I got the invoice");

        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.customerHelp());
    }

    @Test
    void givenCustomer_whenMerchantCommand_thenRefused() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(CUSTOMER, "cancel " + invoice.id().value());

        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.merchantOnly());
        assertThat(app.invoice(invoice.id()).status()).isEqualTo(invoice.status());
    }

    @Test
    void givenCustomerOnWhatsApp_whenMessage_thenLastInboundTimeRecorded() {
        Instant at = app.now().minusSeconds(3);

        app.handle(new InboundMessage("whatsapp", "wamid.T1", Channel.WHATSAPP, Optional.of(CUSTOMER),
                Optional.empty(), new InboundContent.Text("hi"), at));

        assertThat(app.ports.customers().lastInboundAt(CUSTOMER)).contains(at);
    }

    @Test
    void givenCustomerBySms_whenMessage_thenTheWhatsAppWindowIsNotOpened() {
        app.sms(CUSTOMER, "hi");

        assertThat(app.ports.customers().lastInboundAt(CUSTOMER)).isEmpty();
    }

    @Test
    void givenOwnInvoice_whenViewDetailsTapped_thenTheInvoiceAgainWithThePayButton() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.tap(CUSTOMER, BotCopy.viewButton(invoice.id()).id());

        var reply = app.lastTo(CUSTOMER);
        assertThat(reply.purpose()).isEqualTo(MessagePurpose.REPLY);
        assertThat(reply.content().text()).contains("Invoice #" + invoice.id().value(), "KES 2,500", "Cleaning");
        assertThat(reply.content().buttons()).extracting(Button::title).containsExactly("Pay with M-PESA");
    }

    @Test
    void givenSomeoneElsesInvoice_whenViewDetailsTapped_thenNotYourInvoice() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.tap(STRANGER, BotCopy.viewButton(invoice.id()).id());

        assertThat(app.lastTextTo(STRANGER)).isEqualTo(BotCopy.notYourInvoice(invoice.id(), CUSTOMER))
                .doesNotContain("Cleaning");
    }

    @Test
    void givenUnknownInvoice_whenViewDetailsTapped_thenNotFound() {
        app.tap(CUSTOMER, "view_INV-ZZZZZZ");

        assertThat(app.lastTextTo(CUSTOMER)).contains("can't find invoice INV-ZZZZZZ");
        assertThat(app.lastTo(CUSTOMER).invoiceId()).isEmpty();
    }

    @Test
    void givenAnyMessage_whenLogged_thenOnlyMetadataIsKept() {
        app.text(CUSTOMER, "pay INV-000001 my number is 0712345678");

        assertThat(app.ports.messageLog().all()).singleElement().satisfies(entry -> {
            assertThat(entry.direction()).isEqualTo(Direction.IN);
            assertThat(entry.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(entry.event()).isEqualTo("inbound.text");
            assertThat(entry.toString()).doesNotContain("0712345678", CUSTOMER.value(), "my number");
        });
    }
}
