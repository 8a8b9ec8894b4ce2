package ke.invoiceiq.application.retention;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Deletes each kind of transient data older than its retention. Every kind is purged in batches of
 * {@link RetentionSettings#batchSize()} rows, each batch its own transaction, until a batch comes back short:
 * locks are held briefly, and a failure keeps what was deleted before it. A kind that fails is counted and
 * logged (its name and the exception's class, never a message: a database error can quote a row) and the
 * other kinds are purged all the same; the next run carries on. The cutoffs are fixed once per run, from the
 * clock; a row exactly as old as its retention stays until the next run. Processed webhooks of the durable
 * webhook inbox are kept as long as the inbound events' de-duplication marks
 * ({@link RetentionSettings#inboundEvents()}); an unprocessed webhook is never purged. Reply cooldowns (when a
 * number last got the help SMS) are contact data and go with {@link RetentionSettings#contacts()}. The first answers
 * kept for REST requests with an Idempotency-Key are, like the de-duplication marks, kept for
 * {@link RetentionSettings#inboundEvents()}. The admin audit trail ({@code AdminAuditLog}) is, like invoices and
 * payments, a business record: it is never purged.
 */
public final class PurgeExpiredDataService implements PurgeExpiredDataUseCase {

    private static final System.Logger LOG = System.getLogger(PurgeExpiredDataService.class.getName());

    /** One port's purge: delete up to {@code limit} rows older than {@code cutoff}, answer how many. */
    @FunctionalInterface
    private interface Purge {
        int before(Instant cutoff, int limit);
    }

    private record Purged(int rows, boolean failed) {
    }

    private final InboundEventLog inboundEvents;
    private final Outbox outbox;
    private final PaymentResultInbox paymentResults;
    private final MessageLog messageLog;
    private final ChatSessionRepository chatSessions;
    private final CustomerDirectory customers;
    private final WebhookInbox webhooks;
    private final ReplyCooldowns cooldowns;
    private final IdempotentAnswers answers;
    private final Transactions transactions;
    private final Clock clock;
    private final RetentionSettings settings;

    public PurgeExpiredDataService(InboundEventLog inboundEvents, Outbox outbox, PaymentResultInbox paymentResults,
            MessageLog messageLog, ChatSessionRepository chatSessions, CustomerDirectory customers,
            WebhookInbox webhooks, ReplyCooldowns cooldowns, IdempotentAnswers answers, Transactions transactions,
            Clock clock, RetentionSettings settings) {
        this.inboundEvents = Objects.requireNonNull(inboundEvents, "inboundEvents");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.paymentResults = Objects.requireNonNull(paymentResults, "paymentResults");
        this.messageLog = Objects.requireNonNull(messageLog, "messageLog");
        this.chatSessions = Objects.requireNonNull(chatSessions, "chatSessions");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.cooldowns = Objects.requireNonNull(cooldowns, "cooldowns");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public PurgeReport purge() {
        Instant now = clock.instant();
        Purged inbound = purge("inbound events", now, settings.inboundEvents(), inboundEvents::purgeBefore);
        Purged finished = purge("outbox messages", now, settings.outbox(), outbox::purgeFinishedBefore);
        Purged results = purge("payment results", now, settings.paymentResults(),
                paymentResults::purgeProcessedBefore);
        Purged log = purge("message log entries", now, settings.messageLog(), messageLog::purgeBefore);
        Purged sessions = purge("chat sessions", now, settings.chatSessions(), chatSessions::purgeInactiveBefore);
        Purged contacts = purge("contacts", now, settings.contacts(), customers::purgeNonCustomersBefore);
        Purged stored = purge("webhooks", now, settings.inboundEvents(), webhooks::purgeProcessedBefore);
        Purged replies = purge("reply cooldowns", now, settings.contacts(), cooldowns::purgeBefore);
        Purged keys = purge("idempotency keys", now, settings.inboundEvents(), answers::purgeBefore);
        int failures = 0;
        for (Purged p : new Purged[] {inbound, finished, results, log, sessions, contacts, stored, replies, keys}) {
            failures += p.failed() ? 1 : 0;
        }
        var report = new PurgeReport(inbound.rows(), finished.rows(), results.rows(), log.rows(), sessions.rows(),
                contacts.rows(), stored.rows(), replies.rows(), keys.rows(), failures);
        LOG.log(report.total() > 0 || failures > 0 ? Level.INFO : Level.DEBUG,
                "retention purge: {0} inbound events, {1} outbox messages, {2} payment results, "
                        + "{3} message log entries, {4} chat sessions, {5} contacts, {6} webhooks, {7} reply cooldowns,"
                        + " {8} idempotency keys deleted; {9} failed",
                report.inboundEvents(), report.outbox(), report.paymentResults(), report.messageLog(),
                report.chatSessions(), report.contacts(), report.webhooks(), report.replyCooldowns(),
                report.idempotencyKeys(), report.failures());
        return report;
    }

    private Purged purge(String kind, Instant now, Duration retention, Purge purge) {
        Instant cutoff = now.minus(retention);
        int limit = settings.batchSize();
        int rows = 0;
        try {
            int batch;
            do {
                batch = transactions.inTransaction(() -> purge.before(cutoff, limit));
                rows += batch;
            } while (batch >= limit);
            return new Purged(rows, false);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "retention purge of {0} failed after {1} deleted: {2}", kind, rows,
                    e.getClass().getSimpleName());
            return new Purged(rows, true);
        }
    }
}
