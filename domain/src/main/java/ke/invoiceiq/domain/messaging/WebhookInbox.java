package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Driven port: the durable inbox of provider webhooks. A driving adapter stores a verified webhook body here
 * before it acknowledges it, processes it, then marks it processed. A webhook whose processing failed is tried again
 * later ({@link #markFailed}) until the adapter gives up on it ({@link #markGivenUp}); one whose processing was cut
 * short (a crash, a shutdown) stays unprocessed and is claimed again once its lease has run out. Processing must
 * therefore be idempotent.
 *
 * <p>The webhooks of one sender ({@link StoredWebhook#senders()}) are handed out in the order they arrived: a webhook
 * is not claimed while an older one of any of its senders is being processed or waits for its next try, and
 * {@link #begin} tells a processor to wait when an older one is not processed yet.
 */
public interface WebhookInbox {

    /** What a processor may do with a webhook it holds, when its turn comes. */
    enum Turn {
        /** Nothing older of its senders is left unprocessed: handle it. */
        PROCEED,
        /** An older webhook of one of its senders is unprocessed: the lease is released, a later claim takes it. */
        WAIT,
        /** Processed already (or unknown): nothing to do. */
        DONE
    }

    /**
     * Keeps the raw body, unprocessed, and answers it with its new id. With {@code leasedUntil}, the webhook belongs
     * to the caller until then (no claim takes it); without, it is due at once.
     */
    StoredWebhook store(String provider, byte[] body, Instant receivedAt, Optional<String> correlationId,
            Set<String> senders, Optional<Instant> leasedUntil);

    /** A webhook of no particular sender, due at once. */
    default StoredWebhook store(String provider, byte[] body, Instant receivedAt, Optional<String> correlationId) {
        return store(provider, body, receivedAt, correlationId, Set.of(), Optional.empty());
    }

    /**
     * Takes up to {@code limit} due webhooks for this caller alone, oldest first (received time, then id), leasing
     * them until {@code now + lease}. Due is: not processed; not leased, or leased until {@code now} at the latest;
     * its next try (after a failure) at {@code now} at the latest; and no older unprocessed webhook sharing a sender
     * with it is leased or waiting for its next try. Two callers never get the same webhook while a lease holds.
     */
    List<StoredWebhook> claimDue(Instant now, Duration lease, int limit);

    /**
     * Asked just before a held webhook is handled: {@link Turn#WAIT} (and the lease released) when an older
     * unprocessed webhook shares a sender with it, {@link Turn#DONE} when it is processed already or unknown.
     */
    Turn begin(long id);

    /** Idempotent: the first processing time stays; an unknown id changes nothing. */
    void markProcessed(long id, Instant now);

    /**
     * A try failed: counts the failure, keeps {@code error} (the kind of error, never a message that could quote the
     * payload), releases the lease and makes the webhook due again at {@code retryAt}. Nothing changes for a processed
     * or unknown webhook.
     */
    void markFailed(long id, String error, Instant retryAt);

    /**
     * The last try failed and the senders were told: processed at {@code now}, with the failure counted and
     * {@code error} kept. Nothing changes for a processed or unknown webhook.
     */
    void markGivenUp(long id, String error, Instant now);

    /** Lets go of leases the caller will not use (a full queue, a shutdown): those webhooks are due at once. */
    void release(Collection<Long> ids);

    /** When the oldest unprocessed webhook arrived; empty when every webhook is processed. */
    Optional<Instant> oldestUnprocessed();

    /**
     * Retention: deletes up to {@code limit} webhooks processed strictly before {@code cutoff} and returns how many
     * it deleted. Unprocessed webhooks are never deleted, however old.
     */
    int purgeProcessedBefore(Instant cutoff, int limit);
}
