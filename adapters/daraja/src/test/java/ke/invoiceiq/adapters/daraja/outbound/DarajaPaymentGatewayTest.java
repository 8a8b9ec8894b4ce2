package ke.invoiceiq.adapters.daraja.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static ke.invoiceiq.adapters.daraja.outbound.DarajaStub.PUSH_PATH;
import static ke.invoiceiq.adapters.daraja.outbound.DarajaStub.QUERY_PATH;
import static ke.invoiceiq.adapters.daraja.outbound.DarajaStub.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.StkPushRequest;
import ke.invoiceiq.domain.payment.StkPushResponse;
import ke.invoiceiq.domain.payment.StkQueryResponse;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The gateway against WireMock playing Daraja: OAuth caching, request bodies, error classes, query mapping. */
@QuarkusTest
@WithTestResource(DarajaStub.class)
class DarajaPaymentGatewayTest {

    /** 2021-06-28 09:24:08 in Nairobi (UTC+3): the timestamp of the docs/daraja.md sample. */
    static final Instant SAMPLE_INSTANT = Instant.parse("2021-06-28T06:24:08Z");
    /** Computed by hand: printf '%s' 174379<passkey>20210628092408 | base64 -w0 (equal to the sample in docs/daraja.md). */
    static final String SAMPLE_PASSWORD = "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEw"
            + "Zjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4";
    /** printf '%s' 'test-key:test-secret' | base64. */
    static final String BASIC = "Basic dGVzdC1rZXk6dGVzdC1zZWNyZXQ=";
    static final Msisdn PAYER = new Msisdn("254708374149");
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer wiremock;

    @Inject
    DarajaPaymentGateway gateway;

