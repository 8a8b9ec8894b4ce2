package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Objects;
import ke.invoiceiq.domain.shared.DomainEvent;

/**
 * What happened to outbound messages, for metrics. Carries no recipient, text or invoice: only how the message
 * travelled and what came of it.
 */
public sealed interface MessageEvent extends DomainEvent {

    /**
     * One send attempt of an outbox message, told once its answer is recorded.
     *
     * @param channel the channel tried (for an outcome that sent nothing, the one it would have gone by)
     * @param outcome what the provider answered to this attempt, or that it was not attempted at all
     */
    record Dispatched(Channel channel, Outcome outcome, Instant at) implements MessageEvent {

        public Dispatched {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * How one send attempt ended: the provider's answer, one value per kind of {@link SendResult}, or that it was
     * not attempted (skipped, coalesced).
     */
    enum Outcome {
        /** Taken for delivery. */
        ACCEPTED,
        /** Throttled, briefly down, or the call itself broke: the message comes back later (or falls back). */
        RETRY_LATER,
        /** This recipient cannot get it on this channel. */
        UNDELIVERABLE,
        /** Our configuration is wrong; an operator must act. */
        MISCONFIGURED,
        /** Not sent: the invoice it belongs to was paid or cancelled while it waited, so it lost its point. */
        SKIPPED,
        /** Not sent yet, and no try counted: waiting for the recipient's pacing, the throughput or a breaker. */
        DEFERRED,
        /** Not sent on its own: a merchant notice carried by a digest message (told on its own send). */
        COALESCED;

        /** The outcome a provider's answer stands for. */
        public static Outcome of(SendResult result) {
            return switch (Objects.requireNonNull(result, "result")) {
                case SendResult.Accepted a -> ACCEPTED;
                case SendResult.RetryLater r -> RETRY_LATER;
                case SendResult.Deferred d -> DEFERRED;
                case SendResult.Undeliverable u -> UNDELIVERABLE;
                case SendResult.Misconfigured m -> MISCONFIGURED;
            };
        }
    }
}
