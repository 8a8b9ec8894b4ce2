package ke.invoiceiq.adapters.daraja.inbound;

import static io.restassured.RestAssured.given;
import static ke.invoiceiq.adapters.daraja.inbound.Callbacks.callback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import ke.invoiceiq.application.payment.RecordOutcome;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The callback over HTTP with a recording fake of the use case (allowlist off). The fake de-duplicates nothing:
 * that a duplicate is applied once is the use case's job (tested in the application module, and end to end with
 * the database in bootstrap).
 */
@QuarkusTest
@TestProfile(CallbackTestProfile.class)
class StkCallbackResourceTest {

    private static final String PATH = "/payments/stk/callback/";

    @Inject
    RecordingPaymentResults results;

    @BeforeEach
    void reset() {
        results.reset();
    }

    private static Response post(String token, byte[] body) {
        return given().contentType("application/json").body(body).when().post(PATH + token);
    }

    private static void assertAccepted(Response response) {
        response.then().statusCode(200).contentType("application/json")
                .body("ResultCode", equalTo(0)).body("ResultDesc", equalTo("Accepted"));
    }

    @Test
    void a_success_is_handed_on_parsed_and_acknowledged() {
        Instant before = Instant.now();

        assertAccepted(post(CallbackTestProfile.TOKEN, callback("success")));

        assertThat(results.recorded()).singleElement().satisfies(r -> {
            assertThat(r.checkoutRequestId()).isEqualTo(new CheckoutRequestId("ws_CO_191220191020363925"));
            assertThat(r.result().code()).isZero();
            assertThat(r.amount()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("1.00"));
            assertThat(r.receipt()).contains(new MpesaReceipt("NLJ7RT61SV"));
            assertThat(r.transactionTime()).contains(Instant.parse("2019-12-19T07:21:15Z"));
            assertThat(r.phone()).contains(new Msisdn("254708374149"));
            assertThat(r.receivedAt()).isBetween(before, Instant.now());
        });
    }

