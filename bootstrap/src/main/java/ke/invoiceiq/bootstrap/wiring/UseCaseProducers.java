package ke.invoiceiq.bootstrap.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import ke.invoiceiq.application.audit.FindAdminActionsService;
import ke.invoiceiq.application.audit.FindAdminActionsUseCase;
import ke.invoiceiq.application.audit.RecordAdminActionService;
import ke.invoiceiq.application.audit.RecordAdminActionUseCase;
import ke.invoiceiq.application.chat.ChatExpirySettings;
import ke.invoiceiq.application.chat.ExpireChatSessionsService;
import ke.invoiceiq.application.retention.PurgeExpiredDataService;
import ke.invoiceiq.application.retention.PurgeExpiredDataUseCase;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.application.chat.ExpireChatSessionsUseCase;
import ke.invoiceiq.application.inbound.CustomerConversation;
import ke.invoiceiq.application.inbound.HandleInboundMessageService;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.inbound.MerchantConversation;
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
import ke.invoiceiq.application.messaging.DispatchOutboxService;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusService;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;
import ke.invoiceiq.application.payment.FindPaymentsService;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentService;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsService;
import ke.invoiceiq.application.payment.RequeryPaymentService;
import ke.invoiceiq.application.payment.RequeryPaymentUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsUseCase;
import ke.invoiceiq.application.idempotency.IdempotentRequestsService;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.application.payment.FindPaymentsUseCase;
import ke.invoiceiq.application.payment.ReconcilePaymentsService;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.application.payment.RecordPaymentResultService;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RequestPaymentService;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.payment.ViewPayLinkService;
import ke.invoiceiq.application.payment.ViewPayLinkUseCase;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.stats.GetStatsSummaryService;
import ke.invoiceiq.application.stats.GetStatsSummaryUseCase;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;
import ke.invoiceiq.domain.messaging.SendSlots;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.messaging.WebhookInbox;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Builds every use case with {@code new XxxService(ports…)}: the core carries no framework annotation, so
 * this class is the one place that knows how the rings fit together.
 */
@ApplicationScoped
public class UseCaseProducers {

    @Produces
    @ApplicationScoped
    OutboxWriter outboxWriter(Outbox outbox, IdGenerator ids, Clock clock, MerchantSettings merchant,
            Tracing tracing) {
        return new OutboxWriter(outbox, ids, clock, merchant, tracing);
    }

    @Produces
    @ApplicationScoped
    CreateInvoiceUseCase createInvoice(InvoiceRepository invoices, CustomerDirectory customers, IdGenerator ids,
            OutboxWriter outbox, Transactions transactions, DomainEvents events, Clock clock,
            MerchantSettings merchant) {
        return new CreateInvoiceService(invoices, customers, ids, outbox, transactions, events, clock, merchant);
    }

    @Produces
    @ApplicationScoped
    RemindInvoiceUseCase remindInvoice(InvoiceRepository invoices, OutboxWriter outbox, Transactions transactions,
            DomainEvents events, Clock clock, MerchantSettings merchant, ReminderPolicy policy) {
        return new RemindInvoiceService(invoices, outbox, transactions, events, clock, merchant, policy);
    }

    @Produces
    @ApplicationScoped
    CancelInvoiceUseCase cancelInvoice(InvoiceRepository invoices, OutboxWriter outbox, Transactions transactions,
            DomainEvents events, Clock clock) {
        return new CancelInvoiceService(invoices, outbox, transactions, events, clock);
    }

    @Produces
    @ApplicationScoped
    MarkInvoicePaidUseCase markInvoicePaid(InvoiceRepository invoices, OutboxWriter outbox, Transactions transactions,
            DomainEvents events, Clock clock) {
        return new MarkInvoicePaidService(invoices, outbox, transactions, events, clock);
    }

    @Produces
    @ApplicationScoped
    FindInvoicesUseCase findInvoices(InvoiceRepository invoices, Transactions transactions) {
        return new FindInvoicesService(invoices, transactions);
    }

    @Produces
    @ApplicationScoped
    FindPaymentsUseCase findPayments(InvoiceRepository invoices, Transactions transactions) {
        return new FindPaymentsService(invoices, transactions);
    }

