package ke.invoiceiq.adapters.whatsapp.inbound;

import java.util.List;

/**
 * What one webhook POST carried.
 *
 * @param events               messages and statuses for the use cases, in payload order
 * @param changesForOtherNumber changes ignored because they were for another {@code phone_number_id}
 * @param skipped              elements that could not be read (no id, not an object, unknown status) and were dropped
 */
record ParsedWebhook(List<WebhookEvent> events, int changesForOtherNumber, int skipped) {

    ParsedWebhook {
        events = List.copyOf(events);
    }
}
