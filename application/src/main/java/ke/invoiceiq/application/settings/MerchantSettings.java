package ke.invoiceiq.application.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.shared.Text;

/**
 * Who the merchant is: the staff numbers allowed to create invoices, the business name customers see, and
 * the public base URL pay links start with. The business name heads every invoice a customer reads, so it may not
 * hold hidden formatting ({@link Text#hasHiddenFormatting}) that could change how the invoice reads.
 *
 * <p>Also how the merchant's customers can pay and be written to, outside the STK prompt and the chat:
 *
 * @param language          the language the merchant's own notices are written in ({@code invoiceiq.merchant.language})
 * @param paybill           the merchant's Paybill number ({@code mpesa.c2b.paybill}), when customers may pay from the
 *                          M-PESA menu with the invoice number as the account; every invoice message, SMS and the
 *                          pay page then say so
 * @param smsRepliesReachUs whether an SMS a customer sends back reaches the service (an inbound shortcode with the
 *                          SMS callback set up); only then do SMS texts offer "reply PAY &lt;id&gt;"
 */
public record MerchantSettings(Set<Msisdn> staffNumbers, String businessName, String baseUrl, Language language,
        Optional<String> paybill, boolean smsRepliesReachUs) {

    /** A Paybill number, as Safaricom issues them: 5 to 7 digits. */
    private static final Pattern PAYBILL = Pattern.compile("[0-9]{5,7}");

    public MerchantSettings {
        staffNumbers = Set.copyOf(staffNumbers);
        if (staffNumbers.isEmpty()) {
            throw new IllegalArgumentException("at least one merchant number is needed");
        }
        if (businessName == null || businessName.isBlank()) {
            throw new IllegalArgumentException("a business name is needed");
        }
        if (Text.hasHiddenFormatting(businessName)) {
            throw new IllegalArgumentException("the business name contains hidden characters that can change how"
                    + " invoices read (such as text direction marks); type it again without them");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Objects.requireNonNull(language, "language");
        paybill = Objects.requireNonNull(paybill, "paybill").map(String::strip).filter(p -> !p.isEmpty());
        if (paybill.isPresent() && !PAYBILL.matcher(paybill.get()).matches()) {
            throw new IllegalArgumentException("a Paybill number is 5 to 7 digits");
        }
    }

    /** English notices, no Paybill, SMS replies offered: the settings before customers could pay any other way. */
    public MerchantSettings(Set<Msisdn> staffNumbers, String businessName, String baseUrl) {
        this(staffNumbers, businessName, baseUrl, Language.EN, Optional.empty(), true);
    }

    public boolean isMerchant(Msisdn msisdn) {
        return staffNumbers.contains(msisdn);
    }

    public String payLink(PayToken token) {
        return baseUrl + "/pay/" + token.value();
    }

    public MerchantSettings withLanguage(Language merchantLanguage) {
        return new MerchantSettings(staffNumbers, businessName, baseUrl, merchantLanguage, paybill, smsRepliesReachUs);
    }

    public MerchantSettings withPaybill(Optional<String> number) {
        return new MerchantSettings(staffNumbers, businessName, baseUrl, language, number, smsRepliesReachUs);
    }

    public MerchantSettings withSmsReplies(boolean reachUs) {
        return new MerchantSettings(staffNumbers, businessName, baseUrl, language, paybill, reachUs);
    }
}
