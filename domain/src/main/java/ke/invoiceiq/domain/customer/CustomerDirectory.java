package ke.invoiceiq.domain.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;

/**
 * Driven port: the customers a merchant has invoiced, so "invoice Mama Njeri 1200 …" finds the number, and
 * the time each customer last wrote to us (WhatsApp only lets free-form messages through for 24 h after).
 */
public interface CustomerDirectory {

    /** Adds the customer, or updates the name of a known number when a name is given. */
    void remember(Customer customer);

    Optional<Customer> find(Msisdn msisdn);

    /** Every customer whose name equals {@code name}, ignoring case and extra spaces. */
    List<Customer> findByName(String name);

    void recordInbound(Msisdn msisdn, Instant at);

    /**
     * The language this number is written to in, when the merchant chose one ({@link #chooseLanguage}) or we
     * learned it from how they write ({@link #learnLanguage}); empty, the configured default applies.
     */
    Optional<Language> language(Msisdn msisdn);

    /**
     * The merchant's choice ({@code lang 0712345678 sw}): kept until the merchant chooses again, never replaced
     * by what is learned. The number becomes a customer (kept like one), since the merchant named it.
     */
    void chooseLanguage(Msisdn msisdn, Language language);

    /** Learned from the number's own words: taken unless the merchant chose a language for it. */
    void learnLanguage(Msisdn msisdn, Language language);

    Optional<Instant> lastInboundAt(Msisdn msisdn);

    /**
     * Retention: forgets up to {@code limit} numbers that are not customers (they wrote to us, but were never
     * invoiced) and last wrote strictly before {@code cutoff}, and returns how many it forgot. Customers are
     * never forgotten. A forgotten number has no {@link #lastInboundAt} any more, which reads as "outside the
     * 24-hour window", so the cutoff must be at least a day back. A caller that gets {@code limit} back calls
     * again.
     */
    int purgeNonCustomersBefore(Instant cutoff, int limit);

    /**
     * The number replied STOP (or ACHA): no more automatic reminders to it. Kept apart from the customer and never
     * purged, so the wish outlives the retention of a number that only wrote. True when this is news (the number
     * had not stopped them already), so the merchant is told once.
     */
    boolean stopReminders(Msisdn msisdn, Instant at);

    /** The number replied START (or ANZA): automatic reminders again. True when it had stopped them. */
    boolean resumeReminders(Msisdn msisdn);

    /** Whether the number asked for no more automatic reminders. */
    boolean remindersStopped(Msisdn msisdn);
}
