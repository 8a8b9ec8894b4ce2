package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.util.Optional;

/** What a messaging provider answered to one send. */
public sealed interface SendResult {

    /** Taken for delivery; {@code providerMessageId} matches the status reports that follow. */
    record Accepted(String providerMessageId) implements SendResult {
    }

    /** Throttled or briefly down: the same message may go through later. */
    record RetryLater(String code, Optional<Duration> after) implements SendResult {
    }

    /** This recipient cannot get it on this channel (not on WhatsApp, outside the window, …): try another. */
    record Undeliverable(String code) implements SendResult {
    }

    /** Our configuration is wrong (token, template, account): no retry helps until an operator acts. */
    record Misconfigured(String code) implements SendResult {
    }
}
