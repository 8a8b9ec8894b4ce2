package ke.invoiceiq.application.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.domain.chat.ChatSession;
import ke.invoiceiq.domain.chat.ChatState;
import ke.invoiceiq.domain.chat.InvoiceDraft;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.OutboxStatus;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PurgeExpiredDataServiceTest {

    private static final Msisdn MERCHANT = new Msisdn("254700000001");
    private static final Msisdn CUSTOMER = new Msisdn("254712345678");
    private static final Msisdn STRANGER = new Msisdn("254733999888");
    private static final Duration DAY = Duration.ofDays(1);

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final InMemoryWebhookInbox webhooks = new InMemoryWebhookInbox();
    private final Instant now = ports.clock().instant();
    private final Logger serviceLog = Logger.getLogger(PurgeExpiredDataService.class.getName());
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    {
        serviceLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        serviceLog.removeHandler(capture);
    }

    @Test
    void givenNothingStored_whenPurged_thenNothingIsDeletedOrFailed() {
        assertThat(service(RetentionSettings.DEFAULT).purge()).isEqualTo(new PurgeReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void givenDataOfEveryKindOnBothSidesOfItsRetention_whenPurged_thenOnlyTheExpiredIsDeletedAndCounted() {
        // inbound de-duplication marks: 14 days
        ports.inboundEvents().firstSeen("whatsapp", "wamid.old", ago(DAY.multipliedBy(15)));
        ports.inboundEvents().firstSeen("whatsapp", "wamid.recent", ago(DAY.multipliedBy(13)));
        // finished outbox messages: 14 days after their last change; pending ones stay whatever their age
        finished("sent-old", ago(DAY.multipliedBy(15)));
        finished("sent-recent", ago(DAY.multipliedBy(13)));
        ports.outbox().enqueue(reply("queued-long-ago", ago(DAY.multipliedBy(400))));
        // processed payment results: 30 days after processing; unprocessed ones stay
        processedResult(1, ago(DAY.multipliedBy(31)));
        processedResult(2, ago(DAY.multipliedBy(29)));
        ports.paymentResults().store(PaymentResult.fromQuery(checkout(3), StkResult.of(0), ago(DAY.multipliedBy(400))),
                Optional.empty());
        // message log: 180 days
        logEntry("e-old", ago(DAY.multipliedBy(181)));
        logEntry("e-recent", ago(DAY.multipliedBy(179)));
        // chat sessions: 7 days since the last input (guided) or since it ended (idle)
        idleSessionSaved(MERCHANT, ago(DAY.multipliedBy(8)));
        idleSessionSaved(new Msisdn("254700000002"), ago(DAY.multipliedBy(6)));
        ports.chatSessions().save(new ChatSession(new Msisdn("254700000003"),
                new ChatState.CollectingPhone(InvoiceDraft.EMPTY, false, ago(DAY.multipliedBy(8)), true), 0));
        // numbers that only wrote: 2 days; customers stay
        ports.customers().recordInbound(STRANGER, ago(DAY.multipliedBy(3)));
        ports.customers().recordInbound(new Msisdn("254733999887"), ago(DAY));
        ports.customers().remember(Customer.of(CUSTOMER));
        ports.customers().recordInbound(CUSTOMER, ago(DAY.multipliedBy(400)));
        // processed webhooks: as long as the inbound events (14 days); unprocessed ones stay
        long oldWebhook = processedWebhook(ago(DAY.multipliedBy(15)));
        long recentWebhook = processedWebhook(ago(DAY.multipliedBy(13)));
        webhooks.store("whatsapp", new byte[] {'{', '}'}, ago(DAY.multipliedBy(400)), Optional.empty());
        // help-SMS cooldowns: contact data, 2 days
        ports.replyCooldowns().tryStart(STRANGER, Channel.SMS, ago(DAY.multipliedBy(3)), Duration.ofHours(1));
        ports.replyCooldowns().tryStart(CUSTOMER, Channel.SMS, ago(DAY), Duration.ofHours(1));
        // first answers to REST requests with an Idempotency-Key: as long as the inbound events (14 days)
        idempotencyKeyClaimed("key-old", ago(DAY.multipliedBy(15)));
        idempotencyKeyClaimed("key-recent", ago(DAY.multipliedBy(13)));

        PurgeReport report = service(RetentionSettings.DEFAULT).purge();

        assertThat(report).isEqualTo(new PurgeReport(1, 1, 1, 1, 2, 1, 1, 1, 1, 0));
        assertThat(report.total()).isEqualTo(10);
        assertThat(idempotencyKeyKept("key-old")).as("forgotten").isFalse();
        assertThat(idempotencyKeyKept("key-recent")).isTrue();
        assertThat(ports.replyCooldowns().tryStart(STRANGER, Channel.SMS, now, Duration.ofDays(30)))
                .as("forgotten").isTrue();
        assertThat(ports.replyCooldowns().tryStart(CUSTOMER, Channel.SMS, now, Duration.ofDays(30))).isFalse();
        assertThat(webhooks.isProcessed(oldWebhook)).as("purged").isFalse();
        assertThat(webhooks.isProcessed(recentWebhook)).isTrue();
        assertThat(webhooks.countUnprocessed()).isEqualTo(1);
        assertThat(ports.inboundEvents().firstSeen("whatsapp", "wamid.old", now)).isTrue();
        assertThat(ports.inboundEvents().firstSeen("whatsapp", "wamid.recent", now)).isFalse();
        assertThat(ports.outbox().all()).extracting(OutboxMessage::id)
                .containsExactlyInAnyOrder("sent-recent", "queued-long-ago");
        assertThat(ports.paymentResults().unprocessed(checkout(3))).hasSize(1);
        assertThat(ports.paymentResults().store(PaymentResult.fromQuery(checkout(1), StkResult.of(0), now),
                Optional.empty())).isTrue();
        assertThat(ports.paymentResults().store(PaymentResult.fromQuery(checkout(2), StkResult.of(0), now),
                Optional.empty())).isFalse();
        assertThat(ports.messageLog().all()).extracting(MessageLogEntry::id).containsExactly("e-recent");
        assertThat(ports.chatSessions().find(MERCHANT)).isEmpty();
        assertThat(ports.chatSessions().find(new Msisdn("254700000002"))).isPresent();
        assertThat(ports.chatSessions().find(new Msisdn("254700000003"))).isEmpty();
        assertThat(ports.customers().lastInboundAt(STRANGER)).isEmpty();
        assertThat(ports.customers().lastInboundAt(new Msisdn("254733999887"))).isPresent();
        assertThat(ports.customers().find(CUSTOMER)).isPresent();
        assertThat(ports.customers().lastInboundAt(CUSTOMER)).isPresent();
    }

    @Test
    void givenDataExactlyAsOldAsItsRetention_whenPurged_thenItIsKeptUntilTheNextRun() {
        RetentionSettings settings = RetentionSettings.DEFAULT;
        ports.inboundEvents().firstSeen("whatsapp", "wamid.1", ago(settings.inboundEvents()));
        finished("sent", ago(settings.outbox()));
        processedResult(1, ago(settings.paymentResults()));
        logEntry("e-1", ago(settings.messageLog()));
        idleSessionSaved(MERCHANT, ago(settings.chatSessions()));
        ports.customers().recordInbound(STRANGER, ago(settings.contacts()));
        processedWebhook(ago(settings.inboundEvents()));
        ports.replyCooldowns().tryStart(STRANGER, Channel.SMS, ago(settings.contacts()), Duration.ofHours(1));
        idempotencyKeyClaimed("key-1", ago(settings.inboundEvents()));

        assertThat(service(settings).purge()).isEqualTo(new PurgeReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        ports.clock().advance(Duration.ofSeconds(1));
        assertThat(service(settings).purge()).isEqualTo(new PurgeReport(1, 1, 1, 1, 1, 1, 1, 1, 1, 0));
    }

    @Test
    void givenMoreExpiredRowsThanOneBatch_whenPurged_thenAllAreDeletedEachBatchInItsOwnTransaction() {
        for (int i = 0; i < 5; i++) {
            logEntry("e-" + i, ago(DAY.multipliedBy(200)));
        }
        var counting = new CountingTransactions(ports.transactions());
        var settings = new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(180), Duration.ofDays(7), Duration.ofDays(2), 2);

        PurgeReport report = service(settings, ports.outbox(), counting).purge();

        assertThat(report.messageLog()).isEqualTo(5);
        assertThat(ports.messageLog().all()).isEmpty();
        // message log: batches of 2, 2, 1; every other kind (eight): one empty batch
        assertThat(counting.units.get()).isEqualTo(3 + 8);
    }

    @Test
    void givenExactlyOneFullBatch_whenPurged_thenOneMoreBatchFindsNothingAndTheRunEnds() {
        for (int i = 0; i < 2; i++) {
            logEntry("e-" + i, ago(DAY.multipliedBy(200)));
        }
        var counting = new CountingTransactions(ports.transactions());
        var settings = new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(180), Duration.ofDays(7), Duration.ofDays(2), 2);

        assertThat(service(settings, ports.outbox(), counting).purge().messageLog()).isEqualTo(2);
        assertThat(counting.units.get()).isEqualTo(2 + 8);
    }

    @Test
    void givenTheOutboxPurgeFails_whenPurged_thenTheOtherKindsAreStillPurgedAndTheFailureCountedWithoutPersonalData() {
        ports.inboundEvents().firstSeen("whatsapp", "wamid.old", ago(DAY.multipliedBy(15)));
        finished("sent-old", ago(DAY.multipliedBy(15)));
        logEntry("e-old", ago(DAY.multipliedBy(181)));
        ports.customers().recordInbound(STRANGER, ago(DAY.multipliedBy(3)));
        Outbox broken = outboxWhosePurgeFails(ports.outbox(),
                () -> new IllegalStateException("duplicate key (recipient_msisdn)=(254712345678)"));

        PurgeReport report = service(RetentionSettings.DEFAULT, broken, ports.transactions()).purge();

        assertThat(report).isEqualTo(new PurgeReport(1, 0, 0, 1, 0, 1, 0, 0, 0, 1));
        assertThat(ports.outbox().find("sent-old")).isPresent();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("outbox").contains("IllegalStateException"));
        assertThat(logged).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("2547"));
    }

    @Test
    void givenARunThatDeletedSomething_whenPurged_thenTheCountsAreLoggedAndNothingElse() {
        finished("sent-old", ago(DAY.multipliedBy(15)));
        ports.customers().recordInbound(STRANGER, ago(DAY.multipliedBy(3)));

        service(RetentionSettings.DEFAULT).purge();

        assertThat(logged).singleElement().satisfies(line -> assertThat(line)
                .contains("1 outbox messages").contains("1 contacts").doesNotContain("2547")
                .doesNotContain("sent-old"));
    }

    private PurgeExpiredDataService service(RetentionSettings settings) {
        return service(settings, ports.outbox(), ports.transactions());
    }

    private PurgeExpiredDataService service(RetentionSettings settings, Outbox outbox, Transactions transactions) {
        return new PurgeExpiredDataService(ports.inboundEvents(), outbox, ports.paymentResults(), ports.messageLog(),
                ports.chatSessions(), ports.customers(), webhooks, ports.replyCooldowns(), ports.idempotentAnswers(),
                transactions, ports.clock(), settings);
    }

    /** A webhook stored and processed at {@code processedAt}; answers its id. */
    private long processedWebhook(Instant processedAt) {
        long id = webhooks.store("whatsapp", new byte[] {'{', '}'}, processedAt, Optional.empty()).id();
        webhooks.markProcessed(id, processedAt);
        return id;
    }

    private Instant ago(Duration age) {
        return now.minus(age);
    }

    private static OutboxMessage reply(String id, Instant at) {
        return OutboxMessage.queue(id, CUSTOMER, MessagePurpose.REPLY, Optional.empty(), Channel.WHATSAPP,
                OutboundContent.text("Invoice INV-7K3Q9X: KES 2,500. Pay with M-PESA."), at);
    }

    /** A message queued, claimed and sent at {@code sentAt}. */
    private void finished(String id, Instant sentAt) {
        ports.outbox().enqueue(reply(id, sentAt));
        ports.outbox().claimDue("claim-" + id, sentAt, Duration.ofMinutes(1), 100).forEach(claimed -> {
            if (!claimed.id().equals(id)) {
                ports.outbox().retryLater(claimed.id(), "claim-" + id, claimed.createdAt(), "put back",
                        claimed.createdAt());
            }
        });
        ports.outbox().markSent(id, "claim-" + id, Channel.WHATSAPP, "wamid." + id, sentAt);
        assertThat(ports.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    private static CheckoutRequestId checkout(int n) {
        return new CheckoutRequestId("ws_CO_0203202606000000" + n);
    }

    private void processedResult(int n, Instant processedAt) {
        ports.paymentResults().store(PaymentResult.fromQuery(checkout(n), StkResult.of(0), processedAt),
                Optional.empty());
        ports.paymentResults().markProcessed(ports.paymentResults().unprocessed(checkout(n)).getFirst().id(),
                processedAt);
    }

    private void idempotencyKeyClaimed(String key, Instant at) {
        ports.idempotentAnswers().claim("stk-initiate", key, "request", at, at);
        ports.idempotentAnswers().complete("stk-initiate", key, new IdempotentAnswers.Answer(202, "{}"), at);
    }

    /** Whether the key is still bound: a different request under it is refused only while it is kept. */
    private boolean idempotencyKeyKept(String key) {
        return ports.idempotentAnswers().claim("stk-initiate", key, "another request", now, now)
                instanceof IdempotentAnswers.Claim.Mismatch;
    }

    private void logEntry(String id, Instant at) {
        ports.messageLog().record(new MessageLogEntry(id, Optional.empty(), Channel.WHATSAPP, Direction.OUT, "sent",
                Optional.of("wamid." + id), Optional.empty(), at));
    }

    /** A session that ended (went back to Idle) at {@code endedAt}, by the store's clock. */
    private void idleSessionSaved(Msisdn merchant, Instant endedAt) {
        Instant today = ports.clock().instant();
        ports.clock().set(endedAt);
        ports.chatSessions().save(new ChatSession(merchant, new ChatState.Idle(), 0));
        ports.clock().set(today);
    }

    private static Outbox outboxWhosePurgeFails(Outbox delegate, Supplier<RuntimeException> failure) {
        return (Outbox) Proxy.newProxyInstance(Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("purgeFinishedBefore")) {
                        throw failure.get();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final class CountingTransactions implements Transactions {
        private final Transactions delegate;
        private final AtomicInteger units = new AtomicInteger();

        CountingTransactions(Transactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            units.incrementAndGet();
            return delegate.inTransaction(work);
        }
    }
}
