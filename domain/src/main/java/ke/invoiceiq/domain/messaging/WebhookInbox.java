package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the durable inbox of provider webhooks. A driving adapter stores a verified webhook body here
 * before it acknowledges it, processes it, then marks it processed. A webhook whose processing was cut short (a
 * crash, a shutdown) stays unprocessed and is claimed again by a sweeper; processing must therefore be
 * idempotent.
 */
public interface WebhookInbox {

    /** Keeps the raw body, unprocessed, and answers it with its new id. */
    StoredWebhook store(String provider, byte[] body, Instant receivedAt, Optional<String> correlationId);

    /**
     * Takes up to {@code limit} due webhooks for this caller alone, oldest first (received time, then id), leasing
     * them until {@code now + lease}. Due is: not processed, received at or before {@code now - lease} (a younger
     * webhook belongs to the processing that stored it), and not leased, or leased until {@code now} at the latest.
     * Two callers never get the same webhook while a lease holds.
     */
    List<StoredWebhook> claimDue(Instant now, Duration lease, int limit);

    /** Idempotent: the first processing time stays; an unknown id changes nothing. */
    void markProcessed(long id, Instant now);

    /**
     * Retention: deletes up to {@code limit} webhooks processed strictly before {@code cutoff} and returns how many
     * it deleted. Unprocessed webhooks are never deleted, however old.
     */
    int purgeProcessedBefore(Instant cutoff, int limit);
}
