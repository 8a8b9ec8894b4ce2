package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CANCELLED_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CREATED;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.OTHER_RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAID_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.SENT_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.anInvoice;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.issued;
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
import java.util.stream.Collectors;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Applied;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Refused;
import ke.invoiceiq.domain.invoice.InvoiceOutcome.Unchanged;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The invoice life cycle of DESIGN.md §2, cell by cell, then the cases the table only names in words. */
class InvoiceTransitionTest {

    /** The five columns of the DESIGN §2 table, each applied the way the application applies it. */
    enum Action {
        SEND_ACCEPTED((inv, now) -> inv.sendAccepted(Channel.SMS, now)),
        DELIVERY_FAILED_ON_EVERY_CHANNEL((inv, now) -> inv.deliveryFailedOnEveryChannel(now)),
        /** Paid with {@link InvoiceFixtures#RECEIPT}: the PAID fixture's own receipt, so "same receipt" there. */
        PAYMENT_SUCCEEDED((inv, now) -> inv.paymentSucceeded(Optional.of(RECEIPT), now)),
        CANCEL((inv, now) -> inv.cancel(false, now)),
        REMIND((inv, now) -> inv.remind(ReminderPolicy.DEFAULT, now));

        private final BiFunction<Invoice, Instant, InvoiceOutcome> apply;

        Action(BiFunction<Invoice, Instant, InvoiceOutcome> apply) {
            this.apply = apply;
        }

        InvoiceOutcome on(Invoice invoice, Instant now) {
            return apply.apply(invoice, now);
        }
    }

    enum Kind {
        APPLIED(Applied.class), UNCHANGED(Unchanged.class), REFUSED(Refused.class);

        final Class<? extends InvoiceOutcome> type;

        Kind(Class<? extends InvoiceOutcome> type) {
            this.type = type;
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
     * DESIGN.md §2 "Invoice aggregate", all 25 cells. One reading needs a note: SENT × "delivery failed on every
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
        Invoice before = invoiceIn(row.from());

        InvoiceOutcome outcome = row.action().on(before, NOW);

        assertThat(outcome).isInstanceOf(row.kind().type);
        assertThat(outcome.invoice().status()).isEqualTo(row.to());
        assertThat(outcome.invoice().version()).isEqualTo(before.version());
        switch (outcome) {
            case Applied a -> {
                assertThat(a.event()).isExactlyInstanceOf(row.event());
                assertThat(a.event().invoiceId()).isEqualTo(ID);
                assertThat(a.event().at()).isEqualTo(NOW);
            }
            case Refused r -> {
                assertThat(r.refusal()).isEqualTo(row.refusal());
                assertThat(r.invoice()).isEqualTo(before);
            }
            case Unchanged u -> assertThat(u.invoice()).isEqualTo(before);
        }
    }

    @Nested
    class SpecialCases {

        @Test
        void givenPaidInvoice_whenSameReceiptArrivesAgain_thenUnchanged() {
            Invoice paid = invoiceIn(PAID);

            InvoiceOutcome outcome = paid.paymentSucceeded(Optional.of(RECEIPT), NOW);

            assertThat(outcome).isInstanceOf(Unchanged.class);
            assertThat(outcome.invoice()).isEqualTo(paid);
        }

        @Test
        void givenPaidInvoice_whenConfirmationWithoutReceiptArrives_thenUnchanged() {
            Invoice paid = invoiceIn(PAID);

            InvoiceOutcome outcome = paid.paymentSucceeded(Optional.empty(), NOW);

            assertThat(outcome).isInstanceOf(Unchanged.class);
            assertThat(outcome.invoice().receipt()).contains(RECEIPT);
        }

