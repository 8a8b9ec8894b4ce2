package ke.invoiceiq.adapters.postgres;

import java.util.Optional;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.MpesaReceipt;

/** Invoice aggregate ↔ {@code invoices} row. */
final class InvoiceMapper {

    private InvoiceMapper() {
    }

    static Invoice toDomain(InvoiceEntity e) {
        return new Invoice(
                new InvoiceId(e.id),
                new Customer(new Msisdn(e.msisdn), Optional.ofNullable(e.customerName).map(CustomerName::new)),
                Amount.ofCents(e.amountCents),
                new Description(e.description),
                InvoiceStatus.valueOf(e.status),
                new PayToken(e.payToken),
                e.createdAt,
                Optional.ofNullable(e.sentAt),
                Optional.ofNullable(e.paidAt),
                Optional.ofNullable(e.cancelledAt),
                Optional.ofNullable(e.deliveryChannel).map(Channel::valueOf),
                Optional.ofNullable(e.mpesaReceipt).map(MpesaReceipt::new),
                e.reminderCount,
                Optional.ofNullable(e.lastRemindedAt),
                e.version);
    }

    static InvoiceEntity toEntity(Invoice i) {
        var e = new InvoiceEntity();
        e.id = i.id().value();
        e.customerName = i.customer().name().map(CustomerName::value).orElse(null);
        e.msisdn = i.customer().msisdn().value();
        e.amountCents = i.amount().cents();
        e.currency = Amount.CURRENCY;
        e.description = i.description().value();
        e.status = i.status().name();
        e.createdAt = i.createdAt();
        e.payToken = i.payToken().value();
        e.sentAt = i.sentAt().orElse(null);
        e.paidAt = i.paidAt().orElse(null);
        e.cancelledAt = i.cancelledAt().orElse(null);
        e.deliveryChannel = i.deliveryChannel().map(Channel::name).orElse(null);
        e.mpesaReceipt = i.receipt().map(MpesaReceipt::value).orElse(null);
        e.reminderCount = i.reminderCount();
        e.lastRemindedAt = i.lastRemindedAt().orElse(null);
        e.version = i.version();
        return e;
    }
}
