package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.msisdn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.chat.InvoiceDraft;
import ke.invoiceiq.domain.command.CustomerRef;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatSessionRepository} must do. A session not stored yet counts as version 0; each save
 * returns the session at the next version. Inactive sessions come longest idle first. The retention purge
 * deletes sessions inactive since strictly before the cutoff (a guided one by its last input, one exactly at
 * the cutoff stays; an idle one by when it was last saved, by the store's clock), at most {@code limit} per
 * call, and answers how many it deleted.
 */
public abstract class ChatSessionRepositoryContract {

    private static final Msisdn MERCHANT = msisdn(90);

    /** An empty repository; called once before each test. */
    protected abstract ChatSessionRepository repository();

    private ChatSessionRepository repo;

    @BeforeEach
    void startEmpty() {
        repo = repository();
    }

    @Test
    void findsNoSessionForAMerchantWhoNeverWrote() {
        assertThat(repo.find(MERCHANT)).isEmpty();
    }

    @Test
    void savesANewSessionAtVersionOneAndEachChangeAtTheNext() {
        ChatSession first = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));

        assertThat(first).isEqualTo(new ChatSession(MERCHANT, phoneStep(at(0)), 1));
        assertThat(repo.find(MERCHANT)).contains(first);

        ChatSession second = repo.save(new ChatSession(MERCHANT, new ChatState.Idle(), first.version()));
        assertThat(second.version()).isEqualTo(2);
        assertThat(repo.find(MERCHANT)).contains(second);
    }

    @Test
    void refusesASaveOfAStaleRead() {
        ChatSession read = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));
        ChatSession winner = repo.save(new ChatSession(MERCHANT, new ChatState.Idle(), read.version()));

        assertThatThrownBy(() -> repo.save(new ChatSession(MERCHANT, phoneStep(at(5)), read.version())))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.find(MERCHANT)).contains(winner);
    }

    @Test
    void refusesANewSessionWhenOneWasSavedMeanwhile() {
        ChatSession winner = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));

        assertThatThrownBy(() -> repo.save(new ChatSession(MERCHANT, new ChatState.Idle(), 0)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.find(MERCHANT)).contains(winner);
    }

    @Test
    void refusesAChangeOfASessionThatIsNotStored() {
        assertThatThrownBy(() -> repo.save(new ChatSession(MERCHANT, new ChatState.Idle(), 3)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.find(MERCHANT)).isEmpty();
    }

    @Test
    void keepsEveryKindOfStateWithItsDraft() {
        var byPhone = new InvoiceDraft(Optional.of(new CustomerRef.ByPhone(msisdn(1))),
                Optional.of(new CustomerName("Mama Njeri")), Optional.of(Amount.ofShillings(1_200)),
                Optional.of(new Description("Sukuma and eggs")));
        var byName = new InvoiceDraft(Optional.of(new CustomerRef.ByName("Mama Njeri")), Optional.empty(),
                Optional.of(Amount.ofShillings(250_000)), Optional.empty());
        List<ChatState> states = List.of(
                new ChatState.Idle(),
                new ChatState.CollectingPhone(InvoiceDraft.EMPTY, false, at(1), false),
                new ChatState.CollectingPhone(byPhone, true, at(2), true),
                new ChatState.CollectingName(byName, false, at(3), true),
                new ChatState.CollectingAmount(byPhone, true, at(4), false),
                new ChatState.CollectingDescription(byName, false, at(5), false),
                new ChatState.CollectingDueDate(byPhone, false, at(5), false),
                new ChatState.Confirming(byPhone.withDueDate(Optional.of(java.time.LocalDate.of(2026, 12, 15))),
                        at(6), true),
                new ChatState.ChoosingEdit(byPhone, at(7), false));

        long version = 0;
        for (ChatState state : states) {
            ChatSession saved = repo.save(new ChatSession(MERCHANT, state, version));
            version = saved.version();
            assertThat(repo.find(MERCHANT)).contains(new ChatSession(MERCHANT, state, version));
        }
    }

    @Test
    void listsGuidedSessionsIdleSinceBeforeTheCutoffLongestIdleFirst() {
        repo.save(new ChatSession(msisdn(91), phoneStep(at(30)), 0));
        repo.save(new ChatSession(msisdn(92), new ChatState.Confirming(complete(), at(10), true), 0));
        repo.save(new ChatSession(msisdn(93), new ChatState.Idle(), 0));
        repo.save(new ChatSession(msisdn(94), phoneStep(at(60)), 0));

        assertThat(repo.findInactiveSince(at(60), 10)).extracting(ChatSession::merchant)
                .containsExactly(msisdn(92), msisdn(91));
        assertThat(repo.findInactiveSince(at(61), 10)).extracting(ChatSession::merchant)
                .containsExactly(msisdn(92), msisdn(91), msisdn(94));
        assertThat(repo.findInactiveSince(at(61), 1)).extracting(ChatSession::merchant)
                .containsExactly(msisdn(92));
        assertThat(repo.findInactiveSince(at(10), 10)).isEmpty();
    }

    @Test
    void forgetsASessionThatWentBackToIdleWhenListingInactiveOnes() {
        ChatSession guided = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));
        repo.save(new ChatSession(MERCHANT, new ChatState.Idle(), guided.version()));

        assertThat(repo.findInactiveSince(at(100), 10)).isEmpty();
    }

    @Test
    void letsExactlyOneOfConcurrentSavesOfOneReadWin() throws InterruptedException {
        ChatSession read = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));

        var results = Concurrently.run(20, i -> {
            try {
                return Optional.of(repo.save(new ChatSession(MERCHANT, phoneStep(at(i + 1)), read.version())));
            } catch (ConcurrentUpdateException lost) {
                return Optional.<ChatSession>empty();
            }
        });

        var winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(repo.find(MERCHANT)).contains(winners.getFirst());
    }

    @Test
    void givenGuidedSessionsQuietSinceBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreDeleted() {
        repo.save(new ChatSession(msisdn(91), phoneStep(at(10)), 0));
        repo.save(new ChatSession(msisdn(92), new ChatState.Confirming(complete(), at(19), true), 0));
        repo.save(new ChatSession(msisdn(93), phoneStep(at(20)), 0));
        repo.save(new ChatSession(msisdn(94), phoneStep(at(21)), 0));

        assertThat(repo.purgeInactiveBefore(at(20), 100)).isEqualTo(2);

        assertThat(repo.find(msisdn(91))).isEmpty();
        assertThat(repo.find(msisdn(92))).isEmpty();
        assertThat(repo.find(msisdn(93))).isPresent();
        assertThat(repo.find(msisdn(94))).isPresent();
        assertThat(repo.findInactiveSince(at(100), 10)).extracting(ChatSession::merchant)
                .containsExactly(msisdn(93), msisdn(94));
    }

    @Test
    void givenAPurgedSession_whenTheMerchantWritesAgain_thenANewSessionStartsAtVersionOne() {
        ChatSession old = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));
        repo.purgeInactiveBefore(at(1), 100);

        assertThatThrownBy(() -> repo.save(new ChatSession(MERCHANT, phoneStep(at(5)), old.version())))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repo.save(new ChatSession(MERCHANT, phoneStep(at(5)), 0)).version()).isEqualTo(1);
    }

    /** An idle session has no time of its own: its age is when it was last saved, by the store's (real) clock. */
    @Test
    void givenAnIdleSession_whenPurged_thenItIsDeletedOnlyOnceItWasLastSavedBeforeTheCutoff() {
        ChatSession guided = repo.save(new ChatSession(MERCHANT, phoneStep(at(0)), 0));
        repo.save(new ChatSession(MERCHANT, new ChatState.Idle(), guided.version()));
        Instant now = Instant.now();

        assertThat(repo.purgeInactiveBefore(now.minus(Duration.ofHours(1)), 100)).isZero();
        assertThat(repo.find(MERCHANT)).isPresent();

        assertThat(repo.purgeInactiveBefore(now.plus(Duration.ofHours(1)), 100)).isEqualTo(1);
        assertThat(repo.find(MERCHANT)).isEmpty();
    }

    @Test
    void givenMoreExpiredSessionsThanTheLimit_whenPurgedRepeatedly_thenEachCallDeletesAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            repo.save(new ChatSession(msisdn(91 + i), phoneStep(at(i)), 0));
        }

        assertThat(repo.purgeInactiveBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> repo.purgeInactiveBefore(at(100), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.purgeInactiveBefore(at(100), 2)).isEqualTo(2);
        assertThat(repo.purgeInactiveBefore(at(100), 2)).isEqualTo(2);
        assertThat(repo.purgeInactiveBefore(at(100), 2)).isEqualTo(1);
        assertThat(repo.purgeInactiveBefore(at(100), 2)).isZero();
    }

    private static ChatState phoneStep(Instant lastInput) {
        return new ChatState.CollectingPhone(InvoiceDraft.EMPTY, false, lastInput, false);
    }

    private static InvoiceDraft complete() {
        return InvoiceDraft.EMPTY.withCustomer(new CustomerRef.ByPhone(msisdn(1)))
                .withAmount(Amount.ofShillings(2_500))
                .withDescription(new Description("Cleaning (Wed 3pm)"));
    }
}
