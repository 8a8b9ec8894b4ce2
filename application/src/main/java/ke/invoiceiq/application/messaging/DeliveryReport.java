package ke.invoiceiq.application.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.DeliveryStatus;

/** A provider's later word on a message it accepted (WhatsApp status, Africa's Talking delivery report). */
public record DeliveryReport(Channel channel, String providerMessageId, DeliveryStatus status,
        Optional<String> errorCode, Instant at) {

    public DeliveryReport {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(at, "at");
        if (providerMessageId == null || providerMessageId.isBlank()) {
            throw new IllegalArgumentException("a delivery report names the provider's message id");
        }
    }
}
