package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An outbox message as the operator endpoints show it: what it is and where it stands, never to whom or what it
 * says (no phone number, no text, no provider error, which may quote either).
 */
@RegisterForReflection
@Schema(name = "OutboxMessage", description = "A queued message: its state, not its recipient or text.")
public record OutboxMessageJson(
        @Schema(examples = "9b2e4f10-6c3d-4a7e-8f15-2d0c9e8b7a61") String id,
        @Schema(enumeration = {"PENDING", "SENDING", "SENT", "FAILED", "COALESCED", "ABANDONED"}, examples = "PENDING")
        String status,
        @Schema(examples = "INVOICE") String purpose,
        @Schema(enumeration = {"WHATSAPP", "SMS"}, examples = "WHATSAPP") String channel,
        @JsonProperty("invoice_id") @Schema(nullable = true, examples = "INV-7K3Q9X") String invoiceId,
        @Schema(description = "Tries counted since it was queued or last retried.", examples = "0") int attempts,
        @JsonProperty("next_attempt_at") @Schema(type = SchemaType.STRING, format = "date-time",
                examples = "2026-03-02T09:30:00Z") String nextAttemptAt,
        @JsonProperty("created_at") @Schema(type = SchemaType.STRING, format = "date-time",
                examples = "2026-03-02T06:00:00Z") String createdAt) {

    static OutboxMessageJson of(OutboxMessage message) {
        return new OutboxMessageJson(message.id(), message.status().name(), message.purpose().name(),
                message.channel().name(), message.invoiceId().map(InvoiceId::value).orElse(null), message.attempts(),
                message.nextAttemptAt().toString(), message.createdAt().toString());
    }
}
