package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/** Merchants' sessions in a map, version-checked like a row: a session not stored yet counts as version 0. */
public final class InMemoryChatSessionRepository implements ChatSessionRepository {

    private final Map<Msisdn, ChatSession> byMerchant = new HashMap<>();

    @Override
    public synchronized Optional<ChatSession> find(Msisdn merchant) {
        return Optional.ofNullable(byMerchant.get(merchant));
    }

    @Override
    public synchronized ChatSession save(ChatSession session) {
        long storedVersion = find(session.merchant()).map(ChatSession::version).orElse(0L);
        if (storedVersion != session.version()) {
            throw new ConcurrentUpdateException("chat session of " + session.merchant());
        }
        var next = new ChatSession(session.merchant(), session.state(), session.version() + 1);
        byMerchant.put(next.merchant(), next);
        return next;
    }

    /** The longest idle first. */
    @Override
    public synchronized List<ChatSession> findInactiveSince(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        return byMerchant.values().stream()
                .filter(s -> s.state() instanceof ChatState.Guided g && g.lastInputAt().isBefore(cutoff))
                .sorted(Comparator.comparing((ChatSession s) -> ((ChatState.Guided) s.state()).lastInputAt())
                        .thenComparing(s -> s.merchant().value()))
                .limit(limit)
                .toList();
    }
}
