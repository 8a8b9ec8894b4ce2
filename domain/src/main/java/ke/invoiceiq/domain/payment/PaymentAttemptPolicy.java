package ke.invoiceiq.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a new STK attempt may start, from the attempts an invoice already has: never while one is in flight
 * (its outcome may still be money), and after one that ended, at once or after {@code cooldown} as its reason's
 * {@link StkReason.Retry} rule says. Whether the invoice is still payable is the invoice's own business.
 */
public record PaymentAttemptPolicy(Duration cooldown) {

    public static final PaymentAttemptPolicy DEFAULT = new PaymentAttemptPolicy(Duration.ofMinutes(2));

    public PaymentAttemptPolicy {
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown < 0");
        }
    }

    public AttemptDecision decide(List<Payment> attemptsForInvoice, Instant now) {
        for (Payment p : attemptsForInvoice) {
            if (p.isInFlight()) {
                return new AttemptDecision.InFlight(p);
            }
        }
        return attemptsForInvoice.stream()
                .filter(p -> !p.succeeded())
                .max(Comparator.comparing(Payment::updatedAt))
                .filter(last -> last.endReason().orElse(StkReason.OTHER).retry() == StkReason.Retry.AFTER_COOLDOWN)
                .map(last -> last.updatedAt().plus(cooldown))
                .filter(until -> until.isAfter(now))
                .<AttemptDecision>map(AttemptDecision.CoolingDown::new)
                .orElseGet(AttemptDecision.Allowed::new);
    }

    /** When a new attempt may start after {@code ended}, by its reason; empty when at once. */
    public Optional<Instant> retryFrom(Payment ended) {
        return ended.endReason()
                .filter(reason -> reason.retry() == StkReason.Retry.AFTER_COOLDOWN)
                .map(reason -> ended.updatedAt().plus(cooldown));
    }
}