    @Inject
    DarajaTokens tokens;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        breakers.resetAll();
        tokens.clear();
        TestClock.CLOCK.set(SAMPLE_INSTANT);
    }

    static StkPushRequest request() {
        return new StkPushRequest(new PaymentId("pay-1"), PAYER, Amount.ofShillings(1500), new InvoiceId("INV-7K3Q9X"));
    }

    void stubToken(String token, Object expiresIn) {
        String expires = expiresIn instanceof String s ? "\"" + s + "\"" : String.valueOf(expiresIn);
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":" + expires + "}")));
    }

    void stubPushAccepted() {
        wiremock.stubFor(post(urlPathEqualTo(PUSH_PATH)).willReturn(okJson("""
                { "MerchantRequestID": "2654-4b64-97ff-b827b542881d3130",
                  "CheckoutRequestID": "ws_CO_1007202409152617172396192",
                  "ResponseCode": "0",
                  "ResponseDescription": "Success. Request accepted for processing",
                  "CustomerMessage": "Success. Request accepted for processing" }""")));
    }

    static ResponseDefinitionBuilder darajaError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"1c5b-4ba8-815c\",\"errorCode\":\"" + code + "\",\"errorMessage\":\""
                        + message + "\"}");
    }

    JsonNode onlyBody(String path) throws Exception {
        var requests = wiremock.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    // --- STK push: body and acceptance -----------------------------------------------------------------------

    @Test
    void givenSandboxConfig_whenPushed_thenBodyFieldByFieldAndAccepted() throws Exception {
        stubToken("tok-1", 3599);
        stubPushAccepted();

        StkPushResponse response = gateway.requestStkPush(request());

        assertThat(response).isEqualTo(new StkPushResponse.Accepted(
                new MerchantRequestId("2654-4b64-97ff-b827b542881d3130"),
                new CheckoutRequestId("ws_CO_1007202409152617172396192")));
        wiremock.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withQueryParam("grant_type", equalTo("client_credentials"))
                .withHeader("Authorization", equalTo(BASIC)));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(PUSH_PATH))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("Content-Type", equalTo("application/json")));
        JsonNode body = onlyBody(PUSH_PATH);
        assertThat(body.get("BusinessShortCode").asText()).isEqualTo("174379");
        assertThat(body.get("Password").asText()).isEqualTo(SAMPLE_PASSWORD);
        assertThat(body.get("Timestamp").asText()).isEqualTo("20210628092408");
        assertThat(body.get("TransactionType").asText()).isEqualTo("CustomerPayBillOnline");
        assertThat(body.get("Amount").isIntegralNumber()).isTrue();
        assertThat(body.get("Amount").asLong()).isEqualTo(1500);
        assertThat(body.get("PartyA").asText()).isEqualTo("254708374149");
        assertThat(body.get("PartyB").asText()).isEqualTo("174379");
        assertThat(body.get("PhoneNumber").asText()).isEqualTo("254708374149");
        assertThat(body.get("CallBackURL").asText()).isEqualTo(DarajaStub.CALLBACK);
        assertThat(body.get("AccountReference").asText()).isEqualTo("INV-7K3Q9X").hasSizeLessThanOrEqualTo(12);
        assertThat(body.get("TransactionDesc").asText()).isEqualTo("INV-7K3Q9X").hasSizeLessThanOrEqualTo(13);
        assertThat(body.size()).isEqualTo(11);
    }

    // --- OAuth ---------------------------------------------------------------------------------------------

    @Test
    void givenTokenAsString_whenPushedThreeTimes_thenCachedUntilMarginThenRefreshed() {
        stubToken("tok-1", "3599");
        stubPushAccepted();

        gateway.requestStkPush(request());
        TestClock.CLOCK.advance(Duration.ofMinutes(54)); // 54 min < 3599 s − 5 min
        gateway.requestStkPush(request());
        wiremock.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        TestClock.CLOCK.advance(Duration.ofMinutes(1)); // 55 min: inside the 5-minute margin
        gateway.requestStkPush(request());

        wiremock.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wiremock.verify(3, postRequestedFor(urlPathEqualTo(PUSH_PATH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokenAnswers")
    void givenInvalidTokenAnswer_whenPushed_thenTokenRefetchedAndPushSentOnceMore(String name,
            ResponseDefinitionBuilder invalid) {
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"stale\",\"expires_in\":3599}")).willSetStateTo("fresh"));
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs("fresh")
                .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3599}")));
        wiremock.stubFor(post(urlPathEqualTo(PUSH_PATH)).withHeader("Authorization", equalTo("Bearer stale"))
                .willReturn(invalid));
        wiremock.stubFor(post(urlPathEqualTo(PUSH_PATH)).withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(okJson("{\"MerchantRequestID\":\"m-1\",\"CheckoutRequestID\":\"ws_CO_1\","
                        + "\"ResponseCode\":\"0\"}")));

        StkPushResponse response = gateway.requestStkPush(request());

        assertThat(response).isInstanceOf(StkPushResponse.Accepted.class);
        wiremock.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(PUSH_PATH)).withHeader("Authorization",
                equalTo("Bearer stale")));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(PUSH_PATH)).withHeader("Authorization",
                equalTo("Bearer fresh")));
    }

    static Stream<Arguments> invalidTokenAnswers() {
        return Stream.of(
                Arguments.of("404.001.03", darajaError(404, "404.001.03", "Invalid Access Token")),
                Arguments.of("HTTP 401", aResponse().withStatus(401)));
    }

    @Test
    void givenTokenInvalidTwice_whenPushed_thenRetriedOnceOnlyAndRejected() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(PUSH_PATH))
                .willReturn(darajaError(404, "404.001.03", "Invalid Access Token")));

        StkPushResponse response = gateway.requestStkPush(request());

        assertThat(response).isEqualTo(new StkPushResponse.Rejected("invalid-token"));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(PUSH_PATH)));
        wiremock.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void givenInvalidTokenOnQuery_whenQueried_thenTokenRefetchedAndQueryRetriedOnce() {
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"stale\",\"expires_in\":3599}")).willSetStateTo("fresh"));
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("fresh")
                .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3599}")));
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).withHeader("Authorization", equalTo("Bearer stale"))
                .willReturn(darajaError(404, "404.001.03", "Invalid Access Token")));
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(okJson(queryAnswer("0", "The service request is processed successfully."))));

        StkQueryResponse response = gateway.queryStkPush(new CheckoutRequestId("ws_CO_1"));

        assertThat(response).isEqualTo(new StkQueryResponse.Final(
                new StkResult(0, "The service request is processed successfully.")));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
    }

    @Test
    void givenOauthServerErrorOnce_whenPushed_thenOauthRetriedAndPushSentOnce() {
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("o").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wiremock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario("o").whenScenarioStateIs("up")
                .willReturn(okJson("{\"access_token\":\"tok\",\"expires_in\":3599}")));
        stubPushAccepted();

        assertThat(gateway.requestStkPush(request())).isInstanceOf(StkPushResponse.Accepted.class);
        wiremock.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(PUSH_PATH)));
    }

    // --- STK push: error classes (never retried) -----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("pushErrors")
    void givenDarajaError_whenPushed_thenDomainOutcomeAndExactlyOnePush(String name,
            ResponseDefinitionBuilder answer, StkPushResponse expected) {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(PUSH_PATH)).willReturn(answer));

        StkPushResponse response = gateway.requestStkPush(request());

        assertThat(response).isEqualTo(expected);
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(PUSH_PATH)));
    }

    static Stream<Arguments> pushErrors() {
        return Stream.of(
                Arguments.of("500.001.1001 lock", darajaError(500, "500.001.1001",
                        "Unable to lock subscriber, a transaction is already in process for the current subscriber"),
                        new StkPushResponse.SubscriberBusy()),
                Arguments.of("500.003.02 spike arrest", darajaError(500, "500.003.02", "Spike Arrest Violation"),
                        new StkPushResponse.RetryLater("spike-arrest")),
                Arguments.of("500.003.03 quota", darajaError(500, "500.003.03", "Quota Violation"),
                        new StkPushResponse.RetryLater("quota")),
                // a 5xx from the back end may come after the prompt went out: nobody knows (issue 14, finding 1)
                Arguments.of("500.003.1001 internal", darajaError(500, "500.003.1001", "Internal Server Error"),
                        new StkPushResponse.OutcomeUnknown("server-error")),
                Arguments.of("503 without envelope", aResponse().withStatus(503).withBody("<html>down</html>"),
                        new StkPushResponse.OutcomeUnknown("http-503")),
                Arguments.of("200 accepted without ids", okJson("{\"ResponseCode\":\"0\"}"),
                        new StkPushResponse.OutcomeUnknown("accepted-without-ids")),
                Arguments.of("400.002.02 invalid field", darajaError(400, "400.002.02",
                        "Bad Request - Invalid PhoneNumber"), new StkPushResponse.Rejected("invalid-field:PhoneNumber")),
                Arguments.of("500.001.1001 wrong credentials", darajaError(500, "500.001.1001", "Wrong credentials"),
                        new StkPushResponse.Rejected("wrong-credentials")),
                Arguments.of("404.001.01 wrong endpoint", darajaError(404, "404.001.01", "Resource not found"),
                        new StkPushResponse.Rejected("http-404")),
                Arguments.of("200 not accepted", okJson("{\"ResponseCode\":\"1\"}"),
                        new StkPushResponse.RetryLater("not-accepted")));
    }

    @Test
    void givenSlowDaraja_whenPushed_thenOutcomeUnknownAndPushIsNotRepeated() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(PUSH_PATH)).willReturn(okJson("{\"ResponseCode\":\"0\"}")
                .withFixedDelay(5000)));

        assertThat(gateway.requestStkPush(request())).isEqualTo(new StkPushResponse.OutcomeUnknown("timeout"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(PUSH_PATH)));
    }

    // --- STK query -------------------------------------------------------------------------------------------

    static String queryAnswer(String resultCode, String desc) {
        return """
                {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
                 "MerchantRequestID":"22205-34066-1","CheckoutRequestID":"ws_CO_13012021093521236557",
                 "ResultCode":"%s","ResultDesc":"%s"}""".formatted(resultCode, desc);
    }

    @ParameterizedTest(name = "ResultCode \"{0}\" → {1}")
    @CsvSource({
            "0, PAID",
            "1, INSUFFICIENT_FUNDS",
            "17, RULE_LIMITED",
            "1019, EXPIRED",
            "1025, PUSH_ERROR",
            "1032, CANCELLED_BY_USER",
            "1037, PHONE_UNREACHABLE",
            "2001, WRONG_PIN",
            "2028, OTHER",
            "9999, GENERIC_FAILURE"})
    void givenStringResultCode_whenQueried_thenFinalResult(String code, StkReason reason) throws Exception {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(okJson(queryAnswer(code, "desc"))));

        StkQueryResponse response = gateway.queryStkPush(new CheckoutRequestId("ws_CO_13012021093521236557"));

        assertThat(response).isEqualTo(new StkQueryResponse.Final(new StkResult(Integer.parseInt(code), "desc")));
        assertThat(((StkQueryResponse.Final) response).result().reason()).isEqualTo(reason);
        JsonNode body = onlyBody(QUERY_PATH);
        assertThat(body.get("BusinessShortCode").asText()).isEqualTo("174379");
        assertThat(body.get("Password").asText()).isEqualTo(SAMPLE_PASSWORD);
        assertThat(body.get("Timestamp").asText()).isEqualTo("20210628092408");
        assertThat(body.get("CheckoutRequestID").asText()).isEqualTo("ws_CO_13012021093521236557");
        assertThat(body.size()).isEqualTo(4);
    }

    @Test
    void givenBeingProcessed_whenQueried_thenPendingNotFailed() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(
                darajaError(500, "500.001.1001", "The transaction is being processed")));

        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1"))).isEqualTo(new StkQueryResponse.Pending());
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
    }

    @Test
    void givenServerErrorOnce_whenQueried_thenRetriedAndFinal() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).inScenario("q").whenScenarioStateIs(STARTED)
                .willReturn(darajaError(500, "500.003.1001", "Internal Server Error")).willSetStateTo("up"));
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).inScenario("q").whenScenarioStateIs("up")
                .willReturn(okJson(queryAnswer("1032", "Request cancelled by user"))));

        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1")))
                .isEqualTo(new StkQueryResponse.Final(new StkResult(1032, "Request cancelled by user")));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
    }

    @Test
    void givenServerErrorsPersist_whenQueried_thenUnknownAfterTwoRetries() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(502)));

        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1")))
                .isEqualTo(new StkQueryResponse.Unknown("http-502"));
        wiremock.verify(3, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
    }

    @Test
    void givenSpikeArrest_whenQueried_thenThrottledWithoutInlineRetry() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH))
                .willReturn(darajaError(500, "500.003.02", "Spike Arrest Violation")));

        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1")))
                .isEqualTo(new StkQueryResponse.Throttled("spike-arrest"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
    }

    @Test
    void givenSlowDaraja_whenQueried_thenUnknownTimeout() {
        stubToken("tok", 3599);
        wiremock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(okJson(queryAnswer("0", "ok"))
                .withFixedDelay(5000)));

        assertThat(gateway.queryStkPush(new CheckoutRequestId("ws_CO_1")))
                .isEqualTo(new StkQueryResponse.Unknown("timeout"));
    }
}
