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
import ke.invoiceiq.application.settings.LanguageSettings;
import ke.invoiceiq.application.settings.MerchantSettings;
import ke.invoiceiq.domain.chat.BotCopy;
import ke.invoiceiq.domain.copy.Language;
import ke.invoiceiq.domain.copy.SwahiliDetector;
import ke.invoiceiq.domain.customer.CustomerDirectory;
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
 * <p>Language: an answer about an invoice is in the invoice's language; any other answer in the language the
 * customer just wrote in, else the one the directory keeps for them, else the configured default. Swahili read in a
 * customer's text ({@link SwahiliDetector}) is kept in the directory for their next invoices.
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
    private final CustomerDirectory customers;
    private final LanguageSettings languages;
    private final Optional<ReminderOptOuts> optOuts;

    public CustomerConversation(InvoiceRepository invoices, RequestPaymentUseCase requestPayment, OutboxWriter outbox,
            Transactions transactions, Clock clock, MerchantSettings merchant, ReplyCooldowns cooldowns,
            CustomerDirectory customers, LanguageSettings languages) {
        this(invoices, requestPayment, outbox, transactions, clock, merchant, cooldowns, customers, languages,
                Optional.empty());
    }

    /** With {@code optOuts}, STOP/ACHA and START/ANZA are read before anything else (docs/chat-flow.md). */
    public CustomerConversation(InvoiceRepository invoices, RequestPaymentUseCase requestPayment, OutboxWriter outbox,
            Transactions transactions, Clock clock, MerchantSettings merchant, ReplyCooldowns cooldowns,
            CustomerDirectory customers, LanguageSettings languages, Optional<ReminderOptOuts> optOuts) {
        this.customers = customers;
        this.languages = languages;
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
        Optional<Language> written = content instanceof InboundContent.Text text
                ? SwahiliDetector.detect(text.text()) : Optional.empty();
        if (request instanceof CustomerRequest.Pay pay) {
            // a redelivery before the claim below commits asks again under the same key: no second prompt
            RequestPaymentOutcome outcome =
                    requestPayment.requestPayment(RequestPaymentCommand.byPhone(pay.invoiceId(), customer, key));
            RequestPaymentOutcome answered = answered(pay, outcome);
            boolean first = transactions.inTransaction(() -> {
                if (!claim.getAsBoolean()) {
                    return false;
                }
                Language language = learn(customer, written);
                reply(customer, channel, PaymentReplies.invoiceOf(answered),
                        PaymentReplies.of(answered, pay.invoiceId(), clock.instant(), language));
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
                Language language = learn(customer, written);
                if (cooldowns.tryStart(customer, Channel.SMS, clock.instant(), SMS_HELP_EVERY)) {
                    reply(customer, channel, Optional.empty(),
                            OutboundContent.text(BotCopy.customerHelpSms(language)));
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
            Language language = learn(customer, written);
            switch (request) {
                case CustomerRequest.View view -> {
                    Optional<Invoice> invoice = invoices.find(view.invoiceId());
                    reply(customer, channel, invoice.map(Invoice::id),
                            details(customer, view.invoiceId(), invoice, language));
                }
                case CustomerRequest.MerchantOnly m -> reply(customer, channel, Optional.empty(),
                        OutboundContent.text(BotCopy.merchantOnly(language)));
                case CustomerRequest.Unsupported u -> reply(customer, channel, Optional.empty(),
                        OutboundContent.text(BotCopy.unsupportedMessage(language)));
                case CustomerRequest.Help h -> reply(customer, channel, Optional.empty(),
                        OutboundContent.text(BotCopy.customerHelp(language)));
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

    /**
     * The language of an answer that names no invoice: the one the customer just wrote in, else the one the
     * directory keeps for them (chosen by the merchant or learned), else the configured default. Swahili read in
     * this message is learned for the next ones (a choice the merchant made is kept: {@link
     * CustomerDirectory#learnLanguage}).
     */
    private Language learn(Msisdn customer, Optional<Language> written) {
        written.ifPresent(language -> customers.learnLanguage(customer, language));
        return customers.language(customer).orElse(languages.customerDefault());
    }

    /** The invoice again with its Pay button, for its own customer only; about an invoice, in its language. */
    private OutboundContent details(Msisdn asker, InvoiceId id, Optional<Invoice> found, Language fallback) {
        if (found.isEmpty()) {
            return OutboundContent.text(PaymentReplies.notFound(id, fallback));
        }
        Invoice invoice = found.get();
        Language language = invoice.language();
        if (!invoice.customer().msisdn().equals(asker)) {
            return OutboundContent.text(BotCopy.notYourInvoice(language, id, invoice.customer().msisdn()));
        }
        return switch (invoice.status()) {
            case PAID -> OutboundContent.text(BotCopy.alreadyPaid(language, id, invoice.receipt()));
            case CANCELLED -> OutboundContent.text(BotCopy.invoiceCancelled(language, id, invoice.amount()));
            case PENDING, SENT, FAILED -> messages.details(invoice);
        };
    }

    private void reply(Msisdn to, Channel channel, Optional<InvoiceId> invoiceId, OutboundContent content) {
        outbox.send(to, channel, MessagePurpose.REPLY, invoiceId, content);
    }
}
