package ke.invoiceiq.application.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import ke.invoiceiq.adapters.memory.InMemoryPorts;
import ke.invoiceiq.application.due.ReminderOptOuts;
import ke.invoiceiq.application.invoice.CancelInvoiceUseCase;
import ke.invoiceiq.application.invoice.CreateInvoiceUseCase;
import ke.invoiceiq.application.invoice.FindInvoicesUseCase;
import ke.invoiceiq.application.invoice.RemindInvoiceUseCase;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.retention.RetentionSettings;
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.application.testing.InMemoryCorePorts;
import ke.invoiceiq.application.testing.InvoicePayments;
import ke.invoiceiq.application.wiring.Core;
import ke.invoiceiq.application.wiring.CoreSettings;
import ke.invoiceiq.domain.customer.Customer;
import ke.invoiceiq.domain.customer.CustomerName;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboxMessage;
import ke.invoiceiq.domain.payment.MpesaReceipt;
import ke.invoiceiq.domain.payment.Payment;

/**
 * The application wired over the in-memory ports, as the bootstrap module wires it over the real ones, with
 * helpers to send messages and read the outbox.
 */
public final class Wiring {

    public static final Msisdn MERCHANT = new Msisdn("254700000001");
    public static final Msisdn CUSTOMER = new Msisdn("254712345678");
    public static final Msisdn STRANGER = new Msisdn("254733999888");
    public static final String BASE_URL = "https://pay.example.co.ke";

    public final InMemoryPorts ports = InMemoryPorts.create();
    public final MerchantSettings merchant = new MerchantSettings(Set.of(MERCHANT), "Wanjiru Cleaners", BASE_URL);
    public final ScriptedRequestPayment payments = new ScriptedRequestPayment(ports.invoices(),
            ports.transactions()::isActive);
    /** The merchant's language and the customers' default: English unless built {@link #withLanguages}. */
    public final LanguageSettings languages;
    /** Every use case, built by the same composition root as in production. */
    public final Core core;
    public final OutboxWriter outbox;
    public final CreateInvoiceUseCase createInvoice;
    public final RemindInvoiceUseCase remindInvoice;
    public final CancelInvoiceUseCase cancelInvoice;
    public final FindInvoicesUseCase findInvoices;

    /** What the conversations call to pay: {@link #payments} unless built {@link #withRealPayments()}. */
    public final RequestPaymentUseCase requestPayment;

    private final AtomicLong messageIds = new AtomicLong();
    private HandleInboundMessageService inbound;

    public Wiring() {
        this(false);
    }

    private Wiring(boolean realPayments) {
        this(realPayments, LanguageSettings.DEFAULT);
    }

    private Wiring(boolean realPayments, LanguageSettings languages) {
        this.languages = languages;
        CoreSettings defaults = CoreSettings.defaults(merchant);
        core = new Core(InMemoryCorePorts.of(ports), new CoreSettings(defaults.merchant(), defaults.payment(),
                defaults.dispatch(), defaults.retention(), defaults.chatExpiry(), defaults.reminders(), languages));
        outbox = core.outboxWriter();
        createInvoice = core.createInvoice();
        remindInvoice = core.remindInvoice();
        cancelInvoice = core.cancelInvoice();
        findInvoices = core.findInvoices();
        requestPayment = realPayments ? core.requestPayment() : payments;
        inbound = newInbound();
    }

    /** With the merchant's language and the customers' default language set. */
    public static Wiring withLanguages(LanguageSettings languages) {
        return new Wiring(false, languages);
    }

    /** With the real payment use cases over the scripted M-PESA gateway. */
    public static Wiring withRealPayments() {
        return new Wiring(true);
    }

    /**
     * A fresh service over the same stores: what a restart, or a second instance, looks like. Built here rather
     * than taken from {@link #core} on purpose: the conversations pay through {@link #requestPayment}, the scripted
     * payments unless built {@link #withRealPayments()}, and a restart needs a new instance over the same core.
     */
    public HandleInboundMessageService newInbound() {
        var merchantConversation = new MerchantConversation(ports.chatSessions(), createInvoice, remindInvoice,
                cancelInvoice, findInvoices, requestPayment, core.markInvoicePaid(), outbox, ports.transactions(),
                ports.clock(), ports.customers(), languages);
        var customerConversation = new CustomerConversation(ports.invoices(), requestPayment, outbox,
                ports.transactions(), ports.clock(), merchant, ports.replyCooldowns(), ports.customers(), languages,
                Optional.of(new ReminderOptOuts(ports.customers(), outbox, merchant, ports.clock())));
        return new HandleInboundMessageService(ports.inboundEvents(), ports.messageLog(), ports.customers(),
                ports.ids(), ports.transactions(), ports.clock(), merchant, merchantConversation,
                customerConversation, outbox, ports.events(), RetentionSettings.DEFAULT.inboundEvents());
    }

