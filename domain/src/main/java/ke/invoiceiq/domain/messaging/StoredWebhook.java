package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A webhook kept in the {@link WebhookInbox}: the raw body exactly as received (copied in and out, so nobody can
 * change the kept bytes), the provider it came from, when it arrived and the correlation id of the request that
 * brought it. {@link #toString()} leaves the body out: it may carry phone numbers and message text.
 *
 * @param senders  opaque keys of the people whose messages it carries (no phone number: the adapter derives them),
 *                 empty for a webhook of delivery statuses only; a person's webhooks are handled in the order they
 *                 arrived
 * @param failures how many tries to handle it have failed so far
 */
public record StoredWebhook(long id, String provider, byte[] body, Instant receivedAt,
        Optional<String> correlationId, Set<String> senders, int failures) {

    /** The rule of a correlation id: 1 to 64 plain characters (no spaces, no line breaks), as for the outbox. */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:=-]{1,64}");

    public StoredWebhook {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(senders, "senders");
        if (provider.isBlank()) {
            throw new IllegalArgumentException("provider is blank");
        }
        correlationId.ifPresent(c -> {
            if (!isValidCorrelationId(c)) {
                throw new IllegalArgumentException("not a plain correlation id of at most 64 characters");
            }
        });
        for (String sender : senders) {
            if (!isValidCorrelationId(sender)) {
                throw new IllegalArgumentException("a sender key is 1 to 64 plain characters");
            }
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures cannot be negative: " + failures);
        }
        body = body.clone();
        senders = Set.copyOf(senders);
    }

    /** A webhook nobody has tried to handle yet, bound to no sender. */
    public StoredWebhook(long id, String provider, byte[] body, Instant receivedAt, Optional<String> correlationId) {
        this(id, provider, body, receivedAt, correlationId, Set.of(), 0);
    }

    /** Whether {@code candidate} may be kept as a correlation id (1 to 64 characters of [A-Za-z0-9._:=-]). */
    public static boolean isValidCorrelationId(String candidate) {
        return candidate != null && CORRELATION_ID.matcher(candidate).matches();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredWebhook w && id == w.id && provider.equals(w.provider)
                && Arrays.equals(body, w.body) && receivedAt.equals(w.receivedAt)
                && correlationId.equals(w.correlationId) && senders.equals(w.senders) && failures == w.failures;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, provider, Arrays.hashCode(body), receivedAt, correlationId, senders, failures);
    }

    @Override
    public String toString() {
        return "StoredWebhook[id=" + id + ", provider=" + provider + ", body=" + body.length + " bytes, receivedAt="
                + receivedAt + ", correlationId=" + correlationId.orElse("-") + ", senders=" + senders.size()
                + ", failures=" + failures + "]";
    }
}
