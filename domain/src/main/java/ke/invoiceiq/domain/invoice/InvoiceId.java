package ke.invoiceiq.domain.invoice;

import java.util.Locale;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * {@code INV-} and six Crockford base32 characters (no I, L, O, U): short enough to type on a phone, and
 * read case-insensitively, with the usual look-alikes (o→0, i/l→1) forgiven.
 */
public record InvoiceId(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final String EXPECTED = "Invoice ids look like INV-7K3Q9X.";

    private static final Pattern CANONICAL = Pattern.compile("INV-[0-9A-HJKMNP-TV-Z]{6}");
    private static final Pattern LOOSE = Pattern.compile("#?INV[-\\s_]?([0-9A-Z]{6})");

    public InvoiceId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not an invoice id: " + value);
        }
    }

    public static Parsed<InvoiceId> parse(String raw) {
        if (raw == null) {
            return Parsed.rejected(Field.INVOICE_ID, EXPECTED);
        }
        var m = LOOSE.matcher(raw.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Parsed.rejected(Field.INVOICE_ID, EXPECTED);
        }
        String body = m.group(1).replace('O', '0').replace('I', '1').replace('L', '1');
        if (body.indexOf('U') >= 0) {
            return Parsed.rejected(Field.INVOICE_ID, EXPECTED);
        }
        return Parsed.ok(new InvoiceId("INV-" + body));
    }

    @Override
    public String toString() {
        return value;
    }
}
