package ke.invoiceiq.domain.payment;

import java.util.regex.Pattern;

/** The M-PESA transaction code the customer also gets by SMS, e.g. {@code NLJ7RT61SV}. */
public record MpesaReceipt(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{6,20}");

    public MpesaReceipt {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an M-PESA receipt number");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
