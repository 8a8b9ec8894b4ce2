package ke.invoiceiq.domain.export;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/**
 * One movement of money to the merchant, for the books: a successful M-PESA payment of an invoice (also money that
 * matched no attempt and was applied to an invoice afterwards: it is that invoice's payment now), money recorded
 * outside M-PESA ({@code mark-paid}), or M-PESA money still waiting unmatched, which names no invoice and whose
 * amount M-PESA may not have said. {@code key} is unique across all three kinds and orders rows received at the same
 * instant. The note of money recorded outside M-PESA is left out: free text an operator typed, which the books do
 * not need.
 */
public record MoneyIn(
        String key,
        Kind kind,
        Instant receivedAt,
        Optional<InvoiceId> invoiceId,
        Optional<Money> amount,
        Optional<MpesaReceipt> receipt,
        Optional<Msisdn> payer,
        Optional<PaidOutside.Method> method) {

    /** Where the money came from. The names are exported: never rename one. */
    public enum Kind {
        MPESA,
        MPESA_UNMATCHED,
        OUTSIDE
    }

    public MoneyIn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(method, "method");
        if ((kind == Kind.MPESA_UNMATCHED) == invoiceId.isPresent()) {
            throw new IllegalArgumentException("money unmatched names no invoice, any other names its invoice");
        }
        if (kind != Kind.MPESA_UNMATCHED && amount.isEmpty()) {
            throw new IllegalArgumentException("only M-PESA money unmatched may lack its amount");
        }
        if ((kind == Kind.OUTSIDE) != method.isPresent() || kind == Kind.OUTSIDE && (receipt.isPresent()
                || payer.isPresent())) {
            throw new IllegalArgumentException("money outside M-PESA has a method and no receipt nor payer");
        }
    }

    /** An M-PESA payment recorded on {@code invoice}: {@code key} is {@code M:} and its payment id. */
    public static MoneyIn mpesa(String paymentId, Instant at, InvoiceId invoice, Money amount,
            Optional<MpesaReceipt> receipt, Msisdn payer) {
        return new MoneyIn("M:" + paymentId, Kind.MPESA, at, Optional.of(invoice), Optional.of(amount), receipt,
                Optional.of(payer), Optional.empty());
    }

    /** M-PESA money still unmatched: {@code key} is {@code U:} and its unmatched payment id. */
    public static MoneyIn unmatched(String unmatchedId, Instant at, Optional<Money> amount,
            Optional<MpesaReceipt> receipt, Optional<Msisdn> payer) {
        return new MoneyIn("U:" + unmatchedId, Kind.MPESA_UNMATCHED, at, Optional.empty(), amount, receipt, payer,
                Optional.empty());
    }

    /**
     * The {@code seq}-th sum (from 1) recorded outside M-PESA for {@code invoice}: {@code key} is {@code O:}, the
     * invoice id, {@code :} and {@code seq}.
     */
    public static MoneyIn outside(InvoiceId invoice, int seq, PaidOutside paid) {
        if (seq < 1) {
            throw new IllegalArgumentException("recordings are numbered from 1");
        }
        return new MoneyIn("O:" + invoice.value() + ":" + seq, Kind.OUTSIDE, paid.at(), Optional.of(invoice),
                Optional.of(paid.amount()), Optional.empty(), Optional.empty(), Optional.of(paid.method()));
    }

    /** Whether this comes after {@code cursor} in the export's order: received time, then key, ascending. */
    public boolean isAfter(MoneyInCursor cursor) {
        int byTime = receivedAt.compareTo(cursor.receivedAt());
        return byTime > 0 || byTime == 0 && key.compareTo(cursor.key()) > 0;
    }
}
