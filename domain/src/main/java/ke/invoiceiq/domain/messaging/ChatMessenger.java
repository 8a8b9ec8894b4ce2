package ke.invoiceiq.domain.messaging;

/** Driven port: WhatsApp. */
public interface ChatMessenger {

    SendResult send(ChatMessage message);

    /** Whether an approved invoice template is configured, so customers outside the 24-hour window can be reached. */
    boolean hasInvoiceTemplate();
}
