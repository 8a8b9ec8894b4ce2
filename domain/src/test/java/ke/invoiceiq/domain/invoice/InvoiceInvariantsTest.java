package ke.invoiceiq.domain.invoice;

import static ke.invoiceiq.domain.invoice.InvoiceFixtures.AMOUNT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.CUSTOMER;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.ID;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.NOW;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.PAID_AT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.RECEIPT;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.anInvoice;
import static ke.invoiceiq.domain.invoice.InvoiceFixtures.invoiceIn;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.CANCELLED;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.PAID;
import static ke.invoiceiq.domain.invoice.InvoiceStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every invoice record satisfies, whoever builds it (a transition, a repository reading rows): PAID exactly
 * when its payments reached its amount, at most one attempt in flight, and its attempts its own, each once. The
 * records here are built by hand on purpose: they are the ones no transition may produce.
 */
class InvoiceInvariantsTest {

    private static Payment inFlight(String id) {
        return Payment.initiate(new PaymentId(id), ID, CUSTOMER.msisdn(), AMOUNT, new IdempotencyKey("key-" + id),
                NOW);
    }

    private static Payment paid(String id, long shillings) {
        return inFlight(id).succeeded(StkResult.of(0), Optional.of(RECEIPT), Optional.empty(),
                Money.ofShillings(shillings), NOW);
    }

    private static Payment failed(String id) {
        return inFlight(id).failed(StkResult.of(1032), NOW);
    }

    /** The SENT fixture as a record in {@code status} with {@code payments} and these times. */
    private static Invoice record(InvoiceStatus status, Optional<Instant> paidAt, Optional<Instant> cancelledAt,
            List<Payment> payments) {
        Invoice ok = invoiceIn(SENT);
        return new Invoice(ok.id(), ok.customer(), ok.amount(), ok.description(), status, ok.payToken(),
                ok.createdAt(), ok.sentAt(), paidAt, cancelledAt, ok.deliveryChannel(), ok.reminderCount(),
                ok.lastRemindedAt(), payments, ok.version());
    }

    /** A record, whether it may exist, and what the refusal names when it may not. */
    record Row(String given, InvoiceStatus status, Optional<Instant> paidAt, Optional<Instant> cancelledAt,
            List<Payment> payments, String refusal) {
        @Override
        public String toString() {
            return given + " (" + status + ")" + (refusal == null ? ": valid" : ": rejected");
        }
    }

    private static Row valid(String given, InvoiceStatus status, List<Payment> payments) {
        return new Row(given, status, status == PAID ? Optional.of(PAID_AT) : Optional.empty(),
                status == CANCELLED ? Optional.of(NOW) : Optional.empty(), payments, null);
    }

    private static Row invalid(String given, InvoiceStatus status, List<Payment> payments, String refusal) {
        return new Row(given, status, status == PAID ? Optional.of(PAID_AT) : Optional.empty(),
                status == CANCELLED ? Optional.of(NOW) : Optional.empty(), payments, refusal);
    }

