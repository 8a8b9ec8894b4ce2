package ke.invoiceiq.application.chat;

import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.inbound.Wiring;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import org.junit.jupiter.api.Test;

class ExpireChatSessionsServiceTest {

    private final Wiring app = new Wiring();
    private final ExpireChatSessionsService expiry = expiry(app.ports.chatSessions());

    @Test
    void givenQuietForFourMinutes_whenExpiryRuns_thenNothingHappens() {
        app.text(MERCHANT, "new invoice");
        int queued = app.outboxTo(MERCHANT).size();
        app.ports.clock().advance(Duration.ofMinutes(4));

        var report = expiry.expire();

        assertThat(report).isEqualTo(new ExpireChatSessionsReport(0, 0, 0, 0));
        assertThat(app.outboxTo(MERCHANT)).hasSize(queued);
    }

    @Test
    void givenQuietForFiveMinutes_whenExpiryRunsTwice_thenOneNudgeOnWhatsApp() {
        app.text(MERCHANT, "new invoice");
        app.ports.clock().advance(Duration.ofMinutes(5));

        var first = expiry.expire();
        app.ports.clock().advance(Duration.ofMinutes(1));
        var second = expiry.expire();

        assertThat(first).isEqualTo(new ExpireChatSessionsReport(1, 1, 0, 0));
        assertThat(second).isEqualTo(new ExpireChatSessionsReport(1, 0, 0, 0));
        assertThat(nudges()).singleElement().satisfies(m -> assertThat(m.channel()).isEqualTo(Channel.WHATSAPP));
        assertThat(state()).isInstanceOf(ChatState.CollectingPhone.class);
    }

    @Test
    void givenQuietForFifteenMinutes_whenExpiryRuns_thenSessionClosedAndMerchantTold() {
        app.text(MERCHANT, "new invoice");
        app.ports.clock().advance(Duration.ofMinutes(5));
        expiry.expire();
        app.ports.clock().advance(Duration.ofMinutes(10));

        var report = expiry.expire();

        assertThat(report).isEqualTo(new ExpireChatSessionsReport(1, 0, 1, 0));
        assertThat(app.lastTextTo(MERCHANT)).isEqualTo(BotCopy.sessionClosed());
        assertThat(state()).isInstanceOf(ChatState.Idle.class);
        assertThat(expiry.expire()).isEqualTo(new ExpireChatSessionsReport(0, 0, 0, 0));
    }

    @Test
    void givenNudgedMerchant_whenTheyAnswer_thenTheFlowContinuesAndTheClockStartsAgain() {
        app.text(MERCHANT, "new invoice");
        app.ports.clock().advance(Duration.ofMinutes(6));
        expiry.expire();

        app.text(MERCHANT, "0712345678");
        app.ports.clock().advance(Duration.ofMinutes(10));
        var report = expiry.expire();

        assertThat(report.closed()).isZero();
        assertThat(report.nudged()).isEqualTo(1);
        assertThat(state()).isInstanceOf(ChatState.CollectingName.class);
    }

    @Test
    void givenTwoInstances_whenBothExpireTheSameSessionAtOnce_thenOneNudgeAndTheOtherSkips() {
        app.text(MERCHANT, "new invoice");
        app.ports.clock().advance(Duration.ofMinutes(5));
        ExpireChatSessionsService other = expiry(app.ports.chatSessions());
        var racing = new RacingSessions(app.ports.chatSessions(), other::expire);

        var report = expiry(racing).expire();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.nudged()).isZero();
        assertThat(nudges()).hasSize(1);
    }

    @Test
    void givenMerchantWritesWhileExpiryRuns_whenTheSessionIsSaved_thenExpirySkipsIt() {
        app.text(MERCHANT, "new invoice");
        app.ports.clock().advance(Duration.ofMinutes(5));
        var racing = new RacingSessions(app.ports.chatSessions(), () -> app.text(MERCHANT, "0712345678"));

        var report = expiry(racing).expire();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(nudges()).isEmpty();
        assertThat(state()).isInstanceOf(ChatState.CollectingName.class);
    }

    private ExpireChatSessionsService expiry(ChatSessionRepository sessions) {
        return new ExpireChatSessionsService(sessions, app.outbox, app.ports.transactions(), app.ports.clock(),
                ChatExpirySettings.DEFAULT);
    }

    private List<OutboxMessage> nudges() {
        return app.outboxTo(MERCHANT).stream().filter(m -> m.content().text().equals(BotCopy.stillThere())).toList();
    }

    private ChatState state() {
        return app.ports.chatSessions().find(MERCHANT).orElseThrow().state();
    }

    /** Lets something else happen between this instance's read of the quiet sessions and its save. */
    private static final class RacingSessions implements ChatSessionRepository {
        private final ChatSessionRepository delegate;
        private final Runnable meanwhile;

        RacingSessions(ChatSessionRepository delegate, Runnable meanwhile) {
            this.delegate = delegate;
            this.meanwhile = meanwhile;
        }

        @Override
        public Optional<ChatSession> find(Msisdn merchant) {
            return delegate.find(merchant);
        }

        @Override
        public ChatSession save(ChatSession session) {
            return delegate.save(session);
        }

        @Override
        public List<ChatSession> findInactiveSince(Instant cutoff, int limit) {
            List<ChatSession> found = delegate.findInactiveSince(cutoff, limit);
            meanwhile.run();
            return found;
        }

        @Override
        public int purgeInactiveBefore(Instant cutoff, int limit) {
            return delegate.purgeInactiveBefore(cutoff, limit);
        }
    }
}
