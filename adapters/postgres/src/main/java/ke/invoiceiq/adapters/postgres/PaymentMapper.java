package ke.invoiceiq.adapters.postgres;

import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkResult;

/** STK attempt ↔ {@code payments} row, payment result ↔ {@code stk_callbacks} row. */
final class PaymentMapper {

    private PaymentMapper() {
    }

    static Payment toDomain(PaymentEntity e) {
        return new Payment(
                new PaymentId(e.id),
                new InvoiceId(e.invoiceId),
                new Msisdn(e.payerMsisdn),
                Amount.ofCents(e.amountCents),
                new IdempotencyKey(e.idempotencyKey),
                PaymentStatus.valueOf(e.status),
                Optional.ofNullable(e.merchantRequestId).map(MerchantRequestId::new),
                Optional.ofNullable(e.checkoutRequestId).map(CheckoutRequestId::new),
                e.resultCode == null ? Optional.empty() : Optional.of(new StkResult(e.resultCode, e.resultDesc)),
                Optional.ofNullable(e.mpesaReceipt).map(MpesaReceipt::new),
                Optional.ofNullable(e.transactionTime),
                e.createdAt,
                e.updatedAt,
                e.queries,
                Optional.ofNullable(e.lastQueriedAt));
    }

    static PaymentResult toDomain(StkCallbackEntity e) {
        return new PaymentResult(
                new CheckoutRequestId(e.checkoutRequestId),
                Optional.ofNullable(e.merchantRequestId).map(MerchantRequestId::new),
                new StkResult(e.resultCode, e.resultDesc),
                Optional.ofNullable(e.amount),
                Optional.ofNullable(e.mpesaReceipt).map(MpesaReceipt::new),
                Optional.ofNullable(e.transactionTime),
                Optional.ofNullable(e.phoneMsisdn).map(Msisdn::new),
                e.receivedAt);
    }
}
