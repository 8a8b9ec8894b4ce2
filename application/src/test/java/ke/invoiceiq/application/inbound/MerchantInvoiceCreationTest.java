package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static ke.invoiceiq.application.inbound.Wiring.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.Duplicate;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.HandledForCustomer;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.HandledForMerchant;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.TemplateParameters;
import org.junit.jupiter.api.Test;

class MerchantInvoiceCreationTest {

    private final Wiring app = new Wiring();

    @Test
    void givenMerchant_whenOneLineInvoice_thenOnePendingInvoiceAndItsMessageQueuedForTheCustomer() {
        var outcome = app.text(MERCHANT, "invoice 0712345678 2500 Cleaning");

        assertThat(outcome).isInstanceOf(HandledForMerchant.class);
        List<Invoice> invoices = app.invoices();
        assertThat(invoices).hasSize(1);
        Invoice invoice = invoices.getFirst();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PENDING);
        assertThat(invoice.customer().msisdn()).isEqualTo(CUSTOMER);
        assertThat(invoice.amount().shillings()).isEqualTo(2500);
        assertThat(invoice.description().value()).isEqualTo("Cleaning");
        assertThat(((HandledForMerchant) outcome).invoicesCreated()).containsExactly(invoice.id());

        assertThat(app.ports.customers().find(CUSTOMER)).isPresent();

