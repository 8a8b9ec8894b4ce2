package ke.invoiceiq.application.due;

import java.time.Instant;
import java.util.Optional;
import ke.invoiceiq.domain.copy.DuePhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.due.DueDates;
import ke.invoiceiq.domain.invoice.Invoice;

/** The due date as the messages show it: under the invoice, in {@code status}, after a line of {@code list}. */
public final class DueLines {

    /** The language of the overloads that name none (tests and English-only callers). */
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
        return forMerchant(invoice, now, MERCHANT_LANGUAGE);
    }

    /** For the merchant's {@code status}, in {@code lang}: the due date, or that it has passed on an open invoice. */
    public static Optional<String> forMerchant(Invoice invoice, Instant now, Language lang) {
        if (invoice.dueDate().isEmpty()) {
            return Optional.empty();
        }
        String date = DueDates.format(invoice.dueDate().get(), lang);
        DuePhrases phrase = DueDates.isOverdue(invoice, now) ? DuePhrases.OVERDUE_LINE : DuePhrases.DUE_LINE;
        return Optional.of(phrase.in(lang).with("date", date).text());
    }

    /** After an invoice's line in {@code list}: {@code  · overdue}, or nothing. */
    public static String listMark(Invoice invoice, Instant now) {
        return listMark(invoice, now, MERCHANT_LANGUAGE);
    }

    /** After an invoice's line in {@code list}, in {@code lang}: {@code  · overdue}, or nothing. */
    public static String listMark(Invoice invoice, Instant now, Language lang) {
        return DueDates.isOverdue(invoice, now) ? " · " + DuePhrases.OVERDUE_MARK.in(lang).text() : "";
    }
}
