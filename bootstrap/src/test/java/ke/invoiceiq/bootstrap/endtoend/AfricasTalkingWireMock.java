package ke.invoiceiq.bootstrap.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * An in-JVM WireMock playing Africa's Talking's SMS API for {@link SmsLoopTest}, on a free port of 127.0.0.1, with
 * {@code sms.base-url} pointed at it. Every send is answered 201 in the documented shape (PROVIDERS.md §C.3) with
 * the recipient echoed and a fresh {@code ATXid_} message id, so delivery reports can name it. The test gets the
 * server in its {@code WireMockServer} field marked {@link Server}.
 */
public class AfricasTalkingWireMock implements QuarkusTestResourceLifecycleManager {

    static final String MESSAGING_PATH = "/version1/messaging";

    /** Marks the test's field that gets this server: each provider's WireMock is a {@code WireMockServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        acceptEverySms(server);
        return Map.of("sms.base-url", "http://127.0.0.1:" + server.port());
    }

    /** The catch-all: 201, status code 101 ("Sent") for the one recipient, a new message id per call. */
    static StubMapping acceptEverySms(WireMockServer server) {
        return server.stubFor(post(urlPathEqualTo(MESSAGING_PATH)).atPriority(10).willReturn(aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {{formData request.body 'form' urlDecode=true}}{"SMSMessageData":{
                         "Message":"Sent to 1/1 Total Cost: KES 0.8000",
                         "Recipients":[{"statusCode":101,"number":"{{{form.to}}}","status":"Success",
                           "cost":"KES 0.8000","messageId":"ATXid_{{randomValue length=24 type='ALPHANUMERIC'}}"}]}}""")));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
