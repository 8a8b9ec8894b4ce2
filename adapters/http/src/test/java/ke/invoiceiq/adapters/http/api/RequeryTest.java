package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.api;
import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/payments/{id}/requery}: the reconciler's query for one attempt, on demand. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class RequeryTest {

    @Inject
    InMemoryPorts ports;

    /** A SENT invoice with an STK attempt M-PESA named and has not answered; the attempt's id and CheckoutRequestID. */
    private String[] inFlight(Invoice sent) {
        Response started = Api.json("{\"invoice_id\":\"" + sent.id() + "\"}")
                .header("Idempotency-Key", UUID.randomUUID().toString()).post("/payments/stk/initiate");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        return new String[] {started.jsonPath().getString("id"), started.jsonPath().getString("checkout_request_id")};
    }

    @Test
    void givenAnAttemptMpesaSaysWasPaid_whenRequeried_thenItIsSettledAndTheInvoicePaid() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        String[] attempt = inFlight(sent);
        ports.gateway().answerQueriesOf(new CheckoutRequestId(attempt[1]), new StkQueryResponse.Final(StkResult.of(0)));

        Response response = api().post("/admin/payments/" + attempt[0] + "/requery");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("result")).isEqualTo("settled");
        assertThat(response.jsonPath().getString("payment.status")).isEqualTo("SUCCESS");
        assertThat(Api.invoice(ports, sent.id()).status()).isEqualTo(InvoiceStatus.PAID);
        problem(api().post("/admin/payments/" + attempt[0] + "/requery"), 409, "payment-not-queryable");
    }

    @Test
    void givenAnAttemptTheCustomerHasNotFinished_whenRequeried_thenPendingAndTheQueryIsCounted() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        String[] attempt = inFlight(sent);
        ports.gateway().answerQueriesOf(new CheckoutRequestId(attempt[1]), new StkQueryResponse.Pending());

        Response response = api().post("/admin/payments/" + attempt[0] + "/requery");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("result")).isEqualTo("pending");
        assertThat(response.jsonPath().getString("payment.status")).isEqualTo("INITIATED");
        assertThat(Api.invoice(ports, sent.id()).attemptInFlight().orElseThrow().queries()).isEqualTo(1);
    }

    @Test
    void givenDarajaThrottles_whenRequeried_thenA503AndNothingCounted() {
        Invoice sent = Api.in(ports, InvoiceStatus.SENT);
        String[] attempt = inFlight(sent);
        ports.gateway().answerQueriesOf(new CheckoutRequestId(attempt[1]), new StkQueryResponse.Throttled("spike"));

        problem(api().post("/admin/payments/" + attempt[0] + "/requery"), 503, "payment-gateway-unavailable");
        assertThat(Api.invoice(ports, sent.id()).attemptInFlight().orElseThrow().queries()).isZero();
    }

    @Test
    void givenAnUnknownOrMalformedId_whenRequeried_thenNotFoundOrA400() {
        problem(api().post("/admin/payments/pay-nope/requery"), 404, "payment-not-found");
        fieldError(api().post("/admin/payments/not%20an%20id/requery"), "validation-error", "id", "format");
    }
}
