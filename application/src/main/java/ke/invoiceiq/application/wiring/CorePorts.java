package ke.invoiceiq.application.wiring;

import java.time.Clock;
import java.util.Objects;
import ke.invoiceiq.domain.audit.AdminAuditLog;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.export.MoneyReceived;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
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
 * Every driven port the use cases need, plus the clock: what {@link Core} is built from. The bootstrap module fills
 * it with the real adapters, the tests with the in-memory ones.
 */
public record CorePorts(
        Clock clock,
        IdGenerator ids,
        Transactions transactions,
        DomainEvents events,
        Tracing tracing,
        InvoiceRepository invoices,
        InvoiceStatistics statistics,
        PaymentRepository payments,
        PaymentResultInbox paymentResults,
        UnmatchedPayments unmatchedPayments,
        IdempotentAnswers idempotentAnswers,
        ChatSessionRepository chatSessions,
        CustomerDirectory customers,
        Outbox outbox,
        MessageLog messageLog,
        InboundEventLog inboundEvents,
        ReplyCooldowns replyCooldowns,
        SendSlots sendSlots,
        WebhookInbox webhooks,
        AdminAuditLog adminAudit,
        MoneyReceived moneyReceived,
        ChatMessenger chat,
        SmsMessenger sms,
        PaymentGateway gateway) {

    public CorePorts {
        // a missing port would otherwise surface as a NullPointerException deep in the first request that uses it
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(invoices, "invoices");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(paymentResults, "paymentResults");
        Objects.requireNonNull(unmatchedPayments, "unmatchedPayments");
        Objects.requireNonNull(idempotentAnswers, "idempotentAnswers");
        Objects.requireNonNull(chatSessions, "chatSessions");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(messageLog, "messageLog");
        Objects.requireNonNull(inboundEvents, "inboundEvents");
        Objects.requireNonNull(replyCooldowns, "replyCooldowns");
        Objects.requireNonNull(sendSlots, "sendSlots");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(adminAudit, "adminAudit");
        Objects.requireNonNull(moneyReceived, "moneyReceived");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(gateway, "gateway");
    }
}
