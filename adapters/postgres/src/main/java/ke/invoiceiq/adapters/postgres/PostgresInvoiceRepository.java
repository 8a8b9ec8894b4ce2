package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.due.DayCounts;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.StatsSummary;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Invoices in {@code invoices}, each with its attempts in {@code payments} ({@link AttemptRows}) and the money
 * recorded outside M-PESA in {@code outside_payments} ({@link OutsidePaymentRows}): the aggregate is read and written
 * whole. An update is one {@code UPDATE … WHERE id = ? AND version = ?} of the invoice row, then
 * one upsert per attempt: a concurrent writer blocks on the invoice row, then finds the version moved and loses
 * with {@link ConcurrentUpdateException}. Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresInvoiceRepository implements InvoiceRepository, InvoiceStatistics {

    private final Sql sql;
    private final AttemptRows attempts;
    private final OutsidePaymentRows outside;

    @Inject
    PostgresInvoiceRepository(Sql sql) {
        this.sql = sql;
        this.attempts = new AttemptRows(sql);
        this.outside = new OutsidePaymentRows(sql);
    }

    /**
     * One {@code INSERT … ON CONFLICT DO NOTHING}: a taken id, pay token or creation key is answered without
     * failing the caller's transaction (nothing was written, so it is not marked for rollback either), and a request
     * that lost the race for its creation key can read the winner in the same unit of work.
     *
     * @throws IllegalArgumentException when the invoice has attempts already: they are added by {@link #update}
     * @throws IllegalStateException when the id, the pay token or the creation key is taken
     */
    @Override
    @Transactional(dontRollbackOn = IllegalStateException.class)
    public void add(Invoice invoice, Optional<IdempotencyKey> creationKey) {
        if (!invoice.payments().isEmpty() || !invoice.paidOutside().isEmpty()) {
            throw new IllegalArgumentException("a new invoice has no payments yet: " + invoice.id());
        }
        int inserted = sql.update("""
                INSERT INTO invoices (id, customer_name, msisdn, amount_cents, currency, description, status,
                                      created_at, pay_token, sent_at, paid_at, cancelled_at, delivery_channel,
                                      mpesa_receipt, reminder_count, last_reminded_at, amount_paid_cents,
                                      creation_key, due_date, language, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                invoice.id().value(),
                invoice.customer().name().map(CustomerName::value),
                invoice.customer().msisdn().value(),
                invoice.amount().cents(),
                Amount.CURRENCY,
                invoice.description().value(),
                invoice.status(),
                invoice.createdAt(),
                invoice.payToken().value(),
                invoice.sentAt(),
                invoice.paidAt(),
                invoice.cancelledAt(),
                invoice.deliveryChannel().map(Channel::name),
                invoice.receipt().map(MpesaReceipt::value),
                invoice.reminderCount(),
                invoice.lastRemindedAt(),
                invoice.paid().cents(),
                creationKey.map(IdempotencyKey::value),
                invoice.dueDate(),
                invoice.language().tag(),
                invoice.version());
        if (inserted == 0) {
            throw new IllegalStateException(exists(invoice.id())
                    ? "invoice " + invoice.id() + " exists already"
                    : "the pay token or the creation key of invoice " + invoice.id() + " is taken");
        }
    }

    @Override
    public Optional<Invoice> findByCreationKey(IdempotencyKey creationKey) {
        return consistently(() -> sql.detached(InvoiceEntity.<InvoiceEntity>find("creationKey", creationKey.value())
                .firstResultOptional()));
    }

    /**
     * @throws ConcurrentUpdateException when the stored version is not {@code invoice.version()}, or an attempt's
     *         idempotency key was taken by another invoice's attempt (the transaction cannot go on: retry the unit
     *         of work in a new one)
     * @throws IllegalStateException when the invoice was never added, or an attempt's id, CheckoutRequestID or
     *         receipt is another attempt's
     * @throws IllegalArgumentException when the pay token would change, or a stored attempt would disappear or
     *         change what it asked
     */
    @Override
    public Invoice update(Invoice invoice) {
        int updated = sql.update("""
                UPDATE invoices
                   SET customer_name = ?, msisdn = ?, amount_cents = ?, description = ?, status = ?,
                       sent_at = ?, paid_at = ?, cancelled_at = ?, delivery_channel = ?, mpesa_receipt = ?,
                       reminder_count = ?, last_reminded_at = ?, amount_paid_cents = ?, due_date = ?, language = ?,
                       updated_at = now(),
                       version = version + 1
                 WHERE id = ? AND version = ? AND pay_token = ?
                """,
                invoice.customer().name().map(CustomerName::value),
                invoice.customer().msisdn().value(),
                invoice.amount().cents(),
                invoice.description().value(),
                invoice.status(),
                invoice.sentAt(),
                invoice.paidAt(),
                invoice.cancelledAt(),
                invoice.deliveryChannel().map(Channel::name),
                invoice.receipt().map(MpesaReceipt::value),
                invoice.reminderCount(),
                invoice.lastRemindedAt(),
                invoice.paid().cents(),
                invoice.dueDate(),
                invoice.language().tag(),
                invoice.id().value(),
                invoice.version(),
                invoice.payToken().value());
        if (updated == 1) {
            attempts.write(invoice);
            outside.write(invoice);
            return invoice.withVersion(invoice.version() + 1);
        }
        InvoiceEntity stored = sql.detached(InvoiceEntity.<InvoiceEntity>findById(invoice.id().value()));
        if (stored == null) {
            throw new IllegalStateException("no invoice " + invoice.id() + " to update");
        }
        if (stored.version != invoice.version()) {
            throw new ConcurrentUpdateException("invoice " + invoice.id());
        }
        throw new IllegalArgumentException("the pay token of invoice " + invoice.id() + " cannot change");
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        return consistently(() -> sql.detached(InvoiceEntity.<InvoiceEntity>findByIdOptional(id.value())));
    }

    @Override
    public Optional<Invoice> findByPayToken(PayToken token) {
        return consistently(() -> sql.detached(InvoiceEntity.<InvoiceEntity>find("payToken", token.value())
                .firstResultOptional()));
    }

    /**
     * Newest first; invoices created at the same instant by id, descending. A page after a cursor is the
     * rows strictly below it in that order, which the indexes on {@code (created_at DESC, id DESC)} and
     * {@code (status, created_at DESC, id DESC)} serve directly.
     */
    @Override
    public List<Invoice> latest(Optional<InvoiceStatus> status, Optional<InvoiceCursor> after, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        Sort newestFirst = Sort.descending("createdAt", "id");
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        status.ifPresent(s -> {
            where.add("status = :status");
            params.put("status", s.name());
        });
        after.ifPresent(cursor -> {
            where.add("(createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            params.put("createdAt", cursor.createdAt());
            params.put("id", cursor.id().value());
        });
        var query = where.isEmpty()
                ? InvoiceEntity.<InvoiceEntity>findAll(newestFirst)
                : InvoiceEntity.<InvoiceEntity>find(String.join(" and ", where), newestFirst, params);
        List<InvoiceEntity> page = sql.detached(query.range(0, limit - 1).list());
        List<String> ids = page.stream().map(e -> e.id).toList();
        Map<String, List<Payment>> attemptsOf = attempts.of(ids);
        Map<String, List<PaidOutside>> outsideOf = outside.of(ids);
        Map<String, Long> versions = versionsOf(ids);
        return page.stream()
                .map(e -> versions.getOrDefault(e.id, e.version) == e.version
                        ? InvoiceMapper.toDomain(e, attemptsOf.getOrDefault(e.id, List.of()),
                                outsideOf.getOrDefault(e.id, List.of()))
                        : find(new InvoiceId(e.id)).orElseThrow())
                .toList();
    }

    @Override
    public List<Invoice> openDueBy(LocalDate day, Optional<InvoiceId> after, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        var params = new HashMap<String, Object>();
        params.put("day", day);
        params.put("open", List.of(InvoiceStatus.PENDING.name(), InvoiceStatus.SENT.name(),
                InvoiceStatus.FAILED.name()));
        params.put("after", after.map(InvoiceId::value).orElse(""));
        List<String> ids = sql.detached(InvoiceEntity.<InvoiceEntity>find(
                        "status in :open and dueDate <= :day and id > :after", Sort.ascending("id"), params)
                .range(0, limit - 1).list()).stream().map(e -> e.id).toList();
        // each read whole and consistent with its payments, as find does
        return ids.stream().map(id -> find(new InvoiceId(id))).flatMap(Optional::stream).toList();
    }

    @Override
    public DayCounts between(Instant from, Instant to) {
        return sql.query("""
                SELECT (SELECT count(*) FROM invoices WHERE created_at >= ? AND created_at < ?) AS issued,
                       (SELECT count(*) FROM invoices WHERE status = 'PAID' AND paid_at >= ? AND paid_at < ?) AS paid
                """, rs -> new DayCounts(rs.getLong("issued"), rs.getLong("paid")),
                from, to, from, to).getFirst();
    }

    @Override
    public boolean exists(InvoiceId id) {
        return InvoiceEntity.count("id", id.value()) > 0;
    }

    /** How often a read is taken again when a writer commits between its two statements. */
    private static final int READS = 5;

    /**
     * The invoice row and its payment rows as one consistent state. They are two statements, and each sees what was
     * committed when it began, so a writer committing between them would pair the invoice of one version with the
     * attempts of the next. Attempts are only ever written together with a new version of their invoice, so reading
     * the version once more after the attempts tells: unchanged, the two reads belong together; changed, read again.
     *
     * @throws ConcurrentUpdateException when writers keep committing in between (the caller's unit of work retries)
     */
    private Optional<Invoice> consistently(Supplier<Optional<InvoiceEntity>> read) {
        for (int attempt = 0; attempt < READS; attempt++) {
            Optional<InvoiceEntity> row = read.get();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            InvoiceEntity e = row.get();
            List<Payment> rows = attempts.of(e.id);
            List<PaidOutside> outsideRows = outside.of(List.of(e.id)).getOrDefault(e.id, List.of());
            if (versionsOf(List.of(e.id)).getOrDefault(e.id, e.version) == e.version) {
                return Optional.of(InvoiceMapper.toDomain(e, rows, outsideRows));
            }
        }
        throw new ConcurrentUpdateException("invoice read while it kept changing");
    }

    private Map<String, Long> versionsOf(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> versions = new HashMap<>();
        sql.query("SELECT id, version FROM invoices WHERE id = ANY (?)",
                rs -> versions.put(rs.getString("id"), rs.getLong("version")), (Object) ids.toArray(String[]::new));
        return versions;
    }

    /**
     * Computed by the database in two statements. Time to pay is paid − sent, or paid − created for an invoice
     * paid before any channel accepted it, in microseconds (the timestamps' precision), so the mean is exact
     * and the median ({@code percentile_cont(0.5)}) is the mean of the two middle values for an even count.
     */
    @Override
    public StatsSummary summarize() {
        var counts = new EnumMap<InvoiceStatus, Long>(InvoiceStatus.class);
        sql.query("SELECT status, count(*) AS n FROM invoices GROUP BY status",
                rs -> counts.put(InvoiceStatus.valueOf(rs.getString("status")), rs.getLong("n")));
        return sql.query("""
                SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)              AS sent,
                       count(*) FILTER (WHERE status = 'PAID')                 AS paid,
                       sum(micros) FILTER (WHERE status = 'PAID')              AS total_micros,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY micros)
                           FILTER (WHERE status = 'PAID')                      AS median_micros
                  FROM (SELECT status, sent_at,
                               ((extract(epoch FROM paid_at) - extract(epoch FROM coalesce(sent_at, created_at)))
                                   * 1000000)::bigint AS micros
                          FROM invoices) AS t
                """, rs -> {
                    long paid = rs.getLong("paid");
                    Optional<Duration> mean = Optional.empty();
                    Optional<Duration> median = Optional.empty();
                    if (paid > 0) {
                        mean = Optional.of(Duration.ofNanos(rs.getLong("total_micros") * 1_000).dividedBy(paid));
                        long medianNanos = BigDecimal.valueOf(rs.getDouble("median_micros")).movePointRight(3)
                                .setScale(0, RoundingMode.DOWN).longValueExact();
                        median = Optional.of(Duration.ofNanos(medianNanos));
                    }
                    return new StatsSummary(counts, rs.getLong("sent"), paid, mean, median);
                }).getFirst();
    }
}
