package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookInbox} must do. A stored webhook keeps its bytes exactly. It is due for a claim once it
 * is older than the lease (a younger one belongs to the processing that stored it) and while it is neither leased
 * nor processed; a claim leases it until {@code now + lease}, oldest first, at most {@code limit}. Marking processed
 * is idempotent. The retention purge deletes webhooks processed strictly before the cutoff, never an unprocessed
 * one, at most {@code limit} per call.
 */
public abstract class WebhookInboxContract {

    private static final Duration LEASE = Duration.ofSeconds(60);

    /** An empty inbox; called once before each test. */
    protected abstract WebhookInbox inbox();

    private WebhookInbox inbox;

    @BeforeEach
    void startEmpty() {
        inbox = inbox();
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private StoredWebhook store(String text, long secondsAfterT0) {
        return inbox.store("whatsapp", body(text), at(secondsAfterT0), Optional.empty());
    }

    @Test
    void keepsTheBodyByteForByteWithItsProviderTimeAndCorrelationId() {
        byte[] raw = {'{', 0, (byte) 0xff, '}', (byte) 0xc3, (byte) 0xa9};

        StoredWebhook stored = inbox.store("whatsapp", raw, at(5), Optional.of("req-1"));
        StoredWebhook other = store("{}", 6);

        assertThat(stored.id()).isPositive();
        assertThat(other.id()).isGreaterThan(stored.id());
        assertThat(stored.body()).isEqualTo(raw);
        assertThat(stored.provider()).isEqualTo("whatsapp");
        assertThat(stored.receivedAt()).isEqualTo(at(5));
        assertThat(stored.correlationId()).contains("req-1");
        assertThat(inbox.claimDue(at(1000), LEASE, 10)).containsExactly(stored, other);
    }

    @Test
    void keepsItsOwnCopyOfTheBody() {
        byte[] raw = body("{\"a\":1}");
        StoredWebhook stored = inbox.store("whatsapp", raw, at(0), Optional.empty());
        raw[0] = 'X';
        stored.body()[1] = 'Y';

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).singleElement()
                .satisfies(w -> assertThat(w.body()).isEqualTo(body("{\"a\":1}")));
    }

    @Test
    void givesAFreshWebhookToItsOwnProcessingUntilTheLeaseHasPassed() {
        StoredWebhook stored = store("{}", 0);

        assertThat(inbox.claimDue(at(59), LEASE, 10)).isEmpty();
        assertThat(inbox.claimDue(at(60), LEASE, 10)).containsExactly(stored);
    }

    @Test
    void claimsTheOldestFirstAndAtMostTheLimit() {
        StoredWebhook late = store("{\"n\":3}", 30);
        StoredWebhook early = store("{\"n\":1}", 10);
        StoredWebhook middle = store("{\"n\":2}", 20);

        assertThat(inbox.claimDue(at(1000), LEASE, 2)).containsExactly(early, middle);
        assertThat(inbox.claimDue(at(1000), LEASE, 2)).containsExactly(late);
        assertThat(inbox.claimDue(at(1000), LEASE, 0)).isEmpty();
    }

    @Test
    void doesNotHandAClaimedWebhookOutAgainUntilItsLeaseRunsOut() {
        StoredWebhook stored = store("{}", 0);
        assertThat(inbox.claimDue(at(100), LEASE, 10)).containsExactly(stored);

        assertThat(inbox.claimDue(at(159), LEASE, 10)).isEmpty();
        assertThat(inbox.claimDue(at(160), LEASE, 10)).containsExactly(stored);
    }

    @Test
    void neverClaimsAProcessedWebhookAndMarkingIsIdempotent() {
        StoredWebhook processed = store("{\"n\":1}", 0);
        StoredWebhook open = store("{\"n\":2}", 1);

        inbox.markProcessed(processed.id(), at(2));
        inbox.markProcessed(processed.id(), at(3));
        inbox.markProcessed(999_999L, at(3));

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).containsExactly(open);
        inbox.markProcessed(open.id(), at(1001));
        assertThat(inbox.claimDue(at(5000), LEASE, 10)).isEmpty();
    }

    @Test
    void purgesOnlyWebhooksProcessedStrictlyBeforeTheCutoffAndAtMostTheLimit() {
        StoredWebhook first = store("{\"n\":1}", 0);
        StoredWebhook second = store("{\"n\":2}", 1);
        StoredWebhook atCutoff = store("{\"n\":3}", 2);
        StoredWebhook open = store("{\"n\":4}", 3);
        inbox.markProcessed(first.id(), at(10));
        inbox.markProcessed(second.id(), at(11));
        inbox.markProcessed(atCutoff.id(), at(20));

        assertThat(inbox.purgeProcessedBefore(at(20), 1)).isEqualTo(1);
        assertThat(inbox.purgeProcessedBefore(at(20), 10)).isEqualTo(1);
        assertThat(inbox.purgeProcessedBefore(at(20), 10)).isZero();
        assertThat(inbox.purgeProcessedBefore(at(10_000), 0)).isZero();

        assertThat(inbox.claimDue(at(1000), LEASE, 10)).as("never an unprocessed one").containsExactly(open);
        assertThat(inbox.purgeProcessedBefore(at(10_000), 10)).as("the one processed at the cutoff stayed")
                .isEqualTo(1);
    }

    @Test
    void refusesANegativeLimitOrANonPositiveLease() {
        assertThatThrownBy(() -> inbox.claimDue(at(0), LEASE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.claimDue(at(0), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.purgeProcessedBefore(at(0), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
