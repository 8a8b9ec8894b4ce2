package ke.invoiceiq.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Answer;
import ke.invoiceiq.domain.shared.IdempotentAnswers.Claim;
import org.junit.jupiter.api.Test;

class IdempotentRequestsServiceTest {

    private static final String SCOPE = "stk-initiate";
    private static final Answer ACCEPTED = new Answer(202, "{\"payment_id\":\"p-1\"}");

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final IdempotentRequestsService requests = new IdempotentRequestsService(ports.idempotentAnswers(),
            ports.transactions(), ports.clock());

    @Test
    void givenANewKey_whenBegun_thenClaimed() {
        assertThat(requests.begin(SCOPE, "key-1", "body-a")).isEqualTo(new Claim.Claimed());
    }

    @Test
    void givenAnAnsweredKey_whenTheSameRequestBegins_thenTheFirstAnswerIsReplayed() {
        requests.begin(SCOPE, "key-1", "body-a");
        requests.finish(SCOPE, "key-1", ACCEPTED);

        assertThat(requests.begin(SCOPE, "key-1", "body-a")).isEqualTo(new Claim.Replay(ACCEPTED));
    }

    @Test
    void givenAnAnsweredKey_whenFinishedAgainWithAnotherAnswer_thenTheFirstAnswerStays() {
        requests.begin(SCOPE, "key-1", "body-a");
        requests.finish(SCOPE, "key-1", ACCEPTED);

        requests.finish(SCOPE, "key-1", new Answer(409, "{}"));

        assertThat(requests.begin(SCOPE, "key-1", "body-a")).isEqualTo(new Claim.Replay(ACCEPTED));
    }

    @Test
    void givenAKeyUsedForOneRequest_whenAnotherRequestBeginsWithIt_thenMismatch() {
        requests.begin(SCOPE, "key-1", "body-a");
        requests.finish(SCOPE, "key-1", ACCEPTED);

        assertThat(requests.begin(SCOPE, "key-1", "body-b")).isEqualTo(new Claim.Mismatch());
    }

    @Test
    void givenAKeyInAnotherScope_whenBegun_thenClaimedOnItsOwn() {
        requests.begin("invoices-create", "key-1", "body-a");

        assertThat(requests.begin(SCOPE, "key-1", "body-b")).isEqualTo(new Claim.Claimed());
    }

    @Test
    void givenARequestStillBeingAnswered_whenTheSameRequestBegins_thenBusy() {
        requests.begin(SCOPE, "key-1", "body-a");
        ports.clock().advance(IdempotentRequestsService.STALE_AFTER);

        assertThat(requests.begin(SCOPE, "key-1", "body-a")).isEqualTo(new Claim.Busy());
    }

    @Test
    void givenAClaimNeverFinishedForLongerThanStaleAfter_whenTheSameRequestBegins_thenClaimedAgain() {
        requests.begin(SCOPE, "key-1", "body-a");
        ports.clock().advance(IdempotentRequestsService.STALE_AFTER.plus(Duration.ofSeconds(1)));

        assertThat(requests.begin(SCOPE, "key-1", "body-a")).isEqualTo(new Claim.Claimed());
    }

    @Test
    void givenAStaleClaim_whenAnotherRequestBeginsWithTheKey_thenStillMismatch() {
        requests.begin(SCOPE, "key-1", "body-a");
        ports.clock().advance(IdempotentRequestsService.STALE_AFTER.plus(Duration.ofSeconds(1)));

        assertThat(requests.begin(SCOPE, "key-1", "body-b")).isEqualTo(new Claim.Mismatch());
    }

    @Test
    void givenAStaleClaimTakenOver_whenTheOriginalRequestBeginsAgainAtOnce_thenBusy() {
        requests.begin(SCOPE, "key-1", "body-a");
        ports.clock().advance(IdempotentRequestsService.STALE_AFTER.plus(Duration.ofSeconds(1)));
        requests.begin(SCOPE, "key-1", "body-a");

        assertThat(requests.begin(SCOPE, "key-1", "body-a")).isEqualTo(new Claim.Busy());
    }
}
