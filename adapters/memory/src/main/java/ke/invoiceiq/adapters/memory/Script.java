package ke.invoiceiq.adapters.memory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The scripted answers of a fake provider: a standing answer per key wins over the queue of one-off answers,
 * which are used up in order; with neither, the fake gives its default.
 */
final class Script<K, R> {

    private final Map<K, R> standing = new ConcurrentHashMap<>();
    private final Queue<R> queued = new ConcurrentLinkedQueue<>();

    @SafeVarargs
    final void queue(R... answers) {
        for (R answer : answers) {
            queued.add(Objects.requireNonNull(answer, "answer"));
        }
    }

    void standing(K key, R answer) {
        standing.put(key, Objects.requireNonNull(answer, "answer"));
    }

    void clearStanding(K key) {
        standing.remove(key);
    }

    Optional<R> next(K key) {
        R answer = standing.get(key);
        return answer != null ? Optional.of(answer) : Optional.ofNullable(queued.poll());
    }
}
