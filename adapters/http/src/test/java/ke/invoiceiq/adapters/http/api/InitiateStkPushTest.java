package ke.invoiceiq.adapters.http.api;

import static ke.invoiceiq.adapters.http.api.Api.fieldError;
import static ke.invoiceiq.adapters.http.api.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import ke.invoiceiq.adapters.http.TestPayments;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /payments/stk/initiate}: idempotency and every outcome of the payment use case. */
@QuarkusTest
@TestProfile(ApiProfile.class)
class InitiateStkPushTest {

    @Inject
    InMemoryPorts ports;

    @Inject
    RecordPaymentResultUseCase results;

    private static Response initiate(String key, String body) {
        var request = Api.json(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/payments/stk/initiate");
    }

    private static Response initiate(String key, Invoice invoice) {
        return initiate(key, "{\"invoice_id\":\"" + invoice.id() + "\"}");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    @Test
    void sendsThePromptOnceForOneKeyAndRepeatsTheFirstAnswer() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        String key = newKey();
        int pushes = ports.gateway().pushCount();

        Response first = initiate(key, invoice);
        Response again = initiate(key, invoice);

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        JsonPath payment = first.jsonPath();
        assertThat(payment.getString("id")).isEqualTo(again.jsonPath().getString("id"));
        assertThat(payment.getString("invoice_id")).isEqualTo(invoice.id().value());
        assertThat(payment.getString("status")).isEqualTo("INITIATED");
        assertThat(payment.getLong("amount_cents")).isEqualTo(250_000L);
        assertThat(payment.getString("checkout_request_id")).startsWith("ws_CO_")
                .isEqualTo(again.jsonPath().getString("checkout_request_id"));
        assertThat(payment.getString("mpesa_receipt")).isNull();
        assertThat(ports.gateway().pushCount()).as("one STK push").isEqualTo(pushes + 1);
        assertThat(ports.gateway().lastPush().orElseThrow().accountReference()).isEqualTo(invoice.id());
        assertThat(ports.payments().findByIdempotencyKey(new IdempotencyKey("rest:" + key)))
                .as("stored in the API's own key space").isPresent();
        assertThat(ports.payments().findByIdempotencyKey(new IdempotencyKey(key))).isEmpty();
    }

    @Test
    void refusesTheSameKeyForAnotherInvoiceWithoutAPush() {
        Invoice first = Api.in(ports, InvoiceStatus.SENT);
        Invoice other = Api.in(ports, InvoiceStatus.SENT);
        String key = newKey();
        initiate(key, first).then().statusCode(202);
        int pushes = ports.gateway().pushCount();

        problem(initiate(key, other), 422, "idempotency-key-reused");

        assertThat(ports.gateway().pushCount()).isEqualTo(pushes);
        assertThat(ports.payments().findByInvoice(other.id())).isEmpty();
    }

    @Test
    void requiresAnIdempotencyKey() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        int pushes = ports.gateway().pushCount();

        fieldError(initiate(null, invoice), "validation-error", "Idempotency-Key", "required");
        fieldError(initiate("   ", invoice), "validation-error", "Idempotency-Key", "required");

        assertThat(ports.gateway().pushCount()).isEqualTo(pushes);
    }

