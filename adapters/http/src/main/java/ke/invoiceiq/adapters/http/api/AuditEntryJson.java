package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import ke.invoiceiq.domain.audit.AdminAction;
import ke.invoiceiq.domain.audit.AuditEntry;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One admin action as {@code GET /admin/audit} shows it: ids only, no personal data. */
@RegisterForReflection
@Schema(name = "AuditEntry", description = "One admin action taken through the API.")
public record AuditEntryJson(
        @Schema(examples = "5f0c2a9e-7b1d-4c3e-9a8f-1e2d3c4b5a69") String id,
        @Schema(type = SchemaType.STRING, format = "date-time", examples = "2026-03-02T06:20:00.123456Z") String at,
        @JsonProperty("key_fingerprint") @Schema(description = "The first 12 hex digits of the SHA-256 of the API key "
                + "that was used (never the key).", examples = "9f86d081884c") String keyFingerprint,
        @Schema(description = "What was done.", implementation = AdminAction.class) String action,
        @Schema(nullable = true, description = "The `{id}` of the request's path (an invoice, unmatched payment, "
                + "outbox message or payment id), or an export's range (`from/to`); null when it was not a well-formed id.",
                examples = "INV-7K3Q9X")
        String target,
        @Schema(description = "The HTTP status and the problem type's slug, or the action's result; `replayed` "
                + "when an Idempotency-Key repeated an earlier answer.", examples = "409 invoice-already-paid")
        String outcome) {

    static AuditEntryJson of(AuditEntry entry) {
        return new AuditEntryJson(entry.id(), entry.at().toString(), entry.key().value(), entry.action().name(),
                entry.target().orElse(null), entry.outcome());
    }
}