    public void restart() {
        inbound = newInbound();
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    public String nextWamid() {
        return "wamid.HBgM" + messageIds.incrementAndGet();
    }

    public InboundMessage whatsapp(Msisdn from, InboundContent content, String wamid) {
        return new InboundMessage("whatsapp", wamid, Channel.WHATSAPP, Optional.of(from), Optional.empty(), content,
                ports.clock().instant());
    }

    public HandleInboundMessageOutcome handle(InboundMessage message) {
        return inbound.handle(message);
    }

    public HandleInboundMessageOutcome giveUp(InboundMessage message) {
        return inbound.giveUp(message);
    }

    public boolean mayWaitOnProvider(InboundMessage message) {
        return inbound.mayWaitOnProvider(message);
    }

    public HandleInboundMessageOutcome text(Msisdn from, String text) {
        return handle(whatsapp(from, new InboundContent.Text(text), nextWamid()));
    }

    public HandleInboundMessageOutcome tap(Msisdn from, String buttonId) {
        return handle(whatsapp(from, new InboundContent.ButtonTap(buttonId), nextWamid()));
    }

    public HandleInboundMessageOutcome sms(Msisdn from, String text) {
        return handle(new InboundMessage("africastalking", "ATXid_" + messageIds.incrementAndGet(), Channel.SMS,
                Optional.of(from), Optional.empty(), new InboundContent.Text(text), ports.clock().instant()));
    }

    // ---- state set-up -------------------------------------------------------------------------------------

    /** An invoice as the one-line command would create it, PENDING. */
    public Invoice issued(Msisdn to, long shillings, String item) {
        HandleInboundMessageOutcome outcome = text(MERCHANT, "invoice " + to.value() + " " + shillings + " " + item);
        InvoiceId id = ((HandleInboundMessageOutcome.HandledForMerchant) outcome).invoicesCreated().getFirst();
        return invoice(id);
    }

    public Invoice sent(Msisdn to, long shillings, String item) {
        Invoice issued = issued(to, shillings, item);
        return ports.invoices().update(issued.sendAccepted(Channel.WHATSAPP, now()).invoice());
    }

    /** Paid in full by one M-PESA payment with {@code receipt}. */
    public Invoice paid(Invoice invoice, String receipt) {
        return InvoicePayments.change(ports.invoices(), invoice.id(),
                current -> InvoicePayments.paid(current, Optional.of(new MpesaReceipt(receipt)), now()));
    }

    /** A new M-PESA payment of {@code shillings} with {@code receipt}, whatever it leaves to pay. */
    public Invoice paidBy(Invoice invoice, long shillings, String receipt) {
        return InvoicePayments.change(ports.invoices(), invoice.id(), current -> InvoicePayments.paidBy(current,
                receipt, shillings, Optional.of(new MpesaReceipt(receipt)), now()));
    }

    public Invoice failed(Invoice invoice) {
        Invoice current = invoice(invoice.id());
        return ports.invoices().update(current.deliveryFailedOnEveryChannel(now()).invoice());
    }

    /** A prompt for the invoice is open on the customer's phone: Daraja named the push, M-PESA has not answered. */
    public Payment paymentInFlight(Invoice invoice) {
        String tag = invoice.id().value();
        return InvoicePayments.change(ports.invoices(), invoice.id(),
                current -> InvoicePayments.promptOpen(current, tag, now()))
                .payment(InvoicePayments.paymentId(tag)).orElseThrow();
    }

    /** A push for the invoice whose outcome nobody knows: Daraja never named it (time-out, 5xx). */
    public Payment paymentOutcomeUnknown(Invoice invoice) {
        String tag = invoice.id().value();
        return InvoicePayments.change(ports.invoices(), invoice.id(),
                current -> InvoicePayments.requested(current, tag, now()))
                .payment(InvoicePayments.paymentId(tag)).orElseThrow();
    }

    public void knownCustomer(Msisdn msisdn, String name) {
        ports.customers().remember(Customer.of(msisdn, new CustomerName(name)));
    }

    // ---- reading back -------------------------------------------------------------------------------------

    public Invoice invoice(InvoiceId id) {
        return ports.invoices().find(id).orElseThrow();
    }

    public List<Invoice> invoices() {
        return ports.invoices().latest(Optional.empty(), 1000);
    }

    public List<OutboxMessage> outboxTo(Msisdn to) {
        return ports.outbox().all().stream().filter(m -> m.recipient().equals(to)).toList();
    }

    public List<OutboxMessage> outboxTo(Msisdn to, MessagePurpose purpose) {
        return outboxTo(to).stream().filter(m -> m.purpose() == purpose).toList();
    }

    /** The text of the last message queued to {@code to}. */
    public String lastTextTo(Msisdn to) {
        List<OutboxMessage> messages = outboxTo(to);
        if (messages.isEmpty()) {
            throw new AssertionError("nothing was queued to " + to);
        }
        return messages.getLast().content().text();
    }

    public OutboxMessage lastTo(Msisdn to) {
        return outboxTo(to).getLast();
    }

    public Instant now() {
        return ports.clock().instant();
    }
}
