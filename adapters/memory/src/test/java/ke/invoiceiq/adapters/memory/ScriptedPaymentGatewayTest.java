package ke.invoiceiq.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;

class ScriptedPaymentGatewayTest {

    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();

    @Test
    void acceptsEveryPushByDefaultAndRecordsIt() {
        assertThat(gateway.requestStkPush(push(1))).isEqualTo(accepted(1));
        assertThat(gateway.requestStkPush(push(2))).isEqualTo(accepted(2));

        assertThat(gateway.pushRequests()).containsExactly(push(1), push(2));
        assertThat(gateway.pushCount()).isEqualTo(2);
        assertThat(gateway.lastPush()).contains(push(2));
    }

    @Test
    void answersPushesAsScriptedThenByDefault() {
        gateway.respondWith(new StkPushResponse.SubscriberBusy(), new StkPushResponse.RetryLater("spike arrest"));

        assertThat(gateway.requestStkPush(push(1))).isEqualTo(new StkPushResponse.SubscriberBusy());
        assertThat(gateway.requestStkPush(push(2))).isEqualTo(new StkPushResponse.RetryLater("spike arrest"));
        assertThat(gateway.requestStkPush(push(3))).isEqualTo(accepted(3));
    }

    @Test
    void answersQueriesPendingUnlessScripted() {
        var paid = new StkQueryResponse.Final(StkResult.of(0));
        var cancelled = new StkQueryResponse.Final(StkResult.of(1032));
        gateway.answerQueriesOf(new CheckoutRequestId("ws_CO_1"), paid);
        gateway.respondToQueriesWith(cancelled);

        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1"))).isEqualTo(paid);
        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_2"))).isEqualTo(cancelled);
        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_2"))).isEqualTo(new StkQueryResponse.Pending());
        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1"))).isEqualTo(paid);
        assertThat(gateway.queries()).hasSize(4);
    }

    @Test
    void holdsAPushInFlightUntilReleased() throws Exception {
        var release = new CountDownLatch(1);
        gateway.holdPushesUntil(release);

        var inFlight = CompletableFuture.supplyAsync(() -> gateway.requestStkPush(push(1)));

        assertThat(gateway.awaitPushes(1, Duration.ofSeconds(5))).isTrue();
        assertThat(gateway.pushCount()).isEqualTo(1);
        Thread.sleep(50);
        assertThat(inFlight).isNotDone();
        release.countDown();
        assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo(accepted(1));
    }

    @Test
    void givesUpWaitingForPushesThatNeverCome() throws InterruptedException {
        assertThat(gateway.awaitPushes(1, Duration.ofMillis(20))).isFalse();
    }

    private static StkPushRequest push(int n) {
        return new StkPushRequest(new PaymentId("pay-" + n), new Msisdn("254712345678"), Amount.ofShillings(2_500),
                new InvoiceId("INV-00000" + n));
    }

    private static StkPushResponse accepted(int n) {
        return new StkPushResponse.Accepted(new MerchantRequestId("mr-" + n), new CheckoutRequestId("ws_CO_" + n));
    }

    @Test
    void givenAnIdPrefix_whenPushesAreAccepted_thenTheirCheckoutIdsCarryIt() {
        var first = new ScriptedPaymentGateway("run1_");
        var second = new ScriptedPaymentGateway("run2_");

        assertThat(first.requestStkPush(push(1))).isEqualTo(new StkPushResponse.Accepted(
                new MerchantRequestId("mr-1"), new CheckoutRequestId("ws_CO_run1_1")));
        assertThat(second.requestStkPush(push(1))).isEqualTo(new StkPushResponse.Accepted(
                new MerchantRequestId("mr-1"), new CheckoutRequestId("ws_CO_run2_1")));
        assertThatThrownBy(() -> new ScriptedPaymentGateway("no spaces"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
