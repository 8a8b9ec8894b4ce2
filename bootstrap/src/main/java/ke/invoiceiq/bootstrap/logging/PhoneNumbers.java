package ke.invoiceiq.bootstrap.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks Kenyan mobile numbers in free text the way {@code Msisdn.masked()} does ({@code 2547****5678}), in every
 * form people and providers write them: {@code 254712345678}, {@code +254712345678}, {@code 0712345678}.
 * Digits that merely contain such a run (a longer number, an epoch timestamp) are left alone.
 */
public final class PhoneNumbers {

    private static final Pattern KENYAN_MOBILE = Pattern.compile("(?<![\\d])(\\+?254|0)([17]\\d{8})(?![\\d])");

    private PhoneNumbers() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = KENYAN_MOBILE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String prefix = m.group(1);
            String subscriber = m.group(2);
            // the country or trunk prefix and the first digit stay, then four stars, then the last four digits
            m.appendReplacement(out, Matcher.quoteReplacement(
                    prefix + subscriber.charAt(0) + "****" + subscriber.substring(subscriber.length() - 4)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
