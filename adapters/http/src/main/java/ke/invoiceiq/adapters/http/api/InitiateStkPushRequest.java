package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /payments/stk/initiate}, for the API description only (see {@link InvoiceRequests}). */
@Schema(name = "InitiateStkPush", additionalProperties = Schema.False.class)
public record InitiateStkPushRequest(
        @JsonProperty("invoice_id") @Schema(required = true, description = "The invoice to pay.",
                examples = "INV-7K3Q9X")
        String invoiceId,
        @JsonProperty("payer_msisdn") @Schema(description = "Another Kenyan M-PESA number to send the prompt to"
                + " (someone paying for the customer), in any form the chat accepts (07…, 01…, +254…); leave out for"
                + " the invoiced number. The invoice's limits hold for any number: one prompt at a time, the pause"
                + " after a failed one. The receipt goes to the invoiced customer and names this payer masked.",
                examples = "0722000111")
        String payerMsisdn) {
}
