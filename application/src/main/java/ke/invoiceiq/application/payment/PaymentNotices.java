package ke.invoiceiq.application.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.StkReason;

/** What customer and merchant are told about a payment, written to the outbox inside the caller's unit of work. */
final class PaymentNotices {

    private final OutboxWriter outbox;

    PaymentNotices(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void paid(Invoice invoice, Optional<MpesaReceipt> receipt) {
        String text = BotCopy.receipt(invoice.id(), invoice.amount(), receipt);
        outbox.toCustomer(invoice.customer().msisdn(), MessagePurpose.RECEIPT, Optional.of(invoice.id()),
                OutboundContent.text(text).withSms(BotCopy.receiptSms(invoice.id(), invoice.amount(), receipt)));
        toMerchant(invoice, text);
    }

    void paidAfterCancellation(Invoice invoice, Optional<MpesaReceipt> receipt) {
        toMerchant(invoice, PaymentCopy.paidAfterCancellation(invoice.id(), invoice.amount(), receipt));
    }

    void doublePayment(Invoice invoice, Optional<MpesaReceipt> receipt) {
        toMerchant(invoice, PaymentCopy.doublePayment(invoice.id(), invoice.amount(), receipt));
    }

    void amountMismatch(Invoice invoice, BigDecimal reported, Optional<MpesaReceipt> receipt) {
        toMerchant(invoice, PaymentCopy.amountMismatch(invoice.id(), invoice.amount(), reported, receipt));
    }

    /** The attempt ended without money: the customer may try again, so their message carries the pay button. */
    void failed(Invoice invoice, StkReason reason) {
        var toCustomer = new OutboundContent(
                BotCopy.paymentFailedToCustomer(invoice.id(), invoice.amount(), reason.customerSentence()),
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
