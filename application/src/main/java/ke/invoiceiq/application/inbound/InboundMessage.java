package ke.invoiceiq.application.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * One message a person sent us, as a webhook delivered it (possibly not for the first time).
 *
 * @param provider          who delivered it ({@code whatsapp}, {@code africastalking}); with
 *                          {@code providerMessageId} the key of de-duplication
 * @param providerMessageId the provider's id of the message (a WhatsApp {@code wamid}, an SMS id)
 * @param from              the sender's number; empty for a WhatsApp username user who shows only a user id
 * @param userId            the provider's user id, when it gives one
 * @param receivedAt        when the provider says the message was sent
 */
public record InboundMessage(String provider, String providerMessageId, Channel channel, Optional<Msisdn> from,
        Optional<String> userId, InboundContent content, Instant receivedAt) {

    public InboundMessage {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("an inbound message needs its provider");
        }
        if (providerMessageId == null || providerMessageId.isBlank()) {
            throw new IllegalArgumentException("an inbound message needs the provider's message id");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * {@code provider:providerMessageId}: a redelivered tap asks for the same payment. An id that does not fit
     * an idempotency key (too long, odd characters) is replaced by its SHA-256, which is just as unique.
     */
    public IdempotencyKey idempotencyKey() {
        String raw = provider + ":" + providerMessageId;
        return switch (IdempotencyKey.parse(raw)) {
            case Parsed.Ok<IdempotencyKey> ok when ok.value().value().equals(raw) -> ok.value();
            default -> new IdempotencyKey(provider.strip().replaceAll("[^A-Za-z0-9_.-]", "") + ":sha256:"
                    + sha256(raw));
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
