package ke.invoiceiq.adapters.http.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.audit.AuditCursor;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * The opaque {@code cursor} of {@code GET /invoices}: the creation time (to the nanosecond) and id of the last
 * invoice of a page, as {@code v1:<epoch seconds>.<nanos>:<id>} in unpadded base64url; that of
 * {@code GET /admin/audit} likewise as {@code a1:<epoch seconds>.<nanos>:<entry id>}. Clients pass it back
 * unchanged; anything that does not decode to exactly that form is refused as a 400 naming {@code cursor}.
 */
final class Cursors {

    static final int MAX_LENGTH = 120;

    private static final Pattern FORM = Pattern.compile("v1:(-?\\d{1,12})\\.(\\d{9}):(INV-[0-9A-HJKMNP-TV-Z]{6})");
    private static final Pattern AUDIT_FORM = Pattern.compile("a1:(-?\\d{1,12})\\.(\\d{9}):([A-Za-z0-9_-]{1,64})");

    private Cursors() {
    }

    static String encode(InvoiceCursor cursor) {
        return encode("v1", cursor.createdAt(), cursor.id().value());
    }

    static Optional<InvoiceCursor> decode(String raw) {
        return decode(raw, FORM).flatMap(m -> position(m, (at, id) -> new InvoiceCursor(at, new InvoiceId(id))));
    }

    static String encodeAudit(AuditCursor cursor) {
        return encode("a1", cursor.at(), cursor.id());
    }

    static Optional<AuditCursor> decodeAudit(String raw) {
        return decode(raw, AUDIT_FORM).flatMap(m -> position(m, AuditCursor::new));
    }

    private static String encode(String version, Instant at, String id) {
        String plain = version + ":" + at.getEpochSecond() + "." + String.format("%09d", at.getNano()) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<Matcher> decode(String raw, Pattern form) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher m = form.matcher(plain);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private static <T> Optional<T> position(Matcher m, BiFunction<Instant, String, T> cursor) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            return Optional.of(cursor.apply(at, m.group(3)));
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
