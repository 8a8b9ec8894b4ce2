package ke.invoiceiq.application.payment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.CashPhrases;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.Settlement;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.StkReason;
import ke.invoiceiq.domain.payment.UnmatchedPayment;

/**
 * What customer and merchant are told about a payment, written to the outbox inside the caller's unit of work: one
 * message per side for each kind of {@link Settlement}. A refusal of the push on the spot is not told here: the
 * asker gets it as the direct answer to their request.
 */
final class PaymentNotices {

    /** The language of the sentence naming another payer, until the reader's language is known here. */
    private static final Language RECEIPT_LANGUAGE = Language.EN;

    private final OutboxWriter outbox;
    private final Duration cooldown;

    PaymentNotices(OutboxWriter outbox, Duration cooldown) {
        this.outbox = outbox;
        this.cooldown = cooldown;
    }

    void tell(Settlement settlement) {
        Invoice invoice = settlement.invoice();
        switch (settlement) {
            case Settlement.Paid paid -> {
                paid(invoice, paid.payment().receipt(), paidFrom(invoice, paid.payment()));
                if (paid.afterCancellation()) {
                    toMerchant(invoice, PaymentCopy.paidAfterCancellation(invoice.id(), invoice.amount(),
                            paid.payment().receipt()));
                }
                if (!paid.excess().isZero()) {
                    toMerchant(invoice, PaymentCopy.excessToRefund(invoice.id(), invoice.amount(), paid.excess(),
                            paid.payment().receipt()));
                }
            }
            case Settlement.PartlyPaid part -> {
                var received = part.payment().received().orElseThrow();
                var receipt = part.payment().receipt();
                outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                        new OutboundContent(
                                PaymentCopy.partPaymentToCustomer(invoice.id(), received, part.balance(), receipt)
                                        + paidFrom(invoice, part.payment()).map(line -> "\n" + line).orElse(""),
                                List.of(BotCopy.payButton(invoice.id())),
                                Optional.of(PaymentCopy.partPaymentSms(invoice.id(), received, part.balance())),
                                Optional.empty()));
                toMerchant(invoice, PaymentCopy.partPaymentToMerchant(invoice.id(), invoice.amount(), received,
                        part.balance(), receipt) + paidFrom(invoice, part.payment()).map(line -> "\n" + line)
                        .orElse(""));
            }
            case Settlement.ReceivedWhileCancelled cancelled -> {
                var received = cancelled.payment().received().orElseThrow();
                var receipt = cancelled.payment().receipt();
                String text = PaymentCopy.receivedWhileCancelledToCustomer(invoice.id(), received, receipt);
                outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                        OutboundContent.text(text).withSms(text));
                toMerchant(invoice, PaymentCopy.receivedWhileCancelledToMerchant(invoice.id(), invoice.amount(),
                        received, receipt));
            }
            case Settlement.DoublePayment twice -> {
                var receipt = twice.payment().receipt();
                String text = PaymentCopy.doublePaymentToCustomer(invoice.id(), twice.excess(), receipt);
                outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                        OutboundContent.text(text).withSms(text));
                toMerchant(invoice, PaymentCopy.doublePayment(invoice.id(), invoice.amount(), twice.excess(),
                        receipt));
            }
            case Settlement.Failed failed -> {
                if (invoice.isPayable()) {
                    failed(invoice, failed.reason());
                }
            }
            case Settlement.NoAnswer noAnswer -> {
                if (invoice.isPayable()) {
                    var asked = noAnswer.payment().amount();
                    String text = PaymentCopy.noAnswerToCustomer(invoice.id(), asked);
                    outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.PAYMENT_FAILED,
                            Optional.of(invoice.id()),
                            OutboundContent.text(text).withSms(PaymentCopy.noAnswerSms(invoice.id(), asked)));
                }
                toMerchant(invoice, PaymentCopy.noAnswerToMerchant(invoice.id(), noAnswer.payment().amount(),
                        noAnswer.payment().payer(), noAnswer.payment().createdAt()));
            }
            case Settlement.ReceiptAdded added -> {
                // the payment was told when it was settled; its receipt now shows in status and the API
            }
            case Settlement.Unchanged unchanged -> {
            }
        }
    }

    void unmatched(UnmatchedPayment payment) {
        outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.empty(),
                OutboundContent.text(PaymentCopy.unmatchedToMerchant(payment)));
    }

    /**
     * "Paid from 2547****5678." when the money came from another phone than the invoiced one (the holder of the pay
     * link paid from it): the payer's number masked, so the customer and the merchant know who paid, and no more.
     */
    private static Optional<String> paidFrom(Invoice invoice, Payment payment) {
        return Optional.of(payment.payer()).filter(payer -> !payer.equals(invoice.customer().msisdn()))
                .map(payer -> CashPhrases.PAID_FROM.in(RECEIPT_LANGUAGE).with("payer", payer.masked()).text());
    }

    private void paid(Invoice invoice, Optional<MpesaReceipt> receipt, Optional<String> from) {
        String text = BotCopy.receipt(invoice.id(), invoice.amount(), receipt)
                + from.map(line -> "\n" + line).orElse("");
        outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                OutboundContent.text(text).withSms(BotCopy.receiptSms(invoice.id(), invoice.amount(), receipt)
                        + from.map(line -> " " + line).orElse("")));
        toMerchant(invoice, text);
    }

    /** The attempt ended without money: the customer may try again, so their message carries the pay button. */
    private void failed(Invoice invoice, StkReason reason) {
        var toCustomer = new OutboundContent(
                BotCopy.paymentFailedToCustomer(invoice.id(), invoice.amount(), reason.customerSentence(cooldown)),
                List.of(BotCopy.payButton(invoice.id())),
                Optional.of(PaymentCopy.paymentFailedSms(invoice.id(), invoice.amount(), reason)),
                Optional.empty());
        outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.PAYMENT_FAILED, Optional.of(invoice.id()),
                toCustomer);
        toMerchant(invoice, BotCopy.paymentFailedToMerchant(invoice.id(), invoice.amount(), reason.plainReason()));
    }

    private void toMerchant(Invoice invoice, String text) {
        outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(invoice.id()), OutboundContent.text(text));
    }
}
