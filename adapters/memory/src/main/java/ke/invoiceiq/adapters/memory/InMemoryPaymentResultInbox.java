package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

/**
 * Payment results under increasing ids, several per CheckoutRequestID; the same result (CheckoutRequestID, result
 * code and receipt) is kept once, as long as it is kept. Marking is idempotent: the first processing time stays,
 * and an id never stored is ignored (as an SQL update that matches no row).
 */
public final class InMemoryPaymentResultInbox implements PaymentResultInbox {

    private record Sameness(CheckoutRequestId checkoutRequestId, int code, Optional<MpesaReceipt> receipt) {
        static Sameness of(PaymentResult r) {
            return new Sameness(r.checkoutRequestId(), r.result().code(), r.receipt());
        }
    }

    private record Row(long id, PaymentResult result, Optional<String> rawBody, Optional<Instant> processedAt,
            Optional<Instant> leaseUntil) {
        boolean unprocessed() {
            return processedAt.isEmpty();
        }

        /** When it may be tried next: its lease's end once tried, its arrival before. */
        Instant turn() {
            return leaseUntil.orElse(result.receivedAt());
        }

        KeptResult kept() {
            return new KeptResult(id, result);
        }
    }

    private static final Comparator<Row> OLDEST_FIRST =
            Comparator.comparing((Row r) -> r.result().receivedAt()).thenComparingLong(Row::id);

    private final Map<Long, Row> byId = new LinkedHashMap<>();
    private final Map<Sameness, Long> idBySameness = new HashMap<>();
    private long lastId;

    @Override
    public synchronized boolean store(PaymentResult result, Optional<String> rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        Sameness sameness = Sameness.of(result);
        if (idBySameness.containsKey(sameness)) {
            return false;
        }
        long id = ++lastId;
        byId.put(id, new Row(id, result, rawBody, Optional.empty(), Optional.empty()));
        idBySameness.put(sameness, id);
        return true;
    }

    @Override
    public synchronized List<KeptResult> unprocessed(CheckoutRequestId id) {
        return byId.values().stream()
                .filter(r -> r.unprocessed() && r.result().checkoutRequestId().equals(id))
                .sorted(OLDEST_FIRST)
                .map(Row::kept)
                .toList();
    }

    @Override
    public synchronized void markProcessed(long keptId, Instant at) {
        Objects.requireNonNull(at, "at");
        byId.computeIfPresent(keptId, (id, r) -> r.unprocessed()
                ? new Row(id, r.result(), r.rawBody(), Optional.of(at), r.leaseUntil())
                : r);
    }

    /** Its turn first (its lease's end once tried, else its arrival), then by id. */
    @Override
    public synchronized List<KeptResult> claimUnprocessed(Instant cutoff, Instant now, Instant leaseUntil,
            int limit) {
        Limits.requireNonNegative(limit);
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        List<Row> due = byId.values().stream()
                .filter(r -> r.unprocessed() && r.result().receivedAt().isBefore(cutoff))
                .filter(r -> r.leaseUntil().filter(until -> until.isAfter(now)).isEmpty())
                .sorted(Comparator.comparing(Row::turn).thenComparingLong(Row::id))
                .limit(limit)
                .toList();
        due.forEach(r -> byId.put(r.id(), new Row(r.id(), r.result(), r.rawBody(), r.processedAt(),
                Optional.of(leaseUntil))));
        return due.stream().map(Row::kept).toList();
    }

    /** Processed the longest ago first; results not processed yet always stay. */
    @Override
    public synchronized int purgeProcessedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = byId.values().stream()
                .filter(r -> r.processedAt().filter(at -> at.isBefore(cutoff)).isPresent())
                .sorted(Comparator.comparing(r -> r.processedAt().orElseThrow()))
                .limit(limit)
                .toList();
        for (Row r : expired) {
            byId.remove(r.id());
            idBySameness.remove(Sameness.of(r.result()));
        }
        return expired.size();
    }

    /** The body as it was received, for tests: the port never reads it back. */
    public synchronized Optional<String> rawBody(long id) {
        return Optional.ofNullable(byId.get(id)).flatMap(Row::rawBody);
    }
}
