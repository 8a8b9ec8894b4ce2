package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /invoices/{id}/mark-paid}, for the API description only (see {@link InvoiceRequests#markPaid}). */
@Schema(name = "MarkPaid", additionalProperties = Schema.False.class)
public record MarkPaidRequest(
        @Schema(required = true, enumeration = {"CASH", "BANK_TRANSFER", "OTHER"}, description = "How the money came "
                + "(any case).", examples = "CASH") String method,
        @Schema(required = true, minLength = 3, maxLength = 200, description = "What the books need: who received it, "
                + "a transfer reference. No line breaks.", examples = "Cash at the shop, counted by Wanjiru")
        String note,
        @JsonProperty("amount_cents") @Schema(description = "What was received, in cents (whole shillings); at most"
                + " the balance. Leave out, with `amount`, to record the whole balance.", examples = "50000")
        Long amountCents,
        @Schema(description = "What was received, in whole shillings (a number or a string like \"1,500\"): the"
                + " same as `amount_cents`; give at most one of the two.", examples = "500") String amount) {
}