    @Produces
    @ApplicationScoped
    FindUnmatchedPaymentsUseCase findUnmatchedPayments(UnmatchedPayments unmatched, Transactions transactions) {
        return new FindUnmatchedPaymentsService(unmatched, transactions);
    }

    @Produces
    @ApplicationScoped
    ApplyUnmatchedPaymentUseCase applyUnmatchedPayment(UnmatchedPayments unmatched, InvoiceRepository invoices,
            PaymentRepository payments, Outbox outbox, Transactions transactions, IdGenerator ids, Clock clock,
            DomainEvents events, MerchantSettings merchant, PaymentSettings settings, Tracing tracing) {
        return new ApplyUnmatchedPaymentService(unmatched, invoices, payments, outbox, transactions, ids, clock,
                events, merchant, settings, tracing);
    }

    @Produces
    @ApplicationScoped
    IdempotentRequestsUseCase idempotentRequests(IdempotentAnswers answers, Transactions transactions, Clock clock) {
        return new IdempotentRequestsService(answers, transactions, clock);
    }

    @Produces
    @ApplicationScoped
    RecordPaymentResultUseCase recordPaymentResult(PaymentResultInbox inbox, PaymentRepository payments,
            InvoiceRepository invoices, UnmatchedPayments unmatched, Outbox outbox, Transactions transactions,
            IdGenerator ids, Clock clock, DomainEvents events, MerchantSettings merchant, PaymentSettings settings,
            Tracing tracing) {
        return new RecordPaymentResultService(inbox, payments, invoices, unmatched, outbox, transactions, ids, clock,
                events, merchant, settings, tracing);
    }

    @Produces
    @ApplicationScoped
    RequestPaymentUseCase requestPayment(InvoiceRepository invoices, PaymentRepository payments,
            PaymentGateway gateway, RecordPaymentResultUseCase results, Transactions transactions, IdGenerator ids,
            Clock clock, DomainEvents events, PaymentSettings settings) {
        return new RequestPaymentService(invoices, payments, gateway, results, transactions, ids, clock, events,
                settings);
    }

    @Produces
    @ApplicationScoped
    ViewPayLinkUseCase viewPayLink(InvoiceRepository invoices, Transactions transactions, Clock clock,
            PaymentSettings settings) {
        return new ViewPayLinkService(invoices, transactions, clock, settings);
    }

    @Produces
    @ApplicationScoped
    ReconcilePaymentsUseCase reconcilePayments(PaymentRepository payments, InvoiceRepository invoices,
            PaymentResultInbox inbox, PaymentGateway gateway, RecordPaymentResultUseCase results, Outbox outbox,
            Transactions transactions, IdGenerator ids, Clock clock, DomainEvents events, MerchantSettings merchant,
            PaymentSettings settings, Tracing tracing) {
        return new ReconcilePaymentsService(payments, invoices, inbox, gateway, results, outbox, transactions, ids,
                clock, events, merchant, settings, tracing);
    }

    @Produces
    @ApplicationScoped
    HandleInboundMessageUseCase handleInboundMessage(InboundEventLog inboundEvents, MessageLog messageLog,
            CustomerDirectory customers, ChatSessionRepository sessions, InvoiceRepository invoices, IdGenerator ids,
            Transactions transactions, Clock clock, MerchantSettings merchant, OutboxWriter outbox,
            CreateInvoiceUseCase createInvoice, RemindInvoiceUseCase remindInvoice, CancelInvoiceUseCase cancelInvoice,
            FindInvoicesUseCase findInvoices, RequestPaymentUseCase requestPayment, ReplyCooldowns cooldowns,
            DomainEvents events, RetentionSettings retention) {
        var merchantConversation = new MerchantConversation(sessions, createInvoice, remindInvoice, cancelInvoice,
                findInvoices, requestPayment, outbox, transactions, clock);
        var customerConversation = new CustomerConversation(invoices, requestPayment, outbox, transactions, clock,
                merchant, cooldowns);
        return new HandleInboundMessageService(inboundEvents, messageLog, customers, ids, transactions, clock,
                merchant, merchantConversation, customerConversation, outbox, events,
                // one setting: a message older than the purge keeps its de-duplication mark is ignored
                retention.inboundEvents());
    }

