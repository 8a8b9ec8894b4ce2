package ke.invoiceiq.adapters.http.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /invoices/{id}/mark-paid}, for the API description only (see {@link InvoiceRequests#markPaid}). */
@Schema(name = "MarkPaid", additionalProperties = Schema.False.class)
public record MarkPaidRequest(
        @Schema(required = true, enumeration = {"CASH", "BANK_TRANSFER", "OTHER"}, description = "How the money came "
                + "(any case).", examples = "CASH") String method,
        @Schema(required = true, minLength = 3, maxLength = 200, description = "What the books need: who received it, "
                + "a transfer reference. No line breaks.", examples = "Cash at the shop, counted by Wanjiru")
        String note) {
}
