package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.AMOUNT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CANCELLED_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CREATED;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.GIVEN_UP;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.IN_FLIGHT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.OTHER_RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAID_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAYING;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.POLICY;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.SENT_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.anInvoice;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.issued;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.kes;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.paidCallback;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.queried;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.started;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.startedAndNamed;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.FAILED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PENDING;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Refused;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Unchanged;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The invoice life cycle of docs/architecture.md, cell by cell, then the cases the table only names in words. */
class InvoiceTransitionTest {

    /**
     * The five columns of the DESIGN §2 table, each applied the way the application applies it. Money arrives on
     * an attempt, so the payment column starts from a fixture that has one: in flight on an open invoice, given
     * up before the cancellation on a cancelled one, the attempt that paid on a paid one.
     */
    enum Action {
        SEND_ACCEPTED((inv, now) -> Outcome.of(inv.sendAccepted(Channel.SMS, now))),
        DELIVERY_FAILED_ON_EVERY_CHANNEL((inv, now) -> Outcome.of(inv.deliveryFailedOnEveryChannel(now))),
        /**
         * M-PESA reports the full amount paid with {@link InvoiceFixtures#RECEIPT}: the PAID fixture's own
         * receipt on its own attempt, so "the same payment told again" there.
         */
        PAYMENT_SUCCEEDED(InvoiceTransitionTest::paymentFixture, (inv, now) -> {
            PaymentId attempt = inv.attemptInFlight().or(() -> inv.payment(PAYING)).or(() -> inv.payment(GIVEN_UP))
                    .orElseThrow().id();
            return Outcome.of(inv.settle(attempt, paidCallback(attempt, "2500", RECEIPT, now), POLICY, now));
        }),
        CANCEL((inv, now) -> Outcome.of(inv.cancel(now))),
        REMIND((inv, now) -> Outcome.of(inv.remind(ReminderPolicy.DEFAULT, now)));

        private final Function<InvoiceStatus, Invoice> fixture;
        private final BiFunction<Invoice, Instant, Outcome> apply;

        Action(BiFunction<Invoice, Instant, Outcome> apply) {
            this(InvoiceFixtures::invoiceIn, apply);
        }

        Action(Function<InvoiceStatus, Invoice> fixture, BiFunction<Invoice, Instant, Outcome> apply) {
            this.fixture = fixture;
            this.apply = apply;
        }

        Invoice before(InvoiceStatus status) {
            return fixture.apply(status);
        }

        Outcome on(Invoice invoice, Instant now) {
            return apply.apply(invoice, now);
        }
    }

    private static Invoice paymentFixture(InvoiceStatus status) {
        return switch (status) {
            case PENDING, SENT, FAILED -> anInvoice().status(status).withAttemptInFlight().build();
            case CANCELLED -> anInvoice().status(CANCELLED).withAttemptGivenUp().build();
            case PAID -> invoiceIn(PAID);
        };
    }

    enum Kind {
        APPLIED, UNCHANGED, REFUSED
    }

    /** What a transition did, read the same way from an {@link InvoiceOutcome} and from a {@link Settlement}. */
    record Outcome(Kind kind, Invoice invoice, Refusal refusal, InvoiceEvent event) {

        static Outcome of(InvoiceOutcome outcome) {
            return switch (outcome) {
                case Applied a -> new Outcome(Kind.APPLIED, a.invoice(), null, a.event());
                case Unchanged u -> new Outcome(Kind.UNCHANGED, u.invoice(), null, null);
                case Refused r -> new Outcome(Kind.REFUSED, r.invoice(), r.refusal(), null);
            };
        }

        static Outcome of(Settlement settlement) {
            if (settlement instanceof Settlement.Unchanged) {
                return new Outcome(Kind.UNCHANGED, settlement.invoice(), null, null);
            }
            List<InvoiceEvent> told = settlement.events().stream().filter(InvoiceEvent.class::isInstance)
                    .map(InvoiceEvent.class::cast).toList();
            assertThat(told).as("one invoice event per settlement that changed the invoice").hasSize(1);
            return new Outcome(Kind.APPLIED, settlement.invoice(), null, told.getFirst());
        }
    }

    record Row(InvoiceStatus from, Action action, InvoiceStatus to, Kind kind, Refusal refusal,
            Class<? extends InvoiceEvent> event) {
        @Override
        public String toString() {
            return from + " + " + action + " -> " + to + " " + kind
                    + (refusal != null ? " " + refusal : "")
                    + (event != null ? " " + event.getSimpleName() : "");
        }
    }

