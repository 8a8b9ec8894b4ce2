package ke.invoiceiq.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One admin action in the audit trail: when, which key ({@link KeyFingerprint}), what ({@link AdminAction}), on what
 * ({@code target}: an invoice, unmatched payment, outbox message or payment id, or an export's range) and how it
 * ended ({@code outcome}: the HTTP status and a short word or problem type, e.g. {@code 409 invoice-already-paid}).
 * It holds no personal data: no phone number, name, note or message text, only ids. The time is kept to the
 * microsecond, as the database keeps it, so the newest-first order and the cursors are the same in every store.
 */
public record AuditEntry(String id, Instant at, KeyFingerprint key, AdminAction action, Optional<String> target,
        String outcome) {

    public static final int MAX_TARGET = 100;
    public static final int MAX_OUTCOME = 100;

    /** Ids, and an export's range ({@code 2026-01-01T00:00:00Z/2026-02-01T00:00:00Z}): nothing free-form. */
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_.:/+-]{1," + MAX_TARGET + "}");
    private static final Pattern OUTCOME = Pattern.compile("[\\x20-\\x7E]{1," + MAX_OUTCOME + "}");

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("an audit entry id is 1 to 64 characters");
        }
        if (target.isPresent() && !isTarget(target.get())) {
            throw new IllegalArgumentException("an audit target is 1 to " + MAX_TARGET
                    + " letters, digits or _ . : / + -");
        }
        if (!OUTCOME.matcher(outcome).matches()) {
            throw new IllegalArgumentException("an audit outcome is 1 to " + MAX_OUTCOME + " printable ASCII characters");
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code raw} can be kept as a target: an adapter keeps no target rather than a malformed one. */
    public static boolean isTarget(String raw) {
        return raw != null && TARGET.matcher(raw).matches();
    }
}
