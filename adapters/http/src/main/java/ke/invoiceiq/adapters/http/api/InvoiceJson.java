package ke.invoiceiq.adapters.http.api;

import ke.invoiceiq.domain.due.DueDates;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invoice as the API shows it. Times are ISO-8601 UTC; a time that has not happened is {@code null}. The pay
 * token appears only inside {@code pay_url}.
 */
@RegisterForReflection
@Schema(name = "Invoice", description = "An invoice. Absent times and values are null.")
public record InvoiceJson(
        @Schema(examples = "INV-7K3Q9X") String id,
        @Schema(enumeration = {"PENDING", "SENT", "PAID", "CANCELLED", "FAILED"}, examples = "PENDING",
                description = "PENDING until a channel accepts it; FAILED means it could not be delivered on any "
                        + "channel (not a failed payment).")
        String status,
        @Schema(description = "The customer's M-PESA number, canonical.", examples = "254712345678") String msisdn,
        @JsonProperty("customer_name") @Schema(nullable = true, examples = "Mama Njeri") String customerName,
        @JsonProperty("amount_cents") @Schema(description = "Always whole shillings × 100.", examples = "250000")
        long amountCents,
        @Schema(description = "Whole shillings.", examples = "2500") long amount,
        @JsonProperty("amount_display") @Schema(examples = "KES 2,500") String amountDisplay,
        @JsonProperty("amount_paid_cents") @Schema(description = "What M-PESA has moved for this invoice so far: the "
                + "sum of its successful payments, in cents (M-PESA may report cents). More than `amount_cents` "
                + "when it was paid twice or overpaid (the excess is to refund).", examples = "100000")
        long amountPaidCents,
        @JsonProperty("amount_paid_display") @Schema(examples = "KES 1,000") String amountPaidDisplay,
        @JsonProperty("balance_cents") @Schema(description = "What is still to pay: `amount_cents` less "
                + "`amount_paid_cents` and the `paid_outside` amounts, never below 0. The next M-PESA prompt asks for it (rounded up to whole "
                + "shillings).", examples = "150000")
        long balanceCents,
        @JsonProperty("balance_display") @Schema(examples = "KES 1,500") String balanceDisplay,
        @Schema(enumeration = "KES", examples = "KES") String currency,
        @Schema(examples = "Cleaning") String description,
        @JsonProperty("pay_url") @Schema(description = "The customer's pay page.",
                examples = "https://pay.example.co.ke/pay/Yc3kq0l2Vt8pQm1sXe4RZw") String payUrl,
        @JsonProperty("created_at") @Schema(type = SchemaType.STRING, format = "date-time",
                examples = "2026-03-02T06:00:00Z") String createdAt,
        @JsonProperty("sent_at") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true) String sentAt,
        @JsonProperty("paid_at") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true) String paidAt,
        @JsonProperty("cancelled_at") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true)
        String cancelledAt,
        @JsonProperty("delivery_channel") @Schema(enumeration = {"WHATSAPP", "SMS"}, nullable = true)
        String deliveryChannel,
        @JsonProperty("mpesa_receipt") @Schema(nullable = true, description = "The receipt of the latest payment that "
                + "has one.", examples = "NLJ7RT61SV") String mpesaReceipt,
        @JsonProperty("mpesa_receipts") @Schema(description = "Every M-PESA receipt of the invoice's payments, oldest "
                + "first; more than one after part payments.", examples = "[\"NLJ7RT61SV\"]")
        List<String> mpesaReceipts,
        @JsonProperty("reminder_count") @Schema(examples = "0") int reminderCount,
        @JsonProperty("last_reminded_at") @Schema(type = SchemaType.STRING, format = "date-time", nullable = true)
        String lastRemindedAt,
        @JsonProperty("paid_outside") @Schema(description = "Every sum recorded as received outside M-PESA Express"
                + " (`POST /invoices/{id}/mark-paid`, or the merchant's `paid` in chat), oldest first; empty when"
                + " none.")
        List<PaidOutsideJson> paidOutside,
        @JsonProperty("due_date") @Schema(type = SchemaType.STRING, format = "date", nullable = true,
                description = "The day it is due, in Kenya (East Africa Time); null when it has none.",
                examples = "2026-12-15") String dueDate,
        @Schema(description = "True when the due date has passed (in Nairobi) and the invoice is still open (not "
                + "paid, not cancelled). Derived at the time of the request.", examples = "false") boolean overdue) {

    /** One sum recorded as paid outside M-PESA: how, how much, the note, when. */
    @RegisterForReflection
    @Schema(name = "PaidOutside", description = "Money the merchant received outside M-PESA Express.")
    public record PaidOutsideJson(
            @Schema(enumeration = {"CASH", "BANK_TRANSFER", "OTHER"}, examples = "CASH") String method,
            @JsonProperty("amount_cents") @Schema(description = "What this recording added, in cents.",
                    examples = "150000") long amountCents,
            @JsonProperty("amount_display") @Schema(examples = "KES 1,500") String amountDisplay,
            @Schema(examples = "Cash at the shop, counted by Wanjiru") String note,
            @Schema(type = SchemaType.STRING, format = "date-time", examples = "2026-03-02T09:30:00Z") String at) {

        static PaidOutsideJson of(PaidOutside outside) {
            return new PaidOutsideJson(outside.method().name(), outside.amount().cents(), outside.amount().display(),
                    outside.note(), outside.at().toString());
        }
    }

    static InvoiceJson of(Invoice invoice, MerchantSettings merchant, Instant now) {
        Amount amount = invoice.amount();
        Money paid = invoice.paid();
        Money balance = invoice.balance();
        return new InvoiceJson(
                invoice.id().value(),
                invoice.status().name(),
                invoice.customer().msisdn().value(),
                invoice.customer().name().map(CustomerName::value).orElse(null),
                amount.cents(),
                amount.shillings(),
                amount.display(),
                paid.cents(),
                paid.display(),
                balance.cents(),
                balance.display(),
                Amount.CURRENCY,
                invoice.description().value(),
                merchant.payLink(invoice.payToken()),
                invoice.createdAt().toString(),
                time(invoice.sentAt()),
                time(invoice.paidAt()),
                time(invoice.cancelledAt()),
                invoice.deliveryChannel().map(Channel::name).orElse(null),
                invoice.receipt().map(MpesaReceipt::value).orElse(null),
                invoice.receipts().stream().map(MpesaReceipt::value).toList(),
                invoice.reminderCount(),
                time(invoice.lastRemindedAt()),
                invoice.paidOutside().stream().map(PaidOutsideJson::of).toList(),
                invoice.dueDate().map(java.time.LocalDate::toString).orElse(null),
                DueDates.isOverdue(invoice, now));
    }

    static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
