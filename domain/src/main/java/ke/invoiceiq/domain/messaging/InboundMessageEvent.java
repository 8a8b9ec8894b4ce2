package ke.invoiceiq.domain.messaging;

import java.time.Instant;
import java.util.Objects;
import ke.invoiceiq.domain.shared.DomainEvent;

/** What became of a message a person sent us, worth counting. */
public sealed interface InboundMessageEvent extends DomainEvent {

    /** Every try to handle it failed: the sender was asked to send it again (when we know their number). */
    record GaveUp(Channel channel, Instant at) implements InboundMessageEvent {
        public GaveUp {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * It was sent longer ago than inbound de-duplication marks are kept, so a mark that would show it was handled
     * may be gone: it was ignored rather than perhaps handled twice (a replayed or very late webhook).
     */
    record TooOld(Channel channel, Instant at) implements InboundMessageEvent {
        public TooOld {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
        }
    }
}
