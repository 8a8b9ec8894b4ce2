package ke.invoiceiq.bootstrap.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.payment.PaymentGateway;
import org.junit.jupiter.api.Test;

/**
 * The default test profile (the one {@code WiringTest} runs in) has the sandbox off: the provider ports are the
 * recording stand-ins, and none of the sandbox's endpoints exists.
 */
@QuarkusTest
class SandboxOffTest {

    @Inject
    ChatMessenger chat;

    @Inject
    SmsMessenger sms;

    @Inject
    PaymentGateway gateway;

    @Test
    void givenTheSandboxOff_whenThePortsAreLookedUp_thenTheyAreTheRecordingStandIns() {
        assertThat(ClientProxy.unwrap(chat)).isInstanceOf(RecordingChatMessenger.class);
        assertThat(ClientProxy.unwrap(sms)).isInstanceOf(RecordingSmsMessenger.class);
        assertThat(ClientProxy.unwrap(gateway)).isInstanceOf(ScriptedPaymentGateway.class);
    }

    @Test
    void givenTheSandboxOff_whenItsPageOrApiIsRequested_then404() {
        given().when().get("/sandbox").then().statusCode(404);
        given().when().get("/sandbox/assets/sandbox.js").then().statusCode(404);
        given().when().get("/sandbox/api/state").then().statusCode(404);
        given().contentType("application/json").body(Map.of("text", "invoice 0712345678 2500 Cleaning"))
                .when().post("/sandbox/api/merchant/messages").then().statusCode(404);
        given().contentType("application/json").body(Map.of("number", "254712345678", "text", "PAY"))
                .when().post("/sandbox/api/customer/sms").then().statusCode(404);
    }
}
