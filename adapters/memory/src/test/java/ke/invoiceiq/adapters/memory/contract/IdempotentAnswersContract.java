package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Answer;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotentAnswers} must do. A key is bound to the fingerprint of its first request; a claim
 * answers, in this order: a new key is {@link Claim.Claimed}; another fingerprint is a {@link Claim.Mismatch},
 * answered or not; an answered key is {@link Claim.Replay}ed; a claim made strictly before {@code staleBefore} and
 * never answered is taken over ({@link Claim.Claimed}); else the first request is still at work ({@link
 * Claim.Busy}). The first answer stays. Scopes never see each other's keys. The retention purge deletes keys
 * claimed strictly before the cutoff, answered or not, at most {@code limit} per call.
 */
public abstract class IdempotentAnswersContract {

    private static final String SCOPE = "POST /invoices";
    private static final String FINGERPRINT = "sha256:0f1e2d3c";
    private static final Answer CREATED = new Answer(201, """
            {"id":"INV-000001","description":"Sukuma 🥬 and eggs","amount_cents":250000}
            """);

    /** An empty store; called once before each test. */
    protected abstract IdempotentAnswers answers();

    private IdempotentAnswers answers;

    @BeforeEach
    void startEmpty() {
        answers = answers();
    }

    @Test
    void givenANewKey_whenClaimed_thenItIsClaimed() {
        assertThat(claim("k-1", FINGERPRINT, at(10))).isEqualTo(new Claim.Claimed());
    }

    @Test
    void givenAKeyClaimedRecently_whenTheSameRequestComesAgain_thenItIsBusy() {
        claim("k-1", FINGERPRINT, at(10));

        assertThat(answers.claim(SCOPE, "k-1", FINGERPRINT, at(20), at(10))).as("claimed exactly at staleBefore")
                .isEqualTo(new Claim.Busy());
        assertThat(answers.claim(SCOPE, "k-1", FINGERPRINT, at(20), at(0))).isEqualTo(new Claim.Busy());
    }

    @Test
    void givenAKeyWhoseRequestNeverFinished_whenClaimedAfterItWentStale_thenItIsClaimedAgainOnce() {
        claim("k-1", FINGERPRINT, at(10));

        assertThat(answers.claim(SCOPE, "k-1", FINGERPRINT, at(100), at(11))).isEqualTo(new Claim.Claimed());
        assertThat(answers.claim(SCOPE, "k-1", FINGERPRINT, at(101), at(11))).as("the new claim is fresh")
                .isEqualTo(new Claim.Busy());
    }

    @Test
    void givenAnAnsweredKey_whenTheSameRequestComesAgain_thenTheFirstAnswerIsReplayedExactly() {
        claim("k-1", FINGERPRINT, at(10));
        answers.complete(SCOPE, "k-1", CREATED, at(11));

        assertThat(answers.claim(SCOPE, "k-1", FINGERPRINT, at(12), at(0))).isEqualTo(new Claim.Replay(CREATED));
        assertThat(answers.claim(SCOPE, "k-1", FINGERPRINT, at(10_000), at(9_000))).as("an answer never goes stale")
                .isEqualTo(new Claim.Replay(CREATED));
    }

    @Test
    void givenAnAnsweredKey_whenCompletedAgain_thenTheFirstAnswerStays() {
        claim("k-1", FINGERPRINT, at(10));
        answers.complete(SCOPE, "k-1", CREATED, at(11));

        answers.complete(SCOPE, "k-1", new Answer(500, "{}"), at(12));

        assertThat(claim("k-1", FINGERPRINT, at(13))).isEqualTo(new Claim.Replay(CREATED));
    }

    @Test
    void givenAKeyUsedForAnotherRequest_whenClaimed_thenItIsAMismatchWhetherAnsweredOrNot() {
        claim("k-1", FINGERPRINT, at(10));

        assertThat(claim("k-1", "sha256:other", at(11))).isEqualTo(new Claim.Mismatch());
        assertThat(answers.claim(SCOPE, "k-1", "sha256:other", at(100), at(50))).as("stale, yet not its own")
                .isEqualTo(new Claim.Mismatch());

        answers.complete(SCOPE, "k-1", CREATED, at(12));
        assertThat(claim("k-1", "sha256:other", at(13))).isEqualTo(new Claim.Mismatch());
    }

    @Test
    void givenOneKeyInTwoScopes_whenClaimed_thenEachScopeHasItsOwn() {
        claim("k-1", FINGERPRINT, at(10));
        answers.complete(SCOPE, "k-1", CREATED, at(11));

        assertThat(answers.claim("POST /payments/stk/initiate", "k-1", "sha256:other", at(12), at(0)))
                .isEqualTo(new Claim.Claimed());
        assertThat(claim("k-1", FINGERPRINT, at(13))).isEqualTo(new Claim.Replay(CREATED));
    }

    @Test
    void givenAKeyNeverClaimed_whenCompleted_thenItIsRefused() {
        assertThatThrownBy(() -> answers.complete(SCOPE, "k-1", CREATED, at(10)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(claim("k-1", FINGERPRINT, at(11))).isEqualTo(new Claim.Claimed());
    }

    @Test
    void givenManyRequestsClaimingANewKeyAtOnce_whenClaimed_thenExactlyOneGoesAhead() throws InterruptedException {
        var claims = Concurrently.run(20, i -> claim("k-1", FINGERPRINT, at(10)));

        assertThat(claims).filteredOn(c -> c instanceof Claim.Claimed).hasSize(1);
        assertThat(claims).filteredOn(c -> c instanceof Claim.Busy).hasSize(19);
    }

    @Test
    void givenKeysClaimedBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreForgotten() {
        claim("old-answered", FINGERPRINT, at(10));
        answers.complete(SCOPE, "old-answered", CREATED, at(30));
        claim("old-open", FINGERPRINT, at(19));
        claim("at-cutoff", FINGERPRINT, at(20));
        claim("new", FINGERPRINT, at(21));

        assertThat(answers.purgeBefore(at(20), 100)).isEqualTo(2);

        assertThat(claim("old-answered", "sha256:other", at(40))).as("forgotten").isEqualTo(new Claim.Claimed());
        assertThat(claim("old-open", "sha256:other", at(40))).as("forgotten").isEqualTo(new Claim.Claimed());
        assertThat(claim("at-cutoff", "sha256:other", at(40))).isEqualTo(new Claim.Mismatch());
        assertThat(claim("new", "sha256:other", at(40))).isEqualTo(new Claim.Mismatch());
    }

    @Test
    void givenMoreExpiredKeysThanTheLimit_whenPurgedRepeatedly_thenEachCallDeletesAtMostTheLimit() {
        for (int i = 1; i <= 5; i++) {
            claim("k-" + i, FINGERPRINT, at(i));
        }

        assertThat(answers.purgeBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> answers.purgeBefore(at(100), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(answers.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(answers.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(answers.purgeBefore(at(100), 2)).isEqualTo(1);
        assertThat(answers.purgeBefore(at(100), 2)).isZero();
    }

    /** A claim whose staleness window cannot have passed: nothing is stale before {@code T0}. */
    private Claim claim(String key, String fingerprint, Instant now) {
        return answers.claim(SCOPE, key, fingerprint, now, Fixtures.T0);
    }
}
