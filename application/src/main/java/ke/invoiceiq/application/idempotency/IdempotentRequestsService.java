package ke.invoiceiq.application.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Answer;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Claims and completes keys, each in its own short unit of work, so the claim is visible to a concurrent repeat
 * before the request's own work starts. A claim left unfinished for {@link #STALE_AFTER} (the request died) may be
 * taken over by a repeat of the same request: the work behind both endpoints is itself idempotent by the key, so
 * running it again returns what the first run made.
 */
public final class IdempotentRequestsService implements IdempotentRequestsUseCase {

    /** Far longer than any request runs (an STK push times out well inside it). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final IdempotentAnswers answers;
    private final Transactions transactions;
    private final Clock clock;

    public IdempotentRequestsService(IdempotentAnswers answers, Transactions transactions, Clock clock) {
        this.answers = answers;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Claim begin(String scope, String key, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> answers.claim(scope, key, fingerprint, now, now.minus(STALE_AFTER)));
    }

    @Override
    public void finish(String scope, String key, Answer answer) {
        transactions.run(() -> answers.complete(scope, key, answer, clock.instant()));
    }
}
