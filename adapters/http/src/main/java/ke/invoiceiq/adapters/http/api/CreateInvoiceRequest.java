package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /invoices}, for the API description only: the body is read member by member
 * ({@link InvoiceRequests#create}) so that each refusal can name its member and rule.
 */
@Schema(name = "CreateInvoice", description = "Give exactly one of amount_cents and amount. Unknown members are "
        + "refused.", additionalProperties = Schema.False.class)
public record CreateInvoiceRequest(
        @Schema(required = true, description = "The customer's Safaricom M-PESA number: 2547XXXXXXXX, 2541XXXXXXXX, "
                + "07…, 01…, +254…; spaces and dashes allowed.", examples = "254712345678")
        String msisdn,
        @JsonProperty("customer_name") @Schema(nullable = true, minLength = 2, maxLength = 60,
                description = "Optional; `-` or `skip` mean none.", examples = "Mama Njeri")
        String customerName,
        @JsonProperty("amount_cents") @Schema(type = SchemaType.INTEGER, minimum = "100", maximum = "25000000",
                multipleOf = 100, description = "The amount in cents: whole shillings × 100 (M-PESA takes no cents).",
                examples = "250000")
        Long amountCents,
        @Schema(oneOf = {Long.class, String.class}, description = "Or the amount in whole shillings, 1 to 250000: a "
                + "number (2500) or a string (\"2,500\", \"KES 2500\", \"2500.00\").", examples = "2500")
        Object amount,
        @Schema(required = true, minLength = 3, maxLength = 120, description = "What the invoice is for.",
                examples = "Cleaning")
        String description,
        @Schema(nullable = true, enumeration = {"en", "sw"}, description = "Optional: the language the customer is "
                + "written to in (sw: Kiswahili). Without it, the customer's language in the customer directory, "
                + "else CUSTOMER_DEFAULT_LANGUAGE.", examples = "sw")
        String language,
        @JsonProperty("due_date") @Schema(type = SchemaType.STRING, format = "date", nullable = true,
                description = "Optional: the day it is due (YYYY-MM-DD, a day in Kenya), today or later and within a "
                        + "year; a past day is refused with 400. Absent: the merchant's default terms "
                        + "(`invoiceiq.invoice.default-terms-days`, 7 days unless configured).",
                examples = "2026-12-15")
        String dueDate) {
}
