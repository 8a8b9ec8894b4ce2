package ke.invoiceiq.adapters.sandbox;

import ke.invoiceiq.domain.copy.Language;

/**
 * What the phone simulator page is rendered with.
 *
 * @param businessName      the business name on the merchant's chat
 * @param merchantNumber    the merchant's simulated phone
 * @param customerNumber    the customer phone shown first
 * @param noWhatsAppHint    the no-WhatsApp prefixes, as the hint shows them ({@code 25479…}), empty when none
 * @param autoAnswerSeconds seconds an M-PESA prompt waits before the sandbox answers it
 * @param words             the page's labels, in English or Swahili
 */
public record SandboxPage(String businessName, String merchantNumber, String customerNumber, String noWhatsAppHint,
        long autoAnswerSeconds, SandboxWords words) {

    /** In English. */
    public SandboxPage(String businessName, String merchantNumber, String customerNumber, String noWhatsAppHint,
            long autoAnswerSeconds) {
        this(businessName, merchantNumber, customerNumber, noWhatsAppHint, autoAnswerSeconds,
                new SandboxWords(Language.EN));
    }
}
