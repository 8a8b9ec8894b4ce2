package ke.invoiceiq.application.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import ke.invoiceiq.application.due.ReminderOptOuts;
import ke.invoiceiq.application.inbound.HandleInboundMessageOutcome.HandledForCustomer;
import ke.invoiceiq.application.invoice.InvoiceMessages;
import ke.invoiceiq.application.messaging.OutboxWriter;
import ke.invoiceiq.application.payment.RequestPaymentCommand;
import ke.invoiceiq.application.payment.RequestPaymentOutcome;
import ke.invoiceiq.application.payment.RequestPaymentUseCase;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.customer.Msisdn;
import ke.invoiceiq.domain.invoice.Invoice;
import ke.invoiceiq.domain.invoice.InvoiceId;
import ke.invoiceiq.domain.invoice.InvoiceRepository;
import ke.invoiceiq.domain.messaging.Channel;
import ke.invoiceiq.domain.messaging.MessagePurpose;
import ke.invoiceiq.domain.messaging.OutboundContent;
import ke.invoiceiq.domain.messaging.ReplyCooldowns;
import ke.invoiceiq.domain.payment.IdempotencyKey;
import ke.invoiceiq.domain.shared.Transactions;

/**
 * The customer's side: Pay with M-PESA (the payment use case runs its own units of work and calls M-PESA, so
 * it is called outside ours), View details, and a polite answer to everything else. Replies go back on the
 * channel the message came in on, queued in one unit of work with the message's claim.
 *
 * <p>By SMS, everything but a payment request is answered with one short help text at most once per
 * {@link #SMS_HELP_EVERY} per number: each SMS costs money, and an automatic sender (a telco's promotions, another
 * bot) would otherwise get an answer to every message it sends, and may answer back.
 */
public final class CustomerConversation {

    /** How often a number may get the help SMS. */
    public static final Duration SMS_HELP_EVERY = Duration.ofHours(1);

    private final InvoiceRepository invoices;
    private final RequestPaymentUseCase requestPayment;
    private final OutboxWriter outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final InvoiceMessages messages;
    private final ReplyCooldowns cooldowns;
    private final Optional<ReminderOptOuts> optOuts;

    public CustomerConversation(InvoiceRepository invoices, RequestPaymentUseCase requestPayment, OutboxWriter outbox,
            Transactions transactions, Clock clock, MerchantSettings merchant, ReplyCooldowns cooldowns) {
        this(invoices, requestPayment, outbox, transactions, clock, merchant, cooldowns, Optional.empty());
    }

    /** With {@code optOuts}, STOP/ACHA and START/ANZA are read before anything else (docs/chat-flow.md). */
    public CustomerConversation(InvoiceRepository invoices, RequestPaymentUseCase requestPayment, OutboxWriter outbox,
            Transactions transactions, Clock clock, MerchantSettings merchant, ReplyCooldowns cooldowns,
            Optional<ReminderOptOuts> optOuts) {
        this.optOuts = optOuts;
        this.cooldowns = cooldowns;
        this.invoices = invoices;
        this.requestPayment = requestPayment;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.messages = new InvoiceMessages(merchant);
    }

