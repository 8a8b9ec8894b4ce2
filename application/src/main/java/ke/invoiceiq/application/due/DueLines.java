package ke.invoiceiq.application.due;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.invoice.Invoice;

/** The due date as the messages show it: under the invoice, in {@code status}, after a line of {@code list}. */
public final class DueLines {

    /** The merchant's words are English until the merchant's language can be chosen. */
    public static final Language MERCHANT_LANGUAGE = Language.EN;

    private DueLines() {
    }

    /** {@code Due: 15 Dec 2026} in the invoice's own language, for the customer's messages and the pay page. */
    public static Optional<String> forCustomer(Invoice invoice) {
        return invoice.dueDate().map(due -> DuePhrases.DUE_LINE.in(invoice.language())
                .with("date", DueDates.format(due, invoice.language())).text());
    }

    /** For the merchant's {@code status}: the due date, or that it has passed on an open invoice. */
    public static Optional<String> forMerchant(Invoice invoice, Instant now) {
        if (invoice.dueDate().isEmpty()) {
            return Optional.empty();
        }
        String date = DueDates.format(invoice.dueDate().get(), MERCHANT_LANGUAGE);
        DuePhrases phrase = DueDates.isOverdue(invoice, now) ? DuePhrases.OVERDUE_LINE : DuePhrases.DUE_LINE;
        return Optional.of(phrase.in(MERCHANT_LANGUAGE).with("date", date).text());
    }

    /** After an invoice's line in {@code list}: {@code  · overdue}, or nothing. */
    public static String listMark(Invoice invoice, Instant now) {
        return DueDates.isOverdue(invoice, now) ? " · " + DuePhrases.OVERDUE_MARK.in(MERCHANT_LANGUAGE).text() : "";
    }
}
