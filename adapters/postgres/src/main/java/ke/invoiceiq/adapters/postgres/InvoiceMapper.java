package ke.invoiceiq.adapters.postgres;

import java.util.List;
import java.util.Optional;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceStatus;
import ke.invoiceiq.domain.invoice.PaidOutside;
import ke.invoiceiq.domain.invoice.PayToken;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.payment.Payment;

/** {@code invoices} row and its {@code payments} rows → invoice aggregate. */
final class InvoiceMapper {

    private InvoiceMapper() {
    }

    /**
     * The invoice with {@code payments}, its attempts in the order they were made, and {@code outside}, the money
     * recorded outside M-PESA in the order it was recorded.
     */
    static Invoice toDomain(InvoiceEntity e, List<Payment> payments, List<PaidOutside> outside) {
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
                e.reminderCount,
                Optional.ofNullable(e.lastRemindedAt),
                payments,
                outside,
                Optional.ofNullable(e.dueDate),
                Language.fromTag(e.language).orElseThrow(
                        () -> new IllegalStateException("invoice " + e.id + " has an unknown language")),
                e.version);
    }
}
