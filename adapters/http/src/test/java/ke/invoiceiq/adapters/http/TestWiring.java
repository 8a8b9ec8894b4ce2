package ke.invoiceiq.adapters.http;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.audit.FindAdminActionsService;
import ke.invoiceiq.application.audit.FindAdminActionsUseCase;
import ke.invoiceiq.application.audit.RecordAdminActionService;
import ke.invoiceiq.application.audit.RecordAdminActionUseCase;
import ke.invoiceiq.application.idempotency.IdempotentRequestsService;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.application.invoice.CancelInvoiceService;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceService;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.export.ExportInvoicesService;
import ke.invoiceiq.application.export.ExportInvoicesUseCase;
import ke.invoiceiq.application.export.ExportPaymentsService;
import ke.invoiceiq.application.export.ExportPaymentsUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesService;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageService;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageUseCase;
import ke.invoiceiq.application.messaging.RetryOutboxMessageService;
import ke.invoiceiq.application.messaging.RetryOutboxMessageUseCase;
import ke.invoiceiq.application.invoice.MarkInvoicePaidService;
import ke.invoiceiq.application.invoice.MarkInvoicePaidUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceService;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentService;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsService;
import ke.invoiceiq.application.payment.RequeryPaymentService;
import ke.invoiceiq.application.payment.RequeryPaymentUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsUseCase;
import ke.invoiceiq.application.payment.RecordPaymentResultService;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RequestPaymentService;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.payment.ViewPayLinkService;
import ke.invoiceiq.application.payment.ViewPayLinkUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.stats.GetStatsSummaryService;
import ke.invoiceiq.application.stats.GetStatsSummaryUseCase;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.ReminderPolicy;

/**
 * The one test wiring of this module, shared by every {@code @QuarkusTest} here (the REST API's and the pay
 * page's): the real use-case services, built as {@code bootstrap}'s {@code UseCaseProducers} builds them, over one
 * set of in-memory ports ({@link InMemoryPorts}: no database, the scripted M-PESA records every push). Tests inject
 * {@link InMemoryPorts} to set up invoices and to look at what happened.
 *
 * <p>Keep it the only class in this module's tests that produces a use case or a settings record: a second
 * producer of the same type makes every test application fail with an ambiguous dependency.
 */
@Singleton
public class TestWiring {

    public static final Msisdn MERCHANT = new Msisdn("254700000001");
    public static final String BUSINESS_NAME = "Wanjiru Cleaners";

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final MerchantSettings merchant = new MerchantSettings(Set.of(MERCHANT), BUSINESS_NAME,
            "https://pay.example");
    private final PaymentSettings payment = PaymentSettings.DEFAULT;
    private final OutboxWriter outbox = new OutboxWriter(ports.outbox(), ports.ids(), ports.clock(), merchant,
            ports.tracing());
    private final RecordPaymentResultService results = new RecordPaymentResultService(ports.paymentResults(),
            ports.payments(), ports.invoices(), ports.unmatchedPayments(), ports.outbox(), ports.transactions(),
            ports.ids(), ports.clock(), ports.events(), merchant, payment, ports.tracing());

    @Produces
    @Singleton
    InMemoryPorts ports() {
        return ports;
    }

    @Produces
    @Singleton
    MerchantSettings merchantSettings() {
        return merchant;
    }

    @Produces
    @Singleton
    PaymentSettings paymentSettings() {
        return payment;
    }

    @Produces
    @Singleton
    CreateInvoiceUseCase createInvoice() {
        return new CreateInvoiceService(ports.invoices(), ports.customers(), ports.ids(), outbox,
                ports.transactions(), ports.events(), ports.clock(), merchant);
    }

    @Produces
    @Singleton
    RemindInvoiceUseCase remindInvoice() {
        return new RemindInvoiceService(ports.invoices(), outbox, ports.transactions(), ports.events(),
                ports.clock(), merchant, ReminderPolicy.DEFAULT);
    }

    @Produces
    @Singleton
    CancelInvoiceUseCase cancelInvoice() {
        return new CancelInvoiceService(ports.invoices(), outbox, ports.transactions(), ports.events(),
                ports.clock());
    }

    @Produces
    @Singleton
    MarkInvoicePaidUseCase markInvoicePaid() {
        return new MarkInvoicePaidService(ports.invoices(), outbox, ports.transactions(), ports.events(),
                ports.clock());
    }

    @Produces
    @Singleton
    FindInvoicesUseCase findInvoices() {
        return new FindInvoicesService(ports.invoices(), ports.transactions());
    }

    @Produces
    @Singleton
    RecordPaymentResultUseCase recordPaymentResult() {
        return results;
    }

    @Produces
    @Singleton
    RequestPaymentUseCase requestPayment() {
        return new RequestPaymentService(ports.invoices(), ports.payments(), ports.gateway(), results,
                ports.transactions(), ports.ids(), ports.clock(), ports.events(), payment);
    }

    @Produces
    @Singleton
    ViewPayLinkUseCase viewPayLink() {
        return new ViewPayLinkService(ports.invoices(), ports.transactions(), ports.clock(), payment);
    }

    @Produces
    @Singleton
    IdempotentRequestsUseCase idempotentRequests() {
        return new IdempotentRequestsService(ports.idempotentAnswers(), ports.transactions(), ports.clock());
    }

    @Produces
    @Singleton
    FindUnmatchedPaymentsUseCase findUnmatchedPayments() {
        return new FindUnmatchedPaymentsService(ports.unmatchedPayments(), ports.transactions());
    }

    @Produces
    @Singleton
    ApplyUnmatchedPaymentUseCase applyUnmatchedPayment() {
        return new ApplyUnmatchedPaymentService(ports.unmatchedPayments(), ports.invoices(), ports.payments(),
                ports.outbox(), ports.transactions(), ports.ids(), ports.clock(), ports.events(), merchant, payment,
                ports.tracing());
    }

    @Produces
    @Singleton
    GetStatsSummaryUseCase statsSummary() {
        return new GetStatsSummaryService(ports.statistics(), ports.transactions());
    }

    @Produces
    @Singleton
    RecordAdminActionUseCase recordAdminAction() {
        return new RecordAdminActionService(ports.adminAudit(), ports.ids(), ports.transactions(), ports.clock());
    }

    @Produces
    @Singleton
    FindAdminActionsUseCase findAdminActions() {
        return new FindAdminActionsService(ports.adminAudit(), ports.transactions());
    }

    @Produces
    @Singleton
    RetryOutboxMessageUseCase retryOutboxMessage() {
        return new RetryOutboxMessageService(ports.outbox(), ports.transactions(), ports.clock());
    }

    @Produces
    @Singleton
    AbandonOutboxMessageUseCase abandonOutboxMessage() {
        return new AbandonOutboxMessageService(ports.outbox(), ports.transactions(), ports.clock());
    }

    @Produces
    @Singleton
    RequeryPaymentUseCase requeryPayment() {
        return new RequeryPaymentService(ports.payments(), ports.invoices(), ports.gateway(), results,
                ports.transactions(), ports.clock());
    }

    @Produces
    @Singleton
    ExportInvoicesUseCase exportInvoices() {
        return new ExportInvoicesService(ports.invoices(), ports.transactions());
    }

    @Produces
    @Singleton
    ExportPaymentsUseCase exportPayments() {
        return new ExportPaymentsService(ports.moneyReceived(), ports.transactions());
    }
}
