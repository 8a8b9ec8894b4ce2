package ke.invoiceiq.bootstrap.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.bootstrap.testing.Customers;
import ke.invoiceiq.domain.customer.Msisdn;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher as production runs it, woken when a message is queued ({@code OutboxWakeUp}): the poll is set to an
 * hour here, after its first tick at start-up, so only the wake-up can send what a webhook queued; nothing in the test
 * calls the dispatcher. Every other class turns the dispatcher off and drives it itself.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.DispatcherOn.class)
@WithTestResource(GraphApiWireMock.class)
@WithTestResource(DarajaWireMock.class)
@WithTestResource(AfricasTalkingWireMock.class)
class OutboxWakeUpTest extends AcceptanceBase {

    /** {@link AcceptanceProfile} with the dispatcher on and its safety-net poll an hour apart. */
    public static final class DispatcherOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new AcceptanceProfile().getConfigOverrides());
            config.put("invoiceiq.jobs.dispatch-every", "1h");
            return config;
        }
    }

    /** Far less than the poll's hour; the wait is for the webhook's worker, the commit and the send. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void givenThePollAnHourAway_whenTheMerchantInvoicesACustomer_thenTheInvoiceAndTheAnswerGoOutWithoutIt() {
        Msisdn customer = Customers.fresh();

        chat.says(Conversation.MERCHANT, "invoice " + Customers.typed(customer) + " 2500 Window cleaning");

        waitFor("the customer's invoice on WhatsApp", () -> !chat.whatsAppTo(customer).isEmpty());
        waitFor("the invoice recorded as sent", () -> "SENT".equals(chat.status(chat.onlyInvoiceOf(customer))));
        assertThat(chat.whatsAppTo(customer)).hasSize(1);
    }

    private static void waitFor(String what, BooleanSupplier done) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(giveUp);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
