package ke.invoiceiq.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One attempt in flight per invoice; after a failed or expired attempt, a new one waits out the cooldown. */
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
            if (p.status() == PaymentStatus.SUCCESS) {
                return new AttemptDecision.AlreadyPaid(p);
            }
        }
        for (Payment p : attemptsForInvoice) {
            if (p.isInFlight()) {
                return new AttemptDecision.InFlight(p);
            }
        }
        return attemptsForInvoice.stream()
                .max(Comparator.comparing(Payment::updatedAt))
                .map(last -> last.updatedAt().plus(cooldown))
                .filter(until -> until.isAfter(now))
                .<AttemptDecision>map(AttemptDecision.CoolingDown::new)
                .orElseGet(AttemptDecision.Allowed::new);
    }
}
