package ke.invoiceiq.application.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.settings.DispatchSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Amount;
import ke.invoiceiq.domain.invoice.Description;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.ChatMessenger;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.Outbox;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.messaging.SmsMessenger;
import ke.invoiceiq.domain.messaging.TemplateParameters;

/**
 * The dispatcher and the delivery reports wired over the in-memory ports, with an invoice waiting to go out. The
 * dispatcher keeps to Meta's own limits (6 s per person, 80 a second). The merchant has just written, so their
 * 24-hour window is open, unless the world is made with {@link #merchantSilent()}.
 */
final class MessagingWorld {

    static final Msisdn MERCHANT = new Msisdn("254700000001");
    static final Msisdn CUSTOMER = new Msisdn("254712345678");
    static final Amount AMOUNT = Amount.ofShillings(2_500);

    final InMemoryPorts ports = InMemoryPorts.create();
    final MerchantSettings merchant = new MerchantSettings(Set.of(MERCHANT), "Wanjiru Cleaners", "https://pay.example");
    final DispatchSettings settings =
            new DispatchSettings(50, Duration.ofSeconds(60), 3, Duration.ofSeconds(5), Duration.ofMinutes(30));
    final OutboxWriter writer = new OutboxWriter(ports.outbox(), ports.ids(), ports.clock(), merchant,
            ports.tracing());
    final RecordDeliveryStatusService deliveryReports = new RecordDeliveryStatusService(ports.outbox(),
            ports.invoices(), ports.messageLog(), ports.transactions(), ports.clock(), ports.ids(), ports.events(),
            merchant, ports.tracing());

    MessagingWorld() {
        this(true);
    }

    private MessagingWorld(boolean merchantWrote) {
        if (merchantWrote) {
            ports.customers().recordInbound(MERCHANT, now());
        }
    }

    /** A merchant who has not written to the business number for over a day (or ever). */
    static MessagingWorld merchantSilent() {
        return new MessagingWorld(false);
    }

    DispatchOutboxService dispatcher() {
        return dispatcher(ports.outbox(), ports.chat(), ports.sms());
    }

    /** A dispatcher of its own (another instance) on these ports, with these in place of the outbox and messengers. */
    DispatchOutboxService dispatcher(Outbox outbox, ChatMessenger chat, SmsMessenger sms) {
        return dispatcher(outbox, chat, sms, settings);
    }

    DispatchOutboxService dispatcher(Outbox outbox, ChatMessenger chat, SmsMessenger sms,
            DispatchSettings dispatchSettings) {
        // built by hand, not taken from wiring.Core, on purpose: the tests swap the outbox, the messengers and the
        // settings under the dispatcher
        return new DispatchOutboxService(outbox, chat, sms, ports.sendSlots(), ports.customers(), ports.invoices(),
                ports.messageLog(), ports.transactions(), ports.clock(), ports.ids(), ports.events(), merchant,
                dispatchSettings, ports.tracing());
    }

    DispatchReport dispatch() {
        return dispatcher().dispatch();
    }

    /** A new PENDING invoice and its customer message queued, as CreateInvoice leaves them. */
    Invoice invoiceQueued() {
        return invoiceQueued(CUSTOMER);
    }

    /** The same, to {@code customer}. */
    Invoice invoiceQueued(Msisdn customer) {
        Invoice invoice = invoiceIssued(customer);
        writer.toCustomer(customer, MessagePurpose.INVOICE, Optional.of(invoice.id()), invoiceContent(invoice));
        return invoice;
    }

    /** A new PENDING invoice to {@code customer}, with nothing queued for it yet. */
    Invoice invoiceIssued(Msisdn customer) {
        InvoiceId id = ports.ids().nextInvoiceId();
        Invoice invoice = Invoice.issue(id, Customer.of(customer, new CustomerName("Mama Njeri")), AMOUNT,
                new Description("Cleaning (Wed 3pm)"), ports.ids().nextPayToken(), now());
        ports.invoices().add(invoice);
        return invoice;
    }

    /** The {@code n}-th customer of a crowd, each a number of their own. */
    static Msisdn customer(int n) {
        return new Msisdn("2547%08d".formatted(10_000_000 + n));
    }

    static OutboundContent invoiceContent(Invoice invoice) {
        return OutboundContent.withButtons(
                        BotCopy.invoiceMessage("Wanjiru Cleaners", invoice.id(), invoice.amount(),
                                invoice.customer().name(), invoice.description().value()),
                        List.of(BotCopy.payButton(invoice.id()), BotCopy.viewButton(invoice.id())))
                .withSms(smsText(invoice))
                .withTemplate(template(invoice));
    }

    static String smsText(Invoice invoice) {
        return BotCopy.invoiceSms(invoice.id(), invoice.amount(), invoice.description().value(),
                "https://pay.example/pay/" + invoice.payToken().value());
    }

    static TemplateParameters template(Invoice invoice) {
        return new TemplateParameters(List.of("Mama Njeri", invoice.amount().formatted(), invoice.id().value(),
                "https://pay.example/pay/" + invoice.payToken().value()), BotCopy.payButton(invoice.id()).id());
    }

    Instant now() {
        return ports.clock().instant();
    }

    Instant advance(Duration duration) {
        return ports.clock().advance(duration);
    }

    Invoice invoice(InvoiceId id) {
        return ports.invoices().find(id).orElseThrow();
    }

    List<OutboxMessage> outbox() {
        return ports.outbox().all();
    }

    OutboxMessage message(String id) {
        return ports.outbox().find(id).orElseThrow();
    }

    List<OutboxMessage> outbox(Msisdn to, MessagePurpose purpose) {
        return outbox().stream().filter(m -> m.recipient().equals(to) && m.purpose() == purpose).toList();
    }

    List<OutboxMessage> outbox(Channel channel) {
        return outbox().stream().filter(m -> m.channel() == channel).toList();
    }
}
