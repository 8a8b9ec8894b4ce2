package ke.invoiceiq.adapters.africastalking.inbound;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The {@code date} of an incoming SMS (docs/sms.md, a bare string). Read leniently: an instant
 * ({@code 2024-05-14T09:34:56.123Z}), a date-time with an offset, or a local date-time with a {@code T} or a space
 * ({@code 2024-05-14 12:34:56}), taken as Nairobi time. Anything else is no reason to lose the message: the caller's
 * fallback (now) is used.
 */
final class InboundDates {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private InboundDates() {
    }

    static Instant parse(String raw, Instant fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String s = raw.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +", "$1T");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException noOffset) {
            // fall through
        }
        try {
            return LocalDateTime.parse(s).atZone(NAIROBI).toInstant();
        } catch (DateTimeParseException unreadable) {
            return fallback;
        }
    }
}
