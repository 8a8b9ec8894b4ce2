package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import org.junit.jupiter.api.Test;

class MerchantCommandsTest {

    private final Wiring app = new Wiring();

    // ---- remind -------------------------------------------------------------------------------------------

    @Test
    void givenSentInvoice_whenRemind_thenReminderQueuedToTheCustomerAndMerchantTold() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "remind " + invoice.id().value().toLowerCase());

        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).startsWith("Reminder: Wanjiru Cleaners — Invoice #" + invoice.id().value());
            assertThat(m.content().buttons()).extracting(Button::id)
                    .containsExactly("pay_" + invoice.id().value(), "view_" + invoice.id().value());
            assertThat(m.content().smsText()).hasValueSatisfying(s -> assertThat(s).contains("/pay/"));
            assertThat(m.content().template()).isPresent();
        });
        assertThat(app.lastTextTo(MERCHANT)).contains("Reminder sent", invoice.id().value(), "KES 2,500");
        assertThat(app.invoice(invoice.id()).reminderCount()).isEqualTo(1);
        assertThat(app.ports.events().published(InvoiceEvent.ReminderRequested.class)).hasSize(1);
    }

    @Test
    void givenReminderSentMinutesAgo_whenRemindAgain_thenRefusedUntilTheHourIsOver() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.text(MERCHANT, "remind " + invoice.id().value());
        app.ports.clock().advance(Duration.ofMinutes(20));

        app.text(MERCHANT, "remind " + invoice.id().value());

        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).hasSize(1);
        assertThat(app.lastTextTo(MERCHANT)).contains("No reminder sent", invoice.id().value(), "KES 2,500",
                "reminded them recently", "40 minutes");

        app.ports.clock().advance(Duration.ofMinutes(41));
        app.text(MERCHANT, "remind " + invoice.id().value());

        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).hasSize(2);
    }

    @Test
    void givenPendingInvoice_whenRemind_thenRefusedAsNotSentYet() {
        Invoice invoice = app.issued(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "remind " + invoice.id().value());

        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).contains("not been sent yet", invoice.id().value());
    }

    @Test
    void givenPaidInvoice_whenRemind_thenRefusedAsAlreadyPaid() {
        Invoice invoice = app.paid(app.sent(CUSTOMER, 2500, "Cleaning"), "QK12ABC345");

        app.text(MERCHANT, "remind " + invoice.id().value());

        assertThat(app.lastTextTo(MERCHANT)).contains("already paid", "QK12ABC345");
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).isEmpty();
    }

    @Test
    void givenFailedInvoice_whenRemind_thenTheInvoiceIsQueuedAgain() {
        Invoice invoice = app.failed(app.issued(CUSTOMER, 2500, "Cleaning"));

        app.text(MERCHANT, "remind " + invoice.id().value());

        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.INVOICE)).hasSize(2);
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).contains("had not been delivered", "again");
        assertThat(app.ports.events().published(InvoiceEvent.RedeliveryRequested.class)).hasSize(1);
    }

    @Test
    void givenSentInvoice_whenSendReminderButtonTapped_thenReminded() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.tap(MERCHANT, BotCopy.remindButton(invoice.id()).id());

        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.REMINDER)).hasSize(1);
    }

    @Test
    void givenUnknownInvoice_whenRemind_thenNotFound() {
        app.text(MERCHANT, "remind INV-ZZZZZZ");

        assertThat(app.lastTextTo(MERCHANT)).contains("can't find invoice INV-ZZZZZZ");
        assertThat(app.lastTo(MERCHANT).invoiceId()).isEmpty();
    }

    // ---- cancel -------------------------------------------------------------------------------------------

    @Test
    void givenPaymentInitiated_whenCancel_thenRefusedAndInvoiceStaysOpen() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.paymentInFlight(invoice);

        app.text(MERCHANT, "cancel " + invoice.id().value());

        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(app.lastTextTo(MERCHANT)).contains("was not cancelled", invoice.id().value(), "KES 2,500",
                "a payment is in progress — try again in a few minutes");
    }

    @Test
    void givenPaidInvoice_whenCancel_thenRefusedAsAlreadyPaid() {
        Invoice invoice = app.paid(app.sent(CUSTOMER, 2500, "Cleaning"), "QK12ABC345");

        app.text(MERCHANT, "cancel " + invoice.id().value());

        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(app.lastTextTo(MERCHANT)).contains("was not cancelled", "already paid");
    }

    @Test
    void givenSentInvoice_whenCancel_thenCancelledAndTheCustomerTold() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "cancel " + invoice.id().value());

        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(app.lastTextTo(CUSTOMER)).isEqualTo(BotCopy.invoiceCancelled(invoice.id(), invoice.amount()));
        assertThat(app.lastTextTo(MERCHANT)).contains(invoice.id().value(), "is cancelled", "customer has been told");
        assertThat(app.ports.events().published(InvoiceEvent.Cancelled.class)).hasSize(1);
    }

    @Test
    void givenPendingInvoice_whenCancel_thenCancelledWithoutTellingTheCustomer() {
        Invoice invoice = app.issued(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "cancel " + invoice.id().value());

        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(app.outboxTo(CUSTOMER)).hasSize(1); // the invoice itself, nothing more
        assertThat(app.lastTextTo(MERCHANT)).doesNotContain("told");
    }

    @Test
    void givenCancelledInvoice_whenCancelAgain_thenSaidSoAndNothingChanges() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.text(MERCHANT, "cancel " + invoice.id().value());
        int queued = app.outboxTo(CUSTOMER).size();

        app.tap(MERCHANT, BotCopy.cancelInvoiceButton(invoice.id()).id());

        assertThat(app.lastTextTo(MERCHANT)).contains("was already cancelled");
        assertThat(app.outboxTo(CUSTOMER)).hasSize(queued);
    }

    // ---- status / list ------------------------------------------------------------------------------------

    @Test
    void givenInvoice_whenStatus_thenOneLineWithWhereItStands() {
        Invoice invoice = app.paid(app.sent(CUSTOMER, 2500, "Cleaning"), "QK12ABC345");

        app.text(MERCHANT, "status " + invoice.id().value());

        assertThat(app.lastTextTo(MERCHANT)).contains("Invoice #" + invoice.id().value(), "KES 2,500",
                CUSTOMER.value(), "paid", "QK12ABC345", "Item: Cleaning", "Due: ").hasLineCount(3);
    }

    @Test
    void givenPartPaidInvoice_whenStatus_thenWhatWasPaidItsReceiptAndWhatIsLeft() {
        Invoice invoice = app.paidBy(app.sent(CUSTOMER, 2500, "Cleaning"), 1000, "QK12ABC345");

        app.text(MERCHANT, "status " + invoice.id().value());

        assertThat(app.lastTextTo(MERCHANT)).contains("Invoice #" + invoice.id().value(), "KES 2,500",
                "KES 1,000 paid (receipt QK12ABC345), KES 1,500 still to pay").doesNotContain("paid ✔");
    }

    @Test
    void givenInvoicePaidInTwoPayments_whenStatus_thenEveryReceiptIsListed() {
        Invoice invoice = app.paidBy(app.sent(CUSTOMER, 2500, "Cleaning"), 1000, "QK12ABC345");
        app.paidBy(invoice, 1500, "QK12ABC346");

        app.text(MERCHANT, "status " + invoice.id().value());

        assertThat(app.lastTextTo(MERCHANT)).contains("paid ✔ Receipt: QK12ABC345, QK12ABC346.");
    }

    @Test
    void givenPromptOpen_whenStatus_thenAPaymentIsInProgress() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.paymentInFlight(invoice);

        app.text(MERCHANT, "status " + invoice.id().value());

        assertThat(app.lastTextTo(MERCHANT)).contains("sent, not paid yet.", "A payment is in progress.");
    }

    @Test
    void givenUnknownInvoice_whenStatus_thenNotFound() {
        app.text(MERCHANT, "status INV-ZZZZZZ");

        assertThat(app.lastTextTo(MERCHANT)).contains("can't find invoice INV-ZZZZZZ");
    }

    @Test
    void givenSixInvoices_whenList_thenTheLatestFiveOnePerLine() {
        for (int i = 1; i <= 6; i++) {
            app.issued(new Msisdn("25471100000" + i), 100 * i, "Item number " + i);
            app.ports.clock().advance(Duration.ofMinutes(1));
        }
        Invoice newest = app.invoices().getFirst();
        app.paid(newest, "QK12ABC345");

        app.text(MERCHANT, "list");

        String text = app.lastTextTo(MERCHANT);
        assertThat(text.lines().skip(1).toList()).hasSize(5);
        assertThat(text.lines().skip(1).findFirst()).hasValue(newest.id().value() + " · KES 600 · PAID");
        assertThat(text).doesNotContain("KES 100 ·");
    }

    @Test
    void givenNoInvoices_whenList_thenSaysHowToStart() {
        app.text(MERCHANT, "list");

        assertThat(app.lastTextTo(MERCHANT)).contains("No invoices yet");
    }

    // ---- help, unknown, pay -------------------------------------------------------------------------------

    @Test
    void givenMerchant_whenHelp_thenTheCommandSummary() {
        app.text(MERCHANT, "help");

        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.commandHelp());
    }

    @Test
    void givenMerchant_whenGibberish_thenTheGrammarHint() {
        app.text(MERCHANT, "hello there");

        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.unknownCommand());
        assertThat(app.invoices()).isEmpty();
    }

    @Test
    void givenMerchantTestingWithOwnPhone_whenPay_thenPaymentRequestedOutsideTheUnitOfWork() {
        Invoice invoice = app.sent(MERCHANT, 10, "Test payment");

        app.text(MERCHANT, "pay " + invoice.id().value());

        assertThat(app.payments.requests()).singleElement()
                .satisfies(r -> assertThat(r.payer()).contains(MERCHANT));
        assertThat(app.payments.calledInTransaction()).containsExactly(false);
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.checkYourPhone(invoice.id(), invoice.amount()));
    }
}
