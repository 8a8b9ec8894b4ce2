package ke.invoiceiq.application.payment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/** The payment messages the product copy (docs/chat-flow.md) does not spell out, written in the voice of {@code BotCopy}. */
final class PaymentCopy {

    /** Times in messages are Kenyan local time, as M-PESA's own SMS shows them. */
    private static final DateTimeFormatter KENYA_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Africa/Nairobi"));

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

    static String excessToRefund(InvoiceId id, Amount amount, Money excess, Optional<MpesaReceipt> receipt) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") is paid, with KES " + excess.formatted()
                + " more than its amount (receipt " + receiptText(receipt) + ").\n"
                + "Please refund the customer the extra KES " + excess.formatted() + ".";
    }

    static String doublePayment(InvoiceId id, Amount amount, Money excess, Optional<MpesaReceipt> receipt) {
        return "Invoice #" + id.value() + " (KES " + amount.formatted() + ") was paid twice: another KES "
                + excess.formatted() + " came with M-PESA receipt " + receiptText(receipt) + ".\n"
                + "Please refund the customer the extra KES " + excess.formatted() + ".";
    }

    static String doublePaymentToCustomer(InvoiceId id, Money excess, Optional<MpesaReceipt> receipt) {
        return "Invoice #" + id.value() + " was already paid, and we received another KES " + excess.formatted()
                + " (receipt " + receiptText(receipt) + ").\nThe merchant will refund you. No need to do anything.";
    }

    static String partPaymentToCustomer(InvoiceId id, Money received, Money balance, Optional<MpesaReceipt> receipt) {
        return "Received KES " + received.formatted() + " for Invoice #" + id.value() + " (receipt "
                + receiptText(receipt) + ").\nStill to pay: KES " + balance.formatted()
                + ". Tap Pay with M-PESA to pay the rest.";
    }

    static String partPaymentSms(InvoiceId id, Money received, Money balance) {
        return "Received KES " + received.formatted() + " for Invoice " + id.value() + ". Still to pay: KES "
                + balance.formatted() + ". Reply PAY " + id.value() + " to pay the rest.";
    }

    static String partPaymentToMerchant(InvoiceId id, Amount amount, Money received, Money balance,
            Optional<MpesaReceipt> receipt) {
        return "Part payment: KES " + received.formatted() + " received for Invoice #" + id.value() + " (KES "
                + amount.formatted() + "), receipt " + receiptText(receipt) + ".\nStill to pay: KES "
                + balance.formatted() + ". The customer was told.";
    }

    static String receivedWhileCancelledToMerchant(InvoiceId id, Amount amount, Money received,
            Optional<MpesaReceipt> receipt) {
        return "Heads up: Invoice #" + id.value() + " (KES " + amount.formatted() + ") was cancelled, but the customer"
                + " paid KES " + received.formatted() + " (receipt " + receiptText(receipt) + ").\n"
                + "Please refund the customer on M-PESA.";
    }

    static String receivedWhileCancelledToCustomer(InvoiceId id, Money received, Optional<MpesaReceipt> receipt) {
        return "We received KES " + received.formatted() + " for Invoice #" + id.value() + " (receipt "
                + receiptText(receipt) + "), but the merchant had cancelled it.\nThe merchant will refund you.";
    }

    static String noAnswerToCustomer(InvoiceId id, Amount asked) {
        return "We have not heard back from M-PESA about your payment for Invoice #" + id.value() + " (KES "
                + asked.formatted() + ").\nIf M-PESA took the money, do not pay again: your receipt follows once"
                + " M-PESA confirms it.";
    }

    static String noAnswerSms(InvoiceId id, Amount asked) {
        return "No answer yet from M-PESA about your KES " + asked.formatted() + " payment for Invoice " + id.value()
                + ". If money left your account, do not pay again.";
    }

    static String noAnswerToMerchant(InvoiceId id, Amount asked, Msisdn payer, Instant askedAt) {
        return "M-PESA never told us how the KES " + asked.formatted() + " payment for Invoice #" + id.value()
                + " ended (asked from " + payer.masked() + " at " + KENYA_TIME.format(askedAt) + ").\n"
                + "Check your M-PESA statement for it. If it arrives later it is applied automatically; the invoice"
                + " stays open meanwhile.";
    }

    static String unmatchedToMerchant(UnmatchedPayment payment) {
        return "M-PESA payment that matches no invoice: KES " + payment.amount().map(Money::formatted).orElse("?")
                + " from " + payment.payer().map(Msisdn::masked).orElse("an unknown number") + ", receipt "
                + receiptText(payment.receipt()) + ", at "
                + KENYA_TIME.format(payment.transactionTime().orElse(payment.receivedAt())) + ".\n"
                + "It is kept as unmatched payment " + payment.id().value()
                + ": apply it to the right invoice, or refund it.";
    }

    static String receiptText(Optional<MpesaReceipt> receipt) {
        return receipt.map(MpesaReceipt::value).orElse("not given");
    }
}
