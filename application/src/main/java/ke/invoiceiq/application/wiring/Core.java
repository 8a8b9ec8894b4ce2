package ke.invoiceiq.application.wiring;

import java.util.Objects;
import java.util.Optional;
import ke.invoiceiq.application.due.GetOverdueNumbersService;
import ke.invoiceiq.application.due.GetOverdueNumbersUseCase;
import ke.invoiceiq.application.due.ReminderOptOuts;
import ke.invoiceiq.application.due.SendDailySummaryService;
import ke.invoiceiq.application.due.SendDailySummaryUseCase;
import ke.invoiceiq.application.due.SendDueRemindersService;
import ke.invoiceiq.application.due.SendDueRemindersUseCase;
import ke.invoiceiq.application.audit.FindAdminActionsService;
import ke.invoiceiq.application.audit.FindAdminActionsUseCase;
import ke.invoiceiq.application.audit.RecordAdminActionService;
import ke.invoiceiq.application.audit.RecordAdminActionUseCase;
import ke.invoiceiq.application.chat.ExpireChatSessionsService;
import ke.invoiceiq.application.chat.ExpireChatSessionsUseCase;
import ke.invoiceiq.application.export.ExportInvoicesService;
import ke.invoiceiq.application.export.ExportInvoicesUseCase;
import ke.invoiceiq.application.export.ExportPaymentsService;
import ke.invoiceiq.application.export.ExportPaymentsUseCase;
import ke.invoiceiq.application.idempotency.IdempotentRequestsService;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.application.inbound.CustomerConversation;
import ke.invoiceiq.application.inbound.HandleInboundMessageService;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.MerchantConversation;
import ke.invoiceiq.application.invoice.CancelInvoiceService;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceService;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesService;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.MarkInvoicePaidService;
import ke.invoiceiq.application.invoice.MarkInvoicePaidUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceService;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageService;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageUseCase;
import ke.invoiceiq.application.messaging.DispatchOutboxService;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusService;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;
import ke.invoiceiq.application.messaging.RetryOutboxMessageService;
import ke.invoiceiq.application.messaging.RetryOutboxMessageUseCase;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentService;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentUseCase;
import ke.invoiceiq.application.payment.FindPaymentsService;
import ke.invoiceiq.application.payment.FindPaymentsUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsService;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsUseCase;
import ke.invoiceiq.application.payment.ReconcilePaymentsService;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.application.payment.RecordPaymentResultService;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RequeryPaymentService;
import ke.invoiceiq.application.payment.RequeryPaymentUseCase;
import ke.invoiceiq.application.payment.RequestPaymentService;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.payment.ViewPayLinkService;
import ke.invoiceiq.application.payment.ViewPayLinkUseCase;
import ke.invoiceiq.application.retention.PurgeExpiredDataService;
import ke.invoiceiq.application.retention.PurgeExpiredDataUseCase;
import ke.invoiceiq.application.stats.GetStatsSummaryService;
import ke.invoiceiq.application.stats.GetStatsSummaryUseCase;

/**
 * The composition root of the core: every use case and the helpers they share, each built once, here, from the
 * driven ports and the settings. It is plain Java on purpose (the application ring knows no framework): the
 * bootstrap module's {@code UseCaseProducers} hands one instance to CDI and serves each use case from it, and the
 * tests build one over the in-memory ports, so production and tests wire the services the same way.
 *
 * <p>Use cases that call one another (a payment request records M-PESA's answer with the result recorder, a chat
 * creates invoices with the invoice use cases) get the very instances the accessors return.
 */
public final class Core {

    private final OutboxWriter outboxWriter;
    private final CreateInvoiceUseCase createInvoice;
    private final RemindInvoiceUseCase remindInvoice;
    private final CancelInvoiceUseCase cancelInvoice;
    private final MarkInvoicePaidUseCase markInvoicePaid;
    private final FindInvoicesUseCase findInvoices;
    private final ExportInvoicesUseCase exportInvoices;
    private final ExportPaymentsUseCase exportPayments;
    private final FindPaymentsUseCase findPayments;
    private final FindUnmatchedPaymentsUseCase findUnmatchedPayments;
    private final ApplyUnmatchedPaymentUseCase applyUnmatchedPayment;
    private final RecordPaymentResultUseCase recordPaymentResult;
    private final RequestPaymentUseCase requestPayment;
    private final RequeryPaymentUseCase requeryPayment;
    private final ViewPayLinkUseCase viewPayLink;
    private final ReconcilePaymentsUseCase reconcilePayments;
    private final IdempotentRequestsUseCase idempotentRequests;
    private final HandleInboundMessageUseCase handleInboundMessage;
    private final DispatchOutboxUseCase dispatchOutbox;
    private final RecordDeliveryStatusUseCase recordDeliveryStatus;
    private final RetryOutboxMessageUseCase retryOutboxMessage;
    private final AbandonOutboxMessageUseCase abandonOutboxMessage;
    private final ExpireChatSessionsUseCase expireChatSessions;
    private final PurgeExpiredDataUseCase purgeExpiredData;
    private final GetStatsSummaryUseCase statsSummary;
    private final RecordAdminActionUseCase recordAdminAction;
    private final FindAdminActionsUseCase findAdminActions;
    private final SendDueRemindersUseCase sendDueReminders;
    private final SendDailySummaryUseCase sendDailySummary;
    private final GetOverdueNumbersUseCase overdueNumbers;