        @Test
        void givenPaidInvoice_whenDifferentReceiptArrives_thenDoublePaymentRecordedAndOriginalPaymentKept() {
            Invoice paid = invoiceIn(PAID);

            InvoiceOutcome outcome = paid.paymentSucceeded(Optional.of(OTHER_RECEIPT), NOW);

            assertThat(outcome).isInstanceOf(Applied.class);
            Applied applied = (Applied) outcome;
            assertThat(applied.event()).isEqualTo(
                    new InvoiceEvent.DoublePaymentReceived(ID, Optional.of(OTHER_RECEIPT), NOW));
            assertThat(applied.invoice().status()).isEqualTo(PAID);
            assertThat(applied.invoice().receipt()).contains(RECEIPT);
            assertThat(applied.invoice().paidAt()).contains(PAID_AT);
            assertThat(applied.invoice()).isEqualTo(paid);
        }

        @Test
        void givenPaidInvoiceWithoutReceipt_whenReceiptArrives_thenReceiptFilledInAndPaidTimeKept() {
            Invoice paidBlank = anInvoice().status(PAID).receipt(null).build();

            InvoiceOutcome outcome = paidBlank.paymentSucceeded(Optional.of(RECEIPT), NOW);

            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(((Applied) outcome).event()).isEqualTo(
                    new InvoiceEvent.Paid(ID, Optional.of(RECEIPT), Optional.empty(), NOW));
            assertThat(((InvoiceEvent.Paid) ((Applied) outcome).event()).newlyPaid())
                    .as("the payment was told when the invoice became PAID").isFalse();
            assertThat(outcome.invoice().status()).isEqualTo(PAID);
            assertThat(outcome.invoice().receipt()).contains(RECEIPT);
            assertThat(outcome.invoice().paidAt()).contains(PAID_AT);
        }

        @Test
        void givenPaidInvoiceWithoutReceipt_whenAnotherBlankConfirmationArrives_thenUnchanged() {
            Invoice paidBlank = anInvoice().status(PAID).receipt(null).build();

            InvoiceOutcome outcome = paidBlank.paymentSucceeded(Optional.empty(), NOW);

            assertThat(outcome).isInstanceOf(Unchanged.class);
            assertThat(outcome.invoice().receipt()).isEmpty();
        }

