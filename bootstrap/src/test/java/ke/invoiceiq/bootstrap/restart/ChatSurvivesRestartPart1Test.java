package ke.invoiceiq.bootstrap.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.bootstrap.testing.BootId;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.bootstrap.testing.Database;
import ke.invoiceiq.bootstrap.testing.TestClock;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import org.junit.jupiter.api.Test;

/**
 * First half of the restart test: a merchant is half-way through the guided flow, and an invoice waits in the
 * outbox, when the application stops. {@link ChatSurvivesRestartPart2Test} is the application started again.
 * Quarkus runs test classes grouped by profile, in the order of the profiles' class names: Part1, then Part2.
 */
@QuarkusTest
@TestProfile(ChatSurvivesRestartPart1Test.RestartPhase1.class)
class ChatSurvivesRestartPart1Test {

    public static final class RestartPhase1 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("invoiceiq.merchant.numbers", MerchantChat.STAFF_NUMBERS);
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

    @Test
    void givenMerchantHalfWayThroughTheGuidedFlow_whenTheApplicationStops_thenTheStepIsInTheDatabase() {
        Msisdn inChat = Customers.fresh();
        Msisdn queued = Customers.fresh();

        MerchantChat.say(inbound, MerchantChat.MERCHANT, "invoice", clock.instant());
        MerchantChat.say(inbound, MerchantChat.MERCHANT, Customers.typed(inChat), clock.instant());
        MerchantChat.say(inbound, MerchantChat.MERCHANT, "-", clock.instant());
        HandleInboundMessageOutcome oneLine = MerchantChat.say(inbound, MerchantChat.COLLEAGUE,
                "invoice " + Customers.typed(queued) + " 1800 Window cleaning", clock.instant());

        assertThat(db.column("SELECT state_kind FROM chat_sessions WHERE merchant_msisdn = ?",
                MerchantChat.MERCHANT.value())).containsExactly("COLLECTING_AMOUNT");
        List<InvoiceId> created = ((HandleInboundMessageOutcome.HandledForMerchant) oneLine).invoicesCreated();
        assertThat(db.column("SELECT status FROM outbox WHERE invoice_id = ? AND purpose = 'INVOICE'",
                created.getFirst().value())).containsExactly("PENDING");

        System.setProperty(MerchantChat.BOOT_BEFORE, boot.value());
        System.setProperty(MerchantChat.CUSTOMER_IN_CHAT, inChat.value());
        System.setProperty(MerchantChat.CUSTOMER_QUEUED, queued.value());
        System.setProperty(MerchantChat.INVOICE_QUEUED, created.getFirst().value());
    }
}
