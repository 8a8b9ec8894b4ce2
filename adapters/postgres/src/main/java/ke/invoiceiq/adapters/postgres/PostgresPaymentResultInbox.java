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
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

/**
 * Payment results in {@code stk_callbacks}, several per CheckoutRequestID, each under its own {@code id}. The same
 * result is kept once by {@code stk_callbacks_result_uq} ({@code INSERT … ON CONFLICT DO NOTHING}: a repeated
 * callback neither fails nor poisons the transaction). {@link #claimUnprocessed} takes rows with
 * {@code FOR UPDATE SKIP LOCKED} and leases them in the same statement, as the outbox does. Marking is idempotent:
 * the first processing time stays, and an id never stored changes nothing. The retention purge deletes one bounded
 * batch of processed results per call. Every method joins the caller's transaction or runs in its own.
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
    public boolean store(PaymentResult result, Optional<String> rawBody) {
        return sql.update("""
                INSERT INTO stk_callbacks (checkout_request_id, merchant_request_id, result_code, result_desc, amount,
                                           mpesa_receipt, transaction_time, phone_msisdn, raw_body, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (checkout_request_id, result_code, (coalesce(mpesa_receipt, ''))) DO NOTHING
                """,
                result.checkoutRequestId().value(),
                result.merchantRequestId().map(MerchantRequestId::value),
                result.result().code(),
                result.result().description(),
                result.amount(),
                result.receipt().map(MpesaReceipt::value),
                result.transactionTime(),
                result.phone().map(Msisdn::value),
                rawBody,
                result.receivedAt()) == 1;
    }

    @Override
    public List<KeptResult> unprocessed(CheckoutRequestId id) {
        return sql.detached(StkCallbackEntity.<StkCallbackEntity>list("checkoutRequestId = ?1 and processedAt is null",
                Sort.by("receivedAt").and("id"), id.value())).stream().map(PaymentMapper::toDomain).toList();
    }

    @Override
    public void markProcessed(long keptId, Instant at) {
        sql.update("UPDATE stk_callbacks SET processed_at = ? WHERE id = ? AND processed_at IS NULL", at, keptId);
    }

    /**
     * In turn order, through {@code stk_callbacks_unprocessed_idx}: a row's turn is its lease's end once claimed,
     * its arrival before, so a result that keeps failing waits behind the ones never tried. The lease is checked
     * again on the locked row, so of two claims one after the other the second never takes what the first holds.
     */
    @Override
    public List<KeptResult> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        var claimed = sql.query("""
                WITH due AS MATERIALIZED (
                    SELECT id, coalesce(lease_until, received_at) AS turn
                      FROM stk_callbacks
                     WHERE processed_at IS NULL AND received_at < ?
                       AND (lease_until IS NULL OR lease_until <= ?)
                     ORDER BY coalesce(lease_until, received_at), id
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE stk_callbacks c
                       SET lease_until = ?
                      FROM due
                     WHERE c.id = due.id
                 RETURNING c.*, due.turn)
                SELECT * FROM claimed ORDER BY turn, id
                """, PaymentMapper::keptFromRow, cutoff, now, limit, leaseUntil);
        return Collections.unmodifiableList(claimed);
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
                    SELECT id
                      FROM stk_callbacks
                     WHERE processed_at IS NOT NULL AND processed_at < ?
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                DELETE FROM stk_callbacks c
                 USING batch
                 WHERE c.id = batch.id AND c.processed_at IS NOT NULL AND c.processed_at < ?
                """, cutoff, limit, cutoff);
    }
}
