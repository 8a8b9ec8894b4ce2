package ke.invoiceiq.domain.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;

/** Driven port: merchants' conversations. */
public interface ChatSessionRepository {

    Optional<ChatSession> find(Msisdn merchant);

    /**
     * Stores the session read at {@code session.version()} (0 for a new one).
     *
     * @throws ke.invoiceiq.domain.shared.ConcurrentUpdateException when it was changed since it was read
     */
    ChatSession save(ChatSession session);

    /** Sessions in a guided step whose last input is older than {@code cutoff}: candidates for a nudge or a close. */
    List<ChatSession> findInactiveSince(Instant cutoff, int limit);

    /**
     * Retention: deletes up to {@code limit} sessions with no activity since strictly before {@code cutoff} and
     * returns how many it deleted: an {@link ChatState.Idle idle} session (one that ended) last saved before the
     * cutoff, as the store's clock tells it, and a guided session whose last input is before the cutoff (left
     * over only when the expiry sweep did not run; its draft may hold a customer's number). A merchant whose
     * session is gone starts from Idle at version 0, as one who never wrote. A caller that gets {@code limit}
     * back calls again.
     */
    int purgeInactiveBefore(Instant cutoff, int limit);
}
