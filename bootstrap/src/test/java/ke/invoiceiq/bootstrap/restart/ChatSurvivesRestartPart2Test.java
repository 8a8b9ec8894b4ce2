package ke.invoiceiq.bootstrap.restart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.bootstrap.testing.BootId;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.TestClock;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.ChatMessage;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Second half of the restart test: the application of {@link ChatSurvivesRestartPart1Test}, started again on
 * the same database, with the scheduled dispatcher running as in production.
 */
@QuarkusTest
@TestProfile(ChatSurvivesRestartPart2Test.RestartPhase2.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatSurvivesRestartPart2Test {

    public static final class RestartPhase2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("invoiceiq.merchant.numbers", MerchantChat.STAFF_NUMBERS,
                    "invoiceiq.jobs.dispatch-every", "1s");
        }
    }

    @Inject
    HandleInboundMessageUseCase inbound;

    @Inject
    Database db;

    @Inject
    TestClock clock;

    @Inject
    BootId boot;

    @Inject
    ChatMessenger chat;

    @Test
    @Order(1)
    void givenMerchantHalfWayThroughTheGuidedFlow_whenTheApplicationIsBack_thenTheFlowContinuesAtTheSameStep() {
        assertThat(boot.value()).as("a new application instance")
                .isNotEqualTo(MerchantChat.handedOver(MerchantChat.BOOT_BEFORE));
        Msisdn customer = new Msisdn(MerchantChat.handedOver(MerchantChat.CUSTOMER_IN_CHAT));

        MerchantChat.say(inbound, MerchantChat.MERCHANT, "2500", clock.instant());
        assertThat(db.column("SELECT state_kind FROM chat_sessions WHERE merchant_msisdn = ?",
                MerchantChat.MERCHANT.value())).as("the amount was the step it stopped at")
                .containsExactly("COLLECTING_DESCRIPTION");
        MerchantChat.say(inbound, MerchantChat.MERCHANT, "Gardening", clock.instant());
        MerchantChat.say(inbound, MerchantChat.MERCHANT, "skip", clock.instant());
        HandleInboundMessageOutcome sent = MerchantChat.say(inbound, MerchantChat.MERCHANT, "send", clock.instant());

        List<InvoiceId> created = ((HandleInboundMessageOutcome.HandledForMerchant) sent).invoicesCreated();
        assertThat(created).hasSize(1);
        assertThat(db.column("SELECT msisdn || ' ' || amount_cents || ' ' || description FROM invoices WHERE id = ?",
                created.getFirst().value()))
                .as("the number typed before the restart, the amount and item after it")
                .containsExactly(customer.value() + " 250000 Gardening");
    }

    @Test
    @Order(2)
    void givenAnInvoiceQueuedBeforeTheRestart_whenTheDispatcherRunsAgain_thenTheCustomerGetsItOnce()
            throws InterruptedException {
        Msisdn customer = new Msisdn(MerchantChat.handedOver(MerchantChat.CUSTOMER_QUEUED));
        String invoiceId = MerchantChat.handedOver(MerchantChat.INVOICE_QUEUED);
        RecordingChatMessenger whatsapp = (RecordingChatMessenger) ClientProxy.unwrap(chat);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (whatsapp.sentTo(customer).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(2_500); // two more ticks of the scheduled dispatcher, which must not send it again

        assertThat(whatsapp.sentTo(customer)).hasSize(1);
        assertThat(whatsapp.sentTo(customer).getFirst()).isInstanceOfSatisfying(ChatMessage.Buttons.class,
                invoice -> assertThat(invoice.buttons().getFirst().id()).isEqualTo("pay_" + invoiceId));
        assertThat(db.column("SELECT status FROM invoices WHERE id = ?", invoiceId)).containsExactly("SENT");
    }

    /**
     * The restarted instance counts from zero: exactly the one invoice created here; on WhatsApp at least the two
     * it certainly sent (the one queued before the restart and the one created here; leftovers of other test
     * classes may add to it); and more accepted messages than invoices (the merchant's replies and notices).
     */
    @Test
    @Order(3)
    void givenTheRestartedInstance_whenScraped_thenItsMetricsCountWhatItDid() {
        double sent = metric("invoiceiq_invoices_sent_total{channel=\"whatsapp\"}");

        assertThat(metric("invoiceiq_invoices_created_total")).isEqualTo(1.0);
        assertThat(sent).isGreaterThanOrEqualTo(2.0);
        assertThat(metric("invoiceiq_messages_sent_total{channel=\"whatsapp\",outcome=\"accepted\"}"))
                .isGreaterThan(sent);
    }

    /** Quarkus' metrics endpoint, on the management port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private double metric(String series) {
        return given().when().get(metrics).then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " at /q/metrics"));
    }
}
