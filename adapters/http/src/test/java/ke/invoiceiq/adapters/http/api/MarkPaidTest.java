package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /invoices/{id}/mark-paid}: every outcome of the use case, and every refused body. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class MarkPaidTest {

    private static final String CASH = "{\"method\":\"CASH\",\"note\":\"Cash at the shop\"}";

    @Inject
    InMemoryPorts ports;

    private static Response markPaid(InvoiceId id, String body) {
        return Api.json(body).post("/invoices/" + id + "/mark-paid");
    }

    private long receiptsQueuedFor(InvoiceId id) {
        return ports.outbox().all().stream()
                .filter(m -> m.invoiceId().filter(id::equals).isPresent() && m.purpose() == MessagePurpose.RECEIPT)
                .count();
    }

    @Test
    void givenASentInvoice_whenMarkedPaid_thenItIsPaidWithTheBalanceOutsideAndTheCustomerGetsAReceipt() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        Response response = markPaid(sent.id(), CASH);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("invoice.status")).isEqualTo("PAID");
        assertThat(response.jsonPath().getString("invoice.paid_outside[0].note")).isEqualTo("Cash at the shop");
        assertThat(response.jsonPath().getString("invoice.paid_outside[0].amount_display")).isEqualTo("KES 2,500");
        assertThat(response.jsonPath().getBoolean("customer_notified")).isTrue();
        assertThat(receiptsQueuedFor(sent.id())).isEqualTo(1);
    }

    @Test
    void givenAnInvoiceThatNeverReachedTheCustomer_whenMarkedPaid_thenNoReceiptIsQueued() {
        Invoice pending = Api.in(ports, InvoiceStatus.PENDING);

        Response response = markPaid(pending.id(), CASH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getBoolean("customer_notified")).isFalse();
        assertThat(receiptsQueuedFor(pending.id())).isZero();
    }

    @Test
    void givenAPartPayment_whenMarkedPaid_thenOnlyTheBalanceIsRecordedOutsideMpesa() {
        Invoice partPaid = TestPayments.pay(ports, Api.in(ports, InvoiceStatus.SENT), 1_000);

        Response response = markPaid(partPaid.id(), "{\"method\":\"bank_transfer\",\"note\":\"Equity ref 88231\"}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getLong("invoice.amount_paid_cents")).isEqualTo(100_000);
        assertThat(response.jsonPath().getLong("invoice.paid_outside[0].amount_cents")).isEqualTo(150_000);
        assertThat(Api.invoice(ports, partPaid.id()).balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void givenAnOpenMpesaPrompt_whenMarkedPaid_thenItIsRefusedAndNothingChanges() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        Api.json("{\"invoice_id\":\"" + sent.id() + "\"}").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/payments/stk/initiate").then().statusCode(202);

        problem(markPaid(sent.id(), CASH), 409, "payment-in-flight");
        assertThat(Api.invoice(ports, sent.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @ParameterizedTest
    @CsvSource({"PAID, invoice-already-paid", "CANCELLED, invoice-cancelled"})
    void givenAPaidOrCancelledInvoice_whenMarkedPaid_thenItIsRefused(InvoiceStatus status, String slug) {
        Invoice invoice = Api.in(ports, status);

        problem(markPaid(invoice.id(), CASH), 409, slug);
        assertThat(Api.invoice(ports, invoice.id()).paidOutside()).isEmpty();
    }

    @Test
    void givenNoSuchInvoice_whenMarkedPaid_thenNotFound() {
        problem(markPaid(new InvoiceId("INV-ZZZZZZ"), CASH), 404, "invoice-not-found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"note\":\"Cash at the shop\"}                          | method | required",
            "{\"method\":\"CHEQUE\",\"note\":\"Cash at the shop\"}    | method | one_of",
            "{\"method\":1,\"note\":\"Cash at the shop\"}             | method | type",
            "{\"method\":\"CASH\"}                                    | note   | required",
            "{\"method\":\"CASH\",\"note\":\"ab\"}                    | note   | min_length",
            "{\"method\":\"CASH\",\"note\":\"line\\nbreak\"}          | note   | format",
            "{\"method\":\"CASH\",\"note\":\"Cash\",\"payer\":1}       | payer  | unknown_field",
            "{\"method\":\"CASH\",\"note\":\"Cash\",\"amount\":0}     | amount | min",
            "{\"method\":\"CASH\",\"note\":\"Cash\",\"amount\":\"1.5\"} | amount | whole_shillings",
            "{\"method\":\"CASH\",\"note\":\"Cash\",\"amount_cents\":50} | amount_cents | whole_shillings",
            "{\"method\":\"CASH\",\"note\":\"Cash\",\"amount\":5,\"amount_cents\":500} | amount | exactly_one_of"})
    void givenABadBody_whenMarkedPaid_thenA400NamesTheFieldAndNothingChanges(String body, String field, String rule) {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        fieldError(markPaid(sent.id(), body), "validation-error", field, rule);
        assertThat(Api.invoice(ports, sent.id()).status()).isEqualTo(InvoiceStatus.SENT);
    }

    @Test
    void givenANoteOfTwoHundredAndOneCharacters_whenMarkedPaid_thenItIsTooLong() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        fieldError(markPaid(sent.id(), "{\"method\":\"OTHER\",\"note\":\"" + "x".repeat(201) + "\"}"),
                "validation-error", "note", "max_length");
    }

    // ---- with an amount: part payments ---------------------------------------------------------------------------

    @Test
    void givenAnAmountBelowTheBalance_whenMarkedPaid_thenPartPaidWithTheBalanceLeftAndAPartReceipt() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);

        Response response = markPaid(sent.id(), "{\"method\":\"CASH\",\"note\":\"Cash at the shop\",\"amount\":500}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("result")).isEqualTo("part_paid");
        assertThat(response.jsonPath().getString("invoice.status")).isEqualTo("SENT");
        assertThat(response.jsonPath().getLong("invoice.paid_outside[0].amount_cents")).isEqualTo(50_000);
        assertThat(response.jsonPath().getLong("invoice.balance_cents")).isEqualTo(200_000);
        assertThat(receiptsQueuedFor(sent.id())).isEqualTo(1);
        assertThat(ports.outbox().all().stream().filter(m -> m.purpose() == MessagePurpose.RECEIPT
                        && m.invoiceId().filter(sent.id()::equals).isPresent()).findFirst().orElseThrow()
                .content().text()).contains("The merchant received KES 500 (cash).").contains("Balance: KES 2,000.");
    }

    @Test
    void givenTwoParts_whenTheSecondReachesTheAmount_thenPaidAndBothAreKeptInOrder() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        markPaid(sent.id(), "{\"method\":\"CASH\",\"note\":\"Cash at the shop\",\"amount_cents\":100000}")
                .then().statusCode(200);

        Response response = markPaid(sent.id(),
                "{\"method\":\"BANK_TRANSFER\",\"note\":\"Equity ref 88231\",\"amount\":\"1,500\"}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("result")).isEqualTo("marked_paid");
        assertThat(response.jsonPath().getString("invoice.status")).isEqualTo("PAID");
        assertThat(response.jsonPath().getList("invoice.paid_outside.method")).containsExactly("CASH", "BANK_TRANSFER");
        assertThat(receiptsQueuedFor(sent.id())).isEqualTo(2);
    }

    @Test
    void givenMoreThanTheBalance_whenMarkedPaid_thenRefused422AndNothingRecorded() {
        Invoice partPaid = TestPayments.pay(ports, Api.in(ports, InvoiceStatus.SENT), 1_000);

        Response response = markPaid(partPaid.id(), "{\"method\":\"CASH\",\"note\":\"Cash at the shop\",\"amount\":1501}");

        problem(response, 422, "more-than-balance");
        assertThat(response.jsonPath().getString("detail")).contains("KES 1,500");
        assertThat(Api.invoice(ports, partPaid.id()).paidOutside()).isEmpty();
        assertThat(Api.invoice(ports, partPaid.id()).balance()).isEqualTo(Money.ofShillings(1_500));
    }
}
