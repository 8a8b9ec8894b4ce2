package ke.invoiceiq.domain.messaging;

/** Driven port: WhatsApp. */
public interface ChatMessenger {

    SendResult send(ChatMessage message);

    /** Whether an approved invoice template is configured, so customers outside the 24-hour window can be reached. */
    boolean hasInvoiceTemplate();

    /**
     * Whether an approved merchant-notice template is configured, so staff outside their 24-hour window get notices
     * on WhatsApp; without one they get them by SMS. A messenger that sends no templates has none.
     */
    default boolean hasMerchantTemplate() {
        return false;
    }
}
