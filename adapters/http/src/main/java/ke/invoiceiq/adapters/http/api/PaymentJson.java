package ke.invoiceiq.adapters.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.StkResult;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One STK push attempt as the API shows it; the payer's number and the idempotency key are not repeated. */
@RegisterForReflection
@Schema(name = "Payment", description = "One M-PESA STK push attempt for an invoice.")
public record PaymentJson(
        @Schema(examples = "pay_01HZX3") String id,
        @JsonProperty("invoice_id") @Schema(examples = "INV-7K3Q9X") String invoiceId,
        @Schema(enumeration = {"INITIATED", "SUCCESS", "FAILED", "EXPIRED"}, examples = "INITIATED",
                description = "INITIATED until M-PESA says how it ended (callback or query); while it is, no second "
                        + "prompt is sent for the invoice. SUCCESS: money moved. FAILED: it ended without money. "
                        + "EXPIRED: given up without an answer from M-PESA: the outcome is unknown, and a late "
                        + "callback still pays the invoice.")
        String status,
        @JsonProperty("amount_cents") @Schema(description = "What the prompt asked for: the invoice's balance when it "
                + "was sent.", examples = "250000") long amountCents,
        @Schema(description = "Whole shillings.", examples = "2500") long amount,
        @JsonProperty("received_cents") @Schema(nullable = true, description = "What M-PESA reported as paid (SUCCESS "
                + "only; the asked amount when only a status query confirmed it).", examples = "250000")
        Long receivedCents,
        @JsonProperty("checkout_request_id") @Schema(nullable = true, examples = "ws_CO_020320260600123456")
        String checkoutRequestId,
        @JsonProperty("merchant_request_id") @Schema(nullable = true, examples = "29115-34620561-1")
        String merchantRequestId,
        @JsonProperty("mpesa_receipt") @Schema(nullable = true, examples = "NLJ7RT61SV") String mpesaReceipt,
        @JsonProperty("result_code") @Schema(nullable = true, description = "M-PESA's result code (0 = paid). The "
                + "negative codes are InvoiceIQ's own: -1 M-PESA was not taking requests, -2 M-PESA refused the "
                + "request (merchant settings), -3 no answer from M-PESA (EXPIRED).", examples = "1032")
        Integer resultCode,
        @JsonProperty("result_description") @Schema(nullable = true, examples = "Request cancelled by user")
        String resultDescription,
        @JsonProperty("failure_reason") @Schema(nullable = true, description = "Why it ended without money, in plain "
                + "words (FAILED and EXPIRED only; EXPIRED is always \"M-PESA never confirmed the outcome\").",
                examples = "the payment was cancelled on the phone")
        String failureReason,
        @JsonProperty("transaction_time") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true)
        String transactionTime,
        @JsonProperty("created_at") @Schema(type = SchemaType.STRING, format = "date-time") String createdAt,
        @JsonProperty("updated_at") @Schema(type = SchemaType.STRING, format = "date-time") String updatedAt) {

    static PaymentJson of(Payment payment) {
        return new PaymentJson(
                payment.id().value(),
                payment.invoiceId().value(),
                payment.status().name(),
                payment.amount().cents(),
                payment.amount().shillings(),
                payment.received().map(Money::cents).orElse(null),
                payment.checkoutRequestId().map(CheckoutRequestId::value).orElse(null),
                payment.merchantRequestId().map(MerchantRequestId::value).orElse(null),
                payment.receipt().map(MpesaReceipt::value).orElse(null),
                payment.result().map(StkResult::code).orElse(null),
                payment.result().map(StkResult::description).filter(d -> !d.isBlank()).orElse(null),
                payment.endReason().map(StkReason::plainReason).orElse(null),
                InvoiceJson.time(payment.transactionTime()),
                payment.createdAt().toString(),
                payment.updatedAt().toString());
    }
}
