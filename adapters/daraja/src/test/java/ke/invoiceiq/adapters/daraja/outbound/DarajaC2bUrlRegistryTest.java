package ke.invoiceiq.adapters.daraja.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import ke.invoiceiq.domain.payment.C2bRegistration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The C2B register URL call (v2) against WireMock playing Daraja: the documented payload, and its answers. */
@QuarkusTest
@WithTestResource(DarajaStub.class)
class DarajaC2bUrlRegistryTest {

    static final String REGISTER_PATH = "/mpesa/c2b/v2/registerurl";
    static final C2bRegistration REGISTRATION = new C2bRegistration("600638",
            C2bRegistration.WhenUnreachable.COMPLETED, "https://invoiceiq.example/payments/c2b/confirmation/t0k3n",
            "https://invoiceiq.example/payments/c2b/validation/t0k3n");

    WireMockServer wiremock;

    @Inject
    DarajaC2bUrlRegistry registry;

    @Inject
    DarajaTokens tokens;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        breakers.resetAll();
        tokens.clear();
        wiremock.stubFor(get(urlPathEqualTo(DarajaStub.TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"c2b-token\",\"expires_in\":\"3599\"}")));
    }

    @Test
    void givenAShortCodeAndOurUrls_whenRegistered_thenDarajaGetsTheDocumentedPayloadWithTheBearerToken() {
        wiremock.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(okJson("""
                {"OriginatorCoversationID":"7619-37765134-1","ResponseCode":"0","ResponseDescription":"success"}
                """)));

        C2bRegistration.Outcome outcome = registry.register(REGISTRATION);

        assertThat(outcome).isEqualTo(new C2bRegistration.Outcome.Registered("success"));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(REGISTER_PATH))
                .withHeader("Authorization", equalTo("Bearer c2b-token"))
                .withRequestBody(equalToJson("""
                        {"ShortCode":"600638","ResponseType":"Completed",
                         "ConfirmationURL":"https://invoiceiq.example/payments/c2b/confirmation/t0k3n",
                         "ValidationURL":"https://invoiceiq.example/payments/c2b/validation/t0k3n"}
                        """)));
    }

    @Test
    void givenCancelled_whenRegistered_thenTheResponseTypeIsCancelled() {
        wiremock.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(okJson("{\"ResponseCode\":\"0\"}")));

        registry.register(new C2bRegistration("600638", C2bRegistration.WhenUnreachable.CANCELLED,
                REGISTRATION.confirmationUrl(), REGISTRATION.validationUrl()));

        wiremock.verify(postRequestedFor(urlPathEqualTo(REGISTER_PATH))
                .withRequestBody(equalToJson("{\"ResponseType\":\"Cancelled\"}", true, true)));
    }

    @Test
    void givenDarajaRefusesTheUrls_whenRegistered_thenRefusedWithItsKind() {
        wiremock.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"1\",\"errorCode\":\"400.003.02\",\"errorMessage\":\"Bad Request - Invalid ValidationURL\"}")));

        assertThat(registry.register(REGISTRATION)).isInstanceOf(C2bRegistration.Outcome.Refused.class);
    }

    @Test
    void givenDarajaDown_whenRegistered_thenUnavailable() {
        wiremock.stubFor(post(urlPathEqualTo(REGISTER_PATH)).willReturn(aResponse().withStatus(503)));

        assertThat(registry.register(REGISTRATION)).isInstanceOf(C2bRegistration.Outcome.Unavailable.class);
    }
}
