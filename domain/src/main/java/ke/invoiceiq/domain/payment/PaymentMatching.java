package ke.invoiceiq.domain.payment;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Money;

/**
 * Which attempt a successful M-PESA result belongs to when its CheckoutRequestID (and MerchantRequestID) names
 * none: an attempt Daraja never named to us (the push timed out, failed with a 5xx, or we crashed before storing
 * its ids) is found by the same payer, the same amount and a start shortly before the money moved.
 *
 * <p>Only unnamed attempts are candidates: a named one is found by its own ids. The time compared is when the result
 * reached us, on our own clock (the attempts' clock), not M-PESA's transaction time, which is Safaricom's local
 * clock as the callback states it. Among several, one still in flight wins over one already given up, then the
 * latest started before the result; one started after it cannot be it (a small clock skew allowed).
 */
public record PaymentMatching(Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** How much later than M-PESA's transaction time an attempt may appear to start (clocks differ). */
    static final Duration SKEW = Duration.ofMinutes(2);

    public PaymentMatching {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    public Optional<Payment> byPayerAmountAndTime(List<Payment> candidates, PaymentResult result) {
        if (!result.result().isSuccess() || result.phone().isEmpty()) {
            return Optional.empty();
        }
        Optional<Money> money = result.money();
        var around = result.receivedAt();
        return candidates.stream()
                .filter(p -> !p.isNamed() && !p.succeeded())
                .filter(p -> p.payer().equals(result.phone().get()))
                .filter(p -> money.isEmpty() || Money.of(p.amount()).equals(money.get()))
                .filter(p -> !p.createdAt().isBefore(around.minus(window)) && !p.createdAt().isAfter(around.plus(SKEW)))
                .max(Comparator.<Payment, Boolean>comparing(Payment::isInFlight)
                        .thenComparing(Payment::createdAt)
                        .thenComparing(p -> p.id().value()));
    }
}
