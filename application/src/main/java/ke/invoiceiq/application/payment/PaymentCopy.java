package ke.invoiceiq.application.payment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.StkReason;

/** The payment messages COPY.md does not spell out, written in the voice of {@code BotCopy}. */
final class PaymentCopy {

    private PaymentCopy() {
    }

    static String paymentFailedSms(InvoiceId id, Amount amount, StkReason reason) {
        return "Payment for Invoice " + id.value() + " (KES " + amount.formatted() + ") did not go through: "
                + reason.plainReason() + ". To try again, reply PAY " + id.value();
    }

    static String paidAfterCancellation(InvoiceId id, Amount amount, Optional<MpesaReceipt> receipt) {
        return "Heads up: Invoice #" + id.value() + " (KES " + amount.formatted() + ") was cancelled, but the customer"
                + " paid it anyway (receipt " + receiptText(receipt) + ").\n"
                + "It is now marked paid. Refund the customer on M-PESA if the sale is off.";
    }

    static String doublePayment(InvoiceId id, Amount amount, Optional<MpesaReceipt> receipt) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") was paid twice: the second M-PESA receipt is "
                + receiptText(receipt) + ".\nPlease refund the customer the extra KES " + amount.formatted() + ".";
    }

    static String amountMismatch(InvoiceId id, Amount amount, BigDecimal reported, Optional<MpesaReceipt> receipt) {
        return "M-PESA reported KES " + shillings(reported) + " for Invoice #" + id.value() + " (KES "
                + amount.formatted() + "), receipt " + receiptText(receipt) + ".\n"
                + "The invoice is not marked paid; please check the payment with the customer.";
    }

    private static String receiptText(Optional<MpesaReceipt> receipt) {
        return receipt.map(MpesaReceipt::value).orElse("not given");
    }

    private static String shillings(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0
                ? String.format(Locale.ROOT, "%,d", plain.toBigInteger())
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
