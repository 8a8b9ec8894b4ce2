package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static ke.invoiceiq.application.payment.PaymentWorld.RECEIPT;
import static ke.invoiceiq.application.payment.PaymentWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import org.junit.jupiter.api.Test;

/** The holder of the pay link pays from another phone: the push, the receipts naming the payer masked. */
class PayFromAnotherPhoneServiceTest {

    private static final Msisdn OTHER = new Msisdn("254722000111");

    private final PaymentWorld world = new PaymentWorld();

    private RequestPaymentOutcome payFrom(Invoice invoice, Msisdn payer, String key) {
        return world.requests.requestPayment(new RequestPaymentCommand(
                new RequestPaymentCommand.InvoiceRef.ByPayToken(invoice.payToken()), Optional.empty(),
                new IdempotencyKey(key), Optional.of(payer)));
    }

    @Test
    void givenAnotherNumber_whenPaidFromIt_thenPaidAndBothReceiptsNameThePayerMasked() {
        Invoice invoice = world.sentInvoice();

        var outcome = (RequestPaymentOutcome.Initiated) payFrom(invoice, OTHER, "page-1");
        Payment attempt = world.payment(outcome.payment());
        assertThat(attempt.payer()).isEqualTo(OTHER);
        world.results.record(world.callbackFrom(OTHER, attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), Optional.of(BigDecimal.valueOf(2_500))), Optional.of("{}"));

        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement().satisfies(m -> {
            assertThat(m.content().text()).contains(RECEIPT.value(), "Paid from 2547****0111.")
                    .doesNotContain(OTHER.value());
            assertThat(m.content().smsText()).hasValueSatisfying(sms -> assertThat(sms)
                    .endsWith("Thank you! Paid from 2547****0111.").hasSizeLessThanOrEqualTo(160));
        });
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("Paid from 2547****0111."));
        assertThat(world.outboxTo(OTHER, MessagePurpose.RECEIPT)).as("the payer is not messaged").isEmpty();
    }

    @Test
    void givenAnotherNumberPaysPart_whenTheCallbackComes_thenThePartReceiptsNameThePayer() {
        Invoice invoice = world.sentInvoice();
        var outcome = (RequestPaymentOutcome.Initiated) payFrom(invoice, OTHER, "page-1");
        Payment attempt = world.payment(outcome.payment());

        world.results.record(world.callbackFrom(OTHER, attempt.checkoutRequestId().orElseThrow(), PAID,
                Optional.of(RECEIPT), Optional.of(BigDecimal.valueOf(1_000))), Optional.of("{}"));

        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("Paid from 2547****0111."));
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).contains("Paid from 2547****0111."));
    }

    @Test
    void givenTheInvoicedNumber_whenPaid_thenTheReceiptNamesNoPayer() {
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "tap-1"), PAID);

        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).doesNotContain("Paid from"));
    }

    @Test
    void givenAPromptOpenToAnotherNumber_whenAThirdNumberIsAsked_thenNoSecondPush() {
        Invoice invoice = world.sentInvoice();
        payFrom(invoice, OTHER, "page-1");

        assertThat(payFrom(invoice, STRANGER, "page-2")).isInstanceOf(RequestPaymentOutcome.AlreadyInFlight.class);
        assertThat(world.ports.gateway().pushCount()).isEqualTo(1);
    }

    @Test
    void givenAPhoneThatAsks_whenItNamesAnotherPayer_thenTheCommandIsRefused() {
        assertThatThrownBy(() -> new RequestPaymentCommand(
                new RequestPaymentCommand.InvoiceRef.ById(world.sentInvoice().id()), Optional.of(CUSTOMER),
                new IdempotencyKey("k"), Optional.of(OTHER))).isInstanceOf(IllegalArgumentException.class);
    }
}