    @Test
    void refusesAKeyTooLongOrNotPrintableAscii() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);

        fieldError(initiate("k".repeat(196), invoice), "validation-error", "Idempotency-Key", "max_length");
        fieldError(initiate("two words", invoice), "validation-error", "Idempotency-Key", "format");
        initiate("k".repeat(195), invoice).then().statusCode(202);
    }

    @ParameterizedTest(name = "{0} → {1}/{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                     | invoice_id | required",
            "{\"invoice_id\":null}                                    | invoice_id | required",
            "{\"invoice_id\":7}                                       | invoice_id | type",
            "{\"invoice_id\":\"nope\"}                                | invoice_id | format",
            "{\"invoice_id\":\"INV-000001\",\"msisdn\":\"254712345678\"} | msisdn     | unknown_field",
            "{\"invoice_id\":\"INV-000001\",\"payer_msisdn\":\"12345\"}    | payer_msisdn | format",
            "{\"invoice_id\":\"INV-000001\",\"payer_msisdn\":\"+255712345678\"} | payer_msisdn | format",
            "{\"invoice_id\":\"INV-000001\",\"payer_msisdn\":712345678}   | payer_msisdn | type",
            "``                                                     | body       | required",
            "[]                                                     | body       | type"})
    void refusesABadBodyNamingTheField(String body, String field, String rule) {
        fieldError(initiate(newKey(), body), "validation-error", field, rule);
    }

    @Test
    void givenAnotherPayerNumber_whenInitiated_thenThePromptGoesToThatNumber() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);

        Response response = initiate(newKey(), "{\"invoice_id\":\"" + invoice.id()
                + "\",\"payer_msisdn\":\"0722 000 111\"}");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(ports.gateway().lastPush().orElseThrow().payer().value()).isEqualTo("254722000111");
        assertThat(ports.gateway().lastPush().orElseThrow().accountReference()).isEqualTo(invoice.id());
    }

    @Test
    void refusesMalformedJson() {
        fieldError(initiate(newKey(), "{\"invoice_id\":"), "malformed-json", "invoice_id", "json_syntax");
    }

    @Test
    void answers404ForAnUnknownInvoice() {
        problem(initiate(newKey(), "{\"invoice_id\":\"INV-ZZZZZX\"}"), 404, "invoice-not-found");
    }

    @ParameterizedTest(name = "a {0} invoice → {1} {2}")
    @CsvSource({
            "PAID,      409, invoice-already-paid",
            "CANCELLED, 409, invoice-cancelled"})
    void refusesAnInvoiceThatCannotBePaid(InvoiceStatus status, int code, String type) {
        Invoice invoice = Api.in(ports, status);
        int pushes = ports.gateway().pushCount();

        problem(initiate(newKey(), invoice), code, type);
        assertThat(ports.gateway().pushCount()).isEqualTo(pushes);
    }

    @Test
    void refusesASecondPromptWhileOneIsOpen() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        initiate(newKey(), invoice).then().statusCode(202);

        problem(initiate(newKey(), invoice), 409, "payment-in-flight");
    }

    @Test
    void givenMpesaUnavailable_whenAskedAgainWithANewKey_thenAPromptAtOnce() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.RetryLater("spike arrest"));

        Response unavailable = initiate(newKey(), invoice);

        JsonPath problem = problem(unavailable, 503, "payment-gateway-unavailable");
        assertThat(unavailable.header("Retry-After")).isEqualTo("30");
        assertThat(Instant.parse(problem.getString("retry_at"))).isEqualTo(ports.clock().instant().plusSeconds(30));
        // no prompt reached the phone: nothing asks for a pause, a new request may push at once
        initiate(newKey(), invoice).then().statusCode(202);
    }

    @Test
    void givenTheCustomerCancelledThePrompt_whenAskedAgain_then429UntilTheCooldownEnds_andItsReplayStays429() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        initiate(newKey(), invoice).then().statusCode(202);
        callback(invoice, 1032, 0);
        ports.clock().advance(Duration.ofSeconds(30));
        String key = newKey();

        Response cooling = initiate(key, invoice);

        JsonPath problem = problem(cooling, 429, "payment-cooling-down");
        assertThat(cooling.header("Retry-After")).isEqualTo("90");
        assertThat(Instant.parse(problem.getString("retry_at"))).isEqualTo(ports.clock().instant().plusSeconds(90));

        ports.clock().advance(Duration.ofSeconds(90));
        // the key was bound to its 429: repeating it gives the 429 again, a new key gets the prompt
        Response replay = initiate(key, invoice);
        assertThat(replay.statusCode()).isEqualTo(429);
        assertThat(replay.asString()).isEqualTo(cooling.asString());
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.header("Retry-After")).isEqualTo("90");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        initiate(newKey(), invoice).then().statusCode(202);
    }

    @Test
    void givenTheFirstAttemptWasPaid_whenTheSameKeyIsSentAgain_thenTheFirst202BodyAndNoPush() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        String key = newKey();
        Response first = initiate(key, invoice);
        callback(invoice, 0, 2_500);
        assertThat(Api.invoice(ports, invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        int pushes = ports.gateway().pushCount();

        Response again = initiate(key, invoice);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.jsonPath().getString("status")).as("the first answer, not today's state")
                .isEqualTo("INITIATED");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ports.gateway().pushCount()).isEqualTo(pushes);
        // a new key is a new request: the invoice is paid now
        problem(initiate(newKey(), invoice), 409, "invoice-already-paid");
    }

    @Test
    void givenMpesaGaveNoClearAnswer_whenInitiated_then202WithoutACheckoutId_andNoSecondPromptUntilItResolves() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.OutcomeUnknown("read timed out"));

        Response awaiting = initiate(newKey(), invoice);

        assertThat(awaiting.statusCode()).as(awaiting.asString()).isEqualTo(202);
        assertThat(awaiting.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(awaiting.jsonPath().getString("status")).isEqualTo("INITIATED");
        assertThat(awaiting.jsonPath().getString("checkout_request_id")).isNull();
        int pushes = ports.gateway().pushCount();
        // a prompt may be on the phone: a second one could charge twice
        problem(initiate(newKey(), invoice), 409, "payment-in-flight");
        assertThat(ports.gateway().pushCount()).isEqualTo(pushes);
    }

    @Test
    void tellsWhenAnotherPromptIsOpenOnThePhone() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.SubscriberBusy());

        problem(initiate(newKey(), invoice), 409, "payer-busy");
        assertThat(ports.payments().findByInvoice(invoice.id())).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.FAILED));
    }

    @Test
    void tellsWhenMpesaRefusesForGood() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.Rejected("Bad Request - Invalid BusinessShortCode"));

        Response response = initiate(newKey(), invoice);

        problem(response, 502, "payment-gateway-rejected");
        assertThat(response.asString()).doesNotContain("BusinessShortCode");
    }

    @Test
    void givenAFirstAnswerThatWasA409Problem_whenTheSameKeyIsSentAgain_thenThatProblemAgainWithoutAnotherPush() {
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        ports.gateway().respondWith(new StkPushResponse.SubscriberBusy());
        String key = newKey();
        Response first = initiate(key, invoice);
        problem(first, 409, "payer-busy");
        int pushes = ports.gateway().pushCount();

        Response again = initiate(key, invoice);

        problem(again, 409, "payer-busy");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ports.gateway().pushCount()).isEqualTo(pushes);
    }

    @Test
    void givenTheSameKeyWithTheSameInvoiceSpelledDifferently_whenSent_then422() {
        // the fingerprint is the raw body: another spelling is another request
        Invoice invoice = Api.in(ports, InvoiceStatus.SENT);
        String key = newKey();
        initiate(key, invoice).then().statusCode(202);

        problem(initiate(key, "{ \"invoice_id\" : \"" + invoice.id() + "\" }"), 422, "idempotency-key-reused");
    }

    /** M-PESA's callback for the invoice's attempt: {@code code} 0 with {@code shillings} and a new receipt. */
    private void callback(Invoice invoice, int code, long shillings) {
        Payment attempt = ports.payments().findByInvoice(invoice.id()).stream()
                .max(Comparator.comparing(Payment::createdAt)).orElseThrow();
        Instant now = ports.clock().instant();
        boolean paid = code == 0;
        results.record(new PaymentResult(attempt.checkoutRequestId().orElseThrow(), attempt.merchantRequestId(),
                StkResult.of(code), paid ? Optional.of(BigDecimal.valueOf(shillings)) : Optional.empty(),
                paid ? Optional.of(new MpesaReceipt(TestPayments.nextReceipt())) : Optional.empty(),
                paid ? Optional.of(now) : Optional.empty(), Optional.of(invoice.customer().msisdn()), now),
                Optional.empty());
    }
}
