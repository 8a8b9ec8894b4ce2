package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkResult;

/**
 * STK attempts in {@code payments}. The one-in-flight rule is the partial unique index
 * {@code payments_one_in_flight_uq}, the idempotency rule the unique key; {@link #addIfNoneInFlight} inserts
 * with {@code ON CONFLICT DO NOTHING}, so a refused attempt never fails (or poisons) the caller's
 * transaction, then looks which rule refused it. Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresPaymentRepository implements PaymentRepository {

    /** How often a conflict whose cause vanished before it could be named (it ended meanwhile) is retried. */
    private static final int ATTEMPTS = 5;

    private final Sql sql;

    @Inject
    PostgresPaymentRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * When the attempt both repeats a key and meets one in flight, DUPLICATE_KEY wins (as in memory).
     *
     * @throws IllegalArgumentException when the attempt is not INITIATED
     * @throws IllegalStateException when its id (or its CheckoutRequestID) is taken
     */
    @Override
    public AddResult addIfNoneInFlight(Payment payment) {
        if (payment.status() != PaymentStatus.INITIATED) {
            throw new IllegalArgumentException("only an INITIATED attempt can be added, not " + payment.status());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int inserted = sql.update("""
                    INSERT INTO payments (id, invoice_id, method, status, amount_cents, idempotency_key,
                                          payer_msisdn, merchant_request_id, checkout_request_id, result_code,
                                          result_desc, mpesa_receipt, transaction_time, created_at, updated_at,
                                          queries, last_queried_at)
                    VALUES (?, ?, 'MPESA_STK', 'INITIATED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """,
                    payment.id().value(),
                    payment.invoiceId().value(),
                    payment.amount().cents(),
                    payment.idempotencyKey().value(),
                    payment.payer().value(),
                    payment.merchantRequestId().map(MerchantRequestId::value),
                    payment.checkoutRequestId().map(CheckoutRequestId::value),
                    payment.result().map(StkResult::code),
                    payment.result().map(StkResult::description),
                    payment.receipt().map(MpesaReceipt::value),
                    payment.transactionTime(),
                    payment.createdAt(),
                    payment.updatedAt(),
                    payment.queries(),
                    payment.lastQueriedAt());
            if (inserted == 1) {
                return AddResult.ADDED;
            }
            if (PaymentEntity.count("id", payment.id().value()) > 0) {
                throw new IllegalStateException("payment " + payment.id() + " exists already");
            }
            if (PaymentEntity.count("idempotencyKey", payment.idempotencyKey().value()) > 0) {
                return AddResult.DUPLICATE_KEY;
            }
            if (PaymentEntity.count("invoiceId = ?1 and status = ?2", payment.invoiceId().value(),
                    PaymentStatus.INITIATED.name()) > 0) {
                return AddResult.ANOTHER_IN_FLIGHT;
            }
            if (payment.checkoutRequestId().isPresent() && PaymentEntity.count("checkoutRequestId",
                    payment.checkoutRequestId().get().value()) > 0) {
                throw new IllegalStateException("CheckoutRequestID of payment " + payment.id() + " is taken");
            }
            // The attempt in flight ended between the insert and the look: the rule may let this one in now.
        }
        throw new IllegalStateException("payment " + payment.id() + " kept conflicting with attempts that vanished");
    }

    /**
     * Stores the attempt's progress: status, Daraja's ids, result, receipt, transaction and update times, and
     * the queries made about it. Its invoice, payer, amount, key and creation time never change.
     *
     * @throws IllegalStateException when the attempt was never added
     */
    @Override
    public void update(Payment payment) {
        int updated = sql.update("""
                UPDATE payments
                   SET status = ?, merchant_request_id = ?, checkout_request_id = ?, result_code = ?,
                       result_desc = ?, mpesa_receipt = ?, transaction_time = ?, updated_at = ?, queries = ?,
                       last_queried_at = ?
                 WHERE id = ?
                """,
                payment.status(),
                payment.merchantRequestId().map(MerchantRequestId::value),
                payment.checkoutRequestId().map(CheckoutRequestId::value),
                payment.result().map(StkResult::code),
                payment.result().map(StkResult::description),
                payment.receipt().map(MpesaReceipt::value),
                payment.transactionTime(),
                payment.updatedAt(),
                payment.queries(),
                payment.lastQueriedAt(),
                payment.id().value());
        if (updated == 0) {
            throw new IllegalStateException("no payment " + payment.id() + " to update");
        }
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return sql.detached(PaymentEntity.<PaymentEntity>findByIdOptional(id.value())).map(PaymentMapper::toDomain);
    }

    @Override
    public Optional<Payment> findByCheckoutRequestId(CheckoutRequestId id) {
        return one("checkoutRequestId", id.value());
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(IdempotencyKey key) {
        return one("idempotencyKey", key.value());
    }

    /** Oldest first. */
    @Override
    public List<Payment> findByInvoice(InvoiceId invoiceId) {
        return sql.detached(PaymentEntity.<PaymentEntity>list("invoiceId", Sort.by("createdAt").and("id"),
                invoiceId.value())).stream().map(PaymentMapper::toDomain).toList();
    }

    @Override
    public List<Payment> findInitiatedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        return sql.detached(PaymentEntity.<PaymentEntity>find("status = ?1 and createdAt < ?2",
                        Sort.by("createdAt").and("id"), PaymentStatus.INITIATED.name(), cutoff)
                .range(0, limit - 1).list()).stream().map(PaymentMapper::toDomain).toList();
    }

    private Optional<Payment> one(String field, String value) {
        return sql.detached(PaymentEntity.<PaymentEntity>find(field, value).firstResultOptional())
                .map(PaymentMapper::toDomain);
    }
}