    HandleInboundMessageOutcome handle(Msisdn customer, Channel channel, InboundContent content, IdempotencyKey key,
            BooleanSupplier claim) {
        CustomerRequest request = CustomerRequest.of(content);
        Optional<ReminderOptOuts.Said> said = optOuts.flatMap(o -> ReminderOptOuts.read(content));
        if (said.isPresent()) {
            boolean first = transactions.inTransaction(() -> {
                if (!claim.getAsBoolean()) {
                    return false;
                }
                optOuts.orElseThrow().apply(customer, channel, said.get());
                return true;
            });
            return first ? new HandledForCustomer(request, Optional.empty())
                    : new HandleInboundMessageOutcome.Duplicate();
        }
        if (request instanceof CustomerRequest.Pay pay) {
            // a redelivery before the claim below commits asks again under the same key: no second prompt
            RequestPaymentOutcome outcome =
                    requestPayment.requestPayment(RequestPaymentCommand.byPhone(pay.invoiceId(), customer, key));
            RequestPaymentOutcome answered = answered(pay, outcome);
            boolean first = transactions.inTransaction(() -> {
                if (!claim.getAsBoolean()) {
                    return false;
                }
                reply(customer, channel, PaymentReplies.invoiceOf(answered),
                        PaymentReplies.of(answered, pay.invoiceId(), clock.instant()));
                return true;
            });
            return first ? new HandledForCustomer(request, Optional.of(outcome))
                    : new HandleInboundMessageOutcome.Duplicate();
        }
        if (channel == Channel.SMS) {
            boolean first = transactions.inTransaction(() -> {
                if (!claim.getAsBoolean()) {
                    return false;
                }
                if (cooldowns.tryStart(customer, Channel.SMS, clock.instant(), SMS_HELP_EVERY)) {
                    reply(customer, channel, Optional.empty(), OutboundContent.text(BotCopy.customerHelpSms()));
                }
                return true;
            });
            return first ? new HandledForCustomer(request, Optional.empty())
                    : new HandleInboundMessageOutcome.Duplicate();
        }
        boolean first = transactions.inTransaction(() -> {
            if (!claim.getAsBoolean()) {
                return false;
            }
            switch (request) {
                case CustomerRequest.View view -> {
                    Optional<Invoice> invoice = invoices.find(view.invoiceId());
                    reply(customer, channel, invoice.map(Invoice::id), details(customer, view.invoiceId(), invoice));
                }
                case CustomerRequest.MerchantOnly m -> reply(customer, channel, Optional.empty(),
                        OutboundContent.text(BotCopy.merchantOnly()));
                case CustomerRequest.Unsupported u -> reply(customer, channel, Optional.empty(),
                        OutboundContent.text(BotCopy.unsupportedMessage()));
                case CustomerRequest.Help h -> reply(customer, channel, Optional.empty(),
                        OutboundContent.text(BotCopy.customerHelp()));
                case CustomerRequest.Pay p -> throw new IllegalStateException("handled above");
            }
            return true;
        });
        return first ? new HandledForCustomer(request, Optional.empty()) : new HandleInboundMessageOutcome.Duplicate();
    }

    /**
     * What the asker is told. A typed {@code PAY <id>} from a number that is not the invoice's is answered exactly as
     * an id no invoice has: whoever guesses ids learns neither that the invoice exists nor whose number it went to.
     * A tap on the Pay button came from a phone our message reached, so it is told to pay from the invoiced number.
     */
    private static RequestPaymentOutcome answered(CustomerRequest.Pay pay, RequestPaymentOutcome outcome) {
        return !pay.tapped() && outcome instanceof RequestPaymentOutcome.NotYourInvoice
                ? new RequestPaymentOutcome.InvoiceNotFound()
                : outcome;
    }

    /** The invoice again with its Pay button, for its own customer only. */
    private OutboundContent details(Msisdn asker, InvoiceId id, Optional<Invoice> found) {
        if (found.isEmpty()) {
            return OutboundContent.text(PaymentReplies.notFound(id));
        }
        Invoice invoice = found.get();
        if (!invoice.customer().msisdn().equals(asker)) {
            return OutboundContent.text(BotCopy.notYourInvoice(id, invoice.customer().msisdn()));
        }
        return switch (invoice.status()) {
            case PAID -> OutboundContent.text(BotCopy.alreadyPaid(id, invoice.receipt()));
            case CANCELLED -> OutboundContent.text(BotCopy.invoiceCancelled(id, invoice.amount()));
            case PENDING, SENT, FAILED -> messages.details(invoice);
        };
    }

    private void reply(Msisdn to, Channel channel, Optional<InvoiceId> invoiceId, OutboundContent content) {
        outbox.send(to, channel, MessagePurpose.REPLY, invoiceId, content);
    }
}