    public Core(CorePorts ports, CoreSettings settings) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(settings, "settings");
        var p = ports;
        var merchant = settings.merchant();
        var payment = settings.payment();

        outboxWriter = new OutboxWriter(p.outbox(), p.ids(), p.clock(), merchant, p.tracing());

        var languages = settings.languages();
        var optOuts = new ReminderOptOuts(p.customers(), outboxWriter, merchant, p.clock());
        createInvoice = new CreateInvoiceService(p.invoices(), p.customers(), p.ids(), outboxWriter,
                p.transactions(), p.events(), p.clock(), merchant, languages.customerDefault(), settings.due());
        remindInvoice = new RemindInvoiceService(p.invoices(), outboxWriter, p.transactions(), p.events(),
                p.clock(), merchant, settings.reminders(), Optional.of(optOuts));
        sendDueReminders = new SendDueRemindersService(p.invoices(), p.customers(), outboxWriter, p.transactions(),
                p.events(), p.clock(), merchant, settings.reminders(), settings.due());
        sendDailySummary = new SendDailySummaryService(p.invoices(), p.statistics(), p.moneyReceived(),
                p.sendSlots(), outboxWriter, p.transactions(), p.clock(), merchant, settings.due());
        overdueNumbers = new GetOverdueNumbersService(p.invoices(), p.transactions(), p.clock(), settings.due());
        cancelInvoice = new CancelInvoiceService(p.invoices(), outboxWriter, p.transactions(), p.events(),
                p.clock());
        markInvoicePaid = new MarkInvoicePaidService(p.invoices(), outboxWriter, p.transactions(), p.events(),
                p.clock());
        findInvoices = new FindInvoicesService(p.invoices(), p.transactions());
        exportInvoices = new ExportInvoicesService(p.invoices(), p.transactions());
        exportPayments = new ExportPaymentsService(p.moneyReceived(), p.transactions());

        findPayments = new FindPaymentsService(p.invoices(), p.transactions());
        findUnmatchedPayments = new FindUnmatchedPaymentsService(p.unmatchedPayments(), p.transactions());
        applyUnmatchedPayment = new ApplyUnmatchedPaymentService(p.unmatchedPayments(), p.invoices(),
                p.payments(), p.outbox(), p.transactions(), p.ids(), p.clock(), p.events(), merchant, payment,
                p.tracing());
        recordPaymentResult = new RecordPaymentResultService(p.paymentResults(), p.payments(), p.invoices(),
                p.unmatchedPayments(), p.outbox(), p.transactions(), p.ids(), p.clock(), p.events(), merchant,
                payment, p.tracing());
        requestPayment = new RequestPaymentService(p.invoices(), p.payments(), p.gateway(), recordPaymentResult,
                p.transactions(), p.ids(), p.clock(), p.events(), payment);
        requeryPayment = new RequeryPaymentService(p.payments(), p.invoices(), p.gateway(), recordPaymentResult,
                p.transactions(), p.clock());
        viewPayLink = new ViewPayLinkService(p.invoices(), p.transactions(), p.clock(), payment);
        reconcilePayments = new ReconcilePaymentsService(p.payments(), p.invoices(), p.paymentResults(),
                p.gateway(), recordPaymentResult, p.outbox(), p.transactions(), p.ids(), p.clock(), p.events(),
                merchant, payment, p.tracing());
        idempotentRequests = new IdempotentRequestsService(p.idempotentAnswers(), p.transactions(), p.clock());

        var merchantConversation = new MerchantConversation(p.chatSessions(), createInvoice, remindInvoice,
                cancelInvoice, findInvoices, requestPayment, markInvoicePaid, outboxWriter, p.transactions(), p.clock(),
                p.customers(), languages);
        var customerConversation = new CustomerConversation(p.invoices(), requestPayment, outboxWriter,
                p.transactions(), p.clock(), merchant, p.replyCooldowns(), p.customers(), languages,
                Optional.of(optOuts));
        handleInboundMessage = new HandleInboundMessageService(p.inboundEvents(), p.messageLog(), p.customers(),
                p.ids(), p.transactions(), p.clock(), merchant, merchantConversation, customerConversation,
                outboxWriter, p.events(),
                // one setting: a message older than the purge keeps its de-duplication mark is ignored
                settings.retention().inboundEvents());

