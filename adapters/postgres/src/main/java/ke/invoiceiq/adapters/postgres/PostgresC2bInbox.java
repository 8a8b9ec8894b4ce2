package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.C2bInbox;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * C2B confirmations in {@code c2b_payments} (V12), keyed by TransID: {@code INSERT … ON CONFLICT DO NOTHING}, so the
 * same confirmation told twice, to any instance, is kept once and neither fails nor poisons the transaction.
 * {@link #takeUnprocessed} locks the row ({@code FOR UPDATE}) for the caller's unit of work, so two instances never
 * apply the same payment at once: the second waits, then finds it processed. {@link #claimUnprocessed} leases rows
 * with {@code FOR UPDATE SKIP LOCKED}, as the STK inbox does. Every method joins the caller's transaction or runs in
 * its own.
 */
@ApplicationScoped
@Transactional
public class PostgresC2bInbox implements C2bInbox {

    private final Sql sql;

    @Inject
    PostgresC2bInbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean store(C2bPayment payment) {
        return sql.update("""
                INSERT INTO c2b_payments (trans_id, kind, amount_cents, transaction_time, short_code, account,
                                          received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (trans_id) DO NOTHING
                """,
                payment.receipt().value(),
                payment.kind(),
                payment.amount().cents(),
                payment.transactionTime(),
                payment.shortCode(),
                payment.account(),
                payment.receivedAt()) == 1;
    }

    @Override
    public Optional<C2bPayment> takeUnprocessed(MpesaReceipt receipt) {
        return sql.query("SELECT * FROM c2b_payments WHERE trans_id = ? AND processed_at IS NULL FOR UPDATE",
                PostgresC2bInbox::fromRow, receipt.value()).stream().findFirst();
    }

    @Override
    public void markProcessed(MpesaReceipt receipt, Instant at) {
        sql.update("UPDATE c2b_payments SET processed_at = ? WHERE trans_id = ? AND processed_at IS NULL", at,
                receipt.value());
    }

    @Override
    public List<C2bPayment> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        var claimed = sql.query("""
                WITH due AS MATERIALIZED (
                    SELECT trans_id, coalesce(lease_until, received_at) AS turn
                      FROM c2b_payments
                     WHERE processed_at IS NULL AND received_at < ?
                       AND (lease_until IS NULL OR lease_until <= ?)
                     ORDER BY coalesce(lease_until, received_at), trans_id
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE c2b_payments c
                       SET lease_until = ?
                      FROM due
                     WHERE c.trans_id = due.trans_id
                 RETURNING c.*, due.turn)
                SELECT * FROM claimed ORDER BY turn, trans_id
                """, PostgresC2bInbox::fromRow, cutoff, now, limit, leaseUntil);
        return Collections.unmodifiableList(claimed);
    }

    private static C2bPayment fromRow(ResultSet rs) throws SQLException {
        return new C2bPayment(
                new MpesaReceipt(rs.getString("trans_id")),
                C2bPayment.Kind.valueOf(rs.getString("kind")),
                new Money(rs.getLong("amount_cents")),
                Sql.instant(rs, "transaction_time"),
                rs.getString("short_code"),
                Optional.ofNullable(rs.getString("account")),
                Sql.instant(rs, "received_at"));
    }
}
