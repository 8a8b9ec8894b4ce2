package ke.invoiceiq.application.payment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.invoice.InvoiceMessages;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.settings.MerchantSettings;
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

    private final OutboxWriter outbox;
    private final Duration cooldown;
    private final MerchantSettings merchant;

    PaymentNotices(OutboxWriter outbox, Duration cooldown, MerchantSettings merchant) {
        this.outbox = outbox;
        this.cooldown = cooldown;
        this.merchant = merchant;
    }

    void tell(Settlement settlement) {
        Invoice invoice = settlement.invoice();
        Language customer = invoice.language();
        Language staff = merchant.language();
        switch (settlement) {
            case Settlement.Paid paid -> {
                paid(invoice, paid.payment().receipt(), paid.payment());
                if (paid.afterCancellation()) {
                    toMerchant(invoice, PaymentCopy.paidAfterCancellation(staff, invoice.id(), invoice.amount(),
                            paid.payment().receipt()));
                }
                if (!paid.excess().isZero()) {
                    toMerchant(invoice, PaymentCopy.excessToRefund(staff, invoice.id(), invoice.amount(), paid.excess(),
                            paid.payment().receipt()));
                }
            }
            case Settlement.PartlyPaid part -> {
                var received = part.payment().received().orElseThrow();
                var receipt = part.payment().receipt();
                outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                        new OutboundContent(
                                PaymentCopy.partPaymentToCustomer(customer, invoice.id(), received, part.balance(), receipt)
                                        + paidFrom(invoice, part.payment(), customer).map(line -> "\n" + line)
                                                .orElse(""),
                                List.of(InvoiceMessages.payButton(invoice.id(), invoice.language())),
                                Optional.of(PaymentCopy.partPaymentSms(customer, invoice.id(), received, part.balance(),
                                        linkWhenNoReplies(invoice))),
                                Optional.empty()));
                toMerchant(invoice, PaymentCopy.partPaymentToMerchant(staff, invoice.id(), invoice.amount(), received,
                        part.balance(), receipt) + paidFrom(invoice, part.payment(), staff).map(line -> "\n" + line)
                        .orElse(""));
            }
            case Settlement.ReceivedWhileCancelled cancelled -> {
                var received = cancelled.payment().received().orElseThrow();
                var receipt = cancelled.payment().receipt();
                String text = PaymentCopy.receivedWhileCancelledToCustomer(customer, invoice.id(), received, receipt);
                outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                        OutboundContent.text(text).withSms(text));
                toMerchant(invoice, PaymentCopy.receivedWhileCancelledToMerchant(staff, invoice.id(), invoice.amount(),
                        received, receipt));
            }
            case Settlement.DoublePayment twice -> {
                var receipt = twice.payment().receipt();
                String text = PaymentCopy.doublePaymentToCustomer(customer, invoice.id(), twice.excess(), receipt);
                outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                        OutboundContent.text(text).withSms(text));
                toMerchant(invoice, PaymentCopy.doublePayment(staff, invoice.id(), invoice.amount(), twice.excess(),
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
                    String text = PaymentCopy.noAnswerToCustomer(customer, invoice.id(), asked);
                    outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.PAYMENT_FAILED,
                            Optional.of(invoice.id()),
                            OutboundContent.text(text).withSms(PaymentCopy.noAnswerSms(customer, invoice.id(), asked)));
                }
                toMerchant(invoice, PaymentCopy.noAnswerToMerchant(staff, invoice.id(), noAnswer.payment().amount(),
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
                OutboundContent.text(PaymentCopy.unmatchedToMerchant(merchant.language(), payment)));
    }

    /**
     * "Paid from 2547****5678." when the money came from another phone than the invoiced one (the holder of the pay
     * link paid from it): the payer's number masked, so the customer and the merchant know who paid, and no more.
     */
    private static Optional<String> paidFrom(Invoice invoice, Payment payment, Language language) {
        return Optional.of(payment.payer()).filter(payer -> !payer.equals(invoice.customer().msisdn()))
                .map(payer -> CashPhrases.PAID_FROM.in(language).with("payer", payer.masked()).text());
    }

    /** The receipt to the customer and the merchant, each in their language, naming another payer masked. */
    private void paid(Invoice invoice, Optional<MpesaReceipt> receipt, Payment payment) {
        Language customer = invoice.language();
        Optional<String> from = paidFrom(invoice, payment, customer);
        String text = InvoiceMessages.receipt(customer, invoice.id(), invoice.amount(), receipt)
                + from.map(line -> "\n" + line).orElse("");
        outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                OutboundContent.text(text)
                        .withSms(InvoiceMessages.receiptSms(customer, invoice.id(), invoice.amount(), receipt)
                                + from.map(line -> " " + line).orElse("")));
        toMerchant(invoice, InvoiceMessages.receipt(merchant.language(), invoice.id(), invoice.amount(), receipt)
                + paidFrom(invoice, payment, merchant.language()).map(line -> "\n" + line).orElse(""));
    }

    /** The attempt ended without money: the customer may try again, so their message carries the pay button. */
    private void failed(Invoice invoice, StkReason reason) {
        Language customer = invoice.language();
        var toCustomer = new OutboundContent(
                PaymentCopy.paymentFailedToCustomer(customer, invoice.id(), invoice.amount(), reason, cooldown),
                List.of(InvoiceMessages.payButton(invoice.id(), invoice.language())),
                Optional.of(PaymentCopy.paymentFailedSms(customer, invoice.id(), invoice.amount(), reason,
                        linkWhenNoReplies(invoice))),
                Optional.empty());
        outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.PAYMENT_FAILED, Optional.of(invoice.id()),
                toCustomer);
        toMerchant(invoice, PaymentCopy.paymentFailedToMerchant(merchant.language(), invoice.id(), invoice.amount(),
                reason));
    }

    /** The pay link, for an SMS that cannot offer "reply PAY" because replies do not reach the service. */
    private Optional<String> linkWhenNoReplies(Invoice invoice) {
        return merchant.smsRepliesReachUs() ? Optional.empty() : Optional.of(merchant.payLink(invoice.payToken()));
    }

    private void toMerchant(Invoice invoice, String text) {
        outbox.toMerchant(MessagePurpose.MERCHANT_NOTICE, Optional.of(invoice.id()), OutboundContent.text(text));
    }
}
