package ke.invoiceiq.bootstrap.wiring;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ke.invoiceiq.adapters.memory.DirectTransactions;
import ke.invoiceiq.adapters.memory.InMemoryChatSessionRepository;
import ke.invoiceiq.adapters.memory.InMemoryCustomerDirectory;
import ke.invoiceiq.adapters.memory.InMemoryInboundEventLog;
import ke.invoiceiq.adapters.memory.InMemoryInvoiceRepository;
import ke.invoiceiq.adapters.memory.InMemoryMessageLog;
import ke.invoiceiq.adapters.memory.InMemoryOutbox;
import ke.invoiceiq.adapters.memory.InMemoryPaymentRepository;
import ke.invoiceiq.adapters.memory.InMemoryPaymentResultInbox;
import ke.invoiceiq.adapters.memory.RecordingChatMessenger;
import ke.invoiceiq.adapters.memory.RecordingDomainEvents;
import ke.invoiceiq.adapters.memory.RecordingSmsMessenger;
import ke.invoiceiq.adapters.memory.ScriptedPaymentGateway;
import ke.invoiceiq.domain.chat.ChatSessionRepository;
import ke.invoiceiq.domain.customer.CustomerDirectory;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.InvoiceStatistics;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.MessageLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.payment.PaymentGateway;
import ke.invoiceiq.domain.payment.PaymentRepository;
import ke.invoiceiq.domain.payment.PaymentResultInbox;
import ke.invoiceiq.domain.shared.DomainEvents;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The driven ports, implemented in memory by {@code adapters/memory}: STAND-INS until the real adapters
 * replace them — Postgres (repositories, outbox, logs, transactions), WhatsApp Cloud API ({@link ChatMessenger}),
 * Daraja ({@link PaymentGateway}) and Africa's Talking ({@link SmsMessenger}). With them the application
 * boots and serves with nothing installed, but it keeps everything in this JVM: data is lost on restart, no
 * message leaves the process, no payment is ever requested for real, and the recording fakes keep what they
 * record for the life of the process. Not for production.
 *
 * <p>Every producer is a {@link DefaultBean}: as soon as a module on the class path declares a bean of the same
 * port type (say a Postgres {@code InvoiceRepository}), that bean wins and this stand-in is never created, with
 * no change to this class. The in-memory classes themselves stay plain Java; only this class knows CDI.
 */
@ApplicationScoped
public class PortProducers {

    /**
     * One in-memory store serves as both {@link InvoiceRepository} and {@link InvoiceStatistics}, so the
     * statistics count the invoices the repository holds. A real adapter must replace both ports together.
     */
    private final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository();

    @Produces
    @ApplicationScoped
    @DefaultBean
    InvoiceRepository invoiceRepository() {
        return invoices;
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    InvoiceStatistics invoiceStatistics() {
        return invoices;
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentRepository paymentRepository() {
        return new InMemoryPaymentRepository();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentResultInbox paymentResultInbox() {
        return new InMemoryPaymentResultInbox();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    ChatSessionRepository chatSessionRepository() {
        return new InMemoryChatSessionRepository();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    CustomerDirectory customerDirectory() {
        return new InMemoryCustomerDirectory();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    Outbox outbox() {
        return new InMemoryOutbox();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    MessageLog messageLog() {
        return new InMemoryMessageLog();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    InboundEventLog inboundEventLog() {
        return new InMemoryInboundEventLog();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    ChatMessenger chatMessenger() {
        return new RecordingChatMessenger();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    SmsMessenger smsMessenger() {
        return new RecordingSmsMessenger();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    PaymentGateway paymentGateway() {
        return new ScriptedPaymentGateway();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    Transactions transactions() {
        return new DirectTransactions();
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    DomainEvents domainEvents() {
        return new RecordingDomainEvents();
    }
}
