package ke.invoiceiq.adapters.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Merchants' sessions in a map, version-checked like a row: a session not stored yet counts as version 0.
 * Each save is stamped with this store's clock (as a database stamps {@code updated_at}), which tells the
 * retention purge when an idle session was last written.
 */
public final class InMemoryChatSessionRepository implements ChatSessionRepository {

    private final Clock clock;
    private final Map<Msisdn, ChatSession> byMerchant = new HashMap<>();
    private final Map<Msisdn, Instant> savedAt = new HashMap<>();

    /** Stamps saves with the system clock, as a database does. */
    public InMemoryChatSessionRepository() {
        this(Clock.systemUTC());
    }

    public InMemoryChatSessionRepository(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

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
        savedAt.put(next.merchant(), clock.instant());
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

    /** The longest inactive first. */
    @Override
    public synchronized int purgeInactiveBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = byMerchant.values().stream()
                .filter(s -> lastActivity(s).isBefore(cutoff))
                .sorted(Comparator.comparing(this::lastActivity).thenComparing(s -> s.merchant().value()))
                .limit(limit)
                .map(ChatSession::merchant)
                .toList();
        for (Msisdn merchant : expired) {
            byMerchant.remove(merchant);
            savedAt.remove(merchant);
        }
        return expired.size();
    }

    private Instant lastActivity(ChatSession session) {
        return session.state() instanceof ChatState.Guided g ? g.lastInputAt() : savedAt.get(session.merchant());
    }
}
