package ke.invoiceiq.adapters.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import ke.invoiceiq.domain.payment.UnmatchedPaymentId;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.ConcurrentUpdateException;

/**
 * Unmatched payments in {@code unmatched_payments}. The same money (CheckoutRequestID and receipt; for C2B money,
 * which has no CheckoutRequestID, the receipt alone) is raised once: {@code INSERT … ON CONFLICT DO NOTHING} on
 * {@code unmatched_payments_money_uq} (or {@code unmatched_payments_c2b_uq}, V12), so a repeated report neither fails
 * nor poisons the transaction. An update is one {@code UPDATE … WHERE id = ? AND version = ?}; no row written
 * means someone else wrote first ({@link ConcurrentUpdateException}). Every method joins the caller's transaction or
 * runs in its own.
 */
@ApplicationScoped
@Transactional
public class PostgresUnmatchedPayments implements UnmatchedPayments {

    private final Sql sql;

    @Inject
    PostgresUnmatchedPayments(Sql sql) {
        this.sql = sql;
    }

    /** @throws IllegalStateException when its id is taken by another payment */
    @Override
    public boolean add(UnmatchedPayment payment) {
        try {
            // STK money is one per CheckoutRequestID and receipt; C2B money (no CheckoutRequestID) one per receipt
            String conflict = payment.checkoutRequestId().isPresent()
                    ? "(checkout_request_id, (coalesce(mpesa_receipt, '')))"
                    : "(mpesa_receipt) WHERE checkout_request_id IS NULL";
            return sql.update("""
                    INSERT INTO unmatched_payments (id, checkout_request_id, merchant_request_id, mpesa_receipt,
                                                    amount_cents, payer_msisdn, transaction_time, received_at, status,
                                                    applied_invoice_id, resolved_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT %s DO NOTHING
                    """.formatted(conflict),
                    payment.id().value(),
                    payment.checkoutRequestId().map(CheckoutRequestId::value),
                    payment.merchantRequestId().map(MerchantRequestId::value),
                    payment.receipt().map(MpesaReceipt::value),
                    payment.amount().map(Money::cents),
                    payment.payer().map(Msisdn::value),
                    payment.transactionTime(),
                    payment.receivedAt(),
                    payment.status(),
                    payment.appliedTo().map(InvoiceId::value),
                    payment.resolvedAt(),
                    payment.version()) == 1;
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new IllegalStateException("unmatched payment " + payment.id() + " exists already", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<UnmatchedPayment> find(UnmatchedPaymentId id) {
        return one("SELECT * FROM unmatched_payments WHERE id = ?", id.value());
    }

    /** The oldest, when several receipts came under one CheckoutRequestID. */
    @Override
    public Optional<UnmatchedPayment> findOpen(CheckoutRequestId id) {
        return one("""
                SELECT * FROM unmatched_payments
                 WHERE checkout_request_id = ? AND status = 'OPEN'
                 ORDER BY received_at, id
                 LIMIT 1
                """, id.value());
    }

    /**
     * Writes the whole record but its id, as the in-memory store keeps it whole.
     *
     * @throws ConcurrentUpdateException when the stored version is not {@code payment.version()}
     * @throws IllegalStateException when it was never added, or its CheckoutRequestID and receipt would be those of
     *         another
     */
    @Override
    public UnmatchedPayment update(UnmatchedPayment payment) {
        int updated;
        try {
            updated = write(payment);
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new IllegalStateException("another unmatched payment was raised for the same money", e);
            }
            throw e;
        }
        if (updated == 1) {
            return payment.withVersion(payment.version() + 1);
        }
        if (find(payment.id()).isEmpty()) {
            throw new IllegalStateException("no unmatched payment " + payment.id() + " to update");
        }
        throw new ConcurrentUpdateException("unmatched payment " + payment.id());
    }

    private int write(UnmatchedPayment payment) {
        return sql.update("""
                UPDATE unmatched_payments
                   SET checkout_request_id = ?, merchant_request_id = ?, mpesa_receipt = ?, amount_cents = ?,
                       payer_msisdn = ?, transaction_time = ?, received_at = ?, status = ?, applied_invoice_id = ?,
                       resolved_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """,
                payment.checkoutRequestId().map(CheckoutRequestId::value),
                payment.merchantRequestId().map(MerchantRequestId::value),
                payment.receipt().map(MpesaReceipt::value),
                payment.amount().map(Money::cents),
                payment.payer().map(Msisdn::value),
                payment.transactionTime(),
                payment.receivedAt(),
                payment.status(),
                payment.appliedTo().map(InvoiceId::value),
                payment.resolvedAt(),
                payment.id().value(),
                payment.version());
    }

    /** Newest first: received time, then id, descending. */
    @Override
    public List<UnmatchedPayment> latest(Optional<UnmatchedPayment.Status> status, int limit) {
        Limits.requireNonNegative(limit);
        if (limit == 0) {
            return List.of();
        }
        return sql.query("""
                SELECT * FROM unmatched_payments
                 WHERE (CAST(? AS text) IS NULL OR status = ?)
                 ORDER BY received_at DESC, id DESC
                 LIMIT ?
                """, PostgresUnmatchedPayments::fromRow, status, status, limit);
    }

    @Override
    public long countOpen() {
        return sql.query("SELECT count(*) AS n FROM unmatched_payments WHERE status = 'OPEN'", rs -> rs.getLong("n"))
                .getFirst();
    }

    private Optional<UnmatchedPayment> one(String query, Object... params) {
        return sql.query(query, PostgresUnmatchedPayments::fromRow, params).stream().findFirst();
    }

    private static UnmatchedPayment fromRow(ResultSet rs) throws SQLException {
        long cents = rs.getLong("amount_cents");
        Optional<Money> amount = rs.wasNull() ? Optional.empty() : Optional.of(new Money(cents));
        return new UnmatchedPayment(
                new UnmatchedPaymentId(rs.getString("id")),
                Optional.ofNullable(rs.getString("checkout_request_id")).map(CheckoutRequestId::new),
                Optional.ofNullable(rs.getString("merchant_request_id")).map(MerchantRequestId::new),
                Optional.ofNullable(rs.getString("mpesa_receipt")).map(MpesaReceipt::new),
                amount,
                Optional.ofNullable(rs.getString("payer_msisdn")).map(Msisdn::new),
                Optional.ofNullable(Sql.instant(rs, "transaction_time")),
                Sql.instant(rs, "received_at"),
                UnmatchedPayment.Status.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("applied_invoice_id")).map(InvoiceId::new),
                Optional.ofNullable(Sql.instant(rs, "resolved_at")),
                rs.getLong("version"));
    }
}
