package ke.invoiceiq.bootstrap.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import ke.invoiceiq.application.payment.RecordC2bPaymentService;
import ke.invoiceiq.application.payment.RecordC2bPaymentUseCase;
import ke.invoiceiq.application.payment.RegisterC2bUrlsService;
import ke.invoiceiq.application.payment.RegisterC2bUrlsUseCase;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.payment.C2bInbox;
import ke.invoiceiq.domain.payment.C2bUrlRegistry;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The C2B use cases (payments to the Paybill or Till from the M-PESA menu), built from the driven ports CDI
 * resolves: the C2B inbox (adapters/postgres), the URL registry (adapters/daraja) and the ports the STK payment use
 * cases share. Kept beside {@code UseCaseProducers}'s {@code Core} rather than in it, so that the composition root
 * and every test that builds one need no new port.
 */
@ApplicationScoped
public class C2bProducers {

    @Produces
    @ApplicationScoped
    RecordC2bPaymentUseCase recordC2bPayment(C2bInbox inbox, InvoiceRepository invoices, PaymentRepository payments,
            UnmatchedPayments unmatched, Outbox outbox, Transactions transactions, IdGenerator ids, Clock clock,
            DomainEvents events, MerchantSettings merchant, PaymentSettings payment, C2bSettings c2b,
            Tracing tracing) {
        return new RecordC2bPaymentService(inbox, invoices, payments, unmatched, outbox, transactions, ids, clock,
                events, merchant, payment, c2b, tracing);
    }

    @Produces
    @ApplicationScoped
    RegisterC2bUrlsUseCase registerC2bUrls(C2bUrlRegistry registry, C2bSettings c2b) {
        return new RegisterC2bUrlsService(registry, c2b);
    }
}
