package ke.invoiceiq.bootstrap.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import ke.invoiceiq.application.audit.FindAdminActionsUseCase;
import ke.invoiceiq.application.audit.RecordAdminActionUseCase;
import ke.invoiceiq.application.chat.ChatExpirySettings;
import ke.invoiceiq.application.chat.ExpireChatSessionsUseCase;
import ke.invoiceiq.application.export.ExportInvoicesUseCase;
import ke.invoiceiq.application.export.ExportPaymentsUseCase;
import ke.invoiceiq.application.idempotency.IdempotentRequestsUseCase;
import ke.invoiceiq.application.inbound.HandleInboundMessageUseCase;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.MarkInvoicePaidUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.messaging.AbandonOutboxMessageUseCase;
import ke.invoiceiq.application.messaging.DispatchOutboxUseCase;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.messaging.RecordDeliveryStatusUseCase;
import ke.invoiceiq.application.messaging.RetryOutboxMessageUseCase;
import ke.invoiceiq.application.payment.ApplyUnmatchedPaymentUseCase;
import ke.invoiceiq.application.payment.FindPaymentsUseCase;
import ke.invoiceiq.application.payment.FindUnmatchedPaymentsUseCase;
import ke.invoiceiq.application.payment.ReconcilePaymentsUseCase;
import ke.invoiceiq.application.payment.RecordPaymentResultUseCase;
import ke.invoiceiq.application.payment.RequeryPaymentUseCase;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.payment.ViewPayLinkUseCase;
import ke.invoiceiq.application.retention.PurgeExpiredDataUseCase;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.settings.PaymentSettings;
import ke.invoiceiq.application.stats.GetStatsSummaryUseCase;
import ke.invoiceiq.application.due.DueSettings;
import ke.invoiceiq.application.due.GetOverdueNumbersUseCase;
import ke.invoiceiq.application.due.SendDailySummaryUseCase;
import ke.invoiceiq.application.due.SendDueRemindersUseCase;
import ke.invoiceiq.application.wiring.Core;
import ke.invoiceiq.application.wiring.CorePorts;
import ke.invoiceiq.application.wiring.CoreSettings;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.export.MoneyReceived;
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
import ke.invoiceiq.domain.payment.UnmatchedPayments;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.IdGenerator;
import ke.invoiceiq.domain.shared.IdempotentAnswers;
import ke.invoiceiq.domain.shared.Tracing;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * Hands the core to CDI: one {@link Core} (application's composition root, plain Java) is built from the driven
 * ports and the settings CDI resolves, and every use case and shared helper is served from it, with the same bean
 * type and scope as before there was a {@code Core}. How the services fit together is decided in {@link Core} alone,
 * which the tests build over the in-memory ports too.
 */
@ApplicationScoped
public class UseCaseProducers {

    @Produces
    @Singleton
    Core core(Clock clock, IdGenerator ids, Transactions transactions, DomainEvents events, Tracing tracing,
            InvoiceRepository invoices, InvoiceStatistics statistics, PaymentRepository payments,
            PaymentResultInbox paymentResults, UnmatchedPayments unmatchedPayments,
            IdempotentAnswers idempotentAnswers, ChatSessionRepository chatSessions, CustomerDirectory customers,
            Outbox outbox, MessageLog messageLog, InboundEventLog inboundEvents, ReplyCooldowns replyCooldowns,
            SendSlots sendSlots, WebhookInbox webhooks, AdminAuditLog adminAudit, MoneyReceived moneyReceived,
            ChatMessenger chat,
            SmsMessenger sms, PaymentGateway gateway, MerchantSettings merchant, PaymentSettings payment,
            DispatchSettings dispatch, RetentionSettings retention, ChatExpirySettings chatExpiry,
            ReminderPolicy reminders, LanguageSettings languages, DueSettings due) {
        var ports = new CorePorts(clock, ids, transactions, events, tracing, invoices, statistics, payments,
                paymentResults, unmatchedPayments, idempotentAnswers, chatSessions, customers, outbox, messageLog,
                inboundEvents, replyCooldowns, sendSlots, webhooks, adminAudit, moneyReceived, chat, sms, gateway);
        var settings = new CoreSettings(merchant, payment, dispatch, retention, chatExpiry, reminders,
                languages, due);
        return new Core(ports, settings);
    }

    @Produces
    @ApplicationScoped
    OutboxWriter outboxWriter(Core core) {
        return core.outboxWriter();
    }

    @Produces
    @ApplicationScoped
    CreateInvoiceUseCase createInvoice(Core core) {
        return core.createInvoice();
    }

    @Produces
    @ApplicationScoped
    RemindInvoiceUseCase remindInvoice(Core core) {
        return core.remindInvoice();
    }

    @Produces
    @ApplicationScoped
    CancelInvoiceUseCase cancelInvoice(Core core) {
        return core.cancelInvoice();
    }

    @Produces
    @ApplicationScoped
    MarkInvoicePaidUseCase markInvoicePaid(Core core) {
        return core.markInvoicePaid();
    }

    @Produces
    @ApplicationScoped
    FindInvoicesUseCase findInvoices(Core core) {
        return core.findInvoices();
    }

    @Produces
    @ApplicationScoped
    FindPaymentsUseCase findPayments(Core core) {
        return core.findPayments();
    }

    @Produces
    @ApplicationScoped
    FindUnmatchedPaymentsUseCase findUnmatchedPayments(Core core) {
        return core.findUnmatchedPayments();
    }

    @Produces
    @ApplicationScoped
    ApplyUnmatchedPaymentUseCase applyUnmatchedPayment(Core core) {
        return core.applyUnmatchedPayment();
    }

    @Produces
    @ApplicationScoped
    IdempotentRequestsUseCase idempotentRequests(Core core) {
        return core.idempotentRequests();
    }

    @Produces
    @ApplicationScoped
    RecordPaymentResultUseCase recordPaymentResult(Core core) {
        return core.recordPaymentResult();
    }

    @Produces
    @ApplicationScoped
    RequestPaymentUseCase requestPayment(Core core) {
        return core.requestPayment();
    }

    @Produces
    @ApplicationScoped
    ViewPayLinkUseCase viewPayLink(Core core) {
        return core.viewPayLink();
    }

    @Produces
    @ApplicationScoped
    ReconcilePaymentsUseCase reconcilePayments(Core core) {
        return core.reconcilePayments();
    }

    @Produces
    @ApplicationScoped
    HandleInboundMessageUseCase handleInboundMessage(Core core) {
        return core.handleInboundMessage();
    }

    @Produces
    @ApplicationScoped
    DispatchOutboxUseCase dispatchOutbox(Core core) {
        return core.dispatchOutbox();
    }

    @Produces
    @ApplicationScoped
    RecordDeliveryStatusUseCase recordDeliveryStatus(Core core) {
        return core.recordDeliveryStatus();
    }

    @Produces
    @ApplicationScoped
    ExpireChatSessionsUseCase expireChatSessions(Core core) {
        return core.expireChatSessions();
    }

    @Produces
    @ApplicationScoped
    PurgeExpiredDataUseCase purgeExpiredData(Core core) {
        return core.purgeExpiredData();
    }

    @Produces
    @ApplicationScoped
    GetStatsSummaryUseCase statsSummary(Core core) {
        return core.statsSummary();
    }

    @Produces
    @ApplicationScoped
    GetOverdueNumbersUseCase overdueNumbers(Core core) {
        return core.overdueNumbers();
    }

    @Produces
    @ApplicationScoped
    SendDueRemindersUseCase sendDueReminders(Core core) {
        return core.sendDueReminders();
    }

    @Produces
    @ApplicationScoped
    SendDailySummaryUseCase sendDailySummary(Core core) {
        return core.sendDailySummary();
    }

    @Produces
    @ApplicationScoped
    RecordAdminActionUseCase recordAdminAction(Core core) {
        return core.recordAdminAction();
    }

    @Produces
    @ApplicationScoped
    FindAdminActionsUseCase findAdminActions(Core core) {
        return core.findAdminActions();
    }

    @Produces
    @ApplicationScoped
    RetryOutboxMessageUseCase retryOutboxMessage(Core core) {
        return core.retryOutboxMessage();
    }

    @Produces
    @ApplicationScoped
    AbandonOutboxMessageUseCase abandonOutboxMessage(Core core) {
        return core.abandonOutboxMessage();
    }

    @Produces
    @ApplicationScoped
    RequeryPaymentUseCase requeryPayment(Core core) {
        return core.requeryPayment();
    }

    @Produces
    @ApplicationScoped
    ExportInvoicesUseCase exportInvoices(Core core) {
        return core.exportInvoices();
    }

    @Produces
    @ApplicationScoped
    ExportPaymentsUseCase exportPayments(Core core) {
        return core.exportPayments();
    }
}
