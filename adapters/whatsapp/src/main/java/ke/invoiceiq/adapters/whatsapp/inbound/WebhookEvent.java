package ke.invoiceiq.adapters.whatsapp.inbound;

import java.util.Objects;
import ke.invoiceiq.application.inbound.InboundMessage;
import ke.invoiceiq.application.messaging.DeliveryReport;

/** One thing a webhook told us, ready for a use case, in the order it appeared in the payload. */
sealed interface WebhookEvent {

    /** For logs: {@code message} or {@code status}. */
    String kind();

    /** The wamid the event is about (the only identifier that may be logged). */
    String wamid();

    /** A person wrote to the business number: {@code messages[]}. */
    record Message(InboundMessage message) implements WebhookEvent {
        public Message {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String kind() {
            return "message";
        }

        @Override
        public String wamid() {
            return message.providerMessageId();
        }
    }

    /** News about a message we sent: {@code statuses[]}. */
    record Status(DeliveryReport report) implements WebhookEvent {
        public Status {
            Objects.requireNonNull(report, "report");
        }

        @Override
        public String kind() {
            return "status";
        }

        @Override
        public String wamid() {
            return report.providerMessageId();
        }
    }
}
