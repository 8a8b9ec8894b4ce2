package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CANCELLED_BY_USER;
import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkReason;
import org.junit.jupiter.api.Test;

/** Each side reads payment news in its own language: the customer in the invoice's, the merchant in the configured. */
class PaymentNoticesLanguageTest {

    @Test
    void givenASwahiliInvoice_whenThePromptIsCancelled_thenTheCustomerReadsSwahiliAndTheMerchantEnglish() {
        var world = new PaymentWorld();
        Invoice invoice = world.sentInvoice(Language.SW);
        Payment attempt = world.initiated(invoice, "tap-1");

        world.callback(attempt, CANCELLED_BY_USER);

        String id = invoice.id().value();
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).startsWith("Malipo ya Ankara #" + id + " (KES 2,500) hayakufaulu.\n")
                    .contains("Ulisitisha ombi la M-PESA");
            assertThat(m.content().smsText()).hasValueSatisfying(sms -> assertThat(sms)
                    .contains(id, "KES 2,500", "malipo yalisitishwa kwenye simu", "jibu PAY " + id));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).isEqualTo(BotCopy.paymentFailedToMerchant(
                        invoice.id(), invoice.amount(), StkReason.CANCELLED_BY_USER.plainReason())));
    }

    @Test
    void givenSmsRepliesDoNotReachUsAndASwahiliMerchant_whenThePromptIsCancelled_thenTheSmsCarriesThePayLink() {
        var world = PaymentWorld.withMerchant(merchant -> merchant.withSmsReplies(false).withLanguage(Language.SW));
        Invoice invoice = world.sentInvoice(Language.EN);
        Payment attempt = world.initiated(invoice, "tap-1");

        world.callback(attempt, CANCELLED_BY_USER);

        String id = invoice.id().value();
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.PAYMENT_FAILED)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).isEqualTo(BotCopy.paymentFailedToCustomer(invoice.id(), invoice.amount(),
                    StkReason.CANCELLED_BY_USER.customerSentence(world.settings.cooldown())));
            assertThat(m.content().smsText()).hasValueSatisfying(sms -> assertThat(sms)
                    .contains(id, "KES 2,500", "To try again: https://pay.example/pay/" + invoice.payToken().value())
                    .doesNotContain("reply"));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text())
                        .startsWith("Malipo ya Ankara #" + id + " (KES 2,500) hayakufaulu: malipo yalisitishwa"));
    }

    @Test
    void givenASwahiliInvoice_whenPaid_thenTheCustomersReceiptIsSwahiliAndTheMerchantsEnglish() {
        var world = new PaymentWorld();
        Invoice invoice = world.paid(world.sentInvoice(Language.SW));

        String id = invoice.id().value();
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).startsWith("Imelipwa ✔ — Ankara #" + id + " (KES 2,500)");
            assertThat(m.content().smsText()).hasValueSatisfying(sms -> assertThat(sms)
                    .startsWith("Imelipwa: Ankara " + id + " KES 2,500. Risiti ya M-PESA"));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).startsWith("Paid ✔ — Invoice #" + id));
    }
}
