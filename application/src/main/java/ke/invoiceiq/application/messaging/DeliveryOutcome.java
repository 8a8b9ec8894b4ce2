package ke.invoiceiq.application.messaging;

import ke.invoiceiq.domain.messaging.DeliveryStatus;

/** What came of one delivery report. */
public sealed interface DeliveryOutcome {

    /** The message's delivery status moved forward. */
    record Recorded(DeliveryStatus status) implements DeliveryOutcome {
    }

    /** WhatsApp could not deliver it; the same content is queued as SMS. */
    record FellBackToSms() implements DeliveryOutcome {
    }

    /** Older news than what is known (a DELIVERED after READ, a repeat): nothing changed. */
    record Stale() implements DeliveryOutcome {
    }

    /**
     * No message carries that provider id yet: the send may not be recorded yet, so the report is kept and applied
     * as soon as it is (or forgotten if it never is).
     */
    record Held() implements DeliveryOutcome {
    }

    /** No message of ours carries that provider id, and the report is too old to be waiting for a send. */
    record Ignored() implements DeliveryOutcome {
    }
}
