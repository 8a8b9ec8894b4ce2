package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /payments/stk/initiate}, for the API description only (see {@link InvoiceRequests}). */
@Schema(name = "InitiateStkPush", additionalProperties = Schema.False.class)
public record InitiateStkPushRequest(
        @JsonProperty("invoice_id") @Schema(required = true, description = "The invoice to pay.",
                examples = "INV-7K3Q9X")
        String invoiceId) {
}
