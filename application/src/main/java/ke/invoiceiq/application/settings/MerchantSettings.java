package ke.invoiceiq.application.settings;

import java.util.Objects;
import java.util.Set;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.shared.Text;

/**
 * Who the merchant is: the staff numbers allowed to create invoices, the business name customers see, and
 * the public base URL pay links start with. The business name heads every invoice a customer reads, so it may not
 * hold hidden formatting ({@link Text#hasHiddenFormatting}) that could change how the invoice reads.
 */
public record MerchantSettings(Set<Msisdn> staffNumbers, String businessName, String baseUrl) {

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
    }

    public boolean isMerchant(Msisdn msisdn) {
        return staffNumbers.contains(msisdn);
    }

    public String payLink(PayToken token) {
        return baseUrl + "/pay/" + token.value();
    }
}
