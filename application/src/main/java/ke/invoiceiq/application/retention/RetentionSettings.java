package ke.invoiceiq.application.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of transient data is kept before the purge deletes it, and how many rows one delete takes
 * (each batch is its own short transaction). Ages count from: the first sighting of an inbound event, the last
 * change of a finished outbox message, the processing of a payment result, the recording of a log entry, the
 * last activity of a chat session, and the last message from a number that was never invoiced. Business
 * records (invoices, payments, customers) have no retention here: they are never purged.
 *
 * <p>The floors protect behaviour, not just data: an inbound event forgotten while its provider may still
 * redeliver it would be handled twice (Meta retries webhooks for up to 7 days); an outbox message deleted
 * before its late delivery reports arrive would leave them unmatched, losing the SMS fallback; a number
 * forgotten inside WhatsApp's 24-hour window would get a template where a free-form message was allowed.
 *
 * @param inboundEvents  de-duplication marks of inbound provider events; at least {@link #MIN_INBOUND_EVENTS}
 * @param outbox         SENT and FAILED outbox messages (text and phone number); at least {@link #MIN_OUTBOX}
 * @param paymentResults processed M-PESA results (they carry the payer's phone); unprocessed ones stay
 * @param messageLog     the metadata-only audit trail
 * @param chatSessions   merchant chat sessions that ended (or were abandoned) this long ago
 * @param contacts       numbers that wrote but were never invoiced; at least {@link #MIN_CONTACTS}
 * @param batchSize      rows per delete statement, and so per transaction
 */
public record RetentionSettings(Duration inboundEvents, Duration outbox, Duration paymentResults,
        Duration messageLog, Duration chatSessions, Duration contacts, int batchSize) {

    /** Meta redelivers an unacknowledged webhook for up to 7 days. */
    public static final Duration MIN_INBOUND_EVENTS = Duration.ofDays(7);
    /** Delivery reports (WhatsApp statuses, SMS delivery reports) can arrive days after the send. */
    public static final Duration MIN_OUTBOX = Duration.ofDays(3);
    /** WhatsApp's customer service window. */
    public static final Duration MIN_CONTACTS = Duration.ofDays(1);

    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /**
     * Inbound events 14 days (twice Meta's 7-day redelivery), outbox 14 days (delivery reports come within
     * days; two weeks lets support answer "did the customer get it?"), payment results 30 days (a month to
     * investigate a disputed payment from the raw callback; the payment itself is kept for good), message log
     * 180 days, chat sessions 7 days, contacts 2 days (the 24-hour window and a day's margin), 1 000 rows per
     * batch.
     */
    public static final RetentionSettings DEFAULT = new RetentionSettings(Duration.ofDays(14), Duration.ofDays(14),
            Duration.ofDays(30), Duration.ofDays(180), Duration.ofDays(7), Duration.ofDays(2), DEFAULT_BATCH_SIZE);

    public RetentionSettings {
        requirePositive(inboundEvents, "inboundEvents");
        requirePositive(outbox, "outbox");
        requirePositive(paymentResults, "paymentResults");
        requirePositive(messageLog, "messageLog");
        requirePositive(chatSessions, "chatSessions");
        requirePositive(contacts, "contacts");
        requireAtLeast(inboundEvents, MIN_INBOUND_EVENTS, "inboundEvents");
        requireAtLeast(outbox, MIN_OUTBOX, "outbox");
        requireAtLeast(contacts, MIN_CONTACTS, "contacts");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }

    /** With the {@link #DEFAULT_BATCH_SIZE}. */
    public RetentionSettings(Duration inboundEvents, Duration outbox, Duration paymentResults, Duration messageLog,
            Duration chatSessions, Duration contacts) {
        this(inboundEvents, outbox, paymentResults, messageLog, chatSessions, contacts, DEFAULT_BATCH_SIZE);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void requireAtLeast(Duration d, Duration floor, String name) {
        if (d.compareTo(floor) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + floor + ": " + d);
        }
    }
}
