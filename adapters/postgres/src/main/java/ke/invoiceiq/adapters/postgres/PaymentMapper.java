package ke.invoiceiq.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.Money;
import ke.invoiceiq.domain.payment.CheckoutRequestId;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.payment.KeptResult;
import ke.invoiceiq.domain.payment.MerchantRequestId;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;
import ke.invoiceiq.domain.payment.PaymentId;
import ke.invoiceiq.domain.payment.PaymentResult;
import ke.invoiceiq.domain.payment.PaymentStatus;
import ke.invoiceiq.domain.payment.StkResult;

/** STK attempt ↔ {@code payments} row, kept payment result ↔ {@code stk_callbacks} row. */
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
                Optional.ofNullable(e.receivedCents).map(Money::new),
                e.createdAt,
                e.updatedAt,
                e.queries,
                Optional.ofNullable(e.lastQueriedAt));
    }

    static KeptResult toDomain(StkCallbackEntity e) {
        return new KeptResult(e.id, new PaymentResult(
                new CheckoutRequestId(e.checkoutRequestId),
                Optional.ofNullable(e.merchantRequestId).map(MerchantRequestId::new),
                new StkResult(e.resultCode, e.resultDesc),
                Optional.ofNullable(e.amount),
                Optional.ofNullable(e.mpesaReceipt).map(MpesaReceipt::new),
                Optional.ofNullable(e.transactionTime),
                Optional.ofNullable(e.phoneMsisdn).map(Msisdn::new),
                e.receivedAt));
    }

    /** A kept result from a row of {@code stk_callbacks} read by a statement (a claim's RETURNING). */
    static KeptResult keptFromRow(ResultSet rs) throws SQLException {
        return new KeptResult(rs.getLong("id"), new PaymentResult(
                new CheckoutRequestId(rs.getString("checkout_request_id")),
                Optional.ofNullable(rs.getString("merchant_request_id")).map(MerchantRequestId::new),
                new StkResult(rs.getInt("result_code"), rs.getString("result_desc")),
                Optional.ofNullable(rs.getBigDecimal("amount")),
                Optional.ofNullable(rs.getString("mpesa_receipt")).map(MpesaReceipt::new),
                Optional.ofNullable(Sql.instant(rs, "transaction_time")),
                Optional.ofNullable(rs.getString("phone_msisdn")).map(Msisdn::new),
                Sql.instant(rs, "received_at")));
    }
}
