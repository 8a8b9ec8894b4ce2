package ke.invoiceiq.domain.shared;

import java.util.Objects;

/** A user-readable rejection of one input: which field, and what form is expected. */
public record FieldError(Field field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a field error needs a message");
        }
    }
}
