package ke.invoiceiq.application.inbound;

/** Driving port: a person wrote to the business number (WhatsApp webhook, SMS inbound callback). */
public interface HandleInboundMessageUseCase {

    HandleInboundMessageOutcome handle(InboundMessage message);
}
