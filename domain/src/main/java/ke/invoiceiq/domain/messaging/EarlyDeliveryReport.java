package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's report about a message whose send is not recorded yet (WhatsApp can report {@code failed} before the
 * dispatcher has written down the message id it got back), held until it is.
 *
 * @param reportedAt when the provider says it happened
 * @param heldAt     when it was put aside (the hold expires from then)
 */
public record EarlyDeliveryReport(Channel channel, String providerMessageId, DeliveryStatus status,
        Optional<String> errorCode, Instant reportedAt, Instant heldAt) {

    public EarlyDeliveryReport {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(heldAt, "heldAt");
        if (providerMessageId == null || providerMessageId.isBlank()) {
            throw new IllegalArgumentException("a held report names the provider's message id");
        }
    }
}
