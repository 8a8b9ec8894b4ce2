package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.invoice.StatsSummary;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Invoices in {@code invoices}. An update is one {@code UPDATE … WHERE id = ? AND version = ?}: a concurrent
 * writer blocks on the row, then finds the version moved and loses with {@link ConcurrentUpdateException}.
 * Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresInvoiceRepository implements InvoiceRepository, InvoiceStatistics {

    private final Sql sql;

    @Inject
    PostgresInvoiceRepository(Sql sql) {
        this.sql = sql;
    }

    /** @throws IllegalStateException when the id or the pay token is taken (a programming error) */
    @Override
    public void add(Invoice invoice) {
        if (exists(invoice.id())) {
            throw new IllegalStateException("invoice " + invoice.id() + " exists already");
        }
        if (InvoiceEntity.count("payToken", invoice.payToken().value()) > 0) {
            throw new IllegalStateException("pay token of invoice " + invoice.id() + " is taken");
        }
        try {
            sql.insert(InvoiceMapper.toEntity(invoice));
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new IllegalStateException("invoice " + invoice.id() + " or its pay token exists already", e);
            }
            throw e;
        }
    }

    /**
     * @throws ConcurrentUpdateException when the stored version is not {@code invoice.version()}
     * @throws IllegalStateException when the invoice was never added
     * @throws IllegalArgumentException when the pay token would change
     */
    @Override
    public Invoice update(Invoice invoice) {
        int updated = sql.update("""
                UPDATE invoices
                   SET customer_name = ?, msisdn = ?, amount_cents = ?, description = ?, status = ?,
                       sent_at = ?, paid_at = ?, cancelled_at = ?, delivery_channel = ?, mpesa_receipt = ?,
                       reminder_count = ?, last_reminded_at = ?, updated_at = now(), version = version + 1
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
                invoice.id().value(),
                invoice.version(),
                invoice.payToken().value());
        if (updated == 1) {
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
        return sql.detached(InvoiceEntity.<InvoiceEntity>findByIdOptional(id.value())).map(InvoiceMapper::toDomain);
    }

    @Override
    public Optional<Invoice> findByPayToken(PayToken token) {
        return sql.detached(InvoiceEntity.<InvoiceEntity>find("payToken", token.value()).firstResultOptional())
                .map(InvoiceMapper::toDomain);
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
        return sql.detached(query.range(0, limit - 1).list()).stream().map(InvoiceMapper::toDomain).toList();
    }

    @Override
    public boolean exists(InvoiceId id) {
        return InvoiceEntity.count("id", id.value()) > 0;
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
