package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static ke.invoiceiq.application.inbound.Wiring.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceEvent;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.messaging.Button;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import org.junit.jupiter.api.Test;

/** {@code paid INV-… [amount] cash|bank|other [note]} from the merchant's chat: recorded, receipts, refusals. */
class MerchantPaidCommandTest {

    private final Wiring app = new Wiring();

    @Test
    void givenASentInvoice_whenPaidCash_thenPaidTheCustomerGetsAReceiptAndTheMerchantAConfirmation() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "paid " + invoice.id().value().toLowerCase() + " CASH");

        Invoice paid = app.invoice(invoice.id());
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.paidOutside()).singleElement().satisfies(o -> {
            assertThat(o.method()).isEqualTo(PaidOutside.Method.CASH);
            assertThat(o.amount()).isEqualTo(Money.ofShillings(2_500));
            assertThat(o.note()).isEqualTo("Recorded by the merchant in chat");
        });
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).isEqualTo("Paid ✔ — Invoice #" + invoice.id().value() + " (KES 2,500)\n"
                    + "The merchant received KES 2,500 (cash). Thank you!");
            assertThat(m.content().smsText()).contains("Paid: Invoice " + invoice.id().value()
                    + " KES 2,500. Merchant received KES 2,500 (cash). Thank you!");
        });
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Recorded ✔ KES 2,500 (cash) for Invoice #"
                + invoice.id().value() + ".\nInvoice #" + invoice.id().value() + " (KES 2,500) is now paid in full.\n"
                + "The customer gets a receipt.");
        assertThat(app.lastTo(MERCHANT).invoiceId()).contains(invoice.id());
        assertThat(app.ports.events().published(InvoiceEvent.Paid.class)).hasSize(1);
    }

    @Test
    void givenASentInvoice_whenAPartIsPaidByBankWithANote_thenPartPaidWithTheBalanceAndThePayButton() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "paid " + invoice.id().value() + " 500 bank Equity ref 88231");

        Invoice part = app.invoice(invoice.id());
        assertThat(part.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(part.balance()).isEqualTo(Money.ofShillings(2_000));
        assertThat(part.paidOutside().getFirst().note()).isEqualTo("Equity ref 88231");
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).contains("Part payment ✔", "KES 500 (bank transfer)",
                    "Balance: KES 2,000.");
            assertThat(m.content().buttons()).extracting(Button::id).containsExactly("pay_" + invoice.id().value());
        });
        assertThat(app.lastTextTo(MERCHANT)).contains("Recorded ✔ KES 500 (bank transfer)", "Balance left: KES 2,000.");
        assertThat(app.ports.events().published(InvoiceEvent.PartPaymentReceived.class)).hasSize(1);

        app.text(MERCHANT, "status " + invoice.id().value());
        assertThat(app.lastTextTo(MERCHANT)).contains("sent.", "KES 500 received outside M-PESA (bank transfer);"
                + " KES 2,000 still to pay.").doesNotContain("not paid yet");

        app.text(MERCHANT, "paid " + invoice.id().value() + " cash");
        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(app.invoice(invoice.id()).paidOutside()).extracting(PaidOutside::amount)
                .containsExactly(Money.ofShillings(500), Money.ofShillings(2_000));
    }

    @Test
    void givenAnMpesaPartPayment_whenMoreThanTheBalanceIsTyped_thenNothingIsRecordedAndTheMerchantIsToldTheBalance() {
        Invoice invoice = app.paidBy(app.sent(CUSTOMER, 2500, "Cleaning"), 1000, "QK12ABC345");

        app.text(MERCHANT, "paid " + invoice.id().value() + " 2000 cash");

        assertThat(app.invoice(invoice.id()).paidOutside()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Not recorded: KES 2,000 is more than the KES 1,500 left on"
                + " Invoice #" + invoice.id().value() + ".\nTo record the whole balance: paid " + invoice.id().value()
                + " cash");
    }

    @Test
    void givenAPromptInFlight_whenPaid_thenRefusedUntilItEnds() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");
        app.paymentInFlight(invoice);

        app.text(MERCHANT, "paid " + invoice.id().value() + " cash");

        assertThat(app.invoice(invoice.id()).paidOutside()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).contains("Not recorded", "M-PESA prompt", "still open");
    }

    @Test
    void givenAPaidOrUnknownInvoice_whenPaid_thenSaidSo() {
        Invoice paid = app.paid(app.sent(CUSTOMER, 2500, "Cleaning"), "QK12ABC345");

        app.text(MERCHANT, "paid " + paid.id().value() + " cash");
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo("Not recorded: Invoice #" + paid.id().value()
                + " is already paid.");

        app.text(MERCHANT, "paid INV-ZZZZZZ cash");
        assertThat(app.lastTextTo(MERCHANT)).contains("can't find invoice INV-ZZZZZZ");
        assertThat(app.lastTo(MERCHANT).invoiceId()).isEmpty();
    }

    @Test
    void givenAMissingMethod_whenPaid_thenTheMerchantIsShownHow() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(MERCHANT, "paid " + invoice.id().value() + " 500");

        assertThat(app.invoice(invoice.id()).paidOutside()).isEmpty();
        assertThat(app.lastTextTo(MERCHANT)).contains("cash, bank or other", "paid " + invoice.id().value() + " cash");
    }

    @Test
    void givenACustomerOrAStranger_whenTheyTypePaid_thenNothingIsRecorded() {
        Invoice invoice = app.sent(CUSTOMER, 2500, "Cleaning");

        app.text(CUSTOMER, "paid " + invoice.id().value() + " cash");
        app.text(STRANGER, "paid " + invoice.id().value() + " cash");

        assertThat(app.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(app.invoice(invoice.id()).paidOutside()).isEmpty();
        assertThat(app.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).isEmpty();
        assertThat(app.outboxTo(MERCHANT)).isEmpty();
    }
}
