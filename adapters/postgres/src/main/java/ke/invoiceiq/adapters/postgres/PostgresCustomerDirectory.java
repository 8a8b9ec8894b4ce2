package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.shared.Text;

/**
 * Customers in {@code customers}, written by upserts so concurrent webhooks never collide. The last inbound
 * time only moves forward ({@code GREATEST}); it is kept for any number that writes, without making that
 * number a customer. The retention purge forgets numbers that only wrote, one bounded batch per call. Every
 * method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresCustomerDirectory implements CustomerDirectory {

    private final Sql sql;

    @Inject
    PostgresCustomerDirectory(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void remember(Customer customer) {
        Optional<String> name = customer.name().map(CustomerName::value);
        sql.update("""
                INSERT INTO customers (msisdn, name, name_key, is_customer) VALUES (?, ?, ?, true)
                ON CONFLICT (msisdn) DO UPDATE
                   SET name = coalesce(excluded.name, customers.name),
                       name_key = coalesce(excluded.name_key, customers.name_key),
                       is_customer = true,
                       updated_at = now()
                """, customer.msisdn().value(), name, name.map(PostgresCustomerDirectory::nameKey));
    }

    @Override
    public Optional<Customer> find(Msisdn msisdn) {
        return sql.detached(CustomerEntity.<CustomerEntity>find("msisdn = ?1 and customer = true", msisdn.value())
                .firstResultOptional()).map(PostgresCustomerDirectory::toDomain);
    }

    /** Ordered by number, so the answer is stable. */
    @Override
    public List<Customer> findByName(String name) {
        String key = nameKey(name);
        if (key.isEmpty()) {
            return List.of();
        }
        return sql.detached(CustomerEntity.<CustomerEntity>list("customer = true and nameKey = ?1", Sort.by("msisdn"),
                key)).stream().map(PostgresCustomerDirectory::toDomain).toList();
    }

    @Override
    public void recordInbound(Msisdn msisdn, Instant at) {
        sql.update("""
                INSERT INTO customers (msisdn, last_inbound_at) VALUES (?, ?)
                ON CONFLICT (msisdn) DO UPDATE
                   SET last_inbound_at = greatest(customers.last_inbound_at, excluded.last_inbound_at),
                       updated_at = now()
                """, msisdn.value(), at);
    }

    @Override
    public Optional<Instant> lastInboundAt(Msisdn msisdn) {
        return sql.detached(CustomerEntity.<CustomerEntity>findByIdOptional(msisdn.value()))
                .map(c -> c.lastInboundAt);
    }

    @Override
    public Optional<Language> language(Msisdn msisdn) {
        return sql.detached(CustomerEntity.<CustomerEntity>findByIdOptional(msisdn.value()))
                .flatMap(c -> Language.fromTag(c.language));
    }

    @Override
    public void chooseLanguage(Msisdn msisdn, Language language) {
        sql.update("""
                INSERT INTO customers (msisdn, is_customer, language, language_chosen) VALUES (?, true, ?, true)
                ON CONFLICT (msisdn) DO UPDATE
                   SET is_customer = true,
                       language = excluded.language,
                       language_chosen = true,
                       updated_at = now()
                """, msisdn.value(), language.tag());
    }

    /** The conflict's update is skipped for a row whose language the merchant chose. */
    @Override
    public void learnLanguage(Msisdn msisdn, Language language) {
        sql.update("""
                INSERT INTO customers (msisdn, language) VALUES (?, ?)
                ON CONFLICT (msisdn) DO UPDATE
                   SET language = excluded.language,
                       updated_at = now()
                 WHERE NOT customers.language_chosen
                """, msisdn.value(), language.tag());
    }

    /**
     * One DELETE of at most {@code limit} rows that are not customers, picked through
     * {@code customers_contacts_inbound_idx} and locked with {@code SKIP LOCKED}; the conditions are checked on
     * the locked row, so a number being made a customer or writing again right now stays.
     */
    @Override
    public int purgeNonCustomersBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT msisdn
                      FROM customers
                     WHERE NOT is_customer AND last_inbound_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM customers c
                 USING batch
                 WHERE c.msisdn = batch.msisdn AND NOT c.is_customer AND c.last_inbound_at < ?
                """, cutoff, limit, cutoff);
    }

    /** {@code reminder_opt_outs} (V13): one row per number that said STOP; the insert that wins is the news. */
    @Override
    public boolean stopReminders(Msisdn msisdn, Instant at) {
        return sql.update("""
                INSERT INTO reminder_opt_outs (msisdn, stopped_at) VALUES (?, ?) ON CONFLICT (msisdn) DO NOTHING
                """, msisdn.value(), at) == 1;
    }

    @Override
    public boolean resumeReminders(Msisdn msisdn) {
        return sql.update("DELETE FROM reminder_opt_outs WHERE msisdn = ?", msisdn.value()) == 1;
    }

    @Override
    public boolean remindersStopped(Msisdn msisdn) {
        return !sql.query("SELECT 1 AS one FROM reminder_opt_outs WHERE msisdn = ?", rs -> 1, msisdn.value())
                .isEmpty();
    }

    /**
     * The look-up form of a name: whitespace squashed as {@link CustomerName} does, each character folded as
     * {@link String#equalsIgnoreCase} compares it, so the database finds what {@link CustomerName#sameAs} accepts.
     */
    static String nameKey(String name) {
        var folded = new StringBuilder();
        Text.squash(name).codePoints()
                .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }

    private static Customer toDomain(CustomerEntity e) {
        return new Customer(new Msisdn(e.msisdn), Optional.ofNullable(e.name).map(CustomerName::new));
    }
}
