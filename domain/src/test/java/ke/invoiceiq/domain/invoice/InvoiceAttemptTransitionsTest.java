package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.GIVEN_UP;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.IN_FLIGHT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAYING;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.POLICY;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.anInvoice;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.attempt;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.checkoutOf;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.failedCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.merchantRequestOf;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.paidCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.started;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the STK push's own news does to an invoice's attempt: Daraja's synchronous answer (names it, refuses it,
 * or nothing), the reconciler's inconclusive query and its giving up, and the merchant's cancel while a prompt may
 * still be open. None of it is money, so none of it changes what the invoice was paid.
 */
class InvoiceAttemptTransitionsTest {

    private static final PaymentId NEW = new PaymentId("pay-new");
    private static final MerchantRequestId OTHER_MERCHANT_REQUEST = new MerchantRequestId("mr-other");
    private static final CheckoutRequestId OTHER_CHECKOUT = new CheckoutRequestId("ws_CO_other");

    /** A SENT invoice whose only attempt {@link #NEW} was requested and not yet named. */
    private static Invoice requested() {
        return started(invoiceIn(SENT), NEW, NOW.minusSeconds(30)).invoice();
    }

    /** The attempt {@link #NEW} of a SENT invoice, in each state an attempt can be in when news of the push comes. */
    enum AttemptState {
        IN_FLIGHT_UNNAMED(inv -> inv),
        IN_FLIGHT_NAMED(inv -> inv.pushAccepted(NEW, merchantRequestOf(NEW), checkoutOf(NEW), NOW.minusSeconds(29))),
        REFUSED(inv -> inv.pushRefused(NEW, StkResult.of(1001), POLICY, NOW.minusSeconds(29)).invoice()),
        GIVEN_UP(inv -> inv.giveUp(NEW, NOW.minusSeconds(10)).invoice()),
        FAILED(inv -> inv.settle(NEW, failedCallback(NEW, 1032, NOW.minusSeconds(20)), POLICY, NOW.minusSeconds(20))
                .invoice()),
        PAID_BEFORE_NAMED(inv -> inv.settle(NEW, paidCallback(NEW, "2500", RECEIPT, NOW.minusSeconds(20)), POLICY,
                NOW.minusSeconds(20)).invoice());

        private final UnaryOperator<Invoice> reach;

        AttemptState(UnaryOperator<Invoice> reach) {
            this.reach = reach;
        }

        Invoice invoice() {
            return reach.apply(requested());
        }
    }

    @Nested
    class PushAccepted {

        @Test
        void givenUnnamedAttemptInFlight_whenDarajaAccepts_thenItsIdsAreRecordedAndItStaysInFlight() {
            Invoice before = requested();

            Invoice after = before.pushAccepted(NEW, merchantRequestOf(NEW), checkoutOf(NEW), NOW);

            Payment named = attempt(after, NEW);
            assertThat(named.merchantRequestId()).contains(merchantRequestOf(NEW));
            assertThat(named.checkoutRequestId()).contains(checkoutOf(NEW));
            assertThat(named.status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(named.updatedAt()).isEqualTo(NOW);
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.attemptInFlight()).contains(named);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(AttemptState.class)
        void givenAttemptInAnyState_whenDarajaAcceptsLate_thenItsStatusAndTheInvoiceStatusNeverChange(
                AttemptState state) {
            Invoice before = state.invoice();
            Payment was = attempt(before, NEW);

            Invoice after = before.pushAccepted(NEW, OTHER_MERCHANT_REQUEST, OTHER_CHECKOUT, NOW);

            Payment now = attempt(after, NEW);
            assertThat(now.status()).isEqualTo(was.status());
            assertThat(now.result()).isEqualTo(was.result());
            assertThat(now.received()).isEqualTo(was.received());
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.paid()).isEqualTo(before.paid());
            assertThat(now.checkoutRequestId()).as("named once: the first name stays")
                    .contains(was.checkoutRequestId().orElse(OTHER_CHECKOUT));
        }

