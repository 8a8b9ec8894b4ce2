package ke.invoiceiq.adapters.http.pay;

import java.util.Objects;
import ke.invoiceiq.domain.copy.CommonPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.PayPagePhrases;

/**
 * The pay page's fixed words in one language ({@link PayPagePhrases}), for the templates: {@code {words.status}}.
 * A pay page is in its invoice's language; a page with no invoice (a bad link, an outage) in the language asked
 * for with {@code ?lang=sw}, else English.
 */
public record PayWords(Language language) {

    public PayWords {
        Objects.requireNonNull(language, "language");
    }

    /** The {@code <html lang>} value: {@code en}, {@code sw}. */
    public String lang() {
        return language.tag();
    }

    public String invoiceLabel() {
        return say(PayPagePhrases.INVOICE_LABEL);
    }

    public String invoiceTotal() {
        return say(PayPagePhrases.INVOICE_TOTAL);
    }

    public String received() {
        return say(PayPagePhrases.RECEIVED);
    }

    public String status() {
        return say(PayPagePhrases.STATUS);
    }

    public String mpesaReceipt() {
        return say(PayPagePhrases.MPESA_RECEIPT);
    }

    public String payButton() {
        return CommonPhrases.PAY_WITH_MPESA.text(language);
    }

    public String refresh() {
        return say(PayPagePhrases.REFRESH);
    }

    public String footer() {
        return say(PayPagePhrases.FOOTER);
    }

    /** Our own words, with no value in them: the template writes them unescaped, so "doesn't" stays as typed. */
    public String notFound() {
        return say(PayPagePhrases.NOT_FOUND);
    }

    public String notFoundCheck() {
        return say(PayPagePhrases.NOT_FOUND_CHECK);
    }

    public String notFoundAsk(String businessName) {
        return PayPagePhrases.NOT_FOUND_ASK.in(language).with("business", businessName).text();
    }

    public String notFoundTitle(String businessName) {
        return PayPagePhrases.TITLE_NOT_FOUND.in(language).with("business", businessName).text();
    }

    public String unavailable() {
        return say(PayPagePhrases.UNAVAILABLE);
    }

    public String unavailableAgain() {
        return say(PayPagePhrases.UNAVAILABLE_AGAIN);
    }

    public String unavailableTitle(String businessName) {
        return PayPagePhrases.TITLE_UNAVAILABLE.in(language).with("business", businessName).text();
    }

    private String say(PayPagePhrases phrase) {
        return phrase.text(language);
    }
}
