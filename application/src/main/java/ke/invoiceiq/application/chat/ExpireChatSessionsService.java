package ke.invoiceiq.application.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.domain.chat.ChatInput;
import ke.invoiceiq.domain.chat.ChatMachine;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.chat.Reply;
import ke.invoiceiq.domain.chat.Transition;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Gives every quiet guided session a clock tick; the chat machine decides whether a nudge or a close is due.
 * Each session is its own unit of work, saved at the version it was read at before its reply is queued: when
 * the merchant wrote meanwhile, or another instance got there first, the save fails and the session is
 * skipped this round, so a nudge never goes out twice.
 */
public final class ExpireChatSessionsService implements ExpireChatSessionsUseCase {

    private enum Result { NOTHING, NUDGED, CLOSED }

    private final ChatSessionRepository sessions;
    private final OutboxWriter outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final ChatExpirySettings settings;
    private final Language merchantLanguage;

    public ExpireChatSessionsService(ChatSessionRepository sessions, OutboxWriter outbox, Transactions transactions,
            Clock clock, ChatExpirySettings settings) {
        this(sessions, outbox, transactions, clock, settings, Language.EN);
    }

    /** @param merchantLanguage the language of the nudge and of the closing message */
    public ExpireChatSessionsService(ChatSessionRepository sessions, OutboxWriter outbox, Transactions transactions,
            Clock clock, ChatExpirySettings settings, Language merchantLanguage) {
        this.merchantLanguage = merchantLanguage;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public ExpireChatSessionsReport expire() {
        Instant now = clock.instant();
        // the port finds input strictly older than the cutoff, the machine nudges at exactly nudgeAfter: a
        // millisecond of slack lets a session quiet for exactly five minutes be found (the machine decides)
        Instant cutoff = now.minus(settings.timeouts().nudgeAfter()).plusMillis(1);
        var quiet = transactions.inTransaction(() -> sessions.findInactiveSince(cutoff, settings.batchSize()));
        int nudged = 0;
        int closed = 0;
        int skipped = 0;
        for (ChatSession session : quiet) {
            try {
                switch (transactions.inTransaction(() -> tick(session, now))) {
                    case NUDGED -> nudged++;
                    case CLOSED -> closed++;
                    case NOTHING -> { }
                }
            } catch (ConcurrentUpdateException e) {
                skipped++;
            }
        }
        return new ExpireChatSessionsReport(quiet.size(), nudged, closed, skipped);
    }

    private Result tick(ChatSession session, Instant now) {
        Transition transition = ChatMachine.step(session.state(), new ChatInput.Tick(), now, settings.timeouts(),
                merchantLanguage);
        if (transition.replies().isEmpty() && transition.next().equals(session.state())) {
            return Result.NOTHING;
        }
        sessions.save(new ChatSession(session.merchant(), transition.next(), session.version()));
        for (Reply reply : transition.replies()) {
            outbox.send(session.merchant(), Channel.WHATSAPP, MessagePurpose.REPLY, Optional.empty(),
                    reply.toContent());
        }
        return transition.next() instanceof ChatState.Idle ? Result.CLOSED : Result.NUDGED;
    }
}
