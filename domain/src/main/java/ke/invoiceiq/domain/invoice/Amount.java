package ke.invoiceiq.domain.invoice;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;

/** Whole Kenyan shillings, 1 to 250 000: M-PESA takes no cents and no more per transaction. */
public record Amount(long shillings) {

    public static final long MIN = 1;
    public static final long MAX = 250_000;
    public static final String CURRENCY = "KES";
    public static final String EXPECTED = "Invalid amount. Enter a whole number in KES (e.g., 2500).";

    private static final Pattern FORM = Pattern.compile(
            "(?:(?:kes|kshs?|sh|shs)\\.?\\s*)?(-?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s*(?:/=|/-|kes|kshs?|bob))?",
            Pattern.CASE_INSENSITIVE);

    public Amount {
        if (shillings < MIN || shillings > MAX) {
            throw new IllegalArgumentException("amount must be 1..250000 KES, was " + shillings);
        }
    }

    public static Amount ofShillings(long shillings) {
        return new Amount(shillings);
    }

    /** Amounts are stored as cents; a value that is not whole shillings is a programming error. */
    public static Amount ofCents(long cents) {
        if (cents % 100 != 0) {
            throw new IllegalArgumentException("M-PESA amounts are whole shillings: " + cents + " cents");
        }
        return new Amount(cents / 100);
    }

    /** Accepts {@code 2500}, {@code 2,500}, {@code KES 2500}, {@code ksh2500}, {@code 2500.00}. */
    public static Parsed<Amount> parse(String raw) {
        if (raw == null) {
            return Parsed.rejected(Field.AMOUNT, EXPECTED);
        }
        Matcher m = FORM.matcher(raw.strip());
        if (!m.matches()) {
            return Parsed.rejected(Field.AMOUNT, EXPECTED);
        }
        if (!m.group(1).isEmpty()) {
            return Parsed.rejected(Field.AMOUNT, "Invalid amount. It must be at least KES 1.");
        }
        String fraction = m.group(3);
        if (fraction != null && !fraction.chars().allMatch(c -> c == '0')) {
            return Parsed.rejected(Field.AMOUNT, "Invalid amount. M-PESA takes whole shillings only (e.g., 2500).");
        }
        // Leading zeros carry no value, but would otherwise count towards the overflow guard below.
        String digits = m.group(2).replace(",", "").replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 12) {
            return tooLarge();
        }
        long value = Long.parseLong(digits);
        if (value < MIN) {
            return Parsed.rejected(Field.AMOUNT, "Invalid amount. It must be at least KES 1.");
        }
        if (value > MAX) {
            return tooLarge();
        }
        return Parsed.ok(new Amount(value));
    }

    private static Parsed<Amount> tooLarge() {
        return Parsed.rejected(Field.AMOUNT, "Invalid amount. M-PESA allows at most KES 250,000 per payment.");
    }

    /** True when the token reads as an amount, valid or not (the parser uses it to find where a name ends). */
    public static boolean looksLikeAmount(String token) {
        return token != null && FORM.matcher(token.strip()).matches();
    }

    public long cents() {
        return shillings * 100;
    }

    /** {@code 2,500}: how people in Kenya write money. */
    public String formatted() {
        return String.format(Locale.ROOT, "%,d", shillings);
    }

    /** {@code KES 2,500}. */
    public String display() {
        return CURRENCY + " " + formatted();
    }
}