    @Test
    void the_body_is_handed_on_exactly_as_it_arrived_to_be_kept_for_disputes() {
        byte[] body = callback("success");

        assertAccepted(post(CallbackTestProfile.TOKEN, body));

        assertThat(results.rawBodies()).containsExactly(java.util.Optional.of(new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void the_acknowledgement_is_exactly_the_conventional_body() {
        String body = post(CallbackTestProfile.TOKEN, callback("success")).then().statusCode(200).extract().asString();

        assertThat(body).isEqualTo("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}");
    }

    @ParameterizedTest
    @CsvSource({"cancelled-1032, 1032", "unreachable-1037, 1037", "wrong-pin-2001, 2001", "insufficient-1, 1",
        "result-code-string, 1032"})
    void failures_are_handed_on_with_their_code(String fixture, int code) {
        assertAccepted(post(CallbackTestProfile.TOKEN, callback(fixture)));

        assertThat(results.recorded()).singleElement().satisfies(r -> {
            assertThat(r.result().code()).isEqualTo(code);
            assertThat(r.receipt()).isEmpty();
            assertThat(r.phone()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"settled", "unmatched", "kept", "duplicate"})
    void every_outcome_of_the_use_case_is_acknowledged_the_same(String kind) {
        RecordOutcome outcome = switch (kind) {
            case "kept" -> new RecordOutcome.Kept();
            case "duplicate" -> new RecordOutcome.Duplicate();
            // what is inside is not looked at by the resource
            case "settled" -> new RecordOutcome.Settled(new Settlement.Unchanged(Invoice.issue(
                    new InvoiceId("INV-7K3Q9X"), Customer.of(new Msisdn("254708374149")), Amount.ofShillings(1),
                    new Description("Test"), new PayToken("q7Zt4mX2bN9vR1kL5sD8wY3h"), Instant.EPOCH)));
            default -> new RecordOutcome.Unmatched(null);
        };
        results.answer(outcome);

        assertAccepted(post(CallbackTestProfile.TOKEN, callback("success")));
        assertThat(results.recorded()).hasSize(1);
    }

    @Test
    void duplicates_are_each_handed_on_unchanged() {
        results.answer(new RecordOutcome.Duplicate());

        for (int i = 0; i < 3; i++) {
            assertAccepted(post(CallbackTestProfile.TOKEN, callback("success")));
        }

        List<PaymentResult> recorded = results.recorded();
        assertThat(recorded).hasSize(3);
        assertThat(recorded).extracting(PaymentResult::checkoutRequestId).containsOnly(
                new CheckoutRequestId("ws_CO_191220191020363925"));
        assertThat(recorded).extracting(PaymentResult::receipt).containsOnly(
                java.util.Optional.of(new MpesaReceipt("NLJ7RT61SV")));
    }

    @ParameterizedTest
    @ValueSource(strings = {CallbackTestProfile.TOKEN, CallbackTestProfile.NEXT_TOKEN})
    void givenATokenBeingRotated_whenTheCurrentOrTheNextTokenIsInThePath_thenBothAreAccepted(String token) {
        assertAccepted(post(token, callback("success")));

        assertThat(results.recorded()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-token", "cb-Token_0123456789abcdefXY", "cb-Next_9876543210fedcbaQR",
        "cb-Token_0123456789abcdefXYZ0", "CB-TOKEN_0123456789ABCDEFXYZ"})
    void a_wrong_token_is_refused_and_nothing_is_handed_on(String token) {
        post(token, callback("success")).then().statusCode(401).body(emptyString());

        assertThat(results.recorded()).isEmpty();
    }

    @Test
    void no_token_at_all_is_refused() {
        given().contentType("application/json").body(callback("success")).when().post("/payments/stk/callback")
                .then().statusCode(401).body(emptyString());
        given().contentType("application/json").body(callback("success")).when().post("/payments/stk/callback/")
                .then().statusCode(401).body(emptyString());

        assertThat(results.recorded()).isEmpty();
    }

    @Test
    void a_forwarded_for_header_changes_nothing_while_the_allowlist_is_off() {
        Response response = given().contentType("application/json").header("X-Forwarded-For", "1.2.3.4")
                .body(callback("cancelled-1032")).when().post(PATH + CallbackTestProfile.TOKEN);

        assertAccepted(response);
        assertThat(results.recorded()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-checkout-id", "not json", "{}", ""})
    void an_unreadable_callback_is_acknowledged_and_nothing_is_handed_on(String fixtureOrBody) {
        byte[] body = fixtureOrBody.equals("no-checkout-id") ? callback(fixtureOrBody)
                : fixtureOrBody.getBytes(StandardCharsets.UTF_8);

        assertAccepted(post(CallbackTestProfile.TOKEN, body));

        assertThat(results.recorded()).isEmpty();
    }

    @Test
    void a_use_case_that_fails_is_answered_503() {
        results.failWith(new IllegalStateException("database down"));

        post(CallbackTestProfile.TOKEN, callback("success")).then().statusCode(503);
    }

    @Test
    void an_oversized_body_is_refused_before_parsing() {
        byte[] big = new byte[StkCallbackResource.MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');

        post(CallbackTestProfile.TOKEN, big).then().statusCode(413);

        assertThat(results.recorded()).isEmpty();
    }

    @Test
    void neither_the_phone_number_nor_the_token_reaches_the_log() {
        java.util.logging.Logger category = java.util.logging.Logger.getLogger("ke.invoiceiq.adapters.daraja");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        category.addHandler(capture);
        try {
            post(CallbackTestProfile.TOKEN, callback("success")).then().statusCode(200);
            post(CallbackTestProfile.TOKEN, callback("no-checkout-id")).then().statusCode(200);
            post(CallbackTestProfile.TOKEN + "x", callback("success")).then().statusCode(401);
            results.failWith(new IllegalStateException("254708374149"));
            post(CallbackTestProfile.TOKEN, callback("success")).then().statusCode(503);
        } finally {
            category.removeHandler(capture);
        }

        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines).noneMatch(l -> l.contains("708374149") || l.contains(CallbackTestProfile.TOKEN));
    }

    @Test
    void a_wrong_token_is_refused_before_the_size_is_looked_at() {
        byte[] big = new byte[StkCallbackResource.MAX_BODY_BYTES + 1];

        post("wrong", big).then().statusCode(401);
    }
}
