package ke.invoiceiq.application.settings;

import java.util.Objects;
import ke.invoiceiq.domain.copy.Language;

/**
 * The languages the chat is written in when nothing more particular is known.
 *
 * @param merchant        the language of every reply to the merchant's staff numbers
 *                        ({@code invoiceiq.merchant.language})
 * @param customerDefault a customer's language when the merchant named none on the invoice ({@code invoice … sw})
 *                        nor in the directory ({@code lang 0712345678 sw}), and the customer has not written in
 *                        Swahili ({@code invoiceiq.customer.default-language})
 */
public record LanguageSettings(Language merchant, Language customerDefault) {

    public static final LanguageSettings DEFAULT = new LanguageSettings(Language.EN, Language.EN);

    public LanguageSettings {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(customerDefault, "customerDefault");
    }
}
