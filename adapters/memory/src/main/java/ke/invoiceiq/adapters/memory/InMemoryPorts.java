package ke.invoiceiq.adapters.memory;

import java.time.Instant;

/**
 * One of every in-memory port, for a test to wire use cases with. The payments are read from the invoices, which
 * hold them, so an attempt stored with its invoice is found by {@link #payments()} at once.
 */
public record InMemoryPorts(
        MutableClock clock,
        SequentialIdGenerator ids,
        DirectTransactions transactions,
        RecordingDomainEvents events,
        InMemoryInvoiceRepository invoices,
        InMemoryPaymentRepository payments,
        InMemoryPaymentResultInbox paymentResults,
        InMemoryUnmatchedPayments unmatchedPayments,
        InMemoryIdempotentAnswers idempotentAnswers,
        InMemoryChatSessionRepository chatSessions,
        InMemoryCustomerDirectory customers,
        InMemoryOutbox outbox,
        InMemoryMessageLog messageLog,
        InMemoryInboundEventLog inboundEvents,
        InMemoryReplyCooldowns replyCooldowns,
        InMemorySendSlots sendSlots,
        InMemoryAdminAuditLog adminAudit,
        RecordingChatMessenger chat,
        RecordingSmsMessenger sms,
        ScriptedPaymentGateway gateway,
        ThreadLocalTracing tracing) {

    public static InMemoryPorts create() {
        return create(MutableClock.DEFAULT_START);
    }

    public static InMemoryPorts create(Instant start) {
        var clock = new MutableClock(start);
        var invoices = new InMemoryInvoiceRepository();
        return new InMemoryPorts(clock, new SequentialIdGenerator(), new DirectTransactions(),
                new RecordingDomainEvents(), invoices, new InMemoryPaymentRepository(invoices),
                new InMemoryPaymentResultInbox(), new InMemoryUnmatchedPayments(), new InMemoryIdempotentAnswers(),
                new InMemoryChatSessionRepository(clock),
                new InMemoryCustomerDirectory(), new InMemoryOutbox(), new InMemoryMessageLog(),
                new InMemoryInboundEventLog(), new InMemoryReplyCooldowns(), new InMemorySendSlots(),
                new InMemoryAdminAuditLog(), new RecordingChatMessenger(), new RecordingSmsMessenger(),
                new ScriptedPaymentGateway(), new ThreadLocalTracing());
    }

    /** The money received is read from the invoices and the unmatched payments, where it is kept. */
    public InMemoryMoneyReceived moneyReceived() {
        return new InMemoryMoneyReceived(invoices, unmatchedPayments);
    }

    /** The statistics are computed by the invoice repository, where the invoices are. */
    public InMemoryInvoiceRepository statistics() {
        return invoices;
    }
}
