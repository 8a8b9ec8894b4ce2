package ke.invoiceiq.application.inbound;

import static ke.invoiceiq.application.inbound.Wiring.CUSTOMER;
import static ke.invoiceiq.application.inbound.Wiring.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.invoice.CancelInvoiceService;
import ke.invoiceiq.application.invoice.CreateInvoiceService;
import ke.invoiceiq.application.invoice.FindInvoicesService;
import ke.invoiceiq.application.invoice.MarkInvoicePaidService;
import ke.invoiceiq.application.invoice.RemindInvoiceService;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.invoice.ReminderPolicy;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.InboundEventLog;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The de-duplication mark of a message is made in the unit of work that writes what the message changed, so the
 * two commit together or not at all (on PostgreSQL; the in-memory stores have no rollback, so here the units are
 * counted). Every write to a store is tagged with the outermost unit of work it happened in.
 */
class InboundUnitOfWorkTest {

    private final InMemoryPorts ports = InMemoryPorts.create();
    private final NumberedUnits units = new NumberedUnits(ports.transactions());
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final MerchantSettings merchant = new MerchantSettings(Set.of(MERCHANT), "Wanjiru Cleaners",
            Wiring.BASE_URL);

    private record Write(String store, String method, int unit) {
    }

    /** Outermost units of work numbered from 1; 0 outside any. */
    private static final class NumberedUnits implements Transactions {
        private final Transactions delegate;
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        private final ThreadLocal<Integer> current = ThreadLocal.withInitial(() -> 0);
        private int opened;

        NumberedUnits(Transactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return delegate.inTransaction(() -> {
                if (depth.get() == 0) {
                    current.set(++opened);
                }
                depth.set(depth.get() + 1);
                try {
                    return work.get();
                } finally {
                    depth.set(depth.get() - 1);
                    if (depth.get() == 0) {
                        current.set(0);
                    }
                }
            });
        }

        int current() {
            return current.get();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T tagged(Class<T> port, T real, String store) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            writes.add(new Write(store, method.getName(), units.current()));
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private HandleInboundMessageService inbound() {
        InboundEventLog marks = tagged(InboundEventLog.class, ports.inboundEvents(), "marks");
        InvoiceRepository invoices = tagged(InvoiceRepository.class, ports.invoices(), "invoices");
        Outbox outboxPort = tagged(Outbox.class, ports.outbox(), "outbox");
        var outbox = new OutboxWriter(outboxPort, ports.ids(), ports.clock(), merchant, ports.tracing());
        var create = new CreateInvoiceService(invoices, ports.customers(), ports.ids(), outbox, units, ports.events(),
                ports.clock(), merchant);
        var remind = new RemindInvoiceService(invoices, outbox, units, ports.events(), ports.clock(), merchant,
                ReminderPolicy.DEFAULT);
        var cancel = new CancelInvoiceService(invoices, outbox, units, ports.events(), ports.clock());
        var find = new FindInvoicesService(invoices, units);
        var payments = new ScriptedRequestPayment(ports.invoices(), () -> units.current() > 0);
        var merchantConversation = new MerchantConversation(ports.chatSessions(), create, remind, cancel, find,
                payments, new MarkInvoicePaidService(invoices, outbox, units, ports.events(), ports.clock()), outbox,
                units, ports.clock(), ports.customers(), LanguageSettings.DEFAULT);
        var customerConversation = new CustomerConversation(invoices, payments, outbox, units, ports.clock(),
                merchant, ports.replyCooldowns(), ports.customers(), LanguageSettings.DEFAULT);
        return new HandleInboundMessageService(marks, ports.messageLog(), ports.customers(), ports.ids(), units,
                ports.clock(), merchant, merchantConversation, customerConversation, outbox, ports.events(),
                RetentionSettings.DEFAULT.inboundEvents());
    }

    private List<Integer> unitsOf(String store, String method) {
        return writes.stream().filter(w -> w.store().equals(store) && w.method().equals(method)).map(Write::unit)
                .distinct().toList();
    }

    private List<Integer> unitsOf(String store) {
        return writes.stream().filter(w -> w.store().equals(store)).map(Write::unit).distinct().toList();
    }

    private int wamids;

    private InboundMessage whatsapp(Msisdn from, InboundContent content) {
        return new InboundMessage("whatsapp", "wamid.UNIT" + ++wamids, Channel.WHATSAPP, Optional.of(from),
                Optional.empty(), content, ports.clock().instant());
    }

    @Test
    void givenAMerchantsInvoiceCommand_whenHandled_thenTheMarkTheInvoiceAndItsMessagesShareOneUnitOfWork() {
        var service = inbound();

        service.handle(whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 Cleaning")));

        assertThat(unitsOf("marks", "firstSeen")).singleElement().isNotEqualTo(0);
        int unit = unitsOf("marks", "firstSeen").getFirst();
        assertThat(unitsOf("invoices", "add")).containsExactly(unit);
        assertThat(unitsOf("outbox")).containsExactly(unit);
        assertThat(ports.invoices().latest(Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void givenACustomersQuestion_whenHandled_thenTheMarkAndTheReplyShareOneUnitOfWork() {
        var service = inbound();

        service.handle(whatsapp(CUSTOMER, new InboundContent.Text("hello")));

        assertThat(unitsOf("marks", "firstSeen")).singleElement().isNotEqualTo(0);
        assertThat(unitsOf("outbox")).containsExactlyElementsOf(unitsOf("marks", "firstSeen"));
    }

    @Test
    void givenAPayTap_whenHandled_thenThePromptIsAskedForOutsideAnyUnitAndTheMarkCommitsWithTheReply() {
        var service = inbound();
        service.handle(whatsapp(MERCHANT, new InboundContent.Text("invoice 0712345678 2500 Cleaning")));
        Invoice invoice = ports.invoices().latest(Optional.empty(), 1).getFirst();
        writes.clear();

        service.handle(whatsapp(CUSTOMER, new InboundContent.ButtonTap(BotCopy.payButton(invoice.id()).id())));

        assertThat(unitsOf("marks", "firstSeen")).singleElement().isNotEqualTo(0);
        assertThat(unitsOf("outbox")).containsExactlyElementsOf(unitsOf("marks", "firstSeen"));
        assertThat(unitsOf("marks", "seen")).as("asked before the prompt, in a unit of its own")
                .singleElement().isNotEqualTo(unitsOf("marks", "firstSeen").getFirst());
    }
}
