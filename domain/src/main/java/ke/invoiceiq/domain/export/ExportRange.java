package ke.invoiceiq.domain.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The times an export covers (when invoices were created, or when money was received): from {@code from}
 * (included) to {@code to} (excluded), at most {@link #MAX_SPAN}, so one request can never make the service read
 * years of invoices.
 */
public record ExportRange(Instant from, Instant to) {

    /** A year and a day: any calendar year, and a tax year, fits in one export. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    /** Why a range is refused. */
    public enum Problem {
        NOT_AFTER,
        TOO_LONG
    }

    public ExportRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (problem(from, to).isPresent()) {
            throw new IllegalArgumentException("not an export range: " + problem(from, to).get());
        }
    }

    /** Why {@code [from, to)} cannot be exported; empty when it can. */
    public static Optional<Problem> problem(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Optional.of(Problem.NOT_AFTER);
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
