package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /payments/unmatched/{id}/apply}, for the API description only (see
 * {@link InvoiceRequests#invoiceMember}).
 */
@Schema(name = "ApplyUnmatchedPayment", additionalProperties = Schema.False.class)
public record ApplyUnmatchedRequest(
        @JsonProperty("invoice_id") @Schema(required = true, description = "The invoice the money was for.",
                examples = "INV-7K3Q9X")
        String invoiceId) {
}
