package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.UnmatchedPayment;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Money M-PESA reported that matched no payment attempt, as the API shows it. The payer's number is masked
 * ({@link Msisdn#masked()}): the full number never leaves the service through this API.
 */
@RegisterForReflection
@Schema(name = "UnmatchedPayment", description = "Money M-PESA reported that matched no payment attempt. It stays "
        + "OPEN until it is applied to an invoice. Absent values are null.")
public record UnmatchedPaymentJson(
        @Schema(examples = "3c1e8a2f-0b7d-4e59-a6c4-9d2f1e0b7a35") String id,
        @JsonProperty("checkout_request_id") @Schema(nullable = true, description = "The CheckoutRequestID M-PESA "
                + "reported; no attempt of ours has it. Null for money paid to the Paybill or Till from the M-PESA "
                + "menu (C2B), which the receipt alone names.", examples = "ws_CO_020320260611223344") String checkoutRequestId,
        @JsonProperty("merchant_request_id") @Schema(nullable = true, examples = "29115-34620561-9")
        String merchantRequestId,
        @JsonProperty("mpesa_receipt") @Schema(nullable = true, examples = "NLK2XY81QZ") String mpesaReceipt,
        @JsonProperty("amount_cents") @Schema(nullable = true, description = "What M-PESA reported as paid, in cents; "
                + "null when it did not say (then it cannot be applied).", examples = "100000") Long amountCents,
        @JsonProperty("amount_display") @Schema(nullable = true, examples = "KES 1,000") String amountDisplay,
        @Schema(nullable = true, description = "The paying number, masked.", examples = "2547****5678") String payer,
        @JsonProperty("transaction_time") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true,
                examples = "2026-03-02T06:11:20Z") String transactionTime,
        @JsonProperty("received_at") @Schema(type = SchemaType.STRING, format = "date-time",
                examples = "2026-03-02T06:11:22Z") String receivedAt,
        @Schema(enumeration = {"OPEN", "APPLIED"}, examples = "OPEN") String status,
        @JsonProperty("applied_invoice_id") @Schema(nullable = true, description = "The invoice it was applied to "
                + "(APPLIED only).", examples = "INV-7K3Q9X") String appliedInvoiceId,
        @JsonProperty("resolved_at") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true,
                description = "When it was applied (APPLIED only).") String resolvedAt) {

    static UnmatchedPaymentJson of(UnmatchedPayment payment) {
        return new UnmatchedPaymentJson(
                payment.id().value(),
                payment.checkoutRequestId().map(CheckoutRequestId::value).orElse(null),
                payment.merchantRequestId().map(MerchantRequestId::value).orElse(null),
                payment.receipt().map(MpesaReceipt::value).orElse(null),
                payment.amount().map(Money::cents).orElse(null),
                payment.amount().map(Money::display).orElse(null),
                payment.payer().map(Msisdn::masked).orElse(null),
                InvoiceJson.time(payment.transactionTime()),
                payment.receivedAt().toString(),
                payment.status().name(),
                payment.appliedTo().map(InvoiceId::value).orElse(null),
                InvoiceJson.time(payment.resolvedAt()));
    }
}
