package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CUSTOMER;
import static ke.invoiceiq.application.payment.PaymentWorld.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.adapters.memory.InMemoryC2bInbox;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.C2bPaymentEvent;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.TillMatching;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import org.junit.jupiter.api.Test;

/** Money paid to the Paybill or Till from the M-PESA menu: kept once, applied once, or left for the merchant. */
class RecordC2bPaymentServiceTest {

    private final PaymentWorld world = new PaymentWorld();
    private final InMemoryC2bInbox inbox = new InMemoryC2bInbox();

    private RecordC2bPaymentService service(boolean validation) {
        var settings = new C2bSettings(Optional.of("600100"), Optional.of("5123456"), validation,
                new TillMatching(Duration.ofDays(7)), C2bRegistration.WhenUnreachable.COMPLETED, Optional.empty(),
                Optional.empty(), 10);
        return new RecordC2bPaymentService(inbox, world.ports.invoices(), world.ports.payments(),
                world.ports.unmatchedPayments(), world.ports.outbox(), world.ports.transactions(), world.ports.ids(),
                world.ports.clock(), world.ports.events(), world.merchant, world.settings, settings,
                world.ports.tracing());
    }

    private final RecordC2bPaymentService c2b = service(false);

    private C2bPayment paybill(String transId, long shillings, String account) {
        return new C2bPayment(new MpesaReceipt(transId), C2bPayment.Kind.PAYBILL, Money.ofShillings(shillings),
                world.now(), "600100", Optional.ofNullable(account), world.now());
    }

    private C2bPayment till(String transId, long shillings) {
        return new C2bPayment(new MpesaReceipt(transId), C2bPayment.Kind.TILL, Money.ofShillings(shillings),
                world.now(), "5123456", Optional.empty(), world.now());
    }

