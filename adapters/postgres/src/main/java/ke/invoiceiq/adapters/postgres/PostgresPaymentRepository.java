package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;

/**
 * STK attempts read from {@code payments}, where {@link PostgresInvoiceRepository} writes them with their invoice.
 * The one column written here is {@code reconcile_lease_until}: {@link #claimInFlight} takes rows with
 * {@code FOR UPDATE SKIP LOCKED} and leases them in the same statement (as the outbox does), so two reconcilers
 * (threads or instances) never hold the same attempt; an invoice update never touches the lease. Every method joins
 * the caller's transaction or runs in its own; call {@link #claimInFlight} on its own, so the lease is committed
 * before the reconciling starts.
 */
@ApplicationScoped
@Transactional
public class PostgresPaymentRepository implements PaymentRepository {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");

    private final Sql sql;

    @Inject
    PostgresPaymentRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return sql.detached(PaymentEntity.<PaymentEntity>findByIdOptional(id.value())).map(PaymentMapper::toDomain);
    }

    @Override
    public Optional<Payment> findByCheckoutRequestId(CheckoutRequestId id) {
        return first("checkoutRequestId", id.value());
    }

    /** The oldest, when several attempts carry it (Daraja does not promise it is unique). */
    @Override
    public Optional<Payment> findByMerchantRequestId(MerchantRequestId id) {
        return first("merchantRequestId", id.value());
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(IdempotencyKey key) {
        return first("idempotencyKey", key.value());
    }

    @Override
    public Optional<Payment> findByReceipt(MpesaReceipt receipt) {
        return first("mpesaReceipt", receipt.value());
    }

    @Override
    public List<Payment> findByInvoice(InvoiceId invoiceId) {
        return list("invoiceId = ?1", invoiceId.value());
    }

    /** Oldest first, through {@code payments_unnamed_idx}. */
    @Override
    public List<Payment> findUnnamed(Msisdn payer, Instant from, Instant to) {
        return list("payerMsisdn = ?1 and checkoutRequestId is null and createdAt >= ?2 and createdAt <= ?3",
                payer.value(), from, to);
    }

    /**
     * Looked at least recently first (the last query, else the creation; then the id), through
     * {@code payments_in_flight_idx}. The lease is checked again on the locked row, so of two claims one after the
     * other the second never takes what the first holds.
     */
    @Override
    public List<AttemptRef> claimInFlight(Instant createdBefore, Instant now, Instant leaseUntil, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        var claimed = sql.query("""
                WITH due AS MATERIALIZED (
                    SELECT id, coalesce(last_queried_at, created_at) AS looked_at
                      FROM payments
                     WHERE status = 'INITIATED' AND created_at < ?
                       AND (reconcile_lease_until IS NULL OR reconcile_lease_until <= ?)
                     ORDER BY coalesce(last_queried_at, created_at), id
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE payments p
                       SET reconcile_lease_until = ?
                      FROM due
                     WHERE p.id = due.id
                 RETURNING p.invoice_id, p.id, due.looked_at)
                SELECT invoice_id, id FROM claimed ORDER BY looked_at, id
                """, rs -> new AttemptRef(new InvoiceId(rs.getString("invoice_id")), new PaymentId(rs.getString("id"))),
                createdBefore, now, limit, leaseUntil);
        return Collections.unmodifiableList(claimed);
    }

    /** An attempt never claimed, or unknown, changes nothing. */
    @Override
    public void release(PaymentId id) {
        sql.update("UPDATE payments SET reconcile_lease_until = NULL WHERE id = ? AND reconcile_lease_until IS NOT NULL",
                id.value());
    }

    private Optional<Payment> first(String field, String value) {
        return sql.detached(PaymentEntity.<PaymentEntity>find(field, OLDEST_FIRST, value).firstResultOptional())
                .map(PaymentMapper::toDomain);
    }

    private List<Payment> list(String query, Object... params) {
        return sql.detached(PaymentEntity.<PaymentEntity>list(query, OLDEST_FIRST, params)).stream()
                .map(PaymentMapper::toDomain).toList();
    }
}
