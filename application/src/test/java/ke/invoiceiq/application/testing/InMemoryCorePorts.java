package ke.invoiceiq.application.testing;

import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.adapters.memory.InMemoryWebhookInbox;
import ke.invoiceiq.application.wiring.CorePorts;

/** The in-memory ports as the {@link CorePorts} a {@code Core} is built from. */
public final class InMemoryCorePorts {

    private InMemoryCorePorts() {
    }

    /** {@link InMemoryPorts} has no webhook inbox (no use case here reads one back), so a fresh one is added. */
    public static CorePorts of(InMemoryPorts p) {
        return new CorePorts(p.clock(), p.ids(), p.transactions(), p.events(), p.tracing(), p.invoices(),
                p.statistics(), p.payments(), p.paymentResults(), p.unmatchedPayments(), p.idempotentAnswers(),
                p.chatSessions(), p.customers(), p.outbox(), p.messageLog(), p.inboundEvents(), p.replyCooldowns(),
                p.sendSlots(), new InMemoryWebhookInbox(), p.adminAudit(), p.moneyReceived(), p.chat(), p.sms(),
                p.gateway());
    }
}
