package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkResult;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * An invoice's attempts in {@code payments}: written with the invoice, read with it. Each attempt is one
 * {@code INSERT … ON CONFLICT (id) DO UPDATE} of its changing columns; what it asked (invoice, payer, amount, key,
 * creation time) is written once, and {@code reconcile_lease_until} belongs to the reconciler's claim alone.
 */
final class AttemptRows {

    private static final String IDEMPOTENCY_KEY_UQ = "payments_idempotency_key_uq";

    /** Ended attempts first: the one in flight replaces one that just ended, under the one-in-flight index. */
    private static final Comparator<Payment> IN_FLIGHT_LAST = Comparator.comparing(Payment::isInFlight);

    private final Sql sql;

    AttemptRows(Sql sql) {
        this.sql = sql;
    }

    /**
     * @throws ConcurrentUpdateException when an attempt's idempotency key was taken by another invoice's attempt
     * @throws IllegalStateException when an attempt's id, CheckoutRequestID or receipt is another attempt's
     * @throws IllegalArgumentException when a stored attempt would disappear or change what it asked
     */
    void write(Invoice invoice) {
        for (Payment p : invoice.payments().stream().sorted(IN_FLIGHT_LAST).toList()) {
            if (upsert(p) == 0) {
                throw refusal(invoice, p);
            }
        }
        long stored = sql.query("SELECT count(*) AS n FROM payments WHERE invoice_id = ?", rs -> rs.getLong("n"),
                invoice.id().value()).getFirst();
        if (stored != invoice.payments().size()) {
            throw new IllegalArgumentException("an attempt of invoice " + invoice.id() + " cannot be removed");
        }
    }

    /** Oldest first. */
    List<Payment> of(String invoiceId) {
        return sql.detached(PaymentEntity.<PaymentEntity>list("invoiceId", Sort.by("createdAt").and("id"), invoiceId))
                .stream().map(PaymentMapper::toDomain).toList();
    }

    /** The attempts of every invoice named, oldest first each, in one query. */
    Map<String, List<Payment>> of(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        return sql.detached(PaymentEntity.<PaymentEntity>list("invoiceId in ?1", Sort.by("createdAt").and("id"),
                        invoiceIds)).stream()
                .map(PaymentMapper::toDomain)
                .collect(Collectors.groupingBy(p -> p.invoiceId().value(), LinkedHashMap::new, Collectors.toList()));
    }

    private int upsert(Payment p) {
        try {
            return sql.update("""
                    INSERT INTO payments (id, invoice_id, method, status, amount_cents, idempotency_key, payer_msisdn,
                                          merchant_request_id, checkout_request_id, result_code, result_desc,
                                          mpesa_receipt, transaction_time, received_cents, created_at, updated_at,
                                          queries, last_queried_at)
                    VALUES (?, ?, 'MPESA_STK', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE
                       SET status = EXCLUDED.status, merchant_request_id = EXCLUDED.merchant_request_id,
                           checkout_request_id = EXCLUDED.checkout_request_id, result_code = EXCLUDED.result_code,
                           result_desc = EXCLUDED.result_desc, mpesa_receipt = EXCLUDED.mpesa_receipt,
                           transaction_time = EXCLUDED.transaction_time, received_cents = EXCLUDED.received_cents,
                           updated_at = EXCLUDED.updated_at, queries = EXCLUDED.queries,
                           last_queried_at = EXCLUDED.last_queried_at
                     WHERE payments.invoice_id = EXCLUDED.invoice_id
                       AND payments.payer_msisdn = EXCLUDED.payer_msisdn
                       AND payments.amount_cents = EXCLUDED.amount_cents
                       AND payments.idempotency_key = EXCLUDED.idempotency_key
                       AND payments.created_at = EXCLUDED.created_at
                    """,
                    p.id().value(),
                    p.invoiceId().value(),
                    p.status(),
                    p.amount().cents(),
                    p.idempotencyKey().value(),
                    p.payer().value(),
                    p.merchantRequestId().map(MerchantRequestId::value),
                    p.checkoutRequestId().map(CheckoutRequestId::value),
                    p.result().map(StkResult::code),
                    p.result().map(StkResult::description),
                    p.receipt().map(MpesaReceipt::value),
                    p.transactionTime(),
                    p.received().map(Money::cents),
                    p.createdAt(),
                    p.updatedAt(),
                    p.queries(),
                    p.lastQueriedAt());
        } catch (PersistenceException e) {
            Optional<String> constraint = Constraints.violatedUnique(e);
            if (constraint.filter(IDEMPOTENCY_KEY_UQ::equals).isPresent()) {
                throw new ConcurrentUpdateException("the idempotency key of payment " + p.id());
            }
            if (constraint.isPresent()) {
                throw new IllegalStateException("payment " + p.id() + " takes a name another attempt holds ("
                        + constraint.get() + ")", e);
            }
            throw e;
        }
    }

    /** Why the row of {@code p} was not written: it is another invoice's, or {@code p} changed what it asked. */
    private RuntimeException refusal(Invoice invoice, Payment p) {
        boolean ours = sql.query("SELECT invoice_id FROM payments WHERE id = ?", rs -> rs.getString("invoice_id"),
                p.id().value()).stream().allMatch(invoice.id().value()::equals);
        return ours
                ? new IllegalArgumentException("payment " + p.id() + " cannot change what it asked")
                : new IllegalStateException("payment id " + p.id() + " belongs to another invoice");
    }
}
