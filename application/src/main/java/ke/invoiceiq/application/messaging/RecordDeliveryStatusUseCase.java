package ke.invoiceiq.application.messaging;

/** Driving port: WhatsApp statuses and SMS delivery reports about messages we sent. */
public interface RecordDeliveryStatusUseCase {

    DeliveryOutcome record(DeliveryReport report);
}
