package ke.invoiceiq.adapters.daraja.outbound;

/** Free text Daraja accepts: {@code AccountReference} ≤ 12, {@code TransactionDesc} ≤ 13 characters (docs/daraja.md, pain 7). */
final class DarajaText {

    static final int ACCOUNT_REFERENCE_MAX = 12;
    static final int TRANSACTION_DESC_MAX = 13;

    private DarajaText() {
    }

    /** Keeps letters, digits, space and hyphen (anything else is stripped), trimmed and cut to {@code max}. */
    static String clean(String raw, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-') {
                out.append(c);
            }
        }
        String s = out.toString().strip();
        return s.length() <= max ? s : s.substring(0, max).strip();
    }
}
