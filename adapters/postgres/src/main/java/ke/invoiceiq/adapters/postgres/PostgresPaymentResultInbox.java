package ke.invoiceiq.adapters.postgres;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

/**
 * Payment results in {@code stk_callbacks}, one per CheckoutRequestID ({@code INSERT … ON CONFLICT DO NOTHING}:
 * a repeated callback neither fails nor poisons the transaction). Marking is idempotent: the first processing
 * time stays, and an id never stored changes nothing. The retention purge deletes one bounded batch of
 * processed results per call. Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresPaymentResultInbox implements PaymentResultInbox {

    private final Sql sql;

    @Inject
    PostgresPaymentResultInbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean store(PaymentResult result) {
        return sql.update("""
                INSERT INTO stk_callbacks (checkout_request_id, merchant_request_id, result_code, result_desc, amount,
                                           mpesa_receipt, transaction_time, phone_msisdn, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (checkout_request_id) DO NOTHING
                """,
                result.checkoutRequestId().value(),
                result.merchantRequestId().map(MerchantRequestId::value),
                result.result().code(),
                result.result().description(),
                result.amount(),
                result.receipt().map(MpesaReceipt::value),
                result.transactionTime(),
                result.phone().map(Msisdn::value),
                result.receivedAt()) == 1;
    }

    @Override
    public Optional<PaymentResult> findUnprocessed(CheckoutRequestId id) {
        return sql.detached(StkCallbackEntity.<StkCallbackEntity>find(
                        "checkoutRequestId = ?1 and processedAt is null", id.value()).firstResultOptional())
                .map(PaymentMapper::toDomain);
    }

    @Override
    public void markProcessed(CheckoutRequestId id, Instant at) {
        sql.update("UPDATE stk_callbacks SET processed_at = ? WHERE checkout_request_id = ? AND processed_at IS NULL",
                at, id.value());
    }

    /** Oldest first. */
    @Override
    public List<PaymentResult> unprocessedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        return sql.detached(StkCallbackEntity.<StkCallbackEntity>find("processedAt is null and receivedAt < ?1",
                        Sort.by("receivedAt").and("checkoutRequestId"), cutoff)
                .range(0, limit - 1).list()).stream().map(PaymentMapper::toDomain).toList();
    }

    /**
     * One DELETE of at most {@code limit} processed rows, picked through {@code stk_callbacks_processed_idx} and
     * locked with {@code SKIP LOCKED}. {@code processed_at IS NOT NULL} is the guard that keeps every result
     * still waiting for its payment; it is checked again on the locked row, and a row being marked processed
     * right now is locked, so it is skipped.
     */
    @Override
    public int purgeProcessedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return 0;
        }
        return sql.update("""
                WITH batch AS MATERIALIZED (
                    SELECT checkout_request_id
                      FROM stk_callbacks
                     WHERE processed_at IS NOT NULL AND processed_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM stk_callbacks c
                 USING batch
                 WHERE c.checkout_request_id = batch.checkout_request_id
                   AND c.processed_at IS NOT NULL AND c.processed_at < ?
                """, cutoff, limit, cutoff);
    }
}
