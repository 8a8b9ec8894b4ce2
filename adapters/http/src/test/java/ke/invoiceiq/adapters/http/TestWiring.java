package ke.invoiceiq.adapters.http;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.application.audit.FindAdminActionsUseCase;
import ke.invoiceiq.application.audit.RecordAdminActionUseCase;
import ke.invoiceiq.application.export.ExportInvoicesUseCase;
import ke.invoiceiq.application.export.ExportPaymentsUseCase;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.MarkInvoicePaidUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageUseCase;
import ke.invoiceiq.application.messaging.RetryOutboxMessageUseCase;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentUseCase;
import ke.invoiceiq.application.payment.FindPaymentsUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsUseCase;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RegisterC2bUrlsService;
import ke.invoiceiq.application.payment.RegisterC2bUrlsUseCase;
import ke.invoiceiq.application.payment.RequeryPaymentUseCase;
import ke.invoiceiq.application.settings.C2bSettings;
import ke.invoiceiq.domain.payment.C2bRegistration;
import ke.invoiceiq.domain.payment.TillMatching;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.payment.ViewPayLinkUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.stats.GetStatsSummaryUseCase;
import ke.invoiceiq.application.wiring.Core;
import ke.invoiceiq.application.wiring.CorePorts;
import ke.invoiceiq.application.wiring.CoreSettings;
import ke.invoiceiq.domain.customer.Msisdn;

/**
 * The one test wiring of this module, shared by every {@code @QuarkusTest} here (the REST API's and the pay
 * page's): the real use cases, taken from one {@link Core} (the composition root {@code bootstrap}'s
 * {@code UseCaseProducers} serves them from) over one set of in-memory ports ({@link InMemoryPorts}: no database,
 * the scripted M-PESA records every push). Tests inject {@link InMemoryPorts} to set up invoices and to look at what
 * happened.
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
    private final CoreSettings settings = CoreSettings.defaults(merchant);
    private final Core core = new Core(corePorts(ports), settings);

    /** {@link InMemoryPorts} has no webhook inbox (no test here reads one back), so a fresh one is added. */
    private static CorePorts corePorts(InMemoryPorts p) {
        return new CorePorts(p.clock(), p.ids(), p.transactions(), p.events(), p.tracing(), p.invoices(),
                p.statistics(), p.payments(), p.paymentResults(), p.unmatchedPayments(), p.idempotentAnswers(),
                p.chatSessions(), p.customers(), p.outbox(), p.messageLog(), p.inboundEvents(), p.replyCooldowns(),
                p.sendSlots(), new InMemoryWebhookInbox(), p.adminAudit(), p.moneyReceived(), p.chat(), p.sms(),
                p.gateway());
    }

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
        return settings.payment();
    }

    @Produces
    @Singleton
    CreateInvoiceUseCase createInvoice() {
        return core.createInvoice();
    }

    @Produces
    @Singleton
    RemindInvoiceUseCase remindInvoice() {
        return core.remindInvoice();
    }

    @Produces
    @Singleton
    CancelInvoiceUseCase cancelInvoice() {
        return core.cancelInvoice();
    }

    @Produces
    @Singleton
    MarkInvoicePaidUseCase markInvoicePaid() {
        return core.markInvoicePaid();
    }

    @Produces
    @Singleton
    FindInvoicesUseCase findInvoices() {
        return core.findInvoices();
    }

    @Produces
    @Singleton
    FindPaymentsUseCase findPayments() {
        return core.findPayments();
    }

    @Produces
    @Singleton
    RecordPaymentResultUseCase recordPaymentResult() {
        return core.recordPaymentResult();
    }

    @Produces
    @Singleton
    RequestPaymentUseCase requestPayment() {
        return core.requestPayment();
    }

    @Produces
    @Singleton
    ViewPayLinkUseCase viewPayLink() {
        return core.viewPayLink();
    }

    @Produces
    @Singleton
    IdempotentRequestsUseCase idempotentRequests() {
        return core.idempotentRequests();
    }

    @Produces
    @Singleton
    FindUnmatchedPaymentsUseCase findUnmatchedPayments() {
        return core.findUnmatchedPayments();
    }

    @Produces
    @Singleton
    ApplyUnmatchedPaymentUseCase applyUnmatchedPayment() {
        return core.applyUnmatchedPayment();
    }

    @Produces
    @Singleton
    GetStatsSummaryUseCase statsSummary() {
        return core.statsSummary();
    }

    @Produces
    @Singleton
    ke.invoiceiq.application.due.GetOverdueNumbersUseCase overdueNumbers() {
        return core.overdueNumbers();
    }

    @Produces
    @Singleton
    RecordAdminActionUseCase recordAdminAction() {
        return core.recordAdminAction();
    }

    @Produces
    @Singleton
    FindAdminActionsUseCase findAdminActions() {
        return core.findAdminActions();
    }

    @Produces
    @Singleton
    RetryOutboxMessageUseCase retryOutboxMessage() {
        return core.retryOutboxMessage();
    }

    @Produces
    @Singleton
    AbandonOutboxMessageUseCase abandonOutboxMessage() {
        return core.abandonOutboxMessage();
    }

    /**
     * The C2B URL registration over a scripted M-PESA: the Paybill 600100 is registered, the Till 5123456 refused
     * (URLs already registered).
     */
    @Produces
    @Singleton
    RegisterC2bUrlsUseCase registerC2bUrls() {
        var c2b = new C2bSettings(Optional.of("600100"), Optional.of("5123456"), false,
                new TillMatching(TillMatching.DEFAULT_WINDOW), C2bRegistration.WhenUnreachable.COMPLETED,
                Optional.of("https://pay.example/payments/c2b/confirmation/t"),
                Optional.of("https://pay.example/payments/c2b/validation/t"), 10);
        return new RegisterC2bUrlsService(registration -> registration.shortCode().equals("600100")
                ? new C2bRegistration.Outcome.Registered("success")
                : new C2bRegistration.Outcome.Refused("http-400", "Duplicate notification info"), c2b);
    }

    @Produces
    @Singleton
    RequeryPaymentUseCase requeryPayment() {
        return core.requeryPayment();
    }

    @Produces
    @Singleton
    ExportInvoicesUseCase exportInvoices() {
        return core.exportInvoices();
    }

    @Produces
    @Singleton
    ExportPaymentsUseCase exportPayments() {
        return core.exportPayments();
    }
}
