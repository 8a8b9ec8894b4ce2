package ke.invoiceiq.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Every {@code invoiceiq.*} setting, with its default. Read only here, at the edge: {@link SettingsProducers}
 * turns it into the plain settings records of the core, which never sees a configuration key.
 *
 * <p>Durations take the ISO-8601 form ({@code PT2M}) or Quarkus' short form ({@code 2m}). The environment
 * names of the deployment (e.g. {@code MERCHANT_MSISDN}) are mapped onto these keys in
 * {@code application.properties}; any key can also be set directly, e.g. {@code INVOICEIQ_PAYMENT_COOLDOWN=PT3M}.
 */
@ConfigMapping(prefix = "invoiceiq")
public interface InvoiceIqConfig {

    /**
     * The public base URL of this service, which pay links start with ({@code BASE_URL}, e.g.
     * {@code https://pay.example.co.ke}); a trailing slash is ignored.
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    Merchant merchant();

    Customer customer();

    Payment payment();

    Dispatch dispatch();

    Reminder reminder();

    Invoice invoice();

    DailySummary dailySummary();

    Chat chat();

    Jobs jobs();

    Retention retention();

    Metrics metrics();

    Sandbox sandbox();

    /** Who the merchant is. */
    interface Merchant {

        /**
         * The merchant's staff numbers: the WhatsApp numbers allowed to create, remind and cancel invoices
         * ({@code MERCHANT_MSISDN}, comma-separated, any form {@code Msisdn.parse} accepts). In dev and test the
         * default is a sandbox number that belongs to nobody; prod requires {@code MERCHANT_MSISDN}.
         */
        @WithDefault("254700000001")
        List<String> numbers();

        /** The business name customers see on invoices and receipts ({@code MERCHANT_NAME}). */
        @WithDefault("InvoiceIQ")
        String businessName();

        /** The language of the bot's replies to the merchant's staff: {@code en} or {@code sw} ({@code MERCHANT_LANGUAGE}). */
        @WithDefault("en")
        String language();
    }

    /** The merchant's customers. */
    interface Customer {

        /**
         * A customer's language when the merchant named none (neither {@code invoice … sw} nor {@code lang <phone> sw})
         * and the customer has not written in Swahili: {@code en} or {@code sw} ({@code CUSTOMER_DEFAULT_LANGUAGE}).
         */
        @WithDefault("en")
        String defaultLanguage();
    }

    /** Timing of M-PESA STK attempts and of their reconciliation. */
    interface Payment {

        /**
         * How long a customer waits for a new STK attempt after one that ended for a reason that asks for a pause
         * (they cancelled it, the phone was unreachable, M-PESA's 2-minute same-amount rule); after the other
         * reasons a new attempt may start at once.
         */
        @WithDefault("PT2M")
        Duration cooldown();

        /** How old an unanswered STK attempt gets before the reconciler asks Daraja about it (STK query). */
        @WithDefault("PT60S")
        Duration queryAfter();

        /**
         * How old an STK attempt still unanswered gets before it is given up as EXPIRED, its outcome unknown
         * (≥ query-after; longer than an M-PESA prompt lives on the phone). A late callback still pays the invoice.
         */
        @WithDefault("PT5M")
        Duration expireAfter();

        /** How many unanswered attempts one reconciliation run looks at. */
        @WithDefault("50")
        int reconcileBatch();

        /**
         * How far from an M-PESA payment's time an attempt Daraja never named (push timed out or failed with a 5xx)
         * may have started and still be matched to it by payer and amount (≥ expire-after).
         */
        @WithDefault("PT15M")
        Duration matchWindow();

        /** How long one reconciler instance holds the attempts it claimed before another may take them. */
        @WithDefault("PT5M")
        Duration reconcileLease();
    }

    /** The outbox dispatcher: batching, claims, retries, sends in flight. */
    interface Dispatch {

        /** How many queued messages one claim takes; a run claims again while a claim comes back full. */
        @WithDefault("50")
        int batchSize();

        /**
         * How many sends one instance has in flight at once ({@code INVOICEIQ_DISPATCH_CONCURRENCY}): with the
         * provider answering in 300 ms and the database work around each send, the number's 80 a second need some 32.
         */
        @WithDefault("32")
        int concurrency();

        /**
         * How long a claim holds before another instance may take the message over; renewed just before each send,
         * so it must outlast one send (the Graph call's time-out and inline retries), not a whole batch.
         */
        @WithDefault("PT60S")
        Duration lease();

        /**
         * How many real tries a message gets before it is given up (or falls back to SMS); waiting for a turn, the
         * throughput or an open breaker is no try.
         */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed try; it doubles with every further failure. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        /** The longest wait between two tries. */
        @WithDefault("PT30M")
        Duration maxBackoff();
    }

    /** How often a merchant may remind a customer about one invoice. */
    interface Reminder {

        /** The shortest time between two reminders of the same invoice. */
        @WithDefault("PT1H")
        Duration minInterval();

        /** How many reminders one invoice may get. */
        @WithDefault("5")
        int maxReminders();

        /**
         * The automatic reminders: days after the due date, rising (0 is the due date itself). Manual and automatic
         * reminders share {@link #maxReminders()}.
         */
        @WithDefault("0,3,7")
        List<Integer> autoDays();

        /** Automatic reminders go out from this time of day, East Africa Time ({@code HH:mm}). */
        @WithDefault("08:00")
        String sendFrom();

