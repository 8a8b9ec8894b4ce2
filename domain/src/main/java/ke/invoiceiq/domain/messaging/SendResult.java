package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What a messaging provider answered to one send, or why the send did not happen yet. */
public sealed interface SendResult {

    /** Taken for delivery; {@code providerMessageId} matches the status reports that follow. */
    record Accepted(String providerMessageId) implements SendResult {
    }

    /** Sent, but throttled or briefly down: the same message may go through later. A real try: it counts. */
    record RetryLater(String code, Optional<Duration> after) implements SendResult {
    }

    /**
     * Nothing was sent: the message must wait (the recipient's pacing, the number's throughput, an open circuit
     * breaker, the provider's own rate limit answer). Not a failed try, so it never brings a message closer to
     * being given up; it comes back after {@code after}.
     */
    record Deferred(String reason, Duration after) implements SendResult {
        public Deferred {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("a wait cannot be negative");
            }
        }
    }

    /** This recipient cannot get it on this channel (not on WhatsApp, outside the window, …): try another. */
    record Undeliverable(String code) implements SendResult {
    }

    /** Our configuration is wrong (token, template, account): no retry helps until an operator acts. */
    record Misconfigured(String code) implements SendResult {
    }
}
