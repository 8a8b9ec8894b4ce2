package ke.invoiceiq.adapters.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;

/**
 * An invoice's money recorded outside M-PESA in {@code outside_payments} (V15): written with the invoice, read with
 * it. Recordings never change nor disappear, so a write inserts the ones past those stored ({@code seq} 1, 2, …) and
 * checks that the ones stored are still the invoice's first.
 */
final class OutsidePaymentRows {

    private final Sql sql;

    OutsidePaymentRows(Sql sql) {
        this.sql = sql;
    }

    /** @throws IllegalArgumentException when a stored recording would disappear or change */
    void write(Invoice invoice) {
        String id = invoice.id().value();
        List<PaidOutside> stored = of(List.of(id)).getOrDefault(id, List.of());
        List<PaidOutside> recorded = invoice.paidOutside();
        if (stored.size() > recorded.size() || !recorded.subList(0, stored.size()).equals(stored)) {
            throw new IllegalArgumentException("money recorded outside M-PESA for invoice " + invoice.id()
                    + " cannot change or be removed");
        }
        for (int seq = stored.size() + 1; seq <= recorded.size(); seq++) {
            PaidOutside paid = recorded.get(seq - 1);
            sql.update("""
                    INSERT INTO outside_payments (invoice_id, seq, method, amount_cents, note, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, id, seq, paid.method(), paid.amount().cents(), paid.note(), paid.at());
        }
    }

    /** The recordings of every invoice named, in the order they were made, in one query. */
    Map<String, List<PaidOutside>> of(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<PaidOutside>> rows = new LinkedHashMap<>();
        sql.query("""
                SELECT invoice_id, method, amount_cents, note, recorded_at
                  FROM outside_payments WHERE invoice_id = ANY (?) ORDER BY invoice_id, seq
                """, rs -> rows.computeIfAbsent(rs.getString("invoice_id"), k -> new ArrayList<>())
                .add(new PaidOutside(PaidOutside.Method.valueOf(rs.getString("method")),
                        new Money(rs.getLong("amount_cents")), rs.getString("note"),
                        Sql.instant(rs, "recorded_at"))),
                (Object) invoiceIds.toArray(String[]::new));
        return rows;
    }
}
