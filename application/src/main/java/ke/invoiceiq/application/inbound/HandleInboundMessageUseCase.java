package ke.invoiceiq.application.inbound;

/** Driving port: a person wrote to the business number (WhatsApp webhook, SMS inbound callback). */
public interface HandleInboundMessageUseCase {

    /**
     * Handles the message once: its de-duplication mark is committed with what handling it changed, so a handling
     * that throws leaves the message unmarked, and its next delivery (or the caller's retry) handles it again.
     */
    HandleInboundMessageOutcome handle(InboundMessage message);

    /**
     * The caller's last try to {@link #handle} the message failed: the sender is asked to send it again (unless it
     * was handled after all), and the message is marked so that a redelivery changes nothing.
     */
    HandleInboundMessageOutcome giveUp(InboundMessage message);

    /**
     * Whether handling the message may wait on a payment provider (it asks for an M-PESA prompt, which can take
     * tens of seconds): a caller runs such work where it holds up nobody else's messages.
     */
    default boolean mayWaitOnProvider(InboundMessage message) {
        return false;
    }
}
