package ke.invoiceiq.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentResultInbox;

/**
 * Payment results keyed by CheckoutRequestID. Marking is idempotent: the first processing time stays, and an
 * id never stored is ignored (as an SQL update that matches no row).
 */
public final class InMemoryPaymentResultInbox implements PaymentResultInbox {

    private record Kept(PaymentResult result, Optional<Instant> processedAt) {
        boolean unprocessed() {
            return processedAt.isEmpty();
        }
    }

    private final Map<CheckoutRequestId, Kept> byCheckoutRequest = new LinkedHashMap<>();

    @Override
    public synchronized boolean store(PaymentResult result) {
        return byCheckoutRequest.putIfAbsent(result.checkoutRequestId(), new Kept(result, Optional.empty())) == null;
    }

    @Override
    public synchronized Optional<PaymentResult> findUnprocessed(CheckoutRequestId id) {
        return Optional.ofNullable(byCheckoutRequest.get(id)).filter(Kept::unprocessed).map(Kept::result);
    }

    @Override
    public synchronized void markProcessed(CheckoutRequestId id, Instant at) {
        byCheckoutRequest.computeIfPresent(id,
                (key, kept) -> kept.unprocessed() ? new Kept(kept.result(), Optional.of(at)) : kept);
    }

    /** Oldest first. */
    @Override
    public synchronized List<PaymentResult> unprocessedBefore(Instant cutoff, int limit) {
        Limits.requireNonNegative(limit);
        return byCheckoutRequest.values().stream()
                .filter(k -> k.unprocessed() && k.result().receivedAt().isBefore(cutoff))
                .map(Kept::result)
                .sorted(Comparator.comparing(PaymentResult::receivedAt)
                        .thenComparing(r -> r.checkoutRequestId().value()))
                .limit(limit)
                .toList();
    }

    /** Processed the longest ago first; results not processed yet always stay. */
    @Override
    public synchronized int purgeProcessedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        Limits.requireNonNegative(limit);
        var expired = byCheckoutRequest.entrySet().stream()
                .filter(e -> e.getValue().processedAt().filter(at -> at.isBefore(cutoff)).isPresent())
                .sorted(Comparator.comparing(e -> e.getValue().processedAt().orElseThrow()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        expired.forEach(byCheckoutRequest::remove);
        return expired.size();
    }
}
