package ke.invoiceiq.adapters.memory.contract;

import static ke.invoiceiq.adapters.memory.contract.Fixtures.at;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoice;
import static ke.invoiceiq.adapters.memory.contract.Fixtures.invoiceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.Direction;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.MessageLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageLog} must do: the entries of one invoice come back in time order. The retention
 * purge deletes entries of strictly before the cutoff (one exactly at it stays), at most {@code limit} per
 * call, and answers how many it deleted.
 */
public abstract class MessageLogContract {

    /** An empty log; called once before each test, before {@link #invoices()}. */
    protected abstract MessageLog log();

    /** Where the invoices that entries refer to are added (a database checks the reference). */
    protected abstract InvoiceRepository invoices();

    private MessageLog log;

    @BeforeEach
    void startEmpty() {
        log = log();
        invoices().add(invoice(1, at(0)));
        invoices().add(invoice(2, at(0)));
    }

    @Test
    void listsTheEntriesOfOneInvoiceInTimeOrder() {
        MessageLogEntry delivered = entry("e-1", Optional.of(invoiceId(1)), "delivered", at(20));
        MessageLogEntry sent = new MessageLogEntry("e-2", Optional.of(invoiceId(1)), Channel.WHATSAPP, Direction.OUT,
                "sent", Optional.of("wamid.1"), Optional.empty(), at(10));
        MessageLogEntry failed = new MessageLogEntry("e-3", Optional.of(invoiceId(1)), Channel.SMS, Direction.OUT,
                "failed", Optional.of("ATXid_1"), Optional.of("UserInBlacklist"), at(30));
        log.record(delivered);
        log.record(sent);
        log.record(failed);
        log.record(entry("e-4", Optional.of(invoiceId(2)), "sent", at(15)));
        log.record(entry("e-5", Optional.empty(), "received", at(16)));

        assertThat(log.forInvoice(invoiceId(1))).containsExactly(sent, delivered, failed);
        assertThat(log.forInvoice(invoiceId(2))).extracting(MessageLogEntry::id).containsExactly("e-4");
        assertThat(log.forInvoice(invoiceId(3))).isEmpty();
    }

    @Test
    void givenEntriesBeforeAtAndAfterTheCutoff_whenPurged_thenOnlyTheOlderAreDeletedAndCounted() {
        MessageLogEntry atCutoff = entry("e-3", Optional.of(invoiceId(1)), "delivered", at(100));
        MessageLogEntry after = entry("e-4", Optional.of(invoiceId(1)), "read", at(101));
        log.record(entry("e-1", Optional.of(invoiceId(1)), "sent", at(10)));
        log.record(entry("e-2", Optional.empty(), "received", at(99)));
        log.record(atCutoff);
        log.record(after);
        log.record(entry("e-5", Optional.of(invoiceId(2)), "sent", at(50)));

        assertThat(log.purgeBefore(at(100), 100)).isEqualTo(3);

        assertThat(log.forInvoice(invoiceId(1))).containsExactly(atCutoff, after);
        assertThat(log.forInvoice(invoiceId(2))).isEmpty();
        assertThat(log.purgeBefore(at(100), 100)).isZero();
    }

    @Test
    void givenMoreExpiredEntriesThanTheLimit_whenPurgedRepeatedly_thenEachCallDeletesAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            log.record(entry("e-" + i, Optional.of(invoiceId(1)), "sent", at(i)));
        }

        assertThat(log.purgeBefore(at(100), 0)).isZero();
        assertThatThrownBy(() -> log.purgeBefore(at(100), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(log.forInvoice(invoiceId(1))).hasSize(3);
        assertThat(log.purgeBefore(at(100), 2)).isEqualTo(2);
        assertThat(log.purgeBefore(at(100), 2)).isEqualTo(1);
        assertThat(log.purgeBefore(at(100), 2)).isZero();
        assertThat(log.forInvoice(invoiceId(1))).isEmpty();
    }

    private static MessageLogEntry entry(String id, Optional<InvoiceId> invoice, String event, Instant at) {
        return new MessageLogEntry(id, invoice, Channel.WHATSAPP, Direction.IN, event, Optional.empty(),
                Optional.empty(), at);
    }
}
