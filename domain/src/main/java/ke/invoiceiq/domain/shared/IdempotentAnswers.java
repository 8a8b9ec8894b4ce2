package ke.invoiceiq.domain.shared;

import java.time.Instant;
import java.util.Objects;

/**
 * Driven port: the first answer given to a request that carried an idempotency key, so that a repeat of the same
 * request gets the same answer and a different request under the same key is recognised. A key is bound at its
 * first use, whatever the answer; {@code scope} separates the endpoints' key spaces.
 */
public interface IdempotentAnswers {

    /** An answer as it was given: an opaque status and body. */
    record Answer(int status, String body) {
        public Answer {
            Objects.requireNonNull(body, "body");
        }
    }

    sealed interface Claim {
        /** The key is new (or its first request never finished and its claim is stale): go ahead, then complete. */
        record Claimed() implements Claim {
        }

        /** The same request was answered before: give this answer again. */
        record Replay(Answer answer) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The same request is being handled right now. */
        record Busy() implements Claim {
        }
    }

    /**
     * Claims {@code key} in {@code scope} for the request whose fingerprint is {@code fingerprint}. A claim made
     * before {@code staleBefore} and never completed (its request died) may be taken over by the same request.
     */
    Claim claim(String scope, String key, String fingerprint, Instant now, Instant staleBefore);

    /** Stores the answer of a claimed key. */
    void complete(String scope, String key, Answer answer, Instant now);

    /**
     * Retention: deletes up to {@code limit} keys claimed before {@code cutoff} and returns how many it deleted.
     */
    int purgeBefore(Instant cutoff, int limit);
}
