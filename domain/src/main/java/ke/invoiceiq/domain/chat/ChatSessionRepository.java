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
}