    private static Row applied(InvoiceStatus from, Action action, InvoiceStatus to, Class<? extends InvoiceEvent> event) {
        return new Row(from, action, to, Kind.APPLIED, null, event);
    }

    private static Row unchanged(InvoiceStatus from, Action action) {
        return new Row(from, action, from, Kind.UNCHANGED, null, null);
    }

    private static Row refused(InvoiceStatus from, Action action, Refusal refusal) {
        return new Row(from, action, from, Kind.REFUSED, refusal, null);
    }

    /**
     * docs/architecture.md "Invoice aggregate", all 25 cells. One reading needs a note: SENT × "delivery failed on every
     * channel" says "(stays SENT if one channel worked)". The event itself means no channel worked (a WhatsApp
     * failure status arrived after WhatsApp had accepted the message, and the SMS fallback failed too), and §3
     * RecordDeliveryStatus says exactly that case makes the invoice FAILED; so SENT → FAILED. The "one channel
     * worked" half is covered by {@link SpecialCases#givenSentInvoice_whenAnotherChannelAlsoAccepts_thenItStaysSent}.
     */
    static List<Row> table() {
        return List.of(
                // PENDING
                applied(PENDING, Action.SEND_ACCEPTED, SENT, InvoiceEvent.Sent.class),
                applied(PENDING, Action.DELIVERY_FAILED_ON_EVERY_CHANNEL, FAILED, InvoiceEvent.DeliveryFailed.class),
                applied(PENDING, Action.PAYMENT_SUCCEEDED, PAID, InvoiceEvent.Paid.class),
                applied(PENDING, Action.CANCEL, CANCELLED, InvoiceEvent.Cancelled.class),
                refused(PENDING, Action.REMIND, Refusal.NOT_SENT_YET),
                // SENT
                unchanged(SENT, Action.SEND_ACCEPTED),
                applied(SENT, Action.DELIVERY_FAILED_ON_EVERY_CHANNEL, FAILED, InvoiceEvent.DeliveryFailed.class),
                applied(SENT, Action.PAYMENT_SUCCEEDED, PAID, InvoiceEvent.Paid.class),
                applied(SENT, Action.CANCEL, CANCELLED, InvoiceEvent.Cancelled.class),
                applied(SENT, Action.REMIND, SENT, InvoiceEvent.ReminderRequested.class),
                // PAID
                unchanged(PAID, Action.SEND_ACCEPTED),
                unchanged(PAID, Action.DELIVERY_FAILED_ON_EVERY_CHANNEL),
                unchanged(PAID, Action.PAYMENT_SUCCEEDED), // same receipt: no-op
                refused(PAID, Action.CANCEL, Refusal.ALREADY_PAID),
                refused(PAID, Action.REMIND, Refusal.ALREADY_PAID),
                // CANCELLED
                unchanged(CANCELLED, Action.SEND_ACCEPTED),
                unchanged(CANCELLED, Action.DELIVERY_FAILED_ON_EVERY_CHANNEL),
                applied(CANCELLED, Action.PAYMENT_SUCCEEDED, PAID, InvoiceEvent.PaidAfterCancellation.class),
                unchanged(CANCELLED, Action.CANCEL),
                refused(CANCELLED, Action.REMIND, Refusal.CANCELLED),
                // FAILED
                applied(FAILED, Action.SEND_ACCEPTED, SENT, InvoiceEvent.Sent.class),
                unchanged(FAILED, Action.DELIVERY_FAILED_ON_EVERY_CHANNEL),
                applied(FAILED, Action.PAYMENT_SUCCEEDED, PAID, InvoiceEvent.Paid.class),
                applied(FAILED, Action.CANCEL, CANCELLED, InvoiceEvent.Cancelled.class),
                applied(FAILED, Action.REMIND, FAILED, InvoiceEvent.RedeliveryRequested.class));
    }

