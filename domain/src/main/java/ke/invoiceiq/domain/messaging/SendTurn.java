package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.util.Objects;

/** What asking {@link SendSlots} for a WhatsApp send's turn gave. Every duration is counted from the asking. */
public sealed interface SendTurn {

    /** How long from the asking: to the send (taken) or to the next ask (refused). */
    Duration after();

    /**
     * Both turns are the caller's: the recipient's, and the number's, which starts {@code after} from the asking
     * (zero unless other sends hold the number's next turns). The message must not reach the provider sooner.
     */
    record Taken(Duration after) implements SendTurn {
        public Taken {
            requireNotNegative(after);
        }
    }

    /** The recipient was messaged less than the pair interval ago: nothing taken; ask again {@code after} from now. */
    record Paced(Duration after) implements SendTurn {
        public Paced {
            requireNotNegative(after);
        }
    }

    /**
     * The number's turns are taken more than {@link SendSlots#NUMBER_TURNS_AHEAD} ahead (its throughput, across every
     * instance): nothing taken; ask again {@code after} from now.
     */
    record Throttled(Duration after) implements SendTurn {
        public Throttled {
            requireNotNegative(after);
        }
    }

    private static void requireNotNegative(Duration after) {
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("a turn's wait cannot be negative: " + after);
        }
    }
}
