package ke.invoiceiq.domain.customer;

import java.util.regex.Pattern;
import ke.invoiceiq.domain.shared.Field;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * A Safaricom mobile number in the canonical form M-PESA expects: {@code 2547XXXXXXXX} or
 * {@code 2541XXXXXXXX}. {@link #toString()} is masked so a number never lands in a log by accident.
 */
public record Msisdn(String value) {

    /** Every form {@link #parse} reads, as people type them; the errors name them all. */
    public static final String FORMATS = "07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254XXXXXXXXX";
    public static final String EXPECTED = "Invalid phone. Please use format " + FORMATS + ".";
    public static final String FOREIGN = "Invalid phone. Only Kenyan M-PESA numbers can be invoiced; use format "
            + FORMATS + ".";

    private static final Pattern CANONICAL = Pattern.compile("254[17]\\d{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\-().]");

    public Msisdn {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical Kenyan mobile number");
        }
    }

    /**
     * Accepts {@code 07…}, {@code 01…}, {@code 7…}, {@code 1…}, {@code +254…}, {@code 254…}, {@code 00254…}, with
     * spaces and dashes; also with the trunk 0 kept after the country code ({@code +254 0712 345 678},
     * {@code 2540712345678}), as people who know their number as {@code 07…} often type it.
     */
    public static Parsed<Msisdn> parse(String raw) {
        if (raw == null) {
            return Parsed.rejected(Field.PHONE, EXPECTED);
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (s.startsWith("+")) {
            if (!s.startsWith("+254")) {
                return Parsed.rejected(Field.PHONE, FOREIGN);
            }
            s = s.substring(1);
        } else if (s.startsWith("00254")) {
            s = s.substring(2);
        }
        if (!s.chars().allMatch(Character::isDigit) || s.isEmpty()) {
            return Parsed.rejected(Field.PHONE, EXPECTED);
        }
        String canonical;
        if (s.length() == 12 && s.startsWith("254")) {
            canonical = s;
        } else if (s.length() == 13 && s.startsWith("2540")) {
            canonical = "254" + s.substring(4);
        } else if (s.length() == 10 && s.startsWith("0")) {
            canonical = "254" + s.substring(1);
        } else if (s.length() == 9) {
            canonical = "254" + s;
        } else {
            return Parsed.rejected(Field.PHONE, EXPECTED);
        }
        if (!CANONICAL.matcher(canonical).matches()) {
            return Parsed.rejected(Field.PHONE, EXPECTED);
        }
        return Parsed.ok(new Msisdn(canonical));
    }

    /** True when the text could be meant as a phone number (digits with an optional + and separators). */
    public static boolean looksLikePhone(String raw) {
        if (raw == null) {
            return false;
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        return s.matches("\\+?\\d{9,15}");
    }

    /** {@code 2547****5678}: enough to recognise, not enough to misuse. */
    public String masked() {
        return value.substring(0, 4) + "****" + value.substring(8);
    }

    /** {@code +2547XXXXXXXX}, as SMS gateways want it. */
    public String e164() {
        return "+" + value;
    }

    @Override
    public String toString() {
        return masked();
    }
}