    @Test
    void givenAPaybillPaymentNamingAnInvoiceLoosely_whenConfirmed_thenTheInvoiceIsPaidAndBothAreTold() {
        Invoice invoice = world.sentInvoice();
        world.advance(Duration.ofMinutes(5));
        String loose = invoice.id().value().toLowerCase().replace("-", " ");

        C2bOutcome outcome = c2b.confirm(paybill("QAB1CD2EF3", 2_500, loose));

        assertThat(outcome).isInstanceOfSatisfying(C2bOutcome.Applied.class, applied -> {
            assertThat(applied.byAccount()).isTrue();
            assertThat(applied.settlement()).isInstanceOf(Settlement.Paid.class);
        });
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.invoice(invoice.id()).receipt()).contains(new MpesaReceipt("QAB1CD2EF3"));
        assertThat(world.outboxTo(CUSTOMER, MessagePurpose.RECEIPT)).hasSize(1);
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).hasSize(1);
        assertThat(world.ports.events().published(C2bPaymentEvent.class)).singleElement()
                .extracting(C2bPaymentEvent::outcome).isEqualTo(C2bPaymentEvent.Outcome.BY_ACCOUNT);
    }

    @Test
    void givenTheSameTransIdTwice_whenConfirmedAgain_thenItIsAppliedOnce() {
        Invoice invoice = world.sentInvoice();
        c2b.confirm(paybill("QAB1CD2EF3", 1_000, invoice.id().value()));
        int told = world.outbox().size();

        C2bOutcome again = c2b.confirm(paybill("QAB1CD2EF3", 1_000, invoice.id().value()));

        assertThat(again).isInstanceOf(C2bOutcome.Duplicate.class);
        assertThat(world.invoice(invoice.id()).paid()).isEqualTo(Money.ofShillings(1_000));
        assertThat(world.outbox()).hasSize(told);
    }

    @Test
    void givenAPartPayment_whenConfirmed_thenTheInvoiceIsPartPaidWithItsBalance() {
        Invoice invoice = world.sentInvoice();

        C2bOutcome outcome = c2b.confirm(paybill("QAB1CD2EF3", 1_000, invoice.id().value()));

        assertThat(outcome).isInstanceOfSatisfying(C2bOutcome.Applied.class,
                applied -> assertThat(applied.settlement()).isInstanceOfSatisfying(Settlement.PartlyPaid.class,
                        part -> assertThat(part.balance()).isEqualTo(Money.ofShillings(1_500))));
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenATillPaymentWithOneCandidate_whenConfirmed_thenItPaysThatInvoice() {
        Invoice invoice = world.sentInvoice();
        world.advance(Duration.ofHours(1));

        C2bOutcome outcome = c2b.confirm(till("QAB1CD2EF3", 2_500));

        assertThat(outcome).isInstanceOfSatisfying(C2bOutcome.Applied.class,
                applied -> assertThat(applied.byAccount()).isFalse());
        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void givenATillPaymentWithTwoCandidates_whenConfirmed_thenItIsUnmatchedAndTheMerchantIsTold() {
        Invoice first = world.sentInvoice();
        Invoice second = world.sentInvoice();
        world.advance(Duration.ofHours(1));

        C2bOutcome outcome = c2b.confirm(till("QAB1CD2EF3", 2_500));

        assertThat(outcome).isInstanceOfSatisfying(C2bOutcome.Unmatched.class, unmatched -> {
            assertThat(unmatched.payment().checkoutRequestId()).isEmpty();
            assertThat(unmatched.payment().receipt()).contains(new MpesaReceipt("QAB1CD2EF3"));
        });
        assertThat(world.invoice(first.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.invoice(second.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).startsWith("Till payment that matches no single invoice:"
                        + " KES 2,500, receipt QAB1CD2EF3").contains("apply it to the right invoice"));
        assertThat(c2b.confirm(till("QAB1CD2EF3", 2_500))).as("told again").isInstanceOf(C2bOutcome.Duplicate.class);
        assertThat(world.ports.unmatchedPayments().countOpen()).isEqualTo(1);
    }

    @Test
    void givenAnUnmatchedTillPayment_whenTheMerchantAppliesIt_thenItPaysTheInvoiceChosen() {
        Invoice first = world.sentInvoice();
        world.sentInvoice();
        var raised = (C2bOutcome.Unmatched) c2b.confirm(till("QAB1CD2EF3", 2_500));

        ApplyUnmatchedPaymentOutcome applied = world.applyUnmatched.apply(raised.payment().id(), first.id());

        assertThat(applied).isInstanceOf(ApplyUnmatchedPaymentOutcome.Applied.class);
        assertThat(world.invoice(first.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(world.ports.unmatchedPayments().find(raised.payment().id()).orElseThrow().status())
                .isEqualTo(UnmatchedPayment.Status.APPLIED);
    }

    @Test
    void givenValidationOn_whenAnAccountNamesNoOpenInvoice_thenItIsRefusedAndAKnownOneAccepted() {
        RecordC2bPaymentService validating = service(true);
        Invoice open = world.sentInvoice();
        Invoice cancelled = world.cancelled(world.sentInvoice());

        assertThat(validating.validate(paybill("QAB1CD2EF3", 2_500, open.id().value().toLowerCase())))
                .isEqualTo(C2bValidation.ACCEPT);
        assertThat(validating.validate(paybill("QAB1CD2EF3", 2_500, "INV-ZZZZZZ")))
                .isEqualTo(C2bValidation.INVALID_ACCOUNT);
        assertThat(validating.validate(paybill("QAB1CD2EF3", 2_500, "hello")))
                .isEqualTo(C2bValidation.INVALID_ACCOUNT);
        assertThat(validating.validate(paybill("QAB1CD2EF3", 2_500, cancelled.id().value())))
                .isEqualTo(C2bValidation.INVALID_ACCOUNT);
        assertThat(validating.validate(till("QAB1CD2EF3", 2_500))).as("a till has no account")
                .isEqualTo(C2bValidation.ACCEPT);
        assertThat(c2b.validate(paybill("QAB1CD2EF3", 2_500, "hello"))).as("validation off")
                .isEqualTo(C2bValidation.ACCEPT);
    }

    @Test
    void givenAConfirmationKeptButNotApplied_whenTheSweepRuns_thenItIsApplied() {
        Invoice invoice = world.sentInvoice();
        inbox.store(paybill("QAB1CD2EF3", 2_500, invoice.id().value()));
        world.advance(Duration.ofMinutes(1));

        assertThat(c2b.applyPending()).isEqualTo(1);

        assertThat(world.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(inbox.takeUnprocessed(new MpesaReceipt("QAB1CD2EF3"))).isEmpty();
        assertThat(c2b.applyPending()).isZero();
    }

    @Test
    void givenAPaybillAccountNamingNothing_whenOneInvoiceFitsTheAmount_thenItIsMatchedByAmount() {
        Invoice invoice = world.sentInvoice();
        world.advance(Duration.ofMinutes(10));

        C2bOutcome outcome = c2b.confirm(paybill("QAB1CD2EF3", 2_500, "my house"));

        assertThat(outcome).isInstanceOfSatisfying(C2bOutcome.Applied.class,
                applied -> assertThat(applied.settlement().invoice().id()).isEqualTo(invoice.id()));
    }

    @Test
    void givenAPaybillAccountNamingNothingAndNoFit_whenConfirmed_thenTheMerchantSeesWhatTheCustomerTyped() {
        C2bOutcome outcome = c2b.confirm(paybill("QAB1CD2EF3", 777, "house 12"));

        assertThat(outcome).isInstanceOf(C2bOutcome.Unmatched.class);
        assertThat(world.outboxTo(MERCHANT, MessagePurpose.MERCHANT_NOTICE)).singleElement()
                .satisfies(m -> assertThat(m.content().text()).startsWith("Paybill payment that matches no invoice:"
                        + " KES 777, account \"house 12\", receipt QAB1CD2EF3"));
    }
}
