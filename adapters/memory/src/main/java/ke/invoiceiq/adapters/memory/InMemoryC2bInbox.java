package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.payment.C2bInbox;
import ke.invoiceiq.domain.payment.C2bPayment;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/** C2B confirmations in a map keyed by TransID (the receipt): the same one told twice is kept once. */
public final class InMemoryC2bInbox implements C2bInbox {

    private record Row(C2bPayment payment, Optional<Instant> processedAt, Optional<Instant> leaseUntil,
            Instant turn) {
    }

    private final Map<MpesaReceipt, Row> byReceipt = new LinkedHashMap<>();

    @Override
    public synchronized boolean store(C2bPayment payment) {
        Objects.requireNonNull(payment, "payment");
        if (byReceipt.containsKey(payment.receipt())) {
            return false;
        }
        byReceipt.put(payment.receipt(), new Row(payment, Optional.empty(), Optional.empty(), payment.receivedAt()));
        return true;
    }

    /** Serial callers only: nothing is held beyond the check. */
    @Override
    public synchronized Optional<C2bPayment> takeUnprocessed(MpesaReceipt receipt) {
        return Optional.ofNullable(byReceipt.get(receipt)).filter(r -> r.processedAt().isEmpty()).map(Row::payment);
    }

    @Override
    public synchronized void markProcessed(MpesaReceipt receipt, Instant at) {
        Row row = byReceipt.get(receipt);
        if (row != null && row.processedAt().isEmpty()) {
            byReceipt.put(receipt, new Row(row.payment(), Optional.of(at), row.leaseUntil(), row.turn()));
        }
    }

    @Override
    public synchronized List<C2bPayment> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil,
            int limit) {
        Limits.requireNonNegative(limit);
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        List<Row> due = byReceipt.values().stream()
                .filter(r -> r.processedAt().isEmpty() && r.payment().receivedAt().isBefore(cutoff))
                .filter(r -> r.leaseUntil().filter(until -> until.isAfter(now)).isEmpty())
                .sorted(Comparator.comparing(Row::turn).thenComparing(r -> r.payment().receipt().value()))
                .limit(limit)
                .toList();
        due.forEach(r -> byReceipt.put(r.payment().receipt(),
                new Row(r.payment(), Optional.empty(), Optional.of(leaseUntil), now)));
        return due.stream().map(Row::payment).toList();
    }
}
