package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The list answers (a page of invoices, an invoice's payments, unmatched payments) and the action results. */
final class ListJson {

    private ListJson() {
    }

    @RegisterForReflection
    @Schema(name = "InvoicePage", description = "One page of invoices, newest first.")
    record InvoicePage(
            List<InvoiceJson> items,
            @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as `cursor` for the next page; "
                    + "null on the last page.", examples = "djE6MTc3MjQzMTIwMC4wMDAwMDAwMDA6SU5WLTAwMDAwMQ")
            String nextCursor) {
    }

    @RegisterForReflection
    @Schema(name = "PaymentList", description = "The STK attempts of one invoice, newest first.")
    record Payments(
            @JsonProperty("invoice_id") @Schema(examples = "INV-7K3Q9X") String invoiceId,
            List<PaymentJson> items) {
    }

    @RegisterForReflection
    @Schema(name = "RemindResult", description = "What a reminder did.")
    record Reminded(
            @Schema(enumeration = {"reminded", "redelivered"}, description = "`reminded`: a reminder was queued to the "
                    + "customer; `redelivered`: the invoice could not be delivered before, so it was queued again.")
            String result,
            InvoiceJson invoice) {
    }

    @RegisterForReflection
    @Schema(name = "CancelResult", description = "What a cancel did.")
    record Cancelled(
            @Schema(enumeration = {"cancelled", "already_cancelled"}) String result,
            @JsonProperty("customer_notified") @Schema(description = "Whether a cancellation notice was queued to the "
                    + "customer (only when the invoice had reached them).") boolean customerNotified,
            InvoiceJson invoice) {
    }

    @RegisterForReflection
    @Schema(name = "MarkPaidResult", description = "Money recorded as paid outside M-PESA, and the invoice after it.")
    record MarkedPaid(
            @Schema(enumeration = {"marked_paid", "part_paid"}, description = "`marked_paid`: the invoice is PAID;"
                    + " `part_paid`: it is still open with its `balance`.") String result,
            @JsonProperty("customer_notified") @Schema(description = "Whether a receipt was queued to the customer "
                    + "(only when the invoice had reached them).") boolean customerNotified,
            InvoiceJson invoice) {
    }

    @RegisterForReflection
    @Schema(name = "UnmatchedPaymentList", description = "Unmatched payments, newest first.")
    record UnmatchedPayments(List<UnmatchedPaymentJson> items) {
    }

    @RegisterForReflection
    @Schema(name = "ApplyResult", description = "An unmatched payment applied to an invoice, and the invoice after it.")
    record Applied(
            @JsonProperty("unmatched_payment") UnmatchedPaymentJson unmatchedPayment,
            InvoiceJson invoice) {
    }

    @RegisterForReflection
    @Schema(name = "AuditPage", description = "One page of the audit trail, newest first.")
    record AuditPage(
            List<AuditEntryJson> items,
            @JsonProperty("next_cursor") @Schema(nullable = true, description = "Pass as `cursor` for the next page; "
                    + "null on the last page.") String nextCursor) {
    }

    @RegisterForReflection
    @Schema(name = "OutboxDecision", description = "An operator's decision on a FAILED outbox message.")
    record OutboxDecision(
            @Schema(enumeration = {"retried", "abandoned"}) String result,
            OutboxMessageJson message) {
    }

    @RegisterForReflection
    @Schema(name = "RequeryResult", description = "What M-PESA said when asked now, and the attempt after it.")
    record Requeried(
            @Schema(enumeration = {"settled", "pending", "unknown"}, description = "`settled`: M-PESA knew the "
                    + "outcome and it was applied; `pending`: the customer has not finished; `unknown`: the query "
                    + "failed.") String result,
            PaymentJson payment) {
    }
}