        @Test
        void givenAttemptGivenUp_whenTheLateAcceptedArrives_thenItIsNamedAndStaysExpired() {
            Invoice givenUp = AttemptState.GIVEN_UP.invoice();

            Invoice after = givenUp.pushAccepted(NEW, merchantRequestOf(NEW), checkoutOf(NEW), NOW);

            assertThat(attempt(after, NEW).status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(attempt(after, NEW).checkoutRequestId()).contains(checkoutOf(NEW));
            assertThat(after.attemptInFlight()).isEmpty();
        }

        @Test
        void givenNamedAttempt_whenAcceptedAgainWithOtherIds_thenTheSameInvoice() {
            Invoice named = AttemptState.IN_FLIGHT_NAMED.invoice();

            assertThat(named.pushAccepted(NEW, OTHER_MERCHANT_REQUEST, OTHER_CHECKOUT, NOW)).isSameAs(named);
        }

        @Test
        void givenResultForAnAttemptDarajaNeverNamed_whenSettled_thenTheResultNamesItAndALateAcceptedChangesNothing() {
            Invoice paidEarly = AttemptState.PAID_BEFORE_NAMED.invoice();

            Invoice after = paidEarly.pushAccepted(NEW, OTHER_MERCHANT_REQUEST, OTHER_CHECKOUT, NOW);

            assertThat(attempt(paidEarly, NEW).checkoutRequestId()).contains(checkoutOf(NEW));
            assertThat(attempt(paidEarly, NEW).merchantRequestId()).contains(merchantRequestOf(NEW));
            assertThat(after).isSameAs(paidEarly);
        }

        @Test
        void givenUnknownAttempt_whenAccepted_thenRejected() {
            Invoice invoice = requested();

            assertThatIllegalArgumentException().isThrownBy(() -> invoice.pushAccepted(new PaymentId("pay-nobody"),
                    OTHER_MERCHANT_REQUEST, OTHER_CHECKOUT, NOW)).withMessageContaining("pay-nobody");
        }
    }

    @Nested
    class PushRefused {

        @ParameterizedTest(name = "refused {0}")
        @ValueSource(ints = {1001, -1, -2})
        void givenUnnamedAttemptInFlight_whenDarajaRefusesOnTheSpot_thenItFailedAndANewPromptMayStartAtOnce(int code) {
            Invoice before = requested();

            Settlement settlement = before.pushRefused(NEW, StkResult.of(code), POLICY, NOW);

            assertThat(settlement).isInstanceOfSatisfying(Settlement.Failed.class, failed -> {
                assertThat(failed.reason()).isEqualTo(StkReason.of(code));
                assertThat(failed.reason().refusedBeforePrompt()).isTrue();
                assertThat(failed.retryFrom()).isEmpty();
                assertThat(failed.payment().status()).isEqualTo(PaymentStatus.FAILED);
                assertThat(failed.payment().checkoutRequestId()).isEmpty();
                assertThat(failed.events()).containsExactly(new PaymentEvent.Failed(ID, NEW, StkReason.of(code), NOW));
            });
            assertThat(settlement.invoice().status()).isEqualTo(before.status());
            assertThat(settlement.invoice().requestPayment(Optional.empty(), new PaymentId("pay-next"),
                    InvoiceFixtures.keyOf(new PaymentId("pay-next")), POLICY, NOW))
                    .isInstanceOf(PaymentRequest.Start.class);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttemptState.class, names = "IN_FLIGHT_UNNAMED", mode = EnumSource.Mode.EXCLUDE)
        void givenAttemptNamedOrEnded_whenARefusalArrives_thenUnchanged(AttemptState state) {
            Invoice before = state.invoice();

            assertThat(before.pushRefused(NEW, StkResult.of(-1), POLICY, NOW))
                    .isEqualTo(new Settlement.Unchanged(before));
        }

        @ParameterizedTest(name = "code {0}")
        @ValueSource(ints = {0, 1, 17, 1019, 1025, 1032, 1037, 2001, 9999, -3, 26})
        void givenCodeThatIsNoRefusalOnTheSpot_whenReportedAsARefusal_thenRejected(int code) {
            Invoice before = requested();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> before.pushRefused(NEW, StkResult.of(code), POLICY, NOW))
                    .withMessageContaining(String.valueOf(code));
        }
    }

    @Nested
    class Queried {

        @Test
        void givenAttemptInFlight_whenAnInconclusiveQueryIsRecorded_thenCountedAndTimed() {
            Invoice before = AttemptState.IN_FLIGHT_NAMED.invoice();

            Invoice once = before.queried(NEW, NOW);
            Invoice twice = once.queried(NEW, NOW.plusSeconds(60));

            assertThat(attempt(once, NEW).queries()).isEqualTo(1);
            assertThat(attempt(twice, NEW).queries()).isEqualTo(2);
            assertThat(attempt(twice, NEW).lastQueriedAt()).contains(NOW.plusSeconds(60));
            assertThat(attempt(twice, NEW).status()).isEqualTo(PaymentStatus.INITIATED);
            assertThat(twice.status()).isEqualTo(before.status());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttemptState.class, names = {"REFUSED", "GIVEN_UP", "FAILED", "PAID_BEFORE_NAMED"})
        void givenAttemptThatEnded_whenAQueryIsRecorded_thenTheSameInvoice(AttemptState state) {
            Invoice ended = state.invoice();

            assertThat(ended.queried(NEW, NOW)).isSameAs(ended);
        }
    }

