package ke.invoiceiq.adapters.http.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.invoice.InvoiceCursor;
import ke.invoiceiq.domain.invoice.InvoiceId;

/**
 * The opaque {@code cursor} of {@code GET /invoices}: the creation time (to the nanosecond) and id of the last
 * invoice of a page, as {@code v1:<epoch seconds>.<nanos>:<id>} in unpadded base64url. Clients pass it back
 * unchanged; anything that does not decode to exactly that form is refused as a 400 naming {@code cursor}.
 */
final class Cursors {

    static final int MAX_LENGTH = 120;

    private static final Pattern FORM = Pattern.compile("v1:(-?\\d{1,12})\\.(\\d{9}):(INV-[0-9A-HJKMNP-TV-Z]{6})");

    private Cursors() {
    }

    static String encode(InvoiceCursor cursor) {
        String plain = "v1:" + cursor.createdAt().getEpochSecond() + "."
                + String.format("%09d", cursor.createdAt().getNano()) + ":" + cursor.id().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<InvoiceCursor> decode(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(plain);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            return Optional.of(new InvoiceCursor(at, new InvoiceId(m.group(3))));
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