        List<OutboxMessage> toCustomer = app.outboxTo(CUSTOMER);
        assertThat(toCustomer).hasSize(1);
        OutboxMessage message = toCustomer.getFirst();
        assertThat(message.purpose()).isEqualTo(MessagePurpose.INVOICE);
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.invoiceId()).contains(invoice.id());
        String payLink = Wiring.BASE_URL + "/pay/" + invoice.payToken().value();
        assertThat(message.content().text())
                .isEqualTo(BotCopy.invoiceMessage("Wanjiru Cleaners", invoice.id(), invoice.amount(),
                        Optional.empty(), "Cleaning") + "\nDue: " + ke.invoiceiq.domain.due.DueDates.format(
                                invoice.dueDate().orElseThrow(), ke.invoiceiq.domain.copy.Language.EN))
                .contains("Invoice #" + invoice.id().value(), "KES 2,500", "For: Customer", "Item: Cleaning");
        assertThat(message.content().buttons()).extracting(Button::id)
                .containsExactly("pay_" + invoice.id().value(), "view_" + invoice.id().value());
        assertThat(message.content().buttons().getFirst().title()).isEqualTo("Pay with M-PESA");
        assertThat(message.content().smsText()).hasValueSatisfying(sms -> assertThat(sms)
                .contains(invoice.id().value(), "2,500", "Cleaning", payLink, "PAY " + invoice.id().value()));
        assertThat(message.content().template()).contains(new TemplateParameters(
                List.of("Customer", "2,500", invoice.id().value(), payLink), "pay_" + invoice.id().value()));

        assertThat(app.ports.events().published(InvoiceEvent.Issued.class))
                .extracting(InvoiceEvent.Issued::invoiceId).containsExactly(invoice.id());
    }

    /** The confirmation follows the customer's channel accepting the invoice (DispatchOutboxServiceTest). */
    @Test
    void givenMerchantOnWhatsApp_whenOneLineInvoice_thenNoConfirmationBeforeTheInvoiceIsSent() {
        var outcome = app.text(MERCHANT, "invoice 0712345678 2500 Cleaning");

        assertThat(app.invoices()).hasSize(1);
        assertThat(app.outboxTo(MERCHANT)).isEmpty();
        assertThat(outcome).isInstanceOfSatisfying(HandledForMerchant.class,
                handled -> assertThat(handled.replies()).isZero());
    }

    @Test
    void givenMerchantOnSms_whenOneLineInvoice_thenTheSummaryWithReminderAndCancelButtonsGoesBackBySmsAtOnce() {
        app.sms(MERCHANT, "invoice 0712345678 2500 Cleaning");

        Invoice invoice = app.invoices().getFirst();
        OutboxMessage reply = app.lastTo(MERCHANT);
        assertThat(reply.channel()).isEqualTo(Channel.SMS);
        assertThat(reply.purpose()).isEqualTo(MessagePurpose.REPLY);
        assertThat(reply.content().text()).isEqualTo(BotCopy.invoiceSent(invoice.id(), invoice.amount(), CUSTOMER));
        assertThat(reply.content().buttons()).extracting(Button::title).containsExactly("Send reminder", "Cancel");
        assertThat(app.outboxTo(CUSTOMER).getFirst().channel()).isEqualTo(Channel.WHATSAPP);
    }

    @Test
    void givenNonMerchant_whenInvoiceCommand_thenRefusedAndNoInvoice() {
        var outcome = app.text(STRANGER, "invoice 0712345678 2500 Cleaning");

        assertThat(outcome).isInstanceOf(HandledForCustomer.class);
        assertThat(app.invoices()).isEmpty();
        assertThat(app.outboxTo(CUSTOMER)).isEmpty();
        assertThat(app.lastTextTo(STRANGER)).isEqualTo(BotCopy.merchantOnly());
        assertThat(app.ports.chatSessions().find(STRANGER)).isEmpty();
    }

    @Test
    void givenNonMerchant_whenStartingTheGuidedFlow_thenRefusedAndNoSession() {
        app.text(STRANGER, "new invoice");

        assertThat(app.lastTextTo(STRANGER)).isEqualTo(BotCopy.merchantOnly());
        assertThat(app.ports.chatSessions().find(STRANGER)).isEmpty();
    }

    @Test
    void givenRedeliveredProviderMessageId_whenHandledAgain_thenProcessedOnce() {
        var message = app.whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 Cleaning"),
                "wamid.SAME");

        var first = app.handle(message);
        int queued = app.ports.outbox().all().size();
        var second = app.handle(message);

        assertThat(first).isInstanceOf(HandledForMerchant.class);
        assertThat(second).isInstanceOf(Duplicate.class);
        assertThat(app.invoices()).hasSize(1);
        assertThat(app.ports.outbox().all()).hasSize(queued);
        assertThat(app.ports.messageLog().all()).hasSize(1);
    }

    @Test
    void givenRedeliveryAfterRestart_whenHandled_thenStillProcessedOnce() {
        var message = app.whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 Cleaning"),
                "wamid.SAME");
        app.handle(message);
        app.restart();

        assertThat(app.handle(message)).isInstanceOf(Duplicate.class);
        assertThat(app.invoices()).hasSize(1);
    }

    @Test
    void givenMultiWordNameInDirectory_whenInvoiceByName_thenTheNumberComesFromTheDirectory() {
        Msisdn njeri = new Msisdn("254722000111");
        app.knownCustomer(njeri, "Mama Njeri");

        app.text(MERCHANT, "invoice mama njeri 1,200 Sukuma and eggs");

        Invoice invoice = app.invoices().getFirst();
        assertThat(invoice.customer().msisdn()).isEqualTo(njeri);
        assertThat(invoice.customer().name()).contains(new CustomerName("Mama Njeri"));
        assertThat(invoice.amount().shillings()).isEqualTo(1200);
        assertThat(invoice.description().value()).isEqualTo("Sukuma and eggs");
        assertThat(app.outboxTo(njeri, MessagePurpose.INVOICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("For: Mama Njeri"));
    }

    @Test
    void givenUnknownName_whenInvoiceByName_thenClearReplyAndNoInvoice() {
        var outcome = app.text(MERCHANT, "invoice John 500 Website design");

        assertThat(app.invoices()).isEmpty();
        assertThat(((HandledForMerchant) outcome).invoicesCreated()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT))
                .contains("I don't know a customer called John")
                .contains("invoice 07XXXXXXXX 2500 Cleaning");
    }

    @Test
    void givenTwoCustomersWithTheSameName_whenInvoiceByName_thenAskedForTheNumberAndNoInvoice() {
        app.knownCustomer(new Msisdn("254722000111"), "John");
        app.knownCustomer(new Msisdn("254722000222"), "john");

        app.text(MERCHANT, "invoice John 500 Website design");

        assertThat(app.invoices()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).contains("2 customers are called John").contains("phone number");
    }

    @Test
    void givenGuidedFlow_whenAnsweredOverSeveralMessages_thenSessionKeptBetweenThemAndOneInvoiceAtTheEnd() {
        app.text(MERCHANT, "new invoice");
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.askPhone());
        assertThat(session()).isInstanceOf(ChatState.CollectingPhone.class);

        app.text(MERCHANT, "0712 345 678");
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.askName());
        assertThat(session()).isInstanceOf(ChatState.CollectingName.class);

        app.text(MERCHANT, "Jane Wanjiku");
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.askAmount());

        app.text(MERCHANT, "2,500");
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.askDescription());

        app.text(MERCHANT, "Cleaning service (Wed 3pm)");
        assertThat(app.lastTextTo(MERCHANT)).startsWith("When is it due?");
        app.tap(MERCHANT, BotCopy.SKIP.id());
        assertThat(app.lastTextTo(MERCHANT)).startsWith("Review invoice:").contains("Jane Wanjiku", "KES 2,500");
        assertThat(session()).isInstanceOf(ChatState.Confirming.class);
        assertThat(app.invoices()).isEmpty();

        var outcome = app.tap(MERCHANT, BotCopy.SEND.id());

        assertThat(app.invoices()).singleElement().satisfies(invoice -> {
            assertThat(invoice.customer().msisdn()).isEqualTo(CUSTOMER);
            assertThat(invoice.customer().name()).contains(new CustomerName("Jane Wanjiku"));
            assertThat(invoice.description().value()).isEqualTo("Cleaning service (Wed 3pm)");
            assertThat(((HandledForMerchant) outcome).invoicesCreated()).containsExactly(invoice.id());
        });
        assertThat(session()).isInstanceOf(ChatState.Idle.class);
        assertThat(app.ports.customers().find(CUSTOMER).orElseThrow().name())
                .contains(new CustomerName("Jane Wanjiku"));
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.INVOICE)).hasSize(1);
    }

    @Test
    void givenGuidedFlowHalfDone_whenTheServiceRestarts_thenTheConversationContinues() {
        app.text(MERCHANT, "invoice");
        app.text(MERCHANT, "0712345678");
        app.tap(MERCHANT, BotCopy.SKIP.id());

        app.restart();
        app.ports.clock().advance(Duration.ofMinutes(2));
        app.text(MERCHANT, "800");
        app.text(MERCHANT, "Logo design first milestone");
        app.text(MERCHANT, "in 3 days");
        app.text(MERCHANT, "send");

        assertThat(app.invoices()).singleElement().satisfies(invoice -> {
            assertThat(invoice.amount().shillings()).isEqualTo(800);
            assertThat(invoice.customer().name()).isEmpty();
            assertThat(invoice.dueDate()).contains(
                    ke.invoiceiq.domain.due.DueDates.today(app.ports.clock().instant()).plusDays(3));
        });
    }

    @Test
    void givenGuidedFlow_whenMerchantCancels_thenNoInvoice() {
        app.text(MERCHANT, "invoice");
        app.text(MERCHANT, "0712345678");
        app.text(MERCHANT, "cancel");

        assertThat(app.invoices()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.flowCancelled());
    }

    @Test
    void givenNumberKnownByName_whenInvoicedByNumberWithoutName_thenTheInvoiceUsesTheKnownName() {
        app.knownCustomer(CUSTOMER, "Jane Wanjiku");

        app.text(MERCHANT, "invoice 0712345678 2500 Cleaning");

        assertThat(app.invoices().getFirst().customer().name()).contains(new CustomerName("Jane Wanjiku"));
        assertThat(app.outboxTo(CUSTOMER).getFirst().content().text()).contains("For: Jane Wanjiku");
    }

    @Test
    void givenMerchant_whenInvalidAmount_thenTheParserSaysWhatToFixAndNoInvoice() {
        app.text(MERCHANT, "invoice 0712345678 0 Cleaning");

        assertThat(app.invoices()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).containsIgnoringCase("amount");
    }

    @Test
    void givenMerchant_whenUnsupportedMessage_thenPoliteReplyAndSessionUntouched() {
        app.text(MERCHANT, "invoice");
        var before = app.ports.chatSessions().find(MERCHANT).orElseThrow();

        app.handle(app.whatsapp(MERCHANT, new InboundContent.Unsupported("image"), app.nextWamid()));

        assertThat(app.lastTextTo(MERCHANT)).contains("only read text and button taps");
        assertThat(app.ports.chatSessions().find(MERCHANT)).contains(before);
    }

    private ChatState session() {
        return app.ports.chatSessions().find(MERCHANT).orElseThrow().state();
    }
}
