package ke.invoiceiq.domain.invoice;

import java.util.regex.Pattern;

/** The unguessable part of a pay link ({@code BASE_URL/pay/{token}}): at least 128 bits, URL-safe. */
public record PayToken(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    public PayToken {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a pay token");
        }
    }

    @Override
    public String toString() {
        return "PayToken[***]";
    }
}
