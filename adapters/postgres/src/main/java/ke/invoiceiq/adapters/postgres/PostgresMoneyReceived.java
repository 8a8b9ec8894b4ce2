package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.export.ExportRange;
import ke.invoiceiq.domain.export.MoneyIn;
import ke.invoiceiq.domain.export.MoneyInCursor;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * The money received, one {@code UNION ALL} over the successful {@code payments}, the money recorded outside
 * M-PESA ({@code outside_payments}) and the {@code unmatched_payments} still open, paged by (received at, key). The
 * key is the kind's letter and the row's id (for money recorded outside M-PESA, its invoice id and its number), so it
 * is unique across the three and a page boundary between equal times is exact. A success's own time is not stored:
 * M-PESA's transaction time when it said it, else the attempt's last change (a success ends an attempt's changes but
 * for a late receipt). Every method joins the caller's transaction or runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresMoneyReceived implements MoneyReceived {

    private final Sql sql;

    @Inject
    PostgresMoneyReceived(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<MoneyIn> page(ExportRange range, Optional<MoneyInCursor> after, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        Optional<Instant> afterAt = after.map(MoneyInCursor::receivedAt);
        Optional<String> afterKey = after.map(MoneyInCursor::key);
        return sql.query("""
                SELECT * FROM (
                    SELECT 'M:' || id AS key, 'MPESA' AS kind, coalesce(transaction_time, updated_at) AS received_at,
                           invoice_id, received_cents AS cents, mpesa_receipt, payer_msisdn, NULL AS method
                      FROM payments WHERE status = 'SUCCESS'
                    UNION ALL
                    SELECT 'O:' || invoice_id || ':' || seq, 'OUTSIDE', recorded_at, invoice_id, amount_cents,
                           NULL, NULL, method
                      FROM outside_payments
                    UNION ALL
                    SELECT 'U:' || id, 'MPESA_UNMATCHED', coalesce(transaction_time, received_at), NULL,
                           amount_cents, mpesa_receipt, payer_msisdn, NULL
                      FROM unmatched_payments WHERE status = 'OPEN'
                ) money
                 WHERE received_at >= ? AND received_at < ?
                   AND (CAST(? AS timestamptz) IS NULL OR (received_at, key) > (CAST(? AS timestamptz), CAST(? AS text)))
                 ORDER BY received_at, key
                 LIMIT ?
                """, PostgresMoneyReceived::fromRow, range.from(), range.to(), afterAt, afterAt, afterKey, limit);
    }

    private static MoneyIn fromRow(ResultSet rs) throws SQLException {
        long cents = rs.getLong("cents");
        Optional<Money> amount = rs.wasNull() ? Optional.empty() : Optional.of(new Money(cents));
        return new MoneyIn(
                rs.getString("key"),
                MoneyIn.Kind.valueOf(rs.getString("kind")),
                Sql.instant(rs, "received_at"),
                Optional.ofNullable(rs.getString("invoice_id")).map(InvoiceId::new),
                amount,
                Optional.ofNullable(rs.getString("mpesa_receipt")).map(MpesaReceipt::new),
                Optional.ofNullable(rs.getString("payer_msisdn")).map(Msisdn::new),
                Optional.ofNullable(rs.getString("method")).map(PaidOutside.Method::valueOf));
    }
}