        @Test
        void givenCancelledInvoice_whenPaymentArrives_thenPaidWithPaidAfterCancellation() {
            Invoice cancelled = invoiceIn(CANCELLED);

            InvoiceOutcome outcome = cancelled.paymentSucceeded(Optional.of(RECEIPT), NOW);

            assertThat(outcome).isInstanceOf(Applied.class);
            assertThat(((Applied) outcome).event())
                    .isEqualTo(new InvoiceEvent.PaidAfterCancellation(ID, Optional.of(RECEIPT),
                            Duration.between(SENT_AT, NOW), NOW));
            Invoice after = outcome.invoice();
            assertThat(after.status()).isEqualTo(PAID);
            assertThat(after.paidAt()).contains(NOW);
            assertThat(after.receipt()).contains(RECEIPT);
            assertThat(after.cancelledAt()).as("the cancellation stays on record").contains(CANCELLED_AT);
            assertThat(after.isPayable()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = InvoiceStatus.class, names = {"PENDING", "SENT", "FAILED"})
        void givenOpenInvoice_whenCancelledWhilePaymentInFlight_thenRefusedPaymentInFlight(InvoiceStatus status) {
            Invoice open = invoiceIn(status);

            InvoiceOutcome outcome = open.cancel(true, NOW);

            assertThat(outcome).isEqualTo(new Refused(open, Refusal.PAYMENT_IN_FLIGHT));
            assertThat(outcome.invoice().status()).isEqualTo(status);
            assertThat(outcome.invoice().cancelledAt()).isEmpty();
        }

        @Test
        void givenPaidInvoice_whenCancelledWhilePaymentInFlight_thenRefusedAlreadyPaid() {
            Invoice paid = invoiceIn(PAID);

            assertThat(paid.cancel(true, NOW)).isEqualTo(new Refused(paid, Refusal.ALREADY_PAID));
        }

        @Test
        void givenCancelledInvoice_whenCancelledAgainWhilePaymentInFlight_thenUnchanged() {
            Invoice cancelled = invoiceIn(CANCELLED);

            assertThat(cancelled.cancel(true, NOW)).isEqualTo(new Unchanged(cancelled));
        }

        @Test
        void givenSentInvoice_whenAnotherChannelAlsoAccepts_thenItStaysSent() {
            Invoice sent = invoiceIn(SENT);

            InvoiceOutcome outcome = sent.sendAccepted(Channel.SMS, NOW);

            assertThat(outcome).isEqualTo(new Unchanged(sent));
            assertThat(outcome.invoice().sentAt()).contains(SENT_AT);
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
        }

        @Test
        void givenSentInvoice_whenPaid_thenPaidAtAndReceiptSet() {
            Invoice paid = invoiceIn(SENT).paymentSucceeded(Optional.of(RECEIPT), NOW).invoice();

            assertThat(paid.paidAt()).contains(NOW);
            assertThat(paid.receipt()).contains(RECEIPT);
            assertThat(paid.sentAt()).contains(SENT_AT);
            assertThat(paid.cancelledAt()).isEmpty();
        }

        @Test
        void givenSentInvoice_whenPaidWithoutReceipt_thenPaidAtSetAndReceiptEmpty() {
            Invoice paid = invoiceIn(SENT).paymentSucceeded(Optional.empty(), NOW).invoice();

            assertThat(paid.status()).isEqualTo(PAID);
            assertThat(paid.paidAt()).contains(NOW);
            assertThat(paid.receipt()).isEmpty();
        }

        @Test
        void givenSentInvoice_whenCancelled_thenCancelledAtSet() {
            Invoice cancelled = invoiceIn(SENT).cancel(false, NOW).invoice();

            assertThat(cancelled.cancelledAt()).contains(NOW);
            assertThat(cancelled.paidAt()).isEmpty();
        }

        @Test
        void givenVersionedInvoice_whenWalkedThroughEveryKindOfTransition_thenVersionNeverChanges() {
            Invoice start = anInvoice().status(PENDING).version(42).build();
            Instant t = NOW;

            Invoice sent = start.sendAccepted(Channel.WHATSAPP, t).invoice();
            Invoice reminded = sent.remind(ReminderPolicy.DEFAULT, t.plusSeconds(1)).invoice();
            Invoice failed = reminded.deliveryFailedOnEveryChannel(t.plusSeconds(2)).invoice();
            Invoice redelivered = failed.remind(ReminderPolicy.DEFAULT, t.plus(Duration.ofHours(2))).invoice();
            Invoice cancelled = redelivered.cancel(false, t.plus(Duration.ofHours(3))).invoice();
            Invoice paid = cancelled.paymentSucceeded(Optional.of(RECEIPT), t.plus(Duration.ofHours(4))).invoice();
            Invoice doublePaid = paid.paymentSucceeded(Optional.of(OTHER_RECEIPT), t.plus(Duration.ofHours(5)))
                    .invoice();

            assertThat(List.of(sent, reminded, failed, redelivered, cancelled, paid, doublePaid))
                    .extracting(Invoice::version)
                    .containsOnly(42L);
            assertThat(List.of(sent, reminded, failed, redelivered, cancelled, paid, doublePaid))
                    .extracting(Invoice::status)
                    .containsExactly(SENT, SENT, FAILED, FAILED, CANCELLED, PAID, PAID);
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
            Invoice invoice = anInvoice().status(status).sentAt(SENT_AT).build();

            InvoiceEvent event = ((Applied) invoice.paymentSucceeded(Optional.of(RECEIPT), NOW)).event();

            Duration expected = Duration.between(SENT_AT, NOW);
            switch (event) {
                case InvoiceEvent.Paid paid -> {
                    assertThat(paid.timeToPay()).contains(expected);
                    assertThat(paid.newlyPaid()).isTrue();
                }
                case InvoiceEvent.PaidAfterCancellation paid -> assertThat(paid.timeToPay()).isEqualTo(expected);
                default -> throw new AssertionError("not a paid event: " + event);
            }
        }

        @Test
        void givenInvoiceNeverSent_whenPaid_thenTimeToPayRunsFromCreation() {
            Instant paidAt = CREATED.plus(Duration.ofMinutes(7));

            InvoiceEvent event = ((Applied) issued().paymentSucceeded(Optional.empty(), paidAt)).event();

            assertThat(event).isEqualTo(new InvoiceEvent.Paid(ID, Optional.empty(),
                    Optional.of(Duration.ofMinutes(7)), paidAt));
        }

        @Test
        void givenInvoiceSentAndLaterFailed_whenPaid_thenTimeToPayRunsFromTheFirstSending() {
            Instant firstSend = CREATED.plusSeconds(10);
            Invoice failed = issued().sendAccepted(Channel.WHATSAPP, firstSend).invoice()
                    .deliveryFailedOnEveryChannel(CREATED.plusSeconds(60)).invoice();

            InvoiceEvent event = ((Applied) failed.paymentSucceeded(Optional.of(RECEIPT), NOW)).event();

            assertThat(((InvoiceEvent.Paid) event).timeToPay()).contains(Duration.between(firstSend, NOW));
        }

        @Test
        void givenPaymentStampedBeforeTheSendingTime_whenPaid_thenTimeToPayIsZeroNotNegative() {
            Invoice sent = invoiceIn(SENT);

            InvoiceEvent event = ((Applied) sent.paymentSucceeded(Optional.of(RECEIPT), SENT_AT.minusSeconds(3)))
                    .event();

            assertThat(((InvoiceEvent.Paid) event).timeToPay()).contains(Duration.ZERO);
        }

        @Test
        void givenPaidEvent_whenTimeToPayNull_thenRejected() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new InvoiceEvent.Paid(ID, Optional.empty(), null, NOW));
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

