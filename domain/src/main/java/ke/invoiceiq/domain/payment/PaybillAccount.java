package ke.invoiceiq.domain.payment;

import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.shared.Parsed;

/**
 * Reads the account number a customer typed when paying the merchant's Paybill ({@code BillRefNumber}) as an
 * invoice id, forgiving what people do on a phone keypad: any case, spaces, dashes, dots or a leading {@code #}
 * anywhere, the {@code INV} prefix left out, and the look-alikes {@link InvoiceId} forgives (o→0, i/l→1).
 * {@code inv-7k3q9x}, {@code INV 7K3Q9X} and {@code 7K3Q9X} all name {@code INV-7K3Q9X}. A pure function.
 */
public final class PaybillAccount {

    private static final int BODY = 6;
    private static final String PREFIX = "INV";

    private PaybillAccount() {
    }

    /** The invoice {@code account} names, if it names one at all. */
    public static Optional<InvoiceId> invoiceNamed(String account) {
        if (account == null) {
            return Optional.empty();
        }
        String compact = account.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_.#/]", "");
        String body;
        if (compact.length() == PREFIX.length() + BODY && compact.startsWith(PREFIX)) {
            body = compact.substring(PREFIX.length());
        } else if (compact.length() == BODY) {
            body = compact;
        } else {
            return Optional.empty();
        }
        return switch (InvoiceId.parse(PREFIX + "-" + body)) {
            case Parsed.Ok<InvoiceId> ok -> Optional.of(ok.value());
            case Parsed.Rejected<InvoiceId> rejected -> Optional.empty();
        };
    }
}
