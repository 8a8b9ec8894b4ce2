package ke.invoiceiq.domain.payment;

import java.util.Objects;

/**
 * What is registered for one short code: where M-PESA sends validation and confirmation requests, and what it does
 * with a payment when the validation URL cannot be reached in time.
 *
 * @param shortCode       the Paybill or Till (store) number
 * @param whenUnreachable what M-PESA does when validation gets no answer
 * @param confirmationUrl the public HTTPS URL of our confirmation endpoint, secret token included
 * @param validationUrl   the public HTTPS URL of our validation endpoint, secret token included
 */
public record C2bRegistration(String shortCode, WhenUnreachable whenUnreachable, String confirmationUrl,
        String validationUrl) {

    /** Daraja's {@code ResponseType}. */
    public enum WhenUnreachable {
        /** M-PESA completes the payment anyway ({@code Completed}). */
        COMPLETED,
        /** M-PESA cancels the payment ({@code Cancelled}). */
        CANCELLED
    }

    public C2bRegistration {
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(whenUnreachable, "whenUnreachable");
        Objects.requireNonNull(confirmationUrl, "confirmationUrl");
        Objects.requireNonNull(validationUrl, "validationUrl");
        if (!shortCode.matches("[0-9]{5,7}")) {
            throw new IllegalArgumentException("a short code is 5 to 7 digits");
        }
    }

    /** What came of a registration. */
    public sealed interface Outcome {

        /** M-PESA took it; {@code description} is its own words, for the operator. */
        record Registered(String description) implements Outcome {
        }

        /** M-PESA refused it ({@code code} is Daraja's error code, e.g. for URLs already registered). */
        record Refused(String code, String description) implements Outcome {
        }

        /** No answer (time-out, connection, Daraja down) or the client is not configured: try again later. */
        record Unavailable(String reason) implements Outcome {
        }
    }
}