    @Nested
    @DisplayName("constructor invariants")
    class Invariants {

        @Test
        void givenPaidStatusWithoutPaidTime_whenConstructed_thenRejected() {
            assertThatThrownBy(() -> anInvoice().status(PAID).paidAt(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("paid time");
        }

        @Test
        void givenCancelledStatusWithoutCancelledTime_whenConstructed_thenRejected() {
            assertThatThrownBy(() -> anInvoice().status(CANCELLED).cancelledAt(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cancelled time");
        }

        @Test
        void givenNegativeReminderCount_whenConstructed_thenRejected() {
            assertThatThrownBy(() -> anInvoice().status(SENT).reminderCount(-1).build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenNullOptional_whenConstructed_thenRejected() {
            Invoice ok = invoiceIn(SENT);
            assertThatNullPointerException().isThrownBy(() -> new Invoice(ok.id(), ok.customer(), ok.amount(),
                    ok.description(), ok.status(), ok.payToken(), ok.createdAt(), null, ok.paidAt(),
                    ok.cancelledAt(), ok.deliveryChannel(), ok.receipt(), 0, ok.lastRemindedAt(), 0));
            assertThatNullPointerException().isThrownBy(() -> new Invoice(ok.id(), ok.customer(), ok.amount(),
                    ok.description(), null, ok.payToken(), ok.createdAt(), ok.sentAt(), ok.paidAt(),
                    ok.cancelledAt(), ok.deliveryChannel(), ok.receipt(), 0, ok.lastRemindedAt(), 0));
        }

        @Test
        void givenPaidStatusWithPaidTime_whenConstructed_thenAccepted() {
            Invoice paid = anInvoice().status(PAID).build();

            assertThat(paid.status()).isEqualTo(PAID);
            assertThat(paid.paidAt()).contains(PAID_AT);
        }

        @Test
        void givenPaymentConfirmation_whenReceiptArgumentIsNull_thenRejected() {
            Optional<MpesaReceipt> none = null;
            assertThatNullPointerException().isThrownBy(() -> invoiceIn(SENT).paymentSucceeded(none, NOW));
        }
    }
}
