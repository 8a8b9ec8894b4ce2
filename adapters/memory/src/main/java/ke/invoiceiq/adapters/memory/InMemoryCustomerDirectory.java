package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * Customers by number. The last inbound time only moves forward, because webhooks arrive out of order; it
 * is kept for any number that writes, invoiced or not, without making that number a customer.
 */
public final class InMemoryCustomerDirectory implements CustomerDirectory {

    private final Map<Msisdn, Customer> customers = new HashMap<>();
    private final Map<Msisdn, Instant> lastInbound = new HashMap<>();
    private final Map<Msisdn, Language> chosen = new HashMap<>();
    private final Map<Msisdn, Language> learned = new HashMap<>();
    private final Map<Msisdn, Instant> remindersStopped = new HashMap<>();

    @Override
    public synchronized boolean stopReminders(Msisdn msisdn, Instant at) {
        return remindersStopped.putIfAbsent(msisdn, at) == null;
    }

    @Override
    public synchronized boolean resumeReminders(Msisdn msisdn) {
        return remindersStopped.remove(msisdn) != null;
    }

    @Override
    public synchronized boolean remindersStopped(Msisdn msisdn) {
        return remindersStopped.containsKey(msisdn);
    }

    @Override
    public synchronized void remember(Customer customer) {
        customers.merge(customer.msisdn(), customer,
                (known, update) -> update.name().isPresent() ? update : known);
    }

    @Override
    public synchronized Optional<Customer> find(Msisdn msisdn) {
        return Optional.ofNullable(customers.get(msisdn));
    }

    /** Ordered by number, so the answer is stable. */
    @Override
    public synchronized List<Customer> findByName(String name) {
        return customers.values().stream()
                .filter(c -> c.name().isPresent() && c.name().get().sameAs(name))
                .sorted(Comparator.comparing(c -> c.msisdn().value()))
                .toList();
    }

    @Override
    public synchronized void recordInbound(Msisdn msisdn, Instant at) {
        lastInbound.merge(msisdn, at, (known, update) -> update.isAfter(known) ? update : known);
    }

    @Override
    public synchronized Optional<Instant> lastInboundAt(Msisdn msisdn) {
        return Optional.ofNullable(lastInbound.get(msisdn));
    }

    @Override
    public synchronized Optional<Language> language(Msisdn msisdn) {
        return Optional.ofNullable(chosen.get(msisdn)).or(() -> Optional.ofNullable(learned.get(msisdn)));
    }

    @Override
    public synchronized void chooseLanguage(Msisdn msisdn, Language language) {
        Objects.requireNonNull(language, "language");
        customers.putIfAbsent(msisdn, Customer.of(msisdn));
        chosen.put(msisdn, language);
    }

    @Override
    public synchronized void learnLanguage(Msisdn msisdn, Language language) {
        learned.put(msisdn, Objects.requireNonNull(language, "language"));
    }

    /** Numbers that only wrote, the longest silent first; customers always stay. */
    @Override
    public synchronized int purgeNonCustomersBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = lastInbound.entrySet().stream()
                .filter(e -> !customers.containsKey(e.getKey()) && e.getValue().isBefore(cutoff))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(lastInbound::remove);
        expired.forEach(learned::remove);
        return expired.size();
    }
}
