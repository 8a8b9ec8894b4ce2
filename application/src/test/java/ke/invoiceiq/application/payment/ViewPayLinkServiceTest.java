package ke.invoiceiq.application.payment;

import static ke.invoiceiq.application.payment.PaymentWorld.CANCELLED_BY_USER;
import static ke.invoiceiq.application.payment.PaymentWorld.PAID;
import static ke.invoiceiq.application.payment.PaymentWorld.RECEIPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.application.payment.PayLinkView.Attempt;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkReason;
import org.junit.jupiter.api.Test;

class ViewPayLinkServiceTest {

    private final PaymentWorld world = new PaymentWorld();
    private final ViewPayLinkService pages = new ViewPayLinkService(world.ports.invoices(),
            world.ports.transactions(), world.ports.clock(), world.settings);

    @Test
    void givenAnUnknownToken_whenViewed_thenEmpty() {
        world.sentInvoice();

        assertThat(pages.view(new PayToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).isEmpty();
    }

    @Test
    void givenAnInvoiceNobodyTriedToPay_whenViewed_thenTheInvoiceWithNoAttempt() {
        Invoice invoice = world.sentInvoice();

        PayLinkView view = pages.view(invoice.payToken()).orElseThrow();

        assertThat(view.invoice().id()).isEqualTo(invoice.id());
        assertThat(view.invoice().status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(view.attempt()).isEqualTo(new Attempt.None());
    }

    @Test
    void givenAPromptOpen_whenViewed_thenInFlightSinceItWasAskedFor() {
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "page-1");

        assertThat(pages.view(invoice.payToken()).orElseThrow().attempt())
                .isEqualTo(new Attempt.InFlight(attempt.createdAt()));
    }

    @Test
    void givenThePromptWasCancelledOnThePhone_whenViewedDuringAndAfterTheCooldown_thenFailedWithTheReason() {
        Invoice invoice = world.sentInvoice();
        Payment attempt = world.initiated(invoice, "page-1");
        world.callback(attempt, CANCELLED_BY_USER);

        Attempt during = pages.view(invoice.payToken()).orElseThrow().attempt();
        assertThat(during).isInstanceOfSatisfying(Attempt.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(StkReason.CANCELLED_BY_USER);
            assertThat(failed.tryAgainAt()).contains(world.now().plus(world.settings.cooldown()));
        });

        world.advance(world.settings.cooldown().plus(Duration.ofSeconds(1)));
        assertThat(pages.view(invoice.payToken()).orElseThrow().attempt())
                .isEqualTo(new Attempt.Failed(StkReason.CANCELLED_BY_USER, Optional.empty()));
    }

    @Test
    void givenMpesaRefusedThePushBeforeAnyPrompt_whenViewed_thenFailedAsUnavailableWithNoWait() {
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.RetryLater("spike arrest"));
        world.tap(invoice, "page-1");

        assertThat(pages.view(invoice.payToken()).orElseThrow().attempt())
                .isEqualTo(new Attempt.Failed(StkReason.UNAVAILABLE, Optional.empty()));
    }

    @Test
    void givenThePushOutcomeIsUnknown_whenViewed_thenInFlight() {
        Invoice invoice = world.sentInvoice();
        world.ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));
        world.tap(invoice, "page-1");

        assertThat(pages.view(invoice.payToken()).orElseThrow().attempt())
                .isEqualTo(new Attempt.InFlight(world.onlyAttempt(invoice).createdAt()));
    }

    @Test
    void givenMpesaNeverAnsweredAndTheAttemptWasGivenUp_whenViewed_thenFailedAsNoAnswerWithNoWait() {
        Invoice invoice = world.sentInvoice();
        world.initiated(invoice, "page-1");
        world.advance(world.settings.expireAfter());
        world.reconciler.reconcile();

        assertThat(pages.view(invoice.payToken()).orElseThrow().attempt())
                .isEqualTo(new Attempt.Failed(StkReason.NO_ANSWER, Optional.empty()));
    }

    @Test
    void givenAPartPayment_whenViewed_thenSucceededWithTheBalanceLeftOnTheInvoice() {
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "page-1"), PAID, RECEIPT, 1_000);

        PayLinkView view = pages.view(invoice.payToken()).orElseThrow();

        assertThat(view.attempt()).isEqualTo(new Attempt.Succeeded(Optional.of(RECEIPT)));
        assertThat(view.invoice().status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(view.invoice().isPayable()).isTrue();
        assertThat(view.invoice().balance()).isEqualTo(Money.ofShillings(1_500));
    }

    @Test
    void givenThePaymentWentThrough_whenViewed_thenPaidWithTheReceipt() {
        Invoice invoice = world.sentInvoice();
        world.callback(world.initiated(invoice, "page-1"), PAID);

        PayLinkView view = pages.view(invoice.payToken()).orElseThrow();

        assertThat(view.invoice().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(view.invoice().receipt()).contains(RECEIPT);
        assertThat(view.attempt()).isEqualTo(new Attempt.Succeeded(Optional.of(RECEIPT)));
    }

    @Test
    void givenACancelledInvoice_whenViewed_thenItIsShownAsCancelled() {
        Invoice invoice = world.cancelled(world.sentInvoice());

        assertThat(pages.view(invoice.payToken()).orElseThrow().invoice().status()).isEqualTo(InvoiceStatus.CANCELLED);
    }
}
