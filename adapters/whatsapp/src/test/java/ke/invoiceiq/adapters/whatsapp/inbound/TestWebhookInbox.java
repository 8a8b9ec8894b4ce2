package ke.invoiceiq.adapters.whatsapp.inbound;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.domain.messaging.StoredWebhook;
import ke.invoiceiq.domain.messaging.WebhookInbox;

/**
 * The webhook inbox of the tests (this module has no database): the in-memory one, which can be told to refuse
 * every store, as a database that is down would.
 */
@Singleton
public class TestWebhookInbox implements WebhookInbox {

    private volatile InMemoryWebhookInbox delegate = new InMemoryWebhookInbox();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public StoredWebhook store(String provider, byte[] body, Instant receivedAt, Optional<String> correlationId,
            Set<String> senders, Optional<Instant> leasedUntil) {
        if (failing.get()) {
            throw new IllegalStateException("the database is down");
        }
        return delegate.store(provider, body, receivedAt, correlationId, senders, leasedUntil);
    }

    @Override
    public List<StoredWebhook> claimDue(Instant now, Duration lease, int limit) {
        return delegate.claimDue(now, lease, limit);
    }

    @Override
    public Turn begin(long id) {
        return delegate.begin(id);
    }

    @Override
    public void markProcessed(long id, Instant now) {
        delegate.markProcessed(id, now);
    }

    @Override
    public void markFailed(long id, String error, Instant retryAt) {
        delegate.markFailed(id, error, retryAt);
    }

    @Override
    public void markGivenUp(long id, String error, Instant now) {
        delegate.markGivenUp(id, error, now);
    }

    @Override
    public void release(Collection<Long> ids) {
        delegate.release(ids);
    }

    @Override
    public Optional<Instant> oldestUnprocessed() {
        return delegate.oldestUnprocessed();
    }

    @Override
    public int purgeProcessedBefore(Instant cutoff, int limit) {
        return delegate.purgeProcessedBefore(cutoff, limit);
    }

    InMemoryWebhookInbox memory() {
        return delegate;
    }

    void failStores(boolean fail) {
        failing.set(fail);
    }

    void reset() {
        failing.set(false);
        delegate = new InMemoryWebhookInbox();
    }
}
