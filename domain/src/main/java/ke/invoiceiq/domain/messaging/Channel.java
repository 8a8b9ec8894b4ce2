package ke.invoiceiq.domain.messaging;

/** How a message travels. */
public enum Channel {
    WHATSAPP,
    SMS
}