    @Nested
    class GiveUp {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttemptState.class, names = {"IN_FLIGHT_UNNAMED", "IN_FLIGHT_NAMED"})
        void givenAttemptInFlight_whenTheReconcilerGivesUp_thenNoAnswerWithCodeMinusThreeAndAnExpiredEvent(
                AttemptState state) {
            Invoice before = state.invoice();

            Settlement settlement = before.giveUp(NEW, NOW);

            assertThat(settlement).isInstanceOfSatisfying(Settlement.NoAnswer.class, noAnswer -> {
                Payment expired = noAnswer.payment();
                assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
                assertThat(expired.result().map(StkResult::code)).contains(-3);
                assertThat(expired.endReason()).contains(StkReason.NO_ANSWER);
                assertThat(expired.updatedAt()).isEqualTo(NOW);
                assertThat(noAnswer.events()).containsExactly(new PaymentEvent.Expired(ID, NEW, NOW));
            });
            assertThat(settlement.invoice().attemptInFlight()).isEmpty();
            assertThat(settlement.invoice().status()).isEqualTo(before.status());
            assertThat(settlement.invoice().paid()).isEqualTo(before.paid());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttemptState.class, names = {"REFUSED", "GIVEN_UP", "FAILED", "PAID_BEFORE_NAMED"})
        void givenAttemptThatEnded_whenTheReconcilerGivesUp_thenUnchanged(AttemptState state) {
            Invoice ended = state.invoice();

            assertThat(ended.giveUp(NEW, NOW)).isEqualTo(new Settlement.Unchanged(ended));
        }

        @Test
        void givenAttemptGivenUp_whenTheCustomerTapsAgain_thenANewPromptAtOnce() {
            Invoice givenUp = AttemptState.GIVEN_UP.invoice();

            PaymentRequest request = givenUp.requestPayment(Optional.empty(), new PaymentId("pay-next"),
                    InvoiceFixtures.keyOf(new PaymentId("pay-next")), POLICY, NOW.minusSeconds(9));

            assertThat(request).isInstanceOf(PaymentRequest.Start.class);
        }
    }

    @Nested
    class CancelWhileAPromptMayBeOpen {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttemptState.class, names = {"IN_FLIGHT_UNNAMED", "IN_FLIGHT_NAMED"})
        void givenAttemptInFlight_whenTheMerchantCancels_thenRefusedPaymentInFlight(AttemptState state) {
            Invoice before = state.invoice();

            assertThat(before.cancel(NOW)).isEqualTo(new InvoiceOutcome.Refused(before, Refusal.PAYMENT_IN_FLIGHT));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttemptState.class, names = {"REFUSED", "GIVEN_UP", "FAILED"})
        void givenAttemptThatEndedWithoutMoney_whenTheMerchantCancels_thenCancelled(AttemptState state) {
            Invoice before = state.invoice();

            InvoiceOutcome outcome = before.cancel(NOW);

            assertThat(outcome).isEqualTo(new InvoiceOutcome.Applied(outcome.invoice(),
                    new InvoiceEvent.Cancelled(ID, NOW)));
            assertThat(outcome.invoice().status()).isEqualTo(CANCELLED);
        }

        @Test
        void givenPaidInvoiceWithAnotherAttemptStillInFlight_whenCancelled_thenRefusedAlreadyPaidNotInFlight() {
            Invoice paid = anInvoice().status(PAID).withAttemptGivenUp().withAttemptInFlight().build();

            assertThat(paid.attemptInFlight()).map(Payment::id).contains(IN_FLIGHT);
            assertThat(paid.cancel(NOW)).isEqualTo(new InvoiceOutcome.Refused(paid, Refusal.ALREADY_PAID));
        }
    }

    @Test
    void givenEveryFixtureAttempt_whenNewsOfThePushArrives_thenWhatTheInvoiceWasPaidNeverChanges() {
        List<Invoice> invoices = List.of(invoiceIn(PAID), anInvoice().status(CANCELLED).withAttemptGivenUp().build(),
                anInvoice().status(SENT).withAttemptInFlight().build());
        Instant later = NOW.plus(Duration.ofMinutes(1));

        assertThat(invoices).allSatisfy(inv -> inv.payments().forEach(p -> {
            assertThat(inv.pushAccepted(p.id(), OTHER_MERCHANT_REQUEST, OTHER_CHECKOUT, later).paid())
                    .isEqualTo(inv.paid());
            assertThat(inv.queried(p.id(), later).paid()).isEqualTo(inv.paid());
            assertThat(inv.giveUp(p.id(), later).invoice().paid()).isEqualTo(inv.paid());
        }));
        assertThat(invoices.getFirst().payment(PAYING)).isPresent();
        assertThat(invoices.get(1).payment(GIVEN_UP)).isPresent();
    }
}
