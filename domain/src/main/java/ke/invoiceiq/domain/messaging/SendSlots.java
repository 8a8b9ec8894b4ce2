package ke.invoiceiq.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Driven port: turns to send, shared by every instance of the service, so that the provider's limits hold for the
 * business number however many instances dispatch. A slot that claims to stay busy for longer than its period plus
 * {@link #CLOCK_SKEW} from {@code now} was taken by a clock far ahead of this one (this one before it was set back)
 * and counts as free; within that margin it holds, since two callers that read the time a moment apart may reach the
 * store in the other order.
 */
public interface SendSlots {

    /** How far apart the clocks of two callers (instances, or one before and after a correction) may be. */
    Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /**
     * How far ahead the number's turns may be handed out. A caller given a turn ahead waits for it (so the sends are
     * spread evenly however many callers ask at once); one that would be given a turn further ahead is refused, so a
     * backlog shared by several instances is never promised more than a second of sends.
     */
    Duration NUMBER_TURNS_AHEAD = Duration.ofSeconds(1);

    /**
     * The number's next turn is never legitimately more than {@link #NUMBER_TURNS_AHEAD} and one spacing ahead; one
     * further ahead than that and this margin was taken by a clock ahead of this one (an instance whose clock is
     * wrong, a test that moved its clock back) and counts as free. The margin is much narrower than
     * {@link #CLOCK_SKEW}: a turn of the number held a minute ahead would stop every WhatsApp send for that minute,
     * while restarting the chain at worst lets two sends meet once.
     */
    Duration NUMBER_CLOCK_SKEW = Duration.ofSeconds(1);

    /**
     * Atomically takes a WhatsApp send to {@code recipient} at {@code now}: a turn of the recipient (none taken in
     * the last {@code pacing.pairInterval()}) and the number's next turn (one every {@link Pacing#numberSpacing()},
     * at most {@link #NUMBER_TURNS_AHEAD} from now). {@link SendTurn.Taken} when both are now the caller's, with when
     * the number's turn starts; otherwise nothing is taken (at most a turn of the number, when another instance took
     * the recipient's at the same moment) and the answer says why and how long to wait before asking again. The
     * recipient's turn runs from the number's.
     */
    SendTurn tryTake(Msisdn recipient, Instant now, Pacing pacing);

    /**
     * The recipient's turn runs from when the provider accepted the message, not from when the turn was taken: a
     * message that reached the provider later (a quick retry of a transient failure, a slow connection, a busy CPU)
     * moves the recipient's next turn back by as much, so two messages never reach the provider closer than the pair
     * interval. Never brings a turn forward.
     */
    void sentAt(Msisdn recipient, Instant acceptedAt, Pacing pacing);

    /**
     * Atomically: true, with {@code key} taken until {@code now + period}, when it was not taken for a time after
     * {@code now}; false otherwise. For things done at most once per period across instances.
     */
    boolean tryOnce(String key, Instant now, Duration period);

    /** Forgets up to {@code limit} slots free since before {@code now}; returns how many. */
    int purgeExpired(Instant now, int limit);
}