    static List<Row> records() {
        String paidExactly = "PAID exactly when";
        return List.of(
                valid("no payments", SENT, List.of()),
                valid("paid in part", SENT, List.of(paid("p1", 1_000))),
                valid("paid in full", PAID, List.of(paid("p1", 2_500))),
                valid("paid in two parts", PAID, List.of(paid("p1", 1_000), paid("p2", 1_500))),
                valid("paid more than the amount", PAID, List.of(paid("p1", 2_500), paid("p2", 2_500))),
                valid("paid in part while cancelled", CANCELLED, List.of(paid("p1", 1_000))),
                valid("one in flight after failures", SENT, List.of(failed("p1"), failed("p2"), inFlight("p3"))),
                valid("one in flight on a paid invoice", PAID, List.of(paid("p1", 2_500), inFlight("p2"))),
                invalid("PAID with nothing paid", PAID, List.of(), paidExactly),
                invalid("PAID short of the amount", PAID, List.of(paid("p1", 2_499)), paidExactly),
                invalid("PAID by attempts that only failed", PAID, List.of(failed("p1")), paidExactly),
                invalid("SENT though paid in full", SENT, List.of(paid("p1", 2_500)), paidExactly),
                invalid("CANCELLED though paid in full", CANCELLED, List.of(paid("p1", 1_000), paid("p2", 1_500)),
                        paidExactly),
                invalid("two attempts in flight", SENT, List.of(inFlight("p1"), inFlight("p2")), "in flight"),
                invalid("another invoice's attempt", SENT, List.of(Payment.initiate(new PaymentId("p1"),
                        new InvoiceId("INV-2B4C6D"), CUSTOMER.msisdn(), AMOUNT, new IdempotencyKey("key-p1"), NOW)),
                        "another invoice"),
                invalid("the same attempt twice", SENT, List.of(failed("p1"), failed("p1")), "twice"),
                invalid("two attempts under one key", SENT, List.of(failed("p1"), Payment.initiate(new PaymentId("p2"),
                        ID, CUSTOMER.msisdn(), AMOUNT, new IdempotencyKey("key-p1"), NOW)), "twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void givenStatusAndPayments_whenConstructed_thenOnlyConsistentRecordsExist(Row row) {
        if (row.refusal() == null) {
            Invoice invoice = record(row.status(), row.paidAt(), row.cancelledAt(), row.payments());
            assertThat(invoice.status() == PAID).isEqualTo(invoice.paid().isAtLeast(Money.of(invoice.amount())));
            assertThat(invoice.payments().stream().filter(Payment::isInFlight)).hasSizeLessThanOrEqualTo(1);
        } else {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> record(row.status(), row.paidAt(), row.cancelledAt(), row.payments()))
                    .withMessageContaining(row.refusal());
        }
    }

    @Test
    void givenPaidStatusWithoutPaidTime_whenConstructed_thenRejected() {
        Invoice paid = invoiceIn(PAID);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> record(PAID, Optional.empty(), Optional.empty(), paid.payments()))
                .withMessageContaining("paid time");
    }

    @Test
    void givenCancelledStatusWithoutCancelledTime_whenConstructed_thenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> record(CANCELLED, Optional.empty(), Optional.empty(), List.of()))
                .withMessageContaining("cancelled time");
    }

    @Test
    void givenNegativeReminderCount_whenConstructed_thenRejected() {
        assertThatThrownBy(() -> anInvoice().status(SENT).reminderCount(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNullField_whenConstructed_thenRejected() {
        Invoice ok = invoiceIn(SENT);
        assertThatNullPointerException().isThrownBy(() -> new Invoice(ok.id(), ok.customer(), ok.amount(),
                ok.description(), ok.status(), ok.payToken(), ok.createdAt(), null, ok.paidAt(),
                ok.cancelledAt(), ok.deliveryChannel(), 0, ok.lastRemindedAt(), ok.payments(), 0));
        assertThatNullPointerException().isThrownBy(() -> new Invoice(ok.id(), ok.customer(), ok.amount(),
                ok.description(), null, ok.payToken(), ok.createdAt(), ok.sentAt(), ok.paidAt(),
                ok.cancelledAt(), ok.deliveryChannel(), 0, ok.lastRemindedAt(), ok.payments(), 0));
        assertThatNullPointerException().isThrownBy(() -> new Invoice(ok.id(), ok.customer(), ok.amount(),
                ok.description(), ok.status(), ok.payToken(), ok.createdAt(), ok.sentAt(), ok.paidAt(),
                ok.cancelledAt(), ok.deliveryChannel(), 0, ok.lastRemindedAt(), null, 0));
    }

    @Test
    void givenPaidFixture_whenRead_thenPaidAtItsTimeByItsPayment() {
        Invoice paid = anInvoice().status(PAID).build();

        assertThat(paid.status()).isEqualTo(PAID);
        assertThat(paid.paidAt()).contains(PAID_AT);
        assertThat(paid.paid()).isEqualTo(Money.of(AMOUNT));
        assertThat(paid.receipt()).contains(RECEIPT);
    }

    @Test
    void givenPaymentsList_whenTheCallersListChangesLater_thenTheInvoiceDoesNot() {
        List<Payment> payments = new ArrayList<>(List.of(failed("p1")));
        Invoice invoice = record(SENT, Optional.empty(), Optional.empty(), payments);

        payments.add(paid("p2", 2_500));

        assertThat(invoice.payments()).hasSize(1);
        assertThatThrownBy(() -> invoice.payments().add(paid("p3", 2_500)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
