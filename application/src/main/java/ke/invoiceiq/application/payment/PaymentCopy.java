package ke.invoiceiq.application.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.PaymentPhrases;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/**
 * The payment messages the product copy (docs/chat-flow.md) does not spell out, in the voice of {@code BotCopy} and
 * in the reader's language: the customer's is the invoice's, the merchant's is configured. The words are
 * {@link PaymentPhrases}. An SMS that asks the customer to pay again offers {@code reply PAY <id>} only when SMS
 * replies reach the service; otherwise it carries the pay link.
 */
final class PaymentCopy {

    /** Times in messages are Kenyan local time, as M-PESA's own SMS shows them. */
    private static final DateTimeFormatter KENYA_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneId.of("Africa/Nairobi"));

    private PaymentCopy() {
    }

    static String paymentFailedToCustomer(Language language, InvoiceId id, Amount amount, StkReason reason,
            Duration cooldown) {
        return PaymentPhrases.FAILED_TO_CUSTOMER.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("sentence", ReasonWords.customerSentence(reason, cooldown, language)).text();
    }

    static String paymentFailedToMerchant(Language language, InvoiceId id, Amount amount, StkReason reason) {
        return PaymentPhrases.FAILED_TO_MERCHANT.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("reason", ReasonWords.plainReason(reason, language)).text();
    }

    static String paymentFailedSms(Language language, InvoiceId id, Amount amount, StkReason reason,
            Optional<String> payLinkWhenNoReplies) {
        var phrase = payLinkWhenNoReplies.isPresent() ? PaymentPhrases.FAILED_SMS_LINK : PaymentPhrases.FAILED_SMS_REPLY;
        var filled = phrase.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("reason", ReasonWords.plainReason(reason, language));
        return payLinkWhenNoReplies.map(link -> filled.with("link", link)).orElse(filled).text();
    }

    static String paidAfterCancellation(Language language, InvoiceId id, Amount amount,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.PAID_AFTER_CANCELLATION.in(language).with("id", id.value())
                .with("amount", amount.formatted()).with("receipt", receiptText(receipt, language)).text();
    }

    static String excessToRefund(Language language, InvoiceId id, Amount amount, Money excess,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.EXCESS_TO_REFUND.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("excess", excess.formatted()).with("receipt", receiptText(receipt, language)).text();
    }

    static String doublePayment(Language language, InvoiceId id, Amount amount, Money excess,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.DOUBLE_PAYMENT.in(language).with("id", id.value()).with("amount", amount.formatted())
                .with("excess", excess.formatted()).with("receipt", receiptText(receipt, language)).text();
    }

    static String doublePaymentToCustomer(Language language, InvoiceId id, Money excess,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.DOUBLE_PAYMENT_TO_CUSTOMER.in(language).with("id", id.value())
                .with("excess", excess.formatted()).with("receipt", receiptText(receipt, language)).text();
    }

    static String partPaymentToCustomer(Language language, InvoiceId id, Money received, Money balance,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.PART_PAYMENT_TO_CUSTOMER.in(language).with("id", id.value())
                .with("received", received.formatted()).with("balance", balance.formatted())
                .with("receipt", receiptText(receipt, language)).text();
    }

    static String partPaymentSms(Language language, InvoiceId id, Money received, Money balance,
            Optional<String> payLinkWhenNoReplies) {
        var phrase = payLinkWhenNoReplies.isPresent()
                ? PaymentPhrases.PART_PAYMENT_SMS_LINK : PaymentPhrases.PART_PAYMENT_SMS_REPLY;
        var filled = phrase.in(language).with("id", id.value()).with("received", received.formatted())
                .with("balance", balance.formatted());
        return payLinkWhenNoReplies.map(link -> filled.with("link", link)).orElse(filled).text();
    }

    static String partPaymentToMerchant(Language language, InvoiceId id, Amount amount, Money received,
            Money balance, Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.PART_PAYMENT_TO_MERCHANT.in(language).with("id", id.value())
                .with("amount", amount.formatted()).with("received", received.formatted())
                .with("balance", balance.formatted()).with("receipt", receiptText(receipt, language)).text();
    }

    static String receivedWhileCancelledToMerchant(Language language, InvoiceId id, Amount amount, Money received,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.RECEIVED_WHILE_CANCELLED_TO_MERCHANT.in(language).with("id", id.value())
                .with("amount", amount.formatted()).with("received", received.formatted())
                .with("receipt", receiptText(receipt, language)).text();
    }

    static String receivedWhileCancelledToCustomer(Language language, InvoiceId id, Money received,
            Optional<MpesaReceipt> receipt) {
        return PaymentPhrases.RECEIVED_WHILE_CANCELLED_TO_CUSTOMER.in(language).with("id", id.value())
                .with("received", received.formatted()).with("receipt", receiptText(receipt, language)).text();
    }

    static String noAnswerToCustomer(Language language, InvoiceId id, Amount asked) {
        return PaymentPhrases.NO_ANSWER_TO_CUSTOMER.in(language).with("id", id.value())
                .with("amount", asked.formatted()).text();
    }

    static String noAnswerSms(Language language, InvoiceId id, Amount asked) {
        return PaymentPhrases.NO_ANSWER_SMS.in(language).with("id", id.value()).with("amount", asked.formatted())
                .text();
    }

    static String noAnswerToMerchant(Language language, InvoiceId id, Amount asked, Msisdn payer, Instant askedAt) {
        return PaymentPhrases.NO_ANSWER_TO_MERCHANT.in(language).with("id", id.value())
                .with("amount", asked.formatted()).with("payer", payer.masked())
                .with("time", KENYA_TIME.format(askedAt)).text();
    }

    static String unmatchedToMerchant(Language language, UnmatchedPayment payment) {
        return PaymentPhrases.UNMATCHED_TO_MERCHANT.in(language)
                .with("amount", payment.amount().map(Money::formatted).orElse("?"))
                .with("payer", payment.payer().map(Msisdn::masked)
                        .orElseGet(() -> PaymentPhrases.UNKNOWN_NUMBER.text(language)))
                .with("receipt", receiptText(payment.receipt(), language))
                .with("time", KENYA_TIME.format(payment.transactionTime().orElse(payment.receivedAt())))
                .with("unmatched", payment.id().value())
                .text();
    }

    static String receiptText(Optional<MpesaReceipt> receipt, Language language) {
        return receipt.map(MpesaReceipt::value).orElseGet(() -> PaymentPhrases.NOT_GIVEN.text(language));
    }
}