    @Test
    @DisplayName("the table has exactly one row per status × event (5 × 5 = 25)")
    void givenTransitionTable_whenCountingCells_thenEveryStatusEventPairAppearsOnce() {
        Set<String> cells = table().stream().map(r -> r.from() + "/" + r.action()).collect(Collectors.toSet());

        assertThat(table()).hasSize(InvoiceStatus.values().length * Action.values().length);
        assertThat(cells).hasSize(25);
        Arrays.stream(InvoiceStatus.values()).forEach(s -> Arrays.stream(Action.values())
                .forEach(a -> assertThat(cells).contains(s + "/" + a)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    @DisplayName("DESIGN §2 transition table")
    void givenStatus_whenEventHappens_thenTableSaysWhatFollows(Row row) {
        Invoice before = row.action().before(row.from());

        Outcome outcome = row.action().on(before, NOW);

        assertThat(before.status()).isEqualTo(row.from());
        assertThat(outcome.kind()).isEqualTo(row.kind());
        assertThat(outcome.invoice().status()).isEqualTo(row.to());
        assertThat(outcome.invoice().version()).isEqualTo(before.version());
        switch (outcome.kind()) {
            case APPLIED -> {
                assertThat(outcome.event()).isExactlyInstanceOf(row.event());
                assertThat(outcome.event().invoiceId()).isEqualTo(ID);
                assertThat(outcome.event().at()).isEqualTo(NOW);
            }
            case REFUSED -> {
                assertThat(outcome.refusal()).isEqualTo(row.refusal());
                assertThat(outcome.invoice()).isEqualTo(before);
            }
            case UNCHANGED -> assertThat(outcome.invoice()).isEqualTo(before);
        }
    }

    /** Settles {@code attempt} of {@code invoice} with a callback for the full amount, receipt {@code receipt}. */
    private static Settlement paidInFull(Invoice invoice, PaymentId attempt, Optional<MpesaReceipt> receipt,
            Instant at) {
        PaymentResult result = receipt.isPresent()
                ? paidCallback(attempt, "2500", receipt, at)
                : queried(attempt, 0, at);
        return invoice.settle(attempt, result, POLICY, at);
    }

    @Nested
    class SpecialCases {

        @Test
        void givenPaidInvoice_whenSameReceiptArrivesAgain_thenUnchanged() {
            Invoice paid = invoiceIn(PAID);

            Settlement settlement = paidInFull(paid, PAYING, Optional.of(RECEIPT), NOW);

            assertThat(settlement).isEqualTo(new Settlement.Unchanged(paid));
            assertThat(settlement.events()).isEmpty();
        }

        @Test
        void givenPaidInvoice_whenConfirmationWithoutReceiptArrives_thenUnchanged() {
            Invoice paid = invoiceIn(PAID);

            Settlement settlement = paidInFull(paid, PAYING, Optional.empty(), NOW);

            assertThat(settlement).isInstanceOf(Settlement.Unchanged.class);
            assertThat(settlement.invoice().receipt()).contains(RECEIPT);
            assertThat(settlement.invoice().paid()).isEqualTo(kes(2_500));
        }

        @ParameterizedTest(name = "KES {0}")
        @CsvSource({"2500", "1000", "4000"})
        void givenPaidInvoice_whenItsOwnAttemptReportsASecondReceipt_thenUnchangedBecauseOnePromptMovesMoneyOnce(
                String amount) {
            Invoice paid = invoiceIn(PAID);

            Settlement settlement = paid.settle(PAYING, paidCallback(PAYING, amount, OTHER_RECEIPT, NOW), POLICY, NOW);

            assertThat(settlement).isEqualTo(new Settlement.Unchanged(paid));
            assertThat(settlement.invoice().receipts()).containsExactly(RECEIPT);
            assertThat(settlement.invoice().paid()).isEqualTo(kes(2_500));
        }

        @Test
        void givenPaidInvoice_whenAnotherAttemptPaysWithADifferentReceipt_thenDoublePaymentAndAllOfItIsExcess() {
            Invoice paid = anInvoice().status(PAID).withAttemptGivenUp().build();

            Settlement settlement = paidInFull(paid, GIVEN_UP, Optional.of(OTHER_RECEIPT), NOW);

            assertThat(settlement).isInstanceOf(Settlement.DoublePayment.class);
            Settlement.DoublePayment twice = (Settlement.DoublePayment) settlement;
            assertThat(twice.excess()).isEqualTo(kes(2_500));
            assertThat(twice.events()).containsExactly(
                    new PaymentEvent.Succeeded(ID, GIVEN_UP, NOW),
                    new InvoiceEvent.DoublePaymentReceived(ID, Optional.of(OTHER_RECEIPT), kes(2_500), NOW));
            Invoice after = twice.invoice();
            assertThat(after.status()).isEqualTo(PAID);
            assertThat(after.paidAt()).as("paid when it first reached its amount").contains(PAID_AT);
            assertThat(after.paid()).isEqualTo(kes(5_000));
            assertThat(after.receipts()).containsExactlyInAnyOrder(RECEIPT, OTHER_RECEIPT);
            assertThat(after.receipt()).as("the latest receipt").contains(OTHER_RECEIPT);
        }

        @Test
        void givenPaidInvoiceWithoutReceipt_whenReceiptArrives_thenReceiptAddedWithoutEventsAndPaidTimeKept() {
            Invoice paidBlank = anInvoice().status(PAID).receipt(null).build();

            Settlement settlement = paidInFull(paidBlank, PAYING, Optional.of(RECEIPT), NOW);

            assertThat(paidBlank.receipt()).isEmpty();
            assertThat(settlement).isInstanceOf(Settlement.ReceiptAdded.class);
            assertThat(settlement.events()).as("the payment was told when the invoice became PAID").isEmpty();
            assertThat(settlement.invoice().status()).isEqualTo(PAID);
            assertThat(settlement.invoice().receipt()).contains(RECEIPT);
            assertThat(settlement.invoice().paidAt()).contains(PAID_AT);
            assertThat(settlement.invoice().paid()).isEqualTo(kes(2_500));
        }

        @Test
        void givenPaidInvoiceWithoutReceipt_whenAnotherBlankConfirmationArrives_thenUnchanged() {
            Invoice paidBlank = anInvoice().status(PAID).receipt(null).build();

            Settlement settlement = paidInFull(paidBlank, PAYING, Optional.empty(), NOW);

            assertThat(settlement).isEqualTo(new Settlement.Unchanged(paidBlank));
            assertThat(settlement.invoice().receipt()).isEmpty();
        }

        @Test
        void givenCancelledInvoice_whenLateMoneyForTheWholeAmountArrives_thenPaidWithPaidAfterCancellation() {
            Invoice cancelled = anInvoice().status(CANCELLED).withAttemptGivenUp().build();

            Settlement settlement = paidInFull(cancelled, GIVEN_UP, Optional.of(RECEIPT), NOW);

            assertThat(settlement).isInstanceOf(Settlement.Paid.class);
            Settlement.Paid paid = (Settlement.Paid) settlement;
            assertThat(paid.afterCancellation()).isTrue();
            assertThat(paid.excess()).isEqualTo(Money.ZERO);
            assertThat(paid.events()).containsExactly(
                    new PaymentEvent.Succeeded(ID, GIVEN_UP, NOW),
                    new InvoiceEvent.PaidAfterCancellation(ID, Optional.of(RECEIPT), Duration.between(SENT_AT, NOW),
                            NOW));
            Invoice after = paid.invoice();
            assertThat(after.status()).isEqualTo(PAID);
            assertThat(after.paidAt()).contains(NOW);
            assertThat(after.receipt()).contains(RECEIPT);
            assertThat(after.cancelledAt()).as("the cancellation stays on record").contains(CANCELLED_AT);
            assertThat(after.isPayable()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = InvoiceStatus.class, names = {"PENDING", "SENT", "FAILED"})
        void givenOpenInvoice_whenCancelledWhilePaymentInFlight_thenRefusedPaymentInFlight(InvoiceStatus status) {
            Invoice open = anInvoice().status(status).withAttemptInFlight().build();

            InvoiceOutcome outcome = open.cancel(NOW);

            assertThat(outcome).isEqualTo(new Refused(open, Refusal.PAYMENT_IN_FLIGHT));
            assertThat(outcome.invoice().status()).isEqualTo(status);
            assertThat(outcome.invoice().cancelledAt()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = InvoiceStatus.class, names = {"PENDING", "SENT", "FAILED"})
        void givenOpenInvoiceWhoseAttemptWasGivenUp_whenCancelled_thenCancelled(InvoiceStatus status) {
            Invoice open = anInvoice().status(status).withAttemptGivenUp().build();

            InvoiceOutcome outcome = open.cancel(NOW);

            assertThat(outcome).isEqualTo(new Applied(outcome.invoice(), new InvoiceEvent.Cancelled(ID, NOW)));
            assertThat(outcome.invoice().status()).isEqualTo(CANCELLED);
            assertThat(outcome.invoice().payments()).isEqualTo(open.payments());
        }

        @Test
        void givenPaidInvoice_whenCancelledWhilePaymentInFlight_thenRefusedAlreadyPaid() {
            Invoice paid = anInvoice().status(PAID).withAttemptGivenUp().withAttemptInFlight().build();

            assertThat(paid.attemptInFlight()).map(Payment::id).contains(IN_FLIGHT);
            assertThat(paid.cancel(NOW)).isEqualTo(new Refused(paid, Refusal.ALREADY_PAID));
        }

        @Test
        void givenCancelledInvoiceWithAnAttemptThatEnded_whenCancelledAgain_thenUnchanged() {
            Invoice cancelled = anInvoice().status(CANCELLED).withAttemptGivenUp().build();

            assertThat(cancelled.cancel(NOW)).isEqualTo(new Unchanged(cancelled));
        }

        @Test
        void givenSentInvoice_whenAnotherChannelAlsoAccepts_thenItStaysSent() {
            Invoice sent = invoiceIn(SENT);

            InvoiceOutcome outcome = sent.sendAccepted(Channel.SMS, NOW);

            assertThat(outcome).isEqualTo(new Unchanged(sent));
            assertThat(outcome.invoice().sentAt()).contains(SENT_AT);
        }

        @Test
        void givenInvoiceSentOnWhatsApp_whenTheSmsFallbackIsWhatReachedTheCustomer_thenSmsIsItsChannelAndNothingElse() {
            Invoice sent = issued().sendAccepted(Channel.WHATSAPP, SENT_AT).invoice();

            Invoice reached = sent.reachedBy(Channel.SMS).orElseThrow();

            assertThat(reached.deliveryChannel()).contains(Channel.SMS);
            assertThat(reached.status()).isEqualTo(SENT);
            assertThat(reached.sentAt()).contains(SENT_AT);
            assertThat(reached.reachedBy(Channel.SMS)).as("nothing more to record").isEmpty();
            assertThat(issued().reachedBy(Channel.SMS)).as("not sent yet: sendAccepted's business").isEmpty();
        }

        @Test
        void givenInvoiceSentThenFailed_whenResentLater_thenFirstSentTimeKeptAndNewChannelRecorded() {
            Instant firstSend = CREATED.plusSeconds(10);
            Instant failure = CREATED.plusSeconds(60);
            Instant resend = CREATED.plusSeconds(600);

            Invoice sent = issued().sendAccepted(Channel.WHATSAPP, firstSend).invoice();
            Invoice failed = sent.deliveryFailedOnEveryChannel(failure).invoice();
            InvoiceOutcome outcome = failed.sendAccepted(Channel.SMS, resend);

            assertThat(failed.status()).isEqualTo(FAILED);
            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(((Applied) outcome).event()).isEqualTo(new InvoiceEvent.Sent(ID, Channel.SMS, resend));
            assertThat(outcome.invoice().status()).isEqualTo(SENT);
            assertThat(outcome.invoice().sentAt()).contains(firstSend);
            assertThat(outcome.invoice().deliveryChannel()).contains(Channel.SMS);
        }

        @Test
        void givenInvoiceThatFailedBeforeAnySend_whenALaterRetryWorks_thenSentTimeIsThatRetry() {
            Instant failure = CREATED.plusSeconds(60);
            Instant retry = CREATED.plusSeconds(600);

            Invoice failed = issued().deliveryFailedOnEveryChannel(failure).invoice();
            Invoice sent = failed.sendAccepted(Channel.WHATSAPP, retry).invoice();

            assertThat(failed.sentAt()).isEmpty();
            assertThat(sent.status()).isEqualTo(SENT);
            assertThat(sent.sentAt()).contains(retry);
            assertThat(sent.deliveryChannel()).contains(Channel.WHATSAPP);
        }

        @Test
        void givenFailedInvoice_whenMerchantReminds_thenRedeliveryRequestedAndCountRecorded() {
            Invoice failed = invoiceIn(FAILED);

            InvoiceOutcome outcome = failed.remind(ReminderPolicy.DEFAULT, NOW);

            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(((Applied) outcome).event()).isEqualTo(new InvoiceEvent.RedeliveryRequested(ID, 1, NOW));
            assertThat(outcome.invoice().status()).isEqualTo(FAILED);
            assertThat(outcome.invoice().reminderCount()).isEqualTo(1);
            assertThat(outcome.invoice().lastRemindedAt()).contains(NOW);
        }
    }

    @Nested
    @DisplayName("remind is rate-limited")
    class ReminderRateLimit {

        private final ReminderPolicy policy = new ReminderPolicy(Duration.ofHours(1), 3);

        @Test
        void givenSentInvoice_whenFirstReminder_thenReminderRequestedWithCountOne() {
            InvoiceOutcome outcome = invoiceIn(SENT).remind(policy, NOW);

            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(((Applied) outcome).event()).isEqualTo(new InvoiceEvent.ReminderRequested(ID, 1, NOW));
            assertThat(outcome.invoice().reminderCount()).isEqualTo(1);
            assertThat(outcome.invoice().lastRemindedAt()).contains(NOW);
            assertThat(outcome.invoice().status()).isEqualTo(SENT);
        }

        @Test
        void givenJustReminded_whenRemindedInsideInterval_thenRefusedRemindedRecently() {
            Invoice reminded = invoiceIn(SENT).remind(policy, NOW).invoice();

            InvoiceOutcome outcome = reminded.remind(policy, NOW.plus(Duration.ofMinutes(59)));

            assertThat(outcome).isEqualTo(new Refused(reminded, Refusal.REMINDED_RECENTLY));
            assertThat(outcome.invoice().reminderCount()).isEqualTo(1);
        }

        @Test
        void givenJustReminded_whenRemindedExactlyAtInterval_thenAllowed() {
            Invoice reminded = invoiceIn(SENT).remind(policy, NOW).invoice();
            Instant later = NOW.plus(Duration.ofHours(1));

            InvoiceOutcome outcome = reminded.remind(policy, later);

            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(((Applied) outcome).event()).isEqualTo(new InvoiceEvent.ReminderRequested(ID, 2, later));
        }

        @Test
        void givenJustReminded_whenRemindedAfterInterval_thenAllowedAndCounted() {
            Invoice reminded = invoiceIn(SENT).remind(policy, NOW).invoice();
            Instant later = NOW.plus(Duration.ofHours(2));

            InvoiceOutcome outcome = reminded.remind(policy, later);

            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(outcome.invoice().reminderCount()).isEqualTo(2);
            assertThat(outcome.invoice().lastRemindedAt()).contains(later);
        }

        @Test
        void givenMaxRemindersSent_whenRemindedLongAfter_thenRefusedReminderLimitReached() {
            Invoice invoice = invoiceIn(SENT);
            Instant at = NOW;
            for (int i = 1; i <= policy.maxReminders(); i++) {
                InvoiceOutcome outcome = invoice.remind(policy, at);
                assertThat(outcome).as("reminder %d", i).isInstanceOf(Applied.class);
                invoice = outcome.invoice();
                at = at.plus(Duration.ofHours(2));
            }

            InvoiceOutcome outcome = invoice.remind(policy, at.plus(Duration.ofDays(3)));

            assertThat(invoice.reminderCount()).isEqualTo(3);
            assertThat(outcome).isEqualTo(new Refused(invoice, Refusal.REMINDER_LIMIT_REACHED));
        }

        @Test
        void givenFailedInvoiceJustRedelivered_whenRemindedInsideInterval_thenRefusedRemindedRecently() {
            Invoice redelivered = invoiceIn(FAILED).remind(policy, NOW).invoice();

            InvoiceOutcome outcome = redelivered.remind(policy, NOW.plusSeconds(60));

            assertThat(outcome).isEqualTo(new Refused(redelivered, Refusal.REMINDED_RECENTLY));
        }

        @Test
        void givenFailedInvoiceAtLimit_whenReminded_thenRefusedReminderLimitReached() {
            Invoice atLimit = anInvoice().status(FAILED).reminded(3, NOW.minus(Duration.ofDays(1))).build();

            assertThat(atLimit.remind(policy, NOW)).isEqualTo(new Refused(atLimit, Refusal.REMINDER_LIMIT_REACHED));
        }

        @Test
        void givenInvalidPolicy_whenCreated_thenRejected() {
            assertThatThrownBy(() -> new ReminderPolicy(Duration.ofMinutes(-1), 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReminderPolicy(Duration.ofMinutes(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ReminderPolicy.DEFAULT.maxReminders()).isPositive();
        }
    }


    @Nested
    @DisplayName("timestamps and version")
    class TimestampsAndVersion {

        @Test
        void givenNewInvoice_whenIssued_thenPendingVersionZeroAndNoTimestampsButCreated() {
            Invoice invoice = issued();

            assertThat(invoice.status()).isEqualTo(PENDING);
            assertThat(invoice.version()).isZero();
            assertThat(invoice.createdAt()).isEqualTo(CREATED);
            assertThat(invoice.sentAt()).isEmpty();
            assertThat(invoice.paidAt()).isEmpty();
            assertThat(invoice.cancelledAt()).isEmpty();
            assertThat(invoice.deliveryChannel()).isEmpty();
            assertThat(invoice.receipt()).isEmpty();
            assertThat(invoice.reminderCount()).isZero();
            assertThat(invoice.lastRemindedAt()).isEmpty();
            assertThat(invoice.payments()).isEmpty();
            assertThat(invoice.paid()).isEqualTo(Money.ZERO);
            assertThat(invoice.balance()).isEqualTo(Money.of(AMOUNT));
        }

        @Test
        void givenSentInvoice_whenPaid_thenPaidAtAndReceiptSet() {
            Invoice sent = anInvoice().status(SENT).withAttemptInFlight().build();

            Invoice paid = paidInFull(sent, IN_FLIGHT, Optional.of(RECEIPT), NOW).invoice();

            assertThat(paid.status()).isEqualTo(PAID);
            assertThat(paid.paidAt()).contains(NOW);
            assertThat(paid.receipt()).contains(RECEIPT);
            assertThat(paid.sentAt()).contains(SENT_AT);
            assertThat(paid.cancelledAt()).isEmpty();
        }

        @Test
        void givenSentInvoice_whenPaidAsOnlyOurQueryTells_thenPaidAtSetAndReceiptEmpty() {
            Invoice sent = anInvoice().status(SENT).withAttemptInFlight().build();

            Invoice paid = paidInFull(sent, IN_FLIGHT, Optional.empty(), NOW).invoice();

            assertThat(paid.status()).isEqualTo(PAID);
            assertThat(paid.paidAt()).contains(NOW);
            assertThat(paid.receipt()).isEmpty();
            assertThat(paid.paid()).as("a query tells no amount: the amount asked").isEqualTo(Money.of(AMOUNT));
        }

        @Test
        void givenSentInvoice_whenCancelled_thenCancelledAtSet() {
            Invoice cancelled = invoiceIn(SENT).cancel(NOW).invoice();

            assertThat(cancelled.cancelledAt()).contains(NOW);
            assertThat(cancelled.paidAt()).isEmpty();
        }

        @Test
        void givenVersionedInvoice_whenWalkedThroughEveryKindOfTransition_thenVersionNeverChanges() {
            Invoice start = anInvoice().status(PENDING).version(42).build();
            Instant t = NOW;
            PaymentId first = new PaymentId("pay-a");
            PaymentId second = new PaymentId("pay-b");

            Invoice sent = start.sendAccepted(Channel.WHATSAPP, t).invoice();
            Invoice reminded = sent.remind(ReminderPolicy.DEFAULT, t.plusSeconds(1)).invoice();
            Invoice failed = reminded.deliveryFailedOnEveryChannel(t.plusSeconds(2)).invoice();
            Invoice redelivered = failed.remind(ReminderPolicy.DEFAULT, t.plus(Duration.ofHours(2))).invoice();
            Invoice requested = started(redelivered, first, t.plus(Duration.ofHours(2))).invoice();
            Invoice named = requested.pushAccepted(first, InvoiceFixtures.merchantRequestOf(first),
                    InvoiceFixtures.checkoutOf(first), t.plus(Duration.ofHours(2)));
            Invoice givenUp = named.giveUp(first, t.plus(Duration.ofMinutes(150))).invoice();
            Invoice twoGivenUp = startedAndNamed(givenUp, second, t.plus(Duration.ofMinutes(151)))
                    .giveUp(second, t.plus(Duration.ofMinutes(160))).invoice();
            Invoice cancelled = twoGivenUp.cancel(t.plus(Duration.ofHours(3))).invoice();
            Invoice paid = paidInFull(cancelled, first, Optional.of(RECEIPT), t.plus(Duration.ofHours(4))).invoice();
            Invoice doublePaid = paidInFull(paid, second, Optional.of(OTHER_RECEIPT), t.plus(Duration.ofHours(5)))
                    .invoice();

            List<Invoice> walk = List.of(sent, reminded, failed, redelivered, requested, named, givenUp, twoGivenUp,
                    cancelled, paid, doublePaid);
            assertThat(walk).extracting(Invoice::version).containsOnly(42L);
            assertThat(walk).extracting(Invoice::status).containsExactly(SENT, SENT, FAILED, FAILED, FAILED, FAILED,
                    FAILED, FAILED, CANCELLED, PAID, PAID);
        }

        @Test
        void givenInvoice_whenWithVersion_thenOnlyVersionChanges() {
            Invoice paid = invoiceIn(PAID);

            Invoice stored = paid.withVersion(paid.version() + 1);

            assertThat(stored.version()).isEqualTo(paid.version() + 1);
            assertThat(stored).usingRecursiveComparison().ignoringFields("version").isEqualTo(paid);
        }
    }

    @Nested
    @DisplayName("time to pay, carried by the paid events")
    class TimeToPay {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = InvoiceStatus.class, names = {"SENT", "FAILED", "CANCELLED"})
        void givenInvoiceThatWasSent_whenPaid_thenTimeToPayRunsFromSending(InvoiceStatus status) {
            Invoice invoice = paymentFixture(status).sentAt(SENT_AT).build();
            PaymentId attempt = invoice.attemptInFlight().or(() -> invoice.payment(GIVEN_UP)).orElseThrow().id();

            Settlement settlement = paidInFull(invoice, attempt, Optional.of(RECEIPT), NOW);

            Duration expected = Duration.between(SENT_AT, NOW);
            assertThat(settlement.events()).filteredOn(InvoiceEvent.class::isInstance).singleElement()
                    .satisfies(event -> {
                        switch (event) {
                            case InvoiceEvent.Paid paid -> assertThat(paid.timeToPay()).isEqualTo(expected);
                            case InvoiceEvent.PaidAfterCancellation paid ->
                                    assertThat(paid.timeToPay()).isEqualTo(expected);
                            default -> throw new AssertionError("not a paid event: " + event);
                        }
                    });
        }

        private InvoiceFixtures.Builder paymentFixture(InvoiceStatus status) {
            return status == CANCELLED
                    ? anInvoice().status(status).withAttemptGivenUp()
                    : anInvoice().status(status).withAttemptInFlight();
        }

        @Test
        void givenInvoiceNeverSent_whenPaid_thenTimeToPayRunsFromCreation() {
            Instant paidAt = CREATED.plus(Duration.ofMinutes(7));
            PaymentId attempt = new PaymentId("pay-a");
            Invoice requested = startedAndNamed(issued(), attempt, CREATED.plus(Duration.ofMinutes(6)));

            Settlement settlement = paidInFull(requested, attempt, Optional.empty(), paidAt);

            assertThat(settlement.events()).containsExactly(new PaymentEvent.Succeeded(ID, attempt, paidAt),
                    new InvoiceEvent.Paid(ID, Optional.empty(), Duration.ofMinutes(7), paidAt));
        }

        @Test
        void givenInvoiceSentAndLaterFailed_whenPaid_thenTimeToPayRunsFromTheFirstSending() {
            Instant firstSend = CREATED.plusSeconds(10);
            PaymentId attempt = new PaymentId("pay-a");
            Invoice failed = issued().sendAccepted(Channel.WHATSAPP, firstSend).invoice()
                    .deliveryFailedOnEveryChannel(CREATED.plusSeconds(60)).invoice();
            Invoice requested = startedAndNamed(failed, attempt, NOW.minusSeconds(60));

            Settlement settlement = paidInFull(requested, attempt, Optional.of(RECEIPT), NOW);

            assertThat(settlement.events()).contains(
                    new InvoiceEvent.Paid(ID, Optional.of(RECEIPT), Duration.between(firstSend, NOW), NOW));
        }

        @Test
        void givenPaymentStampedBeforeTheSendingTime_whenPaid_thenTimeToPayIsZeroNotNegative() {
            PaymentId attempt = new PaymentId("pay-a");
            Invoice requested = startedAndNamed(invoiceIn(SENT), attempt, SENT_AT.minusSeconds(10));

            Settlement settlement = paidInFull(requested, attempt, Optional.of(RECEIPT), SENT_AT.minusSeconds(3));

            assertThat(settlement.events()).contains(
                    new InvoiceEvent.Paid(ID, Optional.of(RECEIPT), Duration.ZERO, SENT_AT.minusSeconds(3)));
        }

        @Test
        void givenPaidEvent_whenTimeToPayOrReceiptNull_thenRejected() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new InvoiceEvent.Paid(ID, Optional.empty(), null, NOW));
            assertThatNullPointerException()
                    .isThrownBy(() -> new InvoiceEvent.Paid(ID, null, Duration.ZERO, NOW));
            assertThatNullPointerException()
                    .isThrownBy(() -> new InvoiceEvent.PaidAfterCancellation(ID, Optional.empty(), null, NOW));
        }
    }

    @Nested
    class Payability {

        @ParameterizedTest(name = "{0} payable: {1}")
        @CsvSource({
            "PENDING, true",
            "SENT, true",
            "FAILED, true",
            "PAID, false",
            "CANCELLED, false"
        })
        void givenStatus_whenAskedIfPayable_thenOnlyOpenOrUndeliveredInvoicesAre(InvoiceStatus status, boolean payable) {
            assertThat(invoiceIn(status).isPayable()).isEqualTo(payable);
        }
    }
}