    @Produces
    @ApplicationScoped
    DispatchOutboxUseCase dispatchOutbox(Outbox outbox, ChatMessenger chat, SmsMessenger sms, SendSlots slots,
            CustomerDirectory customers, InvoiceRepository invoices, MessageLog messageLog, Transactions transactions,
            Clock clock, IdGenerator ids, DomainEvents events, MerchantSettings merchant, DispatchSettings settings,
            Tracing tracing) {
        return new DispatchOutboxService(outbox, chat, sms, slots, customers, invoices, messageLog, transactions,
                clock, ids, events, merchant, settings, tracing);
    }

    @Produces
    @ApplicationScoped
    RecordDeliveryStatusUseCase recordDeliveryStatus(Outbox outbox, InvoiceRepository invoices, MessageLog messageLog,
            Transactions transactions, Clock clock, IdGenerator ids, DomainEvents events, MerchantSettings merchant,
            Tracing tracing) {
        return new RecordDeliveryStatusService(outbox, invoices, messageLog, transactions, clock, ids, events,
                merchant, tracing);
    }

    @Produces
    @ApplicationScoped
    ExpireChatSessionsUseCase expireChatSessions(ChatSessionRepository sessions, OutboxWriter outbox,
            Transactions transactions, Clock clock, ChatExpirySettings settings) {
        return new ExpireChatSessionsService(sessions, outbox, transactions, clock, settings);
    }

    @Produces
    @ApplicationScoped
    PurgeExpiredDataUseCase purgeExpiredData(InboundEventLog inboundEvents, Outbox outbox,
            PaymentResultInbox paymentResults, MessageLog messageLog, ChatSessionRepository chatSessions,
            CustomerDirectory customers, WebhookInbox webhooks, ReplyCooldowns cooldowns, IdempotentAnswers answers,
            Transactions transactions, Clock clock, RetentionSettings settings) {
        return new PurgeExpiredDataService(inboundEvents, outbox, paymentResults, messageLog, chatSessions,
                customers, webhooks, cooldowns, answers, transactions, clock, settings);
    }

    @Produces
    @ApplicationScoped
    GetStatsSummaryUseCase statsSummary(InvoiceStatistics statistics, Transactions transactions) {
        return new GetStatsSummaryService(statistics, transactions);
    }

    @Produces
    @ApplicationScoped
    RecordAdminActionUseCase recordAdminAction(AdminAuditLog log, IdGenerator ids, Transactions transactions,
            Clock clock) {
        return new RecordAdminActionService(log, ids, transactions, clock);
    }

    @Produces
    @ApplicationScoped
    FindAdminActionsUseCase findAdminActions(AdminAuditLog log, Transactions transactions) {
        return new FindAdminActionsService(log, transactions);
    }

    @Produces
    @ApplicationScoped
    RetryOutboxMessageUseCase retryOutboxMessage(Outbox outbox, Transactions transactions, Clock clock) {
        return new RetryOutboxMessageService(outbox, transactions, clock);
    }

    @Produces
    @ApplicationScoped
    AbandonOutboxMessageUseCase abandonOutboxMessage(Outbox outbox, Transactions transactions, Clock clock) {
        return new AbandonOutboxMessageService(outbox, transactions, clock);
    }

    @Produces
    @ApplicationScoped
    RequeryPaymentUseCase requeryPayment(PaymentRepository payments, InvoiceRepository invoices, PaymentGateway gateway,
            RecordPaymentResultUseCase results, Transactions transactions, Clock clock) {
        return new RequeryPaymentService(payments, invoices, gateway, results, transactions, clock);
    }

    @Produces
    @ApplicationScoped
    ExportInvoicesUseCase exportInvoices(InvoiceRepository invoices, Transactions transactions) {
        return new ExportInvoicesService(invoices, transactions);
    }

    @Produces
    @ApplicationScoped
    ExportPaymentsUseCase exportPayments(MoneyReceived money, Transactions transactions) {
        return new ExportPaymentsService(money, transactions);
    }
}
