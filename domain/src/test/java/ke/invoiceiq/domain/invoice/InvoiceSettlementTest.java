package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CREATED;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.POLICY;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.SENT_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.attempt;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.failedCallback;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import ke.invoiceiq.domain.invoice.Settlement.DoublePayment;
import ke.invoiceiq.domain.invoice.Settlement.Failed;
import ke.invoiceiq.domain.invoice.Settlement.Paid;
import ke.invoiceiq.domain.invoice.Settlement.PartlyPaid;
import ke.invoiceiq.domain.invoice.Settlement.ReceiptAdded;
import ke.invoiceiq.domain.invoice.Settlement.ReceivedWhileCancelled;
import ke.invoiceiq.domain.invoice.Settlement.Unchanged;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentEvent;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The money rules, cell by cell: an invoice in each status, one attempt ({@link #TARGET}) that asked for the
 * balance, and every kind of news M-PESA (or the reconciler) can bring about it. Each fixture was first paid
 * KES 1,000 of its 2,500 by an earlier attempt, so "the amount" and "the balance" differ and every row shows
 * which one a rule uses.
 */
class InvoiceSettlementTest {

    /** Paid KES 1,000 with {@link #EARLIER_RECEIPT} before anything else happened. */
    static final PaymentId EARLIER = new PaymentId("pay-earlier");
    /** The attempt the news is about: it asked for the balance, KES 1,500. */
    static final PaymentId TARGET = new PaymentId("pay-target");
    /** PAID fixture only: given up, then its late KES 1,500 paid the invoice while {@link #TARGET} was in flight. */
    static final PaymentId LATE = new PaymentId("pay-late");

    static final MpesaReceipt EARLIER_RECEIPT = new MpesaReceipt("RCEARLIER1");
    static final MpesaReceipt LATE_RECEIPT = new MpesaReceipt("RCLATE0001");
    static final MpesaReceipt TARGET_RECEIPT = new MpesaReceipt("RCTARGET01");

    private static final Instant EARLIER_PAID = CREATED.plus(Duration.ofMinutes(11));
    private static final Instant FAILED_AT = CREATED.plus(Duration.ofMinutes(1));

    /**
     * The fixture for {@code status}, reached through the invoice's own transitions. Open invoices have
     * {@link #TARGET} in flight; a cancelled one had it given up first (an attempt in flight forbids cancelling);
     * a paid one has it in flight still, because late money on another attempt paid the invoice meanwhile.
     */
    static Invoice fixture(InvoiceStatus status) {
        Invoice invoice = switch (status) {
            case PENDING -> issued();
            case FAILED -> issued().deliveryFailedOnEveryChannel(FAILED_AT).invoice();
            case SENT, CANCELLED, PAID -> issued().sendAccepted(Channel.WHATSAPP, SENT_AT).invoice();
        };
        invoice = startedAndNamed(invoice, EARLIER, CREATED.plus(Duration.ofMinutes(10)));
        invoice = invoice.settle(EARLIER, paidCallback(EARLIER, "1000", EARLIER_RECEIPT, EARLIER_PAID), POLICY,
                EARLIER_PAID).invoice();
        return switch (status) {
            case PENDING, SENT, FAILED -> startedAndNamed(invoice, TARGET, CREATED.plus(Duration.ofMinutes(20)));
            case CANCELLED -> startedAndNamed(invoice, TARGET, CREATED.plus(Duration.ofMinutes(20)))
                    .giveUp(TARGET, CREATED.plus(Duration.ofMinutes(25))).invoice()
                    .cancel(CREATED.plus(Duration.ofMinutes(26))).invoice();
            case PAID -> {
                Invoice late = startedAndNamed(invoice, LATE, CREATED.plus(Duration.ofMinutes(20)))
                        .giveUp(LATE, CREATED.plus(Duration.ofMinutes(25))).invoice();
                Invoice target = startedAndNamed(late, TARGET, CREATED.plus(Duration.ofMinutes(26)));
                Instant paidAt = CREATED.plus(Duration.ofMinutes(30));
                yield target.settle(LATE, paidCallback(LATE, "1500", LATE_RECEIPT, paidAt), POLICY, paidAt)
                        .invoice();
            }
        };
    }

    /** One piece of news about {@link #TARGET}. */
    interface Step extends BiFunction<Invoice, Instant, Settlement> {
    }

    static Step callback(String amount, MpesaReceipt receipt) {
        return (inv, at) -> inv.settle(TARGET, paidCallback(TARGET, amount, receipt, at), POLICY, at);
    }

    static Step failure(int code) {
        return (inv, at) -> inv.settle(TARGET, failedCallback(TARGET, code, at), POLICY, at);
    }

    static Step querySaysPaid() {
        return (inv, at) -> inv.settle(TARGET, queried(TARGET, 0, at), POLICY, at);
    }

    static Step giveUp() {
        return (inv, at) -> inv.giveUp(TARGET, at);
    }

    /** The news, in the order it arrives; the last one's settlement is what a row describes. */
    enum News {
        SUCCESS_EXACT(callback("1500", TARGET_RECEIPT)),
        SUCCESS_LESS(callback("500", TARGET_RECEIPT)),
        SUCCESS_MORE(callback("2000", TARGET_RECEIPT)),
        SUCCESS_BY_QUERY(querySaysPaid()),
        FAILED_1032(failure(1032)),
        FAILED_1037(failure(1037)),
        FAILED_1(failure(1)),
        FAILED_2001(failure(2001)),
        FAILED_1019(failure(1019)),
        SAME_SUCCESS_TWICE(callback("1500", TARGET_RECEIPT), callback("1500", TARGET_RECEIPT)),
        RECEIPT_ANOTHER_ATTEMPT_HAS(callback("1500", EARLIER_RECEIPT)),
        FAILURE_AFTER_SUCCESS(callback("1500", TARGET_RECEIPT), failure(1037)),
        SUCCESS_AFTER_FAILURE(failure(1037), callback("1500", TARGET_RECEIPT)),
        SUCCESS_AFTER_GIVE_UP(giveUp(), callback("1500", TARGET_RECEIPT)),
        CALLBACK_AFTER_QUERY(querySaysPaid(), callback("1500", TARGET_RECEIPT)),
        LOWER_CALLBACK_AFTER_QUERY(querySaysPaid(), callback("500", TARGET_RECEIPT));

        final List<Step> steps;

        News(Step... steps) {
            this.steps = List.of(steps);
        }

        /** The time of the last step: the steps arrive a minute apart from {@link InvoiceFixtures#NOW}. */
        Instant lastAt() {
            return NOW.plus(Duration.ofMinutes(steps.size() - 1));
        }
    }

    /** Whose receipt {@link Invoice#receipt()} shows afterwards. */
    enum Shown {
        /** {@link #TARGET_RECEIPT}: the news brought it. */
        TARGETS,
        /** The latest one the fixture had: {@link #EARLIER_RECEIPT}, or {@link #LATE_RECEIPT} on the PAID one. */
        EARLIER_ONE
    }

    record Row(InvoiceStatus from, News news, Class<? extends Settlement> settlement, InvoiceStatus to, long paid,
            long balance, Long excess, Shown receipt, List<Class<? extends DomainEvent>> events) {
        @Override
        public String toString() {
            return from + " + " + news + " -> " + settlement.getSimpleName() + " " + to + " paid " + paid
                    + " balance " + balance + (excess == null ? "" : " excess " + excess);
        }
    }

    private static Row row(InvoiceStatus from, News news, Class<? extends Settlement> settlement, InvoiceStatus to,
            long paid, long balance, Long excess, Shown receipt, List<Class<? extends DomainEvent>> events) {
        return new Row(from, news, settlement, to, paid, balance, excess, receipt, events);
    }

    private static final List<Class<? extends DomainEvent>> NONE = List.of();
    private static final List<Class<? extends DomainEvent>> PAID_EVENTS =
            List.of(PaymentEvent.Succeeded.class, InvoiceEvent.Paid.class);
    private static final List<Class<? extends DomainEvent>> PAID_AFTER_CANCELLATION =
            List.of(PaymentEvent.Succeeded.class, InvoiceEvent.PaidAfterCancellation.class);
    private static final List<Class<? extends DomainEvent>> PART_PAID =
            List.of(PaymentEvent.Succeeded.class, InvoiceEvent.PartPaymentReceived.class);
    private static final List<Class<? extends DomainEvent>> DOUBLE_PAID =
            List.of(PaymentEvent.Succeeded.class, InvoiceEvent.DoublePaymentReceived.class);
    private static final List<Class<? extends DomainEvent>> ATTEMPT_FAILED = List.of(PaymentEvent.Failed.class);

    private static final List<News> FAILURES =
            List.of(News.FAILED_1032, News.FAILED_1037, News.FAILED_1, News.FAILED_2001, News.FAILED_1019);

    /**
     * An open invoice. A query that settled it PAID assumed the amount asked; when the callback then reports less,
     * it opens again, as SENT if it ever reached the customer and PENDING if not: the status it had before PAID
     * (FAILED here) is not kept.
     */
    private static List<Row> open(InvoiceStatus s, InvoiceStatus reopened) {
        List<Row> rows = new ArrayList<>(List.of(
                row(s, News.SUCCESS_EXACT, Paid.class, PAID, 2_500, 0, 0L, Shown.TARGETS, PAID_EVENTS),
                row(s, News.SUCCESS_LESS, PartlyPaid.class, s, 1_500, 1_000, null, Shown.TARGETS, PART_PAID),
                row(s, News.SUCCESS_MORE, Paid.class, PAID, 3_000, 0, 500L, Shown.TARGETS, PAID_EVENTS),
                row(s, News.SUCCESS_BY_QUERY, Paid.class, PAID, 2_500, 0, 0L, Shown.EARLIER_ONE, PAID_EVENTS),
                row(s, News.SAME_SUCCESS_TWICE, Unchanged.class, PAID, 2_500, 0, null, Shown.TARGETS, NONE),
                row(s, News.RECEIPT_ANOTHER_ATTEMPT_HAS, Unchanged.class, s, 1_000, 1_500, null, Shown.EARLIER_ONE,
                        NONE),
                row(s, News.FAILURE_AFTER_SUCCESS, Unchanged.class, PAID, 2_500, 0, null, Shown.TARGETS, NONE),
                row(s, News.SUCCESS_AFTER_FAILURE, Paid.class, PAID, 2_500, 0, 0L, Shown.TARGETS, PAID_EVENTS),
                row(s, News.SUCCESS_AFTER_GIVE_UP, Paid.class, PAID, 2_500, 0, 0L, Shown.TARGETS, PAID_EVENTS),
                row(s, News.CALLBACK_AFTER_QUERY, ReceiptAdded.class, PAID, 2_500, 0, null, Shown.TARGETS, NONE),
                row(s, News.LOWER_CALLBACK_AFTER_QUERY, PartlyPaid.class, reopened, 1_500, 1_000, null, Shown.TARGETS,
                        List.of(InvoiceEvent.PartPaymentReceived.class))));
        FAILURES.forEach(f -> rows.add(row(s, f, Failed.class, s, 1_000, 1_500, null, Shown.EARLIER_ONE,
                ATTEMPT_FAILED)));
        return rows;
    }

    /** A cancelled invoice: money is never refused, and only money that reaches the amount makes it PAID. */
    private static List<Row> cancelled() {
        var c = CANCELLED;
        List<Row> rows = new ArrayList<>(List.of(
                row(c, News.SUCCESS_EXACT, Paid.class, PAID, 2_500, 0, 0L, Shown.TARGETS, PAID_AFTER_CANCELLATION),
                row(c, News.SUCCESS_LESS, ReceivedWhileCancelled.class, c, 1_500, 1_000, null, Shown.TARGETS,
                        List.of(PaymentEvent.Succeeded.class)),
                row(c, News.SUCCESS_MORE, Paid.class, PAID, 3_000, 0, 500L, Shown.TARGETS, PAID_AFTER_CANCELLATION),
                row(c, News.SUCCESS_BY_QUERY, Paid.class, PAID, 2_500, 0, 0L, Shown.EARLIER_ONE,
                        PAID_AFTER_CANCELLATION),
                row(c, News.SAME_SUCCESS_TWICE, Unchanged.class, PAID, 2_500, 0, null, Shown.TARGETS, NONE),
                row(c, News.RECEIPT_ANOTHER_ATTEMPT_HAS, Unchanged.class, c, 1_000, 1_500, null, Shown.EARLIER_ONE,
                        NONE),
                row(c, News.FAILURE_AFTER_SUCCESS, Unchanged.class, PAID, 2_500, 0, null, Shown.TARGETS, NONE),
                row(c, News.SUCCESS_AFTER_FAILURE, Paid.class, PAID, 2_500, 0, 0L, Shown.TARGETS,
                        PAID_AFTER_CANCELLATION),
                row(c, News.SUCCESS_AFTER_GIVE_UP, Paid.class, PAID, 2_500, 0, 0L, Shown.TARGETS,
                        PAID_AFTER_CANCELLATION),
                row(c, News.CALLBACK_AFTER_QUERY, ReceiptAdded.class, PAID, 2_500, 0, null, Shown.TARGETS, NONE),
                // the query made it PAID after cancellation; with less money it is cancelled again, never open
                row(c, News.LOWER_CALLBACK_AFTER_QUERY, ReceivedWhileCancelled.class, c, 1_500, 1_000, null,
                        Shown.TARGETS, NONE)));
        // the attempt ended before the cancellation: a failure is no news
        FAILURES.forEach(f -> rows.add(row(c, f, Unchanged.class, c, 1_000, 1_500, null, Shown.EARLIER_ONE, NONE)));
        return rows;
    }

    /** A paid invoice: all money on top is excess, to refund. */
    private static List<Row> paid() {
        var p = PAID;
        List<Row> rows = new ArrayList<>(List.of(
                row(p, News.SUCCESS_EXACT, DoublePayment.class, p, 4_000, 0, 1_500L, Shown.TARGETS, DOUBLE_PAID),
                row(p, News.SUCCESS_LESS, DoublePayment.class, p, 3_000, 0, 500L, Shown.TARGETS, DOUBLE_PAID),
                row(p, News.SUCCESS_MORE, DoublePayment.class, p, 4_500, 0, 2_000L, Shown.TARGETS, DOUBLE_PAID),
                row(p, News.SUCCESS_BY_QUERY, DoublePayment.class, p, 4_000, 0, 1_500L, Shown.EARLIER_ONE,
                        DOUBLE_PAID),
                row(p, News.SAME_SUCCESS_TWICE, Unchanged.class, p, 4_000, 0, null, Shown.TARGETS, NONE),
                row(p, News.RECEIPT_ANOTHER_ATTEMPT_HAS, Unchanged.class, p, 2_500, 0, null, Shown.EARLIER_ONE, NONE),
                row(p, News.FAILURE_AFTER_SUCCESS, Unchanged.class, p, 4_000, 0, null, Shown.TARGETS, NONE),
                row(p, News.SUCCESS_AFTER_FAILURE, DoublePayment.class, p, 4_000, 0, 1_500L, Shown.TARGETS,
                        DOUBLE_PAID),
                row(p, News.SUCCESS_AFTER_GIVE_UP, DoublePayment.class, p, 4_000, 0, 1_500L, Shown.TARGETS,
                        DOUBLE_PAID),
                row(p, News.CALLBACK_AFTER_QUERY, ReceiptAdded.class, p, 4_000, 0, null, Shown.TARGETS, NONE),
                // still paid in full: the lower amount only shrinks the excess
                row(p, News.LOWER_CALLBACK_AFTER_QUERY, ReceiptAdded.class, p, 3_000, 0, null, Shown.TARGETS,
                        NONE)));
        // the attempt was still in flight on the paid invoice: it ends, and nothing else changes
        FAILURES.forEach(f -> rows.add(row(p, f, Failed.class, p, 2_500, 0, null, Shown.EARLIER_ONE,
                ATTEMPT_FAILED)));
        return rows;
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(open(PENDING, PENDING));
        rows.addAll(open(SENT, SENT));
        rows.addAll(open(FAILED, PENDING));
        rows.addAll(cancelled());
        rows.addAll(paid());
        return rows;
    }

    @Test
    void givenTheTable_whenCountingCells_thenEveryStatusAndNewsPairAppearsOnce() {
        Set<String> cells = table().stream().map(r -> r.from() + "/" + r.news()).collect(Collectors.toSet());

        assertThat(table()).hasSize(InvoiceStatus.values().length * News.values().length);
        Arrays.stream(InvoiceStatus.values()).forEach(s -> Arrays.stream(News.values())
                .forEach(n -> assertThat(cells).contains(s + "/" + n)));
    }

    @Test
    void givenEveryFixture_whenRead_thenItIsInItsStatusWithTheTargetAskingForTheBalance() {
        assertThat(InvoiceStatus.values()).allSatisfy(status -> {
            Invoice invoice = fixture(status);
            assertThat(invoice.status()).isEqualTo(status);
            assertThat(attempt(invoice, TARGET).amount()).isEqualTo(Amount.ofShillings(1_500));
            assertThat(attempt(invoice, TARGET).status()).isEqualTo(
                    status == CANCELLED ? PaymentStatus.EXPIRED : PaymentStatus.INITIATED);
            assertThat(invoice.paid()).isEqualTo(kes(status == PAID ? 2_500 : 1_000));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givenStatus_whenNewsAboutAnAttemptArrives_thenTheMoneyRulesSayWhatFollows(Row row) {
        Invoice before = fixture(row.from());
        Invoice invoice = before;
        Settlement last = null;
        Instant at = NOW;
        for (Step step : row.news().steps) {
            last = step.apply(invoice, at);
            invoice = last.invoice();
            at = at.plus(Duration.ofMinutes(1));
        }
        Invoice after = last.invoice();

        assertThat(last).isExactlyInstanceOf(row.settlement());
        assertThat(after.status()).isEqualTo(row.to());
        assertThat(after.paid()).isEqualTo(kes(row.paid()));
        assertThat(after.balance()).isEqualTo(kes(row.balance()));
        assertThat(after.receipt()).contains(row.receipt() == Shown.TARGETS ? TARGET_RECEIPT
                : row.from() == PAID ? InvoiceSettlementTest.LATE_RECEIPT : EARLIER_RECEIPT);
        assertThat(after.paidAt().isPresent()).as("paid time exactly when PAID").isEqualTo(after.status() == PAID);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(last.events()).extracting(Object::getClass).containsExactlyElementsOf(row.events());
        assertThat(last.events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(row.news().lastAt()));
        switch (last) {
            case Paid paid -> {
                assertThat(paid.excess()).isEqualTo(kes(row.excess()));
                assertThat(paid.afterCancellation()).isEqualTo(row.from() == CANCELLED);
                assertThat(paid.payment().id()).isEqualTo(TARGET);
                assertThat(after.paidAt()).contains(row.news().lastAt());
            }
            case DoublePayment twice -> {
                assertThat(twice.excess()).isEqualTo(kes(row.excess()));
                assertThat(twice.payment().id()).isEqualTo(TARGET);
                assertThat(after.paidAt()).as("paid when it first reached its amount").isEqualTo(before.paidAt());
                assertThat(twice.events()).contains(new InvoiceEvent.DoublePaymentReceived(ID,
                        twice.payment().receipt(), kes(row.excess()), row.news().lastAt()));
            }
            case PartlyPaid part -> {
                assertThat(row.excess()).isNull();
                assertThat(part.balance()).isEqualTo(after.balance());
                assertThat(part.payment().id()).isEqualTo(TARGET);
                assertThat(part.events()).contains(new InvoiceEvent.PartPaymentReceived(ID,
                        part.payment().received().orElseThrow(), after.balance(), row.news().lastAt()));
            }
            case ReceivedWhileCancelled received -> assertThat(received.payment().id()).isEqualTo(TARGET);
            case ReceiptAdded added -> assertThat(added.payment().receipt()).contains(TARGET_RECEIPT);
            case Failed failed -> {
                assertThat(failed.payment().id()).isEqualTo(TARGET);
                assertThat(failed.payment().status()).isEqualTo(PaymentStatus.FAILED);
                assertThat(failed.reason().code()).isEqualTo(Integer.parseInt(row.news().name().substring(7)));
                assertThat(failed.events()).containsExactly(
                        new PaymentEvent.Failed(ID, TARGET, failed.reason(), row.news().lastAt()));
            }
            case Unchanged unchanged -> assertThat(row.news().steps.size() == 1
                    ? before : unchanged.invoice()).isEqualTo(unchanged.invoice());
            case Settlement.NoAnswer noAnswer -> throw new AssertionError("no row ends with giving up");
        }
    }

    @Test
    void givenNewsThatChangesNothing_whenApplied_thenTheInvoiceIsTheOneBefore() {
        Invoice cancelled = fixture(CANCELLED);

        Settlement failure = failure(1032).apply(cancelled, NOW);
        Settlement foreign = callback("1500", EARLIER_RECEIPT).apply(cancelled, NOW);

        assertThat(failure).isEqualTo(new Unchanged(cancelled));
        assertThat(foreign).isEqualTo(new Unchanged(cancelled));
    }

    @Test
    void givenUnderpayment_whenTheCustomerTapsPayAgain_thenTheNewPromptAsksForTheBalance() {
        Invoice underpaid = callback("500", TARGET_RECEIPT).apply(fixture(SENT), NOW).invoice();

        PaymentRequest request = underpaid.requestPayment(Optional.empty(), new PaymentId("pay-next"),
                InvoiceFixtures.keyOf(new PaymentId("pay-next")), POLICY, NOW.plusSeconds(1));

        assertThat(underpaid.balance()).isEqualTo(kes(1_000));
        assertThat(request).isInstanceOfSatisfying(PaymentRequest.Start.class,
                start -> assertThat(start.attempt().amount()).isEqualTo(Amount.ofShillings(1_000)));
    }

    @Test
    void givenTwoAttemptsThatBothPaidTheWholeAmount_whenTheSecondMoneyArrives_thenDoublePaymentWithItAllAsExcess() {
        PaymentId first = new PaymentId("pay-a");
        PaymentId second = new PaymentId("pay-b");
        Invoice twoGivenUp = startedAndNamed(InvoiceFixtures.invoiceIn(SENT), first, NOW)
                .giveUp(first, NOW.plusSeconds(60)).invoice();
        twoGivenUp = startedAndNamed(twoGivenUp, second, NOW.plusSeconds(61)).giveUp(second, NOW.plusSeconds(120))
                .invoice();
        Instant t1 = NOW.plusSeconds(130);
        Instant t2 = NOW.plusSeconds(140);

        Settlement once = twoGivenUp.settle(first, paidCallback(first, "2500", TARGET_RECEIPT, t1), POLICY, t1);
        Settlement twice = once.invoice().settle(second, paidCallback(second, "2500", LATE_RECEIPT, t2), POLICY, t2);

        assertThat(once).isInstanceOf(Paid.class);
        assertThat(twice).isInstanceOfSatisfying(DoublePayment.class,
                d -> assertThat(d.excess()).isEqualTo(kes(2_500)));
        assertThat(twice.events()).containsExactly(new PaymentEvent.Succeeded(ID, second, t2),
                new InvoiceEvent.DoublePaymentReceived(ID, Optional.of(LATE_RECEIPT), kes(2_500), t2));
        assertThat(twice.invoice().paid()).isEqualTo(kes(5_000));
        assertThat(twice.invoice().paidAt()).contains(t1);
    }

    @Test
    void givenInvoiceAlreadyOverpaid_whenMoreMoneyArrives_thenTheExcessToldIsOnlyTheNewMoney() {
        PaymentId more = new PaymentId("pay-more");
        Invoice twoGivenUp = giveUp().apply(fixture(SENT), NOW).invoice();
        twoGivenUp = startedAndNamed(twoGivenUp, more, NOW.plusSeconds(1)).giveUp(more, NOW.plusSeconds(60))
                .invoice();
        Invoice overpaid = callback("2000", TARGET_RECEIPT).apply(twoGivenUp, NOW.plusSeconds(90)).invoice();
        Instant at = NOW.plusSeconds(120);

        Settlement settlement = overpaid.settle(more, paidCallback(more, "700", LATE_RECEIPT, at), POLICY, at);

        assertThat(overpaid.status()).isEqualTo(PAID);
        assertThat(overpaid.paid()).isEqualTo(kes(3_000));
        assertThat(settlement).isInstanceOfSatisfying(DoublePayment.class,
                twice -> assertThat(twice.excess()).isEqualTo(kes(700)));
        assertThat(settlement.events()).containsExactly(new PaymentEvent.Succeeded(ID, more, at),
                new InvoiceEvent.DoublePaymentReceived(ID, Optional.of(LATE_RECEIPT), kes(700), at));
        assertThat(settlement.invoice().paid()).isEqualTo(kes(3_700));
    }

    @Test
    void givenPaidAsOnlyTheQueryTold_whenTheCallbackBringsTheReceipt_thenTheInvoiceShowsIt() {
        Invoice toldByQuery = querySaysPaid().apply(fixture(SENT), NOW).invoice();

        Settlement settlement = callback("1500", TARGET_RECEIPT).apply(toldByQuery, NOW.plusSeconds(60));

        assertThat(toldByQuery.receipt()).contains(EARLIER_RECEIPT);
        assertThat(attempt(toldByQuery, TARGET).receipt()).isEmpty();
        assertThat(settlement).isInstanceOf(ReceiptAdded.class);
        assertThat(settlement.invoice().receipt()).contains(TARGET_RECEIPT);
        assertThat(settlement.invoice().receipts()).containsExactly(EARLIER_RECEIPT, TARGET_RECEIPT);
        assertThat(settlement.invoice().paidAt()).as("paid when the query told").contains(NOW);
    }

    @Test
    void givenPaidAsTheQueryAssumed_whenTheCallbackReportsLess_thenTheInvoiceOpensAgainForTheRest() {
        Invoice toldByQuery = querySaysPaid().apply(fixture(SENT), NOW).invoice();

        Settlement settlement = callback("500", TARGET_RECEIPT).apply(toldByQuery, NOW.plusSeconds(60));

        assertThat(toldByQuery.status()).isEqualTo(PAID);
        assertThat(settlement).isInstanceOf(PartlyPaid.class);
        Invoice reopened = settlement.invoice();
        assertThat(reopened.status()).isEqualTo(SENT);
        assertThat(reopened.paidAt()).isEmpty();
        assertThat(reopened.isPayable()).isTrue();
        assertThat(reopened.balance()).isEqualTo(kes(1_000));
        assertThat(settlement.events()).containsExactly(
                new InvoiceEvent.PartPaymentReceived(ID, kes(500), kes(1_000), NOW.plusSeconds(60)));
    }

    @Test
    void givenCancelledInvoicePaidAsTheQueryAssumed_whenTheCallbackReportsLess_thenItIsCancelledAgainNotOpen() {
        Invoice paidAfterCancellation = querySaysPaid().apply(fixture(CANCELLED), NOW).invoice();

        Settlement settlement = callback("500", TARGET_RECEIPT).apply(paidAfterCancellation, NOW.plusSeconds(60));

        assertThat(paidAfterCancellation.status()).isEqualTo(PAID);
        assertThat(settlement).isInstanceOf(ReceivedWhileCancelled.class);
        assertThat(settlement.invoice().status()).isEqualTo(CANCELLED);
        assertThat(settlement.invoice().isPayable()).isFalse();
        assertThat(settlement.invoice().paidAt()).isEmpty();
        assertThat(settlement.invoice().cancelledAt()).isEqualTo(fixture(CANCELLED).cancelledAt());
        assertThat(settlement.invoice().paid()).isEqualTo(kes(1_500));
    }

    @Test
    void givenMoneyWithCents_whenItLeavesABalance_thenTheNextPromptRoundsTheBalanceUpToWholeShillings() {
        Invoice underpaid = callback("1499.50", TARGET_RECEIPT).apply(fixture(SENT), NOW).invoice();

        PaymentRequest request = underpaid.requestPayment(Optional.empty(), new PaymentId("pay-next"),
                InvoiceFixtures.keyOf(new PaymentId("pay-next")), POLICY, NOW.plusSeconds(1));

        assertThat(underpaid.balance()).isEqualTo(new Money(50));
        assertThat(underpaid.status()).isEqualTo(SENT);
        assertThat(request).isInstanceOfSatisfying(PaymentRequest.Start.class,
                start -> assertThat(start.attempt().amount()).isEqualTo(Amount.ofShillings(1)));
    }

    @Test
    void givenFailedAttempt_whenItsReasonAsksForAPause_thenTheSettlementSaysFromWhenAndTheReasonIsKept() {
        Settlement settlement = failure(1032).apply(fixture(SENT), NOW);

        assertThat(settlement).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(StkReason.CANCELLED_BY_USER);
            assertThat(failed.retryFrom()).contains(NOW.plus(POLICY.cooldown()));
            assertThat(failed.payment().endReason()).contains(StkReason.CANCELLED_BY_USER);
        });
    }

    @Test
    void givenAttemptStartedBeforeAnyMoney_whenItIsTheOnlyOne_thenItAskedForTheWholeAmount() {
        PaymentRequest.Start start = started(InvoiceFixtures.invoiceIn(SENT), new PaymentId("pay-a"), NOW);

        assertThat(start.attempt().amount()).isEqualTo(InvoiceFixtures.AMOUNT);
    }
}