        /** … and until this one (excluded). */
        @WithDefault("20:00")
        String sendUntil();
    }

    /** Invoices' terms. */
    interface Invoice {

        /** An invoice given no due date is due this many days after it is issued; 0 gives it none. */
        @WithDefault("7")
        int defaultTermsDays();
    }

    /** The merchant's daily summary. */
    interface DailySummary {

        /** When it is sent, East Africa Time ({@code HH:mm}); {@code off} sends none. */
        @WithDefault("19:00")
        String at();
    }

    /** The merchant's guided chat flow: when a quiet merchant is nudged and when the draft is dropped. */
    interface Chat {

        /** Silence after which the merchant gets one "Still there?" nudge. */
        @WithDefault("PT5M")
        Duration nudgeAfter();

        /** Silence after which the session is closed and the draft dropped (longer than nudge-after). */
        @WithDefault("PT15M")
        Duration closeAfter();

        /** How many sessions one expiry run looks at. */
        @WithDefault("200")
        int expiryBatch();
    }

    /**
     * How often each scheduled job runs ({@code ke.invoiceiq.bootstrap.jobs.ScheduledJobs} reads these keys):
     * Quarkus' interval form ({@code 2s}, {@code 1h}) or {@code off}, which disables the job.
     */
    interface Jobs {

        /** The outbox dispatcher; it only takes what is due, so a short interval costs one query. */
        @WithDefault("2s")
        String dispatchEvery();

        /** The 5-minute nudge and 15-minute close of quiet guided chats are only as exact as this interval. */
        @WithDefault("30s")
        String chatExpiryEvery();

        /** STK attempts without a callback: queried after a minute, expired after five. */
        @WithDefault("30s")
        String reconcileEvery();

        /** The retention purge (docs/data-retention.md). */
        @WithDefault("1h")
        String retentionEvery();

        /** Automatic reminders: how late after 08:00 (or a step's day starting) a reminder may go out. */
        @WithDefault("5m")
        String dueRemindersEvery();

        /** The daily summary: how late after its hour it may go out. */
        @WithDefault("5m")
        String dailySummaryEvery();
    }

    /** How long transient data is kept before the purge deletes it (docs/data-retention.md explains each). */
    interface Retention {

        /** Marks of inbound provider message ids, which make a webhook redelivery a no-op (at least 7 days). */
        @WithDefault("P14D")
        Duration inboundEvents();

        /** Sent or failed outbox messages, after their last change (at least 3 days). */
        @WithDefault("P14D")
        Duration outbox();

        /** Raw M-PESA callbacks after they were applied (the payment row keeps receipt and amount). */
        @WithDefault("P30D")
        Duration paymentResults();

        /** The message log's metadata (no text, no numbers). */
        @WithDefault("P180D")
        Duration messageLog();

        /** Chat sessions nobody has touched since. */
        @WithDefault("P7D")
        Duration chatSessions();

        /** Numbers that wrote to the business but were never invoiced (at least 1 day). */
        @WithDefault("P2D")
        Duration contacts();

        /** Rows deleted per transaction. */
        @WithDefault("1000")
        int batchSize();
    }

    /**
     * The offline sandbox ({@code adapters/sandbox}): simulated WhatsApp, SMS and M-PESA plus the phone simulator at
     * {@code /sandbox}, for development and demos without provider accounts. The sandbox module reads these keys
     * itself ({@code SandboxConfiguration}, same defaults); they are declared here because this mapping owns every
     * {@code invoiceiq.*} key.
     */
    interface Sandbox {

        /**
         * Whether the sandbox is on ({@code INVOICEIQ_SANDBOX}): each provider port whose real provider is not
         * configured is then served by its simulator, and {@code /sandbox} exists. On by default in the {@code dev}
         * profile only; the {@code prod} profile refuses to start with it on.
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * Numbers starting with one of these (any form: {@code 25479}, {@code 079}) are not on the simulated
         * WhatsApp: every WhatsApp send to them fails with 131026, so the SMS fallback shows.
         */
        @WithDefault("25479")
        List<String> noWhatsappPrefixes();

        /** How long a simulated M-PESA prompt waits for an answer on the page before the amount rule answers it. */
        @WithDefault("PT20S")
        Duration stkAutoAnswerAfter();

        /** How long after the prompt is answered the simulated Daraja callback arrives. */
        @WithDefault("PT2S")
        Duration callbackDelay();

        /** The gap between a simulated send and each of its status events (sent, delivered, read). */
        @WithDefault("PT1S")
        Duration statusDelay();

        /** Messages the phone simulator keeps per phone number. */
        @WithDefault("200")
        int history();
    }

    /** The Prometheus metrics at {@code /q/metrics} (docs/observability.md). */
    interface Metrics {

        /**
         * How often {@code invoiceiq_outbox_pending} is recounted: a scrape reads the last count and never
         * queries the database. Quarkus' interval form, or {@code off}.
         */
        @WithDefault("15s")
        String outboxRefresh();

        /** How often {@code invoiceiq_unmatched_payments_open} is recounted, like {@link #outboxRefresh()}. */
        @WithDefault("15s")
        String unmatchedRefresh();

        /** How often {@code invoiceiq_webhook_backlog_age_seconds} is recounted, like {@link #outboxRefresh()}. */
        @WithDefault("15s")
        String webhookBacklogRefresh();
    }
}
