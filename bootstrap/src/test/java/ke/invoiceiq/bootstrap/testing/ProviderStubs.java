package ke.invoiceiq.bootstrap.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * The providers' documented answers (docs/whatsapp.md) as WireMock stubs at low priority, so a
 * test can put a stub of its own above them. Shared by the end-to-end tests' provider WireMocks and the packaged
 * application's stand-ins. Ids are fresh per call (response templating), so later callbacks can name them.
 */
public final class ProviderStubs {

    public static final String DARAJA_TOKEN_PATH = "/oauth/v1/generate";
    public static final String DARAJA_PUSH_PATH = "/mpesa/stkpush/v1/processrequest";
    public static final String DARAJA_QUERY_PATH = "/mpesa/stkpushquery/v1/query";
    public static final String AT_MESSAGING_PATH = "/version1/messaging";

    private static final int LOW = 10;

    private ProviderStubs() {
    }

    /** The Graph API: 200 with a new {@code wamid.} for every send to {@code messagesPath}. */
    public static StubMapping graphAcceptsEverySend(WireMockServer server, String messagesPath) {
        return server.stubFor(post(urlPathEqualTo(messagesPath)).atPriority(LOW).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"messaging_product":"whatsapp",
                         "contacts":[{"input":"{{jsonPath request.body '$.to'}}","wa_id":"{{jsonPath request.body '$.to'}}"}],
                         "messages":[{"id":"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}"}]}""")));
    }

    /** Daraja: OAuth hands out a token, every push is accepted, every query is still being processed. */
    public static void darajaAcceptsEveryPush(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(DARAJA_TOKEN_PATH)).atPriority(LOW).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"e2e-access-token\",\"expires_in\":\"3599\"}")));
        server.stubFor(post(urlPathEqualTo(DARAJA_PUSH_PATH)).atPriority(LOW).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"MerchantRequestID":"29115-{{randomValue length=8 type='NUMERIC'}}-1",
                         "CheckoutRequestID":"ws_CO_{{randomValue length=24 type='NUMERIC'}}",
                         "ResponseCode":"0","ResponseDescription":"Success. Request accepted for processing",
                         "CustomerMessage":"Success. Request accepted for processing"}""")));
        server.stubFor(post(urlPathEqualTo(DARAJA_QUERY_PATH)).atPriority(LOW).willReturn(stkBeingProcessed()));
    }

    /** The STK query's "still pending" answer (docs/daraja.md). */
    public static ResponseDefinitionBuilder stkBeingProcessed() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                {"requestId":"e2e-1","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}""");
    }

    /** Africa's Talking: 201, status code 101 ("Sent") for the one recipient, a new message id per call. */
    public static StubMapping atAcceptsEverySms(WireMockServer server) {
        return server.stubFor(post(urlPathEqualTo(AT_MESSAGING_PATH)).atPriority(LOW).willReturn(aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {{formData request.body 'form' urlDecode=true}}{"SMSMessageData":{
                         "Message":"Sent to 1/1 Total Cost: KES 0.8000",
                         "Recipients":[{"statusCode":101,"number":"{{{form.to}}}","status":"Success",
                           "cost":"KES 0.8000","messageId":"ATXid_{{randomValue length=24 type='ALPHANUMERIC'}}"}]}}""")));
    }
}