        dispatchOutbox = new DispatchOutboxService(p.outbox(), p.chat(), p.sms(), p.sendSlots(), p.customers(),
                p.invoices(), p.messageLog(), p.transactions(), p.clock(), p.ids(), p.events(), merchant,
                settings.dispatch(), p.tracing());
        recordDeliveryStatus = new RecordDeliveryStatusService(p.outbox(), p.invoices(), p.messageLog(),
                p.transactions(), p.clock(), p.ids(), p.events(), merchant, p.tracing());
        retryOutboxMessage = new RetryOutboxMessageService(p.outbox(), p.transactions(), p.clock());
        abandonOutboxMessage = new AbandonOutboxMessageService(p.outbox(), p.transactions(), p.clock());

        expireChatSessions = new ExpireChatSessionsService(p.chatSessions(), outboxWriter, p.transactions(),
                p.clock(), settings.chatExpiry(), languages.merchant());
        purgeExpiredData = new PurgeExpiredDataService(p.inboundEvents(), p.outbox(), p.paymentResults(),
                p.messageLog(), p.chatSessions(), p.customers(), p.webhooks(), p.replyCooldowns(),
                p.idempotentAnswers(), p.transactions(), p.clock(), settings.retention());

        statsSummary = new GetStatsSummaryService(p.statistics(), p.transactions());
        recordAdminAction = new RecordAdminActionService(p.adminAudit(), p.ids(), p.transactions(), p.clock());
        findAdminActions = new FindAdminActionsService(p.adminAudit(), p.transactions());
    }

    /** The helper every use case queues its messages with (stamps the business name, the trace, the id). */
    public OutboxWriter outboxWriter() {
        return outboxWriter;
    }

    public CreateInvoiceUseCase createInvoice() {
        return createInvoice;
    }

    public RemindInvoiceUseCase remindInvoice() {
        return remindInvoice;
    }

    public CancelInvoiceUseCase cancelInvoice() {
        return cancelInvoice;
    }

    public MarkInvoicePaidUseCase markInvoicePaid() {
        return markInvoicePaid;
    }

    public FindInvoicesUseCase findInvoices() {
        return findInvoices;
    }

    public ExportInvoicesUseCase exportInvoices() {
        return exportInvoices;
    }

    public ExportPaymentsUseCase exportPayments() {
        return exportPayments;
    }

    public FindPaymentsUseCase findPayments() {
        return findPayments;
    }

    public FindUnmatchedPaymentsUseCase findUnmatchedPayments() {
        return findUnmatchedPayments;
    }

    public ApplyUnmatchedPaymentUseCase applyUnmatchedPayment() {
        return applyUnmatchedPayment;
    }

    public RecordPaymentResultUseCase recordPaymentResult() {
        return recordPaymentResult;
    }

    public RequestPaymentUseCase requestPayment() {
        return requestPayment;
    }

    public RequeryPaymentUseCase requeryPayment() {
        return requeryPayment;
    }

    public ViewPayLinkUseCase viewPayLink() {
        return viewPayLink;
    }

    public ReconcilePaymentsUseCase reconcilePayments() {
        return reconcilePayments;
    }

    public IdempotentRequestsUseCase idempotentRequests() {
        return idempotentRequests;
    }

    public HandleInboundMessageUseCase handleInboundMessage() {
        return handleInboundMessage;
    }

    public DispatchOutboxUseCase dispatchOutbox() {
        return dispatchOutbox;
    }

    public RecordDeliveryStatusUseCase recordDeliveryStatus() {
        return recordDeliveryStatus;
    }

    public RetryOutboxMessageUseCase retryOutboxMessage() {
        return retryOutboxMessage;
    }

    public AbandonOutboxMessageUseCase abandonOutboxMessage() {
        return abandonOutboxMessage;
    }

    public ExpireChatSessionsUseCase expireChatSessions() {
        return expireChatSessions;
    }

    public PurgeExpiredDataUseCase purgeExpiredData() {
        return purgeExpiredData;
    }

    public GetStatsSummaryUseCase statsSummary() {
        return statsSummary;
    }

    public RecordAdminActionUseCase recordAdminAction() {
        return recordAdminAction;
    }

    public FindAdminActionsUseCase findAdminActions() {
        return findAdminActions;
    }

    public SendDueRemindersUseCase sendDueReminders() {
        return sendDueReminders;
    }

    public SendDailySummaryUseCase sendDailySummary() {
        return sendDailySummary;
    }

    public GetOverdueNumbersUseCase overdueNumbers() {
        return overdueNumbers;
    }
}
